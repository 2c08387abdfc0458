#include "access/access_model.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "core/base/csv.h"
#include "core/base/utf8.h"
#include "core/base/json.h"
#include "core/base/norway.h"

namespace vakt::access {

namespace {

// Joins the parts of keys. The parsers refuse control characters in every value, so it cannot
// occur inside one and two different grants never give the same key.
constexpr char kSep = '\x1f';
constexpr char kListSep = '\x1e';

// Bounds on hostile input: problems kept (the rest are counted), fields in a CSV record, JSON
// nodes built (each costs about 136 bytes of tree), scopes per grant.
constexpr std::size_t kMaxProblems = 1000;
constexpr std::size_t kMaxCsvFields = 64;
constexpr std::size_t kMaxJsonValues = 6'000'000;
constexpr std::size_t kMaxScopes = 500;
constexpr std::size_t kMaxScopeChars = 200;
constexpr std::size_t kMaxDecisionChars = 4000;

std::string lowerAscii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string_view trimView(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

bool blank(std::string_view s) { return trimView(s).empty(); }

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}


bool hasControl(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u < 0x20 || u == 0x7F;
    });
}

// Characters, not bytes, for the limits a user reads (valid UTF-8 assumed).
std::size_t characters(std::string_view s) { return utf8Characters(s); }

// A value quoted in a message: the start of it, printable, never a pasted file.
// Runs of exactly 11 digits that are a valid fødselsnummer or d-nummer become "<fødselsnummer>".
std::string maskPersonIds(std::string_view value) {
    std::string out;
    std::size_t i = 0;
    while (i < value.size()) {
        std::size_t j = i;
        while (j < value.size() && value[j] >= '0' && value[j] <= '9') ++j;
        if (j == i) {
            out += value[i++];
            continue;
        }
        const std::string_view run = value.substr(i, j - i);
        out += run.size() == 11 && norway::isValidPersonId(run) ? std::string("<fødselsnummer>") : std::string(run);
        i = j;
    }
    return out;
}

std::string shown(std::string_view input) {
    // A value quoted back in an error (a header cell, an orgnr) never shows a person's number.
    return quotedValue(maskPersonIds(input));
}

