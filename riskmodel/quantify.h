#pragma once
// Evidence and numbers for the ROS: what an observed frequency of incidents says about a risk's
// likelihood, and the department's yearly loss as a loss-exceedance curve, simulated from each
// risk's estimate (how often a year, and a loss range with 90 % confidence). Plain C++.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "riskmodel/matrix.h"

namespace vakt::risk {

// What linked evidence suggests for a risk's likelihood: the band its observed frequency falls
// in, when that is above the likelihood the risk has now. Evidence only raises: a quiet year is
// no proof that something has become rarer.
struct LikelihoodSuggestion {
    int likelihood = 0;
    double perYear = 0;
};
std::optional<LikelihoodSuggestion> suggestLikelihood(const RiskMatrix& matrix, int current, int observed, double windowYears);

// A risk's yearly frequency and the loss of one event as a 90 % interval (5th to 95th
// percentile of a log-normal), in kroner.
struct LossEstimate {
    double perYear = 0;
    double low = 0, high = 0;
};
Status validate(const LossEstimate& estimate);

struct ExceedancePoint {
    double loss = 0;         // kroner
    double probability = 0;  // of a year's total loss above it
};

struct LossCurve {
    int trials = 0;
    double mean = 0;
    double p50 = 0, p90 = 0, p99 = 0;  // percentiles of the yearly total
    double probabilityOfAnyLoss = 0;
    std::vector<ExceedancePoint> points;  // loss ascending, probability descending
};

struct SimulationLimits {
    int maxTrials = 1'000'000;
    std::size_t maxEstimates = 100'000;
    double maxPerYear = 1000;
    // Expected events drawn in all (trials × the estimates' yearly frequencies): about two
    // seconds of work; each bound alone would still let their product run for hours.
    double maxEvents = 50'000'000;
};

// Simulates `trials` years: each risk's events are Poisson, each event's loss log-normal. The
// same seed gives the same curve, so a report can be reproduced.
Result<LossCurve> simulateLosses(std::span<const LossEstimate> estimates, int trials, std::uint64_t seed, int points = 40,
                                 const SimulationLimits& limits = {});

}  // namespace vakt::risk
