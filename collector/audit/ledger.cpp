#include "ledger.h"

#include <QDateTime>
#include <QJsonArray>
#include <cstring>
#include <limits>

#include "crypto.h"
#include "incidents.h"

namespace vakt::audit {

namespace {
const QString kEventColumns = QStringLiteral(
    "seq, time_ms, service, action, actor_key, actor_org, subject_key, result, canonical, leaf_hash, source, source_line");

QString nowIso() { return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs); }

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

Result<std::uint64_t> Ledger::size() {
    auto tree = loadFrontier();
    if (!tree) return tree.error();
    return tree->size();
}

Result<IngestStats> Ledger::ingest(const Session& who, const SourceSpec& spec, QIODevice& input, const EventLimits& limits, std::size_t batchLines) {
    if (!who.allows(Permission::AuditIngest)) return denied(who, Permission::AuditIngest).error();
    Database& db = store_.db();
    IngestStats stats;
    qint64 committedOffset = 0, line = 0;
    const QString& source = spec.name;
    const bool resumable = !spec.key.isEmpty();
    if (resumable) {
        auto pos = db.query(QStringLiteral("SELECT byte_offset, line FROM audit_sources WHERE source = ?"), {spec.key});
        if (!pos) return pos.error();
        if (!pos->empty()) {
            committedOffset = pos->front().value(0).toLongLong();
            line = pos->front().value(1).toLongLong();
            if (!input.isSequential()) {
                if (input.size() < committedOffset)
                    return fail(source.toStdString() + ": shorter (" + std::to_string(input.size()) + " bytes) than the position already ingested (" +
                                std::to_string(committedOffset) + " bytes); it was truncated or replaced, so it is not read again");
                if (!input.seek(committedOffset)) return fail(source.toStdString() + ": cannot seek to byte " + std::to_string(committedOffset));
            } else {
                for (qint64 left = committedOffset; left > 0;) {
                    char skip[65536];
                    const qint64 n = input.read(skip, std::min<qint64>(left, sizeof skip));
                    if (n <= 0)
                        return fail(source.toStdString() + ": ends before the position already ingested (" + std::to_string(committedOffset) +
                                    " bytes); it is not the file that was read before");
                    left -= n;
                }
            }
        }
    }
    stats.startLine = line;
    auto loaded = loadFrontier();
    if (!loaded) return loaded.error();
    TreeBuilder tree = *loaded;
    std::uint64_t committedSize = tree.size();
    std::vector<Hash> committedFrontier = tree.frontier();

    auto insertEvent = db.prepare(QStringLiteral("INSERT INTO audit_events (") + kEventColumns +
                                  QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!insertEvent) return insertEvent.error();
    auto insertQuarantine =
        db.prepare(QStringLiteral("INSERT INTO audit_quarantine (source, line, reason, line_sha256, received_at) VALUES (?, ?, ?, ?, ?)"));
    if (!insertQuarantine) return insertQuarantine.error();
    std::vector<Finding> findings;  // of the batch, raised once its events are committed
    QVariantList events;  // kEventColumns per event
    std::vector<QVariantList> quarantined;
    std::size_t batch = 0;
    qint64 offset = committedOffset;  // of the next unread byte
    const QString received = nowIso();

    auto flush = [&]() -> Status {
        Transaction tx(db);
        if (!tx.started()) return tx.started();
        // Another writer appending at the same time would have moved the frontier.
        auto current = db.query(QStringLiteral("SELECT tree_size FROM audit_frontier WHERE id = 1"));
        if (!current) return current.error();
        const std::uint64_t stored = current->empty() ? 0 : static_cast<std::uint64_t>(current->front().value(0).toLongLong());
        if (stored != committedSize) return fail("audit ledger: another process appended to the ledger meanwhile; run the ingest again");
        constexpr int columns = 12;
        for (qsizetype first = 0; first < events.size(); first += columns)
            if (auto s = (*insertEvent)->run(events.mid(first, columns)); !s) return s;
        for (const auto& q : quarantined)
            if (auto s = (*insertQuarantine)->run(q); !s) return s;
        QStringList frontier;
        for (const auto& h : tree.frontier()) frontier << QString::fromStdString(hex(h));
        const QVariant size = static_cast<qint64>(tree.size());
        if (auto s = db.exec(QStringLiteral("DELETE FROM audit_frontier WHERE id = 1")); !s) return s;
        if (auto s = db.exec(QStringLiteral("INSERT INTO audit_frontier (id, tree_size, hashes) VALUES (1, ?, ?)"), {size, frontier.join(',')}); !s)
            return s;
        if (resumable) {
            if (auto s = db.exec(QStringLiteral("DELETE FROM audit_sources WHERE source = ?"), {spec.key}); !s) return s;
            if (auto s = db.exec(QStringLiteral("INSERT INTO audit_sources (source, byte_offset, line, updated_at) VALUES (?, ?, ?, ?)"),
                                 {spec.key, offset, line, nowIso()});
                !s)
                return s;
        }
        if (auto s = tx.commit(); !s) return s;
        if (auto s = raiseFindings(who, findings); !s) return s;
        findings.clear();
        committedSize = tree.size();
        committedFrontier = tree.frontier();
        events.clear();
        quarantined.clear();
        batch = 0;
        return {};
    };

    auto handle = [&](std::string_view text, bool overlong) {
        ++line;
        ++batch;
        if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
        if (!overlong && text.find_first_not_of(" \t") == std::string_view::npos) return;  // blank lines carry nothing
        std::string reason;
        Result<AuditEvent> event = fail("");
        if (overlong) {
            reason = "line is over the limit of " + std::to_string(limits.maxLineBytes) + " bytes";
        } else {
            event = parseEvent(text, limits);
            if (!event) reason = event.message();
        }
        if (!reason.empty()) {
            quarantined.push_back({source, line, QString::fromStdString(reason), QString::fromStdString(overlong ? std::string("-") : crypto::sha256Hex(text)),
                                   received});
            ++stats.quarantined;
            return;
        }
        const PartyKeys parties = partyKeys(*event, keys_.hmacKey());
        const std::string canonical = canonicalEvent(*event, parties);
        const Hash leaf = leafHash(canonical);
        const qint64 seq = static_cast<qint64>(tree.size());
        tree.append(leaf);
        events << seq << static_cast<qint64>(event->timeMs) << QString::fromStdString(event->service) << QString::fromStdString(event->action)
               << QString::fromStdString(parties.actor) << QString::fromStdString(event->actorOrg) << QString::fromStdString(parties.subject)
               << QString::fromStdString(event->result) << QString::fromStdString(canonical) << QString::fromStdString(hex(leaf)) << source << line;
        ++stats.accepted;
        if (!event->warnings.empty()) ++stats.flagged;
        if (detector_) {
            auto found = detector_->observe(*event, parties, seq);
            stats.findings += static_cast<qint64>(found.size());
            findings.insert(findings.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
        }
    };

    std::string pending;
    bool overlong = false;
    qint64 lineBytes = 0;  // of the line being read, dropped bytes included
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
            offset += lineBytes + 1;
            lineBytes = 0;
            handle(pending, overlong);
            pending.clear();
            overlong = false;
            if (batch >= batchLines)
                if (auto s = flush(); !s) return s.error();
        }
    }
    if (lineBytes > 0 && spec.final) {
        offset += lineBytes;
        handle(pending, overlong);
    }
    if (batch > 0)
        if (auto s = flush(); !s) return s.error();
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
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const auto& f : findings) {
        Incident incident;
        incident.fingerprint = QString::fromStdString(f.fingerprint);
        incident.source = QStringLiteral("audit");
        incident.title = QString::fromStdString(f.rule);
        incident.summary = QString::fromStdString(f.summary);
        incident.severity = QString::fromStdString(f.severity);
        incident.service = QString::fromStdString(f.service);
        if (auto s = incidents.raise(who, incident, now); !s) return s;
        if (auto s = store_.db().exec(QStringLiteral("INSERT INTO incident_evidence (incident_id, seq) SELECT id, ? FROM incidents"
                                                     " WHERE fingerprint = ? AND status = 'open' ON CONFLICT DO NOTHING"),
                                      {static_cast<qint64>(f.seq), incident.fingerprint});
            !s)
            return s;
    }
    return {};
}

