// The audit ledger as an operator and an investigator use it, through `vakt`: ingest with
// quarantine and exactly-once resumption, verification that catches each kind of tampering done
// with plain SQL, proofs checked on their own, and who may search. On SQLite, and the tests
// without SQLite-only SQL again on PostgreSQL (audit_ledger_postgres).
#include <gtest/gtest.h>

#include <QBuffer>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimeZone>

#include <algorithm>
#include <vector>

#include "collector/audit/ledger.h"
#include "core/base/norway.h"
#include "core/clock.h"
#include "core/incidents.h"
#include "core/migrations.h"
#include "tests/support/run_program.h"
#include "tests/support/audit_events.h"
#include "tests/support/test_db.h"

using vakt::test::Outcome;
using vakt::test::run;

namespace {

class AuditLedger : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(dir_.isValid());
        db_ = database_.url();
        keys_ = dir_.filePath("keys");
        Outcome k = run(VAKT_CLI, {"--keys", keys_, "keys", "init"});
        ASSERT_EQ(k.code, 0) << k.err.toStdString();
    }
    Outcome vakt(const QStringList& args, const QString& user = {}) {
        QStringList all = {"--db", db_, "--keys", keys_};
        if (!user.isEmpty()) all << "--user" << user;
        return run(VAKT_CLI, all + args);
    }
    QByteArray events(int count, int seed) {
        Outcome r = run(VAKT_SIM, {"--audit-events", QString::number(count), "--seed", QString::number(seed)});
        EXPECT_EQ(r.code, 0);
        return r.out.toUtf8();
    }
    QString write(const QString& name, const QByteArray& content, bool append = false) {
        QFile f(dir_.filePath(name));
        EXPECT_TRUE(f.open(QIODevice::WriteOnly | (append ? QIODevice::Append : QIODevice::Truncate)));
        f.write(content);
        return f.fileName();
    }
    // Plain SQL on the database, as an attacker with access to it would use.
    Outcome sql(const QString& statement) {
        return database_.postgres() ? run("psql", {"-qtA", "-v", "ON_ERROR_STOP=1", db_, "-c", statement}) : run("sqlite3", {db_, statement});
    }
    qint64 count(const QString& query) { return sql(query).out.trimmed().toLongLong(); }
    // A recipient's check: against the ledger's public key as its operator published it.
    Outcome checkProof(const QByteArray& proof) {
        return run(VAKT_CLI, {"audit", "check-proof", "--public-key", keys_ + "/signing-ed25519.pub.pem", "-"}, proof);
    }
    QByteArray readAll(const QString& path) {
        QFile f(path);
        EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << path.toStdString();
        return f.readAll();
    }
    // Ingests three files of 100 events, so the ledger has heads at 100, 200 and 300.
    void threeBatches() {
        for (int i = 0; i < 3; ++i) {
            Outcome r = vakt({"audit", "ingest", write(QStringLiteral("batch%1.jsonl").arg(i), events(100, 10 + i))});
            ASSERT_EQ(r.code, 0) << r.err.toStdString();
        }
        ASSERT_EQ(vakt({"audit", "verify"}).code, 0);
    }
    void expectVerifyFails(const QString& says) {
        Outcome r = vakt({"audit", "verify"});
        EXPECT_EQ(r.code, 1) << r.out.toStdString();
        EXPECT_TRUE(r.err.contains(says)) << r.err.toStdString();
    }

    QTemporaryDir dir_;
    // The demo platform on SQLite, or on PostgreSQL in the audit_ledger_postgres test.
    vakt::test::TestDatabase database_{vakt::test::TestDatabase::Content::Demo};
    QString db_, keys_;
};

// Valid fødselsnumre (and, from `dNumbers` on, d-numre), made from the rule rather than copied.
QStringList validPersonIds(int count, int dNumbers) {
    QStringList out;
    for (int n = 0; out.size() < count; ++n) {
        // Days from 10, so an id can be written as a JSON number (no leading zero).
        const int day = 10 + n % 18 + (out.size() >= dNumbers ? 40 : 0), month = 1 + n % 12, year = 50 + n % 40;
        const QString stem = QStringLiteral("%1%2%3%4").arg(day, 2, 10, QLatin1Char('0')).arg(month, 2, 10, QLatin1Char('0')).arg(year).arg(400 + n);
        for (int control = 0; control < 100; ++control) {
            const QString id = stem + QStringLiteral("%1").arg(control, 2, 10, QLatin1Char('0'));
            if (vakt::norway::isValidPersonId(id.toStdString())) {
                out << id;
                break;
            }
        }
    }
    return out;
}

QString firstSubject(const QByteArray& lines) {
    const auto m = QRegularExpression(R"re("subject":\{"type":"person","id":"(\d{11})")re").match(QString::fromUtf8(lines));
    return m.captured(1);
}

}  // namespace

TEST_F(AuditLedger, BadLinesAreQuarantinedWithTheirLineAndGoodOnesKeepTheirPlace) {
    QByteArray good = events(50, 1);
    QList<QByteArray> lines = good.split('\n');
    lines.insert(10, R"({"time":"2026-11-26T10:00:00+01:00","service":"svarut")");        // line 11: invalid JSON
    lines.insert(20, R"({"time":"2026-11-26T10:00:00+01:00","service":"svarut","action":"x"})");  // line 21: no actor
    lines.insert(30, "{\"time\":\"\xc3\x28\"}");                                               // line 31: invalid UTF-8
    lines.insert(40, "{\"pad\":\"" + QByteArray(5000, 'x') + "\"}");                          // line 41: over the limit
    const QString file = write("mixed.jsonl", lines.join('\n'));
    Outcome r = vakt({"audit", "ingest", file, "--max-line-bytes", "4096"});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains("Accepted 50 events")) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains("quarantined 4 lines")) << r.out.toStdString();
    EXPECT_TRUE(r.err.contains(file + ":11: invalid JSON")) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(file + ":21: field 'actor': required")) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(file + ":31: invalid JSON")) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(file + ":41: line is over the limit of 4096 bytes")) << r.err.toStdString();
    // Good events keep their own line numbers in the source.
    EXPECT_EQ(count("SELECT source_line FROM audit_events WHERE seq = 10"), 12);
    EXPECT_EQ(count("SELECT count(*) FROM audit_quarantine"), 4);
    EXPECT_EQ(vakt({"audit", "verify"}).code, 0);
}

// Counts are written as people read them: one event, one line.
TEST_F(AuditLedger, OneEventAndOneLineAreSingular) {
    const QByteArray one = events(1, 9) + "{\"not\": \"an event\"}\n";
    Outcome r = vakt({"audit", "ingest", write("one.jsonl", one)});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains("Accepted 1 event; quarantined 1 line. The ledger holds 1 event;")) << r.out.toStdString();
    EXPECT_TRUE(r.err.contains("1 line quarantined")) << r.err.toStdString();
    Outcome verified = vakt({"audit", "verify"});
    EXPECT_TRUE(verified.out.contains("Audit ledger intact: 1 event, 1 signed tree head.")) << verified.out.toStdString();
}

TEST_F(AuditLedger, AFileIsReadOnceEvenWhenIngestedAgainAndGrown) {
    const QByteArray first = events(200, 2);
    const QString file = write("svarut.jsonl", first);
    ASSERT_EQ(vakt({"audit", "ingest", file}).code, 0);
    Outcome again = vakt({"audit", "ingest", file});
    ASSERT_EQ(again.code, 0);
    EXPECT_TRUE(again.out.contains("Accepted 0 events")) << again.out.toStdString();
    EXPECT_TRUE(again.out.contains("quarantined 0 lines")) << again.out.toStdString();
    write("svarut.jsonl", events(300, 3), true);
    Outcome grown = vakt({"audit", "ingest", file});
    ASSERT_EQ(grown.code, 0) << grown.err.toStdString();
    EXPECT_TRUE(grown.out.contains("after line 200")) << grown.out.toStdString();
    EXPECT_TRUE(grown.out.contains("Accepted 300 events")) << grown.out.toStdString();
    EXPECT_EQ(count("SELECT count(*) FROM audit_events"), 500);
    EXPECT_EQ(count("SELECT count(DISTINCT json_extract(canonical, '$.request_id')) FROM audit_events"), 500);
    // A file that shrank under the committed position is refused, not read twice.
    write("svarut.jsonl", first.left(1000));
    Outcome shrunk = vakt({"audit", "ingest", file});
    EXPECT_EQ(shrunk.code, 1);
    EXPECT_TRUE(shrunk.err.contains("truncated or replaced")) << shrunk.err.toStdString();
    // Replaced by a longer file under the same name: its bytes before the position are not what
    // was read there, so it is refused rather than read on from the middle of another log.
    write("svarut.jsonl", events(600, 7));
    Outcome replaced = vakt({"audit", "ingest", file});
    EXPECT_EQ(replaced.code, 1);
    EXPECT_TRUE(replaced.err.contains("is not the one read there; the file was replaced or rewritten")) << replaced.err.toStdString();
    EXPECT_EQ(count("SELECT count(*) FROM audit_events"), 500);
}

