#include "desktop/incidents/incidents_page.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelection>
#include <QItemSelectionModel>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <memory>

#include "changes/change_board.h"
#include "core/catalog_service.h"
#include "core/organisation_service.h"
#include "core/user_service.h"
#include "desktop/incidents/incident_model.h"
#include "desktop/shell/formatting.h"
#include "desktop/shell/tables.h"
#include "riskmodel/register.h"
#include "servicedesk/desk_service.h"

namespace vakt::desktop {

namespace {

// The state filter's choice for every case that is not resolved or closed.
const QString kOpenCases = QStringLiteral("*open");

QString sourceTitle(const QString& source) {
    if (source == QLatin1String("desk")) return IncidentsPage::tr("Brukerstøtte");
    if (source == QLatin1String("monitoring")) return IncidentsPage::tr("Overvåkingen (vakt-collector)");
    if (source == QLatin1String("audit")) return IncidentsPage::tr("Revisjonsloggen (deteksjonsregel)");
    if (source == QLatin1String("freshdesk")) return IncidentsPage::tr("Freshdesk (importert)");
    return source;
}

QString linkKindTitle(const QString& kind) {
    if (kind == IncidentLink::Service) return IncidentsPage::tr("Tjeneste");
    if (kind == IncidentLink::Change) return IncidentsPage::tr("Endring");
    if (kind == IncidentLink::Organisation) return IncidentsPage::tr("Virksomhet");
    return kind;
}

QString orgKindTitle(const QString& kind) {
    if (kind == OrgKind::Kommune) return IncidentsPage::tr("Kommune");
    if (kind == OrgKind::Fylkeskommune) return IncidentsPage::tr("Fylkeskommune");
    if (kind == OrgKind::PlatformOperator) return IncidentsPage::tr("Plattformoperatør");
    if (kind == OrgKind::HostingProvider) return IncidentsPage::tr("Driftsleverandør");
    if (kind == OrgKind::Vendor) return IncidentsPage::tr("Leverandør");
    if (kind == OrgKind::StateAgency) return IncidentsPage::tr("Statlig virksomhet");
    if (kind == OrgKind::NationalComponent) return IncidentsPage::tr("Nasjonal felleskomponent");
    return kind;
}

QString oneActionTitle(const QString& action) {
    if (action == QLatin1String("created")) return IncidentsPage::tr("Opprettet");
    if (action == QLatin1String("opened")) return IncidentsPage::tr("Åpnet av en regel");
    if (action == QLatin1String("acknowledged")) return IncidentsPage::tr("Tatt");
    if (action == QLatin1String("state")) return IncidentsPage::tr("Ny status");
    if (action == QLatin1String("priority")) return IncidentsPage::tr("Ny prioritet");
    if (action == QLatin1String("kind")) return IncidentsPage::tr("Ny type");
    if (action == QLatin1String("assigned")) return IncidentsPage::tr("Tildelt");
    if (action == QLatin1String("linked")) return IncidentsPage::tr("Koblet til");
    if (action == QLatin1String("unlinked")) return IncidentsPage::tr("Kobling fjernet");
    if (action == QLatin1String("note")) return IncidentsPage::tr("Notat");
    if (action == QLatin1String("closed")) return IncidentsPage::tr("Lukket");
    if (action == QLatin1String("cleared")) return IncidentsPage::tr("Løst av seg selv (tilstanden er over)");
    if (action == QLatin1String("on_call")) return IncidentsPage::tr("Tildelt beredskapsvakten");
    if (action == QLatin1String("authority_notified")) return IncidentsPage::tr("Meldt til Datatilsynet");
    if (action == QLatin1String("title")) return IncidentsPage::tr("Ny tittel");
    if (action == QLatin1String("description")) return IncidentsPage::tr("Ny beskrivelse");
    if (action == QLatin1String("reporter")) return IncidentsPage::tr("Ny meldende virksomhet");
    if (action == QLatin1String("waiting_on")) return IncidentsPage::tr("Venter nå på en annen");
    return action;
}

QString red(const QString& html) { return QStringLiteral("<span style='color:%1'><b>%2</b></span>").arg(QLatin1String(kWarningRed), html); }

}  // namespace

QString timelineActionTitle(const QString& action) {
    QStringList titles;
    for (const QString& code : action.split(QLatin1Char(','), Qt::SkipEmptyParts)) titles << oneActionTitle(code.trimmed());
    return titles.join(QStringLiteral(", "));
}

IncidentsPage::IncidentsPage(AppContext& context, QWidget* parent) : Page(parent), ctx_(context) {
    setObjectName(QStringLiteral("incidentsPage"));
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(QStringLiteral("<h2>%1</h2>").arg(tr("Hendelser")), this));
    top->addStretch(1);
    new_ = new QPushButton(tr("Ny hendelse"), this);
    new_->setObjectName(QStringLiteral("newIncident"));
    new_->setShortcut(QKeySequence(QKeySequence::New));
    new_->setToolTip(tr("Registrer en ny sak (Ctrl+N)."));
    top->addWidget(new_);
    layout->addLayout(top);
    message_ = new QLabel(this);
    message_->setObjectName(QStringLiteral("incidentMessage"));
    message_->setWordWrap(true);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(message_);

    auto* body = new QWidget(this);
    auto* bodyLayout = new QVBoxLayout(body);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(body, 1);

