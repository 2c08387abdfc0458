#pragma once
// Reads the risk model's YAML files (models, rules, Threagile imports) and turns every problem
// into "file:line: field 'x': reason". Internal to riskmodel/.
#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.h"

namespace vakt::risk {

// Larger inputs are refused before parsing: a model or rule file is written by hand.
inline constexpr std::size_t kMaxYamlBytes = 16u * 1024u * 1024u;

class YamlReader {
public:
    explicit YamlReader(std::string fileName) : file_(std::move(fileName)) {}

    const std::string& file() const { return file_; }
    static int lineOf(const YAML::Node& node) { return node.Mark().is_null() ? 0 : node.Mark().line + 1; }

    // Parses the text; the error names file:line.
    Result<YAML::Node> load(std::string_view text) const;

    Error at(const YAML::Node& node, const std::string& field, const std::string& why) const;
    Error atLine(int line, const std::string& field, const std::string& why) const;

    Status knownKeys(const YAML::Node& map, const std::string& where, std::initializer_list<const char*> keys) const;
    Result<std::string> text(const YAML::Node& n, const std::string& field) const;
    // A required text field of a mapping.
    Result<std::string> required(const YAML::Node& map, const char* key, const std::string& where) const;
    // An optional one: empty when absent.
    Result<std::string> optional(const YAML::Node& map, const char* key, const std::string& where) const;
    Result<std::vector<std::string>> texts(const YAML::Node& n, const std::string& field) const;
    Result<int> integer(const YAML::Node& n, const std::string& field, int min, int max) const;

private:
    std::string file_;
};

}  // namespace vakt::risk
