#include "desktop/councils/councils_page.h"

#include <QBrush>
#include <QCheckBox>
#include <QColor>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFont>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QSet>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>

#include "core/catalog_service.h"
#include "core/civil_time.h"
#include "core/organisation_service.h"
#include "desktop/councils/council_names.h"
#include "desktop/shell/formatting.h"
#include "desktop/shell/tables.h"

namespace vakt::desktop {

namespace {
constexpr int kKeyRole = Qt::UserRole + 1;

QString html(const QString& text) { return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")); }

QPushButton* button(const QString& text, const QString& objectName, QWidget* parent) {
    auto* b = new QPushButton(text, parent);
    b->setObjectName(objectName);
    return b;
}

QTableWidgetItem* keyed(const QString& text, const QVariant& key, const QVariant& sortKey = {}) {
    QTableWidgetItem* item = readOnlyCell(text, sortKey);
    item->setData(kKeyRole, key);
    return item;
}

void selectRowWithKey(QTableWidget* table, const QVariant& key) {
    for (int row = 0; row < table->rowCount(); ++row)
        if (table->item(row, 0) && table->item(row, 0)->data(kKeyRole) == key) {
            table->selectRow(row);
            table->scrollToItem(table->item(row, 0));
            return;
        }
}

QVariant selectedKey(const QTableWidget* table) {
    const QList<QTableWidgetItem*> selected = table->selectedItems();
    if (selected.isEmpty()) return {};
    const QTableWidgetItem* first = table->item(selected.first()->row(), 0);
    return first ? first->data(kKeyRole) : QVariant();
}

QString seasonTitle(const QDate& day) {
    return day.month() <= 6 ? CouncilsPage::tr("Prioritering våren %1").arg(day.year()) : CouncilsPage::tr("Prioritering høsten %1").arg(day.year());
}
}  // namespace

CouncilsPage::CouncilsPage(AppContext& context, QWidget* parent) : Page(parent), ctx_(context) {
    setObjectName(QStringLiteral("councilsPage"));
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(QStringLiteral("<h2>%1</h2>").arg(tr("Brukerråd")), this));
    top->addStretch(1);
    top->addWidget(new QLabel(tr("Tjeneste:"), this));
    services_ = new QComboBox(this);
    services_->setObjectName(QStringLiteral("councilService"));
    services_->setMinimumWidth(320);
    top->addWidget(services_);
    layout->addLayout(top);
    access_ = new QLabel(this);
    access_->setObjectName(QStringLiteral("councilAccess"));
    access_->setWordWrap(true);
    access_->hide();
    layout->addWidget(access_);
    message_ = new QLabel(this);
    message_->setObjectName(QStringLiteral("councilMessage"));
    message_->setWordWrap(true);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(message_);
    tabs_ = new QTabWidget(this);
    tabs_->setObjectName(QStringLiteral("councilTabs"));
    layout->addWidget(tabs_, 1);

    // ---- The council: members, terms, warnings
    auto* councilTab = new QWidget(tabs_);
    auto* councilLayout = new QVBoxLayout(councilTab);
    summary_ = new QLabel(councilTab);
    summary_->setObjectName(QStringLiteral("councilSummary"));
    summary_->setWordWrap(true);
    councilLayout->addWidget(summary_);
    warnings_ = new QLabel(councilTab);
    warnings_->setObjectName(QStringLiteral("councilWarnings"));
    warnings_->setWordWrap(true);
    warnings_->setTextFormat(Qt::RichText);
    warnings_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    councilLayout->addWidget(warnings_);
    showFormer_ = new QCheckBox(tr("Vis også tidligere medlemmer"), councilTab);
    showFormer_->setObjectName(QStringLiteral("showFormerMembers"));
    councilLayout->addWidget(showFormer_);
    members_ = readOnlyTable(QStringLiteral("councilMembers"),
                             {tr("Navn"), tr("Virksomhet"), tr("E-post"), tr("Valgt på"), tr("Periode fra"), tr("Periode til"), tr("Status")}, councilTab, true);
    rememberHeader(members_->horizontalHeader(), QStringLiteral("councilMembers"));
    councilLayout->addWidget(members_, 1);
    auto* councilButtons = new QHBoxLayout;
    leave_ = button(tr("Medlem går ut…"), QStringLiteral("endMembership"), councilTab);
    export_ = button(tr("Eksporter…"), QStringLiteral("exportCouncil"), councilTab);
    export_->setToolTip(tr("Lagre brukerrådet som HTML (medlemmer, perioder, varsler, endringsønsker, veikart og møter), JSON eller CSV."));
    councilButtons->addWidget(leave_);
    councilButtons->addStretch(1);
    councilButtons->addWidget(export_);
    councilLayout->addLayout(councilButtons);
    tabs_->addTab(councilTab, tr("Brukerrådet"));

    // ---- User meetings
    auto* userTab = new QWidget(tabs_);
    auto* userLayout = new QVBoxLayout(userTab);
    auto* userSplit = new QSplitter(Qt::Horizontal, userTab);
    userTable_ = readOnlyTable(QStringLiteral("userMeetings"), {tr("Tidspunkt"), tr("Sted"), tr("Status"), tr("Invitert"), tr("Til stede"), tr("Valgt")}, userSplit, true);
    userDetail_ = new QTextBrowser(userSplit);
    userDetail_->setObjectName(QStringLiteral("userMeetingDetail"));
    userSplit->setStretchFactor(0, 3);
    userSplit->setStretchFactor(1, 2);
    userLayout->addWidget(userSplit, 1);
    auto* userButtons = new QHBoxLayout;
    newUserMeeting_ = button(tr("Nytt brukermøte…"), QStringLiteral("newUserMeeting"), userTab);
    invite_ = button(tr("Inviter alle med avtale"), QStringLiteral("inviteAll"), userTab);
    attendance_ = button(tr("Oppmøte…"), QStringLiteral("recordAttendance"), userTab);
    elect_ = button(tr("Velg brukerråd…"), QStringLiteral("electCouncil"), userTab);
    userNotes_ = button(tr("Saksliste og referat…"), QStringLiteral("userMeetingNotes"), userTab);
    for (QPushButton* b : {newUserMeeting_, invite_, attendance_, elect_, userNotes_}) userButtons->addWidget(b);
    userButtons->addStretch(1);
    userLayout->addLayout(userButtons);
    tabs_->addTab(userTab, tr("Brukermøter"));

