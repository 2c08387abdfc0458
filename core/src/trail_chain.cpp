#include "core/trail_chain.h"

#include "core/base/crypto.h"

#include <algorithm>

namespace vakt {

namespace {
void field(std::string& out, const std::string& value) {
    out += std::to_string(value.size());
    out += ':';
    out += value;
    out += '\n';
}
}  // namespace

std::string trailEntryHash(const TrailEntry& e) {
    std::string bytes = "vakt-trail-v1\n";
    field(bytes, e.prevHash);
    field(bytes, std::to_string(e.seq));
    field(bytes, e.at);
    field(bytes, e.actor);
    field(bytes, e.action);
    field(bytes, e.entity);
    field(bytes, e.entityKey);
    field(bytes, e.before);
    field(bytes, e.after);
    return crypto::sha256Hex(bytes);
}

TrailChainVerifier::TrailChainVerifier(std::vector<TrailCheckpoint> checkpoints) : checkpoints_(std::move(checkpoints)) {
    std::sort(checkpoints_.begin(), checkpoints_.end(), [](const auto& a, const auto& b) { return a.seq < b.seq; });
}

std::optional<std::string> TrailChainVerifier::feed(const TrailEntry& e) {
    const std::string where = "trail entry " + std::to_string(e.seq);
    if (e.seq != lastSeq_ + 1) {
        if (e.seq <= lastSeq_) return where + ": out of order after entry " + std::to_string(lastSeq_);
        return "trail entry " + std::to_string(lastSeq_ + 1) + ": missing (next entry is " + std::to_string(e.seq) + ")";
    }
    if (e.prevHash != lastHash_) return where + ": does not follow entry " + std::to_string(lastSeq_) + " (chain link broken)";
    if (trailEntryHash(e) != e.hash) return where + ": content does not match its hash (changed)";
    for (; nextCheckpoint_ < checkpoints_.size() && checkpoints_[nextCheckpoint_].seq <= e.seq; ++nextCheckpoint_) {
        const TrailCheckpoint& c = checkpoints_[nextCheckpoint_];
        if (c.seq == e.seq && c.hash != e.hash)
            return where + ": differs from the head countersigned " + c.signedAt + " (the trail up to it was rewritten)";
    }
    lastSeq_ = e.seq;
    lastHash_ = e.hash;
    return std::nullopt;
}

std::optional<std::string> TrailChainVerifier::finish(std::int64_t headSeq, const std::string& headHash) const {
    if (!checkpoints_.empty() && checkpoints_.back().seq > lastSeq_)
        return "trail entry " + std::to_string(lastSeq_ + 1) + ": missing (a head countersigned " + checkpoints_.back().signedAt + " covers " +
               std::to_string(checkpoints_.back().seq) + " entries; the end was removed)";
    if (headSeq > lastSeq_)
        return "trail entry " + std::to_string(lastSeq_ + 1) + ": missing (the trail head records " +
               std::to_string(headSeq) + " entries; the end was removed)";
    if (headSeq < lastSeq_)
        return "trail entry " + std::to_string(headSeq + 1) + ": not recorded in the trail head (appended outside Vakt)";
    if (headHash != lastHash_) return "trail head: hash does not match entry " + std::to_string(lastSeq_);
    return std::nullopt;
}

}  // namespace vakt
