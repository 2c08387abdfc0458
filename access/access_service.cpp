// Grant imports, campaigns, decisions, closing with a signed attestation, and the check that
// revocations took effect.
#include "access/access_service.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <algorithm>
#include <set>
#include <unordered_map>

#include "collector/audit/event.h"
#include "collector/audit/keys.h"
#include "collector/audit/ledger.h"
#include "core/base/crypto.h"
#include "core/base/json.h"
#include "core/catalog_service.h"
#include "core/civil_time.h"
#include "core/field_checks.h"
#include "core/organisation_service.h"
#include "core/stored_time.h"

namespace vakt::access {

namespace {
using stored::fromIso;
using stored::iso;

constexpr qsizetype kMaxName = 200, kMaxJustification = 2000;
constexpr int kMaxProblemsShown = 200;
const QString kOpen = QStringLiteral("open"), kClosed = QStringLiteral("closed");
const char* const kAttestationKind = "access-attestation";

QString q(const std::string& s) { return QString::fromStdString(s); }
std::string s(const QString& q) { return q.toStdString(); }
// E-mail addresses are folded as the grant parser folds them: ASCII letters only.
QString lower(const QString& text) {
    QString out = text.trimmed();
    for (QChar& c : out)
        if (c.unicode() < 128) c = c.toLower();
    return out;
}

// The columns a grant has in both access_grants and access_items, in this order.
const QString kGrantColumns = QStringLiteral(
    "grant_key, holder_type, holder_key, holder_email, holder_name, orgnr, service, privilege, detail, service_area, holder_area,"
    " legal_basis, confidential, scopes, role, leader_email, granted_by, granted_at");
const QStringList kGrantColumnList = kGrantColumns.split(QStringLiteral(", "));
constexpr int kGrantColumnCount = 18;

std::string joinScopes(const std::vector<std::string>& scopes) {
    std::string out;
    for (const auto& scope : scopes) out += (out.empty() ? "" : ";") + scope;
    return out;
}
std::vector<std::string> splitScopes(std::string_view text) {
    std::vector<std::string> out;
    while (!text.empty()) {
        auto at = text.find(';');
        out.emplace_back(text.substr(0, at));
        if (at == std::string_view::npos) break;
        text.remove_prefix(at + 1);
    }
    return out;
}

// Reads the grant columns starting at `first`; holderId is the stored holder key (a pseudonym).
Grant grantAt(Statement& st, int first) {
    Grant g;
    int c = first + 1;  // after grant_key
    g.holderType = std::string(st.text(c++));
    g.holderId = std::string(st.text(c++));
    g.holderEmail = std::string(st.text(c++));
    g.holderName = std::string(st.text(c++));
    g.orgnr = std::string(st.text(c++));
    g.service = std::string(st.text(c++));
    g.privilege = std::string(st.text(c++));
    g.detail = std::string(st.text(c++));
    g.serviceArea = std::string(st.text(c++));
    g.holderArea = std::string(st.text(c++));
    g.legalBasis = std::string(st.text(c++));
    g.confidential = st.integer(c++) != 0;
    g.scopes = splitScopes(st.text(c++));
    g.role = std::string(st.text(c++));
    g.leaderEmail = std::string(st.text(c++));
    g.grantedBy = std::string(st.text(c++));
    g.grantedAt = std::string(st.text(c++));
    return g;
}

// Bound text must outlive the row (SQLite binds without copying): the key and the scopes are
// kept in the caller's strings until endRow().
void writeGrant(BulkInsert& out, const Grant& g, const std::string& holderKey, std::string& key, std::string& scopes) {
    key = grantKey(g);
    scopes = joinScopes(g.scopes);
    out.text(key);
    out.text(g.holderType);
    out.text(holderKey);
    out.text(g.holderEmail);
    out.text(g.holderName);
    out.text(g.orgnr);
    out.text(g.service);
    out.text(g.privilege);
    out.text(g.detail);
    out.text(g.serviceArea);
    out.text(g.holderArea);
    out.text(g.legalBasis);
    out.integer(g.confidential ? 1 : 0);
    out.text(scopes);
    out.text(g.role);
    out.text(g.leaderEmail);
    out.text(g.grantedBy);
    out.text(g.grantedAt);
}

QJsonObject scopeJson(const Scope& scope) {
    auto list = [](const std::vector<std::string>& v) {
        QJsonArray a;
        for (const auto& x : v) a << q(x);
        return a;
    };
    return {{"organisations", list(scope.organisations)}, {"services", list(scope.services)}, {"privileges", list(scope.privileges)}};
}
Scope scopeFrom(const QJsonObject& o) {
    auto list = [](const QJsonValue& v) {
        std::vector<std::string> out;
        for (const auto& x : v.toArray()) out.push_back(s(x.toString()));
        return out;
    };
    Scope scope;
    scope.organisations = list(o.value("organisations"));
    scope.services = list(o.value("services"));
    scope.privileges = list(o.value("privileges"));
    return scope;
}
QString ruleCode(ReviewerRule::Kind k) {
    switch (k) {
        case ReviewerRule::Kind::Leader: return QStringLiteral("leader");
        case ReviewerRule::Kind::ServiceOwner: return QStringLiteral("service_owner");
        case ReviewerRule::Kind::Named: return QStringLiteral("named");
    }
    return {};
}
QJsonArray rulesJson(const std::vector<ReviewerRule>& rules) {
    QJsonArray a;
    for (const auto& r : rules) {
        QJsonObject o{{"rule", ruleCode(r.kind)}};
        if (r.kind == ReviewerRule::Kind::Named) o.insert("email", q(r.email));
        a << o;
    }
    return a;
}

Status checkEmail(const std::string& email, const char* field) {
    const auto at = email.find('@');
    if (email.empty() || at == std::string::npos || at == 0 || at + 1 >= email.size() || email.find('@', at + 1) != std::string::npos ||
        email.find_first_of(" \t\r\n,;") != std::string::npos || email.size() > 254)
        return fail(std::string("field '") + field + "': '" + email.substr(0, 80) + "' is not an e-mail address");
    return {};
}

std::string problemsText(const QString& fileName, std::vector<ParseProblem> problems) {
    const std::size_t total = problems.size();
    if (total > kMaxProblemsShown) problems.resize(kMaxProblemsShown);
    std::string text = formatProblems(s(fileName), problems);
    if (total > kMaxProblemsShown) text += "\n… and " + std::to_string(total - kMaxProblemsShown) + " more problems";
    return text;
}

qint64 toMs(const QDateTime& t) { return t.toMSecsSinceEpoch(); }

// A grant's key as people read it: its parts separated by " · " instead of the unit separator.
QString readableKey(const Grant& g) {
    QString key = QString::fromStdString(grantKey(g)).replace(QChar(0x1f), QStringLiteral(" · "));
    while (key.endsWith(QStringLiteral(" · "))) key.chop(3);
    return key;
}

// Decisions and closing take the campaign's lock first, so a decision cannot slip in after the
// close read the items. On PostgreSQL a transaction-scoped advisory lock, which needs no UPDATE
// right on the campaign (reviewers have none); SQLite's writers are serialised already.
Status lockCampaign(Database& db, qint64 campaignId) {
    if (db.engine() != Engine::Postgres) return {};
    constexpr int kAccessLockClass = 0x41435356;  // "ACSV": this module's class of advisory locks
    auto row = db.query(QStringLiteral("SELECT pg_advisory_xact_lock(?, ?)"), {kAccessLockClass, int(campaignId)});
    if (!row) return row.error();
    return {};
}

}  // namespace

// The session's own person e-mail, which links a Vakt user to the people whose grants are reviewed.
static Result<QString> personEmailOf(Store& store, const Session& who) {
    if (store.engine() == Engine::Postgres) {
        auto own = store.db().query(QStringLiteral("SELECT vakt_person_email(), session_user"));
        if (own && !own->empty() && own->front().value(1).toString() == who.username) return lower(own->front().value(0).toString());
    }
    auto rows = store.db().query(QStringLiteral("SELECT person_email FROM users WHERE username = ?"), {who.username});
    if (!rows) return rows.error();
    return rows->empty() ? QString() : lower(rows->front().value(0).toString());
}

// ---------------------------------------------------------------------------------------------
// Imports

namespace {
// Items of a campaign with their decisions folded in. `reviewer` non-empty: only that person's.
Result<QList<ReviewItem>> loadItems(Database& db, qint64 campaignId, bool twoStage, const QString& reviewer, int onlyItem = 0) {
    QString sql = QStringLiteral("SELECT ") + kGrantColumns +
                  QStringLiteral(", item_no, flags, sod_rules, peer_count, peers_holding, last_use_ms, usage_known, reviewer, second_reviewer, stage"
                                 " FROM access_items WHERE campaign_id = ?");
    // Items as assigned at the start; delegations are decisions, folded in below.
    if (!reviewer.isEmpty())
        sql += QStringLiteral(" AND (reviewer = ? OR second_reviewer = ? OR item_no IN (SELECT item_no FROM access_decisions WHERE campaign_id = ? AND delegated_to = ?))");
    if (onlyItem) sql += QStringLiteral(" AND item_no = ?");
    sql += QStringLiteral(" ORDER BY item_no");
    auto st = db.prepare(sql);
    if (!st) return st.error();
    int at0 = 0;
    (*st)->bind(at0++, campaignId);
    const std::string me = reviewer.toStdString();
    if (!reviewer.isEmpty()) (*st)->bindText(at0++, me), (*st)->bindText(at0++, me), (*st)->bind(at0++, campaignId), (*st)->bindText(at0++, me);
    if (onlyItem) (*st)->bind(at0++, onlyItem);
    QList<ReviewItem> out;
    QHash<int, qsizetype> at;
    for (;;) {
        auto more = (*st)->next();
        if (!more) return more.error();
        if (!*more) break;
        ReviewItem item;
        item.campaignId = campaignId;
        item.grant = grantAt(**st, 0);
        int c = kGrantColumnCount;
        item.number = int((*st)->integer(c++));
        item.flags = Flags((*st)->integer(c++));
        for (const auto& r : splitScopes((*st)->text(c++))) item.sodRules << q(r);
        item.peerCount = int((*st)->integer(c++));
        item.peersHolding = int((*st)->integer(c++));
        const qint64 lastUse = (*st)->integer(c++);
        item.usageKnown = (*st)->integer(c++) != 0;
        if (item.usageKnown && lastUse >= 0) item.lastUse = QDateTime::fromMSecsSinceEpoch(lastUse, Qt::UTC);
        item.reviewer = q(std::string((*st)->text(c++)));
        item.secondReviewer = q(std::string((*st)->text(c++)));
        item.stage = int((*st)->integer(c++));
        at.insert(item.number, out.size());
        out << std::move(item);
    }
    auto decisions = db.prepare(QStringLiteral("SELECT item_no, stage, decision, reduce_to, delegated_to, justification, decided_by, decided_at, decided_email"
                                               " FROM access_decisions WHERE campaign_id = ?") +
                                (onlyItem ? QStringLiteral(" AND item_no = ?") : QString()) + QStringLiteral(" ORDER BY id"));
    if (!decisions) return decisions.error();
    (*decisions)->bind(0, campaignId);
    if (onlyItem) (*decisions)->bind(1, onlyItem);
    for (;;) {
        auto more = (*decisions)->next();
        if (!more) return more.error();
        if (!*more) break;
        auto it = at.find(int((*decisions)->integer(0)));
        if (it == at.end()) continue;
        ReviewItem& item = out[*it];
        const int stage = int((*decisions)->integer(1));
        const QString decision = q(std::string((*decisions)->text(2)));
        // A delegation hands the stage to someone else: they are its reviewer from then on.
        if (decision == QLatin1String(Decision::Delegate.data())) {
            item.delegatedTo = q(std::string((*decisions)->text(4)));
            (stage == 2 ? item.secondReviewer : item.reviewer) = item.delegatedTo;
            continue;
        }
        const bool final = stage == (twoStage ? 2 : 1);
        if (!final) {
            item.firstDecision = decision;
            item.firstDecidedBy = q(std::string((*decisions)->text(6)));
            item.firstDecidedEmail = q(std::string((*decisions)->text(8)));
            item.stage = 2;  // the first stage has answered
            continue;
        }
        item.decision = decision;
        item.reduceTo = q(std::string((*decisions)->text(3)));
        item.justification = q(std::string((*decisions)->text(5)));
        item.decidedBy = q(std::string((*decisions)->text(6)));
        item.decidedAt = fromIso(q(std::string((*decisions)->text(7))));
    }
    return out;
}

bool matches(const ReviewItem& item, const ItemFilter& f) {
    if (f.openOnly && !item.decision.isEmpty()) return false;
    if (f.anyFlag && !(item.flags & f.anyFlag)) return false;
    if (!f.search.isEmpty()) {
        const QString needle = f.search.trimmed();
        const Grant& g = item.grant;
        bool found = false;
        for (const auto* field : {&g.holderEmail, &g.holderName, &g.orgnr, &g.service, &g.detail, &g.privilege})
            if (q(*field).contains(needle, Qt::CaseInsensitive)) found = true;
        if (!found) return false;
    }
    return true;
}
}  // namespace


namespace {
struct StoredGrants {
    std::vector<Grant> grants;  // holderId holds the stored holder key
    std::vector<std::string> firstRole;
    std::vector<qint64> firstImport;
};

Result<StoredGrants> loadGrants(Database& db, qint64 importId) {
    auto st = db.prepare(QStringLiteral("SELECT ") + kGrantColumns + QStringLiteral(", first_role, first_import_id, line FROM access_grants"
                                                                                  " WHERE import_id = ? ORDER BY line"));
    if (!st) return st.error();
    (*st)->bind(0, importId);
    StoredGrants out;
    for (;;) {
        auto more = (*st)->next();
        if (!more) return more.error();
        if (!*more) break;
        Grant g = grantAt(**st, 0);
        g.line = int((*st)->integer(kGrantColumnCount + 2));
        out.firstRole.emplace_back((*st)->text(kGrantColumnCount));
        out.firstImport.push_back((*st)->integer(kGrantColumnCount + 1));
        out.grants.push_back(std::move(g));
    }
    return out;
}

Result<qint64> latestImport(Database& db) {
    auto rows = db.query(QStringLiteral("SELECT MAX(id) FROM access_imports"));
    if (!rows) return rows.error();
    return rows->empty() || rows->front().value(0).isNull() ? qint64(0) : rows->front().value(0).toLongLong();
}

GrantImport importFrom(const QSqlRecord& r) {
    GrantImport i;
    i.id = r.value(0).toLongLong();
    i.fileName = r.value(1).toString();
    i.sha256 = r.value(2).toString();
    i.format = r.value(3).toString();
    i.grants = r.value(4).toInt();
    i.added = r.value(5).toInt();
    i.removed = r.value(6).toInt();
    i.changed = r.value(7).toInt();
    i.revocationsChecked = r.value(8).toInt();
    i.revocationsNotEffective = r.value(9).toInt();
    i.importedBy = r.value(10).toString();
    i.importedAt = fromIso(r.value(11));
    return i;
}
const QString kImportSelect = QStringLiteral(
    "SELECT id, file_name, sha256, format, grants, added, removed, changed, revocations_checked, revocations_not_effective, imported_by,"
    " imported_at FROM access_imports");

// The stored rows' fingerprint, recorded in the trail: access_grants is proved by it.
std::string contentHash(const std::vector<Grant>& grants, const std::vector<std::string>& holderKeys) {
    std::vector<std::string> lines;
    lines.reserve(grants.size());
    for (std::size_t i = 0; i < grants.size(); ++i) lines.push_back(grantKey(grants[i]) + '\x1e' + holderKeys[i] + '\x1e' + grantContent(grants[i]));
    std::sort(lines.begin(), lines.end());
    std::string all;
    for (const auto& l : lines) all += l + '\n';
    return crypto::sha256Hex(all);
}
}  // namespace

Result<ImportReport> AccessService::importGrants(const Session& who, const QString& fileName, const QByteArray& content,
                                                 const audit::LedgerKeys* keys) {
    if (!who.allows(permission::AccessManage)) return denied(who, permission::AccessManage).error();
    const std::string_view text(content.constData(), std::size_t(content.size()));
    GrantFile file = parseGrants(text);
    if (!file.problems.empty()) return fail(problemsText(fileName, std::move(file.problems)));
    if (file.grants.empty()) return fail(s(fileName) + ": no grants in the file");

    // Everyone and everything named must be known: an unknown person is reported, never created.
    OrganisationService orgs(store_);
    CatalogService catalog(store_);
    auto organisations = orgs.organisations(who);
    if (!organisations) return organisations.error();
    auto people = catalog.people(who);
    if (!people) return people.error();
    auto services = catalog.list(who);
    if (!services) return services.error();
    QSet<QString> orgnrs, emails, serviceKeys;
    for (const auto& o : *organisations) orgnrs.insert(o.orgnr);
    for (const auto& p : *people) emails.insert(lower(p.email));
    for (const auto& e : *services) serviceKeys.insert(e.key);
    std::vector<ParseProblem> problems;
    bool personIds = false;
    for (auto& g : file.grants) {
        g.holderEmail = s(lower(q(g.holderEmail)));
        g.leaderEmail = s(lower(q(g.leaderEmail)));
        if (!orgnrs.contains(q(g.orgnr))) problems.push_back({g.line, "orgnr", "no organisation " + g.orgnr + " in the catalogue"});
        if (g.holderType == "person" && !emails.contains(q(g.holderEmail)))
            problems.push_back({g.line, "holder_email", "no person '" + g.holderEmail + "' in the catalogue"});
        if (!g.leaderEmail.empty() && !emails.contains(q(g.leaderEmail)))
            problems.push_back({g.line, "leader_email", "no person '" + g.leaderEmail + "' in the catalogue"});
        if (!g.service.empty() && !serviceKeys.contains(q(g.service)))
            problems.push_back({g.line, "service", "'" + g.service + "' is not in the catalogue"});
        if (g.holderType == "person" && !g.holderId.empty()) personIds = true;
    }
    if (!problems.empty()) return fail(problemsText(fileName, std::move(problems)), ErrorKind::NotFound);
    if (personIds && (!keys || !keys->canPseudonymise()))
        return fail(s(fileName) + ": the file has fødselsnumre (holder_id); pseudonymising them needs the audit ledger's key directory (--keys)");
    std::vector<std::string> holderKeys;
    holderKeys.reserve(file.grants.size());
    for (const auto& g : file.grants)
        holderKeys.push_back(g.holderId.empty() ? std::string() : g.holderType == "person" ? audit::pseudonym(keys->hmacKey(), g.holderId) : g.holderId);

    Transaction tx(store_.db());
    if (!tx.started()) return tx.started().error();
    auto previousId = latestImport(store_.db());
    if (!previousId) return previousId.error();
    StoredGrants previous;
    if (*previousId) {
        auto loaded = loadGrants(store_.db(), *previousId);
        if (!loaded) return loaded.error();
        previous = std::move(*loaded);
    }
    // The diff compares what the export says; the holder's id is not part of a grant's content.
    const GrantDiff diff = diffGrants(previous.grants, file.grants);
    std::unordered_map<std::string, std::size_t> previousAt;
    for (std::size_t i = 0; i < previous.grants.size(); ++i) previousAt.emplace(grantKey(previous.grants[i]), i);

    const QDateTime now = store_.clock().now();
    const QString fileSha = q(crypto::sha256Hex(text));
    const std::string content256 = contentHash(file.grants, holderKeys);
    // As parseGrants tells them apart: by the first byte that is not white space.
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    const QString format = first != std::string_view::npos && (text[first] == '{' || text[first] == '[') ? QStringLiteral("json") : QStringLiteral("csv");
    auto id = store_.db().insertReturningId(
        QStringLiteral("INSERT INTO access_imports (file_name, sha256, format, grants, added, removed, changed, content_sha256, imported_by,"
                       " imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        {fileName.right(260), fileSha, format, qint64(file.grants.size()), qint64(diff.added.size()), qint64(diff.removed.size()),
         qint64(diff.changed.size()), q(content256), who.username, iso(now)});
    if (!id) return id.error();
    QStringList columns{QStringLiteral("import_id"), QStringLiteral("line")};
    columns << kGrantColumnList << QStringLiteral("first_import_id") << QStringLiteral("first_role");
    auto bulk = store_.db().bulkInsert(QStringLiteral("access_grants"), columns);
    if (!bulk) return bulk.error();
    for (std::size_t i = 0; i < file.grants.size(); ++i) {
        const Grant& g = file.grants[i];
        (*bulk)->integer(*id);
        (*bulk)->integer(g.line);
        std::string key, scopes;
        writeGrant(**bulk, g, holderKeys[i], key, scopes);
        // A grant keeps the import it first appeared in and the holder's role then, so a role
        // changed since the grant shows.
        auto was = previousAt.find(grantKey(g));
        (*bulk)->integer(was == previousAt.end() ? *id : previous.firstImport[was->second]);
        (*bulk)->text(was == previousAt.end() ? g.role : previous.firstRole[was->second]);
        if (auto st = (*bulk)->endRow(); !st) return st.error();
    }
    if (auto st = (*bulk)->flush(); !st) return st.error();

    ImportReport report;
    constexpr int kKeysListed = 500;
    for (auto i : diff.added)
        if (report.addedKeys.size() < kKeysListed) report.addedKeys << readableKey(file.grants[i]);
    for (auto i : diff.removed)
        if (report.removedKeys.size() < kKeysListed) report.removedKeys << readableKey(previous.grants[i]);
    for (auto [b, a] : diff.changed)
        if (report.changedKeys.size() < kKeysListed) report.changedKeys << readableKey(file.grants[a]);

    // Every revocation of a closed campaign not yet seen to take effect is checked against this export.
    auto pending = store_.db().query(QStringLiteral(
        "SELECT r.campaign_id, r.item_no, r.action, r.reduce_to, c.name FROM access_revocations r JOIN access_campaigns c ON c.id = r.campaign_id"
        " WHERE r.effective IS NULL OR r.effective = 0 ORDER BY r.campaign_id, r.item_no"));
    if (!pending) return pending.error();
    int checked = 0, lingering = 0;
    if (!pending->empty()) {
        struct Pending {
            QString name;
            std::vector<int> itemNos;
            std::vector<Revocation> revs;
        };
        std::map<qint64, Pending> byCampaign;
        for (const auto& r : *pending) {
            Pending& p = byCampaign[r.value(0).toLongLong()];
            p.name = r.value(4).toString();
            Revocation rev;
            rev.action = s(r.value(2).toString());
            rev.reduceTo = s(r.value(3).toString());
            p.itemNos.push_back(r.value(1).toInt());
            p.revs.push_back(std::move(rev));
        }
        for (auto& [campaignId, p] : byCampaign) {
            auto items = loadItems(store_.db(), campaignId, false, {});
            if (!items) return items.error();
            QHash<int, const ReviewItem*> byNumber;
            for (const auto& item : *items) byNumber.insert(item.number, &item);
            for (std::size_t i = 0; i < p.revs.size(); ++i)
                if (auto it = byNumber.find(p.itemNos[i]); it != byNumber.end()) p.revs[i].grant = (*it)->grant;
            const RevocationCheck check = checkRevocations(p.revs, file.grants);
            for (auto i : check.effective)
                if (auto st = store_.db().exec(QStringLiteral("UPDATE access_revocations SET checked_import_id = ?, effective = 1 WHERE campaign_id = ? AND item_no = ?"),
                                               {*id, campaignId, p.itemNos[i]});
                    !st)
                    return st.error();
            QJsonArray notEffective;
            for (auto i : check.notEffective) {
                if (auto st = store_.db().exec(QStringLiteral("UPDATE access_revocations SET checked_import_id = ?, effective = 0 WHERE campaign_id = ? AND item_no = ?"),
                                               {*id, campaignId, p.itemNos[i]});
                    !st)
                    return st.error();
                const QString key = readableKey(p.revs[i].grant);
                report.notEffective << ImportReport::Lingering{campaignId, p.name, q(p.revs[i].action), key};
                notEffective << QJsonObject{{"item", p.itemNos[i]}, {"grant", key}, {"action", q(p.revs[i].action)}};
            }
            checked += int(p.revs.size());
            lingering += int(check.notEffective.size());
            if (auto st = store_.record(who, QStringLiteral("access.revocations.check"), QStringLiteral("access_campaign"), QString::number(campaignId), {},
                                        QJsonObject{{"import", *id}, {"checked", qint64(p.revs.size())}, {"effective", qint64(check.effective.size())},
                                                    {"not_effective", notEffective}});
                !st)
                return st.error();
        }
        if (auto st = store_.db().exec(QStringLiteral("UPDATE access_imports SET revocations_checked = ?, revocations_not_effective = ? WHERE id = ?"),
                                       {checked, lingering, *id});
            !st)
            return st.error();
    }
    if (auto st = store_.record(who, QStringLiteral("access.import"), QStringLiteral("access_import"), QString::number(*id), {},
                                QJsonObject{{"file", fileName.right(260)}, {"sha256", fileSha}, {"content_sha256", q(content256)},
                                            {"grants", qint64(file.grants.size())}, {"added", qint64(diff.added.size())},
                                            {"removed", qint64(diff.removed.size())}, {"changed", qint64(diff.changed.size())}});
        !st)
        return st.error();
    if (auto st = tx.commit(); !st) return st.error();
    report.import.id = *id;
    report.import.fileName = fileName.right(260);
    report.import.sha256 = fileSha;
    report.import.format = format;
    report.import.importedBy = who.username;
    report.import.importedAt = now;
    report.import.grants = int(file.grants.size());
    report.import.added = int(diff.added.size());
    report.import.removed = int(diff.removed.size());
    report.import.changed = int(diff.changed.size());
    report.import.revocationsChecked = checked;
    report.import.revocationsNotEffective = lingering;
    return report;
}

Result<QList<GrantImport>> AccessService::imports(const Session& who) {
    if (!who.allows(permission::AccessReadAll)) return denied(who, permission::AccessReadAll).error();
    auto rows = store_.db().query(kImportSelect + QStringLiteral(" ORDER BY id DESC"));
    if (!rows) return rows.error();
    QList<GrantImport> out;
    for (const auto& r : *rows) out << importFrom(r);
    return out;
}

Result<std::vector<Grant>> AccessService::grants(const Session& who, qint64 importId) {
    if (!who.allows(permission::AccessReadAll)) return denied(who, permission::AccessReadAll).error();
    if (importId == 0) {
        auto latest = latestImport(store_.db());
        if (!latest) return latest.error();
        if (!*latest) return std::vector<Grant>{};
        importId = *latest;
    }
    auto loaded = loadGrants(store_.db(), importId);
    if (!loaded) return loaded.error();
    return std::move(loaded->grants);
}

Status AccessService::setSodRules(const Session& who, const QString& yaml) {
    if (!who.allows(permission::AccessManage)) return denied(who, permission::AccessManage);
    if (yaml.size() > 1'000'000) return fail("segregation-of-duties rules: larger than 1 MB");
    auto rules = parseSodRules(s(yaml));
    if (!rules) return fail("segregation-of-duties rules: " + rules.message());
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    auto before = store_.db().query(QStringLiteral("SELECT yaml FROM access_sod_rules WHERE id = 1"));
    if (!before) return before.error();
    const QString old = before->empty() ? QString() : before->front().value(0).toString();
    const QString now = iso(store_.clock().now());
    Status st = before->empty()
                    ? store_.db().exec(QStringLiteral("INSERT INTO access_sod_rules (id, yaml, set_by, set_at) VALUES (1, ?, ?, ?)"), {yaml, who.username, now})
                    : store_.db().exec(QStringLiteral("UPDATE access_sod_rules SET yaml = ?, set_by = ?, set_at = ? WHERE id = 1"), {yaml, who.username, now});
    if (!st) return st;
    QJsonArray ids;
    for (const auto& r : *rules) ids << q(r.id);
    if (auto r = store_.record(who, QStringLiteral("access.sod_rules"), QStringLiteral("access_sod_rules"), QStringLiteral("1"),
                               old.isEmpty() ? QJsonObject{} : QJsonObject{{"sha256", q(crypto::sha256Hex(s(old)))}},
                               QJsonObject{{"sha256", q(crypto::sha256Hex(s(yaml)))}, {"rules", ids}});
        !r)
        return r;
    return tx.commit();
}

Result<QString> AccessService::sodRules(const Session& who) {
    if (!who.allows(permission::AccessReadAll)) return denied(who, permission::AccessReadAll).error();
    auto rows = store_.db().query(QStringLiteral("SELECT yaml FROM access_sod_rules WHERE id = 1"));
    if (!rows) return rows.error();
    return rows->empty() ? QString() : rows->front().value(0).toString();
}

// ---------------------------------------------------------------------------------------------
// Campaigns

namespace {
const QString kCampaignSelect = QStringLiteral(
    "SELECT id, name, mode, scope, state, owner, owner_email, created_at, due, reminder_days, unanswered, two_stage, snapshot_import_id,"
    " snapshot_sha256, items, closed_at, closed_by, attestation_sha256, signature FROM access_campaigns");

Campaign campaignFrom(const QSqlRecord& r) {
    Campaign c;
    c.id = r.value(0).toLongLong();
    c.name = r.value(1).toString();
    c.mode = modeFromCode(s(r.value(2).toString())).value_or(Mode::Full);
    c.scope = scopeFrom(QJsonDocument::fromJson(r.value(3).toString().toUtf8()).object());
    c.state = r.value(4).toString();
    c.owner = r.value(5).toString();
    c.ownerEmail = r.value(6).toString();
    c.createdAt = fromIso(r.value(7));
    c.due = QDate::fromString(r.value(8).toString(), Qt::ISODate);
    c.reminderDays = r.value(9).toInt();
    c.unanswered = r.value(10).toString();
    c.twoStage = r.value(11).toInt() != 0;
    c.snapshotImportId = r.value(12).toLongLong();
    c.snapshotSha256 = r.value(13).toString();
    c.items = r.value(14).toInt();
    c.closedAt = fromIso(r.value(15));
    c.closedBy = r.value(16).toString();
    c.attestationSha256 = r.value(17).toString();
    c.signatureBase64 = r.value(18).toString();
    return c;
}

// A line per item of what the snapshot holds, for its fingerprint.
std::string itemLine(int number, const Grant& g, const std::string& holderKey, const FlaggedGrant& f, const std::string& reviewer,
                     const std::string& second) {
    return std::to_string(number) + '\x1e' + grantKey(g) + '\x1e' + holderKey + '\x1e' + grantContent(g) + '\x1e' + std::to_string(f.flags) +
           '\x1e' + reviewer + '\x1e' + second + '\n';
}

// Ledger activity folded onto grants: the newest use by the holder, in the grant's service when
// it has one. A person acts for the organisation that granted it; an integration works for its
// vendor, so its events are matched by client id alone.
// The ledger can only say "not used for 90 days" about a service it has heard from, and only once
// it has been collecting for 90 days.
std::vector<GrantFacts> usageFacts(const std::vector<Grant>& grants, const std::vector<audit::ActorActivity>& activity,
                                   const audit::ActivityCoverage& coverage, qint64 nowMs) {
    std::unordered_multimap<std::string, const audit::ActorActivity*> byActor;
    for (const auto& a : activity) byActor.emplace(a.actorKey, &a);
    const bool longEnough = coverage.firstMs && *coverage.firstMs <= nowMs - qint64(FlagPolicy{}.unusedDays) * 86'400'000;
    const std::set<std::string> heard(coverage.services.begin(), coverage.services.end());
    std::vector<GrantFacts> facts(grants.size());
    for (std::size_t i = 0; i < grants.size(); ++i) {
        const Grant& g = grants[i];
        facts[i].usageKnown = longEnough && !g.holderId.empty() && (g.service.empty() || heard.count(g.service));
        if (!facts[i].usageKnown) continue;
        auto [from, to] = byActor.equal_range(g.holderId);
        for (auto it = from; it != to; ++it) {
            const auto& a = *it->second;
            if (!g.service.empty() && a.service != g.service) continue;
            if (g.holderType == "person" && a.actorOrg != g.orgnr) continue;
            if (!facts[i].lastUseMs || a.lastMs > *facts[i].lastUseMs) facts[i].lastUseMs = a.lastMs;
        }
    }
    return facts;
}
}  // namespace

Result<qint64> AccessService::createCampaign(const Session& who, const CampaignSpec& request) {
    if (!who.allows(permission::AccessManage)) return denied(who, permission::AccessManage).error();
    CampaignSpec spec = request;
    for (auto* rules : {&spec.reviewers, &spec.secondStage})
        for (auto& r : *rules) r.email = s(lower(q(r.email)));
    const QString name = spec.name.simplified();
    if (name.isEmpty()) return fail("field 'name': required");
    if (auto st = checkLength(name, kMaxName, "name"); !st) return st.error();
    const QDate today = store_.clock().now().toTimeZone(platformZone()).date();
    if (!spec.due.isValid()) return fail("field 'due': required");
    if (spec.due < today) return fail("field 'due': " + s(spec.due.toString(Qt::ISODate)) + " has passed");
    if (spec.reminderDays < 0 || spec.reminderDays > 90) return fail("field 'reminder_days': 0 to 90");
    if (!Unanswered::valid(s(spec.unanswered))) return fail("field 'unanswered': '" + s(spec.unanswered.left(40)) + "' is not one of keep|revoke|escalate");
    if (spec.reviewers.empty()) return fail("field 'reviewers': name at least one rule (leader, service_owner or named)");
    if (spec.reviewers.size() > 10 || spec.secondStage.size() > 10) return fail("field 'reviewers': at most 10 rules a stage");
    for (const auto* rules : {&spec.reviewers, &spec.secondStage})
        for (const auto& r : *rules)
            if (r.kind == ReviewerRule::Kind::Named)
                if (auto st = checkEmail(r.email, "reviewers"); !st) return st.error();
    for (const auto* list : {&spec.scope.organisations, &spec.scope.services, &spec.scope.privileges})
        if (list->size() > 5000) return fail("field 'scope': at most 5000 entries a list");
    for (const auto& p : spec.scope.privileges)
        if (!Privilege::valid(p)) return fail("field 'scope': '" + p.substr(0, 40) + "' is not a privilege kind");

    auto ownerEmail = personEmailOf(store_, who);
    if (!ownerEmail) return ownerEmail.error();
    CatalogService catalog(store_);
    auto people = catalog.people(who);
    if (!people) return people.error();
    auto entries = catalog.all(who);
    if (!entries) return entries.error();
    QSet<QString> leavers;
    for (const auto& p : *people)
        if (p.employment == Employment::Left) leavers.insert(lower(p.email));
    std::map<std::string, std::string, std::less<>> owners;
    for (const auto& e : *entries)
        if (!e.productOwnerEmail.isEmpty()) owners.emplace(s(e.key), s(lower(e.productOwnerEmail)));
    auto rulesYaml = sodRules(who);
    if (!rulesYaml) return rulesYaml.error();
    std::vector<SodRule> sod;
    if (!rulesYaml->isEmpty()) {
        auto parsed = parseSodRules(s(*rulesYaml));
        if (!parsed) return fail("segregation-of-duties rules: " + parsed.message(), ErrorKind::Internal);
        sod = std::move(*parsed);
    }

    Transaction tx(store_.db());
    if (!tx.started()) return tx.started().error();
    auto importId = latestImport(store_.db());
    if (!importId) return importId.error();
    if (!*importId) return fail("no grants imported yet (vakt access import FILE)", ErrorKind::Conflict);
    auto current = loadGrants(store_.db(), *importId);
    if (!current) return current.error();
    const auto& grants = current->grants;

    // Last use from the audit ledger, for every holder the ledger can know.
    std::vector<std::string> holderKeys;
    for (const auto& g : grants)
        if (!g.holderId.empty()) holderKeys.push_back(g.holderId);
    std::sort(holderKeys.begin(), holderKeys.end());
    holderKeys.erase(std::unique(holderKeys.begin(), holderKeys.end()), holderKeys.end());
    auto activity = audit::Ledger::actorActivity(store_, holderKeys);
    if (!activity) return activity.error();
    auto coverage = audit::Ledger::activityCoverage(store_);
    if (!coverage) return coverage.error();
    std::vector<GrantFacts> facts = usageFacts(grants, *activity, *coverage, toMs(store_.clock().now()));
    for (std::size_t i = 0; i < grants.size(); ++i) {
        facts[i].holderLeft = grants[i].holderType == "person" && leavers.contains(q(grants[i].holderEmail));
        facts[i].roleChanged = !current->firstRole[i].empty() && current->firstRole[i] != grants[i].role;
    }

    // The previous campaign's snapshot, for a differential review.
    std::vector<Grant> previous;
    if (spec.mode == Mode::Differential) {
        // The export the previous campaign reviewed, whole: a campaign scoped to one organisation or
        // to leavers does not make everything else look new.
        auto last = store_.db().query(QStringLiteral("SELECT snapshot_import_id FROM access_campaigns ORDER BY id DESC LIMIT 1"));
        if (!last) return last.error();
        if (!last->empty()) {
            auto before = loadGrants(store_.db(), last->front().value(0).toLongLong());
            if (!before) return before.error();
            previous = std::move(before->grants);
        }
    }
    const std::vector<std::size_t> chosen = selectForCampaign(grants, facts, spec.scope, spec.mode, previous);
    if (chosen.empty()) return fail("no grants in the campaign's scope and mode", ErrorKind::Conflict);
    const qint64 nowMs = toMs(store_.clock().now());
    const std::vector<FlaggedGrant> flagged = flagGrants(grants, facts, sod, nowMs);

    const QDateTime now = store_.clock().now();
    const bool twoStage = !spec.secondStage.empty();
    auto id = store_.db().insertReturningId(
        QStringLiteral("INSERT INTO access_campaigns (name, mode, scope, reviewers, second_stage, state, owner, owner_email, created_at, due,"
                       " reminder_days, unanswered, two_stage, snapshot_import_id, snapshot_sha256, items) VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?, '', ?)"
                       " RETURNING id"),
        {name, q(std::string(modeCode(spec.mode))), QString::fromUtf8(QJsonDocument(scopeJson(spec.scope)).toJson(QJsonDocument::Compact)),
         QString::fromUtf8(QJsonDocument(rulesJson(spec.reviewers)).toJson(QJsonDocument::Compact)),
         QString::fromUtf8(QJsonDocument(rulesJson(spec.secondStage)).toJson(QJsonDocument::Compact)), who.username, *ownerEmail, iso(now),
         spec.due.toString(Qt::ISODate), spec.reminderDays, spec.unanswered, twoStage ? 1 : 0, *importId, qint64(chosen.size())});
    if (!id) return id.error();
    QStringList columns{QStringLiteral("campaign_id"), QStringLiteral("item_no")};
    columns << kGrantColumnList
            << QStringList{QStringLiteral("flags"),      QStringLiteral("sod_rules"),   QStringLiteral("peer_count"),      QStringLiteral("peers_holding"),
                           QStringLiteral("last_use_ms"), QStringLiteral("usage_known"), QStringLiteral("reviewer"), QStringLiteral("second_reviewer")};
    auto bulk = store_.db().bulkInsert(QStringLiteral("access_items"), columns);
    if (!bulk) return bulk.error();
    std::string snapshot;
    int unassigned = 0, withFlags = 0;
    const std::string fallback = s(*ownerEmail);
    for (std::size_t n = 0; n < chosen.size(); ++n) {
        const std::size_t i = chosen[n];
        const Grant& g = grants[i];
        const FlaggedGrant& f = flagged[i];
        const std::string reviewer = assignReviewer(g, spec.reviewers, owners, fallback).reviewer;
        std::string second;
        if (twoStage) {
            second = assignReviewer(g, spec.secondStage, owners, fallback).reviewer;
            // Two stages are two people: the owner takes the second when the rules name the first again.
            if (second == reviewer) second = fallback != reviewer && !isSelfReview(g, fallback) ? fallback : std::string();
            if (second.empty()) ++unassigned;
        }
        if (reviewer.empty()) ++unassigned;
        if (f.flags) ++withFlags;
        const int number = int(n) + 1;
        (*bulk)->integer(*id);
        (*bulk)->integer(number);
        std::string key, scopes;
        writeGrant(**bulk, g, g.holderId, key, scopes);
        (*bulk)->integer(f.flags);
        std::string rules;
        for (const auto& r : f.sodRules) rules += (rules.empty() ? "" : ";") + r;
        (*bulk)->text(rules);
        (*bulk)->integer(f.peerCount);
        (*bulk)->integer(f.peersHolding);
        // No use seen is "never" (-1), not NULL, when the ledger could tell.
        (*bulk)->integer(facts[i].lastUseMs.value_or(-1));
        (*bulk)->integer(facts[i].usageKnown ? 1 : 0);
        (*bulk)->text(reviewer);
        (*bulk)->text(second);
        if (auto st = (*bulk)->endRow(); !st) return st.error();
        snapshot += itemLine(number, g, g.holderId, f, reviewer, second);
    }
    if (auto st = (*bulk)->flush(); !st) return st.error();
    const QString snapshotSha = q(crypto::sha256Hex(snapshot));
    if (auto st = store_.db().exec(QStringLiteral("UPDATE access_campaigns SET snapshot_sha256 = ? WHERE id = ?"), {snapshotSha, *id}); !st) return st.error();
    if (auto st = store_.record(who, QStringLiteral("access.campaign.create"), QStringLiteral("access_campaign"), QString::number(*id), {},
                                QJsonObject{{"name", name}, {"mode", q(std::string(modeCode(spec.mode)))}, {"scope", scopeJson(spec.scope)},
                                            {"reviewers", rulesJson(spec.reviewers)}, {"second_stage", rulesJson(spec.secondStage)},
                                            {"due", spec.due.toString(Qt::ISODate)}, {"unanswered", spec.unanswered}, {"import", *importId},
                                            {"items", qint64(chosen.size())}, {"flagged", withFlags}, {"without_reviewer", unassigned},
                                            {"snapshot_sha256", snapshotSha}});
        !st)
        return st.error();
    if (auto st = tx.commit(); !st) return st.error();
    return *id;
}

Result<QList<Campaign>> AccessService::campaigns(const Session& who) {
    if (!who.allows(permission::AccessRead)) return denied(who, permission::AccessRead).error();
    auto rows = store_.db().query(kCampaignSelect + QStringLiteral(" ORDER BY id DESC"));
    if (!rows) return rows.error();
    QList<Campaign> out;
    for (const auto& r : *rows) {
        out << campaignFrom(r);
        auto counted = campaign(who, out.back().id);
        if (!counted) return counted.error();
        out.back() = *counted;
    }
    return out;
}

Result<Campaign> AccessService::campaign(const Session& who, qint64 id) {
    if (!who.allows(permission::AccessRead)) return denied(who, permission::AccessRead).error();
    auto rows = store_.db().query(kCampaignSelect + QStringLiteral(" WHERE id = ?"), {id});
    if (!rows) return rows.error();
    if (rows->empty()) return fail("campaign " + std::to_string(id) + ": no such campaign", ErrorKind::NotFound);
    Campaign c = campaignFrom(rows->front());
    auto counts = store_.db().query(
        QStringLiteral("SELECT (SELECT COUNT(DISTINCT item_no) FROM access_decisions WHERE campaign_id = ? AND decision <> 'delegate' AND stage = ?),"
                       " (SELECT COUNT(*) FROM access_items WHERE campaign_id = ? AND flags <> 0),"
                       " (SELECT COUNT(*) FROM access_revocations WHERE campaign_id = ?)"),
        {id, c.twoStage ? 2 : 1, id, id});
    if (!counts) return counts.error();
    c.decided = counts->front().value(0).toInt();
    c.flagged = counts->front().value(1).toInt();
    c.revocations = counts->front().value(2).toInt();
    return c;
}


Result<QList<ReviewItem>> AccessService::items(const Session& who, qint64 campaignId, const ItemFilter& filter) {
    if (!who.allows(permission::AccessRead)) return denied(who, permission::AccessRead).error();
    auto c = campaign(who, campaignId);
    if (!c) return c.error();
    QString reviewer = lower(filter.reviewer);
    if (!who.allows(permission::AccessReadAll)) {
        // A reviewer sees their own items and nobody else's.
        auto me = personEmailOf(store_, who);
        if (!me) return me.error();
        if (me->isEmpty()) return fail("user '" + s(who.username) + "' is not linked to a person, so has no review items", ErrorKind::Denied);
        if (!reviewer.isEmpty() && reviewer != *me) return denied(who, permission::AccessReadAll).error();
        reviewer = *me;
    }
    auto all = loadItems(store_.db(), campaignId, c->twoStage, reviewer);
    if (!all) return all.error();
    QList<ReviewItem> out;
    for (auto& item : *all) {
        // A two-stage item is the second reviewer's once the first has decided, and the first's until then.
        if (!reviewer.isEmpty()) {
            const QString current = item.stage == 2 ? item.secondReviewer : item.reviewer;
            if (current != reviewer && item.reviewer != reviewer) continue;
        }
        if (matches(item, filter)) out << std::move(item);
    }
    return out;
}

Result<QString> AccessService::reviewerEmail(const Session& who) {
    if (!who.allows(permission::AccessRead)) return denied(who, permission::AccessRead).error();
    return personEmailOf(store_, who);
}

Result<QList<ReviewItem>> AccessService::myItems(const Session& who, qint64 campaignId, bool openOnly) {
    auto me = personEmailOf(store_, who);
    if (!me) return me.error();
    if (me->isEmpty()) return fail("user '" + s(who.username) + "' is not linked to a person, so has no review items", ErrorKind::Denied);
    ItemFilter f;
    f.reviewer = *me;
    f.openOnly = openOnly;
    return items(who, campaignId, f);
}

Result<QList<ReviewerProgress>> AccessService::progress(const Session& who, qint64 campaignId) {
    if (!who.allows(permission::AccessReadAll)) return denied(who, permission::AccessReadAll).error();
    auto c = campaign(who, campaignId);
    if (!c) return c.error();
    auto all = loadItems(store_.db(), campaignId, c->twoStage, {});
    if (!all) return all.error();
    const bool overdue = c->state == kOpen && store_.clock().now().toTimeZone(platformZone()).date() > c->due;
    std::map<QString, ReviewerProgress> by;
    for (const auto& item : *all) {
        const QString reviewer = item.stage == 2 ? item.secondReviewer : item.reviewer;
        ReviewerProgress& p = by[reviewer];
        p.reviewer = reviewer;
        ++p.items;
        if (!item.decision.isEmpty()) ++p.decided;
        if (item.flags) ++p.flagged;
        if (overdue && item.decision.isEmpty()) ++p.overdue;
    }
    QList<ReviewerProgress> out;
    for (auto& [k, p] : by) out << p;
    return out;
}

Status AccessService::decide(const Session& who, qint64 campaignId, int number, const QString& decision, const QString& justification,
                             const QString& reduceTo, const QString& delegateTo) {
    if (!who.allows(permission::AccessReview)) return denied(who, permission::AccessReview);
    if (!Decision::valid(s(decision))) return fail("field 'decision': '" + s(decision.left(40)) + "' is not one of keep|reduce|revoke|delegate");
    if (auto st = checkLength(justification, kMaxJustification, "justification"); !st) return st;
    if (auto st = checkLength(reduceTo, kMaxName, "reduce_to"); !st) return st;
    const QString delegate = lower(delegateTo);
    if (!delegate.isEmpty())
        if (auto st = checkEmail(s(delegate), "delegate_to"); !st) return st;
    auto me = personEmailOf(store_, who);
    if (!me) return me.error();
    if (me->isEmpty()) return fail("user '" + s(who.username) + "' is not linked to a person and cannot review", ErrorKind::Denied);
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    if (auto st = lockCampaign(store_.db(), campaignId); !st) return st;
    auto c = campaign(who, campaignId);
    if (!c) return c.error();
    if (c->state != kOpen) return fail("campaign " + std::to_string(campaignId) + " is closed", ErrorKind::Conflict);
    auto rows = loadItems(store_.db(), campaignId, c->twoStage, {}, number);
    if (!rows) return rows.error();
    if (rows->isEmpty()) return fail("campaign " + std::to_string(campaignId) + ": no item " + std::to_string(number), ErrorKind::NotFound);
    const ReviewItem* item = &rows->front();
    const QString current = item->stage == 2 ? item->secondReviewer : item->reviewer;
    // The campaign's owner answers what nobody else may (an item without a reviewer).
    const bool owner = who.allows(permission::AccessManage) && current.isEmpty();
    // Whose item it is stays unsaid: a reviewer cannot map the others' assignments by asking.
    if (current != *me && !owner) return fail("item " + std::to_string(number) + " is not one of your items to review", ErrorKind::Denied);
    if (isSelfReview(item->grant, s(*me))) return fail("item " + std::to_string(number) + ": nobody reviews their own grants", ErrorKind::Denied);
    // Two stages are two people, however the item came to them.
    if (item->stage == 2 && item->firstDecidedEmail == *me)
        return fail("item " + std::to_string(number) + ": you decided its first stage; the second needs someone else", ErrorKind::Denied);
    if (!delegate.isEmpty() && c->twoStage &&
        ((item->stage == 1 && delegate == item->secondReviewer) || (item->stage == 2 && delegate == item->firstDecidedEmail)))
        return fail("field 'delegate_to': " + s(delegate) + " reviews the item's other stage");
    if (auto problem = checkDecision(item->grant, s(decision), s(justification.trimmed()), s(reduceTo.trimmed()), s(delegate)))
        return fail(*problem);
    const QDateTime now = store_.clock().now();
    if (auto st = store_.db().exec(QStringLiteral("INSERT INTO access_decisions (campaign_id, item_no, stage, decision, reduce_to, delegated_to,"
                                                  " justification, decided_by, decided_email, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                                   {campaignId, number, item->stage, decision, reduceTo.trimmed(), delegate, justification.trimmed(), who.username, *me, iso(now)});
        !st)
        return st;
    QJsonObject after{{"decision", decision}, {"stage", item->stage}, {"grant", readableKey(item->grant)}};
    if (!justification.trimmed().isEmpty()) after.insert("justification", justification.trimmed());
    if (!reduceTo.trimmed().isEmpty()) after.insert("reduce_to", reduceTo.trimmed());
    if (!delegate.isEmpty()) after.insert("delegated_to", delegate);
    QJsonObject before;
    if (!item->decision.isEmpty()) before.insert("decision", item->decision);
    if (auto st = store_.record(who, QStringLiteral("access.decide"), QStringLiteral("access_item"),
                                QString::number(campaignId) + QLatin1Char('/') + QString::number(number), before, after);
        !st)
        return st;
    return tx.commit();
}

Result<QStringList> AccessService::remind(const Session& who, qint64 campaignId) {
    if (!who.allows(permission::AccessManage)) return denied(who, permission::AccessManage).error();
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started().error();
    auto c = campaign(who, campaignId);
    if (!c) return c.error();
    if (c->state != kOpen) return fail("campaign " + std::to_string(campaignId) + " is closed", ErrorKind::Conflict);
    const QDate today = store_.clock().now().toTimeZone(platformZone()).date();
    if (today < c->due.addDays(-c->reminderDays)) return QStringList{};
    auto p = progress(who, campaignId);
    if (!p) return p.error();
    QStringList reviewers;
    for (const auto& r : *p)
        if (r.decided < r.items && !r.reviewer.isEmpty()) reviewers << r.reviewer;
    if (reviewers.isEmpty()) return reviewers;
    if (auto st = store_.record(who, QStringLiteral("access.remind"), QStringLiteral("access_campaign"), QString::number(campaignId), {},
                                QJsonObject{{"reviewers", QJsonArray::fromStringList(reviewers)}, {"due", c->due.toString(Qt::ISODate)}});
        !st)
        return st.error();
    if (auto st = tx.commit(); !st) return st.error();
    return reviewers;
}

namespace {
QJsonObject grantJson(const Grant& g) {
    QJsonObject o{{"holder_type", q(g.holderType)}, {"orgnr", q(g.orgnr)}, {"privilege", q(g.privilege)}};
    // Never a fødselsnummer nor its pseudonym: the holder is named as the export names them.
    if (!g.holderEmail.empty()) o.insert("holder_email", q(g.holderEmail));
    if (!g.holderName.empty()) o.insert("holder_name", q(g.holderName));
    if (g.holderType == "integration") o.insert("client_id", q(g.holderId));
    if (!g.service.empty()) o.insert("service", q(g.service));
    if (!g.detail.empty()) o.insert("detail", q(g.detail));
    return o;
}

std::vector<Revocation> revocationsOf(const QList<ReviewItem>& items) {
    std::vector<Revocation> out;
    for (const auto& item : items) {
        if (item.decision != QLatin1String(Decision::Revoke.data()) && item.decision != QLatin1String(Decision::Reduce.data())) continue;
        Revocation r;
        r.action = s(item.decision);
        r.grant = item.grant;
        if (r.grant.holderType == "person") r.grant.holderId.clear();
        r.reduceTo = s(item.reduceTo);
        r.decidedBy = s(item.decidedBy);
        r.decidedAt = s(iso(item.decidedAt));
        r.justification = s(item.justification);
        out.push_back(std::move(r));
    }
    return out;
}
}  // namespace

Status AccessService::close(const Session& who, qint64 campaignId, const audit::LedgerKeys& keys) {
    if (!who.allows(permission::AccessManage)) return denied(who, permission::AccessManage);
    if (auto st = keys.canSign(); !st) return st;
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    if (auto st = lockCampaign(store_.db(), campaignId); !st) return st;
    auto c = campaign(who, campaignId);
    if (!c) return c.error();
    if (c->state != kOpen) return fail("campaign " + std::to_string(campaignId) + " is closed already", ErrorKind::Conflict);
    const QDateTime now = store_.clock().now();
    const QDate today = now.toTimeZone(platformZone()).date();
    auto items = loadItems(store_.db(), campaignId, c->twoStage, {});
    if (!items) return items.error();
    int open = 0, unansweredKept = 0, unansweredRevoked = 0;
    for (const auto& item : *items)
        if (item.decision.isEmpty()) ++open;
    if (open && today <= c->due)
        return fail("campaign " + std::to_string(campaignId) + ": " + std::to_string(open) + " items are still open and the due date " +
                        s(c->due.toString(Qt::ISODate)) + " has not passed",
                    ErrorKind::Conflict);
    if (open) {
        // The due date has passed: the campaign's rule answers what the reviewers did not.
        const QString outcome = c->unanswered;
        if (outcome == QLatin1String(Unanswered::Escalate.data())) {
            // Escalation is a delegation to the campaign's owner, kept with the other decisions.
            int moved = 0;
            for (const auto& item : *items) {
                if (!item.decision.isEmpty()) continue;
                const QString current = item.stage == 2 ? item.secondReviewer : item.reviewer;
                if (current == c->ownerEmail || isSelfReview(item.grant, s(c->ownerEmail))) continue;
                if (auto st = store_.db().exec(QStringLiteral("INSERT INTO access_decisions (campaign_id, item_no, stage, decision, delegated_to, justification,"
                                                              " decided_by, decided_email, decided_at) VALUES (?, ?, ?, 'delegate', ?, ?, ?, '', ?)"),
                                               {campaignId, item.number, item.stage, c->ownerEmail, QStringLiteral("Ikke besvart innen fristen"),
                                                QStringLiteral("frist:") + who.username, iso(now)});
                    !st)
                    return st;
                ++moved;
            }
            if (moved) {
                if (auto st = store_.record(who, QStringLiteral("access.escalate"), QStringLiteral("access_campaign"), QString::number(campaignId), {},
                                            QJsonObject{{"items", moved}, {"to", c->ownerEmail}});
                    !st)
                    return st;
                if (auto st = tx.commit(); !st) return st;
            }
            return fail("campaign " + std::to_string(campaignId) + ": " + std::to_string(open) + " unanswered items " +
                            (moved ? "were escalated to " + s(c->ownerEmail) : std::string("wait for their reviewers")) + "; decide them before closing",
                        ErrorKind::Conflict);
        }
        for (const auto& item : *items) {
            if (!item.decision.isEmpty()) continue;
            if (auto st = store_.db().exec(QStringLiteral("INSERT INTO access_decisions (campaign_id, item_no, stage, decision, justification, decided_by,"
                                                          " decided_email, decided_at) VALUES (?, ?, ?, ?, ?, ?, '', ?)"),
                                           {campaignId, item.number, c->twoStage ? 2 : 1, outcome, QStringLiteral("Ikke besvart innen fristen"),
                                            QStringLiteral("frist:") + who.username, iso(now)});
                !st)
                return st;
            (outcome == QLatin1String(Unanswered::Keep.data()) ? unansweredKept : unansweredRevoked)++;
        }
        items = loadItems(store_.db(), campaignId, c->twoStage, {});
        if (!items) return items.error();
    }
    int keep = 0, reduce = 0, revoke = 0;
    QJsonArray decisions, revocations;
    for (const auto& item : *items) {
        if (item.decision == QLatin1String(Decision::Keep.data())) ++keep;
        else if (item.decision == QLatin1String(Decision::Reduce.data())) ++reduce;
        else if (item.decision == QLatin1String(Decision::Revoke.data())) ++revoke;
        QJsonArray flags;
        for (const auto& code : flagCodes(item.flags)) flags << q(code);
        QJsonObject d{{"item", item.number}, {"grant", grantJson(item.grant)}, {"flags", flags}, {"decision", item.decision},
                      {"decided_by", item.decidedBy}, {"decided_at", iso(item.decidedAt)}, {"reviewer", item.stage == 2 ? item.secondReviewer : item.reviewer}};
        if (!item.justification.isEmpty()) d.insert("justification", item.justification);
        if (!item.reduceTo.isEmpty()) d.insert("reduce_to", item.reduceTo);
        if (!item.firstDecision.isEmpty()) d.insert("first_stage", QJsonObject{{"decision", item.firstDecision}, {"decided_by", item.firstDecidedBy}});
        decisions << d;
        if (item.decision == QLatin1String(Decision::Revoke.data()) || item.decision == QLatin1String(Decision::Reduce.data())) {
            if (auto st = store_.db().exec(QStringLiteral("INSERT INTO access_revocations (campaign_id, item_no, action, reduce_to, grant_key) VALUES (?, ?, ?, ?, ?)"),
                                           {campaignId, item.number, item.decision, item.reduceTo, q(grantKey(item.grant))});
                !st)
                return st;
            QJsonObject r{{"item", item.number}, {"action", item.decision}, {"grant", grantJson(item.grant)}};
            if (!item.reduceTo.isEmpty()) r.insert("reduce_to", item.reduceTo);
            revocations << r;
        }
    }
    auto importRow = store_.db().query(QStringLiteral("SELECT sha256, file_name FROM access_imports WHERE id = ?"), {c->snapshotImportId});
    if (!importRow) return importRow.error();
    const QJsonObject attestation{
        {"format", "vakt-access-attestation-1"},
        {"campaign", QJsonObject{{"id", c->id}, {"name", c->name}, {"mode", q(std::string(modeCode(c->mode)))}, {"scope", scopeJson(c->scope)},
                                 {"created_at", iso(c->createdAt)}, {"created_by", c->owner}, {"due", c->due.toString(Qt::ISODate)},
                                 {"closed_at", iso(now)}, {"closed_by", who.username}, {"database", store_.location()},
                                 {"snapshot_sha256", c->snapshotSha256},
                                 {"grant_export", QJsonObject{{"id", c->snapshotImportId},
                                                              {"sha256", importRow->empty() ? QString() : importRow->front().value(0).toString()},
                                                              {"file", importRow->empty() ? QString() : importRow->front().value(1).toString()}}}}},
        {"counts", QJsonObject{{"items", qint64(items->size())}, {"keep", keep}, {"reduce", reduce}, {"revoke", revoke}, {"flagged", c->flagged},
                               {"unanswered_kept", unansweredKept}, {"unanswered_revoked", unansweredRevoked}}},
        {"decisions", decisions},
        {"revocations", revocations}};
    const std::string canonical = canonicalJson(attestation);
    const std::string sha = crypto::sha256Hex(canonical);
    auto signature = keys.signDocument(kAttestationKind, std::to_string(c->id), sha);
    if (!signature) return signature.error();
    if (auto st = store_.db().exec(QStringLiteral("UPDATE access_campaigns SET state = 'closed', closed_at = ?, closed_by = ?, attestation = ?,"
                                                  " attestation_sha256 = ?, signature = ? WHERE id = ?"),
                                   {iso(now), who.username, QByteArray::fromStdString(canonical), q(sha), q(*signature), campaignId});
        !st)
        return st;
    if (auto st = store_.record(who, QStringLiteral("access.campaign.close"), QStringLiteral("access_campaign"), QString::number(campaignId),
                                QJsonObject{{"state", kOpen}},
                                QJsonObject{{"state", kClosed}, {"attestation_sha256", q(sha)}, {"signature", q(*signature)}, {"keep", keep},
                                            {"reduce", reduce}, {"revoke", revoke}, {"unanswered_kept", unansweredKept},
                                            {"unanswered_revoked", unansweredRevoked}});
        !st)
        return st;
    return tx.commit();
}

Result<std::vector<Revocation>> AccessService::revocations(const Session& who, qint64 campaignId) {
    if (!who.allows(permission::AccessReadAll)) return denied(who, permission::AccessReadAll).error();
    auto c = campaign(who, campaignId);
    if (!c) return c.error();
    // Only the list fixed at the close, which the attestation signs: never a provisional one.
    if (c->state != kClosed) return fail("campaign " + std::to_string(campaignId) + " is still open: its revocation list is fixed when it closes", ErrorKind::Conflict);
    auto fixed = store_.db().query(QStringLiteral("SELECT item_no FROM access_revocations WHERE campaign_id = ?"), {campaignId});
    if (!fixed) return fixed.error();
    QSet<int> numbers;
    for (const auto& r : *fixed) numbers.insert(r.value(0).toInt());
    auto items = loadItems(store_.db(), campaignId, c->twoStage, {});
    if (!items) return items.error();
    QList<ReviewItem> listed;
    for (const auto& item : *items)
        if (numbers.contains(item.number)) listed << item;
    return revocationsOf(listed);
}

Result<QByteArray> AccessService::attestation(const Session& who, qint64 campaignId) {
    if (!who.allows(permission::AccessReadAll)) return denied(who, permission::AccessReadAll).error();
    auto rows = store_.db().query(QStringLiteral("SELECT attestation, attestation_sha256, signature, state FROM access_campaigns WHERE id = ?"), {campaignId});
    if (!rows) return rows.error();
    if (rows->empty()) return fail("campaign " + std::to_string(campaignId) + ": no such campaign", ErrorKind::NotFound);
    if (rows->front().value(3).toString() != kClosed) return fail("campaign " + std::to_string(campaignId) + " is not closed yet: no attestation", ErrorKind::Conflict);
    const QJsonObject body = QJsonDocument::fromJson(rows->front().value(0).toByteArray()).object();
    const QJsonObject file{{"attestation", body},
                           {"sha256", rows->front().value(1).toString()},
                           {"signature", QJsonObject{{"algorithm", "ed25519"}, {"value", rows->front().value(2).toString()}}}};
    return QJsonDocument(file).toJson(QJsonDocument::Indented);
}

namespace {
// A member given twice reads one way to a person or a first-wins parser and another to Qt's
// last-wins reader: such a file is refused, whatever its signature says.
std::optional<std::string> duplicateMember(const json::Value& v, const std::string& path) {
    if (v.isObject()) {
        std::set<std::string> seen;
        for (const auto& m : v.members) {
            if (!seen.insert(m.key).second) return path + m.key;
            if (auto d = duplicateMember(m.value, path + m.key + ".")) return d;
        }
    }
    for (std::size_t i = 0; i < v.items.size(); ++i)
        if (auto d = duplicateMember(v.items[i], path + std::to_string(i) + ".")) return d;
    return std::nullopt;
}
}  // namespace

AttestationCheck AccessService::verifyAttestation(const QByteArray& file, const audit::LedgerKeys& trusted) {
    AttestationCheck check;
    auto strict = json::parse(std::string_view(file.constData(), std::size_t(file.size())));
    if (!strict) {
        check.problem = QStringLiteral("not an attestation: %1").arg(q(strict.message()));
        return check;
    }
    if (auto twice = duplicateMember(*strict, {})) {
        check.problem = QStringLiteral("field '%1': given twice; an attestation has each member once").arg(q(*twice));
        return check;
    }
    for (const auto& m : strict->members)
        if (m.key != "attestation" && m.key != "sha256" && m.key != "signature") {
            check.problem = QStringLiteral("field '%1': not part of an attestation").arg(q(m.key).left(60));
            return check;
        }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        check.problem = QStringLiteral("not an attestation: invalid JSON at byte %1 (%2)").arg(error.offset).arg(error.errorString());
        return check;
    }
    const QJsonObject root = doc.object();
    const QJsonObject body = root.value("attestation").toObject();
    if (body.value("format").toString() != QLatin1String("vakt-access-attestation-1")) {
        check.problem = QStringLiteral("not an attestation: field 'attestation.format' is not vakt-access-attestation-1");
        return check;
    }
    const QString signature = root.value("signature").toObject().value("value").toString();
    if (signature.isEmpty()) {
        check.problem = QStringLiteral("field 'signature.value': missing; an unsigned attestation proves nothing");
        return check;
    }
    const std::string sha = crypto::sha256Hex(canonicalJson(body));
    check.hashMatches = root.value("sha256").toString() == q(sha);
    const std::string id = std::to_string(body.value("campaign").toObject().value("id").toInteger());
    check.signatureValid = trusted.verifyDocument(kAttestationKind, id, sha, s(signature));
    if (!check.signatureValid)
        check.problem = check.hashMatches
                            ? QStringLiteral("the signature does not verify with the trusted key: signed by another key, or the signature was changed")
                            : QStringLiteral("the attestation was changed after it was signed: its content's SHA-256 is %1, not the one signed").arg(q(sha));
    else if (!check.hashMatches)
        check.problem = QStringLiteral("field 'sha256': does not match the content (the content itself verifies)");
    return check;
}

}  // namespace vakt::access
