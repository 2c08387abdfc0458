#pragma once
// The forms of the incident queue: a new case, a new status, priority or assignee, a note and
// Datatilsynet's notification. Each saves through the function the page gives it when OK is
// pressed, and closes only when that succeeded; otherwise it says why and keeps what was typed.
// Tests fill the fields by object name (or the setters) and press OK in buttons().
#include <QDateTime>
#include <QDialog>
#include <QList>
#include <QString>
#include <functional>
#include <utility>

#include "core/incidents.h"

class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace vakt::desktop {

// (code, what people read): catalogue keys and names, organisation numbers and names, users.
using Choices = QList<std::pair<QString, QString>>;

class CaseDialog;
// Runs a dialog a page made for the purpose, and deletes it afterwards; gives exec()'s result.
int runOwned(CaseDialog* dialog);

class CaseDialog : public QDialog {
    Q_OBJECT
public:
    // Saves what the form holds; gives the error to show, or an empty string when it was saved.
    using Submit = std::function<QString()>;
    void setSubmit(Submit submit) { submit_ = std::move(submit); }
    QDialogButtonBox* buttons() const { return buttons_; }
    QPushButton* okButton() const;
    // Why the last OK did not close the dialog; empty when nothing failed.
    QString error() const;
    // OK first checks the input, then saves; the dialog stays open when either fails.
    void done(int result) override;

protected:
    CaseDialog(const QString& objectName, const QString& title, QWidget* parent);
    // What is wrong with the input, in the user's words; empty when it may be saved.
    virtual QString check() const { return {}; }
    // The note field ("noteText") every handling dialog has.
    QPlainTextEdit* addNoteField(const QString& label, const QString& placeholder);
    // Adds the error line and the buttons below the rows the subclass added.
    void finish();
    void showError(const QString& text);
    QFormLayout* form_;

private:
    QLabel* error_ = nullptr;
    QDialogButtonBox* buttons_ = nullptr;
    Submit submit_;
};

// "Ny hendelse": type, priority, title, description, service, reporting organisation, reporter.
class NewIncidentDialog : public CaseDialog {
    Q_OBJECT
public:
    NewIncidentDialog(const Choices& services, const Choices& organisations, QWidget* parent = nullptr);
    NewCase newCase() const;
    // For tests; false when the value is not among the choices.
    bool setKind(const QString& kind);
    bool setPriority(const QString& priority);
    void setTitle(const QString& title);
    void setDescription(const QString& description);
    bool setService(const QString& key);
    bool setOrganisation(const QString& orgnr);
    void setReporter(const QString& reporter);

protected:
    QString check() const override;

private:
    QString organisation() const;
    QComboBox* kind_;
    QComboBox* priority_;
    QLineEdit* title_;
    QPlainTextEdit* description_;
    QComboBox* service_;
    QComboBox* organisation_;
    QLineEdit* reporter_;
};

// "Endre status": the states the case may move to, whom it waits on, and a note (required to
// resolve or close).
class StateDialog : public CaseDialog {
    Q_OBJECT
public:
    // `from` empty: for several cases at once, every state but "new" is offered.
    StateDialog(const QString& from, const QString& waitingOn, QWidget* parent = nullptr);
    QString state() const;
    QString waitingOn() const;  // empty unless the state is waiting
    QString note() const;
    int choices() const;
    bool setState(const QString& state);
    bool setWaitingOn(const QString& waitingOn);
    void setNote(const QString& note);

protected:
    QString check() const override;

private:
    void stateChosen();
    QComboBox* state_;
    QComboBox* waiting_;
    QPlainTextEdit* note_;
    QLabel* hint_;
};

// "Endre prioritet": the new priority and why.
class PriorityDialog : public CaseDialog {
    Q_OBJECT
public:
    PriorityDialog(const QString& current, QWidget* parent = nullptr);
    QString priority() const;
    QString note() const;
    bool setPriority(const QString& priority);
    void setNote(const QString& note);

protected:
    QString check() const override;

private:
    QComboBox* priority_;
    QPlainTextEdit* note_;
};

// "Tildel": a user (picked or typed by username; empty takes the assignment away) and a note.
class AssignDialog : public CaseDialog {
    Q_OBJECT
public:
    // `users`: (username, display name); may be empty when the role may not list users.
    AssignDialog(const Choices& users, const QString& current, QWidget* parent = nullptr);
    QString assignee() const;
    QString note() const;
    void setAssignee(const QString& username);
    void setNote(const QString& note);

private:
    QComboBox* assignee_;
    QPlainTextEdit* note_;
};

// A note to the timeline, and the reason for an escalation: the text is required.
class NoteDialog : public CaseDialog {
    Q_OBJECT
public:
    NoteDialog(const QString& objectName, const QString& title, const QString& prompt, QWidget* parent = nullptr);
    QString note() const;
    void setNote(const QString& note);

protected:
    QString check() const override;

private:
    QPlainTextEdit* note_;
};

// "Meld til Datatilsynet": when it was notified (in the shown time zone) and their reference.
class AuthorityDialog : public CaseDialog {
    Q_OBJECT
public:
    AuthorityDialog(const QDateTime& knownAt, const QDateTime& now, QWidget* parent = nullptr);
    QDateTime at() const;  // UTC
    QString reference() const;
    void setAt(const QDateTime& utc);
    void setReference(const QString& reference);

protected:
    QString check() const override;

private:
    QDateTimeEdit* at_;
    QLineEdit* reference_;
};

}  // namespace vakt::desktop
