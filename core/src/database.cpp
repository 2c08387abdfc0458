#include "core/database.h"

#include <arpa/inet.h>

#include <algorithm>
#include <iterator>

#include <QAtomicInteger>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUrlQuery>
#include <libpq-fe.h>
#include <sqlite3.h>

#include <charconv>

namespace vakt {

namespace {
QAtomicInteger<quint64> connectionCounter;

QString describe(const QSqlError& e) {
    QString text = e.databaseText().trimmed();
    if (text.isEmpty()) text = e.driverText().trimmed();
    return text;
}

// Only an address that is loopback, the name localhost, or a Unix socket directory: a host name
// that merely starts with "127." (127.example.net) is somewhere else and gets verified TLS.
bool isLoopback(const QString& host) {
    if (host.isEmpty() || host == QLatin1String("localhost") || host.startsWith(QLatin1Char('/'))) return true;
    QString bare = host;
    if (bare.startsWith(QLatin1Char('[')) && bare.endsWith(QLatin1Char(']'))) bare = bare.mid(1, bare.size() - 2);
    const QByteArray text = bare.toLatin1();
    unsigned char v4[4], v6[16];
    if (inet_pton(AF_INET, text.constData(), v4) == 1) return v4[0] == 127;
    static const unsigned char kLoopback6[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    return inet_pton(AF_INET6, text.constData(), v6) == 1 && std::equal(std::begin(v6), std::end(v6), std::begin(kLoopback6));
}
}  // namespace

QString DatabaseUrl::redacted() const {
    if (engine == Engine::Sqlite) return path;
    QString out = QStringLiteral("postgresql://");
    if (!user.isEmpty()) out += user + (password.isEmpty() ? QString() : QStringLiteral(":***")) + QLatin1Char('@');
    out += host + QLatin1Char(':') + QString::number(port) + QLatin1Char('/') + database;
    return out;
}

Result<DatabaseUrl> parseDatabaseUrl(const QString& text) {
    DatabaseUrl url;
    if (text.isEmpty()) return fail("no database given: use --db PATH or --db postgresql://... or set VAKT_DB");
    if (!text.startsWith(QLatin1String("postgresql://")) && !text.startsWith(QLatin1String("postgres://"))) {
        if (text.contains(QLatin1String("://")))
            return fail("--db: unsupported scheme in '" + text.toStdString() + "' (use a file path or postgresql://)");
        url.engine = Engine::Sqlite;
        url.path = text;
        return url;
    }
    QUrl u(text, QUrl::StrictMode);
    if (!u.isValid()) return fail("--db: invalid PostgreSQL URL: " + u.errorString().toStdString());
    url.engine = Engine::Postgres;
    url.host = u.host();
    url.port = u.port(5432);
    url.user = u.userName();
    url.password = u.password();
    url.database = u.path().mid(1);
    if (url.database.isEmpty()) return fail("--db: the PostgreSQL URL names no database (postgresql://host/DBNAME)");
    QStringList options;
    bool hasSslMode = false;
    const QUrlQuery q(u);
    for (const auto& [key, value] : q.queryItems(QUrl::FullyDecoded)) {
        if (key == QLatin1String("host")) {  // libpq style: a socket directory
            url.host = value;
            continue;
        }
        static const QStringList allowed = {"sslmode", "sslrootcert", "sslcert", "sslkey", "connect_timeout",
                                            "application_name", "sslcrl"};
        if (!allowed.contains(key)) return fail("--db: unsupported connection option '" + key.toStdString() + "'");
        if (key == QLatin1String("sslmode")) hasSslMode = true;
        options << key + QLatin1Char('=') + value;
    }
    if (!hasSslMode && !isLoopback(url.host)) options << QStringLiteral("sslmode=verify-full");
    url.options = options.join(QLatin1Char(';'));
    return url;
}

Database::Database(DatabaseUrl url, QString connectionName)
    : url_(std::move(url)), connectionName_(std::move(connectionName)) {}

Database::~Database() {
    {
        QSqlDatabase db = QSqlDatabase::database(connectionName_, false);
        if (db.isOpen()) db.close();
    }
    QSqlDatabase::removeDatabase(connectionName_);
}

Result<std::unique_ptr<Database>> Database::open(const DatabaseUrl& url) {
    const QString name = QStringLiteral("vakt-%1").arg(connectionCounter.fetchAndAddRelaxed(1));
    const QString driver = url.engine == Engine::Sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL");
    if (!QSqlDatabase::isDriverAvailable(driver))
        return fail("the Qt SQL driver " + driver.toStdString() + " is not installed (install libqt6sql6-" +
                    (url.engine == Engine::Sqlite ? "sqlite" : "psql") + ")");
    std::unique_ptr<Database> self(new Database(url, name));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(driver, name);
        if (url.engine == Engine::Sqlite) {
            db.setDatabaseName(url.path);
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        } else {
            db.setHostName(url.host);
            db.setPort(url.port);
            db.setUserName(url.user);
            db.setPassword(url.password);
            db.setDatabaseName(url.database);
            db.setConnectOptions(url.options);
        }
        if (!db.open())
            return fail("cannot open database " + url.redacted().toStdString() + ": " + describe(db.lastError()).toStdString(), ErrorKind::Io);
    }
    if (url.engine == Engine::Sqlite) {
        // 64 MiB of page cache (the default is 2): the audit index's recent hours stay in memory
        // while events are ingested, instead of being read back from the file for every insert.
        for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA foreign_keys=ON", "PRAGMA synchronous=NORMAL", "PRAGMA cache_size=-65536"}) {
            if (auto s = self->exec(QString::fromLatin1(pragma)); !s)
                return fail("cannot open database " + url.path.toStdString() + ": " + s.message(), ErrorKind::Io);
        }
    } else {
        if (auto s = self->exec(QStringLiteral("SET client_min_messages TO WARNING")); !s) return s.error();
    }
    return self;
}

