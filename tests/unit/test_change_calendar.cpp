// The change calendar's conflicts on cases a change manager can check by hand, and the sweep
// against the pairwise reference on seeded random calendars.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <ostream>
#include <random>
#include <string>
#include <vector>

#include "changes/change_calendar.h"

namespace vakt::changes {
// So a failing comparison shows the conflicts, not their bytes.
void PrintTo(const Conflict& c, std::ostream* os) {
    *os << kindCode(c.kind) << " [";
    for (std::size_t i = 0; i < c.changes.size(); ++i) *os << (i ? "," : "") << c.changes[i];
    *os << "]";
    if (c.freeze) *os << " freeze " << c.freeze;
    if (!c.key.empty()) *os << " " << c.key;
    if (!c.otherKey.empty()) *os << "/" << c.otherKey;
    if (c.kind == Conflict::Kind::TooManyInDay) *os << " day " << c.day.time_since_epoch().count();
}
}  // namespace vakt::changes

using namespace vakt::changes;
using Kind = Conflict::Kind;
using Scope = FreezePeriod::Scope;
using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::sys_days;

namespace {

constexpr sys_days kMonday{std::chrono::year{2026} / 3 / 2};

CivilMinutes at(sys_days day, int hour, int minute = 0) { return CivilMinutes{day} + hours{hour} + minutes{minute}; }

PlannedChange change(std::int64_t id, CivilMinutes start, CivilMinutes end, std::vector<std::string> services,
                     std::vector<std::string> components = {}) {
    PlannedChange c;
    c.id = id;
    c.start = start;
    c.end = end;
    c.services = std::move(services);
    c.components = std::move(components);
    return c;
}

Dependencies graph(const std::vector<Dependencies::Edge>& edges) { return Dependencies(edges); }

const Dependencies kNone;
const ConflictRules kNoDailyLimit{0};

}  // namespace

TEST(ChangePairs, TwoChangesOnSvarUtOverlappingHalfAnHourConflict) {
    const std::vector<PlannedChange> cal{change(1, at(kMonday, 10), at(kMonday, 11), {"svarut"}),
                                         change(2, at(kMonday, 10, 30), at(kMonday, 12), {"svarut"})};
    const std::vector<Conflict> expected{{Kind::SameTarget, {1, 2}, 0, "svarut", "", {}}};
    EXPECT_EQ(detectConflicts(cal, {}, kNone), expected);
}

TEST(ChangePairs, BackToBackWindowsDoNotOverlap) {
    const std::vector<PlannedChange> cal{change(1, at(kMonday, 10), at(kMonday, 11), {"svarut"}),
                                         change(2, at(kMonday, 11), at(kMonday, 12), {"svarut"})};
    EXPECT_TRUE(detectConflicts(cal, {}, kNone).empty());
}

TEST(ChangePairs, ADependencyAndItsUserConflictWhicheverStartsFirst) {
    const auto deps = graph({{"fiks-io", "postgres-cluster"}});
    std::vector<PlannedChange> cal{change(1, at(kMonday, 18), at(kMonday, 20), {"fiks-io"}),
                                   change(2, at(kMonday, 19), at(kMonday, 21), {}, {"postgres-cluster"})};
    std::vector<Conflict> expected{{Kind::DependentTargets, {1, 2}, 0, "fiks-io", "postgres-cluster", {}}};
    EXPECT_EQ(detectConflicts(cal, {}, deps), expected);
    // The database work moved earlier: its key comes first, as its change does.
    cal[1].start = at(kMonday, 17);
    expected = {{Kind::DependentTargets, {2, 1}, 0, "postgres-cluster", "fiks-io", {}}};
    EXPECT_EQ(detectConflicts(cal, {}, deps), expected);
}

