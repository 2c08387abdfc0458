// Store, migrations, services and trail against a real database engine: SQLite by default,
// PostgreSQL when run by the store_postgres test (see tests/CMakeLists.txt).
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QTimeZone>
#include <algorithm>

#include "core/catalog_service.h"
#include "core/base/crypto.h"
#include "core/data_dir.h"
#include "app/demo.h"
#include "core/incidents.h"
#include "core/migrations.h"
#include "core/monitoring.h"
#include "core/base/norway.h"
#include "core/organisation_service.h"
#include "tests/support/incidents.h"
#include "tests/support/test_db.h"
#include "core/user_service.h"

using namespace vakt;

namespace {

const Session kAdmin{QStringLiteral("test-admin"), Role::Admin};

class StoreTest : public ::testing::Test {
protected:
    void SetUp() override {
        clock_ = std::make_shared<FixedClock>(QDateTime(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC));
        auto s = Store::open(db_.url(), Store::OpenMode::Create, clock_);
        ASSERT_TRUE(s) << s.message();
        store_ = std::move(*s);
    }

    // A small value chain: one kommune, two people, two entries that depend on each other.
    void seed() {
        OrganisationService orgs(*store_);
        ASSERT_TRUE(orgs.saveOrganisation(kAdmin, {0, OrgKind::PlatformOperator, "Plattform", demoOrgnr("op"), {}, {}, 0, {}}));
        ASSERT_TRUE(orgs.saveOrganisation(kAdmin, {0, OrgKind::Kommune, "Bø kommune", demoOrgnr("bo"), "4024", "40", 5900, {}}));
        ASSERT_TRUE(orgs.saveOrganisation(kAdmin, {0, OrgKind::StateAgency, "Digdir", demoOrgnr("digdir"), {}, {}, 0, {}}));
        ASSERT_TRUE(orgs.saveOrganisation(kAdmin, {0, OrgKind::NationalComponent, "ID-porten", demoOrgnr("idp"), {}, {}, 0, demoOrgnr("digdir")}));
        ASSERT_TRUE(orgs.savePerson(kAdmin, {0, "Ingrid", "ingrid@example.no", demoOrgnr("op"), "Produktansvarlig", Employment::Active}));
        ASSERT_TRUE(orgs.savePerson(kAdmin, {0, "Henrik", "henrik@example.no", demoOrgnr("op"), "Utvikler", Employment::Active}));
        CatalogService catalog(*store_);
        CatalogEntry lager;
        lager.key = "dokumentlager";
        lager.name = "Dokumentlager";
        lager.kind = EntryKind::Component;
        ASSERT_TRUE(catalog.save(kAdmin, lager));
        ASSERT_TRUE(catalog.save(kAdmin, svarut()));
        ASSERT_TRUE(orgs.addAgreement(kAdmin, {demoOrgnr("bo"), "svarut", QDate(2015, 1, 1), {}, "3.0"}));
    }

    static CatalogEntry svarut() {
        CatalogEntry e;
        e.key = "svarut";
        e.name = "SvarUt";
        e.establishedYear = 2012;
        e.goal = "Sende brev digitalt.";
        e.productOwnerEmail = "ingrid@example.no";
        e.dependsOn = {"dokumentlager"};
        e.nationalComponents = {"ID-porten"};
        e.roles = {{Team::Development, "Teknisk leder", "henrik@example.no"}};
        e.documents = {{DocumentKind::Ros, "ROS SvarUt", "4.2", QDate(2026, 3, 12), "https://x.example/ros"},
                       {DocumentKind::Dpia, "DPIA SvarUt", "1.0", QDate(2024, 1, 1), ""}};
        return e;
    }

    int count(const char* table) {
        auto r = store_->db().query(QStringLiteral("SELECT COUNT(*) FROM %1").arg(QLatin1String(table)));
        EXPECT_TRUE(r) << r.message();
        return r ? r->front().value(0).toInt() : -1;
    }

    // Plain SQL, as an attacker with database access would use; the append-only triggers go first.
    void tamper(const QStringList& statements) {
        const QStringList dropTriggers = store_->engine() == Engine::Sqlite
                                             ? QStringList{"DROP TRIGGER IF EXISTS trail_no_update", "DROP TRIGGER IF EXISTS trail_no_delete"}
                                             : QStringList{"DROP TRIGGER IF EXISTS trail_no_change ON trail"};
        for (const auto& sql : dropTriggers + statements) ASSERT_TRUE(store_->db().exec(sql)) << sql.toStdString();
    }

    std::string verifyProblem() {
        auto check = store_->verifyTrail(kAdmin);
        EXPECT_TRUE(check) << check.message();
        if (!check) return "?";
        return check->intact ? std::string() : check->problem;
    }

    test::TestDatabase db_;
    std::shared_ptr<FixedClock> clock_;
    std::unique_ptr<Store> store_;
};

}  // namespace

