#pragma once
// The forms of the access review. For the reviewer: the justification for keeping a privileged
// grant, what to reduce a grant to, and whom to delegate it to; each confirms with OK or
// Ctrl+Enter, refuses empty input with the reason, and keeps the text when the service refuses.
// For the security officer: a new campaign (name, mode, scope, reviewer rules in order, an
// optional second stage, due date, reminders and what happens to unanswered items), and the
// outcome of an import kept open beside the page. Built on the incident queue's CaseDialog;
// tests fill the fields by object name or the setters and press OK in buttons().
#include <QDate>
#include <QDialog>
#include <QString>
#include <QStringList>
#include <QWidget>
#include <vector>

#include "access/access_service.h"
#include "desktop/incidents/incident_dialogs.h"

class QCheckBox;
class QComboBox;
class QDateEdit;
class QKeyEvent;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace vakt::desktop {

// A decision's form: what it is about on top, and Ctrl+Enter confirming from any field.
class AccessDecisionDialog : public CaseDialog {
    Q_OBJECT
protected:
    AccessDecisionDialog(const QString& objectName, const QString& title, const QString& summary, QWidget* parent);
    // Ctrl+Enter in `field` confirms, as OK does (Enter alone makes a new line in a text box).
    void confirmWithCtrlEnter(QWidget* field);
    bool eventFilter(QObject* watched, QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
};

// "Behold": why a privileged grant (administrator, service administrator) is kept.
class JustificationDialog : public AccessDecisionDialog {
    Q_OBJECT
public:
    JustificationDialog(const QString& summary, QWidget* parent = nullptr);
    QString justification() const;
    void setJustification(const QString& text);

protected:
    QString check() const override;

private:
    QPlainTextEdit* text_;
};

// "Reduser": the lesser privilege kind or the narrower detail the grant becomes, and why.
class ReduceDialog : public AccessDecisionDialog {
    Q_OBJECT
public:
    ReduceDialog(const QString& summary, const access::Grant& grant, QWidget* parent = nullptr);
    QString reduceTo() const;
    QString note() const;
    void setReduceTo(const QString& value);
    void setNote(const QString& note);

protected:
    QString check() const override;

private:
    QLineEdit* reduceTo_;
    QPlainTextEdit* note_;
    QString privilege_, detail_;
};

// "Deleger": the e-mail of the person who decides instead (never the holder: the service says so).
class DelegateDialog : public AccessDecisionDialog {
    Q_OBJECT
public:
    DelegateDialog(const QString& summary, QWidget* parent = nullptr);
    QString email() const;
    QString note() const;
    void setEmail(const QString& email);
    void setNote(const QString& note);

protected:
    QString check() const override;

private:
    QLineEdit* email_;
    QPlainTextEdit* note_;
};

// Reviewer rules tried in order: leader, the service's product owner, a named person.
class ReviewerRulesEditor : public QWidget {
    Q_OBJECT
public:
    ReviewerRulesEditor(const QString& objectName, QWidget* parent = nullptr);
    std::vector<access::ReviewerRule> rules() const;
    void setRules(const std::vector<access::ReviewerRule>& rules);
    // What is wrong with the rules as entered; empty when they are fine.
    QString problem() const;

private:
    void addRule();
    void moveRule(int by);
    void removeRule();
    void updateButtons();
    void fill(int select);
    QListWidget* list_;
    QComboBox* kind_;
    QLineEdit* email_;
    QPushButton* add_;
    QPushButton* up_;
    QPushButton* down_;
    QPushButton* remove_;
    std::vector<access::ReviewerRule> rules_;
};

// "Ny gjennomgang".
class NewCampaignDialog : public CaseDialog {
    Q_OBJECT
public:
    // `organisations` and `services`: (code, name) to choose the scope from; `today` sets the
    // default due date three weeks on.
    NewCampaignDialog(const Choices& organisations, const Choices& services, const QDate& today, QWidget* parent = nullptr);
    access::CampaignSpec spec() const;
    void setName(const QString& name);
    bool setMode(access::Mode mode);
    // Checks exactly these; false when one is not offered (the rest are checked).
    bool setOrganisations(const QStringList& orgnrs);
    bool setServices(const QStringList& keys);
    bool setPrivileges(const QStringList& kinds);
    void setReviewerRules(const std::vector<access::ReviewerRule>& rules);
    // Empty: no second stage.
    void setSecondStage(const std::vector<access::ReviewerRule>& rules);
    void setDue(const QDate& due);
    void setReminderDays(int days);
    bool setUnanswered(const QString& outcome);

protected:
    QString check() const override;

private:
    QDate today_;
    QLineEdit* name_;
    QComboBox* mode_;
    QLineEdit* orgFilter_;
    QListWidget* organisations_;
    QListWidget* services_;
    QListWidget* privileges_;
    ReviewerRulesEditor* rules_;
    QCheckBox* twoStage_;
    ReviewerRulesEditor* secondRules_;
    QDateEdit* due_;
    QSpinBox* reminderDays_;
    QComboBox* unanswered_;
};

// What an import found: the report, or every FILE:LINE problem, kept open to work from.
class ImportResultDialog : public QDialog {
    Q_OBJECT
public:
    ImportResultDialog(const QString& title, const QString& heading, const QString& text, bool failed, QWidget* parent = nullptr);
    QString text() const;

private:
    QPlainTextEdit* text_;
};

}  // namespace vakt::desktop
