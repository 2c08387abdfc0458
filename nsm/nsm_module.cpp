// The NSM maturity module's schema and permission rows.
#include "nsm/nsm_service.h"

namespace vakt::nsm {

ModuleSchema nsmSchema() {
    return {QStringLiteral("nsm"),
            {
                {1,
                 QStringLiteral("NSM's basic principles: catalogue versions of measures, assessments with their history, SoA decisions"),
                 {
                     // Principles are built in (data/nsm/principles.csv); measures come from NSM's sheet.
                     "CREATE TABLE nsm_catalogues ("
                     " version TEXT PRIMARY KEY,"
                     " file_name TEXT NOT NULL,"
                     " sha256 TEXT NOT NULL,"
                     " measures INTEGER NOT NULL,"
                     " imported_by TEXT NOT NULL,"
                     " imported_at TEXT NOT NULL)",
                     "CREATE TABLE nsm_measures ("
                     " version TEXT NOT NULL REFERENCES nsm_catalogues (version),"
                     " number TEXT NOT NULL,"
                     " principle TEXT NOT NULL,"
                     " title TEXT NOT NULL,"
                     " priority TEXT NOT NULL DEFAULT '',"
                     " priority_rank INTEGER NOT NULL DEFAULT 0,"
                     " iso27002 TEXT NOT NULL DEFAULT '',"
                     " line INTEGER NOT NULL DEFAULT 0,"
                     " PRIMARY KEY (version, number))",
                     // History is kept: a new assessment is a new row, never an update. The
                     // catalogue version is empty for principles assessed before any import.
                     "CREATE TABLE nsm_assessments ("
                     " id {PK},"
                     " catalogue_version TEXT NOT NULL,"
                     " subject TEXT NOT NULL,"
                     " scope_kind TEXT NOT NULL,"
                     " scope_key TEXT NOT NULL,"
                     " scale TEXT NOT NULL,"
                     " level TEXT NOT NULL DEFAULT '',"
                     " target TEXT NOT NULL DEFAULT '',"
                     " not_applicable INTEGER NOT NULL DEFAULT 0,"
                     " justification TEXT NOT NULL DEFAULT '',"
                     " rationale TEXT NOT NULL DEFAULT '',"
                     " evidence TEXT NOT NULL DEFAULT '[]',"
                     " assessor TEXT NOT NULL,"
                     " assessed_on TEXT NOT NULL,"
                     " next_review TEXT NOT NULL DEFAULT '',"
                     " recorded_by TEXT NOT NULL,"
                     " recorded_at TEXT NOT NULL)",
                     "CREATE INDEX nsm_assessments_scope ON nsm_assessments (scope_kind, scope_key, subject)",
                     "CREATE TABLE nsm_soa_decisions ("
                     " control TEXT PRIMARY KEY,"
                     " applicable INTEGER NOT NULL,"
                     " justification TEXT NOT NULL,"
                     " status TEXT NOT NULL,"
                     " decided_by TEXT NOT NULL,"
                     " decided_at TEXT NOT NULL)",
                 },
                 {},
                 {}},
            },
            {
                {QStringLiteral("nsm_catalogues"), permission::NsmRead, {permission::NsmManage}, QStringLiteral("version"), {}},
                {QStringLiteral("nsm_measures"), permission::NsmRead, {permission::NsmManage}, QStringLiteral("version,number"), {}},
                {QStringLiteral("nsm_assessments"), permission::NsmRead, {permission::NsmAssess}, QStringLiteral("id"), {}},
                {QStringLiteral("nsm_soa_decisions"), permission::NsmRead, {permission::NsmManage}, QStringLiteral("control"), {}},
            }};
}

void registerNsmModule() {
    registerSchema(nsmSchema());
    using R = Role;
    registerPermissions({
        // Maturity is security posture: read by those who answer for it and the revisor, as the
        // risk register and privilege reviews are; not by the administrator.
        {permission::NsmRead, {R::Sikkerhetsansvarlig, R::Produktansvarlig, R::Leder, R::Revisor}},
        // The security officer assesses with the leaders, who answer for the department's practice.
        {permission::NsmAssess, {R::Sikkerhetsansvarlig, R::Leder}},
        {permission::NsmManage, {R::Sikkerhetsansvarlig}},
    });
}

}  // namespace vakt::nsm
