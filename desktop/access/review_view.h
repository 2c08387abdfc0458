#pragma once
// The reviewer's own items in one campaign, decided from the keyboard: with the table focused,
// B keeps, F revokes, R reduces (asks to what), D delegates (asks to whom), and the next open row
// becomes current. Enter and Space decide nothing, so nothing is kept by accident. Keeping an
// administrator grant asks for a justification first. A refusal from the service shows in red
// and the row stays as it was. Buttons do the same for the mouse.
#include <QHash>
#include <QList>
#include <QString>
#include <QTableView>
#include <QWidget>
#include <optional>

#include "access/access_service.h"
#include "desktop/shell/app_context.h"

class QComboBox;
class QKeyEvent;
class QLabel;
class QPushButton;

namespace vakt::desktop {

class ReviewItemModel;

// The table that turns the decision keys into signals; every other key moves as usual.
class ReviewTableView : public QTableView {
    Q_OBJECT
public:
    using QTableView::QTableView;

signals:
    // B, F, R or D: a Decision code.
    void decisionKey(const QString& decision);
    // Enter or Space: refused on purpose.
    void confirmKey();

protected:
    void keyPressEvent(QKeyEvent* event) override;
};

class ReviewView : public QWidget {
    Q_OBJECT
public:
    ReviewView(AppContext& context, QWidget* parent = nullptr);

    // Reads the campaigns and the items again, keeping the chosen campaign and row.
    void reload();
    // Shows this campaign's items; false when it is not among the reviewer's open campaigns.
    bool setCampaign(qint64 id);
    qint64 campaignId() const { return campaign_; }
    int campaignCount() const;

    ReviewTableView* table() const { return table_; }
    ReviewItemModel* model() const { return model_; }
    // "37 av 200 avgjort"; the status line (refusals in red).
    QString counterText() const;
    QString message() const;
    bool messageIsWarning() const;
    int total() const;
    int decidedCount() const;
    int openCount() const;
    // The item in the current row.
    std::optional<access::ReviewItem> currentItem() const;
    // Makes the row with this item number current; false when it is not shown.
    bool selectNumber(int number);
    // The reviewer's e-mail as the items show it (the reviewer of every item); empty when unknown.
    QString reviewerEmail() const { return reviewer_; }

    // Decides the current row as the keys do: the justification, reduce and delegate dialogs ask
    // for what is missing. False when refused or cancelled.
    bool decideCurrent(const QString& decision);
    // Decides one item without dialogs; on success the row shows it and the next open row
    // becomes current.
    bool decide(int number, const QString& decision, const QString& justification = {}, const QString& reduceTo = {},
                const QString& delegateTo = {});

signals:
    // A decision was stored (the officer's figures and the sidebar badge follow).
    void decided();

private:
    void fillCampaigns(qint64 keep);
    void loadItems(int keepNumber);
    void updateCounter();
    void updateButtons();
    void fail(const QString& text);
    void hint(const QString& text);
    // "Nr 12: Kari Hansen (kari@…) – Administrator, SvarUt, Bergen kommune"
    QString summary(const access::ReviewItem& item) const;
    void loadNames();

    AppContext& ctx_;
    QComboBox* campaignChoice_;
    QLabel* campaignInfo_;
    QLabel* legend_;
    QLabel* counter_;
    QLabel* message_;
    ReviewTableView* table_;
    ReviewItemModel* model_;
    QPushButton* keep_;
    QPushButton* revoke_;
    QPushButton* reduce_;
    QPushButton* delegate_;
    QList<access::Campaign> campaigns_;  // open, with items for this reviewer
    qint64 campaign_ = 0;
    QString reviewer_;
    QHash<QString, QString> organisations_, services_, people_;
    bool namesLoaded_ = false;
    bool canDecide_ = false;
    bool warning_ = false;
};

}  // namespace vakt::desktop
