// The Tilgangsgjennomgang page as the acceptance test runs it, in real windows under Xvfb:
// the security officer imports an export of 200 grants led by one leader (and a few led by a
// product owner, and one held by the leader herself), and creates a campaign through the dialog;
// the leader decides all 200 from the keyboard alone (privileged grants only with a
// justification typed into the dialog and confirmed with Ctrl+Enter), and sees nobody else's;
// her own grant went to the campaign's owner; the officer closes the campaign with the key
// directory, exports the attestation and checks it, and a changed byte is caught; the revisor
// reads it all but changes nothing.
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>
#include <algorithm>
#include <memory>
#include <utility>

#include "access/access_service.h"
#include "app/modules.h"
#include "collector/audit/keys.h"
#include "core/domain.h"
#include "core/organisation_service.h"
#include "core/user_service.h"
#include "desktop/access/access_dialogs.h"
#include "desktop/access/access_page.h"
#include "desktop/access/review_model.h"
#include "desktop/access/review_view.h"
#include "desktop/shell/language.h"
#include "desktop/shell/main_window.h"
#include "tests/support/app_context.h"
#include "tests/support/test_db.h"

using namespace vakt;
using namespace vakt::desktop;

namespace {
constexpr int kLedGrants = 200;  // held by others, led by the leader: hers to review
constexpr int kPeople = 40;      // five grants each
constexpr int kOtherGrants = 5;  // led by the product owner
const QString kCsvHeader = QStringLiteral(
    "holder_type,holder_id,holder_email,holder_name,orgnr,service,privilege,detail,service_area,holder_area,legal_basis,confidential,scopes,role,"
    "leader_email,granted_by,granted_at\n");

QString csvLine(const QString& email, const QString& name, const QString& orgnr, const QString& service, const QString& privilege,
                const QString& detail, const QString& leader) {
    return QStringList{QStringLiteral("person"), QString(), email, name, orgnr, service, privilege, detail, QString(), QString(), QString(),
                       QStringLiteral("false"), QString(), QStringLiteral("Saksbehandler"), leader, leader, QStringLiteral("2025-03-01")}
               .join(QLatin1Char(',')) +
           QLatin1Char('\n');
}
}  // namespace

class AccessGuiTest : public QObject {
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> db_;
    QTemporaryDir dir_;
    QString keysDir_, grantsFile_, attestationFile_;
    QString leaderUser_, leaderEmail_, ownerUser_, ownerEmail_;
    QStringList ledHolders_, otherHolders_;
    qint64 campaignId_ = 0;

    std::unique_ptr<AppContext> open(const Session& who) {
        return test::openAppContext(db_->url(), who, keysDir_);
    }

    Session leader() const { return Session{leaderUser_, Role::Leder}; }
    Session productOwner() const { return Session{ownerUser_, Role::Produktansvarlig}; }
    static Session officer() { return Session{QStringLiteral("sikkerhetsansvarlig"), Role::Sikkerhetsansvarlig}; }
    static Session revisor() { return Session{QStringLiteral("revisor"), Role::Revisor}; }
    static Session admin() { return Session{QStringLiteral("admin"), Role::Admin}; }

    // Presses `key` on the table; the dialog it opens gets `text` typed into `field` and Ctrl+Enter.
    // Gives what the dialog said when it stayed open (it is then cancelled), empty when it closed
    // after saving, "no dialog" when none opened.
    static QString keyWithDialog(QWidget* table, Qt::Key key, const char* field, const QString& text) {
        QString stayedOpenWith;
        bool seen = false;
        QTimer::singleShot(0, [&] {
            auto* dialog = qobject_cast<CaseDialog*>(QApplication::activeModalWidget());
            if (!dialog) return;
            seen = true;
            QWidget* edit = dialog->findChild<QWidget*>(QString::fromLatin1(field));
            if (edit) {
                if (!text.isEmpty()) QTest::keyClicks(edit, text);
                QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
            }
            if (dialog->isVisible()) {
                stayedOpenWith = edit ? dialog->error() : QStringLiteral("no field %1").arg(QString::fromLatin1(field));
                if (stayedOpenWith.isEmpty()) stayedOpenWith = QStringLiteral("stayed open");
                dialog->reject();
            }
        });
        QTest::keyClick(table, key);
        return seen ? stayedOpenWith : QStringLiteral("no dialog");
    }

