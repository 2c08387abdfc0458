#pragma once
// The incident queue (hendelser) for the service desk and the security officer: every case,
// filtered by queue, status, priority, type, overdue, mine and text, read a page at a time; one
// case beside it with its fields, deadlines, a breach's 72 hours, links, the organisations it
// affects and its timeline; and what the role may do with it, one case or several at once.
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

#include "core/incidents.h"
#include "desktop/incidents/incident_dialogs.h"
#include "desktop/shell/app_context.h"
#include "desktop/shell/page.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QTableWidget;
class QTextBrowser;
class QTimer;

namespace vakt::desktop {

class IncidentModel;

// What a change applied to several cases did: how many took it, and each that did not with why.
struct BulkResult {
    int total = 0;
    int succeeded = 0;
    QList<std::pair<qint64, QString>> failures;  // (case id, reason in the user's words)
};

class IncidentsPage : public Page {
    Q_OBJECT
public:
    IncidentsPage(AppContext& context, QWidget* parent = nullptr);
    void refresh() override;
    void focusSearch() override;
    // Open cases assigned to the signed-in person.
    int attention() const override { return assignedToMe_; }
    void prepareScreenshot() override;
    // "123" or "#123" selects and shows that case; "security", "desk", "oncall" show a queue;
    // "overdue", "mine", "breach" and "open" narrow the list.
    void showItems(const QString& which) override;

    IncidentModel* model() const { return model_; }
    QTableView* table() const { return table_; }
    // Matching cases in the store (the count label), and the message line's text.
    int total() const;
    QString message() const;

    // Selects the case in the list when it is there (reading a few more pages to find it) and
    // shows it; false when it cannot be read.
    bool selectIncident(qint64 id);
    // The case the detail shows (0 for none) and the cases selected in the list.
    qint64 currentId() const { return current_ ? current_->id : 0; }
    std::optional<Incident> currentIncident() const { return current_; }
    QList<qint64> selectedIds() const;
    // Selects these rows of the list (for tests and after a bulk change).
    void selectRows(const QList<int>& rows);

    // The actions on the shown case, for tests and the dialogs: each reports a failure on the
    // page (message()) and gives false.
    std::optional<qint64> createIncident(const NewCase& c);
    bool changeState(const QString& state, const QString& waitingOn, const QString& note);
    bool changePriority(const QString& priority, const QString& reason);
    bool assign(const QString& username, const QString& note);
    bool escalate(const QString& note);
    bool addNote(const QString& text);
    bool notifyAuthority(const QDateTime& at, const QString& reference);
    // Writes one .eml per affected organisation into `directory`; the files written.
    std::optional<QStringList> writeNoticesTo(const QString& directory);
    // Applies one change to each case in turn; nothing is skipped without being reported.
    BulkResult applyToCases(const QList<qint64>& ids, const CaseUpdate& change);
    BulkResult applyToSelected(const CaseUpdate& change) { return applyToCases(selectedIds(), change); }

    // The dialogs, wired to save through the actions above; the caller owns them (the slots
    // below run them with exec()). A test may fill one and press OK in buttons() instead.
    NewIncidentDialog* newIncidentDialog();
    StateDialog* stateDialog(bool bulk = false);
    PriorityDialog* priorityDialog(bool bulk = false);
    AssignDialog* assignDialog(bool bulk = false);
    NoteDialog* noteDialog();
    NoteDialog* escalateDialog();
    AuthorityDialog* authorityDialog();

public slots:
    void openNewIncident();
    void openChangeState();
    void openChangePriority();
    void openAssign();
    void openEscalate();
    void openNote();
    void openNotifyAuthority();
    void openWriteNotices();
    void openBulkState();
    void openBulkPriority();
    void openBulkAssign();
    // Reads the list again with the filters as they are set now.
    void applyFilters();

private:
    IncidentFilter filterFromControls() const;
    // Reads the list again (with a new filter when `newFilter`) and keeps the shown case.
    void reloadQueue(bool newFilter);
    void loadChoices();
    void countMine();
    void showCase(qint64 id);
    void renderDetail();
    void fillTimeline(const QList<TimelineEntry>& entries);
    void fillParties();
    void updateActions();
    void updateSelection();
    bool report(const Status& s, const QString& done = {});
    void reportBulk(const BulkResult& result, const QString& what);
    int runDialog(CaseDialog* dialog);
    QString orgName(const QString& orgnr) const;

    AppContext& ctx_;
    IncidentModel* model_;
    QTableView* table_;
    QComboBox* queue_;
    QComboBox* state_;
    QComboBox* priority_;
    QComboBox* kind_;
    QCheckBox* overdue_;
    QCheckBox* mine_;
    QLineEdit* search_;
    QTimer* searchDelay_;
    QLabel* count_;
    QLabel* message_;
    QPushButton* new_;
    QLabel* selection_;
    QPushButton* bulkAssign_;
    QPushButton* bulkState_;
    QPushButton* bulkPriority_;
    // The shown case
    QTextBrowser* detail_;
    QLabel* breach_;
    QTabWidget* detailTabs_;
    QTableWidget* timeline_;
    QTableWidget* parties_;
    QLabel* partiesState_;
    QPushButton* changeState_;
    QPushButton* changePriority_;
    QPushButton* assign_;
    QPushButton* escalate_;
    QPushButton* note_;
    QPushButton* notifyAuthority_;
    QPushButton* writeNotices_;
    std::optional<Incident> current_;
    QList<std::pair<QString, QString>> links_;
    Choices services_, organisations_, users_;
    QHash<QString, QString> serviceNames_, orgNames_;
    bool reloading_ = false;
    bool lastBulkFailed_ = false;
    int assignedToMe_ = 0;
};

// What a timeline entry's action code says, in the user's language ("state" → "Ny status";
// several codes joined by commas are each translated).
QString timelineActionTitle(const QString& action);

}  // namespace vakt::desktop
