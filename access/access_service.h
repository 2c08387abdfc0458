#pragma once
// Privilege reviews (tilgangsgjennomgang) on the Store: the platform's grant exports, each kept,
// so a later import shows what was added, removed or changed; campaigns over an immutable
// snapshot of the grants in scope, with flags, reviewers by rule, decisions, reminders and
// what happens at the due date; a signed attestation when a campaign closes, the revocation
// list for the platform's configuration, and the check at the next import that every
// revocation took effect.
//
// Reviewers see only their own items. The security officer manages campaigns and sees all;
// the revisor reads all. Last use comes from the audit ledger (who actually used a privilege).
#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

#include "access/access_model.h"
#include "core/migrations.h"
#include "core/store.h"

namespace vakt::audit {
class LedgerKeys;
}

namespace vakt::access {

namespace permission {
inline constexpr Permission AccessRead{"access.read"};        // campaigns, and one's own review items
inline constexpr Permission AccessReadAll{"access.read_all"};  // every item, progress per reviewer, grants, history
inline constexpr Permission AccessReview{"access.review"};    // decide the items assigned to oneself
inline constexpr Permission AccessManage{"access.manage"};    // import grants, rules, campaigns
}  // namespace permission

ModuleSchema accessSchema();
void registerAccessModule();

// One import of the platform's grants.
struct GrantImport {
    qint64 id = 0;
    QString fileName, sha256, format;  // format: csv or json
    QString importedBy;
    QDateTime importedAt;
    int grants = 0, added = 0, removed = 0, changed = 0;
    int revocationsChecked = 0, revocationsNotEffective = 0;
};

// What the import found wrong, all of it, with nothing stored: unknown people and
// organisations are reported, never created.
struct ImportReport {
    GrantImport import;
    QStringList addedKeys, removedKeys, changedKeys;  // grant keys, for the first few hundred
    // Revocations of closed campaigns that this export shows did not take effect.
    struct Lingering {
        qint64 campaignId = 0;
        QString campaignName, action, grantKey;
    };
    QList<Lingering> notEffective;
};

struct CampaignSpec {
    QString name;
    Mode mode = Mode::Full;
    Scope scope;
    std::vector<ReviewerRule> reviewers;        // first stage, tried in order
    std::vector<ReviewerRule> secondStage;      // optional: a second reviewer after the first
    QDate due;
    int reminderDays = 7;                       // remind this many days before the due date
    QString unanswered = QString::fromLatin1(Unanswered::Escalate.data());
};

struct Campaign {
    qint64 id = 0;
    QString name;
    Mode mode = Mode::Full;
    Scope scope;
    QString state;  // open, closed
    QString owner;  // the security officer who created it (username)
    QString ownerEmail;
    QDateTime createdAt;
    QDate due;
    int reminderDays = 7;
    QString unanswered;
    bool twoStage = false;
    qint64 snapshotImportId = 0;
    QString snapshotSha256;  // over the items as taken, so the snapshot cannot change unseen
    int items = 0, decided = 0, flagged = 0, revocations = 0;
    QDateTime closedAt;
    QString closedBy;
    QString attestationSha256, signatureBase64;
};

struct ReviewItem {
    qint64 campaignId = 0;
    int number = 0;  // 1.. within the campaign
    Grant grant;
    Flags flags = 0;
    QStringList sodRules;
    int peerCount = 0, peersHolding = 0;
    std::optional<QDateTime> lastUse;  // from the audit ledger
    bool usageKnown = false;
    int stage = 1;
    QString reviewer, secondReviewer;  // e-mails
    QString decision;  // empty until decided (for two-stage items: the last stage's)
    QString reduceTo, delegatedTo, justification;
    QString decidedBy;
    QDateTime decidedAt;
    QString firstDecision, firstDecidedBy, firstDecidedEmail;  // a two-stage item's first stage
};

struct ItemFilter {
    QString reviewer;     // e-mail; empty: all (needs access.read_all)
    bool openOnly = false;
    Flags anyFlag = 0;     // only items with one of these flags
    QString search;        // holder, organisation, service or detail contains
};

struct ReviewerProgress {
    QString reviewer;
    int items = 0, decided = 0, flagged = 0, overdue = 0;
};

struct AttestationCheck {
    bool hashMatches = false, signatureValid = false;
    QString problem;  // empty when the attestation is what was closed and signed by the trusted key
    bool ok() const { return problem.isEmpty(); }
};

class AccessService {
public:
    explicit AccessService(Store& store) : store_(store) {}

    // Reads a grant export (CSV or JSON), checks every holder, organisation and service against
    // the catalogue, pseudonymises person ids with the ledger's key (needed when the file has
    // any), and stores it as a new import: all or nothing. Errors name FILE:LINE and the field.
    Result<ImportReport> importGrants(const Session& who, const QString& fileName, const QByteArray& content,
                                      const audit::LedgerKeys* keys);
    Result<QList<GrantImport>> imports(const Session& who);
    // The grants of an import (the latest when id is 0).
    Result<std::vector<Grant>> grants(const Session& who, qint64 importId = 0);
    Status setSodRules(const Session& who, const QString& yaml);
    Result<QString> sodRules(const Session& who);

    // A campaign over the latest import: the snapshot is taken, flagged and assigned now.
    Result<qint64> createCampaign(const Session& who, const CampaignSpec& spec);
    Result<QList<Campaign>> campaigns(const Session& who);
    Result<Campaign> campaign(const Session& who, qint64 id);
    // The session's own person e-mail (what items name as reviewer); empty when the user is not
    // linked to a person. Reading one's own link needs no permission beyond access.read.
    Result<QString> reviewerEmail(const Session& who);
    // Items: the reviewer's own (access.read), or any filter (access.read_all).
    Result<QList<ReviewItem>> items(const Session& who, qint64 campaign, const ItemFilter& filter = {});
    Result<QList<ReviewItem>> myItems(const Session& who, qint64 campaign, bool openOnly = true);
    Result<QList<ReviewerProgress>> progress(const Session& who, qint64 campaign);
    // One decision; the reviewer must be the session's person, never the holder.
    Status decide(const Session& who, qint64 campaign, int item, const QString& decision, const QString& justification,
                  const QString& reduceTo = {}, const QString& delegateTo = {});
    // Reviewers with open items and the due date within reminderDays: recorded in the trail,
    // given back so the caller can send them.
    Result<QStringList> remind(const Session& who, qint64 campaign);
    // Closes the campaign: unanswered items get the campaign's outcome (escalated items keep it
    // from closing), the revocation list is fixed and the attestation signed with `keys`.
    Status close(const Session& who, qint64 campaign, const audit::LedgerKeys& keys);
    Result<std::vector<Revocation>> revocations(const Session& who, qint64 campaign);
    // The attestation as signed: canonical JSON with its signature (a separate member).
    Result<QByteArray> attestation(const Session& who, qint64 campaign);

    // Checks an attestation file against a key the checker trusts (never one in the file).
    static AttestationCheck verifyAttestation(const QByteArray& file, const audit::LedgerKeys& trusted);

private:
    Store& store_;
};

}  // namespace vakt::access
