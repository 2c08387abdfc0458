#include "collector/audit/ledger.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>
#include <atomic>
#include <future>
#include <bit>
#include <cstring>
#include <array>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <memory>
#include <limits>

#include "collector/audit/audit_index.h"
#include "core/base/crypto.h"
#include "core/incidents.h"

namespace vakt::audit {

namespace {
// Index entries are read for a slice of buckets at a time: SQLite walks an IN list on the
// leading key column in order, so rows come in time order without sorting.
constexpr std::size_t kBucketsPerQuery = 96;

QString bucketList(const std::vector<qint64>& buckets, std::size_t first, std::size_t count) {
    QStringList out;
    for (std::size_t i = first; i < first + count; ++i) out << QString::number(buckets[i]);
    return out.join(QLatin1Char(','));
}

// Person ids are stored as pseudonyms, integrations, organisations and documents as themselves.
// A typed id as the ledger keeps it: a person's as its pseudonym (malformed ones too, as ingest
// does), and any person id inside another id replaced, as ingest replaces it.
std::string storedKey(std::string_view hmacKey, const std::string& id) {
    const bool personShaped = id.size() == 11 && std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; });
    return personShaped ? pseudonym(hmacKey, id) : pseudonymiseIds(id, hmacKey);
}

// The service and action as the ledger keeps them, with any person id replaced.
Ledger::Query asStored(Ledger::Query query, std::string_view hmacKey) {
    query.service = pseudonymiseIds(query.service, hmacKey);
    query.action = pseudonymiseIds(query.action, hmacKey);
    return query;
}



QJsonObject headJson(const SignedHead& h) {
    return QJsonObject{{"tree_size", static_cast<qint64>(h.treeSize)},
                       {"root", QString::fromStdString(h.rootHex)},
                       {"timestamp_ms", static_cast<qint64>(h.timestampMs)},
                       {"signature", QString::fromStdString(h.signatureBase64)}};
}

SignedHead headFrom(const QJsonObject& o) {
    return SignedHead{static_cast<std::uint64_t>(o.value("tree_size").toInteger()), o.value("root").toString().toStdString(),
                      o.value("timestamp_ms").toInteger(), o.value("signature").toString().toStdString()};
}

QJsonArray hexArray(const std::vector<Hash>& hashes) {
    QJsonArray a;
    for (const auto& h : hashes) a.append(QString::fromStdString(hex(h)));
    return a;
}

Result<std::vector<Hash>> hashArray(const QJsonValue& v, const char* field) {
    std::vector<Hash> out;
    for (const auto& item : v.toArray()) {
        auto h = hashFromHex(item.toString().toStdString());
        if (!h) return fail(std::string("proof field '") + field + "': not a list of 64-digit hex hashes");
        out.push_back(*h);
    }
    return out;
}
}  // namespace

Ledger::Ledger(Store& store, LedgerKeys keys) : store_(store), keys_(std::move(keys)) {}

Result<TreeBuilder> Ledger::loadFrontier() {
    auto rows = store_.db().query(QStringLiteral("SELECT tree_size, hashes FROM audit_frontier WHERE id = 1"));
    if (!rows) return rows.error();
    if (rows->empty()) return TreeBuilder{};
    const auto size = static_cast<std::uint64_t>(rows->front().value(0).toLongLong());
    std::vector<Hash> hashes;
    for (const auto& part : rows->front().value(1).toString().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        auto h = hashFromHex(part.toStdString());
        if (!h) return fail("audit ledger: the stored frontier is damaged; run 'vakt audit verify'");
        hashes.push_back(*h);
    }
    auto tree = TreeBuilder::fromFrontier(size, hashes);
    if (!tree) return fail("audit ledger: the stored frontier does not fit its size; run 'vakt audit verify'");
    return *tree;
}

Result<SourcePosition> Ledger::position(const QString& sourceKey) {
    auto pos = store_.db().query(
        QStringLiteral("SELECT byte_offset, line, head_length, tail_length, tail_sha256 FROM audit_sources WHERE source = ?"), {sourceKey});
    if (!pos) return pos.error();
    if (pos->empty()) return SourcePosition{};
    const auto& r = pos->front();
    return SourcePosition{r.value(0).toLongLong(), r.value(1).toLongLong(), r.value(2).toLongLong(), r.value(3).toLongLong(),
                          r.value(4).toString().toStdString()};
}

Result<QString> Ledger::sourceByHead(const QByteArray& head) {
    auto lengths = store_.db().query(QStringLiteral("SELECT DISTINCT head_length FROM audit_sources WHERE head_length > 0 AND head_length <= ?"
                                                    " ORDER BY head_length DESC"),
                                     {static_cast<qint64>(head.size())});
    if (!lengths) return lengths.error();
    for (const auto& l : *lengths) {
        const qint64 length = l.value(0).toLongLong();
        const QByteArray prefix = head.left(length);
        auto found = store_.db().query(QStringLiteral("SELECT source FROM audit_sources WHERE head_length = ? AND head_sha256 = ? ORDER BY source LIMIT 1"),
                                       {length, QString::fromStdString(crypto::sha256Hex(std::string_view(prefix.constData(), static_cast<std::size_t>(prefix.size()))))});
        if (!found) return found.error();
        if (!found->empty()) return found->front().value(0).toString();
    }
    return QString();
}

Result<std::uint64_t> Ledger::size() {
    auto tree = loadFrontier();
    if (!tree) return tree.error();
    return tree->size();
}

