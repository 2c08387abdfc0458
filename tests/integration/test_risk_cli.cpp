// `vakt risk` as a security officer and a vendor's pipeline run it: on model files alone, with
// no database, on the shipped demo models and rules and on files written here.
#include <gtest/gtest.h>

#include <QDate>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QUrl>

#include "tests/support/run_program.h"

using vakt::test::Outcome;
using vakt::test::run;

namespace {

const QString kDemo = QStringLiteral(VAKT_SOURCE_DIR "/data/demo/risk");

// A small model whose one integration the tests weaken; the rule below makes the level certain.
const char* kModel = R"(vakt_threat_model: 1
id: pipeline
title: Pipeline test
assets:
  - id: vedtak
    confidentiality: special
    integrity: high
    availability: medium
boundaries:
  - id: leverandor
    kind: organisation
    organisation: leverandor
  - id: plattform
    kind: organisation
    organisation: plattform
elements:
  - id: fagsystem
    kind: external
    boundary: leverandor
  - id: mottak
    kind: process
    boundary: plattform
    properties: {audit_logging: true, technology: api}
flows:
  - id: innsending
    title: Innsending
    from: fagsystem
    to: mottak
    data: [vedtak]
    properties:
      protocol: https
      authentication: maskinporten
)";

const char* kRule = R"(vakt_risk_rule: 1
id: TEST-I-900
title: {nb: Klartekst over organisasjonsgrense, en: Plain text across organisations}
description: {nb: For testen., en: For the test.}
stride: information_disclosure
applies_to: [flow]
when:
  all:
    - {fact: crosses_organisation, is: true}
    - {fact: encrypted, is: false}
likelihood: 5
consequence: 5
cwe: [319]
nsm: ["2.7"]
iso27002: ["8.24"]
)";

class RiskCli : public ::testing::Test {
protected:
    QString write(const QString& name, const QByteArray& content) {
        const QString path = dir_.filePath(name);
        QDir().mkpath(QFileInfo(path).path());
        QFile f(path);
        EXPECT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(content);
        return path;
    }
    static Outcome vakt(const QStringList& args) { return run(VAKT_CLI, args); }
    static QJsonObject json(const Outcome& o) {
        QJsonParseError e;
        const auto doc = QJsonDocument::fromJson(o.out.toUtf8(), &e);
        EXPECT_EQ(e.error, QJsonParseError::NoError) << o.out.toStdString();
        return doc.object();
    }
    // The line a "- id: ID" entry starts on, counted in the file itself.
    static int lineOfId(const QString& path, const QString& id) {
        QFile f(path);
        EXPECT_TRUE(f.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
        for (int i = 0; i < lines.size(); ++i)
            if (lines[i].trimmed() == QStringLiteral("- id: ") + id) return i + 1;
        return -1;
    }
    QTemporaryDir dir_;
};

}  // namespace

