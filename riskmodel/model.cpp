#include "riskmodel/model.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "riskmodel/enum_names.h"
#include "riskmodel/properties.h"
#include "riskmodel/yaml_reader.h"

namespace vakt::risk {

namespace {

constexpr std::array<const char*, 6> kPersonaKindNames{"citizen", "caseworker", "administrator", "integration", "vendor", "platform-operator"};
constexpr std::array<const char*, 4> kKindNames{"external", "process", "store", "flow"};
constexpr std::array<const char*, 5> kBoundaryKindNames{"internet", "organisation", "network", "cloud", "zone"};
constexpr std::array<const char*, 5> kConfidentialityNames{"public", "internal", "personal", "special", "strengt-fortrolig"};
constexpr std::array<const char*, 4> kRatingNames{"low", "medium", "high", "critical"};

// More than any hand-written model has; bounds the work a hostile file can cause.
constexpr std::size_t kMaxItems = 100000;

bool validId(std::string_view id) {
    if (id.empty() || id.size() > 120) return false;
    if (!((id[0] >= 'a' && id[0] <= 'z') || (id[0] >= '0' && id[0] <= '9'))) return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    });
}

std::string allOf(const auto& names) {
    std::string out;
    for (const char* n : names) out += (out.empty() ? "" : ", ") + std::string(n);
    return out;
}

class Validator {
public:
    explicit Validator(const Model& m) : m_(m) {}

    Status run() {
        if (!validId(m_.id)) return err(1, "id", idReason(m_.id));
        if (m_.assets.size() + m_.boundaries.size() + m_.elements.size() + m_.flows.size() > kMaxItems)
            return err(1, "", "more than " + std::to_string(kMaxItems) + " assets, boundaries, elements and flows");
        for (const auto& a : m_.assets)
            if (auto s = declare(a.id, a.aliases, a.line, "assets", "asset"); !s) return s;
        for (const auto& b : m_.boundaries)
            if (auto s = declare(b.id, b.aliases, b.line, "boundaries", "boundary"); !s) return s;
        for (const auto& e : m_.elements)
            if (auto s = declare(e.id, e.aliases, e.line, "elements", "element"); !s) return s;
        for (const auto& f : m_.flows)
            if (auto s = declare(f.id, f.aliases, f.line, "flows", "flow"); !s) return s;
        for (const auto& a : m_.assets)
            if (!a.confidentiality) return err(a.line, "assets." + a.id + ".confidentiality", "missing");
        for (const auto& b : m_.boundaries)
            if (auto s = checkBoundary(b); !s) return s;
        for (const auto& e : m_.elements) {
            if (e.kind == ElementKind::Flow) return err(e.line, "elements." + e.id + ".kind", "flows belong under flows");
            if (!e.boundary.empty())
                if (auto s = reference(e.boundary, "boundary", e.lineOf("boundary"), "elements." + e.id + ".boundary"); !s) return s;
            if (auto s = checkCommon(e, "elements"); !s) return s;
        }
        for (const auto& f : m_.flows) {
            const std::string where = "flows." + f.id;
            if (f.kind != ElementKind::Flow) return err(f.line, where, "not a flow");
            for (const auto& [end, field] : {std::pair{&f.from, "from"}, std::pair{&f.to, "to"}}) {
                if (end->empty()) return err(f.line, where + "." + field, "missing");
                if (auto s = reference(*end, "element", f.lineOf(field), where + "." + field); !s) return s;
            }
            if (f.from == f.to) return err(f.lineOf("to"), where + ".to", "a flow from '" + f.from + "' to itself");
            if (auto s = checkCommon(f, "flows"); !s) return s;
        }
        return checkStories();
    }

private:
    Error err(int line, const std::string& field, const std::string& why) const {
        return fail(m_.fileName + ":" + std::to_string(line) + ": field '" + field + "': " + why);
    }
    static std::string idReason(std::string_view id) {
        return "'" + std::string(id) + "' is not a valid id (lower-case letters, digits, '.', '_' and '-', at most 120)";
    }

    Status declare(const std::string& id, const std::vector<std::string>& aliases, int line, const char* section,
                   const char* what) {
        if (!validId(id)) return err(line, std::string(section) + ".id", idReason(id));
        if (const auto it = kinds_.find(id); it != kinds_.end())
            return err(line, std::string(section) + "." + id, "id already used by " + it->second.what + " on line " +
                                                              std::to_string(it->second.line));
        kinds_[id] = {what, line};
        for (const auto& alias : aliases) {
            if (!validId(alias)) return err(line, std::string(section) + "." + id + ".aliases", idReason(alias));
            if (alias == id) return err(line, std::string(section) + "." + id + ".aliases", "an element's own id");
            if (const auto it = aliasOf_.find(alias); it != aliasOf_.end())
                return err(line, std::string(section) + "." + id + ".aliases", "'" + alias + "' is already an alias of '" + it->second + "'");
            aliasOf_[alias] = id;
        }
        return {};
    }

