// vakt: the command line over Vakt's libraries. Global options come before the command.
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QTimeZone>
#include <cstdio>
#include <iostream>
#include <limits>
#include <termios.h>
#include <unistd.h>

#include "app/modules.h"
#include "cli/args.h"
#include "collector/audit/detection_rules.h"
#include "collector/audit/ledger.h"
#include "core/catalog_service.h"
#include "core/data_dir.h"
#include "app/demo.h"
#include "core/incidents.h"
#include "core/migrations.h"
#include "core/monitoring.h"
#include "core/organisation_service.h"
#include "core/store.h"
#include "core/user_service.h"

using namespace vakt;
using vakt::cli::Args;
using vakt::cli::UsageError;

namespace {

constexpr int kOk = 0, kFailure = 1, kUsage = 2;

const char* kMainHelp = R"(Usage: vakt [GLOBAL OPTIONS] COMMAND [ARGS]

Vakt: security and operations governance for a shared public-sector platform.

Global options (before the command):
  --db URL              database: a SQLite file path or postgresql://user@host:port/db
                        (default: $VAKT_DB)
  --user NAME           act as this Vakt user (their role applies); without it the
                        command acts as the local operator with the admin role
  --password-file FILE  password for --user ('-' reads stdin); not needed on a demo database
  --keys DIR            the audit ledger's key directory (default: $VAKT_KEYS)
  --help                show help (also after any command)
  --version             show the version

Commands:
  init [--demo]                      create or migrate the database; --demo loads the demo platform
  migrate                            bring an existing database up to this program's schema
  catalog list|show|export|import    the service catalogue (produktkatalog)
  user add|list                      Vakt's own users and roles
  trail verify|list                  the tamper-evident record of every change
  monitoring status [--json]         service health from vakt-collector: state, availability,
                                     error ratio, p95 latency
  audit ingest|verify|prove|search|export|...
                                     the tamper-evident ledger of the platform's audit logs
  keys init                          create the audit ledger's keys (--keys DIR)

Exit codes: 0 ok, 1 failure, 2 usage error.
)";

const char* kInitHelp = R"(Usage: vakt [--db URL] init [--demo]

Creates the database if it does not exist and applies every migration. With --demo, loads the
demo platform (all kommuner and fylkeskommuner, services, vendors, agreements, users) into a
new database. Demo users: admin and one per role, password in data/demo/platform.json.
)";

const char* kMigrateHelp = R"(Usage: vakt [--db URL] migrate

Applies every module's migrations that the database does not have yet, each in its own
transaction, and prints each module's schema version. A database from Vakt 0.1 (one global
schema list) is first mapped, in place, to the modules. The other commands and programs refuse
a database that is behind and name this command.
)";

const char* kCatalogHelp = R"(Usage: vakt [--db URL] catalog SUBCOMMAND

  list [--json] [--kind service|component] [--search TEXT]
                    list services and components with agreements and ROS/DPIA state
  show KEY [--json] every field of one entry, what it uses and what uses it
  export [--format json|csv] [--output FILE]
                    write the whole catalogue (default JSON to standard output)
  import FILE [--format json|csv] [--dry-run]
                    create or update entries by key; the whole file is rejected on the
                    first error, which names file:line and the field ('-' reads stdin)
)";

const char* kUserHelp = R"(Usage: vakt [--db URL] user SUBCOMMAND

  add USERNAME --role ROLE [--name "Full Name"] [--person EMAIL] [--password-file FILE]
                    create a user; the password is read from FILE ('-' for stdin) or asked for
  list [--json]     list users and roles

Roles: admin, sikkerhetsansvarlig, brukerstotte, produktansvarlig, leder, endringsrad,
revisor (read-only).
)";

const char* kTrailHelp = R"(Usage: vakt [--db URL] trail SUBCOMMAND

  verify [--json]   recompute the hash chain; exit 0 when intact, 1 naming the first broken
                    entry when any entry was changed, deleted or reordered
  list [--entity ENTITY] [--key KEY] [--limit N] [--json]
                    show the newest entries
)";

QTextStream& out() {
    static QTextStream s(stdout);
    return s;
}
QTextStream& err() {
    static QTextStream s(stderr);
    return s;
}

int failWith(const std::string& message) {
    err() << "vakt: " << QString::fromStdString(message) << Qt::endl;
    return kFailure;
}

void printJson(const QJsonValue& v) {
    const QJsonDocument doc = v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject());
    out() << doc.toJson(QJsonDocument::Indented);
    out().flush();
}

Result<QByteArray> readInput(const QString& path) {
    QFile f;
    if (path == QLatin1String("-")) {
        if (!f.open(stdin, QIODevice::ReadOnly)) return fail("cannot read standard input");
    } else {
        f.setFileName(path);
        if (!f.open(QIODevice::ReadOnly)) return fail(path.toStdString() + ": cannot read: " + f.errorString().toStdString());
    }
    // Catalogue files are small; refuse anything that would exhaust memory.
    constexpr qint64 kMax = 64 * 1024 * 1024;
    QByteArray data = f.read(kMax + 1);
    if (data.size() > kMax) return fail(path.toStdString() + ": larger than 64 MiB");
    return data;
}

