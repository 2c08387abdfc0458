#include "changes/change_calendar.h"

#include <algorithm>
#include <cstdio>
#include <queue>
#include <set>
#include <tuple>
#include <unordered_map>

namespace vakt::changes {

namespace {

using std::chrono::days;
using std::chrono::floor;
using std::chrono::minutes;
using std::chrono::sys_days;

using Row = std::span<const std::uint64_t>;

bool hasBit(Row row, std::uint32_t bit) { return (row[bit / 64] >> (bit % 64)) & 1u; }
void setBit(std::uint64_t* row, std::uint32_t bit) { row[bit / 64] |= std::uint64_t{1} << (bit % 64); }
bool intersects(Row a, Row b) {
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i] & b[i]) return true;
    return false;
}

bool valid(const PlannedChange& c) { return c.end > c.start; }
bool valid(const FreezePeriod& f) { return f.end > f.start; }
bool overlaps(CivilMinutes aStart, CivilMinutes aEnd, CivilMinutes bStart, CivilMinutes bEnd) { return aStart < bEnd && bStart < aEnd; }

// Only spaces is no reason: the minutes need words.
bool hasReason(const std::string& reason) { return reason.find_first_not_of(" \t\r\n") != std::string::npos; }

sys_days firstDay(const PlannedChange& c) { return floor<days>(c.start); }
// Half-open: a window ending at midnight does not touch the next day.
sys_days lastDay(const PlannedChange& c) { return floor<days>(c.end - minutes{1}); }

// The order of a pair and of a day's list: by start, then id, then place in the caller's list
// (ids should be unique, but the order must not depend on it).
using Rank = std::tuple<CivilMinutes, std::int64_t, std::size_t>;
Rank rank(const PlannedChange& c, std::size_t input) { return {c.start, c.id, input}; }

Conflict::Kind freezeKind(const PlannedChange& c) {
    return c.emergency && hasReason(c.freezeReason) ? Conflict::Kind::EmergencyInFreeze : Conflict::Kind::InFreeze;
}

std::string civil(CivilMinutes t) {
    const auto day = floor<days>(t);
    const std::chrono::year_month_day date{day};
    const long long minute = (t - day).count();
    char text[64];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u %02lld:%02lld", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                  static_cast<unsigned>(date.day()), minute / 60, minute % 60);
    return text;
}

std::optional<std::string> validateWindow(const std::string& who, CivilMinutes start, CivilMinutes end) {
    if (end < start) return who + ": window: ends " + civil(end) + " before it starts " + civil(start);
    if (end == start) return who + ": window: ends " + civil(end) + ", the minute it starts";
    return std::nullopt;
}

std::optional<std::string> validateKeys(const std::string& who, const char* field, const std::vector<std::string>& keys) {
    for (std::size_t i = 0; i < keys.size(); ++i)
        if (keys[i].empty()) return who + ": " + field + "[" + std::to_string(i) + "]: an empty key";
    return std::nullopt;
}

// A conflict with the time it sorts by.
struct Found {
    CivilMinutes at;
    Conflict conflict;
};

std::vector<Conflict> finish(std::vector<Found> found) {
    auto order = [](const Found& f) {
        const Conflict& c = f.conflict;
        return std::tie(f.at, c.kind, c.changes, c.freeze, c.day, c.key, c.otherKey);
    };
    std::sort(found.begin(), found.end(), [&](const Found& a, const Found& b) { return order(a) < order(b); });
    std::vector<Conflict> out;
    out.reserve(found.size());
    for (auto& f : found) out.push_back(std::move(f.conflict));
    return out;
}

Found pairConflict(Conflict::Kind kind, const PlannedChange& first, const PlannedChange& second, std::string key, std::string otherKey) {
    return {first.start, Conflict{kind, {first.id, second.id}, 0, std::move(key), std::move(otherKey), {}}};
}

Found freezeConflict(const PlannedChange& c, const FreezePeriod& f, std::string key, std::string otherKey) {
    return {c.start, Conflict{freezeKind(c), {c.id}, f.id, std::move(key), std::move(otherKey), {}}};
}

// Days on which more than `limit` windows are open, one conflict each, for days in [from, to].
// A sweep over the days where the count changes, so a long window costs nothing until a day
// it is on is crowded.
struct DayItem {
    sys_days first, last;
    Rank rank;
};

