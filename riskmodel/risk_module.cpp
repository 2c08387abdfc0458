// The risk module's schema and permission rows.
#include "riskmodel/register.h"

namespace vakt::risk {

namespace {
// Version 1 ships the default matrix as matrix version 1, so every assessment has one.
Status insertDefaultMatrix(Database& db) {
    return db.exec(QStringLiteral("INSERT INTO risk_matrices (version, name, definition, created_by) VALUES (1, ?, ?, 'vakt')"),
                   {QString::fromStdString(defaultMatrix().name), QString::fromStdString(matrixJson(defaultMatrix()))});
}

// The shipped matrix's likelihood bands always said how often ("hvert 1.–3. år"); version 2
// stores the same frequencies as numbers so evidence can be placed in a band. A matrix someone
// changed is left as it is.
Status addFrequenciesToDefaultMatrix(Database& db) {
    auto rows = db.query(QStringLiteral("SELECT definition FROM risk_matrices WHERE version = 1"));
    if (!rows) return rows.error();
    if (rows->empty()) return {};
    RiskMatrix withoutNumbers = defaultMatrix();
    for (auto& band : withoutNumbers.likelihood) band.perYear = -1;
    if (rows->front().value(0).toString() != QString::fromStdString(matrixJson(withoutNumbers))) return {};
    return db.exec(QStringLiteral("UPDATE risk_matrices SET definition = ? WHERE version = 1"), {QString::fromStdString(matrixJson(defaultMatrix()))});
}
}  // namespace

ModuleSchema riskSchema() {
    return {QStringLiteral("risk"),
            {
                {1,
                 QStringLiteral("risk: threat models, matrices, the ROS register with scores, measures, acceptances, review tasks"),
                 {
                     "CREATE TABLE risk_models ("
                     " id {PK},"
                     " service_key TEXT NOT NULL,"
                     " version INTEGER NOT NULL,"
                     " format TEXT NOT NULL,"
                     " model_id TEXT NOT NULL,"
                     " title TEXT NOT NULL,"
                     " source TEXT NOT NULL,"
                     " unmapped TEXT NOT NULL DEFAULT '',"
                     " imported_at TEXT NOT NULL,"
                     " imported_by TEXT NOT NULL,"
                     " UNIQUE (service_key, version))",
                     "CREATE TABLE risk_matrices ("
                     " version INTEGER PRIMARY KEY,"
                     " name TEXT NOT NULL,"
                     " definition TEXT NOT NULL,"
                     " created_at TEXT,"
                     " created_by TEXT NOT NULL)",
                     "CREATE TABLE risks ("
                     " id {PK},"
                     " ref TEXT NOT NULL UNIQUE,"
                     " service_key TEXT NOT NULL,"
                     " threat_id TEXT,"
                     " rule_id TEXT NOT NULL DEFAULT '',"
                     " stride TEXT NOT NULL DEFAULT '',"
                     " element_id TEXT NOT NULL DEFAULT '',"
                     " title TEXT NOT NULL,"
                     " description TEXT NOT NULL DEFAULT '',"
                     " status TEXT NOT NULL,"
                     " status_reason TEXT NOT NULL DEFAULT '',"
                     " decided_by TEXT NOT NULL DEFAULT '',"
                     " owner TEXT NOT NULL DEFAULT '',"
                     " assessor TEXT NOT NULL,"
                     " matrix_version INTEGER NOT NULL REFERENCES risk_matrices (version),"
                     " likelihood INTEGER NOT NULL,"
                     " consequence INTEGER NOT NULL,"
                     " manual_score INTEGER NOT NULL DEFAULT 0,"
                     " residual_likelihood INTEGER,"
                     " residual_consequence INTEGER,"
                     " review_date TEXT,"
                     " created_at TEXT NOT NULL,"
                     " updated_at TEXT NOT NULL,"
                     " closed_at TEXT)",
                     "CREATE UNIQUE INDEX risks_threat ON risks (service_key, threat_id)",
                     "CREATE TABLE risk_consequences ("
                     " risk_id BIGINT NOT NULL REFERENCES risks (id),"
                     " dimension TEXT NOT NULL,"
                     " value INTEGER NOT NULL,"
                     " PRIMARY KEY (risk_id, dimension))",
                     "CREATE TABLE risk_scores ("
                     " id {PK},"
                     " risk_id BIGINT NOT NULL REFERENCES risks (id),"
                     " scored_at TEXT NOT NULL,"
                     " scored_by TEXT NOT NULL,"
                     " kind TEXT NOT NULL,"
                     " likelihood INTEGER NOT NULL,"
                     " consequence INTEGER NOT NULL,"
                     " level TEXT NOT NULL,"
                     " matrix_version INTEGER NOT NULL,"
                     " reason TEXT NOT NULL)",
                     "CREATE INDEX risk_scores_risk ON risk_scores (risk_id, id)",
                     "CREATE TABLE risk_measures ("
                     " id {PK},"
                     " risk_id BIGINT NOT NULL REFERENCES risks (id),"
                     " title TEXT NOT NULL,"
                     " owner TEXT NOT NULL DEFAULT '',"
                     " due_date TEXT,"
                     " status TEXT NOT NULL,"
                     " likelihood_effect INTEGER NOT NULL DEFAULT 0,"
                     " consequence_effect INTEGER NOT NULL DEFAULT 0,"
                     " created_at TEXT NOT NULL,"
                     " updated_at TEXT NOT NULL)",
                     "CREATE TABLE risk_acceptances ("
                     " id {PK},"
                     " risk_id BIGINT NOT NULL REFERENCES risks (id),"
                     " accepted_by TEXT NOT NULL,"
                     " accepted_at TEXT NOT NULL,"
                     " expires_on TEXT NOT NULL,"
                     " justification TEXT NOT NULL,"
                     " level TEXT NOT NULL,"
                     " likelihood INTEGER NOT NULL,"
                     " consequence INTEGER NOT NULL,"
                     " matrix_version INTEGER NOT NULL,"
                     " ended_at TEXT,"
                     " ended_reason TEXT)",
                     "CREATE TABLE risk_review_tasks ("
                     " id {PK},"
                     " node_id TEXT NOT NULL,"
                     " node_title TEXT NOT NULL,"
                     " node_kind TEXT NOT NULL,"
                     " document TEXT NOT NULL,"
                     " event TEXT NOT NULL,"
                     " origin TEXT NOT NULL,"
                     " path TEXT NOT NULL,"
                     " status TEXT NOT NULL,"
                     " created_at TEXT NOT NULL,"
                     " created_by TEXT NOT NULL,"
                     " done_at TEXT,"
                     " done_by TEXT,"
                     " note TEXT)",
                     "CREATE INDEX risk_review_tasks_status ON risk_review_tasks (status, node_id)",
                 },
                 {},
                 {},
                 insertDefaultMatrix},
                {2,
                 QStringLiteral("risk: incidents linked as evidence, suggested re-scores, loss estimates"),
                 {
                     // The incident's time, source and title are kept as linked: the evidence
                     // must not change when the incident is later handled.
                     "CREATE TABLE risk_evidence ("
                     " id {PK},"
                     " risk_id BIGINT NOT NULL REFERENCES risks (id),"
                     " incident_id BIGINT NOT NULL,"
                     " observed_at TEXT NOT NULL,"
                     " source TEXT NOT NULL,"
                     " title TEXT NOT NULL,"
                     " severity TEXT NOT NULL,"
                     " linked_at TEXT NOT NULL,"
                     " linked_by TEXT NOT NULL,"
                     " note TEXT NOT NULL DEFAULT '',"
                     " UNIQUE (risk_id, incident_id))",
                     "CREATE TABLE risk_suggestions ("
                     " id {PK},"
                     " risk_id BIGINT NOT NULL REFERENCES risks (id),"
                     " likelihood_from INTEGER NOT NULL,"
                     " likelihood_to INTEGER NOT NULL,"
                     " observed INTEGER NOT NULL,"
                     " window_days INTEGER NOT NULL,"
                     " incidents TEXT NOT NULL,"
                     " created_at TEXT NOT NULL,"
                     " status TEXT NOT NULL,"
                     " decided_by TEXT,"
                     " decided_at TEXT,"
                     " note TEXT)",
                     "CREATE INDEX risk_suggestions_risk ON risk_suggestions (risk_id, status)",
                     "CREATE TABLE risk_estimates ("
                     " risk_id BIGINT PRIMARY KEY REFERENCES risks (id),"
                     " per_year DOUBLE PRECISION NOT NULL,"
                     " loss_low DOUBLE PRECISION NOT NULL,"
                     " loss_high DOUBLE PRECISION NOT NULL,"
                     " estimated_by TEXT NOT NULL,"
                     " estimated_at TEXT NOT NULL,"
                     " note TEXT NOT NULL DEFAULT '')",
                 },
                 {},
                 {},
                 addFrequenciesToDefaultMatrix},
            },
            {
                {QStringLiteral("risk_models"), permission::RiskRead, {permission::RiskWrite}, QStringLiteral("service_key,version"), {}},
                {QStringLiteral("risk_matrices"), permission::RiskRead, {permission::RiskWrite}, QStringLiteral("version"), {}},
                {QStringLiteral("risks"), permission::RiskRead, {permission::RiskWrite, permission::RiskAccept}, QStringLiteral("ref"), {}},
                {QStringLiteral("risk_consequences"), permission::RiskRead, {permission::RiskWrite}, QStringLiteral("risk_id,dimension"), {}},
                {QStringLiteral("risk_scores"), permission::RiskRead, {permission::RiskWrite, permission::RiskAccept}, QStringLiteral("id"), {}},
                {QStringLiteral("risk_measures"), permission::RiskRead, {permission::RiskWrite}, QStringLiteral("id"), {}},
                {QStringLiteral("risk_acceptances"), permission::RiskRead, {permission::RiskWrite, permission::RiskAccept}, QStringLiteral("id"), {}},
                {QStringLiteral("risk_review_tasks"), permission::RiskRead, {permission::RiskWrite, permission::RiskReviewTasks}, QStringLiteral("id"), {}},
                {QStringLiteral("risk_evidence"), permission::RiskRead, {permission::RiskWrite}, QStringLiteral("risk_id,incident_id"), {}},
                {QStringLiteral("risk_suggestions"), permission::RiskRead, {permission::RiskWrite, permission::RiskAccept}, QStringLiteral("id"), {}},
                {QStringLiteral("risk_estimates"), permission::RiskRead, {permission::RiskWrite}, QStringLiteral("risk_id"), {}},
            }};
}

void registerRiskModule() {
    registerSchema(riskSchema());
    registerPermissions({
        // The register lists the platform's weaknesses: those who assess, own, decide on or
        // audit risk read it; the service desk and the system administrator do not.
        {permission::RiskRead, {Role::Sikkerhetsansvarlig, Role::Produktansvarlig, Role::Leder, Role::Endringsrad, Role::Revisor}},
        {permission::RiskWrite, {Role::Sikkerhetsansvarlig, Role::Produktansvarlig}},
        // Risk owners: the product owners for their services, leaders for the department.
        {permission::RiskAccept, {Role::Sikkerhetsansvarlig, Role::Produktansvarlig, Role::Leder}},
        // The change board creates the ROS review tasks a change it approves implies, and
        // nothing else in the register.
        {permission::RiskReviewTasks, {Role::Sikkerhetsansvarlig, Role::Produktansvarlig, Role::Endringsrad}},
    });
}

}  // namespace vakt::risk
