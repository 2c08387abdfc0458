#pragma once
#include <QFutureWatcher>
#include <QWidget>
#include <memory>
#include <optional>

#include "collector/audit/ledger.h"
#include "desktop/shell/app_context.h"

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace vakt::desktop {

// The audit ledger for the security officer and the auditor: who looked up this person, what
// did this employee or integration do. A fødselsnummer is typed in but never shown back: the
// field hides it and results show only its pseudonym. Results load page by page as the list is
// scrolled; an event's detail shows its inclusion proof; the ledger can be verified on demand.
class AuditPage : public QWidget {
    Q_OBJECT
public:
    AuditPage(AppContext& context, QWidget* parent = nullptr);
    Q_INVOKABLE void prepareScreenshot();

public slots:
    void search();
    void loadMore();
    void verifyLedger();

private:
    void showEvent(int row);
    void loadDetections();
    AppContext& ctx_;
    std::unique_ptr<audit::Ledger> ledger_;
    QComboBox* by_;
    QLineEdit* id_;
    QLineEdit* service_;
    QLineEdit* action_;
    QDateEdit* from_;
    QDateEdit* to_;
    QPushButton* searchButton_;
    QPushButton* verifyButton_;
    QLabel* status_;
    QLabel* ledgerState_;
    QTableWidget* results_;
    QTableWidget* detections_;
    QLabel* detectionsHeading_;
    QPlainTextEdit* detail_;
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
