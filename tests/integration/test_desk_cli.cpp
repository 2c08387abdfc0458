// `vakt incident` and `vakt change` as the service desk's and the board's scripts run them, on a
// demo database made by `vakt init --demo`: the contracts (exit codes 0, 1, 2; tables and JSON),
// a Freshdesk import with a broken row named by file:line and nothing written, roles refused
// naming who may, and a meeting closed with signed minutes verified against the key given.
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

class DeskCli : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = new QTemporaryDir;
        db_ = dir_->filePath(QStringLiteral("demo.db"));
        keys_ = dir_->filePath(QStringLiteral("keys"));
        const Outcome init = run(QStringLiteral(VAKT_CLI), {QStringLiteral("--db"), db_, QStringLiteral("init"), QStringLiteral("--demo")});
        ASSERT_EQ(init.code, 0) << init.err.toStdString();
        ASSERT_EQ(run(QStringLiteral(VAKT_CLI), {QStringLiteral("--keys"), keys_, QStringLiteral("keys"), QStringLiteral("init")}).code, 0);
    }
    static void TearDownTestSuite() { delete dir_; }

    static Outcome vakt(const QString& user, QStringList args) {
        args.prepend(user);
        args.prepend(QStringLiteral("--user"));
        args.prepend(keys_);
        args.prepend(QStringLiteral("--keys"));
        args.prepend(db_);
        args.prepend(QStringLiteral("--db"));
        return run(QStringLiteral(VAKT_CLI), args);
    }
    static QJsonDocument json(const Outcome& o) { return QJsonDocument::fromJson(o.out.toUtf8()); }
    QString write(const QString& name, const QByteArray& text) {
        const QString path = dir_->filePath(name);
        QFile f(path);
        EXPECT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(text);
        return path;
    }

    static QTemporaryDir* dir_;
    static QString db_, keys_;
};
QTemporaryDir* DeskCli::dir_ = nullptr;
QString DeskCli::db_, DeskCli::keys_;

TEST_F(DeskCli, TheDeskRecordsWorksAndListsCases) {
    const Outcome added = vakt("brukerstotte", {"incident", "add", "--title", "Kan ikke sende via SvarUt", "--kind", "fault", "--priority", "P2",
                                                "--service", "svarut", "--reporter", "Arkivleder"});
    ASSERT_EQ(added.code, 0) << added.err.toStdString();
    const QString id = added.out.trimmed();
    ASSERT_FALSE(id.isEmpty());
    EXPECT_EQ(vakt("brukerstotte", {"incident", "update", id, "--state", "in_progress", "--note", "Gjenskapt"}).code, 0);
    const Outcome listed = vakt("brukerstotte", {"incident", "list", "--priority", "P2", "--open", "--json"});
    ASSERT_EQ(listed.code, 0) << listed.err.toStdString();
    bool found = false;
    for (const auto v : json(listed).object().value("cases").toArray()) {
        const QJsonObject c = v.toObject();
        EXPECT_EQ(c.value("priority").toString(), "P2");
        if (QString::number(c.value("id").toInteger()) == id) {
            found = true;
            EXPECT_EQ(c.value("state").toString(), "in_progress");
            EXPECT_FALSE(c.value("respond_by").toString().isEmpty());
        }
    }
    EXPECT_TRUE(found);
    const Outcome table = vakt("brukerstotte", {"incident", "list"});
    EXPECT_TRUE(table.out.startsWith("ID ")) << "a header row first";
    // Usage errors are 2, refusals and bad values 1, each saying why.
    EXPECT_EQ(vakt("brukerstotte", {"incident", "update", id, "--state", "done"}).code, 2);
    EXPECT_EQ(vakt("brukerstotte", {"incident", "lst"}).code, 2);
    const Outcome closing = vakt("brukerstotte", {"incident", "update", id, "--state", "closed"});
    EXPECT_EQ(closing.code, 1);
    EXPECT_TRUE(closing.err.contains("field 'note'")) << closing.err.toStdString();
    const Outcome auditor = vakt("revisor", {"incident", "add", "--title", "Forsøk"});
    EXPECT_EQ(auditor.code, 1);
    EXPECT_TRUE(auditor.err.contains("brukerstotte")) << "the refusal names the roles that may";
    // Escalated, it is the security officer's.
    EXPECT_EQ(vakt("brukerstotte", {"incident", "escalate", id, "--note", "Feil mottaker"}).code, 0);
    EXPECT_EQ(vakt("brukerstotte", {"incident", "update", id, "--note", "mer"}).code, 1);
    const Outcome shown = vakt("sikkerhetsansvarlig", {"incident", "show", id, "--json"});
    EXPECT_EQ(json(shown).object().value("queue").toString(), "security");
}

