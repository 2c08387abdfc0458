// vakt audit: the tamper-evident ledger of the platform's audit logs. Every subcommand but
// check-proof opens the database and the keys; check-proof needs neither.
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>
#include <memory>

#include "cli/command.h"
#include "collector/audit/detection_rules.h"
#include "collector/audit/ledger.h"
#include "core/base/crypto.h"

namespace vakt::cli {
namespace {

constexpr const char* kAuditHelp = R"(Usage: vakt [--db URL] [--keys DIR] [--user NAME] audit SUBCOMMAND

  ingest FILE|- [--max-line-bytes N] [--batch N] [--rules DETECTIONS.yml]
                    append the platform's audit events (JSON lines, docs/audit-event-v1.md) to
                    the ledger and sign a tree head. A file continues where the last run stopped;
                    bad lines are quarantined with their line number and reason. Lines are
                    committed N at a time (default 20000) with the position they reach;
                    --rules runs detection rules on the events and opens incidents
  incidents [--json]
                    open detection incidents with the number of evidence events
  sign              sign a tree head at the ledger's current size
  verify            recompute the Merkle tree and check every signed head and the witness in
                    the key directory; exit 1 naming the first bad event or head
  prove --event N   an inclusion proof for event N, in JSON
  prove --from N --to M
                    a consistency proof between the signed heads at sizes N and M
  check-proof FILE|- [--public-key KEY.pem]
                    check a proof or evidence bundle on its own (docs/audit-ledger.md)
                    against the ledger's public key as its operator published it; without
                    --public-key the signer cannot be vouched for, and the exit code is 1
  search (--subject ID | --actor ID) [--service S] [--action A] [--from TIME] [--to TIME]
         [--limit N] [--json]
                    events about a person (fødselsnummer or d-nummer), organisation or
                    document, or by an employee or integration, in time order; both narrow
                    each other, as do service and action; TIME is a date (2026-11-26:
                    the whole day in Norwegian time) or an RFC 3339 time
  export (--subject ID | --actor ID) [--service S] [--action A] [--from TIME] [--to TIME]
                    an evidence bundle: the events, their inclusion proofs, the signed head
                    and the public key
  quarantine [--limit N]
                    lines that were refused, with source, line and reason

Searching and exporting need the sikkerhetsansvarlig or revisor role (--user).
)";

using LedgerHandler = int (*)(Context&, Args&, audit::Ledger&);

qint64 number(Args& a, const QString& name, qint64 fallback, qint64 min, qint64 max) {
    const auto text = a.option(name);
    if (!text) return fallback;
    bool ok = false;
    const qint64 v = text->toLongLong(&ok);
    if (!ok || v < min || v > max) throw UsageError((name + " must be a whole number from " + QString::number(min) + " to " + QString::number(max)).toStdString());
    return v;
}

// An RFC 3339 time, or a date: the whole day in Norwegian time (from its start, to its end).
qint64 timeOption(Args& a, const QString& name, qint64 fallback, bool endOfDay) {
    const auto text = a.option(name);
    if (!text) return fallback;
    const QDate day = text->size() == 10 ? QDate::fromString(*text, QStringLiteral("yyyy-MM-dd")) : QDate();
    if (day.isValid()) {
        const QTimeZone oslo(QByteArrayLiteral("Europe/Oslo"));
        return endOfDay ? day.addDays(1).startOfDay(oslo).toMSecsSinceEpoch() - 1 : day.startOfDay(oslo).toMSecsSinceEpoch();
    }
    auto ms = audit::parseRfc3339(text->toStdString());
    if (!ms)
        throw UsageError((name + " must be a date such as 2026-11-26 (the whole day, Norwegian time) or an RFC 3339 time with an offset,"
                                 " such as 2026-11-01T00:00:00+01:00")
                             .toStdString());
    return *ms;
}

int ingest(Context& ctx, Args& a, audit::Ledger& ledger) {
    audit::EventLimits limits;
    limits.maxLineBytes = static_cast<std::size_t>(number(a, QStringLiteral("--max-line-bytes"), 64 * 1024, 256, 16 * 1024 * 1024));
    const auto batch = static_cast<std::size_t>(number(a, QStringLiteral("--batch"), 20000, 1, 1000000));
    const auto rulesFile = a.option(QStringLiteral("--rules"));
    std::unique_ptr<audit::Detector> detector;
    if (rulesFile) {
        auto rules = audit::loadDetectionRules({rulesFile->toStdString()});
        if (!rules) return failWith(rules.message());
        detector = std::make_unique<audit::Detector>(std::move(*rules), ledger.history());
        ledger.setDetector(detector.get());
    }
    const QString path = a.requiredPositional("FILE or - (standard input)");
    a.expectEnd();
    QFile input;
    QString source;
    const bool stdinSource = path == QLatin1String("-");
    if (stdinSource) {
        if (!input.open(stdin, QIODevice::ReadOnly)) return failWith("cannot read standard input");
        source = QStringLiteral("stdin");
    } else {
        input.setFileName(path);
        if (!input.open(QIODevice::ReadOnly)) return failWith(path.toStdString() + ": cannot read: " + input.errorString().toStdString());
        source = QFileInfo(path).absoluteFilePath();
    }
    auto stats = ledger.ingest(ctx.session(), audit::SourceSpec{stdinSource ? QString() : source, source, true}, input, limits, batch);
    if (!stats) return failWith(stats.message());
    auto head = ledger.signHead(ctx.session());
    if (!head) return failWith(head.message());
    if (stats->startLine > 0) out() << "Continued " << source << " after line " << stats->startLine << ".\n";
    out() << "Accepted " << counted(stats->accepted, "event", "events");
    if (stats->flagged) out() << " (" << stats->flagged << " flagged: a malformed person id, or a person id where none belongs, now pseudonymised)";
    out() << "; quarantined " << counted(stats->quarantined, "line", "lines");
    if (detector) out() << "; " << counted(stats->findings, "detection", "detections");
    out() << ". The ledger holds " << counted(static_cast<qint64>(head->treeSize), "event", "events") << "; signed tree head "
          << QString::fromStdString(head->rootHex.substr(0, 16)) << ".\n";
    out().flush();
    if (stats->quarantined > 0) {
        auto lines = ledger.quarantine(ctx.session(), 20);
        if (lines)
            for (const auto& q : *lines)
                if (q.source == source) err() << "vakt: " << q.source << ":" << q.line << ": " << q.reason << "\n";
        err() << "vakt: " << counted(stats->quarantined, "line", "lines") << " quarantined; 'vakt audit quarantine' lists them all.\n";
        err().flush();
    }
    return kOk;
}

int sign(Context& ctx, Args& a, audit::Ledger& ledger) {
    a.expectEnd();
    auto head = ledger.signHead(ctx.session());
    if (!head) return failWith(head.message());
    out() << "Signed tree head at size " << head->treeSize << ": " << QString::fromStdString(head->rootHex) << "\n";
    out().flush();
    return kOk;
}

int verify(Context& ctx, Args& a, audit::Ledger& ledger) {
    a.expectEnd();
    auto report = ledger.verify(ctx.session());
    if (!report) return failWith(report.message());
    if (!report->intact()) return failWith("audit ledger: " + report->problem);
    out() << "Audit ledger intact: " << counted(static_cast<qint64>(report->events), "event", "events") << ", "
          << counted(static_cast<qint64>(report->heads), "signed tree head", "signed tree heads") << ".\n";
    if (!report->note.empty()) out() << "Note: " << QString::fromStdString(report->note) << ".\n";
    out().flush();
    return kOk;
}

int prove(Context& ctx, Args& a, audit::Ledger& ledger) {
    const auto event = a.option(QStringLiteral("--event"));
    const auto fromText = a.option(QStringLiteral("--from"));
    const auto toText = a.option(QStringLiteral("--to"));
    a.expectEnd();
    if (event.has_value() == (fromText.has_value() || toText.has_value()) || fromText.has_value() != toText.has_value())
        throw UsageError("give either --event N or --from N --to M");
    auto size = [](const QString& text, const char* name) {
        bool ok = false;
        const qint64 v = text.toLongLong(&ok);
        if (!ok || v < 0) throw UsageError(std::string(name) + " must be a whole number, 0 or more");
        return static_cast<std::uint64_t>(v);
    };
    auto proof = event ? ledger.inclusionProof(ctx.session(), size(*event, "--event"))
                       : ledger.consistencyProof(ctx.session(), size(*fromText, "--from"), size(*toText, "--to"));
    if (!proof) return failWith(proof.message());
    printJson(*proof);
    return kOk;
}

// search and export take the same query; export writes an evidence bundle instead of a list.
int searchOrExport(Context& ctx, Args& a, audit::Ledger& ledger, bool exportBundle) {
    audit::Ledger::Query query;
    const auto subject = a.option(QStringLiteral("--subject"));
    const auto actor = a.option(QStringLiteral("--actor"));
    if (!subject && !actor) throw UsageError("give --subject FNR or --actor ID (or both)");
    if (subject) query.subject = subject->trimmed().toStdString();
    if (actor) query.actor = actor->trimmed().toStdString();
    query.service = a.option(QStringLiteral("--service")).value_or(QString()).toStdString();
    query.action = a.option(QStringLiteral("--action")).value_or(QString()).toStdString();
    query.fromMs = timeOption(a, QStringLiteral("--from"), query.fromMs, false);
    query.toMs = timeOption(a, QStringLiteral("--to"), query.toMs, true);
    if (exportBundle) {
        a.expectEnd();
        auto bundle = ledger.evidence(ctx.session(), query);
        if (!bundle) return failWith(bundle.message());
        printJson(*bundle);
        return kOk;
    }
    const int limit = static_cast<int>(number(a, QStringLiteral("--limit"), 100, 1, 100000));
    const bool json = a.flag(QStringLiteral("--json"));
    a.expectEnd();
    auto events = ledger.search(ctx.session(), query, limit);
    if (!events) return failWith(events.message());
    QJsonArray arr;
    const QString row = QStringLiteral("%1  %2  %3  %4  %5  %6\n");
    if (!json && !events->empty())
        out() << row.arg(QStringLiteral("SEQ"), 8).arg(QStringLiteral("TIME (UTC)"), -24).arg(QStringLiteral("SERVICE"), -20)
                     .arg(QStringLiteral("ACTION"), -20).arg(QStringLiteral("RESULT"), -7).arg(QStringLiteral("ORGANISATION"));
    for (const auto& e : *events) {
        const QString when = QDateTime::fromMSecsSinceEpoch(e.timeMs, QTimeZone::utc()).toString(Qt::ISODateWithMs);
        if (json) {
            arr.append(QJsonObject{{"seq", e.seq}, {"time", when}, {"event", QJsonDocument::fromJson(QByteArray::fromStdString(e.canonical)).object()}});
        } else {
            const QString utc = QDateTime::fromMSecsSinceEpoch(e.timeMs, QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
            out() << row.arg(e.seq, 8).arg(utc, -24).arg(e.service, -20).arg(e.action, -20).arg(e.result, -7).arg(e.actorOrg);
        }
    }
    if (json) printJson(arr);
    else if (events->empty()) out() << "No events.\n";
    out().flush();
    return kOk;
}

int search(Context& ctx, Args& a, audit::Ledger& ledger) { return searchOrExport(ctx, a, ledger, false); }
int exportEvidence(Context& ctx, Args& a, audit::Ledger& ledger) { return searchOrExport(ctx, a, ledger, true); }

int incidents(Context& ctx, Args& a, audit::Ledger& ledger) {
    const bool json = a.flag(QStringLiteral("--json"));
    a.expectEnd();
    auto open = ledger.openDetections(ctx.session());
    if (!open) return failWith(open.message());
    QJsonArray arr;
    for (const auto& i : *open) {
        if (json)
            arr.append(QJsonObject{{"id", i.id}, {"rule", i.rule}, {"severity", i.severity}, {"summary", i.summary}, {"service", i.service},
                                   {"opened_at", i.openedAt}, {"evidence_events", i.evidence}});
        else
            out() << i.id << "  " << i.severity << "  " << i.rule << "  " << i.service << "  " << counted(i.evidence, "event", "events") << "  " << i.summary << "\n";
    }
    if (json) printJson(arr);
    else if (open->empty()) out() << "No open detections.\n";
    out().flush();
    return kOk;
}

int quarantine(Context& ctx, Args& a, audit::Ledger& ledger) {
    const int limit = static_cast<int>(number(a, QStringLiteral("--limit"), 1000, 1, 1000000));
    a.expectEnd();
    auto lines = ledger.quarantine(ctx.session(), limit);
    if (!lines) return failWith(lines.message());
    for (const auto& q : *lines) out() << q.source << ":" << q.line << ": " << q.reason << "\n";
    if (lines->empty()) out() << "No quarantined lines.\n";
    out().flush();
    return kOk;
}

int checkProof(Args& a) {
    const auto keyFile = a.option(QStringLiteral("--public-key"));
    const QString path = a.requiredPositional("proof FILE or -");
    a.expectEnd();
    auto data = readInput(path);
    if (!data) return failWith(data.message());
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(*data, &parseError);
    if (!doc.isObject()) return failWith(path.toStdString() + ": not a JSON proof: " + parseError.errorString().toStdString());
    if (!keyFile) {
        // The key inside the proof shows only that the proof is consistent; anyone can make one.
        const std::string carried = doc.object().value("public_key").toString().toStdString();
        auto fingerprint = crypto::ed25519Fingerprint(carried);
        if (auto s = audit::checkProof(doc.object(), carried); !s || !fingerprint)
            return failWith(path.toStdString() + ": the proof does not hold: " + (!s ? s.message() : fingerprint.message()));
        out() << "The proof is consistent with the key it carries (" << QString::fromStdString(*fingerprint)
              << "), but no trusted key was given, so Vakt cannot vouch for who signed it.\n"
                 "Check it with --public-key and the ledger's public key as its operator published it (vakt keys fingerprint).\n";
        out().flush();
        return kFailure;
    }
    auto trusted = readInput(*keyFile);
    if (!trusted) return failWith(trusted.message());
    const std::string trustedPem = trusted->toStdString();
    if (auto s = audit::checkProof(doc.object(), trustedPem); !s)
        return failWith(path.toStdString() + ": the proof does not hold: " + s.message());
    out() << "The proof holds.\nSigned by the key " << QString::fromStdString(*crypto::ed25519Fingerprint(trustedPem)) << ".\n";
    if (doc.object().value("type").toString() == "evidence") {
        // The checker's own statement, not the bundle's.
        const QJsonObject statement = audit::evidenceStatement();
        out() << "It proves: " << statement["proves"].toObject()["en"].toString() << "\nIt does not prove:\n";
        for (const auto& limit : statement["does_not_prove"].toObject()["en"].toArray()) out() << "  - " << limit.toString() << "\n";
    }
    out().flush();
    return kOk;
}

int auditCommand(Context& ctx, Args& a) {
    // Anyone can check a proof: it needs neither database nor keys, so it is taken first, and
    // only as the word right after 'audit'.
    if (a.front() == QLatin1String("check-proof")) {
        a.positional();
        return checkProof(a);
    }
    ctx.requireDatabase();
    static constexpr Subcommand<LedgerHandler> kSubcommands[] = {
        {"ingest", ingest}, {"sign", sign}, {"verify", verify}, {"prove", prove},
        {"search", search}, {"export", exportEvidence}, {"quarantine", quarantine}, {"incidents", incidents}};
    const QString sub = a.requiredPositional("audit subcommand (ingest, sign, verify, prove, check-proof, search, export, quarantine)");
    const LedgerHandler run = findSubcommand("audit", sub, kSubcommands);
    const Globals& g = ctx.globals();
    if (g.keys.isEmpty()) throw UsageError("no key directory given: use --keys DIR or set VAKT_KEYS (create it with 'vakt --keys DIR keys init')");
    if (auto s = ctx.connect(); !s) return failWith(s.message());
    auto keys = audit::LedgerKeys::load(g.keys);
    if (!keys) return failWith(keys.message());
    audit::Ledger ledger(ctx.store(), std::move(*keys));
    return run(ctx, a, ledger);
}

const CommandRegistration registration{Command{
    .name = "audit",
    .summary = "  audit ingest|verify|prove|search|export|...\n"
               "                                     the tamper-evident ledger of the platform's audit logs\n",
    .help = kAuditHelp,
    .order = 70,
    // check-proof runs without a database; auditCommand asks for one for everything else.
    .needsDatabase = false,
    .run = auditCommand,
}};

}  // namespace
}  // namespace vakt::cli
