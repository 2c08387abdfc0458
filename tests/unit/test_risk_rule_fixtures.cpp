// Every shipped rule with its two fixtures (docs/threat-models.md): RULE.fires.yaml raises the
// rule on the element 'target' and nowhere else; RULE.quiet.yaml, the near miss, raises it
// nowhere. One test case per rule, so a failure names the rule.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "riskmodel/analysis.h"
#include "riskmodel/rules.h"

using namespace vakt::risk;
namespace fs = std::filesystem;

namespace {

const fs::path kRules = fs::path(VAKT_SOURCE_DIR) / "data" / "risk" / "rules";

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<fs::path> ruleFiles() {
    std::vector<fs::path> out;
    if (fs::is_directory(kRules))
        for (const auto& e : fs::directory_iterator(kRules))
            if (e.is_regular_file() && e.path().extension() == ".yaml") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::string> hits(const Rule& rule, const fs::path& fixture) {
    const auto model = parseModel(slurp(fixture), fixture.string());
    EXPECT_TRUE(model.ok()) << model.message();
    if (!model) return {"(model refused)"};
    const Analysis analysis(*model, std::span<const Rule>(&rule, 1));
    std::vector<std::string> out;
    for (const auto& t : analysis.threats()) out.push_back(t.element->id);
    return out;
}

class RuleFixtures : public testing::TestWithParam<fs::path> {};

}  // namespace

TEST(RuleSet, AtLeastFiftyRulesCoverEveryStrideCategory) {
    std::map<Stride, int> perCategory;
    std::vector<Rule> all;
    for (const auto& file : ruleFiles()) {
        auto rule = parseRule(slurp(file), file.string());
        ASSERT_TRUE(rule.ok()) << rule.message();
        EXPECT_EQ(file.stem().string(), rule->id) << "a rule file is named after its rule";
        EXPECT_FALSE(rule->measures.empty()) << rule->id;
        EXPECT_FALSE(rule->cwe.empty()) << rule->id;
        EXPECT_FALSE(rule->nsm.empty()) << rule->id;
        EXPECT_FALSE(rule->iso27002.empty()) << rule->id;
        ++perCategory[rule->stride];
        all.push_back(*rule);
    }
    EXPECT_GE(all.size(), 50u);
    for (auto s : {Stride::Spoofing, Stride::Tampering, Stride::Repudiation, Stride::InformationDisclosure,
                   Stride::DenialOfService, Stride::ElevationOfPrivilege})
        EXPECT_GE(perCategory[s], 3) << strideName(s);
    EXPECT_TRUE(checkRuleSet(all).ok()) << checkRuleSet(all).message();
}

TEST_P(RuleFixtures, FiresOnTheTargetOnlyAndNotOnTheNearMiss) {
    auto rule = parseRule(slurp(GetParam()), GetParam().string());
    ASSERT_TRUE(rule.ok()) << rule.message();
    const fs::path fires = kRules / "fixtures" / (rule->id + ".fires.yaml");
    const fs::path quiet = kRules / "fixtures" / (rule->id + ".quiet.yaml");
    ASSERT_TRUE(fs::exists(fires)) << fires;
    ASSERT_TRUE(fs::exists(quiet)) << quiet;
    EXPECT_EQ(hits(*rule, fires), std::vector<std::string>{"target"});
    EXPECT_EQ(hits(*rule, quiet), std::vector<std::string>{});
}

INSTANTIATE_TEST_SUITE_P(Shipped, RuleFixtures, testing::ValuesIn(ruleFiles()),
                         [](const testing::TestParamInfo<fs::path>& param) {
                             std::string name = param.param.stem().string();
                             std::replace(name.begin(), name.end(), '-', '_');
                             return name;
                         });
