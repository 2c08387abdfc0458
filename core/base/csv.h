#pragma once
// RFC 4180 CSV reading and writing. Plain C++, no I/O. Each record remembers the line it starts
// on (a quoted field may span lines), so errors can name file:line.
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.h"

namespace vakt::csv {

struct Record {
    int line = 0;
    std::vector<std::string> fields;
};

// Accepts ',' or ';' as the separator (Norwegian spreadsheets write ';'); detected from the
// header line unless `separator` names one (for a file whose first line is a title above the
// header, where a comma in the title would mislead the detection). Rejects unterminated quotes
// and stray quotes inside unquoted fields.
Result<std::vector<Record>> parse(std::string_view input, std::size_t maxBytes = 64u * 1024u * 1024u, char separator = 0);

// Quotes a field when it holds a separator (',' or ';', whichever is used), a quote, or a line break.
std::string escapeField(std::string_view field, char separator = ',');
std::string formatRecord(const std::vector<std::string>& fields, char separator = ',');

}  // namespace vakt::csv