void crowdedDays(std::vector<DayItem> items, int limit, sys_days from, sys_days to, std::vector<Found>& out) {
    if (limit <= 0) return;
    std::sort(items.begin(), items.end(), [](const DayItem& a, const DayItem& b) { return a.first < b.first; });
    std::set<Rank> open;
    using Closing = std::pair<sys_days, Rank>;  // the last day it is open on
    std::priority_queue<Closing, std::vector<Closing>, std::greater<>> closing;
    std::size_t i = 0;
    while (i < items.size() || !closing.empty()) {
        sys_days day = i < items.size() ? items[i].first : sys_days::max();
        if (!closing.empty()) day = std::min(day, closing.top().first + days{1});
        while (!closing.empty() && closing.top().first < day) {
            open.erase(closing.top().second);
            closing.pop();
        }
        for (; i < items.size() && items[i].first == day; ++i) {
            open.insert(items[i].rank);
            closing.push({items[i].last, items[i].rank});
        }
        if (open.size() <= static_cast<std::size_t>(limit)) continue;
        // The same windows stay open until the next one opens or one closes.
        sys_days next = closing.top().first + days{1};
        if (i < items.size()) next = std::min(next, items[i].first);
        std::vector<std::int64_t> ids;
        ids.reserve(open.size());
        for (const Rank& r : open) ids.push_back(std::get<1>(r));
        for (sys_days d = std::max(day, from); d < next && d <= to; d += days{1})
            out.push_back({std::get<0>(*open.begin()), Conflict{Conflict::Kind::TooManyInDay, ids, 0, {}, {}, d}});
    }
}

// The calendar with keys as numbers: the dependency graph's keys keep their indices (so its bit
// rows apply), other keys get the numbers after them. Each change's keys are listed once, in its
// own order, and sorted; a change touching graph keys also has a row of them and a row of the
// keys related to them, so a pair is tested in a few words whatever the lists' lengths.
class Calendar {
public:
    explicit Calendar(const Dependencies& dependencies)
        : deps_(dependencies), graph_(static_cast<std::uint32_t>(dependencies.size())), words_(dependencies.words()) {}

    struct Change {
        const PlannedChange* change = nullptr;
        std::size_t input = 0;
        std::size_t keys = 0, count = 0;         // in keys_, then the same ids sorted in sorted_
        std::size_t rows = std::size_t(-1);      // in rows_: the graph keys it touches, then those related to them
    };

    struct Freeze {
        const FreezePeriod* freeze = nullptr;
        std::vector<std::uint32_t> keys;         // in its own order, once each
        std::vector<std::uint32_t> otherKeys;    // keys outside the graph, sorted
        std::vector<std::uint64_t> protects;     // graph keys: its own and what they depend on
    };

