// The reports module's permission row. Reports keep no tables: each generation is recorded in the
// trail (action report.generate) with the file's and the content's SHA-256, so a role that only
// reads, the revisor's, writes nothing but the trail every role writes to.
#include "reports/report_service.h"

namespace vakt::reports {

void registerReportsModule() {
    using R = Role;
    // Rendering adds no data of its own: each report reads through its module's service, so a
    // role sees in a report only what it may read there. The administrator runs the system, not
    // its registers.
    registerPermissions({
        {permission::ReportGenerate, {R::Sikkerhetsansvarlig, R::Brukerstotte, R::Produktansvarlig, R::Leder, R::Endringsrad, R::Revisor}},
    });
}

}  // namespace vakt::reports
