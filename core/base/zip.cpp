#include "core/base/zip.h"

#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <set>

namespace vakt::zip {

namespace {

constexpr std::uint32_t kLocalSig = 0x04034b50;
constexpr std::uint32_t kCentralSig = 0x02014b50;
constexpr std::uint32_t kEndSig = 0x06054b50;
constexpr std::size_t kLocalSize = 30;
constexpr std::size_t kCentralSize = 46;
constexpr std::size_t kEndSize = 22;
constexpr std::uint16_t kDosDate1980 = (0 << 9) | (1 << 5) | 1;  // 1980-01-01; time is 00:00:00
constexpr std::uint16_t kFlagEncrypted = 0x0001;
constexpr std::uint16_t kFlagStrongEncryption = 0x0040;
constexpr std::uint16_t kFlagUtf8 = 0x0800;

void put16(std::string& out, std::uint32_t v) {
    out += static_cast<char>(v & 0xff);
    out += static_cast<char>((v >> 8) & 0xff);
}
void put32(std::string& out, std::uint32_t v) {
    put16(out, v & 0xffff);
    put16(out, v >> 16);
}
std::uint16_t get16(std::string_view in, std::size_t at) {
    return static_cast<std::uint16_t>(static_cast<unsigned char>(in[at]) |
                                      (static_cast<unsigned char>(in[at + 1]) << 8));
}
std::uint32_t get32(std::string_view in, std::size_t at) {
    return get16(in, at) | (static_cast<std::uint32_t>(get16(in, at + 2)) << 16);
}

// zlib counts in uInt; feed it in pieces so inputs over 4 GiB would still be correct.
constexpr std::size_t kZlibChunk = 1u << 30;

std::uint32_t crc(std::string_view data) {
    uLong c = crc32(0L, Z_NULL, 0);
    for (std::size_t pos = 0; pos < data.size(); pos += kZlibChunk) {
        std::size_t n = std::min(kZlibChunk, data.size() - pos);
        c = crc32(c, reinterpret_cast<const Bytef*>(data.data() + pos), static_cast<uInt>(n));
    }
    return static_cast<std::uint32_t>(c);
}

// Raw deflate (no zlib header), as ZIP method 8 wants it. Empty on failure, which the caller
// treats as "store instead".
std::string deflateRaw(std::string_view data) {
    z_stream zs{};
    if (deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) return {};
    std::string out;
    char buf[16384];
    std::size_t pos = 0;
    int rc = Z_OK;
    do {
        std::size_t n = std::min(kZlibChunk, data.size() - pos);
        zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data() + pos));
        zs.avail_in = static_cast<uInt>(n);
        pos += n;
        int flush = pos == data.size() ? Z_FINISH : Z_NO_FLUSH;
        do {
            zs.next_out = reinterpret_cast<Bytef*>(buf);
            zs.avail_out = sizeof buf;
            rc = deflate(&zs, flush);
            if (rc == Z_STREAM_ERROR) { deflateEnd(&zs); return {}; }
            out.append(buf, sizeof buf - zs.avail_out);
        } while (zs.avail_out == 0);
    } while (pos < data.size());
    deflateEnd(&zs);
    if (rc != Z_STREAM_END) return {};
    return out;
}

std::string quoted(std::string_view name) { return "'" + std::string(name) + "'"; }

// A name is safe to hand to code that may one day extract it: relative, no "..", no drive letter.
const char* unsafeNameReason(std::string_view name) {
    if (name.empty()) return "has an empty name";
    if (name.find('\0') != std::string_view::npos) return "has a NUL byte in its name";
    if (name[0] == '/' || name[0] == '\\') return "has an absolute path";
    if (name.size() >= 2 && name[1] == ':') return "has a drive letter";
    std::size_t start = 0;
    while (start <= name.size()) {
        std::size_t end = name.find_first_of("/\\", start);
        if (end == std::string_view::npos) end = name.size();
        if (name.substr(start, end - start) == "..") return "has a '..' path component";
        start = end + 1;
    }
    return nullptr;
}

Result<std::string> inflateRaw(std::string_view compressed, std::size_t declared, const std::string& name) {
    z_stream zs{};
    if (inflateInit2(&zs, -15) != Z_OK) return fail("zip: entry " + quoted(name) + ": zlib failed to start", ErrorKind::Internal);
    std::string out;
    out.reserve(declared);  // the caller has checked it against the limits
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
    zs.avail_in = static_cast<uInt>(compressed.size());  // at most 4 GiB: it came from a 32-bit field
    char buf[32768];
    for (;;) {
        zs.next_out = reinterpret_cast<Bytef*>(buf);
        zs.avail_out = sizeof buf;
        int rc = inflate(&zs, Z_NO_FLUSH);
        std::size_t produced = sizeof buf - zs.avail_out;
        // Stop at the first byte past the declared size: a bomb never gets further than this.
        if (produced > declared - out.size()) {
            inflateEnd(&zs);
            return fail("zip: entry " + quoted(name) + ": inflates to more than its declared " + std::to_string(declared) +
                        " bytes");
        }
        out.append(buf, produced);
        if (rc == Z_STREAM_END) break;
        if (rc == Z_OK) continue;  // progress was made; input and output are both bounded
        inflateEnd(&zs);
        if (rc == Z_BUF_ERROR) return fail("zip: entry " + quoted(name) + ": compressed data is truncated");
        return fail("zip: entry " + quoted(name) + ": compressed data is corrupt");
    }
    inflateEnd(&zs);
    if (out.size() != declared)
        return fail("zip: entry " + quoted(name) + ": inflates to " + std::to_string(out.size()) + " bytes, not the declared " +
                    std::to_string(declared));
    return out;
}

}  // namespace