TEST_F(RiskCli, AnalysesADemoModelWithoutADatabase) {
    const QString model = kDemo + "/svarut.yaml";
    const Outcome o = vakt({"risk", "analyse", "--model", model, "--json"});
    ASSERT_EQ(o.code, 0) << o.err.toStdString();
    const QJsonObject r = json(o);
    EXPECT_EQ(r["model"].toObject()["service"].toString(), "svarut");
    EXPECT_GE(r["rules"].toInt(), 50);
    const QJsonArray threats = r["threats"].toArray();
    ASSERT_FALSE(threats.isEmpty());
    const QStringList stride{"spoofing", "tampering", "repudiation", "information_disclosure", "denial_of_service",
                             "elevation_of_privilege"};
    bool sharedSecretFlow = false;
    for (const auto& v : threats) {
        const QJsonObject t = v.toObject();
        EXPECT_TRUE(stride.contains(t["stride"].toString())) << t["stride"].toString().toStdString();
        const QJsonObject e = t["element"].toObject();
        // Ids and lines as in the file; the id is rule/element.
        EXPECT_EQ(t["id"].toString(), t["rule"].toString() + "/" + e["id"].toString());
        EXPECT_EQ(e["line"].toInt(), lineOfId(model, e["id"].toString())) << e["id"].toString().toStdString();
        EXPECT_FALSE(t["title"].toObject()["nb"].toString().isEmpty());
        EXPECT_FALSE(t["measures"].toArray().isEmpty()) << t["id"].toString().toStdString();
        if (e["id"].toString() == "fakturasystem-til-sftp" && t["stride"].toString() == "spoofing") {
            sharedSecretFlow = true;
            EXPECT_EQ(e["kind"].toString(), "flow");
            EXPECT_FALSE(e["from"].toObject()["title"].toString().isEmpty());
        }
    }
    // The legacy SFTP intake is authenticated by one shared password: the officer must see it.
    EXPECT_TRUE(sharedSecretFlow);

    const Outcome text = vakt({"risk", "analyse", "--model", model});
    ASSERT_EQ(text.code, 0);
    EXPECT_TRUE(text.out.contains(QRegularExpression("^SvarUt: \\d+ elements, \\d+ flows, \\d+ threats from \\d+ rules\n")))
        << text.out.toStdString();
    EXPECT_TRUE(text.out.contains("LEVEL"));
    EXPECT_EQ(text.out.count(QRegularExpression("\n(low|medium|high|critical) ")), threats.size());
}

TEST_F(RiskCli, EveryDemoModelIsValidAndRaisesThreats) {
    for (const QString service : {"svarut", "fiks-io", "fiks-folkeregister", "dokumentlager", "digisos"}) {
        const Outcome o = vakt({"risk", "analyse", "--model", kDemo + "/" + service + ".yaml", "--json"});
        ASSERT_EQ(o.code, 0) << service.toStdString() << ": " << o.err.toStdString();
        const QJsonObject r = json(o);
        EXPECT_EQ(r["model"].toObject()["service"].toString(), service);
        EXPECT_GE(r["elements"].toInt(), 8) << service.toStdString();
        EXPECT_FALSE(r["threats"].toArray().isEmpty()) << service.toStdString();
    }
}

TEST_F(RiskCli, BadModelNamesFileLineAndFieldAndExitsOne) {
    const QString path = write("bad.yaml", QByteArray(kModel).replace("    to: mottak\n", "    to: motak\n"));
    const Outcome o = vakt({"risk", "analyse", "--model", path});
    EXPECT_EQ(o.code, 1);
    EXPECT_EQ(o.err.trimmed(), "vakt: " + path + ":28: field 'flows.innsending.to': unknown element 'motak'");
    EXPECT_TRUE(o.out.isEmpty());
    EXPECT_EQ(vakt({"risk", "analyse"}).code, 2);
    EXPECT_EQ(vakt({"risk", "analyse", "--model", path, "--format", "visio"}).code, 2);
    const Outcome missing = vakt({"risk", "analyse", "--model", dir_.filePath("nope.yaml")});
    EXPECT_EQ(missing.code, 1);
    EXPECT_TRUE(missing.err.contains("nope.yaml: cannot read")) << missing.err.toStdString();
}

