// vakt access: privilege reviews (tilgangsgjennomgang) for scripts: grant imports, campaigns,
// decisions, revocation lists and signed attestations.
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>
#include <limits>

#include "access/access_service.h"
#include "cli/command.h"
#include "cli/risk_common.h"

namespace vakt::cli {
namespace {

constexpr const char* kAccessHelp = R"(Usage: vakt [--db URL] [--user NAME] [--keys DIR] access SUBCOMMAND

Grants are the platform's privileges as its configuration exports them (CSV or JSON; see
docs/access-review.md). Each import is kept; the next shows what was added, removed or changed
and checks that the revocations of closed campaigns took effect.

  import FILE [--json]     reads a grant export (all or nothing; errors name FILE:LINE and the
                           field; unknown people and organisations are reported, never created).
                           A file with fødselsnumre needs --keys (they are pseudonymised)
  imports [--json]         the imports, with what each changed
  rules set FILE | rules show
                           the segregation-of-duties rules (YAML)
  campaign create --name TEXT --due DATE [--mode full|differential|leavers]
      [--org ORGNR,..] [--service KEY,..] [--privilege KIND,..]
      [--reviewer leader|service_owner|EMAIL]... [--second-reviewer leader|service_owner|EMAIL]...
      [--reminder-days N] [--unanswered keep|revoke|escalate]
                           a campaign over the newest import (reviewers default to the holder's
                           leader, then the service's owner); prints its id
  campaign list [--json] | campaign show ID [--json]
                           campaigns; one with its progress per reviewer
  campaign items ID [--reviewer EMAIL] [--open] [--flag CODE,..] [--json]
                           the items (a reviewer sees only their own); flags: admin,
                           left_or_moved, unused, confidential_no_basis, outside_area,
                           broad_integration, peer_outlier, sod_conflict
  campaign decide ID ITEM keep|reduce|revoke|delegate [--justification TEXT] [--reduce-to X]
      [--to EMAIL]         one decision (keeping an administrator needs a justification;
                           nobody reviews their own grants)
  campaign remind ID       the reviewers to remind, when the due date is near
  campaign close ID        closes it (needs --keys: the attestation is signed)
  export ID revocations|attestation [--format csv|json] --out FILE
                           the revocation list for the platform's configuration, or the signed
                           attestation
  verify FILE              checks an attestation against the key in --keys (never a key in the file)

Exit codes: 0 ok, 1 failure (denied, invalid, not found, a check that fails), 2 usage.
)";

qint64 number(const QString& text, const char* what) {
    bool ok = false;
    const qint64 n = text.toLongLong(&ok);
    // Campaign ids and item numbers fit an int; a larger one is a mistake, never wrapped around.
    if (!ok || n <= 0 || n > std::numeric_limits<int>::max()) throw UsageError(std::string(what) + " is a number, not '" + text.toStdString() + "'");
    return n;
}

std::vector<std::string> listOption(Args& a, const QString& name) {
    std::vector<std::string> out;
    if (auto v = a.option(name))
        for (const auto& part : v->split(QLatin1Char(','), Qt::SkipEmptyParts)) out.push_back(part.trimmed().toStdString());
    return out;
}

std::vector<access::ReviewerRule> rulesOption(Args& a, const QString& name) {
    std::vector<access::ReviewerRule> rules;
    while (auto v = a.option(name)) {
        access::ReviewerRule r;
        if (*v == QLatin1String("leader"))
            r.kind = access::ReviewerRule::Kind::Leader;
        else if (*v == QLatin1String("service_owner"))
            r.kind = access::ReviewerRule::Kind::ServiceOwner;
        else if (v->contains(QLatin1Char('@')))
            r.kind = access::ReviewerRule::Kind::Named, r.email = v->trimmed().toLower().toStdString();
        else
            throw UsageError((name + " takes leader, service_owner or an e-mail address, not '" + *v + "'").toStdString());
        rules.push_back(r);
    }
    return rules;
}

QString flagsText(access::Flags flags) {
    QStringList codes;
    for (const auto& c : access::flagCodes(flags)) codes << q(c);
    return codes.isEmpty() ? QStringLiteral("-") : codes.join(QLatin1Char(','));
}

QJsonObject importJson(const access::GrantImport& i) {
    return {{"id", i.id},           {"file", i.fileName},           {"sha256", i.sha256},
            {"format", i.format},   {"grants", i.grants},           {"added", i.added},
            {"removed", i.removed}, {"changed", i.changed},         {"revocations_checked", i.revocationsChecked},
            {"revocations_not_effective", i.revocationsNotEffective}, {"imported_by", i.importedBy},
            {"imported_at", i.importedAt.toUTC().toString(Qt::ISODate)}};
}

QJsonObject campaignJson(const access::Campaign& c) {
    return {{"id", c.id},
            {"name", c.name},
            {"mode", q(std::string(access::modeCode(c.mode)))},
            {"state", c.state},
            {"owner", c.owner},
            {"due", c.due.toString(Qt::ISODate)},
            {"unanswered", c.unanswered},
            {"two_stage", c.twoStage},
            {"items", c.items},
            {"decided", c.decided},
            {"flagged", c.flagged},
            {"revocations", c.revocations},
            {"snapshot_sha256", c.snapshotSha256},
            {"attestation_sha256", c.attestationSha256}};
}

QJsonObject itemJson(const access::ReviewItem& i) {
    const auto& g = i.grant;
    QJsonArray flags;
    for (const auto& c : access::flagCodes(i.flags)) flags << q(c);
    QJsonObject o{{"item", i.number},
                  {"holder_type", q(g.holderType)},
                  {"holder", q(g.holderType == "person" ? g.holderEmail : g.holderId)},
                  {"holder_name", q(g.holderName)},
                  {"orgnr", q(g.orgnr)},
                  {"service", q(g.service)},
                  {"privilege", q(g.privilege)},
                  {"detail", q(g.detail)},
                  {"role", q(g.role)},
                  {"flags", flags},
                  {"sod_rules", QJsonArray::fromStringList(i.sodRules)},
                  {"peers", i.peerCount},
                  {"peers_holding", i.peersHolding},
                  {"last_use", i.lastUse ? QJsonValue(i.lastUse->toUTC().toString(Qt::ISODate)) : QJsonValue(i.usageKnown ? "never" : "unknown")},
                  {"reviewer", i.stage == 2 ? i.secondReviewer : i.reviewer},
                  {"stage", i.stage},
                  {"decision", i.decision}};
    if (!i.justification.isEmpty()) o.insert("justification", i.justification);
    if (!i.reduceTo.isEmpty()) o.insert("reduce_to", i.reduceTo);
    if (!i.decidedBy.isEmpty()) o.insert("decided_by", i.decidedBy);
    return o;
}

int importGrants(Context& ctx, Args& a) {
    const QString path = a.requiredPositional("FILE");
    const bool json = a.flag(QStringLiteral("--json"));
    a.expectEnd();
    auto content = readInput(path);
    if (!content) return failWith(content.message());
    auto keys = keysOf(ctx, false);
    if (int rc = connected(ctx); rc != kOk) return rc;
    access::AccessService service(ctx.store());
    auto report = service.importGrants(ctx.session(), path, *content, keys ? &*keys : nullptr);
    if (!report) return failWith(report.message());
    if (json) {
        QJsonArray lingering;
        for (const auto& l : report->notEffective) lingering << QJsonObject{{"campaign", l.campaignId}, {"action", l.action}, {"grant", l.grantKey}};
        QJsonObject o = importJson(report->import);
        o.insert("not_effective", lingering);
        printJson(o);
    } else {
        const auto& i = report->import;
        out() << "Import " << i.id << ": " << counted(i.grants, "grant", "grants") << ", " << i.added << " added, " << i.removed << " removed, "
              << i.changed << " changed.\n";
        if (i.revocationsChecked)
            out() << "Revocations checked: " << i.revocationsChecked << ", not taken effect: " << i.revocationsNotEffective << "\n";
        for (const auto& l : report->notEffective)
            out() << "  NOT TAKEN EFFECT  campaign " << l.campaignId << " (" << l.campaignName << "): " << l.action << " "
                  << l.grantKey << "\n";
        out().flush();
    }
    // Revocations that did not take effect are a finding: scripts see it in the exit code.
    return report->notEffective.isEmpty() ? kOk : kFailure;
}

int imports(Context& ctx, Args& a) {
    const bool json = a.flag(QStringLiteral("--json"));
    a.expectEnd();
    if (int rc = connected(ctx); rc != kOk) return rc;
    access::AccessService service(ctx.store());
    auto all = service.imports(ctx.session());
    if (!all) return failWith(all.message());
    if (json) {
        QJsonArray arr;
        for (const auto& i : *all) arr << importJson(i);
        printJson(arr);
        return kOk;
    }
    out() << padded(QStringLiteral("ID"), 5) << padded(QStringLiteral("IMPORTED"), 22) << padded(QStringLiteral("BY"), 22) << padded(QStringLiteral("GRANTS"), 8)
          << padded(QStringLiteral("ADDED"), 7) << padded(QStringLiteral("REMOVED"), 8) << padded(QStringLiteral("CHANGED"), 8) << padded(QStringLiteral("NOT_EFFECTIVE"), 14)
          << "FILE\n";
    for (const auto& i : *all)
        out() << padded(QString::number(i.id), 5) << padded(i.importedAt.toUTC().toString(Qt::ISODate), 22) << padded(i.importedBy, 22)
              << padded(QString::number(i.grants), 8) << padded(QString::number(i.added), 7) << padded(QString::number(i.removed), 8)
              << padded(QString::number(i.changed), 8) << padded(QString::number(i.revocationsNotEffective), 14) << i.fileName << "\n";
    out().flush();
    return kOk;
}

int rules(Context& ctx, Args& a) {
    const QString word = a.requiredPositional("rules subcommand (set, show)");
    if (word == QLatin1String("set")) {
        const QString path = a.requiredPositional("FILE");
        a.expectEnd();
        auto content = readInput(path);
        if (!content) return failWith(content.message());
        if (int rc = connected(ctx); rc != kOk) return rc;
        access::AccessService service(ctx.store());
        if (auto s = service.setSodRules(ctx.session(), QString::fromUtf8(*content)); !s) return failWith(path.toStdString() + ": " + s.message());
        out() << "Segregation-of-duties rules set.\n";
        out().flush();
        return kOk;
    }
    if (word == QLatin1String("show")) {
        a.expectEnd();
        if (int rc = connected(ctx); rc != kOk) return rc;
        access::AccessService service(ctx.store());
        auto yaml = service.sodRules(ctx.session());
        if (!yaml) return failWith(yaml.message());
        out() << *yaml;
        out().flush();
        return kOk;
    }
    throw UsageError(("unknown rules subcommand '" + word + "' (set, show)").toStdString());
}

int campaignCreate(Context& ctx, Args& a) {
    access::CampaignSpec spec;
    spec.name = requiredText(a, QStringLiteral("--name"));
    spec.due = dateOption(a, QStringLiteral("--due"));
    if (!spec.due.isValid()) throw UsageError("--due is required (a date as 2026-12-31)");
    if (auto mode = a.option(QStringLiteral("--mode"))) {
        auto m = access::modeFromCode(mode->toStdString());
        if (!m) throw UsageError(("--mode takes full, differential or leavers, not '" + *mode + "'").toStdString());
        spec.mode = *m;
    }
    spec.scope.organisations = listOption(a, QStringLiteral("--org"));
    spec.scope.services = listOption(a, QStringLiteral("--service"));
    spec.scope.privileges = listOption(a, QStringLiteral("--privilege"));
    spec.reviewers = rulesOption(a, QStringLiteral("--reviewer"));
    if (spec.reviewers.empty()) spec.reviewers = {access::ReviewerRule{access::ReviewerRule::Kind::Leader, {}}, access::ReviewerRule{access::ReviewerRule::Kind::ServiceOwner, {}}};
    spec.secondStage = rulesOption(a, QStringLiteral("--second-reviewer"));
    spec.reminderDays = intOption(a, QStringLiteral("--reminder-days"), 7, 0, 90);
    if (auto u = a.option(QStringLiteral("--unanswered"))) {
        if (!access::Unanswered::valid(u->toStdString())) throw UsageError(("--unanswered takes keep, revoke or escalate, not '" + *u + "'").toStdString());
        spec.unanswered = *u;
    }
    a.expectEnd();
    if (int rc = connected(ctx); rc != kOk) return rc;
    access::AccessService service(ctx.store());
    auto id = service.createCampaign(ctx.session(), spec);
    if (!id) return failWith(id.message());
    auto c = service.campaign(ctx.session(), *id);
    if (!c) return failWith(c.message());
    out() << "Campaign " << *id << ": " << counted(c->items, "item", "items") << ", " << c->flagged << " flagged.\n";
    out().flush();
    return kOk;
}

int campaignList(Context& ctx, Args& a) {
    const bool json = a.flag(QStringLiteral("--json"));
    a.expectEnd();
    if (int rc = connected(ctx); rc != kOk) return rc;
    access::AccessService service(ctx.store());
    auto all = service.campaigns(ctx.session());
    if (!all) return failWith(all.message());
    if (json) {
        QJsonArray arr;
        for (const auto& c : *all) arr << campaignJson(c);
        printJson(arr);
        return kOk;
    }
    out() << padded(QStringLiteral("ID"), 5) << padded(QStringLiteral("STATE"), 8) << padded(QStringLiteral("MODE"), 14) << padded(QStringLiteral("DUE"), 12)
          << padded(QStringLiteral("DECIDED"), 14) << padded(QStringLiteral("FLAGGED"), 9) << padded(QStringLiteral("REVOKED"), 9) << "NAME\n";
    for (const auto& c : *all)
        out() << padded(QString::number(c.id), 5) << padded(c.state, 8) << padded(q(std::string(access::modeCode(c.mode))), 14)
              << padded(c.due.toString(Qt::ISODate), 12) << padded(QStringLiteral("%1/%2").arg(c.decided).arg(c.items), 14)
              << padded(QString::number(c.flagged), 9) << padded(QString::number(c.revocations), 9) << c.name << "\n";
    out().flush();
    return kOk;
}

int campaignShow(Context& ctx, Args& a) {
    const qint64 id = number(a.requiredPositional("ID"), "ID");
    const bool json = a.flag(QStringLiteral("--json"));
    a.expectEnd();
    if (int rc = connected(ctx); rc != kOk) return rc;
    access::AccessService service(ctx.store());
    auto c = service.campaign(ctx.session(), id);
    if (!c) return failWith(c.message());
    // Progress per reviewer is the security officer's and the revisor's; a reviewer sees the campaign.
    QList<access::ReviewerProgress> progress;
    if (ctx.session().allows(access::permission::AccessReadAll)) {
        auto all = service.progress(ctx.session(), id);
        if (!all) return failWith(all.message());
        progress = *all;
    }
    if (json) {
        QJsonArray reviewers;
        for (const auto& p : progress)
            reviewers << QJsonObject{{"reviewer", p.reviewer}, {"items", p.items}, {"decided", p.decided}, {"flagged", p.flagged}, {"overdue", p.overdue}};
        QJsonObject o = campaignJson(*c);
        o.insert("reviewers", reviewers);
        printJson(o);
        return kOk;
    }
    out() << "Campaign " << c->id << ": " << c->name << " (" << c->state << ", " << q(std::string(access::modeCode(c->mode))) << ")\n"
          << "Due " << c->due.toString(Qt::ISODate) << "; unanswered: " << c->unanswered << (c->twoStage ? "; two stages" : "") << "\n"
          << "Decided " << c->decided << " of " << c->items << ", flagged " << c->flagged << ", revocations " << c->revocations << "\n"
          << "Snapshot SHA-256 " << c->snapshotSha256 << "\n";
    if (!c->attestationSha256.isEmpty()) out() << "Attestation SHA-256 " << c->attestationSha256 << ", signed\n";
    if (progress.isEmpty()) {
        out().flush();
        return kOk;
    }
    out() << "\n" << padded(QStringLiteral("REVIEWER"), 42) << padded(QStringLiteral("ITEMS"), 7) << padded(QStringLiteral("DECIDED"), 9)
          << padded(QStringLiteral("FLAGGED"), 9) << "OVERDUE\n";
    for (const auto& p : progress)
        out() << padded(p.reviewer.isEmpty() ? QStringLiteral("(nobody may review)") : p.reviewer, 42) << padded(QString::number(p.items), 7)
              << padded(QString::number(p.decided), 9) << padded(QString::number(p.flagged), 9) << p.overdue << "\n";
    out().flush();
    return kOk;
}

int campaignItems(Context& ctx, Args& a) {
    const qint64 id = number(a.requiredPositional("ID"), "ID");
    access::ItemFilter f;
    f.reviewer = a.option(QStringLiteral("--reviewer")).value_or(QString());
    f.openOnly = a.flag(QStringLiteral("--open"));
    for (const auto& code : listOption(a, QStringLiteral("--flag"))) {
        bool found = false;
        for (auto flag : access::allFlags())
            if (access::flagCode(flag) == code) f.anyFlag |= static_cast<access::Flags>(flag), found = true;
        if (!found) throw UsageError("--flag: unknown flag '" + code + "'");
    }
    const bool json = a.flag(QStringLiteral("--json"));
    a.expectEnd();
    if (int rc = connected(ctx); rc != kOk) return rc;
    access::AccessService service(ctx.store());
    auto items = service.items(ctx.session(), id, f);
    if (!items) return failWith(items.message());
    if (json) {
        QJsonArray arr;
        for (const auto& i : *items) arr << itemJson(i);
        printJson(arr);
        return kOk;
    }
    out() << padded(QStringLiteral("ITEM"), 6) << padded(QStringLiteral("HOLDER"), 36) << padded(QStringLiteral("ORGNR"), 11) << padded(QStringLiteral("SERVICE"), 20)
          << padded(QStringLiteral("PRIVILEGE"), 20) << padded(QStringLiteral("FLAGS"), 30) << padded(QStringLiteral("DECISION"), 10) << "REVIEWER\n";
    for (const auto& i : *items) {
        const auto& g = i.grant;
        const QString privilege = q(g.privilege) + (g.detail.empty() ? QString() : QLatin1Char(':') + q(g.detail));
        out() << padded(QString::number(i.number), 6) << padded(q(g.holderType == "person" ? g.holderEmail : g.holderId), 36) << padded(q(g.orgnr), 11)
              << padded(g.service.empty() ? QStringLiteral("*") : q(g.service), 20) << padded(privilege, 20) << padded(flagsText(i.flags), 30)
              << padded(i.decision.isEmpty() ? QStringLiteral("-") : i.decision, 10) << (i.stage == 2 ? i.secondReviewer : i.reviewer) << "\n";
    }
    out().flush();
    return kOk;
}

int campaignDecide(Context& ctx, Args& a) {
    const qint64 id = number(a.requiredPositional("ID"), "ID");
    const qint64 item = number(a.requiredPositional("ITEM"), "ITEM");
    const QString decision = a.requiredPositional("decision (keep, reduce, revoke, delegate)");
    if (!access::Decision::valid(decision.toStdString())) throw UsageError(("decision is keep, reduce, revoke or delegate, not '" + decision + "'").toStdString());
    const QString justification = a.option(QStringLiteral("--justification")).value_or(QString());
    const QString reduceTo = a.option(QStringLiteral("--reduce-to")).value_or(QString());
    const QString to = a.option(QStringLiteral("--to")).value_or(QString());
    a.expectEnd();
    if (int rc = connected(ctx); rc != kOk) return rc;
    access::AccessService service(ctx.store());
    if (auto s = service.decide(ctx.session(), id, int(item), decision, justification, reduceTo, to); !s) return failWith(s.message());
    return kOk;
}

int campaignRemind(Context& ctx, Args& a) {
    const qint64 id = number(a.requiredPositional("ID"), "ID");
    a.expectEnd();
    if (int rc = connected(ctx); rc != kOk) return rc;
    access::AccessService service(ctx.store());
    auto who = service.remind(ctx.session(), id);
    if (!who) return failWith(who.message());
    for (const auto& r : *who) out() << r << "\n";
    if (who->isEmpty()) out() << "Nobody to remind yet.\n";
    out().flush();
    return kOk;
}

int campaignClose(Context& ctx, Args& a) {
    const qint64 id = number(a.requiredPositional("ID"), "ID");
    a.expectEnd();
    auto keys = keysOf(ctx, true);
    if (int rc = connected(ctx); rc != kOk) return rc;
    access::AccessService service(ctx.store());
    if (auto s = service.close(ctx.session(), id, *keys); !s) return failWith(s.message());
    auto c = service.campaign(ctx.session(), id);
    if (!c) return failWith(c.message());
    out() << "Campaign " << id << " closed: " << c->revocations << " revocations; attestation SHA-256 " << c->attestationSha256 << ", signed.\n";
    out().flush();
    return kOk;
}

int campaign(Context& ctx, Args& a) {
    static constexpr Subcommand<Handler> kSubcommands[] = {{"create", campaignCreate}, {"list", campaignList},     {"show", campaignShow},  {"items", campaignItems},
                                                           {"decide", campaignDecide}, {"remind", campaignRemind}, {"close", campaignClose}};
    return runSubcommand(ctx, a, "campaign", kSubcommands);
}

int exportCampaign(Context& ctx, Args& a) {
    const qint64 id = number(a.requiredPositional("ID"), "ID");
    const QString what = a.requiredPositional("what to export (revocations, attestation)");
    if (what != QLatin1String("revocations") && what != QLatin1String("attestation"))
        throw UsageError(("export takes revocations or attestation, not '" + what + "'").toStdString());
    const QString format = a.option(QStringLiteral("--format")).value_or(QStringLiteral("json"));
    if (format != QLatin1String("csv") && format != QLatin1String("json")) throw UsageError(("--format takes csv or json, not '" + format + "'").toStdString());
    const QString path = requiredText(a, QStringLiteral("--out"));
    a.expectEnd();
    if (int rc = connected(ctx); rc != kOk) return rc;
    access::AccessService service(ctx.store());
    QByteArray bytes;
    if (what == QLatin1String("attestation")) {
        if (format == QLatin1String("csv")) throw UsageError("the attestation is JSON only");
        auto file = service.attestation(ctx.session(), id);
        if (!file) return failWith(file.message());
        bytes = *file;
    } else {
        auto revs = service.revocations(ctx.session(), id);
        if (!revs) return failWith(revs.message());
        bytes = QByteArray::fromStdString(format == QLatin1String("csv") ? access::revocationsCsv(*revs) : access::revocationsJson(*revs));
    }
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
        return failWith(path.toStdString() + ": cannot write: " + f.errorString().toStdString());
    return kOk;
}

int verify(Context& ctx, Args& a) {
    const QString path = a.requiredPositional("FILE");
    const bool json = a.flag(QStringLiteral("--json"));
    a.expectEnd();
    auto keys = keysOf(ctx, true);
    auto content = readInput(path);
    if (!content) return failWith(content.message());
    const access::AttestationCheck check = access::AccessService::verifyAttestation(*content, *keys);
    if (json) {
        printJson(QJsonObject{{"ok", check.ok()}, {"hash_matches", check.hashMatches}, {"signature_valid", check.signatureValid}, {"problem", check.problem}});
    } else if (check.ok()) {
        out() << path << ": the attestation verifies with the trusted key.\n";
        out().flush();
    }
    if (!check.ok()) return json ? kFailure : failWith(path.toStdString() + ": " + check.problem.toStdString());
    return kOk;
}

int accessCommand(Context& ctx, Args& a) {
    static constexpr Subcommand<Handler> kSubcommands[] = {{"import", importGrants}, {"imports", imports}, {"rules", rules},
                                                           {"campaign", campaign},   {"export", exportCampaign}, {"verify", verify}};
    return runSubcommand(ctx, a, "access", kSubcommands);
}

const CommandRegistration registration{Command{
    .name = "access",
    .summary = "  access import|imports|rules       the platform's grants and segregation-of-duties rules\n"
               "  access campaign|export|verify     privilege reviews, revocation lists, signed attestations\n",
    .help = kAccessHelp,
    .order = 68,
    .needsDatabase = false,
    .run = accessCommand,
}};

}  // namespace
}  // namespace vakt::cli
