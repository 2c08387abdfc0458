// NSM maturity on both engines, as the security officer and the assessors meet it: NSM's measure
// sheet imported as a catalogue version (the same file again changes nothing, another file under
// the same version is refused, a broken one is refused whole with FILE:LINE), versions compared,
// assessments validated field by field with their history kept, who may do what, the Statement
// of Applicability's decisions, and every write in the trail. The fixture's texts are test data.
#include <gtest/gtest.h>

#include <QFile>
#include <algorithm>

#include "core/civil_time.h"
#include "core/clock.h"
#include "core/store.h"
#include "reports/gap_actions.h"
#include "nsm/nsm_service.h"
#include "riskmodel/register.h"
#include "tests/support/test_db.h"

using namespace vakt;
using vakt::test::TestDatabase;
using nsm::Assessment;
using nsm::AssessmentScope;
using nsm::ControlStatus;
using nsm::NsmService;
using nsm::SoaDecision;

namespace {

const Session kOfficer{QStringLiteral("sikkerhetsansvarlig"), Role::Sikkerhetsansvarlig};
const Session kLeader{QStringLiteral("leder"), Role::Leder};
const Session kOwner{QStringLiteral("produktansvarlig"), Role::Produktansvarlig};
const Session kAuditor{QStringLiteral("revisor"), Role::Revisor};
const Session kDesk{QStringLiteral("brukerstotte"), Role::Brukerstotte};
const Session kBoard{QStringLiteral("endringsrad"), Role::Endringsrad};
const Session kAdmin{QStringLiteral("admin"), Role::Admin};

const AssessmentScope kTestDepartment{AssessmentScope::Kind::Department, "Testavdelingen"};

QByteArray fixture() {
    QFile f(QStringLiteral(VAKT_SOURCE_DIR "/tests/fixtures/nsm/tiltak-testdata.csv"));
    EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << f.fileName().toStdString();
    return f.readAll();
}

// The fixture as a later version: 2.6.1 retitled and mapped to one control less, 2.10.1 in
// another priority group, 4.4.1 gone and 2.6.8 new.
QByteArray revised() {
    QByteArray b = fixture();
    const auto replace = [&b](const char* from, const char* to) {
        EXPECT_TRUE(b.contains(from)) << from;
        b.replace(from, to);
    };
    replace("Testtiltak 2.6.1 (testdata);1;9.2.1;\"5.15, 5.16, 8.2\"", "Testtiltak 2.6.1 endret (testdata);1;9.2.1;\"5.15, 5.16\"");
    replace("Testtiltak 2.10.1 (testdata);3;", "Testtiltak 2.10.1 (testdata);2;");
    replace("4;4.4;4.4.1;Testtiltak 4.4.1 (testdata);;;5.27;\n", "");
    b.append("2;2.6;2.6.8;Testtiltak 2.6.8 (testdata);1;;5.17;\n");
    return b;
}

// A valid assessment of a principle in the test department.
Assessment assessment(const std::string& subject, const std::string& level, const std::string& target = "4") {
    Assessment a;
    a.subject = subject;
    a.scope = kTestDepartment;
    a.scale = "vakt-0-5";
    a.level = level;
    a.target = target;
    a.rationale = "Vurdert i testen (testdata)";
    a.date = "2026-11-20";
    return a;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

class NsmTest : public ::testing::Test {
protected:
    void SetUp() override {
        // Tuesday 1 December 2026, 09:00.
        clock_ = std::make_shared<FixedClock>(QDateTime(QDate(2026, 12, 1), QTime(9, 0), platformZone()).toUTC());
        auto s = Store::open(db_.url(), Store::OpenMode::MustExist, clock_);
        ASSERT_TRUE(s.ok()) << s.message();
        store_ = std::move(*s);
    }
    qint64 rows(const QString& sql, const QVariantList& binds = {}) {
        auto r = store_->db().query(sql, binds);
        EXPECT_TRUE(r.ok()) << r.message();
        return r.ok() && !r->empty() ? r->front().value(0).toLongLong() : -1;
    }
    qint64 trailed(const QString& action) { return rows(QStringLiteral("SELECT COUNT(*) FROM trail WHERE action = ?"), {action}); }
    qint64 testDepartmentRows() {
        return rows(QStringLiteral("SELECT COUNT(*) FROM nsm_assessments WHERE scope_key = ?"), {QString::fromStdString(kTestDepartment.key)});
    }
    NsmService service() { return NsmService(*store_); }

    TestDatabase db_{TestDatabase::Content::Demo};
    std::shared_ptr<FixedClock> clock_;
    std::unique_ptr<Store> store_;
};

}  // namespace

TEST_F(NsmTest, TheSheetIsImportedAsAVersionAndTheSameFileAgainChangesNothing) {
    auto first = service().importCatalogue(kOfficer, QStringLiteral("2.0"), QStringLiteral("tiltak-testdata.csv"), fixture());
    ASSERT_TRUE(first.ok()) << first.message();
    EXPECT_FALSE(first->unchanged);
    EXPECT_FALSE(first->hasPrevious);
    EXPECT_EQ(first->catalogue.measures, 8);
    EXPECT_EQ(first->catalogue.sha256.size(), 64);
    EXPECT_EQ(first->diff.added.size(), 8u);  // the first version: every measure is new
    EXPECT_EQ(first->headerLine, 3);

    auto cat = service().catalogue(kAuditor);
    ASSERT_TRUE(cat.ok()) << cat.message();
    EXPECT_EQ(cat->version, "2.0");
    EXPECT_EQ(cat->principles.size(), 21u);
    ASSERT_EQ(cat->measures.size(), 8u);
    const nsm::Measure* m = cat->findMeasure("2.6.1");
    ASSERT_NE(m, nullptr);
    EXPECT_EQ(m->iso27002, (std::vector<std::string>{"5.15", "5.16", "8.2"}));
    EXPECT_EQ(m->priorityRank, 1);
    EXPECT_EQ(cat->measures[5].number, "2.10.1");  // in number order, not as text
    EXPECT_EQ(trailed(QStringLiteral("nsm.catalogue_import")), 1);

    auto again = service().importCatalogue(kOfficer, QStringLiteral("2.0"), QStringLiteral("kopi.csv"), fixture());
    ASSERT_TRUE(again.ok()) << again.message();
    EXPECT_TRUE(again->unchanged);
    EXPECT_EQ(again->catalogue.fileName, QStringLiteral("tiltak-testdata.csv"));
    EXPECT_EQ(trailed(QStringLiteral("nsm.catalogue_import")), 1);
    EXPECT_EQ(rows(QStringLiteral("SELECT COUNT(*) FROM nsm_measures")), 8);

    // Another file under a version already imported: refused, nothing changed.
    auto other = service().importCatalogue(kOfficer, QStringLiteral("2.0"), QStringLiteral("annen.csv"), revised());
    ASSERT_FALSE(other.ok());
    EXPECT_EQ(other.kind(), ErrorKind::Conflict);
    EXPECT_TRUE(contains(other.message(), "catalogue 2.0 was imported from tiltak-testdata.csv")) << other.message();
    EXPECT_EQ(rows(QStringLiteral("SELECT COUNT(*) FROM nsm_measures")), 8);
    auto kept = service().catalogue(kAuditor, QStringLiteral("2.0"));
    ASSERT_TRUE(kept.ok());
    EXPECT_EQ(kept->findMeasure("2.6.1")->title, "Testtiltak 2.6.1 (testdata)");
    EXPECT_EQ(trailed(QStringLiteral("nsm.catalogue_import")), 1);
}

TEST_F(NsmTest, ANewVersionShowsWhatChangedSinceTheVersionBefore) {
    ASSERT_TRUE(service().importCatalogue(kOfficer, QStringLiteral("2.0"), QStringLiteral("tiltak-2.0.csv"), fixture()).ok());
    auto next = service().importCatalogue(kOfficer, QStringLiteral("2.1"), QStringLiteral("tiltak-2.1.csv"), revised());
    ASSERT_TRUE(next.ok()) << next.message();
    const auto& r = *next;
    EXPECT_TRUE(r.hasPrevious);
    EXPECT_EQ(r.diff.from, "2.0");
    EXPECT_EQ(r.diff.to, "2.1");
    ASSERT_EQ(r.diff.added.size(), 1u);
    EXPECT_EQ(r.after.measures[r.diff.added[0]].number, "2.6.8");
    ASSERT_EQ(r.diff.removed.size(), 1u);
    EXPECT_EQ(r.before.measures[r.diff.removed[0]].number, "4.4.1");
    ASSERT_EQ(r.diff.changed.size(), 2u);
    EXPECT_EQ(r.diff.changed[0].number, "2.6.1");
    EXPECT_TRUE(r.diff.changed[0].title);
    EXPECT_EQ(r.diff.changed[0].mappingRemoved, (std::vector<std::string>{"8.2"}));
    EXPECT_EQ(r.diff.changed[1].number, "2.10.1");
    EXPECT_TRUE(r.diff.changed[1].priority);
    EXPECT_EQ(r.diff.unchanged, 5u);

    // An older version imported later compares with none below it; the newest stays 2.1.
    auto older = service().importCatalogue(kOfficer, QStringLiteral("1.9"), QStringLiteral("tiltak-1.9.csv"), fixture());
    ASSERT_TRUE(older.ok()) << older.message();
    EXPECT_FALSE(older->hasPrevious);
    auto versions = service().catalogueVersions(kOwner);
    ASSERT_TRUE(versions.ok()) << versions.message();
    EXPECT_EQ(*versions, (std::vector<QString>{QStringLiteral("1.9"), QStringLiteral("2.0"), QStringLiteral("2.1")}));
    auto newest = service().catalogue(kOwner);
    ASSERT_TRUE(newest.ok());
    EXPECT_EQ(newest->version, "2.1");
    EXPECT_NE(newest->findMeasure("2.6.8"), nullptr);
    EXPECT_EQ(newest->findMeasure("4.4.1"), nullptr);
    auto missing = service().catalogue(kOwner, QStringLiteral("9.9"));
    EXPECT_EQ(missing.kind(), ErrorKind::NotFound);
    EXPECT_TRUE(contains(missing.message(), "field 'version'")) << missing.message();

    // The trail says what the import changed.
    auto entries = store_->trail(kOfficer, QStringLiteral("nsm_catalogue"), QStringLiteral("2.1"));
    ASSERT_TRUE(entries.ok()) << entries.message();
    ASSERT_EQ(entries->size(), 1u);
    EXPECT_EQ(entries->front().action, "nsm.catalogue_import");
    EXPECT_EQ(entries->front().actor, "sikkerhetsansvarlig");
    EXPECT_TRUE(contains(entries->front().after, "\"added\":1")) << entries->front().after;
    EXPECT_TRUE(contains(entries->front().after, "\"previous\":\"2.0\"")) << entries->front().after;
}

TEST_F(NsmTest, ABrokenFileIsRefusedWholeWithFileAndLine) {
    const QByteArray broken("Nr;Tiltak;Prioritet\n"
                            "2.6.1;Testtiltak 2.6.1 (testdata);1\n"
                            "9.9.1;Testtiltak 9.9.1 (testdata);1\n"
                            "2.6.1;Testtiltak igjen (testdata);2\n");
    auto r = service().importCatalogue(kOfficer, QStringLiteral("2.0"), QStringLiteral("brutt.csv"), broken);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.kind(), ErrorKind::Invalid);
    EXPECT_TRUE(contains(r.message(), "brutt.csv:3: field 'Nr': measure 9.9.1 belongs to no known principle (9.9)")) << r.message();
    EXPECT_TRUE(contains(r.message(), "brutt.csv:4: field 'Nr': measure 2.6.1 appears twice; first on line 2")) << r.message();