QString readPassword(const std::optional<QString>& file, const QString& prompt) {
    if (file) {
        auto data = readInput(*file);
        if (!data) throw std::runtime_error(data.message());
        return QString::fromUtf8(data->split('\n').value(0)).trimmed();
    }
    if (!isatty(STDIN_FILENO)) throw UsageError("no password given: use --password-file FILE or run in a terminal");
    err() << prompt;
    err().flush();
    termios old{};
    tcgetattr(STDIN_FILENO, &old);
    termios silent = old;
    silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &silent);
    std::string line;
    std::getline(std::cin, line);
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    err() << Qt::endl;
    return QString::fromStdString(line);
}

struct Globals {
    QString db;
    QString keys;
    std::optional<QString> user;
    std::optional<QString> passwordFile;
};

// "Database X is at schema version core 1, catalog 2, …": each module's version, in migration order.
void printSchema(Store& store) {
    auto versions = schemaVersions(store.db());
    QStringList parts;
    if (versions)
        for (const auto& m : registeredSchemas()) parts << m.module + QLatin1Char(' ') + QString::number(versions->count(m.module) ? versions->at(m.module) : 0);
    out() << "Database " << store.location() << " is at schema version " << parts.join(QStringLiteral(", ")) << ".\n";
}

class Cli {
public:
    explicit Cli(Globals g) : g_(std::move(g)) {}

    int init(Args& a) {
        const bool demo = a.flag(QStringLiteral("--demo"));
        a.expectEnd();
        auto store = Store::open(g_.db, Store::OpenMode::Create);
        if (!store) return failWith(store.message());
        printSchema(**store);
        if (demo) {
            auto summary = loadDemo(**store, dataDir());
            if (!summary) return failWith("loading demo data: " + summary.message());
            out() << "Loaded demo platform: " << summary->kommuner << " kommuner in " << summary->fylker << " fylker, "
                  << summary->fylkeskommuner << " fylkeskommuner, " << summary->organisations << " organisations in all, " << summary->catalogEntries
                  << " catalogue entries, " << summary->agreements << " agreements, " << summary->vendors << " vendors with "
                  << summary->vendorSystems << " systems, " << summary->people << " people, " << summary->users << " users.\n";
        }
        out().flush();
        return kOk;
    }

    int migrate(Args& a) {
        a.expectEnd();
        auto store = Store::open(g_.db, Store::OpenMode::Migrate);
        if (!store) return failWith(store.message());
        printSchema(**store);
        out().flush();
        return kOk;
    }

    int catalog(Args& a) {
        const QString sub = a.requiredPositional("catalog subcommand (list, show, export, import)");
        if (sub == QLatin1String("list")) return catalogList(a);
        if (sub == QLatin1String("show")) return catalogShow(a);
        if (sub == QLatin1String("export")) return catalogExport(a);
        if (sub == QLatin1String("import")) return catalogImport(a);
        throw UsageError(("unknown catalog subcommand '" + sub + "'").toStdString());
    }

    int user(Args& a) {
        const QString sub = a.requiredPositional("user subcommand (add, list)");
        if (sub == QLatin1String("add")) return userAdd(a);
        if (sub == QLatin1String("list")) return userList(a);
        throw UsageError(("unknown user subcommand '" + sub + "'").toStdString());
    }

    int trail(Args& a) {
        const QString sub = a.requiredPositional("trail subcommand (verify, list)");
        if (sub == QLatin1String("verify")) return trailVerify(a);
        if (sub == QLatin1String("list")) return trailList(a);
        throw UsageError(("unknown trail subcommand '" + sub + "'").toStdString());
    }

