#include "riskmodel/rules.h"

#include <algorithm>
#include <array>

#include "riskmodel/enum_names.h"
#include "riskmodel/properties.h"
#include "riskmodel/yaml_reader.h"

namespace vakt::risk {

namespace {

constexpr std::array<const char*, 6> kStrideNames{"spoofing", "tampering", "repudiation", "information_disclosure",
                                                  "denial_of_service", "elevation_of_privilege"};
constexpr int kMaxDepth = 32;

// What a condition is evaluated on, so facts can be checked against it when the rule loads.
enum class Context { Elements, Flows, Boundary, Mixed };

class ConditionReader {
public:
    explicit ConditionReader(const YamlReader& r) : r_(r) {}

    Result<Condition> read(const YAML::Node& n, const std::string& field, Context context, int depth) const {
        if (depth > kMaxDepth) return r_.at(n, field, "conditions nested deeper than " + std::to_string(kMaxDepth));
        if (!n.IsMap()) return r_.at(n, field, "expected a condition (a mapping)");
        if (n["fact"]) return readFact(n, field, context);
        if (n.size() != 1)
            return r_.at(n, field, "a condition has one of fact, all, any, not, source, target, incoming, outgoing, boundary");
        const auto kv = *n.begin();
        const std::string key = kv.first.IsScalar() ? kv.first.Scalar() : std::string();
        const std::string here = field + "." + key;
        Condition c;
        if (key == "all" || key == "any") {
            c.op = key == "all" ? Condition::Op::All : Condition::Op::Any;
            if (!kv.second.IsSequence() || kv.second.size() == 0) return r_.at(kv.second, here, "expected a non-empty list of conditions");
            for (const auto& item : kv.second) {
                auto child = read(item, here, context, depth + 1);
                if (!child) return child.error();
                c.children.push_back(std::move(*child));
            }
            return c;
        }
        struct Step {
            const char* key;
            Condition::Op op;
            Context from;
            Context to;
        };
        static constexpr std::array kSteps{Step{"not", Condition::Op::Not, Context::Mixed, Context::Mixed},
                                           Step{"source", Condition::Op::Source, Context::Flows, Context::Elements},
                                           Step{"target", Condition::Op::Target, Context::Flows, Context::Elements},
                                           Step{"incoming", Condition::Op::Incoming, Context::Elements, Context::Flows},
                                           Step{"outgoing", Condition::Op::Outgoing, Context::Elements, Context::Flows},
                                           Step{"boundary", Condition::Op::Boundary, Context::Elements, Context::Boundary}};
        const auto step = std::find_if(kSteps.begin(), kSteps.end(), [&](const Step& s) { return key == s.key; });
        if (step == kSteps.end()) return r_.at(kv.first, here, "unknown condition");
        if (step->from != Context::Mixed && context != step->from && context != Context::Mixed)
            return r_.at(kv.first, here, std::string("applies to ") + (step->from == Context::Flows ? "flows" : "elements") + " only");
        c.op = step->op;
        auto child = read(kv.second, here, step->to == Context::Mixed ? context : step->to, depth + 1);
        if (!child) return child.error();
        c.children.push_back(std::move(*child));
        return c;
    }

private:
    Result<Condition> readFact(const YAML::Node& n, const std::string& field, Context context) const {
        auto name = r_.text(n["fact"], field + ".fact");
        if (!name) return name.error();
        const std::string here = field + "." + *name;
        if (n.size() != 2) return r_.at(n, here, "a fact condition has fact and one of is, is_not, in, set, at_least, at_most");
        Condition c;
        c.fact = *name;
        std::string test;
        YAML::Node value;
        for (const auto& kv : n) {
            const std::string key = kv.first.IsScalar() ? kv.first.Scalar() : std::string();
            if (key == "fact") continue;
            test = key;
            value = kv.second;
        }
        static constexpr std::array<std::pair<const char*, Condition::Op>, 6> kTests{
            {{"is", Condition::Op::Is}, {"is_not", Condition::Op::IsNot}, {"in", Condition::Op::In},
             {"set", Condition::Op::Set}, {"at_least", Condition::Op::AtLeast}, {"at_most", Condition::Op::AtMost}}};
        const auto t = std::find_if(kTests.begin(), kTests.end(), [&](const auto& p) { return test == p.first; });
        if (t == kTests.end()) return r_.at(n, here, "unknown test '" + test + "'");
        c.op = t->second;

        if (c.op == Condition::Op::Set) {
            auto v = r_.text(value, here + ".set");
            if (!v) return v.error();
            if (*v != "true" && *v != "false") return r_.at(value, here + ".set", "expected true or false");
            c.values = {*v};
            return c;
        }
        if (c.op == Condition::Op::In) {
            auto list = r_.texts(value, here + ".in");
            if (!list) return list.error();
            if (list->empty()) return r_.at(value, here + ".in", "expected a non-empty list");
            c.values = std::move(*list);
        } else {
            auto v = r_.text(value, here + "." + test);
            if (!v) return v.error();
            c.values = {*v};
        }

        if (context == Context::Boundary) {
            if (c.fact == "organisation") {
                if (c.op == Condition::Op::AtLeast || c.op == Condition::Op::AtMost) return r_.at(value, here, "not ordered");
                return c;
            }
            if (c.fact != "kind") return r_.at(n["fact"], here, "a boundary has the facts kind and organisation");
            for (const auto& v : c.values)
                if (!parseBoundaryKind(v)) return r_.at(value, here, "'" + v + "' is not a boundary kind");
            if (c.op == Condition::Op::AtLeast || c.op == Condition::Op::AtMost) return r_.at(value, here, "not ordered");
            return c;
        }
        const PropertySpec* spec = findProperty(c.fact);
        if (!spec) return r_.at(n["fact"], here, "unknown fact '" + c.fact + "'");
        if (context == Context::Flows && !spec->onFlows) return r_.at(n["fact"], here, "not a fact of flows");
        if (context == Context::Elements && !spec->onElements) return r_.at(n["fact"], here, "not a fact of elements");
        for (const auto& v : c.values)
            if (auto s = checkValue(*spec, v); !s) return r_.at(value, here, s.message());
        if (c.op == Condition::Op::AtLeast || c.op == Condition::Op::AtMost) {
            if (!spec->ordered) return r_.at(value, here, "'" + c.fact + "' has no order; use is or in");
            c.rank = choiceRank(*spec, c.values.front());
        }
        return c;
    }

