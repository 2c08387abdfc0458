// The service desk's deadline arithmetic against answers worked out by hand from a wall calendar:
// Easter dates from published tables, Norway's 2026 holidays, and deadlines a desk lead would
// check on paper. Default hours are Monday-Friday 08:00-16:00 (480 minutes a day).
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "servicedesk/desk_calendar.h"

using namespace vakt::desk;
namespace chr = std::chrono;

namespace {

chr::year_month_day date(int y, unsigned m, unsigned d) { return chr::year{y} / chr::month{m} / chr::day{d}; }
chr::sys_days day(int y, unsigned m, unsigned d) { return chr::sys_days{date(y, m, d)}; }
CivilMinutes at(int y, unsigned m, unsigned d, int hh, int mm) { return CivilMinutes{day(y, m, d)} + chr::hours{hh} + chr::minutes{mm}; }

}  // namespace

TEST(Easter, MatchesThePublishedTables) {
    EXPECT_EQ(easterSunday(2024), date(2024, 3, 31));
    EXPECT_EQ(easterSunday(2025), date(2025, 4, 20));
    EXPECT_EQ(easterSunday(2026), date(2026, 4, 5));
    EXPECT_EQ(easterSunday(2027), date(2027, 3, 28));
    EXPECT_EQ(easterSunday(2038), date(2038, 4, 25));
    // The extremes: 22 March is the earliest Easter can fall (next in 2285), 25 April the latest.
    EXPECT_EQ(easterSunday(2285), date(2285, 3, 22));
    EXPECT_EQ(easterSunday(1943), date(1943, 4, 25));
    EXPECT_EQ(easterSunday(1583), date(1583, 4, 10));  // the first Gregorian Easter outside Rome's reform year
    for (int y = 1583; y <= 9999; ++y) {
        const auto e = easterSunday(y);
        ASSERT_TRUE(e.ok()) << y;
        ASSERT_EQ(chr::weekday{chr::sys_days{e}}, chr::Sunday) << y;
        ASSERT_GE(e, date(y, 3, 22)) << y;
        ASSERT_LE(e, date(y, 4, 25)) << y;
    }
}

TEST(Holidays, TheTwelveOf2026InDateOrder) {
    // Easter 5 April: Maundy Thursday 2, Good Friday 3, Easter Monday 6; Ascension +39 = 14 May;
    // Whit Sunday +49 = 24 May, Whit Monday 25 May.
    const auto list = norwegianPublicHolidays(2026);
    const std::vector<chr::year_month_day> expected{date(2026, 1, 1),  date(2026, 4, 2),  date(2026, 4, 3),   date(2026, 4, 5),
                                                    date(2026, 4, 6),  date(2026, 5, 1),  date(2026, 5, 14),  date(2026, 5, 17),
                                                    date(2026, 5, 24), date(2026, 5, 25), date(2026, 12, 25), date(2026, 12, 26)};
    ASSERT_EQ(list.size(), expected.size());
    for (std::size_t i = 0; i < list.size(); ++i) EXPECT_EQ(list[i].date, expected[i]) << i;
    EXPECT_EQ(list[0].nameNb, "1. nyttårsdag");
    EXPECT_EQ(list[1].nameNb, "Skjærtorsdag");
    EXPECT_EQ(list[6].nameNb, "Kristi himmelfartsdag");
    EXPECT_EQ(list[6].nameEn, "Ascension Day");
    EXPECT_EQ(list[7].nameNb, "Grunnlovsdag");
    EXPECT_EQ(list[11].nameNb, "2. juledag");
}