QString Database::dialect(QString sql) const {
    const bool pg = url_.engine == Engine::Postgres;
    sql.replace(QLatin1String("{PK}"), pg ? QLatin1String("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY")
                                          : QLatin1String("INTEGER PRIMARY KEY AUTOINCREMENT"));
    sql.replace(QLatin1String("{SEQPK}"), pg ? QLatin1String("BIGINT PRIMARY KEY") : QLatin1String("INTEGER PRIMARY KEY"));
    sql.replace(QLatin1String("{BLOB}"), pg ? QLatin1String("BYTEA") : QLatin1String("BLOB"));
    sql.replace(QLatin1String("{WITHOUT_ROWID}"), pg ? QLatin1String("") : QLatin1String("WITHOUT ROWID"));
    sql.replace(QLatin1String("{REAL}"), pg ? QLatin1String("DOUBLE PRECISION") : QLatin1String("REAL"));
    sql.replace(QLatin1String("{LOCK}"), pg ? QLatin1String("FOR UPDATE") : QLatin1String(""));
    // Case-insensitive text comparison for searches.
    sql.replace(QLatin1String("{LIKE}"), pg ? QLatin1String("ILIKE") : QLatin1String("LIKE"));
    return sql;
}

namespace {
QVariant bindable(const QVariant& b) {
    // A null QString would reach PostgreSQL as NULL; an empty text field is "" on both engines.
    if (b.typeId() == QMetaType::QString && b.toString().isNull()) return QString(QLatin1String(""));
    return b;
}

// A constraint violation or a lock held by another writer is a conflict with the data's state;
// a grant the login lacks is a denial (the server enforcing a role); anything else the database
// says is an I/O failure. PostgreSQL gives SQLSTATE (class 23: integrity, 40: transaction
// rollback, 55P03: lock not available, 42501: insufficient privilege), SQLite its result code.
ErrorKind kindOf(const QSqlError& e) {
    const QString code = e.nativeErrorCode();
    if (code == QLatin1String("42501")) return ErrorKind::Denied;
    if (code.startsWith(QLatin1String("23")) || code.startsWith(QLatin1String("40")) || code == QLatin1String("55P03"))
        return ErrorKind::Conflict;
    bool numeric = false;
    const int sqlite = code.toInt(&numeric) & 0xff;
    if (numeric && (sqlite == SQLITE_CONSTRAINT || sqlite == SQLITE_BUSY || sqlite == SQLITE_LOCKED)) return ErrorKind::Conflict;
    return ErrorKind::Io;
}

ErrorKind kindOf(sqlite3* db) {
    const int code = sqlite3_errcode(db) & 0xff;
    return code == SQLITE_CONSTRAINT || code == SQLITE_BUSY || code == SQLITE_LOCKED ? ErrorKind::Conflict : ErrorKind::Io;
}

Error inStatement(const QSqlQuery& q, const QString& sql) {
    return fail("database: " + describe(q.lastError()).toStdString() + " (in: " + sql.left(80).simplified().toStdString() + ")",
                kindOf(q.lastError()));
}

Result<QSqlQuery> run(const QString& connection, const QString& sql, const QVariantList& binds) {
    QSqlQuery q(QSqlDatabase::database(connection, false));
    q.setForwardOnly(true);
    // PostgreSQL cannot PREPARE DDL, so statements without parameters run directly.
    if (binds.isEmpty()) {
        if (!q.exec(sql)) return inStatement(q, sql);
        return q;
    }
    if (!q.prepare(sql)) return inStatement(q, sql);
    for (const auto& b : binds) q.addBindValue(bindable(b));
    if (!q.exec()) return inStatement(q, sql);
    return q;
}
}  // namespace

