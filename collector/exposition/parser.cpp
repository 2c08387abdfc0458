#include "collector/exposition/parser.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <string>
#include <unordered_map>
#include <utility>

#include "collector/exposition/key_table.h"
#include "collector/exposition/number.h"

namespace vakt::expo {

std::string_view labelValue(const ParseResult& r, const Sample& s, std::string_view name) {
    for (std::uint32_t i = s.firstLabel; i < s.firstLabel + s.labelCount; ++i)
        if (r.labels[i].name == name) return r.labels[i].value;
    return {};
}

std::string_view metricTypeName(MetricType t) {
    switch (t) {
        case MetricType::Unknown: return "unknown";
        case MetricType::Counter: return "counter";
        case MetricType::Gauge: return "gauge";
        case MetricType::Histogram: return "histogram";
        case MetricType::GaugeHistogram: return "gaugehistogram";
        case MetricType::Summary: return "summary";
        case MetricType::Info: return "info";
        case MetricType::StateSet: return "stateset";
    }
    return "unknown";
}

Format formatFromContentType(std::string_view ct) {
    const auto semi = ct.find(';');
    std::string_view media = ct.substr(0, semi);
    while (!media.empty() && (media.back() == ' ' || media.back() == '\t')) media.remove_suffix(1);
    while (!media.empty() && (media.front() == ' ' || media.front() == '\t')) media.remove_prefix(1);
    std::string lower(media);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower == "application/openmetrics-text" ? Format::OpenMetrics100 : Format::Prometheus004;
}

std::string ParseError::message() const { return std::to_string(line) + ":" + std::to_string(column) + ": " + reason; }

std::string unescape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            const char n = s[i + 1];
            if (n == '\\' || n == '"') {
                out += n;
                ++i;
                continue;
            }
            if (n == 'n') {
                out += '\n';
                ++i;
                continue;
            }
        }
        out += s[i];
    }
    return out;
}

