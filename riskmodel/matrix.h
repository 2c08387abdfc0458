#pragma once
// A ROS risk matrix: likelihood bands (with the frequency each stands for), consequence
// levels, the dimensions consequence is judged in (konfidensialitet, integritet,
// tilgjengelighet, personvern, økonomi, omdømme, liv og helse), the level of every cell, and
// per level its colour and whether it is acceptable. Matrices are versioned: an assessment
// keeps the version it was made with, and scores are mapped when a newer matrix differs.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.h"
#include "riskmodel/analysis.h"
#include "riskmodel/rules.h"

namespace vakt::risk {

struct MatrixLevel {
    std::string key;  // "low", "medium", "high", "critical" in the default
    LocalText label;
    std::string colour;  // #rrggbb
    bool acceptable = false;  // at or below the acceptance criteria
    LocalText criteria;       // what acceptance at this level requires
};

struct MatrixBand {
    LocalText label;
    LocalText frequency;  // likelihood bands only: "sjeldnere enn hvert tiende år"
    // Likelihood bands only: the fewest events per year the band starts at, so an observed
    // frequency (incidents linked as evidence) has a band; negative when the matrix gives none.
    double perYear = -1;
};

struct MatrixDimension {
    std::string key;  // "konfidensialitet" …
    LocalText label;
};

struct RiskMatrix {
    std::string name;
    std::vector<MatrixBand> likelihood;   // lowest first
    std::vector<MatrixBand> consequence;  // lowest first
    std::vector<MatrixDimension> dimensions;
    std::vector<MatrixLevel> levels;      // least severe first
    std::vector<std::vector<int>> cells;  // [likelihood-1][consequence-1] -> index into levels

    int size() const { return static_cast<int>(likelihood.size()); }
    // The level of a score; nullptr when outside the matrix.
    const MatrixLevel* levelOf(int likelihood, int consequence) const;
    int severity(int likelihood, int consequence) const;  // index of the level, -1 outside
    bool acceptable(int likelihood, int consequence) const;
    const MatrixDimension* dimension(std::string_view key) const;
    // The likelihood band an observed yearly frequency falls in; nullopt when the bands give no
    // frequencies.
    std::optional<int> likelihoodOf(double perYear) const;
};

// The shipped default: 5 × 5, Norwegian and English labels, seven dimensions, the levels of
// defaultLevel() (riskmodel/analysis.h), low and medium acceptable.
const RiskMatrix& defaultMatrix();

// A matrix as JSON (the form stored with each version); errors name file:line and field.
Result<RiskMatrix> parseMatrix(std::string_view json, const std::string& fileName);
std::string matrixJson(const RiskMatrix& matrix);

// A score made with one matrix, expressed in another of a different size: each axis scaled
// by its position (the middle stays the middle, the ends stay the ends).
std::pair<int, int> mapScore(const RiskMatrix& from, const RiskMatrix& to, int likelihood, int consequence);

}  // namespace vakt::risk