Detector::LastSeen Ledger::history() {
    return [this](const std::string& actorKey, std::int64_t beforeMs) -> std::optional<std::int64_t> {
        auto rows = store_.db().query(QStringLiteral("SELECT max(time_ms) FROM audit_events WHERE actor_key = ? AND time_ms < ?"),
                                      {QString::fromStdString(actorKey), static_cast<qint64>(beforeMs)});
        if (!rows || rows->empty() || rows->front().value(0).isNull()) return std::nullopt;
        return rows->front().value(0).toLongLong();
    };
}

Result<std::vector<Ledger::DetectionIncident>> Ledger::openDetections(const Session& who) {
    if (!who.allows(Permission::AuditInvestigate)) return denied(who, Permission::AuditInvestigate).error();
    auto rows = store_.db().query(QStringLiteral("SELECT i.id, i.title, i.severity, i.summary, i.service_key, i.opened_at,"
                                                 " (SELECT count(*) FROM incident_evidence e WHERE e.incident_id = i.id)"
                                                 " FROM incidents i WHERE i.source = 'audit' AND i.status = 'open' ORDER BY i.opened_at DESC, i.id DESC"));
    if (!rows) return rows.error();
    std::vector<DetectionIncident> out;
    for (const auto& r : *rows)
        out.push_back({r.value(0).toLongLong(), r.value(1).toString(), r.value(2).toString(), r.value(3).toString(), r.value(4).toString(),
                       r.value(5).toString(), r.value(6).toLongLong()});
    return out;
}

