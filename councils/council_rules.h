#pragma once
// The rules of a service's user meeting (brukermøte) and user council (brukerråd), in plain C++
// so they are tested alone: who may be elected, how long a term is, when the council needs
// attention, how members give points to change requests (endringsønsker) and how the roadmap
// (veikart) is ordered. Days are calendar days in the platform's zone; the Qt edge converts.
#include <chrono>
#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vakt::councils::rules {

using Day = std::chrono::sys_days;

struct CouncilRules {
    int minSeats = 5;
    int maxSeats = 8;
    int minTermMonths = 6;
    int maxTermMonths = 48;  // four years
    // One seat per organisation, so one large municipality cannot speak twice; a council of 5 to
    // 8 then always speaks for 5 to 8 organisations.
    bool oneSeatPerOrganisation = true;
    int warnDays = 60;           // a term ending within this many days is warned about
    int userMeetingMonths = 12;  // the user meeting is held at least this often
    int pointsBudget = 10;       // each member's points per round, unless the round says otherwise
};

// `months` calendar months after `from`; the month's last day when that day does not exist
// (31 January and one month is 28 or 29 February). Negative months go back.
Day addMonths(Day from, int months);

// ---- Quarters of the roadmap: "2027-Q1".

struct Quarter {
    int year = 0;
    int number = 0;  // 1 to 4
    friend auto operator<=>(const Quarter&, const Quarter&) = default;
};

// "2027-Q1" (a lower-case q is accepted); years 2000 to 2200.
std::optional<Quarter> parseQuarter(std::string_view text);
std::string formatQuarter(const Quarter& quarter);
Quarter quarterOf(Day day);
Quarter addQuarters(Quarter quarter, int steps);

// ---- Elections at a user meeting.

// An organisation's agreement for the service: in force from `since` to `until` (inclusive).
struct AgreementSpan {
    std::string orgnr;
    Day since{};
    std::optional<Day> until;
    bool covers(Day day) const { return since <= day && (!until || day <= *until); }
};

struct Candidate {
    std::string email, name, orgnr;
    int termMonths = 24;
};

// A member whose term runs past the meeting: their seat continues unless they are re-elected.
struct SeatedMember {
    std::string email, orgnr;
};

struct Election {
    Day meetingDay{};
    std::vector<std::string> attending;     // organisation numbers present at the user meeting
    std::vector<AgreementSpan> agreements;  // for the meeting's service
    std::vector<SeatedMember> continuing;
    std::vector<Candidate> candidates;
};

// What is wrong, with the field it is wrong in ("candidates[2].orgnr", "points.ER-2026-0003").
struct Problem {
    std::string field;
    std::string message;
};

// Every candidate from an organisation that attended the meeting and has an agreement for the
// service on the meeting's day, with a name, an e-mail address and a term of minTermMonths to
// maxTermMonths; no person twice, no organisation twice (continuing members included); and a
// council of minSeats to maxSeats afterwards: the continuing members who are not re-elected and
// the candidates. Empty when the election may be recorded.
std::vector<Problem> checkElection(const Election& election, const CouncilRules& limits = {});

// The day a term begun on `start` ends (the member sits until the day before).
Day termEnd(Day start, int months);

// ---- The council's health.

struct MemberTerm {
    std::string email, name, orgnr;
    Day termStart{}, termEnd{};  // sits from termStart until the day before termEnd
    std::optional<Day> leftOn;   // left before the term ended (or the term was closed)
    bool activeOn(Day day) const { return termStart <= day && day < termEnd && (!leftOn || day < *leftOn); }
};

enum class WarningKind {
    BelowMinimum,          // fewer than minSeats members now
    WillFallBelowMinimum,  // terms ending within warnDays take the council below minSeats
    TermEnding,            // a member's term ends within warnDays
    TermExpired,           // a term has ended and no election or departure has closed it
    NoRecentUserMeeting,   // no user meeting in the last userMeetingMonths
};

struct Warning {
    WarningKind kind = WarningKind::BelowMinimum;
    std::string email, name;  // the member, for term warnings
    Day day{};                // the term's end, the day the council falls below, the last meeting
    int count = 0;            // members now, or after the terms ending
    int days = 0;             // until the day (negative: since)
    bool hasDay = false;      // false for NoRecentUserMeeting without any meeting
    std::string message;      // English, for logs and scripts
};

struct HealthInput {
    Day today{};
    std::vector<MemberTerm> members;  // every member the service has had
    std::optional<Day> lastUserMeeting;  // the last held, not later than today
};

int activeCount(const std::vector<MemberTerm>& members, Day day);
// The warnings, most urgent first: the council's size, then terms, then the user meeting.
std::vector<Warning> checkHealth(const HealthInput& input, const CouncilRules& limits = {});

// ---- Change requests: their statuses, the product owner's responses and the members' points.

namespace status {
inline constexpr std::string_view Received = "received";
inline constexpr std::string_view UnderReview = "under_review";
inline constexpr std::string_view Accepted = "accepted";
inline constexpr std::string_view Planned = "planned";
inline constexpr std::string_view Delivered = "delivered";
inline constexpr std::string_view Rejected = "rejected";
}  // namespace status

bool isStatus(std::string_view s);
// received → under_review, accepted, rejected; under_review → accepted, rejected; accepted →
// planned, delivered, rejected; planned → accepted (taken off the plan), delivered, rejected;
// rejected → under_review (reconsidered); delivered is final. Staying put is allowed (a new
// response or quarter).
bool canMove(std::string_view from, std::string_view to);
// Members give points to requests that are neither delivered nor rejected.
bool openForPoints(std::string_view s);
bool onRoadmap(std::string_view s);  // accepted, planned, delivered

// The product owner's response moving a request from `from` to `to`: the move is allowed, any
// quarter given parses, a planned request has a quarter, one newly planned (or moved) is not
// planned for a quarter already past, and accepting or rejecting says why. `previousQuarter` is
// the request's quarter before, `response` the response it will have.
std::vector<Problem> checkResponse(std::string_view from, std::string_view to, std::string_view previousQuarter, std::string_view quarter,
                                   std::string_view response, Day today);

// One member's points for a round: the member sits on the council, every request is open for
// points, no points are negative, no request is named twice, and the total is within the budget.
std::vector<Problem> checkPoints(std::string_view member, const std::vector<std::pair<std::string, int>>& points,
                                 const std::vector<std::string>& currentMembers, const std::vector<std::string>& openRequests, int budget);

// ---- The roadmap.

struct RoadmapItem {
    std::string ref;
    std::string status;
    std::string quarter;  // "2027-Q1"; empty or malformed: not on the roadmap
    int points = 0;
};

struct RoadmapQuarter {
    Quarter quarter;
    std::vector<RoadmapItem> items;
};

// Requests that are accepted, planned or delivered and have a quarter, by quarter, then the most
// points first, then by ref.
std::vector<RoadmapQuarter> buildRoadmap(const std::vector<RoadmapItem>& items);

}  // namespace vakt::councils::rules
