#include "collector/alerts/rules.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

#include "collector/exposition/number.h"
#include "collector/health/reducer.h"

namespace vakt::collector {

namespace {

Error at(const std::string& file, const YAML::Node& n, const std::string& field, const std::string& why) {
    return fail(file + ":" + std::to_string(n.Mark().line + 1) + ": field '" + field + "': " + why);
}

std::string defaultSummary(RuleType t) {
    switch (t) {
        case RuleType::TargetDown: return "{{instance}} ({{service}}) svarer ikke";
        case RuleType::Threshold: return "{{service}}: verdien er {{value}} på {{instance}}";
        case RuleType::CounterRate: return "{{service}}: uvanlig rate ({{value}} per sekund) på {{instance}}";
        case RuleType::ErrorRatio: return "{{service}}: feilraten bruker opp feilbudsjettet ({{value}} ganger for raskt)";
        case RuleType::HistogramQuantile: return "{{service}}: svartiden er {{value}} sekunder på {{instance}}";
    }
    return {};
}

std::string defaultSummaryEn(RuleType t) {
    switch (t) {
        case RuleType::TargetDown: return "{{instance}} ({{service}}) does not answer";
        case RuleType::Threshold: return "{{service}}: the value is {{value}} on {{instance}}";
        case RuleType::CounterRate: return "{{service}}: unusual rate ({{value}} per second) on {{instance}}";
        case RuleType::ErrorRatio: return "{{service}}: the error rate uses up the error budget ({{value}} times too fast)";
        case RuleType::HistogramQuantile: return "{{service}}: the response time is {{value}} seconds on {{instance}}";
    }
    return {};
}


template <typename Points>
double increaseBetween(const Points& points, std::int64_t from) {
    double total = 0;
    const auto* previous = static_cast<const typename Points::value_type*>(nullptr);
    for (const auto& p : points) {
        if (p.ms < from) {
            previous = &p;
            continue;
        }
        if (previous) total += p.value >= previous->value ? p.value - previous->value : p.value;  // reset-aware
        previous = &p;
    }
    return total;
}

std::string fill(std::string text, const Alert& a, const std::string& job) {
    auto replace = [&](const std::string& key, const std::string& value) {
        for (std::size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size())) text.replace(at, key.size(), value);
    };
    char value[32];
    std::snprintf(value, sizeof value, "%.4g", a.value);
    replace("{{service}}", a.service.empty() ? "ukjent tjeneste" : a.service);
    replace("{{instance}}", a.instance);
    replace("{{job}}", job);
    replace("{{value}}", value);
    return text;
}

}  // namespace