TEST_F(RiskCli, DiffFailsThePipelineOnANewHighThreatOnly) {
    const QString rules = dir_.filePath("rules");
    write("rules/TEST-I-900.yaml", kRule);
    const QString before = write("before.yaml", kModel);
    const QString after = write("after.yaml", QByteArray(kModel).replace("      protocol: https\n", "      protocol: http\n"));

    const Outcome same = vakt({"risk", "diff", before, before, "--rules", rules});
    EXPECT_EQ(same.code, 0) << same.out.toStdString() << same.err.toStdString();
    EXPECT_TRUE(same.out.contains("Threats: 0 new, 0 no longer raised, 0 changed"));

    const Outcome worse = vakt({"risk", "diff", before, after, "--rules", rules});
    EXPECT_EQ(worse.code, 1) << worse.out.toStdString() << worse.err.toStdString();
    EXPECT_TRUE(worse.out.contains("properties.protocol: https -> http")) << worse.out.toStdString();
    EXPECT_TRUE(worse.out.contains(QRegularExpression("\\+ critical +TEST-I-900/innsending"))) << worse.out.toStdString();

    // Fixing it again is not a failure: the threat is gone, nothing new appears.
    const Outcome better = vakt({"risk", "diff", after, before, "--rules", rules, "--json"});
    EXPECT_EQ(better.code, 0);
    const QJsonObject d = json(better);
    const QJsonArray removed = d["threats"].toObject()["removed"].toArray();
    EXPECT_TRUE(std::any_of(removed.begin(), removed.end(),
                            [](const QJsonValue& v) { return v.toObject()["id"].toString() == "TEST-I-900/innsending"; }));
    EXPECT_EQ(d["failing"].toInt(), 0);
    EXPECT_EQ(vakt({"risk", "diff", before, after, "--rules", rules, "--fail-on", "extreme"}).code, 2);
    EXPECT_EQ(vakt({"risk", "diff", before, after, "--json", "--sarif"}).code, 2);
}

TEST_F(RiskCli, SarifPointsAtTheNewThreatInTheNewFile) {
    const QString rules = dir_.filePath("rules");
    write("rules/TEST-I-900.yaml", kRule);
    const QString before = write("before.yaml", kModel);
    const QString after = write("after.yaml", QByteArray(kModel).replace("      protocol: https\n", "      protocol: http\n"));
    const Outcome o = vakt({"risk", "diff", before, after, "--rules", rules, "--sarif"});
    EXPECT_EQ(o.code, 1);
    const QJsonObject log = json(o);
    EXPECT_EQ(log["version"].toString(), "2.1.0");
    const QJsonObject run0 = log["runs"].toArray().first().toObject();
    const QJsonArray driverRules = run0["tool"].toObject()["driver"].toObject()["rules"].toArray();
    const QJsonArray results = run0["results"].toArray();
    const auto found = std::find_if(results.begin(), results.end(), [](const QJsonValue& v) {
        return v.toObject()["ruleId"].toString() == "TEST-I-900";
    });
    ASSERT_NE(found, results.end());
    const QJsonObject r = found->toObject();
    EXPECT_EQ(r["baselineState"].toString(), "new");
    EXPECT_EQ(r["level"].toString(), "error");
    EXPECT_EQ(driverRules[r["ruleIndex"].toInt()].toObject()["id"].toString(), "TEST-I-900");
    const QJsonObject location = r["locations"].toArray().first().toObject()["physicalLocation"].toObject();
    EXPECT_EQ(QUrl(location["artifactLocation"].toObject()["uri"].toString()).toLocalFile(), QFileInfo(after).absoluteFilePath());
    EXPECT_EQ(location["region"].toObject()["startLine"].toInt(), lineOfId(after, "innsending"));
    // Only the changed flow has new results; everything else was there before.
    for (const auto& v : results) {
        const QJsonObject result = v.toObject();
        const QString element = result["locations"].toArray().first().toObject()["logicalLocations"].toArray().first().toObject()["name"].toString();
        EXPECT_EQ(result["baselineState"].toString(), element == "innsending" ? "new" : "unchanged") << result["ruleId"].toString().toStdString();
    }
}

