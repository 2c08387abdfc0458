#include "desktop/incidents/incident_dialogs.h"

#include <memory>

#include <QComboBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimeZone>

#include "desktop/incidents/incident_model.h"
#include "desktop/shell/formatting.h"

namespace vakt::desktop {

namespace {
// An editable combo box that finds an item by any part of its text.
void searchable(QComboBox* box) {
    box->setEditable(true);
    box->setInsertPolicy(QComboBox::NoInsert);
    box->completer()->setFilterMode(Qt::MatchContains);
    box->completer()->setCompletionMode(QCompleter::PopupCompletion);
}

bool chooseData(QComboBox* box, const QString& data) {
    const int i = box->findData(data);
    if (i < 0) return false;
    box->setCurrentIndex(i);
    return true;
}

// The code behind what an editable combo box holds: the chosen item's, else what was typed.
QString typedOrChosen(const QComboBox* box) {
    const QString text = box->currentText().trimmed();
    if (text.isEmpty()) return {};
    const int i = box->findText(text, Qt::MatchFixedString);
    if (i >= 0) return box->itemData(i).toString();
    return text;
}
}  // namespace

// ---- CaseDialog

CaseDialog::CaseDialog(const QString& objectName, const QString& title, QWidget* parent) : QDialog(parent) {
    setObjectName(objectName);
    setWindowTitle(title);
    setModal(true);
    form_ = new QFormLayout(this);
}

QPlainTextEdit* CaseDialog::addNoteField(const QString& label, const QString& placeholder) {
    auto* note = new QPlainTextEdit(this);
    note->setObjectName(QStringLiteral("noteText"));
    note->setPlaceholderText(placeholder);
    note->setTabChangesFocus(true);
    note->setMinimumHeight(90);
    form_->addRow(label, note);
    return note;
}

void CaseDialog::finish() {
    error_ = new QLabel(this);
    error_->setObjectName(QStringLiteral("dialogError"));
    error_->setWordWrap(true);
    error_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    error_->setStyleSheet(QStringLiteral("color: #b00020"));
    error_->hide();
    form_->addRow(error_);
    buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons_->setObjectName(QStringLiteral("dialogButtons"));
    form_->addRow(buttons_);
    connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setMinimumWidth(480);
}

QPushButton* CaseDialog::okButton() const { return buttons_ ? buttons_->button(QDialogButtonBox::Ok) : nullptr; }

QString CaseDialog::error() const { return error_ ? error_->text() : QString(); }

void CaseDialog::showError(const QString& text) {
    if (!error_) return;
    error_->setText(text);
    error_->setVisible(!text.isEmpty());
}

void CaseDialog::done(int result) {
    if (result == QDialog::Accepted) {
        if (const QString wrong = check(); !wrong.isEmpty()) {
            showError(wrong);
            return;
        }
        if (submit_) {
            if (const QString failed = submit_(); !failed.isEmpty()) {
                showError(failed);
                return;
            }
        }
        showError({});
    }
    QDialog::done(result);
}

// ---- NewIncidentDialog

NewIncidentDialog::NewIncidentDialog(const Choices& services, const Choices& organisations, QWidget* parent)
    : CaseDialog(QStringLiteral("newIncidentDialog"), tr("Ny hendelse"), parent) {
    kind_ = new QComboBox(this);
    kind_->setObjectName(QStringLiteral("caseKind"));
    for (const QString& k : IncidentKind::all()) kind_->addItem(incidentKindTitle(k), k);
    chooseData(kind_, IncidentKind::Question);
    priority_ = new QComboBox(this);
    priority_->setObjectName(QStringLiteral("casePriority"));
    for (const QString& p : incidentPriorities()) priority_->addItem(p, p);
    chooseData(priority_, QStringLiteral("P3"));
    title_ = new QLineEdit(this);
    title_->setObjectName(QStringLiteral("caseTitle"));
    title_->setMaxLength(300);
    title_->setPlaceholderText(tr("Kort: hva er galt, og for hvem"));
    description_ = new QPlainTextEdit(this);
    description_->setObjectName(QStringLiteral("caseDescription"));
    description_->setTabChangesFocus(true);
    description_->setMinimumHeight(110);
    service_ = new QComboBox(this);
    service_->setObjectName(QStringLiteral("caseService"));
    service_->addItem(tr("(ingen)"), QString());
    for (const auto& [key, name] : services) service_->addItem(name == key ? name : QStringLiteral("%1 (%2)").arg(name, key), key);
    searchable(service_);
    organisation_ = new QComboBox(this);
    organisation_->setObjectName(QStringLiteral("caseOrganisation"));
    organisation_->addItem(tr("(ingen)"), QString());
    for (const auto& [orgnr, name] : organisations) organisation_->addItem(QStringLiteral("%1 (%2)").arg(name, orgnr), orgnr);
    searchable(organisation_);
    organisation_->setMinimumWidth(320);
    reporter_ = new QLineEdit(this);
    reporter_->setObjectName(QStringLiteral("caseReporter"));
    reporter_->setMaxLength(200);
    reporter_->setPlaceholderText(tr("Navn, e-post eller telefon"));
    form_->addRow(tr("Type:"), kind_);
    form_->addRow(tr("Prioritet:"), priority_);
    form_->addRow(tr("Tittel:"), title_);
    form_->addRow(tr("Beskrivelse:"), description_);
    form_->addRow(tr("Tjeneste:"), service_);
    form_->addRow(tr("Meldt av virksomhet:"), organisation_);
    form_->addRow(tr("Melder:"), reporter_);
    auto* hint = new QLabel(tr("Sikkerhetshendelser og personvernbrudd går til sikkerhetsansvarlig, P1 til beredskapsvakten."), this);
    hint->setWordWrap(true);
    form_->addRow(hint);
    finish();
    title_->setFocus();
}

QString NewIncidentDialog::organisation() const { return typedOrChosen(organisation_).remove(QLatin1Char(' ')); }

NewCase NewIncidentDialog::newCase() const {
    NewCase c;
    c.kind = kind_->currentData().toString();
    c.priority = priority_->currentData().toString();
    c.title = title_->text();
    c.description = description_->toPlainText();
    if (const QString service = typedOrChosen(service_); !service.isEmpty()) c.services << service;
    c.reporterOrgnr = organisation();
    c.reporter = reporter_->text();
    return c;
}

QString NewIncidentDialog::check() const {
    if (title_->text().trimmed().isEmpty()) return tr("Skriv en tittel.");
    return {};
}

bool NewIncidentDialog::setKind(const QString& kind) { return chooseData(kind_, kind); }
bool NewIncidentDialog::setPriority(const QString& priority) { return chooseData(priority_, priority); }
void NewIncidentDialog::setTitle(const QString& title) { title_->setText(title); }
void NewIncidentDialog::setDescription(const QString& description) { description_->setPlainText(description); }
bool NewIncidentDialog::setService(const QString& key) { return chooseData(service_, key); }
bool NewIncidentDialog::setOrganisation(const QString& orgnr) { return chooseData(organisation_, orgnr); }
void NewIncidentDialog::setReporter(const QString& reporter) { reporter_->setText(reporter); }

// ---- StateDialog

StateDialog::StateDialog(const QString& from, const QString& waitingOn, QWidget* parent)
    : CaseDialog(QStringLiteral("stateDialog"), tr("Endre status"), parent) {
    state_ = new QComboBox(this);
    state_->setObjectName(QStringLiteral("stateChoice"));
    for (const QString& s : IncidentState::all()) {
        // A waiting case may wait on someone else: "Venter" stays offered.
        const bool offered = from.isEmpty() ? s != IncidentState::New
                                            : IncidentState::mayMove(from, s) || (s == IncidentState::Waiting && from == IncidentState::Waiting);
        if (offered) state_->addItem(incidentStateTitle(s), s);
    }
    waiting_ = new QComboBox(this);
    waiting_->setObjectName(QStringLiteral("waitingChoice"));
    for (const QString& w : WaitingOn::all()) waiting_->addItem(waitingOnTitle(w), w);
    if (!waitingOn.isEmpty()) chooseData(waiting_, waitingOn);
    form_->addRow(tr("Ny status:"), state_);
    form_->addRow(tr("Venter på:"), waiting_);
    note_ = addNoteField(tr("Notat:"), tr("Hva er gjort, eller hva venter saken på?"));
    hint_ = new QLabel(this);
    hint_->setWordWrap(true);
    form_->addRow(hint_);
    finish();
    if (state_->count() == 0) {
        hint_->setText(tr("En lukket sak kan ikke endres."));
        okButton()->setEnabled(false);
    }
    connect(state_, &QComboBox::currentIndexChanged, this, [this] { stateChosen(); });
    stateChosen();
}

void StateDialog::stateChosen() {
    const QString s = state();
    waiting_->setEnabled(s == IncidentState::Waiting);
    if (s == IncidentState::Resolved) hint_->setText(tr("Skriv hvordan saken ble løst; melderen kan åpne den igjen."));
    else if (s == IncidentState::Closed) hint_->setText(tr("Skriv hvorfor saken lukkes. En lukket sak kan ikke endres igjen."));
    else if (state_->count() > 0) hint_->clear();
}

QString StateDialog::state() const { return state_->currentData().toString(); }
QString StateDialog::waitingOn() const { return state() == IncidentState::Waiting ? waiting_->currentData().toString() : QString(); }
QString StateDialog::note() const { return note_->toPlainText().trimmed(); }
int StateDialog::choices() const { return state_->count(); }
bool StateDialog::setState(const QString& state) { return chooseData(state_, state); }
bool StateDialog::setWaitingOn(const QString& waitingOn) { return chooseData(waiting_, waitingOn); }
void StateDialog::setNote(const QString& note) { note_->setPlainText(note); }

QString StateDialog::check() const {
    if (state().isEmpty()) return tr("Velg en ny status.");
    if ((state() == IncidentState::Resolved || state() == IncidentState::Closed) && note().isEmpty())
        return state() == IncidentState::Resolved ? tr("Skriv hvordan saken ble løst.") : tr("Skriv hvorfor saken lukkes.");
    return {};
}

// ---- PriorityDialog

PriorityDialog::PriorityDialog(const QString& current, QWidget* parent) : CaseDialog(QStringLiteral("priorityDialog"), tr("Endre prioritet"), parent) {
    priority_ = new QComboBox(this);
    priority_->setObjectName(QStringLiteral("casePriority"));
    for (const QString& p : incidentPriorities()) priority_->addItem(p, p);
    if (!current.isEmpty()) chooseData(priority_, current);
    form_->addRow(tr("Ny prioritet:"), priority_);
    note_ = addNoteField(tr("Begrunnelse:"), tr("Hvorfor endres prioriteten? (påkrevd)"));
    auto* hint = new QLabel(tr("Fristene regnes på nytt fra da saken ble opprettet. P1 går til beredskapsvakten."), this);
    hint->setWordWrap(true);
    form_->addRow(hint);
    finish();
}

QString PriorityDialog::priority() const { return priority_->currentData().toString(); }
QString PriorityDialog::note() const { return note_->toPlainText().trimmed(); }
bool PriorityDialog::setPriority(const QString& priority) { return chooseData(priority_, priority); }
void PriorityDialog::setNote(const QString& note) { note_->setPlainText(note); }

QString PriorityDialog::check() const {
    if (note().isEmpty()) return tr("Skriv hvorfor prioriteten endres.");
    return {};
}

// ---- AssignDialog

AssignDialog::AssignDialog(const Choices& users, const QString& current, QWidget* parent)
    : CaseDialog(QStringLiteral("assignDialog"), tr("Tildel"), parent) {
    assignee_ = new QComboBox(this);
    assignee_->setObjectName(QStringLiteral("caseAssignee"));
    assignee_->addItem(tr("(ingen – fjern tildelingen)"), QString());
    for (const auto& [username, name] : users)
        assignee_->addItem(name.isEmpty() || name == username ? username : QStringLiteral("%1 (%2)").arg(name, username), username);
    searchable(assignee_);
    assignee_->setMinimumWidth(280);
    if (!chooseData(assignee_, current)) assignee_->setEditText(current);
    form_->addRow(tr("Tildel til (brukernavn):"), assignee_);
    note_ = addNoteField(tr("Notat:"), tr("Valgfritt"));
    finish();
}

QString AssignDialog::assignee() const { return typedOrChosen(assignee_); }
QString AssignDialog::note() const { return note_->toPlainText().trimmed(); }
void AssignDialog::setNote(const QString& note) { note_->setPlainText(note); }

void AssignDialog::setAssignee(const QString& username) {
    if (!chooseData(assignee_, username)) assignee_->setEditText(username);
}

// ---- NoteDialog

NoteDialog::NoteDialog(const QString& objectName, const QString& title, const QString& prompt, QWidget* parent)
    : CaseDialog(objectName, title, parent) {
    auto* label = new QLabel(prompt, this);
    label->setWordWrap(true);
    form_->addRow(label);
    note_ = addNoteField(tr("Tekst:"), {});
    finish();
}

QString NoteDialog::note() const { return note_->toPlainText().trimmed(); }
void NoteDialog::setNote(const QString& note) { note_->setPlainText(note); }

QString NoteDialog::check() const {
    if (note().isEmpty()) return tr("Skriv teksten først.");
    return {};
}

// ---- AuthorityDialog

namespace {
// QDateTimeEdit shows wall-clock time without a zone: the shown zone's time is put in as UTC
// and read back in the shown zone.
QDateTime wallClock(const QDateTime& utc) {
    const QDateTime local = utc.toTimeZone(displayZone());
    return QDateTime(local.date(), local.time(), Qt::UTC);
}
}  // namespace

AuthorityDialog::AuthorityDialog(const QDateTime& knownAt, const QDateTime& now, QWidget* parent)
    : CaseDialog(QStringLiteral("authorityDialog"), tr("Meld til Datatilsynet"), parent) {
    auto* intro = new QLabel(tr("Et brudd på personopplysningssikkerheten skal meldes til Datatilsynet innen 72 timer etter at det "
                                "ble kjent (kjent %1). Før inn når meldingen ble sendt og Datatilsynets saksnummer eller kvitteringen.")
                                 .arg(formatDateTime(knownAt)),
                             this);
    intro->setWordWrap(true);
    form_->addRow(intro);
    at_ = new QDateTimeEdit(this);
    at_->setObjectName(QStringLiteral("authorityAt"));
    at_->setTimeSpec(Qt::UTC);
    at_->setCalendarPopup(true);
    if (knownAt.isValid()) at_->setMinimumDateTime(wallClock(knownAt));
    at_->setMaximumDateTime(wallClock(now.addSecs(300)));
    at_->setDateTime(wallClock(now));
    reference_ = new QLineEdit(this);
    reference_->setObjectName(QStringLiteral("authorityRef"));
    reference_->setMaxLength(200);
    form_->addRow(tr("Meldt (%1):").arg(now.toTimeZone(displayZone()).timeZoneAbbreviation()), at_);
    form_->addRow(tr("Referanse:"), reference_);
    finish();
}

QDateTime AuthorityDialog::at() const {
    const QDateTime wall = at_->dateTime();
    return QDateTime(wall.date(), wall.time(), displayZone()).toUTC();
}

QString AuthorityDialog::reference() const { return reference_->text().trimmed(); }
void AuthorityDialog::setAt(const QDateTime& utc) { at_->setDateTime(wallClock(utc)); }
void AuthorityDialog::setReference(const QString& reference) { reference_->setText(reference); }

QString AuthorityDialog::check() const {
    if (reference().isEmpty()) return tr("Skriv Datatilsynets saksnummer eller kvitteringen.");
    return {};
}

int runOwned(CaseDialog* dialog) {
    const std::unique_ptr<CaseDialog> owned(dialog);
    return dialog->exec();
}

}  // namespace vakt::desktop
