#include "core/base/json.h"

#include <charconv>
#include <cstdint>
#include <cstdlib>

namespace vakt::json {

std::optional<char> singleEscape(char letter) {
    switch (letter) {
        case '"': return '"';
        case '\\': return '\\';
        case '/': return '/';
        case 'b': return '\b';
        case 'f': return '\f';
        case 'n': return '\n';
        case 'r': return '\r';
        case 't': return '\t';
        default: return std::nullopt;
    }
}

void appendUtf8(std::string& s, std::uint32_t cp) {
    if (cp < 0x80) {
        s += static_cast<char>(cp);
    } else if (cp < 0x800) {
        s += static_cast<char>(0xC0 | (cp >> 6));
        s += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        s += static_cast<char>(0xE0 | (cp >> 12));
        s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        s += static_cast<char>(0xF0 | (cp >> 18));
        s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

const Value* Value::find(std::string_view key) const {
    for (const auto& [name, value] : members)
        if (name == key) return &value;
    return nullptr;
}

const char* typeName(Value::Type type) {
    switch (type) {
        case Value::Type::Null: return "null";
        case Value::Type::Bool: return "boolean";
        case Value::Type::Number: return "number";
        case Value::Type::String: return "string";
        case Value::Type::Array: return "array";
        case Value::Type::Object: return "object";
    }
    return "?";
}

namespace {

class Parser {
public:
    Parser(std::string_view in, Limits limits) : in_(in), limits_(limits) {}

    Result<Value> run() {
        if (in_.size() > limits_.maxBytes)
            return fail("1:1: input is larger than " + std::to_string(limits_.maxBytes) + " bytes");
        // Tolerate a UTF-8 byte order mark, as editors on Windows write one.
        if (in_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
        Value root;
        if (!parseValue(root, 0)) return fail(error_);
        skipSpace();
        if (pos_ != in_.size()) return failAt("unexpected content after the JSON value");
        return root;
    }

private:
    std::string_view in_;
    Limits limits_;
    std::size_t pos_ = 0;
    int line_ = 1;
    std::size_t lineStart_ = 0;
    std::string error_;

    int column() const { return static_cast<int>(pos_ - lineStart_) + 1; }

    Error failAt(const std::string& reason) {
        return fail(std::to_string(line_) + ":" + std::to_string(column()) + ": " + reason);
    }
    bool setError(const std::string& reason) {
        error_ = std::to_string(line_) + ":" + std::to_string(column()) + ": " + reason;
        return false;
    }

    void skipSpace() {
        while (pos_ < in_.size()) {
            char c = in_[pos_];
            if (c == '\n') {
                ++pos_;
                ++line_;
                lineStart_ = pos_;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                ++pos_;
            } else {
                break;
            }
        }
    }

    bool literal(std::string_view word) {
        if (in_.substr(pos_, word.size()) != word) return setError("invalid literal");
        pos_ += word.size();
        return true;
    }

    bool parseValue(Value& out, std::size_t depth) {
        if (depth > limits_.maxDepth) return setError("nesting deeper than " + std::to_string(limits_.maxDepth));
        skipSpace();
        out.line = line_;
        out.column = column();
        if (pos_ >= in_.size()) return setError("unexpected end of input");
        char c = in_[pos_];
        switch (c) {
            case '{': return parseObject(out, depth);
            case '[': return parseArray(out, depth);
            case '"': out.type = Value::Type::String; return parseString(out.text);
            case 't': out.type = Value::Type::Bool; out.boolean = true; return literal("true");
            case 'f': out.type = Value::Type::Bool; out.boolean = false; return literal("false");
            case 'n': out.type = Value::Type::Null; return literal("null");
            default:
                if (c == '-' || (c >= '0' && c <= '9')) return parseNumber(out);
                return setError(std::string("unexpected character '") + c + "'");
        }
    }

    bool parseObject(Value& out, std::size_t depth) {
        out.type = Value::Type::Object;
        // Growing the top level one member at a time was a fifth of parsing an event; nested
        // objects grow as they come, so thousands of tiny ones cannot multiply the memory a line takes.
        if (depth == 0) out.members.reserve(16);
        ++pos_;
        skipSpace();
        if (pos_ < in_.size() && in_[pos_] == '}') { ++pos_; return true; }
        for (;;) {
            skipSpace();
            if (pos_ >= in_.size() || in_[pos_] != '"') return setError("expected a member name in quotes");
            std::string key;
            if (!parseString(key)) return false;
            skipSpace();
            if (pos_ >= in_.size() || in_[pos_] != ':') return setError("expected ':' after member name");
            ++pos_;
            Value v;
            if (!parseValue(v, depth + 1)) return false;
            out.members.push_back(Member{std::move(key), std::move(v)});
            skipSpace();
            if (pos_ >= in_.size()) return setError("unexpected end of input in object");
            if (in_[pos_] == ',') { ++pos_; continue; }
            if (in_[pos_] == '}') { ++pos_; return true; }
            return setError("expected ',' or '}' in object");
        }
    }

    bool parseArray(Value& out, std::size_t depth) {
        out.type = Value::Type::Array;
        ++pos_;
        skipSpace();
        if (pos_ < in_.size() && in_[pos_] == ']') { ++pos_; return true; }
        for (;;) {
            Value v;
            if (!parseValue(v, depth + 1)) return false;
            out.items.push_back(std::move(v));
            skipSpace();
            if (pos_ >= in_.size()) return setError("unexpected end of input in array");
            if (in_[pos_] == ',') { ++pos_; continue; }
            if (in_[pos_] == ']') { ++pos_; return true; }
            return setError("expected ',' or ']' in array");
        }
    }

    bool parseNumber(Value& out) {
        out.type = Value::Type::Number;
        std::size_t start = pos_;
        auto digits = [&] {
            std::size_t s = pos_;
            while (pos_ < in_.size() && in_[pos_] >= '0' && in_[pos_] <= '9') ++pos_;
            return pos_ - s;
        };
        if (in_[pos_] == '-') ++pos_;
        if (pos_ < in_.size() && in_[pos_] == '0') {
            ++pos_;
        } else if (digits() == 0) {
            return setError("invalid number");
        }
        if (pos_ < in_.size() && in_[pos_] == '.') {
            ++pos_;
            if (digits() == 0) return setError("invalid number: digits expected after '.'");
        }
        if (pos_ < in_.size() && (in_[pos_] == 'e' || in_[pos_] == 'E')) {
            ++pos_;
            if (pos_ < in_.size() && (in_[pos_] == '+' || in_[pos_] == '-')) ++pos_;
            if (digits() == 0) return setError("invalid number: digits expected in exponent");
        }
        out.text.assign(in_.substr(start, pos_ - start));
        out.number = std::strtod(out.text.c_str(), nullptr);
        return true;
    }

    bool hex4(std::uint32_t& out) {
        if (pos_ + 4 > in_.size()) return setError("truncated \\u escape");
        auto r = std::from_chars(in_.data() + pos_, in_.data() + pos_ + 4, out, 16);
        if (r.ptr != in_.data() + pos_ + 4) return setError("invalid \\u escape");
        pos_ += 4;
        return true;
    }

    // Length of a valid UTF-8 sequence starting at pos_, or 0.
    std::size_t utf8Length() const {
        auto b = [&](std::size_t i) { return static_cast<unsigned char>(in_[pos_ + i]); };
        unsigned char c = b(0);
        std::size_t n;
        std::uint32_t cp;
        if (c >= 0xC2 && c <= 0xDF) { n = 2; cp = c & 0x1F; }
        else if (c >= 0xE0 && c <= 0xEF) { n = 3; cp = c & 0x0F; }
        else if (c >= 0xF0 && c <= 0xF4) { n = 4; cp = c & 0x07; }
        else return 0;
        if (pos_ + n > in_.size()) return 0;
        for (std::size_t i = 1; i < n; ++i) {
            if ((b(i) & 0xC0) != 0x80) return 0;
            cp = (cp << 6) | (b(i) & 0x3F);
        }
        if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF))) return 0;
        if (cp >= 0xD800 && cp <= 0xDFFF) return 0;
        return n;
    }

    bool parseString(std::string& out) {
        ++pos_;  // opening quote
        for (;;) {
            if (pos_ >= in_.size()) return setError("unterminated string");
            unsigned char c = static_cast<unsigned char>(in_[pos_]);
            if (c == '"') { ++pos_; return true; }
            if (c < 0x20) return setError("control character in string");
            if (c == '\\') {
                if (++pos_ >= in_.size()) return setError("unterminated escape");
                char e = in_[pos_++];
                if (const auto single = singleEscape(e)) {
                    out += *single;
                    continue;
                }
                switch (e) {
                    case 'u': {
                        std::uint32_t cp;
                        if (!hex4(cp)) return false;
                        if (cp >= 0xD800 && cp <= 0xDBFF) {
                            std::uint32_t low;
                            if (in_.substr(pos_, 2) != "\\u") return setError("unpaired surrogate in \\u escape");
                            pos_ += 2;
                            if (!hex4(low)) return false;
                            if (low < 0xDC00 || low > 0xDFFF) return setError("unpaired surrogate in \\u escape");
                            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                            return setError("unpaired surrogate in \\u escape");
                        }
                        appendUtf8(out, cp);
                        break;
                    }
                    default: --pos_; return setError(std::string("invalid escape '\\") + e + "'");
                }
                continue;
            }
            if (c < 0x80) {
                // A run of plain ASCII is copied at once: most strings are nothing else.
                std::size_t end = pos_ + 1;
                while (end < in_.size()) {
                    const auto d = static_cast<unsigned char>(in_[end]);
                    if (d == '"' || d == '\\' || d < 0x20 || d >= 0x80) break;
                    ++end;
                }
                out.append(in_.data() + pos_, end - pos_);
                pos_ = end;
                continue;
            }
            std::size_t n = utf8Length();
            if (n == 0) return setError("invalid UTF-8 in string");
            out.append(in_.substr(pos_, n));
            pos_ += n;
        }
    }
};

}  // namespace

Result<Value> parse(std::string_view input, Limits limits) { return Parser(input, limits).run(); }

void appendQuoted(std::string& out, std::string_view s) {
    out += '"';
    std::size_t plain = 0;  // start of the run not yet copied
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(s.data() + plain, i - plain);
        plain = i + 1;
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default: {
                static constexpr char hexDigits[] = "0123456789abcdef";
                out += "\\u00";
                out += hexDigits[c >> 4];
                out += hexDigits[c & 15];
            }
        }
    }
    out.append(s.data() + plain, s.size() - plain);
    out += '"';
}

std::string quote(std::string_view text) {
    std::string out;
    appendQuoted(out, text);
    return out;
}

}  // namespace vakt::json
