#include "desktop/councils/council_dialogs.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTableWidget>
#include <QTime>
#include <QTimeZone>
#include <QVBoxLayout>
#include <algorithm>
#include <limits>
#include <utility>

#include "councils/council_rules.h"
#include "desktop/councils/council_names.h"
#include "desktop/shell/formatting.h"

namespace vakt::desktop {

namespace {
bool chooseData(QComboBox* box, const QString& data) {
    const int i = box->findData(data);
    if (i < 0) return false;
    box->setCurrentIndex(i);
    return true;
}

// QDateTimeEdit shows wall-clock time without a zone: the shown zone's time goes in as UTC and
// is read back in the shown zone.
QDateTime wallClock(const QDateTime& utc) {
    const QDateTime local = utc.toTimeZone(displayZone());
    return QDateTime(local.date(), local.time(), Qt::UTC);
}
QDateTime fromWall(const QDateTime& wall) { return QDateTime(wall.date(), wall.time(), displayZone()).toUTC(); }

QPlainTextEdit* textField(const QString& objectName, QWidget* parent, int height = 90) {
    auto* edit = new QPlainTextEdit(parent);
    edit->setObjectName(objectName);
    edit->setTabChangesFocus(true);
    edit->setMinimumHeight(height);
    return edit;
}

constexpr int kOrgnrRole = Qt::UserRole;
}  // namespace

// ---- CouncilMeetingDialog

CouncilMeetingDialog::CouncilMeetingDialog(const QString& serviceKey, const QString& kind, const QDateTime& now, QWidget* parent)
    : CaseDialog(QStringLiteral("councilMeetingDialog"), kind == councils::MeetingKind::UserMeeting ? tr("Nytt brukermøte") : tr("Nytt brukerrådsmøte"), parent),
      serviceKey_(serviceKey),
      kind_(kind) {
    heldAt_ = new QDateTimeEdit(this);
    heldAt_->setObjectName(QStringLiteral("meetingTime"));
    heldAt_->setTimeSpec(Qt::UTC);
    heldAt_->setCalendarPopup(true);
    heldAt_->setDisplayFormat(QStringLiteral("dd.MM.yyyy HH:mm"));
    // Two weeks ahead, in the morning for a user meeting and after lunch for the council.
    const QDate day = now.toTimeZone(displayZone()).date().addDays(14);
    heldAt_->setDateTime(wallClock(QDateTime(day, QTime(kind == councils::MeetingKind::UserMeeting ? 10 : 13, 0), displayZone())));
    place_ = new QLineEdit(this);
    place_->setObjectName(QStringLiteral("meetingPlace"));
    place_->setMaxLength(200);
    place_->setPlaceholderText(tr("For eksempel Teams, eller KS-huset i Oslo"));
    agenda_ = textField(QStringLiteral("meetingAgenda"), this, 120);
    agenda_->setPlaceholderText(tr("Sakslisten, én sak per linje"));
    form_->addRow(tr("Tidspunkt:"), heldAt_);
    form_->addRow(tr("Sted:"), place_);
    form_->addRow(tr("Saksliste:"), agenda_);
    finish();
}

councils::NewMeeting CouncilMeetingDialog::meeting() const {
    councils::NewMeeting m;
    m.serviceKey = serviceKey_;
    m.kind = kind_;
    m.heldAt = fromWall(heldAt_->dateTime());
    m.place = place_->text().trimmed();
    m.agenda = agenda_->toPlainText().trimmed();
    return m;
}

void CouncilMeetingDialog::setHeldAt(const QDateTime& utc) { heldAt_->setDateTime(wallClock(utc)); }
void CouncilMeetingDialog::setPlace(const QString& place) { place_->setText(place); }
void CouncilMeetingDialog::setAgenda(const QString& agenda) { agenda_->setPlainText(agenda); }

// ---- AttendanceDialog

AttendanceDialog::AttendanceDialog(const Choices& choices, const QList<councils::Attendance>& present, QWidget* parent)
    : CaseDialog(QStringLiteral("attendanceDialog"), tr("Oppmøte på brukermøtet"), parent) {
    filter_ = new QLineEdit(this);
    filter_->setObjectName(QStringLiteral("attendanceFilter"));
    filter_->setPlaceholderText(tr("Finn virksomhet"));
    filter_->setClearButtonEnabled(true);
    table_ = new QTableWidget(0, 2, this);
    table_->setObjectName(QStringLiteral("attendanceTable"));
    table_->setHorizontalHeaderLabels({tr("Virksomhet (kryss av for dem som kom)"), tr("Representanter")});
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setMinimumHeight(320);
    table_->setMinimumWidth(640);
    // Those present stay on the list even if their agreement has ended since.
    Choices rows = choices;
    for (const auto& a : present) {
        const bool offered = std::any_of(rows.begin(), rows.end(), [&](const auto& c) { return c.first == a.orgnr; });
        if (!offered) rows.prepend(std::pair<QString, QString>(a.orgnr, a.organisation.isEmpty() ? a.orgnr : a.organisation));
    }
    table_->setRowCount(int(rows.size()));
    for (int row = 0; row < rows.size(); ++row) {
        auto* name = new QTableWidgetItem(rows[row].second);
        name->setData(kOrgnrRole, rows[row].first);
        name->setToolTip(rows[row].first);
        name->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        name->setCheckState(Qt::Unchecked);
        table_->setItem(row, 0, name);
        auto* people = new QTableWidgetItem();
        people->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable);
        table_->setItem(row, 1, people);
    }
    table_->resizeColumnToContents(0);
    count_ = new QLabel(this);
    count_->setObjectName(QStringLiteral("attendanceCount"));
    auto* box = new QWidget(this);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(filter_);
    layout->addWidget(table_, 1);
    layout->addWidget(count_);
    form_->addRow(box);
    finish();
    setAttendance(present);
    connect(filter_, &QLineEdit::textChanged, this, &AttendanceDialog::filter);
    connect(table_, &QTableWidget::itemChanged, this, [this] { count_->setText(tr("Krysset av: %1").arg(attendance().size())); });
}

