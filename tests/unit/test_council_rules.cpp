// The rules of user meetings and user councils, alone: the council's size (5 to 8, continuing
// members counted), who may be elected (present at the meeting, with an agreement, one seat per
// organisation), terms, the warnings (below 5, falling below 5, terms ending or ended, no user
// meeting for a year), the members' points and the roadmap's order.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "councils/council_rules.h"

using namespace vakt::councils::rules;

namespace {

Day on(int y, int m, int d) { return Day{std::chrono::year{y} / std::chrono::month{unsigned(m)} / std::chrono::day{unsigned(d)}}; }

std::string orgnr(int i) { return "9100000" + std::to_string(10 + i); }

// A user meeting on 10 March 2026 attended by ten organisations with agreements, electing `n`
// representatives, each from another organisation.
Election election(int n) {
    Election e;
    e.meetingDay = on(2026, 3, 10);
    for (int i = 0; i < 10; ++i) {
        e.attending.push_back(orgnr(i));
        e.agreements.push_back(AgreementSpan{orgnr(i), on(2020, 1, 1), std::nullopt});
    }
    for (int i = 0; i < n; ++i)
        e.candidates.push_back(Candidate{"rep" + std::to_string(i) + "@kommune" + std::to_string(i) + ".example", "Representant " + std::to_string(i), orgnr(i), 24});
    return e;
}

bool has(const std::vector<Problem>& problems, const std::string& field, const std::string& fragment = {}) {
    return std::any_of(problems.begin(), problems.end(),
                       [&](const Problem& p) { return p.field == field && (fragment.empty() || p.message.find(fragment) != std::string::npos); });
}

std::string describe(const std::vector<Problem>& problems) {
    std::string out;
    for (const auto& p : problems) out += p.field + ": " + p.message + "\n";
    return out;
}

MemberTerm member(const std::string& email, Day start, Day end, std::optional<Day> left = std::nullopt) {
    MemberTerm m;
    m.email = email;
    m.name = email.substr(0, email.find('@'));
    m.orgnr = orgnr(int(email.size() % 10));
    m.termStart = start;
    m.termEnd = end;
    m.leftOn = left;
    return m;
}

bool hasWarning(const std::vector<Warning>& warnings, WarningKind kind) {
    return std::any_of(warnings.begin(), warnings.end(), [&](const Warning& w) { return w.kind == kind; });
}

}  // namespace

// ---- Size

TEST(CouncilElection, FourRepresentativesAreTooFew) {
    const auto problems = checkElection(election(4));
    EXPECT_TRUE(has(problems, "candidates", "at least 5")) << describe(problems);
}

TEST(CouncilElection, NineRepresentativesAreTooMany) {
    const auto problems = checkElection(election(9));
    EXPECT_TRUE(has(problems, "candidates", "at most 8")) << describe(problems);
}

TEST(CouncilElection, FiveAndEightAreAccepted) {
    EXPECT_TRUE(checkElection(election(5)).empty()) << describe(checkElection(election(5)));
    EXPECT_TRUE(checkElection(election(8)).empty()) << describe(checkElection(election(8)));
}

TEST(CouncilElection, ContinuingMembersKeepTheirSeatsAndCount) {
    Election e = election(2);
    for (int i = 5; i < 8; ++i) e.continuing.push_back(SeatedMember{"sitter" + std::to_string(i) + "@kommune.example", orgnr(i)});
    EXPECT_TRUE(checkElection(e).empty()) << "three continuing and two elected make five: " << describe(checkElection(e));
    // Six more would make nine.
    Election crowded = election(6);
    for (int i = 6; i < 9; ++i) crowded.continuing.push_back(SeatedMember{"sitter" + std::to_string(i) + "@kommune.example", orgnr(i)});
    EXPECT_TRUE(has(checkElection(crowded), "candidates", "at most 8"));
    // A continuing member named again is re-elected, not counted twice.
    Election again = election(5);
    again.continuing.push_back(SeatedMember{again.candidates[0].email, again.candidates[0].orgnr});
    EXPECT_TRUE(checkElection(again).empty()) << describe(checkElection(again));
    // Nobody to elect is no election.
    EXPECT_TRUE(has(checkElection(election(0)), "candidates"));
}

