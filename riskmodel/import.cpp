#include "riskmodel/import.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <utility>

#include "core/base/json.h"
#include "riskmodel/properties.h"
#include "riskmodel/yaml_reader.h"

namespace vakt::risk {

namespace {

// Bounds for hostile input: far more than any drawn model has, so a file cannot make the
// import's work or its list of notes grow without end.
constexpr std::size_t kMaxInputBytes = 16u * 1024u * 1024u;
constexpr std::size_t kMaxItems = 20000;   // entries of one section, cells of one diagram
constexpr std::size_t kMaxNotes = 5000;    // unmapped lines kept; the rest are counted
constexpr std::size_t kMaxIdLength = 64;   // ids made from names stay readable (Vakt allows 120)
constexpr std::size_t kMaxBoxes = 1000;    // trust boundary boxes of one diagram
constexpr std::size_t kMaxRefs = 1000000;  // ids in Threagile's lists, which aliases can repeat
constexpr int kMaxYamlDepth = 64;

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// Text on one line: titles in diagrams often break lines ("Web\nApplication").
std::string oneLine(std::string_view s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

// The same rule as validateModel (model.cpp): [a-z0-9][a-z0-9._-]*, at most 120.
bool validId(std::string_view id) {
    if (id.empty() || id.size() > 120) return false;
    if (!((id[0] >= 'a' && id[0] <= 'z') || (id[0] >= '0' && id[0] <= '9'))) return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    });
}

// The second byte of a two-byte UTF-8 Latin-1 letter (after 0xC3), spelt in ASCII, so
// "Saksbehandling for barnevern og økonomi" gives a readable id.
const char* latinLetter(unsigned char b) {
    if (b == 0x86 || b == 0xA6) return "ae";
    if (b == 0x9F) return "ss";
    const unsigned char c = b >= 0xA0 ? static_cast<unsigned char>(b - 0x20) : b;  // lower case to upper
    if (c >= 0x80 && c <= 0x85) return "a";
    if (c == 0x87) return "c";
    if (c >= 0x88 && c <= 0x8B) return "e";
    if (c >= 0x8C && c <= 0x8F) return "i";
    if (c == 0x91) return "n";
    if ((c >= 0x92 && c <= 0x96) || c == 0x98) return "o";
    if (c >= 0x99 && c <= 0x9C) return "u";
    if (c == 0x9D || c == 0x9F) return "y";
    return nullptr;
}

// An id from a name: lower-case letters and digits, everything else one '-'.
std::string slug(std::string_view name) {
    std::string out;
    bool dash = false;
    auto put = [&](std::string_view piece) {
        if (dash && !out.empty()) out += '-';
        dash = false;
        out += piece;
    };
    for (std::size_t i = 0; i < name.size() && out.size() <= kMaxIdLength; ++i) {
        const auto c = static_cast<unsigned char>(name[i]);
        if (c >= 'A' && c <= 'Z') {
            put(std::string(1, static_cast<char>(c - 'A' + 'a')));
        } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            put(std::string(1, static_cast<char>(c)));
        } else if (c == 0xC3 && i + 1 < name.size()) {
            const char* spelt = latinLetter(static_cast<unsigned char>(name[++i]));
            if (spelt) put(spelt);
            else dash = true;
        } else {
            dash = true;
        }
    }
    if (out.size() > kMaxIdLength) out.resize(kMaxIdLength);
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

std::vector<std::string> tokens(std::string_view s) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : lower(s)) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            cur += c;
        } else if (!cur.empty()) {
            out.push_back(std::move(cur));
            cur.clear();
        }
    }
    if (!cur.empty()) out.push_back(std::move(cur));
    return out;
}

template <typename List>
bool hasAnyOf(const std::vector<std::string>& words, const List& wanted) {
    return std::any_of(words.begin(), words.end(),
                       [&](const std::string& w) { return std::find(wanted.begin(), wanted.end(), w) != wanted.end(); });
}
bool hasAny(const std::vector<std::string>& words, std::initializer_list<std::string_view> wanted) { return hasAnyOf(words, wanted); }

// A boundary's kind from its name or type, the only hint Threat Dragon and OTM give. OTM's
// trust rating (0-100) decides when the name does not: its own example rates the internet 20.
BoundaryKind zoneKind(std::string_view text, std::optional<double> trustRating = std::nullopt) {
    const auto words = tokens(text);
    if (hasAny(words, {"internet", "www"})) return BoundaryKind::Internet;
    if (hasAny(words, {"cloud", "aws", "azure", "gcp"})) return BoundaryKind::Cloud;
    if (hasAny(words, {"network", "net", "lan", "vlan", "subnet", "vpc", "vnet", "dmz"})) return BoundaryKind::Network;
    if (trustRating && *trustRating <= 20) return BoundaryKind::Internet;
    return BoundaryKind::Zone;
}

// A protocol written free-form ("HTTP/S", "HTTPS") as one of Vakt's, or empty when none fits.
std::string protocolFromText(std::string_view text) {
    const std::string t = lower(oneLine(text));
    const PropertySpec* spec = findProperty("protocol");
    if (spec && choiceRank(*spec, t) >= 0) return t;
    static const std::pair<std::string_view, std::string_view> kAliases[] = {
        {"http/s", "https"}, {"http(s)", "https"}, {"https/tls", "https"}, {"http over tls", "https"}, {"wss", "https"},
        {"ws", "http"},      {"scp", "ssh"},       {"grpcs", "grpc-tls"}, {"ldap/s", "ldaps"},       {"smtp/tls", "smtps"},
        {"amqp/tls", "amqps"}, {"file", "local"},
    };
    for (const auto& [from, to] : kAliases)
        if (t == from) return std::string(to);
    return {};
}

void setProperty(Element& e, const std::string& name, const std::string& value, int line) {
    e.properties[name] = value;
    e.propertyLines[name] = line;
}
void setFlag(Element& e, const std::string& name, bool value, int line) { setProperty(e, name, value ? "true" : "false", line); }

// Duplicates are removed once at the end (dedupe), so a file of long lists costs no more than
// reading them.
void addData(Element& e, const std::string& asset) { e.data.push_back(asset); }

void dedupe(std::vector<std::string>& list) {
    std::set<std::string, std::less<>> seen;
    list.erase(std::remove_if(list.begin(), list.end(), [&](const std::string& s) { return !seen.insert(s).second; }), list.end());
}

// What every importer shares: the model being built, unique ids, and the unmapped list.
class Builder {
public:
    explicit Builder(const std::string& fileName) : file_(fileName) { out.model.fileName = fileName; }

    ImportResult out;

    const std::string& file() const { return file_; }
    std::string at(int line) const { return file_ + ":" + std::to_string(std::max(line, 1)) + ": "; }
    Error error(int line, const std::string& field, const std::string& why) const {
        return fail(at(line) + "field '" + field + "': " + why);
    }

    void note(int line, const std::string& what) {
        if (out.unmapped.size() < kMaxNotes) out.unmapped.push_back(at(line) + what);
        else ++dropped_;
    }
    // A field dropped in many places gets one line with its count and its first place.
    void tally(const std::string& what, int line, const std::string& unit, const std::string& why) {
        auto it = std::find_if(tallies_.begin(), tallies_.end(), [&](const Tally& t) { return t.what == what; });
        if (it == tallies_.end()) tallies_.push_back({what, unit, why, line, 1});
        else ++it->count;
    }

    // An id from the name (or the fallback when the name has no letters), unique in the model.
    std::string newId(std::string_view name, std::string_view fallback) {
        std::string base = slug(name);
        if (base.empty()) base = slug(fallback);
        if (base.empty()) base = "item";
        if (used_.insert(base).second) return base;
        int& n = next_[base];
        n = std::max(n, 2);
        for (;; ++n) {
            const std::string suffix = "-" + std::to_string(n);
            std::string candidate = base.substr(0, kMaxIdLength - suffix.size());
            while (candidate.back() == '-') candidate.pop_back();  // base starts with a letter or digit
            candidate += suffix;
            if (used_.insert(candidate).second) return candidate;
        }
    }
    // The tool's own id stays as an alias when Vakt accepts it, so a later import of the same
    // file, or a rename in the tool, still finds the element and its decisions.
    void alias(std::vector<std::string>& aliases, const std::string& id, const std::string& original) {
        if (original == id || !validId(original) || !used_.insert(original).second) return;
        aliases.push_back(original);
    }

    // The boundary for what sits on the internet; made when first needed.
    std::string internet(int line) {
        if (internet_.empty()) {
            Boundary b;
            b.id = internet_ = newId("internet", "internet");
            b.title = "Internet";
            b.kind = BoundaryKind::Internet;
            b.line = line;
            out.model.boundaries.push_back(std::move(b));
        }
        return internet_;
    }

    Result<ImportResult> finish() {
        for (const auto& t : tallies_)
            note(t.line, t.what + " (" + std::to_string(t.count) + " " + t.unit + ", the first here): " + t.why);
        if (dropped_ > 0) out.unmapped.push_back(at(1) + std::to_string(dropped_) + " more not listed");
        for (auto* list : {&out.model.elements, &out.model.flows})
            for (auto& e : *list) dedupe(e.data);
        if (auto s = validateModel(out.model); !s) return s.error();
        return std::move(out);
    }

private:
    struct Tally {
        std::string what, unit, why;
        int line = 0;
        int count = 0;
    };
    std::string file_;
    std::set<std::string, std::less<>> used_;
    std::map<std::string, int, std::less<>> next_;
    std::vector<Tally> tallies_;
    std::string internet_;
    std::size_t dropped_ = 0;
};

// ---------------------------------------------------------------------------------------------
// Threagile

struct Ref {
    std::string id;
    int line = 0;
};