Result<IngestStats> Ledger::ingest(const Session& who, const SourceSpec& spec, QIODevice& input, const EventLimits& limits, std::size_t batchLines) {
    if (!who.allows(audit::permission::Ingest)) return denied(who, audit::permission::Ingest).error();
    // Appending means signing the heads that cover it: the whole key directory is needed.
    if (auto s = keys_.canPseudonymise(); !s) return s.error();
    if (auto s = keys_.canSign(); !s) return s.error();
    Database& db = store_.db();
    IngestStats stats;
    qint64 committedOffset = 0, line = 0;
    const QString& source = spec.name;
    const bool resumable = !spec.key.isEmpty();
    SourcePosition stored;
    if (resumable) {
        auto pos = position(spec.key);
        if (!pos) return pos.error();
        stored = *pos;
        committedOffset = pos->offset;
        line = pos->line;
        const qint64 skip = committedOffset - spec.baseOffset;  // bytes of the input already in the ledger
        if (skip < 0)
            return fail(source.toStdString() + ": starts at byte " + std::to_string(spec.baseOffset) + ", after the position already ingested (" +
                        std::to_string(committedOffset) + "); the bytes between are missing");
        if (skip > 0) {
            const auto olderCopy = [&] {
                stats.olderCopy = true;
                stats.startLine = line;
                stats.endOffset = committedOffset;
                return stats;
            };
            // The line before the position is read again and must be the one read there: a file
            // replaced or rewritten under the same name is refused, never read on from the wrong place.
            const qint64 tailLength = stored.tailLength > 0 && stored.tailLength <= skip ? stored.tailLength : 0;
            const auto tailDiffers = [&](const QByteArray& tail) {
                return crypto::sha256Hex(std::string_view(tail.constData(), static_cast<std::size_t>(tail.size()))) != stored.tailSha256;
            };
            const auto replaced = [&] {
                return fail(source.toStdString() + ": the line before the position already ingested (byte " + std::to_string(committedOffset) +
                            ") is not the one read there; the file was replaced or rewritten, so nothing is read from it");
            };
            if (!input.isSequential()) {
                if (input.size() < skip && spec.olderCopiesExpected) return olderCopy();
                if (input.size() < skip)
                    return fail(source.toStdString() + ": shorter (" + std::to_string(spec.baseOffset + input.size()) +
                                " bytes) than the position already ingested (" + std::to_string(committedOffset) +
                                " bytes); it was truncated or replaced, so it is not read again");
                if (!input.seek(skip - tailLength)) return fail(source.toStdString() + ": cannot seek to byte " + std::to_string(committedOffset));
                if (tailLength > 0 && tailDiffers(input.read(tailLength))) return replaced();
            } else {
                for (qint64 left = skip - tailLength; left > 0;) {
                    char discard[65536];
                    const qint64 n = input.read(discard, std::min<qint64>(left, sizeof discard));
                    if (n <= 0 && spec.olderCopiesExpected) return olderCopy();
                    if (n <= 0)
                        return fail(source.toStdString() + ": ends before the position already ingested (" + std::to_string(committedOffset) +
                                    " bytes); it is not the file that was read before");
                    left -= n;
                }
                QByteArray tail;
                while (tail.size() < tailLength) {
                    const QByteArray more = input.read(tailLength - tail.size());
                    if (more.isEmpty()) {
                        if (spec.olderCopiesExpected) return olderCopy();
                        return fail(source.toStdString() + ": ends before the position already ingested (" + std::to_string(committedOffset) +
                                    " bytes); it is not the file that was read before");
                    }
                    tail += more;
                }
                if (tailLength > 0 && tailDiffers(tail)) return replaced();
            }
        }
    }
    stats.startLine = line;
    if (auto s = storeMissingNodes(); !s) return s.error();
    auto loaded = loadFrontier();
    if (!loaded) return loaded.error();
    TreeBuilder tree = *loaded;
    std::uint64_t committedSize = tree.size();
    std::vector<Hash> committedFrontier = tree.frontier();

    auto rows = audit_index::RowWriter::prepare(db, audit_index::Activity::Keep);
    if (!rows) return rows.error();
    auto insertQuarantine =
        db.prepare(QStringLiteral("INSERT INTO audit_quarantine (source, line, reason, line_sha256, received_at) VALUES (?, ?, ?, ?, ?)"));
    if (!insertQuarantine) return insertQuarantine.error();
    std::vector<Finding> findings;  // of the batch, raised once its events are committed
    struct Accepted {
        qint64 seq, timeMs, line;
        std::string service, action, actorKey, actorOrg, subjectKey, result, canonical;
        Hash leaf;
    };
    struct Quarantined {
        qint64 line;
        std::string reason, sha256;
    };
    // The batch is kept in memory and written in one short transaction, so the write lock is
    // never held while waiting for input.
    std::vector<Accepted> events;
    std::vector<Quarantined> quarantined;
    std::vector<StoredNode> nodes;  // subtree roots the batch completes
    events.reserve(batchLines);
    const TreeBuilder::NodeSink keepNode = [&](int height, std::uint64_t index, const Hash& hash) {
        if (height >= kStoredHeight) nodes.push_back({height, index, hash});
    };
    auto insertNode = db.prepare(QStringLiteral("INSERT INTO audit_nodes (height, idx, hash) VALUES (?, ?, ?)"));
    if (!insertNode) return insertNode.error();
    std::size_t batch = 0;
    qint64 offset = committedOffset;  // of the next unread byte
    // The last line read, as it was read, kept with the position (see SourcePosition::tailSha256).
    std::string lastLine;
    bool lastLineKnown = false, lastLineEnded = false;
    // The file's first bytes are kept when given and longer than those kept before.
    const bool newHead = !spec.head.isEmpty() && spec.head.size() > stored.headLength;
    const qint64 headLength = newHead ? spec.head.size() : stored.headLength;
    QString headSha = QStringLiteral("");  // never NULL: the column is NOT NULL
    if (newHead) headSha = QString::fromStdString(crypto::sha256Hex(std::string_view(spec.head.constData(), static_cast<std::size_t>(spec.head.size()))));
    else if (resumable && stored.headLength > 0) {
        auto kept = db.query(QStringLiteral("SELECT head_sha256 FROM audit_sources WHERE source = ?"), {spec.key});
        if (!kept) return kept.error();
        if (!kept->empty()) headSha = kept->front().value(0).toString();
    }
    const std::string sourceName = source.toStdString();
    const std::string received = store_.clock().now().toString(Qt::ISODateWithMs).toStdString();

    auto flush = [&]() -> Status {
        // A sender is told "committed" after this: it must survive a power cut.
        DurableCommits durable(db);
        if (!durable.status()) return durable.status();
        Transaction tx(db);
        if (!tx.started()) return tx.started();
        // Another writer appending at the same time would have moved the frontier.
        auto current = db.query(QStringLiteral("SELECT tree_size FROM audit_frontier WHERE id = 1"));
        if (!current) return current.error();
        const std::uint64_t storedSize = current->empty() ? 0 : static_cast<std::uint64_t>(current->front().value(0).toLongLong());
        if (storedSize != committedSize) return fail("audit ledger: another process appended to the ledger meanwhile; run the ingest again");
        for (const auto& e : events) {
            const std::string_view leaf(reinterpret_cast<const char*>(e.leaf.data()), e.leaf.size());
            if (auto s = rows->add({e.seq, e.timeMs, e.service, e.action, e.actorKey, e.actorOrg, e.subjectKey, e.result, e.canonical, leaf,
                                    sourceName, e.line});
                !s)
                return s;
        }
        if (auto s = rows->finish(); !s) return s;
        if (auto s = writeNodes(**insertNode, nodes); !s) return s;
        Statement& q = **insertQuarantine;
        for (const auto& bad : quarantined) {
            q.bindText(0, sourceName);
            q.bind(1, bad.line);
            q.bindText(2, bad.reason);
            q.bindText(3, bad.sha256);
            q.bindText(4, received);
            if (auto s = q.exec(); !s) return s;
        }
        QStringList frontier;
        for (const auto& h : tree.frontier()) frontier << QString::fromStdString(hex(h));
        const QVariant size = static_cast<qint64>(tree.size());
        if (auto s = db.exec(QStringLiteral("DELETE FROM audit_frontier WHERE id = 1")); !s) return s;
        if (auto s = db.exec(QStringLiteral("INSERT INTO audit_frontier (id, tree_size, hashes) VALUES (1, ?, ?)"), {size, frontier.join(',')}); !s)
            return s;
        if (resumable) {
            const std::string tail = lastLineKnown ? lastLine + (lastLineEnded ? "\n" : "") : std::string();
            if (auto s = db.exec(QStringLiteral("DELETE FROM audit_sources WHERE source = ?"), {spec.key}); !s) return s;
            if (auto s = db.exec(QStringLiteral("INSERT INTO audit_sources (source, byte_offset, line, updated_at, head_length, head_sha256,"
                                                " tail_length, tail_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                                 {spec.key, offset, line, store_.clock().now().toString(Qt::ISODateWithMs), headLength, headSha,
                                  static_cast<qint64>(tail.size()), tail.empty() ? QStringLiteral("") : QString::fromStdString(crypto::sha256Hex(tail))});
                !s)
                return s;
        }
        // The incidents the batch's events raise commit with them: a crash loses neither.
        if (auto s = raiseFindings(who, findings); !s) return s;
        if (auto s = tx.commit(); !s) return s;
        findings.clear();
        committedSize = tree.size();
        committedFrontier = tree.frontier();
        events.clear();
        quarantined.clear();
        nodes.clear();
        batch = 0;
        return {};
    };

    // A line as read: its bytes (none when over the limit) and the input's offset after it.
    struct RawLine {
        std::string text;
        bool overlong = false, ended = true;
        qint64 endOffset = 0;
    };
    // What a line becomes without the ledger's state: refused with a reason, blank, or an event
    // with its pseudonyms, canonical bytes and leaf hash. A batch is prepared on another thread
    // while the batch before it is written, so parsing and the database's work overlap.
    struct Prepared {
        bool blank = false;
        std::string reason, sha256;  // refused
        std::optional<AuditEvent> event;
        PartyKeys parties;
        std::string canonical;
        Hash leaf{};
    };
    const auto prepareLines = [&limits, &spec, &hmacKey = keys_.hmacKey()](const std::vector<RawLine>& raw) {
        std::vector<Prepared> out(raw.size());
        for (std::size_t i = 0; i < raw.size(); ++i) {
            std::string_view text = raw[i].text;
            const bool overlong = raw[i].overlong;
            Prepared& p = out[i];
            if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
            if (!overlong && text.find_first_not_of(" \t") == std::string_view::npos) {  // blank lines carry nothing
                p.blank = true;
                continue;
            }
            Result<AuditEvent> event = fail("");
            if (overlong) {
                p.reason = "line is over the limit of " + std::to_string(limits.maxLineBytes) + " bytes";
            } else {
                event = parseEvent(text, limits);
                if (!event) {
                    p.reason = event.message();
                } else if (!spec.allowedServices.empty() &&
                           std::find(spec.allowedServices.begin(), spec.allowedServices.end(), event->service) == spec.allowedServices.end()) {
                    p.reason = "field 'service': this sender may not write events for this service";
                }
            }
            if (!p.reason.empty()) {
                p.sha256 = overlong ? std::string("-") : crypto::sha256Hex(text);
                continue;
            }
            p.parties = partyKeys(*event, hmacKey);
            p.canonical = canonicalEvent(*event, p.parties);
            scrubParsedFields(*event, p.parties);
            p.leaf = leafHash(p.canonical);
            keepDetectedFields(event->document);
            p.event = std::move(*event);
        }
        return out;
    };
    // Takes prepared lines into the batch in order: the ledger's state (line numbers, the tree,
    // detections, the position) moves only here.
    const auto apply = [&](std::vector<RawLine>& raw, std::vector<Prepared>& prepared) {
        for (std::size_t i = 0; i < raw.size(); ++i) {
            ++line;
            ++batch;
            Prepared& p = prepared[i];
            offset = raw[i].endOffset;
            lastLineKnown = !raw[i].overlong;  // an overlong line was not kept, so it cannot be checked later
            lastLineEnded = raw[i].ended;
            lastLine.swap(raw[i].text);
            if (p.blank) {
                ++stats.blank;
                continue;
            }
            if (!p.event) {
                quarantined.push_back({line, std::move(p.reason), std::move(p.sha256)});
                ++stats.quarantined;
                continue;
            }
            AuditEvent& event = *p.event;
            const qint64 seq = static_cast<qint64>(tree.size());
            tree.append(p.leaf, keepNode);
            if (detector_) {
                auto found = detector_->observe(event, p.parties, seq);
                stats.findings += static_cast<qint64>(found.size());
                findings.insert(findings.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
            }
            events.push_back({seq, event.timeMs, line, std::move(event.service), std::move(event.action), std::move(p.parties.actor),
                              std::move(event.actorOrg), std::move(p.parties.subject), std::move(event.result), std::move(p.canonical), p.leaf});
            ++stats.accepted;
            if (!event.warnings.empty()) ++stats.flagged;
        }
    };
    // Lines are read into `reading`; a full batch is prepared (on another thread while the
    // previous batch is committed), then applied, and committed when the next one is full.
    std::vector<RawLine> reading;
    std::size_t readingBytes = 0;
    bool applied = false;  // a batch has been applied and not yet committed
    constexpr std::size_t kBatchBytes = std::size_t{64} << 20;
    const auto takeBatch = [&]() -> Status {
        std::vector<RawLine> raw;
        raw.swap(reading);
        readingBytes = 0;
        std::vector<Prepared> prepared;
        if (applied) {
            auto ahead = std::async(std::launch::async, prepareLines, std::cref(raw));
            const Status committed = flush();
            prepared = ahead.get();
            if (!committed) return committed;
        } else {
            prepared = prepareLines(raw);
        }
        apply(raw, prepared);
        applied = true;
        return {};
    };

    std::string pending;
    bool overlong = false;
    qint64 lineBytes = 0;  // of the line being read, dropped bytes included
    qint64 readOffset = offset;  // of the next byte read
    std::vector<char> buffer(1 << 16);
    for (;;) {
        const qint64 n = input.read(buffer.data(), static_cast<qint64>(buffer.size()));
        if (n < 0) return fail(source.toStdString() + ": read error: " + input.errorString().toStdString());
        if (n == 0) {
            if (input.isSequential() && !input.atEnd() && input.waitForReadyRead(-1)) continue;
            break;
        }
        const auto size = static_cast<std::size_t>(n);
        std::size_t at = 0;
        while (at < size) {
            const char* nl = static_cast<const char*>(std::memchr(buffer.data() + at, '\n', size - at));
            const std::size_t end = nl ? static_cast<std::size_t>(nl - buffer.data()) : size;
            lineBytes += static_cast<qint64>(end - at);
            // Memory stays bounded on hostile input: an overlong line is dropped as it streams by.
            if (!overlong) {
                if (pending.size() + (end - at) > limits.maxLineBytes) {
                    overlong = true;
                    std::string().swap(pending);
                } else {
                    pending.append(buffer.data() + at, end - at);
                }
            }
            if (!nl) break;
            at = end + 1;
            readOffset += lineBytes + 1;
            lineBytes = 0;
            readingBytes += pending.size();
            reading.push_back({std::move(pending), overlong, true, readOffset});
            pending.clear();
            overlong = false;
            if (reading.size() >= batchLines || readingBytes >= kBatchBytes)
                if (auto s = takeBatch(); !s) return s.error();
        }
    }
    if (lineBytes > 0 && spec.final) reading.push_back({std::move(pending), overlong, false, readOffset + lineBytes});
    if (!reading.empty())
        if (auto s = takeBatch(); !s) return s.error();
    if (batch > 0)
        if (auto s = flush(); !s) return s.error();
    stats.endOffset = offset;
    if (stats.accepted + stats.quarantined > 0) {
        Transaction tx(db);
        if (!tx.started()) return tx.started().error();
        if (auto s = store_.record(who, QStringLiteral("audit.ingest"), QStringLiteral("audit_source"), source, {},
                                   QJsonObject{{"accepted", stats.accepted}, {"quarantined", stats.quarantined}, {"flagged", stats.flagged},
                                               {"tree_size", static_cast<qint64>(tree.size())}});
            !s)
            return s.error();
        if (auto s = tx.commit(); !s) return s.error();
    }
    return stats;
}

Result<std::vector<SignedHead>> Ledger::heads() {
    auto rows = store_.db().query(QStringLiteral("SELECT tree_size, root, timestamp_ms, signature FROM audit_heads ORDER BY tree_size"));
    if (!rows) return rows.error();
    std::vector<SignedHead> out;
    for (const auto& r : *rows)
        out.push_back({static_cast<std::uint64_t>(r.value(0).toLongLong()), r.value(1).toString().toStdString(), r.value(2).toLongLong(),
                       r.value(3).toString().toStdString()});
    return out;
}

Result<SignedHead> Ledger::latestHead() {
    auto all = heads();
    if (!all) return all.error();
    if (all->empty()) return fail("the ledger has no signed tree head yet");
    return all->back();
}

Status Ledger::raiseFindings(const Session& who, const std::vector<Finding>& findings) {
    if (findings.empty()) return {};
    IncidentStore incidents(store_);
    const QDateTime now = store_.clock().now();
    for (const auto& f : findings) {
        auto id = incidents.raise(who, incidentFrom(f, QStringLiteral("audit")), now);
        if (!id) return id.error();
        if (auto s = incidents.attachEvidence(who, *id, static_cast<qint64>(f.seq)); !s) return s;
    }
    return {};
}

Detector::History Ledger::history() {
    return [this](const std::string& actorKey, std::int64_t beforeMs) {
        Past past;
        auto found = buckets(std::numeric_limits<qint64>::min(), beforeMs);
        if (!found) return past;
        // A person needs only the newest event; an integration's recent ones show where it calls from.
        const bool person = actorKey.rfind("hmac-sha256:", 0) == 0;
        const std::size_t wanted = person ? 1 : 100;
        const std::int64_t term = audit_index::term(audit_index::Role::Actor, actorKey);
        // Newest hours first: an active actor is found in the first slice.
        for (std::size_t end = found->size(); end > 0 && past.sources.size() < wanted;) {
            const std::size_t count = std::min(kBucketsPerQuery, end);
            end -= count;
            auto statement = store_.db().prepare(QStringLiteral("SELECT i.time_ms, e.actor_org, e.canonical FROM audit_index i JOIN audit_events e"
                                                                " ON e.seq = i.seq WHERE i.bucket IN (%1) AND i.term = ? AND i.time_ms < ?"
                                                                " AND e.actor_key = ? ORDER BY i.bucket DESC, i.time_ms DESC, i.seq DESC LIMIT %2")
                                                     .arg(bucketList(*found, end, count))
                                                     .arg(wanted - past.sources.size()));
            if (!statement) return past;
            Statement& q = **statement;
            q.bind(0, term);
            q.bind(1, beforeMs);
            q.bindText(2, actorKey);
            for (;;) {
                auto row = q.next();
                if (!row || !*row) break;
                if (!past.lastMs) past.lastMs = q.integer(0);
                std::string ip;
                if (!person)
                    if (auto event = json::parse(q.text(2)); event)
                        if (const json::Value* v = event->find("source_ip"); v && v->isString()) ip = v->text;
                past.sources.emplace_back(std::move(ip), std::string(q.text(1)));
            }
        }
        return past;
    };
}

Result<std::vector<Ledger::DetectionIncident>> Ledger::openDetections(const Session& who) {
    if (!who.allows(audit::permission::Investigate)) return denied(who, audit::permission::Investigate).error();
    auto open = IncidentStore(store_).open(who, QStringLiteral("audit"));
    if (!open) return open.error();
    auto first = store_.db().query(QStringLiteral(
        "SELECT i.id, e.actor_key, e.actor_org FROM incidents i"
        " JOIN audit_events e ON e.seq = (SELECT MIN(x.seq) FROM incident_evidence x WHERE x.incident_id = i.id)"
        " WHERE i.status = 'open' AND i.source = 'audit'"));
    if (!first) return first.error();
    QHash<qint64, std::pair<QString, QString>> actorOf;
    for (const auto& r : *first) actorOf.insert(r.value(0).toLongLong(), {r.value(1).toString(), r.value(2).toString()});
    std::vector<DetectionIncident> out;
    for (const auto& i : *open) {
        const auto actor = actorOf.value(i.id);
        out.push_back({i.id, i.title, i.severity, i.summary, i.service, i.openedAt.toString(Qt::ISODate), i.evidence, actor.first, actor.second,
                       i.acknowledgedBy, i.summaryEn});
    }
    return out;
}

Result<std::vector<LedgerEvent>> Ledger::findingEvidence(const Session& who, qint64 incidentId, int limit) {
    if (!who.allows(audit::permission::Investigate)) return denied(who, audit::permission::Investigate).error();
    auto incident = IncidentStore(store_).get(who, incidentId);
    if (!incident) return incident.error();
    if (incident->source != QLatin1String("audit"))
        return fail("incident " + std::to_string(incidentId) + " is not a detection from the audit ledger", ErrorKind::NotFound);
    auto rows = store_.db().query(QStringLiteral("SELECT e.seq, e.time_ms, e.service, e.action, e.actor_key, e.actor_org, e.subject_key, e.result,"
                                                 " e.source, e.source_line, e.canonical FROM incident_evidence x JOIN audit_events e ON e.seq = x.seq"
                                                 " WHERE x.incident_id = ? ORDER BY e.seq LIMIT %1")
                                      .arg(std::max(limit, 0)),
                                  {incidentId});
    if (!rows) return rows.error();
    std::vector<LedgerEvent> out;
    for (const auto& r : *rows)
        out.push_back({r.value(0).toLongLong(), r.value(1).toLongLong(), r.value(2).toString(), r.value(3).toString(), r.value(4).toString(),
                       r.value(5).toString(), r.value(6).toString(), r.value(7).toString(), r.value(8).toString(), r.value(9).toLongLong(),
                       r.value(10).toString().toStdString()});
    const QJsonObject what{{"incident", incidentId}, {"rule", incident->title}, {"results", static_cast<qint64>(out.size())}};
    if (auto s = recordReading(who, QStringLiteral("audit.finding_evidence"), QStringLiteral("incident:%1").arg(incidentId), what); !s)
        return s.error();
    return out;
}

Result<SignedHead> Ledger::signHead(const Session& who) {
    if (!who.allows(audit::permission::Ingest)) return denied(who, audit::permission::Ingest).error();
    // The witness names the head once committed, so the head must outlast a power cut.
    DurableCommits durable(store_.db());
    if (!durable.status()) return durable.status().error();
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started().error();
    auto tree = loadFrontier();
    if (!tree) return tree.error();
    auto existing = store_.db().query(QStringLiteral("SELECT tree_size FROM audit_heads WHERE tree_size = ?"), {static_cast<qint64>(tree->size())});
    if (!existing) return existing.error();
    auto positions = signPositions(tree->size());
    if (!positions) return positions.error();
    // Written only once the positions are committed, never naming what the Store lacks.
    auto writePositionsWitness = [&]() -> Status { return *positions ? keys_.writeTrailWitness(**positions) : Status{}; };
    if (!existing->empty()) {  // no new events since the last head, but the trail or positions may have moved
        if (auto s = tx.commit(); !s) return s.error();
        if (auto s = writePositionsWitness(); !s) return s.error();
        if (auto s = countersignTrail(who); !s) return s.error();
        return latestHead();
    }
    auto head = keys_.sign(tree->size(), hex(tree->root()), store_.clock().now().toMSecsSinceEpoch());
    if (!head) return head.error();
    if (auto s = store_.db().exec(QStringLiteral("INSERT INTO audit_heads (tree_size, root, timestamp_ms, signature) VALUES (?, ?, ?, ?)"),
                                  {static_cast<qint64>(head->treeSize), QString::fromStdString(head->rootHex), static_cast<qint64>(head->timestampMs),
                                   QString::fromStdString(head->signatureBase64)});
        !s)
        return s.error();
    if (auto s = tx.commit(); !s) return s.error();
    // The witness is written after the commit: it never names a head the Store does not have.
    if (auto s = keys_.writeWitness(*head); !s) return s.error();
    if (auto s = writePositionsWitness(); !s) return s.error();
    if (auto s = countersignTrail(who); !s) return s.error();
    return head;
}

Status Ledger::countersignTrail(const Session& who) {
    auto head = store_.trailHead(who);
    if (!head) return head.error();
    if (head->seq == 0) return {};
    auto last = store_.db().query(QStringLiteral("SELECT MAX(seq) FROM audit_trail_heads"));
    if (!last) return last.error();
    if (!last->front().value(0).isNull() && last->front().value(0).toLongLong() >= head->seq) return {};
    auto signedHead = keys_.signTrail(head->seq, head->hash, store_.clock().now().toMSecsSinceEpoch());
    if (!signedHead) return signedHead.error();
    if (auto s = store_.db().exec(QStringLiteral("INSERT INTO audit_trail_heads (seq, hash, timestamp_ms, signature) VALUES (?, ?, ?, ?)"),
                                  {static_cast<qint64>(signedHead->seq), QString::fromStdString(signedHead->hash),
                                   static_cast<qint64>(signedHead->timestampMs), QString::fromStdString(signedHead->signatureBase64)});
        !s)
        return s;
    return keys_.writeTrailWitness(*signedHead);
}

Result<std::string> Ledger::positionsText() {
    // With the number of refused lines, so verify can tell whether anything was read since.
    auto rows = store_.db().query(QStringLiteral("SELECT source, byte_offset, line FROM audit_sources ORDER BY source"));
    if (!rows) return rows.error();
    auto refused = store_.db().query(QStringLiteral("SELECT count(*) FROM audit_quarantine"));
    if (!refused) return refused.error();
    QJsonArray sources;
    for (const auto& r : *rows) sources.append(QJsonArray{r.value(0).toString(), r.value(1).toLongLong(), r.value(2).toLongLong()});
    const QJsonObject o{{"sources", sources}, {"quarantined", refused->front().value(0).toLongLong()}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

Result<std::optional<SignedTrailHead>> Ledger::signPositions(std::uint64_t treeSize) {
    auto text = positionsText();
    if (!text) return text.error();
    auto last = store_.db().query(QStringLiteral("SELECT positions FROM audit_position_heads ORDER BY id DESC LIMIT 1"));
    if (!last) return last.error();
    if (!last->empty() && last->front().value(0).toString().toStdString() == *text) return std::optional<SignedTrailHead>();
    auto head = keys_.signTrail(static_cast<std::int64_t>(treeSize), crypto::sha256Hex(*text), store_.clock().now().toMSecsSinceEpoch(),
                                "positions");
    if (!head) return head.error();
    if (auto s = store_.db().exec(QStringLiteral("INSERT INTO audit_position_heads (tree_size, positions, timestamp_ms, signature) VALUES (?, ?, ?, ?)"),
                                  {static_cast<qint64>(treeSize), QString::fromStdString(*text), static_cast<qint64>(head->timestampMs),
                                   QString::fromStdString(head->signatureBase64)});
        !s)
        return s.error();
    return std::optional<SignedTrailHead>(*head);
}

Result<std::pair<std::string, std::string>> Ledger::checkSourcePositions(std::uint64_t ledgerSize) {
    using Outcome = std::pair<std::string, std::string>;
    auto newest = store_.db().query(QStringLiteral("SELECT tree_size, positions, timestamp_ms, signature FROM audit_position_heads ORDER BY id DESC LIMIT 1"));
    if (!newest) return newest.error();
    auto witness = keys_.trailWitness("positions");
    if (!witness) return Outcome{witness.message(), {}};
    auto current = positionsText();
    if (!current) return current.error();
    const QJsonObject now = QJsonDocument::fromJson(QByteArray::fromStdString(*current)).object();
    if (newest->empty()) {
        if (*witness) return Outcome{"the signed source positions are gone: the key directory's witness names positions signed at size " +
                                         std::to_string((*witness)->seq), {}};
        if (now["sources"].toArray().isEmpty()) return Outcome{};
        return Outcome{{}, "the sources' positions are not signed yet; the next signed head covers them"};
    }
    const auto& row = newest->front();
    const std::string text = row.value(1).toString().toStdString();
    const SignedTrailHead signedPositions{row.value(0).toLongLong(), crypto::sha256Hex(text), row.value(2).toLongLong(),
                                          row.value(3).toString().toStdString(), "positions"};
    if (!keys_.verifyTrail(signedPositions))
        return Outcome{"the signed source positions at size " + std::to_string(signedPositions.seq) + " do not verify with the ledger's key", {}};
    if (*witness) {  // the witness must name positions the ledger still has
        auto named = store_.db().query(QStringLiteral("SELECT positions FROM audit_position_heads WHERE tree_size = ?"), {static_cast<qint64>((*witness)->seq)});
        if (!named) return named.error();
        const bool kept = std::any_of(named->begin(), named->end(), [&](const QSqlRecord& r) {
            return crypto::sha256Hex(r.value(0).toString().toStdString()) == (*witness)->hash;
        });
        if (!kept)
            return Outcome{"the signed source positions the key directory's witness names (at size " + std::to_string((*witness)->seq) +
                               ") are not in the ledger: signed positions were removed",
                           {}};
    }
    const QJsonObject then = QJsonDocument::fromJson(QByteArray::fromStdString(text)).object();
    // Positions move between signatures as sources are read; then the ledger holds something new.
    const bool readSince = ledgerSize > static_cast<std::uint64_t>(signedPositions.seq) ||
                           now["quarantined"].toInteger() > then["quarantined"].toInteger();
    std::map<QString, std::pair<qint64, qint64>> was;  // source: offset, line
    for (const auto& v : then["sources"].toArray()) {
        const QJsonArray p = v.toArray();
        was[p.at(0).toString()] = {p.at(1).toInteger(), p.at(2).toInteger()};
    }
    int moved = 0;
    for (const auto& v : now["sources"].toArray()) {
        const QJsonArray p = v.toArray();
        const QString source = p.at(0).toString();
        const std::pair<qint64, qint64> position{p.at(1).toInteger(), p.at(2).toInteger()};
        const auto it = was.find(source);
        const std::pair<qint64, qint64> signedAt = it == was.end() ? std::pair<qint64, qint64>{0, 0} : it->second;
        if (it != was.end()) was.erase(it);
        if (position == signedAt) continue;
        const std::string name = "the position of source " + source.toStdString();
        if (position.first < signedAt.first || position.second < signedAt.second)
            return Outcome{name + " moved back from its signed byte " + std::to_string(signedAt.first) + " to " + std::to_string(position.first) +
                               ": what lies between would be read again",
                           {}};
        if (!readSince)
            return Outcome{name + " is ahead of what the ledger holds: it moved from its signed line " + std::to_string(signedAt.second) +
                               " to line " + std::to_string(position.second) + " with no event or refused line added since, so those lines "
                               "would never be read",
                           {}};
        ++moved;
    }
    if (!was.empty())
        return Outcome{"the position of source " + was.begin()->first.toStdString() + " was signed but is gone: the source would be read again from its start",
                       {}};
    if (moved == 0) return Outcome{};
    return Outcome{{}, std::to_string(moved) + (moved == 1 ? " source position" : " source positions") +
                           " moved since the newest signed head; the next one covers them"};
}

Result<std::vector<TrailCheckpoint>> Ledger::trailCheckpoints(const Session& who) {
    if (!who.allows(vakt::permission::TrailRead)) return denied(who, vakt::permission::TrailRead).error();
    auto rows = store_.db().query(QStringLiteral("SELECT seq, hash, timestamp_ms, signature FROM audit_trail_heads ORDER BY seq"));
    if (!rows) return rows.error();
    std::vector<TrailCheckpoint> out;
    auto add = [&](const SignedTrailHead& h) -> Status {
        if (!keys_.verifyTrail(h))
            return fail("the countersigned trail head at entry " + std::to_string(h.seq) + " does not verify with the ledger's key");
        out.push_back({h.seq, h.hash, QDateTime::fromMSecsSinceEpoch(h.timestampMs, Qt::UTC).toString(Qt::ISODate).toStdString()});
        return {};
    };
    for (const auto& r : *rows)
        if (auto s = add({r.value(0).toLongLong(), r.value(1).toString().toStdString(), r.value(2).toLongLong(), r.value(3).toString().toStdString()});
            !s)
            return s.error();
    auto witness = keys_.trailWitness();
    if (!witness) return witness.error();
    if (*witness)
        if (auto s = add(**witness); !s) return s.error();
    return out;
}

namespace {

// A multiset digest of search index entries, per hour bucket: the sum of a keyed 128-bit mix of
// each entry. Sums do not depend on order, so the events (read by seq) and the index (read by
// its key) can be compared in one pass each. The key is drawn anew for every verify, so entries
// cannot be made to cancel out in advance.
class IndexDigest {
public:
    explicit IndexDigest(std::array<std::uint64_t, 2> key) : key_(key) {}
    IndexDigest(IndexDigest&&) = default;  // the nodes move with the map, so last_ stays valid
    IndexDigest& operator=(IndexDigest&&) = default;
    IndexDigest(const IndexDigest&) = delete;
    void add(std::int64_t bucket, std::int64_t term, std::int64_t timeMs, std::int64_t seq) {
        if (!last_ || bucket != lastBucket_) {  // entries come in runs of one hour
            last_ = &buckets_[bucket];
            lastBucket_ = bucket;
        }
        Sum& sum = *last_;
        ++sum.count;
        sum.a += mix(key_[0], term, timeMs, seq);
        sum.b += mix(key_[1], term, timeMs, seq);
    }
    // The first bucket whose entries differ from `other`'s, if any.
    std::optional<std::int64_t> firstDifference(const IndexDigest& other) const {
        std::optional<std::int64_t> first;
        auto note = [&](std::int64_t bucket) {
            if (!first || bucket < *first) first = bucket;
        };
        for (const auto& [bucket, sum] : buckets_) {
            const auto it = other.buckets_.find(bucket);
            if (it == other.buckets_.end() || !(it->second == sum)) note(bucket);
        }
        for (const auto& [bucket, sum] : other.buckets_)
            if (!buckets_.count(bucket)) note(bucket);
        return first;
    }
    // Adds another digest's entries (the sums are of a multiset, so parts add up).
    void merge(const IndexDigest& other) {
        for (const auto& [bucket, sum] : other.buckets_) {
            Sum& mine = buckets_[bucket];
            mine.count += sum.count;
            mine.a += sum.a;
            mine.b += sum.b;
        }
    }
    bool has(std::int64_t bucket) const { return buckets_.count(bucket) != 0; }
    template <typename F>
    void forEachBucket(F&& f) const {
        for (const auto& entry : buckets_) f(entry.first);
    }

private:
    struct Sum {
        std::uint64_t count = 0, a = 0, b = 0;
        bool operator==(const Sum&) const = default;
    };
    static std::uint64_t splitmix(std::uint64_t x) {
        x += 0x9e3779b97f4a7c15ULL;
        x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
        x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
        return x ^ (x >> 31);
    }
    static std::uint64_t mix(std::uint64_t key, std::int64_t term, std::int64_t timeMs, std::int64_t seq) {
        std::uint64_t h = splitmix(key ^ static_cast<std::uint64_t>(term));
        h = splitmix(h ^ static_cast<std::uint64_t>(timeMs));
        return splitmix(h ^ static_cast<std::uint64_t>(seq));
    }
    std::array<std::uint64_t, 2> key_;
    std::unordered_map<std::int64_t, Sum> buckets_;  // node-based: last_ stays valid as it grows
    Sum* last_ = nullptr;
    std::int64_t lastBucket_ = 0;
};

// The index entries an event's search fields give (as RowWriter writes them).
template <typename F>
void forEachIndexEntry(const SearchFields& f, F&& entry) {
    entry(audit_index::Role::Actor, f.actorKey);
    if (!f.subjectKey.empty()) entry(audit_index::Role::Subject, f.subjectKey);
}

// Index terms are SHA-256 based; an actor recurs across many events in a row (a session, a
// batch job), so the last actor's term is kept.
class TermCache {
public:
    std::int64_t of(audit_index::Role role, const std::string& key) {
        if (role != audit_index::Role::Actor) return audit_index::term(role, key);
        if (key != lastActor_) {
            lastActor_ = key;
            lastTerm_ = audit_index::term(role, key);
        }
        return lastTerm_;
    }

private:
    std::string lastActor_ = std::string(1, '\0');  // no actor key is this
    std::int64_t lastTerm_ = 0;
};

std::string hourName(std::int64_t bucket) {
    return "the hour from " + QDateTime::fromMSecsSinceEpoch(bucket * audit_index::kBucketMs, Qt::UTC).toString(Qt::ISODate).toStdString();
}

// Names the first event whose index entries in `bucket` are missing, changed or extra; only
// run once a difference is known, so it may read the events again.
Result<std::string> describeIndexDifference(Database& db, std::int64_t bucket, std::uint64_t size) {
    std::set<std::tuple<std::int64_t, std::int64_t, std::int64_t>> stored;  // term, time, seq
    auto entries = db.prepare(QStringLiteral("SELECT term, time_ms, seq FROM audit_index WHERE bucket = ? AND seq < ?"));
    if (!entries) return entries.error();
    (*entries)->bind(0, bucket);
    (*entries)->bind(1, static_cast<std::int64_t>(size));
    for (;;) {
        auto row = (*entries)->next();
        if (!row) return row.error();
        if (!*row) break;
        stored.emplace((*entries)->integer(0), (*entries)->integer(1), (*entries)->integer(2));
    }
    auto events = db.prepare(QStringLiteral("SELECT seq, canonical FROM audit_events WHERE seq < ? ORDER BY seq"));
    if (!events) return events.error();
    (*events)->bind(0, static_cast<std::int64_t>(size));
    for (;;) {
        auto row = (*events)->next();
        if (!row) return row.error();
        if (!*row) break;
        const auto fields = searchFieldsOf((*events)->text(1));
        if (!fields || audit_index::bucketOf(fields->timeMs) != bucket) continue;
        const std::int64_t seq = (*events)->integer(0);
        std::string missing;
        forEachIndexEntry(*fields, [&](audit_index::Role role, const std::string& key) {
            if (stored.erase({audit_index::term(role, key), fields->timeMs, seq}) == 0 && missing.empty())
                missing = role == audit_index::Role::Actor ? "actor" : "subject";
        });
        if (!missing.empty()) {
            (*events)->reset();
            return "event " + std::to_string(seq) + ": its search index entry for its " + missing +
                   " is missing or changed, so search and export would not find it";
        }
    }
    if (!stored.empty())
        return "the search index holds an entry for event " + std::to_string(std::get<2>(*stored.begin())) + " in " + hourName(bucket) +
               " that the event's content does not give";
    return "the search index for " + hourName(bucket) + " does not match the events";
}

// The search index's entries below `size`, as a digest.
Result<IndexDigest> indexDigest(Database& db, std::array<std::uint64_t, 2> digestKey, std::uint64_t size) {
    IndexDigest found(digestKey);
    auto entries = db.prepare(QStringLiteral("SELECT bucket, term, time_ms, seq FROM audit_index WHERE seq < ?"));
    if (!entries) return entries.error();
    Statement& e = **entries;
    e.bind(0, static_cast<std::int64_t>(size));
    for (;;) {
        auto row = e.next();
        if (!row) return row.error();
        if (!*row) break;
        found.add(e.integer(0), e.integer(1), e.integer(2), e.integer(3));
    }
    return found;
}

// The index and its list of hours against what the events give; the first problem, or empty.
Result<std::string> compareSearchIndex(Database& db, const IndexDigest& expected, const IndexDigest& found, std::uint64_t size) {
    // Search walks the hours listed in audit_buckets: an hour missing there hides all its events.
    std::unordered_set<std::int64_t> listed;
    auto buckets = db.prepare(QStringLiteral("SELECT bucket FROM audit_buckets"));
    if (!buckets) return buckets.error();
    for (;;) {
        auto row = (*buckets)->next();
        if (!row) return row.error();
        if (!*row) break;
        listed.insert((*buckets)->integer(0));
    }
    std::optional<std::int64_t> unlisted;
    expected.forEachBucket([&](std::int64_t bucket) {
        if (!listed.count(bucket) && (!unlisted || bucket < *unlisted)) unlisted = bucket;
    });
    if (unlisted)
        return "the search index's list of hours lacks " + hourName(*unlisted) + ": search and export would skip every event of that hour";
    const auto differing = expected.firstDifference(found);
    if (!differing) return std::string();
    return describeIndexDifference(db, *differing, size);
}

// One event's search columns recomputed from its canonical bytes and compared with the stored
// ones, and the index entries it gives added to a digest.
class SearchRowCheck {
public:
    explicit SearchRowCheck(std::array<std::uint64_t, 2> digestKey) : expected(digestKey) {}
    // Reads seq, canonical, time_ms, service, action, actor_key, actor_org, subject_key, result
    // from `r`, starting at `first`; false with `problem` set at the first difference.
    bool check(Statement& r, int first) {
        const std::int64_t seq = r.integer(first);
        if (!readSearchFields(r.text(first + 1), derived_)) return fail(seq, "its stored content is not a canonical event");
        const std::string* values[] = {&derived_.service, &derived_.action, &derived_.actorKey, &derived_.actorOrg, &derived_.subjectKey, &derived_.result};
        static constexpr const char* kColumns[] = {"service", "action", "actor_key", "actor_org", "subject_key", "result"};
        const char* differing = r.integer(first + 2) != derived_.timeMs ? "time_ms" : nullptr;
        for (int i = 0; i < 6 && !differing; ++i)
            if (r.text(first + 3 + i) != *values[i]) differing = kColumns[i];
        if (differing)
            return fail(seq, std::string("its column ") + differing + " does not match its content, so search and export would not find it as it is");
        const std::int64_t bucket = audit_index::bucketOf(derived_.timeMs);
        forEachIndexEntry(derived_, [&](audit_index::Role role, const std::string& key) {
            expected.add(bucket, terms_.of(role, key), derived_.timeMs, seq);
        });
        return true;
    }
    static constexpr const char* kSelectColumns = "seq, canonical, time_ms, service, action, actor_key, actor_org, subject_key, result";
    std::string problem;
    IndexDigest expected;

private:
    bool fail(std::int64_t seq, const std::string& text) {
        problem = "event " + std::to_string(seq) + ": " + text;
        return false;
    }
    TermCache terms_;
    SearchFields derived_;
};

// The search check of events below `end` on a connection of its own, run beside verify's tree
// (which checks the rest itself, so both cores finish together): the first problem, and the
// index entries the events give.
Result<SearchRowCheck> checkSearchData(const DatabaseUrl& url, std::uint64_t end, std::array<std::uint64_t, 2> digestKey,
                                       const std::atomic<bool>& stop) {
    auto opened = Database::open(url);
    if (!opened) return opened.error();
    Database& db = **opened;
    // Read once from end to end: mapped rather than copied into SQLite's page cache.
    if (db.engine() == Engine::Sqlite)
        if (auto s = db.exec(QStringLiteral("PRAGMA mmap_size=17179869184")); !s) return s.error();
    SearchRowCheck out(digestKey);
    auto read = db.prepare(QStringLiteral("SELECT %1 FROM audit_events WHERE seq < ? ORDER BY seq").arg(QLatin1String(SearchRowCheck::kSelectColumns)));
    if (!read) return read.error();
    Statement& r = **read;
    r.bind(0, static_cast<std::int64_t>(end));
    for (std::uint64_t n = 0;; ++n) {
        if ((n & 0xffff) == 0 && stop) {
            r.reset();
            return out;
        }
        auto row = r.next();
        if (!row) return row.error();
        if (!*row) break;
        if (!out.check(r, 0)) {
            r.reset();
            return out;
        }
    }
    return out;
}

}  // namespace

Result<VerifyReport> Ledger::verify(const Session& who) {
    if (!who.allows(audit::permission::Verify)) return denied(who, audit::permission::Verify).error();
    VerifyReport report;
    auto signedHeads = heads();
    if (!signedHeads) return signedHeads.error();
    auto witness = keys_.witness(!signedHeads->empty());
    if (!witness) {
        report.problem = witness.message();
        return report;
    }
    if (!keys_.hasWitness() && !signedHeads->empty())
        report.note = "the key directory holds no witness, so removing the newest events together with their heads would not be "
                      "noticed; copy witness.json from the collector's key directory";
    std::vector<SignedHead> checkpoints = *signedHeads;
    report.heads = checkpoints.size();
    for (const auto& h : checkpoints)
        if (!keys_.verify(h)) {
            report.problem = "tree head at size " + std::to_string(h.treeSize) + ": the signature does not verify (not signed with the ledger's key)";
            return report;
        }
    if (witness->treeSize > 0) checkpoints.push_back(*witness);
    std::sort(checkpoints.begin(), checkpoints.end(), [](const auto& a, const auto& b) { return a.treeSize < b.treeSize; });

    TreeBuilder tree;
    std::size_t next = 0;
    std::uint64_t lastGood = 0;
    auto checkHeadsAt = [&]() -> bool {
        while (next < checkpoints.size() && checkpoints[next].treeSize == tree.size()) {
            if (hex(tree.root()) != checkpoints[next].rootHex) {
                report.problem = "tree head at size " + std::to_string(tree.size()) + " does not match the events: one of events " +
                                 std::to_string(lastGood) + ".." + std::to_string(tree.size() - 1) +
                                 " was changed, removed, inserted or reordered";
                return false;
            }
            lastGood = tree.size();
            ++next;
        }
        return true;
    };
    if (!checkHeadsAt()) return report;
    // The stored subtree roots proofs are built from, checked against the events too.
    std::map<std::pair<int, std::uint64_t>, Hash> storedNodes;
    auto nodes = store_.db().prepare(QStringLiteral("SELECT height, idx, hash FROM audit_nodes"));
    if (!nodes) return nodes.error();
    for (;;) {
        auto row = (*nodes)->next();
        if (!row) return row.error();
        if (!*row) break;
        Hash h{};
        std::memcpy(h.data(), (*nodes)->blob(2).data(), std::min<std::size_t>((*nodes)->blob(2).size(), 32));
        storedNodes.emplace(std::make_pair(static_cast<int>((*nodes)->integer(0)), static_cast<std::uint64_t>((*nodes)->integer(1))), h);
    }
    std::string badNode;
    const TreeBuilder::NodeSink checkNode = [&](int height, std::uint64_t index, const Hash& hash) {
        if (height < kStoredHeight || !badNode.empty()) return;
        const auto it = storedNodes.find({height, index});
        if (it != storedNodes.end() && it->second != hash)
            badNode = "the stored root of events " + std::to_string(index << height) + ".." + std::to_string(((index + 1) << height) - 1) +
                      " does not match them: proofs would not verify";
    };
    // Search reads the columns and index beside each event, not its hashed content: they are
    // recomputed from that content on a second connection, in parallel with the tree.
    auto frontierAtStart = loadFrontier();
    if (!frontierAtStart) return frontierAtStart.error();
    const std::uint64_t sizeAtStart = frontierAtStart->size();
    std::array<std::uint64_t, 2> digestKey{};
    const std::string random = crypto::randomBytes(sizeof digestKey);
    std::memcpy(digestKey.data(), random.data(), sizeof digestKey);
    // The other thread checks the first events; this one, besides the tree, the last ones (the
    // tree's own work is about a tenth less than the search check's on this machine).
    const std::uint64_t split = sizeAtStart - sizeAtStart / 9;
    std::atomic<bool> stopSearchCheck{false};
    auto searchCheck = std::async(std::launch::async, [url = store_.db().url(), split, digestKey, &stopSearchCheck] {
        return checkSearchData(url, split, digestKey, stopSearchCheck);
    });
    SearchRowCheck lastEvents(digestKey);
    // On any early return the check is told to stop (the future's destructor then waits for it).
    struct StopOnExit {
        std::atomic<bool>& flag;
        ~StopOnExit() { flag = true; }
    } stopOnExit{stopSearchCheck};
    // The events are read from end to end once: mapped rather than copied, for this verify only.
    struct MappedReads {
        Database& db;
        explicit MappedReads(Database& d) : db(d) {
            if (db.engine() == Engine::Sqlite) (void)db.exec(QStringLiteral("PRAGMA mmap_size=17179869184"));
        }
        ~MappedReads() {
            if (db.engine() == Engine::Sqlite) (void)db.exec(QStringLiteral("PRAGMA mmap_size=0"));
        }
    } mapped(store_.db());
    auto firstPart = store_.db().prepare(QStringLiteral("SELECT seq, canonical, leaf_hash FROM audit_events WHERE seq < ? ORDER BY seq"));
    if (!firstPart) return firstPart.error();
    (*firstPart)->bind(0, static_cast<std::int64_t>(split));
    auto lastPart = store_.db().prepare(QStringLiteral("SELECT seq, canonical, leaf_hash, %1 FROM audit_events WHERE seq >= ? ORDER BY seq")
                                            .arg(QLatin1String(SearchRowCheck::kSelectColumns)));
    if (!lastPart) return lastPart.error();
    (*lastPart)->bind(0, static_cast<std::int64_t>(split));
    std::int64_t expected = 0;
    for (bool inLastPart = false;;) {
        Statement& r = inLastPart ? **lastPart : **firstPart;
        auto row = r.next();
        if (!row) return row.error();
        if (!*row) {
            if (inLastPart) break;
            inLastPart = true;
            continue;
        }
        const std::int64_t seq = r.integer(0);
        if (seq != expected) {
            report.problem = "event " + std::to_string(expected) + " is missing: the ledger goes on at event " + std::to_string(seq);
            r.reset();
            return report;
        }
        const Hash leaf = leafHash(r.text(1));
        const std::string_view stored = r.blob(2);
        if (stored.size() != leaf.size() || std::memcmp(stored.data(), leaf.data(), leaf.size()) != 0) {
            report.problem = "event " + std::to_string(seq) + " was changed: its content does not match its leaf hash";
            r.reset();
            return report;
        }
        tree.append(leaf, checkNode);
        ++expected;
        if (!checkHeadsAt()) {
            r.reset();
            return report;
        }
        // Events appended since verify began are not in the index digest read below.
        if (inLastPart && static_cast<std::uint64_t>(seq) < sizeAtStart && lastEvents.problem.empty()) (void)lastEvents.check(r, 3);
    }
    report.events = tree.size();
    if (next < checkpoints.size()) {
        report.problem = "the ledger holds " + std::to_string(tree.size()) + " events, but a tree head was signed at size " +
                         std::to_string(checkpoints[next].treeSize) + ": events were removed from the end (truncated)";
        return report;
    }
    auto frontier = loadFrontier();
    if (!frontier || frontier->size() != tree.size() || frontier->root() != tree.root()) {
        report.problem = "the stored frontier does not match the events: new events would continue a different tree";
        return report;
    }
    if (!badNode.empty()) {
        report.problem = badNode;
        return report;
    }
    // The index is read here while the other thread still reads the events.
    auto found = indexDigest(store_.db(), digestKey, sizeAtStart);
    if (!found) return found.error();
    auto search = searchCheck.get();
    if (!search) return search.error();
    report.problem = !search->problem.empty() ? search->problem : lastEvents.problem;
    if (!report.problem.empty()) return report;
    search->expected.merge(lastEvents.expected);
    auto index = compareSearchIndex(store_.db(), search->expected, *found, sizeAtStart);
    if (!index) return index.error();
    report.problem = *index;
    if (!report.problem.empty()) return report;
    auto positions = checkSourcePositions(tree.size());
    if (!positions) return positions.error();
    report.problem = positions->first;
    if (!positions->second.empty()) report.note += (report.note.empty() ? "" : "; ") + positions->second;
    return report;
}


Status Ledger::writeNodes(Statement& insert, const std::vector<StoredNode>& nodes) {
    for (const auto& n : nodes) {
        insert.bind(0, n.height);
        insert.bind(1, static_cast<std::int64_t>(n.index));
        insert.bindBlob(2, std::string_view(reinterpret_cast<const char*>(n.hash.data()), n.hash.size()));
        if (auto s = insert.exec(); !s) return s;
    }
    return {};
}

Status Ledger::storeMissingNodes() {
    // Ledgers only lack nodes from before they were kept; once checked, appends keep them.
    if (nodesChecked_) return {};
    auto tree = loadFrontier();
    if (!tree) return tree.error();
    const auto expected = static_cast<qint64>(tree->size() >> kStoredHeight);  // nodes of the lowest stored height
    auto stored = store_.db().query(QStringLiteral("SELECT count(*) FROM audit_nodes WHERE height = ?"), {kStoredHeight});
    if (!stored) return stored.error();
    if (stored->front().value(0).toLongLong() == expected) {
        nodesChecked_ = true;
        return {};
    }
    // A ledger from before the nodes were kept (or with nodes removed): all of them again, from
    // the leaf hashes, read to the end before anything is written.
    std::vector<StoredNode> nodes;
    TreeBuilder rebuilt;
    auto read = store_.db().prepare(QStringLiteral("SELECT leaf_hash FROM audit_events WHERE seq < ? ORDER BY seq"));
    if (!read) return read.error();
    (*read)->bind(0, static_cast<std::int64_t>(tree->size()));
    for (;;) {
        auto row = (*read)->next();
        if (!row) return row.error();
        if (!*row) break;
        Hash leaf{};
        const std::string_view bytes = (*read)->blob(0);
        std::memcpy(leaf.data(), bytes.data(), std::min(bytes.size(), leaf.size()));
        rebuilt.append(leaf, [&](int height, std::uint64_t index, const Hash& hash) {
            if (height >= kStoredHeight) nodes.push_back({height, index, hash});
        });
    }
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    if (auto s = store_.db().exec(QStringLiteral("DELETE FROM audit_nodes")); !s) return s;
    auto insert = store_.db().prepare(QStringLiteral("INSERT INTO audit_nodes (height, idx, hash) VALUES (?, ?, ?)"));
    if (!insert) return insert.error();
    if (auto s = writeNodes(**insert, nodes); !s) return s;
    if (auto s = tx.commit(); !s) return s;
    nodesChecked_ = true;
    return {};
}

namespace {
// Roots of leaf ranges for proofs: a perfect subtree of 256 leaves or more is read from
// audit_nodes, anything smaller is hashed from its leaves, the rest is split as RFC 9162 splits
// it. Each range is worked out once per proof or bundle.
class StoredRanges {
public:
    StoredRanges(Database& db, int storedHeight, std::string& error) : db_(db), storedHeight_(storedHeight), error_(error) {
        auto node = db.prepare(QStringLiteral("SELECT hash FROM audit_nodes WHERE height = ? AND idx = ?"));
        auto leaves = db.prepare(QStringLiteral("SELECT leaf_hash FROM audit_events WHERE seq >= ? AND seq < ? ORDER BY seq"));
        if (!node || !leaves) {
            error_ = !node ? node.message() : leaves.message();
            return;
        }
        node_ = std::move(*node);
        leaves_ = std::move(*leaves);
    }

    Hash root(std::uint64_t begin, std::uint64_t end) {
        if (!error_.empty() || !node_) return {};
        const auto key = std::make_pair(begin, end);
        if (auto it = memo_.find(key); it != memo_.end()) return it->second;
        const std::uint64_t n = end - begin;
        const bool perfect = (n & (n - 1)) == 0 && begin % n == 0;
        std::optional<Hash> h;
        if (perfect && n >= (std::uint64_t{1} << storedHeight_)) h = storedNode(std::countr_zero(n), begin / n);
        if (!h && n >= (std::uint64_t{1} << storedHeight_)) {
            std::uint64_t k = 1;
            while (k << 1 < n) k <<= 1;
            h = nodeHash(root(begin, begin + k), root(begin + k, end));
        }
        if (!h) h = fromLeaves(begin, end);
        memo_.emplace(key, *h);
        return *h;
    }

private:
    std::optional<Hash> storedNode(int height, std::uint64_t index) {
        node_->bind(0, height);
        node_->bind(1, static_cast<std::int64_t>(index));
        auto row = node_->next();
        std::optional<Hash> out;
        if (!row) error_ = row.message();
        else if (*row && node_->blob(0).size() == 32) {
            out.emplace();
            std::memcpy(out->data(), node_->blob(0).data(), 32);
        }
        node_->reset();
        return out;
    }

    Hash fromLeaves(std::uint64_t begin, std::uint64_t end) {
        TreeBuilder b;
        leaves_->bind(0, static_cast<std::int64_t>(begin));
        leaves_->bind(1, static_cast<std::int64_t>(end));
        for (;;) {
            auto row = leaves_->next();
            if (!row) error_ = row.message();
            if (!row || !*row) break;
            Hash leaf{};
            std::memcpy(leaf.data(), leaves_->blob(0).data(), std::min<std::size_t>(leaves_->blob(0).size(), 32));
            b.append(leaf);
        }
        if (error_.empty() && b.size() != end - begin)
            error_ = "events " + std::to_string(begin) + ".." + std::to_string(end - 1) + " are not all in the ledger; run 'vakt audit verify'";
        return b.root();
    }

    Database& db_;
    int storedHeight_;
    std::string& error_;
    std::unique_ptr<Statement> node_, leaves_;
    std::map<std::pair<std::uint64_t, std::uint64_t>, Hash> memo_;
};
}  // namespace

RangeRoot Ledger::storedRanges(std::string& error) {
    auto ranges = std::make_shared<StoredRanges>(store_.db(), kStoredHeight, error);
    return [ranges](std::uint64_t begin, std::uint64_t end) { return ranges->root(begin, end); };
}

Result<QJsonObject> Ledger::inclusionProof(const Session& who, std::uint64_t seq) {
    // The proof holds the event itself, so it is an investigation like a search.
    if (!who.allows(audit::permission::Investigate)) return denied(who, audit::permission::Investigate).error();
    auto head = latestHead();
    if (!head) return head.error();
    if (seq >= head->treeSize)
        return fail("event " + std::to_string(seq) + " is not covered by a signed tree head yet (the newest covers " + std::to_string(head->treeSize) +
                    " events); run 'vakt audit sign'");
    auto row = store_.db().query(QStringLiteral("SELECT canonical, leaf_hash FROM audit_events WHERE seq = ?"), {static_cast<qint64>(seq)});
    if (!row) return row.error();
    if (row->empty()) return fail("no event " + std::to_string(seq), ErrorKind::NotFound);
    std::string error;
    const RangeRoot ranges = storedRanges(error);
    const QJsonArray path = hexArray(audit::inclusionProof(seq, head->treeSize, ranges));
    if (!error.empty()) return fail(error);
    if (auto s = recordReading(who, QStringLiteral("audit.prove"), QStringLiteral("event:%1").arg(seq),
                               QJsonObject{{"leaf_index", static_cast<qint64>(seq)}});
        !s)
        return s.error();
    return QJsonObject{{"type", "inclusion"},
                       {"hashing", "RFC 9162 SHA-256"},
                       {"leaf_index", static_cast<qint64>(seq)},
                       {"event", row->front().value(0).toString()},
                       {"leaf_hash", QString::fromLatin1(row->front().value(1).toByteArray().toHex())},
                       {"path", path},
                       {"head", headJson(*head)},
                       {"public_key", QString::fromStdString(keys_.publicPem())}};
}

Result<QJsonObject> Ledger::consistencyProof(const Session& who, std::uint64_t from, std::uint64_t to) {
    if (!who.allows(audit::permission::Verify)) return denied(who, audit::permission::Verify).error();
    auto all = heads();
    if (!all) return all.error();
    const SignedHead* older = nullptr;
    const SignedHead* newer = nullptr;
    for (const auto& h : *all) {
        if (h.treeSize == from) older = &h;
        if (h.treeSize == to) newer = &h;
    }
    auto sizes = [&] {
        std::string list;
        for (const auto& h : *all) list += (list.empty() ? "" : ", ") + std::to_string(h.treeSize);
        return list.empty() ? std::string("none") : list;
    };
    if (!older || !newer) return fail("--from and --to must be sizes of signed tree heads; the ledger has heads at: " + sizes());
    if (from > to) return fail("--from must not be larger than --to");
    std::string error;
    const QJsonArray path = hexArray(audit::consistencyProof(from, to, storedRanges(error)));
    if (!error.empty()) return fail(error);
    return QJsonObject{{"type", "consistency"},
                       {"hashing", "RFC 9162 SHA-256"},
                       {"old_head", headJson(*older)},
                       {"new_head", headJson(*newer)},
                       {"path", path},
                       {"public_key", QString::fromStdString(keys_.publicPem())}};
}

Result<std::vector<qint64>> Ledger::buckets(qint64 fromMs, qint64 toMs) {
    auto rows = store_.db().query(QStringLiteral("SELECT bucket FROM audit_buckets WHERE bucket >= ? AND bucket <= ? ORDER BY bucket"),
                                  {static_cast<qint64>(audit_index::bucketOf(fromMs)), static_cast<qint64>(audit_index::bucketOf(toMs))});
    if (!rows) return rows.error();
    std::vector<qint64> out;
    out.reserve(rows->size());
    for (const auto& r : *rows) out.push_back(r.value(0).toLongLong());
    return out;
}

namespace {
// What a search or bundle answers, with person ids only as pseudonyms: for the bundle and the trail.
QJsonObject evidenceQuery(const Ledger::Query& query, std::string_view hmacKey) {
    QJsonObject o;
    if (!query.subject.empty()) o.insert(QStringLiteral("subject"), QString::fromStdString(storedKey(hmacKey, query.subject)));
    if (!query.actor.empty()) o.insert(QStringLiteral("actor"), QString::fromStdString(storedKey(hmacKey, query.actor)));
    if (!query.service.empty()) o.insert(QStringLiteral("service"), QString::fromStdString(query.service));
    if (!query.action.empty()) o.insert(QStringLiteral("action"), QString::fromStdString(query.action));
    if (query.fromMs != std::numeric_limits<qint64>::min()) o.insert(QStringLiteral("from_ms"), query.fromMs);
    if (query.toMs != std::numeric_limits<qint64>::max()) o.insert(QStringLiteral("to_ms"), query.toMs);
    return o;
}
// Readings are filed in the trail under the person (or else the actor) they were about, so
// "who looked this person up" is one trail query.
QString readingKey(const QJsonObject& what) {
    return what.value(QStringLiteral("subject")).toString(what.value(QStringLiteral("actor")).toString());
}
}  // namespace

Result<std::vector<LedgerEvent>> Ledger::search(const Session& who, const Query& typed, int limit, std::optional<Cursor> after) {
    if (!who.allows(audit::permission::Investigate)) return denied(who, audit::permission::Investigate).error();
    if (auto s = keys_.canPseudonymise(); !s) return s.error();
    const Query query = asStored(typed, keys_.hmacKey());
    auto found = findEvents(query, limit, after);
    if (!found) return found.error();
    QJsonObject what = evidenceQuery(query, keys_.hmacKey());
    what.insert(QStringLiteral("results"), static_cast<qint64>(found->size()));
    if (after) what.insert(QStringLiteral("after_seq"), after->seq);
    if (auto s = recordReading(who, QStringLiteral("audit.search"), readingKey(what), what); !s) return s.error();
    return found;
}

Status Ledger::recordReading(const Session& who, const QString& action, const QString& key, const QJsonObject& what) {
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started();
    if (auto s = store_.record(who, action, QStringLiteral("audit_read"), key, {}, what); !s) return s;
    return tx.commit();
}

Result<std::vector<LedgerEvent>> Ledger::findEvents(const Query& query, int limit, std::optional<Cursor> after) {
    if (query.subject.empty() && query.actor.empty()) return fail("search: give a person or organisation (subject) or an actor to search for");
    std::vector<LedgerEvent> out;
    if (limit <= 0 || query.fromMs > query.toMs) return out;
    const std::string subjectKey = query.subject.empty() ? std::string() : storedKey(keys_.hmacKey(), query.subject);
    const std::string actorKey = query.actor.empty() ? std::string() : storedKey(keys_.hmacKey(), query.actor);
    // The subject leads when given: a person has far fewer events than an employee or integration.
    const bool bySubject = !subjectKey.empty();
    const std::int64_t term = bySubject ? audit_index::term(audit_index::Role::Subject, subjectKey)
                                        : audit_index::term(audit_index::Role::Actor, actorKey);
    const qint64 from = after ? std::max(query.fromMs, after->timeMs) : query.fromMs;
    auto found = buckets(from, query.toMs);
    if (!found) return found.error();

    QString filters;
    if (!subjectKey.empty()) filters += QStringLiteral(" AND e.subject_key = ?");
    if (!actorKey.empty()) filters += QStringLiteral(" AND e.actor_key = ?");
    if (!query.service.empty()) filters += QStringLiteral(" AND e.service = ?");
    if (!query.action.empty()) filters += QStringLiteral(" AND e.action = ?");
    for (std::size_t first = 0; first < found->size() && out.size() < static_cast<std::size_t>(limit); first += kBucketsPerQuery) {
        const std::size_t count = std::min(kBucketsPerQuery, found->size() - first);
        auto statement = store_.db().prepare(
            QStringLiteral("SELECT e.seq, e.time_ms, e.service, e.action, e.actor_key, e.actor_org, e.subject_key, e.result, e.source, e.source_line,"
                           " e.canonical FROM audit_index i JOIN audit_events e ON e.seq = i.seq"
                           " WHERE i.bucket IN (%1) AND i.term = ? AND i.time_ms >= ? AND i.time_ms <= ?"
                           " AND (i.time_ms > ? OR (i.time_ms = ? AND i.seq > ?))%2"
                           " ORDER BY i.bucket, i.time_ms, i.seq LIMIT %3")
                .arg(bucketList(*found, first, count), filters)
                .arg(static_cast<qint64>(limit) - static_cast<qint64>(out.size())));
        if (!statement) return statement.error();
        Statement& q = **statement;
        int bind = 0;
        q.bind(bind++, term);
        q.bind(bind++, query.fromMs);
        q.bind(bind++, query.toMs);
        const qint64 afterTime = after ? after->timeMs : std::numeric_limits<qint64>::min();
        q.bind(bind++, afterTime);
        q.bind(bind++, afterTime);
        q.bind(bind++, after ? after->seq : qint64{-1});
        for (const std::string* value : {&subjectKey, &actorKey, &query.service, &query.action})
            if (!value->empty()) q.bindText(bind++, *value);
        auto text = [&](int column) {
            const std::string_view v = q.text(column);
            return QString::fromUtf8(v.data(), static_cast<qsizetype>(v.size()));
        };
        for (;;) {
            auto row = q.next();
            if (!row) return row.error();
            if (!*row) break;
            out.push_back({q.integer(0), q.integer(1), text(2), text(3), text(4), text(5), text(6), text(7), text(8), q.integer(9),
                           std::string(q.text(10))});
        }
    }
    return out;
}

Result<std::vector<ActorActivity>> Ledger::actorActivity(Store& store, const std::vector<std::string>& actorKeys) {
    // Each key once, so a key given twice is not answered twice.
    std::vector<std::string_view> wanted(actorKeys.begin(), actorKeys.end());
    std::sort(wanted.begin(), wanted.end());
    wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
    // Bound values, a slice of keys at a time: well under the 999 of SQLite's oldest limit.
    constexpr std::size_t kKeysPerQuery = 500;
    const auto prepareFor = [&store](std::size_t count) {
        QStringList marks;
        for (std::size_t i = 0; i < count; ++i) marks << QStringLiteral("?");
        return store.db().prepare(QStringLiteral("SELECT actor_key, actor_org, service, last_ms, events FROM audit_actor_activity"
                                                  " WHERE actor_key IN (%1)")
                                       .arg(marks.join(QLatin1Char(','))));
    };
    std::unique_ptr<Statement> full;  // prepared once, for every whole slice
    std::vector<ActorActivity> out;
    for (std::size_t first = 0; first < wanted.size(); first += kKeysPerQuery) {
        const std::size_t count = std::min(kKeysPerQuery, wanted.size() - first);
        std::unique_ptr<Statement> rest;  // the last slice, when shorter
        std::unique_ptr<Statement>& statement = count == kKeysPerQuery ? full : rest;
        if (!statement) {
            auto prepared = prepareFor(count);
            if (!prepared) return prepared.error();
            statement = std::move(*prepared);
        }
        Statement& q = *statement;
        for (std::size_t i = 0; i < count; ++i) q.bindText(static_cast<int>(i), wanted[first + i]);
        for (;;) {
            auto row = q.next();
            if (!row) return row.error();
            if (!*row) break;
            out.push_back({std::string(q.text(0)), std::string(q.text(1)), std::string(q.text(2)), q.integer(3), q.integer(4)});
        }
    }
    std::sort(out.begin(), out.end(), [](const ActorActivity& a, const ActorActivity& b) {
        return std::tie(a.actorKey, a.actorOrg, a.service) < std::tie(b.actorKey, b.actorOrg, b.service);
    });
    return out;
}

Result<ActivityCoverage> Ledger::activityCoverage(Store& store) {
    ActivityCoverage out;
    auto first = store.db().query(QStringLiteral("SELECT MIN(bucket) FROM audit_buckets"));
    if (!first) return first.error();
    if (!first->empty() && !first->front().value(0).isNull()) out.firstMs = first->front().value(0).toLongLong() * audit_index::kBucketMs;
    auto services = store.db().query(QStringLiteral("SELECT DISTINCT service FROM audit_actor_activity ORDER BY service"));
    if (!services) return services.error();
    for (const auto& r : *services) out.services.push_back(r.value(0).toString().toStdString());
    return out;
}

Result<std::vector<QuarantinedLine>> Ledger::quarantine(const Session& who, int limit) {
    if (!who.allows(audit::permission::Verify)) return denied(who, audit::permission::Verify).error();
    auto rows = store_.db().query(QStringLiteral("SELECT source, line, reason FROM audit_quarantine ORDER BY id LIMIT %1").arg(limit));
    if (!rows) return rows.error();
    std::vector<QuarantinedLine> out;
    for (const auto& r : *rows) out.push_back({r.value(0).toString(), r.value(1).toLongLong(), r.value(2).toString()});
    return out;
}


Result<QJsonObject> Ledger::evidence(const Session& who, const Query& typed) {
    if (!who.allows(audit::permission::Investigate)) return denied(who, audit::permission::Investigate).error();
    if (auto s = keys_.canPseudonymise(); !s) return s.error();
    const Query query = asStored(typed, keys_.hmacKey());
    constexpr int kMaxEvents = 100000;
    auto found = findEvents(query, kMaxEvents + 1);
    if (!found) return found.error();
    if (found->size() > static_cast<std::size_t>(kMaxEvents))
        return fail("more than " + std::to_string(kMaxEvents) + " events match; narrow the time with --from and --to");
    auto head = latestHead();
    if (!head) return head.error();
    std::string error;
    const RangeRoot ranges = storedRanges(error);  // shared by all the events' proofs
    QJsonArray events;
    for (const auto& e : *found) {
        if (static_cast<std::uint64_t>(e.seq) >= head->treeSize)
            return fail("event " + std::to_string(e.seq) + " is not covered by a signed tree head yet; run 'vakt audit sign' first");
        const auto index = static_cast<std::uint64_t>(e.seq);
        events.append(QJsonObject{{"leaf_index", e.seq},
                                  {"event", QString::fromStdString(e.canonical)},
                                  {"leaf_hash", QString::fromStdString(hex(ranges(index, index + 1)))},
                                  {"path", hexArray(audit::inclusionProof(index, head->treeSize, ranges))}});
        if (!error.empty()) return fail(error);
    }
    QJsonObject what = evidenceQuery(query, keys_.hmacKey());
    what.insert(QStringLiteral("results"), events.size());
    if (auto s = recordReading(who, QStringLiteral("audit.export"), readingKey(what), what); !s) return s.error();
    return QJsonObject{{"type", "evidence"},
                       {"statement", evidenceStatement()},
                       {"hashing", "RFC 9162 SHA-256"},
                       {"query", evidenceQuery(query, keys_.hmacKey())},
                       {"events", events},
                       {"head", headJson(*head)},
                       {"public_key", QString::fromStdString(keys_.publicPem())}};
}

QJsonObject evidenceStatement() {
    return QJsonObject{
        {"proves",
         QJsonObject{{"en",
                      "Each event here is, byte for byte, the event at its leaf_index in an append-only ledger whose tree head (head) is "
                      "signed with the operator's Ed25519 key: it was in the ledger when that head was signed and has not been changed "
                      "since. This holds only when the head's signature is checked against the operator's key as published, never "
                      "against public_key in this file."},
                     {"nb",
                      "Hver hendelse her er, byte for byte, hendelsen på sin plass (leaf_index) i en logg som bare kan utvides, og som "
                      "treets hode (head) er signert for med operatørens Ed25519-nøkkel: den var i loggen da hodet ble signert og er ikke "
                      "endret siden. Dette gjelder bare når signaturen sjekkes mot operatørens nøkkel slik den er publisert, aldri mot "
                      "public_key i denne filen."}}},
        {"does_not_prove",
         QJsonObject{{"en", QJsonArray{"that these are all the events matching the query: completeness rests on the ledger's search "
                                       "index, which 'vakt audit verify' checks at the operator, not on this file",
                                       "that what an event says happened: only that the platform's service wrote it and it was not "
                                       "changed after it entered the ledger",
                                       "anything about events after the signed head, or when an event happened beyond its own time field",
                                       "who a pseudonym (hmac-sha256:...) stands for: only the operator, with the pseudonymisation key, "
                                       "can link a person id to it"}},
                     {"nb", QJsonArray{"at dette er alle hendelsene som passer søket: at utvalget er fullstendig hviler på loggens "
                                       "søkeindeks, som 'vakt audit verify' sjekker hos operatøren, ikke på denne filen",
                                       "at det en hendelse sier skjedde, skjedde: bare at plattformens tjeneste skrev den og at den ikke "
                                       "er endret etter at den kom inn i loggen",
                                       "noe om hendelser etter det signerte hodet, eller om når en hendelse skjedde utover dens eget tidsfelt",
                                       "hvem et pseudonym (hmac-sha256:...) står for: bare operatøren, med pseudonymiseringsnøkkelen, kan "
                                       "knytte et fødselsnummer til det"}}}}};
}

Status checkProof(const QJsonObject& proof, const std::string& trustedPublicPem) {
    auto trusted = crypto::ed25519Fingerprint(trustedPublicPem);
    if (!trusted) return fail("the trusted public key: " + trusted.message());
    auto signedBy = [&](const QJsonObject& headObject, const char* what) -> Status {
        const SignedHead head = headFrom(headObject);
        auto signature = crypto::fromBase64(head.signatureBase64);
        if (signature && crypto::verifyEd25519(trustedPublicPem, head.message(), *signature)) return {};
        // Name the key the proof carries, so a recipient sees a proof signed by someone else.
        auto carried = crypto::ed25519Fingerprint(proof.value("public_key").toString().toStdString());
        return fail(std::string(what) + ": the signature does not verify with the trusted key " + *trusted +
                    (carried && *carried != *trusted ? " (the proof carries another key, " + *carried + ")" : ""));
    };
    const QString type = proof.value("type").toString();
    auto included = [&](const QJsonObject& item, const SignedHead& head, const std::string& where) -> Status {
        auto itemPath = hashArray(item.value("path"), "path");
        if (!itemPath) return itemPath.error();
        const QByteArray event = item.value("event").toString().toUtf8();
        const Hash leaf = leafHash(std::string_view(event.constData(), static_cast<std::size_t>(event.size())));
        if (hex(leaf) != item.value("leaf_hash").toString().toStdString()) return fail(where + "event: its hash is not the proof's leaf_hash");
        auto root = hashFromHex(head.rootHex);
        if (!root) return fail("head: the root is not a 64-digit hex hash");
        if (!verifyInclusion(static_cast<std::uint64_t>(item.value("leaf_index").toInteger(-1)), head.treeSize, leaf, *itemPath, *root))
            return fail(where + "path: the event is not in the tree the head signs");
        return {};
    };
    if (type == "inclusion" || type == "evidence") {
        const QJsonObject headObject = proof.value("head").toObject();
        if (auto s = signedBy(headObject, "head"); !s) return s;
        const SignedHead head = headFrom(headObject);
        if (type == "inclusion") return included(proof, head, "");
        const QJsonArray events = proof.value("events").toArray();
        for (qsizetype i = 0; i < events.size(); ++i)
            if (auto s = included(events[i].toObject(), head, "events[" + std::to_string(i) + "]."); !s) return s;
        return {};
    }
    if (type == "consistency") {
        const QJsonObject oldObject = proof.value("old_head").toObject(), newObject = proof.value("new_head").toObject();
        if (auto s = signedBy(oldObject, "old_head"); !s) return s;
        if (auto s = signedBy(newObject, "new_head"); !s) return s;
        const SignedHead older = headFrom(oldObject), newer = headFrom(newObject);
        auto oldRoot = hashFromHex(older.rootHex);
        auto newRoot = hashFromHex(newer.rootHex);
        if (!oldRoot || !newRoot) return fail("a head's root is not a 64-digit hex hash");
        auto path = hashArray(proof.value("path"), "path");
        if (!path) return path.error();
        if (!verifyConsistency(older.treeSize, newer.treeSize, *oldRoot, *newRoot, *path))
            return fail("path: the newer tree does not extend the older one");
        return {};
    }
    return fail("type: '" + type.toStdString() + "' is not inclusion, consistency or evidence");
}

}  // namespace vakt::audit