    int monitoring(Args& a) {
        const QString sub = a.requiredPositional("monitoring subcommand (status)");
        if (sub != QLatin1String("status")) throw UsageError(("unknown monitoring subcommand '" + sub + "'").toStdString());
        const bool json = a.flag(QStringLiteral("--json"));
        const bool withTargets = a.flag(QStringLiteral("--targets"));
        a.expectEnd();
        if (auto s = connect(); !s) return failWith(s.message());
        MonitoringStore monitoring(*store_);
        auto status = monitoring.serviceStatus(session_, store_->clock().now());
        if (!status) return failWith(status.message());
        auto percent = [](const std::optional<double>& v, int decimals) {
            return v ? QString::number(*v * 100, 'f', decimals) + QLatin1Char('%') : QStringLiteral("-");
        };
        auto number = [](const std::optional<double>& v) { return v ? QJsonValue(*v) : QJsonValue(); };
        QJsonArray arr;
        if (!json)
            out() << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8\n").arg(QStringLiteral("SERVICE"), -20).arg(QStringLiteral("STATE"), -9)
                         .arg(QStringLiteral("SINCE"), -21).arg(QStringLiteral("AVAIL 24h"), 10).arg(QStringLiteral("7d"), 9)
                         .arg(QStringLiteral("30d"), 9).arg(QStringLiteral("ERRORS"), 8).arg(QStringLiteral("P95"), 8);
        for (const auto& s : *status) {
            if (json) {
                arr.append(QJsonObject{{"service", s.service}, {"name", s.name}, {"state", s.state},
                                       {"since", s.since.isValid() ? s.since.toString(Qt::ISODate) : QString()},
                                       {"targets", s.targets}, {"targets_up", s.targetsUp},
                                       {"availability_24h", number(s.availability24h)}, {"availability_7d", number(s.availability7d)},
                                       {"availability_30d", number(s.availability30d)}, {"error_ratio_24h", number(s.errorRatio24h)},
                                       {"p95_seconds_last_hour", number(s.p95LastHour)}, {"last_error", s.lastError}});
            } else {
                out() << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8\n").arg(s.service, -20).arg(s.state, -9)
                             .arg(s.since.isValid() ? s.since.toString(Qt::ISODate) : QStringLiteral("-"), -21)
                             .arg(percent(s.availability24h, 2), 10).arg(percent(s.availability7d, 2), 9).arg(percent(s.availability30d, 2), 9)
                             .arg(percent(s.errorRatio24h, 2), 8)
                             .arg(s.p95LastHour ? QString::number(*s.p95LastHour * 1000, 'f', 0) + QStringLiteral("ms") : QStringLiteral("-"), 8);
            }
        }
        auto alerts = IncidentStore(*store_).open(session_, QStringLiteral("monitoring"));
        if (!alerts) return failWith(alerts.message());
        QJsonArray alertArray;
        if (!json && !alerts->isEmpty()) out() << "\nOPEN ALERTS\n";
        for (const auto& i : *alerts) {
            if (json)
                alertArray.append(QJsonObject{{"title", i.title}, {"summary", i.summary}, {"severity", i.severity}, {"service", i.service},
                                              {"opened_at", i.openedAt.toString(Qt::ISODate)}, {"source", i.source}});
            else
                out() << QStringLiteral("%1 %2 %3 %4\n").arg(i.severity, -9).arg(i.openedAt.toString(Qt::ISODate), -21).arg(i.service, -20).arg(i.summary);
        }
        if (withTargets) {
            auto targets = monitoring.targets(session_);
            if (!targets) return failWith(targets.message());
            if (!json) out() << "\nTARGETS\n";
            QJsonArray t;
            for (const auto& x : *targets) {
                if (json)
                    t.append(QJsonObject{{"job", x.job}, {"instance", x.instance}, {"service", x.service}, {"health", x.health},
                                         {"last_error", x.lastError}, {"samples", x.samples}});
                else
                    out() << QStringLiteral("%1 %2 %3 %4 %5\n").arg(x.job, -14).arg(x.instance, -22).arg(x.service, -20).arg(x.health, -8).arg(x.lastError);
            }
            if (json) {
                printJson(QJsonObject{{"services", arr}, {"targets", t}, {"alerts", alertArray}});
                return kOk;
            }
        }
        if (json) printJson(QJsonObject{{"services", arr}, {"alerts", alertArray}});
        out().flush();
        return kOk;
    }

    int audit(Args& a) {
        const QString sub = a.requiredPositional("audit subcommand (ingest, sign, verify, prove, check-proof, search, export, quarantine)");
        if (sub != QLatin1String("ingest") && sub != QLatin1String("sign") && sub != QLatin1String("verify") && sub != QLatin1String("prove") &&
            sub != QLatin1String("search") && sub != QLatin1String("export") && sub != QLatin1String("quarantine") &&
            sub != QLatin1String("incidents"))
            throw UsageError(("unknown audit subcommand '" + sub + "'").toStdString());
        if (g_.keys.isEmpty()) throw UsageError("no key directory given: use --keys DIR or set VAKT_KEYS (create it with 'vakt --keys DIR keys init')");
        if (auto s = connect(); !s) return failWith(s.message());
        auto keys = vakt::audit::LedgerKeys::load(g_.keys);
        if (!keys) return failWith(keys.message());
        vakt::audit::Ledger ledger(*store_, std::move(*keys));
        if (sub == QLatin1String("ingest")) return auditIngest(a, ledger);
        if (sub == QLatin1String("sign")) return auditSign(a, ledger);
        if (sub == QLatin1String("verify")) return auditVerify(a, ledger);
        if (sub == QLatin1String("prove")) return auditProve(a, ledger);
        if (sub == QLatin1String("quarantine")) return auditQuarantine(a, ledger);
        if (sub == QLatin1String("incidents")) return auditIncidents(a, ledger);
        return auditSearch(a, ledger, sub == QLatin1String("export"));
    }

private:
    static qint64 number(Args& a, const QString& name, qint64 fallback, qint64 min, qint64 max) {
        const auto text = a.option(name);
        if (!text) return fallback;
        bool ok = false;
        const qint64 v = text->toLongLong(&ok);
        if (!ok || v < min || v > max) throw UsageError((name + " must be a whole number from " + QString::number(min) + " to " + QString::number(max)).toStdString());
        return v;
    }

