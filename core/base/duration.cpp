#include "core/base/duration.h"

#include <algorithm>
#include <limits>
#include <utility>

namespace vakt {

Result<Duration> parseDuration(std::string_view text) {
    if (text.empty()) return fail("empty duration");
    if (text == "0") return Duration(0);
    struct Unit {
        std::string_view name;
        std::int64_t ms;
    };
    static constexpr Unit units[] = {{"y", 365LL * 24 * 3600 * 1000}, {"w", 7LL * 24 * 3600 * 1000}, {"d", 24LL * 3600 * 1000},
                                     {"h", 3600LL * 1000},            {"ms", 1},                     {"m", 60LL * 1000},
                                     {"s", 1000}};
    std::int64_t total = 0;
    std::size_t i = 0;
    int lastRank = -1;
    while (i < text.size()) {
        std::size_t start = i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
        if (i == start || i - start > 12) return fail("'" + std::string(text) + "' is not a duration (such as 30s, 1m30s, 2h)");
        const std::int64_t n = std::stoll(std::string(text.substr(start, i - start)));
        int rank = -1;
        for (int u = 0; u < 7; ++u) {
            const auto& unit = units[u];
            if (text.substr(i, unit.name.size()) == unit.name &&
                !(unit.name == "m" && i + 1 < text.size() && text[i + 1] == 's')) {
                rank = u == 4 ? 6 : (u > 4 ? u - 1 : u);  // order y w d h m s ms
                std::int64_t part = 0;
                if (__builtin_mul_overflow(n, unit.ms, &part) || __builtin_add_overflow(total, part, &total))
                    return fail("'" + std::string(text) + "' is too long a duration");
                i += unit.name.size();
                break;
            }
        }
        if (rank < 0 || rank <= lastRank) return fail("'" + std::string(text) + "' is not a duration (such as 30s, 1m30s, 2h)");
        lastRank = rank;
    }
    return Duration(total);
}

int timerMilliseconds(Duration d, int min) {
    return static_cast<int>(std::clamp<std::int64_t>(d.count(), min, std::numeric_limits<int>::max()));
}

std::string formatDuration(Duration d) {
    std::int64_t ms = d.count();
    if (ms == 0) return "0s";
    std::string out;
    for (auto [unit, size] : {std::pair{"h", 3600000LL}, {"m", 60000LL}, {"s", 1000LL}, {"ms", 1LL}}) {
        if (ms >= size) {
            out += std::to_string(ms / size) + unit;
            ms %= size;
        }
    }
    return out;
}

Result<std::uint64_t> parseSize(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    if (i == 0 || i > 15) return fail("'" + std::string(text) + "' is not a size (such as 512KB or 10MB)");
    const std::uint64_t n = std::stoull(std::string(text.substr(0, i)));
    const std::string_view unit = text.substr(i);
    static constexpr std::pair<std::string_view, std::uint64_t> units[] = {
        {"B", 1}, {"KB", 1ULL << 10}, {"MB", 1ULL << 20}, {"GB", 1ULL << 30}, {"TB", 1ULL << 40}};
    for (auto [name, factor] : units) {
        if (unit != name) continue;
        std::uint64_t bytes = 0;
        if (__builtin_mul_overflow(n, factor, &bytes)) return fail("'" + std::string(text) + "' is too large a size");
        return bytes;
    }
    return fail("'" + std::string(text) + "' is not a size (units B, KB, MB, GB, TB)");
}

}  // namespace vakt