    std::size_t add(const PlannedChange& c, std::size_t input) {
        Change p{&c, input, keys_.size(), 0, std::size_t(-1)};
        auto take = [&](const std::string& name) {
            const std::uint32_t id = idOf(name);
            if (std::find(keys_.begin() + static_cast<std::ptrdiff_t>(p.keys), keys_.end(), id) == keys_.end()) keys_.push_back(id);
        };
        // Repeats are dropped with a sort when the list is long, so no list is quadratic.
        if (c.services.size() + c.components.size() <= 16) {
            for (const auto& s : c.services) take(s);
            for (const auto& s : c.components) take(s);
        } else {
            std::vector<std::pair<std::uint32_t, std::size_t>> seen;  // id, place
            for (const auto& s : c.services) seen.push_back({idOf(s), seen.size()});
            for (const auto& s : c.components) seen.push_back({idOf(s), seen.size()});
            std::stable_sort(seen.begin(), seen.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
            seen.erase(std::unique(seen.begin(), seen.end(), [](const auto& a, const auto& b) { return a.first == b.first; }), seen.end());
            std::sort(seen.begin(), seen.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
            for (const auto& [id, place] : seen) keys_.push_back(id);
        }
        p.count = keys_.size() - p.keys;
        sorted_.insert(sorted_.end(), keys_.begin() + static_cast<std::ptrdiff_t>(p.keys), keys_.end());
        std::sort(sorted_.begin() + static_cast<std::ptrdiff_t>(p.keys), sorted_.end());
        for (std::size_t k = p.keys; k < keys_.size(); ++k) {
            const std::uint32_t id = keys_[k];
            if (id >= graph_) continue;
            if (p.rows == std::size_t(-1)) {
                p.rows = rows_.size();
                rows_.resize(rows_.size() + 2 * words_, 0);
            }
            setBit(rows_.data() + p.rows, id);
            const Row related = deps_.relatedTo(id);
            for (std::size_t w = 0; w < words_; ++w) rows_[p.rows + words_ + w] |= related[w];
        }
        changes_.push_back(p);
        return changes_.size() - 1;
    }

    Freeze freeze(const FreezePeriod& f) {
        Freeze p{&f, {}, {}, std::vector<std::uint64_t>(words_, 0)};
        if (f.scope == FreezePeriod::Scope::All) return p;
        for (const auto& name : f.keys) {
            const std::uint32_t id = idOf(name);
            if (std::find(p.keys.begin(), p.keys.end(), id) != p.keys.end()) continue;
            p.keys.push_back(id);
            if (id >= graph_) {
                p.otherKeys.push_back(id);
                continue;
            }
            setBit(p.protects.data(), id);
            const Row reach = deps_.reaches(id);
            for (std::size_t w = 0; w < words_; ++w) p.protects[w] |= reach[w];
        }
        std::sort(p.otherKeys.begin(), p.otherKeys.end());
        return p;
    }

    const Change& change(std::size_t i) const { return changes_[i]; }
    std::size_t size() const { return changes_.size(); }

    // Two changes whose windows overlap, `first` ranked first.
    std::optional<Found> pair(const Change& first, const Change& second) const {
        const auto secondSorted = sortedOf(second);
        for (const std::uint32_t id : keysOf(first))
            if (std::binary_search(secondSorted.begin(), secondSorted.end(), id))
                return pairConflict(Conflict::Kind::SameTarget, *first.change, *second.change, name(id), {});
        if (first.rows == std::size_t(-1) || second.rows == std::size_t(-1)) return std::nullopt;
        const Row secondGraph = graphRow(second);
        if (!intersects(relatedRow(first), secondGraph)) return std::nullopt;
        for (const std::uint32_t id : keysOf(first)) {
            if (id >= graph_) continue;
            const Row related = deps_.relatedTo(id);
            if (!intersects(related, secondGraph)) continue;
            for (const std::uint32_t other : keysOf(second))
                if (other < graph_ && hasBit(related, other))
                    return pairConflict(Conflict::Kind::DependentTargets, *first.change, *second.change, name(id), name(other));
        }
        return std::nullopt;  // not reached: the rows said there is a related pair
    }

    // A change whose window overlaps the freeze's.
    std::optional<Found> inFreeze(const Change& c, const Freeze& f) const {
        if (f.freeze->scope == FreezePeriod::Scope::All) return freezeConflict(*c.change, *f.freeze, {}, {});
        for (const std::uint32_t id : keysOf(c)) {
            const bool frozen = id < graph_ ? hasBit(f.protects, id) : std::binary_search(f.otherKeys.begin(), f.otherKeys.end(), id);
            if (!frozen) continue;
            if (std::find(f.keys.begin(), f.keys.end(), id) != f.keys.end()) return freezeConflict(*c.change, *f.freeze, name(id), {});
            for (const std::uint32_t by : f.keys)
                if (by < graph_ && hasBit(deps_.reaches(by), id)) return freezeConflict(*c.change, *f.freeze, name(id), name(by));
        }
        return std::nullopt;
    }

private:
    std::uint32_t idOf(const std::string& name) {
        if (auto i = deps_.indexOf(name)) return *i;
        const auto [at, added] = others_.try_emplace(name, graph_ + static_cast<std::uint32_t>(otherNames_.size()));
        if (added) otherNames_.push_back(name);
        return at->second;
    }
    std::string name(std::uint32_t id) const { return id < graph_ ? deps_.key(id) : std::string(otherNames_[id - graph_]); }

    std::span<const std::uint32_t> keysOf(const Change& c) const { return {keys_.data() + c.keys, c.count}; }
    std::span<const std::uint32_t> sortedOf(const Change& c) const { return {sorted_.data() + c.keys, c.count}; }
    Row graphRow(const Change& c) const { return {rows_.data() + c.rows, words_}; }
    Row relatedRow(const Change& c) const { return {rows_.data() + c.rows + words_, words_}; }

    const Dependencies& deps_;
    std::uint32_t graph_;
    std::size_t words_;
    std::unordered_map<std::string_view, std::uint32_t> others_;  // views into the caller's strings
    std::vector<std::string_view> otherNames_;
    std::vector<std::uint32_t> keys_, sorted_;
    std::vector<std::uint64_t> rows_;
    std::vector<Change> changes_;
};

DayItem dayItem(const PlannedChange& c, std::size_t input) { return {firstDay(c), lastDay(c), rank(c, input)}; }

}  // namespace

// ---------------------------------------------------------------------------------------------
// Dependencies

Dependencies::Dependencies(std::span<const Edge> dependsOn) {
    auto number = [&](const std::string& key) {
        const auto [at, added] = index_.try_emplace(key, static_cast<std::uint32_t>(keys_.size()));
        if (added) keys_.push_back(key);
        return at->second;
    };
    std::vector<std::vector<std::uint32_t>> next;
    for (const auto& [from, to] : dependsOn) {
        const auto a = number(from), b = number(to);
        next.resize(keys_.size());
        next[a].push_back(b);
    }
    const std::size_t n = keys_.size();
    words_ = (n + 63) / 64;
    reach_.assign(n * words_, 0);
    related_.assign(n * words_, 0);
    // A search from every key, marking as it goes: the row is its own visited set, so a cycle
    // ends the walk instead of repeating it.
    std::vector<std::uint32_t> stack;
    for (std::uint32_t from = 0; from < n; ++from) {
        std::uint64_t* row = reach_.data() + from * words_;
        stack.assign(1, from);
        while (!stack.empty()) {
            const std::uint32_t at = stack.back();
            stack.pop_back();
            for (const std::uint32_t to : next[at])
                if (!hasBit({row, words_}, to)) {
                    setBit(row, to);
                    stack.push_back(to);
                }
        }
    }
    for (std::uint32_t a = 0; a < n; ++a) {
        setBit(related_.data() + a * words_, a);
        for (std::uint32_t b = 0; b < n; ++b)
            if (hasBit(reaches(a), b)) {
                setBit(related_.data() + a * words_, b);
                setBit(related_.data() + b * words_, a);
            }
    }
}

std::optional<std::uint32_t> Dependencies::indexOf(std::string_view key) const {
    const auto at = index_.find(key);
    if (at == index_.end()) return std::nullopt;
    return at->second;
}

std::span<const std::uint64_t> Dependencies::reaches(std::uint32_t index) const { return {reach_.data() + index * words_, words_}; }
std::span<const std::uint64_t> Dependencies::relatedTo(std::uint32_t index) const { return {related_.data() + index * words_, words_}; }

bool Dependencies::dependsOn(std::string_view from, std::string_view to) const {
    const auto a = indexOf(from), b = indexOf(to);
    return a && b && hasBit(reaches(*a), *b);
}

bool Dependencies::related(std::string_view a, std::string_view b) const {
    if (a == b) return true;
    const auto i = indexOf(a), j = indexOf(b);
    return i && j && hasBit(relatedTo(*i), *j);
}

// ---------------------------------------------------------------------------------------------
// Validation

std::string_view kindCode(Conflict::Kind kind) {
    switch (kind) {
        case Conflict::Kind::SameTarget: return "same-target";
        case Conflict::Kind::DependentTargets: return "dependent-targets";
        case Conflict::Kind::InFreeze: return "in-freeze";
        case Conflict::Kind::EmergencyInFreeze: return "emergency-in-freeze";
        case Conflict::Kind::TooManyInDay: return "too-many-in-day";
    }
    return "unknown";
}

std::optional<std::string> validate(const PlannedChange& c) {
    const std::string who = "change " + std::to_string(c.id);
    if (auto bad = validateWindow(who, c.start, c.end)) return bad;
    // A change window of years is a mistyped year, and would put the change on every day of them.
    if (c.end - c.start > days{366}) return who + ": window: " + civil(c.start) + " to " + civil(c.end) + " is longer than a year";
    if (c.services.empty() && c.components.empty()) return who + ": services, components: names no service or component";
    if (auto bad = validateKeys(who, "services", c.services)) return bad;
    return validateKeys(who, "components", c.components);
}

std::optional<std::string> validate(const FreezePeriod& f) {
    const std::string who = "freeze " + std::to_string(f.id) + (f.name.empty() ? "" : " (" + f.name + ")");
    if (auto bad = validateWindow(who, f.start, f.end)) return bad;
    if (f.scope != FreezePeriod::Scope::All && f.keys.empty())
        return who + ": keys: names no " + (f.scope == FreezePeriod::Scope::Services ? "service" : "component");
    return validateKeys(who, "keys", f.keys);
}

// ---------------------------------------------------------------------------------------------
// Detection

std::vector<Conflict> detectConflicts(std::span<const PlannedChange> changes, std::span<const FreezePeriod> freezes,
                                      const Dependencies& dependencies, const ConflictRules& rules) {
    Calendar calendar(dependencies);
    std::vector<std::size_t> order;  // changes in calendar, ranked
    std::vector<DayItem> dayItems;
    for (std::size_t i = 0; i < changes.size(); ++i)
        if (valid(changes[i])) {
            order.push_back(calendar.add(changes[i], i));
            dayItems.push_back(dayItem(changes[i], i));
        }
    auto rankOf = [&](std::size_t c) { return rank(*calendar.change(c).change, calendar.change(c).input); };
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return rankOf(a) < rankOf(b); });
    std::vector<Calendar::Freeze> frozen;
    for (const auto& f : freezes)
        if (valid(f)) frozen.push_back(calendar.freeze(f));
    std::sort(frozen.begin(), frozen.end(), [](const auto& a, const auto& b) { return a.freeze->start < b.freeze->start; });

    // One pass over changes and freezes by start. Whatever is still open when another starts
    // overlaps it, so each overlapping pair is met once, by the later of the two.
    std::vector<Found> found;
    std::vector<std::size_t> openChanges, openFreezes;
    auto endOf = [&](std::size_t c) { return calendar.change(c).change->end; };
    auto visitOpen = [](std::vector<std::size_t>& open, CivilMinutes now, auto end, auto visit) {
        std::size_t keep = 0;
        for (const std::size_t x : open)
            if (end(x) > now) {
                open[keep++] = x;
                visit(x);
            }
        open.resize(keep);
    };
    std::size_t c = 0, f = 0;
    while (c < order.size() || f < frozen.size()) {
        if (c < order.size() && (f == frozen.size() || calendar.change(order[c]).change->start <= frozen[f].freeze->start)) {
            const auto& now = calendar.change(order[c]);
            visitOpen(openChanges, now.change->start, endOf, [&](std::size_t earlier) {
                if (auto x = calendar.pair(calendar.change(earlier), now)) found.push_back(std::move(*x));
            });
            visitOpen(openFreezes, now.change->start, [&](std::size_t i) { return frozen[i].freeze->end; }, [&](std::size_t i) {
                if (auto x = calendar.inFreeze(now, frozen[i])) found.push_back(std::move(*x));
            });
            openChanges.push_back(order[c++]);
        } else {
            const auto& now = frozen[f];
            visitOpen(openChanges, now.freeze->start, endOf, [&](std::size_t open) {
                if (auto x = calendar.inFreeze(calendar.change(open), now)) found.push_back(std::move(*x));
            });
            openFreezes.push_back(f++);
        }
    }
    crowdedDays(std::move(dayItems), rules.maxChangesPerDay, sys_days::min(), sys_days::max(), found);
    return finish(std::move(found));
}

