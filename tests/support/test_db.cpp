#include "tests/support/test_db.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QFile>
#include <QUrl>
#include <stdexcept>

#include "app/demo.h"
#include "core/data_dir.h"
#include "core/store.h"

namespace vakt::test {

namespace {

QString serverUrl() {
    const QString urlFile = qEnvironmentVariable("VAKT_TEST_PG_URL_FILE");
    if (urlFile.isEmpty()) return {};
    QFile f(urlFile);
    if (!f.open(QIODevice::ReadOnly))
        throw std::runtime_error("VAKT_TEST_PG_URL_FILE is set but " + urlFile.toStdString() +
                                 " cannot be read: the PostgreSQL fixture did not start");
    return QString::fromUtf8(f.readAll()).trimmed();
}

QString withDatabase(const QString& url, const QString& name) {
    QUrl u(url);
    u.setPath(QLatin1Char('/') + name);
    return u.toString();
}

void check(const Status& s, const char* what) {
    if (!s) throw std::runtime_error(std::string(what) + ": " + s.message());
}

void loadDemoInto(const QString& url) {
    auto store = Store::open(url, Store::OpenMode::Create);
    if (!store) throw std::runtime_error("demo template: " + store.message());
    auto demo = loadDemo(**store, dataDir());
    if (!demo) throw std::runtime_error("demo template: " + demo.message());
}

// The demo platform as a SQLite file, made once per test program.
const QString& sqliteDemoTemplate() {
    static QTemporaryDir dir;
    static const QString path = [] {
        const QString p = dir.filePath(QStringLiteral("demo-template.db"));
        loadDemoInto(p);  // the Store is closed again here, so the file is complete
        return p;
    }();
    return path;
}

// The demo platform as a template database on the server, made once per server: whichever test
// comes first builds it under an advisory lock and publishes it by renaming.
void ensurePostgresDemoTemplate(Database& server, const QString& url) {
    static bool ready = false;
    if (ready) return;
    check(server.exec(QStringLiteral("SELECT pg_advisory_lock(724501)")), "lock");
    auto exists = server.query(QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = 'vakt_demo_template'"));
    if (!exists) throw std::runtime_error(exists.message());
    if (exists->front().value(0).toInt() == 0) {
        check(server.exec(QStringLiteral("DROP DATABASE IF EXISTS vakt_demo_building WITH (FORCE)")), "demo template");
        check(server.exec(QStringLiteral("CREATE DATABASE vakt_demo_building")), "demo template");
        loadDemoInto(withDatabase(url, QStringLiteral("vakt_demo_building")));
        check(server.exec(QStringLiteral("ALTER DATABASE vakt_demo_building RENAME TO vakt_demo_template")), "demo template");
    }
    check(server.exec(QStringLiteral("SELECT pg_advisory_unlock(724501)")), "unlock");
    ready = true;
}

}  // namespace

TestDatabase::TestDatabase(Content content) {
    const QString server = serverUrl();
    if (server.isEmpty()) {
        if (!dir_.isValid()) throw std::runtime_error("no temporary directory");
        url_ = dir_.filePath(QStringLiteral("vakt.db"));
        if (content == Content::Demo && !QFile::copy(sqliteDemoTemplate(), url_))
            throw std::runtime_error("cannot copy the demo database to " + url_.toStdString());
        return;
    }
    auto url = parseDatabaseUrl(server);
    if (!url) throw std::runtime_error(url.message());
    auto db = Database::open(*url);
    if (!db) throw std::runtime_error("cannot reach the test PostgreSQL server: " + db.message());
    server_ = std::move(*db);
    static QAtomicInt counter;
    name_ = QStringLiteral("vakt_t_%1_%2").arg(QCoreApplication::applicationPid()).arg(counter.fetchAndAddRelaxed(1));
    if (content == Content::Demo) {
        ensurePostgresDemoTemplate(*server_, server);
        check(server_->exec(QStringLiteral("CREATE DATABASE %1 TEMPLATE vakt_demo_template").arg(name_)), "test database");
    } else {
        check(server_->exec(QStringLiteral("CREATE DATABASE %1").arg(name_)), "test database");
    }
    url_ = withDatabase(server, name_);
}

TestDatabase::~TestDatabase() {
    // FORCE ends connections a test left open (PostgreSQL 13 and later).
    if (server_) (void)server_->exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name_));
}

}  // namespace vakt::test
