#pragma once
// The declarative rule language (docs/threat-models.md): a rule is data — an id, a STRIDE
// category, the kinds it applies to, a condition tree over properties, derived facts and
// neighbours, scores and references. Nothing in a rule is evaluated as code.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.h"
#include "riskmodel/model.h"

namespace vakt::risk {

enum class Stride { Spoofing, Tampering, Repudiation, InformationDisclosure, DenialOfService, ElevationOfPrivilege };
const char* strideName(Stride s);  // "spoofing" … "elevation_of_privilege"
std::optional<Stride> parseStride(std::string_view name);

struct Condition {
    enum class Op {
        Is, IsNot, In, Set, AtLeast, AtMost,  // on a fact
        All, Any, Not,                        // combinations
        Source, Target, Incoming, Outgoing, Boundary,
    };
    Op op = Op::All;
    std::string fact;
    std::vector<std::string> values;  // Is/IsNot: one; In: several; Set: "true"/"false"
    int rank = -1;                    // AtLeast/AtMost: the value's rank
    std::vector<Condition> children;
};

struct LocalText {
    std::string nb;
    std::string en;
};

struct Rule {
    std::string id;
    LocalText title;
    LocalText description;
    Stride stride = Stride::Spoofing;
    std::vector<ElementKind> appliesTo;
    Condition when;
    int likelihood = 3;
    std::optional<Condition> raiseLikelihoodWhen;
    // "confidentiality", "integrity", "availability", or empty for a fixed consequence.
    std::string consequenceFrom;
    int fixedConsequence = 0;
    std::vector<LocalText> measures;
    std::vector<int> cwe;
    std::vector<std::string> nsm;
    std::vector<std::string> iso27002;
    std::string fileName;
    int line = 0;
};

// Reads one rule file; every fact and value it names is checked against the property table.
Result<Rule> parseRule(std::string_view yaml, const std::string& fileName);

// A rule id: "VAKT-I-001" style, upper-case letters, digits and '-'.
bool validRuleId(std::string_view id);

}  // namespace vakt::risk
