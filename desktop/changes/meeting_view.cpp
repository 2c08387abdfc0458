#include "desktop/changes/meeting_view.h"

#include <QBrush>
#include <QColor>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFont>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSaveFile>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <algorithm>

#include "collector/audit/keys.h"
#include "core/incidents.h"
#include "core/user_service.h"
#include "desktop/changes/change_names.h"
#include "desktop/incidents/incident_model.h"
#include "desktop/shell/formatting.h"

namespace vakt::desktop {

namespace {
constexpr const char kGreen[] = "#1b5e20";
const QString kOpen = QStringLiteral("open");
const QString kNoted = QStringLiteral("noted");

bool isChangeKind(const QString& kind) { return kind == QLatin1String("change") || kind == QLatin1String("emergency"); }

QString itemLabel(const changes::AgendaItem& item) {
    if (item.kind == QLatin1String("incident")) return MeetingView::tr("Hendelse %1: %2").arg(item.ref, item.title);
    if (isChangeKind(item.kind)) return QStringLiteral("%1: %2").arg(item.ref, item.title);
    return item.title;
}

// The key directory's keys, when there is a directory.
std::optional<Result<audit::LedgerKeys>> loadKeys(const QString& dir) {
    std::optional<Result<audit::LedgerKeys>> keys;
    if (!dir.isEmpty()) keys.emplace(audit::LedgerKeys::load(dir));
    return keys;
}
}  // namespace

MeetingView::MeetingView(AppContext& context, QWidget* parent) : QWidget(parent), ctx_(context) {
    setObjectName(QStringLiteral("meetingView"));
    auto* layout = new QVBoxLayout(this);

    // ---- Which meeting
    auto* top = new QHBoxLayout;
    meetingChoice_ = new QComboBox(this);
    meetingChoice_->setObjectName(QStringLiteral("meetingChoice"));
    meetingChoice_->setMinimumWidth(320);
    meetingChoice_->setToolTip(tr("Velg et tidligere møte for å se dagsordenen, beslutningene og referatet."));
    quorum_ = new QSpinBox(this);
    quorum_->setObjectName(QStringLiteral("quorumSpin"));
    quorum_->setRange(1, 30);
    quorum_->setValue(3);
    quorum_->setToolTip(tr("Hvor mange som må være til stede for at rådet kan fatte beslutninger."));
    start_ = new QPushButton(tr("Start nytt møte"), this);
    start_->setObjectName(QStringLiteral("startMeeting"));
    top->addWidget(new QLabel(tr("Møte:"), this));
    top->addWidget(meetingChoice_, 1);
    top->addSpacing(16);
    top->addWidget(new QLabel(tr("Beslutningsdyktig med minst:"), this));
    top->addWidget(quorum_);
    top->addWidget(start_);
    layout->addLayout(top);
    message_ = new QLabel(this);
    message_->setObjectName(QStringLiteral("meetingMessage"));
    message_->setWordWrap(true);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(message_);
    meetingTitle_ = new QLabel(this);
    meetingTitle_->setObjectName(QStringLiteral("meetingTitle"));
    meetingTitle_->setTextFormat(Qt::RichText);
    layout->addWidget(meetingTitle_);

    auto* vertical = new QSplitter(Qt::Vertical, this);
    vertical->setObjectName(QStringLiteral("meetingSplit"));
    layout->addWidget(vertical, 1);
    auto* work = new QWidget(vertical);
    auto* workLayout = new QVBoxLayout(work);
    workLayout->setContentsMargins(0, 0, 0, 0);
    auto* split = new QSplitter(Qt::Horizontal, work);
    workLayout->addWidget(split, 1);

    // ---- Attendance
    auto* people = new QWidget(split);
    auto* peopleLayout = new QVBoxLayout(people);
    peopleLayout->setContentsMargins(0, 0, 0, 0);
    peopleLayout->addWidget(new QLabel(QStringLiteral("<b>%1</b>").arg(tr("Til stede").toHtmlEscaped()), people));
    if (ctx_.session.allows(permission::UserRead)) {
        if (auto users = UserService(*ctx_.store).list(ctx_.session)) {
            QList<UserInfo> sorted;
            for (const UserInfo& u : *users)
                if (u.active) sorted << u;
            std::sort(sorted.begin(), sorted.end(), [](const UserInfo& a, const UserInfo& b) {
                return QString::localeAwareCompare(a.displayName.isEmpty() ? a.username : a.displayName, b.displayName.isEmpty() ? b.username : b.displayName) < 0;
            });
            attendeeList_ = new QListWidget(people);
            attendeeList_->setObjectName(QStringLiteral("attendees"));
            for (const UserInfo& u : sorted) {
                auto* item = new QListWidgetItem(u.displayName.isEmpty() || u.displayName == u.username ? u.username
                                                                                                        : QStringLiteral("%1 (%2)").arg(u.displayName, u.username),
                                                 attendeeList_);
                item->setData(Qt::UserRole, u.username);
                item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
                item->setCheckState(Qt::Unchecked);
            }
            peopleLayout->addWidget(attendeeList_, 1);
        }
    }
    if (!attendeeList_) {
        attendeeLine_ = new QLineEdit(people);
        attendeeLine_->setObjectName(QStringLiteral("attendees"));
        attendeeLine_->setPlaceholderText(tr("Navn eller brukernavn, skilt med komma"));
        attendeeLine_->setToolTip(tr("Skriv hvem som er til stede, skilt med komma, og trykk Enter."));
        peopleLayout->addWidget(attendeeLine_);
        peopleLayout->addStretch(1);
    }
    quorumLabel_ = new QLabel(people);
    quorumLabel_->setObjectName(QStringLiteral("quorumLabel"));
    quorumLabel_->setWordWrap(true);
    peopleLayout->addWidget(quorumLabel_);

    // ---- The agenda
    auto* agendaBox = new QWidget(split);
    auto* agendaLayout = new QVBoxLayout(agendaBox);
    agendaLayout->setContentsMargins(0, 0, 0, 0);
    agendaLayout->addWidget(new QLabel(QStringLiteral("<b>%1</b>").arg(tr("Dagsorden").toHtmlEscaped()), agendaBox));
    agenda_ = new QListWidget(agendaBox);
    agenda_->setObjectName(QStringLiteral("agendaList"));
    agendaLayout->addWidget(agenda_, 1);
    auto* walk = new QHBoxLayout;
    prev_ = new QPushButton(tr("Forrige"), agendaBox);
    prev_->setObjectName(QStringLiteral("agendaPrev"));
    next_ = new QPushButton(tr("Neste"), agendaBox);
    next_->setObjectName(QStringLiteral("agendaNext"));
    walk->addWidget(prev_);
    walk->addWidget(next_);
    agendaLayout->addLayout(walk);

    // ---- The shown item and the decision
    auto* itemBox = new QWidget(split);
    auto* itemLayout = new QVBoxLayout(itemBox);
    itemLayout->setContentsMargins(0, 0, 0, 0);
    itemDetail_ = new QTextBrowser(itemBox);
    itemDetail_->setObjectName(QStringLiteral("agendaItemDetail"));
    itemDetail_->setOpenLinks(false);
    itemLayout->addWidget(itemDetail_, 1);
    auto* fields = new QFormLayout;
    conditions_ = new QLineEdit(itemBox);
    conditions_->setObjectName(QStringLiteral("itemConditions"));
    conditions_->setPlaceholderText(tr("Vilkår for godkjenningen (valgfritt)"));
    note_ = new QLineEdit(itemBox);
    note_->setObjectName(QStringLiteral("itemNote"));
    note_->setPlaceholderText(tr("Notat til referatet"));
    fields->addRow(tr("Vilkår:"), conditions_);
    fields->addRow(tr("Notat:"), note_);
    itemLayout->addLayout(fields);
    auto* decide = new QHBoxLayout;
    approve_ = new QPushButton(tr("Godkjenn"), itemBox);
    approve_->setObjectName(QStringLiteral("itemApprove"));
    reject_ = new QPushButton(tr("Avvis"), itemBox);
    reject_->setObjectName(QStringLiteral("itemReject"));
    defer_ = new QPushButton(tr("Utsett"), itemBox);
    defer_->setObjectName(QStringLiteral("itemDefer"));
    noted_ = new QPushButton(tr("Tatt til orientering"), itemBox);
    noted_->setObjectName(QStringLiteral("itemNoted"));
    for (QPushButton* b : {approve_, reject_, defer_, noted_}) decide->addWidget(b);
    itemLayout->addLayout(decide);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);
    split->setStretchFactor(2, 3);
    split->setSizes({220, 380, 560});