TEST_F(AuditLedger, PersonIdsAreNeverStoredInClearButCanBeSearched) {
    const QByteArray lines = events(400, 4);
    const QString subject = firstSubject(lines);
    ASSERT_EQ(subject.size(), 11);
    Outcome r = run(VAKT_CLI, {"--db", db_, "--keys", keys_, "audit", "ingest", "-"}, lines);
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM audit_events WHERE canonical LIKE '%%1%'").arg(subject)), 0);
    // The whole database as text: the check means something only if the dump worked.
    Outcome dump = sql(".dump");
    ASSERT_EQ(dump.code, 0) << dump.err.toStdString();
    ASSERT_TRUE(dump.out.contains("CREATE TABLE audit_events") && dump.out.contains("INSERT INTO audit_events")) << "dump is incomplete";
    EXPECT_FALSE(dump.out.contains(subject));
    const int expected = static_cast<int>(QString::fromUtf8(lines).count(QStringLiteral("\"id\":\"%1\"").arg(subject)));
    Outcome found = vakt({"audit", "search", "--subject", subject, "--json"}, "sikkerhetsansvarlig");
    ASSERT_EQ(found.code, 0) << found.err.toStdString();
    const QJsonArray hits = QJsonDocument::fromJson(found.out.toUtf8()).array();
    EXPECT_EQ(hits.size(), expected);
    EXPECT_FALSE(found.out.contains(subject));  // shown back only as its pseudonym
    // Investigating is for the security officer and the auditor, not the administrator or the service desk.
    for (const QString& user : {QString(), QStringLiteral("brukerstotte")}) {
        Outcome denied = vakt({"audit", "search", "--subject", subject}, user);
        EXPECT_EQ(denied.code, 1);
        EXPECT_TRUE(denied.err.contains("permission denied")) << denied.err.toStdString();
    }
}

// A refused line may carry a person id in any field; its reason names the field and the rule
// only, in the database, in `audit quarantine` and on standard error.
// A corpus with person ids wherever a service might write them: as numbers, as member names, in
// request_id and legal_basis, inside the ids of integrations and documents, in the service and
// action, and written with a space, dot or hyphen. None may remain in clear in the database, in
// what ingest prints, in search results, evidence bundles, detections or the trail.
TEST_F(AuditLedger, NoPersonIdFromTheInputRemainsInClearAnywhere) {
    const QStringList ids = validPersonIds(16, 12);
    auto split = [&](int i, const char* separator) { return ids[i].left(6) + QLatin1String(separator) + ids[i].mid(6); };
    const QString integration = "fagsystem-" + ids[5];
    const QStringList lines = {
        // Where the format puts person ids.
        QStringLiteral(R"({"time":"2026-11-26T10:00:00+01:00","service":"fiks-folkeregister","action":"person.lookup","actor":{"type":"person","id":"%1","org":"974760673"},"subject":{"type":"person","id":"%2"},"legal_basis":"Folkeregisterloven § 10-2"})").arg(ids[0], ids[1]),
        // A number, a member name, request_id and legal_basis.
        QStringLiteral(R"({"time":"2026-11-26T10:01:00+01:00","service":"svarut","action":"forsendelse.send","actor":{"type":"person","id":"%1","org":"974760673"},"saksnr":%2,"%3":{"merknad":"x"},"request_id":"req-%4","legal_basis":"Forvaltningsloven § 13 for %1"})").arg(ids[0], ids[2], ids[3], ids[4]),
        // Inside an integration's id and a document's id, and in arrays.
        QStringLiteral(R"({"time":"2026-11-26T10:02:00+01:00","service":"digisos","action":"document.download","actor":{"type":"integration","id":"%1","org":"974760673"},"subject":{"type":"document","id":"sak-%2"},"vedlegg":[{"eier":%3},"%4"]})").arg(integration, ids[6], ids[7], ids[8]),
        // Written as people write them: with a space, a dot or a hyphen.
        QStringLiteral(R"({"time":"2026-11-26T10:03:00+01:00","service":"svarut","action":"forsendelse.send","actor":{"type":"person","id":"%1","org":"974760673"},"merknad":"gjelder %2, %3 og %4","source_ip":"10.0.0.1"})").arg(ids[0], split(9, " "), split(10, "."), split(11, "-")),
        // In the service and the action, and a d-nummer in a nested object's name.
        QStringLiteral(R"({"time":"2026-11-26T10:04:00+01:00","service":"svarut-%1","action":"person.lookup.%2","actor":{"type":"person","id":"%3","org":"974760673"},"ekstra":{"%4":true,"service_area":"barnevern %5"}})").arg(ids[12], ids[13], ids[0], ids[14], ids[15]),
        // A lookup without a legal basis by the integration: a detection names its actor.
        QStringLiteral(R"({"time":"2026-11-26T10:05:00+01:00","service":"fiks-folkeregister","action":"person.lookup","actor":{"type":"integration","id":"%1","org":"974760673"},"subject":{"type":"person","id":"%2"}})").arg(integration, ids[1]),
    };
    const QString file = write("corpus.jsonl", lines.join('\n').toUtf8() + "\n");
    Outcome ingest = vakt({"audit", "ingest", file, "--rules", VAKT_SOURCE_DIR "/data/demo/detections.yml"});
    ASSERT_EQ(ingest.code, 0) << ingest.err.toStdString();
    // Every event but the first held one where none belongs; the last one is found by a rule.
    EXPECT_TRUE(ingest.out.contains("Accepted 6 events (5 flagged")) << ingest.out.toStdString() << ingest.err.toStdString();
    EXPECT_TRUE(ingest.out.contains("quarantined 0 lines; 1 detection.")) << ingest.out.toStdString();

    // Every form an id was written in, and the plain one, must be gone from everything below.
    QStringList forms = ids;
    for (int i : {9, 10, 11}) forms << split(i, i == 9 ? " " : i == 10 ? "." : "-");
    auto expectNone = [&](const QString& what, const QString& text) {
        ASSERT_FALSE(text.isEmpty()) << what.toStdString() << " is empty: nothing was checked";
        for (const QString& id : forms) EXPECT_FALSE(text.contains(id)) << what.toStdString() << " holds " << id.toStdString();
    };
    expectNone("ingest's output", ingest.out + ingest.err);
    Outcome dump = database_.postgres() ? run("pg_dump", {"--data-only", db_}) : sql(".dump");
    ASSERT_EQ(dump.code, 0) << dump.err.toStdString();
    ASSERT_TRUE(dump.out.contains("audit_events")) << "the dump is incomplete";
    expectNone("the database", dump.out);

    // An investigator still finds them by the ids as typed: the person, the integration, the service.
    Outcome byPerson = vakt({"audit", "search", "--subject", split(1, " "), "--json"}, "sikkerhetsansvarlig");
    EXPECT_EQ(QJsonDocument::fromJson(byPerson.out.toUtf8()).array().size(), 2) << byPerson.err.toStdString();
    Outcome byIntegration = vakt({"audit", "search", "--actor", integration, "--json"}, "sikkerhetsansvarlig");
    EXPECT_EQ(QJsonDocument::fromJson(byIntegration.out.toUtf8()).array().size(), 2) << byIntegration.err.toStdString();
    Outcome byService = vakt({"audit", "search", "--actor", ids[0], "--service", "svarut-" + ids[12], "--json"}, "revisor");
    EXPECT_EQ(QJsonDocument::fromJson(byService.out.toUtf8()).array().size(), 1) << byService.err.toStdString();
    Outcome all = vakt({"audit", "search", "--actor", ids[0]}, "sikkerhetsansvarlig");
    Outcome bundle = vakt({"audit", "export", "--actor", ids[0]}, "revisor");
    Outcome detections = vakt({"audit", "incidents", "--json"}, "sikkerhetsansvarlig");
    Outcome trail = vakt({"trail", "list", "--limit", "1000", "--json"});
    for (const auto& [what, outcome] : {std::pair{"search", &all}, std::pair{"search by integration", &byIntegration},
                                        std::pair{"an evidence bundle", &bundle}, std::pair{"detections", &detections},
                                        std::pair{"the trail", &trail}}) {
        EXPECT_EQ(outcome->code, 0) << what << ": " << outcome->err.toStdString();
        expectNone(what, outcome->out + outcome->err);
    }
    EXPECT_EQ(vakt({"audit", "verify"}).code, 0);
}

