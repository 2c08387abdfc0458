// vakt change: the change board (endringsråd) for scripts: requests, assessments, decisions,
// the calendar with freezes and conflicts, meetings and their signed minutes.
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>

#include "changes/change_board.h"
#include "cli/command.h"
#include "cli/risk_common.h"
#include "collector/audit/keys.h"
#include "core/civil_time.h"

namespace vakt::cli {
namespace {

constexpr const char* kChangeHelp = R"(Usage: vakt [--db URL] [--user NAME] [--keys DIR] change SUBCOMMAND

Changes: categories standard (from a pre-approved template), normal, emergency; states proposed,
assessed, approved, rejected, deferred, scheduled, implemented, reviewed. Times are ISO 8601
(2026-12-08T20:00, Norwegian time unless a zone is given).

  list [--state S,..] [--pending] [--target KEY] [--from TIME] [--until TIME] [--json]
                    the changes, with how many conflicts each has
  show REF [--review-days N] [--json]
                    the change, its assessment, decision and conflicts, and the incidents on its
                    services in the N days (default 7) after it was carried out
  add --title TEXT --target KEY... [--category C] [--origin O] [--template KEY]
      [--description TEXT] [--from TIME --until TIME] [--rollback TEXT] [--freeze-reason TEXT]
                    proposes a change; prints its ref. Origins: operations, maintenance,
                    service_desk, project
  assess REF --stride LETTERS --likelihood 1-5 --consequence 1-5 [--security-relevant] [--note T]
  decide REF approve|reject|defer [--note TEXT] [--conditions TEXT]
                    the board's decision (rejecting and deferring need --note). Approving a
                    security-relevant change needs the security officer; a change in a freeze
                    only as an emergency with a reason. Approval creates the ROS review tasks
                    the change implies along the value chain
  consent REF [--note TEXT]         the security officer consents to a security-relevant change
  schedule REF --from TIME --until TIME | implement REF [--at TIME]
  review REF --outcome success|partial|failed|rolled_back --note TEXT [--caused ID]...
                    (candidates: incidents on its services in the days after; see show)
  conflicts [--from TIME] [--until TIME] [--json]   overlaps, dependants, freezes, crowded days
  freeze list | freeze add NAME --from TIME --until TIME [--services K,..|--components K,..]
         [--reason TEXT] | freeze remove ID
  meeting open [--quorum N] | meeting show ID [--json] | meeting attend ID USER...
  meeting decide ID POSITION approve|reject|defer|noted [--conditions TEXT] [--note TEXT]
  meeting close ID  closes it (quorum and a decision on every change needed) and writes the
                    minutes; signed with the department's key when --keys gives one
  meeting minutes ID --out FILE.pdf|FILE.html
  meeting verify ID checks the stored minutes against their hash and, with --keys, the
                    signature against that key (never one stored with the minutes)

Exit codes: 0 ok, 1 failure (denied, invalid, not found, a check that fails), 2 usage.
)";

QString iso(const QDateTime& t) { return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString(); }
QString local(const QDateTime& t) { return t.isValid() ? t.toTimeZone(platformZone()).toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QStringLiteral("-"); }

QDateTime timeOf(const QString& name, const QString& text) {
    QDateTime t = QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid()) throw UsageError((name + " takes a time as 2026-12-08T20:00, not '" + text + "'").toStdString());
    if (t.timeSpec() == Qt::LocalTime) t = QDateTime(t.date(), t.time(), platformZone());
    return t.toUTC();
}
QDateTime timeOption(Args& a, const QString& name) {
    const auto text = a.option(name);
    return text ? timeOf(name, *text) : QDateTime();
}
QString codeOption(Args& a, const QString& name, const QStringList& allowed) {
    const auto v = a.option(name);
    if (!v) return {};
    if (!allowed.contains(*v)) throw UsageError((name + " takes " + allowed.join(QStringLiteral(", ")) + ", not '" + *v + "'").toStdString());
    return *v;
}
qint64 number(const QString& text, const char* what) {
    bool ok = false;
    const qint64 n = text.toLongLong(&ok);
    if (!ok || n <= 0) throw UsageError(std::string(what) + " is a number, not '" + text.toStdString() + "'");
    return n;
}

