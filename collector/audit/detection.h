#pragma once
// Detection of misuse in audit events, evaluated as each event is accepted. Each rule type is a
// question a security officer asks of the log; a finding names the rule, the actor and the event
// that is its evidence, and carries a fingerprint so repeated findings about the same actor and
// day (or window) become one incident with more evidence. Plain C++: what the log knew of an
// actor before this process saw it (when it was last active, where an integration called from)
// is a callback, so a restart neither forgets a dormant account nor takes a new network for the
// usual one. Memory is bounded: per-actor state is kept for at most `maxActors` actors, the least
// recently active are forgotten first.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "collector/audit/event.h"

namespace vakt::audit {

enum class DetectionType {
    LookupWithoutLegalBasis,  // a person looked up with no legal_basis
    ManyDistinctSubjects,     // one actor, more than `threshold` distinct persons within `window`
    StrictAddressProtection,  // strengt fortrolig seen from a service area not in `areas`
    ConfidentialOutsideArea,  // confidential data seen from a service area not allowed for the service (`serviceAreas`)
    OutsideWorkingHours,      // local time outside [startHour, endHour) or on a day not in `weekdays`
    PrivilegeGrant,           // action privilege.grant whose `privilege` field is in `privileges`
    NewSource,                // a known integration seen from a new /24 network or a new organisation
    DormantAccount,           // an actor active again after more than `window` without activity
    DeniedBurst,              // one actor, at least `threshold` denied results within `window`
};

struct DetectionRule {
    std::string name;
    DetectionType type = DetectionType::LookupWithoutLegalBasis;
    std::string severity = "warning";
    std::string summary;  // Norwegian text; {actor}, {service}, {action} and {count} are filled in
    std::string summaryEn;  // the same in English (summary_en)
    std::vector<std::string> actions{"person.lookup"};
    std::chrono::milliseconds window{std::chrono::hours(1)};
    int threshold = 0;
    std::vector<std::string> areas;
    std::map<std::string, std::vector<std::string>> serviceAreas;
    int startHour = 7, endHour = 17;
    std::vector<int> weekdays{1, 2, 3, 4, 5};  // ISO: 1 Monday .. 7 Sunday
    std::vector<std::string> privileges{"admin", "administrator"};
};

std::optional<DetectionType> detectionTypeFromName(const std::string& name);

struct Finding {
    std::string rule, severity, fingerprint, summary, service, actorKey;
    std::int64_t seq = 0;  // the evidence event
    std::string summaryEn = {};
};

// An actor's activity before an event, as the ledger has it.
struct Past {
    std::optional<std::int64_t> lastMs;  // its newest event, if any
    // Its most recent events' source addresses and organisations, newest first (integrations).
    std::vector<std::pair<std::string, std::string>> sources;
};

// Drops the members of an event's parsed document that no rule reads (all but "privilege"), so
// the rest is freed where it was parsed instead of travelling with the event.
void keepDetectedFields(json::Value& document);

class Detector {
public:
    using History = std::function<Past(const std::string& actorKey, std::int64_t beforeMs)>;
    explicit Detector(std::vector<DetectionRule> rules, History history = {}, std::size_t maxActors = 100000)
        : rules_(std::move(rules)), history_(std::move(history)), maxActors_(maxActors) {
        // Only these rules read an actor's past; without them the ledger is never asked.
        const bool needed = std::any_of(rules_.begin(), rules_.end(), [](const DetectionRule& r) {
            return r.type == DetectionType::NewSource || r.type == DetectionType::DormantAccount;
        });
        if (!needed) history_ = {};
    }

    std::vector<Finding> observe(const AuditEvent& event, const PartyKeys& keys, std::int64_t seq);
    const std::vector<DetectionRule>& rules() const { return rules_; }
    std::size_t trackedActors() const { return actors_.size(); }

private:
    struct ActorState {
        std::int64_t lastMs = 0;
        std::unordered_map<std::string, std::int64_t> subjects;  // subject key -> last time looked up
        std::deque<std::int64_t> denied;
        std::set<std::string> networks, orgs;
    };
    ActorState& stateOf(const std::string& actorKey, std::int64_t nowMs);
    std::vector<DetectionRule> rules_;
    History history_;
    std::size_t maxActors_;
    std::unordered_map<std::string, ActorState> actors_;
};

}  // namespace vakt::audit
