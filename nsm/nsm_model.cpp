#include "nsm/nsm_model.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "core/base/csv.h"
#include "core/base/utf8.h"
#include "core/base/xlsx.h"
#include "core/base/zip.h"

namespace vakt::nsm {

namespace chr = std::chrono;

namespace {

// Bounds on hostile or mistaken input: problems kept (the rest are counted), rows searched for
// the header, and the lengths of text a person writes.
constexpr std::size_t kMaxProblems = 1000;
constexpr std::size_t kHeaderSearchRows = 30;
constexpr std::size_t kMaxTitleChars = 2000;
constexpr std::size_t kMaxPriorityChars = 50;
constexpr std::size_t kMaxTextChars = 4000;  // rationale, justification
constexpr std::size_t kMaxNameChars = 200;   // assessor, scope key, scale id, evidence kind
constexpr std::size_t kMaxEvidenceIdChars = 2000;  // a URL
constexpr std::size_t kMaxEvidence = 100;
// Values on 0..1 closer than this are equal: sums of a few doubles, never a real difference.
constexpr double kEpsilon = 1e-9;

// ---- Text ------------------------------------------------------------------------------------

bool isSpaceByte(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// ASCII whitespace and no-break spaces (U+00A0, which spreadsheets leave around values) at both ends.
std::string_view trimView(std::string_view s) {
    for (;;) {
        if (!s.empty() && isSpaceByte(s.front()))
            s.remove_prefix(1);
        else if (s.substr(0, 2) == "\xC2\xA0")
            s.remove_prefix(2);
        else
            break;
    }
    for (;;) {
        if (!s.empty() && isSpaceByte(s.back()))
            s.remove_suffix(1);
        else if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0")
            s.remove_suffix(2);
        else
            break;
    }
    return s;
}

bool blank(std::string_view s) { return trimView(s).empty(); }

std::string lowerAscii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}


// Control characters; tabs and line breaks count only when `allowLineBreaks` is false.
bool hasControl(std::string_view s, bool allowLineBreaks) {
    return std::any_of(s.begin(), s.end(), [allowLineBreaks](char c) {
        const auto u = static_cast<unsigned char>(c);
        if (allowLineBreaks && (c == '\n' || c == '\r' || c == '\t')) return false;
        return u < 0x20 || u == 0x7F;
    });
}

// Characters, not bytes, for the limits a person reads (valid UTF-8 assumed).
std::size_t characters(std::string_view s) { return utf8Characters(s); }

// A value quoted back in a message: its start, printable, never a pasted file.
std::string shown(std::string_view value) { return quotedValue(value); }

// Runs of whitespace, line breaks too, as one space; trimmed.
std::string collapseSpace(std::string_view s) {
    s = trimView(s);
    std::string out;
    bool space = false;
    for (char c : s) {
        if (isSpaceByte(c)) {
            space = true;
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

// Header names and labels as compared: ASCII lower case, æ ø å (either case) as ae o a, every
// other byte that is not a letter or digit a separator, runs of separators one space.
std::string fold(std::string_view s) {
    std::string out;
    bool separated = true;  // no leading space
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == 0xC3 && i + 1 < s.size()) {
            std::string_view letter;
            switch (static_cast<unsigned char>(s[i + 1])) {
                case 0xA6:
                case 0x86: letter = "ae"; break;
                case 0xB8:
                case 0x98: letter = "o"; break;
                case 0xA5:
                case 0x85: letter = "a"; break;
                default: break;
            }
            if (!letter.empty()) {
                out += letter;
                separated = false;
                ++i;
                continue;
            }
        }
        if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) {
            out += static_cast<char>(c);
            separated = false;
        } else if (c >= 'A' && c <= 'Z') {
            out += static_cast<char>(c - 'A' + 'a');
            separated = false;
        } else if (!separated) {
            out += ' ';
            separated = true;
        }
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::vector<std::string_view> words(std::string_view folded) {
    std::vector<std::string_view> out;
    std::size_t pos = 0;
    while (pos < folded.size()) {
        const std::size_t end = std::min(folded.find(' ', pos), folded.size());
        if (end > pos) out.push_back(folded.substr(pos, end - pos));
        pos = end + 1;
    }
    return out;
}

bool digitsAt(std::string_view s, std::size_t pos, std::size_t count, int& value) {
    if (pos + count > s.size()) return false;
    value = 0;
    for (std::size_t k = 0; k < count; ++k) {
        const char c = s[pos + k];
        if (c < '0' || c > '9') return false;
        value = value * 10 + (c - '0');
    }
    return true;
}

// Plain flags instead of std::optional inside the library, so GCC's -Wmaybe-uninitialized has
// nothing to guess about at -O2.
bool parseDay(std::string_view s, chr::sys_days& day) {
    int y = 0, m = 0, d = 0;
    if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !digitsAt(s, 0, 4, y) || !digitsAt(s, 5, 2, m) ||
        !digitsAt(s, 8, 2, d))
        return false;
    const chr::year_month_day ymd{chr::year{y}, chr::month{static_cast<unsigned>(m)}, chr::day{static_cast<unsigned>(d)}};
    if (!ymd.ok()) return false;
    day = chr::sys_days{ymd};
    return true;
}

// "2.6.7" → {2, 6, 7}: parts of 1 to 3 digits, no leading zeros (so no part is 0).
bool splitNumber(std::string_view s, std::vector<int>& parts) {
    parts.clear();
    if (s.empty()) return false;
    std::size_t pos = 0;
    for (;;) {
        const std::size_t end = std::min(s.find('.', pos), s.size());
        const std::string_view part = s.substr(pos, end - pos);
        if (part.empty() || part.size() > 3 || part[0] == '0') return false;
        int value = 0;
        for (char c : part) {
            if (c < '0' || c > '9') return false;
            value = value * 10 + (c - '0');
        }
        parts.push_back(value);
        if (end == s.size()) return true;
        pos = end + 1;
    }
}

std::size_t partCount(std::string_view s) {
    std::vector<int> parts;
    return splitNumber(s, parts) ? parts.size() : 0;
}

// "2.0", "2.1", "2.1.1": two or three parts of 1 to 3 digits.
bool validVersion(std::string_view v) {
    std::size_t parts = 0, pos = 0;
    for (;;) {
        const std::size_t end = std::min(v.find('.', pos), v.size());
        const std::string_view part = v.substr(pos, end - pos);
        if (part.empty() || part.size() > 3 || !std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return false;
        ++parts;
        if (end == v.size()) return parts == 2 || parts == 3;
        pos = end + 1;
    }
}

// A spreadsheet that stored "2.10" as a number shows "2.1": the forms compared without trailing zeros.
std::string withoutTrailingZeros(std::string_view s) {
    std::string out(s);
    while (!out.empty() && out.back() == '0' && out.find('.') != std::string::npos) out.pop_back();
    if (!out.empty() && out.back() == '.') out.pop_back();
    return out;
}

// The first word that starts with a digit ("2.6" in "Prinsipp 2.6 Ha kontroll ..."), without a
// trailing '.'; empty when there is none (a principle cell holding only its title).
std::string firstNumberWord(std::string_view text) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        while (pos < text.size() && isSpaceByte(text[pos])) ++pos;
        std::size_t end = pos;
        while (end < text.size() && !isSpaceByte(text[end])) ++end;
        std::string_view word = text.substr(pos, end - pos);
        pos = end;
        if (word.empty() || word[0] < '0' || word[0] > '9') continue;
        while (!word.empty() && word.back() == '.') word.remove_suffix(1);
        return std::string(word);
    }
    return {};
}

// ---- Problems --------------------------------------------------------------------------------

// Keeps the first kMaxProblems and counts the rest, so a file of garbage costs no more memory
// than a file with a few mistakes.
class Problems {
public:
    Problems(std::vector<Problem>& out, std::string_view file) : out_(out), file_(file) {}
    void add(int line, std::string_view field, std::string reason) {
        ++total_;
        if (out_.size() < kMaxProblems) {
            Problem p;
            p.file = file_;
            p.line = line;
            p.field = std::string(field);
            p.reason = std::move(reason);
            out_.push_back(std::move(p));
        } else if (firstUnlisted_ == 0) {
            firstUnlisted_ = line;
        }
    }
    bool any() const { return total_ > 0; }
    void finish() {
        if (total_ <= out_.size()) return;
        const std::size_t more = total_ - out_.size();
        Problem p;
        p.file = file_;
        p.line = std::max(firstUnlisted_, 1);
        p.reason = std::to_string(more) + " more problems not listed; fix these and read the file again";
        out_.push_back(std::move(p));
    }

private:
    std::vector<Problem>& out_;
    std::string file_;
    std::size_t total_ = 0;
    int firstUnlisted_ = 0;
};

Problem fieldProblem(std::string field, std::string reason) {
    Problem p;
    p.field = std::move(field);
    p.reason = std::move(reason);
    return p;
}

// "12: reason" from csv::parse into the line and the reason.
void addCsvError(Problems& problems, const std::string& message) {
    int line = 0;
    std::size_t i = 0;
    while (i < message.size() && i < 9 && message[i] >= '0' && message[i] <= '9') line = line * 10 + (message[i++] - '0');
    std::string reason = message;
    if (i > 0 && i < message.size() && message[i] == ':') reason = std::string(trimView(std::string_view(message).substr(i + 1)));
    problems.add(std::max(line, 1), "", "not readable as CSV: " + reason);
}

// ---- Principles ------------------------------------------------------------------------------

struct PrincipleRow {
    int category;
    std::string_view categoryTitle;
    std::string_view id;
    std::string_view title;
};

// As data/nsm/principles.csv (reference facts: numbers and short titles).
constexpr std::array<PrincipleRow, 21> kPrinciples{{
    {1, "Identifisere og kartlegge", "1.1", "Kartlegg styringsstrukturer, leveranser og understøttende systemer"},
    {1, "Identifisere og kartlegge", "1.2", "Kartlegg enheter og programvare"},
    {1, "Identifisere og kartlegge", "1.3", "Kartlegg brukere og behov for tilgang"},
    {2, "Beskytte og opprettholde", "2.1", "Ivareta sikkerhet i anskaffelses- og utviklingsprosesser"},
    {2, "Beskytte og opprettholde", "2.2", "Etabler en sikker IKT-arkitektur"},
    {2, "Beskytte og opprettholde", "2.3", "Ivareta en sikker konfigurasjon"},
    {2, "Beskytte og opprettholde", "2.4", "Beskytt virksomhetens nettverk"},
    {2, "Beskytte og opprettholde", "2.5", "Kontroller dataflyt"},
    {2, "Beskytte og opprettholde", "2.6", "Ha kontroll på identiteter og tilganger"},
    {2, "Beskytte og opprettholde", "2.7", "Beskytt data i ro og i transitt"},
    {2, "Beskytte og opprettholde", "2.8", "Beskytt e-post og nettleser"},
    {2, "Beskytte og opprettholde", "2.9", "Etabler evne til gjenoppretting av data"},
    {2, "Beskytte og opprettholde", "2.10", "Integrer sikkerhet i prosess for endringshåndtering"},
    {3, "Oppdage", "3.1", "Oppdag og fjern kjente sårbarheter og trusler"},
    {3, "Oppdage", "3.2", "Etabler sikkerhetsovervåking"},
    {3, "Oppdage", "3.3", "Analyser data fra sikkerhetsovervåking"},
    {3, "Oppdage", "3.4", "Gjennomfør inntrengningstester"},
    {4, "Håndtere og gjenopprette", "4.1", "Forbered virksomheten på håndtering av hendelser"},
    {4, "Håndtere og gjenopprette", "4.2", "Vurder og klassifiser hendelser"},
    {4, "Håndtere og gjenopprette", "4.3", "Kontroller og håndter hendelser"},
    {4, "Håndtere og gjenopprette", "4.4", "Evaluer og lær av hendelser"},
}};

bool principleKnown(std::span<const Principle> principles, std::string_view id) {
    return std::any_of(principles.begin(), principles.end(), [id](const Principle& p) { return p.id == id; });
}

// ---- ISO/IEC 27002:2022 ids in a cell -----------------------------------------------------------

constexpr std::array<ThemeInfo, 4> kThemes{{
    {Theme::Organisational, 5, 37, "organisational"},
    {Theme::People, 6, 8, "people"},
    {Theme::Physical, 7, 14, "physical"},
    {Theme::Technological, 8, 34, "technological"},
}};

bool isNoneMarker(std::string_view cell) {
    const std::string f = fold(cell);
    // "-", "–" and "—" fold to nothing.
    return f.empty() || f == "ingen" || f == "none" || f == "n a" || f == "i a" || f == "na" || f == "ikke relevant";
}

// Reads the ids of one cell; a token that looks like a control number but is none is a problem.
// Words around ids ("5.15 Tilgangskontroll", "ISO 27002:2022") are left alone.
bool parseControlList(std::string_view cell, std::vector<std::string>& ids, std::string& why) {
    ids.clear();
    if (isNoneMarker(cell)) return true;
    std::size_t pos = 0;
    while (pos <= cell.size()) {
        const std::size_t end = std::min(cell.find_first_of(",;/\n\r\t", pos), cell.size());
        const std::string_view piece = trimView(cell.substr(pos, end - pos));
        pos = end + 1;
        if (piece.empty()) continue;
        std::size_t found = 0;
        std::size_t i = 0;
        while (i < piece.size()) {
            auto tokenChar = [](char c) {
                return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.';
            };
            if (!tokenChar(piece[i])) {
                ++i;
                continue;
            }
            std::size_t j = i;
            while (j < piece.size() && tokenChar(piece[j])) ++j;
            std::string_view token = piece.substr(i, j - i);
            i = j;
            if (token.size() > 2 && (token[0] == 'A' || token[0] == 'a') && token[1] == '.') token.remove_prefix(2);
            while (!token.empty() && token.back() == '.') token.remove_suffix(1);
            if (token.empty() || token[0] < '0' || token[0] > '9' || token.find('.') == std::string_view::npos) continue;
            if (!isAnnexAControl(token)) {
                why = "'" + shown(token) + "' is not an ISO/IEC 27002:2022 control (5.1-5.37, 6.1-6.8, 7.1-7.14, 8.1-8.34)" +
                      (partCount(token) == 3 ? "; a number of the 2013 edition?" : "");
                return false;
            }
            ids.emplace_back(token);
            ++found;
        }
        if (found == 0) {
            why = "'" + shown(piece) + "' names no ISO/IEC 27002:2022 control (write ids such as 5.15, 8.2)";
            return false;
        }
    }
    std::sort(ids.begin(), ids.end(), [](const std::string& a, const std::string& b) { return numberLess(a, b); });
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return true;
}

// ---- Priority ----------------------------------------------------------------------------------

int priorityRank(std::string_view text) {
    const std::string f = fold(text);
    if (f.empty()) return 0;
    if (f == "hoy" || f == "high" || f == "h") return 1;
    if (f == "middels" || f == "medium" || f == "m") return 2;
    if (f == "lav" || f == "low" || f == "l") return 3;
    // A number as the last word ("1", "prioritet 2", "p3"); "1.0" as a spreadsheet may store 1.
    const std::vector<std::string_view> ws = words(f);
    std::string_view last = ws.back();
    if (ws.size() == 2 && ws[1] == "0" && text.find_first_of(".,") != std::string_view::npos) last = ws[0];
    std::size_t digits = last.size();
    while (digits > 0 && last[digits - 1] >= '0' && last[digits - 1] <= '9') --digits;
    const std::string_view number = last.substr(digits);
    if (number.empty() || number.size() > 2) return 0;
    if (digits > 0 && !(last.substr(0, digits) == "p" || last.substr(0, digits) == "prio")) return 0;
    int value = 0;
    for (char c : number) value = value * 10 + (c - '0');
    return value;
}

// ---- The measure sheet's header ------------------------------------------------------------------

enum Field : std::size_t { FNumber, FTitle, FPriority, FPrinciple, FIso, FCount };
constexpr std::array<std::string_view, FCount> kFieldCodes{"number", "title", "priority", "principle", "iso27002"};

constexpr std::string_view kNumberNames[] = {
    "nr",           "nummer", "tiltak nr", "tiltaksnr", "tiltaksnummer", "tiltak nummer", "tiltak id", "tiltaks id", "id",
    "ref",          "referanse", "number", "no",     "measure no",    "measure number", "measure id"};
constexpr std::string_view kTitleNames[] = {
    "tiltak",  "tiltakstekst", "sikkerhetstiltak", "tiltaksbeskrivelse", "tittel",      "tekst", "beskrivelse",
    "measure", "measure title", "security measure", "title",              "text",        "description"};
constexpr std::string_view kPriorityNames[] = {"prioritet", "prioritering", "prioritetsgruppe", "prio",
                                               "priority",  "priority group", "prioritisation", "prioritization"};
constexpr std::string_view kPrincipleNames[] = {"prinsipp",  "grunnprinsipp",  "prinsipp nr",      "prinsippnummer",
                                                "principle", "principle no",   "principle number", "principle id"};

template <std::size_t N>
int exactRank(const std::string_view (&names)[N], std::string_view folded) {
    for (std::size_t i = 0; i < N; ++i)
        if (names[i] == folded) return static_cast<int>(i);
    return -1;
}

template <std::size_t N>
int prefixRank(const std::string_view (&names)[N], std::string_view folded) {
    for (std::size_t i = 0; i < N; ++i)
        if (folded.size() > names[i].size() && folded.substr(0, names[i].size()) == names[i] && folded[names[i].size()] == ' ')
            return static_cast<int>(i);
    return -1;
}

// The columns a row would give, or why it is no header.
struct HeaderScan {
    std::array<int, FCount> column{-1, -1, -1, -1, -1};
    std::array<std::string, FCount> name;
    std::vector<std::string> notes;
    std::vector<std::pair<std::string, std::string>> ambiguities;  // field, reason
    bool isHeader() const { return column[FNumber] >= 0 && column[FTitle] >= 0; }
};

HeaderScan scanHeader(const std::vector<std::string>& cells) {
    HeaderScan scan;
    // Per field the best rank found so far (exact names before prefixes) and how many columns had it.
    std::array<int, FCount> best{-1, -1, -1, -1, -1};
    std::array<int, FCount> ties{};
    auto offer = [&](Field f, int rank, std::size_t col) {
        if (rank < 0) return;
        if (best[f] < 0 || rank < best[f]) {
            best[f] = rank;
            ties[f] = 1;
            scan.column[f] = static_cast<int>(col);
            scan.name[f] = std::string(trimView(cells[col]));
        } else if (rank == best[f]) {
            ++ties[f];
        }
    };
    int isoYear = -1;  // 2: a 2022 column, 1: one without a year
    int isoCandidates = 0;
    for (std::size_t col = 0; col < cells.size(); ++col) {
        const std::string f = fold(cells[col]);
        if (f.empty()) continue;
        const std::vector<std::string_view> ws = words(f);
        // "ISO/IEC 27002:2022", "ISO27002 2013": the word with 27002 in it, and a year beside it.
        if (std::any_of(ws.begin(), ws.end(), [](std::string_view w) { return w.find("27002") != std::string_view::npos; })) {
            const bool y2022 = std::find(ws.begin(), ws.end(), "2022") != ws.end();
            const bool otherYear = std::any_of(ws.begin(), ws.end(), [](std::string_view w) {
                return w.size() == 4 && w != "2022" && w[0] == '2' && w[1] == '0';
            });
            const std::string header(trimView(cells[col]));
            if (otherYear && !y2022) {
                scan.notes.push_back("column '" + shown(header) + "' is ignored: it maps to another edition than ISO/IEC 27002:2022");
                continue;
            }
            const int year = y2022 ? 2 : 1;
            if (year > isoYear) {
                isoYear = year;
                isoCandidates = 1;
                scan.column[FIso] = static_cast<int>(col);
                scan.name[FIso] = header;
            } else if (year == isoYear) {
                ++isoCandidates;
            }
            continue;
        }
        // Exact names first, in any field; then the prefixes.
        int rank = -1;
        if ((rank = exactRank(kNumberNames, f)) >= 0)
            offer(FNumber, rank, col);
        else if ((rank = exactRank(kTitleNames, f)) >= 0)
            offer(FTitle, rank, col);
        else if ((rank = exactRank(kPriorityNames, f)) >= 0)
            offer(FPriority, rank, col);
        else if ((rank = exactRank(kPrincipleNames, f)) >= 0)
            offer(FPrinciple, rank, col);
        else if ((rank = prefixRank(kPrincipleNames, f)) >= 0)
            offer(FPrinciple, 100 + rank, col);
        else if ((rank = prefixRank(kPriorityNames, f)) >= 0)
            offer(FPriority, 100 + rank, col);
        else if ((rank = prefixRank(kTitleNames, f)) >= 0)
            offer(FTitle, 100 + rank, col);
    }
    for (std::size_t f = 0; f < FIso; ++f)
        if (ties[f] > 1) scan.ambiguities.emplace_back(kFieldCodes[f], "two columns name the " + std::string(kFieldCodes[f]) + "; keep one");
    if (isoCandidates > 1)
        scan.ambiguities.emplace_back("iso27002", "two columns name the ISO/IEC 27002:2022 mapping; keep one");
    if (scan.column[FIso] >= 0 && isoYear == 1)
        scan.notes.push_back("column '" + shown(scan.name[FIso]) + "' names no edition; read as ISO/IEC 27002:2022");
    return scan;
}

struct Row {
    int line = 0;
    std::vector<std::string> cells;
};

std::string_view cellAt(const Row& row, int column) {
    if (column < 0 || static_cast<std::size_t>(column) >= row.cells.size()) return {};
    return trimView(row.cells[static_cast<std::size_t>(column)]);
}

bool blankRow(const Row& row) {
    return std::all_of(row.cells.begin(), row.cells.end(), [](const std::string& c) { return blank(c); });
}

// The index of the header row among the first kHeaderSearchRows non-blank rows, or rows.size().
std::size_t findHeader(const std::vector<Row>& rows, HeaderScan& scan) {
    std::size_t seen = 0;
    for (std::size_t i = 0; i < rows.size() && seen < kHeaderSearchRows; ++i) {
        if (blankRow(rows[i])) continue;
        ++seen;
        HeaderScan candidate = scanHeader(rows[i].cells);
        if (candidate.isHeader()) {
            scan = std::move(candidate);
            return i;
        }
    }
    return rows.size();
}

const std::string kNoHeader =
    "no header row: expected, in the first 30 rows, a number column (Nr, Tiltak nr, Tiltaksnummer, Number, ...) and a "
    "title column (Tiltak, Tittel, Beskrivelse, Title, Description, ...)";

// Reads the measures below a found header.
void readMeasures(const std::vector<Row>& rows, std::size_t headerIndex, HeaderScan scan, std::span<const Principle> principles,
                  MeasureImport& out, Problems& problems) {
    const int headerLine = rows[headerIndex].line;
    out.headerLine = headerLine;
    out.notes = std::move(scan.notes);
    for (const auto& [field, reason] : scan.ambiguities) problems.add(headerLine, field, reason);
    if (problems.any()) return;
    for (std::size_t f = 0; f < FCount; ++f)
        if (scan.column[f] >= 0) out.columns.emplace_back(std::string(kFieldCodes[f]), scan.name[f]);
    if (scan.column[FPriority] < 0) out.notes.push_back("no priority column: the measures have no priority group");
    if (scan.column[FIso] < 0) out.notes.push_back("no ISO/IEC 27002:2022 column: the measures map to no control");

    const std::array<std::string, FCount>& name = scan.name;
    std::map<std::string, int, std::less<>> seen;  // number → line
    std::vector<Measure> measures;
    std::vector<std::string> ids;
    std::string why;
    for (std::size_t r = headerIndex + 1; r < rows.size(); ++r) {
        const Row& row = rows[r];
        if (blankRow(row)) continue;
        const int line = row.line;
        std::string_view number = cellAt(row, scan.column[FNumber]);
        const std::string_view title = cellAt(row, scan.column[FTitle]);
        const std::string_view priority = cellAt(row, scan.column[FPriority]);
        const std::string_view iso = cellAt(row, scan.column[FIso]);
        while (!number.empty() && number.back() == '.') number.remove_suffix(1);  // "2.6.7."
        const std::size_t parts = partCount(number);
        // Headings: a category or principle number, or text with no title beside it.
        if (parts == 1 || parts == 2) continue;
        if (parts == 0 && !number.empty() && title.empty() && priority.empty() && iso.empty()) continue;
        if (number.empty() && title.empty()) continue;  // other columns only: a note beside the list
        if (measures.size() >= kMaxMeasures) {
            problems.add(line, "", "more than " + std::to_string(kMaxMeasures) + " measures: not NSM's measure list");
            return;
        }
        bool ok = true;
        auto problem = [&](std::size_t f, std::string reason) {
            problems.add(line, name[f], std::move(reason));
            ok = false;
        };
        Measure m;
        m.line = line;
        if (number.empty()) {
            problem(FNumber, "missing: the measure's number (category.principle.measure, e.g. 2.6.7)");
        } else if (parts != 3) {
            problem(FNumber, "'" + shown(number) + "' is not a measure number (category.principle.measure, e.g. 2.6.7)");
        } else {
            m.number = std::string(number);
            m.principle = principleOf(number);
            if (!principleKnown(principles, m.principle)) {
                problem(FNumber, "measure " + m.number + " belongs to no known principle (" + m.principle + ")");
            } else if (const auto [it, inserted] = seen.try_emplace(m.number, line); !inserted) {
                problem(FNumber, "measure " + m.number + " appears twice; first on line " + std::to_string(it->second));
            }
        }
        if (scan.column[FPrinciple] >= 0 && !m.principle.empty()) {
            const std::string_view cell = cellAt(row, scan.column[FPrinciple]);
            const std::string given = firstNumberWord(cell);
            if (!given.empty() && given != m.principle && withoutTrailingZeros(given) != withoutTrailingZeros(m.principle))
                problem(FPrinciple, "'" + shown(cell) + "' is not the principle of measure " + m.number + " (" + m.principle + ")");
        }
        if (title.empty()) {
            problem(FTitle, "missing: the measure's text");
        } else if (!validUtf8(title)) {
            problem(FTitle, "is not valid UTF-8 (save the sheet as CSV UTF-8)");
        } else if (hasControl(title, true)) {
            problem(FTitle, "contains a control character");
        } else {
            m.title = collapseSpace(title);
            if (characters(m.title) > kMaxTitleChars)
                problem(FTitle, "is longer than " + std::to_string(kMaxTitleChars) + " characters");
        }
        if (!priority.empty()) {
            if (!validUtf8(priority) || hasControl(priority, false) || characters(priority) > kMaxPriorityChars) {
                problem(FPriority, "'" + shown(priority) + "' is not a priority (at most " + std::to_string(kMaxPriorityChars) +
                                       " characters of text on one line)");
            } else {
                m.priority = std::string(priority);
                m.priorityRank = priorityRank(priority);
            }
        }
        if (!iso.empty()) {
            if (!validUtf8(iso))
                problem(FIso, "is not valid UTF-8 (save the sheet as CSV UTF-8)");
            else if (!parseControlList(iso, ids, why))
                problem(FIso, why);
            else
                m.iso27002 = ids;
        }
        if (ok) measures.push_back(std::move(m));
    }
    if (problems.any()) return;
    if (measures.empty()) {
        problems.add(headerLine, "", "no measures below the header");
        return;
    }
    std::sort(measures.begin(), measures.end(), [](const Measure& a, const Measure& b) { return numberLess(a.number, b.number); });
    out.measures = std::move(measures);
}

// ---- Assessments -------------------------------------------------------------------------------

// An assessment's level as a degree: not applicable, or a level without a value, or an unknown
// scale or code, is not rated.
struct Reading {
    const Scale* scale = nullptr;
    const Level* level = nullptr;
    double value = 0;
    double normalised = 0;
    bool rated = false;
};

Reading readingOf(const Assessment& a, std::span<const Scale> scales) {
    Reading r;
    if (a.notApplicable) return r;
    r.scale = findScale(scales, a.scale);
    if (!r.scale) return r;
    r.level = r.scale->find(a.level);
    if (!r.level || !r.level->graded) return r;
    r.value = r.level->value;
    r.normalised = r.scale->normalise(r.value);
    r.rated = true;
    return r;
}

bool sameDayOrEarlier(const std::string& date, std::string_view asOf) { return asOf.empty() || std::string_view(date) <= asOf; }

std::string subjectPrinciple(std::string_view subject) {
    return isMeasureNumber(subject) ? principleOf(subject) : std::string(subject);
}

void checkText(std::vector<Problem>& problems, std::string_view field, std::string_view text, std::size_t maxChars,
               bool allowLineBreaks) {
    if (text.empty()) return;
    if (!validUtf8(text))
        problems.push_back(fieldProblem(std::string(field), "is not valid UTF-8"));
    else if (hasControl(text, allowLineBreaks))
        problems.push_back(fieldProblem(std::string(field), allowLineBreaks ? "contains a control character"
                                                                            : "contains a control character (a tab or a line break?)"));
    else if (characters(text) > maxChars)
        problems.push_back(fieldProblem(std::string(field), "is longer than " + std::to_string(maxChars) + " characters"));
}

bool slug(std::string_view s, bool underscore) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [underscore](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || (underscore && c == '_');
    });
}

