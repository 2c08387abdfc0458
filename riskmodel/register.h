#pragma once
// The ROS register: each service's threat model (every imported version kept), the risks its
// threats raise, their scores under a fixed matrix version with the full history, measures,
// decisions and acceptances, and the review tasks a change, vulnerability, incident or outage
// creates along the value chain. Other modules go through this service, never its tables.
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <map>
#include <optional>
#include <span>

#include "core/migrations.h"
#include "core/store.h"
#include "riskmodel/matrix.h"
#include "riskmodel/model_files.h"
#include "riskmodel/quantify.h"
#include "riskmodel/register_io.h"
#include "riskmodel/value_chain.h"

namespace vakt::risk {

namespace permission {
inline constexpr Permission RiskRead{"risk.read"};      // the register, models, tasks
inline constexpr Permission RiskWrite{"risk.write"};    // models, analyses, scores, measures, decisions, tasks
inline constexpr Permission RiskAccept{"risk.accept"};  // accept a risk one owns
inline constexpr Permission RiskReviewTasks{"risk.review_tasks"};  // create the review tasks a change's impact implies
}  // namespace permission

// Registers the risk module's schema and permission rows; calling it again does nothing.
ModuleSchema riskSchema();
void registerRiskModule();

struct StoredModel {
    QString service;
    int version = 0;
    QString format;
    QString modelId;
    QString title;
    QDateTime importedAt;
    QString importedBy;
    QStringList unmapped;
    QByteArray source;
};

struct Acceptance {
    qint64 id = 0;
    QString acceptedBy;
    QDateTime acceptedAt;
    QDate expiresOn;
    QString justification;
    QString level;  // the level accepted
    int likelihood = 0, consequence = 0, matrixVersion = 0;
    QDateTime endedAt;
    QString endedReason;
};

struct RiskEntry {
    qint64 id = 0;
    QString ref;  // "SERVICE:THREAT-ID" for derived risks
    QString service;
    QString threatId, ruleId, stride, elementId;
    QString title, description;
    // open, accepted, mitigated, false_positive, closed (its threat no longer raised)
    QString status;
    QString statusReason;
    QString decidedBy;
    QString owner;     // the risk owner's username
    QString assessor;  // who made the assessment
    int matrixVersion = 1;
    int likelihood = 1, consequence = 1;
    std::optional<int> residualLikelihood, residualConsequence;
    QString level;       // of the inherent score, under its matrix version
    bool acceptable = false;  // at or below the acceptance criteria
    QMap<QString, int> consequences;  // per dimension
    QDate reviewDate;
    QDateTime createdAt, updatedAt, closedAt;
    std::optional<Acceptance> acceptance;  // the one in force
};

struct ScoreEntry {
    QDateTime at;
    QString by;
    QString kind;  // inherent, residual
    int likelihood = 0, consequence = 0;
    QString level;
    int matrixVersion = 0;
    QString reason;
};

struct Measure {
    qint64 id = 0;
    QString riskRef;
    QString title;
    QString owner;
    QDate due;
    QString status = QStringLiteral("planned");  // planned, in_progress, done, cancelled
    int likelihoodEffect = 0;   // how much it lowers the likelihood when done
    int consequenceEffect = 0;  // and the consequence
};

struct SyncSummary {
    int threats = 0;
    int created = 0, rescored = 0, renamed = 0, closed = 0, reopened = 0;
    // Decisions (accepted, mitigated, false positive) whose threat the model no longer raises.
    QStringList unmatchedDecisions;
    int modelVersion = 0;
};

// One thing that changed in a service's ROS between two dates.
struct RegisterChange {
    QDateTime at;
    QString kind;  // risk.added, risk.closed, score, measure.added, measure.status, accepted, acceptance.ended, decided
    QString ref;
    QString title;
    QString before, after;  // "3x4 high", a status, … as it was and became
    QString by;
};

struct ReviewTask {
    qint64 id = 0;
    QString nodeId, nodeTitle, nodeKind;
    QString document;  // what must be reviewed: "ROS for SvarUt", "ROS for SvarUt i Bergen kommune"
    QString event;
    QString origin;  // the node the event hit
    QStringList path;  // titles from origin to this node
    QString status;    // open, done
    QDateTime createdAt;
    QString createdBy;
    QDateTime doneAt;
    QString doneBy, note;
};

struct ImpactReport {
    QString origin, originTitle, event;
    struct Hit {
        QString id, title, kind;
        int depth = 0;
        QStringList path;  // titles, origin first
        QStringList relations;  // the relation of each step
    };
    QList<Hit> affected;
    int tasksCreated = 0;
};

// An incident linked to a risk as evidence, as it was when linked.
struct Evidence {
    qint64 incidentId = 0;
    QDateTime observedAt;  // when the incident opened
    QString source, title, severity;
    QDateTime linkedAt;
    QString linkedBy, note;
};

// A re-score the evidence suggests, for the risk's owner to accept or reject.
struct Suggestion {
    qint64 id = 0;
    QString riskRef, riskTitle, owner;
    int likelihoodFrom = 0, likelihoodTo = 0;
    int observed = 0, windowDays = 0;  // incidents in the window that raised it
    QList<qint64> incidents;
    QDateTime createdAt;
    QString status;  // pending, accepted, rejected, superseded (the evidence no longer says so)
    QString decidedBy;
    QDateTime decidedAt;
    QString note;
    double perYear() const { return windowDays > 0 ? observed * 365.0 / windowDays : 0; }
};

struct StoredEstimate {
    QString riskRef, service, title;
    LossEstimate estimate;
    QString estimatedBy;
    QDateTime estimatedAt;
    QString note;
};

// What an import of a register spreadsheet did (or, in a dry run, would do).
struct ImportReport {
    int created = 0, changed = 0, unchanged = 0;
    int measuresAdded = 0, measuresChanged = 0;
    QStringList changes;  // "svarut:VAKT-S-002/x: likelihood 3 -> 4", one per change
};

class RiskService {
public:
    explicit RiskService(Store& store) : store_(store) {}