namespace {
class SqliteStatement final : public Statement {
public:
    SqliteStatement(sqlite3* db, sqlite3_stmt* stmt, QString sql) : db_(db), stmt_(stmt), sql_(std::move(sql)) {}
    ~SqliteStatement() override { sqlite3_finalize(stmt_); }
    void bind(int index, std::int64_t value) override { sqlite3_bind_int64(stmt_, index + 1, value); }
    void bindText(int index, std::string_view text) override {
        sqlite3_bind_text(stmt_, index + 1, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
    }
    void bindBlob(int index, std::string_view bytes) override {
        sqlite3_bind_blob(stmt_, index + 1, bytes.data(), static_cast<int>(bytes.size()), SQLITE_STATIC);
    }
    Status exec() override {
        const int rc = sqlite3_step(stmt_);
        sqlite3_reset(stmt_);
        if (rc != SQLITE_DONE && rc != SQLITE_ROW) return error();
        return {};
    }
    Result<bool> next() override {
        const int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW) return true;
        sqlite3_reset(stmt_);
        if (rc == SQLITE_DONE) return false;
        return error();
    }
    std::int64_t integer(int column) override { return sqlite3_column_int64(stmt_, column); }
    std::string_view text(int column) override {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
        return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))) : std::string_view();
    }
    std::string_view blob(int column) override {
        const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt_, column));
        return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))) : std::string_view();
    }
    void reset() override { sqlite3_reset(stmt_); }

private:
    Error error() const {
        return fail("database: " + std::string(sqlite3_errmsg(db_)) + " (in: " + sql_.left(80).simplified().toStdString() + ")", kindOf(db_));
    }
    sqlite3* db_;
    sqlite3_stmt* stmt_;
    QString sql_;
};

class QtStatement final : public Statement {
public:
    QtStatement(QSqlQuery query, QString sql) : query_(std::move(query)), sql_(std::move(sql)) {}
    void bind(int index, std::int64_t value) override { query_.bindValue(index, static_cast<qint64>(value)); }
    void bindText(int index, std::string_view text) override {
        query_.bindValue(index, QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size())));
    }
    void bindBlob(int index, std::string_view bytes) override {
        query_.bindValue(index, QByteArray(bytes.data(), static_cast<qsizetype>(bytes.size())));
    }
    Status exec() override {
        if (!query_.exec()) return inStatement(query_, sql_);
        query_.finish();
        return {};
    }
    Result<bool> next() override {
        if (!running_) {
            if (!query_.exec()) return inStatement(query_, sql_);
            running_ = true;
        }
        if (query_.next()) return true;
        reset();
        return false;
    }
    std::int64_t integer(int column) override { return query_.value(column).toLongLong(); }
    std::string_view text(int column) override { return keep(column, query_.value(column).toString().toUtf8()); }
    std::string_view blob(int column) override { return keep(column, query_.value(column).toByteArray()); }
    void reset() override {
        query_.finish();
        running_ = false;
    }

private:
    std::string_view keep(int column, QByteArray bytes) {
        if (columns_.size() <= static_cast<std::size_t>(column)) columns_.resize(static_cast<std::size_t>(column) + 1);
        columns_[static_cast<std::size_t>(column)] = std::move(bytes);
        const QByteArray& b = columns_[static_cast<std::size_t>(column)];
        return {b.constData(), static_cast<std::size_t>(b.size())};
    }
    QSqlQuery query_;
    QString sql_;
    bool running_ = false;
    std::vector<QByteArray> columns_;
};
}  // namespace