// ---- Indicators --------------------------------------------------------------------------------

struct IndicatorRow {
    std::string_view id;
    std::string_view principles;  // space-separated
    std::string_view title;
};
constexpr std::array<IndicatorRow, 13> kIndicators{{
    {"catalogue_completeness", "1.1", "Tjenester med komplette katalogopplysninger"},
    {"document_freshness", "1.1", "Styrende dokumenter gjennomgått innen fristen"},
    {"vendor_systems_mapped", "1.2", "Leverandørsystemer koblet til tjenester"},
    {"components_mapped", "1.2", "Komponenter koblet til tjenester"},
    {"grants_reviewed_on_time", "1.3 2.6", "Tilganger gjennomgått innen fristen"},
    {"access_flags_closed", "1.3 2.6", "Risikoflagg på tilganger lukket"},
    {"threat_models_current", "2.1 2.2", "Tjenester med oppdatert trusselmodell"},
    {"ros_current", "2.1 2.2", "Tjenester med oppdatert ROS-analyse"},
    {"changes_security_assessed", "2.10", "Endringer med sikkerhetsvurdering"},
    {"monitoring_coverage", "3.2", "Tjenester med overvåking"},
    {"detections_handled", "3.3", "Deteksjoner behandlet"},
    {"incidents_within_target", "4.2 4.3", "Hendelser håndtert innen måltiden"},
    {"incidents_reviewed", "4.4", "Hendelser evaluert i etterkant"},
}};