TEST(ChangePairs, DependenciesAreFollowedTransitivelyButSiblingsAreNotRelated) {
    // a → b → c: a change to a and one to c conflict. d also uses c, but a and d only share a
    // dependency and can be changed together.
    const auto deps = graph({{"a", "b"}, {"b", "c"}, {"d", "c"}});
    EXPECT_TRUE(deps.dependsOn("a", "c"));
    EXPECT_FALSE(deps.dependsOn("c", "a"));
    EXPECT_TRUE(deps.related("c", "a"));
    EXPECT_FALSE(deps.related("a", "d"));
    EXPECT_TRUE(deps.related("unknown", "unknown"));
    EXPECT_FALSE(deps.related("unknown", "a"));
    const std::vector<PlannedChange> cal{change(1, at(kMonday, 18), at(kMonday, 20), {"a"}),
                                         change(2, at(kMonday, 18), at(kMonday, 20), {}, {"c"}),
                                         change(3, at(kMonday, 22), at(kMonday, 23), {"a"}),
                                         change(4, at(kMonday, 22), at(kMonday, 23), {"d"})};
    const std::vector<Conflict> expected{{Kind::DependentTargets, {1, 2}, 0, "a", "c", {}}};
    EXPECT_EQ(detectConflicts(cal, {}, deps, kNoDailyLimit), expected);
}

TEST(ChangePairs, ACycleInTheCatalogueEndsAndRelatesItsKeys) {
    const auto deps = graph({{"a", "b"}, {"b", "a"}, {"b", "c"}, {"c", "c"}});
    EXPECT_TRUE(deps.dependsOn("a", "a"));
    EXPECT_TRUE(deps.dependsOn("b", "c"));
    EXPECT_FALSE(deps.dependsOn("c", "a"));
    const std::vector<PlannedChange> cal{change(1, at(kMonday, 18), at(kMonday, 20), {"c"}),
                                         change(2, at(kMonday, 19), at(kMonday, 20), {"a"})};
    const std::vector<Conflict> expected{{Kind::DependentTargets, {1, 2}, 0, "c", "a", {}}};
    EXPECT_EQ(detectConflicts(cal, {}, deps), expected);
}

TEST(ChangePairs, APairIsReportedOnceWithItsFirstSharedKey) {
    // Two shared keys and a dependency between others: one conflict, on the first change's
    // first shared key (services before components).
    const auto deps = graph({{"minside", "id-porten"}});
    const std::vector<PlannedChange> cal{
        change(7, at(kMonday, 18), at(kMonday, 20), {"minside", "digisos", "svarut"}, {"fiks-io"}),
        change(8, at(kMonday, 19), at(kMonday, 21), {"id-porten", "svarut"}, {"fiks-io", "fiks-io"})};
    const std::vector<Conflict> expected{{Kind::SameTarget, {7, 8}, 0, "svarut", "", {}}};
    EXPECT_EQ(detectConflicts(cal, {}, deps), expected);
}

TEST(ChangePairs, AChangeTouchingThousandsOfKeysStaysCheap) {
    std::vector<Dependencies::Edge> edges;
    for (int i = 1; i < 300; ++i) edges.push_back({"k" + std::to_string(i), "k" + std::to_string(i - 1)});
    const auto deps = graph(edges);
    PlannedChange wide = change(1, at(kMonday, 8), at(kMonday, 16), {});
    PlannedChange other = change(2, at(kMonday, 9), at(kMonday, 10), {});
    for (int i = 0; i < 20000; ++i) wide.components.push_back("x" + std::to_string(i % 5000));  // repeats too
    for (int i = 5000; i > 0; --i) other.components.push_back("y" + std::to_string(i));
    other.components.push_back("x4999");
    wide.components.push_back("k5");
    other.components.push_back("k200");
    const std::vector<PlannedChange> cal{wide, other};
    const std::vector<Conflict> expected{{Kind::SameTarget, {1, 2}, 0, "x4999", "", {}}};
    EXPECT_EQ(detectConflicts(cal, {}, deps), expected);
    // Without the shared key, the dependency between k200 and k5 is found.
    other.components.erase(std::find(other.components.begin(), other.components.end(), "x4999"));
    const std::vector<PlannedChange> apart{wide, other};
    const std::vector<Conflict> dependent{{Kind::DependentTargets, {1, 2}, 0, "k5", "k200", {}}};
    EXPECT_EQ(detectConflicts(apart, {}, deps), dependent);
}

