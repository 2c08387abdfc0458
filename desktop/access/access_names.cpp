#include "desktop/access/access_names.h"

#include <algorithm>

#include "core/catalog_service.h"
#include "core/organisation_service.h"

namespace vakt::desktop {

namespace {
QStringList joined(const std::vector<std::string>& values) {
    QStringList out;
    for (const std::string& v : values) out << fromStd(v);
    return out;
}
}  // namespace

CatalogNames loadCatalogNames(AppContext& context) {
    CatalogNames names;
    if (auto orgs = OrganisationService(*context.store).organisations(context.session))
        for (const Organisation& o : *orgs) names.organisations.insert(o.orgnr, o.name);
    CatalogService catalog(*context.store);
    if (auto entries = catalog.list(context.session))
        for (const CatalogSummary& s : *entries) names.services.insert(s.key, s.name);
    if (auto people = catalog.people(context.session))
        for (const Person& p : *people) names.people.insert(p.email.toLower(), p.name);
    return names;
}

QString AccessText::flagLabel(access::Flag flag) {
    switch (flag) {
        case access::Flag::Administrator: return tr("Admin");
        case access::Flag::LeftOrMoved: return tr("Sluttet/flyttet");
        case access::Flag::Unused: return tr("Ubrukt");
        case access::Flag::ConfidentialNoBasis: return tr("Taushet uten hjemmel");
        case access::Flag::OutsideArea: return tr("Utenfor område");
        case access::Flag::BroadIntegration: return tr("Bred integrasjon");
        case access::Flag::PeerOutlier: return tr("Uvanlig");
        case access::Flag::SodConflict: return tr("Rollekonflikt");
    }
    return {};
}

QColor AccessText::flagColour(access::Flag flag) {
    // Red for what is likely wrong now, amber for power that needs a reason, calmer hues for hints.
    switch (flag) {
        case access::Flag::LeftOrMoved:
        case access::Flag::ConfidentialNoBasis:
        case access::Flag::SodConflict: return QColor(0xb0, 0x00, 0x20);
        case access::Flag::Administrator:
        case access::Flag::BroadIntegration: return QColor(0x8a, 0x5a, 0x00);
        case access::Flag::OutsideArea: return QColor(0x6a, 0x1b, 0x9a);
        case access::Flag::Unused: return QColor(0x45, 0x5a, 0x64);
        case access::Flag::PeerOutlier: return QColor(0x0d, 0x47, 0xa1);
    }
    return QColor(0x45, 0x5a, 0x64);
}

QString AccessText::flagExplanation(const access::ReviewItem& item, access::Flag flag, const QDateTime& now) {
    const access::Grant& g = item.grant;
    switch (flag) {
        case access::Flag::Administrator:
            return tr("Administratortilgang: å beholde den krever en begrunnelse");
        case access::Flag::LeftOrMoved:
            return tr("Innehaveren har sluttet eller byttet rolle siden tilgangen ble gitt");
        case access::Flag::Unused:
            if (item.lastUse && item.lastUse->isValid())
                return tr("Ikke brukt på %1 dager (revisjonsloggen)").arg(std::max<qint64>(0, item.lastUse->daysTo(now)));
            return tr("Ingen bruk funnet i revisjonsloggen");
        case access::Flag::ConfidentialNoBasis:
            return tr("Gir tilgang til taushetsbelagte opplysninger uten oppgitt lovhjemmel");
        case access::Flag::OutsideArea:
            return tr("Folkeregisterrolle i tjenesteområdet «%1», men innehaveren arbeider i «%2»")
                .arg(fromStd(g.serviceArea), g.holderArea.empty() ? tr("ukjent område") : fromStd(g.holderArea));
        case access::Flag::BroadIntegration:
            return tr("Integrasjon med vid tilgang: administrator, hele virksomheten eller mange scopes (%1)").arg(static_cast<qulonglong>(g.scopes.size()));
        case access::Flag::PeerOutlier:
            return tr("%1 av %2 kolleger med samme rolle har denne").arg(item.peersHolding).arg(item.peerCount);
        case access::Flag::SodConflict:
            return item.sodRules.isEmpty() ? tr("I konflikt med en regel for arbeidsdeling")
                                           : tr("I konflikt med regel for arbeidsdeling: %1").arg(item.sodRules.join(QStringLiteral(", ")));
    }
    return {};
}

QStringList AccessText::flagLabels(access::Flags flags) {
    QStringList labels;
    for (const access::Flag f : access::allFlags())
        if (access::has(flags, f)) labels << flagLabel(f);
    return labels;
}

QString AccessText::flagsTooltip(const access::ReviewItem& item, const QDateTime& now) {
    QStringList lines;
    for (const access::Flag f : access::allFlags())
        if (access::has(item.flags, f)) lines << QStringLiteral("%1: %2").arg(flagLabel(f), flagExplanation(item, f, now));
    return lines.join(QLatin1Char('\n'));
}

QString AccessText::privilegeTitle(const QString& kind) {
    if (kind == fromStd(access::Privilege::Admin)) return tr("Administrator");
    if (kind == fromStd(access::Privilege::ServiceAdmin)) return tr("Tjenesteadministrator");
    if (kind == fromStd(access::Privilege::Specific)) return tr("Rettighet");
    if (kind == fromStd(access::Privilege::Folkeregister)) return tr("Folkeregisterrolle");
    return kind;
}

QString AccessText::decisionTitle(const QString& decision) {
    if (decision == fromStd(access::Decision::Keep)) return tr("Beholdes");
    if (decision == fromStd(access::Decision::Revoke)) return tr("Fjernes");
    if (decision == fromStd(access::Decision::Reduce)) return tr("Reduseres");
    if (decision == fromStd(access::Decision::Delegate)) return tr("Delegert");
    return decision;
}

QString AccessText::decisionText(const access::ReviewItem& item) {
    auto one = [](const QString& decision, const access::ReviewItem& i) {
        if (decision == fromStd(access::Decision::Reduce) && !i.reduceTo.isEmpty()) return tr("Reduseres til %1").arg(i.reduceTo);
        if (decision == fromStd(access::Decision::Delegate) && !i.delegatedTo.isEmpty()) return tr("Delegert til %1").arg(i.delegatedTo);
        return decisionTitle(decision);
    };
    if (!item.decision.isEmpty()) return one(item.decision, item);
    if (!item.firstDecision.isEmpty()) return tr("%1 (1. trinn), venter på 2. trinn").arg(one(item.firstDecision, item));
    return {};
}

QString AccessText::modeTitle(access::Mode mode) {
    switch (mode) {
        case access::Mode::Full: return tr("Full");
        case access::Mode::Differential: return tr("Endringer siden sist");
        case access::Mode::Leavers: return tr("Sluttede");
    }
    return {};
}

QString AccessText::stateTitle(const QString& state) {
    if (state == QLatin1String("open")) return tr("Åpen");
    if (state == QLatin1String("closed")) return tr("Lukket");
    return state;
}

QString AccessText::unansweredTitle(const QString& outcome) {
    if (outcome == fromStd(access::Unanswered::Keep)) return tr("Beholdes");
    if (outcome == fromStd(access::Unanswered::Revoke)) return tr("Fjernes");
    if (outcome == fromStd(access::Unanswered::Escalate)) return tr("Eskaleres til eieren av gjennomgangen");
    return outcome;
}

QString AccessText::ruleText(const access::ReviewerRule& rule) {
    switch (rule.kind) {
        case access::ReviewerRule::Kind::Leader: return tr("Leder (fra eksporten)");
        case access::ReviewerRule::Kind::ServiceOwner: return tr("Produktansvarlig for tjenesten");
        case access::ReviewerRule::Kind::Named: return tr("Navngitt: %1").arg(fromStd(rule.email));
    }
    return {};
}

QString AccessText::holderText(const access::Grant& grant) {
    if (grant.holderType == "integration") {
        const QString id = fromStd(grant.holderId);
        return grant.holderName.empty() ? tr("Integrasjon %1").arg(id) : QStringLiteral("%1 (%2)").arg(fromStd(grant.holderName), id);
    }
    const QString email = fromStd(grant.holderEmail);
    return grant.holderName.empty() ? email : QStringLiteral("%1 (%2)").arg(fromStd(grant.holderName), email);
}

QString AccessText::scopeText(const access::Scope& scope) {
    QStringList parts;
    if (!scope.organisations.empty()) parts << tr("virksomheter: %1").arg(joined(scope.organisations).join(QStringLiteral(", ")));
    if (!scope.services.empty()) parts << tr("tjenester: %1").arg(joined(scope.services).join(QStringLiteral(", ")));
    if (!scope.privileges.empty()) {
        QStringList kinds;
        for (const std::string& p : scope.privileges) kinds << privilegeTitle(fromStd(p));
        parts << tr("tilgangstyper: %1").arg(kinds.join(QStringLiteral(", ")));
    }
    return parts.isEmpty() ? tr("alle tilganger") : parts.join(QStringLiteral("; "));
}

}  // namespace vakt::desktop