    // ---- Change requests and points
    auto* requestTab = new QWidget(tabs_);
    auto* requestLayout = new QVBoxLayout(requestTab);
    roundInfo_ = new QLabel(requestTab);
    roundInfo_->setObjectName(QStringLiteral("roundInfo"));
    roundInfo_->setWordWrap(true);
    requestLayout->addWidget(roundInfo_);
    auto* requestSplit = new QSplitter(Qt::Horizontal, requestTab);
    requestTable_ = readOnlyTable(QStringLiteral("councilRequests"),
                                  {tr("Ref"), tr("Tittel"), tr("Fra"), tr("Status"), tr("Kvartal"), tr("Poeng"), tr("Svar")}, requestSplit, true);
    requestTable_->setWordWrap(false);
    rememberHeader(requestTable_->horizontalHeader(), QStringLiteral("councilRequests"));
    requestDetail_ = new QTextBrowser(requestSplit);
    requestDetail_->setObjectName(QStringLiteral("requestDetail"));
    requestSplit->setStretchFactor(0, 3);
    requestSplit->setStretchFactor(1, 2);
    requestLayout->addWidget(requestSplit, 1);
    auto* requestButtons = new QGridLayout;
    newRequest_ = button(tr("Nytt endringsønske…"), QStringLiteral("newCouncilRequest"), requestTab);
    respond_ = button(tr("Svar og status…"), QStringLiteral("respondRequest"), requestTab);
    points_ = button(tr("Poeng fra medlem…"), QStringLiteral("givePoints"), requestTab);
    openRound_ = button(tr("Ny poengrunde…"), QStringLiteral("openRound"), requestTab);
    closeRound_ = button(tr("Avslutt poengrunden"), QStringLiteral("closeRound"), requestTab);
    requestButtons->addWidget(newRequest_, 0, 0);
    requestButtons->addWidget(respond_, 0, 1);
    requestButtons->addWidget(points_, 0, 2);
    requestButtons->addWidget(openRound_, 0, 3);
    requestButtons->addWidget(closeRound_, 0, 4);
    requestLayout->addLayout(requestButtons);
    tabs_->addTab(requestTab, tr("Endringsønsker"));

    // ---- Roadmap
    roadmapTree_ = new QTreeWidget(tabs_);
    roadmapTree_->setObjectName(QStringLiteral("roadmapTree"));
    roadmapTree_->setHeaderLabels({tr("Kvartal / ref"), tr("Endringsønske"), tr("Status"), tr("Poeng")});
    roadmapTree_->setRootIsDecorated(true);
    tabs_->addTab(roadmapTree_, tr("Veikart"));

    // ---- Council meetings
    auto* meetingTab = new QWidget(tabs_);
    auto* meetingLayout = new QVBoxLayout(meetingTab);
    auto* meetingSplit = new QSplitter(Qt::Horizontal, meetingTab);
    councilTable_ = readOnlyTable(QStringLiteral("councilMeetings"), {tr("Tidspunkt"), tr("Sted"), tr("Status"), tr("Til stede")}, meetingSplit, true);
    councilDetail_ = new QTextBrowser(meetingSplit);
    councilDetail_->setObjectName(QStringLiteral("councilMeetingDetail"));
    meetingSplit->setStretchFactor(0, 2);
    meetingSplit->setStretchFactor(1, 3);
    meetingLayout->addWidget(meetingSplit, 1);
    auto* meetingButtons = new QHBoxLayout;
    newCouncilMeeting_ = button(tr("Nytt brukerrådsmøte…"), QStringLiteral("newCouncilMeeting"), meetingTab);
    councilNotes_ = button(tr("Saksliste og referat…"), QStringLiteral("councilMeetingNotes"), meetingTab);
    meetingButtons->addWidget(newCouncilMeeting_);
    meetingButtons->addWidget(councilNotes_);
    meetingButtons->addStretch(1);
    meetingLayout->addLayout(meetingButtons);
    tabs_->addTab(meetingTab, tr("Brukerrådsmøter"));

    if (!ctx_.session.allows(councils::permission::CouncilRead)) {
        tabs_->hide();
        services_->hide();
        message_->setText(tr("Rollen din (%1) har ikke tilgang til brukerrådene.").arg(roleTitle(ctx_.session.role)));
        return;
    }
    if (!ctx_.session.allows(councils::permission::CouncilManage)) {
        access_->setText(ctx_.session.allows(councils::permission::CouncilRequest)
                             ? tr("Rollen din (%1) kan registrere endringsønsker; brukermøter, valg, svar og poeng føres av produktansvarlig.")
                                   .arg(roleTitle(ctx_.session.role))
                             : tr("Lesetilgang: rollen din (%1) kan se brukerrådene, men ikke endre dem.").arg(roleTitle(ctx_.session.role)));
        access_->show();
    }

    connect(services_, &QComboBox::currentIndexChanged, this, [this] {
        if (filling_) return;
        service_ = services_->currentData().toString();
        userMeetingId_ = councilMeetingId_ = 0;
        requestRef_.clear();
        loadService();
    });
    connect(showFormer_, &QCheckBox::toggled, this, &CouncilsPage::fillCouncil);
    connect(userTable_, &QTableWidget::itemSelectionChanged, this, [this] {
        if (filling_) return;
        userMeetingId_ = selectedKey(userTable_).toLongLong();
        renderUserMeeting();
        updateActions();
    });
    connect(requestTable_, &QTableWidget::itemSelectionChanged, this, [this] {
        if (filling_) return;
        requestRef_ = selectedKey(requestTable_).toString();
        renderRequest();
        updateActions();
    });
    connect(councilTable_, &QTableWidget::itemSelectionChanged, this, [this] {
        if (filling_) return;
        councilMeetingId_ = selectedKey(councilTable_).toLongLong();
        renderCouncilMeeting();
        updateActions();
    });
    connect(leave_, &QPushButton::clicked, this, &CouncilsPage::openLeaveDialog);
    connect(export_, &QPushButton::clicked, this, &CouncilsPage::exportAsked);
    connect(newUserMeeting_, &QPushButton::clicked, this, &CouncilsPage::openUserMeetingDialog);
    connect(invite_, &QPushButton::clicked, this, [this] { inviteAll(); });
    connect(attendance_, &QPushButton::clicked, this, &CouncilsPage::openAttendanceDialog);
    connect(elect_, &QPushButton::clicked, this, &CouncilsPage::openElectionDialog);
    connect(userNotes_, &QPushButton::clicked, this, &CouncilsPage::openUserNotesDialog);
    connect(newRequest_, &QPushButton::clicked, this, &CouncilsPage::openRequestDialog);
    connect(respond_, &QPushButton::clicked, this, &CouncilsPage::openRespondDialog);
    connect(points_, &QPushButton::clicked, this, &CouncilsPage::openPointsDialog);
    connect(openRound_, &QPushButton::clicked, this, &CouncilsPage::openRoundDialog);
    connect(closeRound_, &QPushButton::clicked, this, &CouncilsPage::closeRoundAsked);
    connect(newCouncilMeeting_, &QPushButton::clicked, this, &CouncilsPage::openCouncilMeetingDialog);
    connect(councilNotes_, &QPushButton::clicked, this, &CouncilsPage::openCouncilNotesDialog);

