// Privilege reviews on both engines, as the security officer and the reviewers meet them: grant
// exports refused with FILE:LINE for unknown people and organisations, person ids never stored
// in clear, each import's differences, flags from the catalogue and the audit ledger, reviewers
// by rule and never of their own grants, the modes, closing with a signed attestation that
// detects a change, and the next import's check that revocations took effect.
#include <gtest/gtest.h>

#include <QBuffer>
#include <QTemporaryDir>

#include "access/access_service.h"
#include "collector/audit/keys.h"
#include "collector/audit/ledger.h"
#include "core/catalog_service.h"
#include "core/civil_time.h"
#include "core/clock.h"
#include "core/organisation_service.h"
#include "core/store.h"
#include "tests/support/audit_events.h"
#include "tests/support/test_db.h"

using namespace vakt;
using namespace vakt::access;
using vakt::test::TestDatabase;

namespace {

const Session kOfficer{QStringLiteral("sikkerhetsansvarlig"), Role::Sikkerhetsansvarlig};
const Session kLeader{QStringLiteral("leder"), Role::Leder};  // Astrid Vold
const Session kOwner{QStringLiteral("produktansvarlig"), Role::Produktansvarlig};  // Ingrid Solheim
const Session kAuditor{QStringLiteral("revisor"), Role::Revisor};
const Session kDesk{QStringLiteral("brukerstotte"), Role::Brukerstotte};
const Session kBoard{QStringLiteral("endringsrad"), Role::Endringsrad};
const Session kAdmin{QStringLiteral("admin"), Role::Admin};
const Session kSystem{QStringLiteral("system:test"), Role::Admin};

const QString kAstrid = QStringLiteral("astrid.vold@fellestjenester.example");
const QString kHeader = QStringLiteral(
    "holder_type,holder_id,holder_email,holder_name,orgnr,service,privilege,detail,service_area,holder_area,legal_basis,confidential,scopes,role,"
    "leader_email,granted_by,granted_at\n");

QDateTime oslo(int y, int m, int d, int h) { return QDateTime(QDate(y, m, d), QTime(h, 0), platformZone()).toUTC(); }

// One grant line; fields not given are empty.
struct Line {
    QString type = QStringLiteral("person"), id, email, name, orgnr, service, privilege = QStringLiteral("privilege"), detail, area, holderArea,
            basis;
    bool confidential = false;
    QString scopes, role = QStringLiteral("Saksbehandler"), leader;
    QString text() const {
        return QStringList{type, id, email, name, orgnr, service, privilege, detail, area, holderArea, basis,
                           confidential ? QStringLiteral("true") : QStringLiteral("false"), scopes, role, leader, leader, QStringLiteral("2025-01-15")}
                   .join(QLatin1Char(',')) +
               QLatin1Char('\n');
    }
};
QByteArray csv(const QList<Line>& lines) {
    QString out = kHeader;
    for (const auto& l : lines) out += l.text();
    return out.toUtf8();
}

class AccessReviewTest : public ::testing::Test {
protected:
    void SetUp() override {
        // Tuesday 1 December 2026, 09:00.
        clock_ = std::make_shared<FixedClock>(oslo(2026, 12, 1, 9));
        auto s = Store::open(db_.url(), Store::OpenMode::MustExist, clock_);
        ASSERT_TRUE(s.ok()) << s.message();
        store_ = std::move(*s);
        ASSERT_TRUE(audit::LedgerKeys::init(keysDir_.path() + QStringLiteral("/keys")).ok());
        auto keys = audit::LedgerKeys::load(keysDir_.path() + QStringLiteral("/keys"));
        ASSERT_TRUE(keys.ok()) << keys.message();
        keys_ = std::make_unique<audit::LedgerKeys>(std::move(*keys));
        // The operator and a municipality, with people the tests name.
        OrganisationService orgs(*store_);
        auto ops = orgs.organisations(kSystem, OrgKind::PlatformOperator);
        ASSERT_TRUE(ops.ok() && !ops->isEmpty());
        operator_ = ops->front().orgnr;
        auto kommuner = orgs.organisations(kSystem, OrgKind::Kommune);
        ASSERT_TRUE(kommuner.ok() && kommuner->size() > 3);
        kommune_ = kommuner->at(3).orgnr;
        for (int i = 0; i < 6; ++i) addPerson(worker(i), kommune_, Employment::Active);
        addPerson(QStringLiteral("sjef@test.kommune.example"), kommune_, Employment::Active);
        addPerson(QStringLiteral("sluttet@test.kommune.example"), kommune_, Employment::Left);
    }
    static QString worker(int i) { return QStringLiteral("ansatt%1@test.kommune.example").arg(i); }
    void addPerson(const QString& email, const QString& orgnr, const QString& employment) {
        Person p;
        p.name = email.section(QLatin1Char('@'), 0, 0);
        p.email = email;
        p.orgnr = orgnr;
        p.title = QStringLiteral("Saksbehandler");
        p.employment = employment;
        auto s = OrganisationService(*store_).savePerson(kSystem, p);
        ASSERT_TRUE(s.ok()) << s.message();
    }
    Line grant(const QString& email, const QString& privilege = QStringLiteral("privilege"), const QString& detail = QStringLiteral("send:oppvekst")) const {
        Line l;
        l.email = email;
        l.orgnr = kommune_;
        l.service = QStringLiteral("svarut");
        l.privilege = privilege;
        l.detail = detail;
        l.leader = QStringLiteral("sjef@test.kommune.example");
        if (privilege == QLatin1String("admin")) l.service.clear(), l.detail.clear();
        return l;
    }
    Result<ImportReport> import(const QList<Line>& lines, const QString& name = QStringLiteral("tilganger.csv"), const audit::LedgerKeys* keys = nullptr) {
        return AccessService(*store_).importGrants(kOfficer, name, csv(lines), keys);
    }
    qint64 campaign(std::vector<ReviewerRule> reviewers, Mode mode = Mode::Full, const QString& unanswered = QStringLiteral("revoke")) {
        CampaignSpec spec;
        spec.name = QStringLiteral("Gjennomgang");
        spec.mode = mode;
        spec.reviewers = std::move(reviewers);
        spec.due = QDate(2026, 12, 15);
        spec.unanswered = unanswered;
        auto id = AccessService(*store_).createCampaign(kOfficer, spec);
        EXPECT_TRUE(id.ok()) << id.message();
        return id.ok() ? *id : 0;
    }
    static std::vector<ReviewerRule> named(const QString& email) { return {ReviewerRule{ReviewerRule::Kind::Named, email.toStdString()}}; }
    std::optional<ReviewItem> itemOf(qint64 id, const QString& email, const QString& detail = {}) {
        auto all = AccessService(*store_).items(kOfficer, id);
        EXPECT_TRUE(all.ok()) << all.message();
        if (all.ok())
            for (const auto& i : *all)
                if (QString::fromStdString(i.grant.holderEmail) == email && (detail.isEmpty() || QString::fromStdString(i.grant.detail) == detail)) return i;
        return std::nullopt;
    }
    qint64 rows(const QString& sql) {
        auto r = store_->db().query(sql);
        EXPECT_TRUE(r.ok()) << r.message();
        return r.ok() && !r->empty() ? r->front().value(0).toLongLong() : -1;
    }

