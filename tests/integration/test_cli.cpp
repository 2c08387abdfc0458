// The vakt and vakt-desktop programs as a user or script runs them: exit codes, messages,
// files in and out, and the database afterwards.
#include <gtest/gtest.h>

#include <algorithm>

#include <QCoreApplication>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <unistd.h>

#include "tests/support/run_program.h"

namespace {

using vakt::test::Outcome;
using vakt::test::run;

class Cli : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = new QTemporaryDir;
        demoDb_ = dir_->filePath("demo.db");
        Outcome r = run(VAKT_CLI, {"--db", demoDb_, "init", "--demo"});
        ASSERT_EQ(r.code, 0) << r.err.toStdString();
    }
    static void TearDownTestSuite() { delete dir_; }

    // Each test works on its own copy of the demo database.
    void SetUp() override {
        db_ = dir_->filePath(QString::fromLatin1(::testing::UnitTest::GetInstance()->current_test_info()->name()) + ".db");
        QFile::remove(db_);
        ASSERT_TRUE(QFile::copy(demoDb_, db_));
    }

    Outcome vakt(QStringList args, const QByteArray& input = {}) {
        args.prepend(db_);
        args.prepend("--db");
        return run(VAKT_CLI, args, input);
    }
    QString write(const QString& name, const QByteArray& content) {
        const QString path = dir_->filePath(name);
        QFile f(path);
        EXPECT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(content);
        return path;
    }
    Outcome sqlite(const QString& sql) { return run("sqlite3", {db_, sql}); }

    static QTemporaryDir* dir_;
    static QString demoDb_;
    QString db_;
};
QTemporaryDir* Cli::dir_ = nullptr;
QString Cli::demoDb_;

}  // namespace

TEST_F(Cli, HelpOnEveryCommand) {
    for (const QStringList& args : {QStringList{"--help"}, {"init", "--help"}, {"catalog", "--help"}, {"catalog", "list", "--help"},
                                    {"catalog", "import", "--help"}, {"user", "--help"}, {"user", "add", "--help"},
                                    {"trail", "--help"}, {"trail", "verify", "--help"}}) {
        Outcome r = run(VAKT_CLI, args);
        EXPECT_EQ(r.code, 0) << args.join(' ').toStdString();
        EXPECT_TRUE(r.out.startsWith("Usage: vakt")) << args.join(' ').toStdString() << ": " << r.out.toStdString();
    }
}

TEST_F(Cli, UsageErrorsExitTwoAndSayWhatIsWrong) {
    struct Case {
        QStringList args;
        const char* says;
    };
    for (const Case& c : {Case{{}, "no command"}, Case{{"--db", db_, "frobnicate"}, "unknown command 'frobnicate'"},
                          Case{{"--db", db_, "--colour", "catalog", "list"}, "unknown global option '--colour'"},
                          Case{{"--db", db_, "catalog"}, "missing catalog subcommand"},
                          Case{{"--db", db_, "catalog", "list", "--kind", "app"}, "--kind must be one of"},
                          Case{{"--db", db_, "catalog", "export", "--format", "xml"}, "--format must be json or csv"},
                          Case{{"--db", db_, "user", "add", "ny"}, "--role is required"},
                          Case{{"--db", db_, "trail", "verify", "extra"}, "unexpected argument 'extra'"},
                          // Typos are answered with the command that was meant.
                          Case{{"--db", db_, "catalgo", "list"}, "unknown command 'catalgo', did you mean 'catalog'?"},
                          Case{{"catalgo", "list"}, "did you mean 'catalog'?"},  // even before the missing --db
                          Case{{"--db", db_, "catalog", "lsit"}, "unknown catalog subcommand 'lsit', did you mean 'list'?"},
                          Case{{"--db", db_, "audit", "serach"}, "did you mean 'search'?"},
                          // A global option after the command is explained, not called unknown.
                          Case{{"catalog", "list", "--db", db_}, "'--db' is a global option: give it before the command"},
                          Case{{"--db", db_, "catalog", "list", "--user", "revisor"}, "'--user' is a global option"}}) {
        Outcome r = run(VAKT_CLI, c.args);
        EXPECT_EQ(r.code, 2) << c.args.join(' ').toStdString();
        EXPECT_TRUE(r.err.contains(c.says)) << r.err.toStdString();
    }
    // Far from any command, no guess is offered.
    EXPECT_FALSE(run(VAKT_CLI, {"--db", db_, "frobnicate"}).err.contains("did you mean"));
    QProcess p;
    p.setProcessEnvironment(QProcessEnvironment());  // no VAKT_DB
    p.start(VAKT_CLI, {"catalog", "list"});
    p.waitForFinished();
    EXPECT_EQ(p.exitCode(), 2);
    EXPECT_TRUE(QString::fromUtf8(p.readAllStandardError()).contains("--db"));
}

