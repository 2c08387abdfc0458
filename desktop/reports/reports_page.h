#pragma once
// Rapporter: pick a report, its period and scope, preview it, and save it as PDF, HTML, ODT, XLSX
// or CSV. Building runs off the window's thread with its own database connection, shows how far
// it has come and can be cancelled; saving records the report in the trail.
#include <QPointer>
#include <atomic>
#include <memory>

#include "desktop/shell/app_context.h"
#include "desktop/shell/page.h"
#include "reports/report_service.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTextBrowser;

namespace vakt::desktop {

class ReportsPage : public Page {
    Q_OBJECT
public:
    explicit ReportsPage(AppContext& ctx, QWidget* parent = nullptr);

    void refresh() override;
    void focusSearch() override;
    void prepareScreenshot() override;
    // "nsm", "incidents", … selects a report; "preview" shows it (built at once); "PERIOD=2026-Q3".
    void showItems(const QString& which) override;

    // For tests: the preview's text, the status line, and whether a build is running.
    QString previewText() const;
    QString status() const;
    bool busy() const { return running_ != nullptr; }
    // Builds the selected report and writes it to `path` on this thread (the save dialog's work
    // without the dialog); gives the file's SHA-256 or the error.
    Result<QString> saveTo(const QString& path);

public slots:
    void preview();
    void cancel();
    void save();

private:
    std::optional<reports::ReportRequest> request(QString* problem) const;
    std::optional<reports::ReportKind> selectedKind() const;
    void kindChanged();
    void loadChoices();
    void showDocument(const reports::Document& document);
    void setRunning(bool running);
    void previewNow();
    reports::ReportProgress progressTo(std::shared_ptr<std::atomic<bool>> cancelled);

    AppContext& ctx_;
    QListWidget* kinds_ = nullptr;
    QLabel* description_ = nullptr;
    QLineEdit* period_ = nullptr;
    QLabel* periodProblem_ = nullptr;
    QComboBox* service_ = nullptr;
    QComboBox* campaign_ = nullptr;
    QComboBox* meeting_ = nullptr;
    QComboBox* format_ = nullptr;
    QPushButton* previewButton_ = nullptr;
    QPushButton* saveButton_ = nullptr;
    QPushButton* cancelButton_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QLabel* status_ = nullptr;
    QTextBrowser* preview_ = nullptr;
    // The running build's cancel flag, shared with its thread.
    std::shared_ptr<std::atomic<bool>> running_;
};

}  // namespace vakt::desktop
