// The Brukerråd page as the product owner and the service desk use it, in real windows under
// Xvfb, on the demo platform: SvarUt's council with its members and the red warning that terms
// run out; a change request registered through the dialog, which first refuses a request without
// a title and keeps what was typed; and a council elected in the dialog, which shows the rules'
// objection to four representatives while they are typed and records five.
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>
#include <algorithm>

#include "app/demo.h"
#include "app/modules.h"
#include "core/data_dir.h"
#include "core/domain.h"
#include "core/organisation_service.h"
#include "councils/council_service.h"
#include "desktop/councils/council_dialogs.h"
#include "desktop/councils/councils_page.h"
#include "desktop/shell/formatting.h"
#include "desktop/shell/language.h"
#include "desktop/shell/main_window.h"
#include "tests/support/app_context.h"

using namespace vakt;
using namespace vakt::desktop;

class CouncilsGuiTest : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString dbPath_;

    std::unique_ptr<AppContext> open(const Session& who) {
        return test::openAppContext(dbPath_, who);
    }

private slots:
    void initTestCase() {
        vakt::app::registerModules();
        QVERIFY(applyLanguage("nb"));
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QVERIFY(dir_.isValid());
        dbPath_ = dir_.filePath("councils.db");
        auto store = Store::open(dbPath_, Store::OpenMode::Create);
        QVERIFY2(store, store ? "" : store.message().c_str());
        auto demo = loadDemo(**store, dataDir());
        QVERIFY2(demo, demo ? "" : demo.message().c_str());
    }

    void theCouncilIsShownWithItsWarningInRed() {
        auto ctx = open(Session{"produktansvarlig", Role::Produktansvarlig});
        MainWindow window(*ctx);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.showModule("councils"));
        auto* page = qobject_cast<CouncilsPage*>(window.page("councils"));
        QVERIFY(page);
        QVERIFY(page->selectService("svarut"));
        QCOMPARE(page->tabs()->currentIndex(), int(CouncilsPage::CouncilTab));
        const int sitting = int(page->sittingMembers().size());
        QVERIFY2(sitting >= 5 && sitting <= 8, qPrintable(QString::number(sitting)));
        auto* members = window.findChild<QTableWidget*>("councilMembers");
        QVERIFY(members->rowCount() >= sitting);
        // Three terms run out within weeks: said in words, in red.
        auto* warnings = window.findChild<QLabel*>("councilWarnings");
        QVERIFY2(warnings->text().contains("går ut"), qPrintable(warnings->text()));
        QVERIFY(warnings->styleSheet().contains(QLatin1String(kWarningRed)));
        const QStringList texts = page->warningTexts();
        QVERIFY(std::any_of(texts.begin(), texts.end(), [](const QString& t) { return t.startsWith("Perioden til"); }));
        QVERIFY(page->attention() > 0);
        // The roadmap spans the coming quarters.
        page->showItems("roadmap");
        QCOMPARE(page->tabs()->currentIndex(), int(CouncilsPage::RoadmapTab));
        QVERIFY(page->currentRoadmap().size() >= 3);
    }

    void aChangeRequestIsRegisteredThroughTheDialog() {
        auto ctx = open(Session{"brukerstotte", Role::Brukerstotte});
        MainWindow window(*ctx);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.showModule("councils"));
        auto* page = qobject_cast<CouncilsPage*>(window.page("councils"));
        QVERIFY(page);
        QVERIFY(page->selectService("svarut"));
        page->showItems("requests");
        const qsizetype before = page->currentRequests().size();
        // The service desk registers requests but does not run the council.
        QVERIFY(!window.findChild<QPushButton*>("respondRequest")->isEnabled());
        QVERIFY(!window.findChild<QPushButton*>("newUserMeeting")->isEnabled());
        bool seen = false;
        QString refused;
        QTimer::singleShot(0, [&] {
            auto* dialog = qobject_cast<RequestDialog*>(QApplication::activeModalWidget());
            if (!dialog) return;
            seen = true;
            auto* from = dialog->findChild<QComboBox*>("requestFrom");
            from->setCurrentIndex(1);
            dialog->findChild<QPlainTextEdit*>("requestDescription")->setPlainText("Kommunen vil hente kvitteringer automatisk.");
            // No title: refused, and the dialog keeps what was typed.
            dialog->okButton()->click();
            refused = dialog->error();
            if (!dialog->isVisible()) return;
            QTest::keyClicks(dialog->findChild<QLineEdit*>("requestTitle"), "API for kvitteringer");
            dialog->okButton()->click();
        });
        window.findChild<QPushButton*>("newCouncilRequest")->click();
        QVERIFY(seen);
        QVERIFY2(refused.contains("tittel"), qPrintable(refused));
        const QString ref = page->currentRequestRef();
        QVERIFY2(!ref.isEmpty(), qPrintable(page->message()));
        QCOMPARE(page->currentRequests().size(), before + 1);
        auto created = councils::CouncilService(*ctx->store).request(ctx->session, ref);
        QVERIFY(created);
        QCOMPARE(created->title, QStringLiteral("API for kvitteringer"));
        QCOMPARE(created->status, councils::RequestStatus::Received);
        QVERIFY(!created->fromOrgnr.isEmpty());
        QCOMPARE(page->tabs()->currentIndex(), int(CouncilsPage::RequestsTab));
        QVERIFY2(page->message().contains(ref), qPrintable(page->message()));
    }

    void aCouncilIsElectedInTheDialogWithTheRulesShownWhileTyping() {
        auto ctx = open(Session{"produktansvarlig", Role::Produktansvarlig});
        // KS Læring has no council in the demo: a user meeting held yesterday with six municipalities.
        const QString service = QStringLiteral("ks-laering");
        const QDate yesterday = ctx->store->clock().now().addDays(-1).toTimeZone(displayZone()).date();
        OrganisationService orgs(*ctx->store);
        auto agreements = orgs.agreements(ctx->session);
        QVERIFY(agreements);
        QStringList present;
        for (const auto& a : *agreements)
            if (a.serviceKey == service && a.since < yesterday && !present.contains(a.orgnr) && present.size() < 6) present << a.orgnr;
        QCOMPARE(int(present.size()), 6);
        councils::CouncilService council(*ctx->store);
        councils::NewMeeting m;
        m.serviceKey = service;
        m.heldAt = ctx->store->clock().now().addDays(-1);
        m.place = "Teams";
        auto id = council.planMeeting(ctx->session, m);
        QVERIFY2(id, id ? "" : id.message().c_str());
        QList<councils::Attendance> attendance;
        for (const auto& orgnr : present) attendance << councils::Attendance{orgnr, {}, "Representant"};
        QVERIFY(council.setAttendance(ctx->session, *id, attendance));

        MainWindow window(*ctx);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.showModule("councils"));
        auto* page = qobject_cast<CouncilsPage*>(window.page("councils"));
        QVERIFY(page->selectService(service));
        page->showItems("meetings");
        QVERIFY(page->selectUserMeeting(*id));
        QVERIFY(window.findChild<QPushButton*>("electCouncil")->isEnabled());
        QList<councils::Candidate> five;
        for (int i = 0; i < 5; ++i)
            five << councils::Candidate{QStringLiteral("rep%1@kommune%1.example").arg(i), QStringLiteral("Representant %1").arg(i), present[i], 24};
        bool seen = false;
        QString whileTyping, refused;
        QTimer::singleShot(0, [&] {
            auto* dialog = qobject_cast<ElectionDialog*>(QApplication::activeModalWidget());
            if (!dialog) return;
            seen = true;
            if (!dialog->setCandidates(five.mid(0, 4))) return;
            whileTyping = dialog->problems();
            dialog->okButton()->click();
            refused = dialog->error();
            if (!dialog->isVisible()) return;
            dialog->setCandidates(five);
            dialog->okButton()->click();
        });
        window.findChild<QPushButton*>("electCouncil")->click();
        QVERIFY(seen);
        QVERIFY2(whileTyping.contains("at least 5"), qPrintable(whileTyping));
        QVERIFY2(refused.contains("at least 5"), qPrintable(refused));
        QCOMPARE(int(page->sittingMembers().size()), 5);
        QVERIFY2(page->message().contains("5"), qPrintable(page->message()));
        // Attendance is final once the council is elected from it.
        QVERIFY(!window.findChild<QPushButton*>("recordAttendance")->isEnabled());
    }
};

QTEST_MAIN(CouncilsGuiTest)
#include "test_councils_gui.moc"