// Threagile technologies with a Vakt counterpart; the rest become "other" with a note.
constexpr std::pair<std::string_view, std::string_view> kThreagileTechnology[] = {
    {"browser", "browser"},
    {"mobile-app", "mobile-app"},
    {"web-server", "web-application"},
    {"web-application", "web-application"},
    {"application-server", "web-application"},
    {"cms", "web-application"},
    {"web-service-rest", "api"},
    {"web-service-soap", "api"},
    {"ejb", "api"},
    {"erp", "fagsystem"},
    {"database", "database"},
    {"identity-store-database", "database"},
    {"file-server", "file-storage"},
    {"local-file-system", "file-storage"},
    {"block-storage", "file-storage"},
    {"data-lake", "object-storage"},
    {"search-index", "search-index"},
    {"search-engine", "search-index"},
    {"reverse-proxy", "reverse-proxy"},
    {"load-balancer", "reverse-proxy"},
    {"gateway", "gateway"},
    {"waf", "waf"},
    {"identity-provider", "identity-provider"},
    {"ldap-server", "directory"},
    {"identity-store-ldap", "directory"},
    {"build-pipeline", "ci-cd"},
    {"sourcecode-repository", "ci-cd"},
    {"artifact-registry", "ci-cd"},
    {"code-inspection-platform", "ci-cd"},
    {"monitoring", "monitoring"},
    {"batch-processing", "batch"},
    {"scheduler", "batch"},
    {"task", "batch"},
    {"message-queue", "message-queue"},
    {"stream-processing", "message-queue"},
    {"mail-server", "email"},
    {"vault", "vault"},
    {"hsm", "vault"},
};

// Threagile protocols with a Vakt counterpart. Those not listed become "other", encrypted when
// their name says so ("binary-encrypted", "smb-encrypted").
constexpr std::pair<std::string_view, std::string_view> kThreagileProtocol[] = {
    {"http", "http"},
    {"https", "https"},
    {"ws", "http"},
    {"wss", "https"},
    {"reverse-proxy-web-protocol", "http"},
    {"reverse-proxy-web-protocol-encrypted", "https"},
    {"jdbc", "jdbc"},
    {"jdbc-encrypted", "jdbc-tls"},
    {"ssh", "ssh"},
    {"ssh-tunnel", "ssh"},
    {"scp", "ssh"},
    {"sftp", "sftp"},
    {"ftp", "ftp"},
    {"smtp", "smtp"},
    {"smtp-encrypted", "smtps"},
    {"ldap", "ldap"},
    {"ldaps", "ldaps"},
    {"local-file-access", "local"},
    {"in-process-library-call", "local"},
    {"in-memory", "local"},
    {"container-spawning", "local"},
};

std::string_view lookup(const auto& table, std::string_view key) {
    for (const auto& [from, to] : table)
        if (from == key) return to;
    return {};
}

std::optional<Confidentiality> threagileConfidentiality(std::string_view v) {
    if (v == "public") return Confidentiality::Public;
    if (v == "internal") return Confidentiality::Internal;
    if (v == "restricted") return Confidentiality::Personal;
    if (v == "confidential") return Confidentiality::Special;
    if (v == "strictly-confidential") return Confidentiality::StrengtFortrolig;
    return std::nullopt;
}

std::optional<Rating> threagileRating(std::string_view v) {
    if (v == "archive") return Rating::Low;
    if (v == "operational") return Rating::Medium;
    if (v == "important") return Rating::High;
    if (v == "critical" || v == "mission-critical") return Rating::Critical;
    return std::nullopt;
}

class ThreagileImport {
public:
    explicit ThreagileImport(const std::string& fileName) : r_(fileName), b_(fileName) {}

    Result<ImportResult> run(std::string_view text) {
        auto loaded = r_.load(text);
        if (!loaded) return loaded.error();
        const YAML::Node& root = *loaded;
        try {
            if (!root.IsMap() || !root["threagile_version"])
                return err(root, "threagile_version", "missing: not a Threagile model");
            if (auto s = readModel(root); !s) return s.error();
            if (auto s = readDataAssets(root); !s) return s.error();
            if (auto s = readTechnicalAssets(root); !s) return s.error();
            if (auto s = readTrustBoundaries(root); !s) return s.error();
            placeOnInternet();
            if (auto s = readLinks(); !s) return s.error();
            if (auto s = noteOtherSections(root); !s) return s.error();
        } catch (const YAML::Exception& e) {
            return fail(b_.file() + ":" + std::to_string(e.mark.is_null() ? 1 : e.mark.line + 1) + ": " + e.msg);
        }
        for (const auto& e : b_.out.model.elements)
            if (e.boundary.empty()) b_.note(e.line, "technical asset '" + e.title + "' is in no trust boundary: its boundary is unknown");
        return b_.finish();
    }

private:
    struct Tech {
        YAML::Node node;
        std::string where;
        bool outOfScope = false;
        int internetLine = 0;  // set when internet: true
    };

    YamlReader r_;
    Builder b_;
    std::map<std::string, std::string, std::less<>> assets_;       // Threagile id -> Vakt id
    std::map<std::string, std::size_t, std::less<>> techById_;     // Threagile id -> index in elements
    std::map<std::string, std::size_t, std::less<>> boundaryById_;  // Threagile id -> index in boundaries
    std::vector<Tech> techs_;                                       // beside model.elements
    int mergeBudget_ = 0;
    std::size_t refBudget_ = kMaxRefs;

    static int lineOf(const YAML::Node& n) { return n.IsDefined() ? std::max(YamlReader::lineOf(n), 1) : 1; }
    Error err(const YAML::Node& n, const std::string& field, const std::string& why) const {
        return r_.atLine(lineOf(n), field, why);
    }
    static bool present(const YAML::Node& n) { return n.IsDefined() && !n.IsNull(); }

    // The value of key in a mapping, following YAML merge keys ("<<: *anchor"), which yaml-cpp
    // leaves to its reader and Threagile's own example uses for its data assets. Undefined when
    // absent. The budget bounds the lookups a file of nested merges can cause.
    YAML::Node field(const YAML::Node& map, const std::string& key) {
        mergeBudget_ = 32;
        return fieldIn(map, key, 0);
    }
    YAML::Node fieldIn(const YAML::Node& map, const std::string& key, int depth) {
        if (!map.IsDefined() || !map.IsMap()) return YAML::Node(YAML::NodeType::Undefined);
        const YAML::Node direct = map[key];
        if (direct.IsDefined()) return direct;
        const YAML::Node merge = map["<<"];
        if (!merge.IsDefined() || depth >= 4 || --mergeBudget_ < 0) return YAML::Node(YAML::NodeType::Undefined);
        if (merge.IsMap()) return fieldIn(merge, key, depth + 1);
        if (merge.IsSequence())
            for (const auto& base : merge) {
                const YAML::Node found = fieldIn(base, key, depth + 1);
                if (found.IsDefined()) return found;
            }
        return YAML::Node(YAML::NodeType::Undefined);
    }

    Result<std::string> text(const YAML::Node& map, const std::string& key, const std::string& where) {
        const YAML::Node n = field(map, key);
        if (!present(n)) return std::string();
        if (!n.IsScalar()) return err(n, where + "." + key, "expected a text value");
        return n.Scalar();
    }
    Result<std::string> required(const YAML::Node& map, const std::string& key, const std::string& where) {
        auto s = text(map, key, where);
        if (s && s->empty()) return err(map, where + "." + key, "missing");
        return s;
    }
    Result<std::optional<bool>> flag(const YAML::Node& map, const std::string& key, const std::string& where) {
        const YAML::Node n = field(map, key);
        if (!present(n)) return std::optional<bool>();
        if (n.IsScalar()) {
            const std::string v = lower(n.Scalar());
            if (v == "true") return std::optional<bool>(true);
            if (v == "false") return std::optional<bool>(false);
        }
        return err(n, where + "." + key, "expected true or false");
    }
    Result<std::vector<Ref>> refs(const YAML::Node& map, const std::string& key, const std::string& where) {
        const YAML::Node n = field(map, key);
        std::vector<Ref> out;
        if (!present(n)) return out;
        if (!n.IsSequence()) return err(n, where + "." + key, "expected a list of ids");
        for (const auto& item : n) {
            if (!item.IsScalar()) return err(item, where + "." + key, "expected an id");
            if (out.size() >= kMaxItems) return err(item, where + "." + key, "more than " + std::to_string(kMaxItems) + " entries");
            if (refBudget_ == 0) return err(item, where + "." + key, "more references than a Threagile model has");
            --refBudget_;
            out.push_back({item.Scalar(), lineOf(item)});
        }
        return out;
    }
    // A section that maps names to objects (data_assets, technical_assets ...); calls one(name, node, line).
    template <typename Fn>
    Status eachNamed(const YAML::Node& section, const std::string& where, Fn&& one) {
        if (!present(section)) return {};
        if (!section.IsMap()) return err(section, where, "expected a mapping of names to entries");
        std::size_t count = 0;
        for (const auto& kv : section) {
            if (!kv.first.IsScalar()) return err(kv.first, where, "expected a name");
            if (++count > kMaxItems) return err(kv.first, where, "more than " + std::to_string(kMaxItems) + " entries");
            const std::string name = kv.first.Scalar();
            if (!kv.second.IsMap()) return err(kv.second, where + "." + name, "expected a mapping");
            if (auto s = one(name, kv.second, lineOf(kv.first)); !s) return s;
        }
        return {};
    }

    Status readModel(const YAML::Node& root) {
        Model& m = b_.out.model;
        auto title = text(root, "title", "");
        if (!title) return title.error();
        m.title = title->empty() ? "Threagile model" : oneLine(*title);
        m.id = slug(m.title);
        if (m.id.empty()) m.id = "threagile-model";
        const YAML::Node overview = field(root, "business_overview");
        if (present(overview) && overview.IsMap()) {
            auto description = text(overview, "description", "business_overview");
            if (!description) return description.error();
            m.description = *description;
        }
        auto version = text(root, "threagile_version", "");
        if (!version) return version.error();
        if (version->rfind("1.", 0) != 0) b_.note(lineOf(root["threagile_version"]), "threagile_version " + *version + ": read as 1.x");
        return {};
    }

