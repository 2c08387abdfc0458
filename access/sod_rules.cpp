// The segregation-of-duties rules file (YAML), read with the first problem named by line and
// field. The only part of the library on yaml-cpp.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <initializer_list>
#include <map>
#include <string>

#include "access/access_model.h"

namespace vakt::access {

namespace {

// A rules file is written by hand: these bound what hostile text can cost (aliases let a small
// file name the same big node many times, so counts are checked before anything is walked).
constexpr std::size_t kMaxSodBytes = 1024 * 1024;
constexpr std::size_t kMaxRules = 1000;
constexpr std::size_t kMaxSides = 32;
constexpr std::size_t kMaxIdChars = 100;
constexpr std::size_t kMaxTextChars = 500;

int lineOf(const YAML::Node& n) { return n.Mark().is_null() ? 1 : n.Mark().line + 1; }

std::string shownKey(std::string_view key) {
    std::string out;
    for (char c : key.substr(0, 60)) out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) ? '?' : c;
    if (key.size() > 60) out += "...";
    return out;
}

Error at(const YAML::Node& n, std::string_view field, const std::string& why) {
    return fail("line " + std::to_string(lineOf(n)) + ": field '" + std::string(field) + "': " + why);
}

using Members = std::map<std::string, YAML::Node, std::less<>>;

// A mapping's members by name, each at most once; a name not in `known` is refused, so a typo
// is not silently a rule that never matches.
Result<Members> members(const YAML::Node& map, std::string_view where, std::initializer_list<std::string_view> known,
                        std::string_view knownText) {
    Members out;
    for (const auto& kv : map) {
        if (!kv.first.IsScalar()) return at(kv.first, where, "expected a field name");
        const std::string key = kv.first.Scalar();
        if (std::find(known.begin(), known.end(), key) == known.end())
            return at(kv.first, shownKey(key), "unknown field; " + std::string(knownText));
        if (!out.emplace(key, kv.second).second) return at(kv.first, key, "appears twice");
    }
    return out;
}

Result<std::string> text(const YAML::Node& n, std::string_view field, std::size_t maxChars) {
    if (!n.IsScalar()) return at(n, field, "expected text");
    const std::string& value = n.Scalar();
    if (value.empty()) return at(n, field, "empty");
    if (value.size() > maxChars * 4 ||
        static_cast<std::size_t>(std::count_if(value.begin(), value.end(),
                                                [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; })) > maxChars)
        return at(n, field, "longer than " + std::to_string(maxChars) + " characters");
    if (std::any_of(value.begin(), value.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; }))
        return at(n, field, "contains a control character");
    return value;
}

Result<bool> boolean(const YAML::Node& n, std::string_view field) {
    if (n.IsScalar()) {
        std::string v = n.Scalar();
        for (char& c : v)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (v == "true" || v == "yes") return true;
        if (v == "false" || v == "no") return false;
    }
    return at(n, field, "expected true or false");
}

bool validId(std::string_view id) {
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    });
}

constexpr std::string_view kRuleFields = "a rule has id, name, same_organisation and conflicting";
constexpr std::string_view kSideFields = "a side names privilege, service, detail, service_area or confidential";

// Fills `side` (an out-parameter rather than a Result<SodSide>, for the reason given below).
Status readSide(const YAML::Node& node, SodSide& side) {
    if (!node.IsMap()) return at(node, "conflicting", "expected a side: a mapping such as {privilege: admin}");
    auto fields = members(node, "conflicting", {"privilege", "service", "detail", "service_area", "confidential"}, kSideFields);
    if (!fields) return fields.error();
    if (fields->empty()) return at(node, "conflicting", "a side names at least one field; " + std::string(kSideFields));
    for (const auto& [key, value] : *fields) {
        if (key == "confidential") {
            auto flag = boolean(value, key);
            if (!flag) return flag.error();
            side.confidential = *flag;
            continue;
        }
        auto v = text(value, key, kMaxTextChars);
        if (!v) return v.error();
        if (key == "privilege") {
            if (!Privilege::valid(*v)) return at(value, key, "'" + shownKey(*v) + "' is not admin, service_admin, privilege or folkeregister_role");
            side.privilege = *v;
        } else if (key == "service") {
            side.service = *v;
        } else if (key == "service_area") {
            side.serviceArea = *v;
        } else {
            const auto star = v->find('*');
            if (star != std::string::npos && star + 1 != v->size())
                return at(value, key, "'*' may only end the detail, for a prefix ('send:*')");
            side.detail = *v;
        }
    }
    return {};
}

