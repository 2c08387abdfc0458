#include "desktop/catalog/catalog_model.h"

#include "desktop/shell/formatting.h"

#include <QBrush>
#include <QColor>

namespace vakt::desktop {

QString kindTitle(const QString& kind) {
    if (kind == EntryKind::Service) return CatalogModel::tr("Tjeneste");
    if (kind == EntryKind::Component) return CatalogModel::tr("Komponent");
    return kind;
}

QString lifecycleTitle(const QString& l) {
    if (l == Lifecycle::Planned) return CatalogModel::tr("Planlagt");
    if (l == Lifecycle::Development) return CatalogModel::tr("Under utvikling");
    if (l == Lifecycle::Production) return CatalogModel::tr("I drift");
    if (l == Lifecycle::Retiring) return CatalogModel::tr("Under avvikling");
    if (l == Lifecycle::Retired) return CatalogModel::tr("Avviklet");
    return l;
}

QString documentKindTitle(const QString& k) {
    if (k == DocumentKind::Ros) return CatalogModel::tr("ROS-analyse");
    if (k == DocumentKind::Dpia) return CatalogModel::tr("DPIA");
    if (k == DocumentKind::ServiceAnnex) return CatalogModel::tr("Tjenestevedlegg");
    if (k == DocumentKind::Architecture) return CatalogModel::tr("Arkitektur");
    if (k == DocumentKind::Other) return CatalogModel::tr("Annet");
    return k;
}

QString teamTitle(const QString& t) {
    if (t == Team::Development) return CatalogModel::tr("Utvikling");
    if (t == Team::ServiceDesk) return CatalogModel::tr("Brukerstøtte");
    return t;
}

void CatalogModel::setEntries(QList<CatalogSummary> entries, QDate today) {
    beginResetModel();
    entries_ = std::move(entries);
    today_ = today;
    endResetModel();
}

int CatalogModel::rowOfKey(const QString& key) const {
    for (int i = 0; i < entries_.size(); ++i)
        if (entries_[i].key == key) return i;
    return -1;
}

QVariant CatalogModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= entries_.size()) return {};
    const CatalogSummary& s = entries_[index.row()];
    auto docText = [&](const QDate& d) {
        switch (documentAge(d, today_)) {
            case DocumentState::Missing: return tr("Mangler");
            case DocumentState::Outdated: return QStringLiteral("⚠ ") + formatDate(d);
            case DocumentState::Current: return formatDate(d);
        }
        return QString();
    };
    switch (role) {
        case Qt::DisplayRole:
            switch (index.column()) {
                case Name: return s.name;
                case Kind: return kindTitle(s.kind);
                case Lifecycle: return lifecycleTitle(s.lifecycle);
                case Agreements: return s.agreements;
                case Ros: return docText(s.newestRos);
                case Dpia: return docText(s.newestDpia);
                case ProductOwner: return s.productOwner;
            }
            break;
        case Qt::ForegroundRole:
            if ((index.column() == Ros && documentAge(s.newestRos, today_) != DocumentState::Current) ||
                (index.column() == Dpia && documentAge(s.newestDpia, today_) != DocumentState::Current))
                return QBrush(QColor(0xb0, 0x00, 0x20));
            break;
        case Qt::ToolTipRole:
            if (index.column() == Ros || index.column() == Dpia) {
                const QDate d = index.column() == Ros ? s.newestRos : s.newestDpia;
                if (documentAge(d, today_) == DocumentState::Outdated) return tr("Eldre enn 12 måneder");
                if (documentAge(d, today_) == DocumentState::Missing) return tr("Ingen slik analyse er registrert");
            }
            break;
        case Qt::TextAlignmentRole:
            if (index.column() == Agreements) return QVariant(Qt::AlignRight | Qt::AlignVCenter);
            break;
        case KeyRole:
            return s.key;
        case FilterTextRole:
            return s.key + QLatin1Char(' ') + s.name + QLatin1Char(' ') + s.productOwner;
        case NeedsAttentionRole:
            return documentsNeedFollowUp(s, today_);
        case Qt::UserRole:
            // Sort numbers as numbers and dates as dates (missing first), whatever the locale shows.
            if (index.column() == Agreements) return s.agreements;
            if (index.column() == Ros) return s.newestRos.isValid() ? s.newestRos.toJulianDay() : 0;
            if (index.column() == Dpia) return s.newestDpia.isValid() ? s.newestDpia.toJulianDay() : 0;
            return data(index, Qt::DisplayRole);
    }
    return {};
}

QVariant CatalogModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case Name: return tr("Navn");
        case Kind: return tr("Type");
        case Lifecycle: return tr("Status");
        case Agreements: return tr("Avtaler");
        case Ros: return tr("ROS");
        case Dpia: return tr("DPIA");
        case ProductOwner: return tr("Produktansvarlig");
    }
    return {};
}

}  // namespace vakt::desktop
