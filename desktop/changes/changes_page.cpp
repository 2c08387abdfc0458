#include "desktop/changes/changes_page.h"

#include <QBrush>
#include <QColor>
#include <QComboBox>
#include <QFont>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <limits>
#include <memory>

#include "core/catalog_service.h"
#include "core/incidents.h"
#include "desktop/changes/change_calendar_view.h"
#include "desktop/changes/change_names.h"
#include "desktop/changes/meeting_view.h"
#include "desktop/shell/formatting.h"
#include "desktop/shell/tables.h"

namespace vakt::desktop {

const QString ChangesPage::kPending = QStringLiteral("*pending");

namespace {
constexpr const char kAmber[] = "#8a5a00";
constexpr int kRefRole = Qt::UserRole + 1;
enum Tab { ListTab, CalendarTab, MeetingTab };
}  // namespace

ChangesPage::ChangesPage(AppContext& context, QWidget* parent) : Page(parent), ctx_(context) {
    setObjectName(QStringLiteral("changesPage"));
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(QStringLiteral("<h2>%1</h2>").arg(tr("Endringer")), this));
    top->addStretch(1);
    new_ = new QPushButton(tr("Ny endring…"), this);
    new_->setObjectName(QStringLiteral("newChange"));
    new_->setShortcut(QKeySequence(QKeySequence::New));
    top->addWidget(new_);
    layout->addLayout(top);
    access_ = new QLabel(this);
    access_->setObjectName(QStringLiteral("changeAccess"));
    access_->setWordWrap(true);
    access_->hide();
    layout->addWidget(access_);
    message_ = new QLabel(this);
    message_->setObjectName(QStringLiteral("changeMessage"));
    message_->setWordWrap(true);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(message_);

    tabs_ = new QTabWidget(this);
    tabs_->setObjectName(QStringLiteral("changeTabs"));
    layout->addWidget(tabs_, 1);

    // ---- The list
    auto* listTab = new QWidget(tabs_);
    auto* listLayout = new QVBoxLayout(listTab);
    auto* filters = new QHBoxLayout;
    state_ = new QComboBox(listTab);
    state_->setObjectName(QStringLiteral("stateFilter"));
    state_->addItem(tr("Venter på rådet"), kPending);
    for (const QString& s : changes::ChangeState::all()) state_->addItem(changeStateTitle(s), s);
    state_->addItem(tr("Alle"), QString());
    target_ = new QComboBox(listTab);
    target_->setObjectName(QStringLiteral("targetFilter"));
    target_->setMinimumWidth(220);
    target_->addItem(tr("Alle tjenester og komponenter"), QString());
    search_ = new QLineEdit(listTab);
    search_->setObjectName(QStringLiteral("changeSearch"));
    search_->setPlaceholderText(tr("Søk i referanse, tittel eller beskrivelse"));
    search_->setClearButtonEnabled(true);
    filters->addWidget(new QLabel(tr("Status:"), listTab));
    filters->addWidget(state_);
    filters->addWidget(new QLabel(tr("Berører:"), listTab));
    filters->addWidget(target_);
    filters->addWidget(search_, 1);
    listLayout->addLayout(filters);

    auto* split = new QSplitter(Qt::Horizontal, listTab);
    split->setObjectName(QStringLiteral("changeSplit"));
    listLayout->addWidget(split, 1);
    auto* left = new QWidget(split);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    count_ = new QLabel(left);
    count_->setObjectName(QStringLiteral("changeCount"));
    leftLayout->addWidget(count_);
    table_ = readOnlyTable(QStringLiteral("changeTable"),
                           {tr("Ref"), tr("Tittel"), tr("Kategori"), tr("Status"), tr("Vindu"), tr("Berører"), tr("Sikkerhet"), tr("Konflikter")}, left, true);
    table_->setWordWrap(false);
    rememberHeader(table_->horizontalHeader(), QStringLiteral("changes"));
    leftLayout->addWidget(table_, 1);