// ---- Who may be elected

TEST(CouncilElection, AnOrganisationThatDidNotAttendIsRefused) {
    Election e = election(5);
    e.attending.erase(std::find(e.attending.begin(), e.attending.end(), orgnr(2)));
    const auto problems = checkElection(e);
    EXPECT_TRUE(has(problems, "candidates[2].orgnr", "did not attend")) << describe(problems);
    EXPECT_EQ(problems.size(), 1u) << describe(problems);
}

TEST(CouncilElection, AnOrganisationWithoutAnAgreementIsRefused) {
    Election e = election(5);
    // The agreement began after the meeting.
    e.agreements[3].since = on(2026, 4, 1);
    // This one ended before it.
    e.agreements[4].until = on(2025, 12, 31);
    const auto problems = checkElection(e);
    EXPECT_TRUE(has(problems, "candidates[3].orgnr", "no agreement")) << describe(problems);
    EXPECT_TRUE(has(problems, "candidates[4].orgnr", "no agreement")) << describe(problems);
    // Ending on the meeting's day still covers it.
    e.agreements[4].until = on(2026, 3, 10);
    EXPECT_FALSE(has(checkElection(e), "candidates[4].orgnr"));
}

TEST(CouncilElection, NoOrganisationHasTwoSeats) {
    Election e = election(5);
    e.candidates[4].orgnr = e.candidates[0].orgnr;
    EXPECT_TRUE(has(checkElection(e), "candidates[4].orgnr", "already has a seat"));
    // Nor beside a member whose term continues.
    Election beside = election(5);
    beside.continuing.push_back(SeatedMember{"sitter@kommune.example", orgnr(1)});
    EXPECT_TRUE(has(checkElection(beside), "candidates[1].orgnr", "already has a seat"));
    // Allowed when the rules say so.
    CouncilRules lenient;
    lenient.oneSeatPerOrganisation = false;
    EXPECT_TRUE(checkElection(e, lenient).empty()) << describe(checkElection(e, lenient));
}

TEST(CouncilElection, EveryRepresentativeHasANameAnAddressAndATerm) {
    Election e = election(6);
    e.candidates[0].name = " ";
    e.candidates[1].email = "ikke-en-adresse";
    e.candidates[2].email = e.candidates[3].email;
    e.candidates[4].termMonths = 5;
    e.candidates[5].termMonths = 49;
    const auto problems = checkElection(e);
    EXPECT_TRUE(has(problems, "candidates[0].name")) << describe(problems);
    EXPECT_TRUE(has(problems, "candidates[1].email", "not an e-mail address"));
    EXPECT_TRUE(has(problems, "candidates[3].email", "named twice"));
    EXPECT_TRUE(has(problems, "candidates[4].term_months", "6 to 48"));
    EXPECT_TRUE(has(problems, "candidates[5].term_months", "6 to 48"));
    e = election(5);
    e.candidates[0].termMonths = 48;
    e.candidates[1].termMonths = 6;
    EXPECT_TRUE(checkElection(e).empty()) << describe(checkElection(e));
}

// ---- Terms

TEST(CouncilTerms, ATermStartsAtTheMeetingAndLastsItsMonths) {
    EXPECT_EQ(termEnd(on(2026, 3, 10), 24), on(2028, 3, 10));
    EXPECT_EQ(termEnd(on(2026, 3, 10), 12), on(2027, 3, 10));
    // The month's last day when the day does not exist.
    EXPECT_EQ(addMonths(on(2024, 1, 31), 1), on(2024, 2, 29));
    EXPECT_EQ(addMonths(on(2025, 1, 31), 1), on(2025, 2, 28));
    EXPECT_EQ(addMonths(on(2026, 3, 10), -12), on(2025, 3, 10));
    const MemberTerm m = member("a@x.example", on(2026, 3, 10), on(2028, 3, 10));
    EXPECT_TRUE(m.activeOn(on(2026, 3, 10)));
    EXPECT_TRUE(m.activeOn(on(2028, 3, 9)));
    EXPECT_FALSE(m.activeOn(on(2028, 3, 10))) << "the term ends at the start of its end day";
    EXPECT_FALSE(m.activeOn(on(2026, 3, 9)));
    const MemberTerm left = member("b@x.example", on(2026, 3, 10), on(2028, 3, 10), on(2027, 1, 1));
    EXPECT_FALSE(left.activeOn(on(2027, 1, 1)));
}

