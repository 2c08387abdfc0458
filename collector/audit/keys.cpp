#include "collector/audit/keys.h"

#include <QDir>
#include <QFile>
#include <QFileDevice>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include "core/base/crypto.h"

namespace vakt::audit {

namespace {
constexpr auto kHmacFile = "pseudonym.key";
constexpr auto kSigningFile = "signing-ed25519.pem";
constexpr auto kPublicFile = "signing-ed25519.pub.pem";
constexpr auto kWitnessFile = "witness.json";
// trail-witness.json, positions-witness.json
QString witnessFile(const std::string& kind) { return QString::fromStdString(kind) + QStringLiteral("-witness.json"); }

Status writePrivate(const QString& path, const QByteArray& data, bool secret) {
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) return fail("cannot write " + path.toStdString() + ": " + f.errorString().toStdString(), ErrorKind::Io);
    if (secret && !f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return fail("cannot make " + path.toStdString() + " readable by its owner only", ErrorKind::Io);
    f.write(data);
    if (!f.commit()) return fail("cannot write " + path.toStdString() + ": " + f.errorString().toStdString(), ErrorKind::Io);
    return {};
}

constexpr QFileDevice::Permissions kOthers = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup |
                                             QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;

// A secret file that group or others may read is refused, as ssh refuses such a private key:
// whoever could read it could forge heads or undo pseudonyms.
Result<QByteArray> readSecret(const QString& path) {
    const QFileDevice::Permissions p = QFile::permissions(path);
    if (p & kOthers)
        return fail(path.toStdString() + ": group or others may read this secret key; make it the owner's only (chmod 600 " +
                        path.toStdString() + ")",
                    ErrorKind::Denied);
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return fail("cannot read " + path.toStdString() + ": " + f.errorString().toStdString(), ErrorKind::Io);
    return f.readAll();
}

Result<QByteArray> readAll(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return fail("cannot read " + path.toStdString() + ": " + f.errorString().toStdString(), ErrorKind::Io);
    return f.readAll();
}
}  // namespace

std::string SignedHead::message() const {
    return "vakt-audit-tree-head-v1\n" + std::to_string(treeSize) + "\n" + rootHex + "\n" + std::to_string(timestampMs) + "\n";
}

Status LedgerKeys::init(const QString& dir) {
    QDir d(dir);
    if (d.exists(kHmacFile) || d.exists(kSigningFile))
        return fail("keys already exist in " + dir.toStdString() + "; they are never overwritten, since the ledger depends on them", ErrorKind::Conflict);
    if (!QDir().mkpath(dir)) return fail("cannot create " + dir.toStdString(), ErrorKind::Io);
    if (!QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner))
        return fail("cannot make " + dir.toStdString() + " the owner's only", ErrorKind::Io);
    auto pair = crypto::generateEd25519();
    if (!pair) return pair.error();
    const std::string hmac = crypto::base64(crypto::randomBytes(32));
    if (auto s = writePrivate(d.filePath(kHmacFile), QByteArray::fromStdString(hmac + "\n"), true); !s) return s;
    if (auto s = writePrivate(d.filePath(kSigningFile), QByteArray::fromStdString(pair->privatePem), true); !s) return s;
    return writePrivate(d.filePath(kPublicFile), QByteArray::fromStdString(pair->publicPem), false);
}

Result<LedgerKeys> LedgerKeys::load(const QString& dir) {
    if (dir.isEmpty()) return fail("no key directory: give --keys DIR or set VAKT_KEYS (create one with 'vakt --keys DIR keys init')");
    QDir d(dir);
    LedgerKeys keys;
    keys.dir_ = dir;
    auto pub = readAll(d.filePath(kPublicFile));
    if (!pub) return pub.error();
    keys.publicPem_ = pub->toStdString();
    if (auto fingerprint = crypto::ed25519Fingerprint(keys.publicPem_); !fingerprint)
        return fail(d.filePath(kPublicFile).toStdString() + ": " + fingerprint.message());
    if (d.exists(kHmacFile)) {
        auto hmac = readSecret(d.filePath(kHmacFile));
        if (!hmac) return hmac.error();
        auto raw = crypto::fromBase64(hmac->trimmed().toStdString());
        if (!raw || raw->size() < 32) return fail(d.filePath(kHmacFile).toStdString() + ": not a base64 key of 32 bytes");
        keys.hmacKey_ = *raw;
    }
    if (d.exists(kSigningFile)) {
        auto signing = readSecret(d.filePath(kSigningFile));
        if (!signing) return signing.error();
        keys.signingPem_ = signing->toStdString();
        auto derived = crypto::publicKeyOf(keys.signingPem_);
        if (!derived) return fail(d.filePath(kSigningFile).toStdString() + ": " + derived.message());
        if (*derived != keys.publicPem_)
            return fail(d.filePath(kSigningFile).toStdString() + ": does not belong to " + d.filePath(kPublicFile).toStdString());
    }
    return keys;
}

Status LedgerKeys::canPseudonymise() const {
    if (!hmacKey_.empty()) return {};
    return fail("the key directory " + dir_.toStdString() + " has no pseudonym key (" + kHmacFile +
                    "): ingesting and investigating need it; verifying does not",
                ErrorKind::Denied);
}

Status LedgerKeys::canSign() const {
    if (!signingPem_.empty()) return {};
    return fail("the key directory " + dir_.toStdString() + " has no signing key (" + kSigningFile +
                    "): only whoever ingests (the collector) signs tree heads",
                ErrorKind::Denied);
}