QString conflictText(const changes::CalendarConflict& c) {
    if (c.kind == QLatin1String("same_target")) return QStringLiteral("%1 overlap on %2").arg(c.refs.join(QStringLiteral(" and ")), c.key);
    if (c.kind == QLatin1String("dependent_targets"))
        return QStringLiteral("%1 overlap on %2 and %3, which depend on each other").arg(c.refs.join(QStringLiteral(" and ")), c.key, c.otherKey);
    if (c.kind == QLatin1String("in_freeze")) return QStringLiteral("%1 falls in the freeze '%2'").arg(c.refs.join(QStringLiteral(", ")), c.freeze);
    if (c.kind == QLatin1String("emergency_in_freeze"))
        return QStringLiteral("%1 is an emergency change in the freeze '%2' (with a reason)").arg(c.refs.join(QStringLiteral(", ")), c.freeze);
    return QStringLiteral("%1 changes on %2: %3").arg(c.refs.size()).arg(c.day.toString(Qt::ISODate), c.refs.join(QStringLiteral(", ")));
}

QJsonObject conflictJson(const changes::CalendarConflict& c) {
    QJsonObject o{{"kind", c.kind}, {"changes", QJsonArray::fromStringList(c.refs)}, {"text", conflictText(c)}};
    if (!c.freeze.isEmpty()) o.insert("freeze", c.freeze);
    if (!c.key.isEmpty()) o.insert("key", c.key);
    if (!c.otherKey.isEmpty()) o.insert("other_key", c.otherKey);
    if (c.day.isValid()) o.insert("day", c.day.toString(Qt::ISODate));
    return o;
}

QJsonObject changeJson(const changes::ChangeRequest& c) {
    QJsonArray caused;
    for (auto id : c.causedIncidents) caused.append(id);
    return QJsonObject{{"ref", c.ref},
                       {"title", c.title},
                       {"description", c.description},
                       {"origin", c.origin},
                       {"category", c.category},
                       {"template", c.templateKey},
                       {"state", c.state},
                       {"targets", QJsonArray::fromStringList(c.targets)},
                       {"window_start", iso(c.windowStart)},
                       {"window_end", iso(c.windowEnd)},
                       {"rollback_plan", c.rollbackPlan},
                       {"freeze_reason", c.freezeReason},
                       {"assessed", c.assessed},
                       {"stride", c.assessment.stride},
                       {"likelihood", c.assessment.likelihood},
                       {"consequence", c.assessment.consequence},
                       {"security_relevant", c.assessment.securityRelevant},
                       {"security_approved_by", c.securityApprovedBy},
                       {"requested_by", c.requestedBy},
                       {"decided_by", c.decidedBy},
                       {"decision_note", c.decisionNote},
                       {"conditions", c.conditions},
                       {"implemented_at", iso(c.implementedAt)},
                       {"outcome", c.outcome},
                       {"review_tasks", c.reviewTasks},
                       {"caused_incidents", caused}};
}

