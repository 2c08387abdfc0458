#pragma once
// What the access-review pages call things, in plain Norwegian: the risk flags (short labels, a
// colour each, and a tooltip that explains the flag on one item), privilege kinds, decisions,
// campaign modes and states, reviewer rules and holders.
#include <QColor>
#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringList>
#include <string_view>

#include "access/access_service.h"
#include "desktop/shell/app_context.h"

namespace vakt::desktop {

// The access model's codes are UTF-8 std::strings; the UI's text is QString.
inline QString fromStd(std::string_view text) { return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size())); }

// What the tables show instead of codes: organisation number → name, catalogue key → name,
// e-mail (lower case) → the person's name. What the role may not read stays a code.
struct CatalogNames {
    QHash<QString, QString> organisations, services, people;
};
CatalogNames loadCatalogNames(AppContext& context);

class AccessText {
    Q_DECLARE_TR_FUNCTIONS(AccessText)
public:
    // "Admin", "Sluttet/flyttet", "Ubrukt", …
    static QString flagLabel(access::Flag flag);
    static QColor flagColour(access::Flag flag);
    // Why this item has the flag: "Ikke brukt på 92 dager (revisjonsloggen)", "1 av 12 kolleger …".
    static QString flagExplanation(const access::ReviewItem& item, access::Flag flag, const QDateTime& now);
    static QStringList flagLabels(access::Flags flags);
    // Every flag of the item explained, one per line; empty when it has none.
    static QString flagsTooltip(const access::ReviewItem& item, const QDateTime& now);

    static QString privilegeTitle(const QString& kind);
    static QString decisionTitle(const QString& decision);
    // What the Avgjørelse column shows: "Reduseres til les:oppvekst", "Delegert til …", the first
    // stage of a two-stage item; empty while nothing is decided.
    static QString decisionText(const access::ReviewItem& item);
    static QString modeTitle(access::Mode mode);
    static QString stateTitle(const QString& state);
    static QString unansweredTitle(const QString& outcome);
    static QString ruleText(const access::ReviewerRule& rule);
    // "Navn (e-post)" for a person, "navn (klient-id)" for an integration; never a fødselsnummer.
    static QString holderText(const access::Grant& grant);
    static QString scopeText(const access::Scope& scope);
};

}  // namespace vakt::desktop