TEST(Holidays, DaysThatCoincideAreBothKept) {
    // 2008: Easter 23 March, so Ascension (+39) is 1 May. 2027: Easter 28 March, so Whit Monday
    // (+50) is 17 May. The fixed day comes first.
    const auto y2008 = norwegianPublicHolidays(2008);
    ASSERT_EQ(y2008.size(), 12u);
    EXPECT_EQ(y2008[5].date, date(2008, 5, 1));
    EXPECT_EQ(y2008[5].nameNb, "Offentlig høytidsdag");
    EXPECT_EQ(y2008[6].date, date(2008, 5, 1));
    EXPECT_EQ(y2008[6].nameNb, "Kristi himmelfartsdag");
    const auto y2027 = norwegianPublicHolidays(2027);
    ASSERT_EQ(y2027.size(), 12u);
    EXPECT_EQ(y2027[8].date, date(2027, 5, 17));
    EXPECT_EQ(y2027[8].nameNb, "Grunnlovsdag");
    EXPECT_EQ(y2027[9].date, date(2027, 5, 17));
    EXPECT_EQ(y2027[9].nameNb, "2. pinsedag");
}

TEST(BusinessCalendar, WeekdaysOpenWeekendsAndHolidaysClosed) {
    const BusinessCalendar cal;
    EXPECT_EQ(cal.openingOn(day(2026, 11, 23)), (std::pair{8 * 60, 16 * 60}));  // a Monday
    EXPECT_FALSE(cal.openingOn(day(2026, 11, 28)));                              // a Saturday
    EXPECT_FALSE(cal.isBusinessDay(day(2026, 5, 14)));                           // Ascension, a Thursday
    EXPECT_TRUE(cal.isBusinessDay(day(2026, 5, 15)));
    EXPECT_TRUE(cal.isBusinessDay(day(2026, 12, 24)));   // julaften is no public holiday: see extraClosedDays
}

TEST(BusinessCalendar, FridayAfternoonPlusTwoHoursIsMondayMorning) {
    // Friday 20 Nov 15:00: one hour until 16:00, the other from Monday 23 Nov 08:00.
    auto r = BusinessCalendar{}.addBusinessMinutes(at(2026, 11, 20, 15, 0), 120);
    ASSERT_TRUE(r) << r.message();
    EXPECT_EQ(*r, at(2026, 11, 23, 9, 0));
}

TEST(BusinessCalendar, FourHoursOverEaster) {
    // Wed 1 April 15:00: one hour; Thu 2, Fri 3 holidays, weekend, Mon 6 holiday; Tue 7 08:00 + 3 h.
    auto r = BusinessCalendar{}.addBusinessMinutes(at(2026, 4, 1, 15, 0), 240);
    ASSERT_TRUE(r) << r.message();
    EXPECT_EQ(*r, at(2026, 4, 7, 11, 0));
    // With holidays worked, the same four hours end Thursday 2 April 11:00.
    BusinessHours open;
    open.publicHolidaysClosed = false;
    EXPECT_EQ(BusinessCalendar{open}.addBusinessMinutes(at(2026, 4, 1, 15, 0), 240).value(), at(2026, 4, 2, 11, 0));
}

TEST(BusinessCalendar, AStartOutsideHoursCountsFromTheNextOpening) {
    const BusinessCalendar cal;
    // Saturday 21 Nov 10:00 + 30 min: Monday 23 Nov 08:30.
    EXPECT_EQ(cal.addBusinessMinutes(at(2026, 11, 21, 10, 0), 30).value(), at(2026, 11, 23, 8, 30));
    // Ascension, Thursday 14 May 10:00 + 1 h: Friday 15 May 09:00.
    EXPECT_EQ(cal.addBusinessMinutes(at(2026, 5, 14, 10, 0), 60).value(), at(2026, 5, 15, 9, 0));
    // Before opening on a weekday: Monday 23 Nov 06:45 + 1 h = 09:00.
    EXPECT_EQ(cal.addBusinessMinutes(at(2026, 11, 23, 6, 45), 60).value(), at(2026, 11, 23, 9, 0));
}