QList<councils::Attendance> AttendanceDialog::attendance() const {
    QList<councils::Attendance> out;
    for (int row = 0; row < table_->rowCount(); ++row) {
        const QTableWidgetItem* name = table_->item(row, 0);
        if (!name || name->checkState() != Qt::Checked) continue;
        const QTableWidgetItem* people = table_->item(row, 1);
        out << councils::Attendance{name->data(kOrgnrRole).toString(), name->text(), people ? people->text().trimmed() : QString()};
    }
    return out;
}

bool AttendanceDialog::setAttendance(const QList<councils::Attendance>& present) {
    int found = 0;
    for (int row = 0; row < table_->rowCount(); ++row) {
        QTableWidgetItem* name = table_->item(row, 0);
        const QString orgnr = name->data(kOrgnrRole).toString();
        const auto it = std::find_if(present.begin(), present.end(), [&](const councils::Attendance& a) { return a.orgnr == orgnr; });
        name->setCheckState(it == present.end() ? Qt::Unchecked : Qt::Checked);
        table_->item(row, 1)->setText(it == present.end() ? QString() : it->representatives);
        if (it != present.end()) ++found;
    }
    count_->setText(tr("Krysset av: %1").arg(found));
    return found == present.size();
}

int AttendanceDialog::organisations() const { return table_->rowCount(); }

void AttendanceDialog::filter(const QString& text) {
    for (int row = 0; row < table_->rowCount(); ++row)
        table_->setRowHidden(row, !text.trimmed().isEmpty() && !table_->item(row, 0)->text().contains(text.trimmed(), Qt::CaseInsensitive));
}

// ---- ElectionDialog

