// Evidence moving a likelihood, and the loss-exceedance simulation, against answers worked out
// by hand from the Poisson and log-normal distributions.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "riskmodel/matrix.h"
#include "riskmodel/quantify.h"

using namespace vakt::risk;

TEST(Evidence, ObservedFrequencyFallsInTheMatrixBandThatSaysSo) {
    const RiskMatrix& m = defaultMatrix();
    // The default bands: <0.1, every 3-10 years, every 1-3 years, several a year, monthly.
    EXPECT_EQ(m.likelihoodOf(0.05), 1);
    EXPECT_EQ(m.likelihoodOf(0.2), 2);
    EXPECT_EQ(m.likelihoodOf(1), 3);
    EXPECT_EQ(m.likelihoodOf(3), 4);
    EXPECT_EQ(m.likelihoodOf(12), 5);
    EXPECT_EQ(m.likelihoodOf(400), 5);
}

TEST(Evidence, IncidentsAboveTheAssessedLikelihoodSuggestARaise) {
    const RiskMatrix& m = defaultMatrix();
    // Four incidents in a year is "several times a year"; the risk was judged "unlikely".
    auto s = suggestLikelihood(m, 2, 4, 1.0);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->likelihood, 4);
    EXPECT_DOUBLE_EQ(s->perYear, 4.0);
    // One a year on a risk already judged likely says nothing new, and nothing suggests a drop.
    EXPECT_FALSE(suggestLikelihood(m, 4, 1, 1.0));
    EXPECT_FALSE(suggestLikelihood(m, 3, 0, 1.0));
}

TEST(Evidence, AMatrixWithoutFrequenciesSuggestsNothing) {
    RiskMatrix m = defaultMatrix();
    for (auto& band : m.likelihood) band.perYear = -1;
    EXPECT_FALSE(m.likelihoodOf(50));
    EXPECT_FALSE(suggestLikelihood(m, 1, 50, 1.0));
}

TEST(Evidence, FrequenciesSurviveTheStoredMatrixAndBadOnesAreRefused) {
    auto back = parseMatrix(matrixJson(defaultMatrix()), "m.json");
    ASSERT_TRUE(back) << back.message();
    EXPECT_EQ(back->likelihoodOf(3), 4);
    std::string json = matrixJson(defaultMatrix());
    const std::string several = "\"per_year\": 2}";
    const auto at = json.find(several);
    ASSERT_NE(at, std::string::npos);
    std::string falling = json;
    falling.replace(at, several.size(), "\"per_year\": 0.01}");
    auto bad = parseMatrix(falling, "m.json");
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.message().find("m.json:"), std::string::npos) << bad.message();
    EXPECT_NE(bad.message().find("likelihood[3].per_year"), std::string::npos) << bad.message();
}

TEST(LossCurve, OneEventAYearOfAFixedLossFollowsPoisson) {
    // λ = 1 and every loss 1000 kr: P(any loss) = 1 - e^-1, P(more than one event) = 1 - 2e^-1.
    const std::vector<LossEstimate> one{{1.0, 1000, 1000}};
    auto curve = simulateLosses(one, 200000, 7);
    ASSERT_TRUE(curve) << curve.message();
    EXPECT_NEAR(curve->probabilityOfAnyLoss, 1 - std::exp(-1.0), 0.005);
    EXPECT_NEAR(curve->mean, 1000, 15);
    double aboveOne = -1;
    for (const auto& p : curve->points)
        if (p.loss >= 1000 && p.loss < 1999) aboveOne = p.probability;
    EXPECT_NEAR(aboveOne, 1 - 2 * std::exp(-1.0), 0.005);
}

TEST(LossCurve, TheMeanIsFrequencyTimesTheLogNormalMean) {
    // 90 % between 100 000 and 1 000 000: μ = ln(316 228), σ = ln(10) / 3.29; E = e^(μ + σ²/2).
    const double mu = std::log(std::sqrt(1e5 * 1e6)), sigma = std::log(10.0) / (2 * 1.6448536269514722);
    const double expected = 0.5 * std::exp(mu + sigma * sigma / 2) + 2 * 50000;  // plus a fixed 50 000 twice a year
    const std::vector<LossEstimate> two{{0.5, 1e5, 1e6}, {2, 50000, 50000}};
    auto curve = simulateLosses(two, 200000, 11);
    ASSERT_TRUE(curve) << curve.message();
    EXPECT_NEAR(curve->mean / expected, 1.0, 0.02);
    EXPECT_LE(curve->p50, curve->p90);
    EXPECT_LE(curve->p90, curve->p99);
    for (std::size_t i = 1; i < curve->points.size(); ++i) {
        EXPECT_GT(curve->points[i].loss, curve->points[i - 1].loss);
        EXPECT_LE(curve->points[i].probability, curve->points[i - 1].probability);
    }
}

TEST(LossCurve, TheSameSeedGivesTheSameCurve) {
    const std::vector<LossEstimate> e{{3, 1000, 90000}};
    auto a = simulateLosses(e, 5000, 42), b = simulateLosses(e, 5000, 42);
    ASSERT_TRUE(a && b);
    EXPECT_EQ(a->p90, b->p90);
    EXPECT_EQ(a->points.size(), b->points.size());
}

TEST(LossCurve, NoEstimatesMeanNoLoss) {
    auto curve = simulateLosses({}, 1000, 1);
    ASSERT_TRUE(curve);
    EXPECT_EQ(curve->probabilityOfAnyLoss, 0);
    EXPECT_TRUE(curve->points.empty());
}

TEST(LossCurve, BadEstimatesAndHostileSizesAreRefused) {
    const std::vector<LossEstimate> reversed{{1, 5000, 100}};
    auto r = simulateLosses(reversed, 100, 1);
    ASSERT_FALSE(r);
    EXPECT_NE(r.message().find("estimate 1"), std::string::npos) << r.message();
    EXPECT_FALSE(simulateLosses(std::vector<LossEstimate>{{NAN, 1, 2}}, 100, 1));
    EXPECT_FALSE(simulateLosses(std::vector<LossEstimate>{{1e9, 1, 2}}, 100, 1));  // would never finish
    EXPECT_FALSE(simulateLosses(std::vector<LossEstimate>{{1, 1, 2}}, 2'000'000'000, 1));
    // Each bound alone is met, their product would run for hours.
    const std::vector<LossEstimate> busy(100, LossEstimate{1000, 1, 2});
    auto tooMuch = simulateLosses(busy, 20000, 1);
    ASSERT_FALSE(tooMuch);
    EXPECT_NE(tooMuch.message().find("fewer trials"), std::string::npos) << tooMuch.message();
}