Result<SodRule> readRule(const YAML::Node& node, std::map<std::string, int, std::less<>>& ids) {
    if (!node.IsMap()) return at(node, "rules", "expected a rule: a mapping; " + std::string(kRuleFields));
    auto fields = members(node, "rules", {"id", "name", "same_organisation", "conflicting"}, kRuleFields);
    if (!fields) return fields.error();
    SodRule rule;

    const auto id = fields->find("id");
    if (id == fields->end()) return at(node, "id", "missing: every rule has an id");
    auto idText = text(id->second, "id", kMaxIdChars);
    if (!idText) return idText.error();
    if (!validId(*idText)) return at(id->second, "id", "'" + shownKey(*idText) + "' has other characters than letters, digits, '-', '_' and '.'");
    if (const auto [it, inserted] = ids.try_emplace(*idText, lineOf(id->second)); !inserted)
        return at(id->second, "id", "'" + *idText + "' is also the id of the rule on line " + std::to_string(it->second));
    rule.id = *idText;

    rule.name = rule.id;
    if (const auto name = fields->find("name"); name != fields->end()) {
        auto nameText = text(name->second, "name", kMaxTextChars);
        if (!nameText) return nameText.error();
        rule.name = *nameText;
    }
    if (const auto same = fields->find("same_organisation"); same != fields->end()) {
        auto flag = boolean(same->second, "same_organisation");
        if (!flag) return flag.error();
        rule.sameOrganisation = *flag;
    }

    const auto conflicting = fields->find("conflicting");
    if (conflicting == fields->end()) return at(node, "conflicting", "missing: the sides that conflict, two or more");
    const YAML::Node& sides = conflicting->second;
    if (!sides.IsSequence()) return at(sides, "conflicting", "expected a list of two sides or more");
    if (sides.size() < 2) return at(sides, "conflicting", "needs two sides or more");
    if (sides.size() > kMaxSides) return at(sides, "conflicting", "more than " + std::to_string(kMaxSides) + " sides");
    for (const auto& item : sides) {
        // Filled in place: a default SodSide copied or moved trips GCC's maybe-uninitialized
        // warning on its empty optional<bool> (GCC bug 80635).
        if (auto read = readSide(item, rule.conflicting.emplace_back()); !read) return read.error();
    }
    return rule;
}

Result<std::vector<SodRule>> readRules(const YAML::Node& root) {
    std::vector<SodRule> rules;
    if (!root || root.IsNull()) return rules;  // an empty file: no rules
    if (!root.IsMap()) return at(root, "rules", "expected a mapping with the list 'rules'");
    auto top = members(root, "rules", {"rules"}, "the file has only 'rules'");
    if (!top) return top.error();
    const auto found = top->find("rules");
    if (found == top->end() || found->second.IsNull()) return rules;
    const YAML::Node& list = found->second;
    if (!list.IsSequence()) return at(list, "rules", "expected a list of rules");
    if (list.size() > kMaxRules) return at(list, "rules", "more than " + std::to_string(kMaxRules) + " rules");
    std::map<std::string, int, std::less<>> ids;
    for (const auto& item : list) {
        auto rule = readRule(item, ids);
        if (!rule) return rule.error();
        rules.push_back(std::move(*rule));
    }
    return rules;
}

}  // namespace

Result<std::vector<SodRule>> parseSodRules(std::string_view yaml) {
    if (yaml.size() > kMaxSodBytes) return fail("line 1: the rules are larger than " + std::to_string(kMaxSodBytes / 1024) + " KiB");
    try {
        const YAML::Node root = YAML::Load(std::string(yaml));
        return readRules(root);
    } catch (const YAML::Exception& e) {
        return fail("line " + std::to_string(e.mark.is_null() ? 1 : e.mark.line + 1) + ": " + e.msg);
    }
}

}  // namespace vakt::access