std::string write(const std::vector<Entry>& entries) {
    std::string out;
    std::string central;
    for (const Entry& e : entries) {
        std::uint32_t checksum = crc(e.data);
        std::string packed = e.data.empty() || e.store ? std::string() : deflateRaw(e.data);
        bool deflated = !packed.empty() && packed.size() < e.data.size();
        const std::string& stored = deflated ? packed : e.data;
        std::uint16_t method = deflated ? 8 : 0;
        bool ascii = std::all_of(e.name.begin(), e.name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
        std::uint16_t flags = ascii ? 0 : kFlagUtf8;
        auto offset = static_cast<std::uint32_t>(out.size());

        auto common = [&](std::string& h) {
            put16(h, 20);  // version needed: 2.0 (deflate)
            put16(h, flags);
            put16(h, method);
            put16(h, 0);  // time 00:00:00
            put16(h, kDosDate1980);
            put32(h, checksum);
            put32(h, static_cast<std::uint32_t>(stored.size()));
            put32(h, static_cast<std::uint32_t>(e.data.size()));
            put16(h, static_cast<std::uint32_t>(e.name.size()));
            put16(h, 0);  // extra field length
        };
        put32(out, kLocalSig);
        common(out);
        out += e.name;
        out += stored;

        put32(central, kCentralSig);
        put16(central, 20);  // version made by: MS-DOS, 2.0
        common(central);
        put16(central, 0);  // comment length
        put16(central, 0);  // disk number
        put16(central, 0);  // internal attributes
        put32(central, 0);  // external attributes
        put32(central, offset);
        central += e.name;
    }
    auto centralOffset = static_cast<std::uint32_t>(out.size());
    out += central;
    put32(out, kEndSig);
    put16(out, 0);  // this disk
    put16(out, 0);  // disk with the central directory
    put16(out, static_cast<std::uint32_t>(entries.size()));
    put16(out, static_cast<std::uint32_t>(entries.size()));
    put32(out, static_cast<std::uint32_t>(central.size()));
    put32(out, centralOffset);
    put16(out, 0);  // comment length
    return out;
}

Result<std::vector<Entry>> read(std::string_view in, const Limits& limits) {
    if (in.size() < kEndSize) return fail("zip: not a ZIP archive (only " + std::to_string(in.size()) + " bytes)");

    // The end record sits at the end, before a comment of at most 65535 bytes. Prefer a record
    // whose comment reaches exactly to the end, so a signature inside a comment cannot fool us.
    std::size_t endAt = std::string_view::npos;
    {
        std::size_t lowest = in.size() > 65535 + kEndSize ? in.size() - 65535 - kEndSize : 0;
        std::size_t fallback = std::string_view::npos;
        for (std::size_t at = in.size() - kEndSize + 1; at-- > lowest;) {
            if (get32(in, at) != kEndSig) continue;
            std::size_t commentEnd = at + kEndSize + get16(in, at + 20);
            if (commentEnd == in.size()) { endAt = at; break; }
            if (commentEnd <= in.size() && fallback == std::string_view::npos) fallback = at;
        }
        if (endAt == std::string_view::npos) endAt = fallback;
    }
    if (endAt == std::string_view::npos) return fail("zip: not a ZIP archive (no end of central directory record)");

    std::uint16_t disk = get16(in, endAt + 4);
    std::uint16_t centralDisk = get16(in, endAt + 6);
    std::uint16_t countOnDisk = get16(in, endAt + 8);
    std::uint16_t count = get16(in, endAt + 10);
    std::uint32_t centralSize = get32(in, endAt + 12);
    std::uint32_t centralOffset = get32(in, endAt + 16);
    if (count == 0xffff || centralSize == 0xffffffff || centralOffset == 0xffffffff)
        return fail("zip: zip64 archives are not supported");
    if (disk != 0 || centralDisk != 0 || countOnDisk != count) return fail("zip: multi-disk archives are not supported");
    if (count > limits.maxEntries)
        return fail("zip: archive has " + std::to_string(count) + " entries, more than the limit of " +
                    std::to_string(limits.maxEntries));
    if (std::uint64_t{centralOffset} + centralSize > endAt)
        return fail("zip: central directory (offset " + std::to_string(centralOffset) + ", " + std::to_string(centralSize) +
                    " bytes) lies outside the archive");

    // First the whole directory, so overlaps are refused before anything is inflated.
    struct Record {
        std::string name;
        std::uint16_t method;
        std::uint32_t checksum, packedSize, size;
        std::uint64_t begin, dataAt;  // local header, and the data after it
    };
    std::vector<Record> records;
    records.reserve(count);
    std::set<std::string, std::less<>> names;
    std::uint64_t total = 0;
    std::size_t at = centralOffset;
    const std::size_t centralEnd = std::size_t{centralOffset} + centralSize;
    for (std::size_t i = 0; i < count; ++i) {
        const std::string where = "zip: central directory entry " + std::to_string(i + 1);
        if (centralEnd - at < kCentralSize || get32(in, at) != kCentralSig) return fail(where + " is damaged or truncated");
        std::uint16_t flags = get16(in, at + 8);
        std::uint16_t method = get16(in, at + 10);
        std::uint32_t checksum = get32(in, at + 16);
        std::uint32_t packedSize = get32(in, at + 20);
        std::uint32_t size = get32(in, at + 24);
        std::size_t nameLen = get16(in, at + 28);
        std::size_t extraLen = get16(in, at + 30);
        std::size_t commentLen = get16(in, at + 32);
        std::uint16_t startDisk = get16(in, at + 34);
        std::uint32_t localOffset = get32(in, at + 42);
        if (centralEnd - at - kCentralSize < nameLen + extraLen + commentLen) return fail(where + " is truncated");
        std::string name(in.substr(at + kCentralSize, nameLen));
        at += kCentralSize + nameLen + extraLen + commentLen;

        const std::string entry = "zip: entry " + quoted(name) + ": ";
        if (const char* why = unsafeNameReason(name)) return fail(entry + why);
        if (!names.insert(name).second) return fail(entry + "the name occurs twice");
        if (flags & (kFlagEncrypted | kFlagStrongEncryption)) return fail(entry + "encrypted entries are not supported");
        if (packedSize == 0xffffffff || size == 0xffffffff || localOffset == 0xffffffff)
            return fail(entry + "zip64 entries are not supported");
        if (startDisk != 0) return fail(entry + "multi-disk archives are not supported");
        if (method != 0 && method != 8)
            return fail(entry + "compression method " + std::to_string(method) + " is not supported (only stored and deflate)");
        if (size > limits.maxEntryBytes)
            return fail(entry + "uncompressed size " + std::to_string(size) + " bytes is larger than the limit of " +
                        std::to_string(limits.maxEntryBytes));
        total += size;
        if (total > limits.maxTotalBytes)
            return fail(entry + "the archive's uncompressed size exceeds the limit of " + std::to_string(limits.maxTotalBytes) +
                        " bytes");
        if (method == 0 && packedSize != size) return fail(entry + "stored entry's sizes disagree");

        // The local header repeats the name and may have its own extra field; the data follows it.
        if (std::uint64_t{localOffset} + kLocalSize > centralOffset || get32(in, localOffset) != kLocalSig)
            return fail(entry + "local header is missing or lies outside the archive");
        std::uint64_t dataAt = std::uint64_t{localOffset} + kLocalSize + get16(in, localOffset + 26) + get16(in, localOffset + 28);
        if (dataAt + packedSize > centralOffset) return fail(entry + "data lies outside the archive");
        records.push_back({std::move(name), method, checksum, packedSize, size, localOffset, dataAt});
    }

    // Entries sharing bytes are how the worst zip bombs multiply their output; no real tool writes them.
    {
        std::vector<const Record*> byOffset;
        for (const Record& r : records) byOffset.push_back(&r);
        std::sort(byOffset.begin(), byOffset.end(), [](const Record* a, const Record* b) { return a->begin < b->begin; });
        for (std::size_t i = 1; i < byOffset.size(); ++i)
            if (byOffset[i]->begin < byOffset[i - 1]->dataAt + byOffset[i - 1]->packedSize)
                return fail("zip: entry " + quoted(byOffset[i]->name) + ": overlaps entry " + quoted(byOffset[i - 1]->name));
    }

    std::vector<Entry> entries;
    entries.reserve(records.size());
    for (Record& r : records) {
        std::string_view packed = in.substr(static_cast<std::size_t>(r.dataAt), r.packedSize);
        Entry e{std::move(r.name), {}};
        if (r.method == 0) {
            e.data.assign(packed);
        } else {
            auto inflated = inflateRaw(packed, r.size, e.name);
            if (!inflated) return inflated.error();
            e.data = std::move(inflated.value());
        }
        if (crc(e.data) != r.checksum) return fail("zip: entry " + quoted(e.name) + ": CRC mismatch");
        entries.push_back(std::move(e));
    }
    return entries;
}

}  // namespace vakt::zip