    // An id of the given kind; an alias gets a hint, since references use the current ids.
    Status reference(const std::string& id, const std::string& what, int line, const std::string& field) const {
        const auto it = kinds_.find(id);
        if (it != kinds_.end() && it->second.what == what) return {};
        if (it != kinds_.end()) return err(line, field, "'" + id + "' is " + it->second.what + ", not " + what);
        if (const auto a = aliasOf_.find(id); a != aliasOf_.end())
            return err(line, field, "'" + id + "' is an old id of '" + a->second + "'; refer to it by its id");
        return err(line, field, "unknown " + what + " '" + id + "'");
    }

    Status checkBoundary(const Boundary& b) {
        const std::string where = "boundaries." + b.id;
        if (b.parent.empty()) return {};
        if (auto s = reference(b.parent, "boundary", b.parentLine, where + ".parent"); !s) return s;
        // Walk up; a boundary that reaches itself is its own ancestor.
        std::set<std::string> seen{b.id};
        for (const Boundary* up = m_.findBoundary(b.parent); up; up = up->parent.empty() ? nullptr : m_.findBoundary(up->parent)) {
            if (!seen.insert(up->id).second)
                return err(b.parentLine, where + ".parent", "boundaries nest in a cycle through '" + up->id + "'");
        }
        return {};
    }

    Status checkCommon(const Element& e, const char* section) const {
        const std::string where = std::string(section) + "." + e.id;
        for (const auto& asset : e.data)
            if (auto s = reference(asset, "asset", e.lineOf("data"), where + ".data"); !s) return s;
        for (const auto& [name, value] : e.properties) {
            const auto line = e.propertyLines.find(name);
            const int at = line == e.propertyLines.end() ? e.line : line->second;
            const std::string field = where + ".properties." + name;
            const PropertySpec* spec = findProperty(name);
            if (!spec) return err(at, field, "unknown property");
            if (spec->derived) return err(at, field, "computed by Vakt from the model; it cannot be set");
            if (!appliesTo(*spec, e.kind))
                return err(at, field, std::string("not a property of ") + (e.kind == ElementKind::Flow ? "flows" : "elements"));
            if (auto s = checkValue(*spec, value); !s) return err(at, field, s.message());
        }
        return {};
    }

    // Personas, user stories and risk stories have their own ids; a story's persona, elements
    // and threats refer to the model.
    Status checkStories() const {
        std::set<std::string> personas, stories, riskStories;
        for (const auto& p : m_.personas) {
            if (!validId(p.id)) return err(p.line, "personas.id", idReason(p.id));
            if (!personas.insert(p.id).second) return err(p.line, "personas." + p.id, "the persona id is there twice");
        }
        for (const auto& u : m_.stories) {
            const std::string where = "stories." + u.id;
            if (!validId(u.id)) return err(u.line, "stories.id", idReason(u.id));
            if (!stories.insert(u.id).second) return err(u.line, where, "the story id is there twice");
            if (!personas.count(u.persona)) return err(u.line, where + ".persona", "unknown persona '" + u.persona + "'");
            // Stories may use an element's old id, as the register does after a rename.
            for (const auto& e : u.elements)
                if (!m_.findElement(e) && !aliasOf_.count(e)) return err(u.line, where + ".elements", "unknown element or flow '" + e + "'");
            for (const auto& rs : u.riskStories) {
                const std::string at = where + ".risk_stories." + rs.id;
                if (!validId(rs.id)) return err(rs.line, where + ".risk_stories.id", idReason(rs.id));
                if (!riskStories.insert(rs.id).second) return err(rs.line, at, "the risk story id is there twice");
                for (const auto& t : rs.threats) {
                    const auto slash = t.find('/');
                    if (slash == std::string::npos || slash == 0) return err(rs.line, at + ".threats", "'" + t + "' is not RULE/ELEMENT");
                    const std::string element = t.substr(slash + 1);
                    if (!m_.findElement(element) && !aliasOf_.count(element))
                        return err(rs.line, at + ".threats", "'" + t + "' names no element or flow of this model");
                }
            }
        }
        return {};
    }

