// libFuzzer target: threat models, rules and the three imports. Any input is refused with a
// message that names the file, or gives a model that validates and goes through the rules,
// the attack paths and the diagram without a crash or a hang.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "riskmodel/attack_paths.h"
#include "riskmodel/diagram.h"
#include "riskmodel/import.h"
#include "riskmodel/rules.h"

using namespace vakt::risk;

namespace {

const char* kRule = R"(vakt_risk_rule: 1
id: FUZZ-I-001
title: {nb: a, en: b}
description: {nb: a, en: b}
stride: information_disclosure
applies_to: [flow, process, store]
when:
  any:
    - {all: [{fact: crosses_boundary, is: true}, {fact: encrypted, is_not: true}]}
    - {incoming: {source: {fact: untrusted, is: true}}}
    - {boundary: {fact: kind, is: internet}}
likelihood: 3
consequence: confidentiality
)";

void exercise(const Model& m) {
    if (!validateModel(m)) __builtin_trap();
    static const auto rule = parseRule(kRule, "rule.yaml");
    if (!rule) __builtin_trap();
    const Analysis analysis(m, std::span<const Rule>(&*rule, 1));
    (void)attackSurface(analysis, 5);
    (void)dataFlowDot(analysis);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (auto m = parseModel(text, "f")) {
        exercise(*m);
    } else if (m.message().rfind("f:", 0) != 0) {
        __builtin_trap();
    }
    if (auto r = parseRule(text, "f"); !r && r.message().rfind("f:", 0) != 0) __builtin_trap();
    for (auto import : {importThreagile, importThreatDragon, importOtm}) {
        auto imported = import(text, "f");
        if (imported) {
            exercise(imported->model);
        } else if (imported.message().rfind("f", 0) != 0) {
            __builtin_trap();
        }
    }
    return 0;
}