TEST_F(Cli, VaktDbIsTheDefaultDatabase) {
    QProcess p;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert("VAKT_DB", db_);
    p.setProcessEnvironment(env);
    p.start(VAKT_CLI, {"catalog", "show", "svarut"});
    p.waitForFinished();
    EXPECT_EQ(p.exitCode(), 0);
    EXPECT_TRUE(QString::fromUtf8(p.readAllStandardOutput()).contains("SvarUt"));
}

TEST_F(Cli, MissingDatabaseIsAFailureNotANewFile) {
    Outcome r = run(VAKT_CLI, {"--db", dir_->filePath("nope.db"), "catalog", "list"});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains("no database at")) << r.err.toStdString();
    EXPECT_FALSE(QFile::exists(dir_->filePath("nope.db")));
}

// The table people read has a header naming its columns, and one row per entry under it.
TEST_F(Cli, CatalogListHasAHeaderRow) {
    Outcome text = vakt({"catalog", "list"});
    ASSERT_EQ(text.code, 0) << text.err.toStdString();
    const QStringList lines = text.out.split('\n', Qt::SkipEmptyParts);
    const QStringList header = lines.front().split(' ', Qt::SkipEmptyParts);
    EXPECT_EQ(header, (QStringList{"KEY", "KIND", "LIFECYCLE", "AGREEMENTS", "ROS", "DPIA", "NAME"})) << lines.front().toStdString();
    const auto entries = QJsonDocument::fromJson(vakt({"catalog", "list", "--json"}).out.toUtf8()).array();
    EXPECT_EQ(lines.size(), entries.size() + 1);
    // Each column starts where its header does.
    const QString svarut = *std::find_if(lines.begin(), lines.end(), [](const QString& l) { return l.startsWith("svarut "); });
    EXPECT_EQ(svarut.indexOf("service"), lines.front().indexOf("KIND"));
    EXPECT_EQ(svarut.indexOf("SvarUt"), lines.front().indexOf("NAME"));
}

TEST_F(Cli, CatalogListAndShowAsJson) {
    Outcome list = vakt({"catalog", "list", "--json"});
    ASSERT_EQ(list.code, 0) << list.err.toStdString();
    const QJsonArray entries = QJsonDocument::fromJson(list.out.toUtf8()).array();
    EXPECT_GE(entries.size(), 18);
    QJsonObject svarut;
    for (const auto& e : entries)
        if (e.toObject()["key"] == "svarut") svarut = e.toObject();
    // SvarUt is used by every kommune and most fylkeskommuner.
    EXPECT_GE(svarut["agreements"].toInt(), 357);
    EXPECT_EQ(svarut["kind"], "service");

    Outcome components = vakt({"catalog", "list", "--json", "--kind", "component"});
    for (const auto& e : QJsonDocument::fromJson(components.out.toUtf8()).array()) EXPECT_EQ(e.toObject()["kind"], "component");

    Outcome show = vakt({"catalog", "show", "dokumentlager", "--json"});
    ASSERT_EQ(show.code, 0);
    const QJsonObject lager = QJsonDocument::fromJson(show.out.toUtf8()).object();
    EXPECT_TRUE(lager["used_by"].toArray().contains("svarut"));

    Outcome missing = vakt({"catalog", "show", "finnes-ikke"});
    EXPECT_EQ(missing.code, 1);
    EXPECT_TRUE(missing.err.contains("finnes-ikke"));
}

TEST_F(Cli, ExportEditImportRoundTrip) {
    Outcome exported = vakt({"catalog", "export"});
    ASSERT_EQ(exported.code, 0);
    QJsonArray all = QJsonDocument::fromJson(exported.out.toUtf8()).array();
    ASSERT_GE(all.size(), 18);
    for (qsizetype i = 0; i < all.size(); ++i) {
        QJsonObject o = all[i].toObject();
        if (o["key"] == "digisos") {
            o["goal"] = "Nytt mål fra import";
            all[i] = o;
        }
    }
    const QString file = write("edited.json", QJsonDocument(all).toJson());
    Outcome imported = vakt({"catalog", "import", file});
    ASSERT_EQ(imported.code, 0) << imported.err.toStdString();
    Outcome show = vakt({"catalog", "show", "digisos", "--json"});
    EXPECT_EQ(QJsonDocument::fromJson(show.out.toUtf8()).object()["goal"], "Nytt mål fra import");
    // Exactly one entry changed, so exactly one catalogue update is trailed.
    Outcome trail = vakt({"trail", "list", "--entity", "catalog_entry", "--json", "--limit", "100"});
    int updates = 0;
    for (const auto& e : QJsonDocument::fromJson(trail.out.toUtf8()).array())
        if (e.toObject()["action"] == "catalog.update") ++updates;
    EXPECT_EQ(updates, 1);
}

