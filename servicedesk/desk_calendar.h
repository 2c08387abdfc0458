#pragma once
// The service desk's deadline arithmetic: Norway's public holidays, the desk's opening hours, a
// ticket's response and resolve deadlines by priority, and the 72-hour breach notification clock.
// Plain C++: the algorithms work in the desk's wall-clock time and know no time zones; the Qt
// edge converts UTC <-> Europe/Oslo on the way in and out.
#include <array>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/base/result.h"

namespace vakt::desk {

// A wall-clock time in the desk's own time zone, counted as if it were UTC. Business hours are
// wall-clock hours (08:00 is 08:00 in summer and winter), so this is the time they are read in.
using CivilMinutes = std::chrono::sys_time<std::chrono::minutes>;

// Easter Sunday in the Gregorian calendar (the anonymous algorithm, as given by Meeus). Valid
// for the years 1583 to 9999; other years give the algorithm's answer, which means nothing.
std::chrono::year_month_day easterSunday(int year);

struct Holiday {
    std::chrono::year_month_day date;
    std::string nameNb, nameEn;
};

// Norway's twelve public holidays (helligdager and the two lovbestemte høytidsdager) in date
// order. Two may fall on the same day (Ascension on 1 May in 2008, Whit Monday on 17 May in
// 2027); both are kept, the fixed day first. Today's law is applied to every year.
std::vector<Holiday> norwegianPublicHolidays(int year);

// Opening hours of one weekday in minutes after midnight: open from `opens` up to, not
// including, `closes`. `closes` may be 24 * 60 (open until midnight).
struct DayHours {
    int opens = 8 * 60;
    int closes = 16 * 60;
};

struct BusinessHours {
    // Monday first (ISO order); an empty day is closed. Default Monday-Friday 08:00-16:00.
    std::array<std::optional<DayHours>, 7> week{{DayHours{}, DayHours{}, DayHours{}, DayHours{}, DayHours{}, std::nullopt, std::nullopt}};
    std::vector<std::chrono::year_month_day> extraClosedDays;  // julaften, nyttårsaften, ...
    bool publicHolidaysClosed = true;
};

// Checks what configuration supplies: each open day opens before it closes, within 00:00-24:00
// ("business hours: tuesday: opens 17:00 after it closes 08:00"), the extra closed days are
// dates, and some day of the week is open.
Status validate(const BusinessHours& hours);

// The most business minutes one addition takes: ten years of round-the-clock minutes. More is
// a typing error, and would keep a walk through the calendar busy for nothing.
inline constexpr std::int64_t kMaxBusinessMinutes = 10LL * 366 * 24 * 60;
// A walk that finds no opening hours this many days in a row gives up: the calendar is closed.
inline constexpr int kMaxClosedDays = 400;

// Opening hours applied to dates. A day that fails validate() (opens at or after it closes, or
// outside 00:00-24:00) is closed, so a calendar never computes with nonsense; validate the hours
// first to tell the user. Holidays are memoised by year in a cache shared by copies and guarded
// by a mutex, so one calendar may serve many threads. Dates outside 1583-9999 have no public
// holidays (Easter is not defined there).
class BusinessCalendar {
public:
    explicit BusinessCalendar(BusinessHours hours = {});

    const BusinessHours& hours() const { return hours_; }

    // Open at all that day: a weekday with hours that is not a closed holiday or extra day.
    bool isBusinessDay(std::chrono::sys_days day) const;
    // The day's opening and closing minute after midnight, or nothing when closed.
    std::optional<std::pair<int, int>> openingOn(std::chrono::sys_days day) const;

    // `minutes` of open time after `start`. A start outside hours counts from the next opening,
    // so adding 0 there gives the next opening (a closing time is outside hours); a deadline that
    // uses up a day exactly is that day's closing time (Friday 15:00 + 60 = Friday 16:00, + 61 =
    // Monday 08:01). Fails for negative minutes, more than kMaxBusinessMinutes, a start outside
    // the years 1583-9999, a deadline after 9999, or kMaxClosedDays closed days in a row.
    Result<CivilMinutes> addBusinessMinutes(CivilMinutes start, std::int64_t minutes) const;

    // Open minutes in [a, b); 0 when b <= a. Times outside 1583-9999 count as closed, which also
    // bounds the walk (one step a day) for hostile arguments.
    std::int64_t businessMinutesBetween(CivilMinutes a, CivilMinutes b) const;

private:
    struct HolidayCache;
    // The holidays of the year a walk through the days is in, so it takes the cache's lock once
    // a year rather than once a day.
    struct YearInView {
        std::chrono::sys_days first{}, end{};  // [first, end): the year's days
        const std::vector<std::chrono::sys_days>* holidays = nullptr;
    };
    std::optional<std::pair<int, int>> openingOn(std::chrono::sys_days day, YearInView& year) const;

    BusinessHours hours_;
    std::vector<std::chrono::sys_days> extraClosed_;  // sorted, valid dates only
    std::shared_ptr<HolidayCache> holidays_;
};

// Service-level targets.
enum class Priority { P1, P2, P3, P4 };
std::optional<Priority> priorityFromCode(std::string_view code);  // "P1".."P4", any case
std::string_view priorityCode(Priority priority);                  // "P1".."P4"

// Calendar targets run around the clock (P1 is 24/7); business targets run in opening hours.
enum class TargetBasis { Calendar, Business };
std::optional<TargetBasis> targetBasisFromCode(std::string_view code);  // "calendar", "business", any case
std::string_view targetBasisCode(TargetBasis basis);

struct Target {
    std::int64_t responseMinutes = 0, resolveMinutes = 0;
    TargetBasis basis = TargetBasis::Business;
};

struct ServiceTargets {
    Target p1{30, 240, TargetBasis::Calendar};
    Target p2{120, 480, TargetBasis::Business};
    Target p3{480, 1440, TargetBasis::Business};   // respond within a business day, resolve in three
    Target p4{960, 4800, TargetBasis::Business};   // two days, ten days
    const Target& of(Priority priority) const;
    Target& of(Priority priority) { return const_cast<Target&>(std::as_const(*this).of(priority)); }
};

// Each target is 1 to kMaxBusinessMinutes and resolving comes no sooner than responding
// ("service targets: P2: resolve 60 min comes before response 120 min").
Status validate(const ServiceTargets& targets);

struct Deadlines {
    CivilMinutes respondBy, resolveBy;
};

// A ticket's deadlines from when it was opened. Business targets go through the calendar.
// Calendar targets add wall minutes here, which is an hour off across a daylight-saving change;
// the Qt edge adds calendar targets in UTC instead, so it is exact, and this is for completeness
// (and for callers with no time zone to care about).
Result<Deadlines> deadlinesFor(const ServiceTargets& targets, const BusinessCalendar& calendar, Priority priority,
                               CivilMinutes openedAt);

// GDPR art. 33: a personal-data breach is notified to the supervisory authority (Datatilsynet)
// within 72 hours of becoming aware of it. The hours run through nights, weekends and holidays,
// so this is true UTC time and no business calendar.
inline constexpr std::chrono::hours kBreachNotificationLimit{72};
constexpr std::chrono::sys_seconds breachNotificationDeadline(std::chrono::sys_seconds knownAt) {
    return knownAt + kBreachNotificationLimit;
}

}  // namespace vakt::desk