    // A new version of a service's threat model; the file is validated first and kept whole.
    Result<StoredModel> importModel(const Session& who, const QString& service, const QString& path,
                                    std::optional<ModelFormat> format = std::nullopt);
    Result<QList<StoredModel>> models(const Session& who);  // the newest version of each service
    Result<LoadedModel> latestModel(const Session& who, const QString& service);

    // Runs the rules over the newest model and brings the register up to date: new threats
    // become open risks, scores that changed get a history entry, a renamed element's risks
    // follow it, risks whose threat is gone are closed with the reason (never deleted), and
    // acceptances that expired or whose level rose are ended and the risk reopened.
    Result<SyncSummary> analyse(const Session& who, const QString& service, std::span<const Rule> rules);

    Result<QList<RiskEntry>> risks(const Session& who, const QString& service = {}, bool withClosed = false);
    Result<RiskEntry> risk(const Session& who, const QString& ref);
    Result<QList<ScoreEntry>> history(const Session& who, const QString& ref);
    Result<QList<Acceptance>> acceptances(const Session& who, const QString& ref);

    Status setOwner(const Session& who, const QString& ref, const QString& owner);
    // mitigated or false_positive with a justification; "open" withdraws a decision.
    Status decide(const Session& who, const QString& ref, const QString& decision, const QString& justification);
    // Accepts the risk at its current level until `expires`. Above the acceptance criteria only
    // the risk's owner may, and never the one who assessed it.
    Status accept(const Session& who, const QString& ref, const QString& justification, const QDate& expires);
    // A person's own score (inherent or residual), per dimension; the consequence is the highest.
    Status rescore(const Session& who, const QString& ref, const QString& kind, int likelihood,
                   const QMap<QString, int>& consequences, const QString& reason);

    Result<qint64> addMeasure(const Session& who, const Measure& measure);
    Status setMeasureStatus(const Session& who, qint64 id, const QString& status);
    Result<QList<Measure>> measures(const Session& who, const QString& ref);

    // What changed in a service's register from `from` to `to` (whole Norwegian days,
    // inclusive), oldest first: risks added and closed, every score with the one before it,
    // measures added and their state, acceptances given and ended, and decisions in force made
    // in the period. Read from the register's own tables, so every role that reads it may ask.
    Result<QList<RegisterChange>> changes(const Session& who, const QString& service, const QDate& from, const QDate& to);

