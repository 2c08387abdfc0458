#pragma once
// The read-only tables the modules show: no editing, no row numbers, the last column stretched.
#include <QHeaderView>
#include <QStringList>
#include <QTableWidget>

namespace vakt::desktop {

inline QTableWidget* readOnlyTable(const QString& objectName, const QStringList& headers, QWidget* parent, bool selectRows = false) {
    auto* table = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    table->setObjectName(objectName);
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    if (selectRows) {
        table->setSelectionBehavior(QAbstractItemView::SelectRows);
        table->setSelectionMode(QAbstractItemView::SingleSelection);
    }
    return table;
}

// A cell that can be selected but not edited.
inline QTableWidgetItem* readOnlyCell(const QString& text) {
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    return item;
}

}  // namespace vakt::desktop