TEST(BusinessCalendar, ClosingTimeEdges) {
    const BusinessCalendar cal;
    // Friday 27 Nov 15:00: 60 minutes use the day up exactly, so the deadline is 16:00 that day;
    // one more minute is Monday 30 Nov 08:01.
    EXPECT_EQ(cal.addBusinessMinutes(at(2026, 11, 27, 15, 0), 60).value(), at(2026, 11, 27, 16, 0));
    EXPECT_EQ(cal.addBusinessMinutes(at(2026, 11, 27, 15, 0), 61).value(), at(2026, 11, 30, 8, 1));
    // Adding nothing: inside hours stays put; before opening gives the opening; closing time is
    // outside hours, so it gives the next opening.
    EXPECT_EQ(cal.addBusinessMinutes(at(2026, 11, 27, 10, 0), 0).value(), at(2026, 11, 27, 10, 0));
    EXPECT_EQ(cal.addBusinessMinutes(at(2026, 11, 27, 7, 0), 0).value(), at(2026, 11, 27, 8, 0));
    EXPECT_EQ(cal.addBusinessMinutes(at(2026, 11, 27, 16, 0), 0).value(), at(2026, 11, 30, 8, 0));
    EXPECT_EQ(cal.addBusinessMinutes(at(2026, 11, 28, 12, 0), 0).value(), at(2026, 11, 30, 8, 0));
    // Starting at closing time with an hour to go: Monday 09:00.
    EXPECT_EQ(cal.addBusinessMinutes(at(2026, 11, 27, 16, 0), 60).value(), at(2026, 11, 30, 9, 0));
}

TEST(BusinessCalendar, JulaftenAsAnExtraClosedDay) {
    // Wed 23 Dec 15:00 + 2 h: one hour Wednesday; Thu 24 julaften closed; Fri 25 and Sat 26
    // holidays; Sun 27; Monday 28 Dec 08:00 + 1 h.
    BusinessHours hours;
    hours.extraClosedDays = {date(2026, 12, 24), date(2026, 12, 31)};
    const BusinessCalendar cal{hours};
    EXPECT_FALSE(cal.isBusinessDay(day(2026, 12, 24)));
    EXPECT_EQ(cal.addBusinessMinutes(at(2026, 12, 23, 15, 0), 120).value(), at(2026, 12, 28, 9, 0));
    // Without it julaften is an ordinary Thursday: 09:00 that day.
    EXPECT_EQ(BusinessCalendar{}.addBusinessMinutes(at(2026, 12, 23, 15, 0), 120).value(), at(2026, 12, 24, 9, 0));
}

TEST(BusinessCalendar, MinutesBetweenCountOnlyOpenTime) {
    const BusinessCalendar cal;
    // Fri 20 Nov 14:00 to Mon 23 Nov 10:00: 2 h Friday + 2 h Monday.
    EXPECT_EQ(cal.businessMinutesBetween(at(2026, 11, 20, 14, 0), at(2026, 11, 23, 10, 0)), 240);
    // Wed 1 April 12:00 to Tue 7 April 12:00: 4 h Wednesday, Easter closed, 4 h Tuesday.
    EXPECT_EQ(cal.businessMinutesBetween(at(2026, 4, 1, 12, 0), at(2026, 4, 7, 12, 0)), 480);
    // A weekend alone, a reversed or empty span: nothing.
    EXPECT_EQ(cal.businessMinutesBetween(at(2026, 11, 21, 0, 0), at(2026, 11, 23, 8, 0)), 0);
    EXPECT_EQ(cal.businessMinutesBetween(at(2026, 11, 23, 12, 0), at(2026, 11, 23, 10, 0)), 0);
    EXPECT_EQ(cal.businessMinutesBetween(at(2026, 11, 23, 12, 0), at(2026, 11, 23, 12, 0)), 0);
    // Within one day, starting before opening: 08:00-11:30.
    EXPECT_EQ(cal.businessMinutesBetween(at(2026, 11, 23, 5, 0), at(2026, 11, 23, 11, 30)), 210);
    // The whole of 2026: 52 weeks and one Thursday, so 261 weekdays, less the 8 holidays on
    // weekdays (1 Jan; 2, 3, 6 April; 1, 14, 25 May; 25 Dec; the other four fall on a weekend),
    // so 253 x 480.
    EXPECT_EQ(cal.businessMinutesBetween(at(2026, 1, 1, 0, 0), at(2027, 1, 1, 0, 0)), 253 * 480);
}

