#include "collector/scrape/targets.h"

#include <set>

namespace vakt::collector {

namespace {
std::string queryString(const std::map<std::string, std::vector<std::string>>& params) {
    auto encode = [](const std::string& s) {
        static const char* hex = "0123456789ABCDEF";
        std::string out;
        for (unsigned char c : s) {
            if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
                out += static_cast<char>(c);
            } else {
                out += '%';
                out += hex[c >> 4];
                out += hex[c & 15];
            }
        }
        return out;
    };
    std::string q;
    for (const auto& [name, values] : params)
        for (const auto& v : values) q += (q.empty() ? "?" : "&") + encode(name) + "=" + encode(v);
    return q;
}
}  // namespace

std::vector<Target> expandTargets(const CollectorConfig& config, const DiscoveredTargets& discovered) {
    std::vector<Target> out;
    for (std::size_t j = 0; j < config.scrapeConfigs.size(); ++j) {
        const ScrapeConfig& job = config.scrapeConfigs[j];
        std::vector<StaticConfig> groups = job.staticConfigs;
        // Discovered groups are keyed "job\x1fpath" by the edge that read the files.
        for (const auto& [key, found] : discovered) {
            const auto sep = key.find('\x1f');
            const std::string jobName = sep == std::string::npos ? std::string() : key.substr(0, sep);
            if (jobName == job.jobName) groups.insert(groups.end(), found.begin(), found.end());
        }
        std::set<std::string> seen;
        for (const auto& g : groups)
            for (const auto& address : g.targets) {
                if (!seen.insert(address).second) continue;
                Target t;
                t.job = j;
                t.jobName = job.jobName;
                t.instance = address;
                t.url = job.scheme + "://" + address + job.metricsPath + queryString(job.params);
                t.labels = g.labels;
                t.labels["job"] = job.jobName;
                t.labels["instance"] = address;
                if (!job.service.key.empty()) t.service = job.service.key;
                else if (!job.service.fromLabel.empty() && g.labels.count(job.service.fromLabel)) t.service = g.labels.at(job.service.fromLabel);
                out.push_back(std::move(t));
            }
    }
    return out;
}

std::chrono::milliseconds scrapeOffset(const Target& target, std::chrono::milliseconds interval) {
    std::uint64_t h = 1469598103934665603ull;
    for (char c : target.url) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ull;
    }
    return interval.count() > 0 ? std::chrono::milliseconds(static_cast<std::int64_t>(h % static_cast<std::uint64_t>(interval.count())))
                                : std::chrono::milliseconds(0);
}

}  // namespace vakt::collector
