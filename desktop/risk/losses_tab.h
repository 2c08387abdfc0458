#pragma once
#include <QWidget>

#include "desktop/shell/app_context.h"
#include "riskmodel/quantify.h"

class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QTableWidget;

namespace vakt::desktop {

// The department's yearly loss as a loss-exceedance curve, simulated from the estimates on the
// open risks (how often a year, and a loss range with 90 % confidence), for all services or
// one; the key figures beside it and the estimates it was made from.
class LossesTab : public QWidget {
    Q_OBJECT
public:
    LossesTab(AppContext& context, QWidget* parent = nullptr);
    void setServices(const QList<QPair<QString, QString>>& keysAndTitles);
    // Simulates again with what the register holds now.
    void load();
    const std::optional<risk::LossCurve>& curve() const { return curve_; }
    int estimateCount() const;

private:
    void replaceChart(QChart* chart);
    AppContext& ctx_;
    QComboBox* service_;
    QLabel* figures_;
    QChartView* chart_;
    QTableWidget* estimates_;
    std::optional<risk::LossCurve> curve_;
};

}  // namespace vakt::desktop
