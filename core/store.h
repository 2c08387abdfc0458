#pragma once
// The Store: one database (SQLite file or PostgreSQL), migrated to this program's schema, with
// the app's hash-chained trail. Domain services (catalogue, users, organisations) sit on top
// and check permissions; every write they make goes through record().
#include <QJsonObject>
#include <QString>
#include <memory>
#include <vector>

#include "core/clock.h"
#include "core/database.h"
#include "core/roles.h"
#include "core/trail_chain.h"

namespace vakt {

class Store {
public:
    // Create makes the database when there is none and migrates every module forward (vakt init);
    // Migrate does the same for an existing, initialised one (vakt migrate). MustExist, for
    // everything else, refuses a database that is missing, not initialised or behind this
    // program in any module, naming the command to run; a mistyped path is an error, never a new store.
    enum class OpenMode { MustExist, Create, Migrate };

    static Result<std::unique_ptr<Store>> open(const QString& url, OpenMode mode, std::shared_ptr<const Clock> clock = nullptr);
    // Another connection to the same database, for work on another thread (a connection belongs
    // to the thread that opened it): call it on that thread.
    Result<std::unique_ptr<Store>> openAnother() const;

    Database& db() { return *db_; }
    const Clock& clock() const { return *clock_; }
    QString location() const { return db_->url().redacted(); }
    Engine engine() const { return db_->engine(); }

    Result<QString> meta(const QString& key);
    Status setMeta(const QString& key, const QString& value);
    // Demo databases allow `--user NAME` without a password.
    bool isDemo();

    // Appends one entry to the trail. Must run inside the caller's transaction, so the change
    // and its record commit together or not at all.
    Status record(const Session& who, const QString& action, const QString& entity, const QString& key,
                  const QJsonObject& before, const QJsonObject& after);

    struct TrailCheck {
        bool intact = true;
        qint64 entries = 0;
        std::string problem;  // the first broken entry
    };
    // Both need trail.read. `countersigned` heads (from the audit ledger's key) must match too.
    Result<TrailCheck> verifyTrail(const Session& who, std::vector<TrailCheckpoint> countersigned = {});
    // The newest entry's position and hash, for countersigning (trail.read).
    Result<TrailCheckpoint> trailHead(const Session& who);
    Result<std::vector<TrailEntry>> trail(const Session& who, const QString& entity = {}, const QString& key = {}, int limit = 1000);

private:
    Store(std::unique_ptr<Database> db, std::shared_ptr<const Clock> clock) : db_(std::move(db)), clock_(std::move(clock)) {}
    std::unique_ptr<Database> db_;
    std::shared_ptr<const Clock> clock_;
};

// Canonical JSON for the trail: compact, keys sorted (QJsonObject keeps them sorted).
std::string canonicalJson(const QJsonObject& object);

Status denied(const Session& who, Permission p);

}  // namespace vakt