ElectionDialog::ElectionDialog(const Choices& present, const QList<councils::Member>& sitting, QWidget* parent)
    : CaseDialog(QStringLiteral("electionDialog"), tr("Velg brukerråd"), parent), present_(present) {
    auto* intro = new QLabel(tr("Brukerrådet har 5 til 8 medlemmer fra virksomheter som var til stede og har avtale om tjenesten, "
                                "høyst ett per virksomhet. Periodene begynner på møtedagen."),
                             this);
    intro->setWordWrap(true);
    form_->addRow(intro);
    sitting_ = new QLabel(this);
    sitting_->setObjectName(QStringLiteral("sittingMembers"));
    sitting_->setWordWrap(true);
    QStringList continuing;
    for (const auto& m : sitting) continuing << tr("%1 (%2) til %3").arg(m.name, m.organisation, formatDate(m.termEnd));
    sitting_->setText(continuing.isEmpty() ? tr("Ingen sitter i brukerrådet fra før.")
                                           : tr("Fortsetter (med mindre de velges på nytt): %1").arg(continuing.join(QStringLiteral("; "))));
    form_->addRow(sitting_);
    table_ = new QTableWidget(0, 4, this);
    table_->setObjectName(QStringLiteral("candidateTable"));
    table_->setHorizontalHeaderLabels({tr("Navn"), tr("E-post"), tr("Virksomhet"), tr("Måneder")});
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(false);
    table_->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    table_->setMinimumSize(760, 260);
    form_->addRow(table_);
    auto* actions = new QHBoxLayout;
    auto* add = new QPushButton(tr("Legg til representant"), this);
    add->setObjectName(QStringLiteral("addCandidate"));
    auto* remove = new QPushButton(tr("Fjern valgt"), this);
    remove->setObjectName(QStringLiteral("removeCandidate"));
    actions->addWidget(add);
    actions->addWidget(remove);
    actions->addStretch(1);
    form_->addRow(actions);
    problems_ = new QLabel(this);
    problems_->setObjectName(QStringLiteral("electionProblems"));
    problems_->setWordWrap(true);
    problems_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    problems_->setStyleSheet(QStringLiteral("color: %1").arg(QLatin1String(kWarningRed)));
    form_->addRow(problems_);
    finish();
    setMinimumWidth(800);
    connect(add, &QPushButton::clicked, this, &ElectionDialog::addCandidate);
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = table_->currentRow();
        if (row >= 0) table_->removeRow(row);
        updateProblems();
    });
    connect(table_, &QTableWidget::itemChanged, this, &ElectionDialog::updateProblems);
}

void ElectionDialog::setChecker(Checker checker) {
    checker_ = std::move(checker);
    updateProblems();
}

void ElectionDialog::addRow(const councils::Candidate& c) {
    const int row = table_->rowCount();
    {
        const QSignalBlocker quiet(table_);
        table_->insertRow(row);
        table_->setItem(row, 0, new QTableWidgetItem(c.name));
        table_->setItem(row, 1, new QTableWidgetItem(c.email));
    }
    auto* organisation = new QComboBox(table_);
    organisation->addItem(tr("(velg virksomhet)"), QString());
    for (const auto& [orgnr, name] : present_) organisation->addItem(name, orgnr);
    chooseData(organisation, c.orgnr);
    table_->setCellWidget(row, 2, organisation);
    auto* months = new QSpinBox(table_);
    months->setRange(1, 120);
    months->setValue(c.termMonths);
    months->setToolTip(tr("Periodens lengde: 6 til 48 måneder."));
    table_->setCellWidget(row, 3, months);
    connect(organisation, &QComboBox::currentIndexChanged, this, &ElectionDialog::updateProblems);
    connect(months, &QSpinBox::valueChanged, this, &ElectionDialog::updateProblems);
}

void ElectionDialog::addCandidate() {
    addRow(councils::Candidate{});
    table_->setCurrentCell(table_->rowCount() - 1, 0);
    updateProblems();
}

QList<councils::Candidate> ElectionDialog::candidates() const {
    QList<councils::Candidate> out;
    for (int row = 0; row < table_->rowCount(); ++row) {
        councils::Candidate c;
        c.name = table_->item(row, 0) ? table_->item(row, 0)->text().trimmed() : QString();
        c.email = table_->item(row, 1) ? table_->item(row, 1)->text().trimmed() : QString();
        if (const auto* box = qobject_cast<QComboBox*>(table_->cellWidget(row, 2))) c.orgnr = box->currentData().toString();
        if (const auto* spin = qobject_cast<QSpinBox*>(table_->cellWidget(row, 3))) c.termMonths = spin->value();
        // A row added and left empty is no candidate.
        if (c.name.isEmpty() && c.email.isEmpty() && c.orgnr.isEmpty()) continue;
        out << c;
    }
    return out;
}

bool ElectionDialog::setCandidates(const QList<councils::Candidate>& list) {
    table_->setRowCount(0);
    bool all = true;
    for (const auto& c : list) {
        addRow(c);
        const auto* box = qobject_cast<QComboBox*>(table_->cellWidget(table_->rowCount() - 1, 2));
        if (box && box->currentData().toString() != c.orgnr) all = false;
    }
    updateProblems();
    return all;
}

