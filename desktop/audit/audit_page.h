#pragma once
#include <QFutureWatcher>
#include <memory>
#include <optional>

#include "collector/audit/ledger.h"
#include "desktop/audit/audit_names.h"
#include "desktop/shell/app_context.h"
#include "desktop/shell/page.h"

class QAction;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace vakt::desktop {

// The audit ledger for the security officer and the auditor: the detection rules' open findings,
// each opening its evidence; who looked up this person; what did this employee or integration do.
// A fødselsnummer is checked before searching and never shown back: the field hides it (with a
// show toggle) and results show only pseudonyms. Results load page by page as the list is
// scrolled; an event's detail shows its inclusion proof; evidence bundles can be exported; the
// ledger can be verified on demand.
class AuditPage : public Page {
    Q_OBJECT
public:
    AuditPage(AppContext& context, QWidget* parent = nullptr);
    ~AuditPage() override;
    void prepareScreenshot() override;
    void refresh() override;
    void focusSearch() override;
    int attention() const override { return unhandledFindings_; }
    void showItems(const QString& which) override;
    // Opens a finding's dialog (modeless); the dialog is returned for tests.
    class FindingDialog* openFinding(int row);
    // Writes the current search's evidence bundle to `path`; false with a message on the page.
    bool exportEvidence(const QString& path);

public slots:
    void search();
    void loadMore();
    void verifyLedger();

private:
    void showResult(int row);
    void loadDetections();
    void applyFindingFilter();
    void updateIdField();
    bool buildQuery(audit::Ledger::Query& query);
    AppContext& ctx_;
    std::unique_ptr<audit::Ledger> ledger_;
    AuditNames names_;
    QComboBox* by_;
    QLineEdit* id_;
    QAction* showId_;
    QComboBox* service_;
    QLineEdit* action_;
    QDateEdit* from_;
    QDateEdit* to_;
    QPushButton* searchButton_;
    QPushButton* exportButton_;
    QPushButton* verifyButton_;
    QLabel* status_;
    QLabel* ledgerState_;
    QTableWidget* results_;
    QTableWidget* detections_;
    QComboBox* findingSeverity_;
    QLabel* detectionsHeading_;
    QPlainTextEdit* detail_;
    int unhandledFindings_ = 0;
    // The search being shown, so scrolling can fetch its next page.
    audit::Ledger::Query query_;
    std::optional<audit::Ledger::Cursor> cursor_;
    bool exhausted_ = true;
    // A verification runs on a worker thread and hands this back.
    struct Verification {
        QString error;  // it could not run
        audit::VerifyReport report;
    };
    QFutureWatcher<Verification>* verifying_ = nullptr;
};

}  // namespace vakt::desktop