    // A file that says it is a workbook but is none.
    auto xlsx = service().importCatalogue(kOfficer, QStringLiteral("2.0"), QStringLiteral("tiltak.xlsx"), QByteArray("PK\x03\x04" "garbage"));
    ASSERT_FALSE(xlsx.ok());
    EXPECT_TRUE(contains(xlsx.message(), "tiltak.xlsx:1: not a readable XLSX workbook")) << xlsx.message();

    auto version = service().importCatalogue(kOfficer, QStringLiteral("v2"), QStringLiteral("tiltak.csv"), fixture());
    ASSERT_FALSE(version.ok());
    EXPECT_TRUE(contains(version.message(), "field 'version'")) << version.message();

    EXPECT_EQ(rows(QStringLiteral("SELECT COUNT(*) FROM nsm_catalogues")), 0);
    EXPECT_EQ(rows(QStringLiteral("SELECT COUNT(*) FROM nsm_measures")), 0);
    EXPECT_EQ(trailed(QStringLiteral("nsm.catalogue_import")), 0);
    auto versions = service().catalogueVersions(kOfficer);
    ASSERT_TRUE(versions.ok());
    EXPECT_TRUE(versions->empty());
}

TEST_F(NsmTest, WithoutACatalogueThePrinciplesCanBeAssessed) {
    auto cat = service().catalogue(kLeader);
    ASSERT_TRUE(cat.ok()) << cat.message();
    EXPECT_EQ(cat->version, "");
    EXPECT_EQ(cat->principles.size(), 21u);
    EXPECT_TRUE(cat->measures.empty());
    auto id = service().assess(kLeader, assessment("2.6", "2"));
    ASSERT_TRUE(id.ok()) << id.message();
    auto records = service().assessmentRecords(kAuditor, kTestDepartment);
    ASSERT_TRUE(records.ok()) << records.message();
    ASSERT_EQ(records->size(), 1u);
    EXPECT_EQ(records->front().catalogueVersion, QString());
    // A measure needs a catalogue that has it.
    auto measure = service().assess(kLeader, assessment("2.6.7", "2"));
    ASSERT_FALSE(measure.ok());
    EXPECT_TRUE(contains(measure.message(), "field 'subject'")) << measure.message();
}