QString ElectionDialog::problems() const { return problems_->text(); }

void ElectionDialog::updateProblems() {
    if (!checker_) return;
    const QStringList found = checker_(candidates());
    problems_->setText(found.join(QLatin1Char('\n')));
}

QString ElectionDialog::check() const {
    const QList<councils::Candidate> list = candidates();
    if (list.isEmpty()) return tr("Før opp representantene som ble valgt.");
    for (const auto& c : list)
        if (c.name.isEmpty() || c.email.isEmpty() || c.orgnr.isEmpty()) return tr("Hver representant trenger navn, e-postadresse og virksomhet.");
    return {};
}

// ---- NotesDialog

NotesDialog::NotesDialog(const councils::Meeting& meeting, const Choices& members, QWidget* parent)
    : CaseDialog(QStringLiteral("notesDialog"), tr("Saksliste og referat: %1 %2").arg(meetingKindTitle(meeting.kind), formatDateTime(meeting.heldAt)), parent) {
    agenda_ = textField(QStringLiteral("notesAgenda"), this, 100);
    agenda_->setPlainText(meeting.agenda);
    minutes_ = textField(QStringLiteral("notesMinutes"), this, 180);
    minutes_->setPlainText(meeting.minutes);
    minutes_->setPlaceholderText(tr("Referatet; når det er skrevet, er møtet holdt."));
    form_->addRow(tr("Saksliste:"), agenda_);
    form_->addRow(tr("Referat:"), minutes_);
    if (meeting.kind == councils::MeetingKind::CouncilMeeting) {
        attendees_ = new QListWidget(this);
        attendees_->setObjectName(QStringLiteral("notesAttendees"));
        attendees_->setMinimumHeight(120);
        for (const auto& [email, name] : members) {
            auto* item = new QListWidgetItem(QStringLiteral("%1 <%2>").arg(name, email), attendees_);
            item->setData(Qt::UserRole, email);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(meeting.attendees.contains(email) ? Qt::Checked : Qt::Unchecked);
        }
        form_->addRow(tr("Til stede:"), attendees_);
    }
    finish();
    setMinimumWidth(640);
}

councils::MeetingNotes NotesDialog::notes() const {
    councils::MeetingNotes n;
    n.agenda = agenda_->toPlainText().trimmed();
    n.minutes = minutes_->toPlainText().trimmed();
    if (attendees_)
        for (int row = 0; row < attendees_->count(); ++row)
            if (attendees_->item(row)->checkState() == Qt::Checked) n.attendees << attendees_->item(row)->data(Qt::UserRole).toString();
    return n;
}

void NotesDialog::setAgenda(const QString& agenda) { agenda_->setPlainText(agenda); }
void NotesDialog::setMinutes(const QString& minutes) { minutes_->setPlainText(minutes); }

bool NotesDialog::setAttendees(const QStringList& emails) {
    if (!attendees_) return emails.isEmpty();
    QStringList missing = emails;
    for (int row = 0; row < attendees_->count(); ++row) {
        QListWidgetItem* item = attendees_->item(row);
        const QString email = item->data(Qt::UserRole).toString();
        item->setCheckState(emails.contains(email) ? Qt::Checked : Qt::Unchecked);
        missing.removeAll(email);
    }
    return missing.isEmpty();
}

// ---- LeaveDialog

LeaveDialog::LeaveDialog(const QList<councils::Member>& sitting, const QDate& today, QWidget* parent)
    : CaseDialog(QStringLiteral("leaveDialog"), tr("Medlem går ut av brukerrådet"), parent) {
    member_ = new QComboBox(this);
    member_->setObjectName(QStringLiteral("leaveMember"));
    for (const auto& m : sitting) member_->addItem(QStringLiteral("%1 (%2)").arg(m.name, m.organisation), m.id);
    on_ = new QDateEdit(this);
    on_->setObjectName(QStringLiteral("leaveDate"));
    on_->setCalendarPopup(true);
    on_->setDisplayFormat(QStringLiteral("dd.MM.yyyy"));
    on_->setDate(today);
    reason_ = new QLineEdit(this);
    reason_->setObjectName(QStringLiteral("leaveReason"));
    reason_->setMaxLength(2000);
    reason_->setPlaceholderText(tr("For eksempel: har sluttet i kommunen"));
    form_->addRow(tr("Medlem:"), member_);
    form_->addRow(tr("Går ut fra:"), on_);
    form_->addRow(tr("Hvorfor:"), reason_);
    finish();
}

