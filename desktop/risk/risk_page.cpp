#include "desktop/risk/risk_page.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QSvgRenderer>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QSplitter>
#include <QSvgWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "desktop/risk/heat_map.h"
#include "desktop/risk/losses_tab.h"
#include "desktop/risk/stories_tab.h"
#include "desktop/shell/formatting.h"
#include "desktop/shell/tables.h"
#include "riskmodel/analysis.h"
#include "riskmodel/chain_reader.h"
#include "riskmodel/diagram.h"

namespace vakt::desktop {

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

QString local(const risk::LocalText& t) { return inUserLanguage(q(t.nb), q(t.en)); }

QString strideTitle(const QString& stride) {
    if (stride == QLatin1String("spoofing")) return QCoreApplication::translate("RiskPage", "Forfalskning av identitet");
    if (stride == QLatin1String("tampering")) return QCoreApplication::translate("RiskPage", "Manipulering");
    if (stride == QLatin1String("repudiation")) return QCoreApplication::translate("RiskPage", "Fornekting");
    if (stride == QLatin1String("information_disclosure")) return QCoreApplication::translate("RiskPage", "Informasjonslekkasje");
    if (stride == QLatin1String("denial_of_service")) return QCoreApplication::translate("RiskPage", "Tjenestenekt");
    if (stride == QLatin1String("elevation_of_privilege")) return QCoreApplication::translate("RiskPage", "Rettighetseskalering");
    return stride;
}

QString eventTitle(risk::Event e) {
    switch (e) {
        case risk::Event::Change: return QCoreApplication::translate("RiskPage", "Endring");
        case risk::Event::Vulnerability: return QCoreApplication::translate("RiskPage", "Sårbarhet");
        case risk::Event::Incident: return QCoreApplication::translate("RiskPage", "Hendelse");
        case risk::Event::Outage: return QCoreApplication::translate("RiskPage", "Driftsavbrudd");
    }
    return {};
}

QString nodeKindTitle(const QString& kind) {
    if (kind == QLatin1String("municipality")) return QCoreApplication::translate("RiskPage", "Kommuner");
    if (kind == QLatin1String("county")) return QCoreApplication::translate("RiskPage", "Fylkeskommuner");
    if (kind == QLatin1String("service")) return QCoreApplication::translate("RiskPage", "Tjenester");
    if (kind == QLatin1String("component")) return QCoreApplication::translate("RiskPage", "Komponenter");
    if (kind == QLatin1String("hosting")) return QCoreApplication::translate("RiskPage", "Driftsleverandører");
    if (kind == QLatin1String("vendor")) return QCoreApplication::translate("RiskPage", "Leverandører");
    if (kind == QLatin1String("vendor_system")) return QCoreApplication::translate("RiskPage", "Leverandørsystemer");
    if (kind == QLatin1String("national_component")) return QCoreApplication::translate("RiskPage", "Nasjonale felleskomponenter");
    return QCoreApplication::translate("RiskPage", "Virksomheter");
}

// The reasons the register writes, in the user's language (they are stored in English).
QString describeReason(const QString& reason) {
    static const QRegularExpression derived(QStringLiteral("^derived by (\\S+) from model version (\\d+)$"));
    static const QRegularExpression gone(QStringLiteral("^no longer raised by model version (\\d+)$"));
    static const QRegularExpression again(QStringLiteral("^raised again by model version (\\d+)$"));
    static const QRegularExpression expired(QStringLiteral("^acceptance expired on (\\S+)$"));
    static const QRegularExpression rose(QStringLiteral("^level rose from (\\S+) to (\\S+)$"));
    static const QRegularExpression evidence(QStringLiteral("^evidence: (\\d+) incidents in (\\d+) days \\(([^)]*)\\)(?:; (.*))?$"),
                                             QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression imported(QStringLiteral("^imported from (.+)$"));
    if (auto m = evidence.match(reason); m.hasMatch())
        return QCoreApplication::translate("RiskPage", "bevis: %1 hendelser på %2 dager (%3)").arg(m.captured(1), m.captured(2), m.captured(3)) +
               (m.captured(4).isEmpty() ? QString() : QStringLiteral("; ") + m.captured(4));
    if (auto m = imported.match(reason); m.hasMatch()) return QCoreApplication::translate("RiskPage", "importert fra %1").arg(m.captured(1));
    if (auto m = derived.match(reason); m.hasMatch())
        return QCoreApplication::translate("RiskPage", "utledet av regel %1 fra modellversjon %2").arg(m.captured(1), m.captured(2));
    if (auto m = gone.match(reason); m.hasMatch())
        return QCoreApplication::translate("RiskPage", "reises ikke lenger av modellversjon %1").arg(m.captured(1));
    if (auto m = again.match(reason); m.hasMatch())
        return QCoreApplication::translate("RiskPage", "reist igjen av modellversjon %1").arg(m.captured(1));
    if (auto m = expired.match(reason); m.hasMatch())
        return QCoreApplication::translate("RiskPage", "aksepten utløp %1").arg(formatDate(QDate::fromString(m.captured(1), Qt::ISODate)));
    if (auto m = rose.match(reason); m.hasMatch())
        return QCoreApplication::translate("RiskPage", "nivået steg fra %1 til %2").arg(m.captured(1), m.captured(2));
    return reason;
}

// Statuses the register filter offers, in order; the data is what the filter matches.
enum Filter { Current, AboveCriteria, WaitingForMe, Accepted, Closed };

}  // namespace

QString levelTitle(const risk::RiskMatrix& matrix, const QString& key) {
    for (const auto& l : matrix.levels)
        if (q(l.key) == key) return local(l.label);
    return key;
}

QString riskStatusTitle(const QString& status) {
    if (status == QLatin1String("open")) return QCoreApplication::translate("RiskPage", "Åpen");
    if (status == QLatin1String("accepted")) return QCoreApplication::translate("RiskPage", "Akseptert");
    if (status == QLatin1String("mitigated")) return QCoreApplication::translate("RiskPage", "Håndtert");
    if (status == QLatin1String("false_positive")) return QCoreApplication::translate("RiskPage", "Falsk positiv");
    if (status == QLatin1String("closed")) return QCoreApplication::translate("RiskPage", "Lukket");
    return status;
}

RiskPage::RiskPage(AppContext& context, QWidget* parent) : Page(parent), ctx_(context), risks_(*context.store) {
    setObjectName(QStringLiteral("riskPage"));
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    auto* heading = new QLabel(QStringLiteral("<h2>%1</h2>").arg(tr("Risiko og ROS")), this);
    top->addWidget(heading);
    top->addStretch(1);
    progress_ = new QProgressBar(this);
    progress_->setObjectName(QStringLiteral("riskProgress"));
    progress_->setMaximumWidth(240);
    progress_->hide();
    top->addWidget(progress_);
    analyse_ = new QPushButton(tr("Analyser alle modeller"), this);
    analyse_->setObjectName(QStringLiteral("riskAnalyseAll"));
    analyse_->setToolTip(tr("Kjør reglene på nyeste trusselmodell for hver tjeneste og oppdater registeret."));
    top->addWidget(analyse_);
    layout->addLayout(top);
    message_ = new QLabel(this);
    message_->setObjectName(QStringLiteral("riskMessage"));
    message_->setWordWrap(true);
    layout->addWidget(message_);

    tabs_ = new QTabWidget(this);
    tabs_->setObjectName(QStringLiteral("riskTabs"));
    layout->addWidget(tabs_, 1);

    // ---- Register
    auto* reg = new QWidget(tabs_);
    auto* regLayout = new QVBoxLayout(reg);
    auto* filters = new QHBoxLayout;
    service_ = new QComboBox(reg);
    service_->setObjectName(QStringLiteral("riskServiceFilter"));
    status_ = new QComboBox(reg);
    status_->setObjectName(QStringLiteral("riskStatusFilter"));
    status_->addItem(tr("Åpne og besluttede"), Current);
    status_->addItem(tr("Over akseptkriteriene"), AboveCriteria);
    status_->addItem(tr("Venter på meg"), WaitingForMe);
    status_->addItem(tr("Akseptert"), Accepted);
    status_->addItem(tr("Lukket (trusselen er borte)"), Closed);
    search_ = new QLineEdit(reg);
    search_->setObjectName(QStringLiteral("riskSearch"));
    search_->setPlaceholderText(tr("Søk i tittel, element eller regel"));
    search_->setClearButtonEnabled(true);
    filters->addWidget(new QLabel(tr("Tjeneste:"), reg));
    filters->addWidget(service_);
    filters->addWidget(new QLabel(tr("Vis:"), reg));
    filters->addWidget(status_);
    filters->addWidget(search_, 1);
    export_ = new QPushButton(tr("Eksporter …"), reg);
    export_->setObjectName(QStringLiteral("riskExport"));
    export_->setToolTip(tr("Registeret som regneark (XLSX) eller CSV, med risikoer og tiltak."));
    import_ = new QPushButton(tr("Importer …"), reg);
    import_->setObjectName(QStringLiteral("riskImport"));
    import_->setToolTip(tr("Hent inn et regneark: Vakts eget, eller et register dere har ført før (norske kolonnenavn forstås)."));
    filters->addWidget(export_);
    filters->addWidget(import_);
    regLayout->addLayout(filters);
    summary_ = new QLabel(reg);
    summary_->setObjectName(QStringLiteral("riskSummary"));
    regLayout->addWidget(summary_);
    auto* split = new QSplitter(Qt::Horizontal, reg);
    auto* left = new QSplitter(Qt::Vertical, split);
    heatMap_ = new HeatMap(left);
    table_ = readOnlyTable(QStringLiteral("riskTable"), {tr("Nivå"), tr("S × K"), tr("Status"), tr("Eier"), tr("Tjeneste"), tr("Risiko")}, left, true);
    table_->setSortingEnabled(true);
    auto* right = new QWidget(split);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    detail_ = new QTextBrowser(right);
    detail_->setObjectName(QStringLiteral("riskDetail"));
    detail_->setOpenLinks(false);
    rightLayout->addWidget(detail_, 3);
    rightLayout->addWidget(new QLabel(tr("Vurderinger over tid"), right));
    history_ = readOnlyTable(QStringLiteral("riskHistory"), {tr("Tidspunkt"), tr("Av"), tr("Type"), tr("S × K"), tr("Nivå"), tr("Begrunnelse")}, right);
    rightLayout->addWidget(history_, 2);
    rightLayout->addWidget(new QLabel(tr("Tiltak"), right));
    measures_ = new QListWidget(right);
    measures_->setObjectName(QStringLiteral("riskMeasures"));
    rightLayout->addWidget(measures_, 1);
    auto* actions = new QHBoxLayout;
    owner_ = new QPushButton(tr("Eier …"), right);
    owner_->setObjectName(QStringLiteral("riskOwner"));
    rescore_ = new QPushButton(tr("Ny vurdering …"), right);
    rescore_->setObjectName(QStringLiteral("riskRescore"));
    addMeasure_ = new QPushButton(tr("Nytt tiltak …"), right);
    addMeasure_->setObjectName(QStringLiteral("riskAddMeasure"));
    measureDone_ = new QPushButton(tr("Tiltak gjennomført"), right);
    measureDone_->setObjectName(QStringLiteral("riskMeasureDone"));
    decide_ = new QPushButton(tr("Beslutt …"), right);
    decide_->setObjectName(QStringLiteral("riskDecide"));
    accept_ = new QPushButton(tr("Aksepter …"), right);
    accept_->setObjectName(QStringLiteral("riskAccept"));
    for (QPushButton* b : {owner_, rescore_, addMeasure_, measureDone_, decide_, accept_}) actions->addWidget(b);
    rightLayout->addLayout(actions);
    rightLayout->addWidget(buildEvidenceActions(right));
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    regLayout->addWidget(split, 1);
    tabs_->addTab(reg, tr("Register"));

    // ---- Service
    auto* svc = new QWidget(tabs_);
    auto* svcLayout = new QVBoxLayout(svc);
    auto* svcTop = new QHBoxLayout;
    model_ = new QComboBox(svc);
    model_->setObjectName(QStringLiteral("riskModel"));
    svcTop->addWidget(new QLabel(tr("Trusselmodell:"), svc));
    svcTop->addWidget(model_);
    diagramState_ = new QLabel(svc);
    diagramState_->setObjectName(QStringLiteral("riskDiagramState"));
    svcTop->addWidget(diagramState_, 1);
    svcLayout->addLayout(svcTop);
    auto* svcSplit = new QSplitter(Qt::Vertical, svc);
    diagram_ = new QSvgWidget(svcSplit);
    diagram_->setObjectName(QStringLiteral("riskDiagram"));
    diagram_->setMinimumHeight(260);
    threats_ = readOnlyTable(QStringLiteral("riskThreats"), {tr("Nivå"), tr("S × K"), tr("STRIDE"), tr("Regel"), tr("Element"), tr("Trussel")}, svcSplit, true);
    threats_->setSortingEnabled(true);
    svcLayout->addWidget(svcSplit, 1);
    tabs_->addTab(svc, tr("Tjeneste"));

    // ---- Impact
    auto* imp = new QWidget(tabs_);
    auto* impLayout = new QVBoxLayout(imp);
    auto* impTop = new QHBoxLayout;
    node_ = new QComboBox(imp);
    node_->setObjectName(QStringLiteral("riskImpactNode"));
    node_->setEditable(true);
    node_->setInsertPolicy(QComboBox::NoInsert);
    node_->completer()->setFilterMode(Qt::MatchContains);
    node_->completer()->setCompletionMode(QCompleter::PopupCompletion);
    node_->setMinimumWidth(320);
    event_ = new QComboBox(imp);
    event_->setObjectName(QStringLiteral("riskImpactEvent"));
    for (auto e : {risk::Event::Change, risk::Event::Vulnerability, risk::Event::Incident, risk::Event::Outage})
        event_->addItem(eventTitle(e), static_cast<int>(e));
    showImpact_ = new QPushButton(tr("Vis hvem som berøres"), imp);
    showImpact_->setObjectName(QStringLiteral("riskShowImpact"));
    createTasks_ = new QPushButton(tr("Opprett gjennomgangsoppgaver"), imp);
    createTasks_->setObjectName(QStringLiteral("riskCreateTasks"));
    impTop->addWidget(new QLabel(tr("Node:"), imp));
    impTop->addWidget(node_, 1);
    impTop->addWidget(event_);
    impTop->addWidget(showImpact_);
    impTop->addWidget(createTasks_);
    impLayout->addLayout(impTop);
    impactSummary_ = new QLabel(tr("Velg en tjeneste, komponent, kommune eller leverandør og en hendelse."), imp);
    impactSummary_->setObjectName(QStringLiteral("riskImpactSummary"));
    impactSummary_->setWordWrap(true);
    impLayout->addWidget(impactSummary_);
    impact_ = new QTreeWidget(imp);
    impact_->setObjectName(QStringLiteral("riskImpact"));
    impact_->setHeaderLabels({tr("Berørt"), tr("Avstand"), tr("Vei dit")});
    impLayout->addWidget(impact_, 1);
    tabs_->addTab(imp, tr("Konsekvens av endring"));

    // ---- Tasks
    auto* tsk = new QWidget(tabs_);
    auto* tskLayout = new QVBoxLayout(tsk);
    tasks_ = readOnlyTable(QStringLiteral("riskTasks"), {tr("Opprettet"), tr("Type hendelse"), tr("Utgangspunkt"), tr("Dokument som må gjennomgås"), tr("Vei")}, tsk, true);
    tskLayout->addWidget(tasks_, 1);
    taskDone_ = new QPushButton(tr("Marker som gjennomgått …"), tsk);
    taskDone_->setObjectName(QStringLiteral("riskTaskDone"));
    tskLayout->addWidget(taskDone_, 0, Qt::AlignRight);
    tabs_->addTab(tsk, tr("Gjennomgangsoppgaver"));
    // A derived risk's ref is SERVICE:RULE/ELEMENT: its rule gives the title in the user's language.
    const auto titleByRef = [this](const QString& ref, const QString& title) {
        return localTitle(ref.section(QLatin1Char(':'), 1).section(QLatin1Char('/'), 0, 0), title);
    };
    stories_ = new StoriesTab(ctx_, titleByRef, tabs_);
    tabs_->addTab(stories_, tr("Historier og ROS-mal"));
    losses_ = new LossesTab(ctx_, titleByRef, tabs_);
    tabs_->addTab(losses_, tr("Tapsrisiko"));

    const bool mayWrite = ctx_.session.allows(risk::permission::RiskWrite);
    analyse_->setVisible(mayWrite);
    createTasks_->setEnabled(mayWrite);
    if (!mayWrite) createTasks_->setToolTip(tr("Bare sikkerhetsansvarlig og produktansvarlig oppretter gjennomgangsoppgaver."));
    taskDone_->setEnabled(false);
    if (!ctx_.session.allows(risk::permission::RiskRead)) {
        // The register lists the platform's weaknesses; this role has no part in it.
        tabs_->hide();
        analyse_->hide();
        message_->setText(tr("Risikoregisteret er for sikkerhetsansvarlig, produktansvarlige, ledere, endringsrådet og revisor. "
                             "Rollen din (%1) har ikke tilgang til det.")
                              .arg(roleTitle(ctx_.session.role)));
        return;
    }

    if (auto rules = risk::loadRules({risk::shippedRulesDirectory()})) rules_ = std::move(*rules);
    else message_->setText(describeError(rules.error()));

    connect(service_, &QComboBox::currentIndexChanged, this, [this] { loadRegister(); });
    connect(status_, &QComboBox::currentIndexChanged, this, [this] { fillTable(); });
    connect(search_, &QLineEdit::textChanged, this, [this] { fillTable(); });
    connect(heatMap_, &HeatMap::cellChosen, this, [this] { fillTable(); });
    connect(table_, &QTableWidget::itemSelectionChanged, this, [this] { showSelected(); });
    connect(measures_, &QListWidget::currentRowChanged, this, [this] { showSelected(); });
    connect(accept_, &QPushButton::clicked, this, [this] { openAcceptDialog(); });
    connect(decide_, &QPushButton::clicked, this, [this] { openDecideDialog(); });
    connect(owner_, &QPushButton::clicked, this, [this] { openOwnerDialog(); });
    connect(addMeasure_, &QPushButton::clicked, this, [this] { openMeasureDialog(); });
    connect(measureDone_, &QPushButton::clicked, this, [this] { measureDone(); });
    connect(rescore_, &QPushButton::clicked, this, [this] { openScoreDialog(); });
    connect(analyse_, &QPushButton::clicked, this, [this] { analyseAll(); });
    connect(export_, &QPushButton::clicked, this, [this] { openExportDialog(); });
    connect(import_, &QPushButton::clicked, this, [this] { openImportDialog(); });
    connect(model_, &QComboBox::currentIndexChanged, this, [this] { loadService(); });
    // The node picked from the list by its id, or what was typed (an id or a name).
    auto chosenNode = [this] {
        const bool picked = node_->currentData().isValid() && node_->currentText() == node_->itemText(node_->currentIndex());
        return picked ? node_->currentData().toString() : node_->currentText();
    };
    connect(showImpact_, &QPushButton::clicked, this,
            [this, chosenNode] { showImpact(chosenNode(), static_cast<risk::Event>(event_->currentData().toInt()), false); });
    connect(createTasks_, &QPushButton::clicked, this,
            [this, chosenNode] { showImpact(chosenNode(), static_cast<risk::Event>(event_->currentData().toInt()), true); });
    connect(tasks_, &QTableWidget::itemSelectionChanged, this, [this] {
        taskDone_->setEnabled(ctx_.session.allows(risk::permission::RiskWrite) && tasks_->currentRow() >= 0);
    });
    connect(taskDone_, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString note = QInputDialog::getMultiLineText(this, tr("Gjennomgått"), tr("Hva viste gjennomgangen? (føres i endringsloggen)"), {}, &ok);
        if (ok) completeTask(tasks_->currentRow(), note);
    });
    refresh();
}