    struct Declared {
        std::string what;
        int line = 0;
    };
    const Model& m_;
    std::map<std::string, Declared, std::less<>> kinds_;
    std::map<std::string, std::string, std::less<>> aliasOf_;
};

Result<Properties> readProperties(const YamlReader& r, const YAML::Node& n, const std::string& where, Element& e) {
    Properties out;
    if (!n || n.IsNull()) return out;
    if (!n.IsMap()) return r.at(n, where, "expected a mapping of property names to values");
    for (const auto& kv : n) {
        if (!kv.first.IsScalar()) return r.at(kv.first, where, "expected a property name");
        const std::string name = kv.first.Scalar();
        auto value = r.text(kv.second, where + "." + name);
        if (!value) return value.error();
        e.propertyLines[name] = YamlReader::lineOf(kv.second);
        out[name] = *value;
    }
    return out;
}

template <typename T, typename Fn>
Status readList(const YamlReader& r, const YAML::Node& root, const char* key, std::vector<T>& out, Fn&& readOne) {
    const YAML::Node list = root[key];
    if (!list || list.IsNull()) return {};
    if (!list.IsSequence()) return r.at(list, key, "expected a list");
    for (const auto& item : list) {
        if (!item.IsMap()) return r.at(item, key, "expected a mapping");
        if (out.size() >= kMaxItems) return r.at(item, key, "more than " + std::to_string(kMaxItems) + " entries");
        auto one = readOne(item);
        if (!one) return one.error();
        out.push_back(std::move(*one));
    }
    return {};
}

// "assets.<id>" once the id is known, "assets" before.
std::string placeOf(const char* section, const YAML::Node& item) {
    const YAML::Node id = item["id"];
    return id && id.IsScalar() ? std::string(section) + "." + id.Scalar() : std::string(section);
}

}  // namespace

const char* kindName(ElementKind kind) { return kKindNames[static_cast<std::size_t>(kind)]; }
std::optional<ElementKind> parseKind(std::string_view name) { return byName<ElementKind>(kKindNames, name); }
const char* boundaryKindName(BoundaryKind kind) { return kBoundaryKindNames[static_cast<std::size_t>(kind)]; }
std::optional<BoundaryKind> parseBoundaryKind(std::string_view name) { return byName<BoundaryKind>(kBoundaryKindNames, name); }
const char* confidentialityName(Confidentiality c) { return kConfidentialityNames[static_cast<std::size_t>(c)]; }
std::optional<Confidentiality> parseConfidentiality(std::string_view name) {
    return byName<Confidentiality>(kConfidentialityNames, name);
}
const char* ratingName(Rating r) { return kRatingNames[static_cast<std::size_t>(r)]; }
std::optional<Rating> parseRating(std::string_view name) { return byName<Rating>(kRatingNames, name); }
const char* personaKindName(PersonaKind kind) { return kPersonaKindNames[static_cast<std::size_t>(kind)]; }
std::optional<PersonaKind> parsePersonaKind(std::string_view name) { return byName<PersonaKind>(kPersonaKindNames, name); }

const Element* Model::findElement(std::string_view wanted) const {
    for (const auto* list : {&elements, &flows})
        for (const auto& e : *list)
            if (e.id == wanted) return &e;
    return nullptr;
}
int Element::lineOf(std::string_view field) const {
    const auto it = fieldLines.find(field);
    return it == fieldLines.end() ? line : it->second;
}

const Boundary* Model::findBoundary(std::string_view wanted) const {
    const auto it = std::find_if(boundaries.begin(), boundaries.end(), [&](const Boundary& b) { return b.id == wanted; });
    return it == boundaries.end() ? nullptr : &*it;
}
const Asset* Model::findAsset(std::string_view wanted) const {
    const auto it = std::find_if(assets.begin(), assets.end(), [&](const Asset& a) { return a.id == wanted; });
    return it == assets.end() ? nullptr : &*it;
}

Status validateModel(const Model& model) { return Validator(model).run(); }

