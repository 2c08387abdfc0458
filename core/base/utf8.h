#pragma once
// UTF-8 as the readers and writers need it: whether bytes are well-formed (no overlong forms, no
// surrogates, nothing past U+10FFFF), and a code point appended as UTF-8. Plain C++.
#include <string>
#include <string_view>

namespace vakt {

bool validUtf8(std::string_view s);
// `cp` must be a valid code point (at most U+10FFFF, not a surrogate).
void appendUtf8(std::string& out, char32_t cp);

}  // namespace vakt