TEST_F(NsmTest, AssessmentsAreValidatedAndTheirHistoryKept) {
    NsmService svc = service();
    auto first = svc.assess(kOfficer, assessment("2.6", "2"));
    ASSERT_TRUE(first.ok()) << first.message();
    Assessment later = assessment("2.6", "3");
    later.date = "2026-11-30";
    later.nextReview = "2027-03-01";
    later.evidence = {{"document", "https://dokumenter.fellestjenester.example/svarut/ros-4.2"}, {"threat_model", "svarut"}};
    auto second = svc.assess(kLeader, later);
    ASSERT_TRUE(second.ok()) << second.message();

    auto records = svc.assessmentRecords(kAuditor, kTestDepartment);
    ASSERT_TRUE(records.ok()) << records.message();
    ASSERT_EQ(records->size(), 2u);  // both kept, oldest first
    EXPECT_EQ((*records)[0].id, *first);
    EXPECT_EQ((*records)[0].assessment.level, "2");
    EXPECT_EQ((*records)[0].assessment.assessor, "sikkerhetsansvarlig");  // the session's user by default
    EXPECT_EQ((*records)[0].recordedBy, QStringLiteral("sikkerhetsansvarlig"));
    EXPECT_EQ((*records)[1].id, *second);
    EXPECT_EQ((*records)[1].assessment.level, "3");
    EXPECT_EQ((*records)[1].assessment.assessor, "leder");
    EXPECT_EQ((*records)[1].assessment.evidence, later.evidence);
    EXPECT_EQ((*records)[1].assessment.nextReview, "2027-03-01");
    EXPECT_EQ((*records)[1].recordedAt, clock_->now());
    auto plain = svc.assessments(kOwner, kTestDepartment);
    ASSERT_TRUE(plain.ok());
    const auto gaps = nsm::findGaps(*plain, NsmService::scales());
    ASSERT_EQ(gaps.size(), 1u);  // the newest counts: 3 of 4
    EXPECT_EQ(gaps[0].level, "3");

    // Each problem names its field; nothing is stored.
    struct Case {
        Assessment a;
        std::string field;
        ErrorKind kind;
    };
    std::vector<Case> cases;
    cases.push_back({assessment("9.9", "2"), "field 'subject'", ErrorKind::Invalid});
    cases.push_back({assessment("2.6", "7"), "field 'level'", ErrorKind::Invalid});
    Assessment ks = assessment("2.6", "ja", "vet-ikke");
    ks.scale = "ks";
    cases.push_back({ks, "field 'target'", ErrorKind::Invalid});
    Assessment unknownScale = assessment("2.6", "2");
    unknownScale.scale = "cmmi";
    cases.push_back({unknownScale, "field 'scale'", ErrorKind::Invalid});
    Assessment na = assessment("2.6", "", "");
    na.notApplicable = true;
    cases.push_back({na, "field 'justification'", ErrorKind::Invalid});
    Assessment evidence = assessment("2.6", "2");
    evidence.evidence = {{"Risiko!", "R-1"}};
    cases.push_back({evidence, "field 'evidence[1].kind'", ErrorKind::Invalid});
    Assessment review = assessment("2.6", "2");
    review.nextReview = "2026-01-01";
    cases.push_back({review, "field 'next_review'", ErrorKind::Invalid});
    Assessment missingService = assessment("2.6", "2");
    missingService.scope = AssessmentScope{AssessmentScope::Kind::Service, "finnes-ikke"};
    cases.push_back({missingService, "field 'scope': service 'finnes-ikke' is not in the catalogue", ErrorKind::NotFound});
    Assessment component = assessment("2.6", "2");
    component.scope = AssessmentScope{AssessmentScope::Kind::Service, "dokumentlager"};
    cases.push_back({component, "field 'scope': 'dokumentlager' is a component", ErrorKind::Invalid});
    const qint64 before = rows(QStringLiteral("SELECT COUNT(*) FROM nsm_assessments"));
    const qint64 trailBefore = trailed(QStringLiteral("nsm.assess"));
    for (const auto& c : cases) {
        auto r = svc.assess(kOfficer, c.a);
        ASSERT_FALSE(r.ok()) << c.field;
        EXPECT_EQ(r.kind(), c.kind) << r.message();
        EXPECT_TRUE(contains(r.message(), c.field)) << r.message();
    }
    auto noCatalogue = svc.assess(kOfficer, assessment("2.6", "2"), QStringLiteral("9.9"));
    EXPECT_EQ(noCatalogue.kind(), ErrorKind::NotFound);
    EXPECT_EQ(rows(QStringLiteral("SELECT COUNT(*) FROM nsm_assessments")), before);
    EXPECT_EQ(trailed(QStringLiteral("nsm.assess")), trailBefore);

    // A service in the catalogue, and not applicable with a justification.
    Assessment svarut = assessment("3.4", "1", "3");
    svarut.scope = AssessmentScope{AssessmentScope::Kind::Service, "svarut"};
    ASSERT_TRUE(svc.assess(kOfficer, svarut).ok());
    na.justification = "Ingen egne e-posttjenester i testen (testdata)";
    auto applied = svc.assess(kOfficer, na);
    ASSERT_TRUE(applied.ok()) << applied.message();

    // Measures of the imported catalogue, recorded with its version.
    ASSERT_TRUE(svc.importCatalogue(kOfficer, QStringLiteral("2.0"), QStringLiteral("tiltak.csv"), fixture()).ok());
    auto measure = svc.assess(kOfficer, assessment("2.6.7", "1", "3"));
    ASSERT_TRUE(measure.ok()) << measure.message();
    EXPECT_EQ(rows(QStringLiteral("SELECT COUNT(*) FROM nsm_assessments WHERE id = ? AND catalogue_version = '2.0'"), {*measure}), 1);

    // Every assessment is in the trail under who recorded it.
    for (const qint64 id : {*first, *second, *applied, *measure}) {
        auto entries = store_->trail(kOfficer, QStringLiteral("nsm_assessment"), QString::number(id));
        ASSERT_TRUE(entries.ok()) << entries.message();
        ASSERT_EQ(entries->size(), 1u) << id;
        EXPECT_EQ(entries->front().action, "nsm.assess");
    }
    auto byLeader = store_->trail(kOfficer, QStringLiteral("nsm_assessment"), QString::number(*second));
    ASSERT_TRUE(byLeader.ok());
    EXPECT_EQ(byLeader->front().actor, "leder");
}

