#pragma once
// The read-only tables the modules show: no editing, no row numbers, the last column stretched,
// sorting by a key where the text does not sort right, column widths and sorting remembered.
#include <QHeaderView>
#include <QStringList>
#include <QTableWidget>

namespace vakt::desktop {

// Sorts by Qt::UserRole when it is set (severity ranks, times, numbers), else by text.
class SortableCell : public QTableWidgetItem {
public:
    using QTableWidgetItem::QTableWidgetItem;
    bool operator<(const QTableWidgetItem& other) const override {
        const QVariant a = data(Qt::UserRole), b = other.data(Qt::UserRole);
        if (a.isValid() && b.isValid()) return QVariant::compare(a, b) < 0;
        return QTableWidgetItem::operator<(other);
    }
};

inline QTableWidget* readOnlyTable(const QString& objectName, const QStringList& headers, QWidget* parent, bool selectRows = false) {
    auto* table = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    table->setObjectName(objectName);
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setTabKeyNavigation(false);  // Tab leaves the table; the arrow keys move within it
    if (selectRows) {
        table->setSelectionBehavior(QAbstractItemView::SelectRows);
        table->setSelectionMode(QAbstractItemView::SingleSelection);
    }
    return table;
}

// A cell that can be selected but not edited; `sortKey` orders it when the table is sorted.
inline QTableWidgetItem* readOnlyCell(const QString& text, const QVariant& sortKey = {}) {
    auto* item = new SortableCell(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (sortKey.isValid()) item->setData(Qt::UserRole, sortKey);
    return item;
}

// Keeps the header's column widths and sort order in the settings under `key`, and restores
// them now. Until the person has resized a column, columns fit their contents on each fill.
void rememberHeader(QHeaderView* header, const QString& key);
// Fits columns to their contents unless the person has set their widths; the last one stretches.
void fitColumns(QTableView* table);

}  // namespace vakt::desktop