TEST_F(StoreTest, MustExistDoesNotCreateANewStore) {
    if (db_.postgres()) {
        // An empty PostgreSQL schema is "not initialised".
        test::TestDatabase empty;
        auto s = Store::open(empty.url(), Store::OpenMode::MustExist, clock_);
        ASSERT_FALSE(s);
        EXPECT_NE(s.message().find("not initialised"), std::string::npos);
    } else {
        auto s = Store::open(db_.url() + ".typo", Store::OpenMode::MustExist, clock_);
        ASSERT_FALSE(s);
        EXPECT_NE(s.message().find("vakt --db"), std::string::npos) << s.message();
        EXPECT_FALSE(QFile::exists(db_.url() + ".typo"));
    }
}

TEST_F(StoreTest, CatalogueEntrySurvivesARoundTripWithEveryField) {
    seed();
    CatalogService catalog(*store_);
    auto loaded = catalog.get(kAdmin, "svarut");
    ASSERT_TRUE(loaded && *loaded) << (loaded ? "missing" : loaded.message());
    EXPECT_EQ(**loaded, svarut());
    auto usedBy = catalog.usedBy(kAdmin, "dokumentlager");
    ASSERT_TRUE(usedBy);
    EXPECT_EQ(*usedBy, QStringList{"svarut"});
    EXPECT_EQ(*catalog.agreementCount(kAdmin, "svarut"), 1);
    auto list = catalog.list(kAdmin);
    ASSERT_TRUE(list);
    ASSERT_EQ(list->size(), 2);
    const auto& s = list->at(1);
    EXPECT_EQ(s.key, "svarut");
    EXPECT_EQ(s.agreements, 1);
    EXPECT_EQ(s.productOwner, "Ingrid");
    EXPECT_EQ(s.newestRos, QDate(2026, 3, 12));
    EXPECT_EQ(documentState(svarut().documents, DocumentKind::Dpia, clock_->today()), DocumentState::Outdated);
    EXPECT_EQ(documentState(svarut().documents, DocumentKind::Ros, clock_->today()), DocumentState::Current);
}

TEST_F(StoreTest, AgreementsThatEndedAreNotCounted) {
    seed();
    OrganisationService orgs(*store_);
    ASSERT_TRUE(orgs.saveOrganisation(kAdmin, {0, OrgKind::Kommune, "Lom kommune", demoOrgnr("lom"), "3434", "34", 2300, {}}));
    ASSERT_TRUE(orgs.addAgreement(kAdmin, {demoOrgnr("lom"), "svarut", QDate(2014, 1, 1), QDate(2020, 12, 31), "1.0"}));
    EXPECT_EQ(*CatalogService(*store_).agreementCount(kAdmin, "svarut"), 1);
}

TEST_F(StoreTest, ReadOnlyRoleCannotWriteThroughAnyService) {
    seed();
    const Session revisor{"revisor", Role::Revisor};
    const int trailBefore = count("trail");
    CatalogEntry changed = svarut();
    changed.goal = "Endret av revisor";
    auto save = CatalogService(*store_).save(revisor, changed);
    ASSERT_FALSE(save);
    EXPECT_NE(save.message().find("permission denied"), std::string::npos);
    EXPECT_FALSE(CatalogService(*store_).importEntries(revisor, {{changed, 1}}, "x.json"));
    EXPECT_FALSE(UserService(*store_).add(revisor, {"ny", "Ny", Role::Admin, "langt nok passord", {}}));
    OrganisationService orgs(*store_);
    EXPECT_FALSE(orgs.saveOrganisation(revisor, {0, OrgKind::Kommune, "X", demoOrgnr("x"), "1111", "11", 1, {}}));
    EXPECT_FALSE(orgs.savePerson(revisor, {0, "X", "x@example.no", {}, {}, Employment::Active}));
    EXPECT_FALSE(orgs.addAgreement(revisor, {demoOrgnr("bo"), "svarut", QDate(2020, 1, 1), {}, {}}));
    EXPECT_EQ(CatalogService(*store_).get(revisor, "svarut")->value().goal, svarut().goal);
    EXPECT_EQ(count("trail"), trailBefore);
    // Reading is allowed.
    EXPECT_TRUE(CatalogService(*store_).list(revisor));
}

TEST_F(StoreTest, EveryWriteIsTrailedWithBeforeAndAfter) {
    seed();
    CatalogEntry changed = svarut();
    changed.goal = "Nytt mål";
    const Session kari{"kari", Role::Produktansvarlig};
    ASSERT_TRUE(CatalogService(*store_).save(kari, changed));
    auto entries = store_->trail(kAdmin, "catalog_entry", "svarut", 10);
    ASSERT_TRUE(entries);
    ASSERT_EQ(entries->size(), 2u);
    const TrailEntry& last = entries->front();
    EXPECT_EQ(last.actor, "kari");
    EXPECT_EQ(last.action, "catalog.update");
    EXPECT_NE(last.before.find("Sende brev digitalt."), std::string::npos);
    EXPECT_NE(last.after.find("Nytt mål"), std::string::npos);
    // Saving the same content again records nothing.
    ASSERT_TRUE(CatalogService(*store_).save(kari, changed));
    EXPECT_EQ(store_->trail(kAdmin, "catalog_entry", "svarut", 10)->size(), 2u);
    auto check = store_->verifyTrail(kAdmin);
    ASSERT_TRUE(check);
    EXPECT_TRUE(check->intact) << check->problem;
    EXPECT_EQ(check->entries, count("trail"));
}