    auto* right = new QWidget(split);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    detail_ = new QTextBrowser(right);
    detail_->setObjectName(QStringLiteral("changeDetail"));
    detail_->setOpenLinks(false);
    rightLayout->addWidget(detail_, 1);
    auto* actions = new QGridLayout;
    assess_ = new QPushButton(tr("Vurder…"), right);
    assess_->setObjectName(QStringLiteral("assessChange"));
    decide_ = new QPushButton(tr("Beslutt…"), right);
    decide_->setObjectName(QStringLiteral("decideChange"));
    schedule_ = new QPushButton(tr("Planlegg…"), right);
    schedule_->setObjectName(QStringLiteral("scheduleChange"));
    implement_ = new QPushButton(tr("Gjennomført…"), right);
    implement_->setObjectName(QStringLiteral("implementChange"));
    review_ = new QPushButton(tr("Evaluer…"), right);
    review_->setObjectName(QStringLiteral("reviewChange"));
    actions->addWidget(assess_, 0, 0);
    actions->addWidget(decide_, 0, 1);
    actions->addWidget(schedule_, 0, 2);
    actions->addWidget(implement_, 1, 0);
    actions->addWidget(review_, 1, 1);
    rightLayout->addLayout(actions);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({900, 560});
    tabs_->addTab(listTab, tr("Liste"));

    // ---- The calendar and the meeting
    calendar_ = new ChangeCalendarView(ctx_, tabs_);
    tabs_->addTab(calendar_, tr("Kalender"));
    meeting_ = new MeetingView(ctx_, tabs_);
    tabs_->addTab(meeting_, tr("Møte"));

    searchDelay_ = new QTimer(this);
    searchDelay_->setSingleShot(true);
    searchDelay_->setInterval(250);
    updateActions();
    if (!ctx_.session.allows(changes::permission::ChangeRead)) {
        tabs_->hide();
        new_->hide();
        message_->setText(tr("Rollen din (%1) har ikke tilgang til endringene.").arg(roleTitle(ctx_.session.role)));
        return;
    }
    if (!ctx_.session.allows(changes::permission::ChangeRequest) && !ctx_.session.allows(changes::permission::ChangeDecide)) {
        access_->setText(tr("Lesetilgang: rollen din (%1) kan se endringene, kalenderen og møtene, men ikke endre dem.").arg(roleTitle(ctx_.session.role)));
        access_->show();
    }

    connect(searchDelay_, &QTimer::timeout, this, &ChangesPage::applyFilters);
    connect(search_, &QLineEdit::textChanged, searchDelay_, qOverload<>(&QTimer::start));
    connect(search_, &QLineEdit::returnPressed, this, &ChangesPage::applyFilters);
    for (QComboBox* box : {state_, target_}) connect(box, &QComboBox::currentIndexChanged, this, &ChangesPage::applyFilters);
    connect(table_, &QTableWidget::itemSelectionChanged, this, [this] {
        if (filling_) return;
        const QList<QTableWidgetItem*> selected = table_->selectedItems();
        if (!selected.isEmpty()) showChange(refAt(selected.first()->row()));
    });
    connect(new_, &QPushButton::clicked, this, &ChangesPage::openNewChange);
    connect(assess_, &QPushButton::clicked, this, &ChangesPage::openAssess);
    connect(decide_, &QPushButton::clicked, this, &ChangesPage::openDecide);
    connect(schedule_, &QPushButton::clicked, this, &ChangesPage::openSchedule);
    connect(implement_, &QPushButton::clicked, this, &ChangesPage::openImplement);
    connect(review_, &QPushButton::clicked, this, &ChangesPage::openReview);
    connect(calendar_, &ChangeCalendarView::changeActivated, this, [this](const QString& ref) {
        tabs_->setCurrentIndex(ListTab);
        selectChange(ref);
    });
    // A freeze added or removed, or the board's decisions in the meeting, change the list.
    connect(calendar_, &ChangeCalendarView::calendarChanged, this, [this] {
        loadChanges();
        fillTable();
        if (current_) showChange(current_->ref);
    });
    connect(meeting_, &MeetingView::decided, this, [this] {
        loadChanges();
        fillTable();
        if (current_) showChange(current_->ref);
        calendar_->reload();
    });

    loadCatalogue();
    loadChanges();
    fillTable();
    renderDetail();
}

// ---- Reading

void ChangesPage::refresh() {
    if (!ctx_.session.allows(changes::permission::ChangeRead)) return;
    loadCatalogue();
    loadChanges();
    fillTable();
    showChange(currentRef());
    calendar_->reload();
    meeting_->reload();
}