int list(Context& ctx, Args& a) {
    changes::ChangeFilter f;
    if (auto s = a.option(QStringLiteral("--state"))) {
        f.states = s->split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const auto& st : f.states)
            if (!changes::ChangeState::all().contains(st)) throw UsageError(("--state takes " + changes::ChangeState::all().join(QStringLiteral(", ")) + ", not '" + st + "'").toStdString());
    }
    if (a.flag(QStringLiteral("--pending"))) f.states << changes::ChangeState::Proposed << changes::ChangeState::Assessed << changes::ChangeState::Deferred;
    f.target = a.option(QStringLiteral("--target")).value_or(QString());
    f.from = timeOption(a, QStringLiteral("--from"));
    f.until = timeOption(a, QStringLiteral("--until"));
    const bool json = a.flag(QStringLiteral("--json"));
    a.expectEnd();
    if (int rc = connected(ctx); rc != kOk) return rc;
    changes::ChangeBoard board(ctx.store());
    auto all = board.list(ctx.session(), f);
    if (!all) return failWith(all.message());
    // Conflicts over the span the listed changes cover, counted per change.
    QHash<QString, int> conflictsOf;
    QDateTime from, until;
    for (const auto& c : *all) {
        if (!c.windowStart.isValid()) continue;
        if (!from.isValid() || c.windowStart < from) from = c.windowStart;
        if (!until.isValid() || c.windowEnd > until) until = c.windowEnd;
    }
    if (from.isValid()) {
        auto found = board.conflicts(ctx.session(), from, until);
        if (!found) return failWith(found.message());
        for (const auto& k : *found)
            for (const auto& ref : k.refs) ++conflictsOf[ref];
    }
    if (json) {
        QJsonArray arr;
        for (const auto& c : *all) {
            QJsonObject o = changeJson(c);
            o.insert("conflicts", conflictsOf.value(c.ref));
            arr.append(o);
        }
        printJson(arr);
        return kOk;
    }
    out() << padded(QStringLiteral("REF"), 14) << padded(QStringLiteral("STATE"), 12) << padded(QStringLiteral("CATEGORY"), 10) << padded(QStringLiteral("WINDOW"), 18)
          << padded(QStringLiteral("SECURITY"), 10) << padded(QStringLiteral("CONFLICTS"), 10) << padded(QStringLiteral("TARGETS"), 22) << "TITLE\n";
    for (const auto& c : *all) {
        const QString security = !c.assessed ? QStringLiteral("-") : c.assessment.stride + (c.assessment.securityRelevant ? QStringLiteral("!") : QString());
        out() << padded(c.ref, 14) << padded(c.state, 12) << padded(c.category, 10) << padded(local(c.windowStart), 18) << padded(security, 10)
              << padded(QString::number(conflictsOf.value(c.ref)), 10) << padded(c.targets.join(QLatin1Char(',')), 22) << c.title << "\n";
    }
    out().flush();
    return kOk;
}

int show(Context& ctx, Args& a) {
    const QString ref = a.requiredPositional("REF");
    const bool json = a.flag(QStringLiteral("--json"));
    const int reviewDays = intOption(a, QStringLiteral("--review-days"), 7, 1, 90);
    a.expectEnd();
    if (int rc = connected(ctx); rc != kOk) return rc;
    changes::ChangeBoard board(ctx.store());
    auto c = board.get(ctx.session(), ref);
    if (!c) return failWith(c.message());
    auto clashes = board.conflictsOf(ctx.session(), ref);
    if (!clashes) return failWith(clashes.message());
    auto candidates = board.candidateIncidents(ctx.session(), ref, reviewDays);
    if (!candidates) return failWith(candidates.message());
    if (json) {
        QJsonObject o = changeJson(*c);
        QJsonArray k, cand;
        for (const auto& x : *clashes) k.append(conflictJson(x));
        for (auto id : *candidates) cand.append(id);
        o.insert("conflicts", k);
        o.insert("candidate_incidents", cand);
        printJson(o);
        return kOk;
    }
    out() << c->ref << ": " << c->title << "\n  " << c->category << " change from " << c->origin << ", " << c->state << "; touches "
          << c->targets.join(QStringLiteral(", ")) << "\n  window " << local(c->windowStart) << " to " << local(c->windowEnd) << "\n";
    if (c->assessed)
        out() << "  security: STRIDE " << (c->assessment.stride.isEmpty() ? QStringLiteral("-") : c->assessment.stride) << ", likelihood "
              << c->assessment.likelihood << ", consequence " << c->assessment.consequence
              << (c->assessment.securityRelevant ? QStringLiteral(", security-relevant (security officer: %1)").arg(c->securityApprovedBy.isEmpty() ? QStringLiteral("not yet") : c->securityApprovedBy)
                                                 : QString())
              << "\n";
    else
        out() << "  security: not assessed\n";
    if (!c->decidedBy.isEmpty())
        out() << "  decided by " << c->decidedBy << ": " << c->decisionNote << (c->conditions.isEmpty() ? QString() : QStringLiteral(" (conditions: %1)").arg(c->conditions))
              << "; " << c->reviewTasks << " ROS review tasks\n";
    if (!c->rollbackPlan.isEmpty()) out() << "  rollback: " << c->rollbackPlan << "\n";
    for (const auto& k : *clashes) out() << "  CONFLICT: " << conflictText(k) << "\n";
    if (!candidates->isEmpty()) {
        QStringList ids;
        for (auto id : *candidates) ids << QString::number(id);
        out() << "  incidents on its services since it was carried out: " << ids.join(QStringLiteral(", ")) << "\n";
    }
    out().flush();
    return kOk;
}

