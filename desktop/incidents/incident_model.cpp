#include "desktop/incidents/incident_model.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QSet>
#include <QTimer>
#include <algorithm>

#include "desktop/shell/formatting.h"
#include "servicedesk/desk_service.h"

namespace vakt::desktop {

namespace {
const QColor kOverdue(0xb0, 0x00, 0x20);
const QColor kBreach(0xb2, 0x6a, 0x00);
}  // namespace

QString incidentKindTitle(const QString& kind) {
    if (kind == IncidentKind::Question) return IncidentModel::tr("Spørsmål");
    if (kind == IncidentKind::Fault) return IncidentModel::tr("Feilmelding");
    if (kind == IncidentKind::Deviation) return IncidentModel::tr("Driftsavvik");
    if (kind == IncidentKind::Security) return IncidentModel::tr("Sikkerhetshendelse");
    if (kind == IncidentKind::Breach) return IncidentModel::tr("Personvernbrudd");
    return kind;
}

QString waitingOnTitle(const QString& waitingOn) {
    if (waitingOn == WaitingOn::Reporter) return IncidentModel::tr("melder");
    if (waitingOn == WaitingOn::Hosting) return IncidentModel::tr("driftsleverandør");
    if (waitingOn == WaitingOn::Vendor) return IncidentModel::tr("leverandør");
    return waitingOn;
}

QString incidentStateTitle(const QString& state, const QString& waitingOn) {
    if (state == IncidentState::New) return IncidentModel::tr("Ny");
    if (state == IncidentState::Acknowledged) return IncidentModel::tr("Mottatt");
    if (state == IncidentState::InProgress) return IncidentModel::tr("Under arbeid");
    if (state == IncidentState::Waiting)
        return waitingOn.isEmpty() ? IncidentModel::tr("Venter") : IncidentModel::tr("Venter på %1").arg(waitingOnTitle(waitingOn));
    if (state == IncidentState::Resolved) return IncidentModel::tr("Løst");
    if (state == IncidentState::Closed) return IncidentModel::tr("Lukket");
    return state;
}

QString incidentQueueTitle(const QString& queue) {
    if (queue == IncidentQueue::Desk) return IncidentModel::tr("Brukerstøtte");
    if (queue == IncidentQueue::Security) return IncidentModel::tr("Sikkerhet");
    if (queue == IncidentQueue::OnCall) return IncidentModel::tr("Beredskapsvakt");
    return queue;
}

QString countdownText(qint64 secondsLeft) {
    const bool overdue = secondsLeft < 0;
    const qint64 seconds = overdue ? -secondsLeft : secondsLeft;
    const qint64 minutes = seconds / 60;
    const qint64 hours = minutes / 60;
    QString span;
    if (hours >= 48) span = IncidentModel::tr("%1 d %2 t").arg(hours / 24).arg(hours % 24);
    else if (hours >= 1) span = IncidentModel::tr("%1 t %2 min").arg(hours).arg(minutes % 60);
    else span = IncidentModel::tr("%1 min").arg(minutes);
    return overdue ? IncidentModel::tr("forfalt %1").arg(span) : span;
}

Countdown countdownOf(const Incident& incident, const QDateTime& now) {
    Countdown c;
    // A breach's 72 hours hold until Datatilsynet is notified, whatever the case's state.
    if (incident.kind == IncidentKind::Breach) {
        const auto hours72 = desk::breachClock(incident, now);
        if (hours72 && !hours72->notified() && hours72->deadline.isValid()) {
            c.due = hours72->deadline;
            c.secondsLeft = hours72->secondsLeft;
            c.overdue = hours72->secondsLeft < 0;
            c.breach = true;
            c.text = IncidentModel::tr("Datatilsynet: %1").arg(countdownText(hours72->secondsLeft));
            return c;
        }
    }
    if (incident.status != QLatin1String("open") || incident.state == IncidentState::Resolved || incident.state == IncidentState::Closed) return c;
    const QDateTime due = !incident.respondedAt.isValid() && incident.respondBy.isValid() ? incident.respondBy : incident.resolveBy;
    if (!due.isValid()) return c;
    c.due = due;
    c.secondsLeft = now.secsTo(due);
    c.overdue = c.secondsLeft < 0;
    c.text = countdownText(c.secondsLeft);
    return c;
}

IncidentModel::IncidentModel(AppContext& context, QObject* parent) : QAbstractTableModel(parent), ctx_(context) {
    ticker_ = new QTimer(this);
    ticker_->setInterval(60 * 1000);
    connect(ticker_, &QTimer::timeout, this, &IncidentModel::tick);
    ticker_->start();
}

void IncidentModel::fail(const Error& error) {
    lastError_ = describeError(error);
    lastErrorDetail_ = errorDetail(error);
    exhausted_ = true;  // never ask the view to fetch again from a store that refuses
}

bool IncidentModel::readPage(int offset, int limit, QList<Incident>& out) {
    auto page = IncidentStore(*ctx_.store).query(ctx_.session, filter_, offset, limit);
    if (!page) {
        fail(page.error());
        return false;
    }
    out = std::move(*page);
    offset_ = offset + static_cast<int>(out.size());
    if (out.size() < limit) exhausted_ = true;
    return true;
}

void IncidentModel::append(const QList<Incident>& page) {
    for (const Incident& i : page) {
        if (rowOf_.contains(i.id)) continue;  // the queue moved between two pages
        rowOf_.insert(i.id, static_cast<int>(rows_.size()));
        rows_.append(i);
    }
}

QList<Incident> IncidentModel::fresh(const QList<Incident>& page) const {
    QList<Incident> out;
    QSet<qint64> seen;
    for (const Incident& i : page)
        if (!rowOf_.contains(i.id) && !seen.contains(i.id)) {
            seen.insert(i.id);
            out.append(i);
        }
    return out;
}

bool IncidentModel::readFromStart(int rows) {
    rows_.clear();
    rowOf_.clear();
    offset_ = 0;
    exhausted_ = false;
    lastError_.clear();
    lastErrorDetail_.clear();
    auto counted = IncidentStore(*ctx_.store).count(ctx_.session, filter_);
    if (!counted) {
        fail(counted.error());
        total_ = 0;
        return false;
    }
    total_ = *counted;
    while (!exhausted_ && offset_ < rows) {
        QList<Incident> page;
        // The store gives at most 10 000 rows a read.
        if (!readPage(offset_, std::min(rows - offset_, 10000), page)) return false;
        append(page);
    }
    return true;
}

bool IncidentModel::setFilter(const IncidentFilter& filter) {
    beginResetModel();
    filter_ = filter;
    const bool ok = readFromStart(kPageSize);
    endResetModel();
    emit totalChanged(total_);
    return ok;
}

bool IncidentModel::reload() {
    beginResetModel();
    const bool ok = readFromStart(std::max(kPageSize, offset_));
    endResetModel();
    emit totalChanged(total_);
    return ok;
}

bool IncidentModel::canFetchMore(const QModelIndex& parent) const { return !parent.isValid() && !exhausted_ && offset_ < total_; }

void IncidentModel::fetchMore(const QModelIndex& parent) {
    if (parent.isValid()) return;
    loadMore();
}

bool IncidentModel::loadMore() {
    if (exhausted_ || offset_ >= total_) return false;
    QList<Incident> page;
    if (!readPage(offset_, kPageSize, page)) return false;
    const QList<Incident> added = fresh(page);
    if (added.isEmpty()) return !page.isEmpty();
    const int first = loaded();
    beginInsertRows(QModelIndex(), first, first + static_cast<int>(added.size()) - 1);
    append(added);
    endInsertRows();
    return true;
}

int IncidentModel::loadUntil(qint64 id, int maxPages) {
    for (int pages = 0; rowOfId(id) < 0 && pages < maxPages; ++pages)
        if (!loadMore()) break;
    return rowOfId(id);
}

void IncidentModel::refreshCase(qint64 id) {
    const int row = rowOfId(id);
    if (row < 0) return;
    auto current = IncidentStore(*ctx_.store).get(ctx_.session, id);
    if (!current) return;
    rows_[row] = *current;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

const Incident* IncidentModel::incidentAt(int row) const { return row >= 0 && row < rows_.size() ? &rows_[row] : nullptr; }

qint64 IncidentModel::idAt(int row) const {
    const Incident* i = incidentAt(row);
    return i ? i->id : 0;
}

int IncidentModel::rowOfId(qint64 id) const { return rowOf_.value(id, -1); }

void IncidentModel::setServiceNames(QHash<QString, QString> names) {
    serviceNames_ = std::move(names);
    if (loaded() > 0) emit dataChanged(index(0, Service), index(loaded() - 1, Service), {Qt::DisplayRole});
}

void IncidentModel::tick() {
    if (loaded() > 0)
        emit dataChanged(index(0, Deadline), index(loaded() - 1, Deadline), {Qt::DisplayRole, Qt::ForegroundRole, Qt::ToolTipRole, Qt::FontRole, OverdueRole});
    emit ticked();
}

QVariant IncidentModel::data(const QModelIndex& index, int role) const {
    const Incident* found = index.isValid() ? incidentAt(index.row()) : nullptr;
    if (!found) return {};
    const Incident& i = *found;
    switch (role) {
        case Qt::DisplayRole:
            switch (index.column()) {
                case Id: return i.id;
                case Priority: return i.priority;
                case Kind: return incidentKindTitle(i.kind);
                case Title: return i.title;
                case Service: return i.service.isEmpty() ? QStringLiteral("–") : serviceName(i.service);
                case State: return incidentStateTitle(i.state, i.waitingOn);
                case Queue: return incidentQueueTitle(i.queue);
                case Assignee: return i.assignee.isEmpty() ? QStringLiteral("–") : i.assignee;
                case Deadline: {
                    const Countdown c = countdownOf(i, ctx_.store->clock().now());
                    return c.valid() ? c.text : QStringLiteral("–");
                }
                case Opened: return formatDateTime(i.openedAt);
            }
            break;
        case Qt::ForegroundRole:
            if (index.column() == Deadline) {
                const Countdown c = countdownOf(i, ctx_.store->clock().now());
                if (c.overdue) return QBrush(kOverdue);
                if (c.breach) return QBrush(kBreach);
            }
            if (index.column() == Priority && i.priority == QLatin1String("P1")) return QBrush(kOverdue);
            break;
        case Qt::FontRole:
            if ((index.column() == Deadline && countdownOf(i, ctx_.store->clock().now()).overdue) ||
                (index.column() == Priority && i.priority == QLatin1String("P1"))) {
                QFont bold;
                bold.setBold(true);
                return bold;
            }
            break;
        case Qt::ToolTipRole:
            if (index.column() == Deadline) {
                const Countdown c = countdownOf(i, ctx_.store->clock().now());
                if (!c.valid()) return tr("Ingen frist løper.");
                if (c.breach) return tr("Meldefrist til Datatilsynet (72 timer): %1").arg(formatDateTime(c.due));
                return !i.respondedAt.isValid() && i.respondBy.isValid() ? tr("Svarfrist: %1").arg(formatDateTime(c.due))
                                                                         : tr("Løsningsfrist: %1").arg(formatDateTime(c.due));
            }
            if (index.column() == Title) {
                const QString text = i.description.isEmpty() ? inUserLanguage(i.summary, i.summaryEn) : i.description;
                return text.isEmpty() ? QVariant() : QVariant(text.left(400));
            }
            break;
        case Qt::TextAlignmentRole:
            if (index.column() == Id) return QVariant(Qt::AlignRight | Qt::AlignVCenter);
            break;
        case IdRole: return i.id;
        case OverdueRole: return countdownOf(i, ctx_.store->clock().now()).overdue;
        default: break;
    }
    return {};
}

QVariant IncidentModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case Id: return tr("ID");
        case Priority: return tr("Prioritet");
        case Kind: return tr("Type");
        case Title: return tr("Tittel");
        case Service: return tr("Tjeneste");
        case State: return tr("Status");
        case Queue: return tr("Kø");
        case Assignee: return tr("Tildelt");
        case Deadline: return tr("Frist");
        case Opened: return tr("Opprettet");
        default: break;
    }
    return {};
}

}  // namespace vakt::desktop