void RiskPage::refresh() {
    if (!ctx_.session.allows(risk::permission::RiskRead)) return;
    const QString keepService = service_->currentData().toString();
    const QString keepModel = model_->currentData().toString();
    auto models = risks_.models(ctx_.session);
    if (!models) {
        message_->setText(describeError(models.error()));
        return;
    }
    {
        const QSignalBlocker a(service_), b(model_);
        service_->clear();
        model_->clear();
        service_->addItem(tr("Alle tjenester"), QString());
        for (const auto& m : *models) {
            service_->addItem(m.title, m.service);
            model_->addItem(tr("%1 (versjon %2)").arg(m.title).arg(m.version), m.service);
        }
        service_->setCurrentIndex(std::max(0, service_->findData(keepService)));
        model_->setCurrentIndex(std::max(0, model_->findData(keepModel)));
    }
    QList<QPair<QString, QString>> services;
    for (const auto& m : *models) services.append({m.service, m.title});
    stories_->setServices(services);
    losses_->setServices(services);
    if (auto chain = risk::readValueChain(*ctx_.store, ctx_.session)) {
        const QString keepNode = node_->currentText();
        const QSignalBlocker block(node_);
        node_->clear();
        for (risk::NodeId n = 0; n < chain->size(); ++n) {
            const auto& node = chain->node(n);
            node_->addItem(node.title == node.id ? q(node.id) : QStringLiteral("%1 (%2)").arg(q(node.title), q(node.id)), q(node.id));
        }
        node_->model()->sort(0);
        const int dokumentlager = node_->findData(QStringLiteral("dokumentlager"));
        node_->setCurrentIndex(keepNode.isEmpty() ? std::max(0, dokumentlager) : std::max(0, node_->findText(keepNode)));
    } else {
        impactSummary_->setText(describeError(chain.error()));
    }
    loadRegister();
    loadService();
    loadTasks();
}

