#pragma once
// The forms of the councils page: a meeting, who came to a user meeting, the election of a
// council, agenda and minutes, a member leaving, a change request, the product owner's response,
// a points round and a member's points. Built on the incident queue's CaseDialog: OK checks the
// input, then saves through the function the page gives it, and the dialog closes only when that
// succeeded; otherwise it says why and keeps what was typed. Tests fill the fields by object name
// (or the setters) and press OK in buttons().
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <functional>

#include "councils/council_service.h"
#include "desktop/incidents/incident_dialogs.h"

class QComboBox;
class QDateEdit;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QSpinBox;
class QTableWidget;

namespace vakt::desktop {

// "Nytt brukermøte" / "Nytt brukerrådsmøte": when (in the shown zone), where, the agenda.
class CouncilMeetingDialog : public CaseDialog {
    Q_OBJECT
public:
    CouncilMeetingDialog(const QString& serviceKey, const QString& kind, const QDateTime& now, QWidget* parent = nullptr);
    councils::NewMeeting meeting() const;
    void setHeldAt(const QDateTime& utc);
    void setPlace(const QString& place);
    void setAgenda(const QString& agenda);

private:
    QString serviceKey_, kind_;
    QDateTimeEdit* heldAt_;
    QLineEdit* place_;
    QPlainTextEdit* agenda_;
};

// "Oppmøte": the organisations with an agreement for the service (those invited first), each
// checked when it came, with who represented it.
class AttendanceDialog : public CaseDialog {
    Q_OBJECT
public:
    // `organisations`: (orgnr, name), in the order shown.
    AttendanceDialog(const Choices& choices, const QList<councils::Attendance>& present, QWidget* parent = nullptr);
    QList<councils::Attendance> attendance() const;
    // Checks exactly these organisations with their representatives; false when one is not offered.
    bool setAttendance(const QList<councils::Attendance>& present);
    int organisations() const;

private:
    void filter(const QString& text);
    QLineEdit* filter_;
    QTableWidget* table_;
    QLabel* count_;
};

// "Velg brukerråd": the representatives elected at a user meeting, each with a name, an e-mail
// address, the organisation present they come from and a term in months. The problems the rules
// find are shown while the list is edited, from the function the page gives.
class ElectionDialog : public CaseDialog {
    Q_OBJECT
public:
    // Gives the problems with the candidates ("field 'candidates[1].orgnr': …"); empty when the election may be recorded.
    using Checker = std::function<QStringList(const QList<councils::Candidate>&)>;
    // `present`: the organisations at the meeting (orgnr, name); `sitting`: members whose terms continue.
    ElectionDialog(const Choices& present, const QList<councils::Member>& sitting, QWidget* parent = nullptr);
    void setChecker(Checker checker);
    QList<councils::Candidate> candidates() const;
    // Replaces the list; false when an organisation is not among those present.
    bool setCandidates(const QList<councils::Candidate>& list);
    void addCandidate();
    // The problems as shown ("electionProblems"); empty when there are none.
    QString problems() const;

protected:
    QString check() const override;

private:
    void addRow(const councils::Candidate& candidate);
    void updateProblems();
    Choices present_;
    Checker checker_;
    QTableWidget* table_;
    QLabel* sitting_;
    QLabel* problems_;
};

// "Saksliste og referat": the agenda, the minutes and, for a council meeting, the members present.
class NotesDialog : public CaseDialog {
    Q_OBJECT
public:
    // `members`: (e-mail, name) of those sitting on the meeting's day; empty for a user meeting.
    NotesDialog(const councils::Meeting& meeting, const Choices& members, QWidget* parent = nullptr);
    councils::MeetingNotes notes() const;
    void setAgenda(const QString& agenda);
    void setMinutes(const QString& minutes);
    // Checks exactly these members; false when one is not offered.
    bool setAttendees(const QStringList& emails);

private:
    QPlainTextEdit* agenda_;
    QPlainTextEdit* minutes_;
    QListWidget* attendees_ = nullptr;
};

// "Medlem går ut": who, from when, and why.
class LeaveDialog : public CaseDialog {
    Q_OBJECT
public:
    LeaveDialog(const QList<councils::Member>& sitting, const QDate& today, QWidget* parent = nullptr);
    qint64 memberId() const;
    QDate on() const;
    QString reason() const;
    bool setMember(qint64 id);
    void setOn(const QDate& day);
    void setReason(const QString& text);

protected:
    QString check() const override;

private:
    QComboBox* member_;
    QDateEdit* on_;
    QLineEdit* reason_;
};

// "Nytt endringsønske": title, description, the organisation asking (those with an agreement for
// the service) and the service-desk case it came from.
class RequestDialog : public CaseDialog {
    Q_OBJECT
public:
    RequestDialog(const QString& serviceKey, const Choices& organisations, QWidget* parent = nullptr);
    councils::NewRequest request() const;
    void setTitle(const QString& title);
    void setDescription(const QString& description);
    // An empty orgnr chooses none; false when the organisation is not offered.
    bool setFrom(const QString& orgnr);
    void setDeskCase(qint64 id);

protected:
    QString check() const override;

private:
    QString serviceKey_;
    QLineEdit* title_;
    QPlainTextEdit* description_;
    QComboBox* from_;
    QSpinBox* deskCase_;
};

// "Svar og status": the statuses the request may move to, the quarter it is planned for, and the
// product owner's response.
class RespondDialog : public CaseDialog {
    Q_OBJECT
public:
    RespondDialog(const councils::ChangeRequest& request, const QDate& today, QWidget* parent = nullptr);
    councils::Response response() const;
    bool setStatus(const QString& status);
    void setQuarter(const QString& quarter);
    void setResponse(const QString& text);
    int statuses() const;

protected:
    QString check() const override;

private:
    councils::ChangeRequest request_;
    QComboBox* status_;
    QComboBox* quarter_;
    QPlainTextEdit* response_;
};

// "Ny poengrunde": a title and the points each member gives.
class RoundDialog : public CaseDialog {
    Q_OBJECT
public:
    RoundDialog(const QString& suggestedTitle, QWidget* parent = nullptr);
    QString title() const;
    int budget() const;
    void setTitle(const QString& text);
    void setBudget(int points);

protected:
    QString check() const override;

private:
    QLineEdit* title_;
    QSpinBox* budget_;
};

// "Poeng fra medlem": one member's points over the open requests, within the round's budget.
class PointsDialog : public CaseDialog {
    Q_OBJECT
public:
    // `given`: what each member has given in the round (by e-mail), shown when they are chosen.
    PointsDialog(const councils::PointsRound& round, const QList<councils::Member>& sitting, const QList<councils::ChangeRequest>& requests,
                 const QList<councils::Allocation>& given, QWidget* parent = nullptr);
    QString memberEmail() const;
    QMap<QString, int> points() const;
    bool setMember(const QString& email);
    // Sets the points of these requests and zero for the rest; false when a ref is not offered.
    bool setPoints(const QMap<QString, int>& values);
    int remaining() const;

protected:
    QString check() const override;

private:
    void memberChosen();
    void updateRemaining();
    int budget_;
    QList<councils::Allocation> given_;
    QComboBox* member_;
    QTableWidget* table_;
    QLabel* remaining_;
};

}  // namespace vakt::desktop
