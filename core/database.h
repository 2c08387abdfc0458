#pragma once
// One connection to the Store's database: a SQLite file (WAL, foreign keys on) or a PostgreSQL
// server, both through Qt SQL. SQL is written once in the common subset of both engines; the
// few differences go through dialect().
#include <QSqlQuery>
#include <QSqlRecord>
#include <QString>
#include <QVariant>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "core/base/result.h"

namespace vakt {

enum class Engine { Sqlite, Postgres };

struct DatabaseUrl {
    Engine engine = Engine::Sqlite;
    QString path;  // SQLite
    QString host, user, password, database, options;
    int port = 5432;
    // Without the password, for status bars and error messages.
    QString redacted() const;
};

// "postgresql://user:pass@host:port/db?sslmode=verify-full" or a file path for SQLite.
// A remote PostgreSQL server with no sslmode gets sslmode=verify-full: TLS verified by default.
Result<DatabaseUrl> parseDatabaseUrl(const QString& url);

using Rows = std::vector<QSqlRecord>;

// A statement prepared once and run many times, values bound and read without QVariant: the
// bulk paths (audit ingest and verification), where Qt SQL's per-value conversions cost more
// than the row itself. On SQLite it goes straight through the C API (the connection Qt opened),
// on PostgreSQL through Qt SQL. Bound text and blobs must stay valid until exec() or the first
// next(); a read column's view is valid until the next step. A query is read to its end (or
// reset) before another statement runs: Qt's PostgreSQL driver drops a result still being read.
class Statement {
public:
    virtual ~Statement() = default;
    virtual void bind(int index, std::int64_t value) = 0;  // index from 0
    virtual void bindText(int index, std::string_view text) = 0;
    virtual void bindBlob(int index, std::string_view bytes) = 0;
    // Runs a write.
    virtual Status exec() = 0;
    // Steps through a query's rows: true with a row, false when done (the statement can then be
    // bound and run again).
    virtual Result<bool> next() = 0;
    virtual std::int64_t integer(int column) = 0;
    virtual std::string_view text(int column) = 0;
    virtual std::string_view blob(int column) = 0;
    // Ends a query early, so it can be bound and run again.
    virtual void reset() = 0;
};

// Many rows into one table inside the caller's transaction: on PostgreSQL through COPY on the
// same connection (rows sent in a stream instead of a round trip each), on SQLite through a
// prepared INSERT. Values go in the columns' order, then endRow(); flush() before reading them.
// integer() fills BIGINT columns, text() TEXT and blob() BYTEA (PostgreSQL takes them in binary).
class BulkInsert {
public:
    virtual ~BulkInsert() = default;
    virtual void integer(std::int64_t value) = 0;
    virtual void text(std::string_view value) = 0;
    virtual void blob(std::string_view bytes) = 0;
    virtual Status endRow() = 0;
    virtual Status flush() = 0;
};

class Database {
public:
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    static Result<std::unique_ptr<Database>> open(const DatabaseUrl& url);

    Engine engine() const { return url_.engine; }
    const DatabaseUrl& url() const { return url_; }

    // Replaces {PK} (auto-increment primary key), {SEQPK} (a 64-bit primary key given by the
    // program: SQLite's rowid), {BLOB} (bytes), {WITHOUT_ROWID} (a table clustered on its primary
    // key), {REAL} (a double), {LOCK} (row lock clause) and {LIKE} (case-insensitive match).
    QString dialect(QString sql) const;

    Status exec(const QString& sql, const QVariantList& binds = {});
    Result<Rows> query(const QString& sql, const QVariantList& binds = {});
    Result<std::unique_ptr<Statement>> prepare(const QString& sql);
    // Columns are trusted names from the code, never input.
    Result<std::unique_ptr<BulkInsert>> bulkInsert(const QString& table, const QStringList& columns);
    // PostgreSQL: a login's password as the server stores it (SCRAM-SHA-256, computed here by
    // libpq), so the password itself never appears in a statement the server might log.
    Result<QString> encryptPassword(const QString& login, const QString& password);
    // Runs an INSERT ... RETURNING id and gives the id.
    Result<qint64> insertReturningId(const QString& sql, const QVariantList& binds = {});

    // Writers serialise: SQLite takes its write lock at BEGIN IMMEDIATE, PostgreSQL locks rows
    // the transaction touches. Nested begin() calls join the outer transaction.
    Status begin();
    Status commit();
    void rollback();
    bool inTransaction() const { return depth_ > 0; }
    // Commits that must survive a power cut once they returned (the audit ledger's, whose
    // "committed" a sender relies on): on SQLite the WAL is synced at each commit while on
    // (synchronous=FULL; otherwise NORMAL, synced at checkpoints). PostgreSQL commits are durable.
    Status setDurableCommits(bool durable);

private:
    explicit Database(DatabaseUrl url, QString connectionName);
    DatabaseUrl url_;
    QString connectionName_;
    int depth_ = 0;
    bool failed_ = false;
};

// Commits made while it lives are durable (Database::setDurableCommits); set outside transactions.
class DurableCommits {
public:
    explicit DurableCommits(Database& db) : db_(db), status_(db.setDurableCommits(true)) {}
    ~DurableCommits() {
        if (status_.ok()) (void)db_.setDurableCommits(false);
    }
    DurableCommits(const DurableCommits&) = delete;
    DurableCommits& operator=(const DurableCommits&) = delete;
    const Status& status() const { return status_; }

private:
    Database& db_;
    Status status_;
};

// Rolls back unless committed.
class Transaction {
public:
    explicit Transaction(Database& db) : db_(db), status_(db.begin()) {}
    ~Transaction() {
        if (status_.ok() && !done_) db_.rollback();
    }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    const Status& started() const { return status_; }
    Status commit() {
        done_ = true;
        return db_.commit();
    }

private:
    Database& db_;
    Status status_;
    bool done_ = false;
};

}  // namespace vakt