void RiskPage::focusSearch() {
    tabs_->setCurrentIndex(0);
    search_->setFocus();
    search_->selectAll();
}

void RiskPage::showItems(const QString& which) {
    // The other tabs by name, for links and screenshots.
    const QMap<QString, QWidget*> tabs{{QStringLiteral("service"), tabs_->widget(1)}, {QStringLiteral("impact"), tabs_->widget(2)},
                                       {QStringLiteral("tasks"), tabs_->widget(3)},   {QStringLiteral("stories"), stories_},
                                       {QStringLiteral("losses"), losses_}};
    if (QWidget* tab = tabs.value(which)) {
        tabs_->setCurrentWidget(tab);
        return;
    }
    tabs_->setCurrentIndex(0);
    if (which.contains(QLatin1Char(':')) && selectRisk(which)) return;
    if (which == QLatin1String("waiting")) status_->setCurrentIndex(status_->findData(WaitingForMe));
    if (which == QLatin1String("above")) status_->setCurrentIndex(status_->findData(AboveCriteria));
}

void RiskPage::prepareScreenshot() {
    losses_->waitForSimulation();
    if (table_->rowCount() > 0 && table_->currentRow() < 0) table_->selectRow(0);
}

QString RiskPage::message() const { return message_->text(); }

QString RiskPage::titleOf(const risk::RiskEntry& r) const { return localTitle(r.ruleId, r.title); }