TEST_F(StoreTest, TrailRejectsDirectEditsWhileItsTriggersStand) {
    seed();
    EXPECT_FALSE(store_->db().exec("UPDATE trail SET actor = 'mallory' WHERE seq = 1"));
    EXPECT_FALSE(store_->db().exec("DELETE FROM trail WHERE seq = 1"));
    EXPECT_TRUE(store_->verifyTrail(kAdmin)->intact);
}

TEST_F(StoreTest, TrailDetectsAChangedRow) {
    seed();
    tamper({"UPDATE trail SET actor = 'mallory' WHERE seq = 3"});
    EXPECT_NE(verifyProblem().find("trail entry 3"), std::string::npos) << verifyProblem();
}

TEST_F(StoreTest, TrailDetectsAChangeWithARecomputedHash) {
    seed();
    auto rows = store_->trail(kAdmin);
    ASSERT_TRUE(rows);
    TrailEntry e = *std::find_if(rows->begin(), rows->end(), [](const TrailEntry& t) { return t.seq == 2; });
    e.actor = "mallory";
    e.hash = trailEntryHash(e);
    tamper({QStringLiteral("UPDATE trail SET actor = 'mallory', hash = '%1' WHERE seq = 2").arg(QString::fromStdString(e.hash))});
    EXPECT_NE(verifyProblem().find("trail entry 3"), std::string::npos) << verifyProblem();
}

TEST_F(StoreTest, TrailDetectsADeletedRow) {
    seed();
    tamper({"DELETE FROM trail WHERE seq = 4"});
    EXPECT_NE(verifyProblem().find("trail entry 4"), std::string::npos) << verifyProblem();
}

TEST_F(StoreTest, TrailDetectsTheLastRowDeleted) {
    seed();
    const int n = count("trail");
    tamper({QStringLiteral("DELETE FROM trail WHERE seq = %1").arg(n)});
    EXPECT_NE(verifyProblem().find("trail entry " + std::to_string(n)), std::string::npos) << verifyProblem();
}

TEST_F(StoreTest, TrailDetectsReorderedRows) {
    seed();
    tamper({"UPDATE trail SET seq = -1 WHERE seq = 5", "UPDATE trail SET seq = 5 WHERE seq = 6", "UPDATE trail SET seq = 6 WHERE seq = -1"});
    EXPECT_NE(verifyProblem().find("trail entry 5"), std::string::npos) << verifyProblem();
}

TEST_F(StoreTest, ImportIsAllOrNothing) {
    seed();
    CatalogEntry good;
    good.key = "print";
    good.name = "Print";
    CatalogEntry bad;
    bad.key = "minside";
    bad.name = "MinSide";
    bad.dependsOn = {"finnes-ikke"};
    const int entriesBefore = count("catalog_entries"), trailBefore = count("trail");
    auto s = CatalogService(*store_).importEntries(kAdmin, {{good, 2}, {bad, 9}}, "batch.json");
    ASSERT_FALSE(s);
    EXPECT_NE(s.message().find("batch.json:9"), std::string::npos) << s.message();
    EXPECT_NE(s.message().find("field 'depends_on'"), std::string::npos) << s.message();
    EXPECT_EQ(count("catalog_entries"), entriesBefore);
    EXPECT_EQ(count("trail"), trailBefore);
    EXPECT_FALSE(CatalogService(*store_).get(kAdmin, "print")->has_value());
}

TEST_F(StoreTest, ImportAllowsForwardReferencesWithinTheFile) {
    seed();
    CatalogEntry a;
    a.key = "minside";
    a.name = "MinSide";
    a.dependsOn = {"innsyn"};
    CatalogEntry b;
    b.key = "innsyn";
    b.name = "Innsyn";
    b.kind = EntryKind::Component;
    ASSERT_TRUE(CatalogService(*store_).importEntries(kAdmin, {{a, 2}, {b, 3}}, "f.json"));
    EXPECT_EQ(CatalogService(*store_).get(kAdmin, "minside")->value().dependsOn, QStringList{"innsyn"});
}

