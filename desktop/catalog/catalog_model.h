#pragma once
#include <QAbstractTableModel>
#include <QDate>

#include "core/catalog_service.h"

namespace vakt::desktop {

// The catalogue list: one row per service or component.
class CatalogModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Kind, Lifecycle, Agreements, Ros, Dpia, ProductOwner, ColumnCount };
    enum Roles { KeyRole = Qt::UserRole + 1, FilterTextRole, NeedsAttentionRole };

    explicit CatalogModel(QObject* parent = nullptr) : QAbstractTableModel(parent) {}
    void setEntries(QList<CatalogSummary> entries, QDate today);
    const QList<CatalogSummary>& entries() const { return entries_; }
    int rowOfKey(const QString& key) const;

    int rowCount(const QModelIndex& parent = {}) const override { return parent.isValid() ? 0 : static_cast<int>(entries_.size()); }
    int columnCount(const QModelIndex& parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<CatalogSummary> entries_;
    QDate today_;
};

QString kindTitle(const QString& kind);
QString lifecycleTitle(const QString& lifecycle);
QString documentKindTitle(const QString& kind);
QString teamTitle(const QString& team);

}  // namespace vakt::desktop