TEST_F(AuditLedger, QuarantineReasonsNeverRepeatAValueFromTheEvent) {
    const QString fnr = "15058534541";
    auto line = [&](const QString& set) {
        return ("{\"time\":\"2026-11-26T10:00:00+01:00\",\"service\":\"svarut\",\"action\":\"person.lookup\","
                "\"actor\":{\"type\":\"integration\",\"id\":\"fagsystem-1\",\"org\":\"974760673\"}," + set + "}\n").toUtf8();
    };
    QByteArray lines = line("\"on_behalf_of\":\"" + fnr + "\"") + line("\"result\":\"" + fnr + "\"") +
                       line("\"x\":{\"" + fnr + "\":1,\"" + fnr + "\":2}") +
                       QStringLiteral("{\"time\":\"%1\",\"service\":\"svarut\"}\n").arg(fnr).toUtf8();
    Outcome r = vakt({"audit", "ingest", write("refused.jsonl", lines)});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains("quarantined 4 lines")) << r.out.toStdString();
    Outcome shown = vakt({"audit", "quarantine"});
    ASSERT_EQ(shown.code, 0) << shown.err.toStdString();
    EXPECT_EQ(shown.out.count("refused.jsonl"), 4) << shown.out.toStdString();
    for (const char* field : {"on_behalf_of", "result", "x.(a member)", "time"})
        EXPECT_TRUE(shown.out.contains(QStringLiteral("field '%1'").arg(QLatin1String(field)))) << field << "\n" << shown.out.toStdString();
    EXPECT_FALSE(shown.out.contains(fnr)) << shown.out.toStdString();
    EXPECT_FALSE(r.out.contains(fnr) || r.err.contains(fnr));
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM audit_quarantine WHERE reason LIKE '%%1%'").arg(fnr)), 0);
    EXPECT_EQ(count("SELECT count(*) FROM audit_quarantine"), 4);
}

// Looking at personal data is processing it: every search, export and proof is in the trail,
// under who did it and the person it was about (as a pseudonym), with how many results.
TEST_F(AuditLedger, SearchesExportsAndProofsAreRecordedInTheTrail) {
    threeBatches();
    const QString subject = firstSubject(events(100, 11));
    Outcome found = vakt({"audit", "search", "--subject", subject, "--json"}, "revisor");
    ASSERT_EQ(found.code, 0) << found.err.toStdString();
    const qint64 hits = QJsonDocument::fromJson(found.out.toUtf8()).array().size();
    ASSERT_GT(hits, 0);
    ASSERT_EQ(vakt({"audit", "export", "--subject", subject}, "sikkerhetsansvarlig").code, 0);
    ASSERT_EQ(vakt({"audit", "prove", "--event", "7"}, "revisor").code, 0);
    // The event's content is in a proof: the administrator may verify, not read events.
    Outcome notAdmin = vakt({"audit", "prove", "--event", "7"});
    EXPECT_EQ(notAdmin.code, 1);
    EXPECT_TRUE(notAdmin.err.contains("audit.investigate")) << notAdmin.err.toStdString();
    EXPECT_EQ(vakt({"audit", "prove", "--from", "100", "--to", "300"}).code, 0);

    Outcome trail = vakt({"trail", "list", "--entity", "audit_read", "--json"});
    ASSERT_EQ(trail.code, 0) << trail.err.toStdString();
    EXPECT_FALSE(trail.out.contains(subject)) << "a person id in clear in the trail";
    QStringList seen;
    for (const auto& v : QJsonDocument::fromJson(trail.out.toUtf8()).array()) {
        const QJsonObject e = v.toObject();
        const QJsonObject after = e["after"].toObject();
        seen.prepend(e["action"].toString() + " " + e["actor"].toString() + " " + QString::number(after["results"].toInteger(-1)));
        if (e["action"] != "audit.prove") {
            EXPECT_TRUE(e["key"].toString().startsWith("hmac-sha256:")) << e["key"].toString().toStdString();
        }
    }
    EXPECT_EQ(seen, (QStringList{"audit.search revisor " + QString::number(hits), "audit.export sikkerhetsansvarlig " + QString::number(hits),
                                 "audit.prove revisor -1"}));
    EXPECT_EQ(vakt({"trail", "verify"}).code, 0);
}

