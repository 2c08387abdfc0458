#pragma once
// The collector's configuration, in Prometheus's YAML shape (global, scrape_configs with
// static and file-based discovery, TLS, basic auth, bearer tokens, limits) plus Vakt's
// `service:` mapping from a job or a target label to a catalogue service. Parsing is plain C++
// over text; reading files (the config, file_sd, secrets) happens at the edge.
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/duration.h"
#include "core/base/result.h"

namespace vakt::collector {

using vakt::Duration;
using vakt::formatDuration;
using vakt::parseDuration;
using vakt::parseSize;
using LabelMap = std::map<std::string, std::string>;


struct TlsConfig {
    std::string caFile, certFile, keyFile, serverName;
    bool insecureSkipVerify = false;
};

struct BasicAuth {
    std::string username;
    std::string passwordFile;
};

// Which catalogue service a target's metrics belong to: one key for the whole job, or the
// value of a target label.
struct ServiceMapping {
    std::string key;
    std::string fromLabel;
};

struct StaticConfig {
    std::vector<std::string> targets;
    LabelMap labels;
    bool operator==(const StaticConfig&) const = default;
};

struct FileSdConfig {
    std::vector<std::string> files;
    Duration refreshInterval = std::chrono::minutes(5);
};

struct ScrapeConfig {
    std::string jobName;
    int line = 0;
    std::string metricsPath = "/metrics";
    std::string scheme = "http";
    std::map<std::string, std::vector<std::string>> params;
    Duration scrapeInterval{0};
    Duration scrapeTimeout{0};
    std::vector<StaticConfig> staticConfigs;
    std::vector<FileSdConfig> fileSdConfigs;
    std::optional<TlsConfig> tls;
    std::optional<BasicAuth> basicAuth;
    std::string authorizationType;     // "Bearer" when a token file is set
    std::string credentialsFile;       // authorization.credentials_file or bearer_token_file
    bool honorLabels = false;
    std::size_t sampleLimit = 0;
    // Per sample, as in Prometheus: how many labels, and how long a name and a value (bytes).
    std::size_t labelLimit = 0, labelNameLengthLimit = 0, labelValueLengthLimit = 0;
    std::uint64_t bodySizeLimit = 0;
    ServiceMapping service;
};

struct GlobalConfig {
    Duration scrapeInterval = std::chrono::minutes(1);
    Duration scrapeTimeout = std::chrono::seconds(10);
    Duration evaluationInterval = std::chrono::minutes(1);
    LabelMap externalLabels;
};

// Audit logs the collector tails into the ledger (docs/audit-ledger.md).
// One sender of pushed audit events: its own token, and what it may write. A stream is the
// Vakt-Stream it names (patterns with '*'); a service is each event's `service`.
struct PushClient {
    std::string name;
    std::string tokenFile;
    std::vector<std::string> streams{"*"};
    std::vector<std::string> services{"*"};
};

struct AuditConfig {
    std::string keysDir;
    std::vector<std::string> files;  // glob patterns; names ending in .gz are read decompressed
    std::chrono::milliseconds pollInterval{2000};
    std::chrono::milliseconds signInterval{300000};
    std::uint64_t maxLineBytes = 64 * 1024;
    // POST /api/v1/audit/events on the collector's web address, for these senders. Each
    // `push.clients` entry has its own token bound to its streams and services;
    // `push.bearer_token_file` is one sender that may write any (for a single sending system).
    std::vector<PushClient> pushClients;
    std::uint64_t pushMaxBody = 16ull << 20;
    std::vector<std::string> detectionRules;  // files of detection rules
};

struct CollectorConfig {
    GlobalConfig global;
    std::vector<ScrapeConfig> scrapeConfigs;
    std::vector<std::string> ruleFiles;
    std::optional<AuditConfig> audit;
};

// Errors name file:line and the field. Unknown keys are errors, as in Prometheus.
Result<CollectorConfig> parseConfig(std::string_view yaml, const std::string& fileName);

// Makes every relative file path in the config relative to `baseDir` (the config's folder).
void resolvePaths(CollectorConfig& config, const std::string& baseDir);

// Targets from one file_sd file (JSON or YAML): [{targets: [...], labels: {...}}].
Result<std::vector<StaticConfig>> parseFileSd(std::string_view text, const std::string& fileName);

}  // namespace vakt::collector