    int auditIngest(Args& a, vakt::audit::Ledger& ledger) {
        vakt::audit::EventLimits limits;
        limits.maxLineBytes = static_cast<std::size_t>(number(a, QStringLiteral("--max-line-bytes"), 64 * 1024, 256, 16 * 1024 * 1024));
        const auto batch = static_cast<std::size_t>(number(a, QStringLiteral("--batch"), 20000, 1, 1000000));
        const auto rulesFile = a.option(QStringLiteral("--rules"));
        std::unique_ptr<vakt::audit::Detector> detector;
        if (rulesFile) {
            auto rules = vakt::audit::loadDetectionRules({rulesFile->toStdString()});
            if (!rules) return failWith(rules.message());
            detector = std::make_unique<vakt::audit::Detector>(std::move(*rules), ledger.history());
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
        auto stats = ledger.ingest(session_, vakt::audit::SourceSpec{stdinSource ? QString() : source, source, true}, input, limits, batch);
        if (!stats) return failWith(stats.message());
        auto head = ledger.signHead(session_);
        if (!head) return failWith(head.message());
        if (stats->startLine > 0) out() << "Continued " << source << " after line " << stats->startLine << ".\n";
        out() << "Accepted " << stats->accepted << " events";
        if (stats->flagged) out() << " (" << stats->flagged << " with a malformed fødselsnummer or d-nummer)";
        out() << "; quarantined " << stats->quarantined << " lines";
        if (detector) out() << "; " << stats->findings << " detections";
        out() << ". The ledger holds " << head->treeSize << " events; signed tree head "
              << QString::fromStdString(head->rootHex.substr(0, 16)) << ".\n";
        out().flush();
        if (stats->quarantined > 0) {
            auto lines = ledger.quarantine(session_, 20);
            if (lines)
                for (const auto& q : *lines)
                    if (q.source == source) err() << "vakt: " << q.source << ":" << q.line << ": " << q.reason << "\n";
            err() << "vakt: " << stats->quarantined << " lines quarantined; 'vakt audit quarantine' lists them all.\n";
            err().flush();
        }
        return kOk;
    }

    int auditSign(Args& a, vakt::audit::Ledger& ledger) {
        a.expectEnd();
        auto head = ledger.signHead(session_);
        if (!head) return failWith(head.message());
        out() << "Signed tree head at size " << head->treeSize << ": " << QString::fromStdString(head->rootHex) << "\n";
        out().flush();
        return kOk;
    }

    int auditVerify(Args& a, vakt::audit::Ledger& ledger) {
        a.expectEnd();
        auto report = ledger.verify(session_);
        if (!report) return failWith(report.message());
        if (!report->intact()) return failWith("audit ledger: " + report->problem);
        out() << "Audit ledger intact: " << report->events << " events, " << report->heads << " signed tree heads.\n";
        out().flush();
        return kOk;
    }

    int auditProve(Args& a, vakt::audit::Ledger& ledger) {
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
        auto proof = event ? ledger.inclusionProof(session_, size(*event, "--event"))
                           : ledger.consistencyProof(session_, size(*fromText, "--from"), size(*toText, "--to"));
        if (!proof) return failWith(proof.message());
        printJson(*proof);
        return kOk;
    }

    static qint64 timeOption(Args& a, const QString& name, qint64 fallback) {
        const auto text = a.option(name);
        if (!text) return fallback;
        auto ms = vakt::audit::parseRfc3339(text->toStdString());
        if (!ms) throw UsageError((name + " must be an RFC 3339 time with an offset, such as 2026-11-01T00:00:00+01:00").toStdString());
        return *ms;
    }

    int auditSearch(Args& a, vakt::audit::Ledger& ledger, bool exportBundle) {
        vakt::audit::Ledger::Query query;
        const auto subject = a.option(QStringLiteral("--subject"));
        const auto actor = a.option(QStringLiteral("--actor"));
        if (!subject && !actor) throw UsageError("give --subject FNR or --actor ID (or both)");
        if (subject) query.subject = subject->trimmed().toStdString();
        if (actor) query.actor = actor->trimmed().toStdString();
        query.service = a.option(QStringLiteral("--service")).value_or(QString()).toStdString();
        query.action = a.option(QStringLiteral("--action")).value_or(QString()).toStdString();
        query.fromMs = timeOption(a, QStringLiteral("--from"), query.fromMs);
        query.toMs = timeOption(a, QStringLiteral("--to"), query.toMs);
        if (exportBundle) {
            a.expectEnd();
            auto bundle = ledger.evidence(session_, query);
            if (!bundle) return failWith(bundle.message());
            printJson(*bundle);
            return kOk;
        }
        const int limit = static_cast<int>(number(a, QStringLiteral("--limit"), 100, 1, 100000));
        const bool json = a.flag(QStringLiteral("--json"));
        a.expectEnd();
        auto events = ledger.search(session_, query, limit);
        if (!events) return failWith(events.message());
        QJsonArray arr;
        for (const auto& e : *events) {
            const QString when = QDateTime::fromMSecsSinceEpoch(e.timeMs, QTimeZone::utc()).toString(Qt::ISODateWithMs);
            if (json) {
                arr.append(QJsonObject{{"seq", e.seq}, {"time", when}, {"event", QJsonDocument::fromJson(QByteArray::fromStdString(e.canonical)).object()}});
            } else {
                out() << e.seq << "  " << when << "  " << e.service << "  " << e.action << "  " << e.result << "  org " << e.actorOrg << "\n";
            }
        }
        if (json) printJson(arr);
        else if (events->empty()) out() << "No events.\n";
        out().flush();
        return kOk;
    }

    int auditIncidents(Args& a, vakt::audit::Ledger& ledger) {
        const bool json = a.flag(QStringLiteral("--json"));
        a.expectEnd();
        auto open = ledger.openDetections(session_);
        if (!open) return failWith(open.message());
        QJsonArray arr;
        for (const auto& i : *open) {
            if (json)
                arr.append(QJsonObject{{"id", i.id}, {"rule", i.rule}, {"severity", i.severity}, {"summary", i.summary}, {"service", i.service},
                                       {"opened_at", i.openedAt}, {"evidence_events", i.evidence}});
            else
                out() << i.id << "  " << i.severity << "  " << i.rule << "  " << i.service << "  " << i.evidence << " events  " << i.summary << "\n";
        }
        if (json) printJson(arr);
        else if (open->empty()) out() << "No open detections.\n";
        out().flush();
        return kOk;
    }

    int auditQuarantine(Args& a, vakt::audit::Ledger& ledger) {
        const int limit = static_cast<int>(number(a, QStringLiteral("--limit"), 1000, 1, 1000000));
        a.expectEnd();
        auto lines = ledger.quarantine(session_, limit);
        if (!lines) return failWith(lines.message());
        for (const auto& q : *lines) out() << q.source << ":" << q.line << ": " << q.reason << "\n";
        if (lines->empty()) out() << "No quarantined lines.\n";
        out().flush();
        return kOk;
    }

    Globals g_;
    std::unique_ptr<Store> store_;
    Session session_;

    // Opens the existing store and establishes who is acting.
    Status connect() {
        auto store = Store::open(g_.db, Store::OpenMode::MustExist);
        if (!store) return store.error();
        store_ = std::move(*store);
        if (!g_.user) {
            // Whoever holds the database credentials can change it directly; the trail still
            // records which local account did it.
            const QString login = qEnvironmentVariable("USER", QStringLiteral("unknown"));
            session_ = Session{QStringLiteral("local:") + login, Role::Admin};
            return {};
        }
        UserService users(*store_);
        if (!g_.passwordFile && store_->isDemo()) {
            auto s = users.demoSession(*g_.user);
            if (!s) return s.error();
            session_ = *s;
            return {};
        }
        auto s = users.authenticate(*g_.user, readPassword(g_.passwordFile, QStringLiteral("Password for %1: ").arg(*g_.user)));
        if (!s) return s.error();
        session_ = *s;
        return {};
    }

    int catalogList(Args& a) {
        const bool json = a.flag(QStringLiteral("--json"));
        const auto kind = a.option(QStringLiteral("--kind"));
        const auto search = a.option(QStringLiteral("--search"));
        a.expectEnd();
        if (kind && !EntryKind::all().contains(*kind))
            throw UsageError(("--kind must be one of " + EntryKind::all().join(", ") + ", not '" + *kind + "'").toStdString());
        if (auto s = connect(); !s) return failWith(s.message());
        CatalogService catalog(*store_);
        auto list = catalog.list(session_);
        if (!list) return failWith(list.message());
        const QDate today = store_->clock().today();
        auto docState = [&](const QDate& d) {
            if (!d.isValid()) return QStringLiteral("missing");
            return d < today.addMonths(-12) ? QStringLiteral("outdated") : QStringLiteral("current");
        };
        QJsonArray arr;
        for (const auto& s : *list) {
            if (kind && s.kind != *kind) continue;
            if (search && !s.name.contains(*search, Qt::CaseInsensitive) && !s.key.contains(*search, Qt::CaseInsensitive)) continue;
            if (json) {
                arr.append(QJsonObject{{"key", s.key}, {"name", s.name}, {"kind", s.kind}, {"lifecycle", s.lifecycle},
                                       {"product_owner", s.productOwner}, {"established_year", s.establishedYear},
                                       {"agreements", s.agreements}, {"ros", docState(s.newestRos)}, {"dpia", docState(s.newestDpia)},
                                       {"last_reviewed", s.lastReviewed.toString(Qt::ISODate)}});
            } else {
                out() << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
                             .arg(s.key, -20).arg(s.kind, -10).arg(s.lifecycle, -11).arg(s.agreements, 5)
                             .arg(QStringLiteral("ros:") + docState(s.newestRos), -13)
                             .arg(QStringLiteral("dpia:") + docState(s.newestDpia), -14).arg(s.name);
            }
        }
        if (json) printJson(arr);
        out().flush();
        return kOk;
    }

    int catalogShow(Args& a) {
        const bool json = a.flag(QStringLiteral("--json"));
        const QString key = a.requiredPositional("catalogue key");
        a.expectEnd();
        if (auto s = connect(); !s) return failWith(s.message());
        CatalogService catalog(*store_);
        auto entry = catalog.get(session_, key);
        if (!entry) return failWith(entry.message());
        if (!*entry) return failWith("no catalogue entry with key '" + key.toStdString() + "'");
        auto usedBy = catalog.usedBy(session_, key);
        auto agreements = catalog.agreementCount(session_, key);
        if (!usedBy || !agreements) return failWith(!usedBy ? usedBy.message() : agreements.message());
        const CatalogEntry& e = **entry;
        if (json) {
            QJsonObject o = catalogEntryToJson(e);
            o["used_by"] = QJsonArray::fromStringList(*usedBy);
            o["agreements"] = *agreements;
            printJson(o);
            return kOk;
        }
        auto line = [](const char* label, const QString& value) {
            if (!value.isEmpty()) out() << QStringLiteral("%1 %2\n").arg(QString::fromLatin1(label), -20).arg(value);
        };
        line("Key:", e.key);
        line("Name:", e.name);
        line("Kind:", e.kind);
        line("Lifecycle:", e.lifecycle);
        line("Established:", e.establishedYear ? QString::number(e.establishedYear) : QString());
        line("Last reviewed:", e.lastReviewed.toString(Qt::ISODate));
        line("Product owner:", e.productOwnerEmail);
        line("Agreements:", QString::number(*agreements));
        line("Uses:", e.dependsOn.join(QStringLiteral(", ")));
        line("Used by:", usedBy->join(QStringLiteral(", ")));
        line("National comps:", e.nationalComponents.join(QStringLiteral(", ")));
        for (const auto& [label, text] : {std::pair{"Goal", &e.goal}, {"Background", &e.background}, {"Expected use", &e.expectedUse},
                                          {"Description", &e.description}, {"Special terms", &e.specialTerms}})
            if (!text->isEmpty()) out() << "\n" << label << ":\n  " << *text << "\n";
        if (!e.roles.isEmpty()) out() << "\nRoles:\n";
        for (const auto& r : e.roles) out() << "  " << r.team << ": " << r.role << " – " << r.personEmail << "\n";
        if (!e.documents.isEmpty()) out() << "\nDocuments:\n";
        for (const auto& d : e.documents)
            out() << "  " << d.kind << ": " << d.title << " v" << d.version << " (" << d.date.toString(Qt::ISODate) << ")\n";
        out().flush();
        return kOk;
    }

    int catalogExport(Args& a) {
        const QString format = a.option(QStringLiteral("--format")).value_or(QStringLiteral("json"));
        const auto output = a.option(QStringLiteral("--output"));
        a.expectEnd();
        if (format != QLatin1String("json") && format != QLatin1String("csv"))
            throw UsageError(("--format must be json or csv, not '" + format + "'").toStdString());
        if (auto s = connect(); !s) return failWith(s.message());
        CatalogService catalog(*store_);
        auto all = catalog.all(session_);
        if (!all) return failWith(all.message());
        const QByteArray data = format == QLatin1String("csv") ? catalogToCsv(*all) : catalogToJson(*all);
        if (output && *output != QLatin1String("-")) {
            QFile f(*output);
            if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(data) != data.size())
                return failWith(output->toStdString() + ": cannot write: " + f.errorString().toStdString());
            err() << "Exported " << all->size() << " entries to " << *output << Qt::endl;
        } else {
            out().flush();
            fwrite(data.constData(), 1, static_cast<size_t>(data.size()), stdout);
            fflush(stdout);
        }
        return kOk;
    }