// Verifying needs only the public key, investigating the pseudonym key, signing the private key:
// a revisor's directory without the private key cannot forge a head, and secret files that
// others may read are refused.
TEST_F(AuditLedger, KeysAreSplitByWhatEachUseNeeds) {
    threeBatches();
    const QString revisorKeys = dir_.filePath("revisor-keys");
    ASSERT_TRUE(QDir().mkpath(revisorKeys));
    for (const char* name : {"signing-ed25519.pub.pem", "witness.json"}) ASSERT_TRUE(QFile::copy(keys_ + "/" + name, revisorKeys + "/" + name));
    auto as = [&](const QString& keys, const QStringList& args) {
        return run(VAKT_CLI, QStringList{"--db", db_, "--keys", keys, "--user", "revisor"} + args);
    };
    Outcome verified = as(revisorKeys, {"audit", "verify"});
    EXPECT_EQ(verified.code, 0) << verified.err.toStdString();
    EXPECT_FALSE(verified.out.contains("Note:")) << verified.out.toStdString();
    Outcome sign = run(VAKT_CLI, {"--db", db_, "--keys", revisorKeys, "audit", "ingest", write("more.jsonl", events(10, 40))});
    EXPECT_EQ(sign.code, 1);
    EXPECT_TRUE(sign.err.contains("no pseudonym key")) << sign.err.toStdString();
    Outcome search = as(revisorKeys, {"audit", "search", "--actor", "fagsystem-1"});
    EXPECT_EQ(search.code, 1);
    EXPECT_TRUE(search.err.contains("no pseudonym key")) << search.err.toStdString();
    // With the pseudonym key the revisor investigates, and still cannot sign a head.
    ASSERT_TRUE(QFile::copy(keys_ + "/pseudonym.key", revisorKeys + "/pseudonym.key"));
    QFile::setPermissions(revisorKeys + "/pseudonym.key", QFile::ReadOwner | QFile::WriteOwner);
    EXPECT_EQ(as(revisorKeys, {"audit", "search", "--actor", "fagsystem-1"}).code, 0);
    Outcome forged = run(VAKT_CLI, {"--db", db_, "--keys", revisorKeys, "audit", "ingest", write("made-up.jsonl", events(10, 41))});
    EXPECT_EQ(forged.code, 1);
    EXPECT_TRUE(forged.err.contains("no signing key")) << forged.err.toStdString();
    EXPECT_EQ(count("SELECT count(*) FROM audit_events"), 300);
    // Without a witness, verify still checks everything else and says what it cannot see.
    QFile::remove(revisorKeys + "/witness.json");
    Outcome noWitness = as(revisorKeys, {"audit", "verify"});
    EXPECT_EQ(noWitness.code, 0);
    EXPECT_TRUE(noWitness.out.contains("Note: the key directory holds no witness")) << noWitness.out.toStdString();
    // In the signer's directory a missing witness is an error: it may hide a truncation.
    ASSERT_TRUE(QFile::rename(keys_ + "/witness.json", dir_.filePath("witness.moved")));
    Outcome missing = vakt({"audit", "verify"});
    EXPECT_EQ(missing.code, 1);
    EXPECT_TRUE(missing.err.contains("witness.json is missing")) << missing.err.toStdString();
    ASSERT_TRUE(QFile::rename(dir_.filePath("witness.moved"), keys_ + "/witness.json"));
    // A private key that others may read is refused, naming the fix.
    QFile::setPermissions(keys_ + "/signing-ed25519.pem", QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    Outcome open = vakt({"audit", "verify"});
    EXPECT_EQ(open.code, 1);
    EXPECT_TRUE(open.err.contains("chmod 600")) << open.err.toStdString();
}

// Whoever can write the database can cut the trail's newest entries and move its head back, and
// the chain still holds together; the heads countersigned with the ledger's key catch it.
TEST_F(AuditLedger, TheTrailIsCheckedAgainstHeadsCountersignedWithTheLedgersKey) {
    threeBatches();  // each ingest ends with a signed head, which countersigns the trail's head
    Outcome intact = vakt({"trail", "verify"});
    ASSERT_EQ(intact.code, 0) << intact.err.toStdString();
    EXPECT_TRUE(intact.out.contains("countersigned")) << intact.out.toStdString();
    // A change with no new audit events moves the trail; the next signing countersigns it too.
    ASSERT_EQ(vakt({"user", "add", "nina", "--role", "leder", "--password-file", write("pw.txt", "et svært langt passord\n")}).code, 0);
    ASSERT_EQ(vakt({"audit", "sign"}).code, 0);
    const qint64 last = count("SELECT MAX(seq) FROM trail");
    ASSERT_EQ(count("SELECT MAX(seq) FROM audit_trail_heads"), last);
    // The attacker drops the guards, cuts the two newest entries and points the head at the third.
    sql(database_.postgres() ? "DROP TRIGGER trail_no_change ON trail" : "DROP TRIGGER trail_no_delete");
    sql(QStringLiteral("DELETE FROM trail WHERE seq > %1").arg(last - 2));
    sql(QStringLiteral("UPDATE trail_head SET seq = %1, hash = (SELECT hash FROM trail WHERE seq = %1)").arg(last - 2));
    ASSERT_EQ(count("SELECT MAX(seq) FROM trail"), last - 2);
    // The chain alone cannot tell (the limit the countersignature closes) ...
    Outcome chainOnly = run(VAKT_CLI, {"--db", db_, "trail", "verify"});
    EXPECT_EQ(chainOnly.code, 0) << chainOnly.err.toStdString();
    // ... the countersigned heads can, and so can the witness when their rows are removed too.
    Outcome caught = vakt({"trail", "verify"});
    EXPECT_EQ(caught.code, 1);
    EXPECT_TRUE(caught.err.contains(QStringLiteral("trail entry %1: missing").arg(last - 1)) && caught.err.contains("countersigned"))
        << caught.err.toStdString();
    sql("DELETE FROM audit_trail_heads");
    Outcome byWitness = vakt({"trail", "verify"});
    EXPECT_EQ(byWitness.code, 1);
    EXPECT_TRUE(byWitness.err.contains("countersigned")) << byWitness.err.toStdString();
}

TEST_F(AuditLedger, SearchAnswersByPersonActorServiceAndActionInTimeOrder) {
    // A week of events, one every seven minutes, in two time zones, so a search spans more hours
    // than one query reads at a time. What a search should return is worked out from this input.
    struct Written {
        qint64 ms;
        QString requestId, subject, actor, service, action;
    };
    const QStringList persons = {"02026140180", "03036240201", "04046340332", "05056440463", "06066540594"};
    const QStringList employees = {"07076640615", "08086740746"};
    const QStringList services = {"fiks-folkeregister", "digisos", "svarut"};
    std::vector<Written> written;
    QByteArray lines;
    const QDateTime start(QDate(2026, 11, 20), QTime(0, 0), QTimeZone(3600));
    for (int i = 0; i < 1500; ++i) {
        // Every fifth event is written an hour late in the file: time order is not file order.
        const int minutes = 7 * i + (i % 5 == 0 ? 60 : 0);
        const QDateTime at = start.addSecs(60 * minutes);
        Written w{at.toMSecsSinceEpoch(), QStringLiteral("r%1").arg(i), persons[(i * 7) % persons.size()],
                  i % 3 == 0 ? QStringLiteral("fagsystem-%1").arg(i % 2) : employees[i % employees.size()], services[i % services.size()],
                  i % 4 == 0 ? QStringLiteral("document.download") : QStringLiteral("person.lookup")};
        const QString time = (i % 2 ? at.toUTC() : at).toString(Qt::ISODate);
        const bool integration = w.actor.startsWith("fagsystem");
        lines += QStringLiteral("{\"time\":\"%1\",\"service\":\"%2\",\"action\":\"%3\",\"actor\":{\"type\":\"%4\",\"id\":\"%5\",\"org\":\"974760673\"},"
                                "\"subject\":{\"type\":\"person\",\"id\":\"%6\"},\"legal_basis\":\"Folkeregisterloven § 10-2\",\"request_id\":\"%7\"}\n")
                     .arg(time, w.service, w.action, integration ? "integration" : "person", w.actor, w.subject, w.requestId)
                     .toUtf8();
        written.push_back(w);
    }
    ASSERT_EQ(vakt({"audit", "ingest", write("week.jsonl", lines)}).code, 0);

    auto expected = [&](auto match) {
        std::vector<const Written*> out;
        for (const auto& w : written)
            if (match(w)) out.push_back(&w);
        std::stable_sort(out.begin(), out.end(), [](const Written* a, const Written* b) { return a->ms < b->ms; });
        QStringList ids;
        for (const auto* w : out) ids << w->requestId;
        return ids;
    };
    auto searched = [&](const QStringList& args) {
        Outcome r = vakt(QStringList{"audit", "search", "--json", "--limit", "100000"} + args, "sikkerhetsansvarlig");
        EXPECT_EQ(r.code, 0) << r.err.toStdString();
        QStringList ids;
        for (const auto& v : QJsonDocument::fromJson(r.out.toUtf8()).array()) ids << v.toObject()["event"].toObject()["request_id"].toString();
        return ids;
    };
    const QString person = persons[2], employee = employees[1];
    EXPECT_EQ(searched({"--subject", person}), expected([&](const Written& w) { return w.subject == person; }));
    EXPECT_EQ(searched({"--actor", employee}), expected([&](const Written& w) { return w.actor == employee; }));
    EXPECT_EQ(searched({"--actor", "fagsystem-1"}), expected([&](const Written& w) { return w.actor == "fagsystem-1"; }));
    EXPECT_EQ(searched({"--subject", person, "--actor", employee, "--service", "digisos"}),
              expected([&](const Written& w) { return w.subject == person && w.actor == employee && w.service == "digisos"; }));
    EXPECT_EQ(searched({"--actor", employee, "--action", "document.download"}),
              expected([&](const Written& w) { return w.actor == employee && w.action == "document.download"; }));
    // A period given with another offset than the events were written in.
    const QDateTime from = start.addDays(2).toUTC(), to = start.addDays(3).addSecs(7200);
    EXPECT_EQ(searched({"--subject", person, "--from", from.toString(Qt::ISODate), "--to", to.toString(Qt::ISODate)}),
              expected([&](const Written& w) { return w.subject == person && w.ms >= from.toMSecsSinceEpoch() && w.ms <= to.toMSecsSinceEpoch(); }));
    // A date is the whole day in Norwegian time, from its first to its last millisecond.
    const QTimeZone oslo("Europe/Oslo");
    const qint64 dayStart = QDate(2026, 11, 22).startOfDay(oslo).toMSecsSinceEpoch();
    const qint64 dayEnd = QDate(2026, 11, 24).startOfDay(oslo).toMSecsSinceEpoch();
    const QStringList days = searched({"--subject", person, "--from", "2026-11-22", "--to", "2026-11-23"});
    EXPECT_FALSE(days.isEmpty());
    EXPECT_EQ(days, expected([&](const Written& w) { return w.subject == person && w.ms >= dayStart && w.ms < dayEnd; }));
    // As text, a header names the columns of the rows under it.
    Outcome table = vakt({"audit", "search", "--subject", person, "--from", "2026-11-22", "--to", "2026-11-23"}, "sikkerhetsansvarlig");
    const QStringList rows = table.out.split('\n', Qt::SkipEmptyParts);
    ASSERT_EQ(rows.size(), days.size() + 1);
    EXPECT_EQ(rows.front().split(QRegularExpression("\\s{2,}"), Qt::SkipEmptyParts),
              (QStringList{"SEQ", "TIME (UTC)", "SERVICE", "ACTION", "RESULT", "ORGANISATION"}));
    EXPECT_EQ(rows[1].indexOf("974760673"), rows.front().indexOf("ORGANISATION"));
    Outcome badDate = vakt({"audit", "search", "--subject", person, "--from", "2026-13-01"}, "sikkerhetsansvarlig");
    EXPECT_EQ(badDate.code, 2);
    EXPECT_TRUE(badDate.err.contains("a date such as 2026-11-26")) << badDate.err.toStdString();
    // --limit gives the earliest events.
    const QStringList all = expected([&](const Written& w) { return w.actor == employee; });
    Outcome firstTen = vakt({"audit", "search", "--json", "--actor", employee, "--limit", "10"}, "revisor");
    QStringList ten;
    for (const auto& v : QJsonDocument::fromJson(firstTen.out.toUtf8()).array()) ten << v.toObject()["event"].toObject()["request_id"].toString();
    EXPECT_EQ(ten, all.mid(0, 10));
    EXPECT_TRUE(searched({"--subject", "01010112345"}).isEmpty());
    Outcome nobody = vakt({"audit", "search", "--service", "svarut"}, "sikkerhetsansvarlig");
    EXPECT_EQ(nobody.code, 2);
    EXPECT_TRUE(nobody.err.contains("--subject")) << nobody.err.toStdString();
}

TEST_F(AuditLedger, ProofsAndEvidenceAreCheckedOnTheirOwn) {
    threeBatches();
    const QString inclusion = write("inclusion.json", vakt({"audit", "prove", "--event", "150"}, "revisor").out.toUtf8());
    EXPECT_EQ(run(VAKT_CLI, {"audit", "check-proof", inclusion, "--public-key", keys_ + "/signing-ed25519.pub.pem"}).code, 0);
    const QString consistency = write("consistency.json", vakt({"audit", "prove", "--from", "100", "--to", "300"}).out.toUtf8());
    EXPECT_EQ(checkProof(readAll(consistency)).code, 0);
    Outcome noHead = vakt({"audit", "prove", "--from", "150", "--to", "300"});
    EXPECT_EQ(noHead.code, 1);
    EXPECT_TRUE(noHead.err.contains("100, 200, 300")) << noHead.err.toStdString();

    QFile proofFile(inclusion);
    ASSERT_TRUE(proofFile.open(QIODevice::ReadOnly));
    QJsonObject altered = QJsonDocument::fromJson(proofFile.readAll()).object();
    altered["event"] = altered["event"].toString().replace("\"req-", "\"rex-");
    Outcome bad = checkProof(QJsonDocument(altered).toJson());
    EXPECT_EQ(bad.code, 1);
    EXPECT_TRUE(bad.err.contains("leaf_hash")) << bad.err.toStdString();

    const QString subject = firstSubject(events(100, 11));
    Outcome bundle = vakt({"audit", "export", "--subject", subject}, "revisor");
    ASSERT_EQ(bundle.code, 0) << bundle.err.toStdString();
    const QJsonObject evidence = QJsonDocument::fromJson(bundle.out.toUtf8()).object();
    EXPECT_GE(evidence["events"].toArray().size(), 1);
    // It says what it proves and what not, for a reader in either language.
    const QJsonObject statement = evidence["statement"].toObject();
    EXPECT_TRUE(statement["proves"].toObject()["nb"].toString().contains("signert")) << bundle.out.toStdString();
    EXPECT_TRUE(statement["does_not_prove"].toObject()["en"].toArray().first().toString().contains("all the events matching"));
    const Outcome checked = checkProof(bundle.out.toUtf8());
    EXPECT_EQ(checked.code, 0);
    EXPECT_TRUE(checked.out.contains("It does not prove:\n  - that these are all the events matching the query")) << checked.out.toStdString();
    // An inclusion proof is not evidence of a query: no such statement.
    EXPECT_FALSE(run(VAKT_CLI, {"audit", "check-proof", inclusion, "--public-key", keys_ + "/signing-ed25519.pub.pem"}).out.contains("It proves"));
}

// A recipient (the police, Datatilsynet, a court) checks evidence against the key the operator
// published, never against the key inside the evidence: anyone can make a bundle with their own.
TEST_F(AuditLedger, EvidenceForgedWithAnotherKeyIsRefused) {
    threeBatches();
    const QString subject = firstSubject(events(100, 11));
    Outcome genuine = vakt({"audit", "export", "--subject", subject}, "revisor");
    ASSERT_EQ(genuine.code, 0) << genuine.err.toStdString();
    Outcome published = run(VAKT_CLI, {"--keys", keys_, "keys", "fingerprint"});
    ASSERT_EQ(published.code, 0) << published.err.toStdString();
    const QString fingerprint = published.out.section('\n', 0, 0);
    EXPECT_TRUE(fingerprint.startsWith("SHA256:") && fingerprint.size() == 7 + 64) << fingerprint.toStdString();
    EXPECT_TRUE(published.out.contains("signing-ed25519.pub.pem"));
    // The recipient's own check of the key file against the fingerprint (docs/audit-ledger.md).
    Outcome byHand = run("bash", {"-c", "openssl pkey -pubin -in \"$1\" -outform DER | tail -c 32 | sha256sum", "-",
                                  keys_ + "/signing-ed25519.pub.pem"});
    EXPECT_EQ("SHA256:" + byHand.out.section(' ', 0, 0), fingerprint);

    // The attacker's own ledger and keys, with events they made up about the same person.
    vakt::test::TestDatabase forgedDb{vakt::test::TestDatabase::Content::Demo};
    const QString forgedKeys = dir_.filePath("attacker-keys");
    ASSERT_EQ(run(VAKT_CLI, {"--keys", forgedKeys, "keys", "init"}).code, 0);
    const QStringList attacker = {"--db", forgedDb.url(), "--keys", forgedKeys};
    ASSERT_EQ(run(VAKT_CLI, attacker + QStringList{"audit", "ingest", write("made-up.jsonl", events(100, 11))}).code, 0);
    Outcome forged = run(VAKT_CLI, attacker + QStringList{"--user", "revisor", "audit", "export", "--subject", subject});
    ASSERT_EQ(forged.code, 0) << forged.err.toStdString();
    const QString attackerFingerprint = run(VAKT_CLI, {"--keys", forgedKeys, "keys", "fingerprint"}).out.section('\n', 0, 0);

    // Without a trusted key nothing is vouched for, even a bundle that is consistent in itself.
    Outcome unvouched = run(VAKT_CLI, {"audit", "check-proof", "-"}, forged.out.toUtf8());
    EXPECT_EQ(unvouched.code, 1);
    EXPECT_TRUE(unvouched.out.contains("cannot vouch") && unvouched.out.contains(attackerFingerprint)) << unvouched.out.toStdString();
    // Against the published key the forgery fails, and the message names both keys.
    Outcome refused = checkProof(forged.out.toUtf8());
    EXPECT_EQ(refused.code, 1);
    EXPECT_TRUE(refused.err.contains("does not verify with the trusted key " + fingerprint)) << refused.err.toStdString();
    EXPECT_TRUE(refused.err.contains("the proof carries another key, " + attackerFingerprint)) << refused.err.toStdString();
    // The genuine bundle holds, and the verdict names the key it was checked against.
    Outcome holds = checkProof(genuine.out.toUtf8());
    EXPECT_EQ(holds.code, 0) << holds.err.toStdString();
    EXPECT_TRUE(holds.out.contains("The proof holds.") && holds.out.contains(fingerprint)) << holds.out.toStdString();
}

TEST_F(AuditLedger, DetectionRulesOpenIncidentsWithTheirEvidence) {
    QByteArray lines = events(600, 21);
    for (int i = 0; i < 3; ++i)  // a client refused three times in a minute
        lines += QStringLiteral("{\"time\":\"2026-11-26T10:00:0%1+01:00\",\"service\":\"fiks-io\",\"action\":\"message.send\","
                                "\"actor\":{\"type\":\"integration\",\"id\":\"ukjent-klient\",\"org\":\"974760673\"},\"result\":\"denied\"}\n")
                     .arg(i)
                     .toUtf8();
    const QString file = write("detect.jsonl", lines);
    const QString rules = write("detections.yml", "detections:\n"
                                                   "  - name: OppslagUtenHjemmel\n    type: lookup_without_legal_basis\n    severity: warning\n"
                                                   "  - name: AvvistStorm\n    type: denied_burst\n    window: 1h\n    threshold: 2\n");
    Outcome r = vakt({"audit", "ingest", file, "--rules", rules});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains("detections")) << r.out.toStdString();
    // What the rule should find, counted from the input itself.
    int withoutBasis = 0;
    for (const QByteArray& line : lines.split('\n'))
        if (line.contains("\"action\":\"person.lookup\"") && line.contains("\"subject\":{\"type\":\"person\"") && !line.contains("legal_basis"))
            ++withoutBasis;
    ASSERT_GT(withoutBasis, 0);
    auto evidenceFor = [&](const char* rule) {
        Outcome list = vakt({"audit", "incidents", "--json"}, "sikkerhetsansvarlig");
        EXPECT_EQ(list.code, 0) << list.err.toStdString();
        qint64 total = 0;
        for (const auto& v : QJsonDocument::fromJson(list.out.toUtf8()).array())
            if (v.toObject()["rule"].toString() == QLatin1String(rule)) total += v.toObject()["evidence_events"].toInteger();
        return total;
    };
    EXPECT_EQ(evidenceFor("OppslagUtenHjemmel"), withoutBasis);
    EXPECT_GE(evidenceFor("AvvistStorm"), 2);  // from the second refusal on
    // Reading the file again adds nothing: no new events, so no new evidence.
    ASSERT_EQ(vakt({"audit", "ingest", file, "--rules", rules}).code, 0);
    EXPECT_EQ(evidenceFor("OppslagUtenHjemmel"), withoutBasis);
    // The incidents name the actor only by pseudonym.
    EXPECT_FALSE(vakt({"audit", "incidents"}, "sikkerhetsansvarlig").out.contains(QRegularExpression("\\b\\d{11}\\b")));

    // An investigator opens a finding and sees the events behind it; reading them is recorded.
    {
        auto store = vakt::Store::open(db_, vakt::Store::OpenMode::MustExist);
        ASSERT_TRUE(store) << store.message();
        auto keys = vakt::audit::LedgerKeys::load(keys_);
        ASSERT_TRUE(keys) << keys.message();
        vakt::audit::Ledger ledger(**store, std::move(*keys));
        const vakt::Session officer{"kari", vakt::Role::Sikkerhetsansvarlig}, desk{"brukerstotte", vakt::Role::Brukerstotte};
        auto open = ledger.openDetections(officer);
        ASSERT_TRUE(open) << open.message();
        const auto finding = std::find_if(open->begin(), open->end(), [](const auto& d) { return d.rule == "OppslagUtenHjemmel"; });
        ASSERT_NE(finding, open->end());
        EXPECT_FALSE(finding->actorOrg.isEmpty());
        auto events = ledger.findingEvidence(officer, finding->id);
        ASSERT_TRUE(events) << events.message();
        EXPECT_EQ(static_cast<qint64>(events->size()), finding->evidence);  // this actor's share of the rule's findings
        for (const auto& e : *events) {
            EXPECT_EQ(e.action, "person.lookup");
            EXPECT_EQ(e.canonical.find("legal_basis"), std::string::npos);
        }
        EXPECT_EQ(events->front().actorOrg, finding->actorOrg);
        EXPECT_EQ(ledger.findingEvidence(desk, finding->id).kind(), vakt::ErrorKind::Denied);
        EXPECT_EQ(ledger.findingEvidence(officer, 987654).kind(), vakt::ErrorKind::NotFound);
        auto read = (*store)->trail(officer, "audit_read", QStringLiteral("incident:%1").arg(finding->id), 5);
        ASSERT_TRUE(read);
        ASSERT_EQ(read->size(), 1u);
        EXPECT_EQ(read->front().action, "audit.finding_evidence");
        EXPECT_EQ(read->front().actor, "kari");
    }

    const QString bad = write("bad.yml", "detections:\n  - name: X\n    type: denied_burst\n    window: 1h\n");
    Outcome refused = vakt({"audit", "ingest", file, "--rules", bad});
    EXPECT_EQ(refused.code, 1);
    EXPECT_TRUE(refused.err.contains("bad.yml:2: field 'X.threshold'")) << refused.err.toStdString();
}

