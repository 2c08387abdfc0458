#include "reports/tabular.h"

#include <cmath>
#include <cstddef>
#include <optional>
#include <set>
#include <utility>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "core/base/csv.h"
#include "reports/render_support.h"

namespace vakt::reports {

namespace {

constexpr std::size_t kSheetNameUnits = 31;
constexpr std::size_t kCellUnits = 32767;  // Excel refuses a workbook with a longer cell

std::size_t utf16Units(char32_t cp) { return cp >= 0x10000 ? 2 : 1; }

// At most `units` UTF-16 units of the text, cut before a code point, never inside one.
std::string cutUnits(std::string_view utf8, std::size_t units) {
    std::size_t used = 0, pos = 0;
    while (pos < utf8.size()) {
        std::size_t next = pos;
        const char32_t cp = nextCodePoint(utf8, next);
        if (used + utf16Units(cp) > units) break;
        used += utf16Units(cp);
        pos = next;
    }
    return std::string(utf8.substr(0, pos));
}

// A cell Excel accepts: cut, with "…" at the end, when longer than 32,767 characters.
std::string cellText(std::string_view utf8) {
    if (utf8.size() <= kCellUnits) return std::string(utf8);  // bytes >= UTF-16 units
    std::string cut = cutUnits(utf8, kCellUnits);
    if (cut.size() == utf8.size()) return cut;
    return cutUnits(cut, kCellUnits - 1) + "\xE2\x80\xA6";
}

std::vector<std::string> cellRow(const std::vector<std::string>& row) {
    std::vector<std::string> out;
    out.reserve(row.size());
    for (const auto& c : row) out.push_back(cellText(c));
    return out;
}

// Spaces and apostrophes off both ends: Excel refuses an apostrophe there, and spaces are invisible.
std::string trimName(std::string s) {
    std::size_t begin = 0;
    while (begin < s.size() && (s[begin] == ' ' || s[begin] == '\'')) ++begin;
    std::size_t end = s.size();
    while (end > begin && (s[end - 1] == ' ' || s[end - 1] == '\'')) --end;
    return s.substr(begin, end - begin);
}

// The text with what a sheet name may not hold taken out, cut to 31 UTF-16 units.
std::string cleanName(std::string_view wanted) {
    const std::string_view text = detail::utf8Prefix(wanted, 1024);
    std::string out;
    for (std::size_t pos = 0; pos < text.size();) {
        char32_t cp = nextCodePoint(text, pos);
        if (cp == '\n' || cp == '\t') cp = ' ';
        if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0xFFFE || cp == 0xFFFF) continue;
        if (cp < 0x80 && std::string_view(":\\/?*[]").find(static_cast<char>(cp)) != std::string_view::npos) continue;
        detail::appendUtf8(out, cp);
    }
    return trimName(cutUnits(trimName(out), kSheetNameUnits));
}

// Excel compares sheet names ignoring case: ASCII and Latin-1 letters (Æ Ø Å É …) folded here.
std::string folded(std::string_view utf8) {
    std::string out;
    for (std::size_t pos = 0; pos < utf8.size();) {
        char32_t cp = nextCodePoint(utf8, pos);
        if ((cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)) cp += 0x20;
        detail::appendUtf8(out, cp);
    }
    return out;
}

class SheetNames {
public:
    // A valid name from `wanted` (or `fallback` when nothing of it is left) that no earlier sheet has.
    std::string claim(std::string_view wanted, const std::string& fallback) {
        std::string base = cleanName(wanted);
        if (base.empty() || !xlsx::validSheetName(base)) base = fallback;
        std::string name = base;
        for (int n = 2; used_.count(folded(name)) > 0; ++n) {
            const std::string suffix = " (" + std::to_string(n) + ")";
            name = trimName(cutUnits(base, kSheetNameUnits - suffix.size())) + suffix;
        }
        used_.insert(folded(name));
        return name;
    }

private:
    std::set<std::string> used_{"history"};  // Excel reserves "History"
};

struct Words {
    std::string field, value, about, table, chart;
    std::string title, author, subject, keywords, created;
};

Words words(std::string_view language) {
    if (detail::norwegian(language))
        return {"Felt", "Verdi", "Om rapporten", "Tabell", "Diagram", "Tittel", "Forfatter", "Emne", "Nøkkelord", "Opprettet (UTC)"};
    return {"Field", "Value", "About", "Table", "Chart", "Title", "Author", "Subject", "Keywords", "Created (UTC)"};
}

std::string barValue(const std::optional<double>& value, std::string_view language) {
    return value && std::isfinite(*value) ? detail::formatNumber(*value, language) : std::string();
}

// The sheets after the first, one per Table, KeyValues and chart, named as tabular.h says.
class SheetBuilder {
public:
    SheetBuilder(const Document& doc, const Words& w, SheetNames& names) : doc_(doc), words_(w), names_(names) {}

    std::vector<xlsx::Sheet> build() {
        for (const auto& block : doc_.blocks) std::visit([&](const auto& b) { add(b); }, block);
        return std::move(sheets_);
    }

private:
    void sheet(std::string_view wanted, bool chart, std::vector<std::vector<std::string>> rows) {
        const std::string fallback = (chart ? words_.chart : words_.table) + " " + std::to_string(sheets_.size() + 1);
        sheets_.push_back({names_.claim(wanted, fallback), std::move(rows)});
    }