bool validEmail(std::string_view e) {
    const auto at = e.find('@');
    if (at == std::string_view::npos || at == 0 || at + 1 >= e.size() || e.find('@', at + 1) != std::string_view::npos) return false;
    if (e.size() > 254) return false;
    // No spaces, and no list separators: "a@x.no;b@x.no" is two people, not one address.
    return std::none_of(e.begin(), e.end(), [](char c) { return static_cast<unsigned char>(c) <= 0x20 || c == 0x7F || c == ',' || c == ';'; });
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

bool validDay(std::string_view s) {
    int y = 0, m = 0, d = 0;
    if (s.size() < 10 || s[4] != '-' || s[7] != '-' || !digitsAt(s, 0, 4, y) || !digitsAt(s, 5, 2, m) || !digitsAt(s, 8, 2, d))
        return false;
    return std::chrono::year_month_day{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                                       std::chrono::day{static_cast<unsigned>(d)}}
        .ok();
}

// YYYY-MM-DD, or an RFC 3339 date-time (offset required; 'T', 't' or a space between).
bool validTimestamp(std::string_view s) {
    if (!validDay(s)) return false;
    if (s.size() == 10) return true;
    if (s[10] != 'T' && s[10] != 't' && s[10] != ' ') return false;
    int hour = 0, minute = 0, second = 0;
    if (s.size() < 19 || !digitsAt(s, 11, 2, hour) || s[13] != ':' || !digitsAt(s, 14, 2, minute) || s[16] != ':' ||
        !digitsAt(s, 17, 2, second))
        return false;
    if (hour > 23 || minute > 59 || second > 60) return false;  // 60: a leap second
    std::size_t pos = 19;
    if (pos < s.size() && s[pos] == '.') {
        const std::size_t start = ++pos;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
        if (pos == start) return false;
    }
    if (pos >= s.size()) return false;
    if (s[pos] == 'Z' || s[pos] == 'z') return pos + 1 == s.size();
    if (s[pos] != '+' && s[pos] != '-') return false;
    int offsetHours = 0, offsetMinutes = 0;
    return pos + 6 == s.size() && digitsAt(s, pos + 1, 2, offsetHours) && s[pos + 3] == ':' &&
           digitsAt(s, pos + 4, 2, offsetMinutes) && offsetHours <= 23 && offsetMinutes <= 59;
}

// ---- The export's fields ---------------------------------------------------------------------

namespace col {
enum : std::size_t {
    HolderType, HolderId, HolderEmail, HolderName, Orgnr, Service, PrivilegeKind, Detail, ServiceArea, HolderArea,
    LegalBasis, Confidential, Scopes, Role, LeaderEmail, GrantedBy, GrantedAt, Count
};
}  // namespace col

constexpr std::array<std::string_view, col::Count> kFieldNames{
    "holder_type", "holder_id",    "holder_email", "holder_name", "orgnr", "service",      "privilege", "detail",     "service_area",
    "holder_area", "legal_basis", "confidential", "scopes",      "role",  "leader_email", "granted_by", "granted_at"};
// In characters. Scopes is the whole CSV cell; each scope has its own limit.
constexpr std::array<std::size_t, col::Count> kMaxChars{20,  200, 254, 500,   20,  500, 50,  1000, 500,
                                                        500, 1000, 10, 20000, 500, 254, 500, 40};
constexpr std::array<std::size_t, 3> kRequiredColumns{col::HolderType, col::Orgnr, col::PrivilegeKind};

std::size_t fieldIndex(std::string_view name) {
    for (std::size_t f = 0; f < col::Count; ++f)
        if (kFieldNames[f] == name) return f;
    return col::Count;
}

std::string columnList() {
    std::string out;
    for (std::size_t f = 0; f < col::Count; ++f) {
        if (f) out += ", ";
        out += kFieldNames[f];
    }
    return out;
}

// Keeps the first kMaxProblems and counts the rest, so a file of garbage costs no more memory
// than a file with a few mistakes. The problem that stops reading is always listed, last.
class Problems {
public:
    explicit Problems(std::vector<ParseProblem>& out) : out_(out) {}
    void add(int line, std::string_view field, std::string message) {
        ++total_;
        if (out_.size() < kMaxProblems)
            out_.push_back(ParseProblem{line, std::string(field), std::move(message)});
        else if (firstUnlisted_ == 0)
            firstUnlisted_ = line;
    }
    void stop(int line, std::string_view field, std::string message) {
        stopped_ = true;
        last_ = ParseProblem{line, std::string(field), std::move(message)};
    }
    bool any() const { return total_ > 0 || stopped_; }
    void finish() {
        if (total_ > out_.size()) {
            const std::size_t more = total_ - out_.size();
            out_.push_back(ParseProblem{std::max(firstUnlisted_, 1), "",
                                        std::to_string(more) + " more problems not listed; fix these and read the file again"});
        }
        if (stopped_) out_.push_back(std::move(last_));
    }

private:
    std::vector<ParseProblem>& out_;
    std::size_t total_ = 0;
    int firstUnlisted_ = 0;
    bool stopped_ = false;
    ParseProblem last_;
};

// One row as read, before its values are checked.
struct RawRow {
    std::array<std::string, col::Count> text;
    std::array<bool, col::Count> broken{};  // already reported (a JSON member of the wrong type)
    bool hasScopeList = false;              // JSON gives the scopes as an array
    std::vector<std::string> scopeList;
};

bool parseBool(std::string_view text, bool& value) {
    const std::string v = lowerAscii(text);
    if (v.empty() || v == "false" || v == "no" || v == "nei" || v == "0") {
        value = false;
        return true;
    }
    if (v == "true" || v == "yes" || v == "ja" || v == "1") {
        value = true;
        return true;
    }
    return false;
}

// Checks every field of the row and names each problem; fills `g` when there are none.
// `where` starts each message ("grant 3: " for JSON, where the line is the array index).
bool buildGrant(RawRow& row, int line, const std::string& where, Problems& problems, Grant& g) {
    bool ok = true;
    auto problem = [&](std::size_t f, std::string message) {
        problems.add(line, kFieldNames[f], where + message);
        ok = false;
    };
    for (std::size_t f = 0; f < col::Count; ++f) {
        if (row.broken[f]) {
            ok = false;
            continue;
        }
        const std::string& v = row.text[f];
        if (v.empty()) continue;
        if (!validUtf8(v))
            problem(f, "is not valid UTF-8");
        else if (hasControl(v))
            problem(f, "contains a control character (a tab or a line break?)");
        else if (characters(v) > kMaxChars[f])
            problem(f, "is longer than " + std::to_string(kMaxChars[f]) + " characters");
        else
            continue;
        row.broken[f] = true;
    }
    auto usable = [&](std::size_t f) { return !row.broken[f]; };
    auto& text = row.text;

    text[col::HolderType] = lowerAscii(text[col::HolderType]);
    const std::string& type = text[col::HolderType];
    const bool person = type == "person", integration = type == "integration";
    if (usable(col::HolderType)) {
        if (type.empty())
            problem(col::HolderType, "missing: person or integration");
        else if (!person && !integration)
            problem(col::HolderType, "'" + shown(type) + "' is neither person nor integration");
    }
    if (person) {
        if (usable(col::HolderEmail)) {
            if (text[col::HolderEmail].empty())
                problem(col::HolderEmail, "missing: a person is named by their e-mail");
            else if (!validEmail(text[col::HolderEmail]))
                problem(col::HolderEmail, "'" + shown(text[col::HolderEmail]) + "' is not an e-mail address");
        }
        // Never quoted back: it may be a real fødselsnummer with a typo.
        const std::string& id = text[col::HolderId];
        if (usable(col::HolderId) && !id.empty() && !norway::isValidPersonId(id))
            problem(col::HolderId, "is not a fødselsnummer or d-nummer (11 digits with valid control digits)");
    } else if (integration) {
        if (usable(col::HolderId) && text[col::HolderId].empty())
            problem(col::HolderId, "missing: an integration is named by its client id");
        if (usable(col::HolderEmail) && !text[col::HolderEmail].empty())
            problem(col::HolderEmail, "an integration has no e-mail; it is named by holder_id (its client id)");
        // A client id that is a person's number would be written to the revocation list and the
        // attestation as it is: refused, never quoted back.
        if (usable(col::HolderId) && norway::isValidPersonId(text[col::HolderId]))
            problem(col::HolderId, "an integration's client id cannot be a fødselsnummer or d-nummer");
    }

    std::string& orgnr = text[col::Orgnr];
    std::erase(orgnr, ' ');  // "974 760 673" as people write it
    if (usable(col::Orgnr)) {
        if (orgnr.empty())
            problem(col::Orgnr, "missing: the organisation's number");
        else if (!norway::isValidOrgnr(orgnr))
            problem(col::Orgnr, "'" + shown(orgnr) + "' is not an organisation number (9 digits with a valid check digit)");
    }

    text[col::PrivilegeKind] = lowerAscii(text[col::PrivilegeKind]);
    const std::string& kind = text[col::PrivilegeKind];
    if (usable(col::PrivilegeKind)) {
        if (kind.empty())
            problem(col::PrivilegeKind, "missing: admin, service_admin, privilege or folkeregister_role");
        else if (!Privilege::valid(kind))
            problem(col::PrivilegeKind, "'" + shown(kind) + "' is not admin, service_admin, privilege or folkeregister_role");
    }
    if (usable(col::Detail) && text[col::Detail].empty()) {
        if (kind == Privilege::Specific) problem(col::Detail, "missing: a specific privilege is named by its detail");
        if (kind == Privilege::Folkeregister) problem(col::Detail, "missing: the register role's name");
    }

    bool confidential = false;
    if (usable(col::Confidential)) {
        if (!parseBool(text[col::Confidential], confidential))
            problem(col::Confidential, "'" + shown(text[col::Confidential]) + "' is not true or false");
    }

    std::vector<std::string> scopes;
    if (usable(col::Scopes)) {
        if (row.hasScopeList) {
            scopes = std::move(row.scopeList);
        } else {
            const std::string_view all = text[col::Scopes];
            std::size_t pos = 0;
            while (pos < all.size()) {
                const std::size_t end = std::min(all.find_first_of("; ", pos), all.size());
                if (end > pos) scopes.emplace_back(all.substr(pos, end - pos));
                pos = end + 1;
            }
        }
        if (scopes.size() > kMaxScopes) {
            problem(col::Scopes, "more than " + std::to_string(kMaxScopes) + " scopes");
        } else {
            for (const std::string& scope : scopes) {
                if (scope.empty() || scope.find_first_of("; ") != std::string::npos) {
                    problem(col::Scopes, "'" + shown(scope) + "' is not a scope (empty, or a space or ';' in it)");
                    break;
                }
                if (!validUtf8(scope) || hasControl(scope) || characters(scope) > kMaxScopeChars) {
                    problem(col::Scopes, "'" + shown(scope) + "' is not a scope (control characters, bad UTF-8, or over " +
                                             std::to_string(kMaxScopeChars) + " characters)");
                    break;
                }
            }
        }
        std::sort(scopes.begin(), scopes.end());
        scopes.erase(std::unique(scopes.begin(), scopes.end()), scopes.end());
    }

    if (usable(col::LeaderEmail) && !text[col::LeaderEmail].empty() && !validEmail(text[col::LeaderEmail]))
        problem(col::LeaderEmail, "'" + shown(text[col::LeaderEmail]) + "' is not an e-mail address");
    if (usable(col::GrantedAt) && !text[col::GrantedAt].empty() && !validTimestamp(text[col::GrantedAt]))
        problem(col::GrantedAt,
                "'" + shown(text[col::GrantedAt]) + "' is not a date (2026-03-05) or an RFC 3339 time (2026-03-05T10:15:00Z)");

    if (!ok) return false;
    g.holderType = std::move(text[col::HolderType]);
    g.holderId = std::move(text[col::HolderId]);
    g.holderEmail = std::move(text[col::HolderEmail]);
    g.holderName = std::move(text[col::HolderName]);
    g.orgnr = std::move(text[col::Orgnr]);
    g.service = std::move(text[col::Service]);
    g.privilege = std::move(text[col::PrivilegeKind]);
    g.detail = std::move(text[col::Detail]);
    g.serviceArea = std::move(text[col::ServiceArea]);
    g.holderArea = std::move(text[col::HolderArea]);
    g.legalBasis = std::move(text[col::LegalBasis]);
    g.confidential = confidential;
    g.scopes = std::move(scopes);
    g.role = std::move(text[col::Role]);
    g.leaderEmail = std::move(text[col::LeaderEmail]);
    g.grantedBy = std::move(text[col::GrantedBy]);
    g.grantedAt = std::move(text[col::GrantedAt]);
    g.line = line;
    return true;
}

// Keeps a grant unless its key was seen; a duplicate names the first one's place.
void keep(Grant&& g, const std::string& where, std::string_view unit, GrantFile& out,
          std::unordered_map<std::string, int>& seen, Problems& problems) {
    const int line = g.line;
    const auto [it, inserted] = seen.try_emplace(grantKey(g), line);
    if (!inserted) {
        problems.add(line, "",
                     where + "the same grant (holder, organisation, service, privilege and detail) as " + std::string(unit) +
                         std::to_string(it->second));
        return;
    }
    out.grants.push_back(std::move(g));
}

// ---- CSV -------------------------------------------------------------------------------------

// RFC 4180 as core/base/csv.h reads it (',' or ';' from the header line, a byte-order mark
// skipped), one record at a time so a file is refused at kMaxGrants without reading on, and a
// broken record is reported and skipped to the end of its line instead of ending the file.
class CsvReader {
public:
    enum class Read { Record, Broken, End };

    explicit CsvReader(std::string_view in) : in_(in) {
        if (in_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
        bool quoted = false;
        for (std::size_t i = pos_; i < in_.size() && (quoted || (in_[i] != '\n' && in_[i] != '\r')); ++i) {
            if (in_[i] == '"') {
                quoted = !quoted;
            } else if (!quoted && (in_[i] == ',' || in_[i] == ';')) {
                sep_ = in_[i];
                break;
            }
        }
        stops_[0] = sep_;
    }

    // The next record into `fields`; `line` is where it starts. Broken: `error` says why.
    Read next(std::vector<std::string>& fields, int& line, std::string& error) {
        fields.clear();
        if (pos_ >= in_.size()) return Read::End;
        line = line_;
        const std::string_view stops(stops_.data(), stops_.size());
        for (;;) {
            if (fields.size() >= kMaxCsvFields) {
                error = "more than " + std::to_string(kMaxCsvFields) + " fields";
                skipLine();
                return Read::Broken;
            }
            std::string& field = fields.emplace_back();
            auto number = [&fields] { return std::to_string(fields.size()); };
            if (pos_ < in_.size() && in_[pos_] == '"') {
                ++pos_;
                for (;;) {
                    const std::size_t quote = in_.find('"', pos_);
                    const std::string_view chunk =
                        quote == std::string_view::npos ? in_.substr(pos_) : in_.substr(pos_, quote - pos_);
                    line_ += static_cast<int>(std::count(chunk.begin(), chunk.end(), '\n'));
                    if (quote == std::string_view::npos) {
                        pos_ = in_.size();
                        error = "the quoted field " + number() + " is not closed";
                        return Read::Broken;
                    }
                    field.append(chunk);
                    pos_ = quote + 1;
                    if (pos_ < in_.size() && in_[pos_] == '"') {
                        field += '"';
                        ++pos_;
                        continue;
                    }
                    break;
                }
                if (pos_ < in_.size() && in_[pos_] != sep_ && in_[pos_] != '\n' && in_[pos_] != '\r') {
                    error = "unexpected character after the closing quote of field " + number();
                    skipLine();
                    return Read::Broken;
                }
            } else {
                const std::size_t stop = std::min(in_.find_first_of(stops, pos_), in_.size());
                if (stop < in_.size() && in_[stop] == '"') {
                    error = "a quote inside the unquoted field " + number() + " (quote the whole field, doubling its quotes)";
                    skipLine();
                    return Read::Broken;
                }
                field.append(in_.substr(pos_, stop - pos_));
                pos_ = stop;
            }
            if (pos_ >= in_.size()) return Read::Record;
            if (in_[pos_] == sep_) {
                ++pos_;
                continue;
            }
            if (in_[pos_] == '\r') ++pos_;
            if (pos_ < in_.size() && in_[pos_] == '\n') ++pos_;
            ++line_;
            return Read::Record;
        }
    }

private:
    void skipLine() {
        const std::size_t newline = in_.find('\n', pos_);
        pos_ = newline == std::string_view::npos ? in_.size() : newline + 1;
        ++line_;
    }

    std::string_view in_;
    std::size_t pos_ = 0;
    int line_ = 1;
    char sep_ = ',';
    std::array<char, 4> stops_{',', '\n', '\r', '"'};
};

bool blankRecord(const std::vector<std::string>& fields) {
    return std::all_of(fields.begin(), fields.end(), [](const std::string& f) { return blank(f); });
}

void readCsv(std::string_view text, GrantFile& out, Problems& problems) {
    if (text.size() > kMaxCsvBytes) {
        problems.stop(1, "", "the file is larger than " + std::to_string(kMaxCsvBytes / (1024 * 1024)) + " MiB; split the export");
        return;
    }
    CsvReader reader(text);
    std::vector<std::string> fields;
    std::string error;
    int line = 1;
    CsvReader::Read read = CsvReader::Read::End;
    do read = reader.next(fields, line, error);
    while (read == CsvReader::Read::Record && blankRecord(fields));
    if (read == CsvReader::Read::End) {
        problems.add(1, "", "the file is empty: expected a header row naming the columns");
        return;
    }
    if (read == CsvReader::Read::Broken) {
        problems.add(line, "", "the header row: " + error);
        return;
    }
    // The header: rows cannot be read against a header with unknown or missing columns.
    const int headerLine = line;
    const std::size_t columns = fields.size();
    std::vector<std::size_t> fieldOf(columns, col::Count);
    std::array<bool, col::Count> present{};
    for (std::size_t i = 0; i < columns; ++i) {
        const std::string name = lowerAscii(trimView(fields[i]));
        const std::size_t f = fieldIndex(name);
        if (f == col::Count) {
            problems.add(headerLine, shown(name), "unknown column; the columns are " + columnList());
        } else if (present[f]) {
            problems.add(headerLine, name, "the column appears twice");
        } else {
            present[f] = true;
            fieldOf[i] = f;
        }
    }
    for (const std::size_t f : kRequiredColumns)
        if (!present[f]) problems.add(headerLine, kFieldNames[f], "the column is missing");
    if (problems.any()) return;

    std::unordered_map<std::string, int> seen;
    std::size_t rows = 0;
    const std::string noPrefix;
    for (;;) {
        read = reader.next(fields, line, error);
        if (read == CsvReader::Read::End) break;
        if (read == CsvReader::Read::Broken) {
            problems.add(line, "", error);
            continue;
        }
        if (blankRecord(fields)) continue;
        if (++rows > kMaxGrants) {
            problems.stop(line, "", "more than " + std::to_string(kMaxGrants) + " grants in one file; split the export");
            return;
        }
        if (fields.size() != columns) {
            problems.add(line, "", "has " + std::to_string(fields.size()) + " fields, the header " + std::to_string(columns));
            continue;
        }
        RawRow row;
        for (std::size_t i = 0; i < columns; ++i) row.text[fieldOf[i]] = std::string(trimView(fields[i]));
        Grant g;
        if (buildGrant(row, line, noPrefix, problems, g)) keep(std::move(g), noPrefix, "line ", out, seen, problems);
    }
}

// ---- JSON ------------------------------------------------------------------------------------

// Counts before the tree is built, so a file of millions of tiny values is refused without a
// node allocated for each: values (commas and openings outside strings) and containers that
// open two levels down, where the grants' objects are.
std::string prescanJson(std::string_view s) {
    std::size_t values = 0, depth = 0, deep = 0;
    bool inString = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
            case '"': inString = true; break;
            case '{':
            case '[':
                if (depth == 2) ++deep;
                ++depth;
                ++values;
                break;
            case '}':
            case ']':
                if (depth > 0) --depth;
                break;
            case ',': ++values; break;
            default: break;
        }
    }
    if (deep > kMaxGrants) return "more than " + std::to_string(kMaxGrants) + " grants in one file; split the export";
    if (values > kMaxJsonValues) return "more than " + std::to_string(kMaxJsonValues) + " values: not a grant export this library reads";
    return {};
}