    auto* closing = new QHBoxLayout;
    signing_ = new QLabel(work);
    signing_->setObjectName(QStringLiteral("signingState"));
    signing_->setWordWrap(true);
    close_ = new QPushButton(tr("Avslutt møtet og lag referat"), work);
    close_->setObjectName(QStringLiteral("closeMeeting"));
    closing->addWidget(signing_, 1);
    closing->addWidget(close_);
    workLayout->addLayout(closing);

    // ---- The minutes
    minutesBox_ = new QWidget(vertical);
    auto* minutesLayout = new QVBoxLayout(minutesBox_);
    minutesLayout->setContentsMargins(0, 0, 0, 0);
    minutesLayout->addWidget(new QLabel(QStringLiteral("<b>%1</b>").arg(tr("Referat").toHtmlEscaped()), minutesBox_));
    minutes_ = new QTextBrowser(minutesBox_);
    minutes_->setObjectName(QStringLiteral("minutesView"));
    minutes_->setOpenLinks(false);
    minutesLayout->addWidget(minutes_, 1);
    signature_ = new QLabel(minutesBox_);
    signature_->setObjectName(QStringLiteral("minutesSignature"));
    signature_->setWordWrap(true);
    signature_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    minutesLayout->addWidget(signature_);
    verified_ = new QLabel(minutesBox_);
    verified_->setObjectName(QStringLiteral("minutesCheck"));
    verified_->setWordWrap(true);
    minutesLayout->addWidget(verified_);
    auto* files = new QHBoxLayout;
    savePdf_ = new QPushButton(tr("Lagre som PDF…"), minutesBox_);
    savePdf_->setObjectName(QStringLiteral("saveMinutesPdf"));
    saveHtml_ = new QPushButton(tr("Lagre som HTML…"), minutesBox_);
    saveHtml_->setObjectName(QStringLiteral("saveMinutesHtml"));
    verify_ = new QPushButton(tr("Kontroller referatet"), minutesBox_);
    verify_->setObjectName(QStringLiteral("verifyMinutes"));
    verify_->setToolTip(tr("Regn ut SHA-256 av referatet på nytt og kontroller signaturen mot nøkkelmappens offentlige nøkkel."));
    files->addWidget(savePdf_);
    files->addWidget(saveHtml_);
    files->addStretch(1);
    files->addWidget(verify_);
    minutesLayout->addLayout(files);
    vertical->setStretchFactor(0, 3);
    vertical->setStretchFactor(1, 2);
    minutesBox_->hide();

