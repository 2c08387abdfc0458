#pragma once
// What changed between two versions of a model: elements and flows added, removed, renamed
// (matched through aliases) and changed, and threats added, removed and changed in level. A
// vendor's pipeline runs `vakt risk diff OLD NEW` and fails on a new threat at a given level.
#include <string>
#include <vector>

#include "riskmodel/analysis.h"

namespace vakt::risk {

struct ElementChange {
    const Element* before = nullptr;
    const Element* after = nullptr;
    std::vector<std::string> changes;  // "properties.encrypted: true -> false", "title: …"
};

struct ThreatChange {
    const Threat* before = nullptr;
    const Threat* after = nullptr;
};

struct ModelDiff {
    std::vector<const Element*> addedElements;    // in the new model
    std::vector<const Element*> removedElements;  // in the old model
    std::vector<ElementChange> changedElements;   // renamed or with other changes
    std::vector<const Threat*> addedThreats;
    std::vector<const Threat*> removedThreats;
    std::vector<ThreatChange> changedThreats;     // likelihood, consequence or level differ

    bool empty() const {
        return addedElements.empty() && removedElements.empty() && changedElements.empty() && addedThreats.empty() &&
               removedThreats.empty() && changedThreats.empty();
    }
};

// Both analyses must outlive the diff.
ModelDiff diffModels(const Analysis& before, const Analysis& after);

// The new threat id an old one continues as, given the new model's aliases ("R/old" -> "R/new").
std::string currentThreatId(const Model& after, const std::string& threatId);

}  // namespace vakt::risk
