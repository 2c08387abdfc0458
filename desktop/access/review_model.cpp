#include "desktop/access/review_model.h"

#include <QApplication>
#include <QBrush>
#include <QColor>
#include <QFont>
#include <QFontMetrics>
#include <QPainter>
#include <QStyle>
#include <algorithm>
#include <bit>
#include <vector>

#include "desktop/access/access_names.h"
#include "desktop/shell/formatting.h"

namespace vakt::desktop {

namespace {
const QColor kKeep(0x1b, 0x5e, 0x20);
const QColor kRevoke(0xb0, 0x00, 0x20);
const QColor kReduce(0x8a, 0x5a, 0x00);
const QColor kDelegate(0x0d, 0x47, 0xa1);
const QColor kDoneRow(0x6b, 0x6b, 0x6b);

QColor decisionColour(const QString& decision) {
    if (decision == fromStd(access::Decision::Keep)) return kKeep;
    if (decision == fromStd(access::Decision::Revoke)) return kRevoke;
    if (decision == fromStd(access::Decision::Reduce)) return kReduce;
    if (decision == fromStd(access::Decision::Delegate)) return kDelegate;
    return {};
}

// The most powerful kinds first when sorted descending.
int privilegeRank(const std::string& kind) {
    if (kind == access::Privilege::Admin) return 4;
    if (kind == access::Privilege::ServiceAdmin) return 3;
    if (kind == access::Privilege::Folkeregister) return 2;
    if (kind == access::Privilege::Specific) return 1;
    return 0;
}

bool sameEmail(const QString& a, const QString& b) { return !a.isEmpty() && a.compare(b, Qt::CaseInsensitive) == 0; }

// Smaller labels than the table's text, bold, so several fit in the column.
QFont chipFont(const QFont& base) {
    QFont font = base;
    if (font.pointSizeF() > 0) font.setPointSizeF(font.pointSizeF() * 0.9);
    font.setBold(true);
    return font;
}
}  // namespace

ReviewItemModel::ReviewItemModel(QObject* parent) : QAbstractTableModel(parent) {}

void ReviewItemModel::setItems(const QList<access::ReviewItem>& items, const QDateTime& now) {
    beginResetModel();
    items_ = items;
    now_ = now;
    reindex();
    endResetModel();
    sort(sortColumn_, sortOrder_);
}

void ReviewItemModel::setNames(const QHash<QString, QString>& organisations, const QHash<QString, QString>& services,
                               const QHash<QString, QString>& people) {
    organisations_ = organisations;
    services_ = services;
    people_ = people;
    if (!items_.isEmpty()) emit dataChanged(index(0, 0), index(count() - 1, ColumnCount - 1));
}

void ReviewItemModel::setReviewer(const QString& email) {
    reviewer_ = email;
    if (!items_.isEmpty()) emit dataChanged(index(0, 0), index(count() - 1, ColumnCount - 1));
}

void ReviewItemModel::reindex() {
    rowOf_.clear();
    for (int row = 0; row < count(); ++row) rowOf_.insert(items_.at(row).number, row);
}

const access::ReviewItem* ReviewItemModel::itemAt(int row) const {
    return row >= 0 && row < count() ? &items_.at(row) : nullptr;
}

int ReviewItemModel::rowOfNumber(int number) const { return rowOf_.value(number, -1); }

ReviewItemModel::State ReviewItemModel::stateOf(const access::ReviewItem& item) const {
    if (!item.decision.isEmpty()) return State::Done;
    if (item.secondReviewer.isEmpty() || reviewer_.isEmpty()) return State::Open;
    const bool first = sameEmail(item.reviewer, reviewer_), second = sameEmail(item.secondReviewer, reviewer_);
    const bool firstDecided = !item.firstDecision.isEmpty();
    if (first && !second) return firstDecided ? State::Done : State::Open;
    if (second && !first) return firstDecided ? State::Open : State::Waiting;
    return State::Open;
}

ReviewItemModel::State ReviewItemModel::stateAt(int row) const {
    const access::ReviewItem* item = itemAt(row);
    return item ? stateOf(*item) : State::Done;
}

int ReviewItemModel::doneCount() const {
    return static_cast<int>(std::count_if(items_.cbegin(), items_.cend(), [this](const access::ReviewItem& i) { return stateOf(i) == State::Done; }));
}

int ReviewItemModel::openCount() const {
    return static_cast<int>(std::count_if(items_.cbegin(), items_.cend(), [this](const access::ReviewItem& i) { return stateOf(i) == State::Open; }));
}

int ReviewItemModel::nextOpenRow(int row) const {
    const int n = count();
    for (int step = 1; step <= n; ++step) {
        const int candidate = ((row < 0 ? -1 : row) + step) % n;
        if (stateAt(candidate) == State::Open) return candidate;
    }
    return -1;
}

bool ReviewItemModel::decidesFirstStage(int row) const {
    const access::ReviewItem* item = itemAt(row);
    if (!item || !item->decision.isEmpty() || item->secondReviewer.isEmpty() || !item->firstDecision.isEmpty()) return false;
    return item->stage <= 1;
}

void ReviewItemModel::recordDecision(int row, const QString& decision, const QString& justification, const QString& reduceTo,
                                     const QString& delegateTo, const QString& decidedBy, const QDateTime& at) {
    if (!itemAt(row)) return;
    // Delegating hands the item on without deciding a stage; here it is done with all the same.
    const bool firstStage = decision != fromStd(access::Decision::Delegate) && decidesFirstStage(row);
    access::ReviewItem& item = items_[row];
    if (firstStage) {
        item.firstDecision = decision;
        item.firstDecidedBy = decidedBy;
        item.stage = 2;  // as the service moves it: the second reviewer's now
    } else {
        item.decision = decision;
        item.decidedBy = decidedBy;
        item.decidedAt = at;
    }
    item.justification = justification;
    item.reduceTo = reduceTo;
    item.delegatedTo = delegateTo;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

QString ReviewItemModel::personText(const QString& email) const {
    const QString name = people_.value(email.toLower());
    return name.isEmpty() ? email : QStringLiteral("%1 (%2)").arg(name, email);
}

QString ReviewItemModel::organisationText(const access::ReviewItem& item) const {
    const QString orgnr = fromStd(item.grant.orgnr);
    const QString name = organisations_.value(orgnr);
    return name.isEmpty() ? orgnr : QStringLiteral("%1 (%2)").arg(name, orgnr);
}

QString ReviewItemModel::serviceText(const access::ReviewItem& item) const {
    if (item.grant.service.empty()) return tr("Hele virksomheten");
    const QString key = fromStd(item.grant.service);
    return services_.value(key, key);
}

QString ReviewItemModel::lastUseText(const access::ReviewItem& item) const {
    if (!item.usageKnown) return tr("Ukjent");
    if (!item.lastUse || !item.lastUse->isValid()) return tr("Ingen bruk");
    return formatDate(item.lastUse->toTimeZone(displayZone()).date());
}

QString ReviewItemModel::text(const access::ReviewItem& item, int column) const {
    switch (column) {
        case Number: return QString::number(item.number);
        case Holder: return AccessText::holderText(item.grant);
        case Organisation: return organisationText(item);
        case Service: return serviceText(item);
        case Privilege: return AccessText::privilegeTitle(fromStd(item.grant.privilege));
        case Detail: return fromStd(item.grant.detail);
        case Flags: return AccessText::flagLabels(item.flags).join(QStringLiteral(" · "));
        case LastUse: return lastUseText(item);
        case Reviewer:
            return item.secondReviewer.isEmpty() ? personText(item.reviewer)
                                                 : QStringLiteral("%1 → %2").arg(personText(item.reviewer), personText(item.secondReviewer));
        case Decision: {
            const QString shown = AccessText::decisionText(item);
            if (!shown.isEmpty()) return shown;
            return stateOf(item) == State::Waiting ? tr("Venter på 1. trinn") : QString();
        }
        default: return {};
    }
}

QString ReviewItemModel::tooltip(const access::ReviewItem& item, int column) const {
    const access::Grant& g = item.grant;
    QStringList lines;
    switch (column) {
        case Holder:
            lines << AccessText::holderText(g);
            if (!g.role.empty()) lines << tr("Rolle: %1").arg(fromStd(g.role));
            if (!g.leaderEmail.empty()) lines << tr("Leder: %1").arg(personText(fromStd(g.leaderEmail)));
            if (!g.grantedBy.empty() || !g.grantedAt.empty())
                lines << tr("Gitt av %1 %2").arg(fromStd(g.grantedBy), fromStd(g.grantedAt)).trimmed();
            break;
        case Service:
        case Privilege:
        case Detail:
            lines << QStringLiteral("%1: %2").arg(AccessText::privilegeTitle(fromStd(g.privilege)), fromStd(g.detail));
            if (!g.serviceArea.empty()) lines << tr("Tjenesteområde: %1").arg(fromStd(g.serviceArea));
            if (!g.holderArea.empty()) lines << tr("Innehaverens område: %1").arg(fromStd(g.holderArea));
            if (!g.legalBasis.empty()) lines << tr("Lovhjemmel: %1").arg(fromStd(g.legalBasis));
            if (g.confidential) lines << tr("Gir tilgang til taushetsbelagte opplysninger");
            if (!g.scopes.empty()) {
                QStringList scopes;
                for (const std::string& s : g.scopes) scopes << fromStd(s);
                lines << tr("Scopes: %1").arg(scopes.join(QStringLiteral(", ")));
            }
            break;
        case Flags: return AccessText::flagsTooltip(item, now_);
        case LastUse:
            if (!item.usageKnown) return tr("Revisjonsloggen kan ikke si om tilgangen er brukt (mangler nøkler eller innehaverens id).");
            if (!item.lastUse || !item.lastUse->isValid()) return tr("Ingen bruk av tilgangen er funnet i revisjonsloggen.");
            return tr("Sist brukt %1 (revisjonsloggen)").arg(formatDateTime(*item.lastUse));
        case Decision:
            if (!item.decidedBy.isEmpty()) lines << tr("Avgjort av %1, %2").arg(item.decidedBy, formatDateTime(item.decidedAt));
            if (!item.firstDecidedBy.isEmpty()) lines << tr("1. trinn avgjort av %1").arg(item.firstDecidedBy);
            if (!item.justification.isEmpty()) lines << tr("Begrunnelse: %1").arg(item.justification);
            break;
        default: return {};
    }
    return lines.join(QLatin1Char('\n'));
}

QVariant ReviewItemModel::data(const QModelIndex& index, int role) const {
    const access::ReviewItem* item = index.isValid() ? itemAt(index.row()) : nullptr;
    if (!item) return {};
    const int column = index.column();
    switch (role) {
        case Qt::DisplayRole: return text(*item, column);
        case Qt::ToolTipRole: {
            const QString tip = tooltip(*item, column);
            return tip.isEmpty() ? QVariant() : QVariant(tip);
        }
        case Qt::ForegroundRole:
            if (column == Decision) {
                const QColor colour = decisionColour(item->decision.isEmpty() ? item->firstDecision : item->decision);
                if (colour.isValid()) return QBrush(colour);
            }
            if (stateOf(*item) == State::Done) return QBrush(kDoneRow);
            return {};
        case Qt::FontRole:
            if (column == Decision && stateOf(*item) == State::Done) {
                QFont bold;
                bold.setBold(true);
                return bold;
            }
            return {};
        case Qt::TextAlignmentRole:
            if (column == Number) return QVariant(static_cast<int>(Qt::AlignRight | Qt::AlignVCenter));
            return {};
        case NumberRole: return item->number;
        case FlagLabelsRole: return AccessText::flagLabels(item->flags);
        case FlagColoursRole: {
            QVariantList colours;
            for (const access::Flag f : access::allFlags())
                if (access::has(item->flags, f)) colours << QVariant::fromValue(AccessText::flagColour(f));
            return colours;
        }
        default: return {};
    }
}

QVariant ReviewItemModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal) return {};
    if (role == Qt::ToolTipRole && section == Flags) return tr("Det som gjør tilgangen verdt en ekstra titt. Hold musen over merkene for forklaring.");
    if (role != Qt::DisplayRole) return {};
    switch (section) {
        case Number: return tr("Nr");
        case Holder: return tr("Innehaver");
        case Organisation: return tr("Virksomhet");
        case Service: return tr("Tjeneste");
        case Privilege: return tr("Tilgang");
        case Detail: return tr("Detalj");
        case Flags: return tr("Flagg");
        case LastUse: return tr("Sist brukt");
        case Reviewer: return tr("Gjennomgås av");
        case Decision: return tr("Avgjørelse");
        default: return {};
    }
}

