#pragma once
// The properties a model may set and the facts rules may read (docs/threat-models.md). One
// table serves both checks: a model that sets an unknown property and a rule that reads an
// unknown fact are refused with the same names.
#include <span>
#include <string_view>

#include "riskmodel/model.h"

namespace vakt::risk {

enum class ValueType { Bool, Choice, Text };

struct PropertySpec {
    std::string_view name;
    ValueType type = ValueType::Bool;
    // Choices in their order (for at_least / at_most when ordered).
    std::span<const std::string_view> choices;
    bool ordered = false;
    bool onElements = false;  // external, process, store
    bool onFlows = false;
    bool derived = false;     // computed by the analysis; a model may not set it
};

// Every property and derived fact.
std::span<const PropertySpec> propertySpecs();
const PropertySpec* findProperty(std::string_view name);
bool appliesTo(const PropertySpec& spec, ElementKind kind);

// "true"/"false" for Bool, one of the choices for Choice, anything non-empty for Text;
// on failure the reason ("expected true or false", "expected one of a, b, c").
Status checkValue(const PropertySpec& spec, std::string_view value);
// Index of a choice in an ordered property, -1 if not one of them.
int choiceRank(const PropertySpec& spec, std::string_view value);

}  // namespace vakt::risk
