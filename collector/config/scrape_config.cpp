#include "collector/config/scrape_config.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <set>

namespace vakt::collector {

namespace {

bool digitsOnly(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Reads YAML nodes and turns every problem into "file:line: field 'x': reason".
class Reader {
public:
    explicit Reader(std::string fileName) : file_(std::move(fileName)) {}

    Error at(const YAML::Node& node, const std::string& field, const std::string& why) const {
        const int line = node.Mark().is_null() ? 0 : node.Mark().line + 1;
        return fail(file_ + ":" + std::to_string(line) + ": field '" + field + "': " + why);
    }

    Status knownKeys(const YAML::Node& map, const std::string& where, std::initializer_list<const char*> keys) const {
        if (!map.IsMap()) return at(map, where, "expected a mapping");
        for (const auto& kv : map) {
            const std::string key = kv.first.as<std::string>();
            if (std::none_of(keys.begin(), keys.end(), [&](const char* k) { return key == k; }))
                return at(kv.first, where.empty() ? key : where + "." + key, "unknown field");
        }
        return {};
    }

    Result<std::string> string(const YAML::Node& n, const std::string& field) const {
        if (!n.IsScalar()) return at(n, field, "expected a text value");
        return n.as<std::string>();
    }
    Result<bool> boolean(const YAML::Node& n, const std::string& field) const {
        const auto s = string(n, field);
        if (!s) return s.error();
        if (*s == "true") return true;
        if (*s == "false") return false;
        return at(n, field, "expected true or false, not '" + *s + "'");
    }
    Result<Duration> duration(const YAML::Node& n, const std::string& field) const {
        const auto s = string(n, field);
        if (!s) return s.error();
        auto d = parseDuration(*s);
        if (!d) return at(n, field, d.message());
        return d;
    }
    Result<std::uint64_t> size(const YAML::Node& n, const std::string& field) const {
        const auto s = string(n, field);
        if (!s) return s.error();
        auto bytes = parseSize(*s);
        if (!bytes) return at(n, field, bytes.message());
        return bytes;
    }
    Result<LabelMap> labels(const YAML::Node& n, const std::string& field) const {
        if (!n.IsMap()) return at(n, field, "expected a mapping of label names to values");
        LabelMap out;
        for (const auto& kv : n) {
            const std::string name = kv.first.as<std::string>();
            const bool valid = !name.empty() && (std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_') &&
                               std::all_of(name.begin(), name.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
            if (!valid) return at(kv.first, field, "'" + name + "' is not a valid label name");
            auto v = string(kv.second, field + "." + name);
            if (!v) return v.error();
            out[name] = *v;
        }
        return out;
    }
    Result<std::vector<std::string>> strings(const YAML::Node& n, const std::string& field) const {
        if (!n.IsSequence()) return at(n, field, "expected a list");
        std::vector<std::string> out;
        for (const auto& item : n) {
            auto s = string(item, field);
            if (!s) return s.error();
            out.push_back(*s);
        }
        return out;
    }

    const std::string& file() const { return file_; }

private:
    std::string file_;
};

Status validTarget(const Reader& r, const YAML::Node& node, const std::string& target) {
    const auto colon = target.rfind(':');
    if (target.find("://") != std::string::npos || target.find('/') != std::string::npos)
        return r.at(node, "targets", "'" + target + "' must be host:port without scheme or path (use scheme and metrics_path)");
    if (colon == std::string::npos || colon == 0 || !digitsOnly(std::string_view(target).substr(colon + 1)))
        return r.at(node, "targets", "'" + target + "' must be host:port");
    const int port = std::stoi(target.substr(colon + 1));
    if (port < 1 || port > 65535) return r.at(node, "targets", "'" + target + "' has a port outside 1-65535");
    return {};
}

Result<StaticConfig> readStatic(const Reader& r, const YAML::Node& n, const std::string& where) {
    if (auto s = r.knownKeys(n, where, {"targets", "labels"}); !s) return s.error();
    StaticConfig sc;
    if (n["targets"]) {
        auto t = r.strings(n["targets"], where + ".targets");
        if (!t) return t.error();
        for (const auto& target : *t)
            if (auto s = validTarget(r, n["targets"], target); !s) return s.error();
        sc.targets = *t;
    }
    if (n["labels"]) {
        auto l = r.labels(n["labels"], where + ".labels");
        if (!l) return l.error();
        sc.labels = *l;
    }
    return sc;
}

Result<ScrapeConfig> readJob(const Reader& r, const YAML::Node& n, const GlobalConfig& global) {
    if (auto s = r.knownKeys(n, "scrape_configs[]",
                             {"job_name", "metrics_path", "scheme", "params", "scrape_interval", "scrape_timeout", "static_configs",
                              "file_sd_configs", "tls_config", "basic_auth", "authorization", "bearer_token_file", "honor_labels",
                              "sample_limit", "label_limit", "label_name_length_limit", "label_value_length_limit", "body_size_limit", "service"});
        !s)
        return s.error();
    ScrapeConfig job;
    job.line = n.Mark().line + 1;
    if (!n["job_name"]) return r.at(n, "job_name", "required");
    auto name = r.string(n["job_name"], "job_name");
    if (!name) return name.error();
    if (name->empty()) return r.at(n["job_name"], "job_name", "must not be empty");
    job.jobName = *name;
    const std::string j = "scrape_configs[" + job.jobName + "]";
    job.scrapeInterval = global.scrapeInterval;
    job.scrapeTimeout = global.scrapeTimeout;
    if (n["metrics_path"]) {
        auto p = r.string(n["metrics_path"], j + ".metrics_path");
        if (!p) return p.error();
        if (p->empty() || (*p)[0] != '/') return r.at(n["metrics_path"], j + ".metrics_path", "must start with '/'");
        job.metricsPath = *p;
    }
    if (n["scheme"]) {
        auto s = r.string(n["scheme"], j + ".scheme");
        if (!s) return s.error();
        if (*s != "http" && *s != "https") return r.at(n["scheme"], j + ".scheme", "must be http or https, not '" + *s + "'");
        job.scheme = *s;
    }
    if (n["params"]) {
        if (!n["params"].IsMap()) return r.at(n["params"], j + ".params", "expected a mapping of names to lists");
        for (const auto& kv : n["params"]) {
            auto values = r.strings(kv.second, j + ".params." + kv.first.as<std::string>());
            if (!values) return values.error();
            job.params[kv.first.as<std::string>()] = *values;
        }
    }
    if (n["scrape_interval"]) {
        auto d = r.duration(n["scrape_interval"], j + ".scrape_interval");
        if (!d) return d.error();
        job.scrapeInterval = *d;
        if (!n["scrape_timeout"] && job.scrapeTimeout > job.scrapeInterval) job.scrapeTimeout = job.scrapeInterval;
    }
    if (n["scrape_timeout"]) {
        auto d = r.duration(n["scrape_timeout"], j + ".scrape_timeout");
        if (!d) return d.error();
        job.scrapeTimeout = *d;
    }
    if (job.scrapeInterval.count() <= 0) return r.at(n, j + ".scrape_interval", "must be more than zero");
    if (job.scrapeTimeout > job.scrapeInterval)
        return r.at(n["scrape_timeout"] ? n["scrape_timeout"] : n, j + ".scrape_timeout",
                    "(" + formatDuration(job.scrapeTimeout) + ") must not be longer than scrape_interval (" + formatDuration(job.scrapeInterval) + ")");
    if (n["static_configs"]) {
        if (!n["static_configs"].IsSequence()) return r.at(n["static_configs"], j + ".static_configs", "expected a list");
        for (const auto& sc : n["static_configs"]) {
            auto s = readStatic(r, sc, j + ".static_configs[]");
            if (!s) return s.error();
            job.staticConfigs.push_back(*s);
        }
    }
    if (n["file_sd_configs"]) {
        if (!n["file_sd_configs"].IsSequence()) return r.at(n["file_sd_configs"], j + ".file_sd_configs", "expected a list");
        for (const auto& fs : n["file_sd_configs"]) {
            const std::string w = j + ".file_sd_configs[]";
            if (auto s = r.knownKeys(fs, w, {"files", "refresh_interval"}); !s) return s.error();
            FileSdConfig f;
            if (!fs["files"]) return r.at(fs, w + ".files", "required");
            auto files = r.strings(fs["files"], w + ".files");
            if (!files) return files.error();
            f.files = *files;
            if (fs["refresh_interval"]) {
                auto d = r.duration(fs["refresh_interval"], w + ".refresh_interval");
                if (!d) return d.error();
                f.refreshInterval = *d;
            }
            job.fileSdConfigs.push_back(f);
        }
    }
    if (const auto& t = n["tls_config"]) {
        const std::string w = j + ".tls_config";
        if (auto s = r.knownKeys(t, w, {"ca_file", "cert_file", "key_file", "server_name", "insecure_skip_verify"}); !s) return s.error();
        TlsConfig tls;
        for (auto [key, target] : {std::pair{"ca_file", &tls.caFile}, {"cert_file", &tls.certFile}, {"key_file", &tls.keyFile},
                                   {"server_name", &tls.serverName}})
            if (t[key]) {
                auto v = r.string(t[key], w + "." + key);
                if (!v) return v.error();
                *target = *v;
            }
        if (t["insecure_skip_verify"]) {
            auto b = r.boolean(t["insecure_skip_verify"], w + ".insecure_skip_verify");
            if (!b) return b.error();
            tls.insecureSkipVerify = *b;
        }
        if (tls.certFile.empty() != tls.keyFile.empty()) return r.at(t, w, "cert_file and key_file must be given together");
        job.tls = tls;
    }
    if (const auto& b = n["basic_auth"]) {
        const std::string w = j + ".basic_auth";
        // Secrets come from files only, so they never sit in the config or its history.
        if (b["password"]) return r.at(b["password"], w + ".password", "write the password to a file and use password_file");
        if (auto s = r.knownKeys(b, w, {"username", "password_file"}); !s) return s.error();
        BasicAuth auth;
        if (!b["username"]) return r.at(b, w + ".username", "required");
        auto u = r.string(b["username"], w + ".username");
        if (!u) return u.error();
        auth.username = *u;
        if (b["password_file"]) {
            auto p = r.string(b["password_file"], w + ".password_file");
            if (!p) return p.error();
            auth.passwordFile = *p;
        }
        job.basicAuth = auth;
    }
    if (const auto& a = n["authorization"]) {
        const std::string w = j + ".authorization";
        if (a["credentials"]) return r.at(a["credentials"], w + ".credentials", "write the credentials to a file and use credentials_file");
        if (auto s = r.knownKeys(a, w, {"type", "credentials_file"}); !s) return s.error();
        job.authorizationType = "Bearer";
        if (a["type"]) {
            auto t = r.string(a["type"], w + ".type");
            if (!t) return t.error();
            job.authorizationType = *t;
        }
        if (!a["credentials_file"]) return r.at(a, w + ".credentials_file", "required");
        auto f = r.string(a["credentials_file"], w + ".credentials_file");
        if (!f) return f.error();
        job.credentialsFile = *f;
    }
    if (n["bearer_token_file"]) {
        if (n["authorization"]) return r.at(n["bearer_token_file"], j + ".bearer_token_file", "cannot be combined with authorization");
        auto f = r.string(n["bearer_token_file"], j + ".bearer_token_file");
        if (!f) return f.error();
        job.authorizationType = "Bearer";
        job.credentialsFile = *f;
    }
    if (job.basicAuth && !job.credentialsFile.empty()) return r.at(n, j, "basic_auth and a bearer token cannot both be set");
    if (n["honor_labels"]) {
        auto b = r.boolean(n["honor_labels"], j + ".honor_labels");
        if (!b) return b.error();
        job.honorLabels = *b;
    }
    for (auto [key, limit] : {std::pair{"sample_limit", &job.sampleLimit}, std::pair{"label_limit", &job.labelLimit},
                              std::pair{"label_name_length_limit", &job.labelNameLengthLimit},
                              std::pair{"label_value_length_limit", &job.labelValueLengthLimit}}) {
        if (!n[key]) continue;
        auto s = r.string(n[key], j + "." + key);
        if (!s) return s.error();
        if (!digitsOnly(*s) || s->size() > 12) return r.at(n[key], j + "." + key, "expected a whole number");
        *limit = std::stoull(*s);
    }
    if (n["body_size_limit"]) {
        auto s = r.string(n["body_size_limit"], j + ".body_size_limit");
        if (!s) return s.error();
        auto size = parseSize(*s);
        if (!size) return r.at(n["body_size_limit"], j + ".body_size_limit", size.message());
        job.bodySizeLimit = *size;
    }
    if (const auto& svc = n["service"]) {
        const std::string w = j + ".service";
        if (svc.IsScalar()) {
            job.service.key = svc.as<std::string>();
        } else {
            if (auto s = r.knownKeys(svc, w, {"key", "from_label"}); !s) return s.error();
            if (svc["key"]) job.service.key = svc["key"].as<std::string>();
            if (svc["from_label"]) job.service.fromLabel = svc["from_label"].as<std::string>();
            if (job.service.key.empty() == job.service.fromLabel.empty())
                return r.at(svc, w, "give either key (a catalogue key) or from_label (a target label)");
        }
    }
    return job;
}

}  // namespace

Result<CollectorConfig> parseConfig(std::string_view yaml, const std::string& fileName) {
    YAML::Node root;
    try {
        root = YAML::Load(std::string(yaml));
    } catch (const YAML::Exception& e) {
        return fail(fileName + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
    }
    Reader r(fileName);
    CollectorConfig config;
    if (root.IsNull()) return config;
    try {
        if (auto s = r.knownKeys(root, "", {"global", "scrape_configs", "rule_files", "audit"}); !s) return s.error();
        if (const auto& g = root["global"]) {
            if (auto s = r.knownKeys(g, "global", {"scrape_interval", "scrape_timeout", "evaluation_interval", "external_labels"}); !s)
                return s.error();
            if (g["scrape_interval"]) {
                auto d = r.duration(g["scrape_interval"], "global.scrape_interval");
                if (!d) return d.error();
                config.global.scrapeInterval = *d;
            }
            if (g["scrape_timeout"]) {
                auto d = r.duration(g["scrape_timeout"], "global.scrape_timeout");
                if (!d) return d.error();
                config.global.scrapeTimeout = *d;
            }
            if (g["evaluation_interval"]) {
                auto d = r.duration(g["evaluation_interval"], "global.evaluation_interval");
                if (!d) return d.error();
                config.global.evaluationInterval = *d;
            }
            if (g["external_labels"]) {
                auto l = r.labels(g["external_labels"], "global.external_labels");
                if (!l) return l.error();
                config.global.externalLabels = *l;
            }
            // As in Prometheus: the default timeout shrinks to a shorter interval; a given one must fit.
            if (config.global.scrapeTimeout > config.global.scrapeInterval) {
                if (g["scrape_timeout"]) return r.at(g, "global.scrape_timeout", "must not be longer than global.scrape_interval");
                config.global.scrapeTimeout = config.global.scrapeInterval;
            }
        }
        if (root["rule_files"]) {
            auto files = r.strings(root["rule_files"], "rule_files");
            if (!files) return files.error();
            config.ruleFiles = *files;
        }
        if (const auto& a = root["audit"]) {
            if (auto s = r.knownKeys(a, "audit", {"keys_dir", "files", "poll_interval", "sign_interval", "max_line_bytes", "push", "detection_rules"}); !s) return s.error();
            AuditConfig audit;
            if (!a["keys_dir"]) return r.at(a, "audit.keys_dir", "required: the ledger's key directory");
            auto keys = r.string(a["keys_dir"], "audit.keys_dir");
            if (!keys) return keys.error();
            audit.keysDir = *keys;
            if (!a["files"] && !a["push"]) return r.at(a, "audit.files", "required: the audit log files to follow (glob patterns), or push");
            if (a["files"]) {
                auto files = r.strings(a["files"], "audit.files");
                if (!files) return files.error();
                audit.files = *files;
            }
            if (a["detection_rules"]) {
                auto files = r.strings(a["detection_rules"], "audit.detection_rules");
                if (!files) return files.error();
                audit.detectionRules = *files;
            }
            if (const auto& push = a["push"]) {
                if (auto s = r.knownKeys(push, "audit.push", {"bearer_token_file", "clients", "max_body_size"}); !s) return s.error();
                if (!push["bearer_token_file"] && !push["clients"])
                    return r.at(push, "audit.push", "give clients (or bearer_token_file): pushing is never open to anyone");
                if (push["bearer_token_file"]) {
                    auto token = r.string(push["bearer_token_file"], "audit.push.bearer_token_file");
                    if (!token) return token.error();
                    audit.pushClients.push_back(PushClient{"default", *token, {"*"}, {"*"}});
                }
                if (const auto& clients = push["clients"]) {
                    if (!clients.IsSequence()) return r.at(clients, "audit.push.clients", "expected a list of clients");
                    for (std::size_t i = 0; i < clients.size(); ++i) {
                        const auto& c = clients[i];
                        const std::string w = "audit.push.clients[" + std::to_string(i) + "]";
                        if (auto s = r.knownKeys(c, w, {"name", "bearer_token_file", "streams", "services"}); !s) return s.error();
                        PushClient client;
                        for (auto [key, target] : {std::pair{"name", &client.name}, std::pair{"bearer_token_file", &client.tokenFile}}) {
                            if (!c[key]) return r.at(c, w + "." + key, "required");
                            auto v = r.string(c[key], w + "." + key);
                            if (!v) return v.error();
                            *target = *v;
                        }
                        for (auto [key, target] : {std::pair{"streams", &client.streams}, std::pair{"services", &client.services}}) {
                            if (!c[key]) return r.at(c, w + "." + key, "required: what this client may write ('*' for any)");
                            auto v = r.strings(c[key], w + "." + key);
                            if (!v) return v.error();
                            *target = *v;
                        }
                        audit.pushClients.push_back(std::move(client));
                    }
                }
                if (push["max_body_size"]) {
                    auto n = r.size(push["max_body_size"], "audit.push.max_body_size");
                    if (!n) return n.error();
                    audit.pushMaxBody = *n;
                }
            }
            for (auto [key, target] : {std::pair{"poll_interval", &audit.pollInterval}, std::pair{"sign_interval", &audit.signInterval}}) {
                if (!a[key]) continue;
                auto d = r.duration(a[key], std::string("audit.") + key);
                if (!d) return d.error();
                if (d->count() < 100) return r.at(a[key], std::string("audit.") + key, "must be at least 100ms");
                *target = *d;
            }
            if (a["max_line_bytes"]) {
                auto n = r.size(a["max_line_bytes"], "audit.max_line_bytes");
                if (!n) return n.error();
                if (*n < 256 || *n > (16u << 20)) return r.at(a["max_line_bytes"], "audit.max_line_bytes", "must be from 256B to 16MB");
                audit.maxLineBytes = *n;
            }
            config.audit = std::move(audit);
        }
        if (const auto& jobs = root["scrape_configs"]) {
            if (!jobs.IsSequence()) return r.at(jobs, "scrape_configs", "expected a list");
            std::set<std::string> names;
            for (const auto& n : jobs) {
                auto job = readJob(r, n, config.global);
                if (!job) return job.error();
                if (!names.insert(job->jobName).second) return r.at(n["job_name"], "job_name", "'" + job->jobName + "' is used twice");
                config.scrapeConfigs.push_back(std::move(*job));
            }
        }
    } catch (const YAML::Exception& e) {
        return fail(fileName + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
    }
    return config;
}

void resolvePaths(CollectorConfig& config, const std::string& baseDir) {
    auto fix = [&](std::string& path) {
        if (!path.empty() && path[0] != '/') path = baseDir + "/" + path;
    };
    for (auto& f : config.ruleFiles) fix(f);
    if (config.audit) {
        fix(config.audit->keysDir);
        for (auto& f : config.audit->files) fix(f);
        for (auto& client : config.audit->pushClients) fix(client.tokenFile);
        for (auto& f : config.audit->detectionRules) fix(f);
    }
    for (auto& job : config.scrapeConfigs) {
        for (auto& sd : job.fileSdConfigs)
            for (auto& f : sd.files) fix(f);
        if (job.tls) {
            fix(job.tls->caFile);
            fix(job.tls->certFile);
            fix(job.tls->keyFile);
        }
        if (job.basicAuth) fix(job.basicAuth->passwordFile);
        fix(job.credentialsFile);
    }
}

Result<std::vector<StaticConfig>> parseFileSd(std::string_view text, const std::string& fileName) {
    YAML::Node root;  // JSON is YAML, so one reader serves both file_sd formats
    try {
        root = YAML::Load(std::string(text));
    } catch (const YAML::Exception& e) {
        return fail(fileName + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
    }
    Reader r(fileName);
    std::vector<StaticConfig> out;
    if (root.IsNull()) return out;
    if (!root.IsSequence()) return r.at(root, "", "expected a list of {targets, labels}");
    try {
        for (const auto& item : root) {
            auto sc = readStatic(r, item, "[]");
            if (!sc) return sc.error();
            out.push_back(*sc);
        }
    } catch (const YAML::Exception& e) {
        return fail(fileName + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
    }
    return out;
}

}  // namespace vakt::collector