    Status readDataAssets(const YAML::Node& root) {
        return eachNamed(field(root, "data_assets"), "data_assets", [&](const std::string& name, const YAML::Node& n, int line) -> Status {
            const std::string where = "data_assets." + name;
            auto id = required(n, "id", where);
            if (!id) return id.error();
            if (assets_.count(*id)) return err(field(n, "id"), where + ".id", "'" + *id + "' is the id of another data asset");
            Asset a;
            a.title = oneLine(name);
            a.line = line;
            a.id = b_.newId(name, *id);
            b_.alias(a.aliases, a.id, *id);
            auto c = text(n, "confidentiality", where);
            if (!c) return c.error();
            a.confidentiality = threagileConfidentiality(*c);
            if (!a.confidentiality) {
                // Vakt needs a confidentiality to rate anything that touches the asset.
                a.confidentiality = Confidentiality::Internal;
                b_.note(c->empty() ? line : lineOf(field(n, "confidentiality")),
                        "data asset '" + name + "': confidentiality '" + *c + "' is not a Threagile value; set to internal, check it");
            }
            for (auto [key, target] : {std::pair{"integrity", &a.integrity}, std::pair{"availability", &a.availability}}) {
                auto v = text(n, key, where);
                if (!v) return v.error();
                if (v->empty()) continue;
                *target = threagileRating(*v);
                if (!*target) b_.note(lineOf(field(n, key)), "data asset '" + name + "': " + key + " '" + *v + "' is not a Threagile value; left unset");
            }
            assets_[*id] = a.id;
            b_.out.model.assets.push_back(std::move(a));
            return {};
        });
    }

    // Threagile data asset ids as Vakt's; an unknown one is a broken file.
    Status addAssets(Element& e, const std::vector<Ref>& refs, const std::string& field) {
        for (const auto& ref : refs) {
            const auto it = assets_.find(ref.id);
            if (it == assets_.end()) return r_.atLine(ref.line, field, "unknown data asset '" + ref.id + "'");
            addData(e, it->second);
            if (!e.fieldLines.count("data")) e.fieldLines["data"] = ref.line;
        }
        return {};
    }

    Status readTechnicalAssets(const YAML::Node& root) {
        return eachNamed(field(root, "technical_assets"), "technical_assets", [&](const std::string& name, const YAML::Node& n, int line) -> Status {
            const std::string where = "technical_assets." + name;
            auto id = required(n, "id", where);
            if (!id) return id.error();
            if (techById_.count(*id)) return err(field(n, "id"), where + ".id", "'" + *id + "' is the id of another technical asset");
            auto type = required(n, "type", where);
            if (!type) return type.error();
            Element e;
            if (*type == "external-entity") e.kind = ElementKind::External;
            else if (*type == "process") e.kind = ElementKind::Process;
            else if (*type == "datastore") e.kind = ElementKind::Store;
            else return err(field(n, "type"), where + ".type", "'" + *type + "' is not one of external-entity, process, datastore");
            e.title = oneLine(name);
            e.line = line;
            e.id = b_.newId(name, *id);
            b_.alias(e.aliases, e.id, *id);
            Tech t{n, where};

            auto technology = text(n, "technology", where);
            if (!technology) return technology.error();
            if (!technology->empty()) {
                const int at = lineOf(field(n, "technology"));
                const std::string_view mapped = lookup(kThreagileTechnology, *technology);
                if (!mapped.empty()) {
                    setProperty(e, "technology", std::string(mapped), at);
                } else if (*technology == "unknown-technology") {
                    b_.note(at, "technical asset '" + name + "': technology unknown-technology left unset");
                } else {
                    setProperty(e, "technology", "other", at);
                    b_.note(at, "technical asset '" + name + "': technology '" + *technology + "' has no Vakt counterpart; set to other");
                }
            }
            for (auto [key, property] : {std::pair{"multi_tenant", "multi_tenant"}, std::pair{"redundant", "redundant"},
                                         std::pair{"custom_developed_parts", "custom_developed"}}) {
                auto v = flag(n, key, where);
                if (!v) return v.error();
                if (*v) setFlag(e, property, **v, lineOf(field(n, key)));
            }
            auto human = flag(n, "used_as_client_by_human", where);
            if (!human) return human.error();
            if (*human && e.kind == ElementKind::External) setFlag(e, "human", **human, lineOf(field(n, "used_as_client_by_human")));
            else if (*human && **human)
                b_.note(lineOf(field(n, "used_as_client_by_human")),
                        "technical asset '" + name + "': used_as_client_by_human not mapped: Vakt's 'human' is for external entities");
            auto outOfScope = flag(n, "out_of_scope", where);
            if (!outOfScope) return outOfScope.error();
            t.outOfScope = outOfScope->value_or(false);
            if (t.outOfScope && e.kind != ElementKind::External)
                b_.note(lineOf(field(n, "out_of_scope")), "technical asset '" + name + "': out_of_scope not mapped: Vakt analyses every element of a model");
            auto internet = flag(n, "internet", where);
            if (!internet) return internet.error();
            if (internet->value_or(false)) t.internetLine = lineOf(field(n, "internet"));

            auto processed = refs(n, "data_assets_processed", where);
            if (!processed) return processed.error();
            auto stored = refs(n, "data_assets_stored", where);
            if (!stored) return stored.error();
            if (auto s = addAssets(e, *processed, where + ".data_assets_processed"); !s) return s;
            if (auto s = addAssets(e, *stored, where + ".data_assets_stored"); !s) return s;

            // Encryption at rest is only a fact about what keeps data.
            auto encryption = text(n, "encryption", where);
            if (!encryption) return encryption.error();
            if (!encryption->empty() && (e.kind == ElementKind::Store || !stored->empty())) {
                const int at = lineOf(field(n, "encryption"));
                if (*encryption == "none") setFlag(e, "encryption_at_rest", false, at);
                else if (*encryption == "transparent" || encryption->rfind("data-with-", 0) == 0) setFlag(e, "encryption_at_rest", true, at);
                else b_.note(at, "technical asset '" + name + "': encryption '" + *encryption + "' is not a Threagile value; left unset");
            }

            auto formats = refs(n, "data_formats_accepted", where);
            if (!formats) return formats.error();
            for (const auto& f : *formats) {
                if (f.id == "xml") setFlag(e, "parses_xml", true, f.line);
                else if (f.id == "file") setFlag(e, "file_upload", true, f.line);
                else if (f.id == "serialization")
                    b_.note(f.line, "technical asset '" + name + "': accepts serialized objects; Vakt has no property for deserialisation");
            }
            for (const char* key : {"confidentiality", "integrity", "availability"}) {
                const YAML::Node rating = field(n, key);
                if (!present(rating)) continue;
                b_.tally("confidentiality, integrity and availability of technical assets not mapped", lineOf(rating), "assets",
                         "Vakt rates an element by the data it touches");
                break;
            }

            techById_[*id] = b_.out.model.elements.size();
            techs_.push_back(std::move(t));
            b_.out.model.elements.push_back(std::move(e));
            return {};
        });
    }

    Status readTrustBoundaries(const YAML::Node& root) {
        Model& m = b_.out.model;
        const YAML::Node section = field(root, "trust_boundaries");
        struct Read {
            YAML::Node node;
            std::string where;
            std::size_t index;  // in model.boundaries
        };
        std::vector<Read> read;
        // First every boundary, so nesting may name one further down.
        auto s = eachNamed(section, "trust_boundaries", [&](const std::string& name, const YAML::Node& n, int line) -> Status {
            const std::string where = "trust_boundaries." + name;
            auto id = required(n, "id", where);
            if (!id) return id.error();
            if (boundaryById_.count(*id)) return err(field(n, "id"), where + ".id", "'" + *id + "' is the id of another trust boundary");
            auto type = text(n, "type", where);
            if (!type) return type.error();
            Boundary bd;
            bd.title = oneLine(name);
            bd.line = line;
            bd.id = b_.newId(name, *id);
            b_.alias(bd.aliases, bd.id, *id);
            if (*type == "network-cloud-provider") bd.kind = BoundaryKind::Cloud;
            else if (type->rfind("network-", 0) == 0 && *type != "network-policy-namespace-isolation") bd.kind = BoundaryKind::Network;
            else if (*type == "execution-environment" || *type == "network-policy-namespace-isolation") bd.kind = BoundaryKind::Zone;
            else if (!type->empty())
                b_.note(lineOf(field(n, "type")), "trust boundary '" + name + "': type '" + *type + "' is not a Threagile value; read as a zone");
            boundaryById_[*id] = m.boundaries.size();
            read.push_back({n, where, m.boundaries.size()});
            m.boundaries.push_back(std::move(bd));
            return {};
        });
        if (!s) return s;
        for (const auto& [n, where, i] : read) {
            const std::string title = m.boundaries[i].title;
            auto inside = refs(n, "technical_assets_inside", where);
            if (!inside) return inside.error();
            for (const auto& ref : *inside) {
                const auto it = techById_.find(ref.id);
                if (it == techById_.end()) return r_.atLine(ref.line, where + ".technical_assets_inside", "unknown technical asset '" + ref.id + "'");
                Element& e = m.elements[it->second];
                if (e.boundary.empty()) {
                    e.boundary = m.boundaries[i].id;
                    e.fieldLines["boundary"] = ref.line;
                } else if (e.boundary != m.boundaries[i].id) {
                    b_.note(ref.line, "technical asset '" + e.title + "' is also inside '" + title + "'; Vakt keeps it in its first boundary only");
                }
            }
            auto nested = refs(n, "trust_boundaries_nested", where);
            if (!nested) return nested.error();
            for (const auto& ref : *nested) {
                const auto it = boundaryById_.find(ref.id);
                if (it == boundaryById_.end()) return r_.atLine(ref.line, where + ".trust_boundaries_nested", "unknown trust boundary '" + ref.id + "'");
                Boundary& child = m.boundaries[it->second];
                if (child.parent.empty()) {
                    child.parent = m.boundaries[i].id;
                    child.parentLine = ref.line;
                } else if (child.parent != m.boundaries[i].id) {
                    b_.note(ref.line, "trust boundary '" + child.title + "' is also nested in '" + title + "'; Vakt keeps its first parent only");
                }
            }
        }
        return {};
    }

