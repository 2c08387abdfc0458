#pragma once
// The audit ledger in the Store: accepted events as leaves of an RFC 9162 Merkle tree, signed
// tree heads, the position reached in every source, and quarantined lines. Every source (files,
// `vakt audit ingest`, later the collector's tailers and push endpoint) goes through ingest(),
// which commits a batch of events together with the source position that covers them, so a
// crash at any moment neither loses nor duplicates an event.
#include <QIODevice>
#include <QJsonObject>
#include <QString>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "collector/audit/detection.h"
#include "collector/audit/event.h"
#include "collector/audit/keys.h"
#include "collector/audit/ledger_module.h"
#include "collector/audit/merkle.h"
#include "core/store.h"

namespace vakt::audit {

struct IngestStats {
    qint64 accepted = 0;
    qint64 quarantined = 0;
    qint64 flagged = 0;  // accepted, with a malformed person id
    qint64 findings = 0;  // detections raised
    qint64 blank = 0;  // blank lines: they count in the position but carry nothing
    qint64 startLine = 0;  // lines of the source already in the ledger before this run
    qint64 endOffset = 0;  // the source position committed at the end (resumable sources)
    bool olderCopy = false;  // the input ended before the committed position (olderCopiesExpected)
};

struct LedgerEvent {
    qint64 seq = 0;
    qint64 timeMs = 0;
    QString service, action, actorKey, actorOrg, subjectKey, result, source;
    qint64 sourceLine = 0;
    std::string canonical;
};

// The newest accepted event ("ok") per actor, organisation and service (audit_actor_activity).
struct ActivityCoverage {
    std::optional<std::int64_t> firstMs;  // the start of the first hour with events; none: an empty ledger
    std::vector<std::string> services;    // services with accepted events
};

struct ActorActivity {
    std::string actorKey, actorOrg, service;
    std::int64_t lastMs = 0;  // the newest such event's time, ms since 1970 UTC
    std::int64_t events = 0;  // how many there are
};

struct QuarantinedLine {
    QString source;
    qint64 line = 0;
    QString reason;
};

// Where lines come from. The key is what the committed position is kept under (empty: the
// source cannot be resumed, like standard input); the name goes with events and quarantined lines.
struct SourceSpec {
    QString key;
    QString name;
    // A finished source's last line counts even without '\n'; a live log's does not, since the
    // service may still be writing it.
    bool final = true;
    // Where the input's first byte is in the source: a pushed slice of a client's stream.
    qint64 baseOffset = 0;
    // A log file known by its first line may turn up again shorter than the position already read
    // (the copy copytruncate leaves, or it compressed): then nothing in it is new, and it is no error.
    bool olderCopiesExpected = false;
    // The services this source may write events for (a push client's); empty: any. An event of
    // another service is quarantined.
    std::vector<std::string> allowedServices = {};
    // A log file's first bytes (up to 1 KiB), kept with its position: how the file is known again
    // after it is renamed or compressed (sourceByHead). Empty: the source is not a file.
    QByteArray head = {};
};

// How far a source has been read: the byte after the last committed line, and its line count.
struct SourcePosition {
    qint64 offset = 0, line = 0;
    qint64 headLength = 0;  // of the first bytes it is known by (0: none kept, a Vakt 0.1 position)
    // The last line read before the offset, as it was read: a file whose bytes there differ is
    // not the one that was read, and is refused rather than read on from the wrong place.
    qint64 tailLength = 0;
    std::string tailSha256;
};

struct VerifyReport {
    std::uint64_t events = 0;
    std::uint64_t heads = 0;
    std::string problem;  // empty when intact; else names the first bad event or head
    std::string note;     // what this check could not cover (no witness in a verifying-only directory)
    bool intact() const { return problem.empty(); }
};

class Ledger {
public:
    Ledger(Store& store, LedgerKeys keys);

    // Reads JSON lines from `input`, continuing after the position committed for the source's
    // key. A sequential input (a decompressing reader) is read past that position.
    Result<IngestStats> ingest(const Session& who, const SourceSpec& source, QIODevice& input, const EventLimits& limits = {},
                               std::size_t batchLines = 5000);
    // Signs a head at the current size and records it, in the Store and as the witness; also
    // countersigns the app's trail head when it has moved (trail-witness.json beside it).
    Result<SignedHead> signHead(const Session& who);
    // The countersigned trail heads, each signature checked, and the trail witness: what
    // `Store::verifyTrail` checks the chain against. Needs trail.read.
    Result<std::vector<TrailCheckpoint>> trailCheckpoints(const Session& who);
    Result<VerifyReport> verify(const Session& who);
    Result<std::uint64_t> size();
    // The committed position of a resumable source (zero when it was never read).
    Result<SourcePosition> position(const QString& sourceKey);
    // The file source whose kept first bytes begin `head` (the longest such), or empty: what a
    // log file is continued as, whatever its name now.
    Result<QString> sourceByHead(const QByteArray& head);

    // Proofs as self-contained JSON (docs/audit-ledger.md tells how to check them by hand). An
    // inclusion proof holds the event, so it needs audit.investigate and is recorded in the
    // trail; a consistency proof holds hashes only (audit.verify).
    Result<QJsonObject> inclusionProof(const Session& who, std::uint64_t seq);
    Result<QJsonObject> consistencyProof(const Session& who, std::uint64_t from, std::uint64_t to);

