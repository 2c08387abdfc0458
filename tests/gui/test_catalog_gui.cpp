// The desktop app in real windows under Xvfb: sign in, filter the catalogue, edit and save,
// restart and find the change; a read-only user cannot edit.
#include <QApplication>
#include <QBuffer>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include "app/modules.h"
#include "collector/audit/ledger.h"
#include "desktop/catalog/catalog_page.h"
#include "core/data_dir.h"
#include "core/clock.h"
#include "app/demo.h"
#include "core/incidents.h"
#include "core/monitoring.h"
#include "desktop/shell/language.h"
#include "desktop/shell/login_dialog.h"
#include "desktop/shell/main_window.h"
#include "tests/support/app_context.h"

using namespace vakt;
using namespace vakt::desktop;

class CatalogGuiTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString dbPath_;

    std::unique_ptr<AppContext> open(const Session& session) {
        return test::openAppContext(dbPath_, session, dir_.filePath("keys"));
    }
    static CatalogPage* catalogOf(MainWindow& w) { return w.findChild<CatalogPage*>(); }

private slots:
    void initTestCase() {
        vakt::app::registerModules();
        QVERIFY(applyLanguage("nb"));
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();  // each run starts as a first start: no remembered columns or pages  // window state goes to a test location
        QVERIFY(dir_.isValid());
        dbPath_ = dir_.filePath("gui.db");
        auto store = Store::open(dbPath_, Store::OpenMode::Create);
        QVERIFY2(store, store ? "" : store.message().c_str());
        auto demo = loadDemo(**store, dataDir());
        QVERIFY2(demo, demo ? "" : demo.message().c_str());
    }

    void loginChecksThePassword() {
        auto store = Store::open(dbPath_, Store::OpenMode::MustExist);
        QVERIFY(store);
        LoginDialog dialog(**store);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto* user = dialog.findChild<QLineEdit*>("loginUser");
        auto* password = dialog.findChild<QLineEdit*>("loginPassword");
        auto* button = dialog.findChild<QPushButton*>("loginButton");
        QTest::keyClicks(user, "produktansvarlig");
        QTest::keyClicks(password, "feil passord");
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(dialog.isVisible());
        QVERIFY(!dialog.findChild<QLabel*>("loginError")->text().isEmpty());
        QTest::keyClicks(password, "vakt-demo-passord");
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.session().username, QString("produktansvarlig"));
        QVERIFY(dialog.session().role == Role::Produktansvarlig);
    }

    void filterEditSaveAndRestart() {
        const Session owner{"produktansvarlig", Role::Produktansvarlig};
        const QString newGoal = QStringLiteral("Kommunene skal sende alle brev digitalt innen 2028.");
        {
            auto ctx = open(owner);
            MainWindow window(*ctx);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QVERIFY(window.showModule("catalog"));
            CatalogPage* page = catalogOf(window);
            QVERIFY(page);
            auto* table = page->findChild<QTableView*>("catalogTable");
            auto* search = page->findChild<QLineEdit*>("catalogSearch");
            const int all = table->model()->rowCount();
            QVERIFY(all >= 18);

            QTest::keyClicks(search, "folkereg");
            QCOMPARE(table->model()->rowCount(), 1);
            QCOMPARE(table->model()->index(0, 0).data().toString(), QString("Fiks folkeregister"));
            search->clear();
            QCOMPARE(table->model()->rowCount(), all);

            auto* kind = page->findChild<QComboBox*>("catalogKindFilter");
            kind->setCurrentIndex(kind->findData("component"));
            QVERIFY(table->model()->rowCount() > 0 && table->model()->rowCount() < all);
            for (int r = 0; r < table->model()->rowCount(); ++r)
                QCOMPARE(table->model()->index(r, 1).data().toString(), QString("Komponent"));
            kind->setCurrentIndex(0);

            QTest::keyClicks(search, "SvarUt");
            table->selectRow(0);
            QCOMPARE(page->currentKey(), QString("svarut"));
            auto* goal = page->findChild<QPlainTextEdit*>("fieldGoal");
            auto* save = page->findChild<QPushButton*>("saveButton");
            QVERIFY(!goal->isReadOnly());
            QVERIFY(!save->isEnabled());
            goal->selectAll();
            QTest::keyClicks(goal, newGoal);
            QVERIFY(page->isDirty());
            QVERIFY(save->isEnabled());
            QTest::mouseClick(save, Qt::LeftButton);
            QCOMPARE(page->findChild<QLabel*>("entryMessage")->text(), QString("Lagret."));
            QVERIFY(!page->isDirty());

            // A date that does not exist is refused with the field named, and nothing is saved.
            auto* reviewed = page->findChild<QLineEdit*>("fieldLastReviewed");
            reviewed->selectAll();
            QTest::keyClicks(reviewed, "31.02.2026");
            QTest::mouseClick(save, Qt::LeftButton);
            QVERIFY(page->findChild<QLabel*>("entryMessage")->text().contains("Sist gjennomgått"));
            page->revert();
            QVERIFY(!page->isDirty());
            // The date as Norwegians write it is taken.
            reviewed->selectAll();
            QTest::keyClicks(reviewed, "15.09.2026");
            QTest::mouseClick(save, Qt::LeftButton);
            QCOMPARE(page->findChild<QLabel*>("entryMessage")->text(), QString("Lagret."));
            window.close();
        }
        // Restart: a new store connection and a new window.
        auto ctx = open(owner);
        MainWindow window(*ctx);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        CatalogPage* page = catalogOf(window);
        QVERIFY(page->selectEntry("svarut"));
        QCOMPARE(page->findChild<QPlainTextEdit*>("fieldGoal")->toPlainText(), newGoal);
        QCOMPARE(page->findChild<QLineEdit*>("fieldLastReviewed")->text(), QString("15.09.2026"));
        QCOMPARE(CatalogService(*ctx->store).get(owner, "svarut")->value().lastReviewed, QDate(2026, 9, 15));
        // The change is in the trail under the user's name, as the auditor reads it.
        const Session auditor{"revisor", Role::Revisor};
        auto trail = ctx->store->trail(auditor, "catalog_entry", "svarut", 5);
        QVERIFY(trail);
        QCOMPARE(QString::fromStdString(trail->front().actor), QString("produktansvarlig"));
        QVERIFY(QString::fromStdString(trail->front().after).contains(newGoal));
        QVERIFY(ctx->store->verifyTrail(auditor)->intact);
    }

    void readOnlyUserCannotEdit() {
        auto ctx = open(Session{"revisor", Role::Revisor});
        MainWindow window(*ctx);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.showModule("catalog"));
        CatalogPage* page = catalogOf(window);
        QVERIFY(page->selectEntry("digisos"));
        QVERIFY(page->findChild<QLabel*>("readOnlyBanner")->isVisible());
        QVERIFY(page->findChild<QLineEdit*>("fieldName")->isReadOnly());
        QVERIFY(page->findChild<QPlainTextEdit*>("fieldGoal")->isReadOnly());
        QVERIFY(!page->findChild<QComboBox*>("fieldLifecycle")->isEnabled());
        QVERIFY(!page->findChild<QPushButton*>("saveButton")->isVisible());
        QVERIFY(!page->findChild<QPushButton*>("catalogNew")->isEnabled());
        const QString before = page->findChild<QLineEdit*>("fieldName")->text();
        QTest::keyClicks(page->findChild<QLineEdit*>("fieldName"), " endret");
        QCOMPARE(page->findChild<QLineEdit*>("fieldName")->text(), before);
        QVERIFY(!page->save());
        // Core refuses too, whatever the UI does.
        auto entry = CatalogService(*ctx->store).get(ctx->session, "digisos");
        CatalogEntry changed = entry->value();
        changed.name = "Endret";
        QVERIFY(!CatalogService(*ctx->store).save(ctx->session, changed));
    }

    void auditSearchNeverShowsThePersonIdAndProvesEachEvent() {
        // 450 lookups of one person, more than a page, and noise about somebody else.
        QVERIFY(audit::LedgerKeys::init(dir_.filePath("keys")));
        const QString person = "15058534541", other = "41019012393";
        QByteArray lines;
        for (int i = 0; i < 500; ++i)
            lines += QStringLiteral("{\"time\":\"%1\",\"service\":\"fiks-folkeregister\",\"action\":\"%4\","
                                    "\"actor\":{\"type\":\"integration\",\"id\":\"fagsystem-1\",\"org\":\"974760673\"},"
                                    "\"subject\":{\"type\":\"person\",\"id\":\"%2\"},\"result\":\"%3\"}\n")
                         .arg(QDateTime::currentDateTimeUtc().addSecs(-3600 + i).toString(Qt::ISODate), i % 10 == 0 ? other : person,
                              i == 7 ? "denied" : "ok", i % 50 == 3 ? "document.download" : "person.lookup")
                         .toUtf8();
        {
            auto store = Store::open(dbPath_, Store::OpenMode::MustExist);
            QVERIFY(store);
            auto keys = audit::LedgerKeys::load(dir_.filePath("keys"));
            QVERIFY(keys);
            audit::Ledger ledger(**store, std::move(*keys));
            QBuffer input(&lines);
            QVERIFY(input.open(QIODevice::ReadOnly));
            const Session ingest{"collector", Role::Admin};
            audit::DetectionRule noBasis;
            noBasis.name = "OppslagUtenHjemmel";
            audit::Detector detector({noBasis});
            ledger.setDetector(&detector);
            QVERIFY(ledger.ingest(ingest, audit::SourceSpec{{}, "gui-test", true}, input));
            QVERIFY(ledger.signHead(ingest));
        }
        auto ctx = open(Session{"sikkerhetsansvarlig", Role::Sikkerhetsansvarlig});
        MainWindow window(*ctx);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.showModule("audit"));
        auto* id = window.findChild<QLineEdit*>("auditId");
        QVERIFY(id && id->isEnabled());
        QCOMPARE(id->echoMode(), QLineEdit::Password);
        auto* detections = window.findChild<QTableWidget*>("auditDetections");
        QCOMPARE(detections->rowCount(), 1);  // no event had a legal basis: one incident for the integration today
        QCOMPARE(detections->item(0, 2)->text(), QString("OppslagUtenHjemmel"));
        QCOMPARE(detections->item(0, 5)->text(), QString("490 hendelser"));  // the lookups; downloads are not the rule's
        QTest::keyClicks(id, person);
        QTest::mouseClick(window.findChild<QPushButton*>("auditSearch"), Qt::LeftButton);
        auto* results = window.findChild<QTableWidget*>("auditResults");
        QCOMPARE(results->rowCount(), 200);  // the first page
        results->scrollToBottom();
        QTRY_COMPARE(results->rowCount(), 400);
        results->scrollToBottom();
        QTRY_COMPARE(results->rowCount(), 450);  // all of them, and no more
        QCOMPARE(results->item(6, 4)->text(), QString("denied"));  // event 7; event 0 was about somebody else
        results->setCurrentCell(6, 0);
        auto* detail = window.findChild<QPlainTextEdit*>("auditDetail");
        QVERIFY(detail->toPlainText().contains("hmac-sha256:"));
        QVERIFY(detail->toPlainText().contains("Beviset holder."));
        for (auto* w : window.findChildren<QWidget*>()) {
            if (auto* l = qobject_cast<QLabel*>(w)) QVERIFY(!l->text().contains(person));
            if (auto* t = qobject_cast<QPlainTextEdit*>(w)) QVERIFY(!t->toPlainText().contains(person));
        }
        // Verification runs off the UI thread: the button waits, the page stays usable.
        auto* verify = window.findChild<QPushButton*>("auditVerify");
        QTest::mouseClick(verify, Qt::LeftButton);
        QTRY_VERIFY(window.findChild<QLabel*>("auditLedgerState")->text().contains("Loggen er uendret: 500 hendelser"));
        QVERIFY(verify->isEnabled());

        // Narrowed to one action, then to a service with nothing about the person.
        QTest::keyClicks(window.findChild<QLineEdit*>("auditAction"), "document.download");
        QTest::mouseClick(window.findChild<QPushButton*>("auditSearch"), Qt::LeftButton);
        QCOMPARE(results->rowCount(), 10);  // events 3, 53, ..., 453
        for (int row = 0; row < results->rowCount(); ++row) QCOMPARE(results->item(row, 3)->text(), QString("document.download"));
        QTest::keyClicks(window.findChild<QComboBox*>("auditService")->lineEdit(), "svarut");
        QTest::mouseClick(window.findChild<QPushButton*>("auditSearch"), Qt::LeftButton);
        QCOMPARE(results->rowCount(), 0);
        QCOMPARE(window.findChild<QLabel*>("auditStatus")->text(), QString("Ingen hendelser i perioden."));

        // The service desk sees the module but cannot search.
        auto desk = open(Session{"brukerstotte", Role::Brukerstotte});
        MainWindow deskWindow(*desk);
        QVERIFY(deskWindow.showModule("audit"));
        QVERIFY(!deskWindow.findChild<QLineEdit*>("auditId")->isEnabled());
        QVERIFY(!deskWindow.findChild<QPushButton*>("auditVerify")->isEnabled());
        QVERIFY(!deskWindow.findChild<QTableWidget*>("auditDetections")->isVisibleTo(&deskWindow));
    }

    void monitoringShowsTheWorstServicesFirst() {
        {
            auto store = Store::open(dbPath_, Store::OpenMode::MustExist);
            QVERIFY(store);
            MonitoringStore m(**store);
            const QDateTime now = QDateTime::currentDateTimeUtc();
            QVERIFY(m.registerTarget(MonitoringStore::collectorSession(), "platform", "10.0.0.1:8080", "http://10.0.0.1:8080/metrics", "svarut"));
            QVERIFY(m.registerTarget(MonitoringStore::collectorSession(), "platform", "10.0.0.2:8080", "http://10.0.0.2:8080/metrics", "digisos"));
            QVERIFY(m.recordScrape(MonitoringStore::collectorSession(), "platform", "10.0.0.1:8080", now, true, {}, 10, 400));
            QVERIFY(m.recordScrape(MonitoringStore::collectorSession(), "platform", "10.0.0.2:8080", now, false, "connection refused", 1, 0));
            QVERIFY(m.writeMinutes(MonitoringStore::collectorSession(), {ServiceMinute{"svarut", now.addSecs(-120), 4, 4, 1000, 3, 0.05, 0.25, 0.4}}));
            Incident alert;
            alert.fingerprint = "MålSvarerIkke|digisos|platform|10.0.0.2:8080";
            alert.source = "monitoring";
            alert.title = "MålSvarerIkke";
            alert.summary = "10.0.0.2:8080 for digisos svarer ikke";
            alert.severity = "critical";
            alert.service = "digisos";
            QVERIFY(IncidentStore(**store).raise(MonitoringStore::collectorSession(), alert, now));
        }
        auto ctx = open(Session{"brukerstotte", Role::Brukerstotte});
        MainWindow window(*ctx);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.showModule("monitoring"));
        auto* services = window.findChild<QTableWidget*>("monitoringServices");
        QVERIFY(services);
        QCOMPARE(services->rowCount(), 2);
        QCOMPARE(services->item(0, 0)->text(), QString("DigiSos"));
        QCOMPARE(services->item(0, 1)->text(), QString("Nede"));
        QCOMPARE(services->item(1, 1)->text(), QString("Oppe"));
        QCOMPARE(services->item(1, 7)->text(), QString("250 ms"));
        auto* targets = window.findChild<QTableWidget*>("monitoringTargets");
        QCOMPARE(targets->rowCount(), 2);
        QVERIFY(!window.findChild<QLabel*>("monitoringEmpty")->isVisible());
        auto* alerts = window.findChild<QTableWidget*>("monitoringAlerts");
        QCOMPARE(alerts->rowCount(), 1);
        QCOMPARE(alerts->item(0, 0)->text(), QString("Kritisk"));
        QCOMPARE(alerts->item(0, 3)->text(), QString("10.0.0.2:8080 for digisos svarer ikke"));
    }

    void documentWarningsShowOldAndMissingAnalyses() {
        auto ctx = open(Session{"sikkerhetsansvarlig", Role::Sikkerhetsansvarlig});
        MainWindow window(*ctx);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        CatalogPage* page = catalogOf(window);
        // In the demo, Manuelt mottak has neither ROS nor DPIA.
        QVERIFY(page->selectEntry("manuelt-mottak"));
        const QString warnings = page->findChild<QLabel*>("documentWarnings")->text();
        QVERIFY2(warnings.contains("ROS-analyse mangler") && warnings.contains("DPIA mangler"), qPrintable(warnings));
        // The security officer registers a new ROS: the ROS warning goes, the DPIA warning stays.
        auto* documents = page->findChild<QTableWidget*>("documentsTable");
        QTest::mouseClick(page->findChild<QPushButton*>("documentsTableAdd"), Qt::LeftButton);
        QCOMPARE(documents->rowCount(), 1);
        documents->item(0, 1)->setText("ROS-analyse Manuelt mottak");
        documents->item(0, 2)->setText("1.0");
        QVERIFY(page->save());
        const QString after = page->findChild<QLabel*>("documentWarnings")->text();
        QVERIFY2(!after.contains("ROS-analyse mangler") && after.contains("DPIA mangler"), qPrintable(after));
        auto saved = CatalogService(*ctx->store).get(ctx->session, "manuelt-mottak");
        QCOMPARE(saved->value().documents.size(), 1);
        QCOMPARE(saved->value().documents.front().kind, QString("ros"));
        QCOMPARE(saved->value().documents.front().date, vakt::SystemClock().today());

        auto* attention = page->findChild<QComboBox*>("catalogAttentionFilter");
        auto* table = page->findChild<QTableView*>("catalogTable");
        const int all = table->model()->rowCount();
        attention->setCurrentIndex(1);
        QVERIFY(table->model()->rowCount() < all);
        QVERIFY(table->model()->rowCount() > 0);
    }
};

QTEST_MAIN(CatalogGuiTest)
#include "test_catalog_gui.moc"