Indicator emptyIndicator(std::string_view id) {
    Indicator out;
    out.id = std::string(id);
    for (const IndicatorDefinition& d : indicatorDefinitions())
        if (d.id == id) out.principles = d.principles;
    return out;
}

// numerator of denominator, or no data: none to count, or a count that cannot be.
Indicator shareOf(std::string_view id, std::size_t numerator, std::size_t denominator, std::string_view noneReason,
                  std::string_view numeratorName, std::string_view denominatorName) {
    Indicator out = emptyIndicator(id);
    out.numerator = numerator;
    out.denominator = denominator;
    if (denominator == 0) {
        out.reason = std::string(noneReason);
    } else if (numerator > denominator) {
        out.reason = "inconsistent input: " + std::to_string(numerator) + " " + std::string(numeratorName) + " of " +
                     std::to_string(denominator) + " " + std::string(denominatorName);
    } else {
        out.hasValue = true;
        out.share = static_cast<double>(numerator) / static_cast<double>(denominator);
    }
    return out;
}

// The share of dates no older than maxAgeDays on `today`; an empty date counts as not current.
// A date that is not one, or lies after today, gives no data: the input is wrong, not the service.
Indicator currentShare(std::string_view id, const std::vector<std::string_view>& dates, std::string_view today, int maxAgeDays,
                       std::string_view item, std::string_view noneReason) {
    Indicator out = emptyIndicator(id);
    chr::sys_days now{};
    if (!parseDay(today, now)) {
        out.reason = "today: '" + shown(today) + "' is not a date (YYYY-MM-DD)";
        return out;
    }
    if (maxAgeDays <= 0) {
        out.reason = "the maximum age must be at least one day, not " + std::to_string(maxAgeDays);
        return out;
    }
    if (dates.empty()) {
        out.reason = std::string(noneReason);
        return out;
    }
    std::size_t current = 0;
    for (std::size_t i = 0; i < dates.size(); ++i) {
        const std::string_view d = dates[i];
        if (d.empty()) continue;
        chr::sys_days day{};
        const std::string which = std::string(item) + " " + std::to_string(i + 1);
        if (!parseDay(d, day)) {
            out.reason = which + ": '" + shown(d) + "' is not a date (YYYY-MM-DD)";
            return out;
        }
        if (day > now) {
            out.reason = which + ": " + std::string(d) + " is after today (" + std::string(today) + ")";
            return out;
        }
        if ((now - day).count() <= maxAgeDays) ++current;
    }
    out.numerator = current;
    out.denominator = dates.size();
    out.hasValue = true;
    out.share = static_cast<double>(current) / static_cast<double>(dates.size());
    return out;
}

}  // namespace

