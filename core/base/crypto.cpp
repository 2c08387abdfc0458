#include "core/base/crypto.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/core_names.h>
#include <openssl/pem.h>
#include <openssl/rand.h>

#include <charconv>
#include <memory>
#include <stdexcept>
#include <vector>

namespace vakt::crypto {

namespace {
const unsigned char* bytes(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;

bool scrypt(std::string_view password, std::string_view salt, const ScryptParams& p, std::string& out) {
    out.assign(kHashBytes, '\0');
    const std::uint64_t n = std::uint64_t{1} << p.log2N;
    const std::uint64_t maxMem = 128u * static_cast<std::uint64_t>(p.r) * (n + static_cast<std::uint64_t>(p.p) + 2) + 1024;
    return EVP_PBE_scrypt(password.data(), password.size(), bytes(salt), salt.size(), n,
                          static_cast<std::uint64_t>(p.r), static_cast<std::uint64_t>(p.p), maxMem,
                          reinterpret_cast<unsigned char*>(out.data()), out.size()) == 1;
}
}  // namespace

namespace {
struct Sha256Context {
    EVP_MD* md = EVP_MD_fetch(nullptr, "SHA2-256", nullptr);
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    ~Sha256Context() {
        EVP_MD_CTX_free(ctx);
        EVP_MD_free(md);
    }
};
}  // namespace

void sha256(std::initializer_list<std::string_view> parts, unsigned char (&out)[32]) {
    thread_local Sha256Context c;
    bool ok = c.md && c.ctx && EVP_DigestInit_ex2(c.ctx, c.md, nullptr) == 1;
    for (auto p : parts) ok = ok && EVP_DigestUpdate(c.ctx, p.data(), p.size()) == 1;
    unsigned int len = 0;
    if (!ok || EVP_DigestFinal_ex(c.ctx, out, &len) != 1 || len != 32) throw std::runtime_error("SHA-256 failed");
}

std::string sha256Hex(std::string_view data) {
    unsigned char digest[32];
    sha256({data}, digest);
    return toHex(std::string_view(reinterpret_cast<const char*>(digest), sizeof digest));
}

std::string randomBytes(std::size_t n) {
    std::string out(n, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(n)) != 1)
        throw std::runtime_error("the system random generator failed");
    return out;
}

std::string toHex(std::string_view data) {
    static const char* digits = "0123456789abcdef";
    std::string out(data.size() * 2, '\0');
    for (std::size_t i = 0; i < data.size(); ++i) {
        const auto c = static_cast<unsigned char>(data[i]);
        out[2 * i] = digits[c >> 4];
        out[2 * i + 1] = digits[c & 0xF];
    }
    return out;
}

std::string base64(std::string_view data) {
    std::string out(4 * ((data.size() + 2) / 3) + 1, '\0');
    int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), bytes(data), static_cast<int>(data.size()));
    out.resize(static_cast<std::size_t>(n));
    return out;
}

Result<std::string> fromBase64(std::string_view text) {
    if (text.size() % 4 != 0) return fail("base64 length is not a multiple of 4");
    std::string out(3 * text.size() / 4 + 1, '\0');
    int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()), bytes(text), static_cast<int>(text.size()));
    if (n < 0) return fail("invalid base64");
    std::size_t len = static_cast<std::size_t>(n);
    // EVP_DecodeBlock counts padding as zero bytes.
    if (!text.empty() && text.back() == '=') --len;
    if (text.size() > 1 && text[text.size() - 2] == '=') --len;
    out.resize(len);
    return out;
}

std::string hashPassword(std::string_view password, ScryptParams params) {
    std::string salt = randomBytes(kSaltBytes);
    std::string hash;
    if (!scrypt(password, salt, params, hash)) throw std::runtime_error("scrypt failed");
    return "$scrypt$ln=" + std::to_string(params.log2N) + ",r=" + std::to_string(params.r) +
           ",p=" + std::to_string(params.p) + "$" + base64(salt) + "$" + base64(hash);
}

bool verifyPassword(std::string_view password, std::string_view stored) {
    // $scrypt$ln=15,r=8,p=1$salt$hash
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= stored.size(); ++i) {
        if (i == stored.size() || stored[i] == '$') {
            parts.push_back(stored.substr(start, i - start));
            start = i + 1;
        }
    }
    if (parts.size() != 5 || !parts[0].empty() || parts[1] != "scrypt") return false;
    ScryptParams p;
    int* targets[] = {&p.log2N, &p.r, &p.p};
    const char* names[] = {"ln=", "r=", "p="};
    std::string_view params = parts[2];
    for (int i = 0; i < 3; ++i) {
        std::string_view name = names[i];
        if (params.substr(0, name.size()) != name) return false;
        params.remove_prefix(name.size());
        auto r = std::from_chars(params.data(), params.data() + params.size(), *targets[i]);
        if (r.ec != std::errc{}) return false;
        params.remove_prefix(static_cast<std::size_t>(r.ptr - params.data()));
        if (i < 2) {
            if (params.empty() || params[0] != ',') return false;
            params.remove_prefix(1);
        }
    }
    if (!params.empty() || p.log2N < 10 || p.log2N > 22 || p.r < 1 || p.r > 32 || p.p < 1 || p.p > 16) return false;
    auto salt = fromBase64(parts[3]);
    auto expected = fromBase64(parts[4]);
    if (!salt || !expected || expected->size() != kHashBytes) return false;
    std::string actual;
    if (!scrypt(password, *salt, p, actual)) return false;
    return CRYPTO_memcmp(actual.data(), expected->data(), kHashBytes) == 0;
}