    // ---- Filters
    auto* filters = new QHBoxLayout;
    queue_ = new QComboBox(body);
    queue_->setObjectName(QStringLiteral("queueFilter"));
    queue_->addItem(tr("Alle"), QString());
    for (const QString& q : IncidentQueue::all()) queue_->addItem(incidentQueueTitle(q), q);
    state_ = new QComboBox(body);
    state_->setObjectName(QStringLiteral("stateFilter"));
    state_->addItem(tr("Åpne"), kOpenCases);
    for (const QString& s : IncidentState::all()) state_->addItem(incidentStateTitle(s), s);
    state_->addItem(tr("Alle"), QString());
    priority_ = new QComboBox(body);
    priority_->setObjectName(QStringLiteral("priorityFilter"));
    priority_->addItem(tr("Alle"), QString());
    for (const QString& p : incidentPriorities()) priority_->addItem(p, p);
    kind_ = new QComboBox(body);
    kind_->setObjectName(QStringLiteral("kindFilter"));
    kind_->addItem(tr("Alle"), QString());
    for (const QString& k : IncidentKind::all()) kind_->addItem(incidentKindTitle(k), k);
    overdue_ = new QCheckBox(tr("Bare forfalte"), body);
    overdue_->setObjectName(QStringLiteral("overdueOnly"));
    overdue_->setToolTip(tr("Åpne saker der svarfristen eller løsningsfristen er passert."));
    mine_ = new QCheckBox(tr("Mine"), body);
    mine_->setObjectName(QStringLiteral("mineOnly"));
    mine_->setToolTip(tr("Saker tildelt deg (%1).").arg(ctx_.session.username));
    search_ = new QLineEdit(body);
    search_->setObjectName(QStringLiteral("incidentSearch"));
    search_->setPlaceholderText(tr("Søk i tittel, beskrivelse eller ekstern referanse"));
    search_->setClearButtonEnabled(true);
    filters->addWidget(new QLabel(tr("Kø:"), body));
    filters->addWidget(queue_);
    filters->addWidget(new QLabel(tr("Status:"), body));
    filters->addWidget(state_);
    filters->addWidget(new QLabel(tr("Prioritet:"), body));
    filters->addWidget(priority_);
    filters->addWidget(new QLabel(tr("Type:"), body));
    filters->addWidget(kind_);
    filters->addWidget(overdue_);
    filters->addWidget(mine_);
    filters->addWidget(search_, 1);
    bodyLayout->addLayout(filters);

    auto* split = new QSplitter(Qt::Horizontal, body);
    split->setObjectName(QStringLiteral("incidentSplit"));
    bodyLayout->addWidget(split, 1);

    // ---- The queue
    auto* left = new QWidget(split);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    count_ = new QLabel(left);
    count_->setObjectName(QStringLiteral("incidentCount"));
    leftLayout->addWidget(count_);
    model_ = new IncidentModel(ctx_, this);
    table_ = new QTableView(left);
    table_->setObjectName(QStringLiteral("incidentTable"));
    table_->setModel(model_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setTabKeyNavigation(false);
    table_->setWordWrap(false);
    table_->setSortingEnabled(false);  // the store orders the queue: open, priority, deadline
    table_->verticalHeader()->hide();
    // Fixed row heights: the view never measures every row of a long queue.
    table_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table_->horizontalHeader()->setStretchLastSection(true);
    rememberHeader(table_->horizontalHeader(), QStringLiteral("incidents"));
    leftLayout->addWidget(table_, 1);
    auto* bulk = new QHBoxLayout;
    selection_ = new QLabel(left);
    selection_->setObjectName(QStringLiteral("incidentSelection"));
    bulk->addWidget(selection_, 1);
    bulkAssign_ = new QPushButton(tr("Tildel valgte …"), left);
    bulkAssign_->setObjectName(QStringLiteral("bulkAssign"));
    bulkState_ = new QPushButton(tr("Status for valgte …"), left);
    bulkState_->setObjectName(QStringLiteral("bulkState"));
    bulkPriority_ = new QPushButton(tr("Prioritet for valgte …"), left);
    bulkPriority_->setObjectName(QStringLiteral("bulkPriority"));
    for (QPushButton* b : {bulkAssign_, bulkState_, bulkPriority_}) {
        b->setToolTip(tr("Gjelder alle sakene som er valgt i listen (Ctrl- eller Shift-klikk for å velge flere), én og én."));
        bulk->addWidget(b);
    }
    leftLayout->addLayout(bulk);

    // ---- The shown case
    auto* right = new QWidget(split);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    detail_ = new QTextBrowser(right);
    detail_->setObjectName(QStringLiteral("incidentDetail"));
    detail_->setOpenLinks(false);
    rightLayout->addWidget(detail_, 3);
    breach_ = new QLabel(right);
    breach_->setObjectName(QStringLiteral("breachClock"));
    breach_->setWordWrap(true);
    breach_->setTextFormat(Qt::RichText);
    breach_->hide();
    rightLayout->addWidget(breach_);
    auto* actions = new QGridLayout;
    changeState_ = new QPushButton(tr("Endre status …"), right);
    changeState_->setObjectName(QStringLiteral("changeState"));
    changePriority_ = new QPushButton(tr("Endre prioritet …"), right);
    changePriority_->setObjectName(QStringLiteral("changePriority"));
    assign_ = new QPushButton(tr("Tildel …"), right);
    assign_->setObjectName(QStringLiteral("assignIncident"));
    note_ = new QPushButton(tr("Notat …"), right);
    note_->setObjectName(QStringLiteral("addNote"));
    escalate_ = new QPushButton(tr("Eskaler til sikkerhet"), right);
    escalate_->setObjectName(QStringLiteral("escalateIncident"));
    notifyAuthority_ = new QPushButton(tr("Meld til Datatilsynet …"), right);
    notifyAuthority_->setObjectName(QStringLiteral("notifyAuthority"));
    writeNotices_ = new QPushButton(tr("Varsle berørte …"), right);
    writeNotices_->setObjectName(QStringLiteral("writeNotices"));
    writeNotices_->setToolTip(tr("Skriv et varsel (e-postfil) til hver virksomhet med avtale på sakens tjenester."));
    actions->addWidget(changeState_, 0, 0);
    actions->addWidget(changePriority_, 0, 1);
    actions->addWidget(assign_, 0, 2);
    actions->addWidget(note_, 0, 3);
    actions->addWidget(escalate_, 1, 0);
    actions->addWidget(notifyAuthority_, 1, 1);
    actions->addWidget(writeNotices_, 1, 2);
    rightLayout->addLayout(actions);
    detailTabs_ = new QTabWidget(right);
    detailTabs_->setObjectName(QStringLiteral("incidentDetailTabs"));
    timeline_ = readOnlyTable(QStringLiteral("timeline"), {tr("Tidspunkt"), tr("Av"), tr("Hva"), tr("Tekst")}, detailTabs_, true);
    detailTabs_->addTab(timeline_, tr("Tidslinje"));
    auto* partiesBox = new QWidget(detailTabs_);
    auto* partiesLayout = new QVBoxLayout(partiesBox);
    partiesState_ = new QLabel(partiesBox);
    partiesState_->setObjectName(QStringLiteral("affectedPartiesState"));
    partiesState_->setWordWrap(true);
    partiesLayout->addWidget(partiesState_);
    parties_ = readOnlyTable(QStringLiteral("affectedParties"), {tr("Virksomhet"), tr("Orgnr."), tr("Type"), tr("Tjenester"), tr("Varslet")}, partiesBox, true);
    partiesLayout->addWidget(parties_, 1);
    detailTabs_->addTab(partiesBox, tr("Berørte virksomheter"));
    rightLayout->addWidget(detailTabs_, 2);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({900, 560});

    searchDelay_ = new QTimer(this);
    searchDelay_->setSingleShot(true);
    searchDelay_->setInterval(250);
    updateActions();
    updateSelection();
    if (!ctx_.session.allows(permission::IncidentRead)) {
        body->hide();
        new_->hide();
        message_->setText(tr("Rollen din (%1) har ikke tilgang til hendelsene.").arg(roleTitle(ctx_.session.role)));
        return;
    }

    connect(searchDelay_, &QTimer::timeout, this, &IncidentsPage::applyFilters);
    connect(search_, &QLineEdit::textChanged, searchDelay_, qOverload<>(&QTimer::start));
    connect(search_, &QLineEdit::returnPressed, this, &IncidentsPage::applyFilters);
    for (QComboBox* box : {queue_, state_, priority_, kind_}) connect(box, &QComboBox::currentIndexChanged, this, &IncidentsPage::applyFilters);
    for (QCheckBox* box : {overdue_, mine_}) connect(box, &QCheckBox::toggled, this, &IncidentsPage::applyFilters);
    connect(model_, &IncidentModel::totalChanged, this, [this](int n) { count_->setText(tr("%n hendelse(r)", nullptr, n)); });
    // The countdowns in the detail move on with the list's.
    connect(model_, &IncidentModel::ticked, this, &IncidentsPage::renderDetail);
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& now) {
        if (!reloading_) showCase(now.isValid() ? model_->idAt(now.row()) : 0);
    });
    connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] { updateSelection(); });
    connect(new_, &QPushButton::clicked, this, &IncidentsPage::openNewIncident);
    connect(changeState_, &QPushButton::clicked, this, &IncidentsPage::openChangeState);
    connect(changePriority_, &QPushButton::clicked, this, &IncidentsPage::openChangePriority);
    connect(assign_, &QPushButton::clicked, this, &IncidentsPage::openAssign);
    connect(escalate_, &QPushButton::clicked, this, &IncidentsPage::openEscalate);
    connect(note_, &QPushButton::clicked, this, &IncidentsPage::openNote);
    connect(notifyAuthority_, &QPushButton::clicked, this, &IncidentsPage::openNotifyAuthority);
    connect(writeNotices_, &QPushButton::clicked, this, &IncidentsPage::openWriteNotices);
    connect(bulkAssign_, &QPushButton::clicked, this, &IncidentsPage::openBulkAssign);
    connect(bulkState_, &QPushButton::clicked, this, &IncidentsPage::openBulkState);
    connect(bulkPriority_, &QPushButton::clicked, this, &IncidentsPage::openBulkPriority);

    new_->setEnabled(ctx_.session.allows(permission::IncidentWrite));
    if (!new_->isEnabled()) new_->setToolTip(tr("Rollen din kan ikke registrere saker."));
    loadChoices();
    reloadQueue(true);
    countMine();
}

