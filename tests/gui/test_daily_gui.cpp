// The desktop as people use it every morning, in real windows under Xvfb: the overview opens the
// lists behind its figures, monitoring tells a silent collector and a degraded service apart from
// a healthy one, a finding opens its evidence and is closed with a reason, a mistyped
// fødselsnummer is refused, and the Norwegian window holds no English (nor the English window
// Norwegian), with numbers and dates in the chosen language, switched without a restart.
#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QCommandLinkButton>
#include <QDateEdit>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTimer>
#include <QXmlStreamReader>
#include <QtTest>
#include <QChart>
#include <QChartView>
#include <QLineSeries>
#include <QListWidget>

#include "app/demo.h"
#include "app/modules.h"
#include "collector/audit/ledger.h"
#include "core/catalog_service.h"
#include "core/data_dir.h"
#include "core/incidents.h"
#include "core/monitoring.h"
#include "desktop/audit/audit_page.h"
#include "desktop/audit/finding_dialog.h"
#include "desktop/catalog/catalog_page.h"
#include "desktop/overview/overview_page.h"
#include "desktop/shell/desktop_app.h"
#include "desktop/shell/language.h"
#include "desktop/shell/login_dialog.h"
#include "desktop/shell/main_window.h"
#include "tests/support/app_context.h"
#include "tests/support/incidents.h"

using namespace vakt;
using namespace vakt::desktop;

namespace {

// The texts a window in one language must not show: every translation that differs from its
// source, read from the translation file itself, as (Norwegian source, English text) pairs.
struct Texts {
    QSet<QString> norwegian, english;
};

Texts translatedTexts() {
    Texts texts;
    QFile file(QStringLiteral(VAKT_SOURCE_DIR "/translations/vakt_en.ts"));
    if (!file.open(QIODevice::ReadOnly)) qFatal("cannot read vakt_en.ts");
    QXmlStreamReader xml(&file);
    QString source;
    QStringList forms;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) continue;
        if (xml.name() == QLatin1String("source")) source = xml.readElementText();
        else if (xml.name() == QLatin1String("translation") || xml.name() == QLatin1String("numerusform")) {
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            // Short texts like "%1: %2" or "OK" read the same in both languages.
            if (text.isEmpty() || text == source || text.size() < 4 || source.contains(QLatin1Char('%'))) continue;
            texts.english << text;
            texts.norwegian << source;
        }
    }
    // Qt's own English texts a Norwegian window might show when its translation is missing.
    for (const char* qt : {"Cancel", "Discard", "Close", "Save", "Open", "Apply", "Reset", "&Yes", "&No", "Show Details...", "Select All"})
        texts.english << QString::fromLatin1(qt);
    return texts;
}

QString plain(QString text) { return text.remove(QLatin1Char('&')).trimmed(); }

// Every text a person can see in a window: labels, buttons, headers, placeholders, tabs, menus.
QStringList visibleTexts(QWidget* root) {
    QStringList out;
    QList<QWidget*> widgets = root->findChildren<QWidget*>();
    widgets << root;
    for (QWidget* w : widgets) {
        if (!w->isVisibleTo(root) && w != root) continue;
        if (auto* l = qobject_cast<QLabel*>(w)) out << l->text();
        if (auto* b = qobject_cast<QAbstractButton*>(w)) out << plain(b->text());
        if (auto* c = qobject_cast<QCommandLinkButton*>(w)) out << c->description();
        if (auto* e = qobject_cast<QLineEdit*>(w)) out << e->placeholderText();
        if (auto* g = qobject_cast<QGroupBox*>(w)) out << g->title();
        if (auto* t = qobject_cast<QTabWidget*>(w))
            for (int i = 0; i < t->count(); ++i) out << t->tabText(i);
        if (auto* c = qobject_cast<QComboBox*>(w))
            for (int i = 0; i < c->count(); ++i) out << c->itemText(i);
        if (auto* v = qobject_cast<QTableView*>(w))
            for (int i = 0; i < v->model()->columnCount(); ++i) out << v->model()->headerData(i, Qt::Horizontal).toString();
        if (auto* m = qobject_cast<QMenuBar*>(w))
            for (QAction* a : m->actions()) {
                out << plain(a->text());
                if (a->menu())
                    for (QAction* sub : a->menu()->actions()) out << plain(sub->text());
            }
    }
    out.removeAll(QString());
    return out;
}

}  // namespace

class DailyUseGuiTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString dbPath_, keysDir_;
    Texts texts_;
    qint64 findingId_ = 0;
    const QString person_ = QStringLiteral("15058534541");

    std::unique_ptr<AppContext> open(const Session& session, std::shared_ptr<const Clock> clock = nullptr) {
        return test::openAppContext(dbPath_, session, keysDir_, std::move(clock));
    }
    static void raiseAlert(Store& store, const QString& fingerprint, const QString& service, const char* severity) {
        const Incident alert = test::incident(fingerprint, "monitoring", severity, service, "Feilbudsjett", service + " bruker feilbudsjettet for raskt",
                                              service + " uses its error budget too fast");
        QVERIFY(IncidentStore(store).raise(MonitoringStore::collectorSession(), alert, store.clock().now()));
    }
    // Answers the next modal message box with `button` once it is shown.
    static void answerNextMessageBox(QMessageBox::StandardButton button) {
        QTimer::singleShot(0, [button] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            if (box) box->button(button)->click();
        });
    }
    static QStringList column(QTableWidget* table, int c) {
        QStringList out;
        for (int r = 0; r < table->rowCount(); ++r)
            if (!table->isRowHidden(r) && table->item(r, c)) out << table->item(r, c)->text();
        return out;
    }

private slots:
    void initTestCase() {
        vakt::app::registerModules();
        QVERIFY(applyLanguage("nb"));
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();  // each run starts as a first start: no remembered columns or pages
        QVERIFY(dir_.isValid());
        dbPath_ = dir_.filePath("daily.db");
        keysDir_ = dir_.filePath("keys");
        texts_ = translatedTexts();
        QVERIFY(texts_.english.size() > 100);
        auto store = Store::open(dbPath_, Store::OpenMode::Create);
        QVERIFY2(store, store ? "" : store.message().c_str());
        auto demo = loadDemo(**store, dataDir());
        QVERIFY2(demo, demo ? "" : demo.message().c_str());
        // One integration looks a person up 30 times without a legal basis: one finding.
        QVERIFY(audit::LedgerKeys::init(keysDir_));
        QByteArray lines;
        for (int i = 0; i < 30; ++i)
            lines += QStringLiteral("{\"time\":\"%1\",\"service\":\"fiks-folkeregister\",\"action\":\"person.lookup\","
                                    "\"actor\":{\"type\":\"integration\",\"id\":\"fagsystem-1\",\"org\":\"974760673\"},"
                                    "\"subject\":{\"type\":\"person\",\"id\":\"%2\"},\"result\":\"ok\"}\n")
                         .arg(QDateTime::currentDateTimeUtc().addSecs(-600 + i).toString(Qt::ISODate), person_)
                         .toUtf8();
        auto keys = audit::LedgerKeys::load(keysDir_);
        QVERIFY(keys);
        audit::Ledger ledger(**store, std::move(*keys));
        QBuffer input(&lines);
        QVERIFY(input.open(QIODevice::ReadOnly));
        audit::DetectionRule noBasis;
        noBasis.name = "Oppslag uten lovhjemmel i folkeregisteret";
        audit::Detector detector({noBasis});
        ledger.setDetector(&detector);
        const Session ingest{"collector", Role::Admin};
        QVERIFY(ledger.ingest(ingest, audit::SourceSpec{{}, "gui-test", true}, input));
        QVERIFY(ledger.signHead(ingest));
        auto open = ledger.openDetections(Session{"kari", Role::Sikkerhetsansvarlig});
        QVERIFY(open && open->size() == 1);
        findingId_ = open->front().id;
        raiseAlert(**store, "Feilbudsjett|digisos", "digisos", "critical");
        raiseAlert(**store, "Feilbudsjett|svarut", "svarut", "warning");
    }

    void overviewComesFirstAndOpensTheListBehindEachFigure() {
        auto ctx = open(Session{"sikkerhetsansvarlig", Role::Sikkerhetsansvarlig});
        MainWindow window(*ctx);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QCOMPARE(window.currentModule(), QString("overview"));
        auto* overview = qobject_cast<OverviewPage*>(window.page("overview"));
        QVERIFY(overview);
        // Figures as the other pages count them.
        QHash<QString, int> figure;
        for (const auto& f : overview->figures()) figure.insert(f.id, f.count);
        QCOMPARE(figure.value("alerts"), 2);
        QCOMPARE(figure.value("findings"), 1);
        auto summaries = CatalogService(*ctx->store).list(ctx->session);
        int stale = 0;
        for (const auto& s : *summaries) stale += (!s.newestRos.isValid() || !s.newestDpia.isValid() ||
                                                   s.newestRos < ctx->store->clock().today().addYears(-1) ||
                                                   s.newestDpia < ctx->store->clock().today().addYears(-1));
        QVERIFY(stale > 0);
        QCOMPARE(figure.value("documents"), stale);
        auto* alertsCard = window.findChild<QCommandLinkButton*>("overview_alerts");
        QCOMPARE(alertsCard->text(), QString("2 åpne varsler"));
        QCOMPARE(alertsCard->description(), QString("1 kritisk, 1 advarsel"));
        // The sidebar shows what waits on each page.
        QCOMPARE(window.badge("monitoring"), 2);
        QCOMPARE(window.badge("audit"), 1);
        QCOMPARE(window.badge("catalog"), stale);

        QTest::mouseClick(alertsCard, Qt::LeftButton);
        QCOMPARE(window.currentModule(), QString("monitoring"));
        QCOMPARE(window.findChild<QTableWidget*>("monitoringAlerts")->rowCount(), 2);
        QVERIFY(window.showModule("overview"));
        QTest::mouseClick(window.findChild<QCommandLinkButton*>("overview_documents"), Qt::LeftButton);
        QCOMPARE(window.currentModule(), QString("catalog"));
        QCOMPARE(window.findChild<QTableView*>("catalogTable")->model()->rowCount(), stale);
        QVERIFY(window.showModule("overview"));
        QTest::mouseClick(window.findChild<QCommandLinkButton*>("overview_findings"), Qt::LeftButton);
        QCOMPARE(window.currentModule(), QString("audit"));
        QVERIFY(window.findChild<QTableWidget*>("auditDetections")->hasFocus());

        // The service desk has no findings to investigate: no figure, no badge for them.
        auto desk = open(Session{"brukerstotte", Role::Brukerstotte});
        MainWindow deskWindow(*desk);
        QVERIFY(!deskWindow.findChild<QCommandLinkButton*>("overview_findings"));
        QCOMPARE(deskWindow.badge("audit"), 0);
        QCOMPARE(deskWindow.badge("catalog"), 0);  // the desk does not keep the catalogue
        QCOMPARE(deskWindow.badge("monitoring"), 2);
    }

    void aSilentCollectorTurnsTheMonitoringPageGreyAndSaysSo() {
        const QDateTime start = QDateTime::currentDateTimeUtc();
        auto clock = std::make_shared<FixedClock>(start);
        {
            auto store = Store::open(dbPath_, Store::OpenMode::MustExist, clock);
            QVERIFY(store);
            MonitoringStore m(**store);
            const Session c = MonitoringStore::collectorSession();
            QVERIFY(m.registerTarget(c, "platform", "10.0.0.5:8080", "http://10.0.0.5:8080/metrics", "fiks-io", 15000));
            QVERIFY(m.recordScrape(c, "platform", "10.0.0.5:8080", start, true, {}, 10, 100));
            QVERIFY(m.writeMinutes(c, {ServiceMinute{"fiks-io", start.addSecs(-60), 4, 4, 1000, 1, 0.01, 0.2, 0.3}}));
        }
        auto ctx = open(Session{"brukerstotte", Role::Brukerstotte}, clock);
        MainWindow window(*ctx);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.showModule("monitoring"));
        auto* services = window.findChild<QTableWidget*>("monitoringServices");
        auto* stale = window.findChild<QLabel*>("monitoringStale");
        const auto stateOf = [&](const QString& name) {
            for (int r = 0; r < services->rowCount(); ++r)
                if (services->item(r, 0)->text() == name) return services->item(r, 1)->text();
            return QString();
        };
        QVERIFY(!stale->isVisible());
        QCOMPARE(stateOf("Fiks IO"), QString("Oppe"));
        // Figures over a day rest on a minute of data, and say so.
        for (int r = 0; r < services->rowCount(); ++r)
            if (services->item(r, 0)->text() == "Fiks IO") QVERIFY2(services->item(r, 3)->text().contains("(av "), qPrintable(services->item(r, 3)->text()));

        // The collector stops: a minute later (four 15 s intervals) and F5, nothing is green any more.
        clock->advanceSecs(60);
        window.findChild<QAction*>("actionRefresh")->trigger();
        QVERIFY(stale->isVisible());
        QVERIFY2(stale->text().contains("har ikke rapportert siden"), qPrintable(stale->text()));
        QCOMPARE(stateOf("Fiks IO"), QString("Ukjent"));
        QVERIFY(!column(services, 1).contains("Oppe"));
        QVERIFY(!window.findChild<QCommandLinkButton*>("overview_services")->description().contains("er oppe"));
    }

    void aServiceThatAnswersWithAnOpenAlertIsDegradedNotGreen() {
        {
            auto store = Store::open(dbPath_, Store::OpenMode::MustExist);
            QVERIFY(store);
            MonitoringStore m(**store);
            const Session c = MonitoringStore::collectorSession();
            QVERIFY(m.registerTarget(c, "platform", "10.0.0.1:8080", "http://10.0.0.1:8080/metrics", "svarut"));
            QVERIFY(m.recordScrape(c, "platform", "10.0.0.1:8080", QDateTime::currentDateTimeUtc(), true, {}, 10, 400));
        }
        auto ctx = open(Session{"brukerstotte", Role::Brukerstotte});
        MainWindow window(*ctx);
        QVERIFY(window.showModule("monitoring"));
        auto* services = window.findChild<QTableWidget*>("monitoringServices");
        bool found = false;
        for (int r = 0; r < services->rowCount(); ++r)
            if (services->item(r, 0)->text() == "SvarUt") {
                found = true;
                QCOMPARE(services->item(r, 1)->text(), QString("Redusert"));  // it answers, but its error budget alert is open
                QVERIFY(services->item(r, 1)->toolTip().contains("1 åpent varsel"));
            }
        QVERIFY(found);
    }

    void aFindingOpensItsEvidenceAndIsTakenAndClosedWithAReason() {
        auto ctx = open(Session{"sikkerhetsansvarlig", Role::Sikkerhetsansvarlig});
        MainWindow window(*ctx);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.showModule("audit"));
        auto* page = qobject_cast<AuditPage*>(window.page("audit"));
        auto* findings = window.findChild<QTableWidget*>("auditDetections");
        QCOMPARE(findings->rowCount(), 1);
        // The headline is the rule's full name and the organisation's, never a pseudonym.
        QCOMPARE(findings->item(0, 2)->text(), QString("Oppslag uten lovhjemmel i folkeregisteret"));
        QVERIFY(!findings->item(0, 3)->text().isEmpty());
        for (int c = 0; c < findings->columnCount(); ++c) QVERIFY(!findings->item(0, c)->text().contains("hmac-sha256"));
        QCOMPARE(findings->item(0, 5)->text(), QString("30 hendelser"));

        FindingDialog* dialog = page->openFinding(0);
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QCOMPARE(dialog->evidenceShown(), 30);
        auto* events = dialog->findChild<QTableWidget*>("findingEvents");
        events->setCurrentCell(4, 0);
        const QString detail = dialog->findChild<QPlainTextEdit*>("findingDetail")->toPlainText();
        QVERIFY2(detail.contains("Beviset holder."), qPrintable(detail));
        QVERIFY(!detail.contains(person_));
        QVERIFY(!dialog->acknowledge("   "));  // a reason is required
        QVERIFY(dialog->acknowledge("Ringer kommunen om fagsystemet"));
        QVERIFY(dialog->findChild<QLabel*>("findingState")->text().contains("Tatt av sikkerhetsansvarlig"));
        QCOMPARE(findings->item(0, 6)->text(), QString("sikkerhetsansvarlig"));
        QCOMPARE(window.badge("audit"), 0);  // taken: it no longer waits
        QVERIFY(dialog->closeFinding("Fagsystemet manglet hjemmelsfeltet; rettet i versjon 4.2"));
        QVERIFY(!dialog->findChild<QPushButton*>("findingClose")->isEnabled());
        QCOMPARE(findings->rowCount(), 0);
        auto closed = IncidentStore(*ctx->store).get(ctx->session, findingId_);
        QCOMPARE(closed->status, QString("closed"));
        QCOMPARE(closed->closeReason, QString("Fagsystemet manglet hjemmelsfeltet; rettet i versjon 4.2"));
        auto trail = ctx->store->trail(ctx->session, "incident", closed->fingerprint, 5);
        QCOMPARE(QString::fromStdString(trail->front().action), QString("incident.close"));
        dialog->close();
    }

    void sortingAndColumnWidthsAreRemembered() {
        auto ctx = open(Session{"sikkerhetsansvarlig", Role::Sikkerhetsansvarlig});
        {
            MainWindow window(*ctx);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QVERIFY(window.showModule("monitoring"));
            auto* header = window.findChild<QTableWidget*>("monitoringServices")->horizontalHeader();
            header->resizeSection(0, 333);
            QVERIFY(window.showModule("audit"));
            auto* findings = window.findChild<QTableWidget*>("auditDetections")->horizontalHeader();
            QCOMPARE(findings->sortIndicatorSection(), 1);  // the most severe first, to begin with
            QTest::mouseClick(findings->viewport(), Qt::LeftButton, {}, QPoint(findings->sectionViewportPosition(2) + 5, 5));
            QCOMPARE(findings->sortIndicatorSection(), 2);
        }
        MainWindow window(*ctx);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.showModule("monitoring"));
        auto* services = window.findChild<QTableWidget*>("monitoringServices");
        window.refreshAll();  // a refresh keeps the width the person chose, and the last column stretches
        QCOMPARE(services->horizontalHeader()->sectionSize(0), 333);
        QVERIFY(services->horizontalHeader()->stretchLastSection());
        QCOMPARE(window.findChild<QTableWidget*>("auditDetections")->horizontalHeader()->sortIndicatorSection(), 2);
    }

    void theChartHasARangeAndSaysWhenThereIsTooLittleData() {
        auto ctx = open(Session{"leder", Role::Leder});
        MainWindow window(*ctx);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.showModule("monitoring"));
        auto* services = window.findChild<QTableWidget*>("monitoringServices");
        auto* chart = window.findChild<QChartView*>("monitoringChart");
        auto* range = window.findChild<QComboBox*>("monitoringRange");
        QCOMPARE(range->count(), 4);  // hour, day, week, 30 days
        int fiksIo = -1;
        for (int r = 0; r < services->rowCount(); ++r)
            if (services->item(r, 0)->text() == "Fiks IO") fiksIo = r;
        QVERIFY(fiksIo >= 0);
        services->selectRow(fiksIo);
        // One minute of data is no line: the chart says so instead of drawing a dot.
        QVERIFY2(chart->chart()->title().contains("ikke nok data ennå"), qPrintable(chart->chart()->title()));
        QVERIFY(chart->chart()->series().isEmpty());
        {
            auto store = Store::open(dbPath_, Store::OpenMode::MustExist);
            const QDateTime now = QDateTime::currentDateTimeUtc();
            QList<ServiceMinute> hour;
            for (int m = 2; m <= 50; ++m) hour << ServiceMinute{"fiks-io", now.addSecs(-60 * m), 4, m % 10 ? 4 : 3, 100, 1, 0.01, 0.2, 0.3};
            QVERIFY(MonitoringStore(**store).writeMinutes(MonitoringStore::collectorSession(), hour));
        }
        range->setCurrentIndex(0);  // the last hour
        QVERIFY2(chart->chart()->title().contains("siste time"), qPrintable(chart->chart()->title()));
        QCOMPARE(chart->chart()->series().size(), 2);
        auto* availability = qobject_cast<QLineSeries*>(chart->chart()->series().front());
        QVERIFY(availability->count() >= 49);
        range->setCurrentIndex(3);  // 30 days: a point per hour, and these 50 minutes fall in one or two hours
        const QString title = chart->chart()->title();
        QVERIFY2(title.contains("siste 30 dager"), qPrintable(title));
        const auto series = chart->chart()->series();
        if (series.isEmpty()) QVERIFY2(title.contains("ikke nok data ennå"), qPrintable(title));
        else QCOMPARE(qobject_cast<QLineSeries*>(series.front())->count(), 2);
    }

    void findingsFilterBySeverityAndEveryListTakesTheKeyboard() {
        auto ctx = open(Session{"sikkerhetsansvarlig", Role::Sikkerhetsansvarlig});
        for (const char* severity : {"critical", "warning", "info"})
            QVERIFY(IncidentStore(*ctx->store).raise(
                ctx->session, test::incident(QStringLiteral("gui|filter|") + severity, "audit", severity, {}, QStringLiteral("Filtertest ") + severity),
                ctx->store->clock().now()));
        MainWindow window(*ctx);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(window.showModule("audit"));
        auto* findings = window.findChild<QTableWidget*>("auditDetections");
        QCOMPARE(column(findings, 1).first(), QString("Kritisk"));  // the most severe first
        auto* filter = window.findChild<QComboBox*>("auditFindingSeverity");
        filter->setCurrentIndex(filter->findData("warning"));
        QVERIFY(!column(findings, 1).isEmpty());
        for (const QString& s : column(findings, 1)) QCOMPARE(s, QString("Advarsel"));
        filter->setCurrentIndex(0);
        // The sidebar moves with the arrow keys, and the page follows.
        auto* navigation = window.findChild<QListWidget*>("navigation");
        navigation->setFocus();
        navigation->setCurrentRow(0);
        QTest::keyClick(navigation, Qt::Key_Down);
        QCOMPARE(window.currentModule(), window.moduleIds().at(1));
        // Ctrl+3 goes straight to the third page.
        QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(window.currentModule(), window.moduleIds().at(2));
        // In a table the arrow keys move the selection, and Tab leaves the table.
        QVERIFY(window.showModule("audit"));
        findings->setFocus();
        findings->setCurrentCell(0, 0);
        QTest::keyClick(findings, Qt::Key_Down);
        QCOMPARE(findings->currentRow(), 1);
        QTest::keyClick(findings, Qt::Key_Tab);
        QVERIFY(!findings->hasFocus());
        for (const char* severity : {"critical", "warning", "info"}) {
            auto open = IncidentStore(*ctx->store).open(ctx->session, "audit");
            for (const auto& i : *open)
                if (i.fingerprint == QStringLiteral("gui|filter|") + severity) QVERIFY(IncidentStore(*ctx->store).close(ctx->session, i.id, "test"));
        }
    }

    void aMistypedFodselsnummerIsRefusedBeforeSearching() {
        auto ctx = open(Session{"sikkerhetsansvarlig", Role::Sikkerhetsansvarlig});
        MainWindow window(*ctx);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(window.showModule("audit"));
        auto* id = window.findChild<QLineEdit*>("auditId");
        auto* status = window.findChild<QLabel*>("auditStatus");
        auto* search = window.findChild<QPushButton*>("auditSearch");
        auto searches = [&] { return ctx->store->trail(ctx->session, "audit_read", {}, 1000)->size(); };
        const auto before = searches();
        QCOMPARE(id->echoMode(), QLineEdit::Password);
        QTest::keyClicks(id, "15058534542");  // the last control digit is wrong
        QTest::mouseClick(search, Qt::LeftButton);
        QVERIFY2(status->text().contains("Kontrollsifrene stemmer ikke"), qPrintable(status->text()));
        id->clear();
        QTest::keyClicks(id, "1505853454");
        QTest::mouseClick(search, Qt::LeftButton);
        QVERIFY2(status->text().contains("du skrev 10"), qPrintable(status->text()));
        QCOMPARE(searches(), before);  // nothing was searched, so nothing says "nobody looked"
        QCOMPARE(window.findChild<QTableWidget*>("auditResults")->rowCount(), 0);
        // Written with spaces, as on a letter, the right number finds the lookups.
        id->clear();
        QTest::keyClicks(id, "150585 34541");
        QTest::mouseClick(search, Qt::LeftButton);
        QCOMPARE(window.findChild<QTableWidget*>("auditResults")->rowCount(), 30);
        QCOMPARE(searches(), before + 1);
        // Masked only for person ids, with a toggle to see what was typed.
        window.findChild<QAction*>("auditShowId")->trigger();
        QCOMPARE(id->echoMode(), QLineEdit::Normal);
        window.findChild<QAction*>("auditShowId")->trigger();
        QCOMPARE(id->echoMode(), QLineEdit::Password);
        window.findChild<QComboBox*>("auditBy")->setCurrentIndex(1);
        QCOMPARE(id->echoMode(), QLineEdit::Normal);
        // Results name the actor and the organisation; the service is found by its name.
        auto* results = window.findChild<QTableWidget*>("auditResults");
        id->clear();
        QTest::keyClicks(id, "fagsystem-1");
        QTest::keyClicks(window.findChild<QComboBox*>("auditService")->lineEdit(), "Fiks folkeregister");
        QTest::mouseClick(search, Qt::LeftButton);
        QCOMPARE(results->rowCount(), 30);
        QCOMPARE(results->item(0, 5)->text(), QString("fagsystem-1"));
        QCOMPARE(results->item(0, 2)->text(), QString("Fiks folkeregister"));
        QVERIFY(results->item(0, 1)->text().contains(QRegularExpression("CES?T$")));  // Norwegian time, zone shown
        // Ctrl+F goes to the page's search field.
        window.findChild<QAction*>("actionFind")->trigger();
        QVERIFY(id->hasFocus());
        // Evidence exports from the desktop.
        const QString bundle = dir_.filePath("bevis.json");
        QVERIFY(page(window)->exportEvidence(bundle));
        QFile file(bundle);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject exported = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(exported["events"].toArray().size(), 30);
        // A recipient checks it against the ledger's published key.
        auto keys = audit::LedgerKeys::load(keysDir_);
        QVERIFY(audit::checkProof(exported, keys->publicPem()));
    }
    static AuditPage* page(MainWindow& w) { return qobject_cast<AuditPage*>(w.page("audit")); }

    void cancellingTheUnsavedChangesDialogKeepsTableAndFormOnTheSameEntry() {
        auto ctx = open(Session{"produktansvarlig", Role::Produktansvarlig});
        MainWindow window(*ctx);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.showModule("catalog"));
        auto* page = qobject_cast<CatalogPage*>(window.page("catalog"));
        // From the start an existing entry is shown, never an empty form that looks like a new one.
        QVERIFY(!page->currentKey().isEmpty());
        QVERIFY(page->selectEntry("svarut"));
        QTest::keyClicks(page->findChild<QPlainTextEdit*>("fieldGoal"), " Endret.");
        QVERIFY(page->isDirty());
        auto* table = page->findChild<QTableView*>("catalogTable");
        const QModelIndex other = table->model()->index(table->currentIndex().row() == 0 ? 1 : 0, 0);
        answerNextMessageBox(QMessageBox::Cancel);
        table->setCurrentIndex(other);
        QCOMPARE(page->currentKey(), QString("svarut"));
        QCOMPARE(table->currentIndex().siblingAtColumn(0).data().toString(), QString("SvarUt"));
        QVERIFY(table->selectionModel()->isRowSelected(table->currentIndex().row(), {}));
        QVERIFY(page->isDirty());
        page->revert();
    }

    void readOnlyFieldsDoNotLookEditable() {
        auto ctx = open(Session{"revisor", Role::Revisor});
        MainWindow window(*ctx);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.showModule("catalog"));
        auto* name = window.findChild<QLineEdit*>("fieldName");
        QVERIFY(name->isReadOnly());
        // What is drawn inside the field is the window's colour, not an input field's.
        const QImage image = name->grab().toImage();
        QCOMPARE(image.pixelColor(image.width() - 4, image.height() / 2), name->palette().color(QPalette::Window));
    }

    void helpOpensForThePageWithF1() {
        auto ctx = open(Session{"brukerstotte", Role::Brukerstotte});
        MainWindow window(*ctx);
        window.show();
        QVERIFY(window.showModule("monitoring"));
        auto* help = window.findChild<QAction*>("actionHelp");
        QCOMPARE(help->shortcut(), QKeySequence(QKeySequence::HelpContents));
        help->trigger();
        auto* dialog = window.findChild<QDialog*>("helpDialog");
        QVERIFY(dialog && dialog->isVisible());
        QVERIFY(dialog->findChild<QTextBrowser*>("helpText")->toPlainText().startsWith("Drift"));
        dialog->close();
    }

    void theNorwegianWindowShowsNoEnglishAndTheEnglishNoNorwegian() {
        auto check = [this](const QString& language, const QSet<QString>& forbidden) {
            QVERIFY(applyLanguage(language));
            auto ctx = open(Session{"sikkerhetsansvarlig", Role::Sikkerhetsansvarlig});
            MainWindow window(*ctx);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            for (const QString& id : window.moduleIds()) {
                QVERIFY(window.showModule(id));
                window.showHelp();
                QList<QWidget*> roots{&window};
                roots << window.findChild<QDialog*>("helpDialog");
                if (id == QLatin1String("audit")) {
                    // A finding's dialog too (the test's finding is closed: raise another).
                    QVERIFY(IncidentStore(*ctx->store).raise(ctx->session, test::incident("gui|" + language, "audit", "warning"),
                                                             ctx->store->clock().now()));
                    window.refreshAll();
                    roots << page(window)->openFinding(0);
                }
                for (QWidget* root : roots)
                    for (const QString& text : visibleTexts(root))
                        QVERIFY2(!forbidden.contains(plain(text)), qPrintable(QStringLiteral("%1 page (%2): \"%3\"").arg(id, language, text)));
                for (QWidget* root : roots.mid(1)) root->close();
            }
            // The sign-in dialog, and the question before unsaved edits are thrown away.
            QStringList shown;
            LoginDialog login(*ctx->store);
            login.show();
            shown << visibleTexts(&login);
            QVERIFY(window.showModule("catalog"));
            auto* catalog = qobject_cast<CatalogPage*>(window.page("catalog"));
            QTest::keyClicks(catalog->findChild<QPlainTextEdit*>("fieldGoal"), " x");
            QTimer::singleShot(0, [&shown] {
                auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
                if (!box) return;
                shown << visibleTexts(box);
                box->button(QMessageBox::Cancel)->click();
            });
            QVERIFY(!catalog->confirmLeave());
            QVERIFY(shown.size() > 4);
            catalog->revert();
            for (const QString& text : shown)
                QVERIFY2(!forbidden.contains(plain(text)), qPrintable(QStringLiteral("dialog (%1): \"%2\"").arg(language, text)));
        };
        check("nb", texts_.english);
        check("en", texts_.norwegian);
        QVERIFY(applyLanguage("nb"));
    }

    void numbersAndDatesFollowTheChosenLanguage() {
        auto availability = [this](const QString& language) {
            applyLanguage(language);
            auto ctx = open(Session{"leder", Role::Leder});
            MainWindow window(*ctx);
            window.show();
            window.showModule("monitoring");
            auto* services = window.findChild<QTableWidget*>("monitoringServices");
            for (int r = 0; r < services->rowCount(); ++r)
                if (services->item(r, 0)->text() == "SvarUt") return services->item(r, 3)->text();
            return QString();
        };
        {
            auto store = Store::open(dbPath_, Store::OpenMode::MustExist);
            const QDateTime now = QDateTime::currentDateTimeUtc();
            QVERIFY(MonitoringStore(**store).writeMinutes(MonitoringStore::collectorSession(),
                                                          {ServiceMinute{"svarut", now.addSecs(-7200), 200, 199, 1000, 3, 0.05, 0.25, 0.4}}));
        }
        const QString nb = availability("nb"), en = availability("en");
        QVERIFY2(nb.startsWith("99,50") && nb.contains("\u00a0%"), qPrintable(nb));
        QVERIFY2(en.startsWith("99.50"), qPrintable(en));
        // A date picker reads the same day in each language's form.
        applyLanguage("nb");
        QDateEdit nbDate(QDate(2026, 9, 15));
        QCOMPARE(nbDate.text(), QString("15.09.2026"));
        applyLanguage("en");
        QDateEdit enDate(QDate(2026, 9, 15));
        QCOMPARE(enDate.text(), QString("15/09/2026"));
        applyLanguage("nb");
    }

    void theTimeZoneCanBeChosenAndTimesSayWhichItIs() {
        auto ctx = open(Session{"sikkerhetsansvarlig", Role::Sikkerhetsansvarlig});
        DesktopApp desktop(*ctx);
        desktop.start("audit");
        auto openedShown = [&] { return desktop.window()->findChild<QTableWidget*>("auditDetections"); };
        QVERIFY(IncidentStore(*ctx->store).raise(ctx->session, test::incident("gui|zone", "audit", "info", {}, "Sonetest"),
                                                 QDateTime(QDate(2026, 7, 1), QTime(10, 0), Qt::UTC)));
        desktop.window()->refreshAll();
        auto textOf = [&](const QString& rule) {
            auto* t = openedShown();
            for (int r = 0; r < t->rowCount(); ++r)
                if (t->item(r, 2)->text() == rule) return t->item(r, 0)->text();
            return QString();
        };
        QCOMPARE(textOf("Sonetest"), QString("01.07.2026 12:00 CEST"));  // Norwegian summer time by default
        desktop.window()->findChild<QAction*>("actionZone_UTC")->trigger();
        QTRY_COMPARE(textOf("Sonetest"), QString("01.07.2026 10:00 UTC"));
        QCOMPARE(desktop.window()->currentModule(), QString("audit"));
        desktop.window()->findChild<QAction*>("actionZone_Europe/Oslo")->trigger();
        QTRY_COMPARE(textOf("Sonetest"), QString("01.07.2026 12:00 CEST"));
        QVERIFY(IncidentStore(*ctx->store).close(ctx->session, IncidentStore(*ctx->store).open(ctx->session, "audit")->front().id, "test"));
    }

    void signingOutAsksWhoIsNextAndOpensTheirOverview() {
        auto ctx = open(Session{"sikkerhetsansvarlig", Role::Sikkerhetsansvarlig});
        DesktopApp desktop(*ctx);
        desktop.start("audit");
        QPointer<MainWindow> before = desktop.window();
        // The sign-in dialog is modal: answer it as the next person would.
        QTimer::singleShot(0, [] {
            auto* dialog = QApplication::activeModalWidget();
            QVERIFY(dialog);
            auto* user = dialog->findChild<QLineEdit*>("loginUser");
            user->clear();
            QTest::keyClicks(user, "brukerstotte");
            QTest::keyClicks(dialog->findChild<QLineEdit*>("loginPassword"), "vakt-demo-passord");
            QTest::mouseClick(dialog->findChild<QPushButton*>("loginButton"), Qt::LeftButton);
        });
        QVERIFY(desktop.signOut());
        QVERIFY(before.isNull());
        QCOMPARE(ctx->session.username, QString("brukerstotte"));
        QVERIFY(ctx->session.role == Role::Brukerstotte);
        QCOMPARE(desktop.window()->currentModule(), QString("overview"));
        QVERIFY(desktop.window()->findChild<QLabel*>("statusUser")->text().contains("Brukerstøtte"));
        // Cancelling the sign-in ends the app instead of leaving the last person's window.
        QTimer::singleShot(0, [] { QApplication::activeModalWidget()->close(); });
        QVERIFY(!desktop.signOut());
        QVERIFY(!desktop.window());
    }

    void theLanguageChangesWithoutARestartOnTheSamePage() {
        auto ctx = open(Session{"sikkerhetsansvarlig", Role::Sikkerhetsansvarlig});
        DesktopApp desktop(*ctx);
        desktop.start("monitoring");
        QCOMPARE(desktop.window()->windowTitle(), QString("Vakt – sikkerhet og drift"));
        QPointer<MainWindow> before = desktop.window();
        desktop.window()->findChild<QAction*>("actionLanguage_en")->trigger();
        QTRY_VERIFY(before.isNull());
        QCOMPARE(currentLanguage(), QString("en"));
        QCOMPARE(desktop.window()->windowTitle(), QString("Vakt – security and operations"));
        QCOMPARE(desktop.window()->currentModule(), QString("monitoring"));
        QVERIFY(desktop.window()->isVisible());
        // Alert texts come in the chosen language too.
        QVERIFY(column(desktop.window()->findChild<QTableWidget*>("monitoringAlerts"), 3).contains("svarut uses its error budget too fast"));
        desktop.window()->findChild<QAction*>("actionLanguage_nb")->trigger();
        QTRY_COMPARE(currentLanguage(), QString("nb"));
        QTRY_COMPARE(desktop.window()->windowTitle(), QString("Vakt – sikkerhet og drift"));
        QVERIFY(column(desktop.window()->findChild<QTableWidget*>("monitoringAlerts"), 3).contains("svarut bruker feilbudsjettet for raskt"));
    }
};

QTEST_MAIN(DailyUseGuiTest)
#include "test_daily_gui.moc"
