#pragma once
// The change advisory board's calendar: planned changes checked against each other (the same
// or dependent services and components in overlapping windows), against freeze periods and
// against a daily limit, for a year of some thousands of changes. Plain C++.
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vakt::changes {

// A wall-clock time in the platform's own zone (Europe/Oslo) counted as if it were UTC: the Qt
// edge converts, and a civil day is floor<days>. Windows are compared in civil time, as the board
// reads them; the hour repeated when clocks go back is not told apart.
using CivilMinutes = std::chrono::sys_time<std::chrono::minutes>;

// Services and components are keys of one catalogue (no service shares a key with a component).
struct PlannedChange {
    std::int64_t id = 0;
    CivilMinutes start{}, end{};  // half-open [start, end), end after start
    std::vector<std::string> services;
    std::vector<std::string> components;
    bool emergency = false;
    std::string freezeReason;  // why an emergency change may go ahead in a freeze
};

struct FreezePeriod {
    enum class Scope { All, Services, Components };
    std::int64_t id = 0;
    std::string name;
    CivilMinutes start{}, end{};  // half-open
    Scope scope = Scope::All;
    std::vector<std::string> keys;  // the frozen services or components; unused for All
};

// "a depends on b" between catalogue keys, closed transitively once so every question is a bit
// test. Cycles are allowed (a catalogue can be wrong) and only make their keys reach each other.
// Meant for a catalogue of some hundreds of keys: the closure takes keys² bits twice.
struct Dependencies {
    using Edge = std::pair<std::string, std::string>;  // first depends on second

    Dependencies() = default;
    explicit Dependencies(std::span<const Edge> dependsOn);

    // `from` depends on `to` through one or more edges.
    bool dependsOn(std::string_view from, std::string_view to) const;
    // Equal, or one depends on the other. Two users of the same database are not related.
    bool related(std::string_view a, std::string_view b) const;
    std::size_t size() const { return keys_.size(); }

    // For the detector: keys named in edges are numbered 0..size()-1, and each has two rows of
    // words() 64-bit words, one bit per key.
    std::optional<std::uint32_t> indexOf(std::string_view key) const;
    const std::string& key(std::uint32_t index) const { return keys_[index]; }
    std::size_t words() const { return words_; }
    std::span<const std::uint64_t> reaches(std::uint32_t index) const;    // what it depends on
    std::span<const std::uint64_t> relatedTo(std::uint32_t index) const;  // itself, what it depends on, what depends on it

private:
    std::map<std::string, std::uint32_t, std::less<>> index_;
    std::vector<std::string> keys_;
    std::size_t words_ = 0;
    std::vector<std::uint64_t> reach_, related_;  // size() rows each
};

struct ConflictRules {
    int maxChangesPerDay = 3;  // 0 or less: no daily limit
};

struct Conflict {
    enum class Kind { SameTarget, DependentTargets, InFreeze, EmergencyInFreeze, TooManyInDay };
    Kind kind = Kind::SameTarget;
    // A pair: the one starting first (then the lower id) first. A day: all of them, in the order
    // they start. A freeze: the one change.
    std::vector<std::int64_t> changes;
    std::int64_t freeze = 0;  // InFreeze, EmergencyInFreeze
    // SameTarget: the shared key, the first in the first change's list (services, then
    // components). DependentTargets: a key of the first change and a related key of the second.
    // A freeze: the change's frozen key, and in otherKey the freeze's key that depends on it when
    // it is frozen only through a dependency (both empty for a freeze of everything).
    std::string key, otherKey;
    std::chrono::sys_days day{};  // TooManyInDay

    friend bool operator==(const Conflict&, const Conflict&) = default;
};

// "same-target", "dependent-targets", "in-freeze", "emergency-in-freeze", "too-many-in-day":
// for logs and exports.
std::string_view kindCode(Conflict::Kind kind);

// A message naming the change and the field, or nothing when the change can be checked:
// "change 17: window: ends 2026-03-01 10:00 before it starts 2026-03-01 12:00".
std::optional<std::string> validate(const PlannedChange& change);
std::optional<std::string> validate(const FreezePeriod& freeze);

// Every conflict in the calendar, sorted by the earliest start of the changes in it, then kind,
// then ids. A pair of changes gives one conflict: SameTarget when they share a key, else
// DependentTargets when they touch related keys.
//
// Freezes follow dependencies downwards: a freeze protects its keys and everything they depend
// on, transitively, since changing what a frozen service stands on can take it down; a change to
// something that depends on a frozen key is not in the freeze, as it cannot break it. Services
// and Components scopes match the same way, against all the keys a change touches; All takes
// every change. An emergency change with a reason is reported as EmergencyInFreeze (allowed, but
// the minutes show it); without one, as any other change in a freeze.
//
// A day counts every change whose window touches it, so one crossing midnight counts on both
// days and one ending at 00:00 only on the first.
//
// Sorts by start and sweeps with the set of windows still open: time is n log n plus the pairs
// of overlapping windows and the conflicts found, never every pair. A pair costs a binary search
// per key of the first change and a few words of bits; key lists are taken without repeats.
// Changes and freezes that end before they start are skipped (validate() names them).
std::vector<Conflict> detectConflicts(std::span<const PlannedChange> changes, std::span<const FreezePeriod> freezes,
                                      const Dependencies& dependencies, const ConflictRules& rules = {});

// The conflicts one change being edited would have with the calendar: those of detectConflicts
// over the calendar with the candidate in it that involve the candidate. A change in `others`
// with the candidate's id is its stored version and is left out. Linear in the calendar.
std::vector<Conflict> conflictsFor(const PlannedChange& candidate, std::span<const PlannedChange> others,
                                   std::span<const FreezePeriod> freezes, const Dependencies& dependencies,
                                   const ConflictRules& rules = {});

// The reference: every pair of changes and every change against every freeze, key lists compared
// by name. Quadratic; the tests' oracle and the benchmark's anchor, not for callers.
std::vector<Conflict> detectConflictsPairwise(std::span<const PlannedChange> changes, std::span<const FreezePeriod> freezes,
                                              const Dependencies& dependencies, const ConflictRules& rules = {});

}  // namespace vakt::changes