namespace {
class StatementBulkInsert final : public BulkInsert {
public:
    explicit StatementBulkInsert(std::unique_ptr<Statement> insert) : insert_(std::move(insert)) {}
    void integer(std::int64_t value) override { insert_->bind(column_++, value); }
    void text(std::string_view value) override { insert_->bindText(column_++, value); }
    void blob(std::string_view bytes) override { insert_->bindBlob(column_++, bytes); }
    Status endRow() override {
        column_ = 0;
        return insert_->exec();
    }
    Status flush() override { return {}; }

private:
    std::unique_ptr<Statement> insert_;
    int column_ = 0;
};

// COPY ... FROM STDIN in PostgreSQL's binary format on Qt's own libpq connection, inside its open
// transaction: the server takes numbers and bytes as they are instead of parsing their text,
// which costs it about a third of the time of a text COPY of the same rows.
class CopyBulkInsert final : public BulkInsert {
public:
    CopyBulkInsert(PGconn* connection, std::string copyStatement, int columns)
        : connection_(connection), statement_(std::move(copyStatement)), columns_(columns) {
        startChunk();
    }
    void integer(std::int64_t value) override {
        field(8);
        bigEndian(static_cast<std::uint64_t>(value), 8);
    }
    void text(std::string_view value) override {
        field(value.size());
        buffer_.append(value);
    }
    void blob(std::string_view bytes) override { text(bytes); }
    Status endRow() override {
        inRow_ = false;
        // Memory stays bounded however many rows a transaction holds.
        return buffer_.size() >= (std::size_t{8} << 20) ? flush() : Status{};
    }
    Status flush() override {
        if (buffer_.size() == kHeader.size()) return {};
        bigEndian(0xffff, 2);  // the file trailer: a tuple of -1 fields
        PGresult* started = PQexec(connection_, statement_.c_str());
        const bool copying = PQresultStatus(started) == PGRES_COPY_IN;
        PQclear(started);
        if (!copying) return failure();
        if (PQputCopyData(connection_, buffer_.data(), static_cast<int>(buffer_.size())) != 1 || PQputCopyEnd(connection_, nullptr) != 1) {
            drain();
            return failure();
        }
        startChunk();
        std::string error;
        while (PGresult* r = PQgetResult(connection_)) {
            if (PQresultStatus(r) != PGRES_COMMAND_OK && error.empty()) error = PQresultErrorMessage(r);
            PQclear(r);
        }
        if (!error.empty()) return fail("database: " + QString::fromUtf8(error.c_str()).trimmed().toStdString() + " (in: " + statement_ + ")");
        return {};
    }

private:
    // Signature, flags and header extension length (PostgreSQL's COPY binary file format).
    static constexpr std::string_view kHeader{"PGCOPY\n\377\r\n\0\0\0\0\0\0\0\0\0", 19};
    void startChunk() { buffer_.assign(kHeader); }
    void bigEndian(std::uint64_t value, int bytes) {
        for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) buffer_ += static_cast<char>((value >> shift) & 0xff);
    }
    void field(std::size_t length) {
        if (!inRow_) {
            bigEndian(static_cast<std::uint64_t>(columns_), 2);
            inRow_ = true;
        }
        bigEndian(length, 4);
    }
    void drain() {
        while (PGresult* r = PQgetResult(connection_)) PQclear(r);
    }
    Error failure() const {
        return fail("database: " + QString::fromUtf8(PQerrorMessage(connection_)).trimmed().toStdString() + " (in: " + statement_ + ")");
    }
    PGconn* connection_;
    std::string statement_;
    int columns_;
    std::string buffer_;
    bool inRow_ = false;
};
}  // namespace

namespace {
// libpq's connection under Qt's PostgreSQL driver, or null.
PGconn* libpqConnection(const QString& connectionName) {
    const QVariant handle = QSqlDatabase::database(connectionName, false).driver()->handle();
    // Qt names the type by the struct PGconn stands for.
    if (handle.isValid() && (qstrcmp(handle.typeName(), "pg_conn*") == 0 || qstrcmp(handle.typeName(), "PGconn*") == 0))
        return *static_cast<PGconn* const*>(handle.constData());
    return nullptr;
}
}  // namespace

Result<QString> Database::encryptPassword(const QString& login, const QString& password) {
    PGconn* connection = url_.engine == Engine::Postgres ? libpqConnection(connectionName_) : nullptr;
    if (!connection) return fail("passwords of server logins need a PostgreSQL connection", ErrorKind::Invalid);
    char* verifier = PQencryptPasswordConn(connection, password.toUtf8().constData(), login.toUtf8().constData(), "scram-sha-256");
    if (!verifier) return fail("cannot encrypt the password: " + QString::fromUtf8(PQerrorMessage(connection)).trimmed().toStdString());
    const QString out = QString::fromLatin1(verifier);
    PQfreemem(verifier);
    return out;
}

