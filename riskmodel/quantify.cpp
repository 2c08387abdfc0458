#include "riskmodel/quantify.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace vakt::risk {

namespace {
// The 95th percentile of the standard normal: a 90 % interval spans ±1.645 σ.
constexpr double kZ90 = 1.6448536269514722;
}  // namespace

std::optional<LikelihoodSuggestion> suggestLikelihood(const RiskMatrix& matrix, int current, int observed, double windowYears) {
    if (observed <= 0 || !(windowYears > 0)) return std::nullopt;
    const double perYear = observed / windowYears;
    const auto band = matrix.likelihoodOf(perYear);
    if (!band || *band <= current) return std::nullopt;
    return LikelihoodSuggestion{*band, perYear};
}

Status validate(const LossEstimate& e) {
    if (!std::isfinite(e.perYear) || e.perYear < 0) return fail("a frequency is a number of events per year, 0 or more");
    if (!std::isfinite(e.low) || !std::isfinite(e.high) || e.low <= 0 || e.high < e.low)
        return fail("a loss range is two amounts above 0, the low one first");
    return {};
}

Result<LossCurve> simulateLosses(std::span<const LossEstimate> estimates, int trials, std::uint64_t seed, int points,
                                 const SimulationLimits& limits) {
    if (trials < 1 || trials > limits.maxTrials) return fail("trials are 1 to " + std::to_string(limits.maxTrials));
    if (estimates.size() > limits.maxEstimates) return fail("at most " + std::to_string(limits.maxEstimates) + " estimates");
    if (points < 2 || points > 1000) return fail("a curve has 2 to 1000 points");
    for (std::size_t i = 0; i < estimates.size(); ++i) {
        if (auto s = validate(estimates[i]); !s) return fail("estimate " + std::to_string(i + 1) + ": " + s.message());
        if (estimates[i].perYear > limits.maxPerYear)
            return fail("estimate " + std::to_string(i + 1) + ": at most " + std::to_string(static_cast<int>(limits.maxPerYear)) + " events a year");
    }
    double eventsPerYear = 0;
    for (const auto& e : estimates) eventsPerYear += e.perYear;
    if (eventsPerYear * trials > limits.maxEvents)
        return fail("about " + std::to_string(static_cast<long long>(eventsPerYear * trials)) + " events to simulate, more than " +
                    std::to_string(static_cast<long long>(limits.maxEvents)) + ": fewer trials");
    struct Source {
        std::poisson_distribution<int> count;
        std::lognormal_distribution<double> loss;
        double fixed = 0;  // low == high: every event costs the same (a log-normal needs σ > 0)
    };
    std::vector<Source> sources;
    sources.reserve(estimates.size());
    for (const auto& e : estimates) {
        if (e.perYear == 0) continue;
        const double mu = (std::log(e.low) + std::log(e.high)) / 2;
        const double sigma = (std::log(e.high) - std::log(e.low)) / (2 * kZ90);
        if (sigma > 0)
            sources.push_back({std::poisson_distribution<int>(e.perYear), std::lognormal_distribution<double>(mu, sigma), 0});
        else
            sources.push_back({std::poisson_distribution<int>(e.perYear), {}, e.low});
    }
    std::mt19937_64 random(seed);
    std::vector<double> totals(static_cast<std::size_t>(trials), 0.0);
    for (double& total : totals)
        for (auto& source : sources)
            for (int n = source.count(random); n > 0; --n) total += source.fixed > 0 ? source.fixed : source.loss(random);

    std::sort(totals.begin(), totals.end());
    LossCurve curve;
    curve.trials = trials;
    double sum = 0;
    for (double t : totals) sum += t;
    curve.mean = sum / trials;
    auto percentile = [&](double p) {
        const auto index = static_cast<std::size_t>(std::clamp(std::ceil(p * trials) - 1, 0.0, trials - 1.0));
        return totals[index];
    };
    curve.p50 = percentile(0.50);
    curve.p90 = percentile(0.90);
    curve.p99 = percentile(0.99);
    auto exceeding = [&](double loss) {
        const auto above = totals.end() - std::upper_bound(totals.begin(), totals.end(), loss);
        return static_cast<double>(above) / trials;
    };
    curve.probabilityOfAnyLoss = exceeding(0);
    // Log-spaced from the smallest loss seen to the largest: the curve's tail is what matters.
    const auto firstLoss = std::upper_bound(totals.begin(), totals.end(), 0.0);
    if (firstLoss == totals.end()) return curve;
    const double from = std::log(*firstLoss), to = std::log(totals.back());
    for (int i = 0; i < points; ++i) {
        const double loss = to > from ? std::exp(from + (to - from) * i / (points - 1)) : totals.back();
        curve.points.push_back({loss, exceeding(loss)});
        if (to <= from) break;
    }
    return curve;
}

}  // namespace vakt::risk
