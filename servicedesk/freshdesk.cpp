#include "servicedesk/freshdesk.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "core/base/csv.h"

namespace vakt::desk::freshdesk {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    return std::string(s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1));
}

// Freshdesk's default values in the account's language (English and Norwegian helpdesks) and the
// custom types and statuses a Norwegian desk adds.
const std::map<std::string, std::string>& priorities() {
    static const std::map<std::string, std::string> m{{"urgent", "P1"}, {"high", "P2"},  {"medium", "P3"}, {"low", "P4"},
                                                      {"haster", "P1"}, {"høy", "P2"},   {"middels", "P3"}, {"lav", "P4"},
                                                      {"1", "P4"},      {"2", "P3"},     {"3", "P2"},      {"4", "P1"}};
    return m;
}

const std::map<std::string, std::string>& kinds() {
    static const std::map<std::string, std::string> m{
        {"", "question"},        {"question", "question"},      {"feature request", "question"}, {"incident", "fault"},
        {"problem", "deviation"}, {"refund", "question"},        {"spørsmål", "question"},         {"feilmelding", "fault"},
        {"feil", "fault"},        {"driftsavvik", "deviation"},  {"sikkerhetshendelse", "security"}, {"security incident", "security"},
        {"personvernbrudd", "breach"}, {"avvik personopplysninger", "breach"}, {"data breach", "breach"}};
    return m;
}

struct StateMapping {
    std::string state, waitingOn;
};
const std::map<std::string, StateMapping>& states() {
    static const std::map<std::string, StateMapping> m{
        {"open", {"in_progress", ""}},          {"pending", {"waiting", "reporter"}},         {"resolved", {"resolved", ""}},
        {"closed", {"closed", ""}},             {"waiting on customer", {"waiting", "reporter"}}, {"waiting on third party", {"waiting", "vendor"}},
        {"åpen", {"in_progress", ""}},          {"venter", {"waiting", "reporter"}},          {"løst", {"resolved", ""}},
        {"lukket", {"closed", ""}},             {"venter på kunde", {"waiting", "reporter"}},  {"venter på tredjepart", {"waiting", "vendor"}},
        {"venter på driftsleverandør", {"waiting", "hosting"}}};
    return m;
}

// The export's columns Vakt reads; every other column is a custom field and is ignored.
enum Column { Id, Subject, Description, Status, Priority, Source, Type, Agent, Group, Created, DueBy, Resolved, Closed, RequesterName, RequesterEmail, Company, Tags };
const std::map<std::string, Column>& columns() {
    static const std::map<std::string, Column> m{
        {"ticket id", Id},        {"subject", Subject},        {"description", Description}, {"status", Status},
        {"priority", Priority},   {"source", Source},          {"type", Type},               {"agent", Agent},
        {"group", Group},         {"created time", Created},   {"due by time", DueBy},       {"resolved time", Resolved},
        {"closed time", Closed},  {"requester name", RequesterName}, {"requester email", RequesterEmail},
        {"company", Company},     {"company name", Company},   {"tags", Tags}};
    return m;
}
const char* kRequired[] = {"ticket id", "subject", "status", "priority", "created time"};

std::vector<std::string> splitTags(std::string_view s) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s) {
        if (c == ',' || c == ';') {
            if (auto t = trim(cur); !t.empty()) out.push_back(t);
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (auto t = trim(cur); !t.empty()) out.push_back(t);
    return out;
}

bool validDate(int y, int m, int d) {
    using namespace std::chrono;
    return y >= 1970 && y <= 9999 && year_month_day{year{y}, month{unsigned(m)}, day{unsigned(d)}}.ok();
}

// The first line of a quoted problem value: enough to recognise, never a pasted description.
std::string shown(std::string_view value) {
    std::string s = trim(value);
    if (s.size() > 60) s = s.substr(0, 57) + "...";
    return s;
}
}  // namespace

std::optional<LocalTime> parseTime(std::string_view text) {
    const std::string s = trim(text);
    LocalTime t;
    auto digits = [&](std::size_t pos, std::size_t n, int& out) {
        if (pos + n > s.size()) return false;
        int v = 0;
        for (std::size_t i = pos; i < pos + n; ++i) {
            if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
            v = v * 10 + (s[i] - '0');
        }
        out = v;
        return true;
    };
    // "YYYY-MM-DD HH:MM[:SS]", ISO's "T", or Freshdesk's day-first "DD-MM-YYYY HH:MM:SS".
    bool dayFirst = s.size() >= 10 && s[2] == '-' && s[5] == '-';
    if (dayFirst) {
        if (!digits(0, 2, t.day) || !digits(3, 2, t.month) || !digits(6, 4, t.year)) return std::nullopt;
    } else {
        if (s.size() < 10 || s[4] != '-' || s[7] != '-' || !digits(0, 4, t.year) || !digits(5, 2, t.month) || !digits(8, 2, t.day)) return std::nullopt;
    }
    if (!validDate(t.year, t.month, t.day)) return std::nullopt;
    if (s.size() == 10) return t;
    if (s[10] != ' ' && s[10] != 'T') return std::nullopt;
    if (!digits(11, 2, t.hour) || s.size() < 16 || s[13] != ':' || !digits(14, 2, t.minute)) return std::nullopt;
    std::size_t end = 16;
    if (s.size() >= 19 && s[16] == ':') {
        if (!digits(17, 2, t.second)) return std::nullopt;
        end = 19;
    }
    // A trailing "Z" or offset would say the time is not the helpdesk's wall clock: refuse it
    // rather than guess.
    if (end != s.size()) return std::nullopt;
    if (t.hour > 23 || t.minute > 59 || t.second > 59) return std::nullopt;
    return t;
}