void ChangesPage::focusSearch() {
    if (!ctx_.session.allows(changes::permission::ChangeRead)) return;
    tabs_->setCurrentIndex(ListTab);
    search_->setFocus();
    search_->selectAll();
}

void ChangesPage::prepareScreenshot() {
    if (!ctx_.session.allows(changes::permission::ChangeRead)) return;
    if (!current_ && table_->rowCount() > 0) table_->selectRow(0);
}

void ChangesPage::showItems(const QString& which) {
    if (!ctx_.session.allows(changes::permission::ChangeRead)) return;
    const QString view = which.trimmed();
    if (view == QLatin1String("list")) tabs_->setCurrentIndex(ListTab);
    else if (view == QLatin1String("calendar")) tabs_->setCurrentIndex(CalendarTab);
    else if (view == QLatin1String("meeting")) tabs_->setCurrentIndex(MeetingTab);
    else if (view == QLatin1String("pending")) {
        tabs_->setCurrentIndex(ListTab);
        setStateFilter(kPending);
    } else if (view.startsWith(QLatin1String("CR-"), Qt::CaseInsensitive)) {
        tabs_->setCurrentIndex(ListTab);
        selectChange(view.toUpper());
    }
}

int ChangesPage::shownChanges() const { return table_->rowCount(); }

QString ChangesPage::message() const { return message_->text(); }

bool ChangesPage::setStateFilter(const QString& state) {
    const int i = state_->findData(state);
    if (i < 0) return false;
    if (i == state_->currentIndex()) applyFilters();
    else state_->setCurrentIndex(i);
    return true;
}

bool ChangesPage::setTargetFilter(const QString& key) {
    const int i = target_->findData(key);
    if (i < 0) return false;
    if (i == target_->currentIndex()) applyFilters();
    else target_->setCurrentIndex(i);
    return true;
}

void ChangesPage::setSearch(const QString& text) {
    {
        const QSignalBlocker block(search_);
        search_->setText(text);
    }
    applyFilters();
}

void ChangesPage::applyFilters() {
    searchDelay_->stop();
    fillTable();
}

void ChangesPage::loadCatalogue() {
    names_.clear();
    targets_.clear();
    services_.clear();
    components_.clear();
    if (auto list = CatalogService(*ctx_.store).list(ctx_.session)) {
        for (const CatalogSummary& s : *list) {
            names_.insert(s.key, s.name);
            targets_.emplaceBack(s.key, s.name);
            if (s.kind == EntryKind::Component) components_.emplaceBack(s.key, s.name);
            else services_.emplaceBack(s.key, s.name);
        }
    }
    const auto byName = [](const std::pair<QString, QString>& a, const std::pair<QString, QString>& b) {
        return QString::localeAwareCompare(a.second, b.second) < 0;
    };
    std::sort(targets_.begin(), targets_.end(), byName);
    std::sort(services_.begin(), services_.end(), byName);
    std::sort(components_.begin(), components_.end(), byName);
    {
        const QSignalBlocker block(target_);
        const QString keep = target_->currentData().toString();
        while (target_->count() > 1) target_->removeItem(1);
        for (const auto& [key, name] : targets_) target_->addItem(name == key ? key : QStringLiteral("%1 (%2)").arg(name, key), key);
        target_->setCurrentIndex(std::max(0, target_->findData(keep)));
    }
    calendar_->setCatalogue(names_, services_, components_);
    meeting_->setNames(names_);
}

void ChangesPage::loadChanges() {
    changes::ChangeBoard board(*ctx_.store);
    all_.clear();
    conflictCount_.clear();
    if (auto found = board.list(ctx_.session)) all_ = *found;
    else report(Status{found.error()});
    // One look at the calendar over every window gives each change's conflicts.
    QDateTime from, until;
    for (const changes::ChangeRequest& c : all_) {
        if (!c.windowStart.isValid()) continue;
        const QDateTime end = c.windowEnd.isValid() ? c.windowEnd : c.windowStart;
        if (!from.isValid() || c.windowStart < from) from = c.windowStart;
        if (!until.isValid() || end > until) until = end;
    }
    if (from.isValid()) {
        if (auto found = board.conflicts(ctx_.session, from, until.addSecs(60)))
            for (const changes::CalendarConflict& conflict : *found)
                for (const QString& ref : conflict.refs) conflictCount_[ref] += 1;
    }
    int waiting = 0;
    if (ctx_.session.allows(changes::permission::ChangeDecide))
        for (const changes::ChangeRequest& c : all_)
            if (changes::ChangeState::pending(c.state)) ++waiting;
    if (waiting != waiting_) {
        waiting_ = waiting;
        emit attentionChanged();
    }
}