Result<SignedHead> Ledger::signHead(const Session& who) {
    if (!who.allows(Permission::AuditIngest)) return denied(who, Permission::AuditIngest).error();
    Transaction tx(store_.db());
    if (!tx.started()) return tx.started().error();
    auto tree = loadFrontier();
    if (!tree) return tree.error();
    auto existing = store_.db().query(QStringLiteral("SELECT tree_size FROM audit_heads WHERE tree_size = ?"), {static_cast<qint64>(tree->size())});
    if (!existing) return existing.error();
    if (!existing->empty()) return latestHead();  // nothing new since the last head
    auto head = keys_.sign(tree->size(), hex(tree->root()), QDateTime::currentMSecsSinceEpoch());
    if (!head) return head.error();
    if (auto s = store_.db().exec(QStringLiteral("INSERT INTO audit_heads (tree_size, root, timestamp_ms, signature) VALUES (?, ?, ?, ?)"),
                                  {static_cast<qint64>(head->treeSize), QString::fromStdString(head->rootHex), static_cast<qint64>(head->timestampMs),
                                   QString::fromStdString(head->signatureBase64)});
        !s)
        return s.error();
    if (auto s = tx.commit(); !s) return s.error();
    // The witness is written after the commit: it never names a head the Store does not have.
    if (auto s = keys_.writeWitness(*head); !s) return s.error();
    return head;
}

Result<VerifyReport> Ledger::verify(const Session& who) {
    if (!who.allows(Permission::AuditVerify)) return denied(who, Permission::AuditVerify).error();
    VerifyReport report;
    auto signedHeads = heads();
    if (!signedHeads) return signedHeads.error();
    auto witness = keys_.witness();
    if (!witness) {
        report.problem = witness.message();
        return report;
    }
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
    constexpr int kChunk = 20000;
    qint64 expected = 0;
    for (;;) {
        auto rows = store_.db().query(QStringLiteral("SELECT seq, canonical, leaf_hash FROM audit_events WHERE seq >= ? ORDER BY seq LIMIT %1").arg(kChunk),
                                      {expected});
        if (!rows) return rows.error();
        for (const auto& r : *rows) {
            const qint64 seq = r.value(0).toLongLong();
            if (seq != expected) {
                report.problem = "event " + std::to_string(expected) + " is missing: the ledger goes on at event " + std::to_string(seq);
                return report;
            }
            const QByteArray canonical = r.value(1).toString().toUtf8();
            const Hash leaf = leafHash(std::string_view(canonical.constData(), static_cast<std::size_t>(canonical.size())));
            if (hex(leaf) != r.value(2).toString().toStdString()) {
                report.problem = "event " + std::to_string(seq) + " was changed: its content does not match its leaf hash";
                return report;
            }
            tree.append(leaf);
            ++expected;
            if (!checkHeadsAt()) return report;
        }
        if (rows->size() < static_cast<std::size_t>(kChunk)) break;
    }
    report.events = tree.size();
    if (next < checkpoints.size()) {
        report.problem = "the ledger holds " + std::to_string(tree.size()) + " events, but a tree head was signed at size " +
                         std::to_string(checkpoints[next].treeSize) + ": events were removed from the end (truncated)";
        return report;
    }
    auto frontier = loadFrontier();
    if (!frontier || frontier->size() != tree.size() || frontier->root() != tree.root())
        report.problem = "the stored frontier does not match the events: new events would continue a different tree";
    return report;
}