    // Threagile has no internet boundary, only a flag. What is outside the system and on the
    // internet goes into one; what is ours and reachable from there is internet-facing.
    void placeOnInternet() {
        for (std::size_t i = 0; i < techs_.size(); ++i) {
            if (techs_[i].internetLine == 0) continue;
            Element& e = b_.out.model.elements[i];
            if (e.boundary.empty() && (e.kind == ElementKind::External || techs_[i].outOfScope)) {
                e.boundary = b_.internet(techs_[i].internetLine);
                e.fieldLines["boundary"] = techs_[i].internetLine;
            } else {
                setFlag(e, "internet_facing", true, techs_[i].internetLine);
            }
        }
    }

    Status readLinks() {
        Model& m = b_.out.model;
        for (std::size_t i = 0; i < techs_.size(); ++i) {
            const std::string where = techs_[i].where + ".communication_links";
            const YAML::Node links = field(techs_[i].node, "communication_links");
            auto s = eachNamed(links, where, [&](const std::string& name, const YAML::Node& n, int line) -> Status {
                const std::string at = where + "." + name;
                auto target = required(n, "target", at);
                if (!target) return target.error();
                const int targetLine = lineOf(field(n, "target"));
                const auto it = techById_.find(*target);
                if (it == techById_.end()) return r_.atLine(targetLine, at + ".target", "unknown technical asset '" + *target + "'");
                const Element& from = m.elements[i];
                const Element& to = m.elements[it->second];
                if (it->second == i) {
                    b_.note(line, "communication link '" + name + "' of '" + from.title + "' not mapped: it leads to the asset itself");
                    return {};
                }
                Element f;
                f.kind = ElementKind::Flow;
                f.title = oneLine(name);
                f.line = line;
                f.id = b_.newId(name, from.id + "-to-" + to.id);
                f.from = from.id;
                f.to = to.id;
                f.fieldLines["from"] = line;
                f.fieldLines["to"] = targetLine;

                auto protocol = text(n, "protocol", at);
                if (!protocol) return protocol.error();
                std::string vaktProtocol;
                if (!protocol->empty()) {
                    const int pl = lineOf(field(n, "protocol"));
                    vaktProtocol = std::string(lookup(kThreagileProtocol, *protocol));
                    if (!vaktProtocol.empty()) {
                        setProperty(f, "protocol", vaktProtocol, pl);
                    } else if (*protocol == "unknown-protocol") {
                        b_.note(pl, "communication link '" + name + "': protocol unknown-protocol left unset");
                    } else {
                        vaktProtocol = "other";
                        setProperty(f, "protocol", "other", pl);
                        const bool encrypted = protocol->size() > 10 && protocol->ends_with("-encrypted");
                        if (encrypted || *protocol == "ftps") setFlag(f, "encrypted", true, pl);
                        b_.note(pl, "communication link '" + name + "': protocol '" + *protocol + "' has no Vakt counterpart; set to other" +
                                        (encrypted || *protocol == "ftps" ? ", encrypted" : ""));
                    }
                }
                auto authentication = text(n, "authentication", at);
                if (!authentication) return authentication.error();
                if (!authentication->empty()) {
                    const int al = lineOf(field(n, "authentication"));
                    const std::string& a = *authentication;
                    if (a == "none") setProperty(f, "authentication", "none", al);
                    else if (a == "credentials") setProperty(f, "authentication", "password", al);
                    else if (a == "token") setProperty(f, "authentication", "oauth2", al);
                    else if (a == "client-certificate")
                        setProperty(f, "authentication", vaktProtocol == "https" || vaktProtocol == "grpc-tls" || vaktProtocol == "amqps" ? "mtls" : "certificate", al);
                    else if (a == "two-factor") {
                        setProperty(f, "authentication", "password", al);
                        b_.note(al, "communication link '" + name + "': the second factor of two-factor is not mapped; Vakt records it as mfa on '" +
                                        to.title + "' where every sign-in needs one");
                    } else if (a == "session-id") {
                        b_.note(al, "communication link '" + name + "': authentication session-id not mapped: it says a session exists, not how its user signed in");
                    } else if (a == "externalized") {
                        b_.note(al, "communication link '" + name + "': authentication externalized not mapped: Vakt needs the mechanism used elsewhere");
                    } else {
                        b_.note(al, "communication link '" + name + "': authentication '" + a + "' is not a Threagile value; left unset");
                    }
                }
                auto vpn = flag(n, "vpn", at);
                if (!vpn) return vpn.error();
                if (*vpn) setFlag(f, "vpn", **vpn, lineOf(field(n, "vpn")));
                auto sent = refs(n, "data_assets_sent", at);
                if (!sent) return sent.error();
                auto received = refs(n, "data_assets_received", at);
                if (!received) return received.error();
                if (auto st = addAssets(f, *sent, at + ".data_assets_sent"); !st) return st;
                if (auto st = addAssets(f, *received, at + ".data_assets_received"); !st) return st;

                if (present(field(n, "authorization")))
                    b_.tally("authorization of communication links not mapped", lineOf(field(n, "authorization")), "links",
                             "Vakt records how access is decided as the receiving element's property authorization");
                for (const char* key : {"readonly", "ip_filtered"}) {
                    auto v = flag(n, key, at);
                    if (!v) return v.error();
                    if (v->value_or(false))
                        b_.tally(std::string(key) + " of communication links not mapped", lineOf(field(n, key)), "links", "Vakt has no such property");
                }
                if (m.flows.size() >= kMaxItems) return r_.atLine(line, at, "more than " + std::to_string(kMaxItems) + " links");
                m.flows.push_back(std::move(f));
                return {};
            });
            if (!s) return s;
        }
        return {};
    }

    Status noteOtherSections(const YAML::Node& root) {
        auto s = eachNamed(field(root, "shared_runtimes"), "shared_runtimes", [&](const std::string& name, const YAML::Node& n, int line) -> Status {
            auto running = refs(n, "technical_assets_running", "shared_runtimes." + name);
            if (!running) return running.error();
            b_.note(line, "shared runtime '" + name + "' (" + std::to_string(running->size()) +
                              " technical assets) not mapped: Vakt has no shared runtimes; a zone boundary can stand for one");
            return {};
        });
        if (!s) return s;
        s = eachNamed(field(root, "individual_risk_categories"), "individual_risk_categories",
                      [&](const std::string& name, const YAML::Node& n, int line) -> Status {
                          const YAML::Node risks = field(n, "risks_identified");
                          const std::size_t count = present(risks) && risks.IsMap() ? risks.size() : 0;
                          b_.note(line, "risk category '" + name + "' (" + std::to_string(count) +
                                            " identified risks) not imported: Vakt derives threats from its rules");
                          return {};
                      });
        if (!s) return s;
        s = eachNamed(field(root, "risk_tracking"), "risk_tracking", [&](const std::string& name, const YAML::Node& n, int line) -> Status {
            auto status = text(n, "status", "risk_tracking." + name);
            if (!status) return status.error();
            b_.note(line, "risk tracking '" + name + "' (" + (status->empty() ? "no status" : *status) +
                              ") not imported: decisions about threats are made in Vakt's risk register");
            return {};
        });
        if (!s) return s;
        for (auto [key, what] : {std::pair{"abuse_cases", "abuse cases"}, std::pair{"security_requirements", "security requirements"},
                                 std::pair{"questions", "questions"}}) {
            const YAML::Node n = field(root, key);
            if (present(n) && (n.IsMap() || n.IsSequence()) && n.size() > 0)
                b_.note(lineOf(n), std::to_string(n.size()) + " " + what + " not mapped: a Vakt model has no " + what);
        }
        auto criticality = text(root, "business_criticality", "");
        if (!criticality) return criticality.error();
        if (!criticality->empty())
            b_.note(lineOf(field(root, "business_criticality")),
                    "business_criticality '" + *criticality + "' not mapped: Vakt rates the data assets, not the model");
        return {};
    }
};

// ---------------------------------------------------------------------------------------------
// JSON helpers for Threat Dragon and OTM

const json::Value* member(const json::Value* v, std::string_view key) { return v && v->isObject() ? v->find(key) : nullptr; }
const json::Value* member(const json::Value& v, std::string_view key) { return member(&v, key); }
std::string str(const json::Value* v) { return v && v->isString() ? v->text : std::string(); }
std::optional<bool> boolean(const json::Value* v) {
    if (v && v->isBool()) return v->boolean;
    return std::nullopt;
}
std::optional<double> number(const json::Value* v) {
    if (v && v->isNumber() && std::isfinite(v->number)) return v->number;
    return std::nullopt;
}
int lineOf(const json::Value* v, int fallback) { return v ? v->line : fallback; }
std::string index(const std::string& where, std::size_t i) { return where + "[" + std::to_string(i) + "]"; }

// ---------------------------------------------------------------------------------------------
// Threat Dragon 2

struct Rect {
    double x = 0, y = 0, w = 0, h = 0;
    bool contains(double px, double py) const { return px >= x && px <= x + w && py >= y && py <= y + h; }
    bool contains(const Rect& r) const { return r.x >= x && r.y >= y && r.x + r.w <= x + w && r.y + r.h <= y + h; }
    double area() const { return w * h; }
};

std::optional<Rect> rectOf(const json::Value& cell) {
    const json::Value* position = member(cell, "position");
    const json::Value* size = member(cell, "size");
    const auto x = number(member(position, "x")), y = number(member(position, "y"));
    const auto w = number(member(size, "width")), h = number(member(size, "height"));
    if (!x || !y || !w || !h || *w <= 0 || *h <= 0) return std::nullopt;
    return Rect{*x, *y, *w, *h};
}

class DragonImport {
public:
    explicit DragonImport(const std::string& fileName) : b_(fileName) {}

