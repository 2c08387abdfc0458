// The Risk page as its users work in it, in real windows under Xvfb: the heat map agrees with
// the register and filters it, the owner accepts and others are stopped with the reason, the
// impact of an outage creates review tasks, the models are analysed off the UI thread with
// progress, the service's diagram is drawn, the owner decides the re-score evidence suggests,
// the register goes to a spreadsheet and back, the stories make the municipal template, the
// loss curve is simulated from the estimates, and a role without access is told so.
#include <QApplication>
#include <QComboBox>
#include <QTextBrowser>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QSvgWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

#include "app/demo.h"
#include "app/modules.h"
#include "core/data_dir.h"
#include "core/base/xlsx.h"
#include "desktop/risk/heat_map.h"
#include "desktop/risk/losses_tab.h"
#include "desktop/risk/stories_tab.h"
#include "desktop/risk/risk_page.h"
#include "desktop/shell/language.h"
#include "desktop/shell/main_window.h"
#include "tests/support/app_context.h"

using namespace vakt;
using namespace vakt::desktop;

class RiskGuiTest : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString dbPath_;

    std::unique_ptr<AppContext> open(const Session& who) {
        return test::openAppContext(dbPath_, who);
    }
    static int notClosed(AppContext& ctx) {
        auto all = risk::RiskService(*ctx.store).risks(ctx.session);
        return all ? static_cast<int>(all->size()) : -1;
    }

