#pragma once
// How the audit page's search and a finding's dialog show ledger events: one table layout, one
// row per event with names instead of keys, and an event's detail with its proof checked.
#include <QString>

#include "collector/audit/ledger.h"
#include "desktop/audit/audit_names.h"

class QTableWidget;
class QWidget;

namespace vakt::desktop {

// Columns: number, time, service, action, result, actor, organisation.
QTableWidget* eventTable(const QString& objectName, QWidget* parent);
// Appends `event`; its number cell keeps the leaf index (Qt::UserRole) and canonical JSON (UserRole + 1).
void appendEvent(QTableWidget* table, const audit::LedgerEvent& event, const AuditNames& names);
// The selected row's event as JSON with its inclusion proof checked against the ledger's own key.
QString eventDetail(audit::Ledger& ledger, const Session& session, QTableWidget* table, int row);

}  // namespace vakt::desktop