TEST_F(Cli, CsvExportImportsBackWithoutChanges) {
    const QString csv = dir_->filePath("catalog.csv");
    ASSERT_EQ(vakt({"catalog", "export", "--format", "csv", "--output", csv}).code, 0);
    const QString before = vakt({"catalog", "export"}).out;
    Outcome imported = vakt({"catalog", "import", csv});
    ASSERT_EQ(imported.code, 0) << imported.err.toStdString();
    EXPECT_EQ(vakt({"catalog", "export"}).out, before);
    Outcome trail = vakt({"trail", "list", "--entity", "catalog_entry", "--json", "--limit", "1000"});
    for (const auto& e : QJsonDocument::fromJson(trail.out.toUtf8()).array()) EXPECT_NE(e.toObject()["action"], "catalog.update");
}

TEST_F(Cli, MalformedImportIsRejectedWholeWithFileLineAndField) {
    const QString before = vakt({"catalog", "export"}).out;
    const QByteArray json =
        "[\n"
        "  {\"key\": \"ny-tjeneste\", \"name\": \"Ny tjeneste\"},\n"
        "  {\"key\": \"svarut\", \"name\": \"SvarUt\",\n"
        "   \"established_year\": 12.5}\n"
        "]\n";
    const QString jsonFile = write("bad.json", json);
    Outcome r = vakt({"catalog", "import", jsonFile});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.err.contains(jsonFile + ":4")) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("established_year")) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("Nothing was imported"));

    const QString csvFile = write("bad.csv", "key,name,lifecycle\nny-tjeneste,Ny tjeneste,production\nandre,Andre,\"udødelig\"\n");
    Outcome c = vakt({"catalog", "import", csvFile});
    EXPECT_EQ(c.code, 1);
    EXPECT_TRUE(c.err.contains(csvFile + ":3")) << c.err.toStdString();
    EXPECT_TRUE(c.err.contains("field 'lifecycle'")) << c.err.toStdString();

    // A reference error is found only against the database: still nothing is written.
    const QString refFile = write("ref.json", "[{\"key\": \"ny-tjeneste\", \"name\": \"Ny\"},\n {\"key\": \"b\", \"name\": \"B\", \"product_owner\": \"ukjent@example.no\"}]");
    Outcome ref = vakt({"catalog", "import", refFile});
    EXPECT_EQ(ref.code, 1);
    EXPECT_TRUE(ref.err.contains(refFile + ":2")) << ref.err.toStdString();
    EXPECT_TRUE(ref.err.contains("product_owner"));

    EXPECT_EQ(vakt({"catalog", "export"}).out, before);
    EXPECT_EQ(vakt({"trail", "verify"}).code, 0);
}

TEST_F(Cli, UsersAndRolesAreEnforcedOnTheCommandLine) {
    const QString pw = write("pw.txt", "et svært langt passord\n");
    Outcome add = vakt({"user", "add", "nina", "--role", "revisor", "--name", "Nina Revisor", "--password-file", pw});
    ASSERT_EQ(add.code, 0) << add.err.toStdString();
    Outcome list = vakt({"user", "list", "--json"});
    bool found = false;
    for (const auto& u : QJsonDocument::fromJson(list.out.toUtf8()).array())
        if (u.toObject()["username"] == "nina") found = u.toObject()["role"] == "revisor";
    EXPECT_TRUE(found);

    // A read-only user cannot write, even with the right password.
    const QString file = write("one.json", "[{\"key\": \"ny-tjeneste\", \"name\": \"Ny tjeneste\"}]");
    Outcome denied = run(VAKT_CLI, {"--db", db_, "--user", "nina", "--password-file", pw, "catalog", "import", file});
    EXPECT_EQ(denied.code, 1);
    EXPECT_TRUE(denied.err.contains("permission denied")) << denied.err.toStdString();
    Outcome wrong = run(VAKT_CLI, {"--db", db_, "--user", "nina", "--password-file", write("bad.txt", "feil passord her"), "catalog", "list"});
    EXPECT_EQ(wrong.code, 1);
    EXPECT_TRUE(wrong.err.contains("unknown user or wrong password"));
    Outcome readOk = run(VAKT_CLI, {"--db", db_, "--user", "nina", "--password-file", pw, "catalog", "list"});
    EXPECT_EQ(readOk.code, 0);
    // Demo users may sign in by name on the demo database.
    Outcome demo = run(VAKT_CLI, {"--db", db_, "--user", "revisor", "catalog", "import", file});
    EXPECT_EQ(demo.code, 1);
    EXPECT_TRUE(demo.err.contains("permission denied"));
    Outcome tooShort = vakt({"user", "add", "kort", "--role", "admin", "--password-file", write("short.txt", "kort")});
    EXPECT_EQ(tooShort.code, 1);
    EXPECT_TRUE(tooShort.err.contains("at least 12"));
}