    if (!ctx_.session.allows(changes::permission::ChangeRead)) {
        for (QWidget* w : std::initializer_list<QWidget*>{meetingChoice_, quorum_, start_, vertical}) w->setEnabled(false);
        message_->setText(tr("Rollen din (%1) har ikke tilgang til endringsrådet.").arg(roleTitle(ctx_.session.role)));
        return;
    }

    connect(meetingChoice_, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (filling_ || index < 0) return;
        if (const qint64 id = meetingChoice_->itemData(index).toLongLong(); id > 0) showMeeting(id);
    });
    connect(start_, &QPushButton::clicked, this, [this] { startMeeting(quorum_->value()); });
    if (attendeeList_) connect(attendeeList_, &QListWidget::itemChanged, this, [this] { saveAttendeesFromEditor(); });
    if (attendeeLine_) connect(attendeeLine_, &QLineEdit::editingFinished, this, [this] { saveAttendeesFromEditor(); });
    connect(agenda_, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* current) {
        if (filling_ || !current) return;
        const QVariant position = current->data(Qt::UserRole);
        if (!position.isValid() || position.toInt() == position_) return;
        position_ = position.toInt();
        showItem();
        updateControls();
    });
    connect(prev_, &QPushButton::clicked, this, [this] { goPrevious(); });
    connect(next_, &QPushButton::clicked, this, [this] { goNext(); });
    connect(approve_, &QPushButton::clicked, this, [this] { decideCurrent(changes::Decision::Approve, conditions_->text().trimmed(), note_->text().trimmed()); });
    connect(reject_, &QPushButton::clicked, this, [this] { decideCurrent(changes::Decision::Reject, QString(), note_->text().trimmed()); });
    connect(defer_, &QPushButton::clicked, this, [this] { decideCurrent(changes::Decision::Defer, QString(), note_->text().trimmed()); });
    connect(noted_, &QPushButton::clicked, this, [this] { decideCurrent(kNoted, QString(), note_->text().trimmed()); });
    connect(close_, &QPushButton::clicked, this, [this] { closeMeeting(); });
    connect(savePdf_, &QPushButton::clicked, this, &MeetingView::openSaveMinutesPdf);
    connect(saveHtml_, &QPushButton::clicked, this, &MeetingView::openSaveMinutesHtml);
    connect(verify_, &QPushButton::clicked, this, [this] { verifyMinutes(); });

    signing_->setText(signingState());
    reload();
}

// ---- Reading

void MeetingView::setNames(const QHash<QString, QString>& names) {
    names_ = names;
    if (meeting_) showItem();
}

void MeetingView::reload() {
    if (!ctx_.session.allows(changes::permission::ChangeRead)) return;
    fillMeetings(meetingId());
}

void MeetingView::fillMeetings(qint64 select) {
    auto found = changes::ChangeBoard(*ctx_.store).meetings(ctx_.session);
    QList<changes::Meeting> all;
    if (!found) report(Status{found.error()});
    else all = *found;
    std::sort(all.begin(), all.end(), [](const changes::Meeting& a, const changes::Meeting& b) { return a.heldAt > b.heldAt; });
    int index = -1;
    filling_ = true;
    meetingChoice_->clear();
    for (const changes::Meeting& m : all) {
        const QString state = m.state == kOpen ? tr("pågår") : tr("avsluttet");
        meetingChoice_->addItem(tr("%1 – %2 (leder %3)").arg(formatDateTime(m.heldAt), state, m.chair), static_cast<qlonglong>(m.id));
        const int row = meetingChoice_->count() - 1;
        if (m.id == select) index = row;
    }
    // At first the newest open meeting, else the newest.
    if (index < 0)
        for (int row = 0; row < all.size(); ++row)
            if (all.at(row).state == kOpen) {
                index = row;
                break;
            }
    if (index < 0 && !all.isEmpty()) index = 0;
    if (all.isEmpty()) meetingChoice_->addItem(tr("(ingen møter ennå)"), 0);
    meetingChoice_->setCurrentIndex(std::max(index, 0));
    filling_ = false;
    const qint64 id = index >= 0 ? meetingChoice_->itemData(index).toLongLong() : 0;
    if (id > 0 && showMeeting(id)) return;
    meeting_.reset();
    itemChange_.reset();
    position_ = -1;
    fillAttendees();
    fillAgenda();
    showItem();
    showMinutes();
    updateControls();
}