    const YamlReader& r_;
};

LocalText readLocal(const YamlReader& r, const YAML::Node& n, const std::string& field, Status& status) {
    LocalText t;
    if (!n) {
        status = r.atLine(0, field, "missing");
        return t;
    }
    if (auto s = r.knownKeys(n, field, {"nb", "en"}); !s) {
        status = s;
        return t;
    }
    for (auto [lang, target] : {std::pair{"nb", &t.nb}, std::pair{"en", &t.en}}) {
        auto v = r.required(n, lang, field);
        if (!v) {
            status = v.error();
            return t;
        }
        *target = *v;
    }
    return t;
}

}  // namespace

const char* strideName(Stride s) { return kStrideNames[static_cast<std::size_t>(s)]; }
std::optional<Stride> parseStride(std::string_view name) { return byName<Stride>(kStrideNames, name); }

bool validRuleId(std::string_view id) {
    return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    });
}

Result<Rule> parseRule(std::string_view yaml, const std::string& fileName) {
    const YamlReader r(fileName);
    auto loaded = r.load(yaml);
    if (!loaded) return loaded.error();
    const YAML::Node& root = *loaded;
    Rule rule;
    rule.fileName = fileName;
    rule.line = 1;
    try {
        if (auto s = r.knownKeys(root, "", {"vakt_risk_rule", "id", "title", "description", "stride", "applies_to", "when",
                                            "likelihood", "raise_likelihood_when", "consequence", "measures", "cwe", "nsm",
                                            "iso27002"});
            !s)
            return s.error();
        if (!root["vakt_risk_rule"]) return r.at(root, "vakt_risk_rule", "missing: a rule file starts with 'vakt_risk_rule: 1'");
        if (auto v = r.integer(root["vakt_risk_rule"], "vakt_risk_rule", 1, 1); !v) return v.error();
        auto id = r.required(root, "id", "");
        if (!id) return id.error();
        if (!validRuleId(*id)) return r.at(root["id"], "id", "'" + *id + "' is not a rule id (upper-case letters, digits and '-')");
        rule.id = *id;
        Status status;
        rule.title = readLocal(r, root["title"], "title", status);
        if (!status) return status.error();
        rule.description = readLocal(r, root["description"], "description", status);
        if (!status) return status.error();
        auto stride = r.required(root, "stride", "");
        if (!stride) return stride.error();
        const auto parsedStride = parseStride(*stride);
        if (!parsedStride) return r.at(root["stride"], "stride", "'" + *stride + "' is not a STRIDE category");
        rule.stride = *parsedStride;

        auto kinds = r.texts(root["applies_to"], "applies_to");
        if (!kinds) return kinds.error();
        if (kinds->empty()) return r.at(root, "applies_to", "missing: external, process, store and/or flow");
        bool flows = false, elements = false;
        for (const auto& k : *kinds) {
            const auto kind = parseKind(k);
            if (!kind) return r.at(root["applies_to"], "applies_to", "'" + k + "' is not one of external, process, store, flow");
            rule.appliesTo.push_back(*kind);
            (*kind == ElementKind::Flow ? flows : elements) = true;
        }
        const Context context = flows && elements ? Context::Mixed : flows ? Context::Flows : Context::Elements;
        const ConditionReader conditions(r);
        if (!root["when"]) return r.at(root, "when", "missing");
        auto when = conditions.read(root["when"], "when", context, 0);
        if (!when) return when.error();
        rule.when = std::move(*when);
        if (const YAML::Node raise = root["raise_likelihood_when"]) {
            auto c = conditions.read(raise, "raise_likelihood_when", context, 0);
            if (!c) return c.error();
            rule.raiseLikelihoodWhen = std::move(*c);
        }
        if (!root["likelihood"]) return r.at(root, "likelihood", "missing");
        auto likelihood = r.integer(root["likelihood"], "likelihood", 1, 5);
        if (!likelihood) return likelihood.error();
        rule.likelihood = *likelihood;
        auto consequence = r.required(root, "consequence", "");
        if (!consequence) return consequence.error();
        if (*consequence == "confidentiality" || *consequence == "integrity" || *consequence == "availability") {
            rule.consequenceFrom = *consequence;
        } else {
            auto fixed = r.integer(root["consequence"], "consequence", 1, 5);
            if (!fixed) return r.at(root["consequence"], "consequence", "expected confidentiality, integrity, availability or 1-5");
            rule.fixedConsequence = *fixed;
        }
        if (const YAML::Node measures = root["measures"]) {
            if (!measures.IsSequence()) return r.at(measures, "measures", "expected a list");
            for (const auto& m : measures) {
                rule.measures.push_back(readLocal(r, m, "measures", status));
                if (!status) return status.error();
            }
        }
        auto cwe = r.texts(root["cwe"], "cwe");
        if (!cwe) return cwe.error();
        for (std::size_t i = 0; i < cwe->size(); ++i) {
            auto n = r.integer(root["cwe"][i], "cwe", 1, 99999);
            if (!n) return n.error();
            rule.cwe.push_back(*n);
        }
        auto nsm = r.texts(root["nsm"], "nsm");
        if (!nsm) return nsm.error();
        rule.nsm = std::move(*nsm);
        auto iso = r.texts(root["iso27002"], "iso27002");
        if (!iso) return iso.error();
        rule.iso27002 = std::move(*iso);
    } catch (const YAML::Exception& e) {
        return fail(fileName + ":" + std::to_string(e.mark.is_null() ? 0 : e.mark.line + 1) + ": " + e.msg);
    }
    return rule;
}

}  // namespace vakt::risk