// ---- Reading

void IncidentsPage::refresh() {
    if (!ctx_.session.allows(permission::IncidentRead)) return;
    loadChoices();
    reloadQueue(false);
    countMine();
}

void IncidentsPage::focusSearch() {
    if (!ctx_.session.allows(permission::IncidentRead)) return;
    search_->setFocus();
    search_->selectAll();
}

void IncidentsPage::prepareScreenshot() {
    if (!ctx_.session.allows(permission::IncidentRead)) return;
    if (!current_ && model_->rowCount() > 0) selectRows({0});
}

void IncidentsPage::showItems(const QString& which) {
    if (!ctx_.session.allows(permission::IncidentRead)) return;
    QString view = which.trimmed();
    if (view.startsWith(QLatin1Char('#'))) view = view.mid(1);
    bool isNumber = false;
    const qint64 id = view.toLongLong(&isNumber);
    if (isNumber) {
        selectIncident(id);
        return;
    }
    {
        const QSignalBlocker a(queue_), b(state_), c(priority_), d(kind_), e(overdue_), f(mine_);
        if (IncidentQueue::all().contains(view)) queue_->setCurrentIndex(std::max(0, queue_->findData(view)));
        else if (view == QLatin1String("overdue")) overdue_->setChecked(true);
        else if (view == QLatin1String("mine")) mine_->setChecked(true);
        else if (view == QLatin1String("breach")) kind_->setCurrentIndex(std::max(0, kind_->findData(IncidentKind::Breach)));
        else if (view == QLatin1String("open")) state_->setCurrentIndex(std::max(0, state_->findData(kOpenCases)));
        else return;
    }
    applyFilters();
}

int IncidentsPage::total() const { return model_->total(); }

QString IncidentsPage::message() const { return message_->text(); }

IncidentFilter IncidentsPage::filterFromControls() const {
    IncidentFilter f;
    f.queue = queue_->currentData().toString();
    const QString state = state_->currentData().toString();
    if (state == kOpenCases) f.openOnly = true;
    else if (!state.isEmpty()) f.states << state;
    if (const QString p = priority_->currentData().toString(); !p.isEmpty()) f.priorities << p;
    if (const QString k = kind_->currentData().toString(); !k.isEmpty()) f.kinds << k;
    f.overdueOnly = overdue_->isChecked();
    if (mine_->isChecked()) f.assignee = ctx_.session.username;
    f.text = search_->text().trimmed();
    return f;
}

void IncidentsPage::applyFilters() {
    searchDelay_->stop();
    reloadQueue(true);
}

void IncidentsPage::reloadQueue(bool newFilter) {
    const qint64 keep = currentId();
    reloading_ = true;
    const bool ok = newFilter ? model_->setFilter(filterFromControls()) : model_->reload();
    reloading_ = false;
    if (!ok) {
        message_->setText(tr("Kunne ikke lese hendelsene: %1").arg(model_->lastError() + QLatin1Char(' ') + model_->lastErrorDetail()));
        message_->setToolTip(model_->lastErrorDetail());
        message_->setStyleSheet(QStringLiteral("color: %1").arg(QLatin1String(kWarningRed)));
    }
    count_->setText(tr("%n hendelse(r)", nullptr, model_->total()));
    if (newFilter) fitColumns(table_);
    const int row = keep > 0 ? model_->rowOfId(keep) : -1;
    if (row >= 0) selectRows({row});
    else showCase(newFilter ? 0 : keep);  // a changed case that left the list stays shown
    updateSelection();
}