    loadServices();
    loadService();
    updateAttention();
}

// ---- Reading

QDate CouncilsPage::today() const { return ctx_.store->clock().today(); }

void CouncilsPage::refresh() {
    if (!ctx_.session.allows(councils::permission::CouncilRead)) return;
    loadServices();
    loadService();
    updateAttention();
}

void CouncilsPage::focusSearch() {
    if (!ctx_.session.allows(councils::permission::CouncilRead)) return;
    services_->setFocus();
}

void CouncilsPage::prepareScreenshot() {
    if (!ctx_.session.allows(councils::permission::CouncilRead)) return;
    if (tabs_->currentIndex() == UserMeetingsTab && userMeetingId_ == 0 && userTable_->rowCount() > 0) userTable_->selectRow(0);
    if (tabs_->currentIndex() == RequestsTab && requestRef_.isEmpty() && requestTable_->rowCount() > 0) requestTable_->selectRow(0);
    if (tabs_->currentIndex() == CouncilMeetingsTab && councilMeetingId_ == 0 && councilTable_->rowCount() > 0) councilTable_->selectRow(0);
}

void CouncilsPage::showItems(const QString& which) {
    if (!ctx_.session.allows(councils::permission::CouncilRead)) return;
    for (const QString& part : which.trimmed().split(QLatin1Char(':'), Qt::SkipEmptyParts)) {
        if (part == QLatin1String("council")) tabs_->setCurrentIndex(CouncilTab);
        else if (part == QLatin1String("meetings") || part == QLatin1String("user-meetings")) tabs_->setCurrentIndex(UserMeetingsTab);
        else if (part == QLatin1String("requests")) tabs_->setCurrentIndex(RequestsTab);
        else if (part == QLatin1String("roadmap")) tabs_->setCurrentIndex(RoadmapTab);
        else if (part == QLatin1String("council-meetings")) tabs_->setCurrentIndex(CouncilMeetingsTab);
        else if (part.startsWith(QLatin1String("ER-"), Qt::CaseInsensitive)) {
            tabs_->setCurrentIndex(RequestsTab);
            selectRequest(part.toUpper());
        } else {
            selectService(part);
        }
    }
}

QString CouncilsPage::message() const { return message_->text(); }

bool CouncilsPage::selectService(const QString& key) {
    const int i = services_->findData(key);
    if (i < 0) return false;
    services_->setCurrentIndex(i);
    return service_ == key;
}

void CouncilsPage::loadServices() {
    QList<councils::CouncilSummary> councilsNow;
    if (auto found = councils::CouncilService(*ctx_.store).overview(ctx_.session)) councilsNow = *found;
    else report(Status{found.error()});
    QList<std::pair<QString, QString>> others;
    if (auto list = CatalogService(*ctx_.store).list(ctx_.session))
        for (const CatalogSummary& s : *list) {
            if (s.kind != EntryKind::Service) continue;
            const bool has = std::any_of(councilsNow.begin(), councilsNow.end(), [&](const councils::CouncilSummary& c) { return c.serviceKey == s.key; });
            if (!has) others.emplaceBack(s.key, s.name);
        }
    std::sort(others.begin(), others.end(), [](const auto& a, const auto& b) { return QString::localeAwareCompare(a.second, b.second) < 0; });
    filling_ = true;
    services_->clear();
    // Services with a council first, with how it stands; then the rest, to start one. The first
    // council that needs attention is shown when none was chosen.
    int warned = -1;
    for (const auto& c : councilsNow) {
        if (c.warnings > 0 && warned < 0) warned = services_->count();
        const QString text = c.warnings > 0 ? tr("%1 (%2 medlemmer, %3 varsler)").arg(c.serviceName).arg(c.members).arg(c.warnings)
                                            : tr("%1 (%2 medlemmer)").arg(c.serviceName).arg(c.members);
        services_->addItem(text, c.serviceKey);
        if (c.warnings > 0) services_->setItemData(services_->count() - 1, QBrush(QColor(QLatin1String(kWarningRed))), Qt::ForegroundRole);
    }
    if (!councilsNow.isEmpty() && !others.isEmpty()) services_->insertSeparator(services_->count());
    for (const auto& [key, name] : others) services_->addItem(tr("%1 (uten brukerråd)").arg(name), key);
    int index = services_->findData(service_);
    if (index < 0) index = warned >= 0 ? warned : services_->count() > 0 ? 0 : -1;
    services_->setCurrentIndex(index);
    service_ = index >= 0 ? services_->itemData(index).toString() : QString();
    filling_ = false;
}

void CouncilsPage::loadService() {
    allMembers_.clear();
    healthWarnings_.clear();
    userMeetings_.clear();
    councilMeetings_.clear();
    requests_.clear();
    roadmap_.clear();
    round_.reset();
    allocations_.clear();
    agreed_.clear();
    organisationOf_.clear();
    if (!service_.isEmpty()) {
        councils::CouncilService council(*ctx_.store);
        const Session& who = ctx_.session;
        if (auto found = council.members(who, service_, true)) allMembers_ = *found;
        else report(Status{found.error()});
        if (auto found = council.health(who, service_)) healthWarnings_ = *found;
        if (auto found = council.meetings(who, service_, councils::MeetingKind::UserMeeting)) userMeetings_ = *found;
        if (auto found = council.meetings(who, service_, councils::MeetingKind::CouncilMeeting)) councilMeetings_ = *found;
        if (auto found = council.requests(who, service_)) requests_ = *found;
        if (auto found = council.roadmap(who, service_)) roadmap_ = *found;
        if (auto found = council.rounds(who, service_); found && !found->isEmpty()) {
            round_ = found->front();
            if (auto given = council.allocations(who, round_->id)) allocations_ = *given;
        }
        OrganisationService orgs(*ctx_.store);
        if (auto all = orgs.organisations(who))
            for (const auto& o : *all) organisationOf_.insert(o.orgnr, o.name);
        if (auto agreements = orgs.agreements(who)) {
            for (const auto& a : *agreements)
                if (a.serviceKey == service_) agreed_.emplaceBack(a.orgnr, organisationOf_.value(a.orgnr, a.orgnr));
            std::sort(agreed_.begin(), agreed_.end(), [](const auto& a, const auto& b) { return QString::localeAwareCompare(a.second, b.second) < 0; });
            agreed_.erase(std::unique(agreed_.begin(), agreed_.end()), agreed_.end());
        }
    }
    fillCouncil();
    fillUserMeetings();
    fillRequests();
    fillRoadmap();
    fillCouncilMeetings();
    updateActions();
}

QStringList CouncilsPage::warningTexts() const {
    QStringList out;
    for (const auto& w : healthWarnings_) {
        QString organisation;
        for (const auto& m : allMembers_)
            if (!w.email.isEmpty() && m.email == w.email) organisation = m.organisation;
        out << councilWarningText(w, organisation);
    }
    return out;
}

QList<councils::Member> CouncilsPage::sittingMembers() const {
    QList<councils::Member> out;
    const QDate day = today();
    for (const auto& m : allMembers_)
        if (m.activeOn(day)) out << m;
    return out;
}

void CouncilsPage::fillCouncil() {
    const QDate day = today();
    const QList<councils::Member> sitting = sittingMembers();
    if (service_.isEmpty()) {
        summary_->setText(tr("Velg en tjeneste øverst."));
    } else {
        const councils::Meeting* last = nullptr;
        for (const auto& m : userMeetings_)
            if (m.state == councils::MeetingState::Held && (!last || m.heldAt > last->heldAt)) last = &m;
        summary_->setText(tr("Brukerrådet har %1 medlemmer (5 til 8). Siste brukermøte: %2. Endringsønsker: %3.")
                              .arg(sitting.size())
                              .arg(last ? formatDate(last->heldAt.toTimeZone(platformZone()).date()) : tr("ingen"))
                              .arg(requests_.size()));
    }
    const QStringList texts = warningTexts();
    if (texts.isEmpty()) {
        warnings_->setText(service_.isEmpty() ? QString() : tr("Ingen varsler: brukerrådet er fulltallig, ingen perioder går ut de neste 60 dagene, og brukermøtet er holdt."));
        warnings_->setStyleSheet({});
    } else {
        QString list;
        for (const QString& t : texts) list += QStringLiteral("<li>%1</li>").arg(t.toHtmlEscaped());
        warnings_->setText(QStringLiteral("<b>%1</b><ul>%2</ul>").arg(tr("Varsler").toHtmlEscaped(), list));
        warnings_->setStyleSheet(QStringLiteral("color: %1").arg(QLatin1String(kWarningRed)));
    }
    QHash<qint64, QString> meetingDay;
    for (const auto& m : userMeetings_) meetingDay.insert(m.id, formatDate(m.heldAt.toTimeZone(platformZone()).date()));
    QSet<QString> warned;
    for (const auto& w : healthWarnings_)
        if (!w.email.isEmpty()) warned.insert(w.email);
    const bool former = showFormer_->isChecked();
    members_->setSortingEnabled(false);
    members_->setRowCount(0);
    for (const auto& m : allMembers_) {
        const bool active = m.activeOn(day);
        if (!former && !active && !(warned.contains(m.email) && !m.leftOn.isValid())) continue;
        const int row = members_->rowCount();
        members_->insertRow(row);
        members_->setItem(row, 0, keyed(m.name, m.id));
        members_->setItem(row, 1, readOnlyCell(m.organisation));
        members_->setItem(row, 2, readOnlyCell(m.email));
        members_->setItem(row, 3, readOnlyCell(meetingDay.value(m.electedAt, QStringLiteral("–"))));
        members_->setItem(row, 4, readOnlyCell(formatDate(m.termStart), m.termStart));
        auto* end = readOnlyCell(formatDate(m.termEnd), m.termEnd);
        if (warned.contains(m.email) && !m.leftOn.isValid()) {
            end->setForeground(QBrush(QColor(QLatin1String(kWarningRed))));
            QFont bold = end->font();
            bold.setBold(true);
            end->setFont(bold);
        }
        members_->setItem(row, 5, end);
        members_->setItem(row, 6, readOnlyCell(memberStatusText(m, day)));
    }
    members_->setSortingEnabled(true);
    fitColumns(members_);
}

void CouncilsPage::fillUserMeetings() {
    filling_ = true;
    userTable_->setSortingEnabled(false);
    userTable_->setRowCount(0);
    for (const auto& m : userMeetings_) {
        const int row = userTable_->rowCount();
        userTable_->insertRow(row);
        userTable_->setItem(row, 0, keyed(formatDateTime(m.heldAt), m.id, m.heldAt.toMSecsSinceEpoch()));
        userTable_->setItem(row, 1, readOnlyCell(m.place));
        userTable_->setItem(row, 2, readOnlyCell(meetingStateTitle(m.state)));
        userTable_->setItem(row, 3, readOnlyCell(QString::number(m.invitations.size()), qint64(m.invitations.size())));
        userTable_->setItem(row, 4, readOnlyCell(QString::number(m.attendance.size()), qint64(m.attendance.size())));
        userTable_->setItem(row, 5, readOnlyCell(QString::number(m.elected), m.elected));
    }
    userTable_->setSortingEnabled(true);
    fitColumns(userTable_);
    if (!selectedMeeting(councils::MeetingKind::UserMeeting)) userMeetingId_ = 0;
    if (userMeetingId_ != 0) selectRowWithKey(userTable_, userMeetingId_);
    filling_ = false;
    renderUserMeeting();
}

void CouncilsPage::renderUserMeeting() {
    const councils::Meeting* m = selectedMeeting(councils::MeetingKind::UserMeeting);
    if (!m) {
        userDetail_->setHtml(QStringLiteral("<p>%1</p>").arg(tr("Velg et brukermøte for å se det.").toHtmlEscaped()));
        return;
    }
    QString text = QStringLiteral("<h3>%1 %2</h3>").arg(tr("Brukermøte").toHtmlEscaped(), formatDateTime(m->heldAt).toHtmlEscaped());
    text += QStringLiteral("<p>%1</p>")
                .arg(tr("Sted: %1 · %2 · invitert: %3 · til stede: %4 · valgt til brukerrådet: %5")
                         .arg(m->place.isEmpty() ? QStringLiteral("–") : m->place, meetingStateTitle(m->state))
                         .arg(m->invitations.size())
                         .arg(m->attendance.size())
                         .arg(m->elected)
                         .toHtmlEscaped());
    if (!m->agenda.isEmpty()) text += QStringLiteral("<h4>%1</h4><p>%2</p>").arg(tr("Saksliste").toHtmlEscaped(), html(m->agenda));
    if (!m->attendance.isEmpty()) {
        text += QStringLiteral("<h4>%1</h4><ul>").arg(tr("Til stede").toHtmlEscaped());
        for (const auto& a : m->attendance)
            text += QStringLiteral("<li>%1</li>").arg(a.representatives.isEmpty() ? a.organisation.toHtmlEscaped()
                                                                                   : QStringLiteral("%1: %2").arg(a.organisation, a.representatives).toHtmlEscaped());
        text += QStringLiteral("</ul>");
    }
    if (m->elected > 0) {
        text += QStringLiteral("<h4>%1</h4><ul>").arg(tr("Valgt").toHtmlEscaped());
        for (const auto& member : allMembers_)
            if (member.electedAt == m->id)
                text += QStringLiteral("<li>%1</li>")
                            .arg(tr("%1 (%2), til %3").arg(member.name, member.organisation, formatDate(member.termEnd)).toHtmlEscaped());
        text += QStringLiteral("</ul>");
    }
    if (!m->minutes.isEmpty()) text += QStringLiteral("<h4>%1</h4><p>%2</p>").arg(tr("Referat").toHtmlEscaped(), html(m->minutes));
    userDetail_->setHtml(text);
}

void CouncilsPage::fillRequests() {
    filling_ = true;
    requestTable_->setSortingEnabled(false);
    requestTable_->setRowCount(0);
    for (const auto& c : requests_) {
        const int row = requestTable_->rowCount();
        requestTable_->insertRow(row);
        requestTable_->setItem(row, 0, keyed(c.ref, c.ref));
        auto* title = readOnlyCell(c.title);
        title->setToolTip(c.description.left(400));
        requestTable_->setItem(row, 1, title);
        QString from = c.fromOrganisation;
        if (c.deskCase > 0) from += (from.isEmpty() ? QString() : QStringLiteral(", ")) + tr("sak %1").arg(c.deskCase);
        requestTable_->setItem(row, 2, readOnlyCell(from));
        requestTable_->setItem(row, 3, readOnlyCell(requestStatusTitle(c.status)));
        requestTable_->setItem(row, 4, readOnlyCell(c.quarter.isEmpty() ? QStringLiteral("–") : c.quarter, c.quarter));
        auto* points = readOnlyCell(QString::number(c.points), c.points);
        points->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        requestTable_->setItem(row, 5, points);
        auto* response = readOnlyCell(c.response.section(QLatin1Char('\n'), 0, 0).left(120));
        response->setToolTip(c.response.left(1000));
        requestTable_->setItem(row, 6, response);
    }
    requestTable_->setSortingEnabled(true);
    fitColumns(requestTable_);
    if (!selectedRequest()) requestRef_.clear();
    if (!requestRef_.isEmpty()) selectRowWithKey(requestTable_, requestRef_);
    filling_ = false;
    if (!round_) {
        roundInfo_->setText(tr("Ingen poengrunde ennå: åpne en, så fordeler hvert medlem poeng på de åpne endringsønskene."));
    } else {
        roundInfo_->setText(round_->open() ? tr("Poengrunde «%1» er åpen: hvert medlem har %2 poeng. %3 av %4 medlemmer har gitt poeng.")
                                                 .arg(round_->title)
                                                 .arg(round_->budget)
                                                 .arg(allocations_.size())
                                                 .arg(sittingMembers().size())
                                           : tr("Poengene er fra runden «%1», avsluttet %2.").arg(round_->title, formatDate(round_->closedAt.toTimeZone(platformZone()).date())));
    }
    renderRequest();
}

void CouncilsPage::renderRequest() {
    const councils::ChangeRequest* c = selectedRequest();
    if (!c) {
        requestDetail_->setHtml(QStringLiteral("<p>%1</p>").arg(tr("Velg et endringsønske for å se det.").toHtmlEscaped()));
        return;
    }
    QString text = QStringLiteral("<h3>%1: %2</h3>").arg(c->ref.toHtmlEscaped(), c->title.toHtmlEscaped());
    QString from = c->fromOrganisation.isEmpty() ? tr("ingen virksomhet") : c->fromOrganisation;
    if (c->deskCase > 0) from += QStringLiteral(", ") + tr("sak %1 i brukerstøtte").arg(c->deskCase);
    text += QStringLiteral("<p>%1</p>").arg(tr("Fra: %1 · registrert av %2 %3").arg(from, c->submittedBy, formatDateTime(c->submittedAt)).toHtmlEscaped());
    if (!c->description.isEmpty()) text += QStringLiteral("<p>%1</p>").arg(html(c->description));
    text += QStringLiteral("<p><b>%1</b></p>")
                .arg(tr("Status: %1 · kvartal: %2 · poeng: %3")
                         .arg(requestStatusTitle(c->status), c->quarter.isEmpty() ? QStringLiteral("–") : c->quarter)
                         .arg(c->points)
                         .toHtmlEscaped());
    if (!c->response.isEmpty()) {
        text += QStringLiteral("<h4>%1</h4><p>%2</p>").arg(tr("Svar fra produktansvarlig").toHtmlEscaped(), html(c->response));
        if (!c->respondedBy.isEmpty())
            text += QStringLiteral("<p><i>%1</i></p>").arg(tr("%1, %2").arg(c->respondedBy, formatDateTime(c->respondedAt)).toHtmlEscaped());
    }
    QStringList given;
    for (const auto& a : allocations_)
        if (a.points.value(c->ref) > 0) given << tr("%1: %2").arg(a.name).arg(a.points.value(c->ref));
    if (!given.isEmpty()) {
        text += QStringLiteral("<h4>%1</h4><ul>").arg(tr("Poeng fra medlemmene").toHtmlEscaped());
        for (const QString& g : given) text += QStringLiteral("<li>%1</li>").arg(g.toHtmlEscaped());
        text += QStringLiteral("</ul>");
    }
    requestDetail_->setHtml(text);
}

void CouncilsPage::fillRoadmap() {
    roadmapTree_->clear();
    for (const auto& q : roadmap_) {
        auto* quarter = new QTreeWidgetItem(roadmapTree_, {q.quarter, tr("%n endringsønske(r)", nullptr, int(q.requests.size()))});
        QFont bold = quarter->font(0);
        bold.setBold(true);
        quarter->setFont(0, bold);
        for (const auto& c : q.requests)
            new QTreeWidgetItem(quarter, {c.ref, c.title, requestStatusTitle(c.status), QString::number(c.points)});
    }
    if (roadmap_.isEmpty() && !service_.isEmpty())
        new QTreeWidgetItem(roadmapTree_, {tr("Ingen endringsønsker er akseptert med kvartal ennå.")});
    roadmapTree_->expandAll();
    for (int column = 0; column < 4; ++column) roadmapTree_->resizeColumnToContents(column);
}

void CouncilsPage::fillCouncilMeetings() {
    filling_ = true;
    councilTable_->setSortingEnabled(false);
    councilTable_->setRowCount(0);
    QHash<QString, QString> names;
    for (const auto& m : allMembers_) names.insert(m.email, m.name);
    for (const auto& m : councilMeetings_) {
        const int row = councilTable_->rowCount();
        councilTable_->insertRow(row);
        councilTable_->setItem(row, 0, keyed(formatDateTime(m.heldAt), m.id, m.heldAt.toMSecsSinceEpoch()));
        councilTable_->setItem(row, 1, readOnlyCell(m.place));
        councilTable_->setItem(row, 2, readOnlyCell(meetingStateTitle(m.state)));
        QStringList present;
        for (const auto& email : m.attendees) present << names.value(email, email);
        councilTable_->setItem(row, 3, readOnlyCell(present.join(QStringLiteral(", "))));
    }
    councilTable_->setSortingEnabled(true);
    fitColumns(councilTable_);
    if (!selectedMeeting(councils::MeetingKind::CouncilMeeting)) councilMeetingId_ = 0;
    if (councilMeetingId_ != 0) selectRowWithKey(councilTable_, councilMeetingId_);
    filling_ = false;
    renderCouncilMeeting();
}

void CouncilsPage::renderCouncilMeeting() {
    const councils::Meeting* m = selectedMeeting(councils::MeetingKind::CouncilMeeting);
    if (!m) {
        councilDetail_->setHtml(QStringLiteral("<p>%1</p>").arg(tr("Velg et brukerrådsmøte for å se saksliste og referat.").toHtmlEscaped()));
        return;
    }
    QHash<QString, QString> names;
    for (const auto& member : allMembers_) names.insert(member.email, QStringLiteral("%1 (%2)").arg(member.name, member.organisation));
    QString text = QStringLiteral("<h3>%1 %2</h3>").arg(tr("Brukerrådsmøte").toHtmlEscaped(), formatDateTime(m->heldAt).toHtmlEscaped());
    text += QStringLiteral("<p>%1</p>").arg(tr("Sted: %1 · %2").arg(m->place.isEmpty() ? QStringLiteral("–") : m->place, meetingStateTitle(m->state)).toHtmlEscaped());
    if (!m->agenda.isEmpty()) text += QStringLiteral("<h4>%1</h4><p>%2</p>").arg(tr("Saksliste").toHtmlEscaped(), html(m->agenda));
    if (!m->attendees.isEmpty()) {
        text += QStringLiteral("<h4>%1</h4><ul>").arg(tr("Til stede").toHtmlEscaped());
        for (const auto& email : m->attendees) text += QStringLiteral("<li>%1</li>").arg(names.value(email, email).toHtmlEscaped());
        text += QStringLiteral("</ul>");
    }
    if (!m->minutes.isEmpty())
        text += QStringLiteral("<h4>%1</h4><p>%2</p>")
                    .arg((m->state == councils::MeetingState::Cancelled ? tr("Avlyst") : tr("Referat")).toHtmlEscaped(), html(m->minutes));
    councilDetail_->setHtml(text);
}

const councils::Meeting* CouncilsPage::selectedMeeting(const QString& kind) const {
    const bool user = kind == councils::MeetingKind::UserMeeting;
    const qint64 id = user ? userMeetingId_ : councilMeetingId_;
    const QList<councils::Meeting>& list = user ? userMeetings_ : councilMeetings_;
    for (const auto& m : list)
        if (m.id == id) return &m;
    return nullptr;
}

const councils::ChangeRequest* CouncilsPage::selectedRequest() const {
    for (const auto& c : requests_)
        if (c.ref == requestRef_) return &c;
    return nullptr;
}

bool CouncilsPage::selectRequest(const QString& ref) {
    requestRef_ = ref;
    filling_ = true;
    requestTable_->clearSelection();
    selectRowWithKey(requestTable_, ref);
    filling_ = false;
    renderRequest();
    updateActions();
    return selectedRequest() != nullptr;
}

bool CouncilsPage::selectUserMeeting(qint64 id) {
    userMeetingId_ = id;
    filling_ = true;
    userTable_->clearSelection();
    selectRowWithKey(userTable_, id);
    filling_ = false;
    renderUserMeeting();
    updateActions();
    return selectedMeeting(councils::MeetingKind::UserMeeting) != nullptr;
}

bool CouncilsPage::selectCouncilMeeting(qint64 id) {
    councilMeetingId_ = id;
    filling_ = true;
    councilTable_->clearSelection();
    selectRowWithKey(councilTable_, id);
    filling_ = false;
    renderCouncilMeeting();
    updateActions();
    return selectedMeeting(councils::MeetingKind::CouncilMeeting) != nullptr;
}

void CouncilsPage::updateActions() {
    const bool manage = ctx_.session.allows(councils::permission::CouncilManage);
    const bool request = ctx_.session.allows(councils::permission::CouncilRequest);
    const bool have = !service_.isEmpty();
    const councils::Meeting* user = selectedMeeting(councils::MeetingKind::UserMeeting);
    const councils::Meeting* council = selectedMeeting(councils::MeetingKind::CouncilMeeting);
    const bool userOpen = user && user->state != councils::MeetingState::Cancelled;
    const bool held = userOpen && user->heldAt.toTimeZone(platformZone()).date() <= today();
    const councils::ChangeRequest* selected = selectedRequest();
    const QString onlyOwner = tr("Bare produktansvarlig fører brukermøter, valg, svar og poeng.");

    leave_->setEnabled(manage && have && !sittingMembers().isEmpty());
    leave_->setToolTip(manage ? tr("Før at et medlem går ut av brukerrådet før perioden er over.") : onlyOwner);
    export_->setEnabled(have);
    newUserMeeting_->setEnabled(manage && have);
    newUserMeeting_->setToolTip(manage ? tr("Kall inn til brukermøte: alle med avtale om tjenesten kan komme.") : onlyOwner);
    invite_->setEnabled(manage && userOpen);
    invite_->setToolTip(!manage ? onlyOwner : !user ? tr("Velg et brukermøte først.") : tr("Inviter alle virksomheter som har avtale om tjenesten."));
    attendance_->setEnabled(manage && held && user->elected == 0);
    attendance_->setToolTip(!manage ? onlyOwner
                            : !user ? tr("Velg et brukermøte først.")
                            : !held ? tr("Oppmøtet føres når møtet er holdt.")
                            : user->elected > 0 ? tr("Brukerrådet er valgt på dette møtet; oppmøtet det ble valgt fra, ligger fast.")
                                                : tr("Kryss av for virksomhetene som kom, og hvem som representerte dem."));
    elect_->setEnabled(manage && held && user->elected == 0);
    elect_->setToolTip(!manage ? onlyOwner
                       : !user ? tr("Velg et brukermøte først.")
                       : !held ? tr("Brukerrådet velges når møtet er holdt.")
                       : user->elected > 0 ? tr("Brukerrådet er allerede valgt på dette møtet.")
                                           : tr("Før de 5 til 8 representantene møtet valgte."));
    userNotes_->setEnabled(manage && userOpen);
    newRequest_->setEnabled(request && have);
    newRequest_->setToolTip(request ? tr("Registrer et endringsønske fra en virksomhet eller fra en sak i brukerstøtte.")
                                    : tr("Rollen din kan ikke registrere endringsønsker."));
    respond_->setEnabled(manage && selected && selected->status != councils::RequestStatus::Delivered);
    respond_->setToolTip(!manage ? onlyOwner : !selected ? tr("Velg et endringsønske først.") : tr("Endre status, kvartal og svaret til virksomheten."));
    const bool roundOpen = round_ && round_->open();
    points_->setEnabled(manage && roundOpen);
    points_->setToolTip(!manage ? onlyOwner : !roundOpen ? tr("Åpne en poengrunde først.") : tr("Før poengene et medlem gir i runden."));
    openRound_->setEnabled(manage && have && !roundOpen);
    closeRound_->setEnabled(manage && roundOpen);
    newCouncilMeeting_->setEnabled(manage && have);
    councilNotes_->setEnabled(manage && council && council->state != councils::MeetingState::Cancelled);
}

void CouncilsPage::updateAttention() {
    int count = 0;
    if (ctx_.session.allows(councils::permission::CouncilManage))
        if (auto all = councils::CouncilService(*ctx_.store).overview(ctx_.session))
            for (const auto& c : *all) count += c.warnings;
    if (count != attention_) {
        attention_ = count;
        emit attentionChanged();
    }
}

// ---- Changing

bool CouncilsPage::report(const Status& s, const QString& done) { return showOutcome(message_, s, done); }

bool CouncilsPage::needs(bool have, const QString& what) {
    if (have) return true;
    message_->setText(what);
    message_->setStyleSheet(QStringLiteral("color: %1").arg(QLatin1String(kWarningRed)));
    return false;
}

void CouncilsPage::afterChange() {
    loadServices();
    loadService();
    updateAttention();
}

std::optional<qint64> CouncilsPage::planMeeting(const councils::NewMeeting& meeting) {
    auto id = councils::CouncilService(*ctx_.store).planMeeting(ctx_.session, meeting);
    if (!id) {
        report(Status{id.error()});
        return std::nullopt;
    }
    if (meeting.kind == councils::MeetingKind::UserMeeting) userMeetingId_ = *id;
    else councilMeetingId_ = *id;
    afterChange();
    report(Status{}, tr("%1 %2 er satt opp.").arg(meetingKindTitle(meeting.kind), formatDateTime(meeting.heldAt)));
    return *id;
}

bool CouncilsPage::inviteAll() {
    if (!needs(selectedMeeting(councils::MeetingKind::UserMeeting), tr("Velg et brukermøte først."))) return false;
    auto invited = councils::CouncilService(*ctx_.store).inviteAll(ctx_.session, userMeetingId_);
    if (!invited) return report(Status{invited.error()});
    afterChange();
    report(Status{}, *invited > 0 ? tr("%1 virksomheter med avtale er invitert.").arg(*invited) : tr("Alle med avtale var invitert fra før."));
    return true;
}

bool CouncilsPage::setAttendance(const QList<councils::Attendance>& attendance) {
    if (!needs(selectedMeeting(councils::MeetingKind::UserMeeting), tr("Velg et brukermøte først."))) return false;
    if (!report(councils::CouncilService(*ctx_.store).setAttendance(ctx_.session, userMeetingId_, attendance))) return false;
    afterChange();
    report(Status{}, tr("Oppmøtet er ført: %1 virksomheter.").arg(attendance.size()));
    return true;
}

bool CouncilsPage::elect(const QList<councils::Candidate>& candidates) {
    if (!needs(selectedMeeting(councils::MeetingKind::UserMeeting), tr("Velg et brukermøte først."))) return false;
    if (!report(councils::CouncilService(*ctx_.store).elect(ctx_.session, userMeetingId_, candidates))) return false;
    afterChange();
    report(Status{}, tr("Brukerrådet er valgt: %1 representanter.").arg(candidates.size()));
    return true;
}

bool CouncilsPage::recordNotes(const QString& kind, const councils::MeetingNotes& notes) {
    const councils::Meeting* m = selectedMeeting(kind);
    if (!needs(m, tr("Velg et møte først."))) return false;
    if (!report(councils::CouncilService(*ctx_.store).recordNotes(ctx_.session, m->id, notes))) return false;
    afterChange();
    report(Status{}, notes.minutes.trimmed().isEmpty() ? tr("Sakslisten er lagret.") : tr("Referatet er lagret."));
    return true;
}

bool CouncilsPage::endMembership(qint64 memberId, const QDate& on, const QString& reason) {
    if (!report(councils::CouncilService(*ctx_.store).endMembership(ctx_.session, memberId, on, reason))) return false;
    afterChange();
    const int left = int(sittingMembers().size());
    report(Status{}, left < 5 ? tr("Medlemmet er ført ut. Brukerrådet har nå %1 medlemmer, færre enn 5: velg nye på et brukermøte.").arg(left)
                              : tr("Medlemmet er ført ut av brukerrådet."));
    return true;
}

std::optional<QString> CouncilsPage::submitRequest(const councils::NewRequest& request) {
    auto ref = councils::CouncilService(*ctx_.store).submit(ctx_.session, request);
    if (!ref) {
        report(Status{ref.error()});
        return std::nullopt;
    }
    requestRef_ = *ref;
    afterChange();
    tabs_->setCurrentIndex(RequestsTab);
    report(Status{}, tr("Endringsønske %1 er registrert.").arg(*ref));
    return *ref;
}

bool CouncilsPage::respond(const councils::Response& response) {
    const councils::ChangeRequest* c = selectedRequest();
    if (!needs(c != nullptr, tr("Velg et endringsønske først."))) return false;
    // Copied: the list is read again below.
    const QString ref = c->ref, status = response.status.isEmpty() ? c->status : response.status;
    if (!report(councils::CouncilService(*ctx_.store).respond(ctx_.session, ref, response))) return false;
    afterChange();
    report(Status{}, tr("%1: %2.").arg(ref, requestStatusTitle(status)));
    return true;
}

bool CouncilsPage::startRound(const QString& title, int budget) {
    auto id = councils::CouncilService(*ctx_.store).openRound(ctx_.session, service_, title, budget);
    if (!id) return report(Status{id.error()});
    afterChange();
    report(Status{}, tr("Poengrunden «%1» er åpen.").arg(title));
    return true;
}

bool CouncilsPage::endRound() {
    if (!needs(round_ && round_->open(), tr("Ingen poengrunde er åpen."))) return false;
    const QString title = round_->title;
    if (!report(councils::CouncilService(*ctx_.store).closeRound(ctx_.session, round_->id))) return false;
    afterChange();
    report(Status{}, tr("Poengrunden «%1» er avsluttet.").arg(title));
    return true;
}

bool CouncilsPage::givePoints(const QString& memberEmail, const QMap<QString, int>& points) {
    if (!needs(round_ && round_->open(), tr("Ingen poengrunde er åpen."))) return false;
    if (!report(councils::CouncilService(*ctx_.store).givePoints(ctx_.session, round_->id, memberEmail, points))) return false;
    afterChange();
    int total = 0;
    for (const int n : points) total += n;
    report(Status{}, tr("Poengene er ført: %1 poeng fra %2.").arg(total).arg(memberEmail));
    return true;
}

bool CouncilsPage::exportTo(const QString& path, const QString& format) {
    auto bytes = councils::CouncilService(*ctx_.store).exportCouncil(ctx_.session, service_, format);
    if (!bytes) return report(Status{bytes.error()});
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(*bytes) != bytes->size() || !f.commit())
        return report(Status{fail("cannot write " + path.toStdString() + ": " + f.errorString().toStdString(), ErrorKind::Io)});
    return report(Status{}, tr("Brukerrådet er eksportert til %1.").arg(QFileInfo(path).fileName()));
}

