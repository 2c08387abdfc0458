#include <gtest/gtest.h>

#include <limits>

#include "collector/config/scrape_config.h"

using namespace vakt::collector;
using namespace std::chrono_literals;
using vakt::timerMilliseconds;

TEST(ScrapeConfig, ReadsPrometheusShapedConfigWithVaktServiceMapping) {
    const char* yaml = R"(
global:
  scrape_interval: 15s
  scrape_timeout: 5s
  external_labels:
    site: oslo
scrape_configs:
  - job_name: svarut
    scheme: https
    metrics_path: /actuator/prometheus
    params:
      format: [prometheus]
    static_configs:
      - targets: ['svarut-1.fiks.local:8443', 'svarut-2.fiks.local:8443']
        labels: {env: prod}
    tls_config:
      ca_file: ca.pem
      server_name: svarut.fiks.local
    basic_auth:
      username: vakt
      password_file: secrets/svarut
    sample_limit: 50000
    label_limit: 30
    label_name_length_limit: 64
    label_value_length_limit: 2048
    body_size_limit: 10MB
    service: svarut
  - job_name: platform
    scrape_interval: 1m30s
    file_sd_configs:
      - files: ['targets/*.json']
        refresh_interval: 30s
    bearer_token_file: /run/secrets/token
    honor_labels: true
    service:
      from_label: service
)";
    auto c = parseConfig(yaml, "vakt.yml");
    ASSERT_TRUE(c) << c.message();
    EXPECT_EQ(c->global.scrapeInterval, 15s);
    EXPECT_EQ(c->global.externalLabels.at("site"), "oslo");
    ASSERT_EQ(c->scrapeConfigs.size(), 2u);
    const auto& svarut = c->scrapeConfigs[0];
    EXPECT_EQ(svarut.scheme, "https");
    EXPECT_EQ(svarut.scrapeTimeout, 5s);
    EXPECT_EQ(svarut.staticConfigs[0].targets.size(), 2u);
    EXPECT_EQ(svarut.staticConfigs[0].labels.at("env"), "prod");
    EXPECT_EQ(svarut.tls->serverName, "svarut.fiks.local");
    EXPECT_FALSE(svarut.tls->insecureSkipVerify);  // TLS is verified unless turned off
    EXPECT_EQ(svarut.basicAuth->passwordFile, "secrets/svarut");
    EXPECT_EQ(svarut.bodySizeLimit, 10u * 1024 * 1024);
    EXPECT_EQ(svarut.sampleLimit, 50000u);
    EXPECT_EQ(svarut.labelLimit, 30u);
    EXPECT_EQ(svarut.labelNameLengthLimit, 64u);
    EXPECT_EQ(svarut.labelValueLengthLimit, 2048u);
    EXPECT_EQ(svarut.service.key, "svarut");
    EXPECT_EQ(svarut.params.at("format")[0], "prometheus");
    const auto& platform = c->scrapeConfigs[1];
    EXPECT_EQ(platform.scrapeInterval, 90s);
    EXPECT_EQ(platform.scrapeTimeout, 5s);
    EXPECT_EQ(platform.fileSdConfigs[0].refreshInterval, 30s);
    EXPECT_EQ(platform.credentialsFile, "/run/secrets/token");
    EXPECT_EQ(platform.service.fromLabel, "service");
    resolvePaths(*c, "/etc/vakt");
    EXPECT_EQ(c->scrapeConfigs[0].basicAuth->passwordFile, "/etc/vakt/secrets/svarut");
    EXPECT_EQ(c->scrapeConfigs[1].credentialsFile, "/run/secrets/token");
    EXPECT_EQ(c->scrapeConfigs[1].fileSdConfigs[0].files[0], "/etc/vakt/targets/*.json");
}

TEST(ScrapeConfig, ErrorsNameFileLineAndField) {
    struct Case {
        const char* yaml;
        const char* where;
        const char* says;
    };
    for (const Case& c : {
             Case{"global:\n  scrape_intervall: 15s\n", "c.yml:2:", "unknown field"},
             Case{"scrape_configs:\n  - job_name: a\n    scrape_interval: 15 seconds\n", "c.yml:3:", "scrape_interval"},
             Case{"scrape_configs:\n  - job_name: a\n    static_configs:\n      - targets: ['http://x:80/metrics']\n", "c.yml:4:", "host:port"},
             Case{"scrape_configs:\n  - job_name: a\n  - job_name: a\n", "c.yml:3:", "used twice"},
             Case{"scrape_configs:\n  - job_name: a\n    scheme: ftp\n", "c.yml:3:", "http or https"},
             Case{"scrape_configs:\n  - job_name: a\n    basic_auth:\n      username: u\n      password: hemmelig\n", "c.yml:5:", "password_file"},
             Case{"scrape_configs:\n  - job_name: a\n    scrape_interval: 10s\n    scrape_timeout: 20s\n", "c.yml:4:", "must not be longer"},
             Case{"global:\n  scrape_interval: 1s\n  scrape_timeout: 5s\n", "c.yml:", "must not be longer"},
             Case{"scrape_configs:\n  - job_name: a\n    body_size_limit: 10 furlongs\n", "c.yml:3:", "not a size"},
             Case{"scrape_configs:\n  - job_name: a\n    tls_config:\n      insecure_skip_verify: maybe\n", "c.yml:4:", "true or false"},
             Case{"scrape_configs:\n  - metrics_path: /m\n", "c.yml:2:", "job_name"},
             Case{"audit:\n  files: ['/var/log/a.jsonl']\n", "c.yml:2:", "audit.keys_dir"},
             Case{"audit:\n  keys_dir: k\n  files: ['a']\n  poll_interval: 1ms\n", "c.yml:4:", "at least 100ms"},
             Case{"audit:\n  keys_dir: k\n  files: ['a']\n  tail: yes\n", "c.yml:4:", "unknown field"},
             Case{"scrape_configs: [\n", "c.yml:", "end of"},
         }) {
        auto r = parseConfig(c.yaml, "c.yml");
        ASSERT_FALSE(r) << c.yaml;
        EXPECT_EQ(r.message().rfind(c.where, 0), 0u) << r.message();
        EXPECT_NE(r.message().find(c.says), std::string::npos) << r.message();
    }
}

