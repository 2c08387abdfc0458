#pragma once
// Norwegian identifiers used in the catalogue: organisation numbers and kommunenummer.
#include <string>
#include <string_view>

namespace vakt::norway {

// Organisation numbers (Enhetsregisteret) have 9 digits; the last is a modulo-11 check digit
// over the first eight with weights 3 2 7 6 5 4 3 2.
bool isValidOrgnr(std::string_view orgnr);
// The check digit for eight digits, or -1 when none exists (remainder 1).
int orgnrCheckDigit(std::string_view firstEight);
// Four digits; the first two are the fylke's number.
bool isValidKommunenummer(std::string_view number);

}  // namespace vakt::norway