std::vector<Conflict> conflictsFor(const PlannedChange& candidate, std::span<const PlannedChange> others,
                                   std::span<const FreezePeriod> freezes, const Dependencies& dependencies, const ConflictRules& rules) {
    if (!valid(candidate)) return {};
    Calendar calendar(dependencies);
    const std::size_t self = calendar.add(candidate, others.size());
    const Rank selfRank = rank(candidate, others.size());
    const sys_days from = firstDay(candidate), to = lastDay(candidate);
    std::vector<Found> found;
    std::vector<DayItem> dayItems{dayItem(candidate, others.size())};
    for (std::size_t i = 0; i < others.size(); ++i) {
        const PlannedChange& o = others[i];
        if (!valid(o) || o.id == candidate.id) continue;
        if (firstDay(o) <= to && lastDay(o) >= from) dayItems.push_back(dayItem(o, i));
        if (!overlaps(candidate.start, candidate.end, o.start, o.end)) continue;
        const std::size_t other = calendar.add(o, i);
        const bool first = selfRank < rank(o, i);
        auto x = first ? calendar.pair(calendar.change(self), calendar.change(other)) : calendar.pair(calendar.change(other), calendar.change(self));
        if (x) found.push_back(std::move(*x));
    }
    for (const auto& f : freezes)
        if (valid(f) && overlaps(candidate.start, candidate.end, f.start, f.end))
            if (auto x = calendar.inFreeze(calendar.change(self), calendar.freeze(f))) found.push_back(std::move(*x));
    crowdedDays(std::move(dayItems), rules.maxChangesPerDay, from, to, found);
    return finish(std::move(found));
}

