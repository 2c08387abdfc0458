#pragma once
#include <QDialog>

#include "collector/audit/ledger.h"
#include "core/incidents.h"
#include "desktop/audit/audit_names.h"
#include "desktop/shell/app_context.h"

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace vakt::desktop {

// One detection finding: what the rule saw, the events behind it with their proofs, and taking
// or closing it with a reason (the incident the service desk also sees; recorded in the trail).
class FindingDialog : public QDialog {
    Q_OBJECT
public:
    FindingDialog(AppContext& context, audit::Ledger& ledger, const AuditNames& names, qint64 incidentId, QWidget* parent = nullptr);
    int evidenceShown() const;

public slots:
    // Both ask for the text when none is given; true when it was saved.
    bool acknowledge(const QString& note = {});
    bool closeFinding(const QString& reason = {});

signals:
    void changed();

private:
    void load();
    void showEvidence(int row);
    bool report(const Status& s);
    // Asks for the note or reason when none was given, then saves it with `save`.
    bool handle(QString text, const QString& title, const QString& prompt, const QString& missing, Status (IncidentStore::*save)(const Session&, qint64, const QString&));
    AppContext& ctx_;
    audit::Ledger& ledger_;
    const AuditNames& names_;
    qint64 id_;
    QLabel* heading_;
    QLabel* state_;
    QLabel* message_;
    QTableWidget* events_;
    QPlainTextEdit* detail_;
    QPushButton* acknowledge_;
    QPushButton* close_;
    std::vector<audit::LedgerEvent> evidence_;
};

}  // namespace vakt::desktop
