#include "core/base/csv.h"

namespace vakt::csv {

Result<std::vector<Record>> parse(std::string_view in, std::size_t maxBytes, char separator) {
    if (in.size() > maxBytes) return fail("1: input is larger than " + std::to_string(maxBytes) + " bytes");
    std::size_t pos = 0;
    if (in.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;

    // The separator given, or whichever of ',' and ';' appears first outside quotes on the header line.
    char sep = ',';
    if (separator == ',' || separator == ';') {
        sep = separator;
    } else {
        bool quoted = false;
        for (std::size_t i = pos; i < in.size() && (quoted || (in[i] != '\n' && in[i] != '\r')); ++i) {
            if (in[i] == '"') quoted = !quoted;
            else if (!quoted && (in[i] == ',' || in[i] == ';')) { sep = in[i]; break; }
        }
    }

    std::vector<Record> records;
    int line = 1;
    while (pos < in.size()) {
        Record rec;
        rec.line = line;
        std::string field;
        bool recordDone = false;
        while (!recordDone) {
            if (pos < in.size() && in[pos] == '"') {
                ++pos;
                for (;;) {
                    if (pos >= in.size())
                        return fail(std::to_string(rec.line) + ": unterminated quoted field (field " +
                                    std::to_string(rec.fields.size() + 1) + ")");
                    char c = in[pos++];
                    if (c == '"') {
                        if (pos < in.size() && in[pos] == '"') { field += '"'; ++pos; continue; }
                        break;
                    }
                    if (c == '\n') ++line;
                    field += c;
                }
                if (pos < in.size() && in[pos] != sep && in[pos] != '\n' && in[pos] != '\r')
                    return fail(std::to_string(line) + ": unexpected character after closing quote (field " +
                                std::to_string(rec.fields.size() + 1) + ")");
            } else {
                while (pos < in.size() && in[pos] != sep && in[pos] != '\n' && in[pos] != '\r') {
                    if (in[pos] == '"')
                        return fail(std::to_string(line) + ": quote inside an unquoted field (field " +
                                    std::to_string(rec.fields.size() + 1) + ")");
                    field += in[pos++];
                }
            }
            rec.fields.push_back(std::move(field));
            field.clear();
            if (pos >= in.size()) {
                recordDone = true;
            } else if (in[pos] == sep) {
                ++pos;
            } else {
                if (in[pos] == '\r') ++pos;
                if (pos < in.size() && in[pos] == '\n') ++pos;
                ++line;
                recordDone = true;
            }
        }
        // A blank line is not a record.
        if (!(rec.fields.size() == 1 && rec.fields[0].empty())) records.push_back(std::move(rec));
    }
    return records;
}

std::string escapeField(std::string_view field, char separator) {
    // Both common separators are quoted whichever is in use: a spreadsheet set to the other one
    // (Norwegian Excel splits on ';') must not cut a field, and so start a new cell, inside it.
    bool needsQuotes = field.find_first_of(std::string{'"', '\n', '\r', ',', ';', separator}) != std::string_view::npos;
    if (!needsQuotes) return std::string(field);
    std::string out = "\"";
    for (char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string formatRecord(const std::vector<std::string>& fields, char separator) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out += separator;
        out += escapeField(fields[i], separator);
    }
    out += "\r\n";
    return out;
}

}  // namespace vakt::csv