int add(Context& ctx, Args& a) {
    changes::NewChange c;
    c.title = requiredText(a, QStringLiteral("--title"));
    while (auto t = a.option(QStringLiteral("--target"))) c.targets << *t;
    if (auto v = codeOption(a, QStringLiteral("--category"), changes::ChangeCategory::all()); !v.isEmpty()) c.category = v;
    if (auto v = codeOption(a, QStringLiteral("--origin"), changes::ChangeOrigin::all()); !v.isEmpty()) c.origin = v;
    c.templateKey = a.option(QStringLiteral("--template")).value_or(QString());
    if (!c.templateKey.isEmpty() && !a.has(QStringLiteral("--category"))) c.category = changes::ChangeCategory::Standard;
    c.description = a.option(QStringLiteral("--description")).value_or(QString());
    c.windowStart = timeOption(a, QStringLiteral("--from"));
    c.windowEnd = timeOption(a, QStringLiteral("--until"));
    c.rollbackPlan = a.option(QStringLiteral("--rollback")).value_or(QString());
    c.freezeReason = a.option(QStringLiteral("--freeze-reason")).value_or(QString());
    a.expectEnd();
    if (int rc = connected(ctx); rc != kOk) return rc;
    changes::ChangeBoard board(ctx.store());
    auto ref = board.add(ctx.session(), c);
    if (!ref) return failWith(ref.message());
    out() << *ref << "\n";
    // Say at once what the calendar says about it.
    if (auto clashes = board.conflictsOf(ctx.session(), *ref); clashes)
        for (const auto& k : *clashes) err() << "warning: " << conflictText(k) << "\n";
    err().flush();
    out().flush();
    return kOk;
}

int assess(Context& ctx, Args& a) {
    const QString ref = a.requiredPositional("REF");
    changes::SecurityAssessment s;
    s.stride = a.option(QStringLiteral("--stride")).value_or(QString());
    s.likelihood = intOption(a, QStringLiteral("--likelihood"), 0, 1, 5);
    s.consequence = intOption(a, QStringLiteral("--consequence"), 0, 1, 5);
    s.securityRelevant = a.flag(QStringLiteral("--security-relevant"));
    s.note = a.option(QStringLiteral("--note")).value_or(QString());
    a.expectEnd();
    if (s.likelihood == 0 || s.consequence == 0) throw UsageError("--likelihood and --consequence are required");
    if (int rc = connected(ctx); rc != kOk) return rc;
    if (auto st = changes::ChangeBoard(ctx.store()).assess(ctx.session(), ref, s); !st) return failWith(st.message());
    return kOk;
}

int decide(Context& ctx, Args& a) {
    const QString ref = a.requiredPositional("REF");
    const QString decision = a.requiredPositional("approve, reject or defer");
    if (!changes::Decision::all().contains(decision)) throw UsageError(("the decision is approve, reject or defer, not '" + decision + "'").toStdString());
    const QString note = a.option(QStringLiteral("--note")).value_or(QString());
    const QString conditions = a.option(QStringLiteral("--conditions")).value_or(QString());
    a.expectEnd();
    if (int rc = connected(ctx); rc != kOk) return rc;
    changes::ChangeBoard board(ctx.store());
    if (auto st = board.decide(ctx.session(), ref, decision, note, conditions); !st) return failWith(st.message());
    if (decision == changes::Decision::Approve)
        if (auto c = board.get(ctx.session(), ref); c) out() << ref << " approved; " << counted(c->reviewTasks, "ROS review task", "ROS review tasks") << " along the value chain.\n";
    out().flush();
    return kOk;
}

