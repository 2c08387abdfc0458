#pragma once
// The change calendar: a month with the days that have changes in bold, days with conflicts in
// red and freeze days hatched grey; the changes of the chosen day or week; the month's conflicts
// in plain words; and the freeze periods, which the roles that may freeze add and remove.
#include <QDate>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QWidget>
#include <optional>

#include "changes/change_board.h"
#include "desktop/changes/change_dialogs.h"
#include "desktop/shell/app_context.h"

class QCalendarWidget;
class QCheckBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace vakt::desktop {

class ChangeCalendarView : public QWidget {
    Q_OBJECT
public:
    ChangeCalendarView(AppContext& context, QWidget* parent = nullptr);

    // Catalogue key → name, and the services and components a freeze may name.
    void setCatalogue(const QHash<QString, QString>& names, const Choices& services, const Choices& components);
    // Reads the freezes and the shown month again.
    void reload();
    void showMonth(int year, int month);
    // Shows the day's month and lists the day's changes (or its week's).
    void selectDate(const QDate& day);
    QDate selectedDate() const;
    void setWholeWeek(bool week);
    QCalendarWidget* calendar() const { return calendar_; }

    // The refs listed for the chosen day or week ("calendarDayList").
    QStringList shownRefs() const;
    // The shown month's conflicts ("conflictList") and every freeze ("freezeList").
    QList<changes::CalendarConflict> conflicts() const { return conflicts_; }
    QList<changes::Freeze> freezes() const { return freezes_; }
    // How a day around the shown month is marked.
    bool hasChanges(const QDate& day) const { return changeDays_.contains(day); }
    bool hasConflict(const QDate& day) const { return conflictDays_.contains(day); }
    bool isFrozen(const QDate& day) const { return freezeDays_.contains(day); }

    // Adds or removes a freeze; failures are shown in message().
    std::optional<qint64> addFreeze(const changes::Freeze& freeze);
    bool removeFreeze(qint64 id);
    // The "Ny frysperiode" form, saving through addFreeze; the caller owns it.
    FreezeDialog* freezeDialog();
    QString message() const;

signals:
    // A change was double-clicked in the day's list or the conflicts.
    void changeActivated(const QString& ref);
    // A freeze was added or removed: conflicts elsewhere may have changed.
    void calendarChanged();

public slots:
    void openNewFreeze();
    void removeSelectedFreeze();

private:
    void loadMonth();
    void loadFreezes();
    void markDays();
    void fillDay();
    void fillConflicts();
    void fillFreezes();
    void updateActions();
    bool report(const Status& s, const QString& done = {});

    AppContext& ctx_;
    QCalendarWidget* calendar_;
    QCheckBox* wholeWeek_;
    QLabel* dayHeading_;
    QListWidget* dayList_;
    QLabel* conflictHeading_;
    QListWidget* conflictList_;
    QTableWidget* freezeList_;
    QPushButton* newFreeze_;
    QPushButton* removeFreeze_;
    QLabel* message_;
    QList<changes::ChangeRequest> shown_;  // around the shown month, by window start
    QDateTime shownFrom_, shownUntil_;
    QList<changes::CalendarConflict> conflicts_;
    QSet<QString> conflictRefs_;
    QList<changes::Freeze> freezes_;
    QSet<QDate> changeDays_, conflictDays_, freezeDays_;
    QHash<QString, QString> names_;
    Choices services_, components_;
};

}  // namespace vakt::desktop