TEST(Freezes, TaxSeasonFreezesItsServiceAndOnlyAReasonLetsAnEmergencyThrough) {
    const FreezePeriod skattesesong{1, "Skattesesong", at(kMonday, 0), at(kMonday + days{14}, 0), Scope::Services, {"fiks-folkeregister"}};
    const std::vector<FreezePeriod> freezes{skattesesong};
    PlannedChange normal = change(1, at(kMonday, 18), at(kMonday, 19), {"fiks-folkeregister"});
    PlannedChange noReason = change(2, at(kMonday + days{1}, 18), at(kMonday + days{1}, 19), {"fiks-folkeregister"});
    noReason.emergency = true;
    PlannedChange blank = noReason;
    blank.id = 3;
    blank.start += days{1};
    blank.end += days{1};
    blank.freezeReason = "  ";
    PlannedChange reasoned = noReason;
    reasoned.id = 4;
    reasoned.start += days{2};
    reasoned.end += days{2};
    reasoned.freezeReason = "Sikkerhetsoppdatering, CVE-2026-1234";
    const PlannedChange after = change(5, at(kMonday + days{14}, 0), at(kMonday + days{14}, 2), {"fiks-folkeregister"});
    const PlannedChange elsewhere = change(6, at(kMonday, 20), at(kMonday, 21), {"svarut"});
    const std::vector<PlannedChange> cal{normal, noReason, blank, reasoned, after, elsewhere};
    const std::vector<Conflict> expected{{Kind::InFreeze, {1}, 1, "fiks-folkeregister", "", {}},
                                         {Kind::InFreeze, {2}, 1, "fiks-folkeregister", "", {}},
                                         {Kind::InFreeze, {3}, 1, "fiks-folkeregister", "", {}},
                                         {Kind::EmergencyInFreeze, {4}, 1, "fiks-folkeregister", "", {}}};
    EXPECT_EQ(detectConflicts(cal, freezes, kNone), expected);
}

TEST(Freezes, AFreezeCoversWhatItsServiceDependsOnButNotItsUsers) {
    const auto deps = graph({{"fiks-folkeregister", "postgres-cluster"}, {"minside", "fiks-folkeregister"}});
    const std::vector<FreezePeriod> freezes{
        {1, "Skattesesong", at(kMonday, 0), at(kMonday + days{14}, 0), Scope::Services, {"fiks-folkeregister"}}};
    const std::vector<PlannedChange> cal{change(1, at(kMonday, 18), at(kMonday, 19), {}, {"postgres-cluster"}),
                                         change(2, at(kMonday + days{1}, 18), at(kMonday + days{1}, 19), {"minside"})};
    const std::vector<Conflict> expected{{Kind::InFreeze, {1}, 1, "postgres-cluster", "fiks-folkeregister", {}}};
    EXPECT_EQ(detectConflicts(cal, freezes, deps), expected);
}

TEST(Freezes, AComponentFreezeAndAFreezeOfEverything) {
    const auto deps = graph({{"svarut", "dokumentlager"}, {"dokumentlager", "objektlager"}});
    const std::vector<FreezePeriod> freezes{
        {1, "Lagringsmigrering", at(kMonday, 0), at(kMonday + days{2}, 0), Scope::Components, {"dokumentlager"}},
        {2, "Nyttår", at(kMonday + days{1}, 12), at(kMonday + days{3}, 0), Scope::All, {}}};
    const std::vector<PlannedChange> cal{change(1, at(kMonday, 18), at(kMonday, 19), {"svarut"}),
                                         change(2, at(kMonday, 20), at(kMonday, 21), {}, {"objektlager"}),
                                         change(3, at(kMonday + days{1}, 11), at(kMonday + days{1}, 13), {"digisos"})};
    const std::vector<Conflict> expected{{Kind::InFreeze, {2}, 1, "objektlager", "dokumentlager", {}},
                                         {Kind::InFreeze, {3}, 2, "", "", {}}};
    EXPECT_EQ(detectConflicts(cal, freezes, deps), expected);
}