int consent(Context& ctx, Args& a) {
    const QString ref = a.requiredPositional("REF");
    const QString note = a.option(QStringLiteral("--note")).value_or(QString());
    a.expectEnd();
    if (int rc = connected(ctx); rc != kOk) return rc;
    if (auto st = changes::ChangeBoard(ctx.store()).consent(ctx.session(), ref, note); !st) return failWith(st.message());
    return kOk;
}

int schedule(Context& ctx, Args& a) {
    const QString ref = a.requiredPositional("REF");
    const QDateTime from = timeOf(QStringLiteral("--from"), requiredText(a, QStringLiteral("--from")));
    const QDateTime until = timeOf(QStringLiteral("--until"), requiredText(a, QStringLiteral("--until")));
    a.expectEnd();
    if (int rc = connected(ctx); rc != kOk) return rc;
    if (auto st = changes::ChangeBoard(ctx.store()).schedule(ctx.session(), ref, from, until); !st) return failWith(st.message());
    return kOk;
}

int implement(Context& ctx, Args& a) {
    const QString ref = a.requiredPositional("REF");
    const QDateTime at = timeOption(a, QStringLiteral("--at"));
    a.expectEnd();
    if (int rc = connected(ctx); rc != kOk) return rc;
    if (auto st = changes::ChangeBoard(ctx.store()).implement(ctx.session(), ref, at); !st) return failWith(st.message());
    return kOk;
}

int review(Context& ctx, Args& a) {
    const QString ref = a.requiredPositional("REF");
    const QString outcome = codeOption(a, QStringLiteral("--outcome"), changes::Outcome::all());
    const QString note = requiredText(a, QStringLiteral("--note"));
    QList<qint64> caused;
    while (auto v = a.option(QStringLiteral("--caused"))) caused << number(*v, "--caused");
    a.expectEnd();
    if (outcome.isEmpty()) throw UsageError("--outcome is required");
    if (int rc = connected(ctx); rc != kOk) return rc;
    if (auto st = changes::ChangeBoard(ctx.store()).review(ctx.session(), ref, outcome, note, caused); !st) return failWith(st.message());
    return kOk;
}

int conflicts(Context& ctx, Args& a) {
    QDateTime from = timeOption(a, QStringLiteral("--from"));
    QDateTime until = timeOption(a, QStringLiteral("--until"));
    const bool json = a.flag(QStringLiteral("--json"));
    a.expectEnd();
    if (int rc = connected(ctx); rc != kOk) return rc;
    const QDateTime now = ctx.store().clock().now();
    if (!from.isValid()) from = now.addDays(-7);
    if (!until.isValid()) until = from.addDays(90);
    if (until <= from) throw UsageError("--until must come after --from");
    auto found = changes::ChangeBoard(ctx.store()).conflicts(ctx.session(), from, until);
    if (!found) return failWith(found.message());
    if (json) {
        QJsonArray arr;
        for (const auto& k : *found) arr.append(conflictJson(k));
        printJson(arr);
        return kOk;
    }
    for (const auto& k : *found) out() << padded(k.kind, 20) << conflictText(k) << "\n";
    out() << counted(found->size(), "conflict", "conflicts") << " from " << local(from) << " to " << local(until) << ".\n";
    out().flush();
    return kOk;
}

