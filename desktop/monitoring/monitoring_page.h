#pragma once
#include <QWidget>

#include "core/monitoring.h"
#include "desktop/shell/app_context.h"

class QLabel;
class QTableWidget;
class QTimer;
class QChart;
class QChartView;

namespace vakt::desktop {

// Which services are healthy right now and since when, how available they have been, their
// error ratio and latency, a chart over the last 24 hours, and every scrape target.
class MonitoringPage : public QWidget {
    Q_OBJECT
public:
    MonitoringPage(AppContext& context, QWidget* parent = nullptr);
    Q_INVOKABLE void prepareScreenshot();

public slots:
    void reload();

private:
    void showChart(const QString& service);
    void replaceChart(QChart* chart);
    AppContext& ctx_;
    MonitoringStore monitoring_;
    QTableWidget* services_;
    QTableWidget* targets_;
    QTableWidget* alerts_;
    QLabel* alertsHeading_;
    QChartView* chart_;
    QLabel* updated_;
    QLabel* empty_;
    QTimer* refresh_;
};

QString stateTitle(const QString& state);

}  // namespace vakt::desktop
