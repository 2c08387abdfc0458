#pragma once
// The user councils' page (brukerråd), for product owners: one service at a time, picked at the
// top. The council with its members, terms and warnings (in red: fewer than 5 members, terms
// running out, no user meeting for a year); the user meetings with invitations to everyone with
// an agreement, attendance and the election of the council, checked against the rules while it is
// typed; the change requests with the council's points, their status and the product owner's
// response; the roadmap by quarter; and the council's meetings with agenda and minutes.
#include <QDate>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>

#include "councils/council_service.h"
#include "desktop/councils/council_dialogs.h"
#include "desktop/shell/app_context.h"
#include "desktop/shell/page.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTabWidget;
class QTableWidget;
class QTextBrowser;
class QTreeWidget;

namespace vakt::desktop {

class CouncilsPage : public Page {
    Q_OBJECT
public:
    enum Tab { CouncilTab, UserMeetingsTab, RequestsTab, RoadmapTab, CouncilMeetingsTab };

    CouncilsPage(AppContext& context, QWidget* parent = nullptr);
    void refresh() override;
    void focusSearch() override;
    // Warnings about the councils, for the product owners who run them.
    int attention() const override { return attention_; }
    void prepareScreenshot() override;
    // "council", "meetings", "requests", "roadmap" or "council-meetings" show that tab; a service
    // key selects the service ("svarut", or "svarut:roadmap" for both); a request ref
    // ("ER-2026-0001") selects that request.
    void showItems(const QString& which) override;

    QTabWidget* tabs() const { return tabs_; }
    QString currentService() const { return service_; }
    bool selectService(const QString& key);
    QString message() const;
    // The warnings as the council tab shows them.
    QStringList warningTexts() const;
    QList<councils::Member> sittingMembers() const;
    QList<councils::ChangeRequest> currentRequests() const { return requests_; }
    QList<councils::Meeting> userMeetings() const { return userMeetings_; }
    QList<councils::Meeting> councilMeetings() const { return councilMeetings_; }
    QList<councils::RoadmapQuarter> currentRoadmap() const { return roadmap_; }
    std::optional<councils::PointsRound> currentRound() const { return round_; }
    bool selectRequest(const QString& ref);
    QString currentRequestRef() const { return requestRef_; }
    bool selectUserMeeting(qint64 id);
    bool selectCouncilMeeting(qint64 id);

    // The actions, for tests and the dialogs: each reports a failure on the page (message()) and
    // gives false or nothing. They act on the service shown and the meeting or request selected.
    std::optional<qint64> planMeeting(const councils::NewMeeting& meeting);
    bool inviteAll();
    bool setAttendance(const QList<councils::Attendance>& attendance);
    bool elect(const QList<councils::Candidate>& candidates);
    bool recordNotes(const QString& kind, const councils::MeetingNotes& notes);
    bool endMembership(qint64 memberId, const QDate& on, const QString& reason);
    std::optional<QString> submitRequest(const councils::NewRequest& request);
    bool respond(const councils::Response& response);
    bool startRound(const QString& title, int budget);
    bool endRound();
    bool givePoints(const QString& memberEmail, const QMap<QString, int>& points);
    bool exportTo(const QString& path, const QString& format);

    // The dialogs, wired to save through the actions above; the caller owns them (the slots
    // below run them with exec()). A test may fill one and press OK in buttons() instead.
    CouncilMeetingDialog* meetingDialog(const QString& kind);
    AttendanceDialog* attendanceDialog();
    ElectionDialog* electionDialog();
    NotesDialog* notesDialog(const QString& kind);
    LeaveDialog* leaveDialog();
    RequestDialog* requestDialog();
    RespondDialog* respondDialog();
    RoundDialog* roundDialog();
    PointsDialog* pointsDialog();

public slots:
    void openUserMeetingDialog();
    void openCouncilMeetingDialog();
    void openAttendanceDialog();
    void openElectionDialog();
    void openUserNotesDialog();
    void openCouncilNotesDialog();
    void openLeaveDialog();
    void openRequestDialog();
    void openRespondDialog();
    void openRoundDialog();
    void openPointsDialog();
    void closeRoundAsked();
    void exportAsked();

private:
    void loadServices();
    void loadService();
    void fillCouncil();
    void fillUserMeetings();
    void fillRequests();
    void fillRoadmap();
    void fillCouncilMeetings();
    void renderUserMeeting();
    void renderRequest();
    void renderCouncilMeeting();
    void updateActions();
    void updateAttention();
    // Reads the service again after a change and keeps the selections.
    void afterChange();
    bool report(const Status& s, const QString& done = {});
    bool needs(bool have, const QString& what);
    const councils::Meeting* selectedMeeting(const QString& kind) const;
    const councils::ChangeRequest* selectedRequest() const;  // in requests_, or null
    QDate today() const;

    AppContext& ctx_;
    QLabel* message_;
    QLabel* access_;
    QComboBox* services_;
    QTabWidget* tabs_;
    // The council
    QLabel* summary_;
    QLabel* warnings_;
    QCheckBox* showFormer_;
    QTableWidget* members_;
    QPushButton* leave_;
    QPushButton* export_;
    // User meetings
    QTableWidget* userTable_;
    QTextBrowser* userDetail_;
    QPushButton* newUserMeeting_;
    QPushButton* invite_;
    QPushButton* attendance_;
    QPushButton* elect_;
    QPushButton* userNotes_;
    // Requests
    QTableWidget* requestTable_;
    QTextBrowser* requestDetail_;
    QLabel* roundInfo_;
    QPushButton* newRequest_;
    QPushButton* respond_;
    QPushButton* points_;
    QPushButton* openRound_;
    QPushButton* closeRound_;
    // Roadmap and council meetings
    QTreeWidget* roadmapTree_;
    QTableWidget* councilTable_;
    QTextBrowser* councilDetail_;
    QPushButton* newCouncilMeeting_;
    QPushButton* councilNotes_;

    QString service_;
    QList<councils::Member> allMembers_;
    QList<councils::HealthWarning> healthWarnings_;
    QList<councils::Meeting> userMeetings_, councilMeetings_;
    QList<councils::ChangeRequest> requests_;
    QList<councils::RoadmapQuarter> roadmap_;
    std::optional<councils::PointsRound> round_;
    QList<councils::Allocation> allocations_;
    Choices agreed_;  // organisations with an agreement for the service: (orgnr, name)
    QMap<QString, QString> organisationOf_;  // orgnr → name
    qint64 userMeetingId_ = 0, councilMeetingId_ = 0;
    QString requestRef_;
    int attention_ = 0;
    bool filling_ = false;
};

}  // namespace vakt::desktop
