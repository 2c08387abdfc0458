#pragma once
// A strict JSON (RFC 8259) reader that remembers the line of every value, so import errors can
// name file:line. Plain C++, no I/O. Bounded: nesting depth and input size are limited, so
// hostile input cannot exhaust the stack or memory.
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/base/result.h"

namespace vakt::json {

struct Member;

struct Value {
    enum class Type { Null, Bool, Number, String, Array, Object };
    Type type = Type::Null;
    bool boolean = false;
    double number = 0;
    std::string text;  // String value, or the number's source text
    std::vector<Value> items;  // Array
    std::vector<Member> members;  // Object, in source order
    int line = 0;
    int column = 0;

    bool isNull() const { return type == Type::Null; }
    bool isString() const { return type == Type::String; }
    bool isNumber() const { return type == Type::Number; }
    bool isArray() const { return type == Type::Array; }
    bool isObject() const { return type == Type::Object; }
    bool isBool() const { return type == Type::Bool; }
    // First member with this key, or nullptr.
    const Value* find(std::string_view key) const;
};

struct Member {
    std::string key;
    Value value;
};

const char* typeName(Value::Type type);

struct Limits {
    std::size_t maxDepth = 64;
    std::size_t maxBytes = 64u * 1024u * 1024u;
};

// Errors read "line:column: reason".
Result<Value> parse(std::string_view input, Limits limits = {});

// What a one-letter escape after a backslash stands for (\n, \t, \" ...); nothing for \u or
// an invalid one.
std::optional<char> singleEscape(char letter);
// A JSON string literal: quotes, backslashes and control characters escaped, the short forms
// where JSON has one (\b \f \n \r \t), \u00XX for the rest; nothing else changes, so the output
// is canonical (the audit ledger hashes it).
void appendQuoted(std::string& out, std::string_view text);
std::string quote(std::string_view text);

// A code point (from a \u escape) appended as UTF-8.
void appendUtf8(std::string& out, std::uint32_t codePoint);

}  // namespace vakt::json