TEST(ScrapeConfig, TheDefaultTimeoutShrinksToAShortGlobalInterval) {
    // Prometheus does the same: only a timeout the user wrote has to fit the interval.
    auto r = parseConfig("global:\n  scrape_interval: 2s\nscrape_configs:\n  - job_name: a\n", "c.yml");
    ASSERT_TRUE(r) << r.message();
    EXPECT_EQ(r->global.scrapeTimeout, std::chrono::seconds(2));
    EXPECT_EQ(r->scrapeConfigs.at(0).scrapeTimeout, std::chrono::seconds(2));
}

TEST(ScrapeConfig, DurationsAndSizes) {
    EXPECT_EQ(*parseDuration("1h30m"), 90min);
    EXPECT_EQ(*parseDuration("1m30s"), 90s);
    EXPECT_EQ(*parseDuration("250ms"), 250ms);
    EXPECT_EQ(*parseDuration("2d"), 48h);
    EXPECT_FALSE(parseDuration("30s1m"));
    // Durations that do not fit are refused, not wrapped around to a negative or small value.
    EXPECT_FALSE(parseDuration("999999999999y"));
    EXPECT_FALSE(parseDuration("292471209y"));
    EXPECT_FALSE(parseDuration("292000000y1000000000w"));  // each part fits, the sum does not
    EXPECT_EQ(*parseDuration("292y"), std::chrono::milliseconds(292LL * 365 * 24 * 3600 * 1000));
    EXPECT_FALSE(parseSize("999999999999999TB"));
    EXPECT_EQ(*parseSize("16MB"), 16u << 20);
    // Timers take int milliseconds: a 30-day interval is held at the most they take, never wrapped.
    EXPECT_EQ(timerMilliseconds(*parseDuration("30d")), std::numeric_limits<int>::max());
    EXPECT_EQ(timerMilliseconds(*parseDuration("15s")), 15000);
    EXPECT_EQ(timerMilliseconds(std::chrono::milliseconds(0), 1000), 1000);
    EXPECT_FALSE(parseDuration("1.5s"));
    EXPECT_FALSE(parseDuration("15"));
    EXPECT_EQ(formatDuration(90s), "1m30s");
    EXPECT_EQ(*parseSize("512KB"), 512u * 1024);
    EXPECT_FALSE(parseSize("10mb"));
}

TEST(ScrapeConfig, FileSdAcceptsJsonAndYaml) {
    auto json = parseFileSd(R"([{"targets": ["10.0.0.1:9100"], "labels": {"service": "svarut"}}])", "t.json");
    ASSERT_TRUE(json) << json.message();
    EXPECT_EQ((*json)[0].labels.at("service"), "svarut");
    auto yaml = parseFileSd("- targets: ['a:1', 'b:2']\n", "t.yml");
    ASSERT_TRUE(yaml) << yaml.message();
    EXPECT_EQ((*yaml)[0].targets.size(), 2u);
    auto bad = parseFileSd("- targets: ['a']\n", "t.yml");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.message().rfind("t.yml:1:", 0), 0u) << bad.message();
}

TEST(ScrapeConfig, PushClientsEachHaveATokenStreamsAndServices) {
    auto c = parseConfig("audit:\n  keys_dir: keys\n  push:\n    clients:\n"
                         "      - name: svarut\n        bearer_token_file: svarut.token\n        streams: ['svarut-*']\n        services: [svarut]\n",
                         "/etc/vakt/c.yml");
    ASSERT_TRUE(c) << c.message();
    ASSERT_EQ(c->audit->pushClients.size(), 1u);
    const PushClient& client = c->audit->pushClients.front();
    EXPECT_EQ(client.name, "svarut");
    EXPECT_EQ(client.tokenFile, "svarut.token");
    EXPECT_EQ(client.streams, std::vector<std::string>{"svarut-*"});
    EXPECT_EQ(client.services, std::vector<std::string>{"svarut"});
    // A client must say what it may write; pushing is never open without a token.
    auto open = parseConfig("audit:\n  keys_dir: keys\n  push:\n    clients:\n      - name: x\n        bearer_token_file: t\n        streams: ['*']\n",
                            "c.yml");
    ASSERT_FALSE(open);
    EXPECT_NE(open.message().find("c.yml:5: field 'audit.push.clients[0].services': required"), std::string::npos) << open.message();
    auto none = parseConfig("audit:\n  keys_dir: keys\n  push:\n    max_body_size: 1MB\n", "c.yml");
    ASSERT_FALSE(none);
    EXPECT_NE(none.message().find("audit.push"), std::string::npos) << none.message();
}
