// The Endringer page as the change board uses it, in real windows under Xvfb: a change requested
// through the dialog shows its conflict with a change on a service it depends on; the board's
// member is told a security-relevant change needs the security officer; and the weekly meeting
// runs from the agenda Vakt prepares, through attendance and a decision per item clicked in the
// meeting view, to minutes that are signed, saved as PDF and HTML, and verified.
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTimer>
#include <QtTest>

#include "app/demo.h"
#include "app/modules.h"
#include "changes/change_board.h"
#include "collector/audit/keys.h"
#include "core/civil_time.h"
#include "core/data_dir.h"
#include "desktop/changes/change_dialogs.h"
#include "desktop/changes/changes_page.h"
#include "desktop/changes/meeting_view.h"
#include "desktop/shell/language.h"
#include "desktop/shell/main_window.h"
#include "tests/support/app_context.h"

using namespace vakt;
using namespace vakt::desktop;

class ChangesGuiTest : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString dbPath_, keysDir_;

    std::unique_ptr<AppContext> open(const Session& who) {
        return test::openAppContext(dbPath_, who, keysDir_);
    }

private slots:
    void initTestCase() {
        vakt::app::registerModules();
        QVERIFY(applyLanguage("nb"));
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QVERIFY(dir_.isValid());
        dbPath_ = dir_.filePath("board.db");
        keysDir_ = dir_.filePath("keys");
        QVERIFY(audit::LedgerKeys::init(keysDir_));
        auto store = Store::open(dbPath_, Store::OpenMode::Create);
        QVERIFY2(store, store ? "" : store.message().c_str());
        auto demo = loadDemo(**store, dataDir());
        QVERIFY2(demo, demo ? "" : demo.message().c_str());
        QVERIFY(demo->changes > 3);
    }

    void aChangeRequestedThroughTheDialogShowsItsConflict() {
        auto ctx = open(Session{"brukerstotte", Role::Brukerstotte});
        MainWindow window(*ctx);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.showModule("changes"));
        auto* page = qobject_cast<ChangesPage*>(window.page("changes"));
        QVERIFY(page);
        // The demo's document-store upgrade: a change on SvarUt (which depends on it) in the
        // same window conflicts with it.
        auto pending = changes::ChangeBoard(*ctx->store).list(ctx->session);
        QVERIFY(pending);
        const auto upgrade = std::find_if(pending->begin(), pending->end(), [](const auto& c) { return c.targets == QStringList{"dokumentlager"}; });
        QVERIFY(upgrade != pending->end());
        bool seen = false;
        QTimer::singleShot(0, [&] {
            auto* dialog = qobject_cast<NewChangeDialog*>(QApplication::activeModalWidget());
            if (!dialog) return;
            seen = true;
            QTest::keyClicks(dialog->findChild<QLineEdit*>("changeTitle"), "Ny mottaksflyt i SvarUt");
            QVERIFY(dialog->setTargets({"svarut"}));
            dialog->setWindow(upgrade->windowStart.addSecs(1800), upgrade->windowStart.addSecs(5400));
            dialog->setRollbackPlan("Forrige versjon ligger klar");
            dialog->okButton()->click();
        });
        window.findChild<QPushButton*>("newChange")->click();
        QVERIFY(seen);
        const QString ref = page->currentRef();
        QVERIFY2(!ref.isEmpty(), qPrintable(page->message()));
        auto created = changes::ChangeBoard(*ctx->store).get(ctx->session, ref);
        QVERIFY(created);
        QCOMPARE(created->title, QStringLiteral("Ny mottaksflyt i SvarUt"));
        const QString detail = window.findChild<QTextBrowser*>("changeDetail")->toPlainText();
        QVERIFY2(detail.contains(upgrade->ref), qPrintable(detail));
        // The service desk proposes, it does not decide.
        QVERIFY(!window.findChild<QPushButton*>("decideChange")->isEnabled());
        QVERIFY(!page->decideCurrent(changes::Decision::Approve, {}));
    }

    void theBoardIsToldASecurityRelevantChangeNeedsTheOfficer() {
        auto ctx = open(Session{"endringsrad", Role::Endringsrad});
        ChangesPage page(*ctx);
        page.show();
        auto all = changes::ChangeBoard(*ctx->store).list(ctx->session);
        QVERIFY(all);
        const auto relevant = std::find_if(all->begin(), all->end(), [](const auto& c) {
            return c.assessment.securityRelevant && c.securityApprovedBy.isEmpty() && changes::ChangeState::pending(c.state);
        });
        QVERIFY(relevant != all->end());
        QVERIFY(page.selectChange(relevant->ref));
        QVERIFY(!page.decideCurrent(changes::Decision::Approve, {}));
        QVERIFY2(page.message().contains("sikkerhetsansvarlig") || page.message().contains("security officer"), qPrintable(page.message()));
        QCOMPARE(changes::ChangeBoard(*ctx->store).get(ctx->session, relevant->ref)->state, relevant->state);
    }

    void aMeetingRunsFromAgendaToSignedMinutes() {
        auto ctx = open(Session{"endringsrad", Role::Endringsrad});
        MainWindow window(*ctx);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.showModule("changes"));
        auto* page = qobject_cast<ChangesPage*>(window.page("changes"));
        page->tabs()->setCurrentIndex(2);
        auto* meeting = page->meetingView();
        window.findChild<QPushButton*>("startMeeting")->click();
        const qint64 id = meeting->meetingId();
        QVERIFY2(id > 0, qPrintable(meeting->message()));
        QVERIFY(meeting->currentMeeting()->state == "open");
        const int items = meeting->agendaSize();
        QVERIFY(items >= 5);

        // Two present: not quorate, and closing says so.
        QVERIFY(meeting->setAttendees({"endringsrad", "sikkerhetsansvarlig"}));
        QVERIFY2(meeting->quorumText().startsWith("Ikke beslutningsdyktig"), qPrintable(meeting->quorumText()));
        QVERIFY(meeting->setAttendees({"endringsrad", "sikkerhetsansvarlig", "produktansvarlig", "brukerstotte"}));
        QVERIFY2(meeting->quorumText().startsWith("Beslutningsdyktig"), qPrintable(meeting->quorumText()));

        // Walk the agenda with the buttons, deciding each item as the board would.
        auto* next = window.findChild<QPushButton*>("agendaNext");
        QVERIFY(meeting->goToItem(meeting->agenda().front().position));
        changes::ChangeBoard board(*ctx->store);
        for (int step = 0; step < items; ++step) {
            const auto item = meeting->currentItem();
            QVERIFY(item);
            if (item->kind == "change") {
                auto c = board.get(ctx->session, item->ref);
                QVERIFY(c);
                if (c->assessed && !c->assessment.securityRelevant) {
                    window.findChild<QLineEdit*>("itemConditions")->setText("Brukerstøtte varsles dagen før");
                    window.findChild<QPushButton*>("itemApprove")->click();
                } else {
                    window.findChild<QLineEdit*>("itemNote")->setText("Venter på sikkerhetsansvarlig");
                    window.findChild<QPushButton*>("itemDefer")->click();
                }
            } else {
                window.findChild<QPushButton*>("itemNoted")->click();
            }
            QVERIFY2(!meeting->currentItem()->decision.isEmpty(), qPrintable(meeting->message()));
            if (step + 1 < items) next->click();
        }
        window.findChild<QPushButton*>("closeMeeting")->click();
        QCOMPARE(board.meeting(ctx->session, id)->state, QStringLiteral("closed"));
        QVERIFY2(meeting->minutesText().contains("Referat fra endringsrådet"), qPrintable(meeting->minutesText().left(200)));
        QVERIFY2(meeting->signatureText().contains("Signert"), qPrintable(meeting->signatureText()));
        const QString pdf = dir_.filePath("referat.pdf"), html = dir_.filePath("referat.html");
        QVERIFY(meeting->saveMinutesTo(pdf, true));
        QVERIFY(meeting->saveMinutesTo(html, false));
        QFile f(pdf);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().startsWith("%PDF-1.4"));
        const auto check = meeting->verifyMinutes();
        QVERIFY(check && check->hashMatches && check->signatureValid);
        // The deferred changes are pending again for the next meeting; the approved ones are approved.
        const auto closed = board.meeting(ctx->session, id);
        QVERIFY(closed);
        for (const auto& item : closed->items)
            if (item.kind == "change")
                QCOMPARE(board.get(ctx->session, item.ref)->state,
                         item.decision == changes::Decision::Approve ? changes::ChangeState::Approved : changes::ChangeState::Deferred);
    }
};

QTEST_MAIN(ChangesGuiTest)
#include "test_changes_gui.moc"
