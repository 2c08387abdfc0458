#include "servicedesk/desk_calendar.h"

#include <algorithm>
#include <cctype>
#include <mutex>
#include <unordered_map>

namespace vakt::desk {

namespace chr = std::chrono;

namespace {

constexpr int kMinutesPerDay = 24 * 60;
constexpr int kFirstYear = 1583, kLastYear = 9999;
constexpr chr::sys_days kFirstDay{chr::year{kFirstYear} / chr::January / 1};
constexpr chr::sys_days kEndDay{chr::year{kLastYear + 1} / chr::January / 1};

constexpr std::array<const char*, 7> kWeekdayNames{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

std::string twoDigits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

std::string clockTime(int minuteOfDay) { return twoDigits(minuteOfDay / 60) + ":" + twoDigits(minuteOfDay % 60); }

std::string isoDate(chr::sys_days day) {
    const chr::year_month_day ymd{day};
    return std::to_string(static_cast<int>(ymd.year())) + "-" + twoDigits(static_cast<int>(static_cast<unsigned>(ymd.month()))) + "-" +
           twoDigits(static_cast<int>(static_cast<unsigned>(ymd.day())));
}

bool dayIsValid(const DayHours& h) { return h.opens >= 0 && h.closes <= kMinutesPerDay && h.opens < h.closes; }

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

}  // namespace

chr::year_month_day easterSunday(int year) {
    const int a = year % 19;  // place in the 19-year Metonic cycle of the moon
    const int b = year / 100, c = year % 100;
    const int d = b / 4, e = b % 4;
    const int f = (b + 8) / 25;
    const int g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30;  // days from 21 March to the Paschal full moon, roughly
    const int i = c / 4, k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7;  // days on from the full moon to Sunday
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31;
    const int day = (h + l - 7 * m + 114) % 31 + 1;
    return chr::year{year} / chr::month{static_cast<unsigned>(month)} / chr::day{static_cast<unsigned>(day)};
}

std::vector<Holiday> norwegianPublicHolidays(int year) {
    const chr::sys_days easter{easterSunday(year)};
    const chr::year y{year};
    auto fromEaster = [&](int offset) { return chr::year_month_day{easter + chr::days{offset}}; };
    // Listed in the law's order, which is also the order for days that coincide.
    std::vector<Holiday> list{
        {y / chr::January / 1, "1. nyttårsdag", "New Year's Day"},
        {fromEaster(-3), "Skjærtorsdag", "Maundy Thursday"},
        {fromEaster(-2), "Langfredag", "Good Friday"},
        {fromEaster(0), "1. påskedag", "Easter Sunday"},
        {fromEaster(1), "2. påskedag", "Easter Monday"},
        {y / chr::May / 1, "Offentlig høytidsdag", "Labour Day"},
        {y / chr::May / 17, "Grunnlovsdag", "Constitution Day"},
        {fromEaster(39), "Kristi himmelfartsdag", "Ascension Day"},
        {fromEaster(49), "1. pinsedag", "Whit Sunday"},
        {fromEaster(50), "2. pinsedag", "Whit Monday"},
        {y / chr::December / 25, "1. juledag", "Christmas Day"},
        {y / chr::December / 26, "2. juledag", "Boxing Day"},
    };
    std::stable_sort(list.begin(), list.end(), [](const Holiday& p, const Holiday& q) { return p.date < q.date; });
    return list;
}

Status validate(const BusinessHours& hours) {
    bool anyOpen = false;
    for (std::size_t i = 0; i < hours.week.size(); ++i) {
        if (!hours.week[i]) continue;
        const DayHours& h = *hours.week[i];
        const std::string where = std::string("business hours: ") + kWeekdayNames[i] + ": ";
        if (h.opens < 0 || h.opens >= kMinutesPerDay || h.closes <= 0 || h.closes > kMinutesPerDay)
            return fail(where + "times are 00:00 to 24:00, not minute " + std::to_string(h.opens) + " to " + std::to_string(h.closes));
        if (h.opens > h.closes) return fail(where + "opens " + clockTime(h.opens) + " after it closes " + clockTime(h.closes));
        if (h.opens == h.closes) return fail(where + "opens and closes at " + clockTime(h.opens) + ": leave the day empty to close it");
        anyOpen = true;
    }
    if (!anyOpen) return fail("business hours: no day of the week is open");
    for (std::size_t i = 0; i < hours.extraClosedDays.size(); ++i)
        if (!hours.extraClosedDays[i].ok()) return fail("business hours: extra closed day " + std::to_string(i + 1) + " is not a date");
    return {};
}

// Holiday dates by year. unordered_map nodes stay put when it grows, so a reference handed out
// under the lock stays valid after it. At most one entry per year 1583-9999.
struct BusinessCalendar::HolidayCache {
    std::mutex mutex;
    std::unordered_map<int, std::vector<chr::sys_days>> byYear;

