#pragma once
// "Vakt audit event v1": one JSON object per line, as each platform service writes its audit
// log (docs/audit-event-v1.md, schema in docs/audit-event-v1.schema.json). Parsing validates
// the required fields and the enumerations and keeps unknown fields; canonicalisation gives the
// exact bytes the ledger hashes, with person identifiers replaced by their HMAC. Plain C++.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/json.h"
#include "core/base/result.h"

namespace vakt::audit {

struct AuditEvent {
    json::Value document;  // the whole object, unknown fields included
    std::int64_t timeMs = 0;  // UTC
    int utcOffsetMinutes = 0;  // of the time as written: the service's local time
    std::string service, action;
    std::string actorType, actorId, actorOrg;
    std::string onBehalfOf;
    std::string subjectType, subjectId;  // empty when the event has no subject
    std::string legalBasis, serviceArea;
    std::optional<bool> confidential;
    std::string addressProtection = "none";
    std::string result = "ok";
    std::string sourceIp, requestId;
    // Person ids that fail the fødselsnummer/d-nummer control digits: kept, but flagged; and
    // fields other than actor.id and subject.id that held a person id.
    std::vector<std::string> warnings;
    // Valid fødselsnumre and d-numre found in other fields' text: stored only as pseudonyms.
    std::vector<std::string> otherPersonIds;
};

struct EventLimits {
    std::size_t maxLineBytes = 64 * 1024;
};

// Errors name the field: "field 'actor.id': required".
Result<AuditEvent> parseEvent(std::string_view line, const EventLimits& limits = {});

// RFC 3339 date-time with a time-zone offset (Z or ±hh:mm) to UTC milliseconds.
std::optional<std::int64_t> parseRfc3339(std::string_view text, int* offsetMinutes = nullptr);

// The pseudonym of a person id: "hmac-sha256:" and the hex HMAC-SHA256 under the ledger key.
std::string pseudonym(std::string_view hmacKey, std::string_view personId);

// `text` with every person id in it (11 digits, or 6 and 5 with a space, dot or hyphen between)
// replaced by its pseudonym: for ids typed into a search.
std::string pseudonymiseIds(std::string_view text, std::string_view hmacKey);

// The key an actor or subject is indexed and searched by: the pseudonym for persons, the id
// itself for integrations, organisations and documents.
std::string partyKey(std::string_view hmacKey, std::string_view type, std::string_view id);

// The bytes the ledger stores and hashes: the event with person ids pseudonymised (actor.id and
// subject.id of type person, and any valid fødselsnummer or d-nummer written in another field's
// text), as JSON with members sorted by key, no insignificant white space, strings escaped
// minimally and numbers as written. The same event always gives the same bytes.
std::string canonicalEvent(const AuditEvent& event, std::string_view hmacKey);

// The actor's and subject's keys (partyKey) computed once, for ingest, which needs both the keys
// and the canonical bytes: an HMAC per person id instead of two.
struct PartyKeys {
    std::string actor, subject;  // subject empty when the event has none
    std::vector<std::pair<std::string, std::string>> others;  // otherPersonIds with their pseudonyms
};
PartyKeys partyKeys(const AuditEvent& event, std::string_view hmacKey);
// Replaces every person id found in the event's parsed fields (otherPersonIds) by its pseudonym,
// once the canonical bytes are made: what the ledger indexes and the detector sees beside them.
void scrubParsedFields(AuditEvent& event, const PartyKeys& keys);
std::string canonicalEvent(const AuditEvent& event, const PartyKeys& keys);

// What the ledger derives from an event for search, stored beside its canonical bytes: its
// columns (time, service, action, actor's and subject's keys, actor's organisation, result) and
// through them its index entries.
struct SearchFields {
    std::int64_t timeMs = 0;
    std::string service, action, actorKey, actorOrg, subjectKey, result = "ok";
    bool operator==(const SearchFields&) const = default;
};
// The same values read back from the canonical bytes alone (no key needed), so verifying can
// recompute what search relies on. A fast scan of the top level and of actor and subject, not a
// full parse; nothing when the bytes are not a canonical event.
std::optional<SearchFields> searchFieldsOf(std::string_view canonical);
// The same into `out`, reusing its strings' memory (verify reads millions); false when not canonical.
bool readSearchFields(std::string_view canonical, SearchFields& out);

}  // namespace vakt::audit
