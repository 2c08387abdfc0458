#include "desktop/monitoring/monitoring_page.h"

#include "core/incidents.h"
#include "desktop/shell/tables.h"

#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
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

namespace {
QColor stateColor(const QString& state) {
    if (state == QLatin1String("up")) return QColor(0x1b, 0x5e, 0x20);
    if (state == QLatin1String("degraded")) return QColor(0xb2, 0x6a, 0x00);
    if (state == QLatin1String("down")) return QColor(0xb0, 0x00, 0x20);
    return QColor(0x55, 0x55, 0x55);
}
QString percent(const std::optional<double>& v) { return v ? QString::number(*v * 100, 'f', 2) + QStringLiteral(" %") : QStringLiteral("–"); }
QTableWidgetItem* item(const QString& text, const QVariant& sortKey = {}) {
    auto* i = readOnlyCell(text);
    if (sortKey.isValid()) i->setData(Qt::UserRole, sortKey);
    return i;
}
}  // namespace

MonitoringPage::MonitoringPage(AppContext& context, QWidget* parent)
    : QWidget(parent), ctx_(context), monitoring_(*context.store) {
    auto* layout = new QVBoxLayout(this);
    auto* title = new QLabel(QStringLiteral("<h2>%1</h2>").arg(tr("Drift og tilgjengelighet")), this);
    layout->addWidget(title);
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
    alerts_ = readOnlyTable(QStringLiteral("monitoringAlerts"), {tr("Alvorlighet"), tr("Åpnet"), tr("Tjeneste"), tr("Varsel")}, this);
    alerts_->setMaximumHeight(160);
    layout->addWidget(alerts_);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    services_ = readOnlyTable(QStringLiteral("monitoringServices"),
                              {tr("Tjeneste"), tr("Tilstand"), tr("Siden"), tr("Tilgjengelighet 24 t"), tr("7 d"), tr("30 d"), tr("Feilrate 24 t"),
                               tr("p95 siste time"), tr("Mål oppe")},
                              splitter, true);

    chart_ = new QChartView(splitter);
    chart_->setObjectName(QStringLiteral("monitoringChart"));
    chart_->setRenderHint(QPainter::Antialiasing);
    chart_->setMinimumHeight(220);

    targets_ = readOnlyTable(QStringLiteral("monitoringTargets"), {tr("Jobb"), tr("Instans"), tr("Tjeneste"), tr("Tilstand"), tr("Siste feil")}, splitter);
    layout->addWidget(splitter, 1);

    connect(services_, &QTableWidget::currentCellChanged, this, [this](int row) {
        if (row >= 0 && services_->item(row, 0)) showChart(services_->item(row, 0)->data(Qt::UserRole).toString());
    });
    refresh_ = new QTimer(this);
    connect(refresh_, &QTimer::timeout, this, &MonitoringPage::reload);
    refresh_->start(15000);
    reload();
}

void MonitoringPage::prepareScreenshot() {
    if (services_->rowCount() > 0) services_->selectRow(0);
}