    static int decidedIn(const QList<access::ReviewItem>& items) {
        return static_cast<int>(std::count_if(items.cbegin(), items.cend(), [](const access::ReviewItem& i) { return !i.decision.isEmpty(); }));
    }

private slots:
    void initTestCase() {
        vakt::app::registerModules();
        QVERIFY(applyLanguage("nb"));
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QVERIFY(dir_.isValid());
        db_ = std::make_unique<test::TestDatabase>(test::TestDatabase::Content::Demo);
        keysDir_ = dir_.filePath("keys");
        QVERIFY(audit::LedgerKeys::init(keysDir_));

        auto store = Store::open(db_->url(), Store::OpenMode::MustExist);
        QVERIFY2(store, store ? "" : store.message().c_str());
        // The reviewers are Vakt users linked to people of the catalogue: a leader and a product owner.
        auto users = UserService(**store).list(admin());
        QVERIFY2(users, users ? "" : users.message().c_str());
        for (const UserInfo& u : *users) {
            if (u.role == Role::Leder && leaderUser_.isEmpty() && !u.personEmail.isEmpty()) {
                leaderUser_ = u.username;
                leaderEmail_ = u.personEmail.toLower();
            }
            if (u.role == Role::Produktansvarlig && ownerUser_.isEmpty() && !u.personEmail.isEmpty()) {
                ownerUser_ = u.username;
                ownerEmail_ = u.personEmail.toLower();
            }
        }
        QVERIFY(!leaderEmail_.isEmpty() && !ownerEmail_.isEmpty());

        // The holders work in a municipality of the catalogue; the export may name only people it knows.
        OrganisationService orgs(**store);
        auto kommuner = orgs.organisations(admin(), OrgKind::Kommune);
        QVERIFY(kommuner && !kommuner->isEmpty());
        const QString orgnr = kommuner->front().orgnr;
        auto addPerson = [&](const QString& email, const QString& name) {
            Person p;
            p.name = name;
            p.email = email;
            p.orgnr = orgnr;
            p.title = QStringLiteral("Saksbehandler");
            const Status saved = orgs.savePerson(admin(), p);
            QVERIFY2(saved, saved ? "" : saved.message().c_str());
        };
        for (int i = 1; i <= kPeople; ++i) {
            ledHolders_ << QStringLiteral("ansatt%1@tilgangstest.example").arg(i, 2, 10, QLatin1Char('0'));
            addPerson(ledHolders_.back(), QStringLiteral("Ansatt %1").arg(i));
        }
        for (int i = 1; i <= kOtherGrants; ++i) {
            otherHolders_ << QStringLiteral("konsulent%1@tilgangstest.example").arg(i);
            addPerson(otherHolders_.back(), QStringLiteral("Konsulent %1").arg(i));
        }

        // 200 grants led by the leader: five services each, every fourth person also administers SvarUt.
        QString csv = kCsvHeader;
        int led = 0;
        for (int i = 0; i < kPeople; ++i) {
            const QString& email = ledHolders_.at(i);
            const QString name = QStringLiteral("Ansatt %1").arg(i + 1);
            csv += csvLine(email, name, orgnr, QStringLiteral("svarut"), QStringLiteral("privilege"), QStringLiteral("send:oppvekst"), leaderEmail_);
            csv += csvLine(email, name, orgnr, QStringLiteral("digisos"), QStringLiteral("privilege"), QStringLiteral("les:sosial"), leaderEmail_);
            csv += csvLine(email, name, orgnr, QStringLiteral("fiks-arkiv"), QStringLiteral("privilege"), QStringLiteral("arkiv:les"), leaderEmail_);
            csv += csvLine(email, name, orgnr, QStringLiteral("minside"), QStringLiteral("privilege"), QStringLiteral("publiser"), leaderEmail_);
            if (i % 4 == 0)
                csv += csvLine(email, name, orgnr, QStringLiteral("svarut"), QStringLiteral("service_admin"), QString(), leaderEmail_);
            else
                csv += csvLine(email, name, orgnr, QStringLiteral("bekymringsmelding"), QStringLiteral("privilege"), QStringLiteral("motta"), leaderEmail_);
            led += 5;
        }
        QCOMPARE(led, kLedGrants);
        // The leader's own grant, the export naming herself as its leader.
        csv += csvLine(leaderEmail_, QStringLiteral("Leder selv"), orgnr, QStringLiteral("ks-laering"), QStringLiteral("privilege"), QStringLiteral("kurs:admin"),
                       leaderEmail_);
        // A few led by the product owner: another reviewer's.
        for (const QString& email : std::as_const(otherHolders_))
            csv += csvLine(email, QString(), orgnr, QStringLiteral("kjoretoyoppslag"), QStringLiteral("privilege"), QStringLiteral("oppslag"), ownerEmail_);
        grantsFile_ = dir_.filePath("tilganger.csv");
        QFile f(grantsFile_);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.write(csv.toUtf8()) > 0);
        f.close();
        attestationFile_ = dir_.filePath("attestasjon.json");
    }

    void theOfficerImportsTheGrantsAndCreatesACampaign() {
        auto ctx = open(officer());
        AccessPage page(*ctx);
        page.show();
        QVERIFY(page.tabs());
        const int importsBefore = page.importTable()->rowCount();

        // A file naming someone the catalogue does not know is refused whole, with its FILE:LINE.
        const QString bad = dir_.filePath("feil.csv");
        QFile b(bad);
        QVERIFY(b.open(QIODevice::WriteOnly));
        b.write((kCsvHeader + csvLine("ukjent@tilgangstest.example", {}, "000000000", "svarut", "privilege", "x", leaderEmail_)).toUtf8());
        b.close();
        QVERIFY(!page.importFile(bad));
        QVERIFY2(page.lastImportText().contains("feil.csv:2"), qPrintable(page.lastImportText()));
        QVERIFY(page.messageIsWarning());
        QCOMPARE(page.importTable()->rowCount(), importsBefore);

        const auto report = page.importFile(grantsFile_);
        QVERIFY2(report, qPrintable(page.lastImportText()));
        QCOMPARE(report->import.grants, kLedGrants + 1 + kOtherGrants);
        QCOMPARE(page.importTable()->rowCount(), importsBefore + 1);
        QVERIFY2(page.lastImportText().contains("tilganger.csv"), qPrintable(page.lastImportText()));

        // The campaign through its dialog: the leader reviews what she leads.
        bool seen = false;
        QString refused;
        QTimer::singleShot(0, [&] {
            auto* dialog = qobject_cast<NewCampaignDialog*>(QApplication::activeModalWidget());
            if (!dialog) return;
            seen = true;
            QTest::keyClicks(dialog->findChild<QLineEdit*>("campaignName"), "Tilgangsgjennomgang for test");
            dialog->setReviewerRules({access::ReviewerRule{access::ReviewerRule::Kind::Leader, {}}});
            dialog->setDue(ctx->store->clock().today().addDays(14));
            dialog->setUnanswered(QStringLiteral("revoke"));
            dialog->okButton()->click();
            if (dialog->isVisible()) {
                refused = dialog->error();
                dialog->reject();
            }
        });
        page.findChild<QPushButton*>("newCampaign")->click();
        QVERIFY(seen);
        QVERIFY2(refused.isEmpty(), qPrintable(refused));
        campaignId_ = page.currentCampaign();
        QVERIFY2(campaignId_ > 0, qPrintable(page.message()));
        QCOMPARE(page.campaign()->name, QStringLiteral("Tilgangsgjennomgang for test"));
        QCOMPARE(page.campaign()->items, kLedGrants + 1 + kOtherGrants);
        QVERIFY(page.progressTable()->rowCount() >= 3);  // the leader, the product owner, the owner
    }

    void aReviewerNeverGetsHerOwnGrant() {
        auto ctx = open(officer());
        access::AccessService service(*ctx->store);
        auto c = service.campaign(ctx->session, campaignId_);
        QVERIFY(c);
        auto all = service.items(ctx->session, campaignId_);
        QVERIFY(all);
        int own = 0;
        for (const access::ReviewItem& item : *all) {
            if (QString::fromStdString(item.grant.holderEmail) != leaderEmail_) continue;
            ++own;
            // Her leader rule names herself, so it went to the fallback: the campaign's owner.
            QCOMPARE(item.reviewer, c->ownerEmail);
            QVERIFY(item.reviewer != leaderEmail_);
            // Nor may she decide it when she tries.
            auto leaderCtx = open(leader());
            QVERIFY(!access::AccessService(*leaderCtx->store).decide(leaderCtx->session, campaignId_, item.number, "keep", "Min egen"));
        }
        QCOMPARE(own, 1);
    }

    void anotherReviewerSeesOnlyHerOwnAndIsToldWhyARefusal() {
        auto ctx = open(productOwner());
        AccessPage page(*ctx);
        page.show();
        QVERIFY2(!page.tabs(), "a reviewer sees no one else's items");
        ReviewView* view = page.reviewView();
        QVERIFY(view);
        QVERIFY(view->setCampaign(campaignId_));
        QCOMPARE(view->total(), kOtherGrants);
        for (int row = 0; row < view->model()->count(); ++row) {
            const access::ReviewItem* item = view->model()->itemAt(row);
            QVERIFY(otherHolders_.contains(QString::fromStdString(item->grant.holderEmail)));
            QCOMPARE(item->reviewer, ownerEmail_);
        }
        QCOMPARE(view->counterText(), QStringLiteral("0 av 5 avgjort"));
        QTableView* table = view->table();
        table->setFocus();

        // Enter and Space decide nothing.
        QTest::keyClick(table, Qt::Key_Return);
        QTest::keyClick(table, Qt::Key_Space);
        QCOMPARE(view->decidedCount(), 0);

        // Delegating to the holder: the service refuses, the dialog says so, the row stays open and
        // the status line is red.
        const auto first = view->currentItem();
        QVERIFY(first);
        const QString said = keyWithDialog(table, Qt::Key_D, "delegateTo", QString::fromStdString(first->grant.holderEmail));
        QVERIFY2(said.contains("delegate_to"), qPrintable(said));
        QVERIFY(view->messageIsWarning());
        QVERIFY2(view->message().contains("delegate_to"), qPrintable(view->message()));
        QCOMPARE(view->currentItem()->number, first->number);
        QCOMPARE(view->decidedCount(), 0);

        for (int step = 0; step < kOtherGrants; ++step) {
            QTest::keyClick(table, step % 2 ? Qt::Key_F : Qt::Key_B);
            QVERIFY2(view->decidedCount() == step + 1, qPrintable(view->message()));
        }
        QCOMPARE(view->counterText(), QStringLiteral("5 av 5 avgjort"));
        QVERIFY(!view->messageIsWarning());
    }

    void theLeaderDecidesTwoHundredByKeyboard() {
        auto ctx = open(leader());
        MainWindow window(*ctx);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.showModule("access"));
        auto* page = qobject_cast<AccessPage*>(window.page("access"));
        QVERIFY(page);
        ReviewView* view = page->reviewView();
        QVERIFY(view);
        QVERIFY(view->setCampaign(campaignId_));
        QCOMPARE(view->total(), kLedGrants);
        QCOMPARE(view->counterText(), QStringLiteral("0 av 200 avgjort"));
        // Only what she leads: not her own grant, not the product owner's.
        for (int row = 0; row < view->model()->count(); ++row) {
            const access::ReviewItem* item = view->model()->itemAt(row);
            const QString holder = QString::fromStdString(item->grant.holderEmail);
            QVERIFY2(ledHolders_.contains(holder), qPrintable(holder));
            QCOMPARE(QString::fromStdString(item->grant.leaderEmail), leaderEmail_);
        }
        // Flagged first: the administrators lead the list.
        QVERIFY(view->currentItem() && view->currentItem()->flags != 0);

        QTableView* table = view->table();
        table->setFocus();
        bool refusedEmpty = false;
        int keeps = 0, revokes = 0, reductions = 0, justified = 0;
        for (int step = 0; step < kLedGrants; ++step) {
            const auto item = view->currentItem();
            QVERIFY2(item, qPrintable(QStringLiteral("no current row at step %1: %2").arg(step).arg(view->message())));
            QVERIFY2(item->decision.isEmpty(), qPrintable(QStringLiteral("row %1 is decided already").arg(item->number)));
            if (access::Privilege::privileged(item->grant.privilege)) {
                if (!refusedEmpty) {
                    // Keeping an administrator without a reason is refused in the dialog; nothing is stored.
                    const QString said = keyWithDialog(table, Qt::Key_B, "justificationText", QString());
                    QVERIFY2(said.contains("begrunnelse"), qPrintable(said));
                    QCOMPARE(view->decidedCount(), step);
                    QCOMPARE(view->currentItem()->number, item->number);
                    refusedEmpty = true;
                }
                const QString said = keyWithDialog(table, Qt::Key_B, "justificationText", QStringLiteral("Drifter SvarUt for kommunen"));
                QVERIFY2(said.isEmpty(), qPrintable(said + QLatin1Char(' ') + view->message()));
                ++justified;
            } else if (item->number % 10 == 3) {
                QTest::keyClick(table, Qt::Key_F);
                ++revokes;
            } else if (item->number % 10 == 7) {
                const QString said = keyWithDialog(table, Qt::Key_R, "reduceTo", QStringLiteral("lesetilgang"));
                QVERIFY2(said.isEmpty(), qPrintable(said + QLatin1Char(' ') + view->message()));
                ++reductions;
            } else {
                QTest::keyClick(table, Qt::Key_B);
                ++keeps;
            }
            QVERIFY2(view->decidedCount() == step + 1, qPrintable(QStringLiteral("step %1: %2").arg(step).arg(view->message())));
        }
        QVERIFY(refusedEmpty);
        QCOMPARE(justified, kPeople / 4);
        QVERIFY(revokes > 0 && reductions > 0 && keeps > 0);
        QCOMPARE(view->counterText(), QStringLiteral("200 av 200 avgjort"));
        QCOMPARE(view->openCount(), 0);

        access::AccessService service(*ctx->store);
        auto mine = service.myItems(ctx->session, campaignId_, false);
        QVERIFY(mine);
        QCOMPARE(static_cast<int>(mine->size()), kLedGrants);
        QCOMPARE(decidedIn(*mine), kLedGrants);
        auto stillOpen = service.myItems(ctx->session, campaignId_, true);
        QVERIFY(stillOpen && stillOpen->isEmpty());
        for (const access::ReviewItem& item : *mine)
            if (access::Privilege::privileged(item.grant.privilege)) QCOMPARE(item.justification, QStringLiteral("Drifter SvarUt for kommunen"));
    }

    void theOfficerClosesSignsAndChecksTheAttestation() {
        auto ctx = open(officer());
        AccessPage page(*ctx);
        page.show();
        // The leader's own grant came to the officer, who decides it from her own list.
        ReviewView* mine = page.reviewView();
        QVERIFY(mine);
        page.showItems("mine");
        QCOMPARE(page.tabs()->currentWidget(), static_cast<QWidget*>(mine));
        QVERIFY(mine->setCampaign(campaignId_));
        QCOMPARE(mine->total(), 1);
        QCOMPARE(QString::fromStdString(mine->currentItem()->grant.holderEmail), leaderEmail_);
        QTest::keyClick(mine->table(), Qt::Key_F);
        QVERIFY2(mine->decidedCount() == 1, qPrintable(mine->message()));

        QVERIFY(page.selectCampaign(campaignId_));
        QCOMPARE(page.campaign()->decided, kLedGrants + 1 + kOtherGrants);
        // All items, by flag and by text.
        QVERIFY(page.setFlagFilter(AccessPage::kAnyFlag));
        QVERIFY(page.shownItems() > 0);
        for (int row = 0; row < page.allItemsModel()->count(); ++row) QVERIFY(page.allItemsModel()->itemAt(row)->flags != 0);
        QVERIFY(page.setFlagFilter(0));
        page.setItemSearch(ledHolders_.front());
        QCOMPARE(page.shownItems(), 5);

        QVERIFY2(page.closeCurrent(), qPrintable(page.message()));
        QCOMPARE(page.campaign()->state, QStringLiteral("closed"));
        QVERIFY(!page.campaign()->signatureBase64.isEmpty());

        const QString revocations = dir_.filePath("tilbaketrekkinger.csv");
        QVERIFY2(page.exportRevocationsTo(revocations, false), qPrintable(page.message()));
        QFile r(revocations);
        QVERIFY(r.open(QIODevice::ReadOnly));
        QVERIFY(r.readAll().contains("ansatt"));

        QVERIFY2(page.exportAttestationTo(attestationFile_), qPrintable(page.message()));
        const auto good = page.verifyAttestationFile(attestationFile_);
        QVERIFY(good);
        QVERIFY2(good->ok(), qPrintable(good->problem));
        QVERIFY2(page.attestationResult().contains("ekte"), qPrintable(page.attestationResult()));
        QVERIFY(!page.messageIsWarning());

        // One byte of one decision changed: caught, and the problem named.
        QFile a(attestationFile_);
        QVERIFY(a.open(QIODevice::ReadOnly));
        QByteArray bytes = a.readAll();
        a.close();
        const qsizetype at = bytes.indexOf("\"decision\": \"keep\"");
        QVERIFY(at >= 0);
        bytes[at + qsizetype(sizeof("\"decision\": \"") - 1)] = 'K';
        const QString tampered = dir_.filePath("attestasjon-endret.json");
        QFile t(tampered);
        QVERIFY(t.open(QIODevice::WriteOnly));
        t.write(bytes);
        t.close();
        const auto bad = page.verifyAttestationFile(tampered);
        QVERIFY(bad);
        QVERIFY(!bad->ok());
        QVERIFY(!bad->hashMatches);
        QVERIFY(!bad->problem.isEmpty());
        QVERIFY2(page.attestationResult().contains(bad->problem), qPrintable(page.attestationResult()));
        QVERIFY(page.messageIsWarning());
    }

    void theRevisorReadsButChangesNothing() {
        auto ctx = open(revisor());
        AccessPage page(*ctx);
        page.show();
        QVERIFY(page.tabs());
        QVERIFY(!page.reviewView());
        QVERIFY(page.shownCampaigns() >= 2);
        QVERIFY(page.selectCampaign(campaignId_));
        for (const char* name : {"newCampaign", "remindCampaign", "closeCampaign", "importGrants"})
            QVERIFY2(!page.findChild<QPushButton*>(name)->isEnabled(), name);
        QVERIFY(page.findChild<QPushButton*>("exportAttestation")->isEnabled());
        QVERIFY(page.progressTable()->rowCount() >= 3);
        page.showItems("imports");
        QCOMPARE(page.tabs()->currentWidget()->findChild<QTableWidget*>("importTable"), page.importTable());
        const auto check = page.verifyAttestationFile(attestationFile_);
        QVERIFY(check && check->ok());
    }
};

QTEST_MAIN(AccessGuiTest)
#include "test_access_gui.moc"