namespace {
struct HmacContext {
    EVP_MAC* mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    EVP_MAC_CTX* ctx = mac ? EVP_MAC_CTX_new(mac) : nullptr;
    std::string key;  // the key ctx holds; wiped with the context
    bool keyed = false;
    ~HmacContext() {
        EVP_MAC_CTX_free(ctx);
        EVP_MAC_free(mac);
        OPENSSL_cleanse(key.data(), key.size());
    }
};
}  // namespace

std::string hmacSha256(std::string_view key, std::string_view data) {
    thread_local HmacContext c;
    bool ok = c.ctx != nullptr;
    if (ok && (!c.keyed || c.key != key)) {
        OPENSSL_cleanse(c.key.data(), c.key.size());
        c.key.assign(key);
        char digestName[] = "SHA2-256";
        const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string("digest", digestName, 0), OSSL_PARAM_construct_end()};
        c.keyed = ok = EVP_MAC_init(c.ctx, bytes(key), key.size(), params) == 1;
    } else if (ok) {
        ok = EVP_MAC_init(c.ctx, nullptr, 0, nullptr) == 1;  // the same key again
    }
    unsigned char out[32];
    std::size_t len = 0;
    ok = ok && EVP_MAC_update(c.ctx, bytes(data), data.size()) == 1 && EVP_MAC_final(c.ctx, out, &len, sizeof out) == 1 && len == sizeof out;
    if (!ok) {
        c.keyed = false;
        throw std::runtime_error("HMAC-SHA256 failed");
    }
    return std::string(reinterpret_cast<const char*>(out), len);
}

namespace {
struct PkeyDeleter {
    void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
struct BioDeleter {
    void operator()(BIO* b) const { BIO_free(b); }
};
struct MdCtxDeleter {
    void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyDeleter>;

std::string bioText(BIO* bio) {
    char* data = nullptr;
    const long n = BIO_get_mem_data(bio, &data);
    return std::string(data, static_cast<std::size_t>(n));
}

Pkey readKey(std::string_view pem, bool isPrivate) {
    std::unique_ptr<BIO, BioDeleter> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    if (!bio) return nullptr;
    EVP_PKEY* key = isPrivate ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr)
                              : PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr);
    if (key && EVP_PKEY_get_id(key) != EVP_PKEY_ED25519) {
        EVP_PKEY_free(key);
        return nullptr;
    }
    return Pkey(key);
}

Result<std::string> publicPem(EVP_PKEY* key) {
    std::unique_ptr<BIO, BioDeleter> bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PUBKEY(bio.get(), key) != 1) return fail("cannot write the public key");
    return bioText(bio.get());
}
}  // namespace

Result<SigningKeyPair> generateEd25519() {
    Pkey key(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
    if (!key) return fail("cannot generate an Ed25519 key");
    std::unique_ptr<BIO, BioDeleter> bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return fail("cannot write the private key");
    auto pub = publicPem(key.get());
    if (!pub) return pub.error();
    return SigningKeyPair{bioText(bio.get()), *pub};
}

Result<std::string> publicKeyOf(std::string_view privatePem) {
    Pkey key = readKey(privatePem, true);
    if (!key) return fail("not an Ed25519 private key in PEM");
    return publicPem(key.get());
}

Result<std::string> signEd25519(std::string_view privatePem, std::string_view message) {
    Pkey key = readKey(privatePem, true);
    if (!key) return fail("not an Ed25519 private key in PEM");
    std::unique_ptr<EVP_MD_CTX, MdCtxDeleter> ctx(EVP_MD_CTX_new());
    std::string signature(64, '\0');
    std::size_t len = signature.size();
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1 ||
        EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &len, bytes(message), message.size()) != 1)
        return fail("Ed25519 signing failed");
    signature.resize(len);
    return signature;
}

bool verifyEd25519(std::string_view publicPem, std::string_view message, std::string_view signature) {
    Pkey key = readKey(publicPem, false);
    if (!key) return false;
    std::unique_ptr<EVP_MD_CTX, MdCtxDeleter> ctx(EVP_MD_CTX_new());
    return ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) == 1 &&
           EVP_DigestVerify(ctx.get(), bytes(signature), signature.size(), bytes(message), message.size()) == 1;
}

Result<std::string> ed25519Fingerprint(std::string_view publicPem) {
    Pkey key = readKey(publicPem, false);
    if (!key || EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_ED25519) return fail("not an Ed25519 public key in PEM form");
    unsigned char raw[32];
    std::size_t length = sizeof raw;
    if (EVP_PKEY_get_raw_public_key(key.get(), raw, &length) != 1 || length != sizeof raw) return fail("cannot read the Ed25519 public key");
    return "SHA256:" + sha256Hex(std::string_view(reinterpret_cast<const char*>(raw), length));
}

}  // namespace vakt::crypto