TEST(BusinessCalendar, AddingAndCountingAgree) {
    const BusinessCalendar cal;
    const CivilMinutes start = at(2026, 3, 27, 13, 17);
    for (std::int64_t n : {0, 1, 163, 480, 481, 2000, 9600, 48000}) {
        auto end = cal.addBusinessMinutes(start, n);
        ASSERT_TRUE(end) << end.message();
        EXPECT_EQ(cal.businessMinutesBetween(start, *end), n) << n;
    }
}

TEST(BusinessCalendar, AHundredBusinessDays) {
    // From Monday 5 Jan 2026 08:00, 100 x 480 minutes end at closing on the 100th business day.
    // Counting from 5 Jan: January 20 weekdays; February 20 (40); March 22 (62); April 22 less
    // 2, 3, 6 April = 19 (81); May 21 less 1, 14, 25 May = 18 (99); so day 100 is Monday 1 June.
    auto r = BusinessCalendar{}.addBusinessMinutes(at(2026, 1, 5, 8, 0), 100 * 480);
    ASSERT_TRUE(r) << r.message();
    EXPECT_EQ(*r, at(2026, 6, 1, 16, 0));
}

TEST(BusinessCalendar, AHundredThousandDeadlinesAreCheap) {
    // The holiday cache makes each call a handful of day steps; this runs in well under a second.
    const BusinessCalendar cal;
    const ServiceTargets targets;
    std::int64_t late = 0;
    for (int i = 0; i < 100'000; ++i) {
        const CivilMinutes opened = at(2026, 1, 1, 0, 0) + chr::minutes{i * 7};  // every 7 minutes through the year
        auto d = deadlinesFor(targets, cal, Priority::P3, opened);
        ASSERT_TRUE(d) << d.message();
        if (d->resolveBy > opened + chr::days{7}) ++late;
    }
    // Only tickets caught by Easter or Christmas (three business days across them) run past a week.
    EXPECT_GT(late, 0);
    EXPECT_LT(late, 100'000);
}

TEST(BusinessCalendar, HostileConfigurationsFailInsteadOfHanging) {
    BusinessHours closed;
    closed.week.fill(std::nullopt);
    auto none = BusinessCalendar{closed}.addBusinessMinutes(at(2026, 11, 27, 10, 0), 60);
    ASSERT_FALSE(none);
    EXPECT_NE(none.message().find("no opening hours in 400 days after 2026-11-27"), std::string::npos) << none.message();
    // Even adding nothing needs an opening.
    EXPECT_FALSE(BusinessCalendar{closed}.addBusinessMinutes(at(2026, 11, 27, 10, 0), 0));
    EXPECT_EQ(BusinessCalendar{closed}.businessMinutesBetween(at(2026, 1, 1, 0, 0), at(2027, 1, 1, 0, 0)), 0);

    const BusinessCalendar cal;
    auto negative = cal.addBusinessMinutes(at(2026, 11, 27, 10, 0), -1);
    ASSERT_FALSE(negative);
    EXPECT_NE(negative.message().find("0 or more"), std::string::npos) << negative.message();
    EXPECT_FALSE(cal.addBusinessMinutes(at(2026, 11, 27, 10, 0), kMaxBusinessMinutes + 1));
    EXPECT_FALSE(cal.addBusinessMinutes(at(2026, 11, 27, 10, 0), INT64_MAX));
    EXPECT_FALSE(cal.addBusinessMinutes(at(1500, 1, 1, 10, 0), 60));
    EXPECT_FALSE(cal.addBusinessMinutes(CivilMinutes{chr::minutes{INT64_MIN}}, 60));
    auto past = cal.addBusinessMinutes(at(9999, 12, 31, 10, 0), 480);
    ASSERT_FALSE(past);
    EXPECT_NE(past.message().find("after the year 9999"), std::string::npos) << past.message();
    // The largest allowed addition still finishes: ten years of minutes is about 45 years of
    // business days, a few thousand day steps.
    auto far = cal.addBusinessMinutes(at(2026, 1, 5, 8, 0), kMaxBusinessMinutes);
    ASSERT_TRUE(far) << far.message();
    EXPECT_EQ(cal.businessMinutesBetween(at(2026, 1, 5, 8, 0), *far), kMaxBusinessMinutes);
    // Counting across the whole representable range is bounded by the years 1583-9999.
    EXPECT_GT(cal.businessMinutesBetween(CivilMinutes{chr::minutes{INT64_MIN}}, CivilMinutes{chr::minutes{INT64_MAX}}), 0);
}

TEST(BusinessHours, DefaultsValidateAndBadDaysAreNamed) {
    EXPECT_TRUE(validate(BusinessHours{}));
    BusinessHours reversed;
    reversed.week[1] = DayHours{17 * 60, 8 * 60};
    auto r = validate(reversed);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.message(), "business hours: tuesday: opens 17:00 after it closes 08:00");
    BusinessHours empty;
    empty.week[3] = DayHours{9 * 60, 9 * 60};
    auto e = validate(empty);
    ASSERT_FALSE(e);
    EXPECT_NE(e.message().find("thursday: opens and closes at 09:00"), std::string::npos) << e.message();
    BusinessHours late;
    late.week[6] = DayHours{20 * 60, 25 * 60};
    auto l = validate(late);
    ASSERT_FALSE(l);
    EXPECT_NE(l.message().find("sunday"), std::string::npos) << l.message();
    BusinessHours closed;
    closed.week.fill(std::nullopt);
    EXPECT_FALSE(validate(closed));
    BusinessHours badDate;
    badDate.extraClosedDays = {date(2026, 12, 24), date(2026, 2, 30)};
    auto d = validate(badDate);
    ASSERT_FALSE(d);
    EXPECT_NE(d.message().find("extra closed day 2"), std::string::npos) << d.message();
    // Round the clock is valid: 00:00-24:00 every day.
    BusinessHours always;
    always.week.fill(DayHours{0, 24 * 60});
    EXPECT_TRUE(validate(always));
}