    const std::vector<chr::sys_days>& of(int year) {
        static const std::vector<chr::sys_days> none;
        if (year < kFirstYear || year > kLastYear) return none;
        std::lock_guard lock(mutex);
        auto [it, added] = byYear.try_emplace(year);
        if (added)
            for (const auto& h : norwegianPublicHolidays(year)) it->second.push_back(chr::sys_days{h.date});
        return it->second;
    }
};

BusinessCalendar::BusinessCalendar(BusinessHours hours) : hours_(std::move(hours)), holidays_(std::make_shared<HolidayCache>()) {
    for (const auto& d : hours_.extraClosedDays)
        if (d.ok()) extraClosed_.push_back(chr::sys_days{d});
    std::sort(extraClosed_.begin(), extraClosed_.end());
}

std::optional<std::pair<int, int>> BusinessCalendar::openingOn(chr::sys_days day, YearInView& year) const {
    const auto& slot = hours_.week[chr::weekday{day}.iso_encoding() - 1];
    if (!slot || !dayIsValid(*slot)) return std::nullopt;
    if (std::binary_search(extraClosed_.begin(), extraClosed_.end(), day)) return std::nullopt;
    if (hours_.publicHolidaysClosed) {
        if (!year.holidays || day < year.first || day >= year.end) {
            const chr::year y = chr::year_month_day{day}.year();
            year = {chr::sys_days{y / chr::January / 1}, chr::sys_days{(y + chr::years{1}) / chr::January / 1},
                    &holidays_->of(static_cast<int>(y))};
        }
        if (std::find(year.holidays->begin(), year.holidays->end(), day) != year.holidays->end()) return std::nullopt;
    }
    return std::pair{slot->opens, slot->closes};
}

std::optional<std::pair<int, int>> BusinessCalendar::openingOn(chr::sys_days day) const {
    YearInView year;
    return openingOn(day, year);
}

bool BusinessCalendar::isBusinessDay(chr::sys_days day) const { return openingOn(day).has_value(); }

Result<CivilMinutes> BusinessCalendar::addBusinessMinutes(CivilMinutes start, std::int64_t minutes) const {
    if (minutes < 0) return fail("business minutes are 0 or more, not " + std::to_string(minutes));
    if (minutes > kMaxBusinessMinutes)
        return fail("at most " + std::to_string(kMaxBusinessMinutes) + " business minutes (ten years), not " + std::to_string(minutes));
    if (start < kFirstDay || start >= kEndDay)
        return fail("a deadline starts in the years " + std::to_string(kFirstYear) + " to " + std::to_string(kLastYear));
    // One step a day: a day's open minutes are taken whole, so 100 business days are ~140 steps.
    chr::sys_days day = chr::floor<chr::days>(start);
    std::int64_t minuteOfDay = (start - day).count();
    std::int64_t remaining = minutes;
    int closedInARow = 0;
    YearInView year;
    for (; day < kEndDay; ++day, minuteOfDay = 0) {
        const auto open = openingOn(day, year);
        if (!open) {
            if (++closedInARow >= kMaxClosedDays)
                return fail("no opening hours in " + std::to_string(kMaxClosedDays) + " days after " + isoDate(chr::floor<chr::days>(start)));
            continue;
        }
        closedInARow = 0;
        const std::int64_t from = std::max<std::int64_t>(minuteOfDay, open->first);
        if (from >= open->second) continue;  // started at or after closing
        // `<=`: a deadline that uses up the day is its closing time, not the next opening.
        if (remaining <= open->second - from) return CivilMinutes{day} + chr::minutes{from + remaining};
        remaining -= open->second - from;
    }
    return fail("the deadline falls after the year " + std::to_string(kLastYear));
}

std::int64_t BusinessCalendar::businessMinutesBetween(CivilMinutes a, CivilMinutes b) const {
    a = std::clamp(a, CivilMinutes{kFirstDay}, CivilMinutes{kEndDay});
    b = std::clamp(b, CivilMinutes{kFirstDay}, CivilMinutes{kEndDay});
    std::int64_t total = 0;
    YearInView year;
    for (chr::sys_days day = chr::floor<chr::days>(a); CivilMinutes{day} < b; ++day) {
        const auto open = openingOn(day, year);
        if (!open) continue;
        const CivilMinutes from = std::max(a, CivilMinutes{day} + chr::minutes{open->first});
        const CivilMinutes to = std::min(b, CivilMinutes{day} + chr::minutes{open->second});
        if (to > from) total += (to - from).count();
    }
    return total;
}

std::optional<Priority> priorityFromCode(std::string_view code) {
    for (Priority p : {Priority::P1, Priority::P2, Priority::P3, Priority::P4})
        if (equalsIgnoringCase(code, priorityCode(p))) return p;
    return std::nullopt;
}

std::string_view priorityCode(Priority priority) {
    switch (priority) {
        case Priority::P1: return "P1";
        case Priority::P2: return "P2";
        case Priority::P3: return "P3";
        case Priority::P4: return "P4";
    }
    return "P4";
}

std::optional<TargetBasis> targetBasisFromCode(std::string_view code) {
    for (TargetBasis b : {TargetBasis::Calendar, TargetBasis::Business})
        if (equalsIgnoringCase(code, targetBasisCode(b))) return b;
    return std::nullopt;
}

std::string_view targetBasisCode(TargetBasis basis) { return basis == TargetBasis::Calendar ? "calendar" : "business"; }

const Target& ServiceTargets::of(Priority priority) const {
    switch (priority) {
        case Priority::P1: return p1;
        case Priority::P2: return p2;
        case Priority::P3: return p3;
        case Priority::P4: return p4;
    }
    return p4;
}

Status validate(const ServiceTargets& targets) {
    for (Priority p : {Priority::P1, Priority::P2, Priority::P3, Priority::P4}) {
        const Target& t = targets.of(p);
        const std::string where = "service targets: " + std::string(priorityCode(p)) + ": ";
        for (auto [what, value] : {std::pair{"response", t.responseMinutes}, std::pair{"resolve", t.resolveMinutes}})
            if (value < 1 || value > kMaxBusinessMinutes)
                return fail(where + what + " is 1 to " + std::to_string(kMaxBusinessMinutes) + " min, not " + std::to_string(value));
        if (t.resolveMinutes < t.responseMinutes)
            return fail(where + "resolve " + std::to_string(t.resolveMinutes) + " min comes before response " +
                        std::to_string(t.responseMinutes) + " min");
    }
    return {};
}

Result<Deadlines> deadlinesFor(const ServiceTargets& targets, const BusinessCalendar& calendar, Priority priority, CivilMinutes openedAt) {
    const Target& target = targets.of(priority);
    auto after = [&](std::int64_t span) -> Result<CivilMinutes> {
        if (target.basis == TargetBasis::Business) return calendar.addBusinessMinutes(openedAt, span);
        if (span < 0 || span > kMaxBusinessMinutes)
            return fail("a target is 0 to " + std::to_string(kMaxBusinessMinutes) + " min, not " + std::to_string(span));
        return openedAt + chr::minutes{span};  // wall minutes: see the header on daylight saving
    };
    const std::string code(priorityCode(priority));
    auto respond = after(target.responseMinutes);
    if (!respond) return fail(code + " response: " + respond.message(), respond.kind());
    auto resolve = after(target.resolveMinutes);
    if (!resolve) return fail(code + " resolve: " + resolve.message(), resolve.kind());
    return Deadlines{*respond, *resolve};
}

}  // namespace vakt::desk
