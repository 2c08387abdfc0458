// `vakt council` as the product owner's scripts run it, on a demo database made by `vakt init
// --demo`: tables with a header row, JSON, the exports written to files, and the exit codes (0 ok,
// 1 failure, 2 usage).
#include <gtest/gtest.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include "tests/support/run_program.h"

using vakt::test::Outcome;
using vakt::test::run;

namespace {

class CouncilCli : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = new QTemporaryDir;
        db_ = dir_->filePath(QStringLiteral("demo.db"));
        const Outcome init = run(QStringLiteral(VAKT_CLI), {QStringLiteral("--db"), db_, QStringLiteral("init"), QStringLiteral("--demo")});
        ASSERT_EQ(init.code, 0) << init.err.toStdString();
    }
    static void TearDownTestSuite() { delete dir_; }

    static Outcome vakt(const QString& user, QStringList args) {
        args.prepend(user);
        args.prepend(QStringLiteral("--user"));
        args.prepend(db_);
        args.prepend(QStringLiteral("--db"));
        return run(QStringLiteral(VAKT_CLI), args);
    }
    static QByteArray read(const QString& path) {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    static QTemporaryDir* dir_;
    static QString db_;
};
QTemporaryDir* CouncilCli::dir_ = nullptr;
QString CouncilCli::db_;

TEST_F(CouncilCli, ListsTheCouncilsAndShowsOneWithItsWarnings) {
    const Outcome listed = vakt("revisor", {"council", "list"});
    ASSERT_EQ(listed.code, 0) << listed.err.toStdString();
    EXPECT_TRUE(listed.out.startsWith("SERVICE ")) << "a header row first";
    EXPECT_TRUE(listed.out.contains("svarut"));
    EXPECT_TRUE(listed.out.contains("fiks-folkeregister"));
    const Outcome json = vakt("revisor", {"council", "list", "--json"});
    ASSERT_EQ(json.code, 0);
    EXPECT_GE(QJsonDocument::fromJson(json.out.toUtf8()).array().size(), 2);

    const Outcome shown = vakt("produktansvarlig", {"council", "show", "svarut"});
    ASSERT_EQ(shown.code, 0) << shown.err.toStdString();
    EXPECT_TRUE(shown.out.contains("WARNING: the term of")) << shown.out.toStdString();
    const Outcome members = vakt("produktansvarlig", {"council", "members", "svarut", "--json"});
    ASSERT_EQ(members.code, 0);
    const QJsonArray sitting = QJsonDocument::fromJson(members.out.toUtf8()).array();
    EXPECT_GE(sitting.size(), 5);
    EXPECT_LE(sitting.size(), 8);
    const Outcome requests = vakt("brukerstotte", {"council", "requests", "svarut", "--status", "planned"});
    ASSERT_EQ(requests.code, 0);
    EXPECT_TRUE(requests.out.startsWith("REF "));
    EXPECT_TRUE(requests.out.contains("planned"));
    const Outcome roadmap = vakt("leder", {"council", "roadmap", "svarut", "--json"});
    ASSERT_EQ(roadmap.code, 0);
    EXPECT_GE(QJsonDocument::fromJson(roadmap.out.toUtf8()).array().size(), 3);
}

TEST_F(CouncilCli, ExportsTheCouncilAsHtmlJsonAndCsv) {
    const QString html = dir_->filePath(QStringLiteral("brukerrad.html")), json = dir_->filePath(QStringLiteral("brukerrad.json")),
                  csv = dir_->filePath(QStringLiteral("endringsonsker.csv"));
    ASSERT_EQ(vakt("produktansvarlig", {"council", "export", "svarut", "--format", "html", "--out", html}).code, 0);
    EXPECT_TRUE(QString::fromUtf8(read(html)).contains(QStringLiteral("Brukerråd for SvarUt")));
    ASSERT_EQ(vakt("revisor", {"council", "export", "fiks-folkeregister", "--format", "json", "--out", json}).code, 0);
    const QJsonObject o = QJsonDocument::fromJson(read(json)).object();
    EXPECT_EQ(o.value("service").toString(), "fiks-folkeregister");
    EXPECT_FALSE(o.value("members").toArray().isEmpty());
    ASSERT_EQ(vakt("revisor", {"council", "export", "svarut", "--format", "csv", "--out", csv}).code, 0);
    EXPECT_TRUE(read(csv).startsWith("ref,status,quarter,points"));
}

TEST_F(CouncilCli, UsageErrorsAreTwoAndFailuresOne) {
    EXPECT_EQ(vakt("revisor", {"council", "lst"}).code, 2);
    EXPECT_EQ(vakt("revisor", {"council", "show"}).code, 2) << "SERVICE is required";
    EXPECT_EQ(vakt("revisor", {"council", "export", "svarut", "--format", "pdf", "--out", "x.pdf"}).code, 2);
    EXPECT_EQ(vakt("revisor", {"council", "requests", "svarut", "--status", "done"}).code, 2);
    const Outcome unknown = vakt("revisor", {"council", "show", "ingen-slik-tjeneste"});
    EXPECT_EQ(unknown.code, 1);
    EXPECT_TRUE(unknown.err.contains("not in the catalogue")) << unknown.err.toStdString();
}

}  // namespace
