#pragma once
#include <QFutureWatcher>
#include <QWidget>
#include <functional>

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
    // `title` gives a risk's title, from its ref and stored title, in the user's language.
    using TitleOf = std::function<QString(const QString& ref, const QString& title)>;
    LossesTab(AppContext& context, TitleOf title, QWidget* parent = nullptr);
    void setServices(const QList<QPair<QString, QString>>& keysAndTitles);
    // Simulates again with what the register holds now, on a worker thread.
    void load();
    // For tests: waits for the simulation running and shows it.
    void waitForSimulation();
    const std::optional<risk::LossCurve>& curve() const { return curve_; }
    int estimateCount() const;

private:
    struct Simulated {
        std::optional<risk::LossCurve> curve;
        std::string error;
        int estimates = 0;
    };
    void show(const Simulated& s);
    void replaceChart(QChart* chart);
    AppContext& ctx_;
    TitleOf title_;
    QComboBox* service_;
    QLabel* figures_;
    QChartView* chart_;
    QTableWidget* estimates_;
    std::optional<risk::LossCurve> curve_;
    QFutureWatcher<Simulated>* watcher_;
};

}  // namespace vakt::desktop
