#pragma once
// Hashing and password storage over OpenSSL 3.
#include <cstdint>
#include <string>
#include <string_view>

#include "result.h"

namespace vakt::crypto {

std::string sha256Hex(std::string_view data);
std::string randomBytes(std::size_t n);
std::string toHex(std::string_view bytes);
std::string base64(std::string_view bytes);
Result<std::string> fromBase64(std::string_view text);

struct ScryptParams {
    int log2N = 15;  // 32 MiB with r=8: about 0.1 s per hash, the point of a slow KDF
    int r = 8;
    int p = 1;
};

// PHC-like string: $scrypt$ln=15,r=8,p=1$<salt>$<hash> (base64).
std::string hashPassword(std::string_view password, ScryptParams params = {});
// Constant-time comparison; false for malformed hashes.
bool verifyPassword(std::string_view password, std::string_view stored);

}  // namespace vakt::crypto