TEST_F(NsmTest, EachRoleMayDoOnlyWhatItIsGranted) {
    NsmService svc = service();
    const Assessment a = assessment("2.6", "2");
    const SoaDecision d{"7.4", false, "Overvåking av lokalene er driftsleverandørens (testdata).", ControlStatus::Unknown};
    // Product owners read but do not assess.
    auto owner = svc.assess(kOwner, a);
    EXPECT_EQ(owner.kind(), ErrorKind::Denied);
    EXPECT_TRUE(contains(owner.message(), "nsm.assess")) << owner.message();
    EXPECT_TRUE(svc.assessments(kOwner).ok());
    // The revisor reads everything and changes nothing.
    EXPECT_TRUE(svc.assessments(kAuditor).ok());
    EXPECT_TRUE(svc.catalogue(kAuditor).ok());
    EXPECT_TRUE(svc.soaDecisions(kAuditor).ok());
    EXPECT_EQ(svc.assess(kAuditor, a).kind(), ErrorKind::Denied);
    EXPECT_EQ(svc.importCatalogue(kAuditor, QStringLiteral("2.0"), QStringLiteral("t.csv"), fixture()).kind(), ErrorKind::Denied);
    EXPECT_EQ(svc.decideSoa(kAuditor, d).kind(), ErrorKind::Denied);
    // Leaders assess, but the catalogue and the SoA are the security officer's.
    EXPECT_EQ(svc.importCatalogue(kLeader, QStringLiteral("2.0"), QStringLiteral("t.csv"), fixture()).kind(), ErrorKind::Denied);
    EXPECT_EQ(svc.decideSoa(kLeader, d).kind(), ErrorKind::Denied);
    EXPECT_EQ(svc.decideSoa(kOwner, d).kind(), ErrorKind::Denied);
    // The service desk, the change board and the administrator see none of it.
    for (const Session& who : {kDesk, kBoard, kAdmin}) {
        SCOPED_TRACE(who.username.toStdString());
        EXPECT_EQ(svc.assessments(who).kind(), ErrorKind::Denied);
        EXPECT_EQ(svc.assessmentRecords(who).kind(), ErrorKind::Denied);
        EXPECT_EQ(svc.catalogue(who).kind(), ErrorKind::Denied);
        EXPECT_EQ(svc.catalogueVersions(who).kind(), ErrorKind::Denied);
        EXPECT_EQ(svc.soaDecisions(who).kind(), ErrorKind::Denied);
        EXPECT_EQ(svc.defaultDepartment(who).kind(), ErrorKind::Denied);
        EXPECT_EQ(svc.assess(who, a).kind(), ErrorKind::Denied);
        EXPECT_EQ(svc.importCatalogue(who, QStringLiteral("2.0"), QStringLiteral("t.csv"), fixture()).kind(), ErrorKind::Denied);
        EXPECT_EQ(svc.decideSoa(who, d).kind(), ErrorKind::Denied);
    }
    EXPECT_EQ(testDepartmentRows(), 0);
    EXPECT_EQ(rows(QStringLiteral("SELECT COUNT(*) FROM nsm_catalogues")), 0);
    EXPECT_TRUE(svc.assess(kLeader, a).ok());
    EXPECT_EQ(testDepartmentRows(), 1);
}

