#pragma once
// Attack paths through one threat model: from its untrusted entry points (external entities
// and anything on the internet) along the flows to the stores that hold special-category or
// strengt fortrolig data, ranked by combined likelihood, and the fewest flows or elements to
// harden so that no such path remains (minimum cut).
#include <cstddef>
#include <vector>

#include "riskmodel/analysis.h"

namespace vakt::risk {

struct AttackPath {
    std::vector<const Element*> elements;  // entry … store
    std::vector<const Element*> flows;     // between them
    double likelihood = 0;
};

struct AttackSurface {
    std::vector<const Element*> entries;
    std::vector<const Element*> targets;
    std::vector<AttackPath> paths;                    // most likely first
    std::vector<const Element*> flowsToHarden;        // a minimum edge cut
    std::vector<const Element*> elementsToHarden;     // a minimum node cut (entries and targets excluded)
    bool entryNextToTarget = false;                   // a target is reached straight from an entry: no element between
};

// A hop's likelihood is the highest likelihood/5 of the threats raised on the flow or on the
// element it leads to, and 0.1 where no threat is raised: a hardened hop is unlikely, not
// impossible. An attacker who holds an element can use every flow out of it, and the flows
// between a process and a store both ways (what reads a store can be made to read it).
AttackSurface attackSurface(const Analysis& analysis, std::size_t limit = 20);

}  // namespace vakt::risk
