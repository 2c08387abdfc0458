#include "core/base/norway.h"

namespace vakt::norway {

namespace {
bool allDigits(std::string_view s) {
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return !s.empty();
}
}  // namespace

int orgnrCheckDigit(std::string_view firstEight) {
    if (firstEight.size() != 8 || !allDigits(firstEight)) return -1;
    static constexpr int weights[8] = {3, 2, 7, 6, 5, 4, 3, 2};
    int sum = 0;
    for (int i = 0; i < 8; ++i) sum += (firstEight[static_cast<std::size_t>(i)] - '0') * weights[i];
    int rest = sum % 11;
    if (rest == 0) return 0;
    if (rest == 1) return -1;
    return 11 - rest;
}

bool isValidOrgnr(std::string_view orgnr) {
    if (orgnr.size() != 9 || !allDigits(orgnr)) return false;
    int check = orgnrCheckDigit(orgnr.substr(0, 8));
    return check >= 0 && check == orgnr[8] - '0';
}

bool isValidKommunenummer(std::string_view number) { return number.size() == 4 && allDigits(number); }

bool isValidPersonId(std::string_view id, PersonIdKind* kind) {
    if (id.size() != 11 || !allDigits(id)) return false;
    auto digit = [&](std::size_t i) { return id[i] - '0'; };
    int day = digit(0) * 10 + digit(1);
    int month = digit(2) * 10 + digit(3);
    const bool dNummer = day > 40;
    if (dNummer) day -= 40;
    if (month > 80) month -= 80;
    else if (month > 40) month -= 40;
    if (day < 1 || day > 31 || month < 1 || month > 12) return false;
    static constexpr int k1[9] = {3, 7, 6, 1, 8, 9, 4, 5, 2};
    static constexpr int k2[10] = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
    auto control = [&](const int* weights, std::size_t n) {
        int sum = 0;
        for (std::size_t i = 0; i < n; ++i) sum += digit(i) * weights[i];
        const int c = 11 - sum % 11;
        return c == 11 ? 0 : c;  // 10 means no valid number has these digits
    };
    if (control(k1, 9) != digit(9) || control(k2, 10) != digit(10)) return false;
    if (kind) *kind = dNummer ? PersonIdKind::DNummer : PersonIdKind::Fodselsnummer;
    return true;
}

}  // namespace vakt::norway