    // Evidence: an incident (an alert, a detection, a service-desk case) linked to a risk. Linking
    // looks again at what the risk's evidence of the last twelve months says about its
    // likelihood, and suggests a re-score when it says more than the risk's score does.
    Status linkEvidence(const Session& who, const QString& ref, qint64 incidentId, const QString& note);
    Status unlinkEvidence(const Session& who, const QString& ref, qint64 incidentId, const QString& reason);
    Result<QList<Evidence>> evidence(const Session& who, const QString& ref);
    // The risks an incident is linked to as evidence: (ref, title).
    Result<QList<std::pair<QString, QString>>> risksOfIncident(const Session& who, qint64 incidentId);
    // Suggestions newest first; `service` narrows them, `pendingOnly` leaves out decided ones.
    Result<QList<Suggestion>> suggestions(const Session& who, const QString& service = {}, bool pendingOnly = true);
    // Looks at every risk with evidence again (time moves incidents out of the window); gives
    // how many suggestions are pending afterwards.
    Result<int> refreshSuggestions(const Session& who);
    // Only the risk's owner decides. Accepting re-scores the likelihood with the evidence as the
    // reason (ending an acceptance whose level it exceeds); rejecting needs a reason, and the same
    // evidence does not raise it again.
    Status decideSuggestion(const Session& who, qint64 id, bool accept, const QString& note);

    // Quantitative estimate: events a year and the loss of one with 90 % confidence (kroner).
    Status setEstimate(const Session& who, const QString& ref, const LossEstimate& estimate, const QString& note);
    Status clearEstimate(const Session& who, const QString& ref, const QString& reason);
    Result<QList<StoredEstimate>> estimates(const Session& who, const QString& service = {});
    // The department's (or a service's) yearly loss by simulation over the open risks' estimates.
    Result<LossCurve> lossCurve(const Session& who, const QString& service = {}, int trials = 20000, std::uint64_t seed = 2026);

    // The register as tables (every risk, closed ones too, and every measure), for CSV and XLSX.
    Result<RegisterTables> exportRegister(const Session& who, const QString& service = {});
    // Brings the register in line with the tables: risks matched by ref are changed through
    // the same rules as by hand (scores into the history, decisions with their reason,
    // measures by id or by title), new refs become risks assessed by the importer. Acceptance
    // stays the owner's signed decision and closing is the analysis's, so a file cannot do
    // either. All or nothing: any error leaves the register as it was, and every error is
    // listed with its place (file:line or sheet and row) and column. A dry run reports and keeps
    // nothing.
    Result<ImportReport> importRegister(const Session& who, const RegisterTables& tables, const QString& source, bool dryRun);

    // Ends acceptances past their expiry and reopens their risks; gives how many.
    Result<int> reopenExpired(const Session& who);

    Result<RiskMatrix> matrix(const Session& who, int version = 0);  // 0: the newest
    Result<int> matrixVersion(const Session& who);

    // Who an event at a node reaches, with the path; with `createTasks`, a review task for the
    // ROS of every affected service, component, municipality and vendor (one open task per
    // node, document and origin).
    Result<ImpactReport> impact(const Session& who, const QString& node, Event event, bool createTasks);
    Result<QList<ReviewTask>> tasks(const Session& who, bool openOnly = true);
    Status completeTask(const Session& who, qint64 id, const QString& note);

private:
    Result<RiskEntry> load(const QString& ref);
    // Level, acceptability and an expired acceptance, under the risk's own matrix version
    // (matrices read once per call through `matrices`).
    Status annotate(const Session& who, RiskEntry& e, std::map<int, RiskMatrix>& matrices);
    Status saveScore(const Session& who, qint64 riskId, const QString& kind, int likelihood, int consequence, int matrixVersion,
                     const QString& reason);
    Status endAcceptance(const Session& who, const RiskEntry& r, const QString& reason);
    // An accepted risk whose inherent level rises above the level accepted is open again.
    // Gives whether it did.
    Result<bool> reopenIfRisen(const Session& who, const RiskEntry& r, const RiskMatrix& m, int likelihood, int consequence);
    // Brings the risk's pending suggestion in line with its evidence of the last twelve months.
    Status suggestFromEvidence(const Session& who, const QString& ref);
    // The risk's estimate as (per_year, loss_low, loss_high), none or one row.
    Result<Rows> estimateRow(qint64 riskId);
    Status importRisk(const Session& who, const Table& t, qsizetype row, const QString& source, ImportReport& report);
    Status importMeasure(const Session& who, const Table& t, qsizetype row, ImportReport& report);
    Store& store_;
};

}  // namespace vakt::risk