TEST(Days, FourChangesOnADayWithAMaximumOfThreeAreOneConflict) {
    std::vector<PlannedChange> cal{change(11, at(kMonday, 8), at(kMonday, 9), {"svarut"}),
                                   change(12, at(kMonday, 10), at(kMonday, 11), {"minside"}),
                                   change(13, at(kMonday, 18), at(kMonday, 19), {"digisos"}),
                                   change(14, at(kMonday, 20), at(kMonday, 21), {"fiks-io"})};
    const std::vector<Conflict> expected{{Kind::TooManyInDay, {11, 12, 13, 14}, 0, "", "", kMonday}};
    EXPECT_EQ(detectConflicts(cal, {}, kNone), expected);
    cal.pop_back();
    EXPECT_TRUE(detectConflicts(cal, {}, kNone).empty());
}

TEST(Days, AWindowAcrossMidnightCountsOnBothDays) {
    const sys_days tuesday = kMonday + days{1}, wednesday = kMonday + days{2};
    std::vector<PlannedChange> cal{change(1, at(kMonday, 23), at(tuesday, 1), {"svarut"}),
                                   change(2, at(kMonday, 8), at(kMonday, 9), {"a"}),
                                   change(3, at(kMonday, 10), at(kMonday, 11), {"b"}),
                                   change(4, at(kMonday, 12), at(kMonday, 13), {"c"}),
                                   change(5, at(tuesday, 8), at(tuesday, 9), {"a"}),
                                   change(6, at(tuesday, 10), at(tuesday, 11), {"b"}),
                                   change(7, at(tuesday, 12), at(tuesday, 13), {"c"}),
                                   // Ends at midnight: Tuesday only.
                                   change(8, at(tuesday, 22), at(wednesday, 0), {"d"}),
                                   change(9, at(wednesday, 8), at(wednesday, 9), {"a"}),
                                   change(10, at(wednesday, 10), at(wednesday, 11), {"b"}),
                                   change(11, at(wednesday, 12), at(wednesday, 13), {"c"})};
    const std::vector<Conflict> expected{{Kind::TooManyInDay, {2, 3, 4, 1}, 0, "", "", kMonday},
                                         {Kind::TooManyInDay, {1, 5, 6, 7, 8}, 0, "", "", tuesday}};
    EXPECT_EQ(detectConflicts(cal, {}, kNone), expected);
}

TEST(Days, AWindowOfAYearOnlyCountsWhereADayIsCrowded) {
    std::vector<PlannedChange> cal{change(1, at(kMonday - days{100}, 0), at(kMonday + days{265}, 0), {"plattform"})};
    for (int i = 0; i < 3; ++i) cal.push_back(change(2 + i, at(kMonday, 8 + 2 * i), at(kMonday, 9 + 2 * i), {"svarut"}));
    const std::vector<Conflict> expected{{Kind::TooManyInDay, {1, 2, 3, 4}, 0, "", "", kMonday}};
    auto found = detectConflicts(cal, {}, kNone);
    found.erase(std::remove_if(found.begin(), found.end(), [](const Conflict& c) { return c.kind != Kind::TooManyInDay; }), found.end());
    EXPECT_EQ(found, expected);
}

TEST(Order, ByEarliestStartThenKindThenIdsWhateverTheInputOrder) {
    // The year-end freeze begins 09:00. Change 5 (08:00) runs into it; 3 and 4 both start 10:00.
    const std::vector<FreezePeriod> freezes{{9, "Årsskifte", at(kMonday, 9), at(kMonday + days{1}, 0), Scope::All, {}}};
    std::vector<PlannedChange> cal{change(4, at(kMonday, 10), at(kMonday, 11), {"svarut"}),
                                   change(3, at(kMonday, 10), at(kMonday, 12), {"svarut"}),
                                   change(5, at(kMonday, 8), at(kMonday, 9, 30), {"minside"})};
    const std::vector<Conflict> expected{{Kind::InFreeze, {5}, 9, "", "", {}},
                                         {Kind::TooManyInDay, {5, 3, 4}, 0, "", "", kMonday},
                                         {Kind::SameTarget, {3, 4}, 0, "svarut", "", {}},
                                         {Kind::InFreeze, {3}, 9, "", "", {}},
                                         {Kind::InFreeze, {4}, 9, "", "", {}}};
    const ConflictRules twoADay{2};
    EXPECT_EQ(detectConflicts(cal, freezes, kNone, twoADay), expected);
    std::reverse(cal.begin(), cal.end());
    EXPECT_EQ(detectConflicts(cal, freezes, kNone, twoADay), expected);
    std::swap(cal[0], cal[1]);
    EXPECT_EQ(detectConflicts(cal, freezes, kNone, twoADay), expected);
}

