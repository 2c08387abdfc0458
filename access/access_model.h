#pragma once
// Privilege reviews (tilgangsgjennomgang) as plain C++: the platform's grant exports read from
// CSV or JSON, the difference between two exports, the risk flags on each grant, the
// segregation-of-duties rules, who reviews which grant, which grants a campaign takes in each
// mode, the revocation list and the check that revocations took effect. No I/O and no Qt: the
// module on core (access_service.h) feeds it what the Store and the audit ledger know.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.h"

namespace vakt::access {

// Privilege kinds as the platform's configuration tool has them.
namespace Privilege {
inline constexpr std::string_view Admin = "admin";                  // organisation administrator (superuser)
inline constexpr std::string_view ServiceAdmin = "service_admin";   // administers one service for the organisation
inline constexpr std::string_view Specific = "privilege";           // a specific privilege, named by `detail`
inline constexpr std::string_view Folkeregister = "folkeregister_role";  // a population-register role
bool valid(std::string_view kind);
bool privileged(std::string_view kind);  // admin or service_admin: keeping one needs a justification
}  // namespace Privilege

// One grant as exported by the platform. A person is named by their e-mail (how the catalogue
// knows people) and, when the export has it, their fødselsnummer (`holderId`), which the module
// pseudonymises before anything is stored, as the audit ledger does; an integration by its
// client id. `service` is empty for an organisation-wide grant.
struct Grant {
    std::string holderType;   // "person" or "integration"
    std::string holderId;     // person: fødselsnummer (11 digits) or empty; integration: client id
    std::string holderEmail;  // person: required; integration: empty
    std::string holderName;   // integration: its name; person: optional
    std::string orgnr;        // the organisation that granted it (9 digits, valid check digit)
    std::string service;      // catalogue key, or empty
    std::string privilege;    // a Privilege kind
    std::string detail;       // what exactly, e.g. "send:oppvekst" or the register role's name
    std::string serviceArea;  // the register role's tjenesteområde
    std::string holderArea;   // the tjenesteområde the holder works in, when the export has it
    std::string legalBasis;   // lovhjemmel, for register roles
    bool confidential = false;  // may see taushetsbelagte opplysninger
    std::vector<std::string> scopes;  // an integration's scopes (sorted, unique)
    std::string role;         // the holder's job role in the organisation, e.g. "saksbehandler"
    std::string leaderEmail;  // the holder's leader, who approves register access
    std::string grantedBy;    // who granted it (e-mail or client id)
    std::string grantedAt;    // RFC 3339 date or date-time as exported
    int line = 0;             // where it was read (CSV line, or JSON array index + 1)
};

// What names a grant across exports: holder, organisation, service, privilege and detail. The
// rest (area, legal basis, confidentiality, scopes, role, leader) may change under the same key.
std::string grantKey(const Grant& grant);
// The holder alone ("person:<email>" or "integration:<client id>").
std::string holderKey(const Grant& grant);
// SHA-256-free content fingerprint of the changeable fields, for telling "changed" from "same".
std::string grantContent(const Grant& grant);

struct ParseProblem {
    int line = 0;
    std::string field;  // column or JSON member; empty for the line as a whole
    std::string message;
};
// "FILE:LINE: field 'x': message", one per line.
std::string formatProblems(std::string_view fileName, std::span<const ParseProblem> problems);

struct GrantFile {
    std::vector<Grant> grants;
    std::vector<ParseProblem> problems;  // non-empty: the file is refused as a whole
};
// The export formats (docs/access-review.md). CSV: a header row naming the columns (any order;
// unknown columns are an error, so a typo is not silently dropped), RFC 4180 quoting, UTF-8.
// JSON: {"format":"vakt-grants-1","grants":[{...}, ...]}. Both refuse duplicates of one key,
// bad organisation numbers, unknown privilege kinds, a person without an e-mail, and more than
// kMaxGrants rows. Every problem is collected, not only the first.
inline constexpr std::size_t kMaxGrants = 2'000'000;
// Larger files are refused before reading. CSV is read a record at a time; JSON is read whole
// into a tree first (up to some 50 bytes of memory per byte of input), so it is held lower.
inline constexpr std::size_t kMaxCsvBytes = 512u * 1024u * 1024u;
inline constexpr std::size_t kMaxJsonBytes = 64u * 1024u * 1024u;
GrantFile parseGrantsCsv(std::string_view text);
GrantFile parseGrantsJson(std::string_view text);
// By content: a first non-blank byte '{' or '[' is JSON, anything else CSV.
GrantFile parseGrants(std::string_view text);

// The difference between two exports, by grant key.
struct GrantDiff {
    std::vector<std::size_t> added;    // indexes into `after`
    std::vector<std::size_t> removed;  // indexes into `before`
    std::vector<std::pair<std::size_t, std::size_t>> changed;  // (before, after)
    std::size_t unchanged = 0;
};
GrantDiff diffGrants(std::span<const Grant> before, std::span<const Grant> after);

// Segregation-of-duties rules, written in YAML:
//   rules:
//     - id: admin-and-register
//       name: Administrator skal ikke også ha folkeregisterrolle
//       same_organisation: true        # default true
//       conflicting:                   # two or more sides; a holder matching every side conflicts
//         - {privilege: admin}
//         - {privilege: folkeregister_role, confidential: true}
// A side matches a grant when every field it names equals the grant's (privilege, service,
// detail, service_area, confidential); `detail` may end in '*' for a prefix.
struct SodSide {
    std::optional<std::string> privilege, service, detail, serviceArea;
    std::optional<bool> confidential;
    bool matches(const Grant& grant) const;
};
struct SodRule {
    std::string id, name;
    bool sameOrganisation = true;
    std::vector<SodSide> conflicting;
};
// Errors name the line and field ("line 7: field 'conflicting': needs two sides or more").
Result<std::vector<SodRule>> parseSodRules(std::string_view yaml);

// The facts about a grant that the module gathers outside this library.
struct GrantFacts {
    bool holderLeft = false;          // the person's employment is "left" in the catalogue
    bool roleChanged = false;         // the holder's role differs from when the grant first appeared
    std::optional<std::int64_t> lastUseMs;  // newest audit-ledger event by the holder for this grant; nullopt: none seen
    bool usageKnown = false;          // false: the ledger could not tell (no keys, no holder id): never flag unused
};

enum class Flag : std::uint32_t {
    Administrator = 1u << 0,        // admin or service_admin
    LeftOrMoved = 1u << 1,          // holder left, or changed role since the grant
    Unused = 1u << 2,               // no use in `unusedDays` (default 90) by the audit ledger
    ConfidentialNoBasis = 1u << 3,  // confidential data without a legal basis
    OutsideArea = 1u << 4,          // register role outside the holder's own service area
    BroadIntegration = 1u << 5,     // integration with admin, an organisation-wide grant, or many scopes/services
    PeerOutlier = 1u << 6,          // few peers with the same role in the organisation hold it
    SodConflict = 1u << 7,          // part of a segregation-of-duties conflict
};
using Flags = std::uint32_t;
inline bool has(Flags flags, Flag flag) { return (flags & static_cast<std::uint32_t>(flag)) != 0; }
// Stable codes for files and the database: "admin", "left_or_moved", "unused", ...
std::string_view flagCode(Flag flag);
std::vector<Flag> allFlags();
std::vector<std::string> flagCodes(Flags flags);

struct FlagPolicy {
    int unusedDays = 90;
    std::size_t broadScopeCount = 5;     // an integration with this many scopes or more is broad
    std::size_t broadServiceCount = 4;   // ... or with grants in this many services of one organisation
    std::size_t minPeers = 3;            // peers (same organisation and role, other holders) needed to compare
    double peerShare = 0.25;             // flagged when fewer than this share of peers hold the same grant
};

struct FlaggedGrant {
    Flags flags = 0;
    std::vector<std::string> sodRules;  // ids of the rules this grant is in conflict under
    int peerCount = 0, peersHolding = 0;  // for the reviewer: "1 of 12 peers holds this"
};
// Flags for every grant (the result is parallel to `grants`; `facts` too). Runs in
// O(n log n) over the grants, so 50,000 grants take milliseconds.
std::vector<FlaggedGrant> flagGrants(std::span<const Grant> grants, std::span<const GrantFacts> facts,
                                     std::span<const SodRule> rules, std::int64_t nowMs, const FlagPolicy& policy = {});

// Who reviews: rules tried in order for each grant; the first that names someone other than the
// holder wins. `Leader`: the grant's leader e-mail; `ServiceOwner`: the service's product owner;
// `Named`: one person. A grant nobody may review goes to `fallback` (the campaign's owner),
// unless that is the holder too: then it is left without a reviewer and reported.
struct ReviewerRule {
    enum class Kind { Leader, ServiceOwner, Named };
    Kind kind = Kind::Leader;
    std::string email;  // for Named
};
struct ReviewerAssignment {
    std::string reviewer;  // e-mail; empty: nobody may review it
    int rule = -1;         // index of the rule that chose, -1 for the fallback or nobody
};
ReviewerAssignment assignReviewer(const Grant& grant, std::span<const ReviewerRule> rules,
                                  const std::map<std::string, std::string, std::less<>>& serviceOwners,
                                  std::string_view fallback);
// Never one's own grant, whatever the rule says: the check every decision goes through too.
bool isSelfReview(const Grant& grant, std::string_view reviewerEmail);

// What a campaign covers. Empty lists mean "all".
struct Scope {
    std::vector<std::string> organisations, services, privileges;
    bool contains(const Grant& grant) const;
};
enum class Mode { Full, Differential, Leavers };
std::string_view modeCode(Mode mode);
std::optional<Mode> modeFromCode(std::string_view code);
// Indexes into `current` a campaign in `mode` takes: Full, everything in scope; Differential,
// grants in scope added or changed since `previous` (the last campaign's snapshot);
// Leavers, grants in scope whose holder left (`facts[i].holderLeft`).
std::vector<std::size_t> selectForCampaign(std::span<const Grant> current, std::span<const GrantFacts> facts,
                                           const Scope& scope, Mode mode, std::span<const Grant> previous);

// Decisions on an item.
namespace Decision {
inline constexpr std::string_view Keep = "keep";
inline constexpr std::string_view Reduce = "reduce";      // to `reduceTo` (a lesser privilege kind or detail)
inline constexpr std::string_view Revoke = "revoke";
inline constexpr std::string_view Delegate = "delegate";  // to another reviewer, who then decides
bool valid(std::string_view decision);
}  // namespace Decision
// What happens to an unanswered item at the due date.
namespace Unanswered {
inline constexpr std::string_view Keep = "keep";
inline constexpr std::string_view Revoke = "revoke";
inline constexpr std::string_view Escalate = "escalate";  // to the campaign owner, still open
bool valid(std::string_view outcome);
}  // namespace Unanswered

// A decision is acceptable, or says why not: keeping a privileged grant needs a justification;
// reducing needs what to reduce to; delegating needs someone other than the holder.
std::optional<std::string> checkDecision(const Grant& grant, std::string_view decision, std::string_view justification,
                                         std::string_view reduceTo, std::string_view delegateTo);

// One line of the revocation list handed to the platform's configuration.
struct Revocation {
    std::string action;  // "revoke" or "reduce"
    Grant grant;
    std::string reduceTo;  // for reduce: the detail (or privilege kind) the grant becomes
    std::string decidedBy, decidedAt, justification;
};
std::string revocationsCsv(std::span<const Revocation> revocations);
std::string revocationsJson(std::span<const Revocation> revocations);

// Whether each revocation took effect in a later export: a revoked grant's key must be gone; a
// reduced one must be gone or carry the reduced detail. Gives the revocations that did not.
struct RevocationCheck {
    std::vector<std::size_t> effective, notEffective;  // indexes into `revocations`
};
RevocationCheck checkRevocations(std::span<const Revocation> revocations, std::span<const Grant> later);

}  // namespace vakt::access