std::string article(json::Value::Type type) {
    const std::string name = json::typeName(type);
    return (type == json::Value::Type::Array || type == json::Value::Type::Object ? "an " : "a ") + name;
}

void readJson(std::string_view text, GrantFile& out, Problems& problems) {
    if (text.size() > kMaxJsonBytes) {
        problems.stop(1, "", "the file is larger than " + std::to_string(kMaxJsonBytes / (1024 * 1024)) + " MiB; split the export");
        return;
    }
    if (const std::string why = prescanJson(text); !why.empty()) {
        problems.stop(1, "", why);
        return;
    }
    auto parsed = json::parse(text, json::Limits{16, kMaxJsonBytes});
    if (!parsed) {
        // "line:column: reason"
        const std::string& message = parsed.message();
        int line = 0;
        std::size_t i = 0;
        while (i < message.size() && i < 9 && message[i] >= '0' && message[i] <= '9') line = line * 10 + (message[i++] - '0');
        const std::string rest = i < message.size() && message[i] == ':' ? message.substr(i + 1) : message;
        problems.add(std::max(line, 1), "", "not valid JSON: column " + rest);
        return;
    }
    const json::Value& root = *parsed;
    if (!root.isObject()) {
        problems.add(std::max(root.line, 1), "",
                     "expected an object {\"format\":\"vakt-grants-1\",\"grants\":[...]}, not " + article(root.type));
        return;
    }
    const json::Value* format = nullptr;
    const json::Value* grants = nullptr;
    for (const auto& member : root.members) {
        const json::Value** slot = member.key == "format" ? &format : member.key == "grants" ? &grants : nullptr;
        if (!slot)
            problems.add(std::max(member.value.line, 1), shown(member.key), "unknown member; the file has only 'format' and 'grants'");
        else if (*slot)
            problems.add(std::max(member.value.line, 1), member.key, "appears twice");
        else
            *slot = &member.value;
    }
    if (!format)
        problems.add(std::max(root.line, 1), "format", "missing: expected \"vakt-grants-1\"");
    else if (!format->isString() || format->text != "vakt-grants-1")
        problems.add(std::max(format->line, 1), "format",
                     (format->isString() ? "'" + shown(format->text) + "'" : article(format->type)) + " is not vakt-grants-1");
    if (!grants)
        problems.add(std::max(root.line, 1), "grants", "missing: expected the array of grants");
    else if (!grants->isArray())
        problems.add(std::max(grants->line, 1), "grants", "expected an array of grants, not " + article(grants->type));
    if (problems.any() || !grants) return;
    if (grants->items.size() > kMaxGrants) {
        problems.stop(std::max(grants->line, 1), "grants", "more than " + std::to_string(kMaxGrants) + " grants in one file; split the export");
        return;
    }

    std::unordered_map<std::string, int> seen;
    for (std::size_t index = 0; index < grants->items.size(); ++index) {
        const json::Value& item = grants->items[index];
        const int line = static_cast<int>(index + 1);  // Grant::line: the array index + 1
        const std::string where = "grant " + std::to_string(index + 1) + ": ";
        if (!item.isObject()) {
            problems.add(line, "", where + "expected an object, not " + article(item.type));
            continue;
        }
        RawRow row;
        bool ok = true;
        std::array<bool, col::Count> had{};
        for (const auto& member : item.members) {
            const std::size_t f = fieldIndex(member.key);
            if (f == col::Count) {
                problems.add(line, shown(member.key), where + "unknown member; the members are " + columnList());
                ok = false;
                continue;
            }
            if (had[f]) {
                problems.add(line, member.key, where + "appears twice");
                row.broken[f] = true;
                continue;
            }
            had[f] = true;
            const json::Value& v = member.value;
            if (v.isNull()) continue;
            if (f == col::Scopes) {
                if (!v.isArray()) {
                    problems.add(line, member.key, where + "expected an array of strings, not " + article(v.type));
                    row.broken[f] = true;
                    continue;
                }
                row.hasScopeList = true;
                if (v.items.size() > kMaxScopes) {
                    row.scopeList.resize(kMaxScopes + 1);  // buildGrant names the count
                    continue;
                }
                for (const auto& scope : v.items) {
                    if (!scope.isString()) {
                        problems.add(line, member.key, where + "expected an array of strings, with " + article(scope.type) + " in it");
                        row.broken[f] = true;
                        break;
                    }
                    row.scopeList.emplace_back(trimView(scope.text));
                }
            } else if (f == col::Confidential && v.isBool()) {
                row.text[f] = v.boolean ? "true" : "false";
            } else if (!v.isString()) {
                problems.add(line, member.key, where + "expected a string, not " + article(v.type));
                row.broken[f] = true;
            } else {
                row.text[f] = std::string(trimView(v.text));
            }
        }
        Grant g;
        if (buildGrant(row, line, where, problems, g) && ok) keep(std::move(g), where, "grant ", out, seen, problems);
    }
}

}  // namespace