    TestDatabase db_{TestDatabase::Content::Demo};
    QTemporaryDir keysDir_;
    std::shared_ptr<FixedClock> clock_;
    std::unique_ptr<Store> store_;
    std::unique_ptr<audit::LedgerKeys> keys_;
    QString operator_, kommune_;
};

TEST_F(AccessReviewTest, UnknownPeopleAndOrganisationsAreReportedWithTheirLineAndNothingIsStored) {
    const qint64 before = rows(QStringLiteral("SELECT COUNT(*) FROM access_imports"));
    Line stranger = grant(QStringLiteral("ukjent@test.kommune.example"));
    Line noOrg = grant(worker(1));
    noOrg.orgnr = QStringLiteral("974760673");  // a valid number nobody registered
    Line noService = grant(worker(2));
    noService.service = QStringLiteral("finnes-ikke");
    auto r = import({grant(worker(0)), stranger, noOrg, noService});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.kind(), ErrorKind::NotFound);
    EXPECT_NE(r.message().find("tilganger.csv:3: field 'holder_email'"), std::string::npos) << r.message();
    EXPECT_NE(r.message().find("tilganger.csv:4: field 'orgnr'"), std::string::npos) << r.message();
    EXPECT_NE(r.message().find("tilganger.csv:5: field 'service'"), std::string::npos) << r.message();
    EXPECT_EQ(rows(QStringLiteral("SELECT COUNT(*) FROM access_imports")), before);
    // Never created on the way.
    auto people = CatalogService(*store_).people(kOfficer);
    ASSERT_TRUE(people.ok());
    for (const auto& p : *people) EXPECT_NE(p.email, QStringLiteral("ukjent@test.kommune.example"));
}