void MonitoringPage::reload() {
    const QDateTime now = ctx_.store->clock().now();
    auto status = monitoring_.serviceStatus(ctx_.session, now);
    auto targets = monitoring_.targets(ctx_.session);
    if (!status || !targets) {
        updated_->setText(tr("Kunne ikke lese overvåkingen: %1").arg(QString::fromStdString(!status ? status.message() : targets.message())));
        return;
    }
    const QString selected = services_->currentRow() >= 0 && services_->item(services_->currentRow(), 0)
                                 ? services_->item(services_->currentRow(), 0)->data(Qt::UserRole).toString()
                                 : QString();
    // Worst first: down, degraded, unknown, up.
    auto rank = [](const QString& s) { return s == QLatin1String("down") ? 0 : s == QLatin1String("degraded") ? 1 : s == QLatin1String("up") ? 3 : 2; };
    QList<ServiceStatus> rows = *status;
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
        if (!s.lastError.isEmpty()) state->setToolTip(s.lastError);
        services_->setItem(r, 1, state);
        services_->setItem(r, 2, item(s.since.isValid() ? s.since.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QStringLiteral("–")));
        services_->setItem(r, 3, item(percent(s.availability24h)));
        services_->setItem(r, 4, item(percent(s.availability7d)));
        services_->setItem(r, 5, item(percent(s.availability30d)));
        services_->setItem(r, 6, item(percent(s.errorRatio24h)));
        services_->setItem(r, 7, item(s.p95LastHour ? QString::number(*s.p95LastHour * 1000, 'f', 0) + QStringLiteral(" ms") : QStringLiteral("–")));
        services_->setItem(r, 8, item(QStringLiteral("%1 / %2").arg(s.targetsUp).arg(s.targets)));
        if (s.service == selected) selectRow = r;
    }
    services_->resizeColumnsToContents();
    targets_->setRowCount(static_cast<int>(targets->size()));
    for (int r = 0; r < targets->size(); ++r) {
        const TargetState& t = targets->at(r);
        targets_->setItem(r, 0, item(t.job));
        targets_->setItem(r, 1, item(t.instance));
        targets_->setItem(r, 2, item(t.service));
        auto* health = item(stateTitle(t.health));
        health->setForeground(stateColor(t.health));
        targets_->setItem(r, 3, health);
        targets_->setItem(r, 4, item(t.lastError));
    }
    targets_->resizeColumnsToContents();
    auto open = IncidentStore(*ctx_.store).open(ctx_.session, QStringLiteral("monitoring"));
    const QList<Incident> incidents = open ? *open : QList<Incident>{};
    alertsHeading_->setText(incidents.isEmpty() ? tr("Ingen åpne varsler.") : QStringLiteral("<b>%1</b>").arg(tr("Åpne varsler: %1").arg(incidents.size())));
    alerts_->setVisible(!incidents.isEmpty());
    alerts_->setRowCount(static_cast<int>(incidents.size()));
    for (int r = 0; r < incidents.size(); ++r) {
        const Incident& i = incidents[r];
        auto* severity = item(i.severity == QLatin1String("critical") ? tr("Kritisk") : i.severity == QLatin1String("warning") ? tr("Advarsel") : tr("Info"));
        severity->setForeground(i.severity == QLatin1String("critical") ? stateColor(QStringLiteral("down")) : stateColor(QStringLiteral("degraded")));
        alerts_->setItem(r, 0, severity);
        alerts_->setItem(r, 1, item(i.openedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
        alerts_->setItem(r, 2, item(i.service));
        alerts_->setItem(r, 3, item(i.summary));
    }
    alerts_->resizeColumnsToContents();
    empty_->setVisible(rows.isEmpty());
    updated_->setText(tr("Oppdatert %1. %n tjeneste(r) overvåkes.", nullptr, static_cast<int>(rows.size()))
                          .arg(now.toLocalTime().toString(QStringLiteral("HH:mm:ss"))));
    if (selectRow >= 0) services_->selectRow(selectRow);
    else if (!selected.isEmpty() || rows.isEmpty()) showChart(QString());
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
    auto minutes = monitoring_.minutes(ctx_.session, service, now.addDays(-1), now.addSecs(60));
    QString name = service;
    for (int r = 0; r < services_->rowCount(); ++r)
        if (services_->item(r, 0) && services_->item(r, 0)->data(Qt::UserRole).toString() == service) name = services_->item(r, 0)->text();
    chart->setTitle(tr("%1 siste 24 timer").arg(name));
    auto* availability = new QLineSeries;
    availability->setName(tr("Tilgjengelighet (%)"));
    auto* latency = new QLineSeries;
    latency->setName(tr("p95 (ms)"));
    double maxLatency = 1;
    if (minutes)
        for (const auto& m : *minutes) {
            const qreal x = static_cast<qreal>(m.minute.toMSecsSinceEpoch());
            if (m.scrapes > 0) availability->append(x, 100.0 * m.upScrapes / m.scrapes);
            if (m.p95) {
                latency->append(x, *m.p95 * 1000);
                maxLatency = std::max(maxLatency, *m.p95 * 1000);
            }
        }
    chart->addSeries(availability);
    chart->addSeries(latency);
    auto* time = new QDateTimeAxis;
    time->setFormat(QStringLiteral("HH:mm"));
    time->setRange(now.addDays(-1).toLocalTime(), now.toLocalTime());
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
