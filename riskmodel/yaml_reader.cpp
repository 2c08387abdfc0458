#include "riskmodel/yaml_reader.h"

#include <algorithm>
#include <charconv>

namespace vakt::risk {

Result<YAML::Node> YamlReader::load(std::string_view text) const {
    if (text.size() > kMaxYamlBytes)
        return fail(file_ + ": larger than " + std::to_string(kMaxYamlBytes / (1024 * 1024)) + " MiB");
    try {
        return YAML::Load(std::string(text));
    } catch (const YAML::Exception& e) {
        return fail(file_ + ":" + std::to_string(e.mark.is_null() ? 0 : e.mark.line + 1) + ": " + e.msg);
    }
}

Error YamlReader::at(const YAML::Node& node, const std::string& field, const std::string& why) const {
    return atLine(lineOf(node), field, why);
}

Error YamlReader::atLine(int line, const std::string& field, const std::string& why) const {
    return fail(file_ + ":" + std::to_string(line) + ": field '" + field + "': " + why);
}

Status YamlReader::knownKeys(const YAML::Node& map, const std::string& where, std::initializer_list<const char*> keys) const {
    if (!map.IsMap()) return at(map, where, "expected a mapping");
    for (const auto& kv : map) {
        if (!kv.first.IsScalar()) return at(kv.first, where, "expected a text key");
        const std::string key = kv.first.Scalar();
        if (std::none_of(keys.begin(), keys.end(), [&](const char* k) { return key == k; }))
            return at(kv.first, where.empty() ? key : where + "." + key, "unknown field");
    }
    return {};
}

Result<std::string> YamlReader::text(const YAML::Node& n, const std::string& field) const {
    if (!n.IsScalar()) return at(n, field, "expected a text value");
    return n.Scalar();
}

Result<std::string> YamlReader::required(const YAML::Node& map, const char* key, const std::string& where) const {
    const std::string field = where.empty() ? key : where + "." + key;
    const YAML::Node n = map[key];
    if (!n) return at(map, field, "missing");
    auto s = text(n, field);
    if (s && s->empty()) return at(n, field, "empty");
    return s;
}

Result<std::string> YamlReader::optional(const YAML::Node& map, const char* key, const std::string& where) const {
    const YAML::Node n = map[key];
    if (!n || n.IsNull()) return std::string();
    return text(n, where.empty() ? key : where + "." + key);
}

Result<std::vector<std::string>> YamlReader::texts(const YAML::Node& n, const std::string& field) const {
    std::vector<std::string> out;
    if (!n || n.IsNull()) return out;
    if (!n.IsSequence()) return at(n, field, "expected a list");
    for (const auto& item : n) {
        auto s = text(item, field);
        if (!s) return s.error();
        out.push_back(std::move(*s));
    }
    return out;
}

Result<int> YamlReader::integer(const YAML::Node& n, const std::string& field, int min, int max) const {
    auto s = text(n, field);
    if (!s) return s.error();
    int value = 0;
    const auto [end, ec] = std::from_chars(s->data(), s->data() + s->size(), value);
    if (ec != std::errc() || end != s->data() + s->size() || value < min || value > max)
        return at(n, field, "expected a whole number from " + std::to_string(min) + " to " + std::to_string(max) +
                                ", not '" + *s + "'");
    return value;
}

}  // namespace vakt::risk