TEST_F(AccessReviewTest, PersonIdsArePseudonymisedAndNeedTheLedgersKey) {
    Line withId = grant(worker(0));
    withId.id = QStringLiteral("15058534541");
    auto refused = import({withId});
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.message().find("--keys"), std::string::npos) << refused.message();
    auto r = import({withId}, QStringLiteral("tilganger.csv"), keys_.get());
    ASSERT_TRUE(r.ok()) << r.message();
    EXPECT_EQ(rows(QStringLiteral("SELECT COUNT(*) FROM access_grants WHERE holder_key LIKE '%15058534541%'")), 0);
    EXPECT_EQ(rows(QStringLiteral("SELECT COUNT(*) FROM access_grants WHERE holder_key = '") +
                   QString::fromStdString(audit::pseudonym(keys_->hmacKey(), "15058534541")) + QLatin1Char('\'')),
              1);
    EXPECT_EQ(rows(QStringLiteral("SELECT COUNT(*) FROM trail WHERE after_json LIKE '%15058534541%' OR before_json LIKE '%15058534541%'")), 0);
}

TEST_F(AccessReviewTest, EachImportIsKeptAndTheNextShowsWhatWasAddedRemovedAndChanged) {
    ASSERT_TRUE(import({grant(worker(0)), grant(worker(1)), grant(worker(2))}).ok());
    Line moved = grant(worker(1));
    moved.role = QStringLiteral("Leder");
    auto r = import({moved, grant(worker(2)), grant(worker(3))}, QStringLiteral("neste.csv"));
    ASSERT_TRUE(r.ok()) << r.message();
    EXPECT_EQ(r->import.grants, 3);
    EXPECT_EQ(r->import.added, 1);
    EXPECT_EQ(r->import.removed, 1);
    EXPECT_EQ(r->import.changed, 1);
    auto all = AccessService(*store_).imports(kOfficer);
    ASSERT_TRUE(all.ok());
    ASSERT_GE(all->size(), 2);
    EXPECT_EQ(all->front().fileName, QStringLiteral("neste.csv"));
    auto first = AccessService(*store_).grants(kOfficer, all->at(1).id);
    ASSERT_TRUE(first.ok());
    EXPECT_EQ(first->size(), 3u);  // the earlier import is still there as it was
}