TEST_F(Cli, UsersAreDisabledAndTheirPasswordsResetInTheTrail) {
    const QString pw = write("pw.txt", "et svært langt passord\n");
    ASSERT_EQ(vakt({"user", "add", "nina", "--role", "leder", "--password-file", pw}).code, 0);
    auto signIn = [&](const QString& passwordFile) {
        return run(VAKT_CLI, {"--db", db_, "--user", "nina", "--password-file", passwordFile, "catalog", "list"}).code;
    };
    ASSERT_EQ(signIn(pw), 0);
    Outcome disabled = vakt({"user", "disable", "nina"});
    ASSERT_EQ(disabled.code, 0) << disabled.err.toStdString();
    EXPECT_EQ(signIn(pw), 1);
    EXPECT_EQ(vakt({"user", "enable", "nina"}).code, 0);
    EXPECT_EQ(signIn(pw), 0);
    const QString newPw = write("new.txt", "et helt nytt og langt passord\n");
    Outcome reset = vakt({"user", "reset-password", "nina", "--password-file", newPw});
    ASSERT_EQ(reset.code, 0) << reset.err.toStdString();
    EXPECT_EQ(signIn(pw), 1);
    EXPECT_EQ(signIn(newPw), 0);
    // Only an administrator may, and an unknown name is named.
    Outcome notAdmin = run(VAKT_CLI, {"--db", db_, "--user", "nina", "--password-file", newPw, "user", "disable", "admin"});
    EXPECT_EQ(notAdmin.code, 1);
    EXPECT_TRUE(notAdmin.err.contains("permission denied")) << notAdmin.err.toStdString();
    Outcome unknown = vakt({"user", "disable", "ingen"});
    EXPECT_EQ(unknown.code, 1);
    EXPECT_TRUE(unknown.err.contains("no user 'ingen'")) << unknown.err.toStdString();
    // Each change is in the trail under who made it; the password is not.
    Outcome trail = vakt({"trail", "list", "--entity", "user", "--key", "nina", "--json"});
    QStringList actions;
    for (const auto& e : QJsonDocument::fromJson(trail.out.toUtf8()).array()) actions.prepend(e.toObject()["action"].toString());
    EXPECT_EQ(actions, (QStringList{"user.create", "user.disable", "user.enable", "user.reset_password"})) << trail.out.toStdString();
    EXPECT_FALSE(trail.out.contains("helt nytt")) << trail.out.toStdString();
    EXPECT_FALSE(trail.out.contains("$scrypt$")) << trail.out.toStdString();
    EXPECT_EQ(vakt({"trail", "verify"}).code, 0);
}

TEST_F(Cli, OnlyWhoeverMayWriteTheFileActsAsItsLocalOperator) {
    // A copy of the database this user may read but not change (as root, the CLI runs as nobody).
    QTemporaryDir shared;
    ASSERT_TRUE(QFile::setPermissions(shared.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                                         QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther));
    const QString readOnly = shared.filePath("read-only.db");
    ASSERT_TRUE(QFile::copy(db_, readOnly));
    ASSERT_TRUE(QFile::setPermissions(readOnly, QFileDevice::ReadOwner | QFileDevice::ReadOther));
    auto asReader = [&](QStringList args) {
        args.prepend(readOnly);
        args.prepend("--db");
        if (geteuid() != 0) return run(VAKT_CLI, args);
        args.prepend(VAKT_CLI);
        args.prepend("--clear-groups");
        args.prepend("--regid=65534");
        args.prepend("--reuid=65534");
        return run("setpriv", args);
    };
    Outcome operatorDenied = asReader({"user", "list"});
    EXPECT_EQ(operatorDenied.code, 1) << operatorDenied.err.toStdString();
    EXPECT_TRUE(operatorDenied.err.contains("cannot act as its local operator")) << operatorDenied.err.toStdString();
    // Signed in as a user of its own, the same person reads what the role allows.
    Outcome signedIn = asReader({"--user", "revisor", "catalog", "list"});
    EXPECT_EQ(signedIn.code, 0) << signedIn.err.toStdString();
    EXPECT_TRUE(signedIn.out.contains("SvarUt")) << signedIn.out.toStdString();
    // Whoever may write the file is its local operator, as before.
    Outcome owner = vakt({"user", "list"});
    EXPECT_EQ(owner.code, 0) << owner.err.toStdString();
}