TEST(BusinessHours, ACalendarTreatsAnInvalidDayAsClosed) {
    // Tuesday 17:00-08:00 is closed: Monday 23 Nov 15:00 + 2 h goes on to Wednesday 25 Nov 09:00.
    BusinessHours hours;
    hours.week[1] = DayHours{17 * 60, 8 * 60};
    const BusinessCalendar cal{hours};
    EXPECT_FALSE(cal.isBusinessDay(day(2026, 11, 24)));
    EXPECT_EQ(cal.addBusinessMinutes(at(2026, 11, 23, 15, 0), 120).value(), at(2026, 11, 25, 9, 0));
}

TEST(BusinessHours, RoundTheClockRunsThroughMidnight) {
    // Open 00:00-24:00 every day with holidays worked: business minutes are wall minutes.
    BusinessHours always;
    always.week.fill(DayHours{0, 24 * 60});
    always.publicHolidaysClosed = false;
    const BusinessCalendar cal{always};
    EXPECT_EQ(cal.addBusinessMinutes(at(2026, 12, 24, 23, 0), 60).value(), at(2026, 12, 25, 0, 0));
    EXPECT_EQ(cal.addBusinessMinutes(at(2026, 12, 24, 23, 0), 3 * 1440).value(), at(2026, 12, 27, 23, 0));
}

TEST(ServiceTargets, PriorityAndBasisCodes) {
    EXPECT_EQ(priorityFromCode("P1"), Priority::P1);
    EXPECT_EQ(priorityFromCode("p4"), Priority::P4);
    EXPECT_FALSE(priorityFromCode("P5"));
    EXPECT_FALSE(priorityFromCode(""));
    EXPECT_FALSE(priorityFromCode("P1 "));
    EXPECT_EQ(priorityCode(Priority::P3), "P3");
    EXPECT_EQ(targetBasisFromCode("business"), TargetBasis::Business);
    EXPECT_EQ(targetBasisFromCode("Calendar"), TargetBasis::Calendar);
    EXPECT_FALSE(targetBasisFromCode("wall"));
    EXPECT_EQ(targetBasisCode(TargetBasis::Calendar), "calendar");
}