int freeze(Context& ctx, Args& a) {
    const QString word = a.positional().value_or(QStringLiteral("list"));
    if (word == QLatin1String("add")) {
        changes::Freeze f;
        f.name = a.requiredPositional("NAME");
        f.start = timeOf(QStringLiteral("--from"), requiredText(a, QStringLiteral("--from")));
        f.end = timeOf(QStringLiteral("--until"), requiredText(a, QStringLiteral("--until")));
        if (auto v = a.option(QStringLiteral("--services"))) f.scope = QStringLiteral("services"), f.keys = v->split(QLatin1Char(','), Qt::SkipEmptyParts);
        if (auto v = a.option(QStringLiteral("--components"))) {
            if (f.scope != QLatin1String("all")) throw UsageError("give --services or --components, not both");
            f.scope = QStringLiteral("components"), f.keys = v->split(QLatin1Char(','), Qt::SkipEmptyParts);
        }
        f.reason = a.option(QStringLiteral("--reason")).value_or(QString());
        a.expectEnd();
        if (int rc = connected(ctx); rc != kOk) return rc;
        changes::ChangeBoard board(ctx.store());
        auto id = board.addFreeze(ctx.session(), f);
        if (!id) return failWith(id.message());
        out() << *id << "\n";
        out().flush();
        return kOk;
    }
    if (word == QLatin1String("remove")) {
        const qint64 id = number(a.requiredPositional("ID"), "ID");
        a.expectEnd();
        if (int rc = connected(ctx); rc != kOk) return rc;
        changes::ChangeBoard board(ctx.store());
        if (auto st = board.removeFreeze(ctx.session(), id); !st) return failWith(st.message());
        return kOk;
    }
    if (word != QLatin1String("list")) throw UsageError(("unknown freeze subcommand '" + word + "' (list, add, remove)").toStdString());
    a.expectEnd();
    if (int rc = connected(ctx); rc != kOk) return rc;
    changes::ChangeBoard board(ctx.store());
    auto all = board.freezes(ctx.session());
    if (!all) return failWith(all.message());
    for (const auto& f : *all)
        out() << padded(QString::number(f.id), 5) << padded(f.name, 20) << padded(local(f.start), 18) << padded(local(f.end), 18) << f.scope
              << (f.keys.isEmpty() ? QString() : QStringLiteral(": ") + f.keys.join(QLatin1Char(','))) << "\n";
    out().flush();
    return kOk;
}

