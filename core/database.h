#pragma once
// One connection to the Store's database: a SQLite file (WAL, foreign keys on) or a PostgreSQL
// server, both through Qt SQL. SQL is written once in the common subset of both engines; the
// few differences go through dialect().
#include <QSqlQuery>
#include <QSqlRecord>
#include <QString>
#include <QVariant>
#include <memory>
#include <vector>

#include "result.h"

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

// A statement prepared once and run many times with different values: the bulk path (audit
// ingest), where preparing per row would cost more than the insert.
class PreparedStatement {
public:
    explicit PreparedStatement(QSqlQuery query, QString sql) : query_(std::move(query)), sql_(std::move(sql)) {}
    Status run(const QVariantList& binds);

private:
    QSqlQuery query_;
    QString sql_;
};

class Database {
public:
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    static Result<std::unique_ptr<Database>> open(const DatabaseUrl& url);

    Engine engine() const { return url_.engine; }
    const DatabaseUrl& url() const { return url_; }

    // Replaces {PK} (auto-increment primary key), {REAL} (a double), {LOCK} (row lock clause)
    // and {LIKE} (case-insensitive match).
    QString dialect(QString sql) const;

    Status exec(const QString& sql, const QVariantList& binds = {});
    Result<Rows> query(const QString& sql, const QVariantList& binds = {});
    Result<std::unique_ptr<PreparedStatement>> prepare(const QString& sql);
    // Runs an INSERT ... RETURNING id and gives the id.
    Result<qint64> insertReturningId(const QString& sql, const QVariantList& binds = {});

    // Writers serialise: SQLite takes its write lock at BEGIN IMMEDIATE, PostgreSQL locks rows
    // the transaction touches. Nested begin() calls join the outer transaction.
    Status begin();
    Status commit();
    void rollback();
    bool inTransaction() const { return depth_ > 0; }

private:
    explicit Database(DatabaseUrl url, QString connectionName);
    DatabaseUrl url_;
    QString connectionName_;
    int depth_ = 0;
    bool failed_ = false;
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
