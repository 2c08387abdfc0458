#pragma once
#include <QFutureWatcher>
#include <QMap>
#include <vector>

#include "desktop/shell/app_context.h"
#include "desktop/shell/page.h"
#include "riskmodel/register.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSvgWidget;
class QTabWidget;
class QTableWidget;
class QTextBrowser;
class QTreeWidget;

namespace vakt::desktop {

class HeatMap;
class LossesTab;
class StoriesTab;

// The ROS register for the security officer, product owners, leaders and the change board: a
// heat map of likelihood against consequence beside the risks (filtered by service, status, cell
// and text), one risk's scores over time, measures and acceptance with the actions the role may
// take; per service its data-flow diagram and threats; the impact of an event at any node of the
// value chain with the review tasks it creates; and the open review tasks. Analysing every model
// runs off the UI thread with a progress bar.
class RiskPage : public Page {
    Q_OBJECT
public:
    RiskPage(AppContext& context, QWidget* parent = nullptr);
    void refresh() override;
    void focusSearch() override;
    int attention() const override { return waitingForMe_; }
    void prepareScreenshot() override;
    void showItems(const QString& which) override;

    // For tests and the actions' buttons: each reports failure on the page and gives false.
    bool selectRisk(const QString& ref);
    bool acceptSelected(const QString& justification, const QDate& expires);
    bool decideSelected(const QString& decision, const QString& justification);
    bool setOwnerOfSelected(const QString& owner);
    bool addMeasureToSelected(const risk::Measure& measure);
    bool rescoreSelected(int likelihood, const QMap<QString, int>& consequences, const QString& reason);
    bool showImpact(const QString& node, risk::Event event, bool createTasks);
    bool completeTask(int row, const QString& note);
    // Runs every model's analysis on a worker thread; the future finishes when it has.
    QFuture<QString> analyseAll();
    int shownRisks() const;
    QString message() const;
    // Evidence, the owner's decision on a suggested re-score, estimates (risk_page_evidence.cpp).
    bool linkEvidenceToSelected(qint64 incident, const QString& note);
    bool decideSuggestionOfSelected(bool accept, const QString& note);
    bool setEstimateOfSelected(const risk::LossEstimate& estimate, const QString& note);
    // The pending suggestion on the selected risk, if any.
    std::optional<risk::Suggestion> suggestionOfSelected() const;
    // The register to and from a spreadsheet (".xlsx", or ".csv" with its "-tiltak.csv").
    bool exportRegister(const QString& path);
    std::optional<risk::ImportReport> importRegister(const QString& path, bool dryRun);
    StoriesTab* storiesTab() const { return stories_; }
    LossesTab* lossesTab() const { return losses_; }

private:
    void loadRegister();
    void fillTable();
    void showSelected();
    void loadService();
    void loadTasks();
    void renderDiagram(const QString& service);
    bool report(const Status& s);
    const risk::RiskEntry* selected() const;
    // A derived risk's title and description in the user's language, from its rule.
    QString titleOf(const risk::RiskEntry& r) const;
    QString descriptionOf(const risk::RiskEntry& r) const;
    QString localTitle(const QString& ruleId, const QString& title) const;
    void openAcceptDialog();
    void openDecideDialog();
    void openOwnerDialog();
    void openMeasureDialog();
    void openScoreDialog();
    void measureDone();
    QWidget* buildEvidenceActions(QWidget* parent);
    // The evidence, suggestion and estimate of a risk, as HTML for the detail, and the buttons'
    // state for it.
    QString evidenceHtml(const risk::RiskEntry& r);
    void updateEvidenceActions(const risk::RiskEntry* r);
    void openLinkDialog();
    void openSuggestionDialog(bool accept);
    void openEstimateDialog();
    void openExportDialog();
    void openImportDialog();
    std::optional<risk::ImportReport> importTables(const risk::RegisterTables& tables, const QString& name, bool dryRun);

    AppContext& ctx_;
    risk::RiskService risks_;
    risk::RiskMatrix matrix_;
    std::vector<risk::Rule> rules_;
    QList<risk::RiskEntry> all_;
    QTabWidget* tabs_;
    // Register
    QComboBox* service_;
    QComboBox* status_;
    QLineEdit* search_;
    HeatMap* heatMap_;
    QTableWidget* table_;
    QTextBrowser* detail_;
    QTableWidget* history_;
    QListWidget* measures_;
    QPushButton* accept_;
    QPushButton* decide_;
    QPushButton* owner_;
    QPushButton* addMeasure_;
    QPushButton* measureDone_;
    QPushButton* rescore_;
    QPushButton* analyse_;
    QPushButton* linkEvidence_ = nullptr;
    QPushButton* estimate_ = nullptr;
    QPushButton* acceptSuggestion_ = nullptr;
    QPushButton* rejectSuggestion_ = nullptr;
    QPushButton* export_ = nullptr;
    QPushButton* import_ = nullptr;
    std::optional<risk::Suggestion> suggestion_;
    QProgressBar* progress_;
    QLabel* message_;
    QLabel* summary_;
    // Service
    QComboBox* model_;
    QSvgWidget* diagram_;
    QLabel* diagramState_;
    QTableWidget* threats_;
    QFutureWatcher<QByteArray>* rendering_ = nullptr;
    // Impact
    QComboBox* node_;
    QComboBox* event_;
    QPushButton* showImpact_;
    QPushButton* createTasks_;
    QTreeWidget* impact_;
    QLabel* impactSummary_;
    StoriesTab* stories_;
    LossesTab* losses_;
    // Tasks
    QTableWidget* tasks_;
    QPushButton* taskDone_;
    QList<risk::ReviewTask> taskList_;
    QFutureWatcher<QString>* analysing_ = nullptr;
    int waitingForMe_ = 0;
};

// "Høy", "Kritisk" … in the user's language, from the matrix.
QString levelTitle(const risk::RiskMatrix& matrix, const QString& key);
// "Åpen", "Akseptert", "Håndtert", "Falsk positiv", "Lukket".
QString riskStatusTitle(const QString& status);

}  // namespace vakt::desktop
