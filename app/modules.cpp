#include "app/modules.h"

#include "collector/audit/ledger_module.h"

namespace vakt::app {

void registerModules() {
    // Core's own modules (core, catalog, monitoring, incidents) are always registered; the
    // others follow in migration order.
    audit::registerLedgerModule();
}

}  // namespace vakt::app