TEST_F(AccessReviewTest, FlagsComeFromTheCatalogueTheLedgerAndTheRules) {
    // Worker 0 used SvarUt yesterday; worker 1 last in the summer; the leaver never.
    audit::Ledger ledger(*store_, *keys_);
    QByteArray events;
    events += test::auditEvent().at(QStringLiteral("2026-11-30T10:00:00+01:00")).service(QStringLiteral("svarut"))
                  .actor(QStringLiteral("01017012181"), QStringLiteral("person"), kommune_).line();
    events += test::auditEvent().at(QStringLiteral("2026-06-30T10:00:00+01:00")).service(QStringLiteral("svarut"))
                  .actor(QStringLiteral("02027012100"), QStringLiteral("person"), kommune_).line();
    QBuffer input(&events);
    input.open(QIODevice::ReadOnly);
    audit::SourceSpec source;
    source.key = QStringLiteral("test");
    source.name = QStringLiteral("test");
    auto stats = ledger.ingest(kOfficer, source, input);
    ASSERT_TRUE(stats.ok()) << stats.message();

    Line active = grant(worker(0));
    active.id = QStringLiteral("01017012181");
    Line idle = grant(worker(1));
    idle.id = QStringLiteral("02027012100");
    Line leaver = grant(QStringLiteral("sluttet@test.kommune.example"));
    leaver.id = QStringLiteral("03037012059");
    Line admin = grant(worker(2), QStringLiteral("admin"));
    Line registerRole = grant(worker(2), QStringLiteral("folkeregister_role"), QStringLiteral("Barnevern"));
    registerRole.service = QStringLiteral("fiks-folkeregister");
    registerRole.confidential = true;  // and no legal basis
    registerRole.area = QStringLiteral("barnevern");
    registerRole.holderArea = QStringLiteral("skole");
    ASSERT_TRUE(AccessService(*store_)
                    .setSodRules(kOfficer, QStringLiteral("rules:\n  - id: admin-og-register\n    name: Ikke begge\n    conflicting:\n"
                                                          "      - {privilege: admin}\n      - {privilege: folkeregister_role}\n"))
                    .ok());
    auto r = import({active, idle, leaver, admin, registerRole}, QStringLiteral("tilganger.csv"), keys_.get());
    ASSERT_TRUE(r.ok()) << r.message();
    const qint64 id = campaign(named(kAstrid));
    auto flagsOf = [&](const QString& email, const QString& detail = {}) {
        auto item = itemOf(id, email, detail);
        EXPECT_TRUE(item.has_value()) << email.toStdString();
        return item ? item->flags : Flags(0);
    };
    EXPECT_FALSE(has(flagsOf(worker(0)), Flag::Unused));
    EXPECT_TRUE(has(flagsOf(worker(1)), Flag::Unused));  // five months ago
    EXPECT_TRUE(has(flagsOf(QStringLiteral("sluttet@test.kommune.example")), Flag::LeftOrMoved));
    EXPECT_TRUE(has(flagsOf(QStringLiteral("sluttet@test.kommune.example")), Flag::Unused));
    EXPECT_FALSE(has(flagsOf(worker(0)), Flag::LeftOrMoved));
    const Flags reg = flagsOf(worker(2), QStringLiteral("Barnevern"));
    EXPECT_TRUE(has(reg, Flag::ConfidentialNoBasis));
    EXPECT_TRUE(has(reg, Flag::OutsideArea));
    EXPECT_TRUE(has(reg, Flag::SodConflict));
    EXPECT_TRUE(has(flagsOf(worker(2), QString()), Flag::Administrator));
    EXPECT_TRUE(has(flagsOf(worker(2), QString()), Flag::SodConflict));
    auto item = itemOf(id, worker(0));
    ASSERT_TRUE(item && item->lastUse);
    EXPECT_EQ(item->lastUse->toUTC(), oslo(2026, 11, 30, 10));
}

TEST_F(AccessReviewTest, ReviewersSeeOnlyTheirOwnItemsAndNeverReviewTheirOwnGrants) {
    // Astrid's own administrator grant, led by herself: it goes past her to the fallback.
    Line own;
    own.email = kAstrid;
    own.orgnr = operator_;
    own.privilege = QStringLiteral("admin");
    own.leader = kAstrid;
    Line theirs = grant(worker(0));
    theirs.leader = kAstrid;
    Line other = grant(worker(1));  // led by the municipality's own leader
    ASSERT_TRUE(import({own, theirs, other}).ok());
    const qint64 id = campaign({ReviewerRule{ReviewerRule::Kind::Leader, {}}});
    auto mine = AccessService(*store_).myItems(kLeader, id);
    ASSERT_TRUE(mine.ok()) << mine.message();
    ASSERT_EQ(mine->size(), 1);
    EXPECT_EQ(QString::fromStdString(mine->front().grant.holderEmail), worker(0));
    // Asking for someone else's items is refused, not answered with one's own.
    ItemFilter f;
    f.reviewer = QStringLiteral("sjef@test.kommune.example");
    EXPECT_EQ(AccessService(*store_).items(kLeader, id, f).kind(), ErrorKind::Denied);
    auto ownItem = itemOf(id, kAstrid);
    ASSERT_TRUE(ownItem);
    EXPECT_EQ(ownItem->reviewer, QStringLiteral("kari.nordby@fellestjenester.example"));  // the campaign's owner
    // Deciding it anyway is refused, even by naming the item.
    auto self = AccessService(*store_).decide(kLeader, id, ownItem->number, QStringLiteral("keep"), QStringLiteral("Trenger den"));
    EXPECT_EQ(self.kind(), ErrorKind::Denied);
    // A named reviewer who holds the grant is passed over too.
    ASSERT_TRUE(import({own}, QStringLiteral("bare-egen.csv")).ok());
    const qint64 second = campaign(named(kAstrid));
    auto ownAgain = itemOf(second, kAstrid);
    ASSERT_TRUE(ownAgain);
    EXPECT_NE(ownAgain->reviewer, kAstrid);
}

