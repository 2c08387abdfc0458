#include "riskmodel/analysis.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "riskmodel/enum_names.h"
#include "riskmodel/properties.h"

namespace vakt::risk {

namespace {

constexpr std::array<const char*, 4> kLevelNames{"low", "medium", "high", "critical"};

template <typename T>
void raise(std::optional<T>& target, const std::optional<T>& value) {
    if (value && (!target || *value > *target)) target = value;
}

bool encryptedProtocol(std::string_view protocol) {
    static constexpr std::array<std::string_view, 9> kEncrypted{"https", "sftp", "smtps", "amqps", "jdbc-tls",
                                                                "ldaps", "grpc-tls", "ssh", "local"};
    return std::find(kEncrypted.begin(), kEncrypted.end(), protocol) != kEncrypted.end();
}

int confidentialityScore(Confidentiality c) { return static_cast<int>(c) + 1; }
int ratingScore(Rating r) {
    static constexpr std::array<int, 4> kScores{1, 3, 4, 5};
    return kScores[static_cast<std::size_t>(r)];
}

}  // namespace

const char* levelName(Level level) { return kLevelNames[static_cast<std::size_t>(level)]; }
std::optional<Level> parseLevel(std::string_view name) { return byName<Level>(kLevelNames, name); }

Level defaultLevel(int likelihood, int consequence) {
    const int score = likelihood * consequence;
    return score <= 4 ? Level::Low : score <= 9 ? Level::Medium : score <= 14 ? Level::High : Level::Critical;
}

Status checkRuleSet(std::span<const Rule> rules) {
    std::map<std::string_view, const Rule*> seen;
    for (const auto& rule : rules) {
        const auto [it, fresh] = seen.emplace(rule.id, &rule);
        if (!fresh)
            return fail(rule.fileName + ":" + std::to_string(rule.line) + ": field 'id': rule " + rule.id +
                        " is also defined in " + it->second->fileName);
    }
    return {};
}

Analysis::Analysis(const Model& model, std::span<const Rule> rules) : model_(model) {
    derived_.resize(model.elements.size() + model.flows.size());
    std::map<std::string_view, std::size_t> index;
    for (std::size_t i = 0; i < model.elements.size(); ++i) index[model.elements[i].id] = i;

    auto ratingsOf = [&](const std::vector<std::string>& assets, Derived& d) {
        for (const auto& id : assets)
            if (const Asset* a = model.findAsset(id)) {
                raise(d.confidentiality, a->confidentiality);
                raise(d.integrity, a->integrity);
                raise(d.availability, a->availability);
            }
    };
    // Elements: boundary, organisation, trust and their own data.
    for (std::size_t i = 0; i < model.elements.size(); ++i) {
        const Element& e = model.elements[i];
        Derived& d = derived_[i];
        d.boundary = e.boundary.empty() ? nullptr : model.findBoundary(e.boundary);
        d.untrusted = e.kind == ElementKind::External;
        std::set<const Boundary*> seen;  // validateModel refuses cycles; this guards unvalidated models
        for (const Boundary* b = d.boundary; b && seen.insert(b).second;
             b = b->parent.empty() ? nullptr : model.findBoundary(b->parent)) {
            if (b->kind == BoundaryKind::Internet) d.untrusted = true;
            if (d.organisation.empty()) d.organisation = b->organisation;
        }
        ratingsOf(e.data, d);
    }
    // Flows carry their data, or what their source holds; both ends touch it.
    std::vector<Derived> own(derived_.begin(), derived_.begin() + static_cast<std::ptrdiff_t>(model.elements.size()));
    for (std::size_t f = 0; f < model.flows.size(); ++f) {
        const Element& flow = model.flows[f];
        Derived& d = derived_[model.elements.size() + f];
        const auto from = index.find(flow.from);
        const auto to = index.find(flow.to);
        if (from == index.end() || to == index.end()) continue;
        if (flow.data.empty()) {
            d.confidentiality = own[from->second].confidentiality;
            d.integrity = own[from->second].integrity;
            d.availability = own[from->second].availability;
        } else {
            ratingsOf(flow.data, d);
        }
        Derived& source = derived_[from->second];
        Derived& target = derived_[to->second];
        for (Derived* end : {&source, &target}) {
            raise(end->confidentiality, d.confidentiality);
            raise(end->integrity, d.integrity);
            raise(end->availability, d.availability);
        }
        source.outgoing.push_back(&flow);
        target.incoming.push_back(&flow);
        d.crossesBoundary = own[from->second].boundary != own[to->second].boundary;
        d.crossesOrganisation = own[from->second].organisation != own[to->second].organisation;
    }

    for (const Rule& rule : rules) {
        for (const auto* list : {&model.elements, &model.flows}) {
            for (const Element& e : *list) {
                if (std::find(rule.appliesTo.begin(), rule.appliesTo.end(), e.kind) == rule.appliesTo.end()) continue;
                if (!holds(rule.when, e)) continue;
                Threat t;
                t.id = rule.id + "/" + e.id;
                t.rule = &rule;
                t.element = &e;
                t.likelihood = std::min(5, rule.likelihood + (rule.raiseLikelihoodWhen && holds(*rule.raiseLikelihoodWhen, e) ? 1 : 0));
                const Derived& d = derived(e);
                if (rule.consequenceFrom == "confidentiality")
                    t.consequence = d.confidentiality ? confidentialityScore(*d.confidentiality) : 1;
                else if (rule.consequenceFrom == "integrity")
                    t.consequence = d.integrity ? ratingScore(*d.integrity) : 1;
                else if (rule.consequenceFrom == "availability")
                    t.consequence = d.availability ? ratingScore(*d.availability) : 1;
                else
                    t.consequence = std::clamp(rule.fixedConsequence, 1, 5);
                t.level = defaultLevel(t.likelihood, t.consequence);
                threats_.push_back(std::move(t));
            }
        }
    }
    std::sort(threats_.begin(), threats_.end(), [](const Threat& a, const Threat& b) { return a.id < b.id; });
}

std::size_t Analysis::indexOf(const Element& e) const {
    if (!model_.elements.empty() && &e >= &model_.elements.front() && &e <= &model_.elements.back())
        return static_cast<std::size_t>(&e - &model_.elements.front());
    return model_.elements.size() + static_cast<std::size_t>(&e - &model_.flows.front());
}

const Derived& Analysis::derived(const Element& e) const { return derived_[indexOf(e)]; }

std::optional<std::string> Analysis::fact(const Element& e, std::string_view name) const {
    if (const auto it = e.properties.find(name); it != e.properties.end()) return it->second;
    const Derived& d = derived(e);
    const bool isFlow = e.kind == ElementKind::Flow;
    if (name == "kind") return std::string(kindName(e.kind));
    if (name == "confidentiality") return d.confidentiality ? std::optional<std::string>(confidentialityName(*d.confidentiality)) : std::nullopt;
    if (name == "integrity") return d.integrity ? std::optional<std::string>(ratingName(*d.integrity)) : std::nullopt;
    if (name == "availability") return d.availability ? std::optional<std::string>(ratingName(*d.availability)) : std::nullopt;
    if (name == "untrusted" && !isFlow) return d.untrusted ? "true" : "false";
    if (name == "crosses_boundary" && isFlow) return d.crossesBoundary ? "true" : "false";
    if (name == "crosses_organisation" && isFlow) return d.crossesOrganisation ? "true" : "false";
    if (name == "encrypted" && isFlow) {
        const auto protocol = e.properties.find("protocol");
        if (protocol != e.properties.end()) return encryptedProtocol(protocol->second) ? "true" : "false";
    }
    return std::nullopt;
}

bool Analysis::holds(const Condition& c, const Element& e) const {
    using Op = Condition::Op;
    switch (c.op) {
        case Op::All: return std::all_of(c.children.begin(), c.children.end(), [&](const Condition& x) { return holds(x, e); });
        case Op::Any: return std::any_of(c.children.begin(), c.children.end(), [&](const Condition& x) { return holds(x, e); });
        case Op::Not: return !holds(c.children.front(), e);
        case Op::Source:
        case Op::Target: {
            if (e.kind != ElementKind::Flow) return false;
            const Element* end = model_.findElement(c.op == Op::Source ? e.from : e.to);
            return end && holds(c.children.front(), *end);
        }
        case Op::Incoming:
        case Op::Outgoing: {
            if (e.kind == ElementKind::Flow) return false;
            const auto& flows = c.op == Op::Incoming ? derived(e).incoming : derived(e).outgoing;
            return std::any_of(flows.begin(), flows.end(), [&](const Element* f) { return holds(c.children.front(), *f); });
        }
        case Op::Boundary: return e.kind != ElementKind::Flow && holdsOnBoundary(c.children.front(), e);
        case Op::Is:
        case Op::IsNot:
        case Op::In:
        case Op::Set:
        case Op::AtLeast:
        case Op::AtMost: break;
    }
    const auto value = fact(e, c.fact);
    switch (c.op) {
        case Op::Is: return value && *value == c.values.front();
        case Op::IsNot: return !value || *value != c.values.front();
        case Op::In: return value && std::find(c.values.begin(), c.values.end(), *value) != c.values.end();
        case Op::Set: return value.has_value() == (c.values.front() == "true");
        case Op::AtLeast:
        case Op::AtMost: {
            const PropertySpec* spec = findProperty(c.fact);
            if (!value || !spec) return false;
            const int rank = choiceRank(*spec, *value);
            return rank >= 0 && (c.op == Op::AtLeast ? rank >= c.rank : rank <= c.rank);
        }
        default: return false;
    }
}

bool Analysis::holdsOnBoundary(const Condition& c, const Element& e) const {
    using Op = Condition::Op;
    const Derived& d = derived(e);
    switch (c.op) {
        case Op::All: return std::all_of(c.children.begin(), c.children.end(), [&](const Condition& x) { return holdsOnBoundary(x, e); });
        case Op::Any: return std::any_of(c.children.begin(), c.children.end(), [&](const Condition& x) { return holdsOnBoundary(x, e); });
        case Op::Not: return !holdsOnBoundary(c.children.front(), e);
        default: break;
    }
    if (!d.boundary) return false;
    std::optional<std::string> value;
    if (c.fact == "kind") value = boundaryKindName(d.boundary->kind);
    if (c.fact == "organisation" && !d.organisation.empty()) value = d.organisation;
    switch (c.op) {
        case Op::Is: return value && *value == c.values.front();
        case Op::IsNot: return !value || *value != c.values.front();
        case Op::In: return value && std::find(c.values.begin(), c.values.end(), *value) != c.values.end();
        case Op::Set: return value.has_value() == (c.values.front() == "true");
        default: return false;
    }
}

}  // namespace vakt::risk
