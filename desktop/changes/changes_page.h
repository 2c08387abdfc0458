#pragma once
// The change advisory board's page (endringer): the changes in a list filtered by state, target
// and text, with one change beside it (its fields, security assessment, decision, the security
// officer's consent, conflicts, ROS review tasks and the incidents it caused) and what the role
// may do with it; the change calendar with freezes and conflicts; and the weekly meeting from
// agenda to signed minutes.
#include <QHash>
#include <QList>
#include <QString>
#include <optional>

#include "changes/change_board.h"
#include "desktop/changes/change_dialogs.h"
#include "desktop/shell/app_context.h"
#include "desktop/shell/page.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableWidget;
class QTextBrowser;
class QTimer;

namespace vakt::desktop {

class ChangeCalendarView;
class MeetingView;

class ChangesPage : public Page {
    Q_OBJECT
public:
    // The list's columns.
    enum Column { Ref, Title, Category, State, Window, Targets, Security, Conflicts, ColumnCount };
    // The state filter's choice for the changes waiting for the board (proposed, assessed, deferred).
    static const QString kPending;

    ChangesPage(AppContext& context, QWidget* parent = nullptr);
    void refresh() override;
    void focusSearch() override;
    // Changes waiting for the board, when the signed-in role decides them.
    int attention() const override { return waiting_; }
    void prepareScreenshot() override;
    // "list", "calendar", "meeting" show that view; "pending" filters the list to what waits for
    // the board; a change ref ("CR-2026-0001") selects and shows that change.
    void showItems(const QString& which) override;

    QTabWidget* tabs() const { return tabs_; }
    QTableWidget* table() const { return table_; }
    ChangeCalendarView* calendarView() const { return calendar_; }
    MeetingView* meetingView() const { return meeting_; }
    // Rows in the list as filtered, and the message line's text.
    int shownChanges() const;
    QString message() const;

    // Selects the change in the list when it is there and shows it (beside the list when the
    // filters hide it); false when it cannot be read.
    bool selectChange(const QString& ref);
    QString currentRef() const { return current_ ? current_->ref : QString(); }
    std::optional<changes::ChangeRequest> currentChange() const { return current_; }
    // The shown change's conflicts (ChangeBoard::conflictsOf).
    QList<changes::CalendarConflict> currentConflicts() const { return conflicts_; }
    // The filters, for tests: a state code, kPending or empty for all; a catalogue key or empty.
    bool setStateFilter(const QString& state);
    bool setTargetFilter(const QString& key);
    void setSearch(const QString& text);

    // The actions, for tests and the dialogs: each reports a failure on the page (message())
    // and gives false or nothing. All but createChange act on the shown change.
    std::optional<QString> createChange(const changes::NewChange& change);
    bool assessCurrent(const changes::SecurityAssessment& assessment);
    bool decideCurrent(const QString& decision, const QString& note, const QString& conditions = {});
    bool scheduleCurrent(const QDateTime& start, const QDateTime& end);
    bool implementCurrent(const QDateTime& at);
    bool reviewCurrent(const QString& outcome, const QString& note, const QList<qint64>& causedIncidents);

    // The dialogs, wired to save through the actions above; the caller owns them (the slots
    // below run them with exec()). A test may fill one and press OK in buttons() instead.
    NewChangeDialog* newChangeDialog();
    AssessDialog* assessDialog();
    DecideDialog* decideDialog();
    WindowDialog* scheduleDialog();
    ImplementDialog* implementDialog();
    ReviewDialog* reviewDialog();

public slots:
    void openNewChange();
    void openAssess();
    void openDecide();
    void openSchedule();
    void openImplement();
    void openReview();
    // Fills the list again with the filters as they are set now.
    void applyFilters();

private:
    void loadCatalogue();
    void loadChanges();
    void fillTable();
    QString refAt(int row) const;
    bool matches(const changes::ChangeRequest& change) const;
    void showChange(const QString& ref);
    void renderDetail();
    void updateActions();
    // Reads the changes again after an action and shows `ref`; the calendar and meeting follow.
    void afterChange(const QString& ref);
    bool report(const Status& s, const QString& done = {});
    bool noChange();
    int runDialog(CaseDialog* dialog);

    AppContext& ctx_;
    QLabel* message_;
    QLabel* access_;
    QPushButton* new_;
    QTabWidget* tabs_;
    QComboBox* state_;
    QComboBox* target_;
    QLineEdit* search_;
    QTimer* searchDelay_;
    QLabel* count_;
    QTableWidget* table_;
    QTextBrowser* detail_;
    QPushButton* assess_;
    QPushButton* decide_;
    QPushButton* schedule_;
    QPushButton* implement_;
    QPushButton* review_;
    ChangeCalendarView* calendar_;
    MeetingView* meeting_;
    QList<changes::ChangeRequest> all_;
    QHash<QString, int> conflictCount_;  // ref → conflicts in the calendar
    std::optional<changes::ChangeRequest> current_;
    QList<changes::CalendarConflict> conflicts_;
    QHash<qint64, QString> incidentTitles_;
    QHash<QString, QString> names_;
    Choices targets_, services_, components_;
    int waiting_ = 0;
    bool filling_ = false;
};

}  // namespace vakt::desktop
