#pragma once
// Fresh, empty databases for tests: a SQLite file in a temporary directory, or, when
// VAKT_TEST_PG_URL_FILE names the file written by pg_cluster.sh, an emptied schema on that
// real PostgreSQL server.
#include <QFile>
#include <QTemporaryDir>
#include <memory>
#include <stdexcept>

#include "core/database.h"

namespace vakt::test {

class TestDatabase {
public:
    TestDatabase() {
        const QString urlFile = qEnvironmentVariable("VAKT_TEST_PG_URL_FILE");
        if (urlFile.isEmpty()) {
            if (!dir_.isValid()) throw std::runtime_error("no temporary directory");
            url_ = dir_.filePath(QStringLiteral("vakt.db"));
            return;
        }
        QFile f(urlFile);
        if (!f.open(QIODevice::ReadOnly))
            throw std::runtime_error("VAKT_TEST_PG_URL_FILE is set but " + urlFile.toStdString() +
                                     " cannot be read: the PostgreSQL fixture did not start");
        url_ = QString::fromUtf8(f.readAll()).trimmed();
        auto url = parseDatabaseUrl(url_);
        auto db = url ? Database::open(*url) : Result<std::unique_ptr<Database>>(url.error());
        if (!db) throw std::runtime_error("cannot reach the test PostgreSQL server: " + db.message());
        for (const char* sql : {"DROP SCHEMA IF EXISTS public CASCADE", "CREATE SCHEMA public"})
            if (auto s = (*db)->exec(QString::fromLatin1(sql)); !s) throw std::runtime_error(s.message());
    }
    const QString& url() const { return url_; }
    bool postgres() const { return url_.startsWith(QLatin1String("postgresql://")); }

private:
    QTemporaryDir dir_;
    QString url_;
};

}  // namespace vakt::test