// ---- Problems ----------------------------------------------------------------------------------

std::string formatProblem(const Problem& problem) {
    std::string out;
    if (!problem.file.empty()) out += problem.file + ":" + std::to_string(std::max(problem.line, 1)) + ": ";
    if (!problem.field.empty()) out += "field '" + problem.field + "': ";
    out += problem.reason;
    return out;
}

std::string formatProblems(std::span<const Problem> problems) {
    std::string out;
    for (const Problem& p : problems) {
        if (!out.empty()) out += '\n';
        out += formatProblem(p);
    }
    return out;
}

// ---- Numbers -----------------------------------------------------------------------------------

bool numberLess(std::string_view a, std::string_view b) {
    std::vector<int> x, y;
    const bool numberA = splitNumber(a, x), numberB = splitNumber(b, y);
    if (numberA && numberB) return x < y;
    if (numberA != numberB) return numberA;
    return a < b;
}

std::string principleOf(std::string_view measure) {
    if (!isMeasureNumber(measure)) return {};
    return std::string(measure.substr(0, measure.rfind('.')));
}

bool isPrincipleNumber(std::string_view text) { return partCount(text) == 2; }
bool isMeasureNumber(std::string_view text) { return partCount(text) == 3; }

std::optional<chr::sys_days> parseDate(std::string_view text) {
    chr::sys_days day{};
    if (!parseDay(text, day)) return std::nullopt;
    return day;
}

// ---- The catalogue -----------------------------------------------------------------------------

const std::vector<Principle>& builtinPrinciples() {
    static const std::vector<Principle> principles = [] {
        std::vector<Principle> out;
        for (const PrincipleRow& row : kPrinciples) {
            Principle p;
            p.id = std::string(row.id);
            p.category = row.category;
            p.categoryTitle = std::string(row.categoryTitle);
            p.title = std::string(row.title);
            out.push_back(std::move(p));
        }
        return out;
    }();
    return principles;
}