bool ChangesPage::matches(const changes::ChangeRequest& change) const {
    const QString state = state_->currentData().toString();
    if (state == kPending) {
        if (!changes::ChangeState::pending(change.state)) return false;
    } else if (!state.isEmpty() && change.state != state) {
        return false;
    }
    const QString target = target_->currentData().toString();
    if (!target.isEmpty() && !change.targets.contains(target)) return false;
    const QString text = search_->text().trimmed();
    if (text.isEmpty()) return true;
    const QStringList fields = {change.ref, change.title, change.description, change.requestedBy, targetsText(change.targets, names_)};
    return std::any_of(fields.begin(), fields.end(), [&text](const QString& field) { return field.contains(text, Qt::CaseInsensitive); });
}

QString ChangesPage::refAt(int row) const {
    const QTableWidgetItem* item = row >= 0 ? table_->item(row, Ref) : nullptr;
    return item ? item->data(kRefRole).toString() : QString();
}

void ChangesPage::fillTable() {
    const QString keep = currentRef();
    filling_ = true;
    table_->setSortingEnabled(false);
    table_->setRowCount(0);
    for (const changes::ChangeRequest& c : all_) {
        if (!matches(c)) continue;
        const int row = table_->rowCount();
        table_->insertRow(row);
        auto* ref = readOnlyCell(c.ref);
        ref->setData(kRefRole, c.ref);
        table_->setItem(row, Ref, ref);
        auto* title = readOnlyCell(c.title);
        if (!c.description.isEmpty()) title->setToolTip(c.description.left(400));
        table_->setItem(row, Title, title);
        auto* category = readOnlyCell(changeCategoryTitle(c.category));
        if (c.category == changes::ChangeCategory::Emergency) category->setForeground(QBrush(QColor(QLatin1String(kAmber))));
        table_->setItem(row, Category, category);
        table_->setItem(row, State, readOnlyCell(changeStateTitle(c.state)));
        const qint64 startKey = c.windowStart.isValid() ? c.windowStart.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max();
        table_->setItem(row, Window, readOnlyCell(windowText(c.windowStart, c.windowEnd), QVariant::fromValue(startKey)));
        auto* targets = readOnlyCell(targetsText(c.targets, names_));
        targets->setToolTip(c.targets.join(QStringLiteral(", ")));
        table_->setItem(row, Targets, targets);
        auto* security = readOnlyCell(securityText(c));
        if (c.assessed && c.assessment.securityRelevant && c.securityApprovedBy.isEmpty()) {
            security->setForeground(QBrush(QColor(QLatin1String(kAmber))));
            security->setToolTip(tr("Sikkerhetsrelevant: venter på samtykke fra sikkerhetsansvarlig."));
        }
        table_->setItem(row, Security, security);
        const int n = conflictCount_.value(c.ref);
        auto* conflicts = readOnlyCell(QString::number(n), n);
        if (n > 0) {
            conflicts->setForeground(QBrush(QColor(QLatin1String(kWarningRed))));
            QFont bold = conflicts->font();
            bold.setBold(true);
            conflicts->setFont(bold);
        }
        conflicts->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        table_->setItem(row, Conflicts, conflicts);
    }
    table_->setSortingEnabled(true);
    count_->setText(tr("Viser %1 av %2 endringer").arg(table_->rowCount()).arg(all_.size()));
    fitColumns(table_);
    for (int row = 0; row < table_->rowCount(); ++row)
        if (!keep.isEmpty() && refAt(row) == keep) {
            table_->selectRow(row);
            break;
        }
    filling_ = false;
}

bool ChangesPage::selectChange(const QString& ref) {
    for (int row = 0; row < table_->rowCount(); ++row) {
        if (refAt(row) != ref) continue;
        table_->selectRow(row);
        table_->scrollToItem(table_->item(row, Ref));
        if (currentRef() != ref) showChange(ref);
        return current_ && current_->ref == ref;
    }
    // Not in the list as it is filtered: shown beside it all the same.
    filling_ = true;
    table_->clearSelection();
    filling_ = false;
    showChange(ref);
    return current_ && current_->ref == ref;
}