bool MeetingView::showMeeting(qint64 id) {
    auto found = changes::ChangeBoard(*ctx_.store).meeting(ctx_.session, id);
    if (!found) {
        report(Status{found.error()});
        return false;
    }
    const bool same = meeting_ && meeting_->id == id;
    meeting_ = *found;
    if (!same) position_ = -1;
    {
        const QSignalBlocker block(meetingChoice_);
        if (const int row = meetingChoice_->findData(static_cast<qlonglong>(id)); row >= 0) meetingChoice_->setCurrentIndex(row);
    }
    meetingTitle_->setText(QStringLiteral("<b>%1</b>")
                               .arg(tr("Endringsrådets møte %1, ledet av %2").arg(formatDateTime(meeting_->heldAt), meeting_->chair).toHtmlEscaped()) +
                           (meeting_->state == kOpen ? QString() : QStringLiteral(" – %1").arg(tr("avsluttet").toHtmlEscaped())));
    fillAttendees();
    fillAgenda();
    const QList<int> order = shownOrder();
    if (!order.contains(position_)) position_ = order.isEmpty() ? -1 : order.first();
    if (QListWidgetItem* row = rowOf(position_)) {
        const QSignalBlocker block(agenda_);
        agenda_->setCurrentItem(row);
    }
    showItem();
    showMinutes();
    updateControls();
    return true;
}

void MeetingView::fillAttendees() {
    const QStringList present = meeting_ ? meeting_->attendees : QStringList();
    if (attendeeList_) {
        const QSignalBlocker block(attendeeList_);
        QStringList missing = present;
        for (int row = 0; row < attendeeList_->count(); ++row) {
            QListWidgetItem* item = attendeeList_->item(row);
            const QString username = item->data(Qt::UserRole).toString();
            item->setCheckState(present.contains(username) ? Qt::Checked : Qt::Unchecked);
            missing.removeAll(username);
        }
        // Someone recorded who is not a user here (a guest, a name typed elsewhere).
        for (const QString& name : missing) {
            auto* item = new QListWidgetItem(name, attendeeList_);
            item->setData(Qt::UserRole, name);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Checked);
        }
    }
    if (attendeeLine_) {
        const QSignalBlocker block(attendeeLine_);
        attendeeLine_->setText(present.join(QStringLiteral(", ")));
    }
    quorumLabel_->setText(quorumText());
    quorumLabel_->setStyleSheet(!meeting_ ? QString() : QStringLiteral("color: %1").arg(QLatin1String(meeting_->quorate() ? kGreen : kWarningRed)));
}

QString MeetingView::quorumText() const {
    if (!meeting_) return {};
    const int present = static_cast<int>(meeting_->attendees.size());
    return meeting_->quorate() ? tr("Beslutningsdyktig: %1 av minst %2").arg(present).arg(meeting_->quorum)
                               : tr("Ikke beslutningsdyktig: %1 av minst %2").arg(present).arg(meeting_->quorum);
}

QStringList MeetingView::attendees() const { return meeting_ ? meeting_->attendees : QStringList(); }

QStringList MeetingView::attendeesInEditor() const {
    QStringList names;
    if (attendeeList_) {
        for (int row = 0; row < attendeeList_->count(); ++row)
            if (const QListWidgetItem* item = attendeeList_->item(row); item->checkState() == Qt::Checked) names << item->data(Qt::UserRole).toString();
    } else if (attendeeLine_) {
        QString text = attendeeLine_->text();
        text.replace(QLatin1Char(';'), QLatin1Char(','));
        for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
            if (const QString name = part.trimmed(); !name.isEmpty()) names << name;
    }
    names.removeDuplicates();
    return names;
}

void MeetingView::saveAttendeesFromEditor() {
    if (filling_ || !meeting_ || meeting_->state != kOpen) return;
    const QStringList wanted = attendeesInEditor();
    if (wanted == meeting_->attendees) return;
    setAttendees(wanted);
}