// ---- Keys ------------------------------------------------------------------------------------

namespace Privilege {
bool valid(std::string_view kind) { return kind == Admin || kind == ServiceAdmin || kind == Specific || kind == Folkeregister; }
bool privileged(std::string_view kind) { return kind == Admin || kind == ServiceAdmin; }
}  // namespace Privilege

std::string holderKey(const Grant& grant) {
    // E-mail addresses are compared without case, so "Kari@..." and "kari@..." are one person.
    if (grant.holderType == "person") return "person:" + lowerAscii(grant.holderEmail);
    return grant.holderType + ":" + grant.holderId;
}

std::string grantKey(const Grant& grant) {
    std::string key = holderKey(grant);
    for (const std::string* part : {&grant.orgnr, &grant.service, &grant.privilege, &grant.detail}) {
        key += kSep;
        key += *part;
    }
    return key;
}

std::string grantContent(const Grant& grant) {
    std::vector<std::string> scopes = grant.scopes;
    std::sort(scopes.begin(), scopes.end());
    scopes.erase(std::unique(scopes.begin(), scopes.end()), scopes.end());
    std::string content;
    for (const std::string* part : {&grant.serviceArea, &grant.holderArea, &grant.legalBasis, &grant.role}) {
        content += *part;
        content += kSep;
    }
    content += lowerAscii(grant.leaderEmail);
    content += kSep;
    content += grant.confidential ? '1' : '0';
    content += kSep;
    for (const std::string& scope : scopes) {
        content += scope;
        content += kListSep;
    }
    return content;
}