Result<std::vector<AlertRule>> parseRules(std::string_view yaml, const std::string& file) {
    YAML::Node root;
    try {
        root = YAML::Load(std::string(yaml));
    } catch (const YAML::Exception& e) {
        return fail(file + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
    }
    std::vector<AlertRule> out;
    if (root.IsNull()) return out;
    try {
        if (!root.IsMap() || !root["groups"] || !root["groups"].IsSequence()) return at(file, root, "groups", "expected a list of rule groups");
        std::set<std::string> names;
        for (const auto& group : root["groups"]) {
            for (const auto& kv : group)
                if (kv.first.as<std::string>() != "name" && kv.first.as<std::string>() != "rules")
                    return at(file, kv.first, "groups[]." + kv.first.as<std::string>(), "unknown field");
            if (!group["rules"] || !group["rules"].IsSequence()) return at(file, group, "groups[].rules", "expected a list of rules");
            for (const auto& r : group["rules"]) {
                static const std::set<std::string> known = {"alert", "type", "metric", "op", "value", "window", "windows", "slo", "burn_rate",
                                                            "quantile", "for", "severity", "summary", "summary_en", "service"};
                for (const auto& kv : r)
                    if (!known.count(kv.first.as<std::string>())) return at(file, kv.first, "rules[]." + kv.first.as<std::string>(), "unknown field");
                AlertRule rule;
                rule.line = r.Mark().line + 1;
                if (!r["alert"]) return at(file, r, "alert", "required");
                rule.name = r["alert"].as<std::string>();
                if (!names.insert(rule.name).second) return at(file, r["alert"], "alert", "'" + rule.name + "' is used twice");
                const std::string w = "rules[" + rule.name + "]";
                const std::string type = r["type"] ? r["type"].as<std::string>() : "";
                static const std::map<std::string, RuleType> types = {{"target_down", RuleType::TargetDown}, {"threshold", RuleType::Threshold},
                                                                      {"counter_rate", RuleType::CounterRate}, {"error_ratio", RuleType::ErrorRatio},
                                                                      {"histogram_quantile", RuleType::HistogramQuantile}};
                if (!types.count(type))
                    return at(file, r["type"] ? r["type"] : r, w + ".type",
                              "must be target_down, threshold, counter_rate, error_ratio or histogram_quantile");
                rule.type = types.at(type);
                auto number = [&](const char* key, double& target) -> Status {
                    if (!r[key]) return {};
                    const auto v = expo::parseValue(r[key].as<std::string>());
                    if (!v || std::isnan(*v)) return at(file, r[key], w + "." + key, "expected a number");
                    target = *v;
                    return {};
                };
                auto duration = [&](const YAML::Node& n, const std::string& field, Duration& target) -> Status {
                    auto d = parseDuration(n.as<std::string>());
                    if (!d) return at(file, n, field, d.message());
                    target = *d;
                    return {};
                };
                for (auto s : {number("value", rule.value), number("slo", rule.slo), number("burn_rate", rule.burnRate), number("quantile", rule.quantile)})
                    if (!s) return s.error();
                if (r["metric"]) rule.metric = r["metric"].as<std::string>();
                if (r["op"]) {
                    rule.op = r["op"].as<std::string>();
                    if (rule.op != ">" && rule.op != "<" && rule.op != ">=" && rule.op != "<=")
                        return at(file, r["op"], w + ".op", "must be >, <, >= or <=");
                }
                if (r["window"])
                    if (auto s = duration(r["window"], w + ".window", rule.window); !s) return s.error();
                if (r["windows"]) {
                    if (!r["windows"].IsSequence() || r["windows"].size() != 2) return at(file, r["windows"], w + ".windows", "give two windows: [short, long]");
                    if (auto s = duration(r["windows"][0], w + ".windows", rule.window); !s) return s.error();
                    if (auto s = duration(r["windows"][1], w + ".windows", rule.longWindow); !s) return s.error();
                }
                if (r["for"])
                    if (auto s = duration(r["for"], w + ".for", rule.forDuration); !s) return s.error();
                if (r["severity"]) {
                    rule.severity = r["severity"].as<std::string>();
                    if (rule.severity != "info" && rule.severity != "warning" && rule.severity != "critical")
                        return at(file, r["severity"], w + ".severity", "must be info, warning or critical");
                }
                if (r["service"]) rule.service = r["service"].as<std::string>();
                rule.summary = r["summary"] ? r["summary"].as<std::string>() : defaultSummary(rule.type);
                rule.summaryEn = r["summary_en"] ? r["summary_en"].as<std::string>() : defaultSummaryEn(rule.type);
                const bool needsMetric = rule.type == RuleType::Threshold || rule.type == RuleType::CounterRate || rule.type == RuleType::HistogramQuantile;
                if (needsMetric && rule.metric.empty()) return at(file, r, w + ".metric", "required for " + type);
                if ((needsMetric && !r["value"])) return at(file, r, w + ".value", "required for " + type);
                if (rule.type == RuleType::ErrorRatio && !(rule.slo > 0 && rule.slo < 1)) return at(file, r, w + ".slo", "must be between 0 and 1");
                if (rule.quantile < 0 || rule.quantile > 1) return at(file, r["quantile"], w + ".quantile", "must be between 0 and 1");
                out.push_back(rule);
            }
        }
    } catch (const YAML::Exception& e) {
        return fail(file + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
    }
    return out;
}

Result<std::vector<AlertRule>> loadRuleFiles(const std::vector<std::string>& files) {
    std::vector<AlertRule> all;
    std::set<std::string> names;
    for (const auto& path : files) {
        std::ifstream in(path, std::ios::binary);
        if (!in) return fail(path + ": cannot read the rule file");
        std::ostringstream text;
        text << in.rdbuf();
        auto rules = parseRules(text.str(), path);
        if (!rules) return rules.error();
        for (auto& r : *rules) {
            if (!names.insert(r.name).second) return fail(path + ":" + std::to_string(r.line) + ": field 'alert': '" + r.name + "' is defined in another rule file too");
            all.push_back(std::move(r));
        }
    }
    return all;
}

std::int64_t AlertEvaluator::longestWindowMs() const {
    std::int64_t longest = 0;
    for (const auto& r : rules_) longest = std::max({longest, static_cast<std::int64_t>(r.window.count()), static_cast<std::int64_t>(r.longWindow.count())});
    return longest;
}

void AlertEvaluator::observe(const std::string& job, const std::string& instance, const std::string& service, std::int64_t timeMs, bool up,
                             const expo::ParseResult* result) {
    TargetData& t = targets_[job + "/" + instance];
    t.job = job;
    t.service = service;
    t.up = up;
    if (!up || !result) return;
    const std::int64_t keep = timeMs - longestWindowMs() - 60000;
    auto trim = [&](std::deque<Point>& d) {
        while (d.size() > 2 && d[1].ms < keep) d.pop_front();
    };
    std::map<std::string, double> counterSums;
    std::map<std::string, std::map<double, double>> bucketSums;
    double requests = 0, errors = 0;
    for (auto& [metric, values] : t.gauges) values.clear();
    for (const auto& s : result->samples) {
        const std::string name(s.name);
        for (const auto& rule : rules_) {
            if (rule.type == RuleType::Threshold && name == rule.metric) t.gauges[rule.metric].push_back(s.value);
            if (rule.type == RuleType::CounterRate && (name == rule.metric || name == rule.metric + "_total")) counterSums[rule.metric] += s.value;
            if (rule.type == RuleType::HistogramQuantile && name == rule.metric + "_bucket") {
                const auto le = expo::parseValue(expo::labelValue(*result, s, "le"));
                if (le) bucketSums[rule.metric][*le] += s.value;
            }
        }
        if (s.name.ends_with("_requests_total")) {
            requests += s.value;
            std::string_view code = expo::labelValue(*result, s, "code");
            if (code.empty()) code = expo::labelValue(*result, s, "status");
            if (!code.empty() && code[0] == '5') errors += s.value;
        }
    }
    for (const auto& [metric, sum] : counterSums) {
        t.counters[metric].push_back({timeMs, sum});
        trim(t.counters[metric]);
    }
    t.counters["__requests"].push_back({timeMs, requests});
    t.counters["__errors"].push_back({timeMs, errors});
    trim(t.counters["__requests"]);
    trim(t.counters["__errors"]);
    for (const auto& [metric, byLe] : bucketSums)
        for (const auto& [le, sum] : byLe) {
            auto& d = t.buckets[metric][le];
            d.push_back({timeMs, sum});
            trim(d);
        }
}

bool AlertEvaluator::holds(const AlertRule& rule, double v) const {
    if (std::isnan(v)) return false;
    if (rule.op == ">") return v > rule.value;
    if (rule.op == ">=") return v >= rule.value;
    if (rule.op == "<") return v < rule.value;
    return v <= rule.value;
}

std::vector<Alert> AlertEvaluator::evaluate(std::int64_t nowMs) {
    std::map<std::string, Alert> now;  // fingerprint → alert whose condition holds now
    auto condition = [&](const AlertRule& rule, const std::string& service, const std::string& job, const std::string& instance, double value) {
        if (!rule.service.empty() && rule.service != service) return;
        Alert a;
        a.rule = rule.name;
        a.severity = rule.severity;
        a.service = service;
        a.instance = instance;
        a.value = value;
        a.fingerprint = rule.name + "|" + service + "|" + job + "|" + instance;
        a.summary = fill(rule.summary, a, job);
        a.summaryEn = fill(rule.summaryEn, a, job);
        now[a.fingerprint] = a;
    };
    for (const auto& rule : rules_) {
        const std::int64_t from = nowMs - rule.window.count();
        if (rule.type == RuleType::ErrorRatio) {
            // Per service: the error ratio must burn the budget too fast in both windows.
            std::map<std::string, std::array<double, 4>> sums;  // requests short, errors short, requests long, errors long
            for (const auto& [key, t] : targets_) {
                if (t.service.empty() || !t.counters.count("__requests")) continue;
                auto& s = sums[t.service];
                s[0] += increaseBetween(t.counters.at("__requests"), from);
                s[1] += increaseBetween(t.counters.at("__errors"), from);
                s[2] += increaseBetween(t.counters.at("__requests"), nowMs - rule.longWindow.count());
                s[3] += increaseBetween(t.counters.at("__errors"), nowMs - rule.longWindow.count());
            }
            const double budget = 1 - rule.slo;
            for (const auto& [service, s] : sums) {
                if (s[0] <= 0 || s[2] <= 0) continue;
                const double shortBurn = s[1] / s[0] / budget, longBurn = s[3] / s[2] / budget;
                if (shortBurn >= rule.burnRate && longBurn >= rule.burnRate) condition(rule, service, "", "", std::min(shortBurn, longBurn));
            }
            continue;
        }
        for (const auto& [key, t] : targets_) {
            const std::string instance = key.substr(key.find('/') + 1);
            switch (rule.type) {
                case RuleType::TargetDown:
                    if (!t.up) condition(rule, t.service, t.job, instance, 1);
                    break;
                case RuleType::Threshold:
                    if (t.up && t.gauges.count(rule.metric))
                        for (double v : t.gauges.at(rule.metric))
                            if (holds(rule, v)) {
                                condition(rule, t.service, t.job, instance, v);
                                break;
                            }
                    break;
                case RuleType::CounterRate:
                    if (t.up && t.counters.count(rule.metric) && t.counters.at(rule.metric).size() >= 2) {
                        const auto& d = t.counters.at(rule.metric);
                        const double seconds = static_cast<double>(std::min<std::int64_t>(rule.window.count(), nowMs - d.front().ms)) / 1000.0;
                        if (seconds > 0) {
                            const double rate = increaseBetween(d, from) / seconds;
                            if (holds(rule, rate)) condition(rule, t.service, t.job, instance, rate);
                        }
                    }
                    break;
                case RuleType::HistogramQuantile:
                    if (t.up && t.buckets.count(rule.metric)) {
                        std::map<double, double> increases;
                        for (const auto& [le, d] : t.buckets.at(rule.metric)) increases[le] = increaseBetween(d, from);
                        const double q = histogramQuantile(rule.quantile, increases);
                        if (holds(rule, q)) condition(rule, t.service, t.job, instance, q);
                    }
                    break;
                case RuleType::ErrorRatio:
                    break;
            }
        }
    }
    // Pending conditions keep their start; cleared ones are forgotten.
    for (auto it = active_.begin(); it != active_.end();)
        it = now.count(it->first) ? std::next(it) : active_.erase(it);
    std::vector<Alert> firing;
    for (auto& [fingerprint, alert] : now) {
        auto [it, inserted] = active_.try_emplace(fingerprint, Pending{nowMs, alert.value, alert.service, alert.instance});
        alert.activeSinceMs = it->second.sinceMs;
        const std::string& ruleName = alert.rule;  // structured bindings cannot be captured before C++20 in clang 14
        const AlertRule& rule = *std::find_if(rules_.begin(), rules_.end(), [&](const AlertRule& r) { return r.name == ruleName; });
        if (nowMs - it->second.sinceMs >= rule.forDuration.count()) firing.push_back(alert);
    }
    return firing;
}

}  // namespace vakt::collector