Result<Model> parseModel(std::string_view yaml, const std::string& fileName) {
    const YamlReader r(fileName);
    auto loaded = r.load(yaml);
    if (!loaded) return loaded.error();
    const YAML::Node& root = *loaded;
    Model m;
    m.fileName = fileName;
    try {
        if (!root.IsMap()) return r.at(root, "", "expected a threat model (a mapping with vakt_threat_model: 1)");
        if (auto s = r.knownKeys(root, "", {"vakt_threat_model", "id", "title", "service", "description", "assets",
                                            "boundaries", "elements", "flows", "personas", "stories"});
            !s)
            return s.error();
        if (!root["vakt_threat_model"]) return r.at(root, "vakt_threat_model", "missing: a model file starts with 'vakt_threat_model: 1'");
        if (auto v = r.integer(root["vakt_threat_model"], "vakt_threat_model", 1, 1); !v) return v.error();
        auto id = r.required(root, "id", "");
        if (!id) return id.error();
        m.id = *id;
        for (auto [field, target] : {std::pair{"title", &m.title}, std::pair{"service", &m.service},
                                     std::pair{"description", &m.description}}) {
            auto s = r.optional(root, field, "");
            if (!s) return s.error();
            *target = *s;
        }
        if (m.title.empty()) m.title = m.id;

        auto readRating = [&](const YAML::Node& item, const char* key, const std::string& where, auto parse,
                              const auto& names, auto& target) -> Status {
            auto s = r.optional(item, key, where);
            if (!s) return s.error();
            if (s->empty()) return {};
            target = parse(*s);
            if (!target) return r.at(item[key], where + "." + key, "'" + *s + "' is not one of " + allOf(names));
            return {};
        };
        if (auto s = readList(r, root, "assets", m.assets, [&](const YAML::Node& item) -> Result<Asset> {
                const std::string where = placeOf("assets", item);
                if (auto k = r.knownKeys(item, where, {"id", "title", "confidentiality", "integrity", "availability", "aliases"}); !k)
                    return k.error();
                Asset a;
                a.line = YamlReader::lineOf(item);
                auto aid = r.required(item, "id", where);
                if (!aid) return aid.error();
                a.id = *aid;
                auto title = r.optional(item, "title", where);
                if (!title) return title.error();
                a.title = title->empty() ? a.id : *title;
                if (auto c = readRating(item, "confidentiality", where, parseConfidentiality, kConfidentialityNames, a.confidentiality); !c)
                    return c.error();
                if (auto c = readRating(item, "integrity", where, parseRating, kRatingNames, a.integrity); !c) return c.error();
                if (auto c = readRating(item, "availability", where, parseRating, kRatingNames, a.availability); !c) return c.error();
                auto aliases = r.texts(item["aliases"], where + ".aliases");
                if (!aliases) return aliases.error();
                a.aliases = std::move(*aliases);
                return a;
            });
            !s)
            return s.error();

        if (auto s = readList(r, root, "boundaries", m.boundaries, [&](const YAML::Node& item) -> Result<Boundary> {
                const std::string where = placeOf("boundaries", item);
                if (auto k = r.knownKeys(item, where, {"id", "title", "kind", "organisation", "parent", "aliases"}); !k)
                    return k.error();
                Boundary b;
                b.line = YamlReader::lineOf(item);
                auto bid = r.required(item, "id", where);
                if (!bid) return bid.error();
                b.id = *bid;
                auto kind = r.required(item, "kind", where);
                if (!kind) return kind.error();
                const auto parsed = parseBoundaryKind(*kind);
                if (!parsed) return r.at(item["kind"], where + ".kind", "'" + *kind + "' is not one of " + allOf(kBoundaryKindNames));
                b.kind = *parsed;
                for (auto [field, target] : {std::pair{"title", &b.title}, std::pair{"organisation", &b.organisation},
                                             std::pair{"parent", &b.parent}}) {
                    auto value = r.optional(item, field, where);
                    if (!value) return value.error();
                    *target = *value;
                }
                if (b.title.empty()) b.title = b.id;
                if (item["parent"]) b.parentLine = YamlReader::lineOf(item["parent"]);
                auto aliases = r.texts(item["aliases"], where + ".aliases");
                if (!aliases) return aliases.error();
                b.aliases = std::move(*aliases);
                return b;
            });
            !s)
            return s.error();

        auto readElement = [&](const char* section, bool isFlow) {
            return [&r, section, isFlow](const YAML::Node& item) -> Result<Element> {
                const std::string where = placeOf(section, item);
                const auto keys = isFlow ? r.knownKeys(item, where, {"id", "title", "from", "to", "data", "aliases", "properties"})
                                         : r.knownKeys(item, where, {"id", "title", "kind", "boundary", "data", "aliases", "properties"});
                if (!keys) return keys.error();
                Element e;
                e.line = YamlReader::lineOf(item);
                auto eid = r.required(item, "id", where);
                if (!eid) return eid.error();
                e.id = *eid;
                if (isFlow) {
                    e.kind = ElementKind::Flow;
                    for (auto [field, target] : {std::pair{"from", &e.from}, std::pair{"to", &e.to}}) {
                        auto s = r.required(item, field, where);
                        if (!s) return s.error();
                        *target = *s;
                    }
                } else {
                    auto kind = r.required(item, "kind", where);
                    if (!kind) return kind.error();
                    const auto parsed = parseKind(*kind);
                    if (!parsed || *parsed == ElementKind::Flow)
                        return r.at(item["kind"], where + ".kind", "'" + *kind + "' is not one of external, process, store");
                    e.kind = *parsed;
                    auto boundary = r.optional(item, "boundary", where);
                    if (!boundary) return boundary.error();
                    e.boundary = *boundary;
                }
                for (const char* field : {"boundary", "from", "to", "data"})
                    if (item[field]) e.fieldLines[field] = YamlReader::lineOf(item[field]);
                auto title = r.optional(item, "title", where);
                if (!title) return title.error();
                e.title = title->empty() ? e.id : *title;
                auto data = r.texts(item["data"], where + ".data");
                if (!data) return data.error();
                e.data = std::move(*data);
                auto aliases = r.texts(item["aliases"], where + ".aliases");
                if (!aliases) return aliases.error();
                e.aliases = std::move(*aliases);
                auto props = readProperties(r, item["properties"], where + ".properties", e);
                if (!props) return props.error();
                e.properties = std::move(*props);
                return e;
            };
        };
        if (auto s = readList(r, root, "elements", m.elements, readElement("elements", false)); !s) return s.error();
        if (auto s = readList(r, root, "flows", m.flows, readElement("flows", true)); !s) return s.error();
        if (auto s = readList(r, root, "personas", m.personas, [&](const YAML::Node& item) -> Result<Persona> {
                const std::string where = placeOf("personas", item);
                if (auto k = r.knownKeys(item, where, {"id", "title", "kind", "description"}); !k) return k.error();
                Persona p;
                p.line = YamlReader::lineOf(item);
                auto pid = r.required(item, "id", where);
                if (!pid) return pid.error();
                p.id = *pid;
                auto kind = r.required(item, "kind", where);
                if (!kind) return kind.error();
                const auto parsed = parsePersonaKind(*kind);
                if (!parsed) return r.at(item["kind"], where + ".kind", "'" + *kind + "' is not one of " + allOf(kPersonaKindNames));
                p.kind = *parsed;
                for (auto [field, target] : {std::pair{"title", &p.title}, std::pair{"description", &p.description}}) {
                    auto value = r.optional(item, field, where);
                    if (!value) return value.error();
                    *target = *value;
                }
                if (p.title.empty()) p.title = p.id;
                return p;
            });
            !s)
            return s.error();
        if (auto s = readList(r, root, "stories", m.stories, [&](const YAML::Node& item) -> Result<UserStory> {
                const std::string where = placeOf("stories", item);
                if (auto k = r.knownKeys(item, where, {"id", "persona", "text", "elements", "risk_stories"}); !k) return k.error();
                UserStory u;
                u.line = YamlReader::lineOf(item);
                for (auto [field, target] : {std::pair{"id", &u.id}, std::pair{"persona", &u.persona}, std::pair{"text", &u.text}}) {
                    auto value = r.required(item, field, where);
                    if (!value) return value.error();
                    *target = *value;
                }
                auto elements = r.texts(item["elements"], where + ".elements");
                if (!elements) return elements.error();
                u.elements = std::move(*elements);
                if (auto s2 = readList(r, item, "risk_stories", u.riskStories, [&](const YAML::Node& sub) -> Result<RiskStory> {
                        const std::string at = where + "." + placeOf("risk_stories", sub);
                        if (auto k = r.knownKeys(sub, at, {"id", "text", "threats", "risks"}); !k) return k.error();
                        RiskStory rs;
                        rs.line = YamlReader::lineOf(sub);
                        for (auto [field, target] : {std::pair{"id", &rs.id}, std::pair{"text", &rs.text}}) {
                            auto value = r.required(sub, field, at);
                            if (!value) return value.error();
                            *target = *value;
                        }
                        auto threats = r.texts(sub["threats"], at + ".threats");
                        if (!threats) return threats.error();
                        rs.threats = std::move(*threats);
                        auto risks = r.texts(sub["risks"], at + ".risks");
                        if (!risks) return risks.error();
                        rs.risks = std::move(*risks);
                        return rs;
                    });
                    !s2)
                    return s2.error();
                return u;
            });
            !s)
            return s.error();
    } catch (const YAML::Exception& e) {
        return fail(fileName + ":" + std::to_string(e.mark.is_null() ? 0 : e.mark.line + 1) + ": " + e.msg);
    }
    if (auto s = validateModel(m); !s) return s.error();
    return m;
}

}  // namespace vakt::risk