qint64 LeaveDialog::memberId() const { return member_->currentData().toLongLong(); }
QDate LeaveDialog::on() const { return on_->date(); }
QString LeaveDialog::reason() const { return reason_->text().trimmed(); }
bool LeaveDialog::setMember(qint64 id) {
    const int i = member_->findData(id);
    if (i < 0) return false;
    member_->setCurrentIndex(i);
    return true;
}
void LeaveDialog::setOn(const QDate& day) { on_->setDate(day); }
void LeaveDialog::setReason(const QString& text) { reason_->setText(text); }

QString LeaveDialog::check() const {
    if (member_->currentIndex() < 0) return tr("Velg medlemmet som går ut.");
    if (reason().isEmpty()) return tr("Skriv hvorfor medlemmet går ut.");
    return {};
}

// ---- RequestDialog

RequestDialog::RequestDialog(const QString& serviceKey, const Choices& organisations, QWidget* parent)
    : CaseDialog(QStringLiteral("councilRequestDialog"), tr("Nytt endringsønske"), parent), serviceKey_(serviceKey) {
    title_ = new QLineEdit(this);
    title_->setObjectName(QStringLiteral("requestTitle"));
    title_->setMaxLength(300);
    title_->setPlaceholderText(tr("Kort: hva ønskes endret"));
    description_ = textField(QStringLiteral("requestDescription"), this, 100);
    from_ = new QComboBox(this);
    from_->setObjectName(QStringLiteral("requestFrom"));
    from_->addItem(tr("(ingen virksomhet)"), QString());
    for (const auto& [orgnr, name] : organisations) from_->addItem(name, orgnr);
    from_->setEditable(false);
    deskCase_ = new QSpinBox(this);
    deskCase_->setObjectName(QStringLiteral("requestDeskCase"));
    deskCase_->setRange(0, std::numeric_limits<int>::max());
    deskCase_->setSpecialValueText(tr("ingen"));
    deskCase_->setToolTip(tr("Nummeret på saken i brukerstøtte endringsønsket kom fra; virksomheten som meldte saken, blir da den som ønsker."));
    form_->addRow(tr("Tittel:"), title_);
    form_->addRow(tr("Beskrivelse:"), description_);
    form_->addRow(tr("Fra virksomhet:"), from_);
    form_->addRow(tr("Sak i brukerstøtte:"), deskCase_);
    finish();
}

councils::NewRequest RequestDialog::request() const {
    councils::NewRequest r;
    r.serviceKey = serviceKey_;
    r.title = title_->text().trimmed();
    r.description = description_->toPlainText().trimmed();
    r.fromOrgnr = from_->currentData().toString();
    r.deskCase = deskCase_->value();
    return r;
}

void RequestDialog::setTitle(const QString& title) { title_->setText(title); }
void RequestDialog::setDescription(const QString& description) { description_->setPlainText(description); }
bool RequestDialog::setFrom(const QString& orgnr) { return chooseData(from_, orgnr); }
void RequestDialog::setDeskCase(qint64 id) { deskCase_->setValue(int(std::clamp<qint64>(id, 0, std::numeric_limits<int>::max()))); }

QString RequestDialog::check() const {
    if (title_->text().trimmed().isEmpty()) return tr("Gi endringsønsket en tittel.");
    if (from_->currentData().toString().isEmpty() && deskCase_->value() == 0)
        return tr("Velg virksomheten som ønsker endringen, eller saken i brukerstøtte den kom fra.");
    return {};
}

// ---- RespondDialog