TEST_F(AuditLedger, DetectionKnowsWhatTheLedgerSawBeforeThisRun) {
    // Each run is a new process: when an actor was last active and where an integration calls
    // from come from the ledger.
    auto event = [](const char* time, const char* actor, const char* ip) {
        return vakt::test::auditEvent().at(time).action("forsendelse.send").actor(actor).sourceIp(ip).line();
    };
    ASSERT_EQ(vakt({"audit", "ingest", write("before.jsonl", event("2026-08-01T10:00:00+02:00", "gammel-klient", "10.9.9.9") +
                                                                 event("2026-11-20T10:00:00+01:00", "aktiv-klient", "10.20.1.5") +
                                                                 event("2026-11-20T10:00:00+01:00", "stabil-klient", "10.30.0.5"))})
                  .code,
              0);
    const QString rules = write("rules.yml", "detections:\n"
                                             "  - name: Sovende\n    type: dormant_account\n    window: 2160h\n"
                                             "  - name: NyKilde\n    type: new_source\n");
    Outcome r = vakt({"audit", "ingest",
                      write("now.jsonl", event("2026-11-26T10:00:00+01:00", "gammel-klient", "10.9.9.10") +
                                             event("2026-11-26T10:00:01+01:00", "stabil-klient", "10.30.0.77") +
                                             event("2026-11-26T10:00:02+01:00", "aktiv-klient", "192.168.1.1")),
                      "--rules", rules});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    Outcome list = vakt({"audit", "incidents", "--json"}, "sikkerhetsansvarlig");
    QStringList found;
    for (const auto& v : QJsonDocument::fromJson(list.out.toUtf8()).array()) {
        const QJsonObject i = v.toObject();
        const QString summary = i["summary"].toString();
        const QString actor = summary.contains("gammel-klient") ? "gammel-klient" : summary.contains("aktiv-klient") ? "aktiv-klient" : summary;
        found << i["rule"].toString() + " " + actor + " " + QString::number(i["evidence_events"].toInteger());
    }
    found.sort();
    // gammel-klient is back after 117 days; aktiv-klient's first event of this run comes from a
    // network it never used before (not taken as its baseline); stabil-klient stays in its /24.
    EXPECT_EQ(found, QStringList({"NyKilde aktiv-klient 1", "Sovende gammel-klient 1"})) << list.out.toStdString();
}