// ---- Dialogs

CouncilMeetingDialog* CouncilsPage::meetingDialog(const QString& kind) {
    auto* d = new CouncilMeetingDialog(service_, kind, ctx_.store->clock().now(), this);
    d->setSubmit([this, d]() -> QString { return planMeeting(d->meeting()) ? QString() : message(); });
    return d;
}

AttendanceDialog* CouncilsPage::attendanceDialog() {
    const councils::Meeting* m = selectedMeeting(councils::MeetingKind::UserMeeting);
    // Those invited first, then the others with an agreement.
    Choices organisations;
    if (m) {
        for (const auto& i : m->invitations) organisations.emplaceBack(i.orgnr, i.organisation);
        std::sort(organisations.begin(), organisations.end(), [](const auto& a, const auto& b) { return QString::localeAwareCompare(a.second, b.second) < 0; });
    }
    for (const auto& a : agreed_) {
        const bool listed = std::any_of(organisations.begin(), organisations.end(), [&](const auto& c) { return c.first == a.first; });
        if (!listed) organisations << a;
    }
    auto* d = new AttendanceDialog(organisations, m ? m->attendance : QList<councils::Attendance>(), this);
    d->setSubmit([this, d]() -> QString { return setAttendance(d->attendance()) ? QString() : message(); });
    return d;
}

