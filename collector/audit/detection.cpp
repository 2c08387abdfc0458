#include "collector/audit/detection.h"

#include <algorithm>

namespace vakt::audit {

namespace {
bool contains(const std::vector<std::string>& list, const std::string& v) { return std::find(list.begin(), list.end(), v) != list.end(); }

std::string replaceAll(std::string text, const std::string& key, const std::string& value) {
    for (auto at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size())) text.replace(at, key.size(), value);
    return text;
}

// The /24 (IPv4) or the address itself: where an integration calls from.
std::string network(const std::string& ip) {
    const auto last = ip.rfind('.');
    if (last == std::string::npos || std::count(ip.begin(), ip.end(), '.') != 3) return ip;
    return ip.substr(0, last) + ".0/24";
}

std::string day(std::int64_t ms) { return std::to_string(ms / 86400000); }

constexpr std::size_t kMaxSources = 256;  // networks and organisations remembered per integration
}  // namespace

std::optional<DetectionType> detectionTypeFromName(const std::string& name) {
    static const std::map<std::string, DetectionType> types = {
        {"lookup_without_legal_basis", DetectionType::LookupWithoutLegalBasis},
        {"many_distinct_subjects", DetectionType::ManyDistinctSubjects},
        {"strict_address_protection", DetectionType::StrictAddressProtection},
        {"confidential_outside_area", DetectionType::ConfidentialOutsideArea},
        {"outside_working_hours", DetectionType::OutsideWorkingHours},
        {"privilege_grant", DetectionType::PrivilegeGrant},
        {"new_source", DetectionType::NewSource},
        {"dormant_account", DetectionType::DormantAccount},
        {"denied_burst", DetectionType::DeniedBurst},
    };
    const auto it = types.find(name);
    if (it == types.end()) return std::nullopt;
    return it->second;
}

Detector::ActorState& Detector::stateOf(const std::string& actorKey, std::int64_t nowMs) {
    if (actors_.size() >= maxActors_ && !actors_.count(actorKey)) {
        // Forget the least recently active tenth, so hostile input cannot grow the state.
        std::vector<std::pair<std::int64_t, std::string>> byAge;
        for (const auto& [key, state] : actors_) byAge.emplace_back(state.lastMs, key);
        std::nth_element(byAge.begin(), byAge.begin() + static_cast<std::ptrdiff_t>(byAge.size() / 10), byAge.end());
        for (std::size_t i = 0; i <= byAge.size() / 10; ++i) actors_.erase(byAge[i].second);
    }
    auto [it, inserted] = actors_.try_emplace(actorKey);
    if (inserted) {
        it->second.lastMs = -1;  // unknown in memory; the history callback may know
        (void)nowMs;
    }
    return it->second;
}

void keepDetectedFields(json::Value& document) {
    json::Value kept;
    kept.type = json::Value::Type::Object;
    for (auto& m : document.members)
        if (m.key == "privilege") kept.members.push_back(std::move(m));  // PrivilegeGrant
    document = std::move(kept);
}