TEST_F(StoreTest, UsersSignInOnlyWithTheRightPassword) {
    UserService users(*store_);
    ASSERT_TRUE(users.add(kAdmin, {"kari", "Kari Nordby", Role::Sikkerhetsansvarlig, "et langt passord", {}}));
    auto ok = users.authenticate("kari", "et langt passord");
    ASSERT_TRUE(ok) << ok.message();
    EXPECT_EQ(ok->role, Role::Sikkerhetsansvarlig);
    auto wrong = users.authenticate("kari", "feil passord!!");
    auto unknown = users.authenticate("ola", "et langt passord");
    ASSERT_FALSE(wrong);
    ASSERT_FALSE(unknown);
    EXPECT_EQ(wrong.message(), unknown.message());  // no hint which names exist
    EXPECT_FALSE(users.add(kAdmin, {"kari", "Igjen", Role::Admin, "et langt passord", {}}));
    EXPECT_FALSE(users.add(kAdmin, {"kort", "Kort", Role::Admin, "kort", {}}));
    EXPECT_FALSE(users.demoSession("kari"));  // not a demo database
    // The trail never holds the password or its hash.
    auto trail = store_->trail(kAdmin);
    ASSERT_TRUE(trail);
    for (const auto& e : *trail) {
        EXPECT_EQ(e.after.find("scrypt"), std::string::npos);
        EXPECT_EQ(e.after.find("langt passord"), std::string::npos);
    }
}

TEST_F(StoreTest, DemoPlatformLoadsCompletelyAndDeterministically) {
    auto summary = loadDemo(*store_, dataDir());
    ASSERT_TRUE(summary) << summary.message();
    EXPECT_EQ(summary->kommuner, 357);
    EXPECT_EQ(summary->fylker, 15);
    EXPECT_EQ(summary->fylkeskommuner, 14);  // Oslo kommune also carries fylke 03's tasks
    auto fylker = OrganisationService(*store_).fylker(kAdmin);
    ASSERT_TRUE(fylker);
    ASSERT_EQ(fylker->size(), 15);
    EXPECT_EQ(fylker->front(), std::make_pair(QString("03"), QString("Oslo")));
    EXPECT_GE(summary->vendors, 60);
    EXPECT_GE(summary->vendorSystems, 150);
    EXPECT_GE(summary->catalogEntries, 18);
    EXPECT_EQ(count("organisations"), summary->organisations);
    auto kommuner = OrganisationService(*store_).organisations(kAdmin, OrgKind::Kommune);
    ASSERT_TRUE(kommuner);
    EXPECT_EQ(kommuner->size(), 357);
    for (const auto& k : *kommuner) ASSERT_TRUE(norway::isValidOrgnr(k.orgnr.toStdString())) << k.name.toStdString();
    // Larger municipalities use more services.
    auto perOrg = store_->db().query(
        "SELECT o.population, COUNT(a.id) FROM organisations o LEFT JOIN agreements a ON a.organisation_id = o.id"
        " WHERE o.kind = 'kommune' GROUP BY o.id, o.population");
    ASSERT_TRUE(perOrg);
    double smallSum = 0, largeSum = 0;
    int smallN = 0, largeN = 0;
    for (const auto& r : *perOrg) {
        if (r.value(0).toLongLong() < 5000) smallSum += r.value(1).toInt(), ++smallN;
        if (r.value(0).toLongLong() > 50000) largeSum += r.value(1).toInt(), ++largeN;
    }
    EXPECT_GT(largeSum / largeN, smallSum / smallN + 2);
    // Every role has a demo user, and demo sign-in by name works.
    auto users = UserService(*store_).list(kAdmin);
    ASSERT_TRUE(users);
    for (const auto& code : roleCodes()) {
        const bool found = std::any_of(users->begin(), users->end(), [&](const UserInfo& u) { return roleCode(u.role) == code; });
        EXPECT_TRUE(found) << code.toStdString();
    }
    auto admin = UserService(*store_).demoSession("admin");
    ASSERT_TRUE(admin);
    EXPECT_EQ(admin->role, Role::Admin);
    EXPECT_TRUE(store_->verifyTrail(kAdmin)->intact);
    // A second load is refused rather than doubling the data.
    EXPECT_FALSE(loadDemo(*store_, dataDir()));

    // The same input gives the same platform. (One PostgreSQL schema at a time, so this part
    // runs on SQLite; the generator does not depend on the engine.)
    if (db_.postgres()) return;
    test::TestDatabase other;
    auto second = Store::open(other.url(), Store::OpenMode::Create, clock_);
    ASSERT_TRUE(second);
    auto again = loadDemo(**second, dataDir());
    ASSERT_TRUE(again);
    EXPECT_EQ(again->agreements, summary->agreements);
    auto a = store_->db().query("SELECT orgnr FROM organisations ORDER BY orgnr");
    auto b = (*second)->db().query("SELECT orgnr FROM organisations ORDER BY orgnr");
    ASSERT_EQ(a->size(), b->size());
    for (std::size_t i = 0; i < a->size(); ++i) ASSERT_EQ((*a)[i].value(0), (*b)[i].value(0));
}