TEST(Validation, MessagesNameTheChangeAndTheField) {
    PlannedChange c = change(17, at(kMonday - days{1}, 12), at(kMonday - days{1}, 10), {"svarut"});
    EXPECT_EQ(validate(c), "change 17: window: ends 2026-03-01 10:00 before it starts 2026-03-01 12:00");
    c.end = c.start;
    EXPECT_EQ(validate(c), "change 17: window: ends 2026-03-01 12:00, the minute it starts");
    c.end = c.start + days{367};
    EXPECT_EQ(validate(c), "change 17: window: 2026-03-01 12:00 to 2027-03-03 12:00 is longer than a year");
    c.end = c.start + hours{1};
    EXPECT_EQ(validate(c), std::nullopt);
    c.components = {"fiks-io", ""};
    EXPECT_EQ(validate(c), "change 17: components[1]: an empty key");
    c.services.clear();
    c.components.clear();
    EXPECT_EQ(validate(c), "change 17: services, components: names no service or component");
    const FreezePeriod f{3, "Skattesesong", at(kMonday, 0), at(kMonday, 0) + days{10}, Scope::Services, {}};
    EXPECT_EQ(validate(f), "freeze 3 (Skattesesong): keys: names no service");
}

TEST(Validation, InvalidWindowsAreSkippedNotFollowed) {
    const FreezePeriod backwards{1, "Feil", at(kMonday, 12), at(kMonday, 0), Scope::All, {}};
    const std::vector<FreezePeriod> freezes{backwards};
    const std::vector<PlannedChange> cal{change(1, at(kMonday, 12), at(kMonday, 10), {"svarut"}),
                                         change(2, at(kMonday, 10), at(kMonday, 10), {"svarut"}),
                                         change(3, at(kMonday, 9), at(kMonday, 13), {"svarut"})};
    EXPECT_TRUE(detectConflicts(cal, freezes, kNone).empty());
    EXPECT_TRUE(detectConflictsPairwise(cal, freezes, kNone).empty());
    EXPECT_TRUE(conflictsFor(cal[0], cal, freezes, kNone).empty());
}

TEST(Candidate, AChangeBeingEditedIsCheckedAgainstTheCalendarWithoutItsStoredSelf) {
    const auto deps = graph({{"fiks-io", "postgres-cluster"}});
    const std::vector<PlannedChange> cal{change(1, at(kMonday, 18), at(kMonday, 20), {"fiks-io"}),
                                         change(2, at(kMonday, 9), at(kMonday, 10), {"svarut"}),
                                         change(3, at(kMonday + days{1}, 18), at(kMonday + days{1}, 20), {"fiks-io"})};
    // Change 3 moved to Monday evening and onto the database.
    PlannedChange edited = change(3, at(kMonday, 19), at(kMonday, 21), {}, {"postgres-cluster"});
    const std::vector<Conflict> expected{{Kind::DependentTargets, {1, 3}, 0, "fiks-io", "postgres-cluster", {}}};
    EXPECT_EQ(conflictsFor(edited, cal, {}, deps), expected);
}

// ---------------------------------------------------------------------------------------------
// The sweep against the pairwise reference.