// ---- Health

namespace {
HealthInput healthy(Day today, int members) {
    HealthInput in;
    in.today = today;
    for (int i = 0; i < members; ++i) in.members.push_back(member("m" + std::to_string(i) + "@kommune.example", on(2026, 1, 15), on(2028, 1, 15)));
    in.lastUserMeeting = on(2026, 1, 15);
    return in;
}
}  // namespace

TEST(CouncilHealth, AHealthyCouncilHasNoWarnings) {
    const auto warnings = checkHealth(healthy(on(2026, 6, 1), 5));
    EXPECT_TRUE(warnings.empty()) << (warnings.empty() ? "" : warnings.front().message);
}

TEST(CouncilHealth, FewerThanFiveIsWarned) {
    const auto warnings = checkHealth(healthy(on(2026, 6, 1), 4));
    ASSERT_FALSE(warnings.empty());
    EXPECT_EQ(warnings.front().kind, WarningKind::BelowMinimum);
    EXPECT_EQ(warnings.front().count, 4);
    // A member who left counts no more.
    HealthInput in = healthy(on(2026, 6, 1), 5);
    in.members[0].leftOn = on(2026, 5, 1);
    EXPECT_TRUE(hasWarning(checkHealth(in), WarningKind::BelowMinimum));
}

TEST(CouncilHealth, ATermEndingWithinTheWarningPeriodIsWarned) {
    HealthInput in = healthy(on(2026, 6, 1), 6);
    in.members[0].termEnd = on(2026, 7, 1);  // 30 days
    in.members[1].termEnd = on(2026, 8, 1);  // 61 days: outside the default 60
    const auto warnings = checkHealth(in);
    const auto ending = std::count_if(warnings.begin(), warnings.end(), [](const Warning& w) { return w.kind == WarningKind::TermEnding; });
    EXPECT_EQ(ending, 1);
    const auto first = std::find_if(warnings.begin(), warnings.end(), [](const Warning& w) { return w.kind == WarningKind::TermEnding; });
    ASSERT_NE(first, warnings.end());
    EXPECT_EQ(first->email, in.members[0].email);
    EXPECT_EQ(first->days, 30);
    CouncilRules longer;
    longer.warnDays = 90;
    const auto more = checkHealth(in, longer);
    EXPECT_EQ(std::count_if(more.begin(), more.end(), [](const Warning& w) { return w.kind == WarningKind::TermEnding; }), 2);
}

TEST(CouncilHealth, AnExpiredTermIsWarnedUntilItIsClosed) {
    HealthInput in = healthy(on(2026, 6, 1), 6);
    in.members[0].termEnd = on(2026, 5, 1);
    EXPECT_TRUE(hasWarning(checkHealth(in), WarningKind::TermExpired));
    // Closed when the next council was elected or the departure recorded.
    in.members[0].leftOn = on(2026, 5, 1);
    EXPECT_FALSE(hasWarning(checkHealth(in), WarningKind::TermExpired));
}