std::vector<Finding> Detector::observe(const AuditEvent& e, const PartyKeys& keys, std::int64_t seq) {
    std::vector<Finding> out;
    ActorState& actor = stateOf(keys.actor, e.timeMs);
    std::optional<std::int64_t> previous;
    if (actor.lastMs >= 0) {
        previous = actor.lastMs;
    } else if (history_) {
        const Past past = history_(keys.actor, e.timeMs);
        previous = past.lastMs;
        for (const auto& [ip, org] : past.sources) {
            if (!ip.empty() && actor.networks.size() < kMaxSources) actor.networks.insert(network(ip));
            if (actor.orgs.size() < kMaxSources) actor.orgs.insert(org);
        }
    }

    for (const auto& rule : rules_) {
        std::string count;
        std::string scope = day(e.timeMs);  // one incident per rule, actor and day unless said otherwise
        bool fired = false;
        switch (rule.type) {
            case DetectionType::LookupWithoutLegalBasis:
                fired = contains(rule.actions, e.action) && e.subjectType == "person" && e.legalBasis.empty();
                break;
            case DetectionType::ManyDistinctSubjects: {
                if (e.subjectType != "person") break;
                auto& seen = actor.subjects;
                seen[keys.subject] = e.timeMs;
                for (auto it = seen.begin(); it != seen.end();)
                    it = it->second <= e.timeMs - rule.window.count() ? seen.erase(it) : std::next(it);
                fired = static_cast<int>(seen.size()) > rule.threshold;
                count = std::to_string(seen.size());
                scope = std::to_string(e.timeMs / std::max<std::int64_t>(1, rule.window.count()));
                // Bounded: once well past the threshold, the oldest lookups are forgotten.
                while (seen.size() > static_cast<std::size_t>(std::max(rule.threshold, 1)) * 4)
                    seen.erase(std::min_element(seen.begin(), seen.end(), [](const auto& a, const auto& b) { return a.second < b.second; }));
                break;
            }
            case DetectionType::StrictAddressProtection:
                fired = e.addressProtection == "strengt_fortrolig" && !contains(rule.areas, e.serviceArea);
                break;
            case DetectionType::ConfidentialOutsideArea: {
                if (!e.confidential.value_or(false)) break;
                const auto allowed = rule.serviceAreas.find(e.service);
                fired = allowed != rule.serviceAreas.end() && !contains(allowed->second, e.serviceArea);
                break;
            }
            case DetectionType::OutsideWorkingHours: {
                const std::int64_t local = e.timeMs + static_cast<std::int64_t>(e.utcOffsetMinutes) * 60000;
                const std::int64_t days = local >= 0 ? local / 86400000 : (local - 86399999) / 86400000;
                const int hour = static_cast<int>((local - days * 86400000) / 3600000);
                const int weekday = static_cast<int>(((days % 7) + 7 + 3) % 7) + 1;  // 1970-01-01 was a Thursday
                fired = hour < rule.startHour || hour >= rule.endHour || std::find(rule.weekdays.begin(), rule.weekdays.end(), weekday) == rule.weekdays.end();
                break;
            }
            case DetectionType::PrivilegeGrant: {
                if (e.action != "privilege.grant") break;
                const json::Value* privilege = e.document.find("privilege");
                fired = privilege && privilege->isString() && contains(rule.privileges, privilege->text);
                scope = std::to_string(seq);  // every grant is its own incident
                break;
            }
            case DetectionType::NewSource: {
                if (e.actorType != "integration") break;
                const std::string net = e.sourceIp.empty() ? std::string() : network(e.sourceIp);
                const bool known = !actor.orgs.empty();
                const bool newNet = !net.empty() && !actor.networks.count(net);
                const bool newOrg = !actor.orgs.count(e.actorOrg);
                fired = known && (newNet || newOrg);
                if (!net.empty() && actor.networks.size() < kMaxSources) actor.networks.insert(net);
                if (actor.orgs.size() < kMaxSources) actor.orgs.insert(e.actorOrg);
                scope = net + "|" + e.actorOrg;
                break;
            }
            case DetectionType::DormantAccount:
                fired = previous && e.timeMs - *previous > rule.window.count();
                scope = std::to_string(e.timeMs);
                break;
            case DetectionType::DeniedBurst: {
                if (e.result != "denied") break;
                actor.denied.push_back(e.timeMs);
                while (!actor.denied.empty() && actor.denied.front() <= e.timeMs - rule.window.count()) actor.denied.pop_front();
                while (actor.denied.size() > static_cast<std::size_t>(std::max(rule.threshold, 1)) * 4) actor.denied.pop_front();
                fired = static_cast<int>(actor.denied.size()) >= rule.threshold;
                count = std::to_string(actor.denied.size());
                scope = std::to_string(e.timeMs / std::max<std::int64_t>(1, rule.window.count()));
                break;
            }
        }
        if (!fired) continue;
        auto filled = [&](const std::string& text) {
            return replaceAll(replaceAll(replaceAll(replaceAll(text, "{actor}", keys.actor), "{service}", e.service), "{action}", e.action), "{count}",
                              count);
        };
        const std::string summary = filled(rule.summary.empty() ? rule.name + ": {actor} ({action} i {service})" : rule.summary);
        const std::string summaryEn = filled(rule.summaryEn.empty() ? rule.name + ": {actor} ({action} in {service})" : rule.summaryEn);
        out.push_back({rule.name, rule.severity, "audit|" + rule.name + "|" + keys.actor + "|" + scope, summary, e.service, keys.actor, seq, summaryEn});
    }
    actor.lastMs = std::max(actor.lastMs, e.timeMs);
    return out;
}

}  // namespace vakt::audit