    Result<ImportResult> run(std::string_view text) {
        json::Limits limits;
        limits.maxBytes = kMaxInputBytes;
        auto parsed = json::parse(text, limits);
        if (!parsed) return fail(b_.file() + ":" + parsed.message());
        const json::Value& root = *parsed;
        const json::Value* diagrams = member(member(root, "detail"), "diagrams");
        if (!diagrams || !diagrams->isArray())
            return b_.error(root.line, "detail.diagrams", "missing: not a Threat Dragon model");
        Model& m = b_.out.model;
        const json::Value* summary = member(root, "summary");
        m.title = oneLine(str(member(summary, "title")));
        if (m.title.empty()) m.title = "Threat Dragon model";
        m.id = slug(m.title);
        if (m.id.empty()) m.id = "threat-dragon-model";
        m.description = str(member(summary, "description"));
        if (diagrams->items.size() > kMaxItems) return b_.error(diagrams->line, "detail.diagrams", "too many diagrams");
        for (std::size_t i = 0; i < diagrams->items.size(); ++i) {
            const json::Value& diagram = diagrams->items[i];
            const std::string where = index("detail.diagrams", i);
            if (!diagram.isObject()) return b_.error(diagram.line, where, "expected an object");
            if (const json::Value* v1 = member(diagram, "diagramJson"))
                return b_.error(v1->line, where + ".diagramJson", "a Threat Dragon 1 model: open it in Threat Dragon 2 and save it to convert it");
            const json::Value* cells = member(diagram, "cells");
            if (!cells) continue;
            if (!cells->isArray()) return b_.error(cells->line, where + ".cells", "expected a list");
            if (auto s = readDiagram(*cells, where + ".cells"); !s) return s.error();
        }
        placePublicEnds();
        for (const auto& e : m.elements)
            if (e.boundary.empty()) b_.note(e.line, "'" + e.title + "' is in no trust boundary box: its boundary is unknown");
        return b_.finish();
    }

private:
    enum class Kind { External, Process, Store, Flow, Box, Curve, Text, Unknown };
    struct Box {
        std::size_t boundary;
        Rect rect;
    };
    struct PublicFlow {
        std::size_t from, to;
        int line;
    };

    Builder b_;
    std::map<std::string, std::size_t, std::less<>> elementByCell_;  // cell id -> index in elements
    std::set<std::string, std::less<>> otherCells_;                  // boundaries, text: not a flow's end
    std::vector<PublicFlow> publicFlows_;

    static Kind kindOf(const std::string& type, const std::string& shape) {
        if (type == "tm.Actor") return Kind::External;
        if (type == "tm.Process") return Kind::Process;
        if (type == "tm.Store") return Kind::Store;
        if (type == "tm.Flow") return Kind::Flow;
        if (type == "tm.BoundaryBox") return Kind::Box;
        if (type == "tm.Text") return Kind::Text;
        if (shape == "actor") return Kind::External;
        if (shape == "process") return Kind::Process;
        if (shape == "store") return Kind::Store;
        if (shape == "flow") return Kind::Flow;
        if (shape == "td-text-block") return Kind::Text;
        // Early Threat Dragon 2 releases spelt it "trust-broundary-curve".
        if (shape.find("boundary") != std::string::npos || shape.find("broundary") != std::string::npos || type == "tm.Boundary")
            return shape.find("box") != std::string::npos ? Kind::Box : Kind::Curve;
        return Kind::Unknown;
    }

    // The name shown on a cell: its data, or the text drawn on it.
    static const json::Value* nameOf(const json::Value& cell) {
        const json::Value* attrs = member(cell, "attrs");
        const json::Value* labels = member(cell, "labels");
        const json::Value* label = labels && labels->isArray() && !labels->items.empty() ? &labels->items[0] : nullptr;
        for (const json::Value* v : {member(member(cell, "data"), "name"), member(member(attrs, "text"), "text"),
                                     member(member(attrs, "label"), "text"), member(member(member(label, "attrs"), "labelText"), "text"),
                                     member(member(member(label, "attrs"), "text"), "text")})
            if (v && v->isString() && !oneLine(v->text).empty()) return v;
        return nullptr;
    }

    void noteThreats(const json::Value* data, const std::string& name) {
        const json::Value* threats = member(data, "threats");
        if (!threats || !threats->isArray()) return;
        for (const auto& t : threats->items) {
            std::string what = oneLine(str(member(t, "title")));
            std::string detail;
            for (const char* key : {"type", "status", "severity"}) {
                const std::string v = oneLine(str(member(t, key)));
                if (!v.empty()) detail += (detail.empty() ? "" : ", ") + v;
            }
            b_.note(t.line, "threat '" + (what.empty() ? std::string("untitled") : what) + "'" + (detail.empty() ? "" : " (" + detail + ")") +
                                " on '" + name + "' not imported: Vakt derives threats from its rules");
        }
    }

    Status readDiagram(const json::Value& cells, const std::string& where) {
        Model& m = b_.out.model;
        if (cells.items.size() > kMaxItems) return b_.error(cells.line, where, "more than " + std::to_string(kMaxItems) + " cells");
        std::vector<Box> boxes;
        std::vector<std::pair<std::size_t, const json::Value*>> elements, flows;  // (cell index, cell)
        // Boundaries first: an element's boundary is the box it sits in, wherever the box comes.
        for (std::size_t i = 0; i < cells.items.size(); ++i) {
            const json::Value& cell = cells.items[i];
            if (!cell.isObject()) return b_.error(cell.line, index(where, i), "expected an object");
            const json::Value* data = member(cell, "data");
            const Kind kind = kindOf(str(member(data, "type")), str(member(cell, "shape")));
            const std::string id = str(member(cell, "id"));
            const json::Value* nameValue = nameOf(cell);
            const std::string name = nameValue ? oneLine(nameValue->text) : "";
            const int line = lineOf(nameValue, cell.line);
            noteThreats(data, name.empty() ? "cell " + id : name);
            switch (kind) {
                case Kind::External:
                case Kind::Process:
                case Kind::Store: elements.emplace_back(i, &cell); continue;
                case Kind::Flow: flows.emplace_back(i, &cell); continue;
                case Kind::Text: otherCells_.insert(id); continue;
                case Kind::Curve:
                    otherCells_.insert(id);
                    b_.note(line, "trust boundary curve" + (name.empty() ? "" : " '" + name + "'") +
                                      " not mapped: a curve does not say which side is inside; draw a trust boundary box around what it holds");
                    continue;
                case Kind::Unknown:
                    otherCells_.insert(id);
                    b_.note(line, "cell" + (name.empty() ? "" : " '" + name + "'") + " of shape '" + str(member(cell, "shape")) +
                                      "' not mapped: not a Threat Dragon element");
                    continue;
                case Kind::Box: break;
            }
            otherCells_.insert(id);
            Boundary bd;
            bd.title = name.empty() ? "Trust boundary" : name;
            bd.line = line;
            bd.id = b_.newId(name, "boundary");
            b_.alias(bd.aliases, bd.id, id);
            bd.kind = zoneKind(name);
            const auto rect = rectOf(cell);
            if (rect && boxes.size() >= kMaxBoxes) return b_.error(line, index(where, i), "more than " + std::to_string(kMaxBoxes) + " trust boundary boxes");
            if (rect) boxes.push_back({m.boundaries.size(), *rect});
            else b_.note(line, "trust boundary box '" + bd.title + "' has no position and size: nothing could be placed in it");
            m.boundaries.push_back(std::move(bd));
        }
        // A box inside another nests in the smallest one around it (ties: the earlier one).
        for (std::size_t i = 0; i < boxes.size(); ++i) {
            const Box* parent = nullptr;
            for (std::size_t j = 0; j < boxes.size(); ++j) {
                if (j == i || !boxes[j].rect.contains(boxes[i].rect)) continue;
                const double aj = boxes[j].rect.area(), ai = boxes[i].rect.area();
                if (aj < ai || (aj == ai && j > i)) continue;
                if (!parent || aj < parent->rect.area()) parent = &boxes[j];
            }
            if (parent) {
                Boundary& child = m.boundaries[boxes[i].boundary];
                child.parent = m.boundaries[parent->boundary].id;
                child.parentLine = child.line;
            }
        }
        for (const auto& [i, cell] : elements)
            if (auto s = readElement(*cell, index(where, i), boxes); !s) return s;
        for (const auto& [i, cell] : flows)
            if (auto s = readFlow(*cell, index(where, i)); !s) return s;
        return {};
    }

    Status readElement(const json::Value& cell, const std::string& where, const std::vector<Box>& boxes) {
        Model& m = b_.out.model;
        const json::Value* data = member(cell, "data");
        const Kind kind = kindOf(str(member(data, "type")), str(member(cell, "shape")));
        const std::string id = str(member(cell, "id"));
        const json::Value* nameValue = nameOf(cell);
        Element e;
        e.kind = kind == Kind::External ? ElementKind::External : kind == Kind::Store ? ElementKind::Store : ElementKind::Process;
        e.title = nameValue ? oneLine(nameValue->text) : std::string(kindName(e.kind));
        e.line = lineOf(nameValue, cell.line);
        e.id = b_.newId(e.title, kindName(e.kind));
        b_.alias(e.aliases, e.id, id);
        if (!id.empty() && !elementByCell_.emplace(id, m.elements.size()).second)
            return b_.error(lineOf(member(cell, "id"), cell.line), where + ".id", "cell id '" + id + "' is used twice");

        if (const auto rect = rectOf(cell)) {
            const double cx = rect->x + rect->w / 2, cy = rect->y + rect->h / 2;
            const Box* in = nullptr;
            for (const auto& box : boxes)
                if (box.rect.contains(cx, cy) && (!in || box.rect.area() < in->rect.area())) in = &box;
            if (in) {
                e.boundary = m.boundaries[in->boundary].id;
                e.fieldLines["boundary"] = e.line;
            }
        } else if (!boxes.empty()) {
            b_.note(e.line, "'" + e.title + "' has no position and size: whether it is inside a trust boundary box is unknown");
        }

        auto yes = [&](const char* key) { return boolean(member(data, key)).value_or(false); };
        auto at = [&](const char* key) { return lineOf(member(data, key), e.line); };
        if (yes("outOfScope")) {
            const std::string reason = oneLine(str(member(data, "reasonOutOfScope")));
            b_.note(at("outOfScope"), "'" + e.title + "' is out of scope" + (reason.empty() ? "" : " (" + reason + ")") +
                                          ": not mapped; Vakt analyses every element of a model");
        }
        if (e.kind == ElementKind::External && yes("providesAuthentication")) setProperty(e, "technology", "identity-provider", at("providesAuthentication"));
        if (e.kind == ElementKind::Process) {
            if (yes("isWebApplication")) setProperty(e, "technology", "web-application", at("isWebApplication"));
            for (auto [key, what] : {std::pair{"handlesCardPayment", "handles card payments"}, std::pair{"handlesGoodsOrServices", "handles goods or services"}})
                if (yes(key)) b_.note(at(key), "'" + e.title + "' " + what + ": not mapped; record the data it handles as an asset");
            const std::string privilege = oneLine(str(member(data, "privilegeLevel")));
            if (!privilege.empty())
                b_.note(at("privilegeLevel"), "'" + e.title + "' privilege level '" + privilege + "' not mapped; set runs_privileged if it runs as root or administrator");
        }
        if (e.kind == ElementKind::Store) {
            if (const auto encrypted = boolean(member(data, "isEncrypted"))) setFlag(e, "encryption_at_rest", *encrypted, at("isEncrypted"));
            for (auto [key, what] : {std::pair{"isALog", "is a log"}, std::pair{"storesCredentials", "stores credentials"},
                                     std::pair{"isSigned", "keeps signed data"}})
                if (yes(key)) b_.note(at(key), "'" + e.title + "' " + what + ": not mapped; Vakt has no such property");
        }
        m.elements.push_back(std::move(e));
        return {};
    }

