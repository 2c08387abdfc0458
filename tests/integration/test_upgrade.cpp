// A demo database written by Vakt 0.1 (one global schema list, version 8; tests/fixtures/
// schema-v8) is refused until `vakt migrate`, then verifies and shows the same catalogue. On
// SQLite by default, on PostgreSQL (restored from the dump with psql) under upgrade_postgres.
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include "tests/support/run_program.h"
#include "tests/support/test_db.h"

using namespace vakt::test;

namespace {

const QString kFixture = QStringLiteral(VAKT_FIXTURES "/schema-v8");

QByteArray gunzip(const QString& path) {
    QProcess p;
    p.start("gzip", {"-dc", path});
    p.waitForFinished(60000);
    return p.readAllStandardOutput();
}

// The fixture's keys, with the permissions the ledger expects of a key directory.
QString copyKeys(const QTemporaryDir& dir) {
    const QString keys = dir.filePath("keys");
    QDir().mkpath(keys);
    QFile::setPermissions(keys, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    for (const QString& name : QDir(kFixture + "/keys").entryList(QDir::Files)) {
        QFile::copy(kFixture + "/keys/" + name, keys + "/" + name);
        QFile::setPermissions(keys + "/" + name, QFile::ReadOwner | QFile::WriteOwner);
    }
    return keys;
}

}  // namespace

TEST(Upgrade, AVakt01DemoDatabaseOpensAfterMigrateVerifiesAndShowsTheSameCatalogue) {
    QTemporaryDir dir;
    TestDatabase target;
    QString db;
    if (target.postgres()) {
        db = target.url();
        QFile dump(dir.filePath("dump.sql"));
        ASSERT_TRUE(dump.open(QIODevice::WriteOnly));
        dump.write(gunzip(kFixture + "/demo-v8.pg.sql.gz"));
        dump.close();
        Outcome restored = run("psql", {"-q", "-v", "ON_ERROR_STOP=1", "-d", db, "-f", dump.fileName()});
        ASSERT_EQ(restored.code, 0) << restored.err.toStdString();
    } else {
        db = dir.filePath("demo-v8.db");
        QFile file(db);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(gunzip(kFixture + "/demo-v8.db.gz"));
        ASSERT_GT(file.size(), 1000000);
    }
    const QString keys = copyKeys(dir);

    // Behind: refused, naming the command to run; nothing is changed by the refusal.
    Outcome before = run(VAKT_CLI, {"--db", db, "catalog", "list"});
    EXPECT_EQ(before.code, 1);
    EXPECT_TRUE(before.err.contains("vakt --db") && before.err.contains(" migrate")) << before.err.toStdString();
    Outcome collector = run(VAKT_COLLECTOR, {"--config", VAKT_SOURCE_DIR "/data/demo/collector.yml", "--db", db, "--once"});
    EXPECT_EQ(collector.code, 1);
    EXPECT_TRUE(collector.err.contains("migrate")) << collector.err.toStdString();

    Outcome migrated = run(VAKT_CLI, {"--db", db, "migrate"});
    ASSERT_EQ(migrated.code, 0) << migrated.err.toStdString();
    EXPECT_TRUE(migrated.out.contains("core 2, catalog 2, monitoring 2, incidents 4, audit 6, risk 2, servicedesk 1, changes 1, access 1, councils 1, nsm 1")) << migrated.out.toStdString();
    // A second run finds nothing to do.
    EXPECT_EQ(run(VAKT_CLI, {"--db", db, "migrate"}).out, migrated.out);

    Outcome trail = run(VAKT_CLI, {"--db", db, "trail", "verify"});
    EXPECT_EQ(trail.code, 0) << trail.out.toStdString() << trail.err.toStdString();
    EXPECT_TRUE(trail.out.contains("Trail intact")) << trail.out.toStdString();
    Outcome ledger = run(VAKT_CLI, {"--db", db, "--keys", keys, "audit", "verify"});
    EXPECT_EQ(ledger.code, 0) << ledger.out.toStdString() << ledger.err.toStdString();
    EXPECT_TRUE(ledger.out.contains("600 events")) << ledger.out.toStdString();
    Outcome detections = run(VAKT_CLI, {"--db", db, "--user", "sikkerhetsansvarlig", "--keys", keys, "audit", "incidents"});
    EXPECT_EQ(detections.code, 0) << detections.err.toStdString();

    QFile expected(kFixture + "/catalog-export.json");
    ASSERT_TRUE(expected.open(QIODevice::ReadOnly));
    Outcome exported = run(VAKT_CLI, {"--db", db, "catalog", "export", "--format", "json"});
    ASSERT_EQ(exported.code, 0) << exported.err.toStdString();
    EXPECT_EQ(exported.out, QString::fromUtf8(expected.readAll()));
}
