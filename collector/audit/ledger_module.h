#pragma once
// The audit ledger as a module: its schema and permission rows, registered by the programs
// that use it (the composition root calls registerLedgerModule()).
#include "core/migrations.h"
#include "core/roles.h"

namespace vakt::audit {

namespace permission {
inline constexpr Permission Ingest{"audit.ingest"};  // append platform audit events, sign heads
inline constexpr Permission Verify{"audit.verify"};  // verify the ledger and check proofs (no personal data)
inline constexpr Permission Investigate{"audit.investigate"};  // search and export events about a person or actor
}  // namespace permission

ModuleSchema ledgerSchema();
// Registers the ledger's schema and permission rows; calling it again does nothing.
void registerLedgerModule();

}  // namespace vakt::audit