TEST_F(StoreTest, MonitoringRecordsHealthTransitionsAndServiceHealth) {
    seed();
    MonitoringStore m(*store_);
    const QDateTime t0(QDate(2026, 6, 1), QTime(10, 0), Qt::UTC);
    ASSERT_TRUE(m.registerTarget(MonitoringStore::collectorSession(), "svarut", "10.0.0.1:8080", "http://10.0.0.1:8080/metrics", "svarut"));
    ASSERT_TRUE(m.registerTarget(MonitoringStore::collectorSession(), "svarut", "10.0.0.2:8080", "http://10.0.0.2:8080/metrics", "svarut"));
    ASSERT_TRUE(m.recordScrape(MonitoringStore::collectorSession(), "svarut", "10.0.0.1:8080", t0, true, {}, 12, 500));
    ASSERT_TRUE(m.recordScrape(MonitoringStore::collectorSession(), "svarut", "10.0.0.2:8080", t0, true, {}, 15, 500));
    ASSERT_TRUE(m.recordScrape(MonitoringStore::collectorSession(), "svarut", "10.0.0.2:8080", t0.addSecs(15), false, "connection refused", 1, 0));
    ASSERT_TRUE(m.recordScrape(MonitoringStore::collectorSession(), "svarut", "10.0.0.2:8080", t0.addSecs(30), false, "connection refused", 1, 0));  // no new event
    EXPECT_EQ(count("target_health_events"), 3);
    auto trail = store_->trail(kAdmin, "scrape_target", "svarut/10.0.0.2:8080", 10);
    ASSERT_TRUE(trail);
    ASSERT_EQ(trail->size(), 2u);
    EXPECT_NE(trail->front().after.find("connection refused"), std::string::npos);

    ASSERT_TRUE(m.writeMinutes(MonitoringStore::collectorSession(), {ServiceMinute{"svarut", t0, 4, 3, 1000, 10, 0.05, 0.2, 0.4}}));
    ASSERT_TRUE(m.writeMinutes(MonitoringStore::collectorSession(), {ServiceMinute{"svarut", t0, 4, 1, 0, 0, std::nullopt, std::nullopt, std::nullopt}}));  // a second collector
    auto status = m.serviceStatus(kAdmin, t0.addSecs(60));
    ASSERT_TRUE(status) << status.message();
    ASSERT_EQ(status->size(), 1);
    const ServiceStatus& st = status->front();
    EXPECT_EQ(st.state, "degraded");
    EXPECT_EQ(st.name, "SvarUt");
    EXPECT_EQ(st.since, t0.addSecs(15));
    EXPECT_EQ(st.lastError, "connection refused");
    ASSERT_TRUE(st.availability24h);
    EXPECT_DOUBLE_EQ(*st.availability24h, 0.5);  // 4 of 8 scrapes succeeded
    EXPECT_DOUBLE_EQ(*st.errorRatio24h, 0.01);
    EXPECT_DOUBLE_EQ(*st.p95LastHour, 0.2);

    // Rolled up to hours after the hour; minutes past retention go.
    ASSERT_TRUE(m.compact(MonitoringStore::collectorSession(), t0.addSecs(2 * 3600), 7, 400));
    EXPECT_EQ(count("service_health_hours"), 1);
    ASSERT_TRUE(m.compact(MonitoringStore::collectorSession(), t0.addDays(8), 7, 400));
    EXPECT_EQ(count("service_health_minutes"), 0);
    EXPECT_EQ(count("service_health_hours"), 1);
    EXPECT_TRUE(store_->verifyTrail(kAdmin)->intact);
}

TEST_F(StoreTest, OneOpenIncidentPerFingerprintUntilResolved) {
    IncidentStore incidents(*store_);
    const Session collector = MonitoringStore::collectorSession();
    const QDateTime t0(QDate(2026, 6, 1), QTime(10, 0), Qt::UTC);
    Incident i;
    i.fingerprint = "MålNede|svarut|platform|10.0.0.1:80";
    i.source = "monitoring";
    i.title = "MålNede";
    i.summary = "10.0.0.1:80 for svarut svarer ikke";
    i.severity = "critical";
    i.service = "svarut";
    ASSERT_TRUE(incidents.raise(collector, i, t0));
    ASSERT_TRUE(incidents.raise(collector, i, t0.addSecs(60)));  // still firing: updated, not duplicated
    auto open = incidents.open(kAdmin);
    ASSERT_TRUE(open);
    ASSERT_EQ(open->size(), 1);
    EXPECT_EQ(open->front().openedAt, t0);
    EXPECT_EQ(open->front().updatedAt, t0.addSecs(60));
    ASSERT_TRUE(incidents.resolveExcept(collector, "monitoring", {i.fingerprint}, t0.addSecs(90)));
    EXPECT_EQ(incidents.open(kAdmin)->size(), 1);  // still active
    ASSERT_TRUE(incidents.resolveExcept(collector, "monitoring", {}, t0.addSecs(120)));
    EXPECT_EQ(incidents.open(kAdmin)->size(), 0);
    ASSERT_TRUE(incidents.raise(collector, i, t0.addSecs(300)));  // a new outage is a new incident
    EXPECT_EQ(count("incidents"), 2);
    auto trail = store_->trail(kAdmin, "incident", i.fingerprint, 10);
    ASSERT_EQ(trail->size(), 3u);  // open, resolve, open
    EXPECT_EQ(trail->back().action, "incident.open");
}