// The privilege review asks when each holder last used the platform: audit_actor_activity,
// kept at ingest, answers per actor, organisation and service without reading the events.
TEST_F(AuditLedger, ActorActivityGivesEachActorsNewestUseAcrossIngestRuns) {
    const QString employee = QStringLiteral("07076640615");
    auto event = [](const char* time, const char* service) { return vakt::test::auditEvent().at(time).service(service); };
    auto ms = [](const char* time) { return QDateTime::fromString(QString::fromLatin1(time), Qt::ISODate).toMSecsSinceEpoch(); };
    // Two runs, so the second adds to what the first stored (the upsert), in older and newer times.
    const QByteArray first = event("2026-11-20T10:00:00+01:00", "svarut").actor(employee, "person").line() +
                             event("2026-11-22T09:00:00+01:00", "svarut").actor(employee, "person").line() +
                             event("2026-11-21T08:00:00+01:00", "digisos").actor(employee, "person").line() +
                             event("2026-11-23T12:00:00+01:00", "svarut").actor("fagsystem-7").line() +
                             // Refused: not a use, so neither counted nor the newest.
                             event("2026-11-25T12:00:00+01:00", "svarut").actor("fagsystem-7").result("denied").line() +
                             event("2026-11-25T12:00:00+01:00", "svarut").actor("avvist-klient").result("denied").line();
    const QByteArray second = event("2026-11-21T10:00:00+01:00", "svarut").actor(employee, "person").line() +
                              event("2026-11-24T08:00:00+01:00", "digisos").actor(employee, "person").line() +
                              event("2026-11-24T12:00:00Z", "svarut").actor("fagsystem-7").line() +
                              event("2026-11-24T13:00:00+01:00", "digisos").actor("fagsystem-7", "integration", "921693230").line() +
                              event("2026-11-26T13:00:00+01:00", "digisos").actor("fagsystem-7", "integration", "921693230").result("error").line() +
                              event("2026-11-26T13:00:00+01:00", "digisos").actor("fagsystem-9").line();
    Outcome r = vakt({"audit", "ingest", write("first.jsonl", first)});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    r = vakt({"audit", "ingest", write("second.jsonl", second)});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    ASSERT_TRUE(r.out.contains("Accepted 6 events")) << r.out.toStdString();

    auto store = vakt::Store::open(db_, vakt::Store::OpenMode::MustExist);
    ASSERT_TRUE(store) << store.message();
    auto keys = vakt::audit::LedgerKeys::load(keys_);
    ASSERT_TRUE(keys) << keys.message();
    const std::string person = vakt::audit::pseudonym(keys->hmacKey(), employee.toStdString());
    // Asked by index keys, one twice, among more than one query's worth of actors without events.
    std::vector<std::string> asked = {person, "fagsystem-7", "avvist-klient", "fagsystem-7"};
    for (int i = 0; i < 1200; ++i) asked.push_back("ingen-" + std::to_string(i));
    auto activity = vakt::audit::Ledger::actorActivity(**store, asked);
    ASSERT_TRUE(activity) << activity.message();
    struct Expected {
        std::string actor, org, service;
        qint64 lastMs, events;
    };
    // Sorted by actor, organisation and service ("fagsystem-…" before "hmac-sha256:…").
    const std::vector<Expected> expected = {{"fagsystem-7", "921693230", "digisos", ms("2026-11-24T13:00:00+01:00"), 1},
                                            {"fagsystem-7", "974760673", "svarut", ms("2026-11-24T12:00:00Z"), 2},
                                            {person, "974760673", "digisos", ms("2026-11-24T08:00:00+01:00"), 2},
                                            {person, "974760673", "svarut", ms("2026-11-22T09:00:00+01:00"), 3}};
    ASSERT_EQ(activity->size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        SCOPED_TRACE(expected[i].actor + " " + expected[i].org + " " + expected[i].service);
        const vakt::audit::ActorActivity& a = (*activity)[i];
        EXPECT_EQ(a.actorKey, expected[i].actor);
        EXPECT_EQ(a.actorOrg, expected[i].org);
        EXPECT_EQ(a.service, expected[i].service);
        EXPECT_EQ(a.lastMs, expected[i].lastMs);
        EXPECT_EQ(a.events, expected[i].events);
    }
    EXPECT_TRUE(vakt::audit::Ledger::actorActivity(**store, {})->empty());
    // What ingest keeps is what the migration computes from the events.
    const QString kept = QStringLiteral("SELECT actor_key, actor_org, service, last_ms, events FROM audit_actor_activity"
                                        " ORDER BY actor_key, actor_org, service");
    const QString computed = QStringLiteral("SELECT actor_key, actor_org, service, MAX(time_ms), COUNT(*) FROM audit_events WHERE result = 'ok'"
                                            " GROUP BY actor_key, actor_org, service ORDER BY actor_key, actor_org, service");
    EXPECT_EQ(sql(kept).out, sql(computed).out);
    EXPECT_EQ(count("SELECT count(*) FROM audit_actor_activity"), 5);  // fagsystem-9 too
}

