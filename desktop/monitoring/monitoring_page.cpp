#include "desktop/monitoring/monitoring_page.h"

#include "core/incidents.h"
#include "desktop/shell/formatting.h"
#include "desktop/shell/tables.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QValueAxis>
#include <QVBoxLayout>
#include <memory>

namespace vakt::desktop {

QString stateTitle(const QString& state) {
    if (state == QLatin1String("up")) return MonitoringPage::tr("Oppe");
    if (state == QLatin1String("degraded")) return MonitoringPage::tr("Redusert");
    if (state == QLatin1String("down")) return MonitoringPage::tr("Nede");
    return MonitoringPage::tr("Ukjent");
}

QString severityTitle(const QString& severity) {
    if (severity == QLatin1String("critical")) return MonitoringPage::tr("Kritisk");
    if (severity == QLatin1String("warning")) return MonitoringPage::tr("Advarsel");
    return MonitoringPage::tr("Info");
}

namespace {
QColor stateColor(const QString& state) {
    if (state == QLatin1String("up")) return QColor(0x1b, 0x5e, 0x20);
    if (state == QLatin1String("degraded")) return QColor(0xb2, 0x6a, 0x00);
    if (state == QLatin1String("down")) return QColor(0xb0, 0x00, 0x20);
    return QColor(0x55, 0x55, 0x55);
}
QTableWidgetItem* item(const QString& text, const QVariant& sortKey = {}) {
    auto* i = readOnlyCell(text);
    if (sortKey.isValid()) i->setData(Qt::UserRole, sortKey);
    return i;
}
// A figure over `spanSeconds` that rests on less data than that says how much it rests on.
QTableWidgetItem* spanned(const std::optional<double>& ratio, qint64 spanSeconds, const QDateTime& firstData, const QDateTime& now) {
    auto* cell = item(formatPercent(ratio));
    if (!ratio || !firstData.isValid()) return cell;
    const qint64 behind = firstData.secsTo(now);
    if (behind < spanSeconds * 95 / 100) {
        cell->setText(MonitoringPage::tr("%1 (av %2)").arg(formatPercent(ratio), formatSpan(behind)));
        cell->setToolTip(MonitoringPage::tr("Bygger bare på data fra de siste %1, ikke hele perioden.").arg(formatSpan(behind)));
    }
    return cell;
}

struct Range {
    const char* title;
    qint64 seconds;
};
constexpr Range kRanges[] = {{QT_TRANSLATE_NOOP("vakt::desktop::MonitoringPage", "Siste time"), 3600},
                             {QT_TRANSLATE_NOOP("vakt::desktop::MonitoringPage", "Siste døgn"), 86400},
                             {QT_TRANSLATE_NOOP("vakt::desktop::MonitoringPage", "Siste uke"), 7 * 86400},
                             {QT_TRANSLATE_NOOP("vakt::desktop::MonitoringPage", "Siste 30 dager"), 30 * 86400}};
}  // namespace

MonitoringPage::MonitoringPage(AppContext& context, QWidget* parent) : Page(parent), ctx_(context), monitoring_(*context.store) {
    auto* layout = new QVBoxLayout(this);
    auto* title = new QLabel(QStringLiteral("<h2>%1</h2>").arg(tr("Drift og tilgjengelighet")), this);
    layout->addWidget(title);
    stale_ = new QLabel(this);
    stale_->setObjectName(QStringLiteral("monitoringStale"));
    stale_->setWordWrap(true);
    stale_->setStyleSheet(QStringLiteral("QLabel { background: #fdecea; color: #8a1c1c; padding: 8px; border-radius: 4px; font-weight: bold }"));
    stale_->hide();
    layout->addWidget(stale_);
    updated_ = new QLabel(this);
    updated_->setObjectName(QStringLiteral("monitoringUpdated"));
    layout->addWidget(updated_);
    empty_ = new QLabel(tr("Ingen tjenester overvåkes ennå. Start vakt-collector med en konfigurasjon som peker på plattformens "
                           "metrikker, så vises tilstanden her."),
                        this);
    empty_->setObjectName(QStringLiteral("monitoringEmpty"));
    empty_->setWordWrap(true);
    layout->addWidget(empty_);

    alertsHeading_ = new QLabel(this);
    alertsHeading_->setObjectName(QStringLiteral("monitoringAlertsHeading"));
    layout->addWidget(alertsHeading_);
    alerts_ = readOnlyTable(QStringLiteral("monitoringAlerts"),
                            {tr("Alvorlighet"), tr("Åpnet"), tr("Tjeneste"), tr("Varsel"), tr("Tatt av")}, this, true);
    layout->addWidget(alerts_);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    auto* servicesBox = new QWidget(splitter);
    auto* servicesLayout = new QVBoxLayout(servicesBox);
    servicesLayout->setContentsMargins(0, 0, 0, 0);
    notUpOnly_ = new QCheckBox(tr("Vis bare tjenester som ikke er oppe"), servicesBox);
    notUpOnly_->setObjectName(QStringLiteral("monitoringNotUpOnly"));
    servicesLayout->addWidget(notUpOnly_);
    services_ = readOnlyTable(QStringLiteral("monitoringServices"),
                              {tr("Tjeneste"), tr("Tilstand"), tr("Siden"), tr("Tilgjengelighet 24 t"), tr("7 d"), tr("30 d"), tr("Feilrate 24 t"),
                               tr("p95 siste time"), tr("Mål oppe"), tr("Sist målt")},
                              servicesBox, true);
    servicesLayout->addWidget(services_);

    auto* chartBox = new QWidget(splitter);
    auto* chartLayout = new QVBoxLayout(chartBox);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    auto* rangeRow = new QHBoxLayout;
    range_ = new QComboBox(chartBox);
    range_->setObjectName(QStringLiteral("monitoringRange"));
    for (const auto& r : kRanges) range_->addItem(tr(r.title), r.seconds);
    range_->setCurrentIndex(1);
    rangeRow->addWidget(new QLabel(tr("Periode:"), chartBox));
    rangeRow->addWidget(range_);
    rangeRow->addStretch(1);
    chartLayout->addLayout(rangeRow);
    chart_ = new QChartView(chartBox);
    chart_->setObjectName(QStringLiteral("monitoringChart"));
    chart_->setRenderHint(QPainter::Antialiasing);
    chart_->setMinimumHeight(220);
    chartLayout->addWidget(chart_);

    targets_ = readOnlyTable(QStringLiteral("monitoringTargets"),
                             {tr("Jobb"), tr("Instans"), tr("Tjeneste"), tr("Tilstand"), tr("Sist målt"), tr("Siste feil")}, splitter);
    layout->addWidget(splitter, 1);
    rememberHeader(alerts_->horizontalHeader(), QStringLiteral("monitoringAlerts"));
    rememberHeader(services_->horizontalHeader(), QStringLiteral("monitoringServices"));
    rememberHeader(targets_->horizontalHeader(), QStringLiteral("monitoringTargets"));

    connect(services_, &QTableWidget::currentCellChanged, this, [this](int row) {
        if (row >= 0 && services_->item(row, 0)) showChart(services_->item(row, 0)->data(Qt::UserRole).toString());
    });
    connect(range_, &QComboBox::currentIndexChanged, this, [this] { showChart(selectedService()); });
    connect(notUpOnly_, &QCheckBox::toggled, this, &MonitoringPage::reload);
    refresh_ = new QTimer(this);
    connect(refresh_, &QTimer::timeout, this, &MonitoringPage::reload);
    refresh_->start(15000);
    reload();
}

void MonitoringPage::prepareScreenshot() {
    if (services_->rowCount() > 0) services_->selectRow(0);
}

void MonitoringPage::focusSearch() { services_->setFocus(); }

void MonitoringPage::showItems(const QString& which) {
    notUpOnly_->setChecked(which == QLatin1String("not-up"));
    if (which == QLatin1String("alerts") && alerts_->rowCount() > 0) {
        alerts_->setFocus();
        alerts_->selectRow(0);
    }
}

QString MonitoringPage::selectedService() const {
    const int row = services_->currentRow();
    return row >= 0 && services_->item(row, 0) ? services_->item(row, 0)->data(Qt::UserRole).toString() : QString();
}

void MonitoringPage::reload() {
    const QDateTime now = ctx_.store->clock().now();
    auto status = monitoring_.serviceStatus(ctx_.session, now);
    auto targets = monitoring_.targets(ctx_.session);
    auto collector = monitoring_.collectorState(ctx_.session, now);
    if (!status || !targets || !collector) {
        const Error& e = !status ? status.error() : !targets ? targets.error() : collector.error();
        updated_->setText(tr("Kunne ikke lese overvåkingen: %1").arg(describeError(e)));
        updated_->setToolTip(errorDetail(e));
        return;
    }
    const QString selected = selectedService();
    QHash<QString, QString> nameOf;
    for (const auto& s : *status) nameOf.insert(s.service, s.name);
    stale_->setVisible(collector->silent);
    if (collector->silent)
        stale_->setText(collector->lastReport.isValid()
                            ? tr("Vakt-collector har ikke rapportert siden %1 (%2). Tallene under er ikke oppdatert, og ingen "
                                 "tjeneste vises som oppe før den rapporterer igjen.")
                                  .arg(formatDateTime(collector->lastReport), formatAge(collector->lastReport, now))
                            : tr("Vakt-collector har ikke målt noen av målene ennå. Tilstanden er ukjent."));

    // Worst first: down, degraded, unknown, up.
    auto rank = [](const QString& s) { return s == QLatin1String("down") ? 0 : s == QLatin1String("degraded") ? 1 : s == QLatin1String("up") ? 3 : 2; };
    QList<ServiceStatus> rows;
    for (const auto& s : *status)
        if (!notUpOnly_->isChecked() || s.state != QLatin1String("up")) rows << s;
    std::stable_sort(rows.begin(), rows.end(), [&](const auto& a, const auto& b) { return rank(a.state) < rank(b.state); });
    services_->setRowCount(static_cast<int>(rows.size()));
    int selectRow = -1;
    for (int r = 0; r < rows.size(); ++r) {
        const ServiceStatus& s = rows[r];
        services_->setItem(r, 0, item(s.name, s.service));
        auto* state = item(stateTitle(s.state));
        state->setForeground(stateColor(s.state));
        QFont bold = state->font();
        bold.setBold(true);
        state->setFont(bold);
        QStringList why;
        if (s.stale) why << tr("Ingen måling på lenge: sist %1.").arg(formatDateTime(s.lastScrape));
        if (s.openAlerts > 0) why << tr("%n åpne varsler.", nullptr, s.openAlerts);
        if (!s.lastError.isEmpty()) why << s.lastError;
        state->setToolTip(why.join(QLatin1Char('\n')));
        services_->setItem(r, 1, state);
        services_->setItem(r, 2, item(s.stale ? QStringLiteral("–") : formatDateTime(s.since)));
        services_->setItem(r, 3, spanned(s.availability24h, 86400, s.firstData, now));
        services_->setItem(r, 4, spanned(s.availability7d, 7 * 86400, s.firstData, now));
        services_->setItem(r, 5, spanned(s.availability30d, 30 * 86400, s.firstData, now));
        services_->setItem(r, 6, spanned(s.errorRatio24h, 86400, s.firstData, now));
        services_->setItem(r, 7, item(s.p95LastHour ? QLocale().toString(*s.p95LastHour * 1000, 'f', 0) + QStringLiteral(" ms") : QStringLiteral("–")));
        services_->setItem(r, 8, item(tr("%1 av %2").arg(s.targetsUp).arg(s.targets)));
        services_->setItem(r, 9, item(formatAge(s.lastScrape, now)));
        if (s.service == selected) selectRow = r;
    }
    fitColumns(services_);
    targets_->setRowCount(static_cast<int>(targets->size()));
    for (int r = 0; r < targets->size(); ++r) {
        const TargetState& t = targets->at(r);
        const bool stale = !t.lastScrape.isValid() || t.lastScrape.msecsTo(now) > kSilentAfterIntervals * t.scrapeIntervalMs;
        const QString health = stale ? QStringLiteral("unknown") : t.health;
        targets_->setItem(r, 0, item(t.job));
        targets_->setItem(r, 1, item(t.instance));
        targets_->setItem(r, 2, item(nameOf.value(t.service, t.service)));
        auto* healthCell = item(stateTitle(health));
        healthCell->setForeground(stateColor(health));
        targets_->setItem(r, 3, healthCell);
        targets_->setItem(r, 4, item(formatAge(t.lastScrape, now)));
        targets_->setItem(r, 5, item(t.lastError));
    }
    fitColumns(targets_);
    auto open = IncidentStore(*ctx_.store).open(ctx_.session, QStringLiteral("monitoring"));
    const QList<Incident> incidents = open ? *open : QList<Incident>{};
    openAlerts_ = static_cast<int>(incidents.size());
    // Never "no open alerts" when they could not be read.
    alertsHeading_->setText(!open               ? tr("Kunne ikke lese varslene: %1").arg(describeError(open.error()))
                            : incidents.isEmpty() ? tr("Ingen åpne varsler.")
                                                  : QStringLiteral("<b>%1</b>").arg(tr("%n åpne varsler", nullptr, openAlerts_)));
    alertsHeading_->setToolTip(open ? QString() : errorDetail(open.error()));
    alerts_->setVisible(!incidents.isEmpty());
    alerts_->setRowCount(openAlerts_);
    for (int r = 0; r < incidents.size(); ++r) {
        const Incident& i = incidents[r];
        auto* severity = item(severityTitle(i.severity));
        severity->setForeground(i.severity == QLatin1String("critical") ? stateColor(QStringLiteral("down")) : stateColor(QStringLiteral("degraded")));
        alerts_->setItem(r, 0, severity);
        alerts_->setItem(r, 1, item(formatDateTime(i.openedAt)));
        alerts_->setItem(r, 2, item(nameOf.value(i.service, i.service)));
        alerts_->setItem(r, 3, item(inUserLanguage(i.summary, i.summaryEn)));
        alerts_->setItem(r, 4, item(i.acknowledgedBy.isEmpty() ? QStringLiteral("–") : i.acknowledgedBy));
    }
    fitColumns(alerts_);
    // As tall as its rows, up to five; more scroll.
    const int shownRows = std::min(openAlerts_, 5);
    alerts_->setFixedHeight(alerts_->horizontalHeader()->height() + 2 * alerts_->frameWidth() +
                            (shownRows > 0 ? shownRows * alerts_->verticalHeader()->defaultSectionSize() : 0));
    empty_->setVisible(status->isEmpty());
    updated_->setText(tr("Lest %1. %n tjeneste(r) overvåkes.", nullptr, static_cast<int>(status->size())).arg(formatTime(now)));
    if (selectRow >= 0) services_->selectRow(selectRow);
    else if (!selected.isEmpty() || rows.isEmpty()) showChart(QString());
    emit attentionChanged();
}

void MonitoringPage::showChart(const QString& service) {
    auto* chart = new QChart;
    chart->legend()->setAlignment(Qt::AlignBottom);
    if (service.isEmpty()) {
        chart->setTitle(tr("Velg en tjeneste for å se utviklingen"));
        replaceChart(chart);
        return;
    }
    const QDateTime now = ctx_.store->clock().now();
    const qint64 span = range_->currentData().toLongLong();
    const QDateTime from = now.addSecs(-span);
    // Minutes for an hour or a day; hours for a week or a month.
    auto points = span <= 86400 ? monitoring_.minutes(ctx_.session, service, from, now.addSecs(60))
                                : monitoring_.hours(ctx_.session, service, from, now.addSecs(3600));
    QString name = service;
    for (int r = 0; r < services_->rowCount(); ++r)
        if (services_->item(r, 0) && services_->item(r, 0)->data(Qt::UserRole).toString() == service) name = services_->item(r, 0)->text();
    chart->setTitle(tr("%1: %2").arg(name, range_->currentText().toLower()));
    const QTimeZone zone = displayZone();
    // QDateTimeAxis labels in the machine's zone: shift the points so they read in the shown zone.
    auto chartX = [&zone](const QDateTime& utc) {
        return utc.toMSecsSinceEpoch() + 1000LL * (zone.offsetFromUtc(utc) - utc.toLocalTime().offsetFromUtc());
    };
    auto* availability = new QLineSeries;
    availability->setName(tr("Tilgjengelighet (%)"));
    auto* latency = new QLineSeries;
    latency->setName(tr("p95 (ms)"));
    double maxLatency = 1;
    int withData = 0;
    if (points)
        for (const auto& m : *points) {
            const qreal x = static_cast<qreal>(chartX(m.minute));
            if (m.scrapes > 0) {
                availability->append(x, 100.0 * m.upScrapes / m.scrapes);
                ++withData;
            }
            if (m.p95) {
                latency->append(x, *m.p95 * 1000);
                maxLatency = std::max(maxLatency, *m.p95 * 1000);
            }
        }
    if (withData < 2) {
        // One point is no line: say so rather than draw a dot at the edge.
        chart->setTitle(tr("%1: ikke nok data ennå for %2 (%n målepunkt(er))", nullptr, withData).arg(name, range_->currentText().toLower()));
        delete availability;
        delete latency;
        replaceChart(chart);
        return;
    }
    chart->addSeries(availability);
    chart->addSeries(latency);
    auto* time = new QDateTimeAxis;
    time->setFormat(span <= 86400 ? QStringLiteral("HH:mm") : QStringLiteral("dd.MM"));
    time->setTitleText(now.toTimeZone(zone).timeZoneAbbreviation());
    time->setRange(QDateTime::fromMSecsSinceEpoch(chartX(from)), QDateTime::fromMSecsSinceEpoch(chartX(now)));
    chart->addAxis(time, Qt::AlignBottom);
    auto* percentAxis = new QValueAxis;
    percentAxis->setRange(0, 100);
    percentAxis->setTitleText(tr("%"));
    chart->addAxis(percentAxis, Qt::AlignLeft);
    auto* msAxis = new QValueAxis;
    msAxis->setRange(0, maxLatency * 1.2);
    msAxis->setTitleText(tr("ms"));
    chart->addAxis(msAxis, Qt::AlignRight);
    availability->attachAxis(time);
    availability->attachAxis(percentAxis);
    latency->attachAxis(time);
    latency->attachAxis(msAxis);
    replaceChart(chart);
}

void MonitoringPage::replaceChart(QChart* chart) {
    // QChartView releases, but does not delete, the chart it showed before.
    std::unique_ptr<QChart> old(chart_->chart());
    chart_->setChart(chart);
}

}  // namespace vakt::desktop