    void add(const Heading& h) { heading_ = h.text; }
    void add(const Paragraph&) {}
    void add(const BulletList&) {}
    void add(const Drawing&) {}  // a picture, no data to tabulate

    void add(const Table& t) {
        if (t.header.empty() && t.rows.empty()) return;
        std::vector<std::vector<std::string>> rows;
        if (!t.header.empty()) rows.push_back(cellRow(t.header));
        for (const auto& r : t.rows) rows.push_back(cellRow(r));
        sheet(heading_, false, std::move(rows));
    }

    void add(const KeyValues& kv) {
        if (kv.items.empty()) return;
        std::vector<std::vector<std::string>> rows{{words_.field, words_.value}};
        for (const auto& [key, value] : kv.items) rows.push_back({cellText(key), cellText(value)});
        sheet(heading_, false, std::move(rows));
    }

    // All of the chart's data, not only the part it draws; values as given, not clamped.
    void add(const BarChart& chart) {
        const detail::BarView view(chart, detail::kUnbounded, detail::kUnbounded);
        std::vector<std::vector<std::string>> rows{{std::string()}};
        for (std::size_t s = 0; s < view.seriesCount(); ++s) rows[0].push_back(cellText(view.seriesName(s)));
        for (std::size_t g = 0; g < view.groups(); ++g) {
            std::vector<std::string> row{cellText(view.label(g))};
            for (const auto& series : chart.series)
                row.push_back(g < series.values.size() ? barValue(series.values[g], doc_.language) : std::string());
            rows.push_back(std::move(row));
        }
        sheet(chart.title.empty() ? std::string_view(heading_) : std::string_view(chart.title), true, std::move(rows));
    }

    // What each cell shows: its text, else its percentage as a whole number, else nothing.
    void add(const HeatMap& map) {
        const detail::HeatView view(map, detail::kUnbounded);
        std::vector<std::vector<std::string>> rows{{std::string()}};
        for (std::size_t c = 0; c < view.columns(); ++c) rows[0].push_back(cellText(view.columnLabel(c)));
        for (std::size_t r = 0; r < view.rows(); ++r) {
            std::vector<std::string> row{cellText(view.rowLabel(r))};
            for (std::size_t c = 0; c < view.columns(); ++c) {
                const auto text = view.text(r, c);
                const auto value = view.value(r, c);
                if (!text.empty()) row.push_back(cellText(text));
                else if (value) row.push_back(detail::formatNumber(std::round(*value * 100), doc_.language));
                else row.emplace_back();
            }
            rows.push_back(std::move(row));
        }
        sheet(map.title.empty() ? std::string_view(heading_) : std::string_view(map.title), true, std::move(rows));
    }

    const Document& doc_;
    const Words& words_;
    SheetNames& names_;
    std::string heading_;
    std::vector<xlsx::Sheet> sheets_;
};

// A spreadsheet runs a cell starting with = + - @ (or a tab or CR) as a formula; a leading
// apostrophe makes it text. Leading spaces are looked past, as some spreadsheets do.
std::string inert(std::string_view value) {
    const auto first = value.find_first_not_of(' ');
    if (first != std::string_view::npos && std::string_view("=+-@\t\r").find(value[first]) != std::string_view::npos)
        return "'" + std::string(value);
    return std::string(value);
}

std::vector<std::string> inertRow(const std::vector<std::string>& row) {
    std::vector<std::string> out;
    out.reserve(row.size());
    for (const auto& c : row) out.push_back(inert(c));
    return out;
}

}  // namespace

xlsx::Workbook toWorkbook(const Document& doc) {
    const Words w = words(doc.language);
    SheetNames names;
    xlsx::Sheet about{names.claim(w.about, w.about), {{w.field, w.value}}};
    const std::pair<const std::string*, const std::string*> metadata[] = {
        {&w.title, &doc.title}, {&w.author, &doc.author}, {&w.subject, &doc.subject}, {&w.keywords, &doc.keywords}, {&w.created, &doc.createdUtc}};
    for (const auto& [key, value] : metadata)
        if (!value->empty()) about.rows.push_back({*key, cellText(*value)});
    for (const auto& [key, value] : doc.footer) about.rows.push_back({cellText(key), cellText(value)});
    xlsx::Workbook book;
    book.sheets.push_back(std::move(about));
    for (auto& sheet : SheetBuilder(doc, w, names).build()) book.sheets.push_back(std::move(sheet));
    return book;
}

std::string toCsv(const Document& doc) {
    const Words w = words(doc.language);
    std::string out, heading;
    std::size_t tables = 0;
    for (const auto& block : doc.blocks) {
        if (const auto* h = std::get_if<Heading>(&block)) {
            heading = h->text;
            continue;
        }
        const auto* t = std::get_if<Table>(&block);
        if (!t || (t->header.empty() && t->rows.empty())) continue;
        ++tables;
        if (!out.empty()) out += "\r\n";
        out += csv::formatRecord({inert(heading.empty() ? w.table + " " + std::to_string(tables) : detail::oneLine(heading))});
        if (!t->header.empty()) out += csv::formatRecord(inertRow(t->header));
        for (const auto& row : t->rows) out += csv::formatRecord(inertRow(row));
    }
    return out;
}

}  // namespace vakt::reports