// A ledger of the version before audit_actor_activity gets it filled from the events it holds.
TEST_F(AuditLedger, MigratingALedgerWithEventsFillsTheActorsActivity) {
    vakt::test::TestDatabase older;
    {
        auto url = vakt::parseDatabaseUrl(older.url());
        ASSERT_TRUE(url) << url.message();
        auto db = vakt::Database::open(*url);
        ASSERT_TRUE(db) << db.message();
        const vakt::FixedClock clock(QDateTime(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC));
        ASSERT_TRUE(vakt::migrate(**db, clock, {{"audit", 5}}));
        const QString personKey = "hmac-sha256:" + QString(64, 'b');
        struct Old {
            qint64 timeMs;
            QString service, actor, result;
        };
        const std::vector<Old> old = {{1000, "svarut", "fagsystem-1", "ok"},    {3000, "svarut", "fagsystem-1", "ok"},
                                      {5000, "svarut", "fagsystem-1", "denied"}, {2000, "digisos", "fagsystem-1", "ok"},
                                      {4000, "svarut", personKey, "ok"},        {6000, "svarut", "avvist-klient", "denied"}};
        for (std::size_t i = 0; i < old.size(); ++i) {
            const auto seq = static_cast<qint64>(i);
            ASSERT_TRUE((*db)->exec("INSERT INTO audit_events (seq, time_ms, service, action, actor_key, actor_org, subject_key, result, canonical,"
                                    " leaf_hash, source, source_line) VALUES (?, ?, ?, 'login', ?, '974760673', '', ?, '{}', ?, 'old.jsonl', ?)",
                                    {seq, old[i].timeMs, old[i].service, old[i].actor, old[i].result, QByteArray(32, '\0'), seq + 1}));
        }
    }
    auto store = vakt::Store::open(older.url(), vakt::Store::OpenMode::Migrate);
    ASSERT_TRUE(store) << store.message();
    const std::string personKey = "hmac-sha256:" + std::string(64, 'b');
    auto activity = vakt::audit::Ledger::actorActivity(**store, {"fagsystem-1", personKey, "avvist-klient"});
    ASSERT_TRUE(activity) << activity.message();
    ASSERT_EQ(activity->size(), 3u);
    auto is = [](const vakt::audit::ActorActivity& a, const std::string& actor, const char* service, qint64 lastMs, qint64 events) {
        return a.actorKey == actor && a.actorOrg == "974760673" && a.service == service && a.lastMs == lastMs && a.events == events;
    };
    EXPECT_TRUE(is((*activity)[0], "fagsystem-1", "digisos", 2000, 1));
    EXPECT_TRUE(is((*activity)[1], "fagsystem-1", "svarut", 3000, 2));
    EXPECT_TRUE(is((*activity)[2], personKey, "svarut", 4000, 1));
}

TEST_F(AuditLedger, AChangedEventIsNamed) {
    threeBatches();
    sql("UPDATE audit_events SET canonical = replace(canonical, '\"result\":\"ok\"', '\"result\":\"denied\"') WHERE seq = 42");
    expectVerifyFails("event 42 was changed");
}

// Search and export read the columns and index beside each event, not its hashed content: each
// change there that would hide an event is found, naming it, and undone verifies again.
TEST_F(AuditLedger, WhatSearchReadsIsRecomputedFromTheHashedEvent) {
    threeBatches();
    struct Change {
        QString tamper, undo;
        QString says;
    };
    // The newest events are checked by verify's other thread (beside the tree): one of those too.
    const int newest = count("SELECT max(seq) FROM audit_events");
    const QList<Change> changes = {
        {QStringLiteral("UPDATE audit_events SET result = result || 'x' WHERE seq = %1").arg(newest),
         QStringLiteral("UPDATE audit_events SET result = substr(result, 1, length(result) - 1) WHERE seq = %1").arg(newest),
         QStringLiteral("event %1: its column result does not match its content").arg(newest)},
        {"UPDATE audit_events SET subject_key = subject_key || 'x' WHERE seq = 42",
         "UPDATE audit_events SET subject_key = substr(subject_key, 1, length(subject_key) - 1) WHERE seq = 42",
         "event 42: its column subject_key does not match its content"},
        {"UPDATE audit_events SET actor_key = actor_key || 'x' WHERE seq = 43",
         "UPDATE audit_events SET actor_key = substr(actor_key, 1, length(actor_key) - 1) WHERE seq = 43", "event 43: its column actor_key"},
        {"UPDATE audit_events SET service = service || 'x' WHERE seq = 44",
         "UPDATE audit_events SET service = substr(service, 1, length(service) - 1) WHERE seq = 44", "event 44: its column service"},
        {"UPDATE audit_events SET action = action || 'x' WHERE seq = 45",
         "UPDATE audit_events SET action = substr(action, 1, length(action) - 1) WHERE seq = 45", "event 45: its column action"},
        {"UPDATE audit_events SET time_ms = time_ms + 7200000 WHERE seq = 46", "UPDATE audit_events SET time_ms = time_ms - 7200000 WHERE seq = 46",
         "event 46: its column time_ms"},
        {"UPDATE audit_index SET time_ms = time_ms + 1 WHERE seq = 150", "UPDATE audit_index SET time_ms = time_ms - 1 WHERE seq = 150",
         "event 150: its search index entry for its actor is missing or changed"},
        {"UPDATE audit_index SET seq = 100000 WHERE seq = 151", "UPDATE audit_index SET seq = 151 WHERE seq = 100000",
         "event 151: its search index entry for its actor is missing or changed"},
        {"INSERT INTO audit_index SELECT bucket, 12345, time_ms, seq FROM audit_index WHERE seq = 152 LIMIT 1",
         "DELETE FROM audit_index WHERE seq = 152 AND term = 12345", "the search index holds an entry for event 152"},
        {"UPDATE audit_events SET actor_org = '000000000' WHERE seq = 47 AND actor_org <> '000000000'", "", "event 47: its column actor_org"},
    };
    for (const Change& c : changes) {
        ASSERT_EQ(sql(c.tamper).code, 0) << c.tamper.toStdString();
        expectVerifyFails(c.says);
        if (c.undo.isEmpty()) return;  // the last one is left
        ASSERT_EQ(sql(c.undo).code, 0) << c.undo.toStdString();
        ASSERT_EQ(vakt({"audit", "verify"}).code, 0) << "not undone: " << c.tamper.toStdString();
    }
}

TEST_F(AuditLedger, AnEventRemovedFromTheSearchIndexOrItsHourIsNamed) {
    threeBatches();
    // The events an actor's search finds, before and after the attack: the attack works.
    const QStringList first = sql("SELECT seq, actor_key FROM audit_events WHERE seq >= 60 AND actor_key NOT LIKE 'hmac-sha256:%' ORDER BY seq LIMIT 1")
                                  .out.trimmed()
                                  .split('|');
    ASSERT_EQ(first.size(), 2) << "no integration among the events";
    const QString seq = first[0], actor = first[1];
    auto found = [&] { return vakt({"audit", "search", "--actor", actor, "--json"}, "sikkerhetsansvarlig").out.count("\"seq\""); };
    const qint64 before = found();
    ASSERT_GT(before, 0);
    sql("DELETE FROM audit_index WHERE seq = " + seq);
    EXPECT_EQ(found(), before - 1);
    expectVerifyFails(QStringLiteral("event %1: its search index entry for its actor is missing or changed, so search and export would not find it")
                          .arg(seq)
                          .toUtf8()
                          .constData());
    sql("DELETE FROM audit_buckets");
    expectVerifyFails("the search index's list of hours lacks the hour from");
}

// "Committed" must survive a power cut: the last write to SQLite's WAL before the ingest
// reports is synced to disk before the report (with synchronous=NORMAL it is synced only at a
// later checkpoint). Watched with strace, as the system calls happen.
TEST_F(AuditLedger, ACommittedIngestIsOnDiskBeforeItIsReported) {
    if (database_.postgres()) {
        // PostgreSQL commits are as durable as the server is set up to make them (the test
        // cluster trades that for speed): Vakt's own connections never weaken it.
        auto store = vakt::Store::open(db_, vakt::Store::OpenMode::MustExist);
        ASSERT_TRUE(store) << store.message();
        auto mine = (*store)->db().query("SHOW synchronous_commit");
        ASSERT_TRUE(mine) << mine.message();
        EXPECT_EQ(mine->front().value(0).toString(), sql("SHOW synchronous_commit").out.trimmed());
        return;
    }
    const QString file = write("durable.jsonl", events(300, 21));
    const QString log = dir_.filePath("strace.log");
    QProcess traced;
    // LeakSanitizer cannot run under ptrace: in the sanitizer build, leaks are left to the other tests.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("ASAN_OPTIONS", env.value("ASAN_OPTIONS") + (env.contains("ASAN_OPTIONS") ? ":" : "") + "detect_leaks=0");
    traced.setProcessEnvironment(env);
    traced.start("strace", {"-f", "-y", "-e", "trace=fsync,fdatasync,pwrite64,write", "-o", log, VAKT_CLI, "--db", db_, "--keys", keys_, "audit",
                            "ingest", file});
    ASSERT_TRUE(traced.waitForFinished(120000));
    const QString out = QString::fromUtf8(traced.readAllStandardOutput());
    ASSERT_EQ(traced.exitCode(), 0) << traced.readAllStandardError().toStdString();
    ASSERT_TRUE(out.contains("Accepted 300 events")) << out.toStdString();
    const QList<QByteArray> calls = readAll(log).split('\n');
    qsizetype report = -1, lastWalWrite = -1, syncAfter = -1;
    for (qsizetype i = 0; i < calls.size() && report < 0; ++i) {
        const QByteArray& c = calls[i];
        if (c.contains(" write(1<")) report = i;
        else if (c.contains("pwrite64(") && c.contains("-wal>")) lastWalWrite = i, syncAfter = -1;
        else if (c.contains("sync(") && c.contains("-wal>") && lastWalWrite >= 0) syncAfter = i;
    }
    ASSERT_GE(report, 0) << "the report was not seen";
    ASSERT_GE(lastWalWrite, 0) << "no write to the WAL was seen";
    EXPECT_GT(syncAfter, lastWalWrite) << "the WAL was not synced between its last write and the report";
}