Result<std::vector<Principle>> parsePrinciples(std::string_view csvText, std::string_view fileName) {
    std::vector<Problem> list;
    Problems problems(list, fileName);
    std::vector<Principle> out;
    auto records = csv::parse(csvText);
    if (!records) {
        addCsvError(problems, records.message());
    } else if (records->empty()) {
        problems.add(1, "", "the file is empty: expected the header category_id,category_title,principle_id,principle_title");
    } else {
        constexpr std::array<std::string_view, 4> kColumns{"category_id", "category_title", "principle_id", "principle_title"};
        const csv::Record& header = records->front();
        bool headerOk = header.fields.size() == kColumns.size();
        for (std::size_t i = 0; headerOk && i < kColumns.size(); ++i)
            headerOk = lowerAscii(trimView(header.fields[i])) == kColumns[i];
        if (!headerOk)
            problems.add(header.line, "", "expected the header category_id,category_title,principle_id,principle_title");
        std::map<int, std::pair<std::string, int>> categories;  // id → title, line
        std::map<std::string, int, std::less<>> seen;           // principle → line
        for (std::size_t r = 1; headerOk && r < records->size(); ++r) {
            const csv::Record& rec = (*records)[r];
            const int line = rec.line;
            if (rec.fields.size() != kColumns.size()) {
                problems.add(line, "", "has " + std::to_string(rec.fields.size()) + " fields, the header 4");
                continue;
            }
            const std::string_view categoryId = trimView(rec.fields[0]);
            const std::string_view categoryTitle = trimView(rec.fields[1]);
            const std::string_view id = trimView(rec.fields[2]);
            const std::string_view title = trimView(rec.fields[3]);
            bool ok = true;
            std::vector<int> parts;
            int category = 0;
            if (!splitNumber(categoryId, parts) || parts.size() != 1) {
                problems.add(line, "category_id", "'" + shown(categoryId) + "' is not a category number");
                ok = false;
            } else {
                category = parts[0];
            }
            if (!splitNumber(id, parts) || parts.size() != 2) {
                problems.add(line, "principle_id", "'" + shown(id) + "' is not a principle number (category.principle, e.g. 2.6)");
                ok = false;
            } else if (category != 0 && parts[0] != category) {
                problems.add(line, "principle_id", "principle " + std::string(id) + " is not in category " + std::to_string(category));
                ok = false;
            } else if (const auto [it, inserted] = seen.try_emplace(std::string(id), line); !inserted) {
                problems.add(line, "principle_id", "principle " + std::string(id) + " appears twice; first on line " +
                                                       std::to_string(it->second));
                ok = false;
            }
            for (const auto& [field, text] : {std::pair{"category_title", categoryTitle}, std::pair{"principle_title", title}}) {
                if (text.empty()) {
                    problems.add(line, field, "missing");
                    ok = false;
                } else if (!validUtf8(text) || hasControl(text, false) || characters(text) > kMaxTitleChars) {
                    problems.add(line, field, "is not one line of UTF-8 text of at most " + std::to_string(kMaxTitleChars) + " characters");
                    ok = false;
                }
            }
            if (category != 0 && !categoryTitle.empty()) {
                const auto [it, inserted] = categories.try_emplace(category, std::string(categoryTitle), line);
                if (!inserted && it->second.first != categoryTitle) {
                    problems.add(line, "category_title", "category " + std::to_string(category) + " is called '" +
                                                             shown(it->second.first) + "' on line " + std::to_string(it->second.second));
                    ok = false;
                }
            }
            if (!ok) continue;
            Principle p;
            p.id = std::string(id);
            p.category = category;
            p.categoryTitle = std::string(categoryTitle);
            p.title = std::string(title);
            out.push_back(std::move(p));
        }
        if (headerOk && records->size() == 1) problems.add(header.line, "", "no principles below the header");
    }
    problems.finish();
    if (!list.empty()) return fail(formatProblems(list));
    std::sort(out.begin(), out.end(), [](const Principle& a, const Principle& b) { return numberLess(a.id, b.id); });
    return out;
}

const Principle* Catalogue::findPrinciple(std::string_view id) const {
    for (const Principle& p : principles)
        if (p.id == id) return &p;
    return nullptr;
}

const Measure* Catalogue::findMeasure(std::string_view number) const {
    for (const Measure& m : measures)
        if (m.number == number) return &m;
    return nullptr;
}

std::vector<const Measure*> Catalogue::measuresOf(std::string_view principle) const {
    std::vector<const Measure*> out;
    for (const Measure& m : measures)
        if (m.principle == principle) out.push_back(&m);
    std::sort(out.begin(), out.end(), [](const Measure* a, const Measure* b) { return numberLess(a->number, b->number); });
    return out;
}

MeasureImport importMeasuresCsv(std::string_view text, std::string_view fileName, std::span<const Principle> principles) {
    MeasureImport out;
    Problems problems(out.problems, fileName);
    if (text.size() > kMaxCsvBytes) {
        problems.add(1, "", "the file is larger than " + std::to_string(kMaxCsvBytes / (1024 * 1024)) + " MiB: not NSM's measure list");
        problems.finish();
        return out;
    }
    // The separator the first line suggests, then each one: a title line above the header may
    // hold a comma in a file separated by ';'. The first reading with a header row is taken.
    std::string firstError;
    for (const char separator : {'\0', ';', ','}) {
        auto records = csv::parse(text, kMaxCsvBytes, separator);
        if (!records) {
            if (separator == '\0') firstError = records.message();
            continue;
        }
        std::vector<Row> rows;
        rows.reserve(records->size());
        for (csv::Record& rec : *records) {
            Row row;
            row.line = rec.line;
            row.cells = std::move(rec.fields);
            rows.push_back(std::move(row));
        }
        HeaderScan scan;
        const std::size_t header = findHeader(rows, scan);
        if (header == rows.size()) continue;
        readMeasures(rows, header, std::move(scan), principles, out, problems);
        problems.finish();
        if (!out.problems.empty()) out.measures.clear();
        return out;
    }
    // Read as the first line suggests, the file is broken: that is what to fix.
    if (!firstError.empty())
        addCsvError(problems, firstError);
    else
        problems.add(1, "", kNoHeader);
    problems.finish();
    return out;
}

MeasureImport importMeasuresXlsx(std::string_view bytes, std::string_view fileName, std::span<const Principle> principles) {
    MeasureImport out;
    Problems problems(out.problems, fileName);
    if (bytes.size() > kMaxXlsxBytes) {
        problems.add(1, "", "the file is larger than " + std::to_string(kMaxXlsxBytes / (1024 * 1024)) + " MiB: not NSM's measure list");
        problems.finish();
        return out;
    }
    zip::Limits limits;
    limits.maxEntryBytes = 64u << 20;
    limits.maxTotalBytes = 128u << 20;
    auto book = xlsx::read(bytes, limits);
    if (!book) {
        problems.add(1, "", "not a readable XLSX workbook: " + book.message());
        problems.finish();
        return out;
    }
    for (xlsx::Sheet& sheet : book->sheets) {
        std::vector<Row> rows;
        rows.reserve(sheet.rows.size());
        for (std::size_t i = 0; i < sheet.rows.size(); ++i) {
            Row row;
            row.line = static_cast<int>(i + 1);
            row.cells = std::move(sheet.rows[i]);
            rows.push_back(std::move(row));
        }
        HeaderScan scan;
        const std::size_t header = findHeader(rows, scan);
        if (header == rows.size()) continue;
        out.sheet = sheet.name;
        readMeasures(rows, header, std::move(scan), principles, out, problems);
        problems.finish();
        if (!out.problems.empty()) out.measures.clear();
        return out;
    }
    problems.add(1, "", "no sheet has a header row: " + kNoHeader.substr(std::string("no header row: ").size()));
    problems.finish();
    return out;
}

Result<Catalogue> makeCatalogue(std::string_view version, std::vector<Principle> principles, MeasureImport measures) {
    if (!validVersion(version))
        return fail("field 'version': '" + shown(version) + "' is not a catalogue version such as 2.0 or 2.1");
    if (!measures.ok()) return fail(formatProblems(measures.problems));
    for (const Measure& m : measures.measures)
        if (!principleKnown(principles, m.principle))
            return fail("field 'principles': measure " + m.number + " belongs to no principle given (" + m.principle + ")");
    Catalogue c;
    c.version = std::string(version);
    std::sort(principles.begin(), principles.end(), [](const Principle& a, const Principle& b) { return numberLess(a.id, b.id); });
    c.principles = std::move(principles);
    c.measures = std::move(measures.measures);
    return c;
}

// ---- Versions side by side ---------------------------------------------------------------------

namespace {
bool idLess(const std::string& a, const std::string& b) { return numberLess(a, b); }
std::vector<std::string> sortedIds(std::vector<std::string> ids) {
    std::sort(ids.begin(), ids.end(), idLess);
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}
}  // namespace

CatalogueDiff diffCatalogues(const Catalogue& before, const Catalogue& after) {
    CatalogueDiff diff;
    diff.from = before.version;
    diff.to = after.version;
    std::map<std::string, std::size_t, std::less<>> old;
    for (std::size_t i = 0; i < before.measures.size(); ++i) old.emplace(before.measures[i].number, i);
    std::set<std::string, std::less<>> kept;
    for (std::size_t j = 0; j < after.measures.size(); ++j) {
        const Measure& now = after.measures[j];
        const auto it = old.find(now.number);
        if (it == old.end()) {
            diff.added.push_back(j);
            continue;
        }
        kept.insert(now.number);
        const Measure& was = before.measures[it->second];
        MeasureChange change;
        change.number = now.number;
        change.before = it->second;
        change.after = j;
        change.title = collapseSpace(was.title) != collapseSpace(now.title);
        change.priority = trimView(was.priority) != trimView(now.priority);
        // Sorted copies: a catalogue built by hand may list its ids in any order.
        const std::vector<std::string> from = sortedIds(was.iso27002), to = sortedIds(now.iso27002);
        std::set_difference(to.begin(), to.end(), from.begin(), from.end(), std::back_inserter(change.mappingAdded), idLess);
        std::set_difference(from.begin(), from.end(), to.begin(), to.end(), std::back_inserter(change.mappingRemoved), idLess);
        change.mapping = !change.mappingAdded.empty() || !change.mappingRemoved.empty();
        if (change.title || change.priority || change.mapping)
            diff.changed.push_back(std::move(change));
        else
            ++diff.unchanged;
    }
    for (std::size_t i = 0; i < before.measures.size(); ++i)
        if (!kept.contains(before.measures[i].number)) diff.removed.push_back(i);
    auto byNumber = [](const Catalogue& c) {
        return [&c](std::size_t a, std::size_t b) { return numberLess(c.measures[a].number, c.measures[b].number); };
    };
    std::sort(diff.added.begin(), diff.added.end(), byNumber(after));
    std::sort(diff.removed.begin(), diff.removed.end(), byNumber(before));
    std::sort(diff.changed.begin(), diff.changed.end(),
              [](const MeasureChange& a, const MeasureChange& b) { return numberLess(a.number, b.number); });

    for (const Principle& p : after.principles) {
        const Principle* was = before.findPrinciple(p.id);
        if (!was)
            diff.principlesAdded.push_back(p.id);
        else if (collapseSpace(was->title) != collapseSpace(p.title))
            diff.principlesRetitled.push_back(p.id);
    }
    for (const Principle& p : before.principles)
        if (!after.findPrinciple(p.id)) diff.principlesRemoved.push_back(p.id);
    for (auto* list : {&diff.principlesAdded, &diff.principlesRemoved, &diff.principlesRetitled})
        std::sort(list->begin(), list->end(), [](const std::string& a, const std::string& b) { return numberLess(a, b); });
    return diff;
}