QString RiskPage::localTitle(const QString& ruleId, const QString& title) const {
    for (const auto& rule : rules_)
        if (q(rule.id) == ruleId) {
            const QString prefix = q(rule.title.nb) + QStringLiteral(": ");
            return title.startsWith(prefix) ? local(rule.title) + QStringLiteral(": ") + title.mid(prefix.size()) : title;
        }
    return title;
}

QString RiskPage::descriptionOf(const risk::RiskEntry& r) const {
    for (const auto& rule : rules_)
        if (q(rule.id) == r.ruleId) return local(rule.description);
    return r.description;
}
int RiskPage::shownRisks() const { return table_->rowCount(); }

void RiskPage::loadRegister() {
    auto m = risks_.matrix(ctx_.session);
    if (!m) {
        message_->setText(describeError(m.error()));
        return;
    }
    matrix_ = std::move(*m);
    auto all = risks_.risks(ctx_.session, service_->currentData().toString(), true);
    if (!all) {
        message_->setText(describeError(all.error()));
        return;
    }
    all_ = *all;
    auto newest = risks_.matrixVersion(ctx_.session);
    const int newestVersion = newest ? *newest : 1;
    std::map<int, risk::RiskMatrix> older;
    std::vector<std::vector<int>> counts(static_cast<std::size_t>(matrix_.size()), std::vector<int>(matrix_.consequence.size(), 0));
    int waiting = 0;
    for (const auto& r : all_) {
        // The map counts what the register shows by default: every risk that is not closed.
        if (r.status == QLatin1String("closed")) continue;
        if (r.owner == ctx_.session.username && r.status == QLatin1String("open") && !r.acceptable) ++waiting;
        int l = r.likelihood, c = r.consequence;
        if (r.matrixVersion != newestVersion && !older.count(r.matrixVersion)) {
            if (auto old = risks_.matrix(ctx_.session, r.matrixVersion)) older.emplace(r.matrixVersion, std::move(*old));
        }
        // A score made under another matrix is placed where it falls in the newest one.
        if (const auto it = older.find(r.matrixVersion); it != older.end()) std::tie(l, c) = risk::mapScore(it->second, matrix_, l, c);
        if (l >= 1 && c >= 1 && l <= matrix_.size() && c <= static_cast<int>(matrix_.consequence.size()))
            ++counts[static_cast<std::size_t>(l - 1)][static_cast<std::size_t>(c - 1)];
    }
    heatMap_->setData(matrix_, std::move(counts));
    // Suggested re-scores wait for their owner too.
    if (auto pending = risks_.suggestions(ctx_.session, service_->currentData().toString()))
        for (const auto& s : *pending)
            if (s.owner == ctx_.session.username) ++waiting;
    if (waiting != waitingForMe_) {
        waitingForMe_ = waiting;
        emit attentionChanged();
    }
    fillTable();
}

