#include "desktop/catalog/catalog_page.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <utility>

#include "desktop/catalog/catalog_model.h"
#include "desktop/shell/formatting.h"
#include "desktop/shell/tables.h"

namespace vakt::desktop {

class CatalogFilter : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    QString text;
    QString kind;
    QString lifecycle;
    bool attentionOnly = false;
    void refresh() { invalidateFilter(); }

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override {
        const QModelIndex i = sourceModel()->index(row, 0, parent);
        const auto* m = static_cast<const CatalogModel*>(sourceModel());
        const CatalogSummary& s = m->entries()[row];
        if (!kind.isEmpty() && s.kind != kind) return false;
        if (!lifecycle.isEmpty() && s.lifecycle != lifecycle) return false;
        if (attentionOnly && !i.data(CatalogModel::NeedsAttentionRole).toBool()) return false;
        for (const auto& word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts))
            if (!i.data(CatalogModel::FilterTextRole).toString().contains(word, Qt::CaseInsensitive)) return false;
        return true;
    }
};

namespace {
constexpr int kDocAgeColumn = 5;

QComboBox* comboOf(const QStringList& codes, QString (*title)(const QString&), QWidget* parent) {
    auto* c = new QComboBox(parent);
    for (const auto& code : codes) c->addItem(title(code), code);
    return c;
}
}  // namespace

CatalogPage::CatalogPage(AppContext& context, QWidget* parent)
    : Page(parent), ctx_(context), service_(*context.store), canWrite_(context.session.allows(permission::CatalogWrite)) {
    auto* layout = new QVBoxLayout(this);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("catalogSplitter"));
    buildList(splitter);
    splitter->addWidget(buildEditor());
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({620, 560});
    layout->addWidget(splitter);
    reload();
    setEditable(false);
    // Never an empty form that looks like a new entry: the first entry is shown from the start.
    if (filter_->rowCount() > 0) selectEntry(filter_->index(0, 0).data(CatalogModel::KeyRole).toString());
}

void CatalogPage::refresh() {
    if (!dirty_) reload();
}

void CatalogPage::focusSearch() {
    search_->setFocus();
    search_->selectAll();
}

void CatalogPage::showItems(const QString& which) {
    if (which == QLatin1String("stale")) attentionFilter_->setCurrentIndex(1);
}

QDate CatalogPage::parseDate(const QString& text) {
    const QString t = text.trimmed();
    for (const QString& format : {QStringLiteral("dd.MM.yyyy"), QStringLiteral("d.M.yyyy"), QStringLiteral("yyyy-MM-dd")}) {
        const QDate d = QDate::fromString(t, format);
        if (d.isValid()) return d;
    }
    return QLocale().toDate(t, QLocale::ShortFormat);
}