// ---- Maturity scales ---------------------------------------------------------------------------

const Level* Scale::find(std::string_view code) const {
    for (const Level& l : levels)
        if (l.code == code) return &l;
    return nullptr;
}

double Scale::minimum() const {
    bool any = false;
    double lowest = 0;
    for (const Level& l : levels)
        if (l.graded && (!any || l.value < lowest)) {
            lowest = l.value;
            any = true;
        }
    return lowest;
}

double Scale::maximum() const {
    bool any = false;
    double highest = 0;
    for (const Level& l : levels)
        if (l.graded && (!any || l.value > highest)) {
            highest = l.value;
            any = true;
        }
    return highest;
}

double Scale::normalise(double value) const {
    const double low = minimum(), high = maximum();
    if (!(high > low)) return 0;
    return (value - low) / (high - low);
}

namespace {
Level makeLevel(std::string code, std::string label, double value, bool graded = true) {
    Level l;
    l.code = std::move(code);
    l.label = std::move(label);
    l.value = value;
    l.graded = graded;
    return l;
}
}  // namespace

Scale vaktScale() {
    Scale s;
    s.id = "vakt-0-5";
    s.name = "Vakts modenhetsskala 0–5";
    s.note = "Vakts egen konvensjon for modenhet. NSM har ingen offisiell modenhetsmodell for grunnprinsippene.";
    s.levels = {makeLevel("0", "ikke startet", 0), makeLevel("1", "initiell", 1),      makeLevel("2", "repeterbar", 2),
                makeLevel("3", "definert", 3),     makeLevel("4", "styrt og målt", 4), makeLevel("5", "optimalisert", 5)};
    return s;
}

Scale ksScale() {
    Scale s;
    s.id = "ks";
    s.name = "KS: Ja / Delvis / Nei / Vet ikke";
    s.note = "Svaralternativene Ja, Delvis, Nei og Vet ikke som i KS' egenvurderinger; tallverdiene 0–2 er Vakts "
             "konvensjon, og Vet ikke teller ikke med.";
    s.levels = {makeLevel("nei", "Nei", 0), makeLevel("delvis", "Delvis", 1), makeLevel("ja", "Ja", 2), makeLevel("vet-ikke", "Vet ikke", 0, false)};
    return s;
}

std::vector<Problem> validateScale(const Scale& scale) {
    std::vector<Problem> out;
    if (!slug(scale.id, false) || scale.id.size() > kMaxNameChars)
        out.push_back(fieldProblem("id", "'" + shown(scale.id) + "' is not a scale id (a-z, 0-9 and '-')"));
    if (blank(scale.name)) out.push_back(fieldProblem("name", "missing"));
    checkText(out, "name", scale.name, kMaxNameChars, false);
    checkText(out, "note", scale.note, kMaxTextChars, true);
    std::size_t graded = 0;
    bool anyValue = false;
    double previous = 0;
    std::set<std::string, std::less<>> codes;
    for (std::size_t i = 0; i < scale.levels.size(); ++i) {
        const Level& l = scale.levels[i];
        const std::string at = "levels[" + std::to_string(i + 1) + "]";
        if (blank(l.code))
            out.push_back(fieldProblem(at + ".code", "missing"));
        else if (!codes.insert(l.code).second)
            out.push_back(fieldProblem(at + ".code", "'" + shown(l.code) + "' appears twice"));
        else
            checkText(out, at + ".code", l.code, kMaxNameChars, false);
        if (blank(l.label)) out.push_back(fieldProblem(at + ".label", "missing"));
        checkText(out, at + ".label", l.label, kMaxNameChars, false);
        if (!l.graded) continue;
        ++graded;
        if (!std::isfinite(l.value)) {
            out.push_back(fieldProblem(at + ".value", "is not a finite number"));
            continue;
        }
        if (anyValue && !(l.value > previous))
            out.push_back(fieldProblem(at + ".value", "is not above the level before it: levels go from lowest to highest"));
        anyValue = true;
        previous = l.value;
    }
    if (graded < 2) out.push_back(fieldProblem("levels", "a scale needs at least two levels with a value"));
    return out;
}

// ---- Assessments -------------------------------------------------------------------------------

std::string_view scopeKindCode(AssessmentScope::Kind kind) {
    switch (kind) {
        case AssessmentScope::Kind::Department: return "department";
        case AssessmentScope::Kind::Service: return "service";
    }
    return "department";
}

bool scopeKindFromCode(std::string_view code, AssessmentScope::Kind& kind) {
    if (code == "department") {
        kind = AssessmentScope::Kind::Department;
        return true;
    }
    if (code == "service") {
        kind = AssessmentScope::Kind::Service;
        return true;
    }
    return false;
}

const Scale* findScale(std::span<const Scale> scales, std::string_view id) {
    for (const Scale& s : scales)
        if (s.id == id) return &s;
    return nullptr;
}

std::vector<Problem> validateAssessment(const Assessment& a, const Catalogue& catalogue, std::span<const Scale> scales) {
    std::vector<Problem> out;
    auto add = [&out](std::string field, std::string reason) { out.push_back(fieldProblem(std::move(field), std::move(reason))); };

    if (a.subject.empty())
        add("subject", "missing: a principle (2.6) or a measure (2.6.7)");
    else if (isPrincipleNumber(a.subject) ? !catalogue.findPrinciple(a.subject)
                                          : (!isMeasureNumber(a.subject) || !catalogue.findMeasure(a.subject)))
        add("subject", "'" + shown(a.subject) + "' is neither a principle nor a measure of catalogue " + catalogue.version);

    if (blank(a.scope.key))
        add("scope", std::string("missing: the ") + (a.scope.kind == AssessmentScope::Kind::Service ? "service's catalogue key" : "department"));
    else
        checkText(out, "scope", a.scope.key, kMaxNameChars, false);

    const Scale* scale = findScale(scales, a.scale);
    if (!scale) add("scale", "'" + shown(a.scale) + "' is not a configured scale");

    if (a.notApplicable) {
        if (blank(a.justification)) add("justification", "required when not applicable: why the subject does not apply");
        if (!a.level.empty()) add("level", "must be empty when not applicable");
        if (!a.target.empty()) add("target", "must be empty when not applicable");
    } else {
        if (a.level.empty())
            add("level", "missing: a level of the scale, or mark the subject not applicable");
        else if (scale && !scale->find(a.level))
            add("level", "'" + shown(a.level) + "' is not a level of scale " + scale->id);
        if (!a.target.empty() && scale) {
            const Level* target = scale->find(a.target);
            if (!target)
                add("target", "'" + shown(a.target) + "' is not a level of scale " + scale->id);
            else if (!target->graded)
                add("target", "'" + shown(a.target) + "' has no value and cannot be a target");
        }
    }
    checkText(out, "justification", a.justification, kMaxTextChars, true);
    checkText(out, "rationale", a.rationale, kMaxTextChars, true);

    if (a.evidence.size() > kMaxEvidence) add("evidence", "more than " + std::to_string(kMaxEvidence) + " links");
    for (std::size_t i = 0; i < a.evidence.size() && i < kMaxEvidence; ++i) {
        const EvidenceLink& e = a.evidence[i];
        const std::string at = "evidence[" + std::to_string(i + 1) + "]";
        if (e.kind.empty())
            add(at + ".kind", "missing: what the id names (document, risk, change, incident, url, ...)");
        else if (!slug(e.kind, true) || e.kind.size() > kMaxNameChars)
            add(at + ".kind", "'" + shown(e.kind) + "' is not a kind (a-z, 0-9, '_' and '-')");
        if (blank(e.id))
            add(at + ".id", "missing");
        else
            checkText(out, at + ".id", e.id, kMaxEvidenceIdChars, false);
    }

    if (blank(a.assessor))
        add("assessor", "missing: who assessed");
    else
        checkText(out, "assessor", a.assessor, kMaxNameChars, false);

    chr::sys_days day{};
    const bool dated = parseDay(a.date, day);
    if (a.date.empty())
        add("date", "missing (YYYY-MM-DD)");
    else if (!dated)
        add("date", "'" + shown(a.date) + "' is not a date (YYYY-MM-DD)");
    if (!a.nextReview.empty()) {
        chr::sys_days next{};
        if (!parseDay(a.nextReview, next))
            add("next_review", "'" + shown(a.nextReview) + "' is not a date (YYYY-MM-DD)");
        else if (dated && next <= day)
            add("next_review", a.nextReview + " is not after the assessment's date " + a.date);
    }
    return out;
}

Status checkAssessment(const Assessment& assessment, const Catalogue& catalogue, std::span<const Scale> scales) {
    const std::vector<Problem> problems = validateAssessment(assessment, catalogue, scales);
    if (problems.empty()) return {};
    return fail(formatProblems(problems));
}