ElectionDialog* CouncilsPage::electionDialog() {
    const councils::Meeting* m = selectedMeeting(councils::MeetingKind::UserMeeting);
    Choices present;
    QList<councils::Member> continuing;
    if (m) {
        for (const auto& a : m->attendance) present.emplaceBack(a.orgnr, a.organisation);
        const QDate day = m->heldAt.toTimeZone(platformZone()).date();
        for (const auto& member : allMembers_)
            if (member.activeOn(day)) continuing << member;
    }
    auto* d = new ElectionDialog(present, continuing, this);
    const qint64 id = m ? m->id : 0;
    d->setChecker([this, id](const QList<councils::Candidate>& candidates) -> QStringList {
        if (candidates.isEmpty()) return {};
        auto found = councils::CouncilService(*ctx_.store).checkElection(ctx_.session, id, candidates);
        return found ? *found : QStringList{QString::fromStdString(found.message())};
    });
    d->addCandidate();
    d->setSubmit([this, d]() -> QString { return elect(d->candidates()) ? QString() : message(); });
    return d;
}

NotesDialog* CouncilsPage::notesDialog(const QString& kind) {
    const councils::Meeting* m = selectedMeeting(kind);
    councils::Meeting meeting = m ? *m : councils::Meeting();
    Choices present;
    if (m && kind == councils::MeetingKind::CouncilMeeting) {
        const QDate day = m->heldAt.toTimeZone(platformZone()).date();
        for (const auto& member : allMembers_)
            if (member.activeOn(day)) present.emplaceBack(member.email, QStringLiteral("%1 (%2)").arg(member.name, member.organisation));
    }
    auto* d = new NotesDialog(meeting, present, this);
    d->setSubmit([this, d, kind]() -> QString { return recordNotes(kind, d->notes()) ? QString() : message(); });
    return d;
}

