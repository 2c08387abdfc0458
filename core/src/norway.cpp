#include "norway.h"

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

}  // namespace vakt::norway
