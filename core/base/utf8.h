#pragma once
// UTF-8 as the readers and writers need it: whether bytes are well-formed (no overlong forms, no
// surrogates, nothing past U+10FFFF), and a code point appended as UTF-8. Plain C++.
#include <cstddef>
#include <string>
#include <string_view>

namespace vakt {

bool validUtf8(std::string_view s);
// `cp` must be a valid code point (at most U+10FFFF, not a surrogate).
void appendUtf8(std::string& out, char32_t cp);
// Characters, not bytes, for the limits a person reads (valid UTF-8 assumed).
std::size_t utf8Characters(std::string_view s);
// A value quoted back in an error message: its first 60 bytes cut at a code point, control
// characters (and every non-ASCII byte of invalid UTF-8) as '?', "..." when cut, so a pasted
// file or a hostile byte never reaches a terminal whole.
std::string quotedValue(std::string_view value);

}  // namespace vakt
