#pragma once
// The value chain as the catalogue describes it: every organisation, service, component and
// vendor system in the Store, joined by agreements (uses), dependencies, national components,
// hosting, operation, supply and integrations. Node ids are catalogue keys for services and
// components, organisation numbers for organisations, "ORGNR/NAME" for vendor systems.
#include "core/store.h"
#include "riskmodel/value_chain.h"

namespace vakt::risk {

Result<ValueChain> readValueChain(Store& store, const Session& who);

// A node by id, or by title when exactly one node has it (case-insensitive).
Result<NodeId> findNode(const ValueChain& chain, const QString& text);

}  // namespace vakt::risk