// Each service checks its own permission for every role, not only the read-only one.
TEST_F(StoreTest, TrailMonitoringAndIncidentServicesCheckTheirOwnPermissions) {
    const QDateTime t0(QDate(2026, 6, 1), QTime(10, 0), Qt::UTC);
    Incident i;
    i.fingerprint = "test|svarut";
    i.source = "monitoring";
    i.title = "Test";
    i.severity = "warning";
    i.service = "svarut";
    ASSERT_TRUE(MonitoringStore(*store_).registerTarget(MonitoringStore::collectorSession(), "svarut", "10.0.0.9:80", "http://10.0.0.9/metrics", "svarut"));
    for (Role role : allRoles()) {
        const Session who{"u-" + roleCode(role), role};
        SCOPED_TRACE(roleCode(role).toStdString());
        const bool readsTrail = role == Role::Admin || role == Role::Sikkerhetsansvarlig || role == Role::Revisor;
        EXPECT_EQ(bool(store_->trail(who)), readsTrail);
        EXPECT_EQ(bool(store_->verifyTrail(who)), readsTrail);
        MonitoringStore m(*store_);
        EXPECT_TRUE(m.targets(who));  // every role may see service health
        EXPECT_EQ(bool(m.registerTarget(who, "svarut", "10.0.0.9:80", "http://10.0.0.9/metrics", "svarut")), role == Role::Admin);
        EXPECT_EQ(bool(m.recordScrape(who, "svarut", "10.0.0.9:80", t0, true, {}, 1, 1)), role == Role::Admin);
        EXPECT_EQ(bool(m.writeMinutes(who, {})), role == Role::Admin);
        IncidentStore incidents(*store_);
        EXPECT_TRUE(incidents.open(who));
        const bool handlesIncidents = role == Role::Admin || role == Role::Sikkerhetsansvarlig || role == Role::Brukerstotte;
        auto raised = incidents.raise(who, i, t0);
        EXPECT_EQ(bool(raised), handlesIncidents);
        if (!raised) {
            EXPECT_NE(raised.message().find("may not incident.write (roles that may: admin, sikkerhetsansvarlig, brukerstotte)"), std::string::npos)
                << raised.message();
            EXPECT_FALSE(incidents.attachEvidence(who, 1, 0));
        }
    }
    // The raises that were allowed updated one incident; the denied ones left no trace in the trail.
    EXPECT_EQ(count("incidents"), 1);
    EXPECT_EQ(store_->trail(kAdmin, "incident", i.fingerprint, 10)->size(), 1u);
}

TEST_F(StoreTest, EvidenceIsAttachedOncePerEventAndCounted) {
    IncidentStore incidents(*store_);
    const Session officer{"kari", Role::Sikkerhetsansvarlig};
    Incident i;
    i.fingerprint = "no_legal_basis|svarut|fagsystem-1";
    i.source = "audit";
    i.title = "Oppslag uten rettslig grunnlag";
    i.severity = "warning";
    auto id = incidents.raise(officer, i, store_->clock().now());
    ASSERT_TRUE(id) << id.message();
    ASSERT_EQ(*incidents.raise(officer, i, store_->clock().now()), *id);  // the same open incident
    for (qint64 seq : {4, 9, 4}) ASSERT_TRUE(incidents.attachEvidence(officer, *id, seq));
    auto open = incidents.open(officer, "audit");
    ASSERT_TRUE(open && open->size() == 1);
    EXPECT_EQ(open->front().evidence, 2);
}