TEST_F(AccessReviewTest, KeepingAnAdministratorNeedsAJustificationAndEveryDecisionIsTrailed) {
    Line admin = grant(worker(0), QStringLiteral("admin"));
    ASSERT_TRUE(import({admin, grant(worker(1))}).ok());
    const qint64 id = campaign(named(kAstrid));
    auto item = itemOf(id, worker(0));
    ASSERT_TRUE(item);
    AccessService access(*store_);
    auto bare = access.decide(kLeader, id, item->number, QStringLiteral("keep"), QString());
    ASSERT_FALSE(bare.ok());
    EXPECT_NE(bare.message().find("justification"), std::string::npos) << bare.message();
    const qint64 trail = rows(QStringLiteral("SELECT COUNT(*) FROM trail WHERE action = 'access.decide'"));
    ASSERT_TRUE(access.decide(kLeader, id, item->number, QStringLiteral("keep"), QStringLiteral("Eneste administrator i kommunen")).ok());
    EXPECT_EQ(rows(QStringLiteral("SELECT COUNT(*) FROM trail WHERE action = 'access.decide'")), trail + 1);
    auto decided = itemOf(id, worker(0));
    ASSERT_TRUE(decided);
    EXPECT_EQ(decided->decision, QStringLiteral("keep"));
    EXPECT_EQ(decided->decidedBy, QStringLiteral("leder"));
    // Reduce needs what to; delegate moves the item to the new reviewer.
    auto plain = itemOf(id, worker(1));
    ASSERT_TRUE(plain);
    EXPECT_FALSE(access.decide(kLeader, id, plain->number, QStringLiteral("reduce"), QString()).ok());
    ASSERT_TRUE(access.decide(kLeader, id, plain->number, QStringLiteral("delegate"), QString(), QString(), QStringLiteral("ingrid.solheim@fellestjenester.example")).ok());
    auto theirs = access.myItems(kOwner, id);
    ASSERT_TRUE(theirs.ok()) << theirs.message();
    ASSERT_EQ(theirs->size(), 1);
    EXPECT_EQ(theirs->front().number, plain->number);
    EXPECT_EQ(access.decide(kLeader, id, plain->number, QStringLiteral("revoke"), QString()).kind(), ErrorKind::Denied);
}