TEST_F(RiskCli, UserRulesAreAddedWithoutRebuildingAndCheckedWithTheirFixtures) {
    const QString rules = dir_.filePath("rules");
    write("rules/TEST-I-900.yaml", kRule);
    write("rules/fixtures/TEST-I-900.fires.yaml", QByteArray(kModel).replace("innsending", "target").replace("      protocol: https\n", "      protocol: http\n"));
    write("rules/fixtures/TEST-I-900.quiet.yaml", kModel);
    const Outcome ok = vakt({"risk", "rules", "check", "--rules", rules});
    EXPECT_EQ(ok.code, 0) << ok.err.toStdString();
    EXPECT_TRUE(ok.out.contains("1 rule checked")) << ok.out.toStdString();
    const Outcome list = vakt({"risk", "rules", "list", "--rules", rules, "--json"});
    ASSERT_EQ(list.code, 0);
    const QJsonArray all = QJsonDocument::fromJson(list.out.toUtf8()).array();
    EXPECT_GE(all.size(), 51);
    EXPECT_TRUE(std::any_of(all.begin(), all.end(), [](const QJsonValue& v) { return v.toObject()["id"].toString() == "TEST-I-900"; }));

    // A quiet fixture that fires is a failure that names the rule and the element.
    write("rules/fixtures/TEST-I-900.quiet.yaml", QByteArray(kModel).replace("      protocol: https\n", "      protocol: ftp\n"));
    const Outcome bad = vakt({"risk", "rules", "check", "--rules", rules});
    EXPECT_EQ(bad.code, 1);
    EXPECT_TRUE(bad.err.contains("TEST-I-900: ") && bad.err.contains("expected no threat, got one on 'innsending'")) << bad.err.toStdString();

    // A rule that tries to run code is refused when loaded, with its place.
    write("rules/TEST-X-666.yaml", QByteArray(kRule).replace("TEST-I-900", "TEST-X-666").replace(
                                       "    - {fact: encrypted, is: false}\n", "    - {python: \"__import__('os').system('id')\"}\n"));
    const Outcome evil = vakt({"risk", "analyse", "--model", kDemo + "/svarut.yaml", "--rules", rules});
    EXPECT_EQ(evil.code, 1);
    EXPECT_TRUE(evil.err.contains("TEST-X-666.yaml:10: field 'when.all.python': unknown condition")) << evil.err.toStdString();
    // A rule reusing a shipped id is refused too: threat ids must stay unambiguous.
    QFile::remove(rules + "/TEST-X-666.yaml");
}

TEST_F(RiskCli, ShippedRulesPassTheirOwnFixtures) {
    const Outcome o = vakt({"risk", "rules", "check"});
    EXPECT_EQ(o.code, 0) << o.err.toStdString();
    EXPECT_TRUE(o.out.contains(QRegularExpression("^\\d+ rules checked in .*, 0 fixtures failed"))) << o.out.toStdString();
}

TEST_F(RiskCli, ImportsEachForeignFormatAndListsWhatWasNotMapped) {
    const QString dir = QStringLiteral(VAKT_SOURCE_DIR "/tests/fixtures/risk/import/");
    struct Case {
        const char* file;
        const char* format;
        int elements;
    };
    // Element counts as the tools' own example files have them (the import test counts them too).
    for (const Case c : {Case{"threagile/threagile-example-model.yaml", "threagile", 14}, Case{"threatdragon/v2-threat-model.json", "threatdragon", 7},
                         Case{"otm/EXAMPLE.json", "otm", 4}}) {
        const Outcome o = vakt({"risk", "analyse", "--model", dir + c.file, "--json"});
        ASSERT_EQ(o.code, 0) << c.file << ": " << o.err.toStdString();
        const QJsonObject r = json(o);
        EXPECT_EQ(r["model"].toObject()["format"].toString(), c.format);
        EXPECT_EQ(r["elements"].toInt(), c.elements) << c.file;
        EXPECT_FALSE(r["unmapped"].toArray().isEmpty()) << c.file;
        // Each note names the file and line it is about.
        for (const auto& u : r["unmapped"].toArray())
            EXPECT_TRUE(u.toString().startsWith(dir + c.file + ":")) << u.toString().toStdString();
        // Named explicitly, the format gives the same result.
        EXPECT_EQ(json(vakt({"risk", "analyse", "--model", dir + c.file, "--json", "--format", c.format}))["threats"], r["threats"]);
    }
    const QString notAModel = write("notes.json", R"({"hello": "world"})");
    const Outcome o = vakt({"risk", "analyse", "--model", notAModel});
    EXPECT_EQ(o.code, 1);
    EXPECT_TRUE(o.err.contains("not a model Vakt recognises")) << o.err.toStdString();
}

