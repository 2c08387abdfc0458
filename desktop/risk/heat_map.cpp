#include "desktop/risk/heat_map.h"

#include <QMouseEvent>
#include <QPainter>

#include "desktop/shell/formatting.h"

namespace vakt::desktop {

namespace {
constexpr int kLeftMargin = 118;
constexpr int kBottomMargin = 48;
constexpr int kTopMargin = 8;
}  // namespace

HeatMap::HeatMap(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("riskHeatMap"));
    setMouseTracking(false);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Risikomatrise"));
}

void HeatMap::setData(const risk::RiskMatrix& matrix, std::vector<std::vector<int>> counts) {
    matrix_ = matrix;
    counts_ = std::move(counts);
    if (selected_ && (selected_->first > matrix_.size() || selected_->second > static_cast<int>(matrix_.consequence.size()))) selected_.reset();
    update();
}

void HeatMap::selectCell(std::optional<std::pair<int, int>> cell) {
    selected_ = cell;
    update();
    emit cellChosen();
}

int HeatMap::count(int l, int c) const {
    if (l < 1 || c < 1 || l > static_cast<int>(counts_.size())) return 0;
    const auto& row = counts_[static_cast<std::size_t>(l - 1)];
    return c > static_cast<int>(row.size()) ? 0 : row[static_cast<std::size_t>(c - 1)];
}

QRectF HeatMap::grid() const { return QRectF(kLeftMargin, kTopMargin, width() - kLeftMargin - 8, height() - kTopMargin - kBottomMargin); }

QRectF HeatMap::cellRect(int l, int c) const {
    const QRectF g = grid();
    const int n = std::max(1, matrix_.size());
    const int m = std::max(1, static_cast<int>(matrix_.consequence.size()));
    const double w = g.width() / m, h = g.height() / n;
    return QRectF(g.left() + (c - 1) * w, g.top() + (n - l) * h, w, h);
}

void HeatMap::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    auto label = [](const risk::LocalText& t) { return inUserLanguage(QString::fromStdString(t.nb), QString::fromStdString(t.en)); };
    for (int l = 1; l <= matrix_.size(); ++l) {
        for (int c = 1; c <= static_cast<int>(matrix_.consequence.size()); ++c) {
            const QRectF r = cellRect(l, c).adjusted(1, 1, -1, -1);
            const risk::MatrixLevel* level = matrix_.levelOf(l, c);
            p.fillRect(r, QColor(level ? QString::fromStdString(level->colour) : QStringLiteral("#eeeeee")));
            if (selected_ && selected_->first == l && selected_->second == c) {
                p.setPen(QPen(palette().highlight().color(), 3));
                p.drawRect(r.adjusted(1, 1, -1, -1));
            }
            const int n = count(l, c);
            if (n > 0) {
                QFont f = font();
                f.setBold(true);
                f.setPointSizeF(f.pointSizeF() * 1.3);
                p.setFont(f);
                p.setPen(Qt::black);
                p.drawText(r, Qt::AlignCenter, QString::number(n));
            }
        }
        p.setFont(font());
        p.setPen(palette().text().color());
        const QRectF row = cellRect(l, 1);
        p.drawText(QRectF(4, row.top(), kLeftMargin - 10, row.height()), Qt::AlignRight | Qt::AlignVCenter | Qt::TextWordWrap,
                   label(matrix_.likelihood[static_cast<std::size_t>(l - 1)].label));
    }
    for (int c = 1; c <= static_cast<int>(matrix_.consequence.size()); ++c) {
        const QRectF col = cellRect(1, c);
        p.drawText(QRectF(col.left(), grid().bottom() + 2, col.width(), kBottomMargin - 18), Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap,
                   label(matrix_.consequence[static_cast<std::size_t>(c - 1)].label));
    }
    p.drawText(QRectF(grid().left(), height() - 16, grid().width(), 16), Qt::AlignCenter, tr("Konsekvens →"));
    p.save();
    p.translate(10, grid().center().y());
    p.rotate(-90);
    p.drawText(QRectF(-60, -8, 120, 16), Qt::AlignCenter, tr("Sannsynlighet →"));
    p.restore();
}

void HeatMap::mousePressEvent(QMouseEvent* event) {
    for (int l = 1; l <= matrix_.size(); ++l)
        for (int c = 1; c <= static_cast<int>(matrix_.consequence.size()); ++c)
            if (cellRect(l, c).contains(event->position())) {
                const std::pair<int, int> cell{l, c};
                selectCell(selected_ == cell ? std::nullopt : std::optional(cell));
                return;
            }
}

}  // namespace vakt::desktop