void ReviewItemModel::sort(int column, Qt::SortOrder order) {
    if (column < 0 || column >= ColumnCount) return;
    sortColumn_ = column;
    sortOrder_ = order;
    if (items_.isEmpty()) return;
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QList<int> numbers;
    numbers.reserve(before.size());
    for (const QModelIndex& i : before) numbers << (i.isValid() && itemAt(i.row()) ? items_.at(i.row()).number : -1);

    // Each row's key is computed once, so a list of thousands sorts without rebuilding texts.
    struct Key {
        qint64 a = 0, b = 0;
        QString s;
        int number = 0, row = 0;
    };
    std::vector<Key> keys(static_cast<std::size_t>(count()));
    for (int row = 0; row < count(); ++row) {
        const access::ReviewItem& item = items_.at(row);
        Key& k = keys[static_cast<std::size_t>(row)];
        k.number = item.number;
        k.row = row;
        switch (column) {
            case Number: k.a = item.number; break;
            case Privilege:
                k.a = privilegeRank(item.grant.privilege);
                k.s = fromStd(item.grant.detail);
                break;
            case Flags:
                // Most flags first when descending; among equals, the more serious bits.
                k.a = std::popcount(item.flags);
                k.b = item.flags;
                break;
            case LastUse:
                k.a = !item.usageKnown ? -2 : (item.lastUse && item.lastUse->isValid() ? item.lastUse->toMSecsSinceEpoch() : -1);
                break;
            case Decision:
                k.a = static_cast<int>(stateOf(item));
                k.s = AccessText::decisionText(item);
                break;
            default: k.s = text(item, column); break;
        }
    }
    std::stable_sort(keys.begin(), keys.end(), [order](const Key& x, const Key& y) {
        int c = x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0;
        if (c == 0 && x.s != y.s) c = QString::localeAwareCompare(x.s, y.s);
        if (c == 0) return x.number < y.number;  // the same order every time, whichever way
        return order == Qt::AscendingOrder ? c < 0 : c > 0;
    });
    QList<access::ReviewItem> sorted;
    sorted.reserve(count());
    for (const Key& k : keys) sorted.append(std::move(items_[k.row]));
    items_ = std::move(sorted);
    reindex();

    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype i = 0; i < before.size(); ++i)
        after << (numbers.at(i) < 0 ? QModelIndex() : index(rowOfNumber(numbers.at(i)), before.at(i).column()));
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