TEST(CouncilHealth, ACouncilAboutToFallBelowFiveIsWarned) {
    HealthInput in = healthy(on(2026, 6, 1), 6);
    in.members[0].termEnd = on(2026, 6, 21);
    in.members[1].termEnd = on(2026, 6, 21);
    const auto warnings = checkHealth(in);
    ASSERT_TRUE(hasWarning(warnings, WarningKind::WillFallBelowMinimum));
    const auto w = std::find_if(warnings.begin(), warnings.end(), [](const Warning& x) { return x.kind == WarningKind::WillFallBelowMinimum; });
    EXPECT_EQ(w->count, 4);
    EXPECT_EQ(w->day, on(2026, 6, 21));
    EXPECT_EQ(w->days, 20);
    EXPECT_EQ(warnings.front().kind, WarningKind::WillFallBelowMinimum) << "the council's size first";
}

TEST(CouncilHealth, AYearWithoutAUserMeetingIsWarned) {
    HealthInput in = healthy(on(2027, 3, 1), 5);
    in.lastUserMeeting = on(2026, 1, 15);  // more than 12 months
    EXPECT_TRUE(hasWarning(checkHealth(in), WarningKind::NoRecentUserMeeting));
    in.lastUserMeeting = on(2026, 4, 1);
    EXPECT_FALSE(hasWarning(checkHealth(in), WarningKind::NoRecentUserMeeting));
    in.lastUserMeeting.reset();
    EXPECT_TRUE(hasWarning(checkHealth(in), WarningKind::NoRecentUserMeeting));
}

// ---- Points

TEST(CouncilPoints, AMemberGivesAtMostTheBudget) {
    const std::vector<std::string> members{"a@x.example", "b@x.example"};
    const std::vector<std::string> open{"ER-2026-0001", "ER-2026-0002", "ER-2026-0003"};
    EXPECT_TRUE(checkPoints("a@x.example", {{"ER-2026-0001", 6}, {"ER-2026-0002", 4}}, members, open, 10).empty());
    const auto over = checkPoints("a@x.example", {{"ER-2026-0001", 6}, {"ER-2026-0002", 5}}, members, open, 10);
    EXPECT_TRUE(has(over, "points", "11 points given; the budget is 10")) << describe(over);
    EXPECT_TRUE(has(checkPoints("a@x.example", {{"ER-2026-0001", -1}}, members, open, 10), "points.ER-2026-0001", "0 or more"));
    EXPECT_TRUE(has(checkPoints("a@x.example", {{"ER-2026-0001", 1}, {"ER-2026-0001", 2}}, members, open, 10), "points.ER-2026-0001", "twice"));
}

TEST(CouncilPoints, OnlyMembersGivePointsAndOnlyToOpenRequests) {
    const std::vector<std::string> members{"a@x.example"};
    const std::vector<std::string> open{"ER-2026-0001"};
    EXPECT_TRUE(has(checkPoints("ikke@medlem.example", {{"ER-2026-0001", 3}}, members, open, 10), "member", "does not sit on the council"));
    EXPECT_TRUE(has(checkPoints("a@x.example", {{"ER-2026-0009", 3}}, members, open, 10), "points.ER-2026-0009", "not open"));
    EXPECT_TRUE(openForPoints(status::Accepted));
    EXPECT_TRUE(openForPoints(status::Planned));
    EXPECT_FALSE(openForPoints(status::Delivered));
    EXPECT_FALSE(openForPoints(status::Rejected));
}

// ---- Responses

