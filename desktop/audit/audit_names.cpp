#include "desktop/audit/audit_names.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include "core/catalog_service.h"
#include "core/organisation_service.h"

namespace vakt::desktop {

namespace {
const QString kPseudonymPrefix = QStringLiteral("hmac-sha256:");
QString shortPseudonym(const QString& hex) {
    return QCoreApplication::translate("AuditNames", "person %1…").arg(hex.left(8));
}
}  // namespace

AuditNames AuditNames::load(AppContext& context) {
    AuditNames names;
    if (auto orgs = OrganisationService(*context.store).organisations(context.session))
        for (const auto& o : *orgs) names.organisations.insert(o.orgnr, o.name);
    if (auto entries = CatalogService(*context.store).list(context.session))
        for (const auto& e : *entries) names.services.insert(e.key, e.name);
    return names;
}

QString AuditNames::organisation(const QString& orgnr) const {
    const QString name = organisations.value(orgnr);
    return name.isEmpty() ? orgnr : QStringLiteral("%1 (%2)").arg(name, orgnr);
}

QString AuditNames::service(const QString& key) const { return services.value(key, key); }

QString AuditNames::serviceKey(const QString& typed) const {
    const QString t = typed.trimmed();
    for (auto it = services.begin(); it != services.end(); ++it)
        if (it.key().compare(t, Qt::CaseInsensitive) == 0 || it.value().compare(t, Qt::CaseInsensitive) == 0) return it.key();
    return t;
}

QString AuditNames::actor(const QString& actorKey) {
    if (actorKey.startsWith(kPseudonymPrefix)) return shortPseudonym(actorKey.mid(kPseudonymPrefix.size()));
    return actorKey;
}

QString AuditNames::shortenPseudonyms(QString text) {
    static const QRegularExpression pseudonym(QStringLiteral("hmac-sha256:([0-9a-f]{64})"));
    QRegularExpressionMatch m;
    while ((m = pseudonym.match(text)).hasMatch()) text.replace(m.capturedStart(), m.capturedLength(), shortPseudonym(m.captured(1)));
    return text;
}

}  // namespace vakt::desktop
