#include "councils/council_rules.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace vakt::councils::rules {

namespace {
using std::chrono::year_month_day;

std::string twoDigits(unsigned n) { return (n < 10 ? "0" : "") + std::to_string(n); }

std::string isoDay(Day day) {
    const year_month_day ymd{day};
    return std::to_string(int(ymd.year())) + "-" + twoDigits(unsigned(ymd.month())) + "-" + twoDigits(unsigned(ymd.day()));
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    return text;
}

// Something@something.tld without spaces: a typo check, not a validation of the address.
bool plausibleEmail(std::string_view email) {
    const auto at = email.find('@');
    if (at == std::string_view::npos || at == 0 || email.find('@', at + 1) != std::string_view::npos) return false;
    const auto dot = email.find('.', at + 2);
    if (dot == std::string_view::npos || dot + 1 >= email.size()) return false;
    return std::none_of(email.begin(), email.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; });
}

template <typename Range, typename Value>
bool contains(const Range& range, const Value& value) {
    return std::find(range.begin(), range.end(), value) != range.end();
}

int rank(WarningKind kind) {
    switch (kind) {
        case WarningKind::BelowMinimum: return 0;
        case WarningKind::WillFallBelowMinimum: return 1;
        case WarningKind::TermExpired: return 2;
        case WarningKind::TermEnding: return 3;
        case WarningKind::NoRecentUserMeeting: return 4;
    }
    return 5;
}
}  // namespace

Day addMonths(Day from, int count) {
    const year_month_day ymd{from};
    year_month_day shifted = ymd + std::chrono::months{count};
    if (!shifted.ok()) shifted = year_month_day{shifted.year() / shifted.month() / std::chrono::last};
    return Day{shifted};
}

Day termEnd(Day start, int months) { return addMonths(start, months); }

// ---- Quarters

std::optional<Quarter> parseQuarter(std::string_view text) {
    text = trimmed(text);
    if (text.size() != 7 || text[4] != '-' || (text[5] != 'Q' && text[5] != 'q')) return std::nullopt;
    int year = 0;
    for (std::size_t i = 0; i < 4; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
        year = year * 10 + (text[i] - '0');
    }
    const char n = text[6];
    if (n < '1' || n > '4' || year < 2000 || year > 2200) return std::nullopt;
    return Quarter{year, n - '0'};
}

std::string formatQuarter(const Quarter& quarter) { return std::to_string(quarter.year) + "-Q" + std::to_string(quarter.number); }

Quarter quarterOf(Day day) {
    const year_month_day ymd{day};
    return Quarter{int(ymd.year()), int((unsigned(ymd.month()) - 1) / 3 + 1)};
}

Quarter addQuarters(Quarter quarter, int steps) {
    const int total = quarter.year * 4 + (quarter.number - 1) + steps;
    return Quarter{total / 4, total % 4 + 1};
}

// ---- Elections

std::vector<Problem> checkElection(const Election& e, const CouncilRules& limits) {
    std::vector<Problem> out;
    if (e.candidates.empty()) {
        out.push_back({"candidates", "name the representatives to elect"});
        return out;
    }
    std::set<std::string> reelected;
    for (const auto& c : e.candidates) reelected.insert(lower(trimmed(c.email)));
    // Seats held after the election, by organisation: the continuing members who are not
    // re-elected keep theirs.
    std::map<std::string, std::string> seatOf;
    int seats = 0;
    for (const auto& m : e.continuing) {
        if (reelected.count(lower(m.email))) continue;
        ++seats;
        seatOf.emplace(m.orgnr, m.email + ", whose term continues");
    }
    std::set<std::string> emails;
    for (std::size_t i = 0; i < e.candidates.size(); ++i) {
        const Candidate& c = e.candidates[i];
        const std::string at = "candidates[" + std::to_string(i) + "]";
        const std::string email = lower(trimmed(c.email));
        if (trimmed(c.name).empty()) out.push_back({at + ".name", "required"});
        if (!plausibleEmail(email))
            out.push_back({at + ".email", "'" + std::string(c.email.substr(0, 80)) + "' is not an e-mail address"});
        else if (!emails.insert(email).second)
            out.push_back({at + ".email", email + " is named twice"});
        if (c.termMonths < limits.minTermMonths || c.termMonths > limits.maxTermMonths)
            out.push_back({at + ".term_months", "a term is " + std::to_string(limits.minTermMonths) + " to " + std::to_string(limits.maxTermMonths) +
                                                    " months, not " + std::to_string(c.termMonths)});
        ++seats;
        const std::string orgnr(trimmed(c.orgnr));
        if (orgnr.empty()) {
            out.push_back({at + ".orgnr", "required: the organisation the representative comes from"});
            continue;
        }
        if (!contains(e.attending, orgnr)) out.push_back({at + ".orgnr", "organisation " + orgnr + " did not attend the user meeting"});
        const bool agreed = std::any_of(e.agreements.begin(), e.agreements.end(),
                                        [&](const AgreementSpan& a) { return a.orgnr == orgnr && a.covers(e.meetingDay); });
        if (!agreed) out.push_back({at + ".orgnr", "organisation " + orgnr + " has no agreement for the service on " + isoDay(e.meetingDay)});
        if (limits.oneSeatPerOrganisation) {
            const auto [seat, inserted] = seatOf.emplace(orgnr, email);
            if (!inserted) out.push_back({at + ".orgnr", "organisation " + orgnr + " already has a seat (" + seat->second + ")"});
        }
    }
    if (seats < limits.minSeats)
        out.push_back({"candidates", "the council would have " + std::to_string(seats) + " members; it needs at least " + std::to_string(limits.minSeats)});
    if (seats > limits.maxSeats)
        out.push_back({"candidates", "the council would have " + std::to_string(seats) + " members; it may have at most " + std::to_string(limits.maxSeats)});
    return out;
}