int meeting(Context& ctx, Args& a) {
    const QString word = a.requiredPositional("meeting subcommand (open, show, attend, decide, close, minutes, verify)");
    if (word == QLatin1String("open")) {
        const int quorum = intOption(a, QStringLiteral("--quorum"), 3, 1, 30);
        a.expectEnd();
        if (int rc = connected(ctx); rc != kOk) return rc;
        changes::ChangeBoard board(ctx.store());
        auto id = board.openMeeting(ctx.session(), {}, quorum);
        if (!id) return failWith(id.message());
        out() << *id << "\n";
        out().flush();
        return kOk;
    }
    const qint64 id = number(a.requiredPositional("meeting ID"), "the meeting ID");
    if (word == QLatin1String("show")) {
        const bool json = a.flag(QStringLiteral("--json"));
        a.expectEnd();
        if (int rc = connected(ctx); rc != kOk) return rc;
        changes::ChangeBoard board(ctx.store());
        auto m = board.meeting(ctx.session(), id);
        if (!m) return failWith(m.message());
        if (json) {
            QJsonArray items;
            for (const auto& i : m->items)
                items.append(QJsonObject{{"position", i.position}, {"kind", i.kind}, {"ref", i.ref}, {"title", i.title}, {"decision", i.decision},
                                         {"conditions", i.conditions}, {"note", i.note}});
            printJson(QJsonObject{{"id", m->id}, {"held_at", iso(m->heldAt)}, {"chair", m->chair}, {"state", m->state},
                                  {"attendees", QJsonArray::fromStringList(m->attendees)}, {"quorum", m->quorum}, {"quorate", m->quorate()},
                                  {"items", items}, {"minutes_sha256", m->minutesSha256}, {"signed", !m->signatureBase64.isEmpty()}});
            return kOk;
        }
        out() << "Meeting " << m->id << " " << local(m->heldAt) << ", chair " << m->chair << ", " << m->state << "; present " << m->attendees.size() << " of at least "
              << m->quorum << ": " << m->attendees.join(QStringLiteral(", ")) << "\n";
        for (const auto& i : m->items)
            out() << "  " << padded(QString::number(i.position), 4) << padded(i.kind, 10) << padded(i.ref, 14) << padded(i.decision.isEmpty() ? QStringLiteral("-") : i.decision, 9)
                  << i.title << "\n";
        out().flush();
        return kOk;
    }
    if (word == QLatin1String("attend")) {
        QStringList users;
        while (auto u = a.positional()) users << *u;
        a.expectEnd();
        if (users.isEmpty()) throw UsageError("name who attends");
        if (int rc = connected(ctx); rc != kOk) return rc;
        changes::ChangeBoard board(ctx.store());
        if (auto st = board.setAttendees(ctx.session(), id, users); !st) return failWith(st.message());
        return kOk;
    }
    if (word == QLatin1String("decide")) {
        const int position = int(number(a.requiredPositional("POSITION"), "POSITION"));
        const QString decision = a.requiredPositional("approve, reject, defer or noted");
        const QString conditions = a.option(QStringLiteral("--conditions")).value_or(QString());
        const QString note = a.option(QStringLiteral("--note")).value_or(QString());
        a.expectEnd();
        if (int rc = connected(ctx); rc != kOk) return rc;
        changes::ChangeBoard board(ctx.store());
        if (auto st = board.decideItem(ctx.session(), id, position, decision, conditions, note); !st) return failWith(st.message());
        return kOk;
    }
    if (word == QLatin1String("close")) {
        a.expectEnd();
        auto keys = keysOf(ctx, false);
        if (int rc = connected(ctx); rc != kOk) return rc;
        changes::ChangeBoard board(ctx.store());
        if (auto st = board.closeMeeting(ctx.session(), id, keys ? &*keys : nullptr); !st) return failWith(st.message());
        auto m = board.meeting(ctx.session(), id);
        if (m) out() << "Minutes written: SHA-256 " << m->minutesSha256 << (m->signatureBase64.isEmpty() ? ", not signed (no --keys).\n" : ", signed.\n");
        out().flush();
        return kOk;
    }
    if (word == QLatin1String("minutes")) {
        const QString path = requiredText(a, QStringLiteral("--out"));
        a.expectEnd();
        if (int rc = connected(ctx); rc != kOk) return rc;
        changes::ChangeBoard board(ctx.store());
        auto bytes = path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive) ? board.minutesPdf(ctx.session(), id) : board.minutesHtml(ctx.session(), id);
        if (!bytes) return failWith(bytes.message());
        QSaveFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(*bytes) != bytes->size() || !f.commit())
            return failWith("cannot write " + path.toStdString() + ": " + f.errorString().toStdString());
        return kOk;
    }
    if (word == QLatin1String("verify")) {
        a.expectEnd();
        auto keys = keysOf(ctx, false);
        if (int rc = connected(ctx); rc != kOk) return rc;
        changes::ChangeBoard board(ctx.store());
        auto check = board.verifyMinutes(ctx.session(), id, keys ? &*keys : nullptr);
        if (!check) return failWith(check.message());
        out() << "hash: " << (check->hashMatches ? "matches" : "DIFFERS") << "\n";
        out() << "signature: " << (!check->signed_ ? "none" : !keys ? "present, not checked (give --keys)" : check->signatureValid ? "valid" : "INVALID") << "\n";
        out().flush();
        if (check->trailChecked) out() << "trail: " << (check->hashMatches ? "agrees" : "DIFFERS") << "\n";
        out().flush();
        if (!check->ok()) return failWith(check->problem.toStdString());
        return kOk;
    }
    throw UsageError(("unknown meeting subcommand '" + word + "' (open, show, attend, decide, close, minutes, verify)").toStdString());
}

int changeCommand(Context& ctx, Args& a) {
    static constexpr Subcommand<Handler> kSubcommands[] = {
        {"list", list},         {"show", show},           {"add", add},         {"assess", assess},       {"decide", decide},   {"consent", consent},
        {"schedule", schedule}, {"implement", implement}, {"review", review},   {"conflicts", conflicts}, {"freeze", freeze},   {"meeting", meeting}};
    return runSubcommand(ctx, a, "change", kSubcommands);
}

const CommandRegistration registration{Command{
    .name = "change",
    .summary = "  change list|add|decide|show|assess|schedule|implement|review\n"
               "                                     the change board: requests, security assessment, decisions\n"
               "  change conflicts|freeze|meeting    the calendar, freeze periods, meetings and signed minutes\n",
    .help = kChangeHelp,
    .order = 67,
    .needsDatabase = true,
    .run = changeCommand,
}};

}  // namespace
}  // namespace vakt::cli
