#include "app/modules.h"

#include "collector/audit/ledger_module.h"
#include "riskmodel/register.h"
#include "access/access_service.h"
#include "changes/change_board.h"
#include "councils/council_service.h"
#include "reports/report_service.h"
#include "nsm/nsm_service.h"
#include "servicedesk/desk_service.h"

namespace vakt::app {

void registerModules() {
    // Core's own modules (core, catalog, monitoring, incidents) are always registered; the
    // others follow in migration order.
    audit::registerLedgerModule();
    risk::registerRiskModule();
    desk::registerServiceDeskModule();
    changes::registerChangesModule();
    access::registerAccessModule();
    councils::registerCouncilsModule();
    nsm::registerNsmModule();
    reports::registerReportsModule();
}

}  // namespace vakt::app
