#pragma once
// The governance domain: organisations in the value chain, people, the service catalogue,
// agreements and vendor systems. Codes stored in the database are English and stable; the
// user-facing names come from the UI through tr().
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace vakt {

namespace OrgKind {
inline const QString Kommune = QStringLiteral("kommune");
inline const QString Fylkeskommune = QStringLiteral("fylkeskommune");
inline const QString PlatformOperator = QStringLiteral("platform_operator");
inline const QString HostingProvider = QStringLiteral("hosting_provider");
inline const QString Vendor = QStringLiteral("vendor");
inline const QString StateAgency = QStringLiteral("state_agency");
inline const QString NationalComponent = QStringLiteral("national_component");
QStringList all();
}  // namespace OrgKind

namespace EntryKind {
inline const QString Service = QStringLiteral("service");
inline const QString Component = QStringLiteral("component");
QStringList all();
}  // namespace EntryKind

namespace Lifecycle {
inline const QString Planned = QStringLiteral("planned");
inline const QString Development = QStringLiteral("development");
inline const QString Production = QStringLiteral("production");
inline const QString Retiring = QStringLiteral("retiring");
inline const QString Retired = QStringLiteral("retired");
QStringList all();
}  // namespace Lifecycle

namespace DocumentKind {
inline const QString Ros = QStringLiteral("ros");
inline const QString Dpia = QStringLiteral("dpia");
inline const QString ServiceAnnex = QStringLiteral("service_annex");
inline const QString Architecture = QStringLiteral("architecture");
inline const QString Other = QStringLiteral("other");
QStringList all();
}  // namespace DocumentKind

namespace Team {
inline const QString Development = QStringLiteral("development");
inline const QString ServiceDesk = QStringLiteral("service_desk");
QStringList all();
}  // namespace Team

namespace Employment {
inline const QString Active = QStringLiteral("active");
inline const QString Leave = QStringLiteral("leave");
inline const QString Left = QStringLiteral("left");
QStringList all();
}  // namespace Employment

struct Organisation {
    qint64 id = 0;
    QString kind;
    QString name;
    QString orgnr;          // 9 digits with a modulo-11 check digit
    QString kommunenummer;  // kommuner only
    QString fylkesnummer;   // kommuner and fylkeskommuner
    qint64 population = 0;
    QString parentOrgnr;    // a national component's owner
};

struct Person {
    qint64 id = 0;
    QString name;
    QString email;  // unique; how the catalogue refers to people
    QString orgnr;
    QString title;
    QString employment = Employment::Active;
};

struct CatalogDocument {
    QString kind;
    QString title;
    QString version;
    QDate date;
    QString location;
    bool operator==(const CatalogDocument&) const = default;
};

struct CatalogRole {
    QString team;
    QString role;         // e.g. "Teknisk leder", "Førstelinje"
    QString personEmail;
    bool operator==(const CatalogRole&) const = default;
};

// One entry of the produktkatalog: a service (tjeneste) or a component (komponent).
struct CatalogEntry {
    QString key;  // stable slug, e.g. "svarut"
    QString name;
    QString kind = EntryKind::Service;
    QString lifecycle = Lifecycle::Production;
    int establishedYear = 0;
    QDate lastReviewed;
    QString goal;
    QString background;
    QString expectedUse;
    QString description;
    QString specialTerms;
    QString productOwnerEmail;
    QStringList dependsOn;           // keys of other entries
    QStringList nationalComponents;  // names of national-component organisations
    QList<CatalogRole> roles;
    QList<CatalogDocument> documents;
    bool operator==(const CatalogEntry&) const = default;
};

struct Agreement {
    QString orgnr;
    QString serviceKey;
    QDate since;
    QDate until;  // null while in force
    QString annexVersion;
};

struct VendorSystem {
    QString vendorOrgnr;
    QString name;
    QString category;
    QStringList integratesWith;  // catalogue keys
};

}  // namespace vakt