std::string formatProblems(std::string_view fileName, std::span<const ParseProblem> problems) {
    std::string out;
    for (const ParseProblem& p : problems) {
        out += fileName;
        if (p.line > 0) out += ":" + std::to_string(p.line);
        out += ": ";
        if (!p.field.empty()) out += "field '" + p.field + "': ";
        out += p.message;
        out += '\n';
    }
    return out;
}

// ---- Reading ---------------------------------------------------------------------------------

GrantFile parseGrantsCsv(std::string_view text) {
    GrantFile out;
    Problems problems(out.problems);
    readCsv(text, out, problems);
    problems.finish();
    return out;
}

GrantFile parseGrantsJson(std::string_view text) {
    GrantFile out;
    Problems problems(out.problems);
    readJson(text, out, problems);
    problems.finish();
    return out;
}

GrantFile parseGrants(std::string_view text) {
    std::string_view rest = text;
    if (rest.substr(0, 3) == "\xEF\xBB\xBF") rest.remove_prefix(3);
    const auto first = rest.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos && (rest[first] == '{' || rest[first] == '['))
        return parseGrantsJson(text);
    return parseGrantsCsv(text);
}

// ---- Differences -----------------------------------------------------------------------------

GrantDiff diffGrants(std::span<const Grant> before, std::span<const Grant> after) {
    GrantDiff diff;
    std::unordered_map<std::string, std::size_t> index;
    index.reserve(before.size());
    for (std::size_t i = 0; i < before.size(); ++i) index.try_emplace(grantKey(before[i]), i);
    std::vector<char> matched(before.size(), 0);
    for (std::size_t j = 0; j < after.size(); ++j) {
        const auto it = index.find(grantKey(after[j]));
        if (it == index.end() || matched[it->second]) {
            diff.added.push_back(j);
            continue;
        }
        matched[it->second] = 1;
        if (grantContent(before[it->second]) == grantContent(after[j]))
            ++diff.unchanged;
        else
            diff.changed.emplace_back(it->second, j);
    }
    for (std::size_t i = 0; i < before.size(); ++i)
        if (!matched[i]) diff.removed.push_back(i);
    return diff;
}

// ---- Segregation of duties -------------------------------------------------------------------

bool SodSide::matches(const Grant& grant) const {
    if (privilege.has_value() && *privilege != grant.privilege) return false;
    if (service.has_value() && *service != grant.service) return false;
    if (serviceArea.has_value() && *serviceArea != grant.serviceArea) return false;
    if (confidential.has_value() && *confidential != grant.confidential) return false;
    if (detail.has_value()) {
        const std::string_view want = *detail;
        if (!want.empty() && want.back() == '*') {
            if (!std::string_view(grant.detail).starts_with(want.substr(0, want.size() - 1))) return false;
        } else if (want != grant.detail) {
            return false;
        }
    }
    return true;
}