LeaveDialog* CouncilsPage::leaveDialog() {
    auto* d = new LeaveDialog(sittingMembers(), today(), this);
    d->setSubmit([this, d]() -> QString { return endMembership(d->memberId(), d->on(), d->reason()) ? QString() : message(); });
    return d;
}

RequestDialog* CouncilsPage::requestDialog() {
    auto* d = new RequestDialog(service_, agreed_, this);
    d->setSubmit([this, d]() -> QString { return submitRequest(d->request()) ? QString() : message(); });
    return d;
}

RespondDialog* CouncilsPage::respondDialog() {
    const councils::ChangeRequest* c = selectedRequest();
    auto* d = new RespondDialog(c ? *c : councils::ChangeRequest(), today(), this);
    d->setSubmit([this, d]() -> QString { return respond(d->response()) ? QString() : message(); });
    return d;
}

RoundDialog* CouncilsPage::roundDialog() {
    auto* d = new RoundDialog(seasonTitle(today()), this);
    d->setSubmit([this, d]() -> QString { return startRound(d->title(), d->budget()) ? QString() : message(); });
    return d;
}

PointsDialog* CouncilsPage::pointsDialog() {
    QList<councils::ChangeRequest> openRequests;
    for (const auto& c : requests_)
        if (councils::RequestStatus::open(c.status)) openRequests << c;
    std::sort(openRequests.begin(), openRequests.end(), [](const councils::ChangeRequest& x, const councils::ChangeRequest& y) { return x.ref < y.ref; });
    auto* d = new PointsDialog(round_ ? *round_ : councils::PointsRound(), sittingMembers(), openRequests, allocations_, this);
    d->setSubmit([this, d]() -> QString { return givePoints(d->memberEmail(), d->points()) ? QString() : message(); });
    return d;
}

