#pragma once
#include "core/monitoring.h"
#include "desktop/shell/app_context.h"
#include "desktop/shell/page.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QTableWidget;
class QTimer;
class QChart;
class QChartView;

namespace vakt::desktop {

// Which services are healthy right now and since when, how available they have been, their
// error ratio and latency, a chart over a chosen range, and every scrape target. Every figure
// says how old it is and how much data it rests on; when the collector has gone silent the page
// says so and shows no service as up.
class MonitoringPage : public Page {
    Q_OBJECT
public:
    MonitoringPage(AppContext& context, QWidget* parent = nullptr);
    void prepareScreenshot() override;
    void refresh() override { reload(); }
    void focusSearch() override;
    int attention() const override { return openAlerts_; }
    void showItems(const QString& which) override;

public slots:
    void reload();

private:
    void showChart(const QString& service);
    void replaceChart(QChart* chart);
    QString selectedService() const;
    AppContext& ctx_;
    MonitoringStore monitoring_;
    QTableWidget* services_;
    QTableWidget* targets_;
    QTableWidget* alerts_;
    QLabel* alertsHeading_;
    QChartView* chart_;
    QComboBox* range_;
    QCheckBox* notUpOnly_;
    QLabel* updated_;
    QLabel* stale_;
    QLabel* empty_;
    QTimer* refresh_;
    int openAlerts_ = 0;
};

QString stateTitle(const QString& state);
// "Kritisk", "Advarsel", "Info".
QString severityTitle(const QString& severity);

}  // namespace vakt::desktop