// ---- Flags -----------------------------------------------------------------------------------

std::string_view flagCode(Flag flag) {
    switch (flag) {
        case Flag::Administrator: return "admin";
        case Flag::LeftOrMoved: return "left_or_moved";
        case Flag::Unused: return "unused";
        case Flag::ConfidentialNoBasis: return "confidential_no_basis";
        case Flag::OutsideArea: return "outside_area";
        case Flag::BroadIntegration: return "broad_integration";
        case Flag::PeerOutlier: return "peer_outlier";
        case Flag::SodConflict: return "sod_conflict";
    }
    return "unknown";
}

std::vector<Flag> allFlags() {
    return {Flag::Administrator, Flag::LeftOrMoved,      Flag::Unused,      Flag::ConfidentialNoBasis,
            Flag::OutsideArea,   Flag::BroadIntegration, Flag::PeerOutlier, Flag::SodConflict};
}

std::vector<std::string> flagCodes(Flags flags) {
    std::vector<std::string> codes;
    for (const Flag flag : allFlags())
        if (has(flags, flag)) codes.emplace_back(flagCode(flag));
    return codes;
}

namespace {

constexpr Flags bit(Flag flag) { return static_cast<Flags>(flag); }

// Numbers strings as they are first seen, so the grouping below works on integers.
class Interner {
public:
    std::uint32_t id(std::string key) {
        const auto next = static_cast<std::uint32_t>(ids_.size());
        return ids_.try_emplace(std::move(key), next).first->second;
    }
    std::size_t size() const { return ids_.size(); }

private:
    std::unordered_map<std::string, std::uint32_t> ids_;
};

// Whether the last use lies more than `limitMs` before now, without overflow for odd values.
bool olderThan(std::int64_t lastMs, std::int64_t nowMs, std::int64_t limitMs) {
    if (lastMs >= nowMs) return false;
    const auto age = static_cast<std::uint64_t>(nowMs) - static_cast<std::uint64_t>(lastMs);
    return age > static_cast<std::uint64_t>(limitMs);
}

constexpr std::uint32_t kNoGroup = 0xFFFFFFFFu;

}  // namespace

std::vector<FlaggedGrant> flagGrants(std::span<const Grant> grants, std::span<const GrantFacts> facts,
                                     std::span<const SodRule> rules, std::int64_t nowMs, const FlagPolicy& policy) {
    const std::size_t n = grants.size();
    std::vector<FlaggedGrant> out(n);
    const GrantFacts noFacts;

    Interner holders, holderOrgs;
    std::vector<std::uint32_t> holder(n), holderOrg(n);
    for (std::size_t i = 0; i < n; ++i) {
        std::string key = holderKey(grants[i]);
        holderOrg[i] = holderOrgs.id(key + kSep + grants[i].orgnr);
        holder[i] = holders.id(std::move(key));
    }

    // What each grant shows alone.
    const std::int64_t unusedMs = static_cast<std::int64_t>(std::clamp(policy.unusedDays, 0, 1'000'000)) * 86'400'000;
    for (std::size_t i = 0; i < n; ++i) {
        const Grant& g = grants[i];
        const GrantFacts& f = i < facts.size() ? facts[i] : noFacts;
        Flags flags = 0;
        if (Privilege::privileged(g.privilege)) flags |= bit(Flag::Administrator);
        if (f.holderLeft || f.roleChanged) flags |= bit(Flag::LeftOrMoved);
        if (f.usageKnown && (!f.lastUseMs.has_value() || olderThan(*f.lastUseMs, nowMs, unusedMs))) flags |= bit(Flag::Unused);
        if (g.confidential && blank(g.legalBasis)) flags |= bit(Flag::ConfidentialNoBasis);
        if (g.privilege == Privilege::Folkeregister && !blank(g.serviceArea) && !blank(g.holderArea) &&
            !equalsIgnoreCase(trimView(g.serviceArea), trimView(g.holderArea)))
            flags |= bit(Flag::OutsideArea);
        out[i].flags = flags;
    }

    // Broad integrations: the distinct services each holds in one organisation.
    {
        std::vector<std::pair<std::uint32_t, std::string_view>> services;
        for (std::size_t i = 0; i < n; ++i)
            if (grants[i].holderType == "integration" && !grants[i].service.empty()) services.emplace_back(holderOrg[i], grants[i].service);
        std::sort(services.begin(), services.end());
        services.erase(std::unique(services.begin(), services.end()), services.end());
        std::vector<std::size_t> serviceCount(holderOrgs.size(), 0);
        for (const auto& entry : services) ++serviceCount[entry.first];
        for (std::size_t i = 0; i < n; ++i) {
            const Grant& g = grants[i];
            if (g.holderType != "integration") continue;
            if (g.privilege == Privilege::Admin || g.service.empty() || g.scopes.size() >= policy.broadScopeCount ||
                serviceCount[holderOrg[i]] >= policy.broadServiceCount)
                out[i].flags |= bit(Flag::BroadIntegration);
        }
    }

    // Peers: the other holders with the same role in the same organisation. For each (org, role)
    // group, the distinct holders in it, and for each (service, privilege, detail) in it, the
    // distinct holders that have one; two sorts and a hash map, never a scan per grant.
    {
        Interner groups, signatures;
        std::vector<std::uint32_t> group(n, kNoGroup), signature(n, 0);
        for (std::size_t i = 0; i < n; ++i) {
            const Grant& g = grants[i];
            const std::string_view role = trimView(g.role);
            if (role.empty()) continue;
            group[i] = groups.id(g.orgnr + kSep + lowerAscii(role));
            signature[i] = signatures.id(g.service + kSep + g.privilege + kSep + g.detail);
        }
        std::vector<std::pair<std::uint32_t, std::uint32_t>> members;  // (group, holder)
        std::vector<std::pair<std::uint64_t, std::uint32_t>> holding;  // ((group, signature), holder)
        for (std::size_t i = 0; i < n; ++i) {
            if (group[i] == kNoGroup) continue;
            members.emplace_back(group[i], holder[i]);
            holding.emplace_back((std::uint64_t{group[i]} << 32) | signature[i], holder[i]);
        }
        std::sort(members.begin(), members.end());
        members.erase(std::unique(members.begin(), members.end()), members.end());
        std::sort(holding.begin(), holding.end());
        holding.erase(std::unique(holding.begin(), holding.end()), holding.end());
        std::vector<int> holdersIn(groups.size(), 0);
        for (const auto& entry : members) ++holdersIn[entry.first];
        std::unordered_map<std::uint64_t, int> holdersOf;
        holdersOf.reserve(holding.size());
        for (const auto& entry : holding) ++holdersOf[entry.first];
        for (std::size_t i = 0; i < n; ++i) {
            if (group[i] == kNoGroup) continue;
            const int peers = holdersIn[group[i]] - 1;
            const int peersHolding = holdersOf[(std::uint64_t{group[i]} << 32) | signature[i]] - 1;
            out[i].peerCount = peers;
            out[i].peersHolding = peersHolding;
            if (peers > 0 && static_cast<std::size_t>(peers) >= policy.minPeers &&
                static_cast<double>(peersHolding) < policy.peerShare * static_cast<double>(peers))
                out[i].flags |= bit(Flag::PeerOutlier);
        }
    }

    // Segregation of duties: per rule, which sides each holder (in each organisation, when the
    // rule says so) matches, as bits; a holder with every bit set conflicts, and each of their
    // grants that matches a side is part of it.
    std::vector<std::uint64_t> masks;
    std::vector<char> matchesAny(n);
    for (const SodRule& rule : rules) {
        const std::size_t sides = rule.conflicting.size();
        if (sides == 0) continue;
        const std::size_t words = (sides + 63) / 64;
        const std::vector<std::uint32_t>& owner = rule.sameOrganisation ? holderOrg : holder;
        const std::size_t owners = rule.sameOrganisation ? holderOrgs.size() : holders.size();
        masks.assign(owners * words, 0);
        std::fill(matchesAny.begin(), matchesAny.end(), 0);
        for (std::size_t i = 0; i < n; ++i) {
            for (std::size_t s = 0; s < sides; ++s) {
                if (!rule.conflicting[s].matches(grants[i])) continue;
                masks[owner[i] * words + s / 64] |= std::uint64_t{1} << (s % 64);
                matchesAny[i] = 1;
            }
        }
        auto complete = [&](std::uint32_t who) {
            for (std::size_t w = 0; w < words; ++w) {
                const std::size_t bits = (w + 1 == words && sides % 64 != 0) ? sides % 64 : 64;
                const std::uint64_t want = bits == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << bits) - 1;
                if ((masks[who * words + w] & want) != want) return false;
            }
            return true;
        };
        for (std::size_t i = 0; i < n; ++i) {
            if (!matchesAny[i] || !complete(owner[i])) continue;
            out[i].flags |= bit(Flag::SodConflict);
            if (out[i].sodRules.empty() || out[i].sodRules.back() != rule.id) out[i].sodRules.push_back(rule.id);
        }
    }
    return out;
}