void ChangesPage::showChange(const QString& ref) {
    current_.reset();
    conflicts_.clear();
    incidentTitles_.clear();
    if (!ref.isEmpty()) {
        changes::ChangeBoard board(*ctx_.store);
        auto found = board.get(ctx_.session, ref);
        if (!found) {
            report(Status{found.error()});
        } else {
            current_ = *found;
            if (auto conflicts = board.conflictsOf(ctx_.session, ref)) conflicts_ = *conflicts;
            if (ctx_.session.allows(permission::IncidentRead))
                for (const qint64 id : current_->causedIncidents)
                    if (auto incident = IncidentStore(*ctx_.store).get(ctx_.session, id)) incidentTitles_.insert(id, incident->title);
        }
    }
    renderDetail();
    updateActions();
}

void ChangesPage::renderDetail() {
    if (!current_) {
        detail_->setHtml(QStringLiteral("<p>%1</p>").arg(tr("Velg en endring i listen for å se den.").toHtmlEscaped()));
        return;
    }
    detail_->setHtml(changeDetailHtml(*current_, conflicts_, names_, incidentTitles_));
}

void ChangesPage::updateActions() {
    const bool have = current_.has_value();
    const QString state = have ? current_->state : QString();
    const bool requests = ctx_.session.allows(changes::permission::ChangeRequest);
    const bool decides = ctx_.session.allows(changes::permission::ChangeDecide);
    const bool waiting = have && changes::ChangeState::pending(state);
    const bool approved = state == changes::ChangeState::Approved || state == changes::ChangeState::Scheduled;

    new_->setEnabled(requests);
    new_->setToolTip(requests ? tr("Meld en ny endring (Ctrl+N).") : tr("Rollen din kan ikke melde endringer."));

    assess_->setEnabled(requests && waiting);
    assess_->setToolTip(!requests ? tr("Rollen din kan ikke vurdere endringer.")
                        : !have   ? QString()
                        : !waiting ? tr("Bare endringer som venter på rådet, vurderes.")
                                   : tr("Vurder sikkerheten: STRIDE, sannsynlighet og konsekvens."));

    decide_->setEnabled(decides && waiting);
    const QString hint = have ? securityApprovalHint(*current_, ctx_.session) : QString();
    decide_->setToolTip(!decides                 ? tr("Bare endringsrådet beslutter endringer.")
                        : !have                  ? QString()
                        : !waiting               ? tr("Endringen er allerede besluttet.")
                        : !hint.isEmpty()        ? hint
                        : !current_->assessed    ? tr("Endringen er ikke vurdert ennå.")
                                                 : tr("Godkjenn, avvis eller utsett endringen."));

    schedule_->setEnabled((requests || decides) && approved);
    schedule_->setToolTip(!(requests || decides) ? tr("Rollen din kan ikke planlegge endringer.")
                          : !have                ? QString()
                          : !approved            ? tr("Bare godkjente endringer planlegges.")
                                                 : tr("Sett vinduet endringen gjøres i."));
    implement_->setEnabled(requests && approved);
    implement_->setToolTip(!requests  ? tr("Rollen din kan ikke føre endringer som gjennomført.")
                           : !have    ? QString()
                           : !approved ? tr("Bare godkjente eller planlagte endringer kan føres som gjennomført.")
                                       : tr("Før når endringen ble gjennomført."));
    const bool implemented = state == changes::ChangeState::Implemented;
    review_->setEnabled(requests && implemented);
    review_->setToolTip(!requests     ? tr("Rollen din kan ikke evaluere endringer.")
                        : !have       ? QString()
                        : !implemented ? tr("Endringen evalueres når den er gjennomført.")
                                       : tr("Før resultatet og koble hendelser endringen forårsaket."));
}

// ---- Changing

bool ChangesPage::report(const Status& s, const QString& done) {
    return showOutcome(message_, s, done);
}

bool ChangesPage::noChange() {
    message_->setText(tr("Velg en endring i listen først."));
    message_->setStyleSheet(QStringLiteral("color: %1").arg(QLatin1String(kWarningRed)));
    return false;
}