private slots:
    void initTestCase() {
        vakt::app::registerModules();
        QVERIFY(applyLanguage("nb"));
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QVERIFY(dir_.isValid());
        dbPath_ = dir_.filePath("risk.db");
        auto store = Store::open(dbPath_, Store::OpenMode::Create);
        QVERIFY2(store, store ? "" : store.message().c_str());
        auto demo = loadDemo(**store, dataDir());
        QVERIFY2(demo, demo ? "" : demo.message().c_str());
        QVERIFY(demo->risks > 20);
    }

    void theHeatMapAgreesWithTheRegisterAndFiltersIt() {
        auto ctx = open(Session{"sikkerhetsansvarlig", Role::Sikkerhetsansvarlig});
        MainWindow window(*ctx);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.showModule("risk"));
        auto* page = qobject_cast<RiskPage*>(window.page("risk"));
        QVERIFY(page);
        auto* map = window.findChild<HeatMap*>("riskHeatMap");
        int total = 0;
        std::pair<int, int> fullest{0, 0};
        for (int l = 1; l <= 5; ++l)
            for (int c = 1; c <= 5; ++c) {
                total += map->count(l, c);
                if (map->count(l, c) > map->count(fullest.first, fullest.second)) fullest = {l, c};
            }
        QCOMPARE(total, notClosed(*ctx));
        QCOMPARE(page->shownRisks(), total);
        // A click on a cell shows that cell's risks; a second click shows all again.
        auto* table = window.findChild<QTableWidget*>("riskTable");
        map->selectCell(fullest);
        QCOMPARE(page->shownRisks(), map->count(fullest.first, fullest.second));
        for (int r = 0; r < table->rowCount(); ++r)
            QCOMPARE(table->item(r, 1)->text(), QString("%1 × %2").arg(fullest.first).arg(fullest.second));
        map->selectCell(std::nullopt);
        QCOMPARE(page->shownRisks(), total);
        // The worst risk is first, and selecting it shows its history.
        table->selectRow(0);
        QVERIFY(window.findChild<QTableWidget*>("riskHistory")->rowCount() >= 1);
        QVERIFY(window.findChild<QTextBrowser*>("riskDetail")->toPlainText().contains("Sannsynlighet") ||
                window.findChild<QTextBrowser*>("riskDetail")->toPlainText().contains("sannsynlighet"));
    }

    void theOwnerAcceptsAndOthersAreToldWhy() {
        // Find a high open risk that the leader owns.
        auto leaderCtx = open(Session{"leder", Role::Leder});
        auto all = risk::RiskService(*leaderCtx->store).risks(leaderCtx->session);
        QVERIFY(all);
        QString ref;
        for (const auto& r : *all)
            if (r.owner == "leder" && r.status == "open" && r.level == "high") ref = r.ref;
        QVERIFY(!ref.isEmpty());

        auto poCtx = open(Session{"produktansvarlig", Role::Produktansvarlig});
        RiskPage other(*poCtx);
        QVERIFY(other.selectRisk(ref));
        auto* acceptOther = other.findChild<QPushButton*>("riskAccept");
        QVERIFY(!acceptOther->isEnabled());
        QVERIFY(acceptOther->toolTip().contains("leder"));
        QVERIFY(!other.acceptSelected("vi bærer den", QDate::currentDate().addMonths(3)));
        QVERIFY2(other.message().contains("bare risikoeieren (leder)"), qPrintable(other.message()));

        RiskPage page(*leaderCtx);
        QVERIFY(page.attention() > 0);  // high risks wait for their owner
        const int waiting = page.attention();
        QVERIFY(page.selectRisk(ref));
        QVERIFY(page.findChild<QPushButton*>("riskAccept")->isEnabled());
        QVERIFY(page.acceptSelected("Tiltak er bestilt; bæres til da", QDate::currentDate().addMonths(3)));
        QCOMPARE(page.attention(), waiting - 1);
        auto after = risk::RiskService(*leaderCtx->store).risk(leaderCtx->session, ref);
        QVERIFY(after);
        QCOMPARE(after->status, QString("accepted"));
        QCOMPARE(after->acceptance->acceptedBy, QString("leder"));
    }

    void anOutageShowsWhoIsReachedAndCreatesReviewTasks() {
        auto ctx = open(Session{"sikkerhetsansvarlig", Role::Sikkerhetsansvarlig});
        RiskPage page(*ctx);
        auto* tasks = page.findChild<QTableWidget*>("riskTasks");
        const int before = tasks->rowCount();
        QVERIFY(page.showImpact("svarut", risk::Event::Outage, false));
        auto* tree = page.findChild<QTreeWidget*>("riskImpact");
        QVERIFY(tree->topLevelItemCount() >= 2);
        QCOMPARE(tasks->rowCount(), before);  // only looked
        QVERIFY(page.showImpact("svarut", risk::Event::Outage, true));
        QVERIFY(tasks->rowCount() > before);
        QVERIFY(page.findChild<QLabel*>("riskImpactSummary")->text().contains("SvarUt"));
        // A municipality's task names the service's ROS at that municipality.
        bool municipal = false;
        for (int r = 0; r < tasks->rowCount(); ++r) municipal |= tasks->item(r, 3)->text().startsWith("ROS for SvarUt hos ");
        QVERIFY(municipal);
        const int openTasks = tasks->rowCount();
        QVERIFY(page.completeTask(0, "Gjennomgått med kommunen"));
        QCOMPARE(tasks->rowCount(), openTasks - 1);
        // The change board looks, but does not create tasks.
        auto board = open(Session{"endringsrad", Role::Endringsrad});
        RiskPage boardPage(*board);
        QVERIFY(!boardPage.findChild<QPushButton*>("riskCreateTasks")->isEnabled());
        QVERIFY(boardPage.showImpact("svarut", risk::Event::Change, false));
    }

    void analysingEveryModelRunsOffTheUiThreadWithProgress() {
        auto ctx = open(Session{"sikkerhetsansvarlig", Role::Sikkerhetsansvarlig});
        RiskPage page(*ctx);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto future = page.analyseAll();
        QVERIFY(page.findChild<QProgressBar*>("riskProgress")->isVisible() || future.isFinished());
        QVERIFY(!page.findChild<QPushButton*>("riskAnalyseAll")->isEnabled() || future.isFinished());
        QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 60000);
        QTRY_VERIFY(page.findChild<QPushButton*>("riskAnalyseAll")->isEnabled());
        QVERIFY2(page.message().startsWith("5 modeller analysert"), qPrintable(page.message()));
    }

    void theServiceTabDrawsTheDiagramAndListsTheThreats() {
        auto ctx = open(Session{"revisor", Role::Revisor});
        RiskPage page(*ctx);
        auto* model = page.findChild<QComboBox*>("riskModel");
        model->setCurrentIndex(model->findData("digisos"));
        QVERIFY(page.findChild<QTableWidget*>("riskThreats")->rowCount() > 0);
        auto* diagram = page.findChild<QSvgWidget*>("riskDiagram");
        QTRY_VERIFY_WITH_TIMEOUT(diagram->renderer()->isValid(), 30000);
        QVERIFY(diagram->renderer()->defaultSize().width() > 200);
        // The auditor reads only.
        QVERIFY(!page.findChild<QPushButton*>("riskAnalyseAll")->isVisible());
        QVERIFY(!page.findChild<QPushButton*>("riskCreateTasks")->isEnabled());
    }

    void theOwnerDecidesTheReScoreTheEvidenceSuggests() {
        auto officerCtx = open(Session{"sikkerhetsansvarlig", Role::Sikkerhetsansvarlig});
        auto pending = risk::RiskService(*officerCtx->store).suggestions(officerCtx->session);
        QVERIFY(pending && pending->size() == 1);
        const risk::Suggestion s = pending->front();
        // The assessor sees the suggestion and the evidence, but the decision is not theirs.
        RiskPage officer(*officerCtx);
        QVERIFY(officer.selectRisk(s.riskRef));
        const QString detail = officer.findChild<QTextBrowser*>("riskDetail")->toPlainText();
        QVERIFY2(detail.contains("Forslag til ny vurdering") && detail.contains("Hendelser koblet som bevis"), qPrintable(detail));
        QVERIFY(!officer.findChild<QPushButton*>("riskAcceptSuggestion")->isEnabled());
        QVERIFY(officer.findChild<QPushButton*>("riskLinkEvidence")->isEnabled());

        auto ownerCtx = open(Session{s.owner, Role::Leder});
        RiskPage owner(*ownerCtx);
        QVERIFY(owner.selectRisk(s.riskRef));
        QVERIFY(owner.findChild<QPushButton*>("riskAcceptSuggestion")->isEnabled());
        QVERIFY(owner.decideSuggestionOfSelected(true, "Fire stopp i år"));
        auto after = risk::RiskService(*ownerCtx->store).risk(ownerCtx->session, s.riskRef);
        QVERIFY(after);
        QCOMPARE(after->likelihood, s.likelihoodTo);
        QVERIFY(owner.selectRisk(s.riskRef));
        QVERIFY(!owner.suggestionOfSelected());
        QVERIFY(owner.findChild<QPushButton*>("riskAcceptSuggestion")->isHidden());
    }

    void theRegisterGoesToASpreadsheetAndBack() {
        auto ctx = open(Session{"sikkerhetsansvarlig", Role::Sikkerhetsansvarlig});
        RiskPage page(*ctx);
        const QString path = dir_.filePath("register.xlsx");
        QVERIFY2(page.exportRegister(path), qPrintable(page.message()));
        QVERIFY(QFileInfo(path).size() > 1000);
        const auto preview = page.importRegister(path, true);
        QVERIFY2(preview, qPrintable(page.message()));
        QCOMPARE(preview->created + preview->changed, 0);
        QCOMPARE(preview->unchanged, static_cast<int>(risk::RiskService(*ctx->store).risks(ctx->session, {}, true)->size()));
        // A register kept in a spreadsheet before: its risk comes in and is shown.
        const QString old = dir_.filePath("gammel-ros.csv");
        QFile file(old);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Referanse;Tittel;Sannsynlighet;Konsekvens\nsvarut:ROS-2023-4;Feil mottaker ved flytting;2;3\n");
        file.close();
        const int shown = page.shownRisks();
        const auto imported = page.importRegister(old, false);
        QVERIFY2(imported && imported->created == 1, qPrintable(page.message()));
        QCOMPARE(page.shownRisks(), shown + 1);
        QVERIFY(page.selectRisk("svarut:ROS-2023-4"));
        // A reader may export but not import.
        auto auditorCtx = open(Session{"revisor", Role::Revisor});
        RiskPage auditor(*auditorCtx);
        QVERIFY(!auditor.importRegister(path, true));
        QVERIFY2(auditor.message().contains("ikke tilgang"), qPrintable(auditor.message()));
        QVERIFY(!auditor.findChild<QPushButton*>("riskImport")->isEnabled());
    }

    void theStoriesTabMakesTheMunicipalTemplate() {
        auto ctx = open(Session{"produktansvarlig", Role::Produktansvarlig});
        RiskPage page(*ctx);
        // The stories as the model file has them, counted in its text.
        QFile model(dataDir() + "/demo/risk/digisos.yaml");
        QVERIFY(model.open(QIODevice::ReadOnly));
        const int stories = static_cast<int>(QString::fromUtf8(model.readAll()).count(QRegularExpression("\\n    persona: ")));
        QVERIFY(stories > 0);
        QVERIFY(page.storiesTab()->showService("digisos"));
        QCOMPARE(page.storiesTab()->storyCount(), stories);
        auto* tree = page.storiesTab()->findChild<QTreeWidget*>("riskStoriesTree");
        QVERIFY(tree->topLevelItemCount() >= 2);
        const QString path = dir_.filePath("ros-digisos.xlsx");
        QVERIFY(page.storiesTab()->saveTemplate(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        auto book = xlsx::read(file.readAll().toStdString());
        QVERIFY(book);
        QVERIFY(book->find("Brukerhistorier"));
        QCOMPARE(static_cast<int>(book->find("Brukerhistorier")->rows.size()) > stories, true);
    }

    void theLossCurveIsSimulatedFromTheEstimates() {
        auto ctx = open(Session{"sikkerhetsansvarlig", Role::Sikkerhetsansvarlig});
        RiskPage page(*ctx);
        page.lossesTab()->waitForSimulation();
        QVERIFY(page.lossesTab()->curve());
        const int before = page.lossesTab()->estimateCount();
        const double meanBefore = page.lossesTab()->curve()->mean;
        // A risk without an estimate gets one: one more row, and a larger expected loss.
        auto all = risk::RiskService(*ctx->store).risks(ctx->session);
        auto estimated = risk::RiskService(*ctx->store).estimates(ctx->session);
        QString ref;
        for (const auto& r : *all)
            if (std::none_of(estimated->begin(), estimated->end(), [&](const risk::StoredEstimate& e) { return e.riskRef == r.ref; })) ref = r.ref;
        QVERIFY(!ref.isEmpty());
        QVERIFY(risk::RiskService(*ctx->store).setEstimate(ctx->session, ref, {2, 1e6, 5e6}, "verksted"));
        page.lossesTab()->load();
        page.lossesTab()->waitForSimulation();
        QCOMPARE(page.lossesTab()->estimateCount(), before + 1);
        QVERIFY(page.lossesTab()->curve()->mean > meanBefore);
        QVERIFY(page.lossesTab()->curve()->p99 >= page.lossesTab()->curve()->p50);
        QVERIFY(page.lossesTab()->findChild<QLabel*>("riskLossFigures")->text().contains("Simulert"));
    }

    void theServiceDeskIsToldItHasNoAccess() {
        auto ctx = open(Session{"brukerstotte", Role::Brukerstotte});
        RiskPage page(*ctx);
        QVERIFY(!page.findChild<QTabWidget*>("riskTabs")->isVisibleTo(&page));
        QVERIFY(page.message().contains("Brukerstøtte"));
    }
};

QTEST_MAIN(RiskGuiTest)
#include "test_risk_gui.moc"