// ---- Reviewers -------------------------------------------------------------------------------

bool isSelfReview(const Grant& grant, std::string_view reviewerEmail) {
    const std::string reviewer = lowerAscii(trimView(reviewerEmail));
    if (reviewer.empty()) return false;
    if (!grant.holderEmail.empty() && lowerAscii(trimView(grant.holderEmail)) == reviewer) return true;
    // An integration cannot review, and must not be named as its own reviewer either.
    return grant.holderType != "person" && !grant.holderId.empty() && lowerAscii(trimView(grant.holderId)) == reviewer;
}

ReviewerAssignment assignReviewer(const Grant& grant, std::span<const ReviewerRule> rules,
                                  const std::map<std::string, std::string, std::less<>>& serviceOwners,
                                  std::string_view fallback) {
    for (std::size_t i = 0; i < rules.size(); ++i) {
        std::string_view candidate;
        switch (rules[i].kind) {
            case ReviewerRule::Kind::Leader: candidate = grant.leaderEmail; break;
            case ReviewerRule::Kind::ServiceOwner: {
                const auto it = grant.service.empty() ? serviceOwners.end() : serviceOwners.find(grant.service);
                if (it != serviceOwners.end()) candidate = it->second;
                break;
            }
            case ReviewerRule::Kind::Named: candidate = rules[i].email; break;
        }
        candidate = trimView(candidate);
        if (!candidate.empty() && !isSelfReview(grant, candidate)) return {std::string(candidate), static_cast<int>(i)};
    }
    const std::string_view last = trimView(fallback);
    if (!last.empty() && !isSelfReview(grant, last)) return {std::string(last), -1};
    return {std::string(), -1};
}

// ---- Campaigns -------------------------------------------------------------------------------

bool Scope::contains(const Grant& grant) const {
    auto in = [](const std::vector<std::string>& list, const std::string& value) {
        return list.empty() || std::find(list.begin(), list.end(), value) != list.end();
    };
    return in(organisations, grant.orgnr) && in(services, grant.service) && in(privileges, grant.privilege);
}

std::string_view modeCode(Mode mode) {
    switch (mode) {
        case Mode::Full: return "full";
        case Mode::Differential: return "differential";
        case Mode::Leavers: return "leavers";
    }
    return "full";
}

std::optional<Mode> modeFromCode(std::string_view code) {
    if (code == "full") return Mode::Full;
    if (code == "differential") return Mode::Differential;
    if (code == "leavers") return Mode::Leavers;
    return std::nullopt;
}

std::vector<std::size_t> selectForCampaign(std::span<const Grant> current, std::span<const GrantFacts> facts,
                                           const Scope& scope, Mode mode, std::span<const Grant> previous) {
    std::vector<std::size_t> chosen;
    std::unordered_map<std::string, std::string> before;  // key -> content
    if (mode == Mode::Differential) {
        before.reserve(previous.size());
        for (const Grant& g : previous) before.try_emplace(grantKey(g), grantContent(g));
    }
    for (std::size_t i = 0; i < current.size(); ++i) {
        const Grant& g = current[i];
        if (!scope.contains(g)) continue;
        switch (mode) {
            case Mode::Full: chosen.push_back(i); break;
            case Mode::Differential: {
                const auto it = before.find(grantKey(g));
                if (it == before.end() || it->second != grantContent(g)) chosen.push_back(i);
                break;
            }
            case Mode::Leavers:
                if (i < facts.size() && facts[i].holderLeft) chosen.push_back(i);
                break;
        }
    }
    return chosen;
}