void MeetingView::fillAgenda() {
    const QSignalBlocker block(agenda_);
    agenda_->clear();
    if (!meeting_) return;
    QStringList kinds = {QStringLiteral("change"), QStringLiteral("emergency"), QStringLiteral("incident"), QStringLiteral("item")};
    for (const changes::AgendaItem& item : meeting_->items)
        if (!kinds.contains(item.kind)) kinds << item.kind;
    for (const QString& kind : kinds) {
        QList<changes::AgendaItem> items;
        for (const changes::AgendaItem& item : meeting_->items)
            if (item.kind == kind) items << item;
        if (items.isEmpty()) continue;
        std::sort(items.begin(), items.end(), [](const changes::AgendaItem& a, const changes::AgendaItem& b) { return a.position < b.position; });
        auto* heading = new QListWidgetItem(agendaKindTitle(kind), agenda_);
        QFont bold = heading->font();
        bold.setBold(true);
        heading->setFont(bold);
        heading->setFlags(Qt::ItemIsEnabled);
        for (const changes::AgendaItem& item : items) {
            QString text = QStringLiteral("    ") + itemLabel(item);
            if (!item.decision.isEmpty()) text += QStringLiteral("  —  ") + decisionTitle(item.decision);
            auto* row = new QListWidgetItem(text, agenda_);
            row->setData(Qt::UserRole, item.position);
            row->setToolTip(itemLabel(item));
            if (!item.decision.isEmpty()) row->setForeground(QBrush(QColor(QLatin1String(kGreen))));
        }
    }
}

QList<int> MeetingView::shownOrder() const {
    QList<int> order;
    for (int row = 0; row < agenda_->count(); ++row)
        if (const QVariant position = agenda_->item(row)->data(Qt::UserRole); position.isValid()) order << position.toInt();
    return order;
}

QListWidgetItem* MeetingView::rowOf(int position) const {
    for (int row = 0; row < agenda_->count(); ++row) {
        QListWidgetItem* item = agenda_->item(row);
        if (const QVariant p = item->data(Qt::UserRole); p.isValid() && p.toInt() == position) return item;
    }
    return nullptr;
}

int MeetingView::agendaSize() const { return meeting_ ? static_cast<int>(meeting_->items.size()) : 0; }

QList<changes::AgendaItem> MeetingView::agenda() const { return meeting_ ? meeting_->items : QList<changes::AgendaItem>(); }

std::optional<changes::AgendaItem> MeetingView::currentItem() const {
    if (!meeting_) return std::nullopt;
    for (const changes::AgendaItem& item : meeting_->items)
        if (item.position == position_) return item;
    return std::nullopt;
}

bool MeetingView::goToItem(int position) {
    if (!meeting_) {
        fail(tr("Start eller velg et møte først."));
        return false;
    }
    QListWidgetItem* row = rowOf(position);
    if (!row) {
        fail(tr("Saken finnes ikke på dagsordenen."));
        return false;
    }
    position_ = position;
    {
        const QSignalBlocker block(agenda_);
        agenda_->setCurrentItem(row);
    }
    agenda_->scrollToItem(row);
    showItem();
    updateControls();
    return true;
}

bool MeetingView::goNext() {
    const QList<int> order = shownOrder();
    const qsizetype at = order.indexOf(position_);
    if (at < 0 || at + 1 >= order.size()) return false;
    return goToItem(order.at(at + 1));
}

bool MeetingView::goPrevious() {
    const QList<int> order = shownOrder();
    const qsizetype at = order.indexOf(position_);
    if (at <= 0) return false;
    return goToItem(order.at(at - 1));
}