LeafSource Ledger::leavesFromStore(std::uint64_t size, std::string& error) {
    auto leaves = std::make_shared<std::vector<Hash>>();
    leaves->reserve(size);
    auto rows = store_.db().query(QStringLiteral("SELECT leaf_hash FROM audit_events WHERE seq < ? ORDER BY seq"), {static_cast<qint64>(size)});
    if (!rows) error = rows.message();
    else
        for (const auto& r : *rows) leaves->push_back(hashFromHex(r.value(0).toString().toStdString()).value_or(Hash{}));
    if (error.empty() && leaves->size() != size) error = "the ledger has fewer events than the head claims; run 'vakt audit verify'";
    return [leaves](std::uint64_t i) { return (*leaves)[i]; };
}

Result<QJsonObject> Ledger::inclusionProof(const Session& who, std::uint64_t seq) {
    if (!who.allows(Permission::AuditVerify)) return denied(who, Permission::AuditVerify).error();
    auto head = latestHead();
    if (!head) return head.error();
    if (seq >= head->treeSize)
        return fail("event " + std::to_string(seq) + " is not covered by a signed tree head yet (the newest covers " + std::to_string(head->treeSize) +
                    " events); run 'vakt audit sign'");
    auto row = store_.db().query(QStringLiteral("SELECT canonical, leaf_hash FROM audit_events WHERE seq = ?"), {static_cast<qint64>(seq)});
    if (!row) return row.error();
    if (row->empty()) return fail("no event " + std::to_string(seq));
    std::string error;
    const LeafSource leaves = leavesFromStore(head->treeSize, error);
    if (!error.empty()) return fail(error);
    return QJsonObject{{"type", "inclusion"},
                       {"hashing", "RFC 9162 SHA-256"},
                       {"leaf_index", static_cast<qint64>(seq)},
                       {"event", row->front().value(0).toString()},
                       {"leaf_hash", row->front().value(1).toString()},
                       {"path", hexArray(audit::inclusionProof(seq, head->treeSize, leaves))},
                       {"head", headJson(*head)},
                       {"public_key", QString::fromStdString(keys_.publicPem())}};
}

Result<QJsonObject> Ledger::consistencyProof(const Session& who, std::uint64_t from, std::uint64_t to) {
    if (!who.allows(Permission::AuditVerify)) return denied(who, Permission::AuditVerify).error();
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
    const LeafSource leaves = leavesFromStore(to, error);
    if (!error.empty()) return fail(error);
    return QJsonObject{{"type", "consistency"},
                       {"hashing", "RFC 9162 SHA-256"},
                       {"old_head", headJson(*older)},
                       {"new_head", headJson(*newer)},
                       {"path", hexArray(audit::consistencyProof(from, to, leaves))},
                       {"public_key", QString::fromStdString(keys_.publicPem())}};
}