    int catalogImport(Args& a) {
        auto format = a.option(QStringLiteral("--format"));
        const bool dryRun = a.flag(QStringLiteral("--dry-run"));
        const QString file = a.requiredPositional("import file");
        a.expectEnd();
        if (!format) format = file.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive) ? QStringLiteral("csv") : QStringLiteral("json");
        if (*format != QLatin1String("json") && *format != QLatin1String("csv"))
            throw UsageError(("--format must be json or csv, not '" + *format + "'").toStdString());
        auto data = readInput(file);
        if (!data) return failWith(data.message());
        const QString name = file == QLatin1String("-") ? QStringLiteral("<stdin>") : file;
        const std::string_view text(data->constData(), static_cast<std::size_t>(data->size()));
        auto entries = *format == QLatin1String("csv") ? catalogFromCsv(text, name) : catalogFromJson(text, name);
        if (!entries) return failWith(entries.message() + "\nNothing was imported.");
        if (auto s = connect(); !s) return failWith(s.message());
        if (dryRun) {
            out() << name << ": " << entries->size() << " entries are valid (dry run, nothing written).\n";
            out().flush();
            return kOk;
        }
        CatalogService catalog(*store_);
        if (auto s = catalog.importEntries(session_, *entries, name); !s) return failWith(s.message() + "\nNothing was imported.");
        out() << "Imported " << entries->size() << " entries from " << name << ".\n";
        out().flush();
        return kOk;
    }

    int userAdd(Args& a) {
        const auto roleText = a.option(QStringLiteral("--role"));
        const QString name = a.option(QStringLiteral("--name")).value_or(QString());
        const QString person = a.option(QStringLiteral("--person")).value_or(QString());
        const auto passwordFile = a.option(QStringLiteral("--password-file"));
        const QString username = a.requiredPositional("username");
        a.expectEnd();
        if (!roleText) throw UsageError("--role is required (one of " + roleCodes().join(", ").toStdString() + ")");
        const auto role = roleFromCode(*roleText);
        if (!role) throw UsageError(("--role must be one of " + roleCodes().join(", ") + ", not '" + *roleText + "'").toStdString());
        if (auto s = connect(); !s) return failWith(s.message());
        const QString password = readPassword(passwordFile, QStringLiteral("New password for %1: ").arg(username));
        UserService users(*store_);
        if (auto s = users.add(session_, NewUser{username, name, *role, password, person}); !s) return failWith(s.message());
        out() << "Created user " << username << " with role " << *roleText << ".\n";
        out().flush();
        return kOk;
    }

    int userList(Args& a) {
        const bool json = a.flag(QStringLiteral("--json"));
        a.expectEnd();
        if (auto s = connect(); !s) return failWith(s.message());
        UserService users(*store_);
        auto list = users.list(session_);
        if (!list) return failWith(list.message());
        QJsonArray arr;
        for (const auto& u : *list) {
            if (json)
                arr.append(QJsonObject{{"username", u.username}, {"display_name", u.displayName}, {"role", roleCode(u.role)},
                                       {"active", u.active}, {"person", u.personEmail}});
            else
                out() << QStringLiteral("%1 %2 %3 %4\n").arg(u.username, -22).arg(roleCode(u.role), -20)
                             .arg(u.active ? QStringLiteral("active") : QStringLiteral("inactive"), -9).arg(u.displayName);
        }
        if (json) printJson(arr);
        out().flush();
        return kOk;
    }

    int trailVerify(Args& a) {
        const bool json = a.flag(QStringLiteral("--json"));
        a.expectEnd();
        if (auto s = connect(); !s) return failWith(s.message());
        auto check = store_->verifyTrail(session_);
        if (!check) return failWith(check.message());
        if (json) {
            printJson(QJsonObject{{"intact", check->intact}, {"verified_entries", check->entries},
                                  {"problem", QString::fromStdString(check->problem)}});
        } else if (check->intact) {
            out() << "Trail intact: " << check->entries << " entries verified.\n";
        } else {
            err() << "Trail BROKEN: " << QString::fromStdString(check->problem) << " (" << check->entries
                  << " entries before it are intact)" << Qt::endl;
        }
        out().flush();
        return check->intact ? kOk : kFailure;
    }

    int trailList(Args& a) {
        const bool json = a.flag(QStringLiteral("--json"));
        const QString entity = a.option(QStringLiteral("--entity")).value_or(QString());
        const QString key = a.option(QStringLiteral("--key")).value_or(QString());
        const QString limitText = a.option(QStringLiteral("--limit")).value_or(QStringLiteral("50"));
        a.expectEnd();
        bool ok = false;
        const int limit = limitText.toInt(&ok);
        if (!ok || limit < 1 || limit > 100000) throw UsageError("--limit must be a number from 1 to 100000");
        if (auto s = connect(); !s) return failWith(s.message());
        auto entries = store_->trail(session_, entity, key, limit);
        if (!entries) return failWith(entries.message());
        QJsonArray arr;
        for (const auto& e : *entries) {
            if (json) {
                QJsonObject o{{"seq", static_cast<qint64>(e.seq)}, {"at", QString::fromStdString(e.at)},
                              {"actor", QString::fromStdString(e.actor)}, {"action", QString::fromStdString(e.action)},
                              {"entity", QString::fromStdString(e.entity)}, {"key", QString::fromStdString(e.entityKey)},
                              {"hash", QString::fromStdString(e.hash)}};
                if (!e.before.empty()) o["before"] = QJsonDocument::fromJson(QByteArray::fromStdString(e.before)).object();
                if (!e.after.empty()) o["after"] = QJsonDocument::fromJson(QByteArray::fromStdString(e.after)).object();
                arr.append(o);
            } else {
                out() << QStringLiteral("%1 %2 %3 %4 %5\n").arg(e.seq, 7).arg(QString::fromStdString(e.at), -24)
                             .arg(QString::fromStdString(e.actor), -20).arg(QString::fromStdString(e.action), -20)
                             .arg(QString::fromStdString(e.entityKey));
            }
        }
        if (json) printJson(arr);
        out().flush();
        return kOk;
    }
};

