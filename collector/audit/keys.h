#pragma once
// The ledger's secrets, kept in a directory outside the database (`vakt --keys DIR`, default
// $VAKT_KEYS): the HMAC key that pseudonymises person ids and the Ed25519 key that signs tree
// heads. The directory also holds the newest signed tree head (the witness), so truncating the
// database to an earlier size is caught even when its own heads are removed with it.
#include <QString>
#include <string>

#include "core/base/result.h"

namespace vakt::audit {

struct SignedHead {
    std::uint64_t treeSize = 0;
    std::string rootHex;
    std::int64_t timestampMs = 0;
    std::string signatureBase64;
    // The bytes that are signed.
    std::string message() const;
};

class LedgerKeys {
public:
    // Creates the directory (0700) and its keys (0600); refuses to overwrite existing keys.
    static Status init(const QString& dir);
    static Result<LedgerKeys> load(const QString& dir);

    const std::string& hmacKey() const { return hmacKey_; }
    const std::string& publicPem() const { return publicPem_; }
    Result<SignedHead> sign(std::uint64_t treeSize, const std::string& rootHex, std::int64_t timestampMs) const;
    bool verify(const SignedHead& head) const;

    // The newest head the ledger signed, or a head with tree size 0 before the first.
    Result<SignedHead> witness() const;
    Status writeWitness(const SignedHead& head) const;

private:
    QString dir_;
    std::string hmacKey_, signingPem_, publicPem_;
};

}  // namespace vakt::audit