void CouncilsPage::openUserMeetingDialog() {
    if (newUserMeeting_->isEnabled()) runOwned(meetingDialog(councils::MeetingKind::UserMeeting));
}
void CouncilsPage::openCouncilMeetingDialog() {
    if (newCouncilMeeting_->isEnabled()) runOwned(meetingDialog(councils::MeetingKind::CouncilMeeting));
}
void CouncilsPage::openAttendanceDialog() {
    if (attendance_->isEnabled()) runOwned(attendanceDialog());
}
void CouncilsPage::openElectionDialog() {
    if (elect_->isEnabled()) runOwned(electionDialog());
}
void CouncilsPage::openUserNotesDialog() {
    if (userNotes_->isEnabled()) runOwned(notesDialog(councils::MeetingKind::UserMeeting));
}
void CouncilsPage::openCouncilNotesDialog() {
    if (councilNotes_->isEnabled()) runOwned(notesDialog(councils::MeetingKind::CouncilMeeting));
}
void CouncilsPage::openLeaveDialog() {
    if (leave_->isEnabled()) runOwned(leaveDialog());
}
void CouncilsPage::openRequestDialog() {
    if (newRequest_->isEnabled()) runOwned(requestDialog());
}
void CouncilsPage::openRespondDialog() {
    if (respond_->isEnabled()) runOwned(respondDialog());
}
void CouncilsPage::openRoundDialog() {
    if (openRound_->isEnabled()) runOwned(roundDialog());
}
void CouncilsPage::openPointsDialog() {
    if (points_->isEnabled()) runOwned(pointsDialog());
}
void CouncilsPage::closeRoundAsked() {
    if (closeRound_->isEnabled()) endRound();
}

void CouncilsPage::exportAsked() {
    if (!export_->isEnabled()) return;
    QString filter;
    const QString path = QFileDialog::getSaveFileName(this, tr("Eksporter brukerrådet"), QStringLiteral("brukerrad-%1.html").arg(service_),
                                                      tr("HTML-dokument (*.html);;JSON (*.json);;Endringsønsker som CSV (*.csv)"), &filter);
    if (path.isEmpty()) return;
    const QString suffix = QFileInfo(path).suffix().toLower();
    const QString format = suffix == QLatin1String("json") || suffix == QLatin1String("csv") ? suffix : QStringLiteral("html");
    exportTo(path, format);
}

}  // namespace vakt::desktop