TEST_F(RiskCli, AttackPathsAndTheFewestThingsToHarden) {
    const Outcome o = vakt({"risk", "paths", "--model", kDemo + "/digisos.yaml", "--json"});
    ASSERT_EQ(o.code, 0) << o.err.toStdString();
    const QJsonObject r = json(o);
    const QJsonArray paths = r["paths"].toArray();
    ASSERT_FALSE(paths.isEmpty());
    double previous = 1.0;
    for (const auto& v : paths) {
        const QJsonObject p = v.toObject();
        const QJsonArray elements = p["elements"].toArray();
        // Each path starts at an entry point and ends at a sensitive store, most likely first.
        EXPECT_TRUE(r["entries"].toArray().contains(elements.first()));
        EXPECT_TRUE(r["targets"].toArray().contains(elements.last()));
        EXPECT_EQ(p["flows"].toArray().size(), elements.size() - 1);
        EXPECT_LE(p["likelihood"].toDouble(), previous);
        previous = p["likelihood"].toDouble();
    }
    // Every path uses at least one flow the cut names.
    const QJsonArray cut = r["flows_to_harden"].toArray();
    ASSERT_FALSE(cut.isEmpty());
    for (const auto& v : paths) {
        const QJsonArray flows = v.toObject()["flows"].toArray();
        EXPECT_TRUE(std::any_of(flows.begin(), flows.end(), [&](const QJsonValue& f) { return cut.contains(f); }));
    }
}

TEST_F(RiskCli, DataFlowDiagramAsSvgWithBoundariesAndHostileTitlesEscaped) {
    // A title that tries to close the DOT string and add a statement of its own.
    const QString model = write("dfd.yaml", QByteArray(kModel).replace("    title: Innsending\n",
                                                                        "    title: 'x\"]; evil [label=\"pwned'\n"));
    const QString svg = dir_.filePath("dfd.svg");
    const Outcome o = vakt({"risk", "dfd", "--model", model, "--out", svg});
    ASSERT_EQ(o.code, 0) << o.err.toStdString();
    QFile f(svg);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    EXPECT_TRUE(text.contains("<svg")) << text.left(200).toStdString();
    // One cluster per boundary, one node per element: the title stayed a label.
    EXPECT_EQ(text.count("class=\"cluster\""), 2);
    EXPECT_EQ(text.count("class=\"node\""), 2);
    EXPECT_FALSE(text.contains("<title>evil</title>"));
    EXPECT_TRUE(text.contains("evil [label=")) << "the hostile title is shown as text";
    EXPECT_EQ(vakt({"risk", "dfd", "--model", model}).code, 2);
}