void ChangesPage::afterChange(const QString& ref) {
    loadChanges();
    fillTable();
    selectChange(ref);
    calendar_->reload();
    meeting_->reload();
}

namespace {
// "Den har 2 konflikter i kalenderen: se detaljene." after a change is saved or planned.
QString conflictNote(const QList<changes::CalendarConflict>& conflicts) {
    if (conflicts.isEmpty()) return {};
    return QStringLiteral(" ") + ChangesPage::tr("Den har konflikter i kalenderen (%1): se detaljene.").arg(conflicts.size());
}
}  // namespace

std::optional<QString> ChangesPage::createChange(const changes::NewChange& change) {
    auto added = changes::ChangeBoard(*ctx_.store).add(ctx_.session, change);
    if (!added) {
        report(Status{added.error()});
        return std::nullopt;
    }
    const QString ref = *added;
    afterChange(ref);
    report(Status{}, tr("Endring %1 er registrert.").arg(ref) + conflictNote(conflicts_));
    return ref;
}

bool ChangesPage::assessCurrent(const changes::SecurityAssessment& assessment) {
    if (!current_) return noChange();
    const QString ref = current_->ref;
    if (!report(changes::ChangeBoard(*ctx_.store).assess(ctx_.session, ref, assessment))) return false;
    afterChange(ref);
    report(Status{}, assessment.securityRelevant ? tr("%1 er vurdert som sikkerhetsrelevant: sikkerhetsansvarlig må godkjenne den.").arg(ref)
                                                 : tr("%1 er vurdert.").arg(ref));
    return true;
}

bool ChangesPage::decideCurrent(const QString& decision, const QString& note, const QString& conditions) {
    if (!current_) return noChange();
    const QString ref = current_->ref;
    if (!report(changes::ChangeBoard(*ctx_.store).decide(ctx_.session, ref, decision, note, conditions))) return false;
    afterChange(ref);
    QString done = tr("%1: %2.").arg(ref, decisionTitle(decision));
    if (current_ && current_->ref == ref) {
        if (decision == changes::Decision::Approve && current_->state == changes::ChangeState::Approved && current_->reviewTasks > 0)
            done += QStringLiteral(" ") + tr("Oppgaver for ROS-gjennomgang er opprettet: %1.").arg(current_->reviewTasks);
        // The security officer's consent may be recorded without the board's approval yet.
        if (decision == changes::Decision::Approve && current_->state != changes::ChangeState::Approved &&
            current_->state != changes::ChangeState::Scheduled && !current_->securityApprovedBy.isEmpty())
            done = tr("%1: sikkerhetsansvarlig har samtykket; endringen venter på rådets godkjenning.").arg(ref);
    }
    report(Status{}, done);
    return true;
}

bool ChangesPage::scheduleCurrent(const QDateTime& start, const QDateTime& end) {
    if (!current_) return noChange();
    const QString ref = current_->ref;
    if (!report(changes::ChangeBoard(*ctx_.store).schedule(ctx_.session, ref, start, end))) return false;
    afterChange(ref);
    report(Status{}, tr("%1 er planlagt %2.").arg(ref, windowText(start, end)) + conflictNote(conflicts_));
    return true;
}

bool ChangesPage::implementCurrent(const QDateTime& at) {
    if (!current_) return noChange();
    const QString ref = current_->ref;
    if (!report(changes::ChangeBoard(*ctx_.store).implement(ctx_.session, ref, at))) return false;
    afterChange(ref);
    report(Status{}, tr("%1 er ført som gjennomført %2.").arg(ref, formatDateTime(at)));
    return true;
}

bool ChangesPage::reviewCurrent(const QString& outcome, const QString& note, const QList<qint64>& causedIncidents) {
    if (!current_) return noChange();
    const QString ref = current_->ref;
    if (!report(changes::ChangeBoard(*ctx_.store).review(ctx_.session, ref, outcome, note, causedIncidents))) return false;
    afterChange(ref);
    QString done = tr("%1 er evaluert: %2.").arg(ref, outcomeTitle(outcome));
    if (!causedIncidents.isEmpty()) done += QStringLiteral(" ") + tr("Hendelser koblet til endringen: %1.").arg(causedIncidents.size());
    report(Status{}, done);
    return true;
}

// ---- Dialogs