std::vector<std::size_t> latestAssessments(std::span<const Assessment> assessments, std::string_view asOf) {
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < assessments.size(); ++i)
        if (sameDayOrEarlier(assessments[i].date, asOf)) order.push_back(i);
    // Scope, subject, then date and place: the last of each group is the newest.
    std::sort(order.begin(), order.end(), [&assessments](std::size_t x, std::size_t y) {
        const Assessment& a = assessments[x];
        const Assessment& b = assessments[y];
        if (a.scope != b.scope) return a.scope < b.scope;
        if (a.subject != b.subject) return numberLess(a.subject, b.subject);
        if (a.date != b.date) return a.date < b.date;
        return x < y;
    });
    std::vector<std::size_t> out;
    for (std::size_t k = 0; k < order.size(); ++k) {
        const bool last = k + 1 == order.size() || assessments[order[k]].scope != assessments[order[k + 1]].scope ||
                          assessments[order[k]].subject != assessments[order[k + 1]].subject;
        if (last) out.push_back(order[k]);
    }
    return out;
}

RollUp rollUpPrinciple(std::string_view principle, const AssessmentScope& scope, std::span<const Assessment> assessments,
                       const Catalogue& catalogue, std::span<const Scale> scales, std::string_view asOf) {
    RollUp r;
    r.principle = std::string(principle);
    r.scope = scope;
    const std::vector<const Measure*> measures = catalogue.measuresOf(principle);
    r.measures = measures.size();
    // The newest assessment of each measure of the principle in the scope.
    std::map<std::string, std::size_t, std::less<>> newest;
    for (std::size_t i = 0; i < assessments.size(); ++i) {
        const Assessment& a = assessments[i];
        if (a.scope != scope || !sameDayOrEarlier(a.date, asOf) || !isMeasureNumber(a.subject) || principleOf(a.subject) != principle)
            continue;
        const auto [it, inserted] = newest.try_emplace(a.subject, i);
        if (!inserted && assessments[it->second].date <= a.date) it->second = i;
    }
    double sum = 0;
    for (const Measure* m : measures) {
        const auto it = newest.find(m->number);
        if (it == newest.end()) {
            ++r.unassessed;
            continue;
        }
        const Assessment& a = assessments[it->second];
        if (a.notApplicable) {
            ++r.notApplicable;
            continue;
        }
        const Reading reading = readingOf(a, scales);
        if (!reading.rated) {
            ++r.unknown;
            continue;
        }
        ++r.rated;
        sum += reading.normalised;
        if (!r.hasLevel || reading.normalised < r.normalised - kEpsilon) {
            r.hasLevel = true;
            r.normalised = reading.normalised;
            r.scale = reading.scale->id;
            r.level = reading.level->code;
            r.lowestMeasure = m->number;
        }
    }
    r.complete = r.rated > 0 && r.unknown == 0 && r.unassessed == 0;
    if (r.hasLevel) {
        r.mean = sum / static_cast<double>(r.rated);
    } else if (r.measures == 0) {
        r.reason = "catalogue " + catalogue.version + " has no measures for principle " + r.principle;
    } else if (r.notApplicable == r.measures) {
        r.reason = "every measure of principle " + r.principle + " is marked not applicable";
    } else if (r.unknown > 0) {
        r.reason = "no measure of principle " + r.principle + " has a level with a value (only levels such as 'Vet ikke')";
    } else {
        r.reason = "no measure of principle " + r.principle + " is assessed in this scope";
    }
    return r;
}

std::vector<RollUp> rollUpAll(std::span<const Assessment> assessments, const Catalogue& catalogue, std::span<const Scale> scales) {
    std::set<AssessmentScope> scopes;
    for (const Assessment& a : assessments) scopes.insert(a.scope);
    std::vector<RollUp> out;
    for (const AssessmentScope& scope : scopes)
        for (const Principle& p : catalogue.principles) out.push_back(rollUpPrinciple(p.id, scope, assessments, catalogue, scales));
    return out;
}

std::vector<Gap> findGaps(std::span<const Assessment> assessments, std::span<const Scale> scales) {
    std::vector<Gap> out;
    for (const std::size_t i : latestAssessments(assessments)) {
        const Assessment& a = assessments[i];
        if (a.target.empty()) continue;
        const Reading reading = readingOf(a, scales);
        if (!reading.rated) continue;
        const Level* target = reading.scale->find(a.target);
        if (!target || !target->graded || !(target->value > reading.value)) continue;
        Gap g;
        g.assessment = i;
        g.subject = a.subject;
        g.principle = subjectPrinciple(a.subject);
        g.scope = a.scope;
        g.scale = a.scale;
        g.level = a.level;
        g.target = a.target;
        g.size = target->value - reading.value;
        g.normalisedSize = reading.scale->normalise(target->value) - reading.normalised;
        out.push_back(std::move(g));
    }
    return out;
}

std::string_view directionCode(Trend::Direction direction) {
    switch (direction) {
        case Trend::Direction::NoData: return "no_data";
        case Trend::Direction::Improving: return "improving";
        case Trend::Direction::Stable: return "stable";
        case Trend::Direction::Declining: return "declining";
    }
    return "no_data";
}

Trend principleTrend(std::string_view principle, const AssessmentScope& scope, std::span<const Assessment> assessments,
                     const Catalogue& catalogue, std::span<const Scale> scales) {
    Trend t;
    t.principle = std::string(principle);
    t.scope = scope;
    // The organisation's own assessments of the principle: the newest of each day.
    std::map<std::string, std::size_t> direct;  // date → index
    std::set<std::string> measureDays;
    for (std::size_t i = 0; i < assessments.size(); ++i) {
        const Assessment& a = assessments[i];
        if (a.scope != scope) continue;
        if (a.subject == principle)
            direct[a.date] = i;  // a later one on the same day replaces it
        else if (isMeasureNumber(a.subject) && principleOf(a.subject) == principle)
            measureDays.insert(a.date);
    }
    std::vector<TrendPoint> points;
    if (!direct.empty()) {
        for (const auto& [date, i] : direct) {
            const Reading reading = readingOf(assessments[i], scales);
            if (!reading.rated) continue;
            TrendPoint p;
            p.date = date;
            p.scale = reading.scale->id;
            p.level = reading.level->code;
            p.normalised = reading.normalised;
            points.push_back(std::move(p));
        }
    } else {
        for (const std::string& day : measureDays) {
            const RollUp r = rollUpPrinciple(principle, scope, assessments, catalogue, scales, day);
            if (!r.hasLevel) continue;
            TrendPoint p;
            p.date = day;
            p.scale = r.scale;
            p.level = r.level;
            p.normalised = r.normalised;
            points.push_back(std::move(p));
        }
    }
    if (points.size() > kTrendPoints) points.erase(points.begin(), points.end() - static_cast<std::ptrdiff_t>(kTrendPoints));
    t.points = std::move(points);
    if (t.points.empty()) {
        t.reason = "principle " + t.principle + " has no assessment with a level in this scope";
    } else if (t.points.size() == 1) {
        t.reason = "principle " + t.principle + " has one assessment with a level in this scope; a trend needs two";
    } else {
        const double change = t.points.back().normalised - t.points.front().normalised;
        t.direction = change > kEpsilon ? Trend::Direction::Improving
                      : change < -kEpsilon ? Trend::Direction::Declining
                                           : Trend::Direction::Stable;
    }
    return t;
}

std::vector<Action> actionList(std::span<const Assessment> assessments, const Catalogue& catalogue,
                               std::span<const Scale> scales) {
    std::vector<Action> out;
    for (Gap& g : findGaps(assessments, scales)) {
        Action a;
        if (const Measure* m = catalogue.findMeasure(g.subject)) {
            a.priorityRank = m->priorityRank;
            a.priority = m->priority;
        } else {
            // A principle: its most urgent measure's group.
            for (const Measure* m2 : catalogue.measuresOf(g.subject))
                if (m2->priorityRank > 0 && (a.priorityRank == 0 || m2->priorityRank < a.priorityRank)) {
                    a.priorityRank = m2->priorityRank;
                    a.priority = m2->priority;
                }
        }
        a.gap = std::move(g);
        out.push_back(std::move(a));
    }
    std::stable_sort(out.begin(), out.end(), [](const Action& x, const Action& y) {
        // Rank 0 (none) after every real group.
        const int rx = x.priorityRank > 0 ? x.priorityRank : 1'000'000;
        const int ry = y.priorityRank > 0 ? y.priorityRank : 1'000'000;
        if (rx != ry) return rx < ry;
        if (std::fabs(x.gap.normalisedSize - y.gap.normalisedSize) > kEpsilon) return x.gap.normalisedSize > y.gap.normalisedSize;
        if (x.gap.principle != y.gap.principle) return numberLess(x.gap.principle, y.gap.principle);
        if (x.gap.subject != y.gap.subject) return numberLess(x.gap.subject, y.gap.subject);
        return x.gap.scope < y.gap.scope;
    });
    return out;
}

// ---- Indicators --------------------------------------------------------------------------------

const std::vector<IndicatorDefinition>& indicatorDefinitions() {
    static const std::vector<IndicatorDefinition> definitions = [] {
        std::vector<IndicatorDefinition> out;
        for (const IndicatorRow& row : kIndicators) {
            IndicatorDefinition d;
            d.id = std::string(row.id);
            for (std::string_view w : words(row.principles)) d.principles.emplace_back(w);
            d.title = std::string(row.title);
            out.push_back(std::move(d));
        }
        return out;
    }();
    return definitions;
}