// The register through the command line, on a demo database as its users sign in.
TEST_F(RiskCli, TheRegisterFromTheCommandLine) {
    const QString db = dir_.filePath("demo.db");
    ASSERT_EQ(vakt({"--db", db, "init", "--demo"}).code, 0);
    auto as = [&](const QString& user, QStringList args) {
        args.prepend("risk");
        return vakt(QStringList{"--db", db, "--user", user} + args);
    };
    const Outcome analysed = as("sikkerhetsansvarlig", {"analyse", "--all", "--json"});
    ASSERT_EQ(analysed.code, 0) << analysed.err.toStdString();
    const QJsonArray services = QJsonDocument::fromJson(analysed.out.toUtf8()).array();
    EXPECT_EQ(services.size(), 5);
    for (const auto& v : services) EXPECT_EQ(v.toObject()["created"].toInt(), 0) << "the demo is analysed already";

    const Outcome reg = as("revisor", {"register", "--service", "svarut", "--json"});
    ASSERT_EQ(reg.code, 0) << reg.err.toStdString();
    const QJsonArray risks = QJsonDocument::fromJson(reg.out.toUtf8()).array();
    ASSERT_FALSE(risks.isEmpty());
    QString high;
    for (const auto& v : risks) {
        EXPECT_EQ(v.toObject()["service"].toString(), "svarut");
        if (v.toObject()["level"].toString() == "high" && v.toObject()["status"].toString() == "open") high = v.toObject()["ref"].toString();
    }
    ASSERT_FALSE(high.isEmpty());
    // SvarUt's risks are the product owner's; the leader may not accept them, and is told whose they are.
    const Outcome refused = as("leder", {"accept", high, "--justification", "bæres", "--expires", QDate::currentDate().addMonths(3).toString(Qt::ISODate)});
    EXPECT_EQ(refused.code, 1);
    EXPECT_TRUE(refused.err.contains("only its owner produktansvarlig may accept it")) << refused.err.toStdString();
    const Outcome accepted = as("produktansvarlig", {"accept", high, "--justification", "Tiltak bestilt",
                                                      "--expires", QDate::currentDate().addMonths(3).toString(Qt::ISODate)});
    EXPECT_EQ(accepted.code, 0) << accepted.err.toStdString();
    const QJsonObject shown = json(as("revisor", {"show", high, "--json"}));
    EXPECT_EQ(shown["status"].toString(), "accepted");
    EXPECT_EQ(shown["acceptances"].toArray().size(), 1);
    EXPECT_FALSE(shown["history"].toArray().isEmpty());
    // The service desk has no access to the register at all.
    const Outcome desk = as("brukerstotte", {"register"});
    EXPECT_EQ(desk.code, 1);
    EXPECT_TRUE(desk.err.contains("risk.read")) << desk.err.toStdString();

    const QJsonObject impact = json(as("endringsrad", {"impact", "--node", "dokumentlager", "--event", "outage", "--dry-run", "--json"}));
    EXPECT_EQ(impact["tasks_created"].toInt(), 0);
    EXPECT_GT(impact["affected"].toArray().size(), 100);
    EXPECT_EQ(as("endringsrad", {"impact", "--node", "dokumentlager", "--event", "outage"}).code, 1);  // tasks need risk.write
    EXPECT_EQ(as("sikkerhetsansvarlig", {"impact", "--node", "dokumentlager", "--event", "storm"}).code, 2);

    const QString svg = dir_.filePath("svarut.svg");
    const Outcome drawn = as("revisor", {"dfd", "--service", "svarut", "--out", svg});
    EXPECT_EQ(drawn.code, 0) << drawn.err.toStdString();
    EXPECT_TRUE(QFileInfo(svg).size() > 1000);
    const QJsonObject paths = json(as("revisor", {"paths", "--service", "digisos", "--json"}));
    EXPECT_FALSE(paths["paths"].toArray().isEmpty());
    const QJsonObject chain = json(as("revisor", {"chain", "--json"}));
    EXPECT_GT(chain["nodes"].toInt(), 600);
    EXPECT_FALSE(chain["single_points_of_failure"].toArray().isEmpty());
}

// Debian's Python, which has python3-openpyxl (scripts/install-deps.sh), whatever else is first on PATH.
const QString kPython = QStringLiteral("/usr/bin/python3");

