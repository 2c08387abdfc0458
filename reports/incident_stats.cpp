#include "reports/incident_stats.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace vakt::reports {

namespace {

std::string monthOf(std::int64_t ms, int utcOffsetMinutes) {
    using namespace std::chrono;
    const std::int64_t local = ms + static_cast<std::int64_t>(utcOffsetMinutes) * 60000;
    const auto day = floor<days>(sys_time<milliseconds>(milliseconds(local)));
    const year_month_day ymd(day);
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()));
    return text;
}

struct Durations {
    std::vector<double> respond, resolve;
};

void finish(DurationStats& stats, std::vector<double>& minutes) {
    stats.count = minutes.size();
    stats.medianMinutes = percentile(minutes, 50);
    stats.p90Minutes = percentile(std::move(minutes), 90);
}

}  // namespace

std::optional<double> percentile(std::vector<double> values, double p) {
    if (values.empty() || !(p > 0) || p > 100) return std::nullopt;
    std::sort(values.begin(), values.end());
    const auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(values.size())));
    return values[std::clamp<std::size_t>(rank, 1, values.size()) - 1];
}

IncidentSummary summariseIncidents(const std::vector<IncidentFacts>& incidents, std::int64_t fromMs, std::int64_t toMs, std::int64_t nowMs,
                                   int utcOffsetMinutes) {
    IncidentSummary out;
    std::map<IncidentGroup*, Durations> durations;
    for (const auto& i : incidents) {
        if (i.openedMs < fromMs || i.openedMs >= toMs) continue;
        const bool responded = i.respondedMs && *i.respondedMs >= i.openedMs && *i.respondedMs <= nowMs;
        const bool resolved = i.resolvedMs && *i.resolvedMs >= i.openedMs && *i.resolvedMs <= nowMs;
        for (IncidentGroup* g : {&out.all, &out.byService[i.service], &out.byKind[i.kind], &out.byPriority[i.priority], &out.bySeverity[i.severity]}) {
            ++g->opened;
            ++(resolved ? g->resolved : g->stillOpen);
            auto& d = durations[g];
            if (responded) {
                d.respond.push_back(static_cast<double>(*i.respondedMs - i.openedMs) / 60000.0);
                if (i.respondByMs) {
                    ++g->respond.withTarget;
                    if (*i.respondedMs <= *i.respondByMs) ++g->respond.withinTarget;
                }
            } else if (i.respondByMs && *i.respondByMs < nowMs) {
                ++g->respond.withTarget;  // the deadline passed without a response: missed
            }
            if (resolved) {
                d.resolve.push_back(static_cast<double>(*i.resolvedMs - i.openedMs) / 60000.0);
                if (i.resolveByMs) {
                    ++g->resolve.withTarget;
                    if (*i.resolvedMs <= *i.resolveByMs) ++g->resolve.withinTarget;
                }
            } else if (i.resolveByMs && *i.resolveByMs < nowMs) {
                ++g->resolve.withTarget;
            }
        }
        ++out.openedByMonth[monthOf(i.openedMs, utcOffsetMinutes)];
        if (i.reviewRequired) {
            ++out.reviewRequired;
            if (i.reviewed) ++out.reviewed;
        }
    }
    for (auto& [group, d] : durations) {
        finish(group->respond, d.respond);
        finish(group->resolve, d.resolve);
    }
    return out;
}

}  // namespace vakt::reports