void MeetingView::showItem() {
    itemChange_.reset();
    if (!meeting_) {
        itemDetail_->setHtml(QStringLiteral("<p>%1</p>").arg(tr("Start et nytt møte, eller velg et tidligere møte over.").toHtmlEscaped()));
        return;
    }
    const auto item = currentItem();
    if (!item) {
        itemDetail_->setHtml(QStringLiteral("<p>%1</p>").arg(
            (meeting_->items.isEmpty() ? tr("Dagsordenen er tom.") : tr("Velg en sak på dagsordenen.")).toHtmlEscaped()));
        return;
    }
    const auto esc = [](const QString& text) { return text.toHtmlEscaped(); };
    // The board's decision first: it is what the meeting is for.
    QString decision;
    if (item->decision.isEmpty()) {
        decision = QStringLiteral("<p><i>%1</i></p>").arg(esc(tr("Ikke behandlet ennå.")));
    } else {
        decision = QStringLiteral("<p style='color:%1'><b>%2 %3</b>").arg(QLatin1String(kGreen), esc(tr("Rådets beslutning:")), esc(decisionTitle(item->decision)));
        if (!item->conditions.trimmed().isEmpty()) decision += QStringLiteral("<br>%1 %2").arg(esc(tr("Vilkår:")), esc(item->conditions));
        if (!item->note.trimmed().isEmpty()) decision += QStringLiteral("<br><i>%1</i>").arg(esc(item->note));
        decision += QStringLiteral("</p>");
    }
    const QString heading = QStringLiteral("<p>%1</p>").arg(esc(agendaKindTitle(item->kind)));
    QString body;
    if (isChangeKind(item->kind)) {
        changes::ChangeBoard board(*ctx_.store);
        auto change = board.get(ctx_.session, item->ref);
        if (change) {
            itemChange_ = *change;
            QList<changes::CalendarConflict> conflicts;
            if (auto found = board.conflictsOf(ctx_.session, item->ref)) conflicts = *found;
            body = changeDetailHtml(*change, conflicts, names_, {});
        } else {
            body = QStringLiteral("<h3>%1</h3><p>%2</p>").arg(esc(itemLabel(*item)), esc(describeError(change.error())));
        }
    } else if (item->kind == QLatin1String("incident")) {
        body = QStringLiteral("<h3>%1</h3>").arg(esc(itemLabel(*item)));
        bool isNumber = false;
        const qint64 id = item->ref.toLongLong(&isNumber);
        if (isNumber && ctx_.session.allows(permission::IncidentRead)) {
            if (auto incident = IncidentStore(*ctx_.store).get(ctx_.session, id)) {
                const Incident& i = *incident;
                body += QStringLiteral("<p>%1</p>")
                            .arg(esc(tr("%1 · %2 · %3 · opprettet %4")
                                         .arg(incidentKindTitle(i.kind), i.priority, incidentStateTitle(i.state, i.waitingOn), formatDateTime(i.openedAt))));
                if (!i.service.isEmpty()) body += QStringLiteral("<p>%1</p>").arg(esc(tr("Tjeneste: %1").arg(names_.value(i.service, i.service))));
                const QString text = i.description.isEmpty() ? inUserLanguage(i.summary, i.summaryEn) : i.description;
                if (!text.isEmpty()) body += QStringLiteral("<p style='white-space:pre-wrap'>%1</p>").arg(esc(text));
            }
        }
    } else {
        body = QStringLiteral("<h3>%1</h3><p>%2</p>").arg(esc(item->title), esc(tr("Fast sak som rådet følger til den lukkes.")));
    }
    itemDetail_->setHtml(heading + decision + body);
}

void MeetingView::updateControls() {
    const bool have = meeting_.has_value();
    const bool open = have && meeting_->state == kOpen;
    const bool decides = ctx_.session.allows(changes::permission::ChangeDecide);
    start_->setEnabled(decides);
    quorum_->setEnabled(decides);
    start_->setToolTip(decides ? tr("Åpne et møte nå med dagsordenen Vakt setter opp: endringer som venter, hastendringer og hendelser siden "
                                    "sist og de faste sakene.")
                               : tr("Bare endringsrådet kan holde møter."));
    const QString why = !decides ? tr("Rollen din kan ikke fatte beslutninger i endringsrådet.")
                        : !have  ? tr("Start eller velg et møte først.")
                        : !open  ? tr("Møtet er avsluttet.")
                                 : QString();
    if (attendeeList_) attendeeList_->setEnabled(open && decides);
    if (attendeeLine_) attendeeLine_->setEnabled(open && decides);

    const auto item = currentItem();
    const bool mayDecide = open && decides && item.has_value();
    // A change waiting for the board is decided; an emergency change already carried out, an
    // incident or a standing item is taken note of.
    const bool decidable = item && (item->kind == QLatin1String("change") ||
                                    (item->kind == QLatin1String("emergency") && itemChange_ && changes::ChangeState::pending(itemChange_->state)));
    for (QPushButton* b : {reject_, defer_}) {
        b->setEnabled(mayDecide && decidable);
        b->setToolTip(why);
    }
    approve_->setEnabled(mayDecide && decidable);
    const QString hint = itemChange_ ? securityApprovalHint(*itemChange_, ctx_.session) : QString();
    approve_->setToolTip(!why.isEmpty() ? why : !hint.isEmpty() ? hint : tr("Godkjenn endringen, med vilkårene over om det er noen."));
    conditions_->setEnabled(mayDecide && decidable);
    noted_->setEnabled(mayDecide && item->kind != QLatin1String("change"));
    noted_->setToolTip(!why.isEmpty() ? why : tr("Rådet har fått saken lagt fram og tar den til etterretning."));
    note_->setEnabled(mayDecide);

    const QList<int> order = shownOrder();
    const qsizetype at = order.indexOf(position_);
    prev_->setEnabled(at > 0);
    next_->setEnabled(at >= 0 && at + 1 < order.size());

    close_->setEnabled(open && decides);
    if (!open || !decides) {
        close_->setToolTip(why);
    } else {
        int undecided = 0;
        for (const changes::AgendaItem& i : meeting_->items)
            if (i.kind == QLatin1String("change") && i.decision.isEmpty()) ++undecided;
        QStringList missing;
        if (!meeting_->quorate()) missing << tr("Møtet er ikke beslutningsdyktig.");
        if (undecided > 0) missing << tr("%1 endringer mangler beslutning.").arg(undecided);
        close_->setToolTip(missing.isEmpty() ? tr("Avslutt møtet: referatet skrives, SHA-256 føres i endringsloggen og referatet signeres om nøkkelen finnes.")
                                             : missing.join(QLatin1Char(' ')));
    }
    const bool closed = have && !open;
    for (QPushButton* b : {savePdf_, saveHtml_, verify_}) b->setEnabled(closed);
}