RespondDialog::RespondDialog(const councils::ChangeRequest& request, const QDate& today, QWidget* parent)
    : CaseDialog(QStringLiteral("respondDialog"), tr("Svar på %1").arg(request.ref), parent), request_(request) {
    auto* about = new QLabel(QStringLiteral("<b>%1</b>").arg(request.title.toHtmlEscaped()), this);
    about->setWordWrap(true);
    form_->addRow(about);
    status_ = new QComboBox(this);
    status_->setObjectName(QStringLiteral("responseStatus"));
    for (const QString& s : councils::RequestStatus::all())
        if (councils::rules::canMove(request.status.toStdString(), s.toStdString())) status_->addItem(requestStatusTitle(s), s);
    chooseData(status_, request.status);
    quarter_ = new QComboBox(this);
    quarter_->setObjectName(QStringLiteral("responseQuarter"));
    quarter_->setEditable(true);
    quarter_->addItem(QString());
    const councils::rules::Day day{std::chrono::year{today.year()} / std::chrono::month{unsigned(today.month())} / std::chrono::day{unsigned(today.day())}};
    const councils::rules::Quarter current = councils::rules::quarterOf(day);
    for (int i = 0; i < 8; ++i) quarter_->addItem(QString::fromStdString(councils::rules::formatQuarter(councils::rules::addQuarters(current, i))));
    if (!request.quarter.isEmpty() && quarter_->findText(request.quarter) < 0) quarter_->addItem(request.quarter);
    quarter_->setCurrentText(request.quarter);
    quarter_->setToolTip(tr("Kvartalet endringen er planlagt i, som 2027-Q1: det plasserer den i veikartet."));
    response_ = textField(QStringLiteral("responseText"), this, 120);
    response_->setPlainText(request.response);
    response_->setPlaceholderText(tr("Svaret til virksomheten: hva som skjer med ønsket, og hvorfor"));
    form_->addRow(tr("Status:"), status_);
    form_->addRow(tr("Kvartal:"), quarter_);
    form_->addRow(tr("Svar:"), response_);
    finish();
}

councils::Response RespondDialog::response() const {
    councils::Response r;
    r.status = status_->currentData().toString();
    r.quarter = quarter_->currentText().trimmed().toUpper();
    r.response = response_->toPlainText().trimmed();
    return r;
}

bool RespondDialog::setStatus(const QString& status) { return chooseData(status_, status); }
void RespondDialog::setQuarter(const QString& quarter) { quarter_->setCurrentText(quarter); }
void RespondDialog::setResponse(const QString& text) { response_->setPlainText(text); }
int RespondDialog::statuses() const { return status_->count(); }

QString RespondDialog::check() const {
    const councils::Response r = response();
    if (!r.quarter.isEmpty() && !councils::rules::parseQuarter(r.quarter.toStdString())) return tr("Kvartalet skrives som 2027-Q1.");
    if (r.status == councils::RequestStatus::Planned && r.quarter.isEmpty()) return tr("Et planlagt endringsønske trenger et kvartal, som 2027-Q1.");
    if ((r.status == councils::RequestStatus::Accepted || r.status == councils::RequestStatus::Rejected) && r.status != request_.status && r.response.isEmpty())
        return tr("Skriv et svar til virksomheten: hvorfor ønsket er akseptert eller avvist.");
    return {};
}

// ---- RoundDialog

RoundDialog::RoundDialog(const QString& suggestedTitle, QWidget* parent) : CaseDialog(QStringLiteral("roundDialog"), tr("Ny poengrunde"), parent) {
    title_ = new QLineEdit(suggestedTitle, this);
    title_->setObjectName(QStringLiteral("roundTitle"));
    title_->setMaxLength(200);
    budget_ = new QSpinBox(this);
    budget_->setObjectName(QStringLiteral("roundBudget"));
    budget_->setRange(1, 100);
    budget_->setValue(10);
    budget_->setToolTip(tr("Poengene hvert medlem fordeler på de åpne endringsønskene."));
    form_->addRow(tr("Navn:"), title_);
    form_->addRow(tr("Poeng per medlem:"), budget_);
    finish();
}

QString RoundDialog::title() const { return title_->text().trimmed(); }
int RoundDialog::budget() const { return budget_->value(); }
void RoundDialog::setTitle(const QString& text) { title_->setText(text); }
void RoundDialog::setBudget(int points) { budget_->setValue(points); }

QString RoundDialog::check() const {
    if (title().isEmpty()) return tr("Gi poengrunden et navn.");
    return {};
}

// ---- PointsDialog