void RiskPage::fillTable() {
    const QString keep = selected() ? selected()->ref : QString();
    const auto filter = static_cast<Filter>(status_->currentData().toInt());
    const QString text = search_->text().trimmed();
    const auto cell = heatMap_->selectedCell();
    const QSignalBlocker block(table_);
    table_->setSortingEnabled(false);
    table_->setRowCount(0);
    int above = 0, open = 0;
    for (int i = 0; i < all_.size(); ++i) {
        const auto& r = all_[i];
        const bool closed = r.status == QLatin1String("closed");
        if (!closed && r.status == QLatin1String("open")) ++open;
        if (!closed && r.status == QLatin1String("open") && !r.acceptable) ++above;
        switch (filter) {
            case Current:
                if (closed) continue;
                break;
            case AboveCriteria:
                if (closed || r.status != QLatin1String("open") || r.acceptable) continue;
                break;
            case WaitingForMe:
                if (r.owner != ctx_.session.username || r.status != QLatin1String("open") || r.acceptable) continue;
                break;
            case Accepted:
                if (r.status != QLatin1String("accepted")) continue;
                break;
            case Closed:
                if (!closed) continue;
                break;
        }
        if (cell && (r.likelihood != cell->first || r.consequence != cell->second)) continue;
        if (!text.isEmpty() && !r.title.contains(text, Qt::CaseInsensitive) && !titleOf(r).contains(text, Qt::CaseInsensitive) && !r.elementId.contains(text, Qt::CaseInsensitive) &&
            !r.ruleId.contains(text, Qt::CaseInsensitive) && !r.ref.contains(text, Qt::CaseInsensitive))
            continue;
        const int row = table_->rowCount();
        table_->insertRow(row);
        auto* level = readOnlyCell(levelTitle(matrix_, r.level), r.likelihood * r.consequence);
        level->setData(Qt::UserRole + 1, i);
        for (const auto& l : matrix_.levels)
            if (q(l.key) == r.level) level->setBackground(QColor(q(l.colour)));
        level->setForeground(Qt::black);
        table_->setItem(row, 0, level);
        table_->setItem(row, 1, readOnlyCell(QStringLiteral("%1 × %2").arg(r.likelihood).arg(r.consequence), r.likelihood * 10 + r.consequence));
        table_->setItem(row, 2, readOnlyCell(riskStatusTitle(r.status)));
        table_->setItem(row, 3, readOnlyCell(r.owner.isEmpty() ? tr("(ingen)") : r.owner));
        table_->setItem(row, 4, readOnlyCell(r.service));
        table_->setItem(row, 5, readOnlyCell(titleOf(r)));
    }
    table_->setSortingEnabled(true);
    table_->sortItems(0, Qt::DescendingOrder);
    fitColumns(table_);
    summary_->setText(tr("%n risiko(er) vises.", nullptr, table_->rowCount()) + QLatin1Char(' ') +
                      tr("%1 åpne, %2 av dem over akseptkriteriene.").arg(open).arg(above) +
                      (cell ? QLatin1Char(' ') + tr("Bare ruten sannsynlighet %1, konsekvens %2 (klikk den igjen for alle).").arg(cell->first).arg(cell->second)
                            : QString()));
    for (int row = 0; row < table_->rowCount(); ++row)
        if (all_[table_->item(row, 0)->data(Qt::UserRole + 1).toInt()].ref == keep) table_->selectRow(row);
    showSelected();
}

const risk::RiskEntry* RiskPage::selected() const {
    const int row = table_->currentRow();
    if (row < 0 || !table_->item(row, 0) || table_->selectedItems().isEmpty()) return nullptr;
    const int index = table_->item(row, 0)->data(Qt::UserRole + 1).toInt();
    return index >= 0 && index < all_.size() ? &all_[index] : nullptr;
}

bool RiskPage::selectRisk(const QString& ref) {
    for (int row = 0; row < table_->rowCount(); ++row)
        if (all_[table_->item(row, 0)->data(Qt::UserRole + 1).toInt()].ref == ref) {
            table_->selectRow(row);
            return true;
        }
    return false;
}