const char* kMonitoringHelp = R"(Usage: vakt [--db URL] monitoring SUBCOMMAND

  status [--json] [--targets]
                    every monitored service: current state (up, degraded, down) and since when,
                    availability over 24 h, 7 d and 30 d, error ratio over 24 h and the highest
                    per-minute p95 latency in the last hour, and the open alerts; --targets
                    lists every scrape target. --json gives {services, alerts[, targets]}
)";

const char* kAuditHelp = R"(Usage: vakt [--db URL] [--keys DIR] [--user NAME] audit SUBCOMMAND

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
  check-proof FILE|-
                    check a proof or evidence bundle on its own (docs/audit-ledger.md)
  search (--subject ID | --actor ID) [--service S] [--action A] [--from TIME] [--to TIME]
         [--limit N] [--json]
                    events about a person (fødselsnummer or d-nummer), organisation or
                    document, or by an employee or integration, in time order; both narrow
                    each other, as do service and action; TIME is RFC 3339
  export (--subject ID | --actor ID) [--service S] [--action A] [--from TIME] [--to TIME]
                    an evidence bundle: the events, their inclusion proofs, the signed head
                    and the public key
  quarantine [--limit N]
                    lines that were refused, with source, line and reason

Searching and exporting need the sikkerhetsansvarlig or revisor role (--user).
)";

