#pragma once
// The ledger's keys, kept in a directory outside the database (`vakt --keys DIR`, default
// $VAKT_KEYS), split by what each use needs:
//   signing-ed25519.pub.pem  the public key: verifying (every role that verifies, and recipients)
//   pseudonym.key            the HMAC key that pseudonymises person ids: ingesting and investigating
//   signing-ed25519.pem      the private key that signs tree heads: ingesting (the collector)
//   witness.json             the newest signed tree head, so truncating the database to an earlier
//                            size is caught even when its own heads are removed with it
// A directory holds what its user needs: a revisor's has the public key and a copy of the
// witness, never the private key. Secret files that group or others may read are refused, as ssh does.
#include <QString>
#include <optional>
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

// The app's trail head, countersigned with the same key, so a trail rewritten by whoever can
// write the database is caught (trail-witness.json keeps the newest outside the database).
struct SignedTrailHead {
    std::int64_t seq = 0;
    std::string hash;
    std::int64_t timestampMs = 0;
    std::string signatureBase64;
    // What is countersigned: "trail" (the app's trail head: seq, entry hash) or "positions" (the
    // audit sources' positions: the ledger's size, the SHA-256 of the positions). Part of the
    // signed message, so one kind's signature never passes for the other.
    std::string kind = "trail";
    std::string message() const;
};

class LedgerKeys {
public:
    // Creates the directory (0700) and its keys (0600); refuses to overwrite existing keys.
    static Status init(const QString& dir);
    // Loads whatever of the keys the directory holds; the public key is required.
    static Result<LedgerKeys> load(const QString& dir);

    // What the directory allows, with an error naming the missing file for each use.
    Status canPseudonymise() const;
    Status canSign() const;
    // Empty when the directory has no pseudonym key: check canPseudonymise() first.
    const std::string& hmacKey() const { return hmacKey_; }
    const std::string& publicPem() const { return publicPem_; }
    Result<SignedHead> sign(std::uint64_t treeSize, const std::string& rootHex, std::int64_t timestampMs) const;
    bool verify(const SignedHead& head) const;

    // The newest head the ledger signed, or a head with tree size 0 before the first. Missing in
    // the signer's directory once a head exists, it is an error (it may have been removed to hide
    // a truncation); a directory for verifying only may lack it (then `hasWitness` is false).
    Result<SignedHead> witness(bool headsExist) const;
    bool hasWitness() const;
    Status writeWitness(const SignedHead& head) const;

    Result<SignedTrailHead> signTrail(std::int64_t seq, const std::string& hash, std::int64_t timestampMs,
                                      const std::string& kind = "trail") const;
    bool verifyTrail(const SignedTrailHead& head) const;
    // The newest countersigned trail head, if this directory has one.
    Result<std::optional<SignedTrailHead>> trailWitness(const std::string& kind = "trail") const;
    Status writeTrailWitness(const SignedTrailHead& head) const;

    // A document the department issues (the change board's minutes): the signature over its
    // kind, its id and its SHA-256, so one document's signature never passes for another's.
    Result<std::string> signDocument(const std::string& kind, const std::string& id, const std::string& sha256Hex) const;  // base64
    bool verifyDocument(const std::string& kind, const std::string& id, const std::string& sha256Hex, const std::string& signatureBase64) const;

private:
    QString dir_;
    std::string hmacKey_, signingPem_, publicPem_;
};

}  // namespace vakt::audit
