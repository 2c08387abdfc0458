#include "collector/audit/detection_rules.h"

#include <QFile>
#include <set>
#include <yaml-cpp/yaml.h>

#include "core/base/duration.h"

namespace vakt::audit {

namespace {
struct Where {
    const std::string& file;
    Error at(const YAML::Node& n, const std::string& field, const std::string& why) const {
        const int line = n.Mark().is_null() ? 0 : n.Mark().line + 1;
        return fail(file + ":" + std::to_string(line) + ": field '" + field + "': " + why);
    }
};

Result<std::vector<std::string>> strings(const Where& w, const YAML::Node& n, const std::string& field) {
    if (!n.IsSequence()) return w.at(n, field, "expected a list");
    std::vector<std::string> out;
    for (const auto& item : n) {
        if (!item.IsScalar()) return w.at(item, field, "expected text values");
        out.push_back(item.as<std::string>());
    }
    return out;
}

Result<DetectionRule> readRule(const Where& w, const YAML::Node& n, std::set<std::string>& names) {
    if (!n.IsMap()) return w.at(n, "detections", "each rule is a mapping");
    static const std::set<std::string> known = {"name", "type", "severity", "summary", "summary_en", "actions", "window", "threshold", "areas",
                                                "service_areas", "start_hour", "end_hour", "weekdays", "privileges"};
    for (const auto& kv : n)
        if (!known.count(kv.first.as<std::string>())) return w.at(kv.first, kv.first.as<std::string>(), "unknown field");
    DetectionRule r;
    if (!n["name"] || !n["name"].IsScalar() || n["name"].as<std::string>().empty()) return w.at(n, "name", "required");
    r.name = n["name"].as<std::string>();
    if (!names.insert(r.name).second) return w.at(n["name"], "name", "'" + r.name + "' is used twice");
    if (!n["type"] || !n["type"].IsScalar()) return w.at(n, r.name + ".type", "required");
    const auto type = detectionTypeFromName(n["type"].as<std::string>());
    if (!type)
        return w.at(n["type"], r.name + ".type",
                    "'" + n["type"].as<std::string>() +
                        "' is not one of lookup_without_legal_basis, many_distinct_subjects, strict_address_protection, "
                        "confidential_outside_area, outside_working_hours, privilege_grant, new_source, dormant_account, denied_burst");
    r.type = *type;
    if (n["severity"]) {
        r.severity = n["severity"].as<std::string>();
        if (r.severity != "critical" && r.severity != "warning" && r.severity != "info")
            return w.at(n["severity"], r.name + ".severity", "must be critical, warning or info");
    }
    if (n["summary"]) r.summary = n["summary"].as<std::string>();
    if (n["summary_en"]) r.summaryEn = n["summary_en"].as<std::string>();
    if (n["actions"]) {
        auto v = strings(w, n["actions"], r.name + ".actions");
        if (!v) return v.error();
        r.actions = *v;
    }
    if (n["areas"]) {
        auto v = strings(w, n["areas"], r.name + ".areas");
        if (!v) return v.error();
        r.areas = *v;
    }
    if (n["privileges"]) {
        auto v = strings(w, n["privileges"], r.name + ".privileges");
        if (!v) return v.error();
        r.privileges = *v;
    }
    if (const auto& m = n["service_areas"]) {
        if (!m.IsMap()) return w.at(m, r.name + ".service_areas", "expected a mapping of service to its areas");
        for (const auto& kv : m) {
            auto v = strings(w, kv.second, r.name + ".service_areas." + kv.first.as<std::string>());
            if (!v) return v.error();
            r.serviceAreas[kv.first.as<std::string>()] = *v;
        }
    }
    if (n["window"]) {
        auto d = vakt::parseDuration(n["window"].as<std::string>());
        if (!d) return w.at(n["window"], r.name + ".window", d.message());
        if (d->count() <= 0) return w.at(n["window"], r.name + ".window", "must be longer than 0");
        r.window = *d;
    }
    auto integer = [&](const char* key, int min, int max, int& target) -> Status {
        if (!n[key]) return {};
        try {
            const int v = n[key].as<int>();
            if (v < min || v > max) return w.at(n[key], r.name + "." + key, "must be from " + std::to_string(min) + " to " + std::to_string(max));
            target = v;
        } catch (const YAML::Exception&) {
            return w.at(n[key], r.name + "." + key, "expected a whole number");
        }
        return {};
    };
    if (auto s = integer("threshold", 1, 1000000, r.threshold); !s) return s.error();
    if (auto s = integer("start_hour", 0, 23, r.startHour); !s) return s.error();
    if (auto s = integer("end_hour", 1, 24, r.endHour); !s) return s.error();
    if (n["weekdays"]) {
        if (!n["weekdays"].IsSequence()) return w.at(n["weekdays"], r.name + ".weekdays", "expected a list of 1 (Monday) to 7 (Sunday)");
        r.weekdays.clear();
        for (const auto& d : n["weekdays"]) {
            int day = 0;
            if (auto s = [&]() -> Status {
                    try {
                        day = d.as<int>();
                    } catch (const YAML::Exception&) {
                        day = 0;
                    }
                    if (day < 1 || day > 7) return w.at(d, r.name + ".weekdays", "expected 1 (Monday) to 7 (Sunday)");
                    return {};
                }();
                !s)
                return s.error();
            r.weekdays.push_back(day);
        }
    }
    if ((r.type == DetectionType::ManyDistinctSubjects || r.type == DetectionType::DeniedBurst) && !n["threshold"])
        return w.at(n, r.name + ".threshold", "required for this type");
    if (r.type == DetectionType::ConfidentialOutsideArea && r.serviceAreas.empty())
        return w.at(n, r.name + ".service_areas", "required for this type: which service areas may see each service's confidential data");
    if (r.type == DetectionType::DormantAccount && !n["window"]) r.window = std::chrono::hours(24 * 90);
    return r;
}
}  // namespace

Result<std::vector<DetectionRule>> parseDetectionRules(std::string_view yaml, const std::string& fileName) {
    const Where w{fileName};
    try {
        const YAML::Node root = YAML::Load(std::string(yaml));
        if (root.IsNull()) return std::vector<DetectionRule>{};
        if (!root.IsMap() || !root["detections"]) return w.at(root, "detections", "required: the list of rules");
        for (const auto& kv : root)
            if (kv.first.as<std::string>() != "detections") return w.at(kv.first, kv.first.as<std::string>(), "unknown field");
        if (!root["detections"].IsSequence()) return w.at(root["detections"], "detections", "expected a list");
        std::vector<DetectionRule> rules;
        std::set<std::string> names;
        for (const auto& n : root["detections"]) {
            auto r = readRule(w, n, names);
            if (!r) return r.error();
            rules.push_back(std::move(*r));
        }
        return rules;
    } catch (const YAML::Exception& e) {
        return fail(fileName + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
    }
}

Result<std::vector<DetectionRule>> loadDetectionRules(const std::vector<std::string>& files) {
    std::vector<DetectionRule> all;
    for (const auto& path : files) {
        QFile f(QString::fromStdString(path));
        if (!f.open(QIODevice::ReadOnly)) return fail(path + ": cannot read: " + f.errorString().toStdString());
        auto rules = parseDetectionRules(f.readAll().toStdString(), path);
        if (!rules) return rules.error();
        all.insert(all.end(), rules->begin(), rules->end());
    }
    return all;
}

}  // namespace vakt::audit
