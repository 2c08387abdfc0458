#pragma once
// Runs the rules over a model: rates every element and flow by the data it touches, derives the
// facts rules read (untrusted, crosses_boundary …), and raises one threat per rule and element
// the rule's condition holds for. Threat ids are "RULE/ELEMENT" (docs/threat-models.md), so they
// stay the same across edits that do not touch the element or the rule.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "riskmodel/model.h"
#include "riskmodel/rules.h"

namespace vakt::risk {

enum class Level { Low, Medium, High, Critical };
const char* levelName(Level level);  // "low" … "critical"
std::optional<Level> parseLevel(std::string_view name);
// The default 5 × 5 matrix: likelihood × consequence up to 4 low, up to 9 medium, up to 14
// high, from 15 critical.
Level defaultLevel(int likelihood, int consequence);

struct Threat {
    std::string id;  // RULE/ELEMENT
    const Rule* rule = nullptr;
    const Element* element = nullptr;  // the element or flow it concerns
    int likelihood = 1;
    int consequence = 1;
    Level level = Level::Low;
};

// What the analysis derived for one element or flow.
struct Derived {
    std::optional<Confidentiality> confidentiality;
    std::optional<Rating> integrity;
    std::optional<Rating> availability;
    bool untrusted = false;             // elements
    bool crossesBoundary = false;       // flows
    bool crossesOrganisation = false;   // flows
    const Boundary* boundary = nullptr;  // innermost (elements)
    std::string organisation;           // nearest boundary's organisation (elements)
    std::vector<const Element*> incoming;
    std::vector<const Element*> outgoing;
};

class Analysis {
public:
    // The model and rules must outlive the analysis (threats point into both).
    Analysis(const Model& model, std::span<const Rule> rules);

    const Model& model() const { return model_; }
    const std::vector<Threat>& threats() const { return threats_; }  // sorted by id
    const Derived& derived(const Element& e) const;
    // A fact as rules read it: the property, or what Vakt derived; nothing when unknown.
    std::optional<std::string> fact(const Element& e, std::string_view name) const;
    bool holds(const Condition& c, const Element& e) const;

private:
    bool holdsOnBoundary(const Condition& c, const Element& e) const;
    std::size_t indexOf(const Element& e) const;

    const Model& model_;
    std::vector<Derived> derived_;  // elements, then flows
    std::vector<Threat> threats_;
};

// Two rules with one id would make threat ids ambiguous.
Status checkRuleSet(std::span<const Rule> rules);

}  // namespace vakt::risk