void IncidentsPage::loadChoices() {
    services_.clear();
    serviceNames_.clear();
    if (auto list = CatalogService(*ctx_.store).list(ctx_.session))
        for (const CatalogSummary& s : *list) {
            services_.emplaceBack(s.key, s.name);
            serviceNames_.insert(s.key, s.name);
        }
    organisations_.clear();
    orgNames_.clear();
    if (auto list = OrganisationService(*ctx_.store).organisations(ctx_.session))
        for (const Organisation& o : *list) {
            organisations_.emplaceBack(o.orgnr, o.name);
            orgNames_.insert(o.orgnr, o.name);
        }
    users_.clear();
    if (ctx_.session.allows(permission::UserRead))
        if (auto list = UserService(*ctx_.store).list(ctx_.session))
            for (const UserInfo& u : *list)
                if (u.active) users_.emplaceBack(u.username, u.displayName);
    const auto byName = [](const std::pair<QString, QString>& a, const std::pair<QString, QString>& b) {
        return QString::localeAwareCompare(a.second, b.second) < 0;
    };
    std::sort(services_.begin(), services_.end(), byName);
    std::sort(organisations_.begin(), organisations_.end(), byName);
    std::sort(users_.begin(), users_.end(), byName);
    model_->setServiceNames(serviceNames_);
}

void IncidentsPage::countMine() {
    IncidentFilter f;
    f.assignee = ctx_.session.username;
    f.openOnly = true;
    auto n = IncidentStore(*ctx_.store).count(ctx_.session, f);
    const int mine = n ? *n : 0;
    if (mine != assignedToMe_) {
        assignedToMe_ = mine;
        emit attentionChanged();
    }
}

QString IncidentsPage::orgName(const QString& orgnr) const {
    const QString name = orgNames_.value(orgnr);
    return name.isEmpty() ? orgnr : QStringLiteral("%1 (%2)").arg(name, orgnr);
}

QList<qint64> IncidentsPage::selectedIds() const {
    QList<int> rows;
    for (const QModelIndex& r : table_->selectionModel()->selectedRows()) rows << r.row();
    std::sort(rows.begin(), rows.end());
    QList<qint64> ids;
    for (int r : rows)
        if (const qint64 id = model_->idAt(r); id > 0) ids << id;
    return ids;
}

