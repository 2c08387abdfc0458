#pragma once
// In-memory ZIP archives, enough for Office Open XML files (XLSX). Plain C++ over zlib, no file
// I/O. The reader takes untrusted bytes: every offset and size is checked against the buffer and
// the limits below, so a hostile archive yields an error, never a crash or an unbounded allocation.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.h"

namespace vakt::zip {

struct Entry {
    std::string name;  // a relative path with '/' separators, e.g. "xl/workbook.xml"
    std::string data;
    bool store = false;  // never deflate (an ODF package's "mimetype" must be stored); read() leaves it false
};

// Writes the entries in order: deflated, or stored when asked to or when deflate would not make
// them smaller.
// Every entry gets the fixed timestamp 1980-01-01 00:00, so equal input gives equal bytes.
// No zip64: fewer than 65535 entries, each and the whole archive under 4 GiB.
std::string write(const std::vector<Entry>& entries);

// What read() accepts at most; a zip bomb is refused by these before it is inflated.
struct Limits {
    std::size_t maxEntries = 10000;
    std::size_t maxEntryBytes = 64u << 20;   // uncompressed size of one entry
    std::size_t maxTotalBytes = 256u << 20;  // uncompressed size of all entries together
};

// Reads the archive through its central directory. Accepts stored and deflated entries and checks
// each one's CRC-32. Refuses encryption, zip64, multi-disk archives, entries that overlap, names
// that are absolute or hold a ".." component, duplicate names, and anything beyond the limits.
// Errors start with "zip: " and name the entry.
Result<std::vector<Entry>> read(std::string_view archive, const Limits& limits = {});

}  // namespace vakt::zip
