#pragma once
// Norwegian identifiers: organisation numbers, kommunenummer and person identifiers.
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


// Fødselsnummer and d-nummer: eleven digits, a date (day + 40 for a d-nummer, month + 40 for
// an h-nummer, month + 80 for Skatteetaten's synthetic test numbers), a personal number and two
// modulo-11 control digits.
enum class PersonIdKind { Fodselsnummer, DNummer };
bool isValidPersonId(std::string_view id, PersonIdKind* kind = nullptr);

}  // namespace vakt::norway