Result<std::vector<LedgerEvent>> Ledger::search(const Session& who, By by, const std::string& id, qint64 fromMs, qint64 toMs, int limit,
                                                std::optional<Cursor> after) {
    if (!who.allows(Permission::AuditInvestigate)) return denied(who, Permission::AuditInvestigate).error();
    // Persons are stored as pseudonyms, integrations and organisations as themselves.
    const QString column = by == By::Subject ? QStringLiteral("subject_key") : QStringLiteral("actor_key");
    const QString asPerson = QString::fromStdString(pseudonym(keys_.hmacKey(), id));
    const QString asIs = QString::fromStdString(id);
    auto rows = store_.db().query(QStringLiteral("SELECT seq, time_ms, service, action, actor_key, actor_org, subject_key, result, source, source_line,"
                                                 " canonical FROM audit_events WHERE %1 IN (?, ?) AND time_ms >= ? AND time_ms <= ?"
                                                 " AND (time_ms > ? OR (time_ms = ? AND seq > ?)) ORDER BY time_ms, seq LIMIT %2")
                                      .arg(column)
                                      .arg(limit),
                                  {asPerson, asIs, fromMs, toMs, after ? after->timeMs : std::numeric_limits<qint64>::min(),
                                   after ? after->timeMs : std::numeric_limits<qint64>::min(), after ? after->seq : qint64{-1}});
    if (!rows) return rows.error();
    std::vector<LedgerEvent> out;
    for (const auto& r : *rows)
        out.push_back({r.value(0).toLongLong(), r.value(1).toLongLong(), r.value(2).toString(), r.value(3).toString(), r.value(4).toString(),
                       r.value(5).toString(), r.value(6).toString(), r.value(7).toString(), r.value(8).toString(), r.value(9).toLongLong(),
                       r.value(10).toString().toStdString()});
    return out;
}

Result<std::vector<QuarantinedLine>> Ledger::quarantine(const Session& who, int limit) {
    if (!who.allows(Permission::AuditVerify)) return denied(who, Permission::AuditVerify).error();
    auto rows = store_.db().query(QStringLiteral("SELECT source, line, reason FROM audit_quarantine ORDER BY id LIMIT %1").arg(limit));
    if (!rows) return rows.error();
    std::vector<QuarantinedLine> out;
    for (const auto& r : *rows) out.push_back({r.value(0).toString(), r.value(1).toLongLong(), r.value(2).toString()});
    return out;
}

Result<QJsonObject> Ledger::evidence(const Session& who, By by, const std::string& id, qint64 fromMs, qint64 toMs) {
    constexpr int kMaxEvents = 100000;
    auto found = search(who, by, id, fromMs, toMs, kMaxEvents + 1);
    if (!found) return found.error();
    if (found->size() > static_cast<std::size_t>(kMaxEvents))
        return fail("more than " + std::to_string(kMaxEvents) + " events match; narrow the time with --from and --to");
    auto head = latestHead();
    if (!head) return head.error();
    std::string error;
    const LeafSource leaves = leavesFromStore(head->treeSize, error);
    if (!error.empty()) return fail(error);
    QJsonArray events;
    for (const auto& e : *found) {
        if (static_cast<std::uint64_t>(e.seq) >= head->treeSize)
            return fail("event " + std::to_string(e.seq) + " is not covered by a signed tree head yet; run 'vakt audit sign' first");
        events.append(QJsonObject{{"leaf_index", e.seq},
                                  {"event", QString::fromStdString(e.canonical)},
                                  {"leaf_hash", QString::fromStdString(hex(leaves(static_cast<std::uint64_t>(e.seq))))},
                                  {"path", hexArray(audit::inclusionProof(static_cast<std::uint64_t>(e.seq), head->treeSize, leaves))}});
    }
    return QJsonObject{{"type", "evidence"},
                       {"hashing", "RFC 9162 SHA-256"},
                       {"query", QJsonObject{{by == By::Subject ? "subject" : "actor", QString::fromStdString(pseudonym(keys_.hmacKey(), id))},
                                             {"from_ms", fromMs},
                                             {"to_ms", toMs}}},
                       {"events", events},
                       {"head", headJson(*head)},
                       {"public_key", QString::fromStdString(keys_.publicPem())}};
}

Status checkProof(const QJsonObject& proof) {
    const std::string publicPem = proof.value("public_key").toString().toStdString();
    auto signedBy = [&](const QJsonObject& headObject, const char* what) -> Status {
        const SignedHead head = headFrom(headObject);
        auto signature = crypto::fromBase64(head.signatureBase64);
        if (!signature || !crypto::verifyEd25519(publicPem, head.message(), *signature))
            return fail(std::string(what) + ": the signature does not verify with the proof's public key");
        return {};
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
