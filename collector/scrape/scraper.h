#pragma once
// One HTTP scrape: Prometheus's Accept header, gzip, TLS verified by default, basic auth or a
// bearer token read from its file at each scrape, a hard timeout for the whole exchange, and a
// body size limit enforced while reading. Failures come back as a reason, never as a crash.
#include <QNetworkAccessManager>
#include <QObject>
#include <functional>
#include <map>
#include <memory>
#include <string>

#include "core/clock.h"
#include "collector/config/scrape_config.h"
#include "collector/exposition/parser.h"
#include "collector/scrape/targets.h"

namespace vakt::collector {

struct ScrapeOutcome {
    bool up = false;
    std::string error;  // why the target is down
    std::int64_t startedMs = 0;
    double durationSeconds = 0;
    // The body owns the bytes the parse result points into.
    std::string body;
    expo::ParseResult result;
};

class Scraper : public QObject {
    Q_OBJECT
public:
    explicit Scraper(const Clock& clock, QObject* parent = nullptr);
    // Default cap when a job sets no body_size_limit, so no target can exhaust memory.
    static constexpr std::uint64_t kDefaultBodyLimit = 64ull << 20;

    void scrape(const Target& target, const ScrapeConfig& job, std::function<void(std::shared_ptr<ScrapeOutcome>)> done);
    int inFlight() const { return inFlight_; }

private:
    // Qt pools connections by host and port and reuses the TLS settings of the first one, so
    // each job and TLS configuration gets its own manager, as each Prometheus scrape pool has
    // its own client.
    QNetworkAccessManager& networkFor(const ScrapeConfig& job);
    std::map<std::string, std::unique_ptr<QNetworkAccessManager>> networks_;
    int inFlight_ = 0;
    const Clock& clock_;
};

}  // namespace vakt::collector
