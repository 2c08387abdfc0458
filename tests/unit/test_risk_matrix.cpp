// The ROS matrix: the default's cells and acceptance, its JSON form, bad matrices, mapping.
#include <gtest/gtest.h>

#include "riskmodel/matrix.h"

using namespace vakt::risk;

TEST(RiskMatrix, TheDefaultIsFiveByFiveWithSevenDimensions) {
    const RiskMatrix& m = defaultMatrix();
    EXPECT_EQ(m.size(), 5);
    EXPECT_EQ(m.dimensions.size(), 7u);
    EXPECT_NE(m.dimension("liv_og_helse"), nullptr);
    EXPECT_EQ(m.dimension("personvern")->label.en, "Privacy");
    EXPECT_EQ(m.levelOf(1, 1)->key, "low");
    EXPECT_EQ(m.levelOf(3, 3)->key, "medium");  // 9
    EXPECT_EQ(m.levelOf(2, 5)->key, "high");    // 10
    EXPECT_EQ(m.levelOf(5, 3)->key, "critical");  // 15
    EXPECT_TRUE(m.acceptable(3, 3));
    EXPECT_FALSE(m.acceptable(2, 5));
    EXPECT_EQ(m.levelOf(0, 3), nullptr);
    EXPECT_EQ(m.levelOf(6, 1), nullptr);
    EXPECT_EQ(m.likelihood[4].frequency.nb, "Månedlig eller oftere");
}

TEST(RiskMatrix, JsonRoundTripKeepsEverything) {
    const RiskMatrix& m = defaultMatrix();
    auto back = parseMatrix(matrixJson(m), "m.json");
    ASSERT_TRUE(back.ok()) << back.message();
    EXPECT_EQ(back->name, m.name);
    EXPECT_EQ(back->cells, m.cells);
    ASSERT_EQ(back->levels.size(), m.levels.size());
    for (std::size_t i = 0; i < m.levels.size(); ++i) {
        EXPECT_EQ(back->levels[i].key, m.levels[i].key);
        EXPECT_EQ(back->levels[i].colour, m.levels[i].colour);
        EXPECT_EQ(back->levels[i].acceptable, m.levels[i].acceptable);
        EXPECT_EQ(back->levels[i].criteria.nb, m.levels[i].criteria.nb);
    }
    EXPECT_EQ(back->likelihood[2].frequency.en, m.likelihood[2].frequency.en);
    EXPECT_EQ(back->dimensions[4].label.nb, "Økonomi");
}

TEST(RiskMatrix, BadMatricesNameLineAndField) {
    const char* three = R"({
  "name": "3 x 3",
  "likelihood": [{"nb": "L", "en": "L"}, {"nb": "M", "en": "M"}, {"nb": "H", "en": "H"}],
  "consequence": [{"nb": "L", "en": "L"}, {"nb": "M", "en": "M"}, {"nb": "H", "en": "H"}],
  "dimensions": [{"key": "personvern", "nb": "Personvern", "en": "Privacy"}],
  "levels": [{"key": "ok", "nb": "Grønn", "en": "Green", "colour": "#00ff00", "acceptable": true},
             {"key": "no", "nb": "Rød", "en": "Red", "colour": "#ff0000", "acceptable": false}],
  "cells": [["ok", "ok", "no"],
            ["ok", "no", "no"],
            ["no", "no", "no"]]
})";
    auto m = parseMatrix(three, "m.json");
    ASSERT_TRUE(m.ok()) << m.message();
    EXPECT_EQ(m->levelOf(2, 2)->key, "no");
    EXPECT_TRUE(m->acceptable(1, 2));

    auto error = [&](std::string text, const std::string& from, const std::string& to) {
        text.replace(text.find(from), from.size(), to);
        auto r = parseMatrix(text, "m.json");
        return r.ok() ? std::string("(accepted)") : r.message();
    };
    EXPECT_EQ(error(three, "[\"ok\", \"no\", \"no\"]", "[\"ok\", \"maybe\", \"no\"]"),
              "m.json:9: field 'cells[1]': 'maybe' is not one of the levels");
    EXPECT_EQ(error(three, "\"colour\": \"#ff0000\"", "\"colour\": \"red\""), "m.json:7: field 'levels[1].colour': expected #rrggbb");
    EXPECT_EQ(error(three, ", {\"nb\": \"H\", \"en\": \"H\"}],\n  \"dimensions\"", "],\n  \"dimensions\""),
              "m.json:1: field 'consequence': as many consequence levels as likelihood bands (a square matrix)");
    EXPECT_EQ(error(three, "\"acceptable\": true", "\"acceptable\": \"yes\""), "m.json:6: field 'levels[0].acceptable': expected boolean");
    const std::string syntax = error(three, "\"name\": \"3 x 3\",", "\"name\" \"3 x 3\",");
    EXPECT_EQ(syntax.rfind("m.json:2:", 0), 0u) << syntax;
}

TEST(RiskMatrix, ScoresMapBetweenSizesByPosition) {
    auto three = defaultMatrix();
    three.likelihood.resize(3);
    three.consequence.resize(3);
    EXPECT_EQ(mapScore(defaultMatrix(), three, 1, 5), (std::pair{1, 3}));
    EXPECT_EQ(mapScore(defaultMatrix(), three, 3, 3), (std::pair{2, 2}));
    // 4 of 5 is three quarters along: 2.5 of 3, rounded up; 2 of 5 is a quarter: 1.5, rounded up.
    EXPECT_EQ(mapScore(defaultMatrix(), three, 4, 2), (std::pair{3, 2}));
    EXPECT_EQ(mapScore(three, defaultMatrix(), 2, 3), (std::pair{3, 5}));
    EXPECT_EQ(mapScore(defaultMatrix(), defaultMatrix(), 4, 2), (std::pair{4, 2}));
}