Result<SignedHead> LedgerKeys::sign(std::uint64_t treeSize, const std::string& rootHex, std::int64_t timestampMs) const {
    if (auto s = canSign(); !s) return s.error();
    SignedHead head{treeSize, rootHex, timestampMs, {}};
    auto signature = crypto::signEd25519(signingPem_, head.message());
    if (!signature) return signature.error();
    head.signatureBase64 = crypto::base64(*signature);
    return head;
}

bool LedgerKeys::verify(const SignedHead& head) const {
    auto signature = crypto::fromBase64(head.signatureBase64);
    return signature && crypto::verifyEd25519(publicPem_, head.message(), *signature);
}

bool LedgerKeys::hasWitness() const { return QFile::exists(QDir(dir_).filePath(kWitnessFile)); }

Result<SignedHead> LedgerKeys::witness(bool headsExist) const {
    QFile f(QDir(dir_).filePath(kWitnessFile));
    if (!f.exists()) {
        if (headsExist && canSign())
            return fail(f.fileName().toStdString() + " is missing, though the ledger has signed heads: it may have been removed to hide "
                        "removed events; restore it from a backup");
        return SignedHead{};
    }
    if (!f.open(QIODevice::ReadOnly)) return fail("cannot read " + f.fileName().toStdString(), ErrorKind::Io);
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    SignedHead head{static_cast<std::uint64_t>(o.value("tree_size").toInteger()), o.value("root").toString().toStdString(),
                    o.value("timestamp_ms").toInteger(), o.value("signature").toString().toStdString()};
    if (!verify(head)) return fail(f.fileName().toStdString() + ": the witness head's signature does not verify");
    return head;
}

Status LedgerKeys::writeWitness(const SignedHead& head) const {
    const QJsonObject o{{"tree_size", static_cast<qint64>(head.treeSize)},
                        {"root", QString::fromStdString(head.rootHex)},
                        {"timestamp_ms", static_cast<qint64>(head.timestampMs)},
                        {"signature", QString::fromStdString(head.signatureBase64)}};
    return writePrivate(QDir(dir_).filePath(kWitnessFile), QJsonDocument(o).toJson(), false);
}

std::string SignedTrailHead::message() const {
    return "vakt-" + kind + "-head-v1\n" + std::to_string(seq) + "\n" + hash + "\n" + std::to_string(timestampMs) + "\n";
}

Result<SignedTrailHead> LedgerKeys::signTrail(std::int64_t seq, const std::string& hash, std::int64_t timestampMs, const std::string& kind) const {
    if (auto s = canSign(); !s) return s.error();
    SignedTrailHead head{seq, hash, timestampMs, {}, kind};
    auto signature = crypto::signEd25519(signingPem_, head.message());
    if (!signature) return signature.error();
    head.signatureBase64 = crypto::base64(*signature);
    return head;
}

namespace {
std::string documentMessage(const std::string& kind, const std::string& id, const std::string& sha256Hex) {
    return "vakt-document\n" + kind + "\n" + id + "\n" + sha256Hex;
}
}  // namespace

Result<std::string> LedgerKeys::signDocument(const std::string& kind, const std::string& id, const std::string& sha256Hex) const {
    if (auto s = canSign(); !s) return s.error();
    auto signature = crypto::signEd25519(signingPem_, documentMessage(kind, id, sha256Hex));
    if (!signature) return signature.error();
    return crypto::base64(*signature);
}

bool LedgerKeys::verifyDocument(const std::string& kind, const std::string& id, const std::string& sha256Hex, const std::string& signatureBase64) const {
    auto signature = crypto::fromBase64(signatureBase64);
    return signature && crypto::verifyEd25519(publicPem_, documentMessage(kind, id, sha256Hex), *signature);
}

bool LedgerKeys::verifyTrail(const SignedTrailHead& head) const {
    auto signature = crypto::fromBase64(head.signatureBase64);
    return signature && crypto::verifyEd25519(publicPem_, head.message(), *signature);
}

Result<std::optional<SignedTrailHead>> LedgerKeys::trailWitness(const std::string& kind) const {
    QFile f(QDir(dir_).filePath(witnessFile(kind)));
    if (!f.exists()) return std::optional<SignedTrailHead>();
    if (!f.open(QIODevice::ReadOnly)) return fail("cannot read " + f.fileName().toStdString(), ErrorKind::Io);
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    SignedTrailHead head{o.value("seq").toInteger(), o.value("hash").toString().toStdString(), o.value("timestamp_ms").toInteger(),
                         o.value("signature").toString().toStdString(), kind};
    if (!verifyTrail(head)) return fail(f.fileName().toStdString() + ": the countersigned " + kind + " head's signature does not verify");
    return std::optional<SignedTrailHead>(head);
}

Status LedgerKeys::writeTrailWitness(const SignedTrailHead& head) const {
    const QJsonObject o{{"seq", static_cast<qint64>(head.seq)},
                        {"hash", QString::fromStdString(head.hash)},
                        {"timestamp_ms", static_cast<qint64>(head.timestampMs)},
                        {"signature", QString::fromStdString(head.signatureBase64)}};
    return writePrivate(QDir(dir_).filePath(witnessFile(head.kind)), QJsonDocument(o).toJson(), false);
}

}  // namespace vakt::audit