    // An investigator's question. Ids are given as typed: an 11-digit fødselsnummer or d-nummer
    // is pseudonymised here; anything else (integration, organisation, document) is taken as is.
    // At least one of subject and actor; the rest narrows.
    struct Query {
        std::string subject, actor;
        std::string service, action;  // empty: any
        qint64 fromMs = std::numeric_limits<qint64>::min(), toMs = std::numeric_limits<qint64>::max();
    };
    // Where the previous page ended, for loading more (events come in time order).
    struct Cursor {
        qint64 timeMs = 0, seq = -1;
    };
    // Every search and evidence bundle is recorded in the trail (who, when, the query with person
    // ids as pseudonyms, how many results), filed under the person or actor it was about.
    Result<std::vector<LedgerEvent>> search(const Session& who, const Query& query, int limit, std::optional<Cursor> after = std::nullopt);
    Result<std::vector<QuarantinedLine>> quarantine(const Session& who, int limit);
    // An evidence bundle for the police or Datatilsynet: the matching events, each with its
    // inclusion proof against the newest signed head, the head and the public key.
    Result<QJsonObject> evidence(const Session& who, const Query& query);

    // The newest accepted event ("ok") per actor, organisation and service, for the actors given
    // by their index keys (a person's pseudonym "hmac-sha256:…", an integration's client id);
    // actors without one are left out. Denied and failed attempts do not count: they are not a
    // use of a privilege. No permission is checked here: it is for modules that checked their
    // own (the privilege review's campaign creation), and gives no event content, only when and
    // how often each actor acted. Read from audit_actor_activity, which ingest keeps, so it
    // costs one key lookup per actor whatever the ledger's size. Sorted by actor, organisation
    // and service.
    static Result<std::vector<ActorActivity>> actorActivity(Store& store, const std::vector<std::string>& actorKeys);
    // How far the ledger reaches: since when it holds events and for which services, so "not used
    // in 90 days" is said only where it could have seen a use.
    static Result<ActivityCoverage> activityCoverage(Store& store);

    const LedgerKeys& keys() const { return keys_; }

    // Accepted events are also shown to this detector; its findings open (or add evidence to)
    // incidents once their events are committed.
    void setDetector(Detector* detector) { detector_ = detector; }
    // What the ledger knew of an actor before a time: the detector's history.
    Detector::History history();
    struct DetectionIncident {
        qint64 id = 0;
        QString rule, severity, summary, service, openedAt;
        qint64 evidence = 0;
        // Of the first evidence event: whose actor, in which organisation (its number).
        QString actorKey, actorOrg;
        QString acknowledgedBy;  // empty until someone takes it
        QString summaryEn;
    };
    Result<std::vector<DetectionIncident>> openDetections(const Session& who);
    // The events behind a detection, oldest first, at most `limit`; reading them is recorded in
    // the trail like a search (audit.investigate).
    Result<std::vector<LedgerEvent>> findingEvidence(const Session& who, qint64 incidentId, int limit = 1000);

private:
    Result<TreeBuilder> loadFrontier();
    Result<std::vector<SignedHead>> heads();
    Result<SignedHead> latestHead();
    // Roots of subtrees from this height up are stored (audit_nodes), so proofs stay O(log n).
    static constexpr int kStoredHeight = 8;
    struct StoredNode {
        int height;
        std::uint64_t index;
        Hash hash;
    };
    static Status writeNodes(Statement& insert, const std::vector<StoredNode>& nodes);
    // Fills audit_nodes for a ledger written before they were kept.
    Status storeMissingNodes();
    bool nodesChecked_ = false;  // storeMissingNodes has run for this ledger
    // Range roots for proofs; a database problem is left in `error`.
    RangeRoot storedRanges(std::string& error);
    // The hour buckets holding events between two times, oldest first.
    Result<std::vector<qint64>> buckets(qint64 fromMs, qint64 toMs);

    Status raiseFindings(const Session& who, const std::vector<Finding>& findings);
    Status countersignTrail(const Session& who);
    // The sources' positions, signed with the ledger's size when they changed since last signed
    // (inside signHead's transaction); the witness is written once that commits.
    Result<std::optional<SignedTrailHead>> signPositions(std::uint64_t treeSize);
    Result<std::string> positionsText();
    // Verify's check of the positions against the newest signed ones: the first problem, and a
    // note on positions moved since (not yet covered).
    Result<std::pair<std::string, std::string>> checkSourcePositions(std::uint64_t ledgerSize);
    Result<std::vector<LedgerEvent>> findEvents(const Query& query, int limit, std::optional<Cursor> after = std::nullopt);
    // Reading personal data is processing it: each search, export and proof goes in the trail.
    Status recordReading(const Session& who, const QString& action, const QString& key, const QJsonObject& what);

    Store& store_;
    LedgerKeys keys_;
    Detector* detector_ = nullptr;
};

// What an evidence bundle proves and what it does not, in English and bokmål: written into every
// bundle, and said by the checker in its own words (a bundle's text is not trusted).
QJsonObject evidenceStatement();

// Checks a proof produced by Ledger (inclusion, consistency or an evidence bundle), with every
// head's signature against a public key the checker already trusts (PEM), never against the
// key the proof carries. The message names what does not hold.
Status checkProof(const QJsonObject& proof, const std::string& trustedPublicPem);

}  // namespace vakt::audit