    // The element at one end of a flow; nothing (with a note) when the end hangs free or ends on
    // something that is not an element; an error when it names a cell that does not exist.
    Result<std::optional<std::size_t>> endOf(const json::Value& cell, const char* key, const std::string& where, const std::string& name) {
        const json::Value* c = member(member(cell, key), "cell");
        if (!c || !c->isString() || c->text.empty()) {
            b_.note(lineOf(member(cell, key), cell.line), "flow '" + name + "' not mapped: its " + key + " is not attached to an element");
            return std::optional<std::size_t>();
        }
        if (const auto it = elementByCell_.find(c->text); it != elementByCell_.end()) return std::optional<std::size_t>(it->second);
        if (otherCells_.count(c->text)) {
            b_.note(c->line, "flow '" + name + "' not mapped: its " + key + " is a trust boundary or text, not an element");
            return std::optional<std::size_t>();
        }
        return b_.error(c->line, where + "." + key + ".cell", "unknown cell '" + c->text + "'");
    }

    Status readFlow(const json::Value& cell, const std::string& where) {
        Model& m = b_.out.model;
        const json::Value* data = member(cell, "data");
        const json::Value* nameValue = nameOf(cell);
        const std::string name = nameValue ? oneLine(nameValue->text) : "";
        const int line = lineOf(nameValue, cell.line);
        const std::string shown = name.empty() ? "unnamed" : name;
        auto from = endOf(cell, "source", where, shown);
        if (!from) return from.error();
        auto to = endOf(cell, "target", where, shown);
        if (!to) return to.error();
        if (!*from || !*to) return {};
        if (**from == **to) {
            b_.note(line, "flow '" + shown + "' not mapped: it leads from an element to itself");
            return {};
        }
        const Element& a = m.elements[**from];
        const Element& z = m.elements[**to];
        Element f;
        f.kind = ElementKind::Flow;
        f.title = name.empty() ? a.title + " to " + z.title : name;
        f.line = line;
        f.id = b_.newId(name.empty() ? a.id + "-to-" + z.id : name, "flow");
        b_.alias(f.aliases, f.id, str(member(cell, "id")));
        f.from = a.id;
        f.to = z.id;
        auto at = [&](const char* key) { return lineOf(member(data, key), line); };
        const std::string protocol = oneLine(str(member(data, "protocol")));
        if (!protocol.empty()) {
            const std::string mapped = protocolFromText(protocol);
            setProperty(f, "protocol", mapped.empty() ? "other" : mapped, at("protocol"));
            if (mapped.empty()) b_.note(at("protocol"), "flow '" + f.title + "': protocol '" + protocol + "' has no Vakt counterpart; set to other");
        }
        if (const auto encrypted = boolean(member(data, "isEncrypted"))) setFlag(f, "encrypted", *encrypted, at("isEncrypted"));
        if (boolean(member(data, "isPublicNetwork")).value_or(false)) publicFlows_.push_back({**from, **to, at("isPublicNetwork")});
        if (boolean(member(data, "outOfScope")).value_or(false)) {
            const std::string reason = oneLine(str(member(data, "reasonOutOfScope")));
            b_.note(at("outOfScope"), "flow '" + f.title + "' is out of scope" + (reason.empty() ? "" : " (" + reason + ")") +
                                          ": not mapped; Vakt analyses every flow of a model");
        }
        const bool both = boolean(member(data, "isBidirectional")).value_or(false);
        Element back;
        if (both) {
            back = f;
            back.aliases.clear();
            back.id = b_.newId(name.empty() ? z.id + "-to-" + a.id : f.id + "-reverse", "flow");
            back.title = name.empty() ? z.title + " to " + a.title : f.title + " (reverse)";
            std::swap(back.from, back.to);
        }
        if (m.flows.size() + 2 > kMaxItems) return b_.error(line, where, "more than " + std::to_string(kMaxItems) + " flows");
        m.flows.push_back(std::move(f));
        if (both) m.flows.push_back(std::move(back));
        return {};
    }

    // Threat Dragon marks a flow over the public network; its external end is on the internet
    // unless a box says otherwise, and the element of ours that it reaches is internet-facing.
    void placePublicEnds() {
        Model& m = b_.out.model;
        for (const auto& p : publicFlows_) {
            Element& a = m.elements[p.from];
            Element& z = m.elements[p.to];
            auto place = [&](Element& e) {
                if (e.kind != ElementKind::External) {
                    setFlag(e, "internet_facing", true, p.line);
                } else if (e.boundary.empty()) {
                    e.boundary = b_.internet(p.line);
                    e.fieldLines["boundary"] = p.line;
                }
            };
            if (a.kind == ElementKind::External || z.kind == ElementKind::External) {
                place(a);
                place(z);
            } else {
                place(z);
            }
        }
    }
};

// ---------------------------------------------------------------------------------------------
// Open Threat Model

// YAML as the JSON values it stands for, so one reader serves both forms of OTM. Plain scalars
// are typed as YAML 1.2's core schema types them; quoted ones stay text.
Status yamlToJson(const YAML::Node& n, json::Value& out, int depth, std::size_t& budget, const YamlReader& r) {
    if (depth > kMaxYamlDepth) return r.at(n, "value", "nested deeper than " + std::to_string(kMaxYamlDepth));
    if (budget == 0) return r.at(n, "value", "more values than an OTM file has");  // aliases can repeat a subtree endlessly
    --budget;
    out.line = std::max(YamlReader::lineOf(n), 1);
    switch (n.Type()) {
        case YAML::NodeType::Undefined:
        case YAML::NodeType::Null: out.type = json::Value::Type::Null; return {};
        case YAML::NodeType::Scalar: {
            const std::string& s = n.Scalar();
            out.type = json::Value::Type::String;
            out.text = s;
            if (n.Tag() != "?") return {};
            if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") {
                out.type = json::Value::Type::Null;
            } else if (s == "true" || s == "True" || s == "TRUE" || s == "false" || s == "False" || s == "FALSE") {
                out.type = json::Value::Type::Bool;
                out.boolean = s[0] == 't' || s[0] == 'T';
            } else {
                const std::size_t start = s[0] == '+' || s[0] == '-' ? 1 : 0;
                double value = 0;
                const char* first = s.data() + (s[0] == '+' ? 1 : 0);
                if (start < s.size() && ((s[start] >= '0' && s[start] <= '9') || s[start] == '.')) {
                    const auto [ptr, ec] = std::from_chars(first, s.data() + s.size(), value);
                    if (ec == std::errc() && ptr == s.data() + s.size()) {
                        out.type = json::Value::Type::Number;
                        out.number = value;
                    }
                }
            }
            return {};
        }
        case YAML::NodeType::Sequence:
            out.type = json::Value::Type::Array;
            for (const auto& item : n) {
                out.items.emplace_back();
                if (auto s = yamlToJson(item, out.items.back(), depth + 1, budget, r); !s) return s;
            }
            return {};
        case YAML::NodeType::Map:
            out.type = json::Value::Type::Object;
            for (const auto& kv : n) {
                if (!kv.first.IsScalar()) return r.at(kv.first, "key", "expected a text key");
                out.members.push_back(json::Member{kv.first.Scalar(), {}});
                if (auto s = yamlToJson(kv.second, out.members.back().value, depth + 1, budget, r); !s) return s;
            }
            return {};
    }
    return {};
}

Result<json::Value> parseOtm(std::string_view text, const std::string& fileName) {
    std::size_t first = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    while (first < text.size() && (text[first] == ' ' || text[first] == '\n' || text[first] == '\r' || text[first] == '\t')) ++first;
    if (first < text.size() && text[first] == '{') {
        json::Limits limits;
        limits.maxBytes = kMaxInputBytes;
        auto parsed = json::parse(text, limits);
        if (!parsed) return fail(fileName + ":" + parsed.message());
        return parsed;
    }
    const YamlReader r(fileName);
    auto loaded = r.load(text);
    if (!loaded) return loaded.error();
    json::Value out;
    std::size_t budget = 250000;
    try {
        if (auto s = yamlToJson(*loaded, out, 0, budget, r); !s) return s.error();
    } catch (const YAML::Exception& e) {
        return fail(fileName + ":" + std::to_string(e.mark.is_null() ? 1 : e.mark.line + 1) + ": " + e.msg);
    }
    return out;
}

std::optional<Confidentiality> otmConfidentiality(double v) {
    if (v < 0 || v > 100) return std::nullopt;
    if (v < 20) return Confidentiality::Public;
    if (v < 40) return Confidentiality::Internal;
    if (v < 60) return Confidentiality::Personal;
    if (v < 80) return Confidentiality::Special;
    return Confidentiality::StrengtFortrolig;
}

