#pragma once
// One structured document (the change advisory board's minutes, later other reports) that is
// rendered both as HTML and as PDF (pdf.h). Plain C++, no I/O. Rendering is deterministic, same
// document → same bytes, so a SHA-256 of the output can be signed and checked later.
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace vakt::reports {

// All text is UTF-8; a '\n' in it is a line break. Invalid UTF-8 is shown as U+FFFD (HTML) or
// '?' (PDF), never passed on.
struct Heading {
    int level = 1;  // 1 to 3; other values are clamped
    std::string text;
};

struct Paragraph {
    std::string text;
};

// A two-column definition list: "Møtedato: 2024-05-02".
struct KeyValues {
    std::vector<std::pair<std::string, std::string>> items;
};

// Rows may be shorter or longer than the header: the table is as wide as its widest row, and
// missing cells are empty.
struct Table {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
};

struct BulletList {
    std::vector<std::string> items;
};

using Block = std::variant<Heading, Paragraph, KeyValues, Table, BulletList>;

struct Document {
    std::string title;
    std::string language = "nb";  // BCP 47; "nb", "nn" or "no" give Norwegian page labels, else English
    std::vector<Block> blocks;
    // Shown once after the blocks, e.g. {"Signert av", "…"}, {"SHA-256", "…"}.
    std::vector<std::pair<std::string, std::string>> footer;
};

// A complete standalone HTML5 page: embedded print CSS, no scripts and no external resources (a
// Content-Security-Policy forbids both, in case an escape is ever missed).
std::string renderHtml(const Document& document);

// Text for HTML element content and attribute values: & < > " ' escaped, invalid UTF-8 as
// U+FFFD, control characters other than tab and line feed left out.
std::string escapeHtml(std::string_view utf8);

// The code point at `pos` (which must be < utf8.size()), advancing `pos` past it. An invalid,
// overlong or truncated sequence gives U+FFFD and advances one byte, so a bad byte never
// swallows the text after it.
char32_t nextCodePoint(std::string_view utf8, std::size_t& pos);

}  // namespace vakt::reports