Result<std::unique_ptr<BulkInsert>> Database::bulkInsert(const QString& table, const QStringList& columns) {
    if (url_.engine == Engine::Postgres) {
        if (PGconn* connection = libpqConnection(connectionName_)) {
            const QString copy = QStringLiteral("COPY %1 (%2) FROM STDIN WITH (FORMAT binary)").arg(table, columns.join(QStringLiteral(", ")));
            return std::unique_ptr<BulkInsert>(std::make_unique<CopyBulkInsert>(connection, copy.toStdString(), static_cast<int>(columns.size())));
        }
    }
    QStringList marks;
    for (qsizetype i = 0; i < columns.size(); ++i) marks << QStringLiteral("?");
    auto insert = prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)").arg(table, columns.join(QStringLiteral(", ")), marks.join(QStringLiteral(", "))));
    if (!insert) return insert.error();
    return std::unique_ptr<BulkInsert>(std::make_unique<StatementBulkInsert>(std::move(*insert)));
}

Result<std::unique_ptr<Statement>> Database::prepare(const QString& sql) {
    const QString text = dialect(sql);
    QSqlDatabase connection = QSqlDatabase::database(connectionName_, false);
    if (url_.engine == Engine::Sqlite) {
        const QVariant handle = connection.driver()->handle();
        if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0) {
            sqlite3* db = *static_cast<sqlite3* const*>(handle.constData());
            const QByteArray utf8 = text.toUtf8();
            sqlite3_stmt* stmt = nullptr;
            if (sqlite3_prepare_v2(db, utf8.constData(), static_cast<int>(utf8.size()), &stmt, nullptr) != SQLITE_OK) {
                sqlite3_finalize(stmt);
                return fail("database: " + std::string(sqlite3_errmsg(db)) + " (in: " + text.left(80).simplified().toStdString() + ")", kindOf(db));
            }
            return std::unique_ptr<Statement>(std::make_unique<SqliteStatement>(db, stmt, text));
        }
    }
    QSqlQuery q(connection);
    q.setForwardOnly(true);
    if (!q.prepare(text)) return inStatement(q, text);
    return std::unique_ptr<Statement>(std::make_unique<QtStatement>(std::move(q), text));
}

Status Database::exec(const QString& sql, const QVariantList& binds) {
    auto q = run(connectionName_, dialect(sql), binds);
    if (!q) return q.error();
    return {};
}

Result<Rows> Database::query(const QString& sql, const QVariantList& binds) {
    auto q = run(connectionName_, dialect(sql), binds);
    if (!q) return q.error();
    Rows rows;
    while (q->next()) rows.push_back(q->record());
    q->finish();
    return rows;
}

Result<qint64> Database::insertReturningId(const QString& sql, const QVariantList& binds) {
    auto q = run(connectionName_, dialect(sql), binds);
    if (!q) return q.error();
    if (!q->next()) return fail("database: INSERT returned no id", ErrorKind::Internal);
    qint64 id = q->value(0).toLongLong();
    q->finish();
    return id;
}

Status Database::setDurableCommits(bool durable) {
    if (url_.engine != Engine::Sqlite) return {};
    if (depth_ > 0) return fail("database: durability is set outside transactions", ErrorKind::Internal);
    return exec(durable ? QStringLiteral("PRAGMA synchronous=FULL") : QStringLiteral("PRAGMA synchronous=NORMAL"));
}

Status Database::begin() {
    if (depth_++ > 0) return {};
    failed_ = false;
    auto s = exec(url_.engine == Engine::Sqlite ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN"));
    if (!s) depth_ = 0;
    return s;
}

Status Database::commit() {
    if (depth_ == 0) return fail("database: commit without a transaction", ErrorKind::Internal);
    if (--depth_ > 0) return {};
    if (failed_) {
        (void)exec(QStringLiteral("ROLLBACK"));
        return fail("database: an inner step failed, so the transaction was rolled back");
    }
    auto s = exec(QStringLiteral("COMMIT"));
    if (!s) (void)exec(QStringLiteral("ROLLBACK"));
    return s;
}

void Database::rollback() {
    if (depth_ == 0) return;
    if (--depth_ > 0) {
        failed_ = true;  // the outer commit must not keep half of this
        return;
    }
    (void)exec(QStringLiteral("ROLLBACK"));
}

}  // namespace vakt
