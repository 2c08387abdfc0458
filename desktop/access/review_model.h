#pragma once
// The items of a privilege review as a table model, for the reviewer's own items and the
// security officer's list of all. Hundreds of rows, all in memory: sorting is done here (flagged
// first unless the person sorts otherwise), and a decision updates its row in place, so the
// current row and the order stay where the reviewer left them.
#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStyledItemDelegate>

#include "access/access_service.h"

namespace vakt::desktop {

class ReviewItemModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Number, Holder, Organisation, Service, Privilege, Detail, Flags, LastUse, Reviewer, Decision, ColumnCount };
    enum Roles { NumberRole = Qt::UserRole + 1, FlagLabelsRole, FlagColoursRole };
    // Where an item stands for the person looking: open for them, waiting for the first stage of
    // a two-stage review, or done (decided, or handed on by them).
    enum class State { Open, Waiting, Done };

    explicit ReviewItemModel(QObject* parent = nullptr);

    // Replaces the rows; `now` is what "not used for N days" counts from. The order is the
    // one last asked for through sort().
    void setItems(const QList<access::ReviewItem>& items, const QDateTime& now);
    // Catalogue names for the Virksomhet and Tjeneste columns, and people's names by e-mail.
    void setNames(const QHash<QString, QString>& organisations, const QHash<QString, QString>& services,
                  const QHash<QString, QString>& people);
    // The reviewer whose view this is (their e-mail): who counts as first or second stage.
    // Empty: an item is open until it has a decision.
    void setReviewer(const QString& email);
    QString reviewer() const { return reviewer_; }

    const access::ReviewItem* itemAt(int row) const;
    int rowOfNumber(int number) const;
    State stateAt(int row) const;
    int count() const { return static_cast<int>(items_.size()); }
    int doneCount() const;
    int openCount() const;
    // The first open row after `row` in the shown order, wrapping round; -1 when none is open.
    int nextOpenRow(int row) const;
    // Whether the decision the reviewer takes on this row is the first stage of two.
    bool decidesFirstStage(int row) const;
    // Records on the row what the service stored, without reading everything again.
    void recordDecision(int row, const QString& decision, const QString& justification, const QString& reduceTo,
                        const QString& delegateTo, const QString& decidedBy, const QDateTime& at);

    int rowCount(const QModelIndex& parent = {}) const override { return parent.isValid() ? 0 : count(); }
    int columnCount(const QModelIndex& parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    State stateOf(const access::ReviewItem& item) const;
    QString text(const access::ReviewItem& item, int column) const;
    QString organisationText(const access::ReviewItem& item) const;
    QString serviceText(const access::ReviewItem& item) const;
    QString personText(const QString& email) const;
    QString lastUseText(const access::ReviewItem& item) const;
    QString tooltip(const access::ReviewItem& item, int column) const;
    void reindex();

    QList<access::ReviewItem> items_;
    QHash<int, int> rowOf_;  // item number → row
    QHash<QString, QString> organisations_, services_, people_;
    QString reviewer_;
    QDateTime now_;
    int sortColumn_ = Flags;
    Qt::SortOrder sortOrder_ = Qt::DescendingOrder;
};

// Draws an item's flags as small coloured labels, so a reviewer sees at a glance what is flagged.
class FlagChipDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

}  // namespace vakt::desktop