std::optional<Rating> otmRating(double v) {
    if (v < 0 || v > 100) return std::nullopt;
    if (v < 25) return Rating::Low;
    if (v < 50) return Rating::Medium;
    if (v < 75) return Rating::High;
    return Rating::Critical;
}

struct Guess {
    ElementKind kind = ElementKind::Process;
    std::string technology;
};

// OTM component types are free text from a tool's library ("web-client",
// "CD-MICROSOFT-AZURE-DB-POSTGRESQL"); their words tell what the component is.
Guess guessComponent(std::string_view type, bool taggedExternal) {
    const auto w = tokens(type);
    Guess g;
    struct Words {
        std::string_view technology;
        std::vector<std::string_view> words;  // not an initializer_list: its array would not outlive this table's initialisation
    };
    static const Words kTechnology[] = {
        {"mobile-app", {"android", "ios", "mobile"}},
        {"browser", {"browser"}},
        {"database", {"database", "db", "sql", "postgresql", "postgres", "mysql", "mariadb", "oracle", "mongodb", "mongo", "dynamodb",
                      "cosmosdb", "rds", "mssql"}},
        {"object-storage", {"s3", "blob", "bucket"}},
        {"file-storage", {"filesystem", "nfs", "efs", "file", "files", "fileserver"}},
        {"message-queue", {"queue", "sqs", "sns", "kafka", "rabbitmq", "mq", "servicebus", "eventhub", "eventhubs"}},
        {"cache", {"cache", "redis", "memcached", "elasticache"}},
        {"search-index", {"elasticsearch", "opensearch", "search"}},
        {"directory", {"ldap", "directory"}},
        {"identity-provider", {"idp", "identity", "cognito", "keycloak", "okta", "auth0", "sso"}},
        {"waf", {"waf"}},
        {"gateway", {"gateway", "apigateway", "apim"}},
        {"reverse-proxy", {"proxy", "nginx", "haproxy", "loadbalancer", "balancer", "lb", "elb", "alb"}},
        {"vault", {"vault", "kms", "keyvault", "hsm", "secrets"}},
        {"email", {"smtp", "mail", "email", "ses"}},
        {"monitoring", {"monitoring", "cloudwatch", "prometheus", "grafana", "siem"}},
        {"ci-cd", {"jenkins", "ci", "cicd", "pipeline", "gitlab", "github"}},
        {"batch", {"batch", "job", "cron", "scheduler"}},
        {"api", {"api", "service", "rest", "graphql", "microservice", "lambda", "function"}},
        {"web-application", {"web", "webapp", "website", "ui", "frontend", "portal"}},
    };
    const bool webClient = hasAny(w, {"web"}) && hasAny(w, {"client"});
    for (const auto& [technology, words] : kTechnology)
        if (hasAnyOf(w, words) || (technology == "browser" && webClient)) {
            g.technology = std::string(technology);
            break;
        }
    if (taggedExternal || hasAny(w, {"client", "browser", "user", "actor", "device", "android", "ios", "mobile", "external"}))
        g.kind = ElementKind::External;
    else if (g.technology == "database" || g.technology == "object-storage" || g.technology == "file-storage" ||
             g.technology == "message-queue" || g.technology == "cache" || g.technology == "search-index" || g.technology == "directory")
        g.kind = ElementKind::Store;
    return g;
}

class OtmImport {
public:
    explicit OtmImport(const std::string& fileName) : b_(fileName) {}

    Result<ImportResult> run(std::string_view text) {
        auto parsed = parseOtm(text, b_.file());
        if (!parsed) return parsed.error();
        const json::Value& root = *parsed;
        if (!root.isObject() || !member(root, "otmVersion"))
            return b_.error(root.line, "otmVersion", "missing: not an Open Threat Model file");
        Model& m = b_.out.model;
        const json::Value* project = member(root, "project");
        const std::string name = oneLine(str(member(project, "name"))), id = str(member(project, "id"));
        m.title = !name.empty() ? name : !id.empty() ? id : "Open Threat Model";
        m.id = slug(name);
        if (m.id.empty()) m.id = slug(id);
        if (m.id.empty()) m.id = "otm-model";
        m.description = str(member(project, "description"));

        for (auto [key, what, why] : {std::tuple{"threats", "threat", "Vakt derives threats from its rules"},
                                      std::tuple{"mitigations", "mitigation", "Vakt's measures come with its rules"}}) {
            auto list = array(root, key, key);
            if (!list) return list.error();
            for (const json::Value* item : *list) {
                const std::string itemName = oneLine(str(member(item, "name")));
                const std::string itemId = str(member(item, "id"));
                if (std::string_view(key) == "threats") threatNames_[itemId] = itemName.empty() ? itemId : itemName;
                b_.note(item->line, std::string(what) + " '" + (itemName.empty() ? itemId : itemName) + "' not imported: " + why);
            }
        }
        if (auto s = readAssets(root); !s) return s.error();
        if (auto s = readZones(root); !s) return s.error();
        if (auto s = readComponents(root); !s) return s.error();
        if (auto s = readDataflows(root); !s) return s.error();
        for (const auto& e : m.elements)
            if (e.boundary.empty()) b_.note(e.line, "component '" + e.title + "' is in no trust zone: its boundary is unknown");
        return b_.finish();
    }

private:
    Builder b_;
    std::map<std::string, std::string, std::less<>> assets_, zones_;   // OTM id -> Vakt id
    std::map<std::string, std::size_t, std::less<>> components_;       // OTM id -> index in elements
    std::map<std::string, std::string, std::less<>> threatNames_;

    // The objects of a list (absent or null: none); anything else is a broken file.
    Result<std::vector<const json::Value*>> array(const json::Value& parent, const char* key, const std::string& where) {
        std::vector<const json::Value*> out;
        const json::Value* list = member(parent, key);
        if (!list || list->isNull()) return out;
        if (!list->isArray()) return b_.error(list->line, where, "expected a list");
        if (list->items.size() > kMaxItems) return b_.error(list->line, where, "more than " + std::to_string(kMaxItems) + " entries");
        for (std::size_t i = 0; i < list->items.size(); ++i) {
            if (!list->items[i].isObject()) return b_.error(list->items[i].line, index(where, i), "expected an object");
            out.push_back(&list->items[i]);
        }
        return out;
    }
    Result<std::string> requiredId(const json::Value& item, const std::string& where) {
        const json::Value* v = member(item, "id");
        if (!v || !v->isString() || v->text.empty()) return b_.error(lineOf(v, item.line), where + ".id", "missing");
        return v->text;
    }
    // The ids in a list of strings, each known in the map.
    Status addAssets(Element& e, const json::Value* list, const std::string& where) {
        if (!list || list->isNull()) return {};
        if (!list->isArray()) return b_.error(list->line, where, "expected a list of asset ids");
        for (const auto& v : list->items) {
            const auto it = v.isString() ? assets_.find(v.text) : assets_.end();
            if (it == assets_.end()) return b_.error(v.line, where, "unknown asset '" + (v.isString() ? v.text : std::string("?")) + "'");
            addData(e, it->second);
            if (!e.fieldLines.count("data")) e.fieldLines["data"] = v.line;
        }
        return {};
    }
    void noteThreatInstances(const json::Value& item, const std::string& on) {
        const json::Value* list = member(item, "threats");
        if (!list || !list->isArray()) return;
        for (const auto& t : list->items) {
            const std::string ref = str(member(t, "threat"));
            const auto known = threatNames_.find(ref);
            const std::string state = str(member(t, "state"));
            b_.note(t.line, "threat '" + (known == threatNames_.end() ? ref : known->second) + "'" + (state.empty() ? "" : " (" + state + ")") +
                                " on '" + on + "' not imported: Vakt derives threats from its rules");
        }
    }

    Status readAssets(const json::Value& root) {
        auto list = array(root, "assets", "assets");
        if (!list) return list.error();
        for (std::size_t i = 0; i < list->size(); ++i) {
            const json::Value& item = *(*list)[i];
            const std::string where = index("assets", i);
            auto id = requiredId(item, where);
            if (!id) return id.error();
            if (assets_.count(*id)) return b_.error(item.line, where + ".id", "'" + *id + "' is the id of another asset");
            Asset a;
            a.title = oneLine(str(member(item, "name")));
            if (a.title.empty()) a.title = *id;
            a.line = lineOf(member(item, "name"), item.line);
            a.id = b_.newId(a.title, *id);
            b_.alias(a.aliases, a.id, *id);
            const json::Value* risk = member(item, "risk");
            const json::Value* c = member(risk, "confidentiality");
            if (const auto v = number(c)) a.confidentiality = otmConfidentiality(*v);
            if (!a.confidentiality) {
                // Vakt needs a confidentiality to rate anything that touches the asset.
                a.confidentiality = Confidentiality::Internal;
                b_.note(lineOf(c, a.line), "asset '" + a.title + "' has no confidentiality from 0 to 100; set to internal, check it");
            }
            for (auto [key, target] : {std::pair{"integrity", &a.integrity}, std::pair{"availability", &a.availability}}) {
                const json::Value* v = member(risk, key);
                if (!v || v->isNull()) continue;
                if (const auto n = number(v)) *target = otmRating(*n);
                if (!*target) b_.note(v->line, "asset '" + a.title + "': " + key + " is not a number from 0 to 100; left unset");
            }
            assets_[*id] = a.id;
            b_.out.model.assets.push_back(std::move(a));
        }
        return {};
    }

