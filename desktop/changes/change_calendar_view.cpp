#include "desktop/changes/change_calendar_view.h"

#include <QBrush>
#include <QCalendarWidget>
#include <QCheckBox>
#include <QColor>
#include <QFont>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTableWidget>
#include <QTextCharFormat>
#include <QTime>
#include <QVBoxLayout>
#include <algorithm>
#include <memory>

#include "desktop/changes/change_names.h"
#include "desktop/shell/formatting.h"
#include "desktop/shell/tables.h"

namespace vakt::desktop {

namespace {
constexpr const char kChangeBlue[] = "#0b5394";
constexpr const char kConflictBackground[] = "#f8d7da";
constexpr int kIdRole = Qt::UserRole + 1;

// Midnight at the start of `day` in the shown zone, in UTC.
QDateTime startOf(const QDate& day) { return QDateTime(day, QTime(0, 0), displayZone()).toUTC(); }
}  // namespace

ChangeCalendarView::ChangeCalendarView(AppContext& context, QWidget* parent) : QWidget(parent), ctx_(context) {
    setObjectName(QStringLiteral("changeCalendarView"));
    auto* layout = new QVBoxLayout(this);
    message_ = new QLabel(this);
    message_->setObjectName(QStringLiteral("calendarMessage"));
    message_->setWordWrap(true);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(message_);
    auto* split = new QSplitter(Qt::Horizontal, this);
    layout->addWidget(split, 1);

    // ---- The month and the chosen day
    auto* left = new QWidget(split);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    calendar_ = new QCalendarWidget(left);
    calendar_->setObjectName(QStringLiteral("changeCalendar"));
    calendar_->setGridVisible(true);
    calendar_->setVerticalHeaderFormat(QCalendarWidget::ISOWeekNumbers);
    calendar_->setFirstDayOfWeek(Qt::Monday);
    leftLayout->addWidget(calendar_);
    auto* legend = new QLabel(QStringLiteral("<b style='color:%1'>%2</b> · <span style='background:%3'>&nbsp;%4&nbsp;</span> · "
                                             "<span style='background:#d0d0d0'>&nbsp;%5&nbsp;</span>")
                                  .arg(QLatin1String(kChangeBlue), tr("Fet: endringer").toHtmlEscaped(), QLatin1String(kConflictBackground),
                                       tr("Rød: konflikter").toHtmlEscaped(), tr("Skravert grå: frysperiode").toHtmlEscaped()),
                              left);
    legend->setObjectName(QStringLiteral("calendarLegend"));
    leftLayout->addWidget(legend);
    auto* dayRow = new QHBoxLayout;
    dayHeading_ = new QLabel(left);
    dayHeading_->setObjectName(QStringLiteral("calendarDayHeading"));
    wholeWeek_ = new QCheckBox(tr("Hele uken"), left);
    wholeWeek_->setObjectName(QStringLiteral("calendarWholeWeek"));
    dayRow->addWidget(dayHeading_, 1);
    dayRow->addWidget(wholeWeek_);
    leftLayout->addLayout(dayRow);
    dayList_ = new QListWidget(left);
    dayList_->setObjectName(QStringLiteral("calendarDayList"));
    dayList_->setToolTip(tr("Dobbeltklikk en endring for å åpne den i listen."));
    leftLayout->addWidget(dayList_, 1);

    // ---- The month's conflicts and the freezes
    auto* right = new QWidget(split);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    conflictHeading_ = new QLabel(right);
    conflictHeading_->setObjectName(QStringLiteral("conflictHeading"));
    rightLayout->addWidget(conflictHeading_);
    conflictList_ = new QListWidget(right);
    conflictList_->setObjectName(QStringLiteral("conflictList"));
    conflictList_->setWordWrap(true);
    conflictList_->setToolTip(tr("Dobbeltklikk en konflikt for å åpne den første endringen i den."));
    rightLayout->addWidget(conflictList_, 1);
    rightLayout->addWidget(new QLabel(QStringLiteral("<b>%1</b>").arg(tr("Frysperioder").toHtmlEscaped()), right));
    freezeList_ = readOnlyTable(QStringLiteral("freezeList"), {tr("Navn"), tr("Omfang"), tr("Fra"), tr("Til"), tr("Begrunnelse")}, right, true);
    rightLayout->addWidget(freezeList_, 1);
    auto* freezeButtons = new QHBoxLayout;
    newFreeze_ = new QPushButton(tr("Ny frysperiode…"), right);
    newFreeze_->setObjectName(QStringLiteral("newFreeze"));
    removeFreeze_ = new QPushButton(tr("Fjern"), right);
    removeFreeze_->setObjectName(QStringLiteral("removeFreeze"));
    freezeButtons->addStretch(1);
    freezeButtons->addWidget(newFreeze_);
    freezeButtons->addWidget(removeFreeze_);
    rightLayout->addLayout(freezeButtons);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    updateActions();
    if (!ctx_.session.allows(changes::permission::ChangeRead)) {
        split->setEnabled(false);
        message_->setText(tr("Rollen din (%1) har ikke tilgang til endringskalenderen.").arg(roleTitle(ctx_.session.role)));
        return;
    }

    connect(calendar_, &QCalendarWidget::currentPageChanged, this, [this] { loadMonth(); });
    connect(calendar_, &QCalendarWidget::selectionChanged, this, [this] { fillDay(); });
    connect(wholeWeek_, &QCheckBox::toggled, this, [this] { fillDay(); });
    const auto activate = [this](QListWidgetItem* item) {
        if (!item) return;
        if (const QString ref = item->data(Qt::UserRole).toString(); !ref.isEmpty()) emit changeActivated(ref);
    };
    connect(dayList_, &QListWidget::itemActivated, this, activate);
    connect(conflictList_, &QListWidget::itemActivated, this, activate);
    connect(freezeList_, &QTableWidget::itemSelectionChanged, this, [this] { updateActions(); });
    connect(newFreeze_, &QPushButton::clicked, this, &ChangeCalendarView::openNewFreeze);
    connect(removeFreeze_, &QPushButton::clicked, this, &ChangeCalendarView::removeSelectedFreeze);

    // The calendar opens on the store's today, not the machine's.
    const QDate today = ctx_.store->clock().now().toTimeZone(displayZone()).date();
    {
        const QSignalBlocker a(calendar_);
        calendar_->setCurrentPage(today.year(), today.month());
        calendar_->setSelectedDate(today);
    }
    reload();
}

void ChangeCalendarView::setCatalogue(const QHash<QString, QString>& names, const Choices& services, const Choices& components) {
    names_ = names;
    services_ = services;
    components_ = components;
    if (!ctx_.session.allows(changes::permission::ChangeRead)) return;
    fillDay();
    fillConflicts();
    fillFreezes();
}

void ChangeCalendarView::reload() {
    if (!ctx_.session.allows(changes::permission::ChangeRead)) return;
    loadFreezes();
    loadMonth();
}

void ChangeCalendarView::showMonth(int year, int month) {
    calendar_->setCurrentPage(year, month);  // loads it through currentPageChanged when it is another month
}

void ChangeCalendarView::selectDate(const QDate& day) {
    if (!day.isValid()) return;
    const bool otherMonth = day.year() != calendar_->yearShown() || day.month() != calendar_->monthShown();
    {
        const QSignalBlocker block(calendar_);
        calendar_->setCurrentPage(day.year(), day.month());
        calendar_->setSelectedDate(day);
    }
    if (otherMonth) loadMonth();
    else fillDay();
}

QDate ChangeCalendarView::selectedDate() const { return calendar_->selectedDate(); }

void ChangeCalendarView::setWholeWeek(bool week) { wholeWeek_->setChecked(week); }

QString ChangeCalendarView::message() const { return message_->text(); }

bool ChangeCalendarView::report(const Status& s, const QString& done) {
    return showOutcome(message_, s, done);
}

// ---- Reading

void ChangeCalendarView::loadMonth() {
    const QDate first(calendar_->yearShown(), calendar_->monthShown(), 1);
    changes::ChangeBoard board(*ctx_.store);
    // The grid shows some days of the months around it.
    changes::ChangeFilter filter;
    for (const QString& state : changes::ChangeState::all())
        if (state != changes::ChangeState::Rejected) filter.states << state;
    filter.from = startOf(first.addDays(-7));
    filter.until = startOf(first.addMonths(1).addDays(7));
    shownFrom_ = filter.from;
    shownUntil_ = filter.until;
    shown_.clear();
    if (auto found = board.list(ctx_.session, filter)) shown_ = *found;
    else report(Status{found.error()});
    shown_.erase(std::remove_if(shown_.begin(), shown_.end(), [](const changes::ChangeRequest& c) { return !c.windowStart.isValid(); }), shown_.end());
    std::stable_sort(shown_.begin(), shown_.end(),
                     [](const changes::ChangeRequest& a, const changes::ChangeRequest& b) { return a.windowStart < b.windowStart; });
    conflicts_.clear();
    if (auto found = board.conflicts(ctx_.session, startOf(first), startOf(first.addMonths(1)))) conflicts_ = *found;
    else report(Status{found.error()});
    conflictRefs_.clear();
    for (const changes::CalendarConflict& c : conflicts_)
        for (const QString& ref : c.refs) conflictRefs_.insert(ref);
    markDays();
    fillDay();
    fillConflicts();
}

void ChangeCalendarView::loadFreezes() {
    freezes_.clear();
    if (auto found = changes::ChangeBoard(*ctx_.store).freezes(ctx_.session)) freezes_ = *found;
    else report(Status{found.error()});
    std::stable_sort(freezes_.begin(), freezes_.end(), [](const changes::Freeze& a, const changes::Freeze& b) { return a.start < b.start; });
    fillFreezes();
}

void ChangeCalendarView::markDays() {
    changeDays_.clear();
    conflictDays_.clear();
    freezeDays_.clear();
    QHash<QString, const changes::ChangeRequest*> byRef;
    for (const changes::ChangeRequest& c : shown_) {
        byRef.insert(c.ref, &c);
        for (const QDate& d : windowDays(c.windowStart, c.windowEnd)) changeDays_.insert(d);
    }
    for (const changes::CalendarConflict& conflict : conflicts_) {
        if (conflict.day.isValid()) {
            conflictDays_.insert(conflict.day);
            continue;
        }
        const changes::ChangeRequest* a = byRef.value(conflict.refs.value(0));
        const changes::ChangeRequest* b = byRef.value(conflict.refs.value(1));
        if (a && b) {
            // A pair: the days they overlap.
            const QDateTime from = std::max(a->windowStart, b->windowStart);
            const QDateTime until = std::min(a->windowEnd, b->windowEnd);
            for (const QDate& d : windowDays(from, until > from ? until : from)) conflictDays_.insert(d);
        } else {
            for (const QString& ref : conflict.refs)
                if (const changes::ChangeRequest* c = byRef.value(ref))
                    for (const QDate& d : windowDays(c->windowStart, c->windowEnd)) conflictDays_.insert(d);
        }
    }
    for (const changes::Freeze& f : freezes_) {
        const QDateTime from = std::max(f.start, shownFrom_);
        const QDateTime until = std::min(f.end, shownUntil_);
        if (until > from)
            for (const QDate& d : windowDays(from, until)) freezeDays_.insert(d);
    }

    calendar_->setDateTextFormat(QDate(), QTextCharFormat());  // clears every day
    QSet<QDate> marked = changeDays_;
    marked.unite(conflictDays_);
    marked.unite(freezeDays_);
    for (const QDate& d : marked) {
        QTextCharFormat format;
        if (changeDays_.contains(d)) {
            format.setFontWeight(QFont::Bold);
            format.setForeground(QColor(QLatin1String(kChangeBlue)));
        }
        if (freezeDays_.contains(d)) format.setBackground(QBrush(QColor(0x9e, 0x9e, 0x9e), Qt::BDiagPattern));
        if (conflictDays_.contains(d)) {
            format.setBackground(QColor(QLatin1String(kConflictBackground)));
            format.setForeground(QColor(QLatin1String(kWarningRed)));
        }
        calendar_->setDateTextFormat(d, format);
    }
}

void ChangeCalendarView::fillDay() {
    const QDate day = calendar_->selectedDate();
    const bool week = wholeWeek_->isChecked();
    const QDate from = week ? day.addDays(1 - day.dayOfWeek()) : day;
    const QDate to = week ? from.addDays(6) : day;
    dayHeading_->setText(week ? tr("Uke %1: %2–%3").arg(QString::number(day.weekNumber()), formatDate(from), formatDate(to))
                              : tr("Endringer %1").arg(formatDate(day)));
    dayList_->clear();
    const QDateTime rangeStart = startOf(from), rangeEnd = startOf(to.addDays(1));
    for (const changes::Freeze& f : freezes_) {
        if (!(f.start < rangeEnd && rangeStart < f.end)) continue;
        auto* item = new QListWidgetItem(tr("Frysperiode «%1»: %2").arg(f.name, windowText(f.start, f.end)), dayList_);
        QFont italic = item->font();
        italic.setItalic(true);
        item->setFont(italic);
        item->setForeground(QBrush(QColor(0x61, 0x61, 0x61)));
        item->setToolTip(f.reason);
    }
    int listed = 0;
    for (const changes::ChangeRequest& c : shown_) {
        const QList<QDate> days = windowDays(c.windowStart, c.windowEnd);
        const bool inRange = std::any_of(days.begin(), days.end(), [&from, &to](const QDate& d) { return d >= from && d <= to; });
        if (!inRange) continue;
        auto* item = new QListWidgetItem(
            tr("%1  %2: %3 (%4)").arg(windowText(c.windowStart, c.windowEnd), c.ref, c.title, changeStateTitle(c.state)), dayList_);
        item->setData(Qt::UserRole, c.ref);
        item->setToolTip(tr("Berører: %1").arg(targetsText(c.targets, names_)));
        if (conflictRefs_.contains(c.ref)) {
            item->setForeground(QBrush(QColor(QLatin1String(kWarningRed))));
            item->setToolTip(item->toolTip() + QLatin1Char('\n') + tr("Har konflikter i kalenderen."));
        }
        ++listed;
    }
    if (listed == 0) {
        auto* none = new QListWidgetItem(week ? tr("Ingen endringer denne uken.") : tr("Ingen endringer denne dagen."), dayList_);
        none->setFlags(Qt::NoItemFlags);
    }
}

QStringList ChangeCalendarView::shownRefs() const {
    QStringList refs;
    for (int row = 0; row < dayList_->count(); ++row)
        if (const QString ref = dayList_->item(row)->data(Qt::UserRole).toString(); !ref.isEmpty()) refs << ref;
    return refs;
}

void ChangeCalendarView::fillConflicts() {
    const QString month = QStringLiteral("%1 %2").arg(QLocale().standaloneMonthName(calendar_->monthShown()), QString::number(calendar_->yearShown()));
    conflictHeading_->setText(QStringLiteral("<b>%1</b>").arg(tr("Konflikter i %1: %2").arg(month, QString::number(conflicts_.size())).toHtmlEscaped()));
    conflictList_->clear();
    QHash<QString, QString> reasons;
    for (const changes::ChangeRequest& c : shown_) reasons.insert(c.ref, c.freezeReason);
    for (const changes::CalendarConflict& conflict : conflicts_) {
        auto* item = new QListWidgetItem(QStringLiteral("⚠ ") + conflictText(conflict, QString(), names_, reasons), conflictList_);
        item->setData(Qt::UserRole, conflict.refs.value(0));
        item->setForeground(QBrush(QColor(QLatin1String(kWarningRed))));
    }
    if (conflicts_.isEmpty()) {
        auto* none = new QListWidgetItem(tr("Ingen konflikter i %1.").arg(month), conflictList_);
        none->setFlags(Qt::NoItemFlags);
    }
}

void ChangeCalendarView::fillFreezes() {
    const qint64 keep = freezeList_->currentRow() >= 0 && freezeList_->item(freezeList_->currentRow(), 0)
                            ? freezeList_->item(freezeList_->currentRow(), 0)->data(kIdRole).toLongLong()
                            : 0;
    freezeList_->setRowCount(0);
    for (const changes::Freeze& f : freezes_) {
        const int row = freezeList_->rowCount();
        freezeList_->insertRow(row);
        auto* name = readOnlyCell(f.name);
        name->setData(kIdRole, static_cast<qlonglong>(f.id));
        freezeList_->setItem(row, 0, name);
        const QString scope = f.scope == QLatin1String("all") ? freezeScopeTitle(f.scope)
                                                              : QStringLiteral("%1: %2").arg(freezeScopeTitle(f.scope), targetsText(f.keys, names_));
        freezeList_->setItem(row, 1, readOnlyCell(scope));
        freezeList_->setItem(row, 2, readOnlyCell(formatDateTime(f.start)));
        freezeList_->setItem(row, 3, readOnlyCell(formatDateTime(f.end)));
        auto* reason = readOnlyCell(f.reason);
        reason->setToolTip(f.createdBy.isEmpty() ? f.reason : tr("%1\n(lagt inn av %2)").arg(f.reason, f.createdBy));
        freezeList_->setItem(row, 4, reason);
        if (f.id == keep) freezeList_->selectRow(row);
    }
    fitColumns(freezeList_);
    updateActions();
}

void ChangeCalendarView::updateActions() {
    const bool mayFreeze = ctx_.session.allows(changes::permission::ChangeFreeze);
    newFreeze_->setEnabled(mayFreeze);
    newFreeze_->setToolTip(mayFreeze ? tr("Legg inn en periode der bare hastendringer med begrunnelse kan godkjennes.")
                                   : tr("Rollen din kan ikke legge inn frysperioder."));
    const bool selected = freezeList_->currentRow() >= 0 && !freezeList_->selectedItems().isEmpty();
    removeFreeze_->setEnabled(mayFreeze && selected);
    removeFreeze_->setToolTip(!mayFreeze ? tr("Rollen din kan ikke fjerne frysperioder.") : selected ? QString() : tr("Velg en frysperiode først."));
}

// ---- Changing

std::optional<qint64> ChangeCalendarView::addFreeze(const changes::Freeze& freeze) {
    auto id = changes::ChangeBoard(*ctx_.store).addFreeze(ctx_.session, freeze);
    if (!id) {
        report(Status{id.error()});
        return std::nullopt;
    }
    report(Status{}, tr("Frysperioden «%1» er lagt inn.").arg(freeze.name));
    loadFreezes();
    loadMonth();
    emit calendarChanged();
    return *id;
}

bool ChangeCalendarView::removeFreeze(qint64 id) {
    QString name;
    for (const changes::Freeze& f : freezes_)
        if (f.id == id) name = f.name;
    if (!report(changes::ChangeBoard(*ctx_.store).removeFreeze(ctx_.session, id), tr("Frysperioden «%1» er fjernet.").arg(name))) return false;
    loadFreezes();
    loadMonth();
    emit calendarChanged();
    return true;
}

FreezeDialog* ChangeCalendarView::freezeDialog() {
    auto* d = new FreezeDialog(services_, components_, ctx_.store->clock().now(), this);
    d->setSubmit([this, d] { return addFreeze(d->freeze()) ? QString() : message(); });
    return d;
}

void ChangeCalendarView::openNewFreeze() {
    if (!newFreeze_->isEnabled()) return;
    const std::unique_ptr<FreezeDialog> dialog(freezeDialog());
    dialog->exec();
}

void ChangeCalendarView::removeSelectedFreeze() {
    const int row = freezeList_->currentRow();
    const QTableWidgetItem* item = row >= 0 ? freezeList_->item(row, 0) : nullptr;
    if (!item || !removeFreeze_->isEnabled()) return;
    const qint64 id = item->data(kIdRole).toLongLong();
    if (QMessageBox::question(this, tr("Fjern frysperiode"), tr("Fjerne frysperioden «%1»? Endringer i perioden er da ikke lenger i konflikt med den.").arg(item->text())) !=
        QMessageBox::Yes)
        return;
    removeFreeze(id);
}

}  // namespace vakt::desktop