void RiskPage::showSelected() {
    const risk::RiskEntry* r = selected();
    const bool mayWrite = ctx_.session.allows(risk::permission::RiskWrite);
    const bool mayAccept = ctx_.session.allows(risk::permission::RiskAccept);
    for (QPushButton* b : {owner_, rescore_, addMeasure_, decide_, accept_, measureDone_}) b->setEnabled(false);
    history_->setRowCount(0);
    const int keepMeasure = measures_->currentRow();
    {
        const QSignalBlocker block(measures_);
        measures_->clear();
    }
    if (!r) {
        detail_->setHtml(tr("<p>Velg en risiko i listen for å se vurderingene, tiltakene og beslutningene.</p>"));
        suggestion_.reset();
        updateEvidenceActions(nullptr);
        return;
    }
    QStringList dims;
    for (const auto& d : matrix_.dimensions) {
        const auto it = r->consequences.find(q(d.key));
        if (it != r->consequences.end()) dims << QStringLiteral("%1: %2").arg(local(d.label)).arg(it.value());
    }
    QString acceptance;
    if (r->acceptance)
        acceptance = tr("Akseptert av %1 %2 på nivå %3, til og med %4: %5")
                         .arg(r->acceptance->acceptedBy, formatDateTime(r->acceptance->acceptedAt), levelTitle(matrix_, r->acceptance->level),
                              formatDate(r->acceptance->expiresOn), r->acceptance->justification);
    detail_->setHtml(QStringLiteral("<h3>%1</h3><p><tt>%2</tt></p><p><b>%3</b> %4</p><p>%5</p><p>%6</p><p>%7</p><p>%8</p><p>%9</p>")
                         .arg(titleOf(*r).toHtmlEscaped(), r->ref.toHtmlEscaped(),
                              riskStatusTitle(r->status).toHtmlEscaped(),
                              r->statusReason.isEmpty() ? QString() : QStringLiteral("– ") + describeReason(r->statusReason).toHtmlEscaped(),
                              tr("Nivå %1: sannsynlighet %2, konsekvens %3 (matriseversjon %4), %5.")
                                  .arg(levelTitle(matrix_, r->level))
                                  .arg(r->likelihood)
                                  .arg(r->consequence)
                                  .arg(r->matrixVersion)
                                  .arg(r->acceptable ? tr("innenfor akseptkriteriene") : tr("over akseptkriteriene"))
                                  .toHtmlEscaped(),
                              (tr("Konsekvens per dimensjon: ") + (dims.isEmpty() ? tr("ikke vurdert") : dims.join(QStringLiteral(", ")))).toHtmlEscaped(),
                              tr("Eier: %1 · vurdert av %2 · %3 · %4")
                                  .arg(r->owner.isEmpty() ? tr("(ingen)") : r->owner, r->assessor, strideTitle(r->stride), r->elementId)
                                  .toHtmlEscaped(),
                              acceptance.toHtmlEscaped(), descriptionOf(*r).toHtmlEscaped()) +
                     evidenceHtml(*r));
    updateEvidenceActions(r);
    if (auto history = risks_.history(ctx_.session, r->ref)) {
        for (const auto& s : *history) {
            const int row = history_->rowCount();
            history_->insertRow(row);
            history_->setItem(row, 0, readOnlyCell(formatDateTime(s.at)));
            history_->setItem(row, 1, readOnlyCell(s.by));
            history_->setItem(row, 2, readOnlyCell(s.kind == QLatin1String("residual") ? tr("Restrisiko") : tr("Iboende")));
            history_->setItem(row, 3, readOnlyCell(QStringLiteral("%1 × %2").arg(s.likelihood).arg(s.consequence)));
            history_->setItem(row, 4, readOnlyCell(levelTitle(matrix_, s.level)));
            history_->setItem(row, 5, readOnlyCell(describeReason(s.reason)));
        }
        fitColumns(history_);
    }
    bool measureOpen = false;
    if (auto list = risks_.measures(ctx_.session, r->ref)) {
        const QSignalBlocker block(measures_);
        for (const auto& m : *list) {
            auto* item = new QListWidgetItem(tr("%1 – %2, frist %3, ansvarlig %4")
                                                 .arg(m.title, m.status == QLatin1String("done")          ? tr("gjennomført")
                                                               : m.status == QLatin1String("in_progress") ? tr("pågår")
                                                               : m.status == QLatin1String("cancelled")   ? tr("avbrutt")
                                                                                                          : tr("planlagt"),
                                                      m.due.isValid() ? formatDate(m.due) : tr("ingen"), m.owner.isEmpty() ? tr("(ingen)") : m.owner),
                                             measures_);
            item->setData(Qt::UserRole, m.id);
            item->setData(Qt::UserRole + 1, m.status);
        }
        if (keepMeasure >= 0 && keepMeasure < measures_->count()) measures_->setCurrentRow(keepMeasure);
        if (const auto* current = measures_->currentItem())
            measureOpen = current->data(Qt::UserRole + 1).toString() != QLatin1String("done");
    }
    const bool closed = r->status == QLatin1String("closed");
    for (QPushButton* b : {owner_, rescore_, addMeasure_, decide_}) {
        b->setEnabled(mayWrite && !closed);
        b->setToolTip(mayWrite ? QString() : tr("Bare sikkerhetsansvarlig og produktansvarlig endrer risikoer."));
    }
    measureDone_->setEnabled(mayWrite && measureOpen);
    const bool ownersCall = !r->acceptable;
    const bool mayAcceptThis = mayAccept && !closed &&
                               (!ownersCall || (r->owner == ctx_.session.username && r->assessor != ctx_.session.username));
    accept_->setEnabled(mayAcceptThis);
    accept_->setToolTip(mayAcceptThis ? QString()
                        : !mayAccept ? tr("Rollen din kan ikke akseptere risiko.")
                        : ownersCall ? tr("Over akseptkriteriene aksepterer bare risikoeieren (%1), og aldri den som vurderte risikoen.")
                                           .arg(r->owner.isEmpty() ? tr("ingen er satt") : r->owner)
                                     : QString());
}

bool RiskPage::report(const Status& s) {
    if (!s) {
        message_->setText(describeError(s.error()));
        message_->setToolTip(errorDetail(s.error()));
        message_->setStyleSheet(QStringLiteral("color: #b00020"));
        return false;
    }
    message_->clear();
    message_->setStyleSheet({});
    loadRegister();
    return true;
}

bool RiskPage::acceptSelected(const QString& justification, const QDate& expires) {
    const auto* r = selected();
    if (!r) return false;
    // Say why in the user's words; the service refuses the same cases in any event.
    if (!accept_->isEnabled() && !accept_->toolTip().isEmpty()) {
        message_->setText(accept_->toolTip());
        message_->setStyleSheet(QStringLiteral("color: #b00020"));
        return false;
    }
    return report(risks_.accept(ctx_.session, r->ref, justification, expires));
}

bool RiskPage::decideSelected(const QString& decision, const QString& justification) {
    const auto* r = selected();
    return r && report(risks_.decide(ctx_.session, r->ref, decision, justification));
}

bool RiskPage::setOwnerOfSelected(const QString& owner) {
    const auto* r = selected();
    return r && report(risks_.setOwner(ctx_.session, r->ref, owner));
}

bool RiskPage::addMeasureToSelected(const risk::Measure& measure) {
    const auto* r = selected();
    if (!r) return false;
    risk::Measure m = measure;
    m.riskRef = r->ref;
    auto id = risks_.addMeasure(ctx_.session, m);
    return report(id ? Status{} : Status{id.error()});
}

bool RiskPage::rescoreSelected(int likelihood, const QMap<QString, int>& consequences, const QString& reason) {
    const auto* r = selected();
    return r && report(risks_.rescore(ctx_.session, r->ref, QStringLiteral("inherent"), likelihood, consequences, reason));
}

