#pragma once
// The ROS heat map: likelihood up, consequence across, each cell in its level's colour with the
// number of risks in it. Clicking a cell selects it (the register shows that cell's risks);
// clicking it again clears the choice.
#include <QWidget>
#include <optional>
#include <utility>

#include "riskmodel/matrix.h"

namespace vakt::desktop {

class HeatMap : public QWidget {
    Q_OBJECT
public:
    explicit HeatMap(QWidget* parent = nullptr);
    // counts[likelihood-1][consequence-1]
    void setData(const risk::RiskMatrix& matrix, std::vector<std::vector<int>> counts);
    std::optional<std::pair<int, int>> selectedCell() const { return selected_; }
    void selectCell(std::optional<std::pair<int, int>> cell);
    int count(int likelihood, int consequence) const;
    QSize sizeHint() const override { return {420, 330}; }
    QSize minimumSizeHint() const override { return {300, 240}; }

signals:
    void cellChosen();

protected:
    void paintEvent(QPaintEvent*) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    QRectF cellRect(int likelihood, int consequence) const;
    QRectF grid() const;
    risk::RiskMatrix matrix_;
    std::vector<std::vector<int>> counts_;
    std::optional<std::pair<int, int>> selected_;
};

}  // namespace vakt::desktop
