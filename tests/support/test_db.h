#pragma once
// A database of its own for each test: a SQLite file in a temporary directory, or, when
// VAKT_TEST_PG_URL_FILE names the file written by pg_cluster.sh, a new database on that real
// PostgreSQL server (dropped afterwards), so PostgreSQL tests run in parallel. With
// Content::Demo it holds the demo platform, made once per run and copied: a file copy on
// SQLite, CREATE DATABASE … TEMPLATE on PostgreSQL.
#include <QString>
#include <QTemporaryDir>
#include <memory>

#include "core/database.h"

namespace vakt::test {

class TestDatabase {
public:
    enum class Content { Empty, Demo };
    explicit TestDatabase(Content content = Content::Empty);
    ~TestDatabase();
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    const QString& url() const { return url_; }
    bool postgres() const { return url_.startsWith(QLatin1String("postgresql://")); }

private:
    QTemporaryDir dir_;
    QString url_;
    std::unique_ptr<Database> server_;  // PostgreSQL: a connection to the server's own database
    QString name_;                      // PostgreSQL: this test's database
};

}  // namespace vakt::test
