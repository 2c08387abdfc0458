#include "desktop/risk/losses_tab.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QLogValueAxis>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QValueAxis>
#include <QVBoxLayout>
#include <algorithm>
#include <QtConcurrent/QtConcurrentRun>

#include "desktop/shell/formatting.h"
#include "desktop/shell/tables.h"
#include "riskmodel/register.h"

namespace vakt::desktop {

namespace {
QString kroner(double amount) { return LossesTab::tr("%1 kr").arg(QLocale().toString(amount, 'f', 0)); }
}  // namespace

LossesTab::LossesTab(AppContext& context, TitleOf title, QWidget* parent) : QWidget(parent), ctx_(context), title_(std::move(title)) {
    setObjectName(QStringLiteral("riskLosses"));
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Tjeneste:"), this));
    service_ = new QComboBox(this);
    service_->setObjectName(QStringLiteral("riskLossesService"));
    top->addWidget(service_);
    top->addStretch(1);
    auto* again = new QPushButton(tr("Simuler på nytt"), this);
    top->addWidget(again);
    layout->addLayout(top);
    figures_ = new QLabel(this);
    figures_->setObjectName(QStringLiteral("riskLossFigures"));
    figures_->setWordWrap(true);
    layout->addWidget(figures_);
    auto* split = new QSplitter(Qt::Vertical, this);
    chart_ = new QChartView(split);
    chart_->setRenderHint(QPainter::Antialiasing);
    chart_->setMinimumHeight(260);
    estimates_ = readOnlyTable(QStringLiteral("riskEstimates"), {tr("Risiko"), tr("Hendelser per år"), tr("Tap per hendelse (90 %)"), tr("Anslått av")},
                               split);
    layout->addWidget(split, 1);
    watcher_ = new QFutureWatcher<Simulated>(this);
    connect(watcher_, &QFutureWatcher<Simulated>::finished, this, [this] { show(watcher_->result()); });
    connect(service_, &QComboBox::currentIndexChanged, this, [this] { load(); });
    connect(again, &QPushButton::clicked, this, [this] { load(); });
}

void LossesTab::waitForSimulation() {
    if (watcher_->isRunning() || watcher_->isFinished()) {
        watcher_->waitForFinished();
        if (watcher_->future().resultCount() > 0) show(watcher_->result());
    }
}

void LossesTab::setServices(const QList<QPair<QString, QString>>& keysAndTitles) {
    const QString keep = service_->currentData().toString();
    {
        const QSignalBlocker block(service_);
        service_->clear();
        service_->addItem(tr("Hele avdelingen"), QString());
        for (const auto& [key, title] : keysAndTitles) service_->addItem(title, key);
        service_->setCurrentIndex(std::max(0, service_->findData(keep)));
    }
    load();
}

int LossesTab::estimateCount() const { return estimates_->rowCount(); }

void LossesTab::load() {
    risk::RiskService risks(*ctx_.store);
    const QString service = service_->currentData().toString();
    curve_.reset();
    estimates_->setRowCount(0);
    auto list = risks.estimates(ctx_.session, service);
    if (!list) {
        figures_->setText(describeError(list.error()));
        return;
    }
    for (const auto& e : *list) {
        const int row = estimates_->rowCount();
        estimates_->insertRow(row);
        estimates_->setItem(row, 0, readOnlyCell(QStringLiteral("%1 (%2)").arg(title_(e.riskRef, e.title), e.riskRef)));
        estimates_->setItem(row, 1, readOnlyCell(QLocale().toString(e.estimate.perYear, 'g', 3)));
        estimates_->setItem(row, 2, readOnlyCell(tr("%1 – %2").arg(kroner(e.estimate.low), kroner(e.estimate.high))));
        estimates_->setItem(row, 3, readOnlyCell(QStringLiteral("%1, %2").arg(e.estimatedBy, formatDate(e.estimatedAt.date()))));
    }
    fitColumns(estimates_);
    // The database is read here; only the simulation, plain arithmetic, runs on the worker.
    std::vector<risk::LossEstimate> inputs;
    for (const auto& e : *list) inputs.push_back(e.estimate);
    figures_->setText(tr("Simulerer …"));
    // 20,000 years, fewer when the estimates are so frequent that would exceed the work bound.
    double eventsPerYear = 0;
    for (const auto& e : inputs) eventsPerYear += e.perYear;
    const int trials = eventsPerYear > 0 ? static_cast<int>(std::clamp(risk::SimulationLimits{}.maxEvents / eventsPerYear, 100.0, 20000.0)) : 20000;
    watcher_->setFuture(QtConcurrent::run([inputs = std::move(inputs), trials] {
        Simulated out;
        out.estimates = static_cast<int>(inputs.size());
        auto curve = risk::simulateLosses(inputs, trials, 2026);
        if (curve) out.curve = std::move(*curve);
        else out.error = curve.message();
        return out;
    }));
}

void LossesTab::show(const Simulated& simulated) {
    if (!simulated.curve) {
        figures_->setText(QString::fromStdString(simulated.error));
        return;
    }
    curve_ = simulated.curve;
    const risk::LossCurve& curve = *curve_;
    if (simulated.estimates == 0) {
        figures_->setText(tr("Ingen åpne risikoer har et anslag ennå. Legg inn hvor ofte og hvor mye på en risiko i registeret (Anslag …)."));
        replaceChart(new QChart);
        return;
    }
    figures_->setText(tr("Simulert over %1 år fra %n anslag: sjanse for tap i et år %2, forventet tap %3, median %4; "
                         "ett år av ti over %5, ett av hundre over %6.",
                         "", simulated.estimates)
                          .arg(formatNumber(curve.trials))
                          .arg(formatPercent(curve.probabilityOfAnyLoss, 1), kroner(curve.mean), kroner(curve.p50), kroner(curve.p90),
                               kroner(curve.p99)));
    auto* chart = new QChart;
    chart->setTitle(tr("Sannsynlighet for at årets tap overstiger beløpet"));
    chart->legend()->hide();
    auto* series = new QLineSeries;
    for (const auto& p : curve.points) series->append(p.loss, p.probability * 100);
    chart->addSeries(series);
    auto* x = new QLogValueAxis;
    x->setTitleText(tr("Tap i kroner"));
    x->setLabelFormat(QStringLiteral("%.0f"));
    x->setBase(10);
    auto* y = new QValueAxis;
    y->setTitleText(tr("Sannsynlighet (%)"));
    y->setRange(0, 100);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    replaceChart(chart);
}

void LossesTab::replaceChart(QChart* chart) {
    // The view owns its chart but does not delete the one it had.
    QChart* old = chart_->chart();
    chart_->setChart(chart);
    delete old;
}

}  // namespace vakt::desktop
