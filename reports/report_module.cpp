// The reports module's schema (the log of generated reports) and permission row.
#include "reports/report_service.h"

#include "core/migrations.h"

namespace vakt::reports {

namespace {
ModuleSchema reportsSchema() {
    return {QStringLiteral("reports"),
            {
                {1,
                 QStringLiteral("reports: the log of generated reports with their SHA-256"),
                 {
                     "CREATE TABLE report_runs ("
                     " id {PK},"
                     " kind TEXT NOT NULL,"
                     " format TEXT NOT NULL,"
                     " period TEXT NOT NULL,"
                     " request TEXT NOT NULL,"
                     " generated_by TEXT NOT NULL,"
                     " generated_at TEXT NOT NULL,"
                     " bytes BIGINT NOT NULL,"
                     " file_sha256 TEXT NOT NULL,"
                     " content_sha256 TEXT NOT NULL)",
                 },
                 {},
                 {}},
            },
            {
                {QStringLiteral("report_runs"), permission::ReportGenerate, {permission::ReportGenerate}, QStringLiteral("id"), {}},
            }};
}
}  // namespace

void registerReportsModule() {
    registerSchema(reportsSchema());
    using R = Role;
    // Rendering adds no data of its own: each report reads through its module's service, so a
    // role sees in a report only what it may read there. The administrator runs the system, not
    // its registers.
    registerPermissions({
        {permission::ReportGenerate, {R::Sikkerhetsansvarlig, R::Brukerstotte, R::Produktansvarlig, R::Leder, R::Endringsrad, R::Revisor}},
    });
}

}  // namespace vakt::reports