TEST_F(Cli, TrailVerifyDetectsTamperingWithPlainSql) {
    Outcome ok = vakt({"trail", "verify"});
    ASSERT_EQ(ok.code, 0) << ok.err.toStdString();
    EXPECT_TRUE(ok.out.contains("Trail intact"));
    // With the triggers in place, plain SQL cannot change the trail.
    Outcome refused = sqlite("UPDATE trail SET actor='mallory' WHERE seq=10");
    EXPECT_GT(refused.code, 0);  // sqlite3 refused (a crash or timeout would be -1)
    EXPECT_TRUE(refused.err.contains("append-only")) << refused.err.toStdString();
    ASSERT_EQ(sqlite("DROP TRIGGER trail_no_update; DROP TRIGGER trail_no_delete; "
                     "UPDATE trail SET actor = 'mallory' WHERE seq = 100")
                  .code,
              0);
    Outcome broken = vakt({"trail", "verify"});
    EXPECT_EQ(broken.code, 1);
    EXPECT_TRUE(broken.err.contains("trail entry 100")) << broken.err.toStdString();
}

TEST_F(Cli, DesktopScreenshotRendersANamedPage) {
    const QString png = dir_->filePath("catalog.png");
    Outcome r = run(VAKT_DESKTOP, {"--db", db_, "--user", "admin", "--screenshot", "catalog", png});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    QImage image(png);
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.size(), QSize(1440, 900));
    Outcome unknown = run(VAKT_DESKTOP, {"--db", db_, "--user", "admin", "--screenshot", "nowhere", png});
    EXPECT_EQ(unknown.code, 2);
    EXPECT_TRUE(unknown.err.contains("catalog")) << unknown.err.toStdString();
}

TEST(CollectorCli, CheckMetricsLikePromtool) {
    Outcome good = run(VAKT_COLLECTOR, {"check-metrics"}, "# TYPE a counter\na_total 1\n# EOF\n");
    EXPECT_EQ(good.code, 0) << good.err.toStdString();
    Outcome classic = run(VAKT_COLLECTOR, {"check-metrics", "--format", "prometheus"}, "a{b=\"c\",} 1\n");
    EXPECT_EQ(classic.code, 0) << classic.err.toStdString();
    Outcome bad = run(VAKT_COLLECTOR, {"check-metrics", "--format", "openmetrics"}, "# TYPE a counter\na_total -1\n# EOF\n");
    EXPECT_EQ(bad.code, 1);
    EXPECT_TRUE(bad.err.startsWith("2:1: ")) << bad.err.toStdString();
    Outcome usage = run(VAKT_COLLECTOR, {"check-metrics", "--format", "xml"});
    EXPECT_EQ(usage.code, 2);
    Outcome help = run(VAKT_COLLECTOR, {"check-metrics", "--help"});
    EXPECT_EQ(help.code, 0);
    EXPECT_TRUE(help.out.contains("check-metrics"));
}

TEST(CollectorCli, CheckConfigNamesFileLineAndField) {
    QTemporaryDir dir;
    const QString good = dir.filePath("good.yml"), bad = dir.filePath("bad.yml");
    QFile g(good), b(bad);
    ASSERT_TRUE(g.open(QIODevice::WriteOnly) && b.open(QIODevice::WriteOnly));
    g.write("scrape_configs:\n  - job_name: node\n    static_configs:\n      - targets: ['127.0.0.1:9100']\n");
    b.write("scrape_configs:\n  - job_name: node\n    scrape_intervall: 15s\n");
    g.close();
    b.close();
    Outcome ok = run(VAKT_COLLECTOR, {"--config", good, "--check-config"});
    EXPECT_EQ(ok.code, 0) << ok.err.toStdString();
    Outcome wrong = run(VAKT_COLLECTOR, {"--config", bad, "--check-config"});
    EXPECT_EQ(wrong.code, 1);
    EXPECT_TRUE(wrong.err.startsWith(bad + ":3: field 'scrape_configs[].scrape_intervall': unknown field")) << wrong.err.toStdString();
}