// ---- Decisions -------------------------------------------------------------------------------

namespace Decision {
bool valid(std::string_view decision) { return decision == Keep || decision == Reduce || decision == Revoke || decision == Delegate; }
}  // namespace Decision

namespace Unanswered {
bool valid(std::string_view outcome) { return outcome == Keep || outcome == Revoke || outcome == Escalate; }
}  // namespace Unanswered

namespace {
// The order a reduction must go down; a register role is not on this ladder.
int privilegeRank(std::string_view kind) {
    if (kind == Privilege::Admin) return 3;
    if (kind == Privilege::ServiceAdmin) return 2;
    if (kind == Privilege::Specific) return 1;
    return 0;
}

std::optional<std::string> checkText(std::string_view field, std::string_view value) {
    if (!validUtf8(value)) return "field '" + std::string(field) + "': is not valid UTF-8";
    if (characters(value) > kMaxDecisionChars)
        return "field '" + std::string(field) + "': is longer than " + std::to_string(kMaxDecisionChars) + " characters";
    return std::nullopt;
}
}  // namespace

std::optional<std::string> checkDecision(const Grant& grant, std::string_view decision, std::string_view justification,
                                         std::string_view reduceTo, std::string_view delegateTo) {
    if (!Decision::valid(decision))
        return "field 'decision': '" + shown(decision) + "' is not keep, reduce, revoke or delegate";
    if (auto bad = checkText("justification", justification)) return bad;
    if (decision == Decision::Keep && Privilege::privileged(grant.privilege) && blank(justification))
        return std::string("field 'justification': keeping a privileged grant needs a justification");
    if (decision == Decision::Reduce) {
        const std::string_view to = trimView(reduceTo);
        if (to.empty()) return std::string("field 'reduce_to': reducing needs what to reduce to (a lesser privilege kind or detail)");
        if (auto bad = checkText("reduce_to", to)) return bad;
        if (hasControl(to)) return std::string("field 'reduce_to': contains a control character");
        if (Privilege::valid(to)) {
            const int from = privilegeRank(grant.privilege), down = privilegeRank(to);
            if (from == 0 || down == 0 || down >= from)
                return "field 'reduce_to': '" + std::string(to) + "' is not less than '" + grant.privilege + "'";
        } else if (to == grant.detail) {
            return "field 'reduce_to': '" + shown(to) + "' is what the grant already is";
        }
    }
    if (decision == Decision::Delegate) {
        const std::string_view to = trimView(delegateTo);
        if (to.empty()) return std::string("field 'delegate_to': delegating needs someone to delegate to");
        if (!validEmail(to)) return "field 'delegate_to': '" + shown(to) + "' is not an e-mail address";
        if (isSelfReview(grant, to)) return "field 'delegate_to': " + shown(to) + " holds this grant and may not review it";
    }
    return std::nullopt;
}

// ---- Revocations -----------------------------------------------------------------------------

namespace {

// A spreadsheet runs a cell starting with = + - @ (or a tab or carriage return) as a formula; a
// leading quote makes it text. Leading spaces are looked past, as some spreadsheets do.
std::string cell(std::string_view value) {
    const auto first = value.find_first_not_of(' ');
    if (first != std::string_view::npos && std::string_view("=+-@\t\r").find(value[first]) != std::string_view::npos)
        return "'" + std::string(value);
    return std::string(value);
}

// What names the holder in a file for the platform: the e-mail and name, and an integration's
// client id. Never a person's holder_id: that is a fødselsnummer.
std::string clientId(const Grant& g) { return g.holderType == "person" ? std::string() : g.holderId; }

}  // namespace

std::string revocationsCsv(std::span<const Revocation> revocations) {
    std::string out = csv::formatRecord({"action", "holder_type", "holder_email", "holder_name", "client_id", "orgnr", "service",
                                         "privilege", "detail", "reduce_to", "decided_by", "decided_at", "justification"});
    for (const Revocation& r : revocations) {
        const Grant& g = r.grant;
        out += csv::formatRecord({cell(r.action), cell(g.holderType), cell(g.holderEmail), cell(g.holderName), cell(clientId(g)),
                                  cell(g.orgnr), cell(g.service), cell(g.privilege), cell(g.detail), cell(r.reduceTo),
                                  cell(r.decidedBy), cell(r.decidedAt), cell(r.justification)});
    }
    return out;
}

std::string revocationsJson(std::span<const Revocation> revocations) {
    std::string out = "{\"format\":\"vakt-revocations-1\",\"revocations\":[";
    bool first = true;
    for (const Revocation& r : revocations) {
        const Grant& g = r.grant;
        out += first ? "\n{" : ",\n{";
        first = false;
        bool firstMember = true;
        auto member = [&](std::string_view name, std::string_view value) {
            if (!firstMember) out += ',';
            firstMember = false;
            json::appendQuoted(out, name);
            out += ':';
            json::appendQuoted(out, value);
        };
        member("action", r.action);
        member("holder_type", g.holderType);
        member("holder_email", g.holderEmail);
        member("holder_name", g.holderName);
        if (g.holderType != "person") member("client_id", g.holderId);
        member("orgnr", g.orgnr);
        member("service", g.service);
        member("privilege", g.privilege);
        member("detail", g.detail);
        member("reduce_to", r.reduceTo);
        member("decided_by", r.decidedBy);
        member("decided_at", r.decidedAt);
        member("justification", r.justification);
        out += '}';
    }
    out += first ? "]}\n" : "\n]}\n";
    return out;
}

RevocationCheck checkRevocations(std::span<const Revocation> revocations, std::span<const Grant> later) {
    std::unordered_set<std::string> present;
    present.reserve(later.size());
    for (const Grant& g : later) present.insert(grantKey(g));
    RevocationCheck check;
    for (std::size_t i = 0; i < revocations.size(); ++i) {
        const Revocation& r = revocations[i];
        // The grant under its old key must be gone: a reduced one carries its new detail or kind
        // under a new key. Only a reduction to what it already was may keep the key.
        const bool still = present.count(grantKey(r.grant)) != 0;
        const bool effective = !still || (r.action == Decision::Reduce && !r.reduceTo.empty() && r.reduceTo == r.grant.detail);
        (effective ? check.effective : check.notEffective).push_back(i);
    }
    return check;
}

}  // namespace vakt::access