// An alert is taken by the service desk and closed with a reason; a detection about people's
// data only by the security officer. Both go in the trail, and a closed incident stays closed.
TEST_F(StoreTest, IncidentsAreAcknowledgedAndClosedWithAReasonByTheRolesThatHandleThem) {
    IncidentStore incidents(*store_);
    const Session collector = MonitoringStore::collectorSession();
    const Session desk{"brukerstotte", Role::Brukerstotte}, officer{"kari", Role::Sikkerhetsansvarlig}, leader{"leder", Role::Leder};
    const Incident alert = test::incident("Feilbudsjett|svarut", "monitoring", "warning", "svarut", "Feilbudsjett");
    auto alertId = incidents.raise(collector, alert, store_->clock().now());
    ASSERT_TRUE(alertId);
    Incident finding = alert;
    finding.fingerprint = "audit|uvanlig_mange_oppslag|x";
    finding.source = "audit";
    finding.severity = "critical";
    auto findingId = incidents.raise(collector, finding, store_->clock().now());
    ASSERT_TRUE(findingId);

    auto counts = incidents.openCounts(leader);
    ASSERT_TRUE(counts) << counts.message();
    EXPECT_EQ(counts->value("monitoring").warning, 1);
    EXPECT_EQ(counts->value("audit").critical, 1);
    EXPECT_EQ(counts->value("audit").total(), 1);

    // Reading is for everyone; handling is not.
    EXPECT_EQ(incidents.acknowledge(leader, *alertId, "ser på det").kind(), ErrorKind::Denied);
    EXPECT_EQ(incidents.acknowledge(desk, *alertId, "   ").kind(), ErrorKind::Invalid);
    EXPECT_EQ(incidents.acknowledge(desk, *alertId, QString(5000, 'x')).kind(), ErrorKind::Invalid);
    EXPECT_EQ(incidents.acknowledge(desk, 999999, "x").kind(), ErrorKind::NotFound);
    ASSERT_TRUE(incidents.acknowledge(desk, *alertId, "Leverandøren er varslet"));
    auto taken = incidents.get(leader, *alertId);
    ASSERT_TRUE(taken);
    EXPECT_EQ(taken->status, "open");  // still open, and still updated while it fires
    EXPECT_EQ(taken->acknowledgedBy, "brukerstotte");
    EXPECT_EQ(taken->acknowledgeNote, "Leverandøren er varslet");
    EXPECT_EQ(taken->acknowledgedAt, store_->clock().now());
    ASSERT_EQ(*incidents.raise(collector, alert, store_->clock().now().addSecs(60)), *alertId);

    // The service desk may not close a detection; the security officer may.
    auto deskOnFinding = incidents.close(desk, *findingId, "falsk alarm");
    EXPECT_EQ(deskOnFinding.kind(), ErrorKind::Denied);
    EXPECT_NE(deskOnFinding.message().find("roles that may: sikkerhetsansvarlig"), std::string::npos) << deskOnFinding.message();
    ASSERT_TRUE(incidents.close(officer, *findingId, "Saksbehandler hadde grunnlag: sak 2026/114"));
    auto closed = incidents.get(leader, *findingId);
    EXPECT_EQ(closed->status, "closed");
    EXPECT_EQ(closed->closedBy, "kari");
    EXPECT_EQ(closed->closeReason, "Saksbehandler hadde grunnlag: sak 2026/114");
    EXPECT_EQ(incidents.close(officer, *findingId, "igjen").kind(), ErrorKind::Conflict);
    EXPECT_EQ(incidents.acknowledge(officer, *findingId, "igjen").kind(), ErrorKind::Conflict);
    EXPECT_EQ(incidents.open(leader, "audit")->size(), 0);
    EXPECT_EQ(incidents.openCounts(leader)->value("audit").total(), 0);

    auto trail = store_->trail(kAdmin, "incident", finding.fingerprint, 10);
    ASSERT_TRUE(trail);
    ASSERT_EQ(trail->size(), 2u);
    EXPECT_EQ(trail->front().action, "incident.close");  // newest first
    EXPECT_EQ(trail->front().actor, "kari");
    EXPECT_NE(trail->front().after.find("sak 2026/114"), std::string::npos);
    EXPECT_EQ(store_->trail(kAdmin, "incident", alert.fingerprint, 10)->front().action, "incident.acknowledge");
    EXPECT_TRUE(store_->verifyTrail(kAdmin)->intact);
}

// A service whose targets answer but that has an open alert (error budget, latency) is degraded.
TEST_F(StoreTest, AServiceWithAnOpenAlertIsDegradedAndTheLastReportIsKnown) {
    seed();
    MonitoringStore m(*store_);
    const Session collector = MonitoringStore::collectorSession();
    EXPECT_FALSE(m.collectorState(kAdmin, store_->clock().now())->silent);  // nothing to scrape yet
    const QDateTime t0 = store_->clock().now().addSecs(-300);
    ASSERT_TRUE(m.registerTarget(collector, "platform", "10.0.0.1:80", "http://10.0.0.1/metrics", "svarut", 120000));
    EXPECT_TRUE(m.collectorState(kAdmin, store_->clock().now())->silent);  // registered, never scraped
    ASSERT_TRUE(m.recordScrape(collector, "platform", "10.0.0.1:80", t0, true, {}, 5, 10));
    ASSERT_TRUE(m.writeMinutes(collector, {ServiceMinute{"svarut", t0.addSecs(-60), 1, 1, 100, 12, 0.1, 4.9, 5.0}}));
    auto state = m.collectorState(kAdmin, store_->clock().now());
    ASSERT_TRUE(state);
    EXPECT_EQ(state->lastReport, t0);
    EXPECT_EQ(state->scrapeIntervalMs, 120000);
    EXPECT_FALSE(state->silent);  // five minutes with a two-minute interval: not three intervals yet
    auto before = m.serviceStatus(kAdmin, store_->clock().now());
    ASSERT_TRUE(before && before->size() == 1);
    EXPECT_EQ(before->front().state, "up");
    EXPECT_EQ(before->front().lastScrape, t0);
    EXPECT_EQ(before->front().firstData, t0.addSecs(-60));
    // A chart over days reads hours: minutes not rolled up yet count in their hour.
    ASSERT_TRUE(m.writeMinutes(collector, {ServiceMinute{"svarut", t0.addSecs(-120), 1, 0, 50, 50, 0.1, 0.2, 0.3}}));
    auto hours = m.hours(kAdmin, "svarut", t0.addDays(-1), store_->clock().now());
    ASSERT_TRUE(hours) << hours.message();
    ASSERT_EQ(hours->size(), 1);
    EXPECT_EQ(hours->front().minute.time().minute(), 0);
    EXPECT_EQ(hours->front().scrapes, 2);
    EXPECT_EQ(hours->front().upScrapes, 1);
    EXPECT_DOUBLE_EQ(hours->front().errors, 62);
    EXPECT_DOUBLE_EQ(*hours->front().p95, 4.9);
    ASSERT_TRUE(IncidentStore(*store_).raise(collector, test::incident("Responstid|svarut", "monitoring", "warning", "svarut"), t0));
    auto after = m.serviceStatus(kAdmin, store_->clock().now());
    EXPECT_EQ(after->front().state, "degraded");
    EXPECT_EQ(after->front().openAlerts, 1);
    // Seven minutes after the last scrape (3.5 intervals) nothing shown is current any more.
    const QDateTime later = t0.addSecs(420);
    EXPECT_TRUE(m.collectorState(kAdmin, later)->silent);
    auto silent = m.serviceStatus(kAdmin, later);
    EXPECT_EQ(silent->front().state, "unknown");
    EXPECT_TRUE(silent->front().stale);
}