void RiskPage::measureDone() {
    const auto* item = measures_->currentItem();
    if (!item) return;
    report(risks_.setMeasureStatus(ctx_.session, item->data(Qt::UserRole).toLongLong(), QStringLiteral("done")));
}

void RiskPage::openAcceptDialog() {
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("riskAcceptDialog"));
    dialog.setWindowTitle(tr("Aksepter risiko"));
    auto* form = new QFormLayout(&dialog);
    auto* why = new QPlainTextEdit(&dialog);
    auto* until = new QDateEdit(ctx_.store->clock().today().addMonths(6), &dialog);
    until->setCalendarPopup(true);
    until->setMinimumDate(ctx_.store->clock().today().addDays(1));
    until->setMaximumDate(ctx_.store->clock().today().addYears(3));
    form->addRow(new QLabel(tr("Aksepten signeres med ditt navn i endringsloggen og gjelder nivået risikoen har nå."), &dialog));
    form->addRow(tr("Begrunnelse:"), why);
    form->addRow(tr("Gjelder til og med:"), until);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() == QDialog::Accepted) acceptSelected(why->toPlainText(), until->date());
}

void RiskPage::openDecideDialog() {
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("riskDecideDialog"));
    dialog.setWindowTitle(tr("Beslutt"));
    auto* form = new QFormLayout(&dialog);
    auto* choice = new QComboBox(&dialog);
    choice->addItem(tr("Håndtert (tiltak er på plass)"), QStringLiteral("mitigated"));
    choice->addItem(tr("Falsk positiv (gjelder ikke)"), QStringLiteral("false_positive"));
    choice->addItem(tr("Åpne igjen"), QStringLiteral("open"));
    auto* why = new QPlainTextEdit(&dialog);
    form->addRow(tr("Beslutning:"), choice);
    form->addRow(tr("Begrunnelse:"), why);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() == QDialog::Accepted) decideSelected(choice->currentData().toString(), why->toPlainText());
}

void RiskPage::openOwnerDialog() {
    const auto* r = selected();
    if (!r) return;
    bool ok = false;
    const QString owner = QInputDialog::getText(this, tr("Risikoeier"), tr("Brukernavnet til den som eier risikoen:"), QLineEdit::Normal, r->owner, &ok);
    if (ok) setOwnerOfSelected(owner);
}

void RiskPage::openMeasureDialog() {
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("riskMeasureDialog"));
    dialog.setWindowTitle(tr("Nytt tiltak"));
    auto* form = new QFormLayout(&dialog);
    auto* title = new QLineEdit(&dialog);
    auto* owner = new QLineEdit(ctx_.session.username, &dialog);
    auto* due = new QDateEdit(ctx_.store->clock().today().addMonths(2), &dialog);
    due->setCalendarPopup(true);
    auto* effect = new QSpinBox(&dialog);
    effect->setRange(0, 4);
    effect->setSuffix(tr(" trinn"));
    form->addRow(tr("Tiltak:"), title);
    form->addRow(tr("Ansvarlig:"), owner);
    form->addRow(tr("Frist:"), due);
    form->addRow(tr("Senker sannsynligheten med:"), effect);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted) return;
    risk::Measure m;
    m.title = title->text();
    m.owner = owner->text();
    m.due = due->date();
    m.likelihoodEffect = effect->value();
    addMeasureToSelected(m);
}

void RiskPage::openScoreDialog() {
    const auto* r = selected();
    if (!r) return;
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("riskScoreDialog"));
    dialog.setWindowTitle(tr("Ny vurdering"));
    auto* form = new QFormLayout(&dialog);
    auto* likelihood = new QSpinBox(&dialog);
    likelihood->setRange(1, matrix_.size());
    likelihood->setValue(r->likelihood);
    form->addRow(tr("Sannsynlighet:"), likelihood);
    QMap<QString, QSpinBox*> dims;
    for (const auto& d : matrix_.dimensions) {
        auto* box = new QSpinBox(&dialog);
        box->setRange(0, static_cast<int>(matrix_.consequence.size()));
        box->setSpecialValueText(tr("ikke vurdert"));
        box->setValue(r->consequences.value(q(d.key), 0));
        dims.insert(q(d.key), box);
        form->addRow(local(d.label) + QLatin1Char(':'), box);
    }
    auto* why = new QPlainTextEdit(&dialog);
    form->addRow(tr("Begrunnelse:"), why);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted) return;
    QMap<QString, int> consequences;
    for (auto it = dims.begin(); it != dims.end(); ++it)
        if (it.value()->value() > 0) consequences.insert(it.key(), it.value()->value());
    rescoreSelected(likelihood->value(), consequences, why->toPlainText());
}

QFuture<QString> RiskPage::analyseAll() {
    if (analysing_) return analysing_->future();
    analyse_->setEnabled(false);
    progress_->show();
    progress_->setRange(0, std::max(1, static_cast<int>(model_->count())));
    progress_->setValue(0);
    message_->setText(tr("Analyserer trusselmodellene …"));
    analysing_ = new QFutureWatcher<QString>(this);
    connect(analysing_, &QFutureWatcher<QString>::progressValueChanged, progress_, &QProgressBar::setValue);
    connect(analysing_, &QFutureWatcher<QString>::finished, this, [this] {
        message_->setText(analysing_->future().resultCount() > 0 ? analysing_->result() : QString());
        progress_->hide();
        analyse_->setEnabled(true);
        analysing_->deleteLater();
        analysing_ = nullptr;
        refresh();
    });
    Store* store = ctx_.store.get();
    const Session session = ctx_.session;
    QStringList services;
    for (int i = 0; i < model_->count(); ++i) services << model_->itemData(i).toString();
    // The worker has a connection of its own; the page's stays with the UI thread.
    QFuture<QString> future = QtConcurrent::run([store, session, services](QPromise<QString>& promise) {
        auto own = store->openAnother();
        if (!own) {
            promise.addResult(describeError(own.error()));
            return;
        }
        auto rules = risk::loadRules({risk::shippedRulesDirectory()});
        if (!rules) {
            promise.addResult(describeError(rules.error()));
            return;
        }
        risk::RiskService service(**own);
        promise.setProgressRange(0, static_cast<int>(services.size()));
        int created = 0, closed = 0, changed = 0;
        for (int i = 0; i < services.size(); ++i) {
            auto summary = service.analyse(session, services[i], *rules);
            if (!summary) {
                promise.addResult(describeError(summary.error()));
                return;
            }
            created += summary->created;
            closed += summary->closed;
            changed += summary->rescored + summary->renamed + summary->reopened;
            promise.setProgressValue(i + 1);
        }
        promise.addResult(QCoreApplication::translate("RiskPage", "%1 modeller analysert: %2 nye risikoer, %3 endret, %4 lukket.")
                              .arg(services.size())
                              .arg(created)
                              .arg(changed)
                              .arg(closed));
    });
    analysing_->setFuture(future);
    return future;
}

