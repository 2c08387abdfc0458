#pragma once
// The incident queue as a table model that reads a page at a time: the view asks for more as it
// scrolls (canFetchMore/fetchMore), so a queue of 100 000 cases never loads them all.
#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include "core/incidents.h"
#include "desktop/shell/app_context.h"

class QTimer;

namespace vakt::desktop {

// "Spørsmål", "Feilmelding", "Driftsavvik", "Sikkerhetshendelse", "Personvernbrudd".
QString incidentKindTitle(const QString& kind);
// "Ny", "Mottatt", "Under arbeid", "Venter på leverandør", "Løst", "Lukket".
QString incidentStateTitle(const QString& state, const QString& waitingOn = {});
// "melder", "driftsleverandør", "leverandør".
QString waitingOnTitle(const QString& waitingOn);
// "Brukerstøtte", "Sikkerhet", "Beredskapsvakt".
QString incidentQueueTitle(const QString& queue);

// Time left as people read it on a queue: "2 t 15 min", "3 d 4 t", "12 min"; past the
// deadline "forfalt 1 t 5 min".
QString countdownText(qint64 secondsLeft);

// What the Frist column shows for a case now: the time left to its next deadline (the
// response while nobody has responded, else the resolution), or for a breach not yet notified
// the 72 hours to notify Datatilsynet. Empty text when nothing is due (no deadlines, resolved,
// closed).
struct Countdown {
    QString text;
    QDateTime due;
    qint64 secondsLeft = 0;
    bool overdue = false;
    bool breach = false;  // the Datatilsynet clock
    bool valid() const { return due.isValid(); }
};
Countdown countdownOf(const Incident& incident, const QDateTime& now);

class IncidentModel : public QAbstractTableModel {
    Q_OBJECT
public:
    // What the desk scans first comes first: how urgent, how long is left, where it stands.
    enum Column { Id, Priority, Deadline, State, Kind, Title, Service, Queue, Assignee, Opened, ColumnCount };
    enum Roles { IdRole = Qt::UserRole + 1, OverdueRole };
    static constexpr int kPageSize = 200;

    IncidentModel(AppContext& context, QObject* parent = nullptr);

    // Starts over with a new filter: counts the matches and reads the first page. False when
    // the store refused (lastError() says why); the model is then empty.
    bool setFilter(const IncidentFilter& filter);
    const IncidentFilter& filter() const { return filter_; }
    // Reads again with the same filter, as many rows as were shown (at least a page).
    bool reload();
    // Reads the next page now; false when there is none or the store refused.
    bool loadMore();
    // Reads pages until the case is shown, at most `maxPages` more; its row or -1.
    int loadUntil(qint64 id, int maxPages = 5);
    // Reads one shown case again after a change, without resetting the view.
    void refreshCase(qint64 id);

    // Cases matching the filter in the store, and how many are shown so far.
    int total() const { return total_; }
    int loaded() const { return static_cast<int>(rows_.size()); }
    const Incident* incidentAt(int row) const;
    qint64 idAt(int row) const;
    int rowOfId(qint64 id) const;
    QString lastError() const { return lastError_; }
    QString lastErrorDetail() const { return lastErrorDetail_; }

    // Catalogue keys to names for the Tjeneste column.
    void setServiceNames(QHash<QString, QString> names);
    QString serviceName(const QString& key) const { return serviceNames_.value(key, key); }

    int rowCount(const QModelIndex& parent = {}) const override { return parent.isValid() ? 0 : loaded(); }
    int columnCount(const QModelIndex& parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

public slots:
    // The countdowns move on: repaints the Frist column only. A timer calls it every minute.
    void tick();

signals:
    // The count changed (a new filter, a reload).
    void totalChanged(int total);
    // tick() ran: the countdowns moved on.
    void ticked();

private:
    // Counts again and reads the first `rows` rows; between beginResetModel and endResetModel.
    bool readFromStart(int rows);
    bool readPage(int offset, int limit, QList<Incident>& out);
    // Adds rows not shown yet; the cases of `page` not shown yet.
    void append(const QList<Incident>& page);
    QList<Incident> fresh(const QList<Incident>& page) const;
    void fail(const Error& error);
    AppContext& ctx_;
    IncidentFilter filter_;
    QList<Incident> rows_;
    QHash<qint64, int> rowOf_;  // case id → row
    int offset_ = 0;            // rows read from the store so far (a case read twice is shown once)
    QHash<QString, QString> serviceNames_;
    QTimer* ticker_;
    int total_ = 0;
    bool exhausted_ = false;  // the last read gave fewer rows than asked for
    QString lastError_, lastErrorDetail_;
};

}  // namespace vakt::desktop