// Callers choose exit codes and dialogs by the kind, never by reading the message.
TEST_F(StoreTest, ErrorsCarryTheirKind) {
    seed();
    const Session revisor{"revisor", Role::Revisor};
    EXPECT_EQ(CatalogService(*store_).save(revisor, svarut()).kind(), ErrorKind::Denied);
    CatalogEntry nameless = svarut();
    nameless.name.clear();
    EXPECT_EQ(CatalogService(*store_).save(kAdmin, nameless).kind(), ErrorKind::Invalid);
    UserService users(*store_);
    ASSERT_TRUE(users.add(kAdmin, {"kari", "Kari", Role::Leder, "langt nok passord", {}}));
    EXPECT_EQ(users.add(kAdmin, {"kari", "Kari", Role::Leder, "langt nok passord", {}}).kind(), ErrorKind::Conflict);
    EXPECT_EQ(users.authenticate("kari", "feil passord").kind(), ErrorKind::Denied);
    EXPECT_EQ(MonitoringStore(*store_).recordScrape(MonitoringStore::collectorSession(), "nope", "x:1", store_->clock().now(), true, {}, 1, 1).kind(),
              ErrorKind::NotFound);
    // A constraint the database enforces is a conflict; SQL it cannot run is an I/O failure.
    EXPECT_EQ(store_->db().exec("INSERT INTO fylker (number, name) VALUES ('40', 'A'), ('40', 'B')").kind(), ErrorKind::Conflict);
    EXPECT_EQ(store_->db().exec("SELECT * FROM no_such_table").kind(), ErrorKind::Io);
    if (!db_.postgres()) {
        EXPECT_EQ(Store::open(db_.url() + ".typo", Store::OpenMode::MustExist).kind(), ErrorKind::NotFound);
    }
}

// TLS is verified for every server not on this machine; a name that only starts like a
// loopback address (127.evil.example) is somewhere else. The password never shows.
TEST(DatabaseUrl, TlsIsVerifiedAwayFromLoopbackAndThePasswordIsNeverShown) {
    for (const char* host : {"db.example.no", "127.evil.example", "127.0.0.1.nip.io", "10.0.0.5", "[2001:db8::1]"}) {
        auto url = parseDatabaseUrl(QStringLiteral("postgresql://vakt:hemmelig@%1:5432/vakt").arg(QLatin1String(host)));
        ASSERT_TRUE(url) << host << ": " << url.message();
        EXPECT_TRUE(url->options.contains("sslmode=verify-full")) << host;
        EXPECT_FALSE(url->redacted().contains("hemmelig")) << host;
    }
    for (const char* host : {"127.0.0.1", "127.1.2.3", "localhost", "[::1]"}) {
        auto url = parseDatabaseUrl(QStringLiteral("postgresql://vakt@%1:5432/vakt").arg(QLatin1String(host)));
        ASSERT_TRUE(url) << host << ": " << url.message();
        EXPECT_FALSE(url->options.contains("sslmode")) << host;
    }
    auto chosen = parseDatabaseUrl("postgresql://vakt@db.example.no/vakt?sslmode=require");
    ASSERT_TRUE(chosen) << chosen.message();
    EXPECT_FALSE(chosen->options.contains("verify-full"));
}

TEST_F(StoreTest, AnUnknownRoleDoesNotRevealThatTheUserExists) {
    UserService users(*store_);
    ASSERT_TRUE(users.add(kAdmin, {"kari", "Kari", Role::Leder, "langt nok passord", {}}));
    ASSERT_TRUE(store_->db().exec("UPDATE users SET role = 'superbruker' WHERE username = 'kari'"));
    auto tampered = users.authenticate("kari", "langt nok passord");
    auto nobody = users.authenticate("ingen", "langt nok passord");
    ASSERT_FALSE(tampered);
    ASSERT_FALSE(nobody);
    EXPECT_EQ(tampered.message(), nobody.message());
    EXPECT_EQ(tampered.kind(), ErrorKind::Denied);
}