std::vector<const IndicatorDefinition*> indicatorsFor(std::string_view principle) {
    std::vector<const IndicatorDefinition*> out;
    for (const IndicatorDefinition& d : indicatorDefinitions())
        if (std::find(d.principles.begin(), d.principles.end(), principle) != d.principles.end()) out.push_back(&d);
    return out;
}

Indicator catalogueCompleteness(const CatalogueCounts& input) {
    return shareOf("catalogue_completeness", input.complete, input.services, "no services in the catalogue", "complete",
                   "services");
}

Indicator documentFreshness(const DocumentDates& input) {
    const std::vector<std::string_view> dates(input.lastReviewed.begin(), input.lastReviewed.end());
    return currentShare("document_freshness", dates, input.today, input.maxAgeDays, "document", "no governing documents registered");
}

Indicator vendorSystemsMapped(const InventoryCounts& input) {
    return shareOf("vendor_systems_mapped", input.vendorSystemsMapped, input.vendorSystems, "no vendor systems registered",
                   "mapped", "vendor systems");
}

Indicator componentsMapped(const InventoryCounts& input) {
    return shareOf("components_mapped", input.componentsMapped, input.components, "no components registered", "mapped",
                   "components");
}

Indicator grantsReviewedOnTime(const AccessReviewCounts& input) {
    return shareOf("grants_reviewed_on_time", input.reviewedOnTime, input.grantsDue, "no grants were due for review",
                   "reviewed on time", "grants due");
}

Indicator accessFlagsClosed(const AccessReviewCounts& input) {
    return shareOf("access_flags_closed", input.flagsClosed, input.flagsRaised, "no risk flags were raised on grants", "closed",
                   "flags raised");
}

Indicator threatModelsCurrent(const ServiceAnalysisDates& input) {
    std::vector<std::string_view> dates;
    for (const auto& s : input.services) dates.push_back(s.threatModel);
    return currentShare("threat_models_current", dates, input.today, input.maxAgeDays, "service", "no services to analyse");
}

Indicator rosCurrent(const ServiceAnalysisDates& input) {
    std::vector<std::string_view> dates;
    for (const auto& s : input.services) dates.push_back(s.ros);
    return currentShare("ros_current", dates, input.today, input.maxAgeDays, "service", "no services to analyse");
}

Indicator changesSecurityAssessed(const ChangeCounts& input) {
    return shareOf("changes_security_assessed", input.securityAssessed, input.changes, "no changes in the period",
                   "with a security assessment", "changes");
}

Indicator monitoringCoverage(const MonitoringCounts& input) {
    return shareOf("monitoring_coverage", input.monitored, input.services, "no services in the catalogue", "monitored", "services");
}

Indicator detectionsHandled(const DetectionCounts& input) {
    return shareOf("detections_handled", input.handled, input.detections, "no detections in the period", "handled", "detections");
}

Indicator incidentsWithinTarget(const IncidentCounts& input) {
    return shareOf("incidents_within_target", input.withinTarget, input.closed, "no incidents closed in the period",
                   "within target", "closed");
}

Indicator incidentsReviewed(const IncidentCounts& input) {
    return shareOf("incidents_reviewed", input.reviewed, input.requiringReview, "no incidents required a review", "reviewed",
                   "requiring review");
}

// ---- ISO/IEC 27001:2022 Annex A ----------------------------------------------------------------

std::span<const ThemeInfo> annexAThemes() { return kThemes; }

const std::vector<std::string>& annexAControls() {
    static const std::vector<std::string> controls = [] {
        std::vector<std::string> out;
        for (const ThemeInfo& t : kThemes)
            for (int n = 1; n <= t.controls; ++n) out.push_back(std::to_string(t.clause) + "." + std::to_string(n));
        return out;
    }();
    return controls;
}

bool themeOf(std::string_view id, Theme& theme) {
    std::vector<int> parts;
    if (!splitNumber(id, parts) || parts.size() != 2) return false;
    for (const ThemeInfo& t : kThemes)
        if (t.clause == parts[0] && parts[1] >= 1 && parts[1] <= t.controls) {
            theme = t.theme;
            return true;
        }
    return false;
}

bool isAnnexAControl(std::string_view id) {
    Theme theme = Theme::Organisational;
    return themeOf(id, theme);
}

std::string_view themeCode(Theme theme) {
    for (const ThemeInfo& t : kThemes)
        if (t.theme == theme) return t.code;
    return "organisational";
}

// ---- Statement of Applicability ----------------------------------------------------------------

std::string_view controlStatusCode(ControlStatus status) {
    switch (status) {
        case ControlStatus::Unknown: return "unknown";
        case ControlStatus::NotImplemented: return "not_implemented";
        case ControlStatus::Partial: return "partial";
        case ControlStatus::Implemented: return "implemented";
    }
    return "unknown";
}

std::string_view applicabilityCode(Applicability applicability) {
    switch (applicability) {
        case Applicability::Undecided: return "undecided";
        case Applicability::Applicable: return "applicable";
        case Applicability::NotApplicable: return "not_applicable";
    }
    return "undecided";
}

Soa buildSoa(const Catalogue& catalogue, std::span<const SoaDecision> decisions, std::span<const Assessment> assessments,
             std::span<const Scale> scales) {
    Soa soa;
    const std::vector<std::string>& controls = annexAControls();
    std::map<std::string, std::size_t, std::less<>> entryOf;  // control → index in entries
    for (const std::string& id : controls) {
        SoaEntry e;
        e.control = id;
        themeOf(id, e.theme);
        entryOf.emplace(id, soa.entries.size());
        soa.entries.push_back(std::move(e));
    }
    for (const Measure& m : catalogue.measures)
        for (const std::string& id : m.iso27002) {
            const auto it = entryOf.find(id);
            if (it == entryOf.end()) {
                soa.problems.push_back(fieldProblem("iso27002", "measure " + m.number + ": '" + shown(id) +
                                                                    "' is not an ISO/IEC 27002:2022 control"));
                continue;
            }
            std::vector<std::string>& list = soa.entries[it->second].measures;
            if (std::find(list.begin(), list.end(), m.number) == list.end()) list.push_back(m.number);
        }
    for (SoaEntry& e : soa.entries) {
        std::sort(e.measures.begin(), e.measures.end(), [](const std::string& a, const std::string& b) { return numberLess(a, b); });
        e.applicability = e.measures.empty() ? Applicability::Undecided : Applicability::Applicable;
    }

    std::set<std::string, std::less<>> decided;
    for (std::size_t i = 0; i < decisions.size(); ++i) {
        const SoaDecision& d = decisions[i];
        const std::string at = "decisions[" + std::to_string(i + 1) + "]";
        const auto it = entryOf.find(d.control);
        if (it == entryOf.end()) {
            soa.problems.push_back(fieldProblem(at + ".control", "'" + shown(d.control) + "' is not an ISO/IEC 27001:2022 Annex A control"));
            continue;
        }
        if (!decided.insert(d.control).second) {
            soa.problems.push_back(fieldProblem(at + ".control", "control " + d.control + " is decided twice"));
            continue;
        }
        if (blank(d.justification)) {
            soa.problems.push_back(fieldProblem(at + ".justification", "control " + d.control +
                                                                           ": required, for an included control as for an excluded "
                                                                           "one (ISO/IEC 27001:2022 6.1.3 d)"));
            continue;  // a decision with a problem is not applied
        }
        const std::size_t before = soa.problems.size();
        checkText(soa.problems, at + ".justification", d.justification, kMaxTextChars, true);
        if (soa.problems.size() != before) continue;
        SoaEntry& e = soa.entries[it->second];
        e.decided = true;
        e.applicability = d.applicable ? Applicability::Applicable : Applicability::NotApplicable;
        e.justification = d.justification;
        e.status = d.applicable ? d.status : ControlStatus::Unknown;
    }

    // Derived status from the newest rated assessments of each control's measures.
    const std::vector<std::size_t> latest = latestAssessments(assessments);
    std::map<std::string, std::vector<std::size_t>, std::less<>> byMeasure;
    for (const std::size_t i : latest)
        if (isMeasureNumber(assessments[i].subject)) byMeasure[assessments[i].subject].push_back(i);
    for (SoaEntry& e : soa.entries) {
        if (e.applicability != Applicability::NotApplicable && e.status == ControlStatus::Unknown) {
            std::size_t rated = 0, atTarget = 0, aboveBottom = 0;
            for (const std::string& number : e.measures) {
                const auto it = byMeasure.find(number);
                if (it == byMeasure.end()) continue;
                for (const std::size_t i : it->second) {
                    const Assessment& a = assessments[i];
                    const Reading reading = readingOf(a, scales);
                    if (!reading.rated) continue;
                    ++rated;
                    const Level* target = a.target.empty() ? nullptr : reading.scale->find(a.target);
                    const double goal = target && target->graded ? reading.scale->normalise(target->value) : 1.0;
                    if (reading.normalised >= goal - kEpsilon) ++atTarget;
                    if (reading.normalised > kEpsilon) ++aboveBottom;
                }
            }
            if (rated > 0) {
                e.statusDerived = true;
                e.status = atTarget == rated   ? ControlStatus::Implemented
                           : aboveBottom > 0 ? ControlStatus::Partial
                                             : ControlStatus::NotImplemented;
            }
        }
        switch (e.applicability) {
            case Applicability::Applicable: ++soa.applicable; break;
            case Applicability::NotApplicable: ++soa.notApplicable; break;
            case Applicability::Undecided: ++soa.undecided; break;
        }
    }
    return soa;
}

}  // namespace vakt::nsm
