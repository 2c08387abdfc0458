#include "collector/exposition/number.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace vakt::expo {

namespace {

bool equalsIgnoreCase(std::string_view a, std::string_view lowerB) {
    if (a.size() != lowerB.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char c = a[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != lowerB[i]) return false;
    }
    return true;
}

// [sign] (digits [. digits*] | . digits) [e [sign] digits]
bool isDecimal(std::string_view s) {
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    std::size_t digits = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
    if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
    }
    if (digits == 0) return false;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
        std::size_t expDigits = 0;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++expDigits;
        if (expDigits == 0) return false;
    }
    return i == s.size();
}

std::optional<double> convertDecimal(std::string_view s) {
    bool negative = false;
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
        negative = s[0] == '-';
        s.remove_prefix(1);
    }
    double v = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v, std::chars_format::general);
    if (ptr != s.data() + s.size()) return std::nullopt;
    if (ec == std::errc::result_out_of_range) {
        // Rare: decide between underflow (reads as zero or a denormal) and overflow (an error,
        // as in Go's ParseFloat) with strtod, which saturates to infinity on overflow.
        const std::string copy(s);
        v = std::strtod(copy.c_str(), nullptr);
        if (std::isinf(v)) return std::nullopt;
    } else if (ec != std::errc{}) {
        return std::nullopt;
    }
    return negative ? -v : v;
}

}  // namespace

// Clinger's fast path: up to 19 significant digits that fit 2^53 and a decimal exponent
// within ±22 convert exactly with one multiplication or division. Most exposition values
// (counters, small decimals) take it; everything else goes through from_chars.
static std::optional<double> fastDecimal(std::string_view s) {
    static constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    std::size_t i = 0;
    bool negative = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
    std::uint64_t mantissa = 0;
    int digits = 0, exponent = 0;
    bool any = false;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
        any = true;
        if (mantissa == 0 && s[i] == '0') {
            ++i;
            continue;
        }
        if (++digits > 19) return std::nullopt;
        mantissa = mantissa * 10 + static_cast<unsigned>(s[i++] - '0');
    }
    if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
            any = true;
            if (mantissa == 0 && s[i] == '0') {
                --exponent;
                ++i;
                continue;
            }
            if (++digits > 19) return std::nullopt;
            mantissa = mantissa * 10 + static_cast<unsigned>(s[i++] - '0');
            --exponent;
        }
    }
    if (!any) return std::nullopt;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        bool expNegative = false;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) expNegative = s[i++] == '-';
        int e = 0;
        bool expDigits = false;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
            expDigits = true;
            if (e < 10000) e = e * 10 + (s[i] - '0');
            ++i;
        }
        if (!expDigits) return std::nullopt;
        exponent += expNegative ? -e : e;
    }
    if (i != s.size() || mantissa > (std::uint64_t{1} << 53) || exponent < -22 || exponent > 22) return std::nullopt;
    double v = static_cast<double>(mantissa);
    v = exponent < 0 ? v / kPow10[-exponent] : v * kPow10[exponent];
    return negative ? -v : v;
}

std::optional<double> parseValue(std::string_view s) {
    if (s.empty()) return std::nullopt;
    if (s[0] >= '0' && s[0] <= '9')
        if (auto fast = fastDecimal(s)) return fast;
    if (equalsIgnoreCase(s, "nan")) return std::numeric_limits<double>::quiet_NaN();
    std::string_view rest = s;
    bool negative = false;
    if (rest[0] == '+' || rest[0] == '-') {
        negative = rest[0] == '-';
        rest.remove_prefix(1);
    }
    if (equalsIgnoreCase(rest, "inf") || equalsIgnoreCase(rest, "infinity"))
        return negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
    if (!isDecimal(s)) return std::nullopt;
    return convertDecimal(s);
}

std::optional<double> parseRealNumber(std::string_view s) {
    if (!s.empty() && s[0] >= '0' && s[0] <= '9')
        if (auto fast = fastDecimal(s)) return fast;
    if (!isDecimal(s)) return std::nullopt;
    return convertDecimal(s);
}

std::optional<std::int64_t> parseMillis(std::string_view s) {
    if (s.empty()) return std::nullopt;
    std::int64_t v = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || ptr != s.data() + s.size() || s[0] == '-') return std::nullopt;
    return v;
}

void appendValue(std::string& out, double v) {
    if (std::isnan(v)) {
        out += "NaN";
    } else if (std::isinf(v)) {
        out += v > 0 ? "+Inf" : "-Inf";
    } else {
        char buf[32];
        auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, v);
        out.append(buf, static_cast<std::size_t>(ptr - buf));
    }
}

std::string formatValue(double v) {
    std::string s;
    appendValue(s, v);
    return s;
}

}  // namespace vakt::expo