namespace {

struct RandomCalendar {
    Dependencies deps;
    std::vector<PlannedChange> changes;
    std::vector<FreezePeriod> freezes;
    ConflictRules rules;
};

// Dense on purpose: a dozen keys and a week, so every kind of conflict turns up often.
RandomCalendar randomCalendar(std::uint32_t seed, int n, bool uniqueIds) {
    std::mt19937 rng(seed);
    auto below = [&](int k) { return static_cast<int>(rng() % static_cast<std::uint32_t>(k)); };
    auto key = [&] { return below(6) == 0 ? "x" + std::to_string(below(2)) : "k" + std::to_string(below(10)); };
    RandomCalendar r;
    std::vector<Dependencies::Edge> edges;
    for (int e = 8 + below(7); e > 0; --e) edges.push_back({"k" + std::to_string(below(10)), "k" + std::to_string(below(10))});
    r.deps = Dependencies(edges);
    const CivilMinutes origin = at(kMonday, 0);
    for (int i = 0; i < n; ++i) {
        PlannedChange c;
        c.id = uniqueIds ? i + 1 : 1 + below(n / 2);
        c.start = origin + minutes{15 * below(7 * 96)};
        c.end = below(30) == 0 ? c.start - minutes{15 * below(3)} : c.start + minutes{15 * (1 + below(40))};
        for (int k = below(4); k > 0; --k) c.services.push_back(key());
        for (int k = below(3); k > 0; --k) c.components.push_back(key());
        c.emergency = below(5) == 0;
        if (below(2) == 0) c.freezeReason = below(4) == 0 ? " " : "Kritisk feilretting";
        r.changes.push_back(std::move(c));
    }
    for (int f = below(4); f > 0; --f) {
        FreezePeriod p;
        p.id = 100 + f;
        p.start = origin + minutes{60 * below(7 * 24)};
        p.end = below(10) == 0 ? p.start : p.start + minutes{60 * (1 + below(48))};
        p.scope = static_cast<Scope>(below(3));
        for (int k = 1 + below(2); k > 0; --k) p.keys.push_back(key());
        r.freezes.push_back(std::move(p));
    }
    r.rules.maxChangesPerDay = below(5);
    return r;
}

}  // namespace

TEST(Property, TheSweepFindsWhatComparingEveryPairFinds) {
    std::size_t total = 0;
    for (std::uint32_t seed = 1; seed <= 200; ++seed) {
        const auto r = randomCalendar(seed, 50, seed % 4 != 0);  // every fourth calendar repeats ids
        const auto sweep = detectConflicts(r.changes, r.freezes, r.deps, r.rules);
        ASSERT_EQ(sweep, detectConflictsPairwise(r.changes, r.freezes, r.deps, r.rules)) << "seed " << seed;
        total += sweep.size();
    }
    EXPECT_GT(total, 2000u);  // the calendars are not trivially quiet
}

TEST(Property, EveryKindTurnsUpInTheRandomCalendars) {
    std::vector<int> seen(5, 0);
    for (std::uint32_t seed = 1; seed <= 200; ++seed) {
        const auto r = randomCalendar(seed, 50, true);
        for (const auto& c : detectConflicts(r.changes, r.freezes, r.deps, r.rules)) ++seen[static_cast<int>(c.kind)];
    }
    for (int k = 0; k < 5; ++k) EXPECT_GT(seen[k], 20) << kindCode(static_cast<Kind>(k));
}

TEST(Property, ACandidateGetsItsShareOfTheWholeCalendarsConflicts) {
    for (std::uint32_t seed = 1; seed <= 40; ++seed) {
        const auto r = randomCalendar(seed, 50, true);
        const auto all = detectConflicts(r.changes, r.freezes, r.deps, r.rules);
        for (const auto& candidate : r.changes) {
            std::vector<Conflict> mine;
            for (const auto& c : all)
                if (std::find(c.changes.begin(), c.changes.end(), candidate.id) != c.changes.end()) mine.push_back(c);
            ASSERT_EQ(conflictsFor(candidate, r.changes, r.freezes, r.deps, r.rules), mine) << "seed " << seed << ", change " << candidate.id;
        }
    }
}