// ---- Health

int activeCount(const std::vector<MemberTerm>& members, Day day) {
    return int(std::count_if(members.begin(), members.end(), [&](const MemberTerm& m) { return m.activeOn(day); }));
}

std::vector<Warning> checkHealth(const HealthInput& in, const CouncilRules& limits) {
    std::vector<Warning> out;
    const int now = activeCount(in.members, in.today);
    const Day horizon = in.today + std::chrono::days{limits.warnDays};
    if (now < limits.minSeats) {
        Warning w;
        w.kind = WarningKind::BelowMinimum;
        w.count = now;
        w.day = in.today;
        w.hasDay = true;
        w.message = "the council has " + std::to_string(now) + " members; it needs at least " + std::to_string(limits.minSeats);
        out.push_back(w);
    } else {
        // The first day within the warning period on which departures and ending terms take
        // the council below the minimum.
        std::vector<Day> ends;
        for (const auto& m : in.members) {
            if (!m.activeOn(in.today)) continue;
            const Day end = m.leftOn && *m.leftOn < m.termEnd ? *m.leftOn : m.termEnd;
            if (end <= horizon) ends.push_back(end);
        }
        std::sort(ends.begin(), ends.end());
        for (const Day d : ends) {
            const int left = activeCount(in.members, d);
            if (left >= limits.minSeats) continue;
            Warning w;
            w.kind = WarningKind::WillFallBelowMinimum;
            w.count = left;
            w.day = d;
            w.days = int((d - in.today).count());
            w.hasDay = true;
            w.message = "on " + isoDay(d) + " the council falls to " + std::to_string(left) + " members as terms end; it needs at least " +
                        std::to_string(limits.minSeats);
            out.push_back(w);
            break;
        }
    }
    for (const auto& m : in.members) {
        if (m.leftOn) continue;  // closed: re-elected, resigned or ended when the next council was elected
        Warning w;
        w.email = m.email;
        w.name = m.name;
        w.day = m.termEnd;
        w.days = int((m.termEnd - in.today).count());
        w.hasDay = true;
        if (m.termEnd <= in.today) {
            w.kind = WarningKind::TermExpired;
            w.message = "the term of " + m.name + " <" + m.email + "> ended on " + isoDay(m.termEnd) + "; elect a successor or record the departure";
        } else if (m.activeOn(in.today) && m.termEnd <= horizon) {
            w.kind = WarningKind::TermEnding;
            w.message = "the term of " + m.name + " <" + m.email + "> ends on " + isoDay(m.termEnd) + ", in " + std::to_string(w.days) + " days";
        } else {
            continue;
        }
        out.push_back(w);
    }
    const Day cutoff = addMonths(in.today, -limits.userMeetingMonths);
    if (!in.lastUserMeeting || *in.lastUserMeeting < cutoff) {
        Warning w;
        w.kind = WarningKind::NoRecentUserMeeting;
        if (in.lastUserMeeting) {
            w.day = *in.lastUserMeeting;
            w.days = int((*in.lastUserMeeting - in.today).count());
            w.hasDay = true;
            w.message = "no user meeting since " + isoDay(*in.lastUserMeeting) + "; it is held at least every " + std::to_string(limits.userMeetingMonths) + " months";
        } else {
            w.message = "no user meeting has been held";
        }
        out.push_back(w);
    }
    std::stable_sort(out.begin(), out.end(), [](const Warning& a, const Warning& b) {
        if (rank(a.kind) != rank(b.kind)) return rank(a.kind) < rank(b.kind);
        return a.day < b.day;
    });
    return out;
}