TEST(CouncilResponses, StatusMovesQuartersAndReasons) {
    const Day today = on(2026, 12, 2);
    EXPECT_TRUE(checkResponse(status::Received, status::UnderReview, "", "", "", today).empty());
    EXPECT_TRUE(has(checkResponse(status::Received, status::Accepted, "", "", "", today), "response", "accepted"));
    EXPECT_TRUE(has(checkResponse(status::Received, status::Rejected, "", "", " ", today), "response", "rejected"));
    EXPECT_TRUE(has(checkResponse(status::Received, status::Planned, "", "2027-Q1", "ok", today), "status")) << "accepted first";
    EXPECT_TRUE(has(checkResponse(status::Accepted, status::Planned, "", "", "ok", today), "quarter", "names its quarter"));
    EXPECT_TRUE(has(checkResponse(status::Accepted, status::Planned, "", "2026-Q3", "ok", today), "quarter", "past"));
    EXPECT_TRUE(checkResponse(status::Accepted, status::Planned, "", "2026-Q4", "ok", today).empty()) << "the current quarter is not past";
    EXPECT_TRUE(has(checkResponse(status::Accepted, status::Accepted, "", "2027-Q9", "ok", today), "quarter", "not a quarter"));
    // A request planned long ago keeps its quarter when only the response changes.
    EXPECT_TRUE(checkResponse(status::Planned, status::Planned, "2026-Q1", "2026-Q1", "nytt svar", today).empty());
    EXPECT_TRUE(has(checkResponse(status::Delivered, status::Accepted, "2026-Q1", "", "ok", today), "status", "cannot become"));
    EXPECT_TRUE(checkResponse(status::Rejected, status::UnderReview, "", "", "", today).empty()) << "a rejected request may be reconsidered";
    EXPECT_TRUE(has(checkResponse(status::Received, "done", "", "", "", today), "status", "not one of"));
}

// ---- Quarters and the roadmap

TEST(CouncilRoadmap, QuartersParseAndCount) {
    ASSERT_TRUE(parseQuarter("2027-Q1"));
    EXPECT_EQ(*parseQuarter("2027-Q1"), (Quarter{2027, 1}));
    EXPECT_EQ(*parseQuarter(" 2027-q3 "), (Quarter{2027, 3}));
    for (const char* bad : {"2027-Q5", "2027-Q0", "27-Q1", "2027Q1", "2027-K1", "", "1999-Q1", "abcd-Q1"}) EXPECT_FALSE(parseQuarter(bad)) << bad;
    EXPECT_EQ(formatQuarter(Quarter{2027, 2}), "2027-Q2");
    EXPECT_EQ(quarterOf(on(2026, 12, 31)), (Quarter{2026, 4}));
    EXPECT_EQ(quarterOf(on(2027, 1, 1)), (Quarter{2027, 1}));
    EXPECT_EQ(addQuarters(Quarter{2026, 4}, 1), (Quarter{2027, 1}));
    EXPECT_EQ(addQuarters(Quarter{2027, 1}, -1), (Quarter{2026, 4}));
    EXPECT_LT((Quarter{2026, 4}), (Quarter{2027, 1}));
}

TEST(CouncilRoadmap, ByQuarterThenMostPointsThenRef) {
    const std::vector<RoadmapItem> items{
        {"ER-2026-0001", "planned", "2027-Q2", 5},  {"ER-2026-0002", "accepted", "2027-Q1", 3}, {"ER-2026-0003", "planned", "2027-Q1", 9},
        {"ER-2026-0004", "received", "2027-Q1", 20}, {"ER-2026-0005", "rejected", "2027-Q1", 30}, {"ER-2026-0006", "accepted", "", 40},
        {"ER-2026-0007", "delivered", "2026-Q4", 1}, {"ER-2026-0008", "planned", "2027-Q1", 3},  {"ER-2026-0009", "planned", "neste år", 50},
    };
    const auto roadmap = buildRoadmap(items);
    ASSERT_EQ(roadmap.size(), 3u);
    EXPECT_EQ(roadmap[0].quarter, (Quarter{2026, 4}));
    ASSERT_EQ(roadmap[0].items.size(), 1u);
    EXPECT_EQ(roadmap[0].items[0].ref, "ER-2026-0007");
    EXPECT_EQ(roadmap[1].quarter, (Quarter{2027, 1}));
    ASSERT_EQ(roadmap[1].items.size(), 3u) << "received and rejected requests are not on the roadmap";
    EXPECT_EQ(roadmap[1].items[0].ref, "ER-2026-0003");
    EXPECT_EQ(roadmap[1].items[1].ref, "ER-2026-0002") << "equal points: by ref";
    EXPECT_EQ(roadmap[1].items[2].ref, "ER-2026-0008");
    EXPECT_EQ(roadmap[2].quarter, (Quarter{2027, 2}));
}