TEST_F(NsmTest, AGapBecomesARiskOrAMeasureInTheRegisterLinkedAsEvidence) {
    NsmService svc = service();
    risk::RiskService risks(*store_);
    ASSERT_TRUE(svc.assess(kOfficer, assessment("2.6", "2")).ok());
    ASSERT_TRUE(svc.assess(kOfficer, assessment("3.2", "4")).ok());  // at its target
    reports::GapToRisk request{QStringLiteral("2.6"), kTestDepartment, QStringLiteral("svarut"), 3, {{QStringLiteral("konfidensialitet"), 4}}, QStringLiteral("leder")};

    // The leader assesses but does not keep the register; an unknown dimension is refused. Neither
    // leaves a risk or a second assessment behind.
    EXPECT_EQ(reports::gapToRisk(*store_, kLeader, request).kind(), ErrorKind::Denied);
    reports::GapToRisk bad = request;
    bad.consequences = {{QStringLiteral("stemning"), 3}};
    auto refused = reports::gapToRisk(*store_, kOfficer, bad);
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(contains(refused.message(), "stemning")) << refused.message();
    EXPECT_EQ(testDepartmentRows(), 2);
    EXPECT_EQ(risks.risk(kOfficer, QStringLiteral("svarut:NSM-2.6")).kind(), ErrorKind::NotFound);

    auto work = reports::gapToRisk(*store_, kOfficer, request);
    ASSERT_TRUE(work.ok()) << work.message();
    EXPECT_EQ(work->riskRef, "svarut:NSM-2.6");
    auto r = risks.risk(kOfficer, work->riskRef);
    ASSERT_TRUE(r.ok()) << r.message();
    EXPECT_TRUE(r->title.contains(QStringLiteral("NSM 2.6"))) << r->title.toStdString();
    EXPECT_TRUE(r->title.contains(QStringLiteral("nivå 2 mot mål 4"))) << r->title.toStdString();
    EXPECT_EQ(r->likelihood, 3);
    EXPECT_EQ(r->consequence, 4);
    EXPECT_EQ(r->owner, "leder");
    EXPECT_EQ(r->status, "open");

    // The assessment is the same but for the link, and it is the newest of its day.
    auto all = svc.assessments(kOfficer, kTestDepartment);
    ASSERT_TRUE(all.ok());
    const auto newest = nsm::latestAssessments(*all);
    const auto it = std::find_if(newest.begin(), newest.end(), [&](std::size_t i) { return (*all)[i].subject == "2.6"; });
    ASSERT_NE(it, newest.end());
    const Assessment& linked = (*all)[*it];
    EXPECT_EQ(linked.level, "2");
    EXPECT_EQ(linked.target, "4");
    EXPECT_EQ(linked.date, "2026-11-20");
    EXPECT_EQ(linked.assessor, "sikkerhetsansvarlig");
    EXPECT_TRUE(std::find(linked.evidence.begin(), linked.evidence.end(), nsm::EvidenceLink{"risk", "svarut:NSM-2.6"}) != linked.evidence.end());

    // Once is enough; a measure goes on the risk that is there.
    EXPECT_EQ(reports::gapToRisk(*store_, kOfficer, request).kind(), ErrorKind::Conflict);
    auto measure = reports::gapToMeasure(*store_, kOfficer, {QStringLiteral("2.6"), kTestDepartment, work->riskRef, QStringLiteral("leder"), QDate(2027, 3, 1)});
    ASSERT_TRUE(measure.ok()) << measure.message();
    auto measures = risks.measures(kOfficer, work->riskRef);
    ASSERT_TRUE(measures.ok());
    ASSERT_EQ(measures->size(), 1);
    EXPECT_TRUE(measures->front().title.startsWith(QStringLiteral("Løft NSM 2.6"))) << measures->front().title.toStdString();
    EXPECT_EQ(measures->front().due, QDate(2027, 3, 1));

    // No gap, no assessment, no such risk: each says why and records nothing.
    const qint64 before = testDepartmentRows();
    auto atTarget = reports::gapToRisk(*store_, kOfficer, {QStringLiteral("3.2"), kTestDepartment, QStringLiteral("svarut"), 3, {{QStringLiteral("konfidensialitet"), 4}}, {}});
    EXPECT_EQ(atTarget.kind(), ErrorKind::Conflict);
    EXPECT_TRUE(contains(atTarget.message(), "no gap")) << atTarget.message();
    EXPECT_EQ(reports::gapToMeasure(*store_, kOfficer, {QStringLiteral("4.4"), kTestDepartment, work->riskRef, {}, {}}).kind(), ErrorKind::NotFound);
    EXPECT_FALSE(reports::gapToMeasure(*store_, kOfficer, {QStringLiteral("2.6"), kTestDepartment, QStringLiteral("svarut:finnes-ikke"), {}, {}}).ok());
    EXPECT_EQ(testDepartmentRows(), before);
    EXPECT_EQ(risks.measures(kOfficer, work->riskRef)->size(), 1);
}

