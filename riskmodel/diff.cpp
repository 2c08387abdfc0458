#include "riskmodel/diff.h"

#include <algorithm>
#include <map>
#include <set>

namespace vakt::risk {

namespace {

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
    return "[" + out + "]";
}

void compare(std::vector<std::string>& out, const std::string& field, const std::string& a, const std::string& b) {
    if (a != b) out.push_back(field + ": " + (a.empty() ? "(none)" : a) + " -> " + (b.empty() ? "(none)" : b));
}

std::vector<std::string> changesBetween(const Element& a, const Element& b) {
    std::vector<std::string> out;
    if (a.id != b.id) out.push_back("id: " + a.id + " -> " + b.id);
    compare(out, "title", a.title, b.title);
    compare(out, "kind", kindName(a.kind), kindName(b.kind));
    compare(out, "boundary", a.boundary, b.boundary);
    compare(out, "from", a.from, b.from);
    compare(out, "to", a.to, b.to);
    auto sorted = [](std::vector<std::string> v) {
        std::sort(v.begin(), v.end());
        return v;
    };
    if (sorted(a.data) != sorted(b.data)) out.push_back("data: " + join(sorted(a.data)) + " -> " + join(sorted(b.data)));
    std::set<std::string> names;
    for (const auto& [k, v] : a.properties) names.insert(k);
    for (const auto& [k, v] : b.properties) names.insert(k);
    for (const auto& name : names) {
        const auto x = a.properties.find(name);
        const auto y = b.properties.find(name);
        compare(out, "properties." + name, x == a.properties.end() ? "" : x->second, y == b.properties.end() ? "" : y->second);
    }
    return out;
}

// Old id -> the new element that continues it (same id, or the old id among its aliases).
std::map<std::string, const Element*, std::less<>> successors(const Model& after) {
    std::map<std::string, const Element*, std::less<>> out;
    for (const auto* list : {&after.elements, &after.flows})
        for (const auto& e : *list) {
            for (const auto& alias : e.aliases) out.emplace(alias, &e);
        }
    for (const auto* list : {&after.elements, &after.flows})
        for (const auto& e : *list) out[e.id] = &e;  // an id wins over another element's alias
    return out;
}

}  // namespace

std::string currentThreatId(const Model& after, const std::string& threatId) {
    const auto slash = threatId.find('/');
    if (slash == std::string::npos) return threatId;
    const auto next = successors(after);
    const auto it = next.find(std::string_view(threatId).substr(slash + 1));
    return it == next.end() ? threatId : threatId.substr(0, slash + 1) + it->second->id;
}

ModelDiff diffModels(const Analysis& before, const Analysis& after) {
    ModelDiff diff;
    const auto next = successors(after.model());
    std::set<const Element*> continued;
    for (const auto* list : {&before.model().elements, &before.model().flows})
        for (const auto& old : *list) {
            const auto it = next.find(old.id);
            if (it == next.end()) {
                diff.removedElements.push_back(&old);
                continue;
            }
            continued.insert(it->second);
            auto changes = changesBetween(old, *it->second);
            if (!changes.empty()) diff.changedElements.push_back({&old, it->second, std::move(changes)});
        }
    for (const auto* list : {&after.model().elements, &after.model().flows})
        for (const auto& e : *list)
            if (!continued.count(&e)) diff.addedElements.push_back(&e);

    std::map<std::string, const Threat*> current;
    for (const auto& t : after.threats()) current[t.id] = &t;
    std::set<const Threat*> matched;
    for (const auto& old : before.threats()) {
        std::string id = old.id;
        if (const auto it = next.find(old.element->id); it != next.end()) id = old.rule->id + "/" + it->second->id;
        const auto found = current.find(id);
        if (found == current.end()) {
            diff.removedThreats.push_back(&old);
            continue;
        }
        matched.insert(found->second);
        const Threat& now = *found->second;
        if (now.likelihood != old.likelihood || now.consequence != old.consequence || now.level != old.level)
            diff.changedThreats.push_back({&old, &now});
    }
    for (const auto& t : after.threats())
        if (!matched.count(&t)) diff.addedThreats.push_back(&t);
    return diff;
}

}  // namespace vakt::risk
