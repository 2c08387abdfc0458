#pragma once
// A small std::expected-like result type (GCC 12 has no <expected>). Functions that fail on input
// return Result<T>; the error carries a message that names the place (file:line, field) and a
// kind, so callers choose an exit code or a dialog without reading the message.
#include <string>
#include <utility>
#include <variant>

namespace vakt {

enum class ErrorKind {
    Invalid,   // the input is wrong (the default: most errors name a bad value and its place)
    Denied,    // the session's role may not do this, or sign-in failed
    NotFound,  // what was named does not exist
    Conflict,  // the data's state forbids it: a duplicate, a schema version, a concurrent change
    Io,        // a file, the network or the database could not be read or written
    Internal,  // a bug: a broken invariant
};

// "invalid", "denied", "not_found", "conflict", "io", "internal": for logs and JSON output.
const char* errorKindCode(ErrorKind kind);

struct Error {
    std::string message;
    ErrorKind kind = ErrorKind::Invalid;
};

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : state_(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return state_.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<0>(state_); }
    const T& value() const& { return std::get<0>(state_); }
    T&& value() && { return std::get<0>(std::move(state_)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    T value_or(T fallback) const& { return ok() ? value() : std::move(fallback); }

    const Error& error() const { return std::get<1>(state_); }
    const std::string& message() const { return error().message; }
    ErrorKind kind() const { return error().kind; }

private:
    std::variant<T, Error> state_;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : error_(std::move(error)), failed_(true) {}

    bool ok() const { return !failed_; }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return error_; }
    const std::string& message() const { return error_.message; }
    ErrorKind kind() const { return error_.kind; }

private:
    Error error_;
    bool failed_ = false;
};

using Status = Result<void>;

inline Error fail(std::string message, ErrorKind kind = ErrorKind::Invalid) { return Error{std::move(message), kind}; }

inline const char* errorKindCode(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::Invalid: return "invalid";
        case ErrorKind::Denied: return "denied";
        case ErrorKind::NotFound: return "not_found";
        case ErrorKind::Conflict: return "conflict";
        case ErrorKind::Io: return "io";
        case ErrorKind::Internal: return "internal";
    }
    return "internal";
}

}  // namespace vakt
