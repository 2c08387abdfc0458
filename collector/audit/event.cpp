#include "collector/audit/event.h"

#include <cstring>

#include <algorithm>
#include <set>

#include "core/base/crypto.h"
#include "core/base/json.h"
#include "core/base/norway.h"

namespace vakt::audit {

namespace {

// Reasons name the field and the rule, never a value from the event: a rejected line may carry
// a person id anywhere, and reasons are stored and printed.
Error fieldError(std::string_view field, std::string_view reason) {
    return fail("field '" + std::string(field) + "': " + std::string(reason));
}

// A member name as it may appear in a reason: the format's names are lower-case words; any other
// name (digits, say, which could be a person id) is not repeated.
std::string_view shownName(std::string_view key) {
    const bool word = !key.empty() && key.size() <= 40 &&
                      std::all_of(key.begin(), key.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
    return word ? key : std::string_view("(a member)");
}

bool oneOf(std::string_view v, std::initializer_list<std::string_view> allowed) {
    return std::find(allowed.begin(), allowed.end(), v) != allowed.end();
}

std::string allowedList(std::initializer_list<std::string_view> allowed) {
    std::string out;
    for (auto a : allowed) out += (out.empty() ? "" : "|") + std::string(a);
    return out;
}

// Duplicate keys make an event mean different things to different readers: refused, at any
// depth. `path` is where v is, extended in place so a valid event builds no strings.
Status noDuplicates(const json::Value& v, std::string& path) {
    const std::size_t length = path.size();
    if (v.isArray()) {
        for (std::size_t i = 0; i < v.items.size(); ++i) {
            path += "[" + std::to_string(i) + "]";
            if (auto s = noDuplicates(v.items[i], path); !s) return s;
            path.resize(length);
        }
        return {};
    }
    if (!v.isObject()) return {};
    std::set<std::string_view> seen;
    for (std::size_t i = 0; i < v.members.size(); ++i) {
        const auto& m = v.members[i];
        if (!path.empty()) path += '.';
        path += shownName(m.key);
        // Events have a dozen members: comparing with those before is cheaper than a set, and
        // a hostile object with thousands goes to the set.
        if (v.members.size() <= 32) {
            for (std::size_t j = 0; j < i; ++j)
                if (v.members[j].key == m.key) return fieldError(path, "given twice");
        } else if (!seen.insert(m.key).second) {
            return fieldError(path, "given twice");
        }
        if (auto s = noDuplicates(m.value, path); !s) return s;
        path.resize(length);
    }
    return {};
}

// The string member `key`, or an empty one when absent and not required. Points into the
// document, so a valid event is not copied field by field twice.
Result<const std::string*> text(const json::Value& object, std::string_view key, const std::string& field, bool required) {
    static const std::string none;
    const json::Value* v = object.find(key);
    if (!v || v->isNull()) {
        if (required) return fieldError(field, "required");
        return &none;
    }
    if (!v->isString()) return fieldError(field, std::string("must be a string, not ") + json::typeName(v->type));
    if (required && v->text.empty()) return fieldError(field, "must not be empty");
    return &v->text;
}

Result<const std::string*> choice(const json::Value& object, std::string_view key, const std::string& field, bool required,
                                  std::initializer_list<std::string_view> allowed) {
    auto v = text(object, key, field, required);
    if (!v) return v;
    if (!(*v)->empty() && !oneOf(**v, allowed)) return fieldError(field, "is not one of " + allowedList(allowed));
    return v;
}

int digits(std::string_view s, std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
        if (i >= s.size() || s[i] < '0' || s[i] > '9') return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
std::int64_t daysFromCivil(int y, int m, int d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<std::int64_t>(era) * 146097 + doe - 719468;
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// Strings are written as the base JSON module writes them (RFC 8785 escapes): the canonical form
// the ledger hashes.
void appendString(std::string& out, std::string_view s) { json::appendQuoted(out, s); }

// Where a value sits in an event: the person ids of a person actor or subject, which become their
// pseudonyms; the other fields the format defines, which are not meant to hold a person id (an id
// found there is replaced too, and the event flagged); and anything else.
enum class Place { Top, Party, PersonId, Format, Other };

Place childPlace(Place place, std::string_view key, bool personParty = false) {
    static constexpr std::string_view topLevel[] = {"time", "service", "action", "on_behalf_of", "legal_basis", "service_area",
                                                    "confidential", "address_protection", "result", "source_ip", "request_id"};
    if (place == Place::Top) {
        if (key == "actor" || key == "subject") return Place::Party;
        return std::find(std::begin(topLevel), std::end(topLevel), key) != std::end(topLevel) ? Place::Format : Place::Other;
    }
    if (place == Place::Party && key == "id") return personParty ? Place::PersonId : Place::Format;
    if (place == Place::Party && (key == "type" || key == "org")) return Place::Format;
    return Place::Other;
}

bool isPersonParty(const json::Value& party) {
    const json::Value* type = party.find("type");
    return type && type->isString() && type->text == "person";
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Calls `found(at, length, id)` for each person id in `text`: a valid fødselsnummer or d-nummer
// written as exactly 11 digits, or as 6 and 5 digits with a space, dot or hyphen between them
// (how people write them), never inside a longer run of digits.
template <typename F>
void forEachPersonId(std::string_view text, F found) {
    auto runFrom = [&](std::size_t from) {
        std::size_t end = from;
        while (end < text.size() && isDigit(text[end])) ++end;
        return end;
    };
    for (std::size_t i = 0; i < text.size();) {
        if (!isDigit(text[i])) {
            ++i;
            continue;
        }
        const std::size_t end = runFrom(i);
        if (end - i == 11 && norway::isValidPersonId(text.substr(i, 11))) {
            found(i, std::size_t{11}, std::string(text.substr(i, 11)));
        } else if (end - i == 6 && end + 1 < text.size() && (text[end] == ' ' || text[end] == '.' || text[end] == '-') && isDigit(text[end + 1])) {
            const std::size_t tail = runFrom(end + 1);
            if (tail - (end + 1) == 5) {
                std::string id = std::string(text.substr(i, 6)) + std::string(text.substr(end + 1, 5));
                if (norway::isValidPersonId(id)) {
                    found(i, std::size_t{12}, std::move(id));
                    i = tail;
                    continue;
                }
            }
        }
        i = end;
    }
}

bool holdsPersonId(std::string_view text) {
    bool any = false;
    forEachPersonId(text, [&](std::size_t, std::size_t, const std::string&) { any = true; });
    return any;
}

// Collects every person id written outside a person's own id field (in text, numbers and member
// names), with a warning naming each such field (never the value).
void findOtherPersonIds(const json::Value& v, Place place, std::string& path, AuditEvent& e) {
    auto collect = [&](std::string_view text, const std::string& where) {
        bool any = false;
        forEachPersonId(text, [&](std::size_t, std::size_t, std::string id) {
            any = true;
            if (std::find(e.otherPersonIds.begin(), e.otherPersonIds.end(), id) == e.otherPersonIds.end()) e.otherPersonIds.push_back(std::move(id));
        });
        if (!any) return;
        const std::string warning = place == Place::Format
                                        ? "field '" + where + "' is not meant for a person id but held one; it is stored as its pseudonym"
                                        : "field '" + where + "' held a person id; it is stored as its pseudonym";
        if (std::find(e.warnings.begin(), e.warnings.end(), warning) == e.warnings.end()) e.warnings.push_back(warning);
    };
    if (v.isString() || v.isNumber()) {
        if (place != Place::PersonId) collect(v.text, path);
        return;
    }
    const std::size_t length = path.size();
    for (std::size_t i = 0; i < v.items.size(); ++i) {
        path += "[" + std::to_string(i) + "]";
        findOtherPersonIds(v.items[i], Place::Other, path, e);
        path.resize(length);
    }
    const bool personParty = place == Place::Party && isPersonParty(v);
    for (const auto& m : v.members) {
        if (!path.empty()) path += '.';
        path += shownName(m.key);
        collect(m.key, path);  // a member's name can hold one too
        findOtherPersonIds(m.value, childPlace(place, m.key, personParty), path, e);
        path.resize(length);
    }
}

// The pseudonyms written in place of person ids, so the event is canonicalised without a copy.
struct Pseudonyms {
    const std::string* actor = nullptr;  // null: the actor is not a person
    const std::string* subject = nullptr;
    const std::vector<std::pair<std::string, std::string>>* others = nullptr;
};

std::string scrub(std::string_view text, const std::vector<std::pair<std::string, std::string>>& others) {
    std::string scrubbed;
    std::size_t copied = 0;
    forEachPersonId(text, [&](std::size_t at, std::size_t length, const std::string& id) {
        for (const auto& [known, pseudonym] : others)
            if (known == id) {
                scrubbed.append(text.substr(copied, at - copied)).append(pseudonym);
                copied = at + length;
                return;
            }
    });
    if (copied == 0) return std::string(text);
    scrubbed.append(text.substr(copied));
    return scrubbed;
}

void appendScrubbed(std::string& out, std::string_view text, const Pseudonyms& p) {
    if (!p.others || p.others->empty()) return appendString(out, text);
    appendString(out, scrub(text, *p.others));
}

// `ownId` is written for the "id" member of this object (a person's pseudonym).
void appendCanonical(std::string& out, const json::Value& v, Place place, const Pseudonyms& p, const std::string* ownId = nullptr) {
    switch (v.type) {
        case json::Value::Type::Null: out += "null"; break;
        case json::Value::Type::Bool: out += v.boolean ? "true" : "false"; break;
        case json::Value::Type::Number:
            // A person id written as a number becomes its pseudonym, a string.
            if (p.others && !p.others->empty() && holdsPersonId(v.text)) appendScrubbed(out, v.text, p);
            else out += v.text;
            break;
        case json::Value::Type::String: appendScrubbed(out, v.text, p); break;
        case json::Value::Type::Array:
            out += '[';
            for (std::size_t i = 0; i < v.items.size(); ++i) {
                if (i) out += ',';
                appendCanonical(out, v.items[i], Place::Other, p);
            }
            out += ']';
            break;
        case json::Value::Type::Object: {
            // Member names are written as they are stored (person ids replaced), sorted.
            std::vector<std::pair<std::string, const json::Member*>> members;
            members.reserve(v.members.size());
            const bool scrubNames = p.others && !p.others->empty();
            for (const auto& m : v.members) members.emplace_back(scrubNames ? scrub(m.key, *p.others) : m.key, &m);
            std::sort(members.begin(), members.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
            const bool personParty = place == Place::Party && isPersonParty(v);
            out += '{';
            for (std::size_t i = 0; i < members.size(); ++i) {
                const json::Member& m = *members[i].second;
                if (i) out += ',';
                appendString(out, members[i].first);
                out += ':';
                const Place child = childPlace(place, m.key, personParty);
                if (ownId && m.key == "id") appendString(out, *ownId);
                else if (place == Place::Top && m.key == "actor") appendCanonical(out, m.value, child, p, p.actor);
                else if (place == Place::Top && m.key == "subject") appendCanonical(out, m.value, child, p, p.subject);
                else appendCanonical(out, m.value, child, p);
            }
            out += '}';
            break;
        }
    }
}

}  // namespace

std::optional<std::int64_t> parseRfc3339(std::string_view s, int* offsetOut) {
    // YYYY-MM-DDTHH:MM:SS[.frac](Z|+hh:mm|-hh:mm)
    if (s.size() < 20 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != 't') || s[13] != ':' || s[16] != ':') return std::nullopt;
    const int year = digits(s, 0, 4), month = digits(s, 5, 2), day = digits(s, 8, 2);
    const int hour = digits(s, 11, 2), minute = digits(s, 14, 2), second = digits(s, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60)
        return std::nullopt;
    static constexpr int monthDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (day > monthDays[month - 1] + (month == 2 && leap(year))) return std::nullopt;
    std::size_t at = 19;
    int millis = 0;
    if (at < s.size() && s[at] == '.') {
        std::size_t n = 0;
        for (++at; at < s.size() && s[at] >= '0' && s[at] <= '9'; ++at, ++n)
            if (n < 3) millis = millis * 10 + (s[at] - '0');
        if (n == 0) return std::nullopt;
        for (; n < 3; ++n) millis *= 10;
    }
    if (at >= s.size()) return std::nullopt;  // the offset is required
    int offsetMinutes = 0;
    if (s[at] == 'Z' || s[at] == 'z') {
        ++at;
    } else if (s[at] == '+' || s[at] == '-') {
        const int oh = digits(s, at + 1, 2), om = digits(s, at + 4, 2);
        if (oh < 0 || om < 0 || at + 3 >= s.size() || s[at + 3] != ':' || oh > 23 || om > 59) return std::nullopt;
        offsetMinutes = (s[at] == '+' ? 1 : -1) * (oh * 60 + om);
        at += 6;
    } else {
        return std::nullopt;
    }
    if (at != s.size()) return std::nullopt;
    if (offsetOut) *offsetOut = offsetMinutes;
    const std::int64_t seconds = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + std::min(second, 59);
    return (seconds - offsetMinutes * 60) * 1000 + millis;
}

Result<AuditEvent> parseEvent(std::string_view line, const EventLimits& limits) {
    if (line.size() > limits.maxLineBytes)
        return fail("line of " + std::to_string(line.size()) + " bytes is over the limit of " + std::to_string(limits.maxLineBytes));
    json::Limits jsonLimits;
    jsonLimits.maxDepth = 16;
    jsonLimits.maxBytes = limits.maxLineBytes;
    auto parsed = json::parse(line, jsonLimits);
    if (!parsed) return fail("invalid JSON: " + parsed.message());
    AuditEvent e;
    e.document = std::move(*parsed);
    const json::Value& d = e.document;
    if (!d.isObject()) return fail(std::string("an event must be a JSON object, not ") + json::typeName(d.type));
    std::string path;
    if (auto s = noDuplicates(d, path); !s) return s.error();

    auto time = text(d, "time", "time", true);
    if (!time) return time.error();
    auto ms = parseRfc3339(**time, &e.utcOffsetMinutes);
    if (!ms) return fieldError("time", "is not an RFC 3339 date-time with an offset");
    e.timeMs = *ms;

    auto service = text(d, "service", "service", true);
    if (!service) return service.error();
    e.service = **service;
    auto action = text(d, "action", "action", true);
    if (!action) return action.error();
    e.action = **action;

    const json::Value* actor = d.find("actor");
    if (!actor || actor->isNull()) return fieldError("actor", "required");
    if (!actor->isObject()) return fieldError("actor", "must be an object");
    auto actorType = choice(*actor, "type", "actor.type", true, {"person", "integration"});
    if (!actorType) return actorType.error();
    e.actorType = **actorType;
    auto actorId = text(*actor, "id", "actor.id", true);
    if (!actorId) return actorId.error();
    e.actorId = **actorId;
    auto actorOrg = text(*actor, "org", "actor.org", true);
    if (!actorOrg) return actorOrg.error();
    if (!norway::isValidOrgnr(**actorOrg)) return fieldError("actor.org", "is not a valid organisation number");
    e.actorOrg = **actorOrg;

    auto behalf = text(d, "on_behalf_of", "on_behalf_of", false);
    if (!behalf) return behalf.error();
    if (!(*behalf)->empty() && !norway::isValidOrgnr(**behalf))
        return fieldError("on_behalf_of", "is not a valid organisation number");
    e.onBehalfOf = **behalf;

    if (const json::Value* subject = d.find("subject"); subject && !subject->isNull()) {
        if (!subject->isObject()) return fieldError("subject", "must be an object");
        auto type = choice(*subject, "type", "subject.type", true, {"person", "organisation", "document"});
        if (!type) return type.error();
        auto id = text(*subject, "id", "subject.id", true);
        if (!id) return id.error();
        e.subjectType = **type;
        e.subjectId = **id;
    }

    for (auto [key, target] : {std::pair{"legal_basis", &e.legalBasis}, std::pair{"service_area", &e.serviceArea},
                               std::pair{"source_ip", &e.sourceIp}, std::pair{"request_id", &e.requestId}}) {
        auto v = text(d, key, key, false);
        if (!v) return v.error();
        *target = **v;
    }
    if (const json::Value* c = d.find("confidential"); c && !c->isNull()) {
        if (!c->isBool()) return fieldError("confidential", "must be true or false");
        e.confidential = c->boolean;
    }
    auto protection = choice(d, "address_protection", "address_protection", false, {"none", "fortrolig", "strengt_fortrolig"});
    if (!protection) return protection.error();
    if (!(*protection)->empty()) e.addressProtection = **protection;
    auto result = choice(d, "result", "result", false, {"ok", "denied", "error"});
    if (!result) return result.error();
    if (!(*result)->empty()) e.result = **result;

    if (e.actorType == "person" && !norway::isValidPersonId(e.actorId))
        e.warnings.push_back("actor.id is not a valid fødselsnummer or d-nummer");
    if (e.subjectType == "person" && !norway::isValidPersonId(e.subjectId))
        e.warnings.push_back("subject.id is not a valid fødselsnummer or d-nummer");
    std::string where;
    findOtherPersonIds(e.document, Place::Top, where, e);
    return e;
}

std::string pseudonym(std::string_view hmacKey, std::string_view personId) {
    return "hmac-sha256:" + crypto::toHex(crypto::hmacSha256(hmacKey, personId));
}

std::string partyKey(std::string_view hmacKey, std::string_view type, std::string_view id) {
    return type == "person" ? pseudonym(hmacKey, id) : std::string(id);
}

PartyKeys partyKeys(const AuditEvent& event, std::string_view hmacKey) {
    PartyKeys keys;
    for (const auto& id : event.otherPersonIds) keys.others.emplace_back(id, pseudonym(hmacKey, id));
    // An integration's or organisation's id is kept as it is, but never a person id inside it.
    auto key = [&](const std::string& type, const std::string& id) { return type == "person" ? pseudonym(hmacKey, id) : scrub(id, keys.others); };
    keys.actor = key(event.actorType, event.actorId);
    if (!event.subjectId.empty()) keys.subject = key(event.subjectType, event.subjectId);
    return keys;
}

std::string pseudonymiseIds(std::string_view text, std::string_view hmacKey) {
    std::vector<std::pair<std::string, std::string>> found;
    forEachPersonId(text, [&](std::size_t, std::size_t, std::string id) {
        std::string p = pseudonym(hmacKey, id);
        found.emplace_back(std::move(id), std::move(p));
    });
    return found.empty() ? std::string(text) : scrub(text, found);
}

void scrubParsedFields(AuditEvent& event, const PartyKeys& keys) {
    if (keys.others.empty()) return;
    for (std::string* field : {&event.service, &event.action, &event.legalBasis, &event.serviceArea, &event.sourceIp, &event.requestId})
        *field = scrub(*field, keys.others);
    if (event.actorType != "person") event.actorId = keys.actor;
    if (event.subjectType != "person" && !event.subjectId.empty()) event.subjectId = keys.subject;
}

std::string canonicalEvent(const AuditEvent& event, const PartyKeys& keys) {
    const Pseudonyms pseudonyms{event.actorType == "person" ? &keys.actor : nullptr, event.subjectType == "person" ? &keys.subject : nullptr,
                                &keys.others};
    std::string out;
    out.reserve(1024);
    appendCanonical(out, event.document, Place::Top, pseudonyms);
    return out;
}

std::string canonicalEvent(const AuditEvent& event, std::string_view hmacKey) { return canonicalEvent(event, partyKeys(event, hmacKey)); }

namespace {

// A scanner over one line of compact JSON. Every step checks its bounds, so bytes that are not
// JSON end the scan with an error instead of reading past them.
class CompactScanner {
public:
    explicit CompactScanner(std::string_view text) : s_(text) {}
    bool consume(char c) {
        if (i_ >= s_.size() || s_[i_] != c) return false;
        ++i_;
        return true;
    }
    bool peek(char c) const { return i_ < s_.size() && s_[i_] == c; }
    bool atEnd() const { return i_ == s_.size(); }
    // A string, decoded; false on a malformed one.
    bool string(std::string& out) {
        out.clear();
        if (!consume('"')) return false;
        // Most strings hold no escape: copied in one piece.
        if (const void* quote = std::memchr(s_.data() + i_, '"', s_.size() - i_)) {
            const std::size_t end = static_cast<std::size_t>(static_cast<const char*>(quote) - s_.data());
            if (!std::memchr(s_.data() + i_, '\\', end - i_)) {
                out.assign(s_.data() + i_, end - i_);
                i_ = end + 1;
                return true;
            }
        }
        for (;;) {
            const std::size_t run = i_;
            while (i_ < s_.size() && s_[i_] != '"' && s_[i_] != '\\') ++i_;
            out.append(s_.data() + run, i_ - run);
            if (i_ >= s_.size()) return false;
            if (s_[i_++] == '"') return true;
            if (i_ >= s_.size()) return false;
            const char e = s_[i_++];
            if (const auto single = json::singleEscape(e)) {
                out += *single;
                continue;
            }
            switch (e) {
                case 'u': {
                    std::uint32_t cp = 0;
                    if (!hex4(cp)) return false;
                    if (cp >= 0xD800 && cp < 0xDC00) {  // a surrogate pair
                        std::uint32_t low = 0;
                        if (!consume('\\') || !consume('u') || !hex4(low) || low < 0xDC00 || low >= 0xE000) return false;
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    }
                    json::appendUtf8(out, cp);
                    break;
                }
                default: return false;
            }
        }
    }
    // Skips one value of any kind; false on malformed input or nesting deeper than 64.
    bool skipValue(int depth = 0) {
        if (depth > 64 || i_ >= s_.size()) return false;
        const char c = s_[i_];
        if (c == '"') return skipString();
        if (c == '{' || c == '[') {
            const char close = c == '{' ? '}' : ']';
            ++i_;
            if (consume(close)) return true;
            for (;;) {
                if (c == '{' && (!skipString() || !consume(':'))) return false;
                if (!skipValue(depth + 1)) return false;
                if (consume(close)) return true;
                if (!consume(',')) return false;
            }
        }
        const std::size_t start = i_;
        while (i_ < s_.size() && s_[i_] != ',' && s_[i_] != '}' && s_[i_] != ']') ++i_;
        return i_ > start;
    }

private:
    // Past a string without decoding it: to the first quote not escaped.
    bool skipString() {
        if (!consume('"')) return false;
        for (;;) {
            const void* quote = std::memchr(s_.data() + i_, '"', s_.size() - i_);
            if (!quote) return false;
            const std::size_t at = static_cast<std::size_t>(static_cast<const char*>(quote) - s_.data());
            std::size_t backslashes = 0;
            while (at - backslashes > i_ && s_[at - backslashes - 1] == '\\') ++backslashes;
            i_ = at + 1;
            if (backslashes % 2 == 0) return true;
        }
    }
    bool hex4(std::uint32_t& out) {
        if (i_ + 4 > s_.size()) return false;
        for (int k = 0; k < 4; ++k) {
            const char h = s_[i_++];
            out <<= 4;
            if (h >= '0' && h <= '9') out |= static_cast<std::uint32_t>(h - '0');
            else if (h >= 'a' && h <= 'f') out |= static_cast<std::uint32_t>(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F') out |= static_cast<std::uint32_t>(h - 'A' + 10);
            else return false;
        }
        return true;
    }
    std::string_view s_;
    std::size_t i_ = 0;
};

// The members of one object: each name goes to `member`, which reads its value or returns false
// to have it skipped.
template <typename Member>
bool scanObject(CompactScanner& in, Member&& member) {
    if (!in.consume('{')) return false;
    if (in.consume('}')) return true;
    std::string key;
    key.reserve(32);
    for (;;) {
        if (!in.string(key) || !in.consume(':')) return false;
        bool ok = true;
        if (!member(key, ok) && !in.skipValue()) return false;
        if (!ok) return false;
        if (in.consume('}')) return true;
        if (!in.consume(',')) return false;
    }
}

}  // namespace

bool readSearchFields(std::string_view canonical, SearchFields& f) {
    CompactScanner in(canonical);
    f.service.clear();
    f.action.clear();
    f.actorKey.clear();
    f.actorOrg.clear();
    f.subjectKey.clear();
    f.result = "ok";
    thread_local std::string time;
    time.clear();
    bool haveTime = false, haveActor = false;
    // A string member read into `target`; null leaves the default (result, subject).
    auto readString = [&](std::string& target, bool& ok) {
        if (in.peek('n')) return false;  // null: skipped, the default stays
        ok = in.string(target);
        return true;
    };
    using namespace std::string_view_literals;
    const bool scanned = scanObject(in, [&](std::string_view key, bool& ok) {
        if (key == "time"sv) return haveTime = readString(time, ok);
        if (key == "service"sv) return readString(f.service, ok);
        if (key == "action"sv) return readString(f.action, ok);
        if (key == "result"sv) return readString(f.result, ok);
        if (key == "actor"sv || key == "subject"sv) {
            if (!in.peek('{')) return false;
            const bool actor = key == "actor"sv;
            haveActor = haveActor || actor;
            ok = scanObject(in, [&](std::string_view member, bool& memberOk) {
                if (member == "id"sv) return readString(actor ? f.actorKey : f.subjectKey, memberOk);
                if (actor && member == "org"sv) return readString(f.actorOrg, memberOk);
                return false;
            });
            return true;
        }
        return false;
    });
    if (!scanned || !in.atEnd() || !haveTime || !haveActor) return false;
    auto ms = parseRfc3339(time);
    if (!ms) return false;
    f.timeMs = *ms;
    return true;
}

std::optional<SearchFields> searchFieldsOf(std::string_view canonical) {
    SearchFields f;
    if (!readSearchFields(canonical, f)) return std::nullopt;
    // An empty result means "ok", as parseEvent reads it; the canonical bytes keep it as given.
    if (f.result.empty()) f.result = "ok";
    return f;
}

}  // namespace vakt::audit
