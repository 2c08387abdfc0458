// The Incidents page as the service desk and the security officer work in it, in real windows
// under Xvfb: a case recorded through the dialog (which keeps bad input and says why), escalated
// to the security officer, who takes it and records the Datatilsynet notification of a breach;
// a long queue read a page at a time; filters that agree with the store; bulk changes that say
// which cases were not changed; and a role that only reads.
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTimer>
#include <QtTest>

#include "app/demo.h"
#include "app/modules.h"
#include "core/data_dir.h"
#include "core/incidents.h"
#include "desktop/incidents/incident_dialogs.h"
#include "desktop/incidents/incident_model.h"
#include "desktop/incidents/incidents_page.h"
#include "desktop/shell/language.h"
#include "desktop/shell/main_window.h"
#include "tests/support/app_context.h"

using namespace vakt;
using namespace vakt::desktop;

class IncidentsGuiTest : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString dbPath_;

    std::unique_ptr<AppContext> open(const Session& who) {
        return test::openAppContext(dbPath_, who);
    }

    // Runs `fill` on the modal dialog of type D once it is shown, then presses OK; gives what
    // the dialog said when it stayed open (empty when it closed).
    template <typename D>
    static QString whenShown(std::function<void(D*)> fill, QPushButton* opener) {
        QString stayedOpenWith;
        bool seen = false;
        QTimer::singleShot(0, [&] {
            auto* dialog = qobject_cast<D*>(QApplication::activeModalWidget());
            if (!dialog) return;
            seen = true;
            fill(dialog);
            dialog->okButton()->click();
            if (dialog->isVisible()) {
                stayedOpenWith = dialog->error();
                dialog->reject();
            }
        });
        opener->click();
        if (!seen) return QStringLiteral("no dialog");
        return stayedOpenWith;
    }

    // Open cases, narrowed by queue, priority or state as the page's filters narrow them.
    static IncidentFilter openCases(const QString& queue = {}, const QStringList& priorities = {}, const QStringList& states = {}) {
        IncidentFilter f;
        f.openOnly = true;
        f.queue = queue;
        f.priorities = priorities;
        f.states = states;
        return f;
    }

    static qint64 count(AppContext& ctx, const IncidentFilter& f = {}) {
        auto n = IncidentStore(*ctx.store).count(ctx.session, f);
        return n ? *n : -1;
    }