const char* kKeysHelp = R"(Usage: vakt --keys DIR keys init

  init              create the audit ledger's keys in DIR (default $VAKT_KEYS): the HMAC key
                    that pseudonymises person ids and the Ed25519 key that signs tree heads.
                    Keep DIR outside the database and back it up; keys are never overwritten
)";

int auditCheckProof(Args& a) {
    const QString path = a.requiredPositional("proof FILE or -");
    a.expectEnd();
    auto data = readInput(path);
    if (!data) return failWith(data.message());
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(*data, &parseError);
    if (!doc.isObject()) return failWith(path.toStdString() + ": not a JSON proof: " + parseError.errorString().toStdString());
    if (auto s = vakt::audit::checkProof(doc.object()); !s) return failWith(path.toStdString() + ": the proof does not hold: " + s.message());
    out() << "The proof holds.\n";
    out().flush();
    return kOk;
}

int keysCommand(const Globals& g, Args& a) {
    const QString sub = a.requiredPositional("keys subcommand (init)");
    if (sub != QLatin1String("init")) throw UsageError(("unknown keys subcommand '" + sub + "'").toStdString());
    a.expectEnd();
    if (g.keys.isEmpty()) throw UsageError("no key directory given: use --keys DIR or set VAKT_KEYS");
    if (auto s = vakt::audit::LedgerKeys::init(g.keys); !s) return failWith(s.message());
    out() << "Created the audit ledger's keys in " << g.keys << ". Keep this directory outside the database and back it up.\n";
    out().flush();
    return kOk;
}

