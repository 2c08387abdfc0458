#pragma once
// Numbers in the exposition formats. Both formats take decimal floats (Go's ParseFloat syntax
// without hex floats or '_' separators, as Prometheus does) plus NaN and [+-]Inf(inity) in any
// case. Writing gives the shortest text that reads back to the same double.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vakt::expo {

// A float value; nullopt when the text is not a number or overflows.
std::optional<double> parseValue(std::string_view text);
// A finite decimal number (OpenMetrics timestamps in seconds): no NaN or Inf.
std::optional<double> parseRealNumber(std::string_view text);
// Prometheus 0.0.4 timestamps: unsigned decimal digits, milliseconds, must fit int64.
std::optional<std::int64_t> parseMillis(std::string_view text);

// Shortest round-tripping text; "NaN", "+Inf", "-Inf" for the specials.
std::string formatValue(double value);
void appendValue(std::string& out, double value);

}  // namespace vakt::expo