// The register as spreadsheets that other tools read and write: openpyxl (Debian's
// python3-openpyxl) opens Vakt's export and the municipal template, and a register written by
// openpyxl with Norwegian headers comes into Vakt.
TEST_F(RiskCli, SpreadsheetsGoBothWaysWithAnotherTool) {
    const QString db = dir_.filePath("demo.db");
    ASSERT_EQ(vakt({"--db", db, "init", "--demo"}).code, 0);
    auto as = [&](const QString& user, QStringList args) {
        args.prepend("risk");
        return vakt(QStringList{"--db", db, "--user", user} + args);
    };
    const QString xlsx = dir_.filePath("register.xlsx");
    const Outcome exported = as("revisor", {"export", "--out", xlsx});
    ASSERT_EQ(exported.code, 0) << exported.err.toStdString();
    const Outcome read = run(kPython, {"-c",
                                         "import openpyxl,sys\n"
                                         "wb = openpyxl.load_workbook(sys.argv[1])\n"
                                         "print(wb.sheetnames)\n"
                                         "ws = wb['Risikoer']\n"
                                         "print(ws.max_row - 1, ws['A1'].value, ws['J1'].value, type(ws['J2'].value).__name__)\n"
                                         "print(wb['Tiltak']['C2'].value)\n",
                                         xlsx});
    ASSERT_EQ(read.code, 0) << read.err.toStdString();
    EXPECT_TRUE(read.out.contains("['Risikoer', 'Tiltak']")) << read.out.toStdString();
    const int registered = static_cast<int>(QJsonDocument::fromJson(as("revisor", {"register", "--closed", "--json"}).out.toUtf8()).array().size());
    EXPECT_TRUE(read.out.contains(QStringLiteral("%1 ref likelihood int").arg(registered)))
        << read.out.toStdString();  // every risk, and scores are numbers a spreadsheet can sum
    EXPECT_TRUE(read.out.contains("Maskinporten-token")) << read.out.toStdString();

    // The department's old register, saved by openpyxl: Norwegian headers, one sheet of its own name.
    const QString old = dir_.filePath("gammel-ros.xlsx");
    const Outcome written = run(kPython, {"-c",
                                            "import openpyxl,sys\n"
                                            "wb = openpyxl.Workbook(); ws = wb.active; ws.title = 'ROS 2024'\n"
                                            "ws.append(['Referanse', 'Tittel', 'Sannsynlighet', 'Konsekvens', 'Risikoeier'])\n"
                                            "ws.append(['svarut:ROS-2024-01', 'Brev til død person sendes digitalt', 3, 3, 'produktansvarlig'])\n"
                                            "ws.append(['fiks-io:ROS-2024-02', 'Kø full ved årsskiftet', 2, 4, 'leder'])\n"
                                            "wb.save(sys.argv[1])\n",
                                            old});
    ASSERT_EQ(written.code, 0) << written.err.toStdString();
    const Outcome dry = as("sikkerhetsansvarlig", {"import", old, "--dry-run", "--json"});
    ASSERT_EQ(dry.code, 0) << dry.err.toStdString();
    EXPECT_EQ(json(dry)["created"].toInt(), 2);
    EXPECT_EQ(as("revisor", {"show", "svarut:ROS-2024-01"}).code, 1);  // not kept
    const Outcome imported = as("sikkerhetsansvarlig", {"import", old});
    ASSERT_EQ(imported.code, 0) << imported.err.toStdString();
    const QJsonObject shown = json(as("revisor", {"show", "fiks-io:ROS-2024-02", "--json"}));
    EXPECT_EQ(shown["title"].toString(), QString::fromUtf8("Kø full ved årsskiftet"));
    EXPECT_EQ(shown["owner"].toString(), "leder");
    EXPECT_EQ(shown["level"].toString(), "medium");  // unlikely x serious in the default matrix
    // Only the register's writers import, and a broken file says where.
    EXPECT_EQ(as("leder", {"import", old}).code, 1);
    QFile broken(dir_.filePath("broken.csv"));
    ASSERT_TRUE(broken.open(QIODevice::WriteOnly));
    broken.write("ref,likelihood\nsvarut:ROS-2024-01,elleve\n");
    broken.close();
    const Outcome bad = as("sikkerhetsansvarlig", {"import", broken.fileName()});
    EXPECT_EQ(bad.code, 1);
    EXPECT_TRUE(bad.err.contains("broken.csv:2: column 'likelihood'")) << bad.err.toStdString();

    // The municipal ROS template opens in the other tool with its four sheets and the stories.
    const QString ros = dir_.filePath("ros-digisos.xlsx");
    const Outcome made = as("revisor", {"template", "--service", "digisos", "--out", ros});
    ASSERT_EQ(made.code, 0) << made.err.toStdString();
    const Outcome opened = run(kPython, {"-c",
                                           "import openpyxl,sys\n"
                                           "wb = openpyxl.load_workbook(sys.argv[1])\n"
                                           "print(wb.sheetnames)\n"
                                           "ws = wb['Brukerhistorier']\n"
                                           "print([c.value for c in ws[1]][-5])\n"
                                           "print(any('skadevare' in str(c.value) for r in ws.iter_rows() for c in r))\n",
                                           ros});
    ASSERT_EQ(opened.code, 0) << opened.err.toStdString();
    EXPECT_TRUE(opened.out.contains("['Om tjenesten', 'Brukerhistorier', 'Risikoer', 'Matrise']")) << opened.out.toStdString();
    EXPECT_TRUE(opened.out.contains("Kommunens sannsynlighet (1–5)")) << opened.out.toStdString();
    EXPECT_TRUE(opened.out.contains("True")) << opened.out.toStdString();
}