TEST_F(AccessReviewTest, ClosingSignsAnAttestationThatDetectsAnyChangeAndTheNextImportChecksRevocations) {
    ASSERT_TRUE(import({grant(worker(0)), grant(worker(1)), grant(worker(2))}).ok());
    const qint64 id = campaign(named(kAstrid), Mode::Full, QStringLiteral("revoke"));
    AccessService access(*store_);
    ASSERT_TRUE(access.decide(kLeader, id, itemOf(id, worker(0))->number, QStringLiteral("keep"), QString()).ok());
    ASSERT_TRUE(access.decide(kLeader, id, itemOf(id, worker(1))->number, QStringLiteral("revoke"), QStringLiteral("Byttet jobb")).ok());
    // Worker 2's is unanswered: closing must wait for the due date.
    // No provisional revocation list: only the one fixed and signed at the close.
    EXPECT_EQ(access.revocations(kOfficer, id).kind(), ErrorKind::Conflict);
    auto early = access.close(kOfficer, id, *keys_);
    ASSERT_FALSE(early.ok());
    EXPECT_EQ(early.kind(), ErrorKind::Conflict);
    clock_->set(oslo(2026, 12, 16, 9));
    auto closed = access.close(kOfficer, id, *keys_);
    ASSERT_TRUE(closed.ok()) << closed.message();
    auto c = access.campaign(kOfficer, id);
    ASSERT_TRUE(c.ok());
    EXPECT_EQ(c->state, QStringLiteral("closed"));
    EXPECT_EQ(c->revocations, 2);  // the decided one and the unanswered one
    EXPECT_FALSE(access.decide(kLeader, id, 1, QStringLiteral("keep"), QString()).ok());

    auto file = access.attestation(kAuditor, id);
    ASSERT_TRUE(file.ok()) << file.message();
    EXPECT_TRUE(AccessService::verifyAttestation(*file, *keys_).ok());
    // A decision changed in the file.
    QByteArray changed = *file;
    const qsizetype at = changed.indexOf("\"revoke\"");
    ASSERT_GT(at, 0);
    changed.replace(at, 8, "\"keep\"  ");
    auto check = AccessService::verifyAttestation(changed, *keys_);
    EXPECT_FALSE(check.ok());
    EXPECT_FALSE(check.signatureValid);
    // A decision given twice: a reader taking the first sees "keep", Qt's reader the signed "revoke".
    QByteArray twice = *file;
    const qsizetype decisionAt = twice.indexOf("\"decision\": \"revoke\"");
    ASSERT_GT(decisionAt, 0);
    twice.insert(decisionAt, "\"decision\": \"keep\",\n");
    auto doubled = AccessService::verifyAttestation(twice, *keys_);
    EXPECT_FALSE(doubled.ok());
    EXPECT_TRUE(doubled.problem.contains(QStringLiteral("given twice"))) << doubled.problem.toStdString();
    // Another key, as if the file had been re-signed by someone else.
    QTemporaryDir otherDir;
    ASSERT_TRUE(audit::LedgerKeys::init(otherDir.path() + QStringLiteral("/k")).ok());
    auto other = audit::LedgerKeys::load(otherDir.path() + QStringLiteral("/k"));
    ASSERT_TRUE(other.ok());
    EXPECT_FALSE(AccessService::verifyAttestation(*file, *other).ok());

    // The platform removed worker 1's grant but not worker 2's.
    auto next = import({grant(worker(0)), grant(worker(2))}, QStringLiteral("etterpå.csv"));
    ASSERT_TRUE(next.ok()) << next.message();
    EXPECT_EQ(next->import.revocationsChecked, 2);
    ASSERT_EQ(next->notEffective.size(), 1);
    EXPECT_TRUE(next->notEffective.front().grantKey.contains(worker(2)));
    // Once done, the following import finds nothing left.
    auto after = import({grant(worker(0))}, QStringLiteral("senere.csv"));
    ASSERT_TRUE(after.ok());
    EXPECT_TRUE(after->notEffective.isEmpty());
}

TEST_F(AccessReviewTest, DifferentialTakesWhatChangedAndLeaversTakesThoseWhoLeft) {
    ASSERT_TRUE(import({grant(worker(0)), grant(worker(1)), grant(QStringLiteral("sluttet@test.kommune.example"))}).ok());
    ASSERT_GT(campaign(named(kAstrid)), 0);
    Line moved = grant(worker(1));
    moved.detail = QStringLiteral("send:helse");  // a new grant under another key
    ASSERT_TRUE(import({grant(worker(0)), grant(worker(1)), moved, grant(QStringLiteral("sluttet@test.kommune.example"))}, QStringLiteral("ny.csv")).ok());
    const qint64 diff = campaign(named(kAstrid), Mode::Differential);
    auto items = AccessService(*store_).items(kOfficer, diff);
    ASSERT_TRUE(items.ok());
    ASSERT_EQ(items->size(), 1);
    EXPECT_EQ(items->front().grant.detail, "send:helse");
    const qint64 leavers = campaign(named(kAstrid), Mode::Leavers);
    auto left = AccessService(*store_).items(kOfficer, leavers);
    ASSERT_TRUE(left.ok());
    ASSERT_EQ(left->size(), 1);
    EXPECT_EQ(left->front().grant.holderEmail, "sluttet@test.kommune.example");
}