    Status readZones(const json::Value& root) {
        Model& m = b_.out.model;
        auto list = array(root, "trustZones", "trustZones");
        if (!list) return list.error();
        std::vector<std::pair<std::size_t, const json::Value*>> parents;
        for (std::size_t i = 0; i < list->size(); ++i) {
            const json::Value& item = *(*list)[i];
            const std::string where = index("trustZones", i);
            auto id = requiredId(item, where);
            if (!id) return id.error();
            if (zones_.count(*id)) return b_.error(item.line, where + ".id", "'" + *id + "' is the id of another trust zone");
            Boundary bd;
            bd.title = oneLine(str(member(item, "name")));
            if (bd.title.empty()) bd.title = *id;
            bd.line = lineOf(member(item, "name"), item.line);
            bd.id = b_.newId(bd.title, *id);
            b_.alias(bd.aliases, bd.id, *id);
            bd.kind = zoneKind(bd.title + " " + str(member(item, "type")), number(member(member(item, "risk"), "trustRating")));
            if (const json::Value* parent = member(member(item, "parent"), "trustZone")) parents.emplace_back(m.boundaries.size(), parent);
            zones_[*id] = bd.id;
            m.boundaries.push_back(std::move(bd));
        }
        for (const auto& [i, parent] : parents) {
            const auto it = zones_.find(str(parent));
            if (it == zones_.end()) return b_.error(parent->line, index("trustZones", i) + ".parent.trustZone", "unknown trust zone '" + str(parent) + "'");
            m.boundaries[i].parent = it->second;
            m.boundaries[i].parentLine = parent->line;
        }
        return {};
    }

    Status readComponents(const json::Value& root) {
        Model& m = b_.out.model;
        auto list = array(root, "components", "components");
        if (!list) return list.error();
        std::vector<std::pair<std::size_t, const json::Value*>> nested;  // (element, parent.component)
        for (std::size_t i = 0; i < list->size(); ++i) {
            const json::Value& item = *(*list)[i];
            const std::string where = index("components", i);
            auto id = requiredId(item, where);
            if (!id) return id.error();
            if (components_.count(*id)) return b_.error(item.line, where + ".id", "'" + *id + "' is the id of another component");
            bool external = false;
            if (const json::Value* tags = member(item, "tags"); tags && tags->isArray())
                for (const auto& tag : tags->items)
                    if (tag.isString() && (lower(tag.text) == "external" || lower(tag.text) == "external-entity")) external = true;
            const std::string type = str(member(item, "type"));
            const Guess g = guessComponent(type, external);
            Element e;
            e.kind = g.kind;
            e.title = oneLine(str(member(item, "name")));
            if (e.title.empty()) e.title = *id;
            e.line = lineOf(member(item, "name"), item.line);
            e.id = b_.newId(e.title, *id);
            b_.alias(e.aliases, e.id, *id);
            if (!g.technology.empty()) setProperty(e, "technology", g.technology, lineOf(member(item, "type"), e.line));
            else if (!type.empty())
                b_.note(lineOf(member(item, "type"), e.line), "component '" + e.title + "': type '" + type + "' has no Vakt technology; left unset");
            const json::Value* parent = member(item, "parent");
            if (const json::Value* zone = member(parent, "trustZone")) {
                const auto it = zones_.find(str(zone));
                if (it == zones_.end()) return b_.error(zone->line, where + ".parent.trustZone", "unknown trust zone '" + str(zone) + "'");
                e.boundary = it->second;
                e.fieldLines["boundary"] = zone->line;
            } else if (const json::Value* component = member(parent, "component")) {
                nested.emplace_back(m.elements.size(), component);
            }
            const json::Value* assets = member(item, "assets");
            if (assets && !assets->isNull() && !assets->isObject()) return b_.error(assets->line, where + ".assets", "expected processed and stored");
            if (auto s = addAssets(e, member(assets, "processed"), where + ".assets.processed"); !s) return s;
            if (auto s = addAssets(e, member(assets, "stored"), where + ".assets.stored"); !s) return s;
            noteThreatInstances(item, e.title);
            components_[*id] = m.elements.size();
            m.elements.push_back(std::move(e));
        }
        // Vakt does not nest elements: a component inside another sits in that one's trust zone.
        std::map<std::size_t, std::string> parentOf;
        for (const auto& [i, component] : nested) parentOf[i] = str(component);
        for (const auto& [i, component] : nested) {
            const auto it = components_.find(str(component));
            if (it == components_.end()) return b_.error(component->line, "components.parent.component", "unknown component '" + str(component) + "'");
            // Up to the first component with a zone; a deeper chain or a cycle ends without one.
            std::size_t up = it->second;
            for (int steps = 0; m.elements[up].boundary.empty() && steps < 32; ++steps) {
                const auto next = parentOf.find(up);
                if (next == parentOf.end()) break;
                const auto parentIt = components_.find(next->second);
                if (parentIt == components_.end()) break;  // reported when its own turn comes
                up = parentIt->second;
            }
            Element& e = m.elements[i];
            e.boundary = m.elements[up].boundary;
            if (!e.boundary.empty()) e.fieldLines["boundary"] = component->line;
            b_.note(component->line, "component '" + e.title + "' is inside component '" + m.elements[it->second].title +
                                         "': Vakt does not nest elements; placed in its trust zone");
        }
        return {};
    }

    Status readDataflows(const json::Value& root) {
        Model& m = b_.out.model;
        auto list = array(root, "dataflows", "dataflows");
        if (!list) return list.error();
        for (std::size_t i = 0; i < list->size(); ++i) {
            const json::Value& item = *(*list)[i];
            const std::string where = index("dataflows", i);
            auto id = requiredId(item, where);
            if (!id) return id.error();
            const std::string name = oneLine(str(member(item, "name")));
            const int line = lineOf(member(item, "name"), item.line);
            std::size_t ends[2] = {0, 0};
            bool attached = true;
            for (int k = 0; k < 2; ++k) {
                const char* key = k == 0 ? "source" : "destination";
                const json::Value* v = member(item, key);
                const std::string ref = str(v);
                if (const auto it = components_.find(ref); it != components_.end()) {
                    ends[k] = it->second;
                } else if (zones_.count(ref)) {
                    b_.note(v->line, "dataflow '" + (name.empty() ? *id : name) + "' not mapped: its " + key + " is a trust zone, not a component");
                    attached = false;
                } else {
                    return b_.error(lineOf(v, item.line), where + "." + key, ref.empty() ? "missing" : "unknown component '" + ref + "'");
                }
            }
            noteThreatInstances(item, name.empty() ? *id : name);
            if (!attached) continue;
            if (ends[0] == ends[1]) {
                b_.note(line, "dataflow '" + (name.empty() ? *id : name) + "' not mapped: it leads from a component to itself");
                continue;
            }
            Element f;
            f.kind = ElementKind::Flow;
            f.title = name.empty() ? *id : name;
            f.line = line;
            f.id = b_.newId(f.title, *id);
            b_.alias(f.aliases, f.id, *id);
            f.from = m.elements[ends[0]].id;
            f.to = m.elements[ends[1]].id;
            f.fieldLines["from"] = lineOf(member(item, "source"), line);
            f.fieldLines["to"] = lineOf(member(item, "destination"), line);
            if (auto s = addAssets(f, member(item, "assets"), where + ".assets"); !s) return s;
            readFlowHints(item, f);
            const bool both = boolean(member(item, "bidirectional")).value_or(false);
            Element back;
            if (both) {
                back = f;
                back.aliases.clear();
                back.id = b_.newId(f.id + "-reverse", "flow");
                back.title = f.title + " (reverse)";
                std::swap(back.from, back.to);
                std::swap(back.fieldLines["from"], back.fieldLines["to"]);
            }
            if (m.flows.size() + 2 > kMaxItems) return b_.error(line, where, "more than " + std::to_string(kMaxItems) + " flows");
            m.flows.push_back(std::move(f));
            if (both) m.flows.push_back(std::move(back));
        }
        return {};
    }

    // OTM has no protocol field; tools put it in tags or attributes. Tags that say nothing Vakt
    // knows are listed, so nobody thinks they came along.
    void readFlowHints(const json::Value& item, Element& f) {
        if (const json::Value* attributes = member(item, "attributes"); attributes && attributes->isObject())
            for (const auto& [key, value] : attributes->members) {
                const std::string k = lower(key);
                if (k == "protocol" && value.isString()) {
                    const std::string mapped = protocolFromText(value.text);
                    setProperty(f, "protocol", mapped.empty() ? "other" : mapped, value.line);
                    if (mapped.empty()) b_.note(value.line, "dataflow '" + f.title + "': protocol '" + value.text + "' has no Vakt counterpart; set to other");
                } else if ((k == "encrypted" || k == "encryption") && value.isBool()) {
                    setFlag(f, "encrypted", value.boolean, value.line);
                } else {
                    b_.note(value.line, "dataflow '" + f.title + "': attribute '" + key + "' not mapped");
                }
            }
        const json::Value* tags = member(item, "tags");
        if (!tags || !tags->isArray()) return;
        std::string rest;
        for (const auto& tag : tags->items) {
            if (!tag.isString()) continue;
            const std::string mapped = protocolFromText(tag.text);
            if (!mapped.empty() && mapped != "other" && !f.properties.count("protocol")) setProperty(f, "protocol", mapped, tag.line);
            else if (lower(tag.text) == "encrypted") setFlag(f, "encrypted", true, tag.line);
            else rest += (rest.empty() ? "'" : ", '") + tag.text + "'";
        }
        if (!rest.empty()) b_.note(tags->line, "dataflow '" + f.title + "': tags " + rest + " not mapped");
    }
};

}  // namespace

Result<ImportResult> importThreagile(std::string_view yaml, const std::string& fileName) {
    try {
        return ThreagileImport(fileName).run(yaml);
    } catch (const std::exception& e) {  // yaml-cpp's conversions, or memory: refuse, never crash
        return fail(fileName + ":1: cannot be read: " + e.what());
    }
}

Result<ImportResult> importThreatDragon(std::string_view json, const std::string& fileName) {
    if (json.size() > kMaxInputBytes) return fail(fileName + ": larger than " + std::to_string(kMaxInputBytes / (1024 * 1024)) + " MiB");
    try {
        return DragonImport(fileName).run(json);
    } catch (const std::exception& e) {
        return fail(fileName + ":1: cannot be read: " + e.what());
    }
}

Result<ImportResult> importOtm(std::string_view json, const std::string& fileName) {
    if (json.size() > kMaxInputBytes) return fail(fileName + ": larger than " + std::to_string(kMaxInputBytes / (1024 * 1024)) + " MiB");
    try {
        return OtmImport(fileName).run(json);
    } catch (const std::exception& e) {
        return fail(fileName + ":1: cannot be read: " + e.what());
    }
}

}  // namespace vakt::risk