namespace {

// Character classes by table lookup: name scanning is the parser's hottest loop.
enum : std::uint8_t { kLabelStart = 1, kLabelChar = 2, kNameStart = 4, kNameChar = 8 };
constexpr std::array<std::uint8_t, 256> makeClasses() {
    std::array<std::uint8_t, 256> t{};
    for (int c = 0; c < 256; ++c) {
        const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        const bool digit = c >= '0' && c <= '9';
        std::uint8_t v = 0;
        if (alpha) v |= kLabelStart | kLabelChar | kNameStart | kNameChar;
        if (digit) v |= kLabelChar | kNameChar;
        if (c == ':') v |= kNameStart | kNameChar;
        t[static_cast<std::size_t>(c)] = v;
    }
    return t;
}
constexpr auto kClasses = makeClasses();
inline bool is(char c, std::uint8_t cls) { return kClasses[static_cast<unsigned char>(c)] & cls; }
bool isNameStart(char c) { return is(c, kNameStart); }
bool isNameChar(char c) { return is(c, kNameChar); }
bool isLabelStart(char c) { return is(c, kLabelStart); }
bool isLabelChar(char c) { return is(c, kLabelChar); }

bool validUtf8(std::string_view s) {
    std::size_t i = 0;
    // Label values are nearly always ASCII: check eight bytes at a time first.
    while (i + 8 <= s.size()) {
        std::uint64_t word;
        std::memcpy(&word, s.data() + i, 8);
        if (word & 0x8080808080808080ull) break;
        i += 8;
    }
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t n;
        std::uint32_t cp;
        if (c >= 0xC2 && c <= 0xDF) n = 2, cp = c & 0x1F;
        else if (c >= 0xE0 && c <= 0xEF) n = 3, cp = c & 0x0F;
        else if (c >= 0xF0 && c <= 0xF4) n = 4, cp = c & 0x07;
        else return false;
        if (i + n > s.size()) return false;
        for (std::size_t k = 1; k < n; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += n;
    }
    return true;
}

std::size_t codePoints(std::string_view s) {
    std::size_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

std::uint64_t hashBytes(std::string_view s, std::uint64_t h = 1469598103934665603ull) {
    for (char c : s) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ull;
    }
    return h;
}
std::uint64_t mix(std::uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}
bool endsWith(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Base class: buffer, position, line bookkeeping and result storage.
class ParserBase {
public:
    ParserBase(std::string_view in, ParseResult& out, ParseError& err, const ParseLimits& limits)
        : in_(in), out_(out), err_(err), limits_(limits) {
        out_.families.clear();
        out_.samples.clear();
        out_.labels.clear();
        out_.exemplars.clear();
        // A sample line is rarely shorter than 40 bytes; reserving up front saves the copies
        // and page faults of repeated growth on large responses.
        out_.samples.reserve(in.size() / 48);
        out_.labels.reserve(in.size() / 24);
    }

protected:
    std::string_view in_;
    ParseResult& out_;
    ParseError& err_;
    const ParseLimits& limits_;
    std::size_t pos_ = 0;
    int line_ = 1;
    std::size_t lineStart_ = 0;

    bool failAt(std::size_t at, std::string reason) {
        if (at < lineStart_) {
            // A place on an earlier line (a label value may span lines in 0.0.4).
            err_.line = 1;
            std::size_t start = 0;
            for (std::size_t i = 0; i < at; ++i)
                if (in_[i] == '\n') ++err_.line, start = i + 1;
            err_.column = static_cast<int>(at - start) + 1;
            err_.reason = std::move(reason);
            return false;
        }
        err_.line = line_;
        err_.column = static_cast<int>(at - lineStart_) + 1;
        err_.reason = std::move(reason);
        return false;
    }
    void newLine(std::size_t next) {
        ++line_;
        lineStart_ = next;
    }
    bool checkSampleLimit(std::size_t at) {
        if (limits_.maxSamples && out_.samples.size() >= limits_.maxSamples)
            return failAt(at, "sample limit of " + std::to_string(limits_.maxSamples) + " exceeded");
        return true;
    }
    bool checkLabelLength(std::size_t at, std::string_view name, std::string_view value) {
        if (limits_.maxLabelNameLength && name.size() > limits_.maxLabelNameLength)
            return failAt(at, "a label name is longer than the label_name_length_limit of " + std::to_string(limits_.maxLabelNameLength));
        if (limits_.maxLabelValueLength && value.size() > limits_.maxLabelValueLength)
            return failAt(at, "label \"" + std::string(name) + "\" has a value longer than the label_value_length_limit of " +
                                  std::to_string(limits_.maxLabelValueLength));
        return true;
    }
    bool checkLabelLimit(std::size_t at, std::size_t count) {
        if (limits_.maxLabelsPerSample && count > limits_.maxLabelsPerSample)
            return failAt(at, "more than " + std::to_string(limits_.maxLabelsPerSample) + " labels on one sample");
        return true;
    }
    // True when a label name repeats among labels [first, end).
    // Whether the sample that starts at label `first` already has `name`. The usual handful are
    // compared one by one; a hostile target sending thousands goes through a set, so a label set
    // costs linear time, not quadratic.
    bool duplicateLabel(std::uint32_t first, std::string_view name) {
        const std::size_t count = out_.labels.size() - first;
        if (count < 32) {
            for (std::size_t i = first; i < out_.labels.size(); ++i)
                if (out_.labels[i].name == name) return true;
            return false;
        }
        const auto& labels = out_.labels;
        if (namesFirst_ != first || labelNames_.size() != count) {
            labelNames_.clear();
            for (std::size_t i = first; i < labels.size(); ++i)
                labelNames_.insertUnless(std::hash<std::string_view>{}(labels[i].name), static_cast<std::uint32_t>(i),
                                         [](std::uint32_t) { return false; });
            namesFirst_ = first;
        }
        // The name goes in under the index it is about to get.
        return !labelNames_.insertUnless(std::hash<std::string_view>{}(name), static_cast<std::uint32_t>(labels.size()),
                                         [&](std::uint32_t i) { return labels[i].name == name; });
    }
    KeyTable labelNames_;
    std::uint32_t namesFirst_ = 0;
};

// ---------------------------------------------------------------------------------------------
// Prometheus text format 0.0.4, with the acceptance rules of Prometheus's scrape parser
// (textparse/promparse): blank lines, free comments, spaces and tabs between tokens, a trailing
// comma in label sets, integer millisecond timestamps, and a final line break required.
class PromParser : ParserBase {
public:
    using ParserBase::ParserBase;

    bool run() {
        for (;;) {
            if (pos_ >= in_.size() || in_[pos_] == '\0') return true;
            skipSpace();
            if (pos_ >= in_.size()) return true;
            const char c = in_[pos_];
            if (c == '\n') {
                ++pos_;
                newLine(pos_);
                continue;
            }
            if (c == '#') {
                if (!comment()) return false;
                if (done_) return true;
                continue;
            }
            if (!isNameStart(c)) return failAt(pos_, std::string("expected a metric name, found '") + printable(c) + "'");
            if (!sample()) return false;
        }
    }

private:
    bool done_ = false;
    std::unordered_map<std::string_view, std::uint32_t> familyIndex_{256};
    std::uint32_t lastFamily_ = UINT32_MAX;

    static std::string printable(char c) {
        if (c == '\n') return "\\n";
        if (static_cast<unsigned char>(c) < 0x20) return "\\x" + std::to_string(static_cast<unsigned char>(c));
        return std::string(1, c);
    }
    // Hot loops work on locals: a member position would be stored back on every character.
    void skipSpace() {
        std::size_t p = pos_;
        const std::size_t n = in_.size();
        const char* d = in_.data();
        while (p < n && (d[p] == ' ' || d[p] == '\t')) ++p;
        pos_ = p;
    }
    std::size_t lineEnd(std::size_t from) const {
        const auto nl = in_.find('\n', from);
        return nl == std::string_view::npos ? in_.size() : nl;
    }
    std::string_view name(std::size_t& position) const {
        const std::size_t start = position;
        std::size_t p = position;
        const std::size_t n = in_.size();
        const char* d = in_.data();
        if (p < n && isNameStart(d[p])) {
            ++p;
            while (p < n && isNameChar(d[p])) ++p;
        }
        position = p;
        return in_.substr(start, p - start);
    }

    std::uint32_t family(std::string_view familyName) {
        // HELP and TYPE of one family come together.
        if (!out_.families.empty() && out_.families.back().name == familyName) return static_cast<std::uint32_t>(out_.families.size() - 1);
        auto it = familyIndex_.find(familyName);
        if (it != familyIndex_.end()) return it->second;
        Family f;
        f.name = familyName;
        out_.families.push_back(f);
        const auto index = static_cast<std::uint32_t>(out_.families.size() - 1);
        familyIndex_.emplace(familyName, index);
        return index;
    }

    // The family a sample belongs to: its own name, or the histogram/summary it is part of.
    std::uint32_t familyOfSample(std::string_view sampleName) {
        if (lastFamily_ != UINT32_MAX) {
            // Samples come in family order, so the last family nearly always matches.
            const Family& last = out_.families[lastFamily_];
            if (sampleName.size() >= last.name.size() && sampleName.substr(0, last.name.size()) == last.name) {
                const std::string_view suffix = sampleName.substr(last.name.size());
                if (suffix.empty()) return lastFamily_;
                if ((last.type == MetricType::Histogram && (suffix == "_bucket" || suffix == "_sum" || suffix == "_count")) ||
                    (last.type == MetricType::Summary && (suffix == "_sum" || suffix == "_count")))
                    return lastFamily_;
            }
        }
        auto it = familyIndex_.find(sampleName);
        if (it != familyIndex_.end()) return lastFamily_ = it->second;
        for (std::string_view suffix : {"_bucket", "_sum", "_count"}) {
            if (!endsWith(sampleName, suffix)) continue;
            auto base = familyIndex_.find(sampleName.substr(0, sampleName.size() - suffix.size()));
            if (base == familyIndex_.end()) continue;
            const MetricType t = out_.families[base->second].type;
            if (t == MetricType::Summary && suffix == "_bucket") continue;
            if (t == MetricType::Histogram || t == MetricType::Summary) return lastFamily_ = base->second;
        }
        return lastFamily_ = family(sampleName);
    }

    bool comment() {
        ++pos_;
        const std::size_t afterHash = pos_;
        skipSpace();
        const bool spaced = pos_ > afterHash;
        auto keyword = [&](std::string_view word) {
            if (in_.substr(pos_, word.size()) != word) return false;
            const std::size_t after = pos_ + word.size();
            return after < in_.size() && (in_[after] == ' ' || in_[after] == '\t');
        };
        const bool help = spaced && keyword("HELP");
        const bool type = spaced && !help && keyword("TYPE");
        if (!help && !type) {
            // Any other comment runs to the end of the line; at the end of input it ends the text.
            pos_ = lineEnd(pos_);
            if (pos_ >= in_.size()) done_ = true;
            return true;
        }
        pos_ += 4;
        skipSpace();
        const std::size_t nameAt = pos_;
        const std::string_view metric = name(pos_);
        if (metric.empty()) return failAt(nameAt, std::string("expected metric name after ") + (help ? "HELP" : "TYPE"));
        // The text is the rest of the line after its first character (normally the separating space).
        const std::size_t end = lineEnd(pos_);
        std::string_view text = in_.substr(pos_, end - pos_);
        if (!text.empty()) text.remove_prefix(1);
        Family& f = out_.families[family(metric)];
        if (help) {
            if (!validUtf8(text)) return failAt(pos_ + 1, "help text is not valid UTF-8");
            f.help = text;
            f.hasHelp = true;
        } else {
            static const std::pair<std::string_view, MetricType> types[] = {{"counter", MetricType::Counter},
                                                                              {"gauge", MetricType::Gauge},
                                                                              {"histogram", MetricType::Histogram},
                                                                              {"summary", MetricType::Summary},
                                                                              {"untyped", MetricType::Unknown}};
            const auto it = std::find_if(std::begin(types), std::end(types), [&](const auto& t) { return t.first == text; });
            if (it == std::end(types)) return failAt(pos_ + 1, "invalid metric type \"" + std::string(text) + "\"");
            f.type = it->second;
            f.hasType = true;
        }
        if (end >= in_.size()) return failAt(end, "line break expected after metadata");
        pos_ = end + 1;
        newLine(pos_);
        return true;
    }

    bool sample() {
        if (!checkSampleLimit(pos_)) return false;
        Sample s;
        s.line = static_cast<std::uint32_t>(line_);
        s.name = name(pos_);
        s.firstLabel = static_cast<std::uint32_t>(out_.labels.size());
        skipSpace();
        if (pos_ < in_.size() && in_[pos_] == '{') {
            ++pos_;
            if (!labels(s.firstLabel)) return false;
            skipSpace();
        }
        s.labelCount = static_cast<std::uint32_t>(out_.labels.size() - s.firstLabel);
        // The value is everything up to a space, tab, brace or line break.
        const std::size_t valueAt = pos_;
        {
            std::size_t p = pos_;
            const std::size_t n = in_.size();
            const char* d = in_.data();
            while (p < n && d[p] != ' ' && d[p] != '\t' && d[p] != '\n' && d[p] != '{') ++p;
            pos_ = p;
        }
        if (pos_ == valueAt) return failAt(valueAt, "expected value after metric");
        const std::string_view valueText = in_.substr(valueAt, pos_ - valueAt);
        const auto value = parseValue(valueText);
        if (!value) return failAt(valueAt, "invalid value \"" + std::string(valueText) + "\"");
        s.value = *value;
        skipSpace();
        if (pos_ < in_.size() && in_[pos_] >= '0' && in_[pos_] <= '9') {
            const std::size_t tsAt = pos_;
            std::size_t p = pos_;
            while (p < in_.size() && in_[p] >= '0' && in_[p] <= '9') ++p;
            pos_ = p;
            const auto ts = parseMillis(in_.substr(tsAt, pos_ - tsAt));
            if (!ts) return failAt(tsAt, "timestamp out of range");
            s.hasTimestamp = true;
            s.timestampMs = *ts;
            skipSpace();
        }
        if (pos_ >= in_.size()) return failAt(pos_, "the text must end with a line break");
        if (in_[pos_] != '\n') return failAt(pos_, s.hasTimestamp ? "expected line break after timestamp" : "expected timestamp or line break");
        ++pos_;
        newLine(pos_);
        s.family = familyOfSample(s.name);
        out_.samples.push_back(s);
        return true;
    }

    bool labels(std::uint32_t first) {
        for (;;) {
            skipSpace();
            if (pos_ >= in_.size()) return failAt(pos_, "unexpected end of input in label set");
            if (in_[pos_] == '}') {
                ++pos_;
                return true;
            }
            if (!isLabelStart(in_[pos_])) return failAt(pos_, "expected label name");
            const std::size_t nameAt = pos_;
            std::size_t p = pos_ + 1;
            while (p < in_.size() && isLabelChar(in_[p])) ++p;
            pos_ = p;
            const std::string_view labelName = in_.substr(nameAt, pos_ - nameAt);
            skipSpace();
            if (pos_ >= in_.size() || in_[pos_] != '=') return failAt(pos_, "expected '=' after label name");
            ++pos_;
            skipSpace();
            if (pos_ >= in_.size() || in_[pos_] != '"') return failAt(pos_, "expected quoted label value");
            const std::size_t valueAt = ++pos_;
            // One pass over the value: each byte is looked at once (memchr finds the quote of a
            // plain value; past an escaped quote the scan goes on byte by byte), so hostile
            // values cost linear time.
            const char* const begin = in_.data();
            const char* const end = begin + in_.size();
            const char* quote = static_cast<const char*>(std::memchr(begin + pos_, '"', in_.size() - pos_));
            if (!quote) quote = end;
            const char* at = begin + pos_;
            for (;;) {
                while (at < quote && *at != '\\' && *at != '\n' && *at != '"') ++at;
                if (at == end) {
                    pos_ = static_cast<std::size_t>(at - begin);
                    return failAt(valueAt - 1, "unterminated label value");
                }
                if (*at == '"') break;
                if (*at == '\n') {
                    newLine(static_cast<std::size_t>(at - begin) + 1);
                    ++at;
                    continue;
                }
                // As Prometheus reads them: \\, \" and \n, nothing else.
                if (at + 1 == end || (at[1] != '\\' && at[1] != '"' && at[1] != 'n'))
                    return failAt(static_cast<std::size_t>(at - begin), "invalid escape in label value (only \\\\, \\\" and \\n)");
                at += 2;
                if (at > quote) quote = end;  // that was the quote: look for the closing one byte by byte
            }
            pos_ = static_cast<std::size_t>(at - begin);
            const std::string_view value = in_.substr(valueAt, pos_ - valueAt);
            ++pos_;
            if (!validUtf8(value)) return failAt(valueAt, "invalid UTF-8 label value");
            if (duplicateLabel(first, labelName)) return failAt(nameAt, "label name \"" + std::string(labelName) + "\" is not unique");
            if (!checkLabelLength(nameAt, labelName, value)) return false;
            if (!checkLabelLimit(nameAt, out_.labels.size() - first + 1)) return false;
            out_.labels.push_back({labelName, value});
            skipSpace();
            // A comma between labels, and one may end the set; nothing else separates them.
            if (pos_ < in_.size() && in_[pos_] == ',') {
                ++pos_;
            } else if (pos_ < in_.size() && in_[pos_] != '}') {
                return failAt(pos_, "expected ',' or '}' in the label set");
            }
        }
    }
};

// ---------------------------------------------------------------------------------------------
// OpenMetrics 1.0 text: exact spacing, "# EOF" at the end, metadata before samples, families
// and label groups contiguous, and the per-type rules on names, labels and values.
class OmParser : ParserBase {
public:
    using ParserBase::ParserBase;

    bool run() {
        groupsSeen_.reserve(in_.size() / 64);
        for (;;) {
            if (pos_ >= in_.size()) return failAt(pos_, "missing \"# EOF\" at the end");
            const auto nl = in_.find('\n', pos_);
            const std::size_t end = nl == std::string_view::npos ? in_.size() : nl;
            const std::string_view line = in_.substr(pos_, end - pos_);
            if (line == "# EOF") {
                if (nl != std::string_view::npos && nl + 1 != in_.size()) {
                    newLine(nl + 1);
                    return failAt(nl + 1, "text after \"# EOF\"");
                }
                return closeFamily();
            }
            if (nl == std::string_view::npos) return failAt(end, "missing \"# EOF\" at the end");
            if (line.empty()) return failAt(pos_, "blank line");
            if (line[0] == '#' ? !metadata(line) : !sample(line)) return false;
            pos_ = nl + 1;
            newLine(pos_);
        }
    }

private:
    struct Bucket {
        double le;
        double count;
    };
    // State of the family being read and of its current label group (one metric).
    std::int64_t current_ = -1;  // family index
    bool currentHasSamples_ = false;
    KeyTable groupsSeen_;
    bool inGroup_ = false;
    std::uint64_t groupKey_ = 0;
    std::size_t groupLine_ = 0;
    std::vector<Bucket> buckets_;
    bool negativeBucket_ = false;
    bool hasCount_ = false, hasSum_ = false;
    double count_ = 0, sum_ = 0;
    struct SeriesTime {
        std::uint64_t key;
        bool hasTimestamp;
        double timestamp;
    };
    std::vector<SeriesTime> seriesTimes_;
    // Every name a family owns (its own and its samples'), so no two families clash.
    std::unordered_map<std::string, std::uint32_t> reserved_;

    Family& family() { return out_.families[static_cast<std::size_t>(current_)]; }

    static std::vector<std::string> ownedNames(std::string_view name, MetricType t) {
        std::vector<std::string> names{std::string(name)};
        auto add = [&](std::initializer_list<std::string_view> suffixes) {
            for (auto s : suffixes) names.push_back(std::string(name) + std::string(s));
        };
        switch (t) {
            case MetricType::Counter: add({"_total", "_created"}); break;
            case MetricType::Histogram: add({"_bucket", "_count", "_sum", "_created"}); break;
            case MetricType::GaugeHistogram: add({"_bucket", "_gcount", "_gsum"}); break;
            case MetricType::Summary: add({"_count", "_sum", "_created"}); break;
            case MetricType::Info: add({"_info"}); break;
            default: break;
        }
        return names;
    }

    bool reserve(std::size_t at, std::uint32_t index, MetricType t) {
        const std::string_view name = out_.families[index].name;
        for (const auto& n : ownedNames(name, t)) {
            auto it = reserved_.find(n);
            if (it != reserved_.end() && it->second != index) {
                if (n == name) return failAt(at, "metric family \"" + std::string(name) + "\" appears more than once; its lines must be together");
                return failAt(at, "metric family \"" + std::string(name) + "\" clashes with \"" + std::string(out_.families[it->second].name) + "\" over the name \"" + n + "\"");
            }
            reserved_.emplace(n, index);
        }
        return true;
    }

    bool openFamily(std::size_t at, std::string_view name) {
        if (!closeFamily()) return false;
        Family f;
        f.name = name;
        out_.families.push_back(f);
        current_ = static_cast<std::int64_t>(out_.families.size() - 1);
        currentHasSamples_ = false;
        groupsSeen_.clear();
        return reserve(at, static_cast<std::uint32_t>(current_), MetricType::Unknown);
    }

    bool metadata(std::string_view line) {
        const std::size_t at = pos_;
        enum { Help, Type, Unit } kind;
        if (line.substr(0, 7) == "# HELP ") kind = Help;
        else if (line.substr(0, 7) == "# TYPE ") kind = Type;
        else if (line.substr(0, 7) == "# UNIT ") kind = Unit;
        else return failAt(at, "invalid comment: only \"# HELP\", \"# TYPE\", \"# UNIT\" and \"# EOF\" are allowed");
        std::size_t p = 7;
        if (p >= line.size() || !isNameStart(line[p])) return failAt(at + p, "expected a metric name");
        while (p < line.size() && isNameChar(line[p])) ++p;
        const std::string_view name = line.substr(7, p - 7);
        if (p >= line.size() || line[p] != ' ') return failAt(at + p, "expected a space after the metric name");
        const std::string_view rest = line.substr(p + 1);
        const std::size_t restAt = at + p + 1;

        if (current_ < 0 || family().name != name) {
            if (!openFamily(at, name)) return false;
        } else if (currentHasSamples_) {
            return failAt(at, "metadata for \"" + std::string(name) + "\" after its samples");
        }
        Family& f = family();
        switch (kind) {
            case Help:
                if (f.hasHelp) return failAt(at, "second HELP for \"" + std::string(name) + "\"");
                if (!validUtf8(rest)) return failAt(restAt, "help text is not valid UTF-8");
                f.help = rest;
                f.hasHelp = true;
                return true;
            case Type: {
                if (f.hasType) return failAt(at, "second TYPE for \"" + std::string(name) + "\"");
                static const std::pair<std::string_view, MetricType> types[] = {
                    {"counter", MetricType::Counter},     {"gauge", MetricType::Gauge},
                    {"histogram", MetricType::Histogram}, {"gaugehistogram", MetricType::GaugeHistogram},
                    {"summary", MetricType::Summary},     {"info", MetricType::Info},
                    {"stateset", MetricType::StateSet},   {"unknown", MetricType::Unknown}};
                const auto it = std::find_if(std::begin(types), std::end(types), [&](const auto& t) { return t.first == rest; });
                if (it == std::end(types)) return failAt(restAt, "invalid metric type \"" + std::string(rest) + "\"");
                f.type = it->second;
                f.hasType = true;
                if (!reserve(at, static_cast<std::uint32_t>(current_), f.type)) return false;
                return checkUnit(at);
            }
            case Unit:
                if (f.hasUnit) return failAt(at, "second UNIT for \"" + std::string(name) + "\"");
                for (std::size_t i = 0; i < rest.size(); ++i)
                    if (!isNameChar(rest[i])) return failAt(restAt + i, "invalid character in unit");
                f.unit = rest;
                f.hasUnit = true;
                return checkUnit(at);
        }
        return true;
    }

    bool checkUnit(std::size_t at) {
        const Family& f = family();
        if (!f.hasUnit || f.unit.empty()) return true;
        if (f.type == MetricType::Info || f.type == MetricType::StateSet)
            return failAt(at, std::string(metricTypeName(f.type)) + " metrics cannot have a unit");
        if (!endsWith(f.name, "_" + std::string(f.unit)))
            return failAt(at, "metric name \"" + std::string(f.name) + "\" must end with the unit \"_" + std::string(f.unit) + "\"");
        return true;
    }

    // Which sample names the family's type allows; the suffix tells the sample's role.
    static bool belongs(const Family& f, std::string_view sampleName, std::string_view& suffix) {
        if (sampleName.substr(0, f.name.size()) != f.name) return false;
        suffix = sampleName.substr(f.name.size());
        switch (f.type) {
            case MetricType::Counter: return suffix == "_total" || suffix == "_created";
            case MetricType::Histogram: return suffix == "_bucket" || suffix == "_count" || suffix == "_sum" || suffix == "_created";
            case MetricType::GaugeHistogram: return suffix == "_bucket" || suffix == "_gcount" || suffix == "_gsum";
            case MetricType::Summary: return suffix.empty() || suffix == "_count" || suffix == "_sum" || suffix == "_created";
            case MetricType::Info: return suffix == "_info";
            default: return suffix.empty();
        }
    }

    bool sample(std::string_view line) {
        const std::size_t at = pos_;
        if (!isNameStart(line[0])) return failAt(at, "expected a metric name");
        if (!checkSampleLimit(at)) return false;
        std::size_t p = 1;
        while (p < line.size() && isNameChar(line[p])) ++p;
        Sample s;
        s.name = line.substr(0, p);
        s.line = static_cast<std::uint32_t>(line_);
        s.firstLabel = static_cast<std::uint32_t>(out_.labels.size());
        if (p < line.size() && line[p] == '{') {
            if (!labels(line, p, s.firstLabel)) return false;
        }
        s.labelCount = static_cast<std::uint32_t>(out_.labels.size() - s.firstLabel);
        if (p >= line.size() || line[p] != ' ') return failAt(at + p, "expected a space and a value");
        ++p;
        const std::size_t valueAt = p;
        while (p < line.size() && line[p] != ' ') ++p;
        const auto value = parseValue(line.substr(valueAt, p - valueAt));
        if (!value) return failAt(at + valueAt, "invalid value \"" + std::string(line.substr(valueAt, p - valueAt)) + "\"");
        s.value = *value;
        double timestamp = 0;
        std::size_t exemplarAt = 0;
        if (p < line.size()) {
            ++p;  // the space
            if (p < line.size() && line[p] == '#') {
                exemplarAt = p;
            } else {
                const std::size_t tsAt = p;
                while (p < line.size() && line[p] != ' ') ++p;
                const auto ts = parseRealNumber(line.substr(tsAt, p - tsAt));
                if (!ts) return failAt(at + tsAt, "invalid timestamp \"" + std::string(line.substr(tsAt, p - tsAt)) + "\"");
                s.hasTimestamp = true;
                timestamp = *ts;
                s.timestampMs = static_cast<std::int64_t>(std::llround(*ts * 1000.0));
                if (p < line.size()) {
                    ++p;
                    if (p >= line.size() || line[p] != '#') return failAt(at + p, "unexpected text after the timestamp");
                    exemplarAt = p;
                }
            }
        }

        // Which family: the current one if the name fits its type, else a new untyped one.
        std::string_view suffix;
        if (current_ < 0 || !belongs(family(), s.name, suffix)) {
            if (!openFamily(at, s.name)) return false;
            suffix = {};
        }
        s.family = static_cast<std::uint32_t>(current_);
        currentHasSamples_ = true;

        if (exemplarAt) {
            if (!exemplar(line, exemplarAt, s)) return false;
            const MetricType t = family().type;
            const bool allowed = (t == MetricType::Counter && suffix == "_total") ||
                                 ((t == MetricType::Histogram || t == MetricType::GaugeHistogram) && suffix == "_bucket");
            if (!allowed) return failAt(at + exemplarAt, "exemplars are only allowed on counter totals and histogram buckets");
        }
        if (!typeRules(at, s, suffix, timestamp)) return false;
        out_.samples.push_back(s);
        return true;
    }

    bool labels(std::string_view line, std::size_t& p, std::uint32_t first) {
        ++p;  // '{'
        if (p < line.size() && line[p] == '}') {
            ++p;
            return true;
        }
        for (;;) {
            if (p >= line.size() || !isLabelStart(line[p])) return failAt(pos_ + p, "expected a label name");
            const std::size_t nameAt = p;
            while (p < line.size() && isLabelChar(line[p])) ++p;
            const std::string_view labelName = line.substr(nameAt, p - nameAt);
            if (p >= line.size() || line[p] != '=') return failAt(pos_ + p, "expected '=' after the label name");
            ++p;
            if (p >= line.size() || line[p] != '"') return failAt(pos_ + p, "expected a quoted label value");
            const std::size_t valueAt = ++p;
            for (;;) {
                if (p >= line.size()) return failAt(pos_ + valueAt - 1, "unterminated label value");
                if (line[p] == '"') break;
                p += line[p] == '\\' ? 2 : 1;
            }
            if (p > line.size()) return failAt(pos_ + valueAt - 1, "unterminated label value");
            const std::string_view value = line.substr(valueAt, p - valueAt);
            ++p;
            if (!validUtf8(value)) return failAt(pos_ + valueAt, "label value is not valid UTF-8");
            if (duplicateLabel(first, labelName)) return failAt(pos_ + nameAt, "label \"" + std::string(labelName) + "\" appears twice");
            if (!checkLabelLength(pos_ + nameAt, labelName, value)) return false;
            if (!checkLabelLimit(pos_ + nameAt, out_.labels.size() - first + 1)) return false;
            out_.labels.push_back({labelName, value});
            if (p < line.size() && line[p] == ',') {
                ++p;
                continue;
            }
            if (p < line.size() && line[p] == '}') {
                ++p;
                return true;
            }
            return failAt(pos_ + p, "expected ',' or '}' in the label set");
        }
    }

    bool exemplar(std::string_view line, std::size_t p, Sample& s) {
        // "# {labels} value [timestamp]"
        if (line.substr(p, 3) != "# {") return failAt(pos_ + p, "an exemplar is written \"# {labels} value\"");
        p += 2;
        Exemplar e;
        e.firstLabel = static_cast<std::uint32_t>(out_.labels.size());
        if (!labels(line, p, e.firstLabel)) return false;
        e.labelCount = static_cast<std::uint32_t>(out_.labels.size() - e.firstLabel);
        std::size_t runes = 0;
        for (std::uint32_t i = e.firstLabel; i < e.firstLabel + e.labelCount; ++i)
            runes += codePoints(out_.labels[i].name) + codePoints(out_.labels[i].value);
        if (runes > 128) return failAt(pos_ + p, "exemplar labels longer than 128 characters");
        if (p >= line.size() || line[p] != ' ') return failAt(pos_ + p, "expected a space and the exemplar value");
        ++p;
        const std::size_t valueAt = p;
        while (p < line.size() && line[p] != ' ') ++p;
        const auto value = parseValue(line.substr(valueAt, p - valueAt));
        if (!value) return failAt(pos_ + valueAt, "invalid exemplar value");
        e.value = *value;
        if (p < line.size()) {
            ++p;
            const std::size_t tsAt = p;
            while (p < line.size() && line[p] != ' ') ++p;
            const auto ts = parseRealNumber(line.substr(tsAt, p - tsAt));
            if (!ts) return failAt(pos_ + tsAt, "invalid exemplar timestamp");
            if (p < line.size()) return failAt(pos_ + p, "unexpected text after the exemplar");
            e.hasTimestamp = true;
            e.timestamp = *ts;
        }
        out_.exemplars.push_back(e);
        s.hasExemplar = true;
        s.exemplar = static_cast<std::uint32_t>(out_.exemplars.size() - 1);
        return true;
    }

    const Label* label(const Sample& s, std::string_view name) const {
        for (std::uint32_t i = s.firstLabel; i < s.firstLabel + s.labelCount; ++i)
            if (out_.labels[i].name == name) return &out_.labels[i];
        return nullptr;
    }

    // A threshold such as le or quantile: a number, with infinity only as "+Inf" or "-Inf".
    static std::optional<double> threshold(std::string_view text) {
        const auto v = parseValue(text);
        if (!v || std::isnan(*v)) return std::nullopt;
        if (std::isinf(*v) && text != "+Inf" && text != "-Inf") return std::nullopt;
        return v;
    }

    bool typeRules(std::size_t at, const Sample& s, std::string_view suffix, double timestamp) {
        const Family& f = family();
        const double v = s.value;
        auto nonNegative = [&](const char* what) {
            if (std::isnan(v) || v < 0) return failAt(at, std::string(what) + " must be a number of at least 0");
            return true;
        };
        // The label that tells samples of one metric apart is not part of the group key.
        std::string_view special;
        switch (f.type) {
            case MetricType::Counter:
                if (suffix == "_total" && !nonNegative("a counter total")) return false;
                break;
            case MetricType::Histogram:
            case MetricType::GaugeHistogram: {
                const bool gauge = f.type == MetricType::GaugeHistogram;
                if (suffix == "_bucket") {
                    special = "le";
                    const Label* le = label(s, "le");
                    if (!le) return failAt(at, "histogram bucket without an \"le\" label");
                    const auto bound = threshold(le->value);
                    if (!bound) return failAt(at, "invalid \"le\" label \"" + std::string(le->value) + "\"");
                    if (!nonNegative("a bucket count")) return false;
                } else if (suffix == (gauge ? "_gcount" : "_count")) {
                    if (!nonNegative(gauge ? "_gcount" : "_count")) return false;
                } else if (suffix == (gauge ? "_gsum" : "_sum")) {
                    if (std::isnan(v)) return failAt(at, "a histogram sum must be a number");
                }
                break;
            }
            case MetricType::Summary:
                if (suffix.empty()) {
                    special = "quantile";
                    const Label* q = label(s, "quantile");
                    if (!q) return failAt(at, "summary sample without a \"quantile\" label");
                    const auto quantile = threshold(q->value);
                    if (!quantile || *quantile < 0 || *quantile > 1)
                        return failAt(at, "invalid quantile \"" + std::string(q->value) + "\" (must be between 0 and 1)");
                    if (v < 0) return failAt(at, "a quantile value cannot be negative");
                } else if ((suffix == "_count" || suffix == "_sum") && !nonNegative(suffix == "_count" ? "_count" : "_sum")) {
                    return false;
                }
                break;
            case MetricType::Info:
                if (v != 1) return failAt(at, "an info metric's value must be 1");
                break;
            case MetricType::StateSet:
                special = f.name;
                if (!label(s, f.name)) return failAt(at, "stateset sample without a \"" + std::string(f.name) + "\" label");
                if (v != 0 && v != 1) return failAt(at, "a stateset value must be 0 or 1");
                break;
            default:
                break;
        }

        // Group key: every label but the special one, independent of order.
        std::uint64_t key = 0, specialHash = 0;
        for (std::uint32_t i = s.firstLabel; i < s.firstLabel + s.labelCount; ++i) {
            const Label& l = out_.labels[i];
            const std::uint64_t h = mix(hashBytes(l.value, hashBytes(l.name) ^ 0x5bd1e995u));
            if (!special.empty() && l.name == special) specialHash = h;
            else key += h;
        }
        if (!inGroup_ || key != groupKey_) {
            if (inGroup_ && !closeGroup()) return false;
            if (!groupsSeen_.insert(key))
                return failAt(at, "samples of one metric (label set) in \"" + std::string(f.name) + "\" must be together");
            inGroup_ = true;
            groupKey_ = key;
            groupLine_ = static_cast<std::size_t>(line_);
        }

        // One series may repeat with non-decreasing timestamps, and either always or never has one.
        const std::uint64_t series = mix(hashBytes(suffix) ^ specialHash);
        auto seen = std::find_if(seriesTimes_.begin(), seriesTimes_.end(), [&](const SeriesTime& t) { return t.key == series; });
        if (seen == seriesTimes_.end()) {
            seriesTimes_.push_back({series, s.hasTimestamp, timestamp});
        } else {
            if (seen->hasTimestamp != s.hasTimestamp) return failAt(at, "a series must have a timestamp on every sample or on none");
            if (s.hasTimestamp && timestamp < seen->timestamp) return failAt(at, "timestamps of a series must not go backwards");
            seen->timestamp = timestamp;
        }

        if (f.type == MetricType::Histogram || f.type == MetricType::GaugeHistogram) {
            const bool gauge = f.type == MetricType::GaugeHistogram;
            if (suffix == "_bucket") {
                const double le = *threshold(label(s, "le")->value);
                if (le < 0) negativeBucket_ = true;
                buckets_.push_back({le, v});
            } else if (suffix == (gauge ? "_gcount" : "_count")) {
                hasCount_ = true;
                count_ = v;
            } else if (suffix == (gauge ? "_gsum" : "_sum")) {
                hasSum_ = true;
                sum_ = v;
            }
        }
        return true;
    }

    // Checks a finished metric of a histogram: buckets in order, +Inf last, counts cumulative,
    // count equal to the +Inf bucket, sum and count together, no sum beside negative buckets.
    bool closeGroup() {
        if (!inGroup_) return true;
        inGroup_ = false;
        seriesTimes_.clear();
        const Family& f = family();
        const bool histogram = f.type == MetricType::Histogram, gauge = f.type == MetricType::GaugeHistogram;
        std::vector<Bucket> buckets;
        buckets.swap(buckets_);
        const bool negative = std::exchange(negativeBucket_, false);
        const bool hasCount = std::exchange(hasCount_, false);
        const bool hasSum = std::exchange(hasSum_, false);
        if (!histogram && !gauge) return true;
        auto fail = [&](const std::string& why) {
            err_.line = static_cast<int>(groupLine_);
            err_.column = 1;
            err_.reason = "histogram \"" + std::string(f.name) + "\": " + why;
            return false;
        };
        for (std::size_t i = 1; i < buckets.size(); ++i) {
            if (!(buckets[i].le > buckets[i - 1].le)) return fail("buckets must be in increasing order of \"le\"");
            if (buckets[i].count < buckets[i - 1].count) return fail("bucket counts must not decrease");
        }
        if ((hasCount || hasSum) && buckets.empty()) return fail("count and sum need buckets");
        if (!buckets.empty() && !std::isinf(buckets.back().le)) return fail("the last bucket must be le=\"+Inf\"");
        if (hasCount != hasSum) return fail(gauge ? "_gcount and _gsum must both be present" : "_count and _sum must both be present");
        if (hasCount && count_ != buckets.back().count) return fail("the count must equal the +Inf bucket");
        if (hasSum) {
            if (histogram && negative) return fail("a histogram with negative buckets cannot have a sum");
            if (!negative && sum_ < 0) return fail("the sum cannot be negative without negative buckets");
        }
        return true;
    }

    bool closeFamily() {
        if (current_ < 0) return true;
        return closeGroup();
    }
};

}  // namespace

bool parse(std::string_view body, Format format, ParseResult& out, ParseError& error, const ParseLimits& limits) {
    if (format == Format::OpenMetrics100) {
        OmParser p(body, out, error, limits);
        return p.run();
    }
    PromParser p(body, out, error, limits);
    return p.run();
}

}  // namespace vakt::expo