// ---- FlagChipDelegate

void FlagChipDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const {
    QStyleOptionViewItem opt(option);
    initStyleOption(&opt, index);
    const QStringList labels = index.data(ReviewItemModel::FlagLabelsRole).toStringList();
    const QVariantList colours = index.data(ReviewItemModel::FlagColoursRole).toList();
    opt.text.clear();  // the labels are drawn below instead of the joined text
    const QWidget* widget = opt.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    if (labels.isEmpty()) return;

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QFont font = chipFont(opt.font);
    const QFontMetrics metrics(font);
    painter->setFont(font);
    const int height = std::min(opt.rect.height() - 2, metrics.height() + 2);
    const int top = opt.rect.top() + (opt.rect.height() - height) / 2;
    int x = opt.rect.left() + 3;
    for (qsizetype i = 0; i < labels.size(); ++i) {
        const int width = metrics.horizontalAdvance(labels.at(i)) + 10;
        if (x + width > opt.rect.right() - 2) {
            // No room for the rest: the tooltip lists them all.
            painter->setPen(opt.palette.color(QPalette::Text));
            painter->drawText(QRect(x, top, std::max(0, opt.rect.right() - x), height), Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("…"));
            break;
        }
        const QRect chip(x, top, width, height);
        painter->setPen(Qt::NoPen);
        painter->setBrush(i < colours.size() ? colours.at(i).value<QColor>() : QColor(0x45, 0x5a, 0x64));
        painter->drawRoundedRect(chip, 4, 4);
        painter->setPen(Qt::white);
        painter->drawText(chip, Qt::AlignCenter, labels.at(i));
        x += width + 4;
    }
    painter->restore();
}

QSize FlagChipDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const QStringList labels = index.data(ReviewItemModel::FlagLabelsRole).toStringList();
    if (labels.isEmpty()) return size;
    const QFontMetrics metrics(chipFont(option.font));
    int width = 6;
    for (const QString& label : labels) width += metrics.horizontalAdvance(label) + 14;
    size.setWidth(width);
    size.setHeight(std::max(size.height(), metrics.height() + 6));
    return size;
}

}  // namespace vakt::desktop