void MeetingView::showMinutes() {
    verified_->clear();
    verified_->setStyleSheet(QString());
    minutesSource_.clear();
    if (!meeting_ || meeting_->state == kOpen) {
        minutes_->clear();
        signature_->clear();
        minutesBox_->setVisible(false);
        return;
    }
    minutesBox_->setVisible(true);
    auto html = changes::ChangeBoard(*ctx_.store).minutesHtml(ctx_.session, meeting_->id);
    if (!html) {
        minutes_->setPlainText(tr("Referatet kan ikke leses: %1").arg(describeError(html.error())));
    } else {
        minutesSource_ = QString::fromUtf8(*html);
        minutes_->setHtml(minutesSource_);
    }
    signature_->setText(signatureText());
}

QString MeetingView::minutesText() const { return minutes_->toPlainText(); }
QString MeetingView::minutesHtml() const { return minutesSource_; }

QString MeetingView::signatureText() const {
    if (!meeting_ || meeting_->minutesSha256.isEmpty()) return {};
    QString text = tr("SHA-256: %1").arg(meeting_->minutesSha256) + QStringLiteral(" · ");
    if (!meeting_->signatureBase64.isEmpty())
        text += tr("Signert av %1, %2").arg(meeting_->signedBy, formatDateTime(meeting_->signedAt));
    else
        text += tr("Ikke signert: det fantes ingen signeringsnøkkel da møtet ble avsluttet. SHA-256 er ført i endringsloggen.");
    return text;
}

QString MeetingView::unsignedReason() const {
    if (ctx_.keysDir.isEmpty()) return tr("ingen nøkkelmappe er oppgitt (--keys)");
    auto keys = audit::LedgerKeys::load(ctx_.keysDir);
    if (!keys) return tr("nøkkelmappen %1 kan ikke leses").arg(QDir::toNativeSeparators(ctx_.keysDir));
    if (const Status can = keys->canSign(); !can) return tr("nøkkelmappen har ikke signeringsnøkkelen");
    return {};
}

QString MeetingView::signingState() const {
    const QString reason = unsignedReason();
    if (reason.isEmpty()) return tr("Referatet signeres med virksomhetens nøkkel når møtet avsluttes.");
    return tr("Referatet blir ikke signert (%1), men SHA-256 av det føres i endringsloggen.").arg(reason);
}

QString MeetingView::message() const { return message_->text(); }

// ---- Changing

bool MeetingView::report(const Status& s, const QString& done) {
    return showOutcome(message_, s, done);
}

void MeetingView::fail(const QString& text) {
    message_->setText(text);
    message_->setToolTip({});
    message_->setStyleSheet(QStringLiteral("color: %1").arg(QLatin1String(kWarningRed)));
}

qint64 MeetingView::startMeeting(int quorum) {
    auto opened = changes::ChangeBoard(*ctx_.store).openMeeting(ctx_.session, ctx_.store->clock().now(), quorum);
    if (!opened) {
        report(Status{opened.error()});
        return 0;
    }
    const qint64 id = *opened;
    report(Status{}, tr("Møtet er startet. Registrer hvem som er til stede, og gå gjennom dagsordenen."));
    meeting_.reset();
    position_ = -1;
    fillMeetings(id);
    return meetingId() == id ? id : 0;
}

bool MeetingView::setAttendees(const QStringList& attendees) {
    if (!meeting_) {
        fail(tr("Start eller velg et møte først."));
        return false;
    }
    const qint64 id = meeting_->id;
    if (!report(changes::ChangeBoard(*ctx_.store).setAttendees(ctx_.session, id, attendees), tr("Oppmøtet er registrert."))) {
        fillAttendees();  // back to what is stored
        return false;
    }
    showMeeting(id);
    return true;
}

bool MeetingView::decideCurrent(const QString& decision, const QString& conditions, const QString& note) {
    if (!meeting_) {
        fail(tr("Start eller velg et møte først."));
        return false;
    }
    const auto item = currentItem();
    if (!item) {
        fail(tr("Velg en sak på dagsordenen først."));
        return false;
    }
    const qint64 id = meeting_->id;
    const QString done = tr("%1: %2.").arg(itemLabel(*item), decisionTitle(decision));
    if (!report(changes::ChangeBoard(*ctx_.store).decideItem(ctx_.session, id, item->position, decision, conditions, note), done)) return false;
    conditions_->clear();
    note_->clear();
    showMeeting(id);
    emit decided();
    return true;
}