TEST_F(AccessReviewTest, RolesGetOnlyWhatTheyNeed) {
    ASSERT_TRUE(import({grant(worker(0))}).ok());
    const qint64 id = campaign(named(kAstrid));
    AccessService access(*store_);
    for (const Session& who : {kDesk, kBoard, kAdmin}) {
        SCOPED_TRACE(who.username.toStdString());
        EXPECT_EQ(access.campaigns(who).kind(), ErrorKind::Denied);
        EXPECT_EQ(access.items(who, id).kind(), ErrorKind::Denied);
        EXPECT_EQ(access.importGrants(who, QStringLiteral("x.csv"), csv({grant(worker(0))}), nullptr).kind(), ErrorKind::Denied);
    }
    // The revisor reads everything and changes nothing.
    EXPECT_TRUE(access.items(kAuditor, id).ok());
    EXPECT_TRUE(access.imports(kAuditor).ok());
    EXPECT_EQ(access.decide(kAuditor, id, 1, QStringLiteral("keep"), QString()).kind(), ErrorKind::Denied);
    EXPECT_EQ(access.close(kAuditor, id, *keys_).kind(), ErrorKind::Denied);
    // A leader reads their own items, not the campaign's progress or the grants.
    EXPECT_EQ(access.progress(kLeader, id).kind(), ErrorKind::Denied);
    EXPECT_EQ(access.imports(kLeader).kind(), ErrorKind::Denied);
    EXPECT_EQ(access.createCampaign(kLeader, CampaignSpec{}).kind(), ErrorKind::Denied);
}

TEST_F(AccessReviewTest, MalformedFilesAreRefusedWithFileAndLine) {
    auto bad = AccessService(*store_).importGrants(kOfficer, QStringLiteral("feil.csv"),
                                                   (kHeader + QStringLiteral("person,,a@b.example,,123,svarut,privilege,x,,,,false,,r,,,\n")).toUtf8(), nullptr);
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.message().find("feil.csv:2: field 'orgnr'"), std::string::npos) << bad.message();
    auto unknownColumn = AccessService(*store_).importGrants(kOfficer, QStringLiteral("kolonne.csv"), QByteArray("holder_type,tilgang\nperson,x\n"), nullptr);
    ASSERT_FALSE(unknownColumn.ok());
    EXPECT_NE(unknownColumn.message().find("kolonne.csv:1"), std::string::npos) << unknownColumn.message();
}

TEST_F(AccessReviewTest, TwoStagesAreTwoPeople) {
    Line l = grant(worker(0));
    l.leader = kAstrid;
    ASSERT_TRUE(import({l}).ok());
    CampaignSpec spec;
    spec.name = QStringLiteral("To trinn");
    spec.reviewers = named(kAstrid);
    spec.secondStage = named(kAstrid);  // the same person again
    spec.due = QDate(2026, 12, 15);
    auto id = AccessService(*store_).createCampaign(kOfficer, spec);
    ASSERT_TRUE(id.ok()) << id.message();
    auto item = itemOf(*id, worker(0));
    ASSERT_TRUE(item);
    EXPECT_EQ(item->reviewer, kAstrid);
    EXPECT_NE(item->secondReviewer, kAstrid);
    AccessService access(*store_);
    ASSERT_TRUE(access.decide(kLeader, *id, item->number, QStringLiteral("keep"), QString()).ok());
    // The first stage's reviewer cannot take the second by delegation or by being asked again.
    EXPECT_EQ(access.decide(kLeader, *id, item->number, QStringLiteral("revoke"), QString()).kind(), ErrorKind::Denied);
}

TEST_F(AccessReviewTest, UnusedIsNotSaidBeforeTheLedgerCouldHaveSeenAUse) {
    // A ledger that began yesterday, for SvarUt only.
    audit::Ledger ledger(*store_, *keys_);
    QByteArray events = test::auditEvent().at(QStringLiteral("2026-11-30T10:00:00+01:00")).service(QStringLiteral("svarut"))
                            .actor(QStringLiteral("01017012181"), QStringLiteral("person"), kommune_).line();
    QBuffer input(&events);
    input.open(QIODevice::ReadOnly);
    audit::SourceSpec source;
    source.key = QStringLiteral("ny");
    source.name = QStringLiteral("ny");
    ASSERT_TRUE(ledger.ingest(kOfficer, source, input).ok());
    Line idle = grant(worker(1));
    idle.id = QStringLiteral("02027012100");
    ASSERT_TRUE(import({idle}, QStringLiteral("tilganger.csv"), keys_.get()).ok());
    const qint64 id = campaign(named(kAstrid));
    auto item = itemOf(id, worker(1));
    ASSERT_TRUE(item);
    EXPECT_FALSE(item->usageKnown);
    EXPECT_FALSE(has(item->flags, Flag::Unused));
}

}  // namespace