void IncidentsPage::selectRows(const QList<int>& rows) {
    QItemSelection chosen;
    int first = -1;
    for (int r : rows)
        if (r >= 0 && r < model_->rowCount()) {
            chosen.select(model_->index(r, 0), model_->index(r, IncidentModel::ColumnCount - 1));
            if (first < 0) first = r;
        }
    QItemSelectionModel* selection = table_->selectionModel();
    if (first < 0) {
        selection->clearSelection();
        return;
    }
    // The current row is the shown case; the selection is what a bulk change applies to.
    selection->setCurrentIndex(model_->index(first, 0), QItemSelectionModel::NoUpdate);
    selection->select(chosen, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    table_->scrollTo(model_->index(first, 0));
    // Setting the row that already was current shows nothing new: show it all the same.
    if (currentId() != model_->idAt(first)) showCase(model_->idAt(first));
}

bool IncidentsPage::selectIncident(qint64 id) {
    int row = model_->rowOfId(id);
    if (row < 0) row = model_->loadUntil(id);
    if (row >= 0) {
        selectRows({row});
        return current_ && current_->id == id;
    }
    // Not in the list as it is filtered: show it beside the list all the same.
    reloading_ = true;
    table_->selectionModel()->clear();
    reloading_ = false;
    showCase(id);
    return current_ && current_->id == id;
}

void IncidentsPage::showCase(qint64 id) {
    current_.reset();
    links_.clear();
    timeline_->setRowCount(0);
    parties_->setRowCount(0);
    partiesState_->clear();
    detailTabs_->setTabText(1, tr("Berørte virksomheter"));
    if (id > 0) {
        IncidentStore incidents(*ctx_.store);
        auto found = incidents.get(ctx_.session, id);
        if (!found) {
            report(Status{found.error()});
        } else {
            current_ = *found;
            if (auto linked = incidents.links(ctx_.session, id)) links_ = *linked;
            auto entries = incidents.timeline(ctx_.session, id);
            if (entries) fillTimeline(*entries);
            fillParties();
        }
    }
    renderDetail();
    updateActions();
}

void IncidentsPage::renderDetail() {
    if (!current_) {
        detail_->setHtml(QStringLiteral("<p>%1</p>").arg(tr("Velg en sak i listen for å se den.").toHtmlEscaped()));
        breach_->hide();
        return;
    }
    const Incident& i = *current_;
    const QDateTime now = ctx_.store->clock().now();
    const auto esc = [](const QString& text) { return text.toHtmlEscaped(); };
    QString rows;
    const auto addRow = [&rows](const QString& label, const QString& valueHtml) {
        rows += QStringLiteral("<tr><td style='padding-right:12px'><b>%1</b></td><td>%2</td></tr>").arg(label.toHtmlEscaped(), valueHtml);
    };
    addRow(tr("Type"), esc(incidentKindTitle(i.kind)));
    addRow(tr("Prioritet"), i.priority == QLatin1String("P1") ? red(esc(i.priority)) : esc(i.priority));
    addRow(tr("Status"), esc(incidentStateTitle(i.state, i.waitingOn)));
    addRow(tr("Kø"), esc(incidentQueueTitle(i.queue)));
    addRow(tr("Tildelt"), esc(i.assignee.isEmpty() ? tr("(ingen)") : i.assignee));
    addRow(tr("Kilde"), esc(sourceTitle(i.source)));
    if (!i.service.isEmpty()) addRow(tr("Tjeneste"), esc(serviceNames_.value(i.service, i.service)));
    if (!i.reporterOrgnr.isEmpty()) addRow(tr("Meldt av virksomhet"), esc(orgName(i.reporterOrgnr)));
    if (!i.reporter.isEmpty()) addRow(tr("Melder"), esc(i.reporter));
    if (!i.externalRef.isEmpty()) addRow(tr("Ekstern referanse"), esc(i.externalRef));
    addRow(tr("Opprettet"), esc(formatDateTime(i.openedAt)));
    if (i.knownAt.isValid() && i.knownAt != i.openedAt) addRow(tr("Kjent siden"), esc(formatDateTime(i.knownAt)));
    addRow(tr("Sist endret"), esc(formatDateTime(i.updatedAt)));
    if (i.acknowledgedAt.isValid())
        addRow(tr("Tatt av"), esc(tr("%1, %2: %3").arg(i.acknowledgedBy, formatDateTime(i.acknowledgedAt), i.acknowledgeNote)));
    if (i.resolvedAt.isValid() && i.status != QLatin1String("open"))
        addRow(i.state == IncidentState::Closed ? tr("Lukket") : tr("Løst"), esc(formatDateTime(i.resolvedAt)));
    if (!i.closedBy.isEmpty()) addRow(tr("Lukket av"), esc(tr("%1: %2").arg(i.closedBy, i.closeReason)));

    // Deadlines: when, and how long is left or when it was met.
    const bool open = i.status == QLatin1String("open");
    const auto deadline = [&](const QDateTime& by, const QDateTime& met) -> QString {
        if (!by.isValid()) return esc(tr("ingen"));
        const QString when = esc(formatDateTime(by));
        if (met.isValid())
            return when + QStringLiteral(" – ") + esc(met <= by ? tr("nådd %1").arg(formatDateTime(met)) : tr("nådd for sent, %1").arg(formatDateTime(met)));
        if (!open) return when;
        const qint64 left = now.secsTo(by);
        return when + QStringLiteral(" – ") + (left < 0 ? red(esc(countdownText(left))) : QStringLiteral("<b>%1</b>").arg(esc(countdownText(left))));
    };
    addRow(tr("Svarfrist"), deadline(i.respondBy, i.respondedAt));
    const bool ended = i.state == IncidentState::Resolved || i.state == IncidentState::Closed;
    addRow(tr("Løsningsfrist"), deadline(i.resolveBy, ended ? i.resolvedAt : QDateTime()));

    // Links: services, organisations and changes.
    QStringList services, organisations, changes, other;
    for (const auto& [kind, target] : links_) {
        if (kind == IncidentLink::Service) services << serviceNames_.value(target, target);
        else if (kind == IncidentLink::Organisation) organisations << orgName(target);
        else if (kind == IncidentLink::Change) changes << target;
        else other << linkKindTitle(kind) + QStringLiteral(": ") + target;
    }
    const QString none = tr("ingen");
    addRow(tr("Tjenester"), esc(services.isEmpty() ? none : services.join(QStringLiteral(", "))));
    addRow(tr("Virksomheter"), esc(organisations.isEmpty() ? none : organisations.join(QStringLiteral(", "))));
    // Changes whose review says they caused it, and the risks it is evidence for (for roles that read the register).
    if (auto caused = changes::ChangeBoard(*ctx_.store).changesOfIncident(ctx_.session, i.id); caused)
        for (const auto& ref : *caused)
            if (!changes.contains(ref)) changes << ref;
    addRow(tr("Endringer"), esc(changes.isEmpty() ? none : changes.join(QStringLiteral(", "))));
    if (ctx_.session.allows(risk::permission::RiskRead)) {
        QStringList risks;
        if (auto linked = risk::RiskService(*ctx_.store).risksOfIncident(ctx_.session, i.id); linked)
            for (const auto& [ref, title] : *linked) risks << ref + QStringLiteral(" (") + title + QLatin1Char(')');
        addRow(tr("Risikoer"), esc(risks.isEmpty() ? none : risks.join(QStringLiteral(", "))));
    }
    if (!other.isEmpty()) addRow(tr("Andre koblinger"), esc(other.join(QStringLiteral(", "))));

    const QString text = i.description.isEmpty() ? inUserLanguage(i.summary, i.summaryEn) : i.description;
    detail_->setHtml(QStringLiteral("<h3>%1</h3><table>%2</table>%3")
                         .arg(esc(tr("Sak %1: %2").arg(i.id).arg(i.title)), rows,
                              text.isEmpty() ? QString()
                                             : QStringLiteral("<h4>%1</h4><p style='white-space:pre-wrap'>%2</p>").arg(esc(tr("Beskrivelse")), esc(text))));

    // A breach's 72 hours to notify Datatilsynet (GDPR art. 33), weekends and holidays included.
    if (i.kind != IncidentKind::Breach) {
        breach_->hide();
        return;
    }
    const auto hours72 = desk::breachClock(i, now);
    QString html = QStringLiteral("<b>%1</b><br>").arg(esc(tr("Meldeplikt til Datatilsynet (72 timer)")));
    bool notified = false;
    if (!hours72) {
        html += esc(tr("Fristen kan ikke regnes ut: det er ikke kjent når bruddet ble oppdaget."));
    } else {
        notified = hours72->notified();
        html += esc(tr("Kjent: %1 · frist: %2").arg(formatDateTime(hours72->knownAt), formatDateTime(hours72->deadline))) + QStringLiteral("<br>");
        if (notified) {
            html += esc(tr("Meldt %1, referanse %2.").arg(formatDateTime(hours72->notifiedAt), i.authorityRef));
            if (hours72->notifiedAt > hours72->deadline) html += QLatin1Char(' ') + red(esc(tr("Meldt etter fristen.")));
        } else {
            const QString left = esc(tr("Igjen: %1").arg(countdownText(hours72->secondsLeft)));
            html += hours72->secondsLeft < 0 ? red(left) : QStringLiteral("<b>%1</b>").arg(left);
        }
    }
    breach_->setText(html);
    breach_->setStyleSheet(notified ? QStringLiteral("QLabel { background: #e8f5e9; color: #1b5e20; padding: 8px; border-radius: 4px }")
                                    : QStringLiteral("QLabel { background: #fdecea; color: #8a1c1c; padding: 8px; border-radius: 4px }"));
    breach_->show();
}

void IncidentsPage::fillTimeline(const QList<TimelineEntry>& entries) {
    const QString dash = QStringLiteral(" — ");
    auto textOf = [&](const TimelineEntry& e) -> QString {
        const QStringList actions = e.action.split(QLatin1Char(','), Qt::SkipEmptyParts);
        if (actions.contains(QStringLiteral("state"))) {
            // "resolved — how", "waiting:vendor — why"
            const qsizetype at = e.text.indexOf(dash);
            const QString head = at < 0 ? e.text : e.text.left(at);
            const QString rest = at < 0 ? QString() : e.text.mid(at + dash.size());
            const QString title = incidentStateTitle(head.section(QLatin1Char(':'), 0, 0), head.section(QLatin1Char(':'), 1));
            return rest.isEmpty() ? title : title + dash + rest;
        }
        if (actions.contains(QStringLiteral("linked")) || actions.contains(QStringLiteral("unlinked"))) {
            const QString kind = e.text.section(QLatin1Char(':'), 0, 0);
            const QString target = e.text.section(QLatin1Char(':'), 1);
            const QString name = kind == IncidentLink::Service        ? serviceNames_.value(target, target)
                                 : kind == IncidentLink::Organisation ? orgName(target)
                                                                      : target;
            return linkKindTitle(kind) + QStringLiteral(": ") + name;
        }
        return e.text;
    };
    for (const TimelineEntry& e : entries) {
        const int row = timeline_->rowCount();
        timeline_->insertRow(row);
        timeline_->setItem(row, 0, readOnlyCell(formatDateTime(e.at)));
        timeline_->setItem(row, 1, readOnlyCell(e.actor));
        timeline_->setItem(row, 2, readOnlyCell(timelineActionTitle(e.action)));
        auto* text = readOnlyCell(textOf(e));
        text->setToolTip(text->text());
        timeline_->setItem(row, 3, text);
    }
    fitColumns(timeline_);
    timeline_->scrollToBottom();
}

void IncidentsPage::fillParties() {
    if (!current_) return;
    auto parties = desk::DeskService(*ctx_.store).affectedParties(ctx_.session, current_->id);
    if (!parties) {
        partiesState_->setText(tr("Kunne ikke lese berørte virksomheter: %1").arg(describeError(parties.error())));
        partiesState_->setToolTip(errorDetail(parties.error()));
        return;
    }
    partiesState_->setToolTip({});
    partiesState_->setText(parties->isEmpty() ? tr("Ingen virksomhet har avtale på sakens tjenester.")
                                              : tr("Virksomhetene med avtale på sakens tjenester. «Varslet» er siste varsel om denne saken."));
    for (const desk::AffectedParty& p : *parties) {
        const int row = parties_->rowCount();
        parties_->insertRow(row);
        parties_->setItem(row, 0, readOnlyCell(p.name));
        parties_->setItem(row, 1, readOnlyCell(p.orgnr));
        parties_->setItem(row, 2, readOnlyCell(orgKindTitle(p.kind)));
        QStringList names;
        for (const QString& key : p.services) names << serviceNames_.value(key, key);
        parties_->setItem(row, 3, readOnlyCell(names.join(QStringLiteral(", "))));
        parties_->setItem(row, 4, readOnlyCell(p.notifiedAt.isValid() ? formatDateTime(p.notifiedAt) : tr("ikke varslet")));
    }
    fitColumns(parties_);
    detailTabs_->setTabText(1, tr("Berørte virksomheter (%1)").arg(parties->size()));
}

void IncidentsPage::updateActions() {
    const bool have = current_.has_value();
    const bool closed = have && current_->state == IncidentState::Closed;
    const bool securityCase = have && (IncidentKind::isSecurity(current_->kind) || current_->source == QLatin1String("audit"));
    const bool handles = ctx_.session.allows(permission::IncidentHandle);
    const bool handlesSecurity = ctx_.session.allows(permission::IncidentHandleSecurity);
    const bool mayHandle = handles && (!securityCase || handlesSecurity);
    const QString why = !have                      ? QString()
                        : !handles                 ? tr("Rollen din kan ikke endre saker.")
                        : securityCase && !mayHandle ? tr("Sikkerhetshendelser og personvernbrudd håndteres av sikkerhetsansvarlig.")
                        : closed                   ? tr("Saken er lukket og kan ikke endres.")
                                                   : QString();
    for (QPushButton* b : {changeState_, changePriority_, assign_, note_}) {
        b->setEnabled(have && mayHandle && !closed);
        b->setToolTip(why);
    }
    const bool escalates = have && mayHandle && !closed && !IncidentKind::isSecurity(current_->kind);
    escalate_->setEnabled(escalates);
    escalate_->setToolTip(escalates ? tr("Gjør saken til en sikkerhetshendelse: den går til sikkerhetsansvarlig.")
                          : have && IncidentKind::isSecurity(current_->kind) ? tr("Saken er allerede en sikkerhetssak.")
                                                                             : why);
    const bool breach = have && current_->kind == IncidentKind::Breach;
    notifyAuthority_->setEnabled(breach && handlesSecurity);
    notifyAuthority_->setToolTip(!have             ? QString()
                                 : !breach         ? tr("Bare personvernbrudd meldes til Datatilsynet.")
                                 : !handlesSecurity ? tr("Sikkerhetsansvarlig melder brudd til Datatilsynet.")
                                                    : tr("Før inn når Datatilsynet ble varslet, og referansen."));
    const bool notifies = ctx_.session.allows(desk::permission::DeskNotify);
    writeNotices_->setEnabled(have && notifies);
    if (!notifies) writeNotices_->setToolTip(tr("Rollen din kan ikke varsle virksomhetene."));
}

void IncidentsPage::updateSelection() {
    const auto n = selectedIds().size();
    selection_->setText(n > 1 ? tr("%1 saker valgt").arg(n) : QString());
    const bool may = ctx_.session.allows(permission::IncidentHandle);
    for (QPushButton* b : {bulkAssign_, bulkState_, bulkPriority_}) b->setEnabled(may && n > 0);
}

// ---- Changing

bool IncidentsPage::report(const Status& s, const QString& done) {
    return showOutcome(message_, s, done);
}

namespace {
bool noCase(QLabel* message) {
    message->setText(IncidentsPage::tr("Velg en sak i listen først."));
    message->setStyleSheet(QStringLiteral("color: %1").arg(QLatin1String(kWarningRed)));
    return false;
}
}  // namespace

std::optional<qint64> IncidentsPage::createIncident(const NewCase& c) {
    auto id = IncidentStore(*ctx_.store).createCase(ctx_.session, c);
    if (!id) {
        report(Status{id.error()});
        return std::nullopt;
    }
    report(Status{}, tr("Sak %1 er registrert.").arg(*id));
    reloadQueue(false);
    countMine();
    selectIncident(*id);
    return *id;
}

bool IncidentsPage::changeState(const QString& state, const QString& waitingOn, const QString& note) {
    if (!current_) return noCase(message_);
    const qint64 id = current_->id;
    CaseUpdate u;
    u.state = state;
    if (!waitingOn.isEmpty()) u.waitingOn = waitingOn;
    u.note = note;
    if (!report(IncidentStore(*ctx_.store).update(ctx_.session, id, u), tr("Sak %1: %2.").arg(id).arg(incidentStateTitle(state, waitingOn)))) return false;
    reloadQueue(false);
    countMine();
    return true;
}

bool IncidentsPage::changePriority(const QString& priority, const QString& reason) {
    if (!current_) return noCase(message_);
    const qint64 id = current_->id;
    CaseUpdate u;
    u.priority = priority;
    u.note = reason;
    if (!report(IncidentStore(*ctx_.store).update(ctx_.session, id, u), tr("Sak %1 har prioritet %2.").arg(id).arg(priority))) return false;
    reloadQueue(false);
    countMine();
    return true;
}

bool IncidentsPage::assign(const QString& username, const QString& note) {
    if (!current_) return noCase(message_);
    const qint64 id = current_->id;
    CaseUpdate u;
    u.assignee = username.trimmed();
    u.note = note;
    const QString done = username.trimmed().isEmpty() ? tr("Sak %1 er ikke lenger tildelt noen.").arg(id)
                                                      : tr("Sak %1 er tildelt %2.").arg(id).arg(username.trimmed());
    if (!report(IncidentStore(*ctx_.store).update(ctx_.session, id, u), done)) return false;
    reloadQueue(false);
    countMine();
    return true;
}

bool IncidentsPage::escalate(const QString& note) {
    if (!current_) return noCase(message_);
    const qint64 id = current_->id;
    if (note.trimmed().isEmpty()) {
        message_->setText(tr("Skriv hvorfor saken eskaleres."));
        message_->setStyleSheet(QStringLiteral("color: %1").arg(QLatin1String(kWarningRed)));
        return false;
    }
    CaseUpdate u;
    u.kind = IncidentKind::Security;
    u.note = note;
    if (!report(IncidentStore(*ctx_.store).update(ctx_.session, id, u), tr("Sak %1 er eskalert til sikkerhetsansvarlig.").arg(id))) return false;
    reloadQueue(false);
    countMine();
    return true;
}

bool IncidentsPage::addNote(const QString& text) {
    if (!current_) return noCase(message_);
    const qint64 id = current_->id;
    if (!report(IncidentStore(*ctx_.store).addNote(ctx_.session, id, text), tr("Notatet er lagt til sak %1.").arg(id))) return false;
    reloadQueue(false);
    return true;
}

bool IncidentsPage::notifyAuthority(const QDateTime& at, const QString& reference) {
    if (!current_) return noCase(message_);
    const qint64 id = current_->id;
    if (!report(IncidentStore(*ctx_.store).recordAuthorityNotification(ctx_.session, id, at, reference),
                tr("Meldingen til Datatilsynet er ført på sak %1.").arg(id)))
        return false;
    reloadQueue(false);
    return true;
}

std::optional<QStringList> IncidentsPage::writeNoticesTo(const QString& directory) {
    if (!current_) {
        noCase(message_);
        return std::nullopt;
    }
    const qint64 id = current_->id;
    auto files = desk::DeskService(*ctx_.store).writeNotices(ctx_.session, id, directory);
    if (!files) {
        report(Status{files.error()});
        return std::nullopt;
    }
    QStringList names;
    for (const QString& f : *files) names << QFileInfo(f).fileName();
    report(Status{}, files->isEmpty() ? tr("Ingen virksomheter å varsle: ingen har avtale på sakens tjenester.")
                                      : tr("Varsler skrevet i %1: %2").arg(QDir::toNativeSeparators(directory), names.join(QStringLiteral(", "))));
    showCase(id);  // the notified times and the timeline
    return *files;
}

BulkResult IncidentsPage::applyToCases(const QList<qint64>& ids, const CaseUpdate& change) {
    BulkResult result;
    result.total = static_cast<int>(ids.size());
    IncidentStore incidents(*ctx_.store);
    for (const qint64 id : ids) {
        const Status s = incidents.update(ctx_.session, id, change);
        if (s) ++result.succeeded;
        else result.failures.emplaceBack(id, describeError(s.error()) + QLatin1Char(' ') + errorDetail(s.error()));
    }
    const qint64 shown = currentId();
    reloadQueue(false);
    // The same cases stay selected, the shown one first.
    QList<int> rows;
    for (const qint64 id : ids)
        if (const int row = model_->rowOfId(id); row >= 0) {
            if (id == shown) rows.prepend(row);
            else rows.append(row);
        }
    if (!rows.isEmpty()) selectRows(rows);
    countMine();
    return result;
}

void IncidentsPage::reportBulk(const BulkResult& result, const QString& what) {
    QString text = tr("%1: %2 av %3 saker endret.").arg(what).arg(result.succeeded).arg(result.total);
    QStringList lines;
    for (const auto& [id, reason] : result.failures) lines << tr("Sak %1: %2").arg(id).arg(reason);
    if (!lines.isEmpty()) text += QLatin1Char('\n') + tr("Ikke endret:") + QLatin1Char('\n') + lines.join(QLatin1Char('\n'));
    message_->setText(text);
    message_->setToolTip(lines.join(QLatin1Char('\n')));
    message_->setStyleSheet(lines.isEmpty() ? QString() : QStringLiteral("color: %1").arg(QLatin1String(kWarningRed)));
    lastBulkFailed_ = !lines.isEmpty();
}

// ---- Dialogs

NewIncidentDialog* IncidentsPage::newIncidentDialog() {
    auto* d = new NewIncidentDialog(services_, organisations_, this);
    d->setSubmit([this, d] { return createIncident(d->newCase()) ? QString() : message(); });
    return d;
}

StateDialog* IncidentsPage::stateDialog(bool bulk) {
    const bool one = !bulk && current_;
    auto* d = new StateDialog(one ? current_->state : QString(), one ? current_->waitingOn : QString(), this);
    if (bulk) {
        d->setWindowTitle(tr("Endre status på valgte saker (%1)").arg(selectedIds().size()));
        d->setSubmit([this, d] {
            CaseUpdate u;
            u.state = d->state();
            if (!d->waitingOn().isEmpty()) u.waitingOn = d->waitingOn();
            u.note = d->note();
            reportBulk(applyToSelected(u), tr("Status %1").arg(incidentStateTitle(d->state(), d->waitingOn())));
            return QString();
        });
    } else {
        d->setSubmit([this, d] { return changeState(d->state(), d->waitingOn(), d->note()) ? QString() : message(); });
    }
    return d;
}

PriorityDialog* IncidentsPage::priorityDialog(bool bulk) {
    auto* d = new PriorityDialog(!bulk && current_ ? current_->priority : QString(), this);
    if (bulk) {
        d->setWindowTitle(tr("Endre prioritet på valgte saker (%1)").arg(selectedIds().size()));
        d->setSubmit([this, d] {
            CaseUpdate u;
            u.priority = d->priority();
            u.note = d->note();
            reportBulk(applyToSelected(u), tr("Prioritet %1").arg(d->priority()));
            return QString();
        });
    } else {
        d->setSubmit([this, d] { return changePriority(d->priority(), d->note()) ? QString() : message(); });
    }
    return d;
}

AssignDialog* IncidentsPage::assignDialog(bool bulk) {
    auto* d = new AssignDialog(users_, !bulk && current_ ? current_->assignee : QString(), this);
    if (bulk) {
        d->setWindowTitle(tr("Tildel valgte saker (%1)").arg(selectedIds().size()));
        d->setSubmit([this, d] {
            CaseUpdate u;
            u.assignee = d->assignee();
            u.note = d->note();
            reportBulk(applyToSelected(u), d->assignee().isEmpty() ? tr("Tildeling fjernet") : tr("Tildelt %1").arg(d->assignee()));
            return QString();
        });
    } else {
        d->setSubmit([this, d] { return assign(d->assignee(), d->note()) ? QString() : message(); });
    }
    return d;
}

NoteDialog* IncidentsPage::noteDialog() {
    auto* d = new NoteDialog(QStringLiteral("noteDialog"), tr("Notat"), tr("Notatet føres i sakens tidslinje og i endringsloggen."), this);
    d->setSubmit([this, d] { return addNote(d->note()) ? QString() : message(); });
    return d;
}

NoteDialog* IncidentsPage::escalateDialog() {
    auto* d = new NoteDialog(QStringLiteral("escalateDialog"), tr("Eskaler til sikkerhet"),
                             tr("Saken blir en sikkerhetshendelse og går til sikkerhetsansvarlig. Etterpå kan bare sikkerhetsansvarlig "
                                "endre den. Hvorfor eskaleres den?"),
                             this);
    d->setSubmit([this, d] { return escalate(d->note()) ? QString() : message(); });
    return d;
}

AuthorityDialog* IncidentsPage::authorityDialog() {
    const QDateTime now = ctx_.store->clock().now();
    auto* d = new AuthorityDialog(current_ ? current_->knownAt : QDateTime(), now, this);
    if (current_ && current_->authorityNotifiedAt.isValid()) {
        d->setAt(current_->authorityNotifiedAt);
        d->setReference(current_->authorityRef);
    }
    d->setSubmit([this, d] { return notifyAuthority(d->at(), d->reference()) ? QString() : message(); });
    return d;
}

int IncidentsPage::runDialog(CaseDialog* dialog) {
    return runOwned(dialog);
}

void IncidentsPage::openNewIncident() {
    if (!new_->isEnabled()) return;
    runDialog(newIncidentDialog());
}

void IncidentsPage::openChangeState() {
    if (current_) runDialog(stateDialog());
}

void IncidentsPage::openChangePriority() {
    if (current_) runDialog(priorityDialog());
}

void IncidentsPage::openAssign() {
    if (current_) runDialog(assignDialog());
}

void IncidentsPage::openEscalate() {
    if (current_) runDialog(escalateDialog());
}

void IncidentsPage::openNote() {
    if (current_) runDialog(noteDialog());
}

void IncidentsPage::openNotifyAuthority() {
    if (current_) runDialog(authorityDialog());
}

namespace {
// The summary of a bulk change in a box that does not wait for an answer.
void showBulkSummary(QWidget* parent, const QString& text, bool failed) {
    auto* box = new QMessageBox(failed ? QMessageBox::Warning : QMessageBox::Information, IncidentsPage::tr("Endring av flere saker"), text, QMessageBox::Ok, parent);
    box->setObjectName(QStringLiteral("bulkSummary"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}
}  // namespace

void IncidentsPage::openBulkState() {
    if (selectedIds().isEmpty()) return;
    if (runDialog(stateDialog(true)) == QDialog::Accepted) showBulkSummary(this, message(), lastBulkFailed_);
}

void IncidentsPage::openBulkPriority() {
    if (selectedIds().isEmpty()) return;
    if (runDialog(priorityDialog(true)) == QDialog::Accepted) showBulkSummary(this, message(), lastBulkFailed_);
}

void IncidentsPage::openBulkAssign() {
    if (selectedIds().isEmpty()) return;
    if (runDialog(assignDialog(true)) == QDialog::Accepted) showBulkSummary(this, message(), lastBulkFailed_);
}

void IncidentsPage::openWriteNotices() {
    if (!current_) return;
    QSettings settings;
    const QString start = settings.value(QStringLiteral("incidents/noticeDirectory"), QDir::homePath()).toString();
    const QString directory = QFileDialog::getExistingDirectory(this, tr("Velg mappen varslene skal skrives i"), start);
    if (directory.isEmpty()) return;
    settings.setValue(QStringLiteral("incidents/noticeDirectory"), directory);
    const auto files = writeNoticesTo(directory);
    auto* box = new QMessageBox(files ? QMessageBox::Information : QMessageBox::Warning, tr("Varsle berørte"), message(), QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("noticesWritten"));
    if (files && !files->isEmpty()) box->setDetailedText(files->join(QLatin1Char('\n')));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

}  // namespace vakt::desktop
