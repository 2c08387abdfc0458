#pragma once
// The audit ledger as a module: its schema and permission rows, registered by the programs
// that use it (the composition root calls registerLedgerModule()).
#include "core/migrations.h"

namespace vakt::audit {

ModuleSchema ledgerSchema();
// Registers the ledger's schema and permissions; calling it again does nothing.
void registerLedgerModule();

}  // namespace vakt::audit