TEST_F(NsmTest, SoaDecisionsNeedAControlAndAJustification) {
    NsmService svc = service();
    auto notAControl = svc.decideSoa(kOfficer, SoaDecision{"9.1", true, "Testbegrunnelse (testdata)", ControlStatus::Unknown});
    EXPECT_TRUE(contains(notAControl.message(), "field 'control'")) << notAControl.message();
    auto unjustified = svc.decideSoa(kOfficer, SoaDecision{"7.4", false, "  ", ControlStatus::Unknown});
    EXPECT_TRUE(contains(unjustified.message(), "field 'justification'")) << unjustified.message();
    auto statusWithout = svc.decideSoa(kOfficer, SoaDecision{"7.4", false, "Testbegrunnelse (testdata)", ControlStatus::Implemented});
    EXPECT_TRUE(contains(statusWithout.message(), "field 'status'")) << statusWithout.message();
    EXPECT_EQ(rows(QStringLiteral("SELECT COUNT(*) FROM nsm_soa_decisions WHERE control = '7.4'")), 0);

    // As Annex A prints it; the same decision again writes nothing.
    const SoaDecision excluded{"A.7.4", false, "Overvåking av lokalene er driftsleverandørens (testdata).", ControlStatus::Unknown};
    ASSERT_TRUE(svc.decideSoa(kOfficer, excluded).ok());
    ASSERT_TRUE(svc.decideSoa(kOfficer, excluded).ok());
    const SoaDecision included{"7.4", true, "Egne lokaler overvåkes nå (testdata).", ControlStatus::Partial};
    auto changed = svc.decideSoa(kOfficer, included);
    ASSERT_TRUE(changed.ok()) << changed.message();

    auto decisions = svc.soaDecisions(kAuditor);
    ASSERT_TRUE(decisions.ok()) << decisions.message();
    const auto it = std::find_if(decisions->begin(), decisions->end(), [](const SoaDecision& x) { return x.control == "7.4"; });
    ASSERT_NE(it, decisions->end());
    EXPECT_TRUE(it->applicable);
    EXPECT_EQ(it->status, ControlStatus::Partial);
    // In control order: 7.4 before the demo's 7.5, 7.8 before 7.11.
    EXPECT_TRUE(std::is_sorted(decisions->begin(), decisions->end(),
                               [](const SoaDecision& a, const SoaDecision& b) { return nsm::numberLess(a.control, b.control); }));
    ASSERT_TRUE(it + 1 != decisions->end());
    EXPECT_EQ((it + 1)->control, "7.5");

    auto entries = store_->trail(kOfficer, QStringLiteral("nsm_soa_decision"), QStringLiteral("7.4"));
    ASSERT_TRUE(entries.ok()) << entries.message();
    ASSERT_EQ(entries->size(), 2u);  // newest first
    EXPECT_EQ(entries->front().action, "nsm.soa_decide");
    EXPECT_TRUE(contains(entries->front().before, "\"applicable\":false")) << entries->front().before;
    EXPECT_TRUE(contains(entries->front().after, "\"status\":\"partial\"")) << entries->front().after;
    EXPECT_TRUE(entries->back().before.empty());

    // The decision reaches the Statement of Applicability.
    auto cat = svc.catalogue(kAuditor);
    ASSERT_TRUE(cat.ok());
    const nsm::Soa soa = nsm::buildSoa(*cat, *decisions, {}, NsmService::scales());
    const auto entry = std::find_if(soa.entries.begin(), soa.entries.end(), [](const nsm::SoaEntry& e) { return e.control == "7.4"; });
    ASSERT_NE(entry, soa.entries.end());
    EXPECT_TRUE(entry->decided);
    EXPECT_EQ(entry->applicability, nsm::Applicability::Applicable);
}