bool MeetingView::closeMeeting() {
    if (!meeting_) {
        fail(tr("Start eller velg et møte først."));
        return false;
    }
    const qint64 id = meeting_->id;
    const auto keys = loadKeys(ctx_.keysDir);
    const audit::LedgerKeys* signer = nullptr;
    if (keys && *keys && (*keys)->canSign()) signer = &keys->value();
    const QString done = signer ? tr("Møtet er avsluttet. Referatet er signert, og SHA-256 er ført i endringsloggen.")
                                : tr("Møtet er avsluttet. Referatet er ikke signert (%1), men SHA-256 er ført i endringsloggen.")
                                      .arg(unsignedReason());
    if (!report(changes::ChangeBoard(*ctx_.store).closeMeeting(ctx_.session, id, signer), done)) return false;
    fillMeetings(id);
    emit decided();
    return meetingId() == id && meeting_->state != kOpen;
}

bool MeetingView::saveMinutesTo(const QString& path, bool pdf) {
    if (!meeting_ || meeting_->state == kOpen) {
        fail(tr("Referatet finnes når møtet er avsluttet."));
        return false;
    }
    changes::ChangeBoard board(*ctx_.store);
    auto bytes = pdf ? board.minutesPdf(ctx_.session, meeting_->id) : board.minutesHtml(ctx_.session, meeting_->id);
    if (!bytes) {
        report(Status{bytes.error()});
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(*bytes) != bytes->size() || !file.commit()) {
        fail(tr("Kunne ikke skrive %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    report(Status{}, tr("Referatet er lagret i %1.").arg(QDir::toNativeSeparators(path)));
    return true;
}

void MeetingView::openSaveMinutesPdf() {
    if (!meeting_ || meeting_->state == kOpen) return;
    const QString name = QStringLiteral("endringsrad-%1.pdf").arg(meeting_->heldAt.toTimeZone(displayZone()).date().toString(Qt::ISODate));
    const QString path = QFileDialog::getSaveFileName(this, tr("Lagre referatet som PDF"), QDir::home().filePath(name), tr("PDF (*.pdf)"));
    if (!path.isEmpty()) saveMinutesTo(path, true);
}

void MeetingView::openSaveMinutesHtml() {
    if (!meeting_ || meeting_->state == kOpen) return;
    const QString name = QStringLiteral("endringsrad-%1.html").arg(meeting_->heldAt.toTimeZone(displayZone()).date().toString(Qt::ISODate));
    const QString path = QFileDialog::getSaveFileName(this, tr("Lagre referatet som HTML"), QDir::home().filePath(name), tr("HTML (*.html)"));
    if (!path.isEmpty()) saveMinutesTo(path, false);
}

std::optional<changes::MinutesCheck> MeetingView::verifyMinutes() {
    if (!meeting_ || meeting_->state == kOpen) {
        fail(tr("Referatet finnes når møtet er avsluttet."));
        return std::nullopt;
    }
    const auto keys = loadKeys(ctx_.keysDir);
    const audit::LedgerKeys* trusted = keys && *keys ? &keys->value() : nullptr;
    auto result = changes::ChangeBoard(*ctx_.store).verifyMinutes(ctx_.session, meeting_->id, trusted);
    if (!result) {
        report(Status{result.error()});
        verified_->setText(message());
        verified_->setStyleSheet(QStringLiteral("color: %1").arg(QLatin1String(kWarningRed)));
        return std::nullopt;
    }
    const changes::MinutesCheck& c = *result;
    // The trail is compared only for roles that may read it; otherwise the stored hash is what there is.
    QString text = c.trailChecked ? (c.hashMatches ? tr("Referatet er uendret: SHA-256 stemmer med det som ble ført i endringsloggen.")
                                                   : tr("Referatet er endret: SHA-256 stemmer ikke med det som ble ført i endringsloggen da møtet ble avsluttet."))
                                  : (c.hashMatches ? tr("Referatet er uendret: SHA-256 stemmer med det som ble lagret da møtet ble avsluttet.")
                                                   : tr("Referatet er endret: SHA-256 stemmer ikke med det som ble lagret da møtet ble avsluttet."));
    text += QLatin1Char(' ');
    if (!c.signed_) text += tr("Referatet er ikke signert.");
    else if (c.signatureValid) text += tr("Signaturen er gyldig.");
    else if (!trusted) text += tr("Signaturen kan ikke kontrolleres uten nøkkelmappen (--keys).");
    else text += tr("Signaturen er ikke gyldig.");
    if (!c.problem.isEmpty()) text += QStringLiteral(" (%1)").arg(c.problem);
    const bool good = c.ok() && (!c.signed_ || c.signatureValid);
    verified_->setText(text);
    verified_->setStyleSheet(QStringLiteral("color: %1").arg(QLatin1String(good ? kGreen : kWarningRed)));
    if (good) report(Status{}, text);
    else fail(text);
    return c;
}

}  // namespace vakt::desktop