private slots:
    void initTestCase() {
        vakt::app::registerModules();
        QVERIFY(applyLanguage("nb"));
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QVERIFY(dir_.isValid());
        dbPath_ = dir_.filePath("desk.db");
        auto store = Store::open(dbPath_, Store::OpenMode::Create);
        QVERIFY2(store, store ? "" : store.message().c_str());
        auto demo = loadDemo(**store, dataDir());
        QVERIFY2(demo, demo ? "" : demo.message().c_str());
        QVERIFY(demo->cases > 5);
    }

    void theDeskRecordsACaseThroughTheDialogAndEscalatesIt() {
        auto ctx = open(Session{"brukerstotte", Role::Brukerstotte});
        MainWindow window(*ctx);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.showModule("incidents"));
        auto* page = qobject_cast<IncidentsPage*>(window.page("incidents"));
        QVERIFY(page);
        const qint64 before = count(*ctx);
        auto* create = window.findChild<QPushButton*>("newIncident");
        QVERIFY(create->isEnabled());

        // OK without a title keeps the dialog open and says what is missing; nothing is saved.
        const QString refused = whenShown<NewIncidentDialog>([](NewIncidentDialog* d) { QVERIFY(d->setService("svarut")); }, create);
        QVERIFY2(refused.contains("tittel"), qPrintable(refused));
        QCOMPARE(count(*ctx), before);

        const QString saved = whenShown<NewIncidentDialog>(
            [](NewIncidentDialog* d) {
                QTest::keyClicks(d->findChild<QLineEdit*>("caseTitle"), "Kan ikke åpne forsendelser fra Skatteetaten");
                QVERIFY(d->setKind(IncidentKind::Fault));
                QVERIFY(d->setPriority("P2"));
                QVERIFY(d->setService("svarut"));
                d->setReporter("Arkivleder, Bodø kommune");
            },
            create);
        QVERIFY2(saved.isEmpty(), qPrintable(saved));
        QCOMPARE(count(*ctx), before + 1);
        // The new case is the one shown, with its deadlines and the service's organisations.
        const qint64 id = page->currentId();
        QVERIFY(id > 0);
        auto stored = IncidentStore(*ctx->store).get(ctx->session, id);
        QVERIFY(stored);
        QCOMPARE(stored->title, QStringLiteral("Kan ikke åpne forsendelser fra Skatteetaten"));
        QVERIFY(stored->respondBy.isValid() && stored->resolveBy.isValid());
        QVERIFY(window.findChild<QTextBrowser*>("incidentDetail")->toPlainText().contains("Kan ikke åpne forsendelser"));
        QVERIFY(window.findChild<QTabWidget*>("incidentDetailTabs")->tabText(1).contains("("));

        // It turns out to be someone else's letters: the desk escalates it with a reason.
        auto* escalate = window.findChild<QPushButton*>("escalateIncident");
        QVERIFY(escalate->isEnabled());
        const QString escalated = whenShown<NoteDialog>(
            [](NoteDialog* d) { QTest::keyClicks(d->findChild<QPlainTextEdit*>("noteText"), "Melder ser brev til en annen kommune"); }, escalate);
        QVERIFY2(escalated.isEmpty(), qPrintable(escalated));
        stored = IncidentStore(*ctx->store).get(ctx->session, id);
        QCOMPARE(stored->kind, IncidentKind::Security);
        QCOMPARE(stored->queue, IncidentQueue::Security);
        // Now it is the security officer's: the desk's buttons say so and do nothing.
        QVERIFY(!window.findChild<QPushButton*>("changeState")->isEnabled());
        QVERIFY(!escalate->isEnabled());
        QVERIFY(!page->changeState(IncidentState::InProgress, {}, "prøver likevel"));
        QVERIFY2(page->message().contains("sikkerhetsansvarlig"), qPrintable(page->message()));

        // The security officer finds it in the security queue and takes it.
        auto officerCtx = open(Session{"sikkerhetsansvarlig", Role::Sikkerhetsansvarlig});
        IncidentsPage officer(*officerCtx);
        officer.show();
        officer.showItems("security");
        QVERIFY(officer.total() >= 1);
        QCOMPARE(officer.total(), int(count(*officerCtx, openCases(IncidentQueue::Security))));
        QVERIFY(officer.selectIncident(id));
        auto* state = officer.findChild<QPushButton*>("changeState");
        QVERIFY(state->isEnabled());
        const QString taken = whenShown<StateDialog>(
            [](StateDialog* d) {
                auto* choice = d->findChild<QComboBox*>("stateChoice");
                choice->setCurrentIndex(choice->findData(IncidentState::InProgress));
                QTest::keyClicks(d->findChild<QPlainTextEdit*>("noteText"), "Sperret tilgangen; undersøker");
            },
            state);
        QVERIFY2(taken.isEmpty(), qPrintable(taken));
        QCOMPARE(IncidentStore(*officerCtx->store).get(officerCtx->session, id)->state, IncidentState::InProgress);
        // Resolving without saying how is refused in the dialog.
        const QString unexplained = whenShown<StateDialog>(
            [](StateDialog* d) {
                auto* choice = d->findChild<QComboBox*>("stateChoice");
                choice->setCurrentIndex(choice->findData(IncidentState::Resolved));
            },
            state);
        QVERIFY2(!unexplained.isEmpty() && unexplained != "no dialog", qPrintable(unexplained));
    }

    void theOfficerRecordsTheBreachNotificationAndTheClockStops() {
        auto ctx = open(Session{"sikkerhetsansvarlig", Role::Sikkerhetsansvarlig});
        IncidentFilter breaches;
        breaches.kinds = {IncidentKind::Breach};
        breaches.openOnly = true;
        auto found = IncidentStore(*ctx->store).query(ctx->session, breaches);
        QVERIFY(found && !found->isEmpty());
        const Incident breach = found->front();
        QVERIFY(!breach.authorityNotifiedAt.isValid());
        IncidentsPage page(*ctx);
        page.show();
        QVERIFY(page.selectIncident(breach.id));
        auto* clock = page.findChild<QLabel*>("breachClock");
        QVERIFY(clock->isVisible());
        QVERIFY2(clock->text().contains("Igjen"), qPrintable(clock->text()));
        const QString notified = whenShown<AuthorityDialog>(
            [](AuthorityDialog* d) { QTest::keyClicks(d->findChild<QLineEdit*>("authorityRef"), "DT 26/01234"); },
            page.findChild<QPushButton*>("notifyAuthority"));
        QVERIFY2(notified.isEmpty(), qPrintable(notified));
        auto after = IncidentStore(*ctx->store).get(ctx->session, breach.id);
        QVERIFY(after->authorityNotifiedAt.isValid());
        QCOMPARE(after->authorityRef, QStringLiteral("DT 26/01234"));
        QVERIFY2(clock->text().contains("DT 26/01234"), qPrintable(clock->text()));
        // The desk cannot record it.
        auto deskCtx = open(Session{"brukerstotte", Role::Brukerstotte});
        IncidentsPage desk(*deskCtx);
        QVERIFY(desk.selectIncident(breach.id));
        QVERIFY(!desk.findChild<QPushButton*>("notifyAuthority")->isEnabled());
    }

    void aLongQueueIsReadAPageAtATimeAndFiltersAgreeWithTheStore() {
        auto ctx = open(Session{"brukerstotte", Role::Brukerstotte});
        IncidentStore incidents(*ctx->store);
        for (int i = 0; i < IncidentModel::kPageSize + 50; ++i) {
            NewCase c;
            c.title = QStringLiteral("Spørsmål %1 om SvarUt").arg(i);
            c.priority = i % 2 ? "P4" : "P3";
            c.services = {"svarut"};
            QVERIFY(incidents.createCase(ctx->session, c));
        }
        IncidentsPage page(*ctx);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto* model = page.model();
        const int open = int(count(*ctx, openCases()));
        QCOMPARE(page.total(), open);
        // The first page only; the rest comes as the view scrolls.
        QCOMPARE(model->rowCount(), IncidentModel::kPageSize);
        QVERIFY(model->canFetchMore({}));
        page.table()->scrollToBottom();
        QTRY_VERIFY(model->rowCount() > IncidentModel::kPageSize);
        while (model->canFetchMore({})) model->fetchMore({});
        QCOMPARE(model->rowCount(), open);
        QVERIFY2(page.findChild<QLabel*>("incidentCount")->text().contains(QString::number(open)),
                 qPrintable(page.findChild<QLabel*>("incidentCount")->text()));

        auto* priority = page.findChild<QComboBox*>("priorityFilter");
        priority->setCurrentIndex(priority->findData("P4"));
        QCOMPARE(page.total(), int(count(*ctx, openCases({}, {"P4"}))));
        for (int r = 0; r < model->rowCount(); ++r) QCOMPARE(model->incidentAt(r)->priority, QStringLiteral("P4"));
        auto* search = page.findChild<QLineEdit*>("incidentSearch");
        QTest::keyClicks(search, "Spørsmål 17 om");
        QTRY_COMPARE(page.total(), 1);
        QVERIFY(model->incidentAt(0)->title.startsWith("Spørsmål 17"));
        search->clear();
        priority->setCurrentIndex(0);
        QTRY_COMPARE(page.total(), open);

        // Bulk: three cases to in progress, one of them a security case the desk may not change;
        // the summary says which one and why, and the others are changed.
        IncidentFilter security;
        security.queue = IncidentQueue::Security;
        security.openOnly = true;
        auto sec = incidents.query(ctx->session, security, 0, 1);
        QVERIFY(sec && !sec->isEmpty());
        auto plain = incidents.query(ctx->session, openCases(IncidentQueue::Desk, {}, {IncidentState::New}), 0, 2);
        QVERIFY(plain && plain->size() == 2);
        CaseUpdate work;
        work.state = IncidentState::InProgress;
        work.note = "Tatt samlet";
        const BulkResult result = page.applyToCases({plain->at(0).id, sec->front().id, plain->at(1).id}, work);
        QCOMPARE(result.total, 3);
        QCOMPARE(result.succeeded, 2);
        QCOMPARE(result.failures.size(), 1);
        QCOMPARE(result.failures.front().first, sec->front().id);
        QCOMPARE(incidents.get(ctx->session, plain->at(1).id)->state, IncidentState::InProgress);
    }

    void theCountdownSaysWhatIsLeftInTheUsersWords() {
        QCOMPARE(countdownText(2 * 3600 + 15 * 60), QStringLiteral("2 t 15 min"));
        QCOMPARE(countdownText(12 * 60 + 59), QStringLiteral("12 min"));
        QCOMPARE(countdownText(-(3600 + 5 * 60)), QStringLiteral("forfalt 1 t 5 min"));
        QCOMPARE(countdownText(3 * 86400 + 4 * 3600), QStringLiteral("3 d 4 t"));
    }

    void aRoleThatOnlyReadsSeesTheQueueButChangesNothing() {
        auto ctx = open(Session{"revisor", Role::Revisor});
        IncidentsPage page(*ctx);
        page.show();
        QVERIFY(page.total() > 0);
        QVERIFY(!page.findChild<QPushButton*>("newIncident")->isEnabled());
        page.table()->selectRow(0);
        QVERIFY(page.currentId() > 0);
        for (const char* name : {"changeState", "changePriority", "assignIncident", "escalateIncident", "addNote", "writeNotices"})
            QVERIFY2(!page.findChild<QPushButton*>(name)->isEnabled(), name);
        NewCase attempt;
        attempt.title = "Forsøk";
        QVERIFY(!page.createIncident(attempt));
    }
};

QTEST_MAIN(IncidentsGuiTest)
#include "test_incidents_gui.moc"
