#pragma once
#include <QDialog>

#include "collector/audit/ledger.h"
#include "desktop/audit/audit_names.h"
#include "desktop/shell/app_context.h"

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace vakt::desktop {

// An event as JSON with its inclusion proof checked against the ledger's own public key.
QString eventDetail(audit::Ledger& ledger, const Session& session, qint64 seq, const std::string& canonical);

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