PointsDialog::PointsDialog(const councils::PointsRound& round, const QList<councils::Member>& sitting, const QList<councils::ChangeRequest>& requests,
                           const QList<councils::Allocation>& given, QWidget* parent)
    : CaseDialog(QStringLiteral("pointsDialog"), tr("Poeng i «%1»").arg(round.title), parent), budget_(round.budget), given_(given) {
    member_ = new QComboBox(this);
    member_->setObjectName(QStringLiteral("pointsMember"));
    for (const auto& m : sitting) member_->addItem(QStringLiteral("%1 (%2)").arg(m.name, m.organisation), m.email);
    table_ = new QTableWidget(int(requests.size()), 3, this);
    table_->setObjectName(QStringLiteral("pointsTable"));
    table_->setHorizontalHeaderLabels({tr("Ref"), tr("Endringsønske"), tr("Poeng")});
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setMinimumSize(640, 260);
    for (int row = 0; row < requests.size(); ++row) {
        table_->setItem(row, 0, new QTableWidgetItem(requests[row].ref));
        table_->setItem(row, 1, new QTableWidgetItem(requests[row].title));
        auto* spin = new QSpinBox(table_);
        spin->setRange(0, budget_);
        table_->setCellWidget(row, 2, spin);
        connect(spin, &QSpinBox::valueChanged, this, &PointsDialog::updateRemaining);
    }
    table_->resizeColumnToContents(0);
    remaining_ = new QLabel(this);
    remaining_->setObjectName(QStringLiteral("pointsRemaining"));
    form_->addRow(tr("Medlem:"), member_);
    form_->addRow(table_);
    form_->addRow(remaining_);
    finish();
    connect(member_, &QComboBox::currentIndexChanged, this, &PointsDialog::memberChosen);
    memberChosen();
}

QString PointsDialog::memberEmail() const { return member_->currentData().toString(); }

QMap<QString, int> PointsDialog::points() const {
    QMap<QString, int> out;
    for (int row = 0; row < table_->rowCount(); ++row)
        if (const auto* spin = qobject_cast<QSpinBox*>(table_->cellWidget(row, 2)); spin && spin->value() > 0) out.insert(table_->item(row, 0)->text(), spin->value());
    return out;
}

bool PointsDialog::setMember(const QString& email) { return chooseData(member_, email); }

bool PointsDialog::setPoints(const QMap<QString, int>& values) {
    int found = 0;
    for (int row = 0; row < table_->rowCount(); ++row) {
        auto* spin = qobject_cast<QSpinBox*>(table_->cellWidget(row, 2));
        if (!spin) continue;
        const QString ref = table_->item(row, 0)->text();
        // Beyond the spin box's range on purpose, so a test may show the budget's refusal.
        if (values.contains(ref) && values.value(ref) > spin->maximum()) spin->setMaximum(values.value(ref));
        spin->setValue(values.value(ref, 0));
        if (values.contains(ref)) ++found;
    }
    updateRemaining();
    return found == values.size();
}

int PointsDialog::remaining() const {
    int used = 0;
    for (const int n : points()) used += n;
    return budget_ - used;
}

void PointsDialog::memberChosen() {
    const QString email = memberEmail();
    QMap<QString, int> before;
    for (const auto& a : given_)
        if (a.email == email) before = a.points;
    for (int row = 0; row < table_->rowCount(); ++row)
        if (auto* spin = qobject_cast<QSpinBox*>(table_->cellWidget(row, 2))) {
            const QSignalBlocker quiet(spin);
            spin->setValue(before.value(table_->item(row, 0)->text(), 0));
        }
    updateRemaining();
}

void PointsDialog::updateRemaining() {
    const int left = remaining();
    remaining_->setText(left >= 0 ? tr("Igjen å fordele: %1 av %2 poeng").arg(left).arg(budget_)
                                  : tr("%1 poeng for mye: runden gir %2 poeng per medlem").arg(-left).arg(budget_));
    remaining_->setStyleSheet(left >= 0 ? QString() : QStringLiteral("color: %1").arg(QLatin1String(kWarningRed)));
}

QString PointsDialog::check() const {
    if (memberEmail().isEmpty()) return tr("Velg medlemmet som gir poengene.");
    if (remaining() < 0) return tr("Medlemmet har gitt %1 poeng, mer enn de %2 runden gir.").arg(budget_ - remaining()).arg(budget_);
    return {};
}

}  // namespace vakt::desktop