const char* helpFor(const QString& command) {
    if (command == QLatin1String("monitoring")) return kMonitoringHelp;
    if (command == QLatin1String("audit")) return kAuditHelp;
    if (command == QLatin1String("keys")) return kKeysHelp;
    if (command == QLatin1String("init")) return kInitHelp;
    if (command == QLatin1String("migrate")) return kMigrateHelp;
    if (command == QLatin1String("catalog")) return kCatalogHelp;
    if (command == QLatin1String("user")) return kUserHelp;
    if (command == QLatin1String("trail")) return kTrailHelp;
    return kMainHelp;
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    vakt::app::registerModules();
    QCoreApplication::setApplicationName(QStringLiteral("vakt"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VAKT_VERSION));
    QStringList args = app.arguments().mid(1);

    Globals g;
    g.db = qEnvironmentVariable("VAKT_DB");
    g.keys = qEnvironmentVariable("VAKT_KEYS");
    QString command;
    try {
        // Global options end at the first word that is not one.
        while (!args.isEmpty() && args.front().startsWith(QLatin1String("--"))) {
            const QString opt = args.takeFirst();
            auto value = [&]() {
                if (args.isEmpty()) throw UsageError((opt + " needs a value").toStdString());
                return args.takeFirst();
            };
            if (opt == QLatin1String("--help")) {
                out() << kMainHelp;
                return kOk;
            } else if (opt == QLatin1String("--version")) {
                out() << "vakt " << VAKT_VERSION << "\n";
                return kOk;
            } else if (opt == QLatin1String("--db")) {
                g.db = value();
            } else if (opt.startsWith(QLatin1String("--db="))) {
                g.db = opt.mid(5);
            } else if (opt == QLatin1String("--keys")) {
                g.keys = value();
            } else if (opt == QLatin1String("--user")) {
                g.user = value();
            } else if (opt == QLatin1String("--password-file")) {
                g.passwordFile = value();
            } else {
                throw UsageError(("unknown global option '" + opt + "'").toStdString());
            }
        }
        if (args.isEmpty()) throw UsageError("no command given");
        command = args.takeFirst();
        if (args.contains(QStringLiteral("--help")) || args.contains(QStringLiteral("-h"))) {
            if (QString(QString::fromLatin1(helpFor(command))) == QString::fromLatin1(kMainHelp) && command != QLatin1String("help"))
                throw UsageError(("unknown command '" + command + "'").toStdString());
            out() << helpFor(command);
            return kOk;
        }
        if (command == QLatin1String("help")) {
            out() << helpFor(args.value(0));
            return kOk;
        }
        if (command == QLatin1String("keys")) {
            Args a(args);
            return keysCommand(g, a);
        }
        if (command == QLatin1String("audit") && args.value(0) == QLatin1String("check-proof")) {
            Args a(args.mid(1));  // needs neither database nor keys: anyone can check a proof
            return auditCheckProof(a);
        }
        if (g.db.isEmpty()) throw UsageError("no database given: use --db PATH or --db postgresql://... or set VAKT_DB");
        Args a(args);
        Cli cli(g);
        if (command == QLatin1String("init")) return cli.init(a);
        if (command == QLatin1String("migrate")) return cli.migrate(a);
        if (command == QLatin1String("catalog")) return cli.catalog(a);
        if (command == QLatin1String("user")) return cli.user(a);
        if (command == QLatin1String("trail")) return cli.trail(a);
        if (command == QLatin1String("monitoring")) return cli.monitoring(a);
        if (command == QLatin1String("audit")) return cli.audit(a);
        throw UsageError(("unknown command '" + command + "'").toStdString());
    } catch (const UsageError& e) {
        err() << "vakt: " << e.what() << "\n\n" << helpFor(command);
        err().flush();
        return kUsage;
    } catch (const std::exception& e) {
        return failWith(e.what());
    }
}