// ---------------------------------------------------------------------------------------------
// The reference: nothing precomputed, names compared as they are written.

std::vector<Conflict> detectConflictsPairwise(std::span<const PlannedChange> changes, std::span<const FreezePeriod> freezes,
                                              const Dependencies& dependencies, const ConflictRules& rules) {
    auto keysOf = [](const PlannedChange& c) {
        std::vector<std::string> all = c.services;
        all.insert(all.end(), c.components.begin(), c.components.end());
        return all;
    };
    std::vector<Found> found;
    for (std::size_t i = 0; i < changes.size(); ++i)
        for (std::size_t j = i + 1; j < changes.size(); ++j) {
            const PlannedChange *a = &changes[i], *b = &changes[j];
            if (!valid(*a) || !valid(*b) || !overlaps(a->start, a->end, b->start, b->end)) continue;
            if (rank(*b, j) < rank(*a, i)) std::swap(a, b);
            const auto aKeys = keysOf(*a), bKeys = keysOf(*b);
            std::optional<Found> x;
            for (const auto& k : aKeys)
                if (!x && std::find(bKeys.begin(), bKeys.end(), k) != bKeys.end())
                    x = pairConflict(Conflict::Kind::SameTarget, *a, *b, k, {});
            for (const auto& k : aKeys)
                for (const auto& other : bKeys)
                    if (!x && dependencies.related(k, other)) x = pairConflict(Conflict::Kind::DependentTargets, *a, *b, k, other);
            if (x) found.push_back(std::move(*x));
        }
    for (const auto& c : changes)
        for (const auto& f : freezes) {
            if (!valid(c) || !valid(f) || !overlaps(c.start, c.end, f.start, f.end)) continue;
            if (f.scope == FreezePeriod::Scope::All) {
                found.push_back(freezeConflict(c, f, {}, {}));
                continue;
            }
            std::optional<Found> x;
            for (const auto& k : keysOf(c)) {
                if (x) break;
                if (std::find(f.keys.begin(), f.keys.end(), k) != f.keys.end()) {
                    x = freezeConflict(c, f, k, {});
                    break;
                }
                for (const auto& by : f.keys)
                    if (!x && dependencies.dependsOn(by, k)) x = freezeConflict(c, f, k, by);
            }
            if (x) found.push_back(std::move(*x));
        }
    if (rules.maxChangesPerDay > 0) {
        std::map<sys_days, std::vector<Rank>> byDay;
        for (std::size_t i = 0; i < changes.size(); ++i)
            if (valid(changes[i]))
                for (sys_days d = firstDay(changes[i]); d <= lastDay(changes[i]); d += days{1}) byDay[d].push_back(rank(changes[i], i));
        for (auto& [day, ranks] : byDay) {
            if (ranks.size() <= static_cast<std::size_t>(rules.maxChangesPerDay)) continue;
            std::sort(ranks.begin(), ranks.end());
            std::vector<std::int64_t> ids;
            for (const Rank& r : ranks) ids.push_back(std::get<1>(r));
            found.push_back({std::get<0>(ranks.front()), Conflict{Conflict::Kind::TooManyInDay, ids, 0, {}, {}, day}});
        }
    }
    return finish(std::move(found));
}

}  // namespace vakt::changes
