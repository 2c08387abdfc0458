#include "core/store.h"

#include <QFileInfo>
#include <QJsonDocument>

#include "core/migrations.h"

namespace vakt {

std::string canonicalJson(const QJsonObject& object) {
    if (object.isEmpty()) return {};
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
}

Status denied(const Session& who, Permission p) {
    return fail("permission denied: user '" + who.username.toStdString() + "' with role '" + roleCode(who.role).toStdString() +
                "' may not " + permissionName(p).toStdString() +
                " (roles that may: " + rolesAllowed(p).join(QStringLiteral(", ")).toStdString() + ")",
                ErrorKind::Denied);
}

Result<std::unique_ptr<Store>> Store::open(const QString& urlText, OpenMode mode, std::shared_ptr<const Clock> clock) {
    auto url = parseDatabaseUrl(urlText);
    if (!url) return url.error();
    if (url->engine == Engine::Sqlite && mode != OpenMode::Create && !QFileInfo::exists(url->path))
        return fail("no database at " + url->path.toStdString() + "; create one with: vakt --db " + url->path.toStdString() + " init",
                    ErrorKind::NotFound);
    auto db = Database::open(*url);
    if (!db) return db.error();
    if (!clock) clock = std::make_shared<SystemClock>();
    if (mode != OpenMode::Create) {
        auto v = schemaVersions(**db);
        if (!v) return v.error();
        if (v->empty()) return fail("the database " + url->redacted().toStdString() + " is not initialised; run: vakt init");
    }
    if (mode == OpenMode::MustExist) {
        if (auto s = checkSchemaCurrent(**db, url->redacted()); !s) return s.error();
    } else if (auto s = migrate(**db, *clock); !s) {
        return s.error();
    }
    return std::unique_ptr<Store>(new Store(std::move(*db), std::move(clock)));
}

Result<std::unique_ptr<Store>> Store::openAnother() const {
    auto db = Database::open(db_->url());
    if (!db) return db.error();
    return std::unique_ptr<Store>(new Store(std::move(*db), clock_));
}

Result<QString> Store::meta(const QString& key) {
    auto rows = db_->query(QStringLiteral("SELECT value FROM meta WHERE key = ?"), {key});
    if (!rows) return rows.error();
    return rows->empty() ? QString() : rows->front().value(0).toString();
}

Status Store::setMeta(const QString& key, const QString& value) {
    return db_->exec(QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                     {key, value});
}

bool Store::isDemo() {
    auto v = meta(QStringLiteral("demo"));
    return v && *v == QLatin1String("1");
}

Status Store::record(const Session& who, const QString& action, const QString& entity, const QString& key,
                     const QJsonObject& before, const QJsonObject& after) {
    if (!db_->inTransaction()) return fail("internal: trail entries must be written inside a transaction", ErrorKind::Internal);
    const QString at = clock_->now().toString(Qt::ISODateWithMs);
    if (db_->engine() == Engine::Postgres) {
        // The server appends it (core migration 2): logins hold no grant on the trail itself.
        return db_->exec(QStringLiteral("SELECT vakt_trail_record(?, ?, ?, ?, ?, ?, ?)"),
                         {at, who.username, action, entity, key, QString::fromStdString(canonicalJson(before)),
                          QString::fromStdString(canonicalJson(after))});
    }
    auto head = db_->query(QStringLiteral("SELECT seq, hash FROM trail_head WHERE id = 1 {LOCK}"));
    if (!head) return head.error();
    if (head->empty()) return fail("the trail head is missing; the database is damaged", ErrorKind::Internal);
    TrailEntry e;
    e.seq = head->front().value(0).toLongLong() + 1;
    e.prevHash = head->front().value(1).toString().toStdString();
    e.at = at.toStdString();
    e.actor = who.username.toStdString();
    e.action = action.toStdString();
    e.entity = entity.toStdString();
    e.entityKey = key.toStdString();
    e.before = canonicalJson(before);
    e.after = canonicalJson(after);
    e.hash = trailEntryHash(e);
    auto nullable = [](const std::string& s) { return s.empty() ? QVariant() : QVariant(QString::fromStdString(s)); };
    if (auto s = db_->exec(QStringLiteral("INSERT INTO trail (seq, at, actor, action, entity, entity_key, before_json, after_json, "
                                          "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                           {QVariant::fromValue<qint64>(e.seq), QString::fromStdString(e.at), who.username, action, entity, key,
                            nullable(e.before), nullable(e.after), QString::fromStdString(e.prevHash), QString::fromStdString(e.hash)});
        !s)
        return s;
    return db_->exec(QStringLiteral("UPDATE trail_head SET seq = ?, hash = ? WHERE id = 1"),
                     {QVariant::fromValue<qint64>(e.seq), QString::fromStdString(e.hash)});
}

namespace {
TrailEntry entryFromRecord(const QSqlRecord& r) {
    TrailEntry e;
    e.seq = r.value(0).toLongLong();
    e.at = r.value(1).toString().toStdString();
    e.actor = r.value(2).toString().toStdString();
    e.action = r.value(3).toString().toStdString();
    e.entity = r.value(4).toString().toStdString();
    e.entityKey = r.value(5).toString().toStdString();
    e.before = r.value(6).toString().toStdString();
    e.after = r.value(7).toString().toStdString();
    e.prevHash = r.value(8).toString().toStdString();
    e.hash = r.value(9).toString().toStdString();
    return e;
}
const char* kTrailColumns = "seq, at, actor, action, entity, entity_key, before_json, after_json, prev_hash, hash";
}  // namespace

Result<Store::TrailCheck> Store::verifyTrail(const Session& who, std::vector<TrailCheckpoint> countersigned) {
    if (!who.allows(permission::TrailRead)) return denied(who, permission::TrailRead).error();
    TrailCheck check;
    TrailChainVerifier verifier(std::move(countersigned));
    // Read in pages so a long trail does not have to fit in memory.
    constexpr int kPage = 5000;
    qint64 after = 0;
    for (;;) {
        auto rows = db_->query(QStringLiteral("SELECT %1 FROM trail WHERE seq > ? ORDER BY seq LIMIT %2")
                                   .arg(QLatin1String(kTrailColumns)).arg(kPage),
                               {QVariant::fromValue<qint64>(after)});
        if (!rows) return rows.error();
        for (const auto& r : *rows) {
            TrailEntry e = entryFromRecord(r);
            if (auto problem = verifier.feed(e)) {
                check.intact = false;
                check.problem = *problem;
                check.entries = verifier.verified();
                return check;
            }
            after = e.seq;
        }
        if (static_cast<int>(rows->size()) < kPage) break;
    }
    auto head = db_->query(QStringLiteral("SELECT seq, hash FROM trail_head WHERE id = 1"));
    if (!head) return head.error();
    if (head->empty()) {
        check.intact = false;
        check.problem = "trail head: missing";
    } else if (auto problem = verifier.finish(head->front().value(0).toLongLong(), head->front().value(1).toString().toStdString())) {
        check.intact = false;
        check.problem = *problem;
    }
    check.entries = verifier.verified();
    return check;
}

Result<TrailCheckpoint> Store::trailHead(const Session& who) {
    if (!who.allows(permission::TrailRead)) return denied(who, permission::TrailRead).error();
    auto head = db_->query(QStringLiteral("SELECT seq, hash FROM trail_head WHERE id = 1"));
    if (!head) return head.error();
    if (head->empty()) return fail("the trail head is missing; the database is damaged", ErrorKind::Internal);
    return TrailCheckpoint{head->front().value(0).toLongLong(), head->front().value(1).toString().toStdString(), {}};
}

Result<std::vector<TrailEntry>> Store::trail(const Session& who, const QString& entity, const QString& key, int limit) {
    if (!who.allows(permission::TrailRead)) return denied(who, permission::TrailRead).error();
    QString sql = QStringLiteral("SELECT %1 FROM trail").arg(QLatin1String(kTrailColumns));
    QVariantList binds;
    if (!entity.isEmpty()) {
        sql += QStringLiteral(" WHERE entity = ?");
        binds << entity;
        if (!key.isEmpty()) {
            sql += QStringLiteral(" AND entity_key = ?");
            binds << key;
        }
    }
    sql += QStringLiteral(" ORDER BY seq DESC LIMIT %1").arg(limit);
    auto rows = db_->query(sql, binds);
    if (!rows) return rows.error();
    std::vector<TrailEntry> out;
    for (const auto& r : *rows) out.push_back(entryFromRecord(r));
    return out;
}

}  // namespace vakt
