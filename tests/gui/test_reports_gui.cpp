// The Rapporter page as a manager uses it, in a real window under Xvfb on the demo platform: the
// NSM report previewed in the background (every principle shown, nothing recorded), Cancel
// offered while a build runs (cancelling itself: report_figures), a period that cannot be read refused
// where it is typed, and the report saved as PDF with its hash in the trail.
#include <QApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QtTest>

#include "app/demo.h"
#include "app/modules.h"
#include "core/data_dir.h"
#include "desktop/reports/reports_page.h"
#include "desktop/shell/language.h"
#include "desktop/shell/main_window.h"
#include "nsm/nsm_model.h"
#include "reports/report_service.h"
#include "tests/support/app_context.h"

using namespace vakt;
using namespace vakt::desktop;

class ReportsGuiTest : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString dbPath_;

    std::unique_ptr<AppContext> open(const Session& who) { return test::openAppContext(dbPath_, who); }

    // Reports generated so far, as the trail has them (read as the security officer, who may).
    int reportRuns() {
        auto ctx = open(Session{"sikkerhetsansvarlig", Role::Sikkerhetsansvarlig});
        auto runs = reports::ReportService(*ctx->store).runs(ctx->session);
        if (!runs) qFatal("%s", runs.message().c_str());
        return int(runs->size());
    }

    // The window shown with its Rapporter page open; null when it could not be.
    static ReportsPage* showReports(MainWindow& window) {
        window.show();
        if (!QTest::qWaitForWindowExposed(&window) || !window.showModule("reports")) return nullptr;
        return qobject_cast<ReportsPage*>(window.page("reports"));
    }

private slots:
    void initTestCase() {
        vakt::app::registerModules();
        QVERIFY(applyLanguage("nb"));
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QVERIFY(dir_.isValid());
        dbPath_ = dir_.filePath("reports.db");
        auto store = Store::open(dbPath_, Store::OpenMode::Create);
        QVERIFY2(store, store ? "" : store.message().c_str());
        auto demo = loadDemo(**store, dataDir());
        QVERIFY2(demo, demo ? "" : demo.message().c_str());
    }

    void aPreviewShowsEveryPrincipleAndRecordsNothing() {
        auto ctx = open(Session{"leder", Role::Leder});
        MainWindow window(*ctx);
        ReportsPage* page = showReports(window);
        QVERIFY(page);
        auto* kinds = window.findChild<QListWidget*>("reportKinds");
        QCOMPARE(kinds->count(), 7);
        page->showItems("nsm");
        const int before = reportRuns();
        QTest::mouseClick(window.findChild<QPushButton*>("previewReport"), Qt::LeftButton);
        QVERIFY(page->busy());
        QTRY_VERIFY_WITH_TIMEOUT(!page->busy(), 60000);
        const QString text = page->previewText();
        for (const auto& p : nsm::builtinPrinciples()) QVERIFY2(text.contains(QString::fromStdString(p.id + " " + p.title)), p.id.c_str());
        QVERIFY(text.contains("Sammendrag"));
        QVERIFY2(page->status().contains("ingenting er lagret"), qPrintable(page->status()));
        QCOMPARE(reportRuns(), before);
        // The charts are drawn as images in the preview.
        auto* browser = window.findChild<QTextBrowser*>("reportPreview");
        QVERIFY(!browser->document()->resource(QTextDocument::ImageResource, QUrl("chart-1.png")).isNull());
    }

    void cancelIsOfferedOnlyWhileABuildRuns() {
        auto ctx = open(Session{"sikkerhetsansvarlig", Role::Sikkerhetsansvarlig});
        MainWindow window(*ctx);
        ReportsPage* page = showReports(window);
        QVERIFY(page);
        page->showItems("ros");
        auto* cancel = window.findChild<QPushButton*>("cancelReport");
        QVERIFY(!cancel->isEnabled());
        page->preview();
        QVERIFY(cancel->isEnabled());
        QVERIFY(!window.findChild<QPushButton*>("previewReport")->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(!page->busy(), 60000);
        QVERIFY(!cancel->isEnabled());
        QVERIFY(page->previewText().contains("Toppriskoer"));
    }

    void aPeriodThatCannotBeReadIsRefusedWhereItIsTyped() {
        auto ctx = open(Session{"leder", Role::Leder});
        MainWindow window(*ctx);
        ReportsPage* page = showReports(window);
        QVERIFY(page);
        page->showItems("incidents");
        auto* period = window.findChild<QLineEdit*>("reportPeriod");
        QTest::keyClicks(period, "2026-Q5");
        auto* problem = window.findChild<QLabel*>("periodProblem");
        QVERIFY(problem->isVisible());
        QVERIFY(problem->text().startsWith("Perioden forstås ikke"));
        page->preview();
        QVERIFY(!page->busy());  // nothing is built from a period that cannot be read
        QVERIFY(page->status().startsWith("Perioden forstås ikke"));
        period->clear();
        QTest::keyClicks(period, "2026-Q3");
        QVERIFY(!problem->isVisible());
    }

    void aSavedReportIsInTheTrailWithItsHash() {
        auto ctx = open(Session{"revisor", Role::Revisor});
        MainWindow window(*ctx);
        ReportsPage* page = showReports(window);
        QVERIFY(page);
        page->showItems("catalog");
        const QString path = dir_.filePath("katalog.pdf");
        auto sha = page->saveTo(path);
        QVERIFY2(sha, sha ? "" : sha.message().c_str());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.startsWith("%PDF-"));
        QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()), *sha);
        // The revisor reads the trail: the newest report entry is this file, made by them.
        auto runs = reports::ReportService(*ctx->store).runs(ctx->session);
        QVERIFY2(runs && !runs->isEmpty(), runs ? "none" : runs.message().c_str());
        QCOMPARE(runs->front().fileSha256, *sha);
        QCOMPARE(runs->front().generatedBy, QString("revisor"));
        QCOMPARE(runs->front().kind, QString("catalog"));
    }

    void theAdministratorCannotMakeReports() {
        auto ctx = open(Session{"admin", Role::Admin});
        MainWindow window(*ctx);
        ReportsPage* page = showReports(window);
        QVERIFY(page);
        QVERIFY(!window.findChild<QPushButton*>("previewReport")->isEnabled());
        QVERIFY(page->status().contains("kan ikke"));
    }
};

QTEST_MAIN(ReportsGuiTest)
#include "test_reports_gui.moc"
