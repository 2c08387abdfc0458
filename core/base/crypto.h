#pragma once
// Hashing and password storage over OpenSSL 3.
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "core/base/result.h"

namespace vakt::crypto {

std::string sha256Hex(std::string_view data);
// SHA-256 of the parts one after the other, into out. The OpenSSL context is kept per thread:
// the audit ledger hashes every event and tree node, and setting a context up costs more than
// hashing a short event.
void sha256(std::initializer_list<std::string_view> parts, unsigned char (&out)[32]);
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


// Raw 32-byte HMAC-SHA256, used to pseudonymise personal identifiers under a secret key. The
// keyed context is kept per thread while the key stays the same.
std::string hmacSha256(std::string_view key, std::string_view data);

// Ed25519 keys as PEM (PKCS#8 private, SubjectPublicKeyInfo public).
struct SigningKeyPair {
    std::string privatePem, publicPem;
};
Result<SigningKeyPair> generateEd25519();
Result<std::string> publicKeyOf(std::string_view privatePem);
Result<std::string> signEd25519(std::string_view privatePem, std::string_view message);  // 64 raw bytes
bool verifyEd25519(std::string_view publicPem, std::string_view message, std::string_view signature);
// What an operator publishes so others can tell the key: "SHA256:" and the hex SHA-256 of the
// raw 32-byte public key (the same whatever the PEM's line breaks).
Result<std::string> ed25519Fingerprint(std::string_view publicPem);

}  // namespace vakt::crypto
