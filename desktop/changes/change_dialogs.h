#pragma once
// The forms of the change board: a new change, its security assessment, the board's decision,
// its window, when it was carried out, its review, and a freeze period. Built on the incident
// queue's CaseDialog: OK checks the input, then saves through the function the page gives it,
// and the dialog closes only when that succeeded; otherwise it says why and keeps what was typed.
// Tests fill the fields by object name (or the setters) and press OK in buttons().
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <utility>

#include "changes/change_board.h"
#include "desktop/incidents/incident_dialogs.h"

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QSpinBox;

namespace vakt::desktop {

// "Ny endring": title, description, origin, category, a standard change's template, the
// services and components it touches, its window (in the shown zone), the rollback plan and an
// emergency change's reason to go ahead in a freeze. Warns while typing when the window lies in
// a freeze that covers what it touches; the calendar's other conflicts show once it is saved.
class NewChangeDialog : public CaseDialog {
    Q_OBJECT
public:
    // `targets`: (catalogue key, name); `freezes`: for the warning; `now`: the default window
    // is tomorrow evening.
    NewChangeDialog(const Choices& targets, const QList<changes::StandardTemplate>& templates, const QList<changes::Freeze>& freezes,
                    const QDateTime& now, QWidget* parent = nullptr);
    changes::NewChange newChange() const;
    // The live warnings as shown ("windowWarnings"); empty when there are none.
    QString warnings() const;
    // For tests; false when the value is not among the choices.
    void setTitle(const QString& title);
    void setDescription(const QString& description);
    bool setOrigin(const QString& origin);
    bool setCategory(const QString& category);
    // Fills title, description, rollback plan and targets from the template, as choosing it does.
    bool setTemplate(const QString& key);
    // Checks exactly these targets; false when one is not in the catalogue (the rest are checked).
    bool setTargets(const QStringList& keys);
    // A window in UTC; an invalid start leaves the change without a window.
    void setWindow(const QDateTime& start, const QDateTime& end);
    void setRollbackPlan(const QString& plan);
    void setFreezeReason(const QString& reason);

protected:
    QString check() const override;

private:
    void templateChosen();
    void categoryChosen();
    void filterTargets(const QString& text);
    void updateWarnings();
    QStringList checkedTargets() const;
    QList<changes::StandardTemplate> templates_;
    QList<changes::Freeze> freezes_;
    QLineEdit* title_;
    QPlainTextEdit* description_;
    QComboBox* origin_;
    QComboBox* category_;
    QComboBox* template_;
    QLineEdit* targetFilter_;
    QListWidget* targets_;
    QCheckBox* hasWindow_;
    QDateTimeEdit* start_;
    QDateTimeEdit* end_;
    QPlainTextEdit* rollback_;
    QLineEdit* freezeReason_;
    QLabel* warnings_;
};

// "Vurder": the STRIDE categories, likelihood and consequence (1–5), security-relevant and a note.
class AssessDialog : public CaseDialog {
    Q_OBJECT
public:
    AssessDialog(const changes::SecurityAssessment& current, QWidget* parent = nullptr);
    changes::SecurityAssessment assessment() const;
    void setAssessment(const changes::SecurityAssessment& assessment);
    // Checks the letters given ("TI"), unchecks the rest.
    void setStride(const QString& letters);
    void setLikelihood(int value);
    void setConsequence(int value);
    void setSecurityRelevant(bool relevant);
    void setNote(const QString& note);

private:
    void updateRisk();
    QList<QCheckBox*> stride_;  // S T R I D E
    QSpinBox* likelihood_;
    QSpinBox* consequence_;
    QLabel* risk_;
    QCheckBox* relevant_;
    QPlainTextEdit* note_;
};

// "Beslutt": approve, reject or defer, with conditions (approval) and a note (required to reject
// or defer). `approveHint` says why approval will be refused (the security officer's consent).
class DecideDialog : public CaseDialog {
    Q_OBJECT
public:
    DecideDialog(const changes::ChangeRequest& change, const QString& approveHint, QWidget* parent = nullptr);
    QString decision() const;
    QString note() const;
    QString conditions() const;  // empty unless approving
    bool setDecision(const QString& decision);
    void setNote(const QString& note);
    void setConditions(const QString& conditions);

protected:
    QString check() const override;

private:
    void decisionChosen();
    QComboBox* decision_;
    QPlainTextEdit* conditions_;
    QPlainTextEdit* note_;
    QLabel* hint_;
    QString approveHint_;
};

// "Planlegg": the window the change is carried out in (in the shown zone).
class WindowDialog : public CaseDialog {
    Q_OBJECT
public:
    WindowDialog(const QDateTime& start, const QDateTime& end, const QDateTime& now, QWidget* parent = nullptr);
    QDateTime start() const;  // UTC
    QDateTime end() const;    // UTC
    void setWindow(const QDateTime& start, const QDateTime& end);

protected:
    QString check() const override;

private:
    QDateTimeEdit* start_;
    QDateTimeEdit* end_;
};

// "Gjennomført": when the change was carried out; not later than now.
class ImplementDialog : public CaseDialog {
    Q_OBJECT
public:
    ImplementDialog(const QDateTime& planned, const QDateTime& now, QWidget* parent = nullptr);
    QDateTime at() const;  // UTC
    void setAt(const QDateTime& utc);

private:
    QDateTimeEdit* at_;
};

// "Evaluer": how it went, a note (required unless it succeeded) and which of the incidents on the
// touched services since it was carried out it caused.
class ReviewDialog : public CaseDialog {
    Q_OBJECT
public:
    // `candidates`: (incident id, what people read).
    ReviewDialog(const QList<std::pair<qint64, QString>>& candidates, QWidget* parent = nullptr);
    QString outcome() const;
    QString note() const;
    QList<qint64> causedIncidents() const;
    int candidates() const;
    bool setOutcome(const QString& outcome);
    void setNote(const QString& note);
    // Checks exactly these incidents; false when one is not offered.
    bool setCaused(const QList<qint64>& ids);

protected:
    QString check() const override;

private:
    QComboBox* outcome_;
    QPlainTextEdit* note_;
    QListWidget* incidents_;
};

// "Ny frysperiode": name, scope (everything, services, components), the frozen keys, the period
// (in the shown zone) and why.
class FreezeDialog : public CaseDialog {
    Q_OBJECT
public:
    FreezeDialog(const Choices& services, const Choices& components, const QDateTime& now, QWidget* parent = nullptr);
    changes::Freeze freeze() const;
    void setName(const QString& name);
    bool setScope(const QString& scope);
    bool setKeys(const QStringList& keys);
    void setPeriod(const QDateTime& start, const QDateTime& end);
    void setReason(const QString& reason);

protected:
    QString check() const override;

private:
    void scopeChosen();
    QStringList checkedKeys() const;
    Choices services_, components_;
    QLineEdit* name_;
    QComboBox* scope_;
    QListWidget* keys_;
    QDateTimeEdit* start_;
    QDateTimeEdit* end_;
    QLineEdit* reason_;
};

// QDateTimeEdit shows wall-clock time without a zone: the shown zone's time is put in as UTC
// and read back in the shown zone.
QDateTime toWallClock(const QDateTime& utc);
QDateTime fromWallClock(const QDateTime& wall);

}  // namespace vakt::desktop
