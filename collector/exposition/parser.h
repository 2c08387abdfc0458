#pragma once
// Parsers for the Prometheus text format 0.0.4 and OpenMetrics 1.0 text. Plain C++, no I/O.
//
// Zero copy: names, label values and help texts are views into the caller's buffer, which must
// outlive the result. Label values and help texts stay escaped; unescape() decodes one when it
// is needed. Samples, labels and families live in three flat vectors, so parsing allocates
// only as those grow, never per sample.
//
// OpenMetrics is checked as strictly as the specification and its official conformance suite
// demand; 0.0.4 accepts and rejects what Prometheus's own scrape parser does.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vakt::expo {

enum class Format { Prometheus004, OpenMetrics100 };
enum class MetricType { Unknown, Counter, Gauge, Histogram, GaugeHistogram, Summary, Info, StateSet };

std::string_view metricTypeName(MetricType type);
// From an HTTP Content-Type: OpenMetrics for application/openmetrics-text, else 0.0.4 (as
// Prometheus falls back to the classic text format).
Format formatFromContentType(std::string_view contentType);

struct Label {
    std::string_view name;
    std::string_view value;  // escaped, without the quotes
};

struct Sample {
    std::string_view name;  // the sample's own name, e.g. http_requests_total
    std::uint32_t firstLabel = 0;
    std::uint32_t labelCount = 0;
    std::uint32_t family = 0;  // index into ParseResult::families
    std::uint32_t line = 0;
    double value = 0;
    bool hasTimestamp = false;
    // Milliseconds since the epoch (OpenMetrics seconds are converted).
    std::int64_t timestampMs = 0;
    bool hasExemplar = false;
    std::uint32_t exemplar = 0;  // index into ParseResult::exemplars
};

struct Exemplar {
    std::uint32_t firstLabel = 0;
    std::uint32_t labelCount = 0;
    double value = 0;
    bool hasTimestamp = false;
    double timestamp = 0;  // seconds
};

struct Family {
    std::string_view name;
    MetricType type = MetricType::Unknown;
    std::string_view help;  // escaped
    std::string_view unit;
    bool hasHelp = false;
    bool hasType = false;
    bool hasUnit = false;
};

struct ParseResult {
    std::vector<Family> families;
    std::vector<Sample> samples;
    std::vector<Label> labels;
    std::vector<Exemplar> exemplars;
};

struct ParseError {
    int line = 0;
    int column = 0;
    std::string reason;
    std::string message() const;  // "line:column: reason"
};

struct ParseLimits {
    std::size_t maxSamples = 0;           // 0: no limit (Prometheus's sample_limit)
    std::size_t maxLabelsPerSample = 0;   // 0: no limit (label_limit)
    std::size_t maxLabelNameLength = 0;   // 0: no limit (label_name_length_limit), in bytes
    std::size_t maxLabelValueLength = 0;  // 0: no limit (label_value_length_limit), in bytes
};

struct ParseResult;
struct Sample;
// The value of a sample's label, or empty when it has none.
std::string_view labelValue(const ParseResult& result, const Sample& sample, std::string_view name);

// Fills `out` (cleared first, capacity kept, so a scraper can reuse it). Returns false and sets
// `error` on the first problem; `out` then holds what came before it.
bool parse(std::string_view body, Format format, ParseResult& out, ParseError& error, const ParseLimits& limits = {});

// Decodes a label value (\\ \" \n) or help text (\\ \n, and \" in OpenMetrics); other
// backslash sequences are kept as they are, as both formats allow.
std::string unescape(std::string_view escaped);

}  // namespace vakt::expo