// Evidence, suggestions, estimates and the loss curve from the command line.
TEST_F(RiskCli, EvidenceAndLossesFromTheCommandLine) {
    const QString db = dir_.filePath("demo.db");
    ASSERT_EQ(vakt({"--db", db, "init", "--demo"}).code, 0);
    auto as = [&](const QString& user, QStringList args) {
        args.prepend("risk");
        return vakt(QStringList{"--db", db, "--user", user} + args);
    };
    const Outcome pending = as("leder", {"suggestions", "--json"});
    ASSERT_EQ(pending.code, 0) << pending.err.toStdString();
    const QJsonArray list = QJsonDocument::fromJson(pending.out.toUtf8()).array();
    ASSERT_EQ(list.size(), 1);
    const QString id = QString::number(list[0].toObject()["id"].toInt());
    const QString ref = list[0].toObject()["risk"].toString();
    EXPECT_EQ(as("sikkerhetsansvarlig", {"suggestion", "accept", id}).code, 1);  // not the owner
    EXPECT_EQ(as("leder", {"suggestion", "reject", id}).code, 2);  // a reason is required
    const Outcome accepted = as("leder", {"suggestion", "accept", id, "--note", "Fire stopp"});
    ASSERT_EQ(accepted.code, 0) << accepted.err.toStdString();
    EXPECT_EQ(json(as("revisor", {"show", ref, "--json"}))["likelihood"].toInt(), 4);
    const Outcome evidence = as("revisor", {"evidence", "list", ref, "--json"});
    EXPECT_EQ(QJsonDocument::fromJson(evidence.out.toUtf8()).array().size(), 4);

    const QJsonObject losses = json(as("leder", {"losses", "--json", "--trials", "5000"}));
    EXPECT_GT(losses["estimates"].toInt(), 5);
    EXPECT_GT(losses["p99"].toDouble(), losses["p50"].toDouble());
    EXPECT_EQ(json(as("leder", {"losses", "--json", "--trials", "5000"}))["p90"].toDouble(), losses["p90"].toDouble());  // reproducible
    EXPECT_EQ(as("sikkerhetsansvarlig", {"estimate", "set", ref, "--per-year", "2", "--low", "500 000", "--high", "100"}).code, 1);
    EXPECT_EQ(as("sikkerhetsansvarlig", {"estimate", "set", ref, "--per-year", "2", "--low", "100 000", "--high", "1 500 000"}).code, 0);
}