// Raising a source's stored position makes the lines before it be skipped without a word: the
// positions are signed with each head, and verify checks them against the newest signature.
TEST_F(AuditLedger, ASourcePositionMovedOutsideVaktIsFound) {
    threeBatches();
    const QString source = sql("SELECT source FROM audit_sources ORDER BY source LIMIT 1").out.trimmed();
    ASSERT_FALSE(source.isEmpty());
    const QString where = " WHERE source = '" + source + "'";
    ASSERT_EQ(sql("UPDATE audit_sources SET byte_offset = byte_offset + 5000, line = line + 20" + where).code, 0);
    expectVerifyFails("is ahead of what the ledger holds");
    ASSERT_EQ(sql("UPDATE audit_sources SET byte_offset = byte_offset - 5000, line = line - 20" + where).code, 0);
    ASSERT_EQ(vakt({"audit", "verify"}).code, 0);
    ASSERT_EQ(sql("UPDATE audit_sources SET byte_offset = byte_offset - 100, line = line - 1" + where).code, 0);
    expectVerifyFails("moved back from its signed byte");
    ASSERT_EQ(sql("UPDATE audit_sources SET byte_offset = byte_offset + 100, line = line + 1" + where).code, 0);
    // The signed positions themselves: removed, changed (the witness outside the database remembers them).
    ASSERT_EQ(sql("DELETE FROM audit_position_heads WHERE id = (SELECT max(id) FROM audit_position_heads)").code, 0);
    expectVerifyFails("are not in the ledger: signed positions were removed");
    ASSERT_EQ(sql("UPDATE audit_position_heads SET positions = replace(positions, '\"quarantined\":0', '\"quarantined\":1')").code, 0);
    expectVerifyFails("do not verify with the ledger's key");
    ASSERT_EQ(sql("DELETE FROM audit_position_heads").code, 0);
    expectVerifyFails("the signed source positions are gone");
}

// Positions move as sources are read after the newest head: that is not tampering, only not yet covered.
TEST_F(AuditLedger, PositionsMovedByReadingSinceTheNewestHeadAreANote) {
    threeBatches();
    auto store = vakt::Store::open(db_, vakt::Store::OpenMode::MustExist);
    ASSERT_TRUE(store) << store.message();
    auto keys = vakt::audit::LedgerKeys::load(keys_);
    ASSERT_TRUE(keys) << keys.message();
    vakt::audit::Ledger ledger(**store, *keys);
    const vakt::Session collector{"collector", vakt::Role::Admin};
    QByteArray more = events(10, 31);
    QBuffer input(&more);
    input.open(QIODevice::ReadOnly);
    auto stats = ledger.ingest(collector, vakt::audit::SourceSpec{"later-source", "later-source", true}, input);
    ASSERT_TRUE(stats) << stats.message();
    auto report = ledger.verify(collector);
    ASSERT_TRUE(report) << report.message();
    EXPECT_TRUE(report->intact()) << report->problem;
    EXPECT_NE(report->note.find("1 source position moved since the newest signed head"), std::string::npos) << report->note;
    ASSERT_TRUE(ledger.signHead(collector));
    report = ledger.verify(collector);
    EXPECT_TRUE(report->intact()) << report->problem;
    EXPECT_EQ(report->note.find("source position"), std::string::npos) << report->note;
}

// Bulk writes (COPY on PostgreSQL) keep every byte: tabs, newlines, backslashes and non-ASCII
// text in the columns and the canonical bytes come back exactly, so verify's recomputation holds.
TEST_F(AuditLedger, TabsNewlinesAndBackslashesAreStoredExactly) {
    const QByteArray line = R"({"time":"2026-11-26T10:00:00+01:00","service":"svarut","action":"send\ttab\\back\nline \"q\" æøå \u0001",)"
                            R"("actor":{"type":"integration","id":"klient\\1\t2","org":"974760673"},"subject":{"type":"document","id":"doc\n1"}})";
    Outcome r = vakt({"audit", "ingest", write("odd.jsonl", line + "\n")});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    ASSERT_TRUE(r.out.contains("Accepted 1 event")) << r.out.toStdString();
    Outcome verified = vakt({"audit", "verify"});
    EXPECT_EQ(verified.code, 0) << verified.err.toStdString();
    const QString action = sql("SELECT action FROM audit_events").out;
    EXPECT_TRUE(action.startsWith(QString::fromUtf8("send\ttab\\back\nline \"q\" æøå \x01"))) << action.toStdString();
    Outcome found = vakt({"audit", "search", "--actor", "klient\\1\t2", "--json"}, "sikkerhetsansvarlig");
    EXPECT_TRUE(found.out.contains("\"seq\": 0")) << found.out.toStdString() << found.err.toStdString();
}

TEST_F(AuditLedger, ADeletedEventIsNamed) {
    threeBatches();
    sql("DELETE FROM audit_events WHERE seq = 77");
    expectVerifyFails("event 77 is missing");
}

TEST_F(AuditLedger, ReorderedEventsWithConsistentHashesBreakTheHead) {
    threeBatches();
    // Swapping whole rows keeps every leaf hash matching its content: only the tree notices.
    sql("UPDATE audit_events SET seq = -1 WHERE seq = 120; UPDATE audit_events SET seq = 120 WHERE seq = 121;"
        " UPDATE audit_events SET seq = 121 WHERE seq = -1;");
    expectVerifyFails("tree head at size 200 does not match the events: one of events 100..199");
}

TEST_F(AuditLedger, AnInsertedEventBreaksTheHead) {
    threeBatches();
    sql("UPDATE audit_events SET seq = seq + 1000 WHERE seq >= 250; UPDATE audit_events SET seq = seq - 999 WHERE seq >= 1000;"
        " INSERT INTO audit_events SELECT 250, time_ms, service, action, actor_key, actor_org, subject_key, result, canonical, leaf_hash,"
        " source, source_line FROM audit_events WHERE seq = 10;");
    expectVerifyFails("tree head at size 300 does not match");
}

TEST_F(AuditLedger, TruncationIsCaughtByTheWitnessEvenWithTheHeadsRemoved) {
    threeBatches();
    // The attacker removes the newest events, their heads, and rewrites the frontier to match.
    sql("DELETE FROM audit_events WHERE seq >= 200; DELETE FROM audit_heads WHERE tree_size > 200;");
    expectVerifyFails("signed at size 300");
}

TEST_F(AuditLedger, ProofsComeFromStoredSubtreeRootsWhichVerifyChecks) {
    threeBatches();  // 300 events: events 0..255 make a stored subtree
    const QByteArray proof = vakt({"audit", "prove", "--event", "10"}, "revisor").out.toUtf8();
    EXPECT_EQ(checkProof(proof).code, 0);
    // A ledger without the stored roots (as one written before they were kept) gives the same
    // proof from its leaves, and its next ingest stores them again.
    sql("DELETE FROM audit_nodes");
    EXPECT_EQ(vakt({"audit", "prove", "--event", "10"}, "revisor").out.toUtf8(), proof);
    EXPECT_EQ(count("SELECT count(*) FROM audit_nodes"), 0);
    ASSERT_EQ(vakt({"audit", "ingest", write("more.jsonl", events(300, 31))}).code, 0);
    EXPECT_EQ(count("SELECT count(*) FROM audit_nodes WHERE height = 8"), 600 / 256);
    EXPECT_EQ(count("SELECT count(*) FROM audit_nodes WHERE height = 9"), 1);
    EXPECT_EQ(vakt({"audit", "verify"}).code, 0);
    // A changed stored root makes proofs fail to check, and verify names it.
    sql(database_.postgres() ? "UPDATE audit_nodes SET hash = decode(repeat('00', 32), 'hex') WHERE height = 8 AND idx = 1"
                             : "UPDATE audit_nodes SET hash = zeroblob(32) WHERE height = 8 AND idx = 1");
    EXPECT_EQ(checkProof(vakt({"audit", "prove", "--event", "10"}, "revisor").out.toUtf8()).code, 1);
    expectVerifyFails("the stored root of events 256..511 does not match them");
}

TEST_F(AuditLedger, AHeadForgedWithoutTheSigningKeyIsRefused) {
    threeBatches();
    sql("UPDATE audit_heads SET root = '" + QString(64, 'a') + "' WHERE tree_size = 200");
    expectVerifyFails("tree head at size 200: the signature does not verify");
}