Result<Parsed> parse(std::string_view csvText) {
    auto records = csv::parse(csvText);
    if (!records) return records.error();
    if (records->empty()) return fail("the file is empty: expected Freshdesk's ticket export with a header row");
    Parsed out;
    std::map<Column, std::size_t> at;
    const auto& header = records->front();
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
        std::string name = lower(trim(header.fields[i]));
        if (i == 0 && name.rfind("\xef\xbb\xbf", 0) == 0) name.erase(0, 3);  // Excel's byte-order mark
        auto known = columns().find(name);
        if (known == columns().end()) {
            out.ignoredColumns.push_back(trim(header.fields[i]));
            continue;
        }
        if (at.count(known->second)) return fail("line " + std::to_string(header.line) + ": column '" + name + "' appears twice");
        at[known->second] = i;
    }
    for (const char* required : kRequired)
        if (!at.count(columns().at(required)))
            return fail("line " + std::to_string(header.line) + ": column '" + required + "' is missing: is this Freshdesk's ticket export?");
    if (records->size() - 1 > kMaxTickets)
        return fail("the file has " + std::to_string(records->size() - 1) + " tickets; at most " + std::to_string(kMaxTickets) + " in one import");

    std::set<std::string> seen;
    for (std::size_t r = 1; r < records->size(); ++r) {
        const auto& rec = (*records)[r];
        if (rec.fields.size() == 1 && trim(rec.fields[0]).empty()) continue;  // a blank line
        auto field = [&](Column c) -> std::string {
            auto it = at.find(c);
            return it == at.end() || it->second >= rec.fields.size() ? std::string() : trim(rec.fields[it->second]);
        };
        auto problem = [&](const char* column, std::string message) { out.problems.push_back({rec.line, column, std::move(message)}); };
        if (rec.fields.size() != header.fields.size()) {
            problem("", "has " + std::to_string(rec.fields.size()) + " fields, the header " + std::to_string(header.fields.size()));
            continue;
        }
        Ticket t;
        t.line = rec.line;
        t.id = field(Id);
        if (t.id.empty() || t.id.size() > 20 || !std::all_of(t.id.begin(), t.id.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
            problem("Ticket ID", "'" + shown(t.id) + "' is not a ticket number");
        else if (!seen.insert(t.id).second)
            problem("Ticket ID", "ticket " + t.id + " appears twice");
        t.subject = field(Subject);
        if (t.subject.empty()) problem("Subject", "empty");
        if (t.subject.size() > 300) problem("Subject", "longer than 300 characters");
        t.description = field(Description);
        if (t.description.size() > 20000) problem("Description", "longer than 20,000 characters");
        if (auto p = priorities().find(lower(field(Priority))); p != priorities().end())
            t.priority = p->second;
        else
            problem("Priority", "'" + shown(field(Priority)) + "' is not Urgent, High, Medium or Low");
        if (auto k = kinds().find(lower(field(Type))); k != kinds().end())
            t.kind = k->second;
        else
            problem("Type", "'" + shown(field(Type)) + "' has no Vakt type (question, fault, deviation, security incident, breach)");
        if (auto s = states().find(lower(field(Status))); s != states().end()) {
            t.state = s->second.state;
            t.waitingOn = s->second.waitingOn;
        } else {
            problem("Status", "'" + shown(field(Status)) + "' is not Open, Pending, Resolved, Closed or a waiting status");
        }
        if (auto created = parseTime(field(Created)))
            t.created = *created;
        else
            problem("Created time", "'" + shown(field(Created)) + "' is not a time like 2026-03-05 10:15:22");
        for (auto [column, name, target] : {std::tuple{Resolved, "Resolved time", &t.resolved}, {Closed, "Closed time", &t.closed}}) {
            const std::string v = field(column);
            if (v.empty()) continue;
            if (auto parsed = parseTime(v))
                *target = *parsed;
            else
                problem(name, "'" + shown(v) + "' is not a time like 2026-03-05 10:15:22");
        }
        t.agent = field(Agent);
        t.group = field(Group);
        t.company = field(Company);
        t.requesterName = field(RequesterName);
        t.requesterEmail = field(RequesterEmail);
        if (t.requesterEmail.size() > 200 || t.requesterName.size() > 200) problem("Requester", "longer than 200 characters");
        t.tags = splitTags(field(Tags));
        if (t.tags.size() > 50) problem("Tags", "more than 50 tags");
        out.tickets.push_back(std::move(t));
    }
    return out;
}

}  // namespace vakt::desk::freshdesk
