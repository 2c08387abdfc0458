#pragma once
// The privilege review's page (tilgangsgjennomgang). A reviewer (leader, product owner) sees
// only their own items in a campaign and decides them from the keyboard (ReviewView). The
// security officer sees the campaigns with their progress, creates them, follows progress per
// reviewer, searches all items by flag and text, imports the platform's grant exports and sees
// their history, reminds reviewers, closes a campaign with the department's key, exports the
// revocation list and the signed attestation, and checks an attestation file against the
// trusted key of the configured key directory. The revisor sees the same, read-only.
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

#include "access/access_service.h"
#include "desktop/shell/app_context.h"
#include "desktop/shell/page.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QTableWidget;
class QTimer;

namespace vakt::desktop {

class NewCampaignDialog;
class ReviewItemModel;
class ReviewView;

class AccessPage : public Page {
    Q_OBJECT
public:
    enum CampaignColumn { CampaignName, CampaignMode, CampaignState, CampaignProgress, CampaignFlagged, CampaignDue, CampaignRevocations, CampaignOwner, CampaignColumnCount };
    enum ProgressColumn { ProgressReviewer, ProgressItems, ProgressDecided, ProgressLeft, ProgressFlagged, ProgressOverdue, ProgressColumnCount };

    AccessPage(AppContext& context, QWidget* parent = nullptr);
    void refresh() override;
    void focusSearch() override;
    // The reviewer's open items in the shown campaign.
    int attention() const override;
    void prepareScreenshot() override;
    // "campaigns", "progress", "items", "flagged", "imports" show that tab (officer and
    // revisor); "mine" shows one's own items.
    void showItems(const QString& which) override;

    // The reviewer's view (null when the role reviews nothing); the officer's tabs (null for a
    // reviewer, who sees only their own items).
    ReviewView* reviewView() const { return review_; }
    QTabWidget* tabs() const { return tabs_; }
    QString message() const;
    bool messageIsWarning() const { return warning_; }

    // ---- The officer's view (access.read_all)
    int shownCampaigns() const;
    qint64 currentCampaign() const { return campaign_ ? campaign_->id : 0; }
    std::optional<access::Campaign> campaign() const { return campaign_; }
    // Selects the campaign in the list; false when it is not there.
    bool selectCampaign(qint64 id);
    QTableWidget* progressTable() const { return progress_; }
    QTableWidget* importTable() const { return imports_; }
    // All items of the selected campaign, filtered by flag (0: all; kAnyFlag: any) and text.
    static constexpr access::Flags kAnyFlag = 0xffffffffu;
    bool setFlagFilter(access::Flags flags);
    void setItemSearch(const QString& text);
    int shownItems() const;
    ReviewItemModel* allItemsModel() const { return allModel_; }
    // The last attestation check as shown ("attestationResult"), green or red.
    QString attestationResult() const;

    // ---- Actions: each reports on the page (message()) and gives nothing or false on failure.
    // Reads and imports a grant export; the report, or the FILE:LINE problems, as text too.
    std::optional<access::ImportReport> importFile(const QString& path);
    QString lastImportText() const { return importText_; }
    std::optional<qint64> createCampaign(const access::CampaignSpec& spec);
    std::optional<QStringList> remindCurrent();
    // Closes the selected campaign, signing the attestation with the key directory's key.
    bool closeCurrent();
    bool exportRevocationsTo(const QString& path, bool json);
    bool exportAttestationTo(const QString& path);
    // Checks an attestation file against the key directory's public key (never one in the file).
    std::optional<access::AttestationCheck> verifyAttestationFile(const QString& path);
    // The form, wired to createCampaign; the caller owns it (openNewCampaign runs it).
    NewCampaignDialog* newCampaignDialog();

public slots:
    void openNewCampaign();
    void openImport();
    void openRemind();
    void openClose();
    void openExportRevocations();
    void openExportAttestation();
    void openVerifyAttestation();

private:
    void buildOfficerView();
    void loadCampaigns(qint64 keep);
    void showCampaign(qint64 id);
    void loadProgress();
    void loadAllItems();
    void loadImports();
    void updateActions();
    QString campaignDetail() const;
    // Why the attestation cannot be signed or checked here; empty when the key directory can.
    QString keyProblem(bool sign) const;
    QString importReportText(const access::ImportReport& imported) const;
    bool report(const Status& s, const QString& done = {});
    void fail(const QString& text);
    void succeed(const QString& text);
    QString personText(const QString& email) const;
    bool noCampaign();

    AppContext& ctx_;
    bool readsAll_ = false, manages_ = false;
    QLabel* message_;
    QLabel* access_;
    QTabWidget* tabs_ = nullptr;
    ReviewView* review_ = nullptr;

    QWidget* campaignsTab_ = nullptr;
    QWidget* progressTab_ = nullptr;
    QWidget* itemsTab_ = nullptr;
    QWidget* importsTab_ = nullptr;
    // Campaigns
    QTableWidget* campaigns_ = nullptr;
    QLabel* detail_ = nullptr;
    QLabel* attestation_ = nullptr;
    QPushButton* new_ = nullptr;
    QPushButton* remind_ = nullptr;
    QPushButton* close_ = nullptr;
    QPushButton* exportRevocations_ = nullptr;
    QPushButton* exportAttestation_ = nullptr;
    QPushButton* verifyAttestation_ = nullptr;
    // Progress per reviewer
    QLabel* progressTitle_ = nullptr;
    QTableWidget* progress_ = nullptr;
    // All items
    QLabel* itemsTitle_ = nullptr;
    QComboBox* flagFilter_ = nullptr;
    QLineEdit* search_ = nullptr;
    QTimer* searchDelay_ = nullptr;
    QLabel* itemCount_ = nullptr;
    QTableView* allItems_ = nullptr;
    ReviewItemModel* allModel_ = nullptr;
    // Imports
    QPushButton* import_ = nullptr;
    QTableWidget* imports_ = nullptr;

    QList<access::Campaign> all_;
    std::optional<access::Campaign> campaign_;
    QHash<QString, QString> organisations_, services_, people_;
    QString importText_;
    bool warning_ = false;
    bool filling_ = false;
};

}  // namespace vakt::desktop