TEST(ServiceTargets, DefaultsAndValidation) {
    const ServiceTargets t;
    EXPECT_TRUE(validate(t));
    EXPECT_EQ(t.of(Priority::P1).basis, TargetBasis::Calendar);
    EXPECT_EQ(t.of(Priority::P3).resolveMinutes, 3 * 480);
    ServiceTargets swapped;
    swapped.p2.resolveMinutes = 60;
    auto r = validate(swapped);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.message(), "service targets: P2: resolve 60 min comes before response 120 min");
    ServiceTargets negative;
    negative.p4.responseMinutes = -5;
    EXPECT_FALSE(validate(negative));
}

TEST(ServiceTargets, P2OpenedFridayAfternoon) {
    // Fri 27 Nov 14:00: respond within 2 business hours = 16:00 Friday; resolve within 8 = 2 h
    // Friday + 6 h Monday = Monday 30 Nov 14:00.
    auto d = deadlinesFor(ServiceTargets{}, BusinessCalendar{}, Priority::P2, at(2026, 11, 27, 14, 0));
    ASSERT_TRUE(d) << d.message();
    EXPECT_EQ(d->respondBy, at(2026, 11, 27, 16, 0));
    EXPECT_EQ(d->resolveBy, at(2026, 11, 30, 14, 0));
}

TEST(ServiceTargets, P3RunsInBusinessDays) {
    // Fri 27 Nov 14:00: respond 8 h = 2 h Friday + 6 h Monday = Monday 14:00; resolve 24 h =
    // 2 h Friday + 8 h Monday + 8 h Tuesday + 6 h Wednesday = Wednesday 2 Dec 14:00.
    auto d = deadlinesFor(ServiceTargets{}, BusinessCalendar{}, Priority::P3, at(2026, 11, 27, 14, 0));
    ASSERT_TRUE(d) << d.message();
    EXPECT_EQ(d->respondBy, at(2026, 11, 30, 14, 0));
    EXPECT_EQ(d->resolveBy, at(2026, 12, 2, 14, 0));
}

TEST(ServiceTargets, P1RunsAroundTheClock) {
    // Saturday 28 Nov 22:00, closed: respond 22:30 the same night, resolve 4 h later, Sunday 02:00.
    auto d = deadlinesFor(ServiceTargets{}, BusinessCalendar{}, Priority::P1, at(2026, 11, 28, 22, 0));
    ASSERT_TRUE(d) << d.message();
    EXPECT_EQ(d->respondBy, at(2026, 11, 28, 22, 30));
    EXPECT_EQ(d->resolveBy, at(2026, 11, 29, 2, 0));
}

TEST(ServiceTargets, AClosedCalendarFailsWithThePriorityNamed) {
    BusinessHours closed;
    closed.week.fill(std::nullopt);
    auto d = deadlinesFor(ServiceTargets{}, BusinessCalendar{closed}, Priority::P2, at(2026, 11, 27, 14, 0));
    ASSERT_FALSE(d);
    EXPECT_EQ(d.message().rfind("P2 response: ", 0), 0u) << d.message();
    // P1 does not need the calendar.
    EXPECT_TRUE(deadlinesFor(ServiceTargets{}, BusinessCalendar{closed}, Priority::P1, at(2026, 11, 27, 14, 0)));
}

TEST(BreachClock, SeventyTwoHoursThroughTheWeekend) {
    // Known Friday 27 Nov 16:30 UTC: 72 hours later is Monday 30 Nov 16:30 UTC, weekend or not.
    const chr::sys_seconds known = chr::sys_days{date(2026, 11, 27)} + chr::hours{16} + chr::minutes{30};
    EXPECT_EQ(breachNotificationDeadline(known), chr::sys_days{date(2026, 11, 30)} + chr::hours{16} + chr::minutes{30});
    static_assert(breachNotificationDeadline(chr::sys_seconds{}) == chr::sys_seconds{chr::hours{72}});
}
