#pragma once
// The change board's weekly meeting: start one (or choose a past one), who attends and whether
// the board has a quorum, the agenda Vakt prepared walked item by item with the board's decision
// on each, and at the end the minutes: closed, hashed into the trail, signed with the
// department's key when this desktop has it, saved as PDF or HTML and checked again later.
// Every step has a method a test can call without a modal dialog.
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QWidget>
#include <optional>

#include "changes/change_board.h"
#include "desktop/shell/app_context.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QSpinBox;
class QTextBrowser;
class QWidget;

namespace vakt::desktop {

class MeetingView : public QWidget {
    Q_OBJECT
public:
    MeetingView(AppContext& context, QWidget* parent = nullptr);

    // Reads the meetings again and shows the chosen one (the newest open one at first).
    void reload();
    // Catalogue key → name, for the agenda's changes.
    void setNames(const QHash<QString, QString>& names);

    // Opens a meeting now with this quorum and shows it; its id, or 0 (message() says why).
    qint64 startMeeting(int quorum);
    // Shows a stored meeting (open or closed, with its minutes); false when it cannot be read.
    bool showMeeting(qint64 id);
    qint64 meetingId() const { return meeting_ ? meeting_->id : 0; }
    std::optional<changes::Meeting> currentMeeting() const { return meeting_; }

    // Who attends (usernames or names); the quorum follows.
    bool setAttendees(const QStringList& attendees);
    QStringList attendees() const;
    // "Beslutningsdyktig: 4 av minst 3" or "Ikke beslutningsdyktig: …" ("quorumLabel").
    QString quorumText() const;

    // The agenda as the meeting stores it, and walking it: goToItem takes an AgendaItem's
    // position; next and previous follow the list as shown (grouped by kind).
    int agendaSize() const;
    QList<changes::AgendaItem> agenda() const;
    bool goToItem(int position);
    int currentPosition() const { return position_; }
    std::optional<changes::AgendaItem> currentItem() const;
    bool goNext();
    bool goPrevious();
    // The board's decision on the shown item: a Decision code for a change, "noted" for the rest.
    bool decideCurrent(const QString& decision, const QString& conditions, const QString& note);

    // Closes the meeting (signing the minutes when the key directory allows) and shows them.
    bool closeMeeting();
    // The minutes as shown ("minutesView"), as plain text and as HTML; the signature line.
    QString minutesText() const;
    QString minutesHtml() const;
    QString signatureText() const;
    // Writes the stored minutes as PDF or HTML to `path`; false (message() says why) on failure.
    bool saveMinutesTo(const QString& path, bool pdf);
    // Checks the stored minutes against their hash and the signature against the key directory's
    // public key; the result is shown beside the minutes.
    std::optional<changes::MinutesCheck> verifyMinutes();
    QString message() const;

signals:
    // A decision or a closed meeting changed the changes: the list should read them again.
    void decided();

public slots:
    void openSaveMinutesPdf();
    void openSaveMinutesHtml();

private:
    void fillMeetings(qint64 select);
    void fillAttendees();
    void fillAgenda();
    void showItem();
    void showMinutes();
    void updateControls();
    void saveAttendeesFromEditor();
    QStringList attendeesInEditor() const;
    QListWidgetItem* rowOf(int position) const;
    // The positions of the agenda's items in the order the list shows them.
    QList<int> shownOrder() const;
    bool report(const Status& s, const QString& done = {});
    void fail(const QString& text);
    QString signingState() const;
    // Why the minutes will not be signed here; empty when they will.
    QString unsignedReason() const;

    AppContext& ctx_;
    QLabel* message_;
    QComboBox* meetingChoice_;
    QSpinBox* quorum_;
    QPushButton* start_;
    QLabel* meetingTitle_;
    // Attendance: a checkable list of users when the role may read them, else names typed.
    QListWidget* attendeeList_ = nullptr;
    QLineEdit* attendeeLine_ = nullptr;
    QLabel* quorumLabel_;
    QListWidget* agenda_;
    QPushButton* prev_;
    QPushButton* next_;
    QTextBrowser* itemDetail_;
    QPushButton* approve_;
    QPushButton* reject_;
    QPushButton* defer_;
    QPushButton* noted_;
    QLineEdit* conditions_;
    QLineEdit* note_;
    QLabel* signing_;
    QPushButton* close_;
    QWidget* minutesBox_;
    QTextBrowser* minutes_;
    QLabel* signature_;
    QLabel* verified_;
    QPushButton* savePdf_;
    QPushButton* saveHtml_;
    QPushButton* verify_;
    std::optional<changes::Meeting> meeting_;
    std::optional<changes::ChangeRequest> itemChange_;  // the shown item's change, when it is one
    int position_ = -1;
    QString minutesSource_;  // the stored minutes' HTML as shown
    QHash<QString, QString> names_;
    bool filling_ = false;
};

}  // namespace vakt::desktop