// ---- Requests

bool isStatus(std::string_view s) {
    return s == status::Received || s == status::UnderReview || s == status::Accepted || s == status::Planned || s == status::Delivered ||
           s == status::Rejected;
}

bool canMove(std::string_view from, std::string_view to) {
    if (!isStatus(from) || !isStatus(to)) return false;
    if (from == to) return true;
    using namespace status;
    if (from == Received) return to == UnderReview || to == Accepted || to == Rejected;
    if (from == UnderReview) return to == Accepted || to == Rejected;
    if (from == Accepted) return to == Planned || to == Delivered || to == Rejected;
    if (from == Planned) return to == Accepted || to == Delivered || to == Rejected;
    if (from == Rejected) return to == UnderReview;
    return false;  // delivered is final
}

bool openForPoints(std::string_view s) { return isStatus(s) && s != status::Delivered && s != status::Rejected; }

bool onRoadmap(std::string_view s) { return s == status::Accepted || s == status::Planned || s == status::Delivered; }

std::vector<Problem> checkResponse(std::string_view from, std::string_view to, std::string_view previousQuarter, std::string_view quarter,
                                   std::string_view response, Day today) {
    std::vector<Problem> out;
    if (!isStatus(to)) {
        out.push_back({"status", "'" + std::string(to.substr(0, 40)) + "' is not one of received, under_review, accepted, planned, delivered, rejected"});
        return out;
    }
    if (!canMove(from, to)) out.push_back({"status", "a request that is " + std::string(from) + " cannot become " + std::string(to)});
    const std::string_view q = trimmed(quarter);
    // A plain value and a flag rather than an optional: GCC 12 at -O2 warns, wrongly, on the latter here.
    Quarter parsed{};
    bool parses = false;
    if (!q.empty()) {
        if (const auto p = parseQuarter(q)) {
            parsed = *p;
            parses = true;
        }
        if (!parses) out.push_back({"quarter", "'" + std::string(q.substr(0, 20)) + "' is not a quarter like 2027-Q1"});
    }
    if (to == status::Planned) {
        if (q.empty()) {
            out.push_back({"quarter", "a planned request names its quarter, like 2027-Q1"});
        } else if (parses && (from != status::Planned || q != trimmed(previousQuarter)) && parsed < quarterOf(today)) {
            out.push_back({"quarter", formatQuarter(parsed) + " is past; the current quarter is " + formatQuarter(quarterOf(today))});
        }
    }
    if ((to == status::Accepted || to == status::Rejected) && from != to && trimmed(response).empty())
        out.push_back({"response", std::string("say why the request is ") + (to == status::Accepted ? "accepted" : "rejected")});
    return out;
}

std::vector<Problem> checkPoints(std::string_view member, const std::vector<std::pair<std::string, int>>& points,
                                 const std::vector<std::string>& currentMembers, const std::vector<std::string>& openRequests, int budget) {
    std::vector<Problem> out;
    if (!contains(currentMembers, std::string(member))) out.push_back({"member", "'" + std::string(member.substr(0, 80)) + "' does not sit on the council"});
    if (budget < 1) out.push_back({"budget", "the round has no points to give"});
    long total = 0;
    std::set<std::string> seen;
    for (const auto& [ref, n] : points) {
        const std::string at = "points." + ref.substr(0, 40);
        if (!seen.insert(ref).second) out.push_back({at, "named twice"});
        if (n < 0)
            out.push_back({at, "points are 0 or more, not " + std::to_string(n)});
        else
            total += n;
        if (!contains(openRequests, ref)) out.push_back({at, ref.substr(0, 40) + " is not open for points: delivered, rejected or not this service's"});
    }
    if (total > budget) out.push_back({"points", std::to_string(total) + " points given; the budget is " + std::to_string(budget)});
    return out;
}

// ---- Roadmap

std::vector<RoadmapQuarter> buildRoadmap(const std::vector<RoadmapItem>& items) {
    std::map<Quarter, std::vector<RoadmapItem>> byQuarter;
    for (const auto& item : items) {
        if (!onRoadmap(item.status)) continue;
        const auto q = parseQuarter(item.quarter);
        if (!q) continue;
        byQuarter[*q].push_back(item);
    }
    std::vector<RoadmapQuarter> out;
    for (auto& [quarter, list] : byQuarter) {
        std::sort(list.begin(), list.end(), [](const RoadmapItem& a, const RoadmapItem& b) {
            if (a.points != b.points) return a.points > b.points;
            return a.ref < b.ref;
        });
        out.push_back(RoadmapQuarter{quarter, std::move(list)});
    }
    return out;
}

}  // namespace vakt::councils::rules