NewChangeDialog* ChangesPage::newChangeDialog() {
    changes::ChangeBoard board(*ctx_.store);
    QList<changes::StandardTemplate> templates;
    if (auto found = board.templates(ctx_.session)) templates = *found;
    QList<changes::Freeze> freezes;
    if (auto found = board.freezes(ctx_.session)) freezes = *found;
    auto* d = new NewChangeDialog(targets_, templates, freezes, ctx_.store->clock().now(), this);
    d->setSubmit([this, d]() -> QString { return createChange(d->newChange()) ? QString() : message(); });
    return d;
}

AssessDialog* ChangesPage::assessDialog() {
    auto* d = new AssessDialog(current_ && current_->assessed ? current_->assessment : changes::SecurityAssessment(), this);
    if (current_) d->setWindowTitle(tr("Sikkerhetsvurdering av %1").arg(current_->ref));
    d->setSubmit([this, d] { return assessCurrent(d->assessment()) ? QString() : message(); });
    return d;
}

DecideDialog* ChangesPage::decideDialog() {
    const changes::ChangeRequest change = current_ ? *current_ : changes::ChangeRequest();
    auto* d = new DecideDialog(change, current_ ? securityApprovalHint(*current_, ctx_.session) : QString(), this);
    d->setSubmit([this, d] { return decideCurrent(d->decision(), d->note(), d->conditions()) ? QString() : message(); });
    return d;
}

WindowDialog* ChangesPage::scheduleDialog() {
    auto* d = new WindowDialog(current_ ? current_->windowStart : QDateTime(), current_ ? current_->windowEnd : QDateTime(),
                               ctx_.store->clock().now(), this);
    if (current_) d->setWindowTitle(tr("Planlegg %1").arg(current_->ref));
    d->setSubmit([this, d] { return scheduleCurrent(d->start(), d->end()) ? QString() : message(); });
    return d;
}

ImplementDialog* ChangesPage::implementDialog() {
    auto* d = new ImplementDialog(current_ ? current_->windowStart : QDateTime(), ctx_.store->clock().now(), this);
    if (current_) d->setWindowTitle(tr("%1 er gjennomført").arg(current_->ref));
    d->setSubmit([this, d] { return implementCurrent(d->at()) ? QString() : message(); });
    return d;
}

ReviewDialog* ChangesPage::reviewDialog() {
    QList<std::pair<qint64, QString>> candidates;
    if (current_) {
        auto ids = changes::ChangeBoard(*ctx_.store).candidateIncidents(ctx_.session, current_->ref);
        if (!ids) {
            report(Status{ids.error()});
        } else {
            const bool readsIncidents = ctx_.session.allows(permission::IncidentRead);
            for (const qint64 id : *ids) {
                QString text = tr("Hendelse %1").arg(id);
                if (readsIncidents)
                    if (auto incident = IncidentStore(*ctx_.store).get(ctx_.session, id))
                        text = tr("Hendelse %1: %2 (%3, opprettet %4)").arg(QString::number(id), incident->title, incident->priority, formatDateTime(incident->openedAt));
                candidates.emplaceBack(id, text);
            }
        }
    }
    auto* d = new ReviewDialog(candidates, this);
    if (current_) d->setWindowTitle(tr("Evaluer %1").arg(current_->ref));
    d->setSubmit([this, d] { return reviewCurrent(d->outcome(), d->note(), d->causedIncidents()) ? QString() : message(); });
    return d;
}

int ChangesPage::runDialog(CaseDialog* dialog) {
    return runOwned(dialog);
}

void ChangesPage::openNewChange() {
    if (!new_->isEnabled()) return;
    runDialog(newChangeDialog());
}

void ChangesPage::openAssess() {
    if (current_ && assess_->isEnabled()) runDialog(assessDialog());
}

void ChangesPage::openDecide() {
    if (current_ && decide_->isEnabled()) runDialog(decideDialog());
}

void ChangesPage::openSchedule() {
    if (current_ && schedule_->isEnabled()) runDialog(scheduleDialog());
}

void ChangesPage::openImplement() {
    if (current_ && implement_->isEnabled()) runDialog(implementDialog());
}

void ChangesPage::openReview() {
    if (current_ && review_->isEnabled()) runDialog(reviewDialog());
}

}  // namespace vakt::desktop