void RiskPage::loadService() {
    threats_->setRowCount(0);
    const QString service = model_->currentData().toString();
    if (service.isEmpty()) {
        diagramState_->setText(tr("Ingen trusselmodeller er importert ennå."));
        return;
    }
    auto loaded = risks_.latestModel(ctx_.session, service);
    if (!loaded) {
        diagramState_->setText(describeError(loaded.error()));
        return;
    }
    const risk::Analysis analysis(loaded->model, rules_);
    const QSignalBlocker block(threats_);
    threats_->setSortingEnabled(false);
    for (const auto& t : analysis.threats()) {
        const int row = threats_->rowCount();
        threats_->insertRow(row);
        const QString level = QString::fromLatin1(risk::levelName(t.level));
        auto* cell = readOnlyCell(levelTitle(matrix_, level), t.likelihood * t.consequence);
        for (const auto& l : matrix_.levels)
            if (l.key == level.toStdString()) cell->setBackground(QColor(q(l.colour)));
        cell->setForeground(Qt::black);
        threats_->setItem(row, 0, cell);
        threats_->setItem(row, 1, readOnlyCell(QStringLiteral("%1 × %2").arg(t.likelihood).arg(t.consequence), t.likelihood * 10 + t.consequence));
        threats_->setItem(row, 2, readOnlyCell(strideTitle(QString::fromLatin1(risk::strideName(t.rule->stride)))));
        threats_->setItem(row, 3, readOnlyCell(q(t.rule->id)));
        threats_->setItem(row, 4, readOnlyCell(q(t.element->title)));
        threats_->setItem(row, 5, readOnlyCell(local(t.rule->title)));
    }
    threats_->setSortingEnabled(true);
    threats_->sortItems(0, Qt::DescendingOrder);
    fitColumns(threats_);
    renderDiagram(QString::fromStdString(risk::dataFlowDot(analysis)));
}

void RiskPage::renderDiagram(const QString& dot) {
    diagramState_->setText(tr("Tegner dataflytdiagrammet …"));
    auto* watcher = new QFutureWatcher<QByteArray>(this);
    connect(watcher, &QFutureWatcher<QByteArray>::finished, this, [this, watcher] {
        const QByteArray svg = watcher->result();
        watcher->deleteLater();
        if (svg.startsWith("error:")) {
            diagramState_->setText(QString::fromUtf8(svg.mid(6)));
            return;
        }
        diagram_->load(svg);
        const QSize size = diagram_->renderer()->defaultSize();
        diagram_->setMinimumHeight(std::min(600, std::max(260, size.height())));
        diagramState_->setText(tr("Grensene er tillitsgrenser; fargen er det høyeste risikonivået på elementet eller dataflyten."));
    });
    // Graphviz runs as a separate process; the page stays responsive meanwhile.
    watcher->setFuture(QtConcurrent::run([text = dot.toStdString()]() -> QByteArray {
        auto svg = risk::renderSvg(text);
        return svg ? *svg : QByteArray("error:") + describeError(svg.error()).toUtf8();
    }));
}

bool RiskPage::showImpact(const QString& node, risk::Event event, bool createTasks) {
    auto report = risks_.impact(ctx_.session, node, event, createTasks);
    impact_->clear();
    if (!report) {
        impactSummary_->setText(describeError(report.error()));
        return false;
    }
    QMap<QString, QTreeWidgetItem*> groups;
    for (const auto& h : report->affected) {
        QTreeWidgetItem*& group = groups[h.kind];
        if (!group) {
            group = new QTreeWidgetItem(impact_, {nodeKindTitle(h.kind)});
            group->setFirstColumnSpanned(false);
        }
        new QTreeWidgetItem(group, {h.title, QString::number(h.depth), h.path.join(QStringLiteral(" → "))});
    }
    for (auto* group : groups) group->setText(1, tr("%n berørt", nullptr, group->childCount()));
    impact_->resizeColumnToContents(0);
    QString text = tr("%1 ved %2 når %n node(r).", nullptr, static_cast<int>(report->affected.size())).arg(eventTitle(event), report->originTitle);
    if (createTasks) text += QLatin1Char(' ') + tr("%n ny(e) gjennomgangsoppgave(r).", nullptr, report->tasksCreated);
    impactSummary_->setText(text);
    if (createTasks) loadTasks();
    return true;
}

void RiskPage::loadTasks() {
    auto list = risks_.tasks(ctx_.session);
    tasks_->setRowCount(0);
    if (!list) return;
    taskList_ = *list;
    for (const auto& t : taskList_) {
        const int row = tasks_->rowCount();
        tasks_->insertRow(row);
        tasks_->setItem(row, 0, readOnlyCell(formatDateTime(t.createdAt), t.createdAt));
        tasks_->setItem(row, 1, readOnlyCell(t.event == QLatin1String("change")          ? eventTitle(risk::Event::Change)
                                             : t.event == QLatin1String("vulnerability") ? eventTitle(risk::Event::Vulnerability)
                                             : t.event == QLatin1String("incident")      ? eventTitle(risk::Event::Incident)
                                                                                         : eventTitle(risk::Event::Outage)));
        tasks_->setItem(row, 2, readOnlyCell(t.path.value(0)));
        tasks_->setItem(row, 3, readOnlyCell(t.document));
        tasks_->setItem(row, 4, readOnlyCell(t.path.join(QStringLiteral(" → "))));
    }
    fitColumns(tasks_);
    tabs_->setTabText(3, tr("Gjennomgangsoppgaver (%1)").arg(taskList_.size()));
}

bool RiskPage::completeTask(int row, const QString& note) {
    if (row < 0 || row >= taskList_.size()) return false;
    if (!report(risks_.completeTask(ctx_.session, taskList_[row].id, note))) return false;
    loadTasks();
    return true;
}

}  // namespace vakt::desktop