void CatalogPage::buildList(QWidget* parent) {
    auto* box = new QWidget(parent);
    auto* v = new QVBoxLayout(box);
    v->setContentsMargins(0, 0, 0, 0);
    auto* title = new QLabel(QStringLiteral("<h2>%1</h2>").arg(tr("Produktkatalog")), box);
    v->addWidget(title);

    search_ = new QLineEdit(box);
    search_->setObjectName(QStringLiteral("catalogSearch"));
    search_->setPlaceholderText(tr("Søk etter navn, nøkkel eller produktansvarlig"));
    search_->setClearButtonEnabled(true);
    v->addWidget(search_);

    auto* filters = new QHBoxLayout;
    kindFilter_ = new QComboBox(box);
    kindFilter_->setObjectName(QStringLiteral("catalogKindFilter"));
    kindFilter_->addItem(tr("Alle typer"), QString());
    for (const auto& k : EntryKind::all()) kindFilter_->addItem(kindTitle(k), k);
    lifecycleFilter_ = new QComboBox(box);
    lifecycleFilter_->setObjectName(QStringLiteral("catalogLifecycleFilter"));
    lifecycleFilter_->addItem(tr("Alle statuser"), QString());
    for (const auto& l : Lifecycle::all()) lifecycleFilter_->addItem(lifecycleTitle(l), l);
    attentionFilter_ = new QComboBox(box);
    attentionFilter_->setObjectName(QStringLiteral("catalogAttentionFilter"));
    attentionFilter_->addItem(tr("Alle dokumenter"), false);
    attentionFilter_->addItem(tr("ROS eller DPIA mangler/er utdatert"), true);
    filters->addWidget(kindFilter_);
    filters->addWidget(lifecycleFilter_);
    filters->addWidget(attentionFilter_);
    v->addLayout(filters);

    model_ = new CatalogModel(this);
    filter_ = new CatalogFilter(this);
    filter_->setSourceModel(model_);
    filter_->setSortRole(Qt::UserRole);
    table_ = new QTableView(box);
    table_->setObjectName(QStringLiteral("catalogTable"));
    table_->setModel(filter_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSortingEnabled(true);
    table_->sortByColumn(CatalogModel::Name, Qt::AscendingOrder);
    table_->verticalHeader()->hide();
    table_->setTabKeyNavigation(false);
    rememberHeader(table_->horizontalHeader(), QStringLiteral("catalog"));
    table_->setAlternatingRowColors(true);
    v->addWidget(table_, 1);

    auto* bottom = new QHBoxLayout;
    countLabel_ = new QLabel(box);
    countLabel_->setObjectName(QStringLiteral("catalogCount"));
    bottom->addWidget(countLabel_, 1);
    newButton_ = new QPushButton(tr("Ny oppføring"), box);
    newButton_->setObjectName(QStringLiteral("catalogNew"));
    newButton_->setEnabled(canWrite_);
    bottom->addWidget(newButton_);
    auto* exportButton = new QToolButton(box);
    exportButton->setObjectName(QStringLiteral("catalogExport"));
    exportButton->setText(tr("Eksporter"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(exportButton);
    menu->addAction(tr("Som JSON …"), this, [this] { exportCatalog(QStringLiteral("json")); });
    menu->addAction(tr("Som CSV (regneark) …"), this, [this] { exportCatalog(QStringLiteral("csv")); });
    exportButton->setMenu(menu);
    bottom->addWidget(exportButton);
    v->addLayout(bottom);

    auto refilter = [this] {
        filter_->text = search_->text();
        filter_->kind = kindFilter_->currentData().toString();
        filter_->lifecycle = lifecycleFilter_->currentData().toString();
        filter_->attentionOnly = attentionFilter_->currentData().toBool();
        filter_->refresh();
        countLabel_->setText(tr("Viser %1 av %2").arg(filter_->rowCount()).arg(model_->rowCount()));
    };
    connect(search_, &QLineEdit::textChanged, this, refilter);
    for (auto* c : {kindFilter_, lifecycleFilter_, attentionFilter_})
        connect(c, &QComboBox::currentIndexChanged, this, refilter);
    connect(filter_, &QAbstractItemModel::modelReset, this, refilter);
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &CatalogPage::onSelectionChanged);
    connect(newButton_, &QPushButton::clicked, this, &CatalogPage::newEntry);
}

QWidget* CatalogPage::buildEditor() {
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    auto* box = new QWidget(scroll);
    auto* v = new QVBoxLayout(box);
    heading_ = new QLabel(box);
    heading_->setObjectName(QStringLiteral("entryHeading"));
    v->addWidget(heading_);
    readOnlyBanner_ = new QLabel(tr("Du har lesetilgang til katalogen. Endringer krever rollen produktansvarlig, "
                                    "sikkerhetsansvarlig eller administrator."), box);
    readOnlyBanner_->setObjectName(QStringLiteral("readOnlyBanner"));
    readOnlyBanner_->setWordWrap(true);
    readOnlyBanner_->setStyleSheet(QStringLiteral("background: #fff4ce; padding: 6px;"));
    readOnlyBanner_->setVisible(!canWrite_);
    v->addWidget(readOnlyBanner_);

    tabs_ = new QTabWidget(box);
    tabs_->setObjectName(QStringLiteral("entryTabs"));
    auto track = [this](QWidget* w) {
        editors_ << w;
        return w;
    };

    // Overview
    auto* overview = new QWidget(tabs_);
    auto* form = new QFormLayout(overview);
    key_ = new QLineEdit(overview);
    key_->setObjectName(QStringLiteral("fieldKey"));
    key_->setToolTip(tr("Fast nøkkel med små bokstaver, tall og bindestrek. Kan ikke endres etter at oppføringen er lagret."));
    name_ = new QLineEdit(overview);
    name_->setObjectName(QStringLiteral("fieldName"));
    kind_ = comboOf(EntryKind::all(), kindTitle, overview);
    kind_->setObjectName(QStringLiteral("fieldKind"));
    lifecycle_ = comboOf(Lifecycle::all(), lifecycleTitle, overview);
    lifecycle_->setObjectName(QStringLiteral("fieldLifecycle"));
    established_ = new QSpinBox(overview);
    established_->setObjectName(QStringLiteral("fieldEstablished"));
    established_->setRange(0, 2100);
    established_->setSpecialValueText(tr("Ikke satt"));
    lastReviewed_ = new QLineEdit(overview);
    lastReviewed_->setObjectName(QStringLiteral("fieldLastReviewed"));
    lastReviewed_->setPlaceholderText(tr("DD.MM.ÅÅÅÅ"));
    owner_ = new QComboBox(overview);
    owner_->setObjectName(QStringLiteral("fieldOwner"));
    agreements_ = new QLabel(overview);
    agreements_->setObjectName(QStringLiteral("fieldAgreements"));
    form->addRow(tr("Nøkkel:"), track(key_));
    form->addRow(tr("Navn:"), track(name_));
    form->addRow(tr("Type:"), track(kind_));
    form->addRow(tr("Livsløp:"), track(lifecycle_));
    form->addRow(tr("Etablert år:"), track(established_));
    form->addRow(tr("Sist gjennomgått:"), track(lastReviewed_));
    form->addRow(tr("Produktansvarlig:"), track(owner_));
    form->addRow(tr("Organisasjoner med avtale:"), agreements_);
    documentSummary_ = new QLabel(overview);
    documentSummary_->setObjectName(QStringLiteral("fieldDocumentSummary"));
    documentSummary_->setWordWrap(true);
    form->addRow(tr("ROS og DPIA:"), documentSummary_);
    usedBySummary_ = new QLabel(overview);
    usedBySummary_->setObjectName(QStringLiteral("fieldUsedBySummary"));
    usedBySummary_->setWordWrap(true);
    form->addRow(tr("Brukes av:"), usedBySummary_);
    tabs_->addTab(overview, tr("Oversikt"));

    // Texts
    auto* texts = new QWidget(tabs_);
    auto* tf = new QFormLayout(texts);
    auto text = [&](QPlainTextEdit*& field, const char* objectName, const QString& label) {
        field = new QPlainTextEdit(texts);
        field->setObjectName(QString::fromLatin1(objectName));
        field->setTabChangesFocus(true);
        field->setMinimumHeight(70);
        tf->addRow(label, track(field));
    };
    text(goal_, "fieldGoal", tr("Mål:"));
    text(background_, "fieldBackground", tr("Bakgrunn:"));
    text(expectedUse_, "fieldExpectedUse", tr("Forventet bruk:"));
    text(description_, "fieldDescription", tr("Beskrivelse:"));
    text(specialTerms_, "fieldSpecialTerms", tr("Særskilte vilkår:"));
    tabs_->addTab(texts, tr("Beskrivelse"));

    // Roles and documents share a small table editor.
    auto tableTab = [&](QTableWidget*& table, const char* objectName, const QStringList& headers, const QString& tabTitle,
                        QLabel** note) {
        auto* w = new QWidget(tabs_);
        auto* l = new QVBoxLayout(w);
        if (note) {
            *note = new QLabel(w);
            (*note)->setWordWrap(true);
            l->addWidget(*note);
        }
        table = new QTableWidget(0, static_cast<int>(headers.size()), w);
        table->setObjectName(QString::fromLatin1(objectName));
        table->setHorizontalHeaderLabels(headers);
        table->horizontalHeader()->setStretchLastSection(true);
        table->verticalHeader()->hide();
        l->addWidget(track(table), 1);
        auto* buttons = new QHBoxLayout;
        auto* add = new QPushButton(tr("Legg til"), w);
        auto* remove = new QPushButton(tr("Fjern valgt"), w);
        add->setObjectName(QString::fromLatin1(objectName) + QStringLiteral("Add"));
        buttons->addWidget(add);
        buttons->addWidget(remove);
        buttons->addStretch();
        l->addLayout(buttons);
        track(add);
        track(remove);
        connect(remove, &QPushButton::clicked, this, [this, t = table] {
            if (t->currentRow() >= 0) {
                t->removeRow(t->currentRow());
                setDirty(true);
            }
        });
        connect(table, &QTableWidget::cellChanged, this, [this] { setDirty(true); });
        tabs_->addTab(w, tabTitle);
        return add;
    };
    auto* addRole = tableTab(roles_, "rolesTable", {tr("Team"), tr("Rolle"), tr("Person")}, tr("Roller"), nullptr);
    auto* addDoc = tableTab(documents_, "documentsTable",
                            {tr("Type"), tr("Tittel"), tr("Versjon"), tr("Dato"), tr("Plassering"), tr("Alder")}, tr("Dokumenter"),
                            &documentWarnings_);
    documentWarnings_->setObjectName(QStringLiteral("documentWarnings"));
    connect(addRole, &QPushButton::clicked, this, [this] {
        addRoleRow({Team::Development, {}, {}});
        setDirty(true);
    });
    connect(addDoc, &QPushButton::clicked, this, [this] {
        addDocumentRow({DocumentKind::Ros, {}, {}, ctx_.store->clock().today(), {}});
        setDirty(true);
    });

    // Dependencies, both ways.
    auto* deps = new QWidget(tabs_);
    auto* dl = new QHBoxLayout(deps);
    auto column = [&](QListWidget*& list, const char* objectName, const QString& label) {
        auto* c = new QVBoxLayout;
        c->addWidget(new QLabel(label, deps));
        list = new QListWidget(deps);
        list->setObjectName(QString::fromLatin1(objectName));
        c->addWidget(list);
        dl->addLayout(c);
    };
    column(dependsOn_, "dependsOnList", tr("Bruker (kryss av):"));
    column(nationalList_, "nationalComponentsList", tr("Nasjonale komponenter:"));
    column(usedBy_, "usedByList", tr("Brukes av:"));
    track(dependsOn_);
    track(nationalList_);
    tabs_->addTab(deps, tr("Avhengigheter"));
    v->addWidget(tabs_, 1);

    message_ = new QLabel(box);
    message_->setObjectName(QStringLiteral("entryMessage"));
    message_->setWordWrap(true);
    v->addWidget(message_);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    revertButton_ = new QPushButton(tr("Angre endringer"), box);
    revertButton_->setObjectName(QStringLiteral("revertButton"));
    saveButton_ = new QPushButton(tr("Lagre"), box);
    saveButton_->setObjectName(QStringLiteral("saveButton"));
    saveButton_->setDefault(true);
    buttons->addWidget(revertButton_);
    buttons->addWidget(saveButton_);
    v->addLayout(buttons);
    connect(saveButton_, &QPushButton::clicked, this, &CatalogPage::save);
    connect(revertButton_, &QPushButton::clicked, this, &CatalogPage::revert);

    for (auto* e : {key_, name_, lastReviewed_}) connect(e, &QLineEdit::textEdited, this, [this] { setDirty(true); });
    for (auto* e : {goal_, background_, expectedUse_, description_, specialTerms_})
        connect(e, &QPlainTextEdit::textChanged, this, [this] { setDirty(true); });
    for (auto* c : {kind_, lifecycle_, owner_}) connect(c, &QComboBox::currentIndexChanged, this, [this] { setDirty(true); });
    connect(established_, &QSpinBox::valueChanged, this, [this] { setDirty(true); });
    for (auto* l : {dependsOn_, nationalList_}) connect(l, &QListWidget::itemChanged, this, [this] { setDirty(true); });

    scroll->setWidget(box);
    setDirty(false);
    return scroll;
}

void CatalogPage::prepareScreenshot() {
    if (filter_->rowCount() > 0) selectEntry(filter_->index(0, 0).data(CatalogModel::KeyRole).toString());
}

void CatalogPage::reload() {
    auto list = service_.list(ctx_.session);
    auto people = service_.people(ctx_.session);
    auto national = service_.nationalComponents(ctx_.session);
    if (!list || !people || !national) {
        message_->setText(tr("Kunne ikke lese katalogen: %1")
                              .arg(describeError(!list ? list.error() : !people ? people.error() : national.error())));
        return;
    }
    people_ = *people;
    nationalComponents_ = *national;
    allKeys_.clear();
    for (const auto& s : *list) allKeys_ << s.key;
    const QString keep = currentKey();
    model_->setEntries(*list, ctx_.store->clock().today());
    fitColumns(table_);
    needsFollowUp_ = 0;
    for (const auto& e : *list) needsFollowUp_ += documentsNeedFollowUp(e, ctx_.store->clock().today()) ? 1 : 0;
    emit attentionChanged();
    loading_ = true;
    owner_->clear();
    owner_->addItem(tr("(ingen)"), QString());
    for (const auto& p : people_) owner_->addItem(QStringLiteral("%1 <%2>").arg(p.name, p.email), p.email);
    loading_ = false;
    if (!keep.isEmpty()) selectEntry(keep);
}

bool CatalogPage::selectEntry(const QString& key) {
    const int row = model_->rowOfKey(key);
    if (row < 0) return false;
    const QModelIndex proxy = filter_->mapFromSource(model_->index(row, 0));
    if (!proxy.isValid()) {
        // Filtered away: show it anyway, so a selection is never hidden behind a filter.
        auto entry = service_.get(ctx_.session, key);
        if (entry) showEntry(*entry);
        return true;
    }
    table_->selectionModel()->setCurrentIndex(proxy, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    table_->scrollTo(proxy);
    if (currentKey() != key) onSelectionChanged();
    return true;
}

void CatalogPage::onSelectionChanged() {
    const QModelIndex current = table_->selectionModel()->currentIndex();
    if (!current.isValid()) return;
    const QString key = current.data(CatalogModel::KeyRole).toString();
    if (reverting_ || (key == currentKey() && !isNew_)) return;
    if (!confirmLeave()) {
        // Stay on the edited entry, and show the table on it too (the view follows the model's signals).
        const int row = model_->rowOfKey(currentKey());
        reverting_ = true;
        if (row >= 0)
            table_->selectionModel()->setCurrentIndex(filter_->mapFromSource(model_->index(row, 0)),
                                                      QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        else
            table_->selectionModel()->clearSelection();  // a new, unsaved entry has no row
        reverting_ = false;
        return;
    }
    auto entry = service_.get(ctx_.session, key);
    if (!entry) {
        message_->setText(describeError(entry.error()));
        message_->setToolTip(errorDetail(entry.error()));
        return;
    }
    showEntry(*entry);
}

bool CatalogPage::confirmLeave() {
    if (!dirty_) return true;
    const auto answer = QMessageBox::question(this, tr("Ulagrede endringer"),
                                              tr("Du har endringer i «%1» som ikke er lagret. Vil du forkaste dem?").arg(name_->text()),
                                              QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Discard) return false;
    setDirty(false);
    return true;
}

void CatalogPage::showEntry(const std::optional<CatalogEntry>& entry) {
    loading_ = true;
    current_ = entry;
    isNew_ = false;
    message_->clear();
    const CatalogEntry e = entry.value_or(CatalogEntry{});
    heading_->setText(QStringLiteral("<h2>%1</h2><span>%2</span>")
                          .arg(e.name.toHtmlEscaped(), entry ? kindTitle(e.kind) + QStringLiteral(" · ") + e.key : QString()));
    key_->setText(e.key);
    key_->setReadOnly(entry.has_value());
    name_->setText(e.name);
    kind_->setCurrentIndex(std::max(0, kind_->findData(e.kind)));
    lifecycle_->setCurrentIndex(std::max(0, lifecycle_->findData(e.lifecycle)));
    established_->setValue(e.establishedYear);
    lastReviewed_->setText(e.lastReviewed.isValid() ? QLocale().toString(e.lastReviewed, QLocale::ShortFormat) : QString());
    owner_->setCurrentIndex(std::max(0, owner_->findData(e.productOwnerEmail)));
    goal_->setPlainText(e.goal);
    background_->setPlainText(e.background);
    expectedUse_->setPlainText(e.expectedUse);
    description_->setPlainText(e.description);
    specialTerms_->setPlainText(e.specialTerms);

    const auto agreements = entry ? service_.agreementCount(ctx_.session, e.key) : Result<int>(0);
    agreements_->setText(agreements ? formatNumber(*agreements) : describeError(agreements.error()));

    roles_->setRowCount(0);
    for (const auto& r : e.roles) addRoleRow(r);
    documents_->setRowCount(0);
    for (const auto& d : e.documents) addDocumentRow(d);
    documents_->resizeColumnsToContents();
    showDocumentWarnings(e.documents);

    dependsOn_->clear();
    for (const auto& key : allKeys_) {
        if (key == e.key) continue;
        auto* item = new QListWidgetItem(key, dependsOn_);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(e.dependsOn.contains(key) ? Qt::Checked : Qt::Unchecked);
    }
    nationalList_->clear();
    for (const auto& name : nationalComponents_) {
        auto* item = new QListWidgetItem(name, nationalList_);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(e.nationalComponents.contains(name) ? Qt::Checked : Qt::Unchecked);
    }
    usedBy_->clear();
    if (entry) {
        auto users = service_.usedBy(ctx_.session, e.key);
        if (users) usedBy_->addItems(*users);
    }
    QStringList usedByKeys;
    for (int i = 0; i < usedBy_->count(); ++i) usedByKeys << usedBy_->item(i)->text();
    usedBySummary_->setText(usedByKeys.isEmpty() ? tr("ingen andre oppføringer") : usedByKeys.join(QStringLiteral(", ")));
    loading_ = false;
    setDirty(false);
    setEditable(canWrite_);
}

void CatalogPage::addRoleRow(const CatalogRole& r) {
    const bool wasLoading = std::exchange(loading_, true);
    const int row = roles_->rowCount();
    roles_->insertRow(row);
    auto* team = comboOf(Team::all(), teamTitle, roles_);
    team->setCurrentIndex(std::max(0, team->findData(r.team)));
    roles_->setCellWidget(row, 0, team);
    roles_->setItem(row, 1, new QTableWidgetItem(r.role));
    auto* person = new QComboBox(roles_);
    for (const auto& p : people_) person->addItem(QStringLiteral("%1 <%2>").arg(p.name, p.email), p.email);
    person->setCurrentIndex(std::max(0, person->findData(r.personEmail)));
    roles_->setCellWidget(row, 2, person);
    connect(team, &QComboBox::currentIndexChanged, this, [this] { setDirty(true); });
    connect(person, &QComboBox::currentIndexChanged, this, [this] { setDirty(true); });
    loading_ = wasLoading;
}

void CatalogPage::addDocumentRow(const CatalogDocument& d) {
    const bool wasLoading = std::exchange(loading_, true);
    const QDate today = ctx_.store->clock().today();
    const int row = documents_->rowCount();
    documents_->insertRow(row);
    auto* kind = comboOf(DocumentKind::all(), documentKindTitle, documents_);
    kind->setCurrentIndex(std::max(0, kind->findData(d.kind)));
    documents_->setCellWidget(row, 0, kind);
    connect(kind, &QComboBox::currentIndexChanged, this, [this] { setDirty(true); });
    documents_->setItem(row, 1, new QTableWidgetItem(d.title));
    documents_->setItem(row, 2, new QTableWidgetItem(d.version));
    documents_->setItem(row, 3, new QTableWidgetItem(d.date.isValid() ? formatDate(d.date) : QString()));
    documents_->setItem(row, 4, new QTableWidgetItem(d.location));
    QString age;
    if (d.date.isValid()) {
        const qint64 months = d.date.daysTo(today) / 30;
        age = months < 1 ? tr("under en måned") : tr("%n måned(er)", nullptr, static_cast<int>(months));
    }
    auto* ageItem = new QTableWidgetItem(age);
    ageItem->setFlags(Qt::ItemIsEnabled);
    if ((d.kind == DocumentKind::Ros || d.kind == DocumentKind::Dpia) && d.date.isValid() && d.date < today.addMonths(-12))
        ageItem->setForeground(QColor(0xb0, 0x00, 0x20));
    documents_->setItem(row, kDocAgeColumn, ageItem);
    loading_ = wasLoading;
}

void CatalogPage::showDocumentWarnings(const QList<CatalogDocument>& documents) {
    const QDate today = ctx_.store->clock().today();
    QStringList warnings;
    for (const auto& [kind, label] : {std::pair{DocumentKind::Ros, tr("ROS-analyse")}, std::pair{DocumentKind::Dpia, tr("DPIA")}}) {
        switch (documentState(documents, kind, today)) {
            case DocumentState::Missing: warnings << tr("%1 mangler.").arg(label); break;
            case DocumentState::Outdated:
                warnings << tr("%1 er eldre enn 12 måneder (sist %2).").arg(label, formatDate(newestDocumentDate(documents, kind)));
                break;
            case DocumentState::Current: break;
        }
    }
    documentWarnings_->setText(warnings.isEmpty() ? tr("ROS og DPIA er oppdatert.") : tr("⚠ ") + warnings.join(QLatin1Char(' ')));
    documentWarnings_->setStyleSheet(warnings.isEmpty() ? QString() : QStringLiteral("color: #b00020; font-weight: bold;"));
    documentSummary_->setText(documentWarnings_->text());
    documentSummary_->setStyleSheet(documentWarnings_->styleSheet());
    const int docTab = tabs_->indexOf(documents_->parentWidget());
    tabs_->setTabText(docTab, warnings.isEmpty() ? tr("Dokumenter") : tr("Dokumenter ⚠"));
}

void CatalogPage::setEditable(bool editable) {
    const bool on = editable && canWrite_ && (current_.has_value() || isNew_);
    // A field that cannot be changed must not look as if it could: it gets the window's background.
    const QString readOnlyLook = QStringLiteral("background: palette(window);");
    for (auto* w : editors_) {
        if (auto* line = qobject_cast<QLineEdit*>(w)) {
            line->setReadOnly(!on || (line == key_ && !isNew_));
            line->setStyleSheet(line->isReadOnly() ? readOnlyLook : QString());
        } else if (auto* text = qobject_cast<QPlainTextEdit*>(w)) {
            text->setReadOnly(!on);
            text->setStyleSheet(on ? QString() : readOnlyLook);
        } else {
            w->setEnabled(on);
        }
    }
    saveButton_->setVisible(canWrite_);
    revertButton_->setVisible(canWrite_);
}

void CatalogPage::setDirty(bool dirty) {
    if (loading_) return;
    dirty_ = dirty;
    saveButton_->setEnabled(dirty && canWrite_);
    revertButton_->setEnabled(dirty && canWrite_);
}

CatalogEntry CatalogPage::collect(QString* error) const {
    CatalogEntry e;
    e.key = key_->text().trimmed();
    e.name = name_->text().trimmed();
    e.kind = kind_->currentData().toString();
    e.lifecycle = lifecycle_->currentData().toString();
    e.establishedYear = established_->value();
    const QString reviewed = lastReviewed_->text().trimmed();
    if (!reviewed.isEmpty()) {
        e.lastReviewed = parseDate(reviewed);
        if (!e.lastReviewed.isValid()) *error = tr("Sist gjennomgått: «%1» er ikke en dato (for eksempel 15.09.2026).").arg(reviewed);
    }
    e.productOwnerEmail = owner_->currentData().toString();
    e.goal = goal_->toPlainText();
    e.background = background_->toPlainText();
    e.expectedUse = expectedUse_->toPlainText();
    e.description = description_->toPlainText();
    e.specialTerms = specialTerms_->toPlainText();
    for (int i = 0; i < dependsOn_->count(); ++i)
        if (dependsOn_->item(i)->checkState() == Qt::Checked) e.dependsOn << dependsOn_->item(i)->text();
    for (int i = 0; i < nationalList_->count(); ++i)
        if (nationalList_->item(i)->checkState() == Qt::Checked) e.nationalComponents << nationalList_->item(i)->text();
    for (int r = 0; r < roles_->rowCount(); ++r) {
        auto* team = qobject_cast<QComboBox*>(roles_->cellWidget(r, 0));
        auto* person = qobject_cast<QComboBox*>(roles_->cellWidget(r, 2));
        e.roles << CatalogRole{team->currentData().toString(), roles_->item(r, 1) ? roles_->item(r, 1)->text().trimmed() : QString(),
                               person->currentData().toString()};
    }
    for (int r = 0; r < documents_->rowCount(); ++r) {
        auto cell = [&](int c) { return documents_->item(r, c) ? documents_->item(r, c)->text().trimmed() : QString(); };
        CatalogDocument d{qobject_cast<QComboBox*>(documents_->cellWidget(r, 0))->currentData().toString(), cell(1), cell(2), {}, cell(4)};
        if (!cell(3).isEmpty()) {
            d.date = parseDate(cell(3));
            if (!d.date.isValid() && error->isEmpty())
                *error = tr("Dokumenter, rad %1: «%2» er ikke en dato (for eksempel 15.09.2026).").arg(r + 1).arg(cell(3));
        }
        e.documents << d;
    }
    return e;
}

bool CatalogPage::save() {
    if (!canWrite_ || (!current_ && !isNew_)) return false;
    QString error;
    const CatalogEntry entry = collect(&error);
    if (!error.isEmpty()) {
        message_->setStyleSheet(QStringLiteral("color: #b00020"));
        message_->setText(error);
        return false;
    }
    if (isNew_ && allKeys_.contains(entry.key)) {
        message_->setStyleSheet(QStringLiteral("color: #b00020"));
        message_->setText(tr("Nøkkelen «%1» er allerede i bruk.").arg(entry.key));
        return false;
    }
    // Saved through core: permission-checked, validated and recorded in the trail.
    if (auto s = service_.save(ctx_.session, entry); !s) {
        message_->setStyleSheet(QStringLiteral("color: #b00020"));
        message_->setText(tr("Ikke lagret: %1").arg(describeError(s.error())));
        message_->setToolTip(errorDetail(s.error()));
        return false;
    }
    isNew_ = false;
    current_ = entry;
    setDirty(false);
    reload();
    selectEntry(entry.key);
    auto saved = service_.get(ctx_.session, entry.key);
    if (saved) showEntry(*saved);
    message_->setStyleSheet(QStringLiteral("color: #1b5e20"));
    message_->setText(tr("Lagret."));
    return true;
}

void CatalogPage::revert() {
    if (isNew_) {
        isNew_ = false;
        setDirty(false);
        showEntry(std::nullopt);
        setEditable(false);
        return;
    }
    if (!current_) return;
    auto entry = service_.get(ctx_.session, current_->key);
    if (entry) showEntry(*entry);
}

void CatalogPage::newEntry() {
    if (!confirmLeave()) return;
    table_->selectionModel()->clearSelection();
    showEntry(std::nullopt);
    isNew_ = true;
    heading_->setText(QStringLiteral("<h2>%1</h2>").arg(tr("Ny oppføring")));
    key_->setReadOnly(false);
    setEditable(true);
    tabs_->setCurrentIndex(0);
    key_->setFocus();
}

void CatalogPage::exportCatalog(const QString& format) {
    const QString path = QFileDialog::getSaveFileName(this, tr("Eksporter katalogen"),
                                                      QStringLiteral("produktkatalog.") + format,
                                                      format == QLatin1String("csv") ? tr("CSV (*.csv)") : tr("JSON (*.json)"));
    if (path.isEmpty()) return;
    auto all = service_.all(ctx_.session);
    if (!all) {
        QMessageBox box(QMessageBox::Warning, tr("Eksport"), describeError(all.error()), QMessageBox::Close, this);
        box.setDetailedText(errorDetail(all.error()));
        box.exec();
        return;
    }
    QSaveFile file(path);
    const QByteArray bytes = format == QLatin1String("csv") ? catalogToCsv(*all) : catalogToJson(*all);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        QMessageBox::warning(this, tr("Eksport"), tr("Kunne ikke skrive %1: %2").arg(path, file.errorString()));
        return;
    }
    message_->setStyleSheet(QString());
    message_->setText(tr("Eksporterte %1 oppføringer til %2.").arg(all->size()).arg(path));
}

}  // namespace vakt::desktop