TEST_F(NsmTest, TheDemoDepartmentHasFourQuartersOfEveryPrinciple) {
    NsmService svc = service();
    auto department = svc.defaultDepartment(kAuditor);
    ASSERT_TRUE(department.ok()) << department.message();
    const AssessmentScope scope{AssessmentScope::Kind::Department, department->toStdString()};
    auto all = svc.assessments(kAuditor, scope);
    ASSERT_TRUE(all.ok()) << all.message();
    EXPECT_EQ(all->size(), 84u);
    auto cat = svc.catalogue(kAuditor);
    ASSERT_TRUE(cat.ok());
    EXPECT_TRUE(cat->measures.empty());  // NSM's measures are never invented
    const auto scales = NsmService::scales();
    for (const auto& p : nsm::builtinPrinciples()) {
        const nsm::Trend t = nsm::principleTrend(p.id, scope, *all, *cat, scales);
        EXPECT_EQ(t.points.size(), 4u) << p.id;
    }
    EXPECT_EQ(nsm::principleTrend("2.6", scope, *all, *cat, scales).direction, nsm::Trend::Direction::Improving);
    EXPECT_EQ(nsm::principleTrend("2.4", scope, *all, *cat, scales).direction, nsm::Trend::Direction::Stable);
    EXPECT_FALSE(nsm::findGaps(*all, scales).empty());
    for (const auto& a : *all) EXPECT_EQ(a.assessor, "sikkerhetsansvarlig");
    auto decisions = svc.soaDecisions(kAuditor);
    ASSERT_TRUE(decisions.ok());
    const auto physical = std::find_if(decisions->begin(), decisions->end(), [](const SoaDecision& d) { return d.control == "7.5"; });
    ASSERT_NE(physical, decisions->end());
    EXPECT_FALSE(physical->applicable);
    EXPECT_TRUE(contains(physical->justification, "Nordlys Drift AS")) << physical->justification;
}