TEST_F(DeskCli, AFreshdeskImportWithABrokenRowWritesNothing) {
    const QByteArray header = "Ticket ID,Subject,Status,Priority,Created time,Type\n";
    const QString broken = write("tickets.csv", header + "501,God,Open,Low,2026-11-20 09:00:00,Question\n502,Dårlig,Open,Kritisk,2026-11-20 09:00:00,Question\n");
    const int before = json(vakt("brukerstotte", {"incident", "list", "--json"})).object().value("total").toInt();
    const Outcome refused = vakt("brukerstotte", {"incident", "import", broken});
    EXPECT_EQ(refused.code, 1);
    EXPECT_TRUE(refused.err.contains("tickets.csv:3: column 'Priority': 'Kritisk'")) << refused.err.toStdString();
    EXPECT_TRUE(refused.err.contains("nothing was imported"));
    EXPECT_EQ(json(vakt("brukerstotte", {"incident", "list", "--json"})).object().value("total").toInt(), before);
    const QString good = write("good.csv", header + "601,God,Open,Low,2026-11-20 09:00:00,Question\n");
    const Outcome dry = vakt("brukerstotte", {"incident", "import", good, "--dry-run"});
    EXPECT_EQ(dry.code, 0);
    EXPECT_TRUE(dry.out.contains("Would import 1 ticket")) << dry.out.toStdString();
    EXPECT_EQ(vakt("brukerstotte", {"incident", "import", good}).code, 0);
    EXPECT_EQ(json(vakt("brukerstotte", {"incident", "list", "--json"})).object().value("total").toInt(), before + 1);
}

TEST_F(DeskCli, TheBoardDecidesAndClosesAMeetingWithSignedMinutes) {
    const Outcome added = vakt("brukerstotte", {"change", "add", "--title", "Ny mal i Print", "--target", "print", "--from", "2027-01-19T20:00",
                                                "--until", "2027-01-19T21:00", "--rollback", "Forrige mal"});
    ASSERT_EQ(added.code, 0) << added.err.toStdString();
    const QString ref = added.out.trimmed();
    ASSERT_TRUE(ref.startsWith("CR-"));
    EXPECT_EQ(vakt("brukerstotte", {"change", "decide", ref, "approve"}).code, 1) << "the service desk cannot approve changes";
    EXPECT_EQ(vakt("sikkerhetsansvarlig", {"change", "assess", ref, "--stride", "D", "--likelihood", "1", "--consequence", "2"}).code, 0);
    const Outcome approved = vakt("endringsrad", {"change", "decide", ref, "approve", "--conditions", "Varsle brukerstøtte"});
    ASSERT_EQ(approved.code, 0) << approved.err.toStdString();
    EXPECT_TRUE(approved.out.contains("ROS review task"));
    const QJsonArray list = json(vakt("endringsrad", {"change", "list", "--json"})).array();
    bool seen = false;
    for (const auto v : list)
        if (v.toObject().value("ref").toString() == ref) seen = v.toObject().value("state").toString() == "approved";
    EXPECT_TRUE(seen);

    const Outcome opened = vakt("endringsrad", {"change", "meeting", "open", "--quorum", "2"});
    ASSERT_EQ(opened.code, 0) << opened.err.toStdString();
    const QString meeting = opened.out.trimmed();
    EXPECT_EQ(vakt("endringsrad", {"change", "meeting", "attend", meeting, "endringsrad", "sikkerhetsansvarlig"}).code, 0);
    const QJsonObject agenda = json(vakt("endringsrad", {"change", "meeting", "show", meeting, "--json"})).object();
    for (const auto v : agenda.value("items").toArray()) {
        const QJsonObject item = v.toObject();
        const QString position = QString::number(item.value("position").toInt());
        const QString decision = item.value("kind").toString() == "change" ? "defer" : "noted";
        const Outcome d = vakt("endringsrad", {"change", "meeting", "decide", meeting, position, decision, "--note", "Neste uke"});
        ASSERT_EQ(d.code, 0) << d.err.toStdString();
    }
    const Outcome closed = vakt("endringsrad", {"change", "meeting", "close", meeting});
    ASSERT_EQ(closed.code, 0) << closed.err.toStdString();
    EXPECT_TRUE(closed.out.contains("signed")) << closed.out.toStdString();
    const QString pdf = dir_->filePath("referat.pdf");
    EXPECT_EQ(vakt("revisor", {"change", "meeting", "minutes", meeting, "--out", pdf}).code, 0);
    QFile f(pdf);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_TRUE(f.readAll().startsWith("%PDF-1.4"));
    const Outcome verified = vakt("revisor", {"change", "meeting", "verify", meeting});
    EXPECT_EQ(verified.code, 0) << verified.out.toStdString() << verified.err.toStdString();
    EXPECT_TRUE(verified.out.contains("signature: valid"));
    // Checked against another key, it fails.
    const QString other = dir_->filePath("other-keys");
    ASSERT_EQ(run(QStringLiteral(VAKT_CLI), {"--keys", other, "keys", "init"}).code, 0);
    const Outcome wrongKey = run(QStringLiteral(VAKT_CLI), {"--db", db_, "--keys", other, "--user", "revisor", "change", "meeting", "verify", meeting});
    EXPECT_EQ(wrongKey.code, 1);
    EXPECT_TRUE(wrongKey.out.contains("INVALID")) << wrongKey.out.toStdString();
}

}  // namespace
