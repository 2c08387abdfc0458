#include "reports/document.h"

#include <algorithm>

namespace vakt::reports {

char32_t nextCodePoint(std::string_view s, std::size_t& pos) {
    constexpr char32_t kReplacement = 0xFFFD;
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    const unsigned char lead = byte(pos);
    if (lead < 0x80) {
        ++pos;
        return lead;
    }
    std::size_t length = 0;
    char32_t cp = 0, minimum = 0;
    if ((lead & 0xE0) == 0xC0) { length = 2; cp = lead & 0x1F; minimum = 0x80; }
    else if ((lead & 0xF0) == 0xE0) { length = 3; cp = lead & 0x0F; minimum = 0x800; }
    else if ((lead & 0xF8) == 0xF0) { length = 4; cp = lead & 0x07; minimum = 0x10000; }
    if (length == 0 || pos + length > s.size()) {
        ++pos;
        return kReplacement;
    }
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(pos + i) & 0xC0) != 0x80) {
            ++pos;
            return kReplacement;
        }
        cp = (cp << 6) | (byte(pos + i) & 0x3F);
    }
    // Overlong forms could smuggle '<' past a byte-wise check; surrogates are not characters.
    if (cp < minimum || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++pos;
        return kReplacement;
    }
    pos += length;
    return cp;
}

namespace {

void appendUtf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Element content: escaped, with each '\n' a <br>.
std::string textHtml(std::string_view text) {
    std::string out;
    std::size_t start = 0;
    for (;;) {
        const auto end = text.find('\n', start);
        out += escapeHtml(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) break;
        out += "<br>";
        start = end + 1;
    }
    return out;
}

// Print first: the HTML is an archive copy next to the PDF, so A4 and black on white; tables
// keep rows whole and repeat their header on each printed page, as the PDF does.
constexpr std::string_view kStyle = R"(@page { size: A4; margin: 20mm; }
body { font-family: Helvetica, Arial, "Liberation Sans", sans-serif; font-size: 10.5pt; line-height: 1.4; color: #000; background: #fff; max-width: 48em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 18pt; margin: 0 0 0.6em; }
h2 { font-size: 14pt; margin: 1.2em 0 0.4em; }
h3 { font-size: 12pt; margin: 1em 0 0.3em; }
h4 { font-size: 11pt; margin: 0.8em 0 0.3em; }
h1, h2, h3, h4 { break-after: avoid; }
p, li, td, th, dd, dt { overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0; font-size: 9.5pt; }
th, td { border: 0.5pt solid #000; padding: 0.2em 0.4em; text-align: left; vertical-align: top; }
th { font-weight: bold; background: #eee; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
dl.kv { display: grid; grid-template-columns: minmax(8em, max-content) 1fr; gap: 0.2em 1em; margin: 0.5em 0; }
dl.kv dt { font-weight: bold; }
dl.kv dd { margin: 0; }
footer { border-top: 0.5pt solid #000; margin-top: 2em; padding-top: 0.5em; font-size: 9pt; break-inside: avoid; }
@media print { body { max-width: none; margin: 0; padding: 0; } }
)";

void keyValuesHtml(std::string& out, const std::vector<std::pair<std::string, std::string>>& items) {
    if (items.empty()) return;
    out += "<dl class=\"kv\">\n";
    for (const auto& [key, value] : items) out += "<dt>" + textHtml(key) + "</dt><dd>" + textHtml(value) + "</dd>\n";
    out += "</dl>\n";
}

void blockHtml(std::string& out, const Heading& h) {
    // The document's title is the page's only <h1>; its headings sit below it.
    const std::string tag = "h" + std::to_string(std::clamp(h.level, 1, 3) + 1);
    out += "<" + tag + ">" + textHtml(h.text) + "</" + tag + ">\n";
}

void blockHtml(std::string& out, const Paragraph& p) { out += "<p>" + textHtml(p.text) + "</p>\n"; }

void blockHtml(std::string& out, const KeyValues& kv) { keyValuesHtml(out, kv.items); }

void blockHtml(std::string& out, const Table& t) {
    std::size_t columns = t.header.size();
    for (const auto& row : t.rows) columns = std::max(columns, row.size());
    if (columns == 0) return;
    auto cells = [&](const std::vector<std::string>& row, std::string_view tag) {
        std::string line = "<tr>";
        for (std::size_t i = 0; i < columns; ++i)
            line += "<" + std::string(tag) + ">" + (i < row.size() ? textHtml(row[i]) : std::string()) + "</" + std::string(tag) + ">";
        return line + "</tr>\n";
    };
    out += "<table>\n";
    if (!t.header.empty()) out += "<thead>\n" + cells(t.header, "th") + "</thead>\n";
    out += "<tbody>\n";
    for (const auto& row : t.rows) out += cells(row, "td");
    out += "</tbody>\n</table>\n";
}

void blockHtml(std::string& out, const BulletList& list) {
    if (list.items.empty()) return;
    out += "<ul>\n";
    for (const auto& item : list.items) out += "<li>" + textHtml(item) + "</li>\n";
    out += "</ul>\n";
}

}  // namespace

std::string escapeHtml(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t pos = 0; pos < s.size();) {
        const char32_t cp = nextCodePoint(s, pos);
        switch (cp) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default:
                // C0 and C1 controls (a stray CR included) are HTML parse errors and show as nothing.
                if ((cp < 0x20 && cp != '\t' && cp != '\n') || (cp >= 0x7F && cp < 0xA0)) break;
                appendUtf8(out, cp);
        }
    }
    return out;
}

std::string renderHtml(const Document& doc) {
    std::string out;
    out += "<!DOCTYPE html>\n<html lang=\"" + escapeHtml(doc.language) + "\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<meta name=\"generator\" content=\"Vakt\">\n";
    // HTML requires a non-empty <title>; a line break in the title reads as a space there.
    std::string title = doc.title;
    std::replace(title.begin(), title.end(), '\n', ' ');
    out += "<title>" + (title.empty() ? std::string("Vakt") : escapeHtml(title)) + "</title>\n";
    out += "<style>\n" + std::string(kStyle) + "</style>\n</head>\n<body>\n";
    if (!doc.title.empty()) out += "<h1>" + textHtml(doc.title) + "</h1>\n";
    for (const auto& block : doc.blocks) std::visit([&](const auto& b) { blockHtml(out, b); }, block);
    if (!doc.footer.empty()) {
        out += "<footer>\n";
        keyValuesHtml(out, doc.footer);
        out += "</footer>\n";
    }
    out += "</body>\n</html>\n";
    return out;
}

}  // namespace vakt::reports
