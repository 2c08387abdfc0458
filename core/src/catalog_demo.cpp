#include "core/catalog_demo.h"

#include <QFile>
#include <QHash>
#include <algorithm>
#include <cmath>

#include "core/base/norway.h"
#include "core/catalog_service.h"
#include "core/data_dir.h"
#include "core/organisation_service.h"

namespace vakt {

namespace {

std::uint64_t fnv1a(const QString& s) {
    std::uint64_t h = 1469598103934665603ull;
    for (char c : s.toUtf8()) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ull;
    }
    return h;
}

// splitmix64: the same sequence on every platform, unlike std:: distributions.
class Random {
public:
    explicit Random(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }

private:
    std::uint64_t state_;
};

// Missing members read as null, so a damaged data file gives validation errors, not a crash.
const json::Value& member(const json::Value& obj, const char* key) {
    static const json::Value null;
    const json::Value* v = obj.find(key);
    return v ? *v : null;
}

QString str(const json::Value& obj, const char* key) {
    const json::Value* v = obj.find(key);
    return v && v->isString() ? QString::fromStdString(v->text) : QString();
}

Status prefixed(const QString& what, Status s) {
    if (s) return s;
    return fail(what.toStdString() + ": " + s.message());
}

}  // namespace

QString demoOrgnr(const QString& seed) {
    std::uint64_t h = fnv1a(seed);
    for (;;) {
        const QString first = QStringLiteral("9%1").arg(h % 10000000u, 7, 10, QLatin1Char('0'));
        const int check = norway::orgnrCheckDigit(first.toStdString());
        if (check >= 0) return first + QString::number(check);
        ++h;
    }
}

Result<CatalogDemo> loadCatalogDemo(Store& store, const Session& system, const QString& dir, const json::Value& platform) {
    auto kommuner = readJsonFile(dir + QStringLiteral("/norway/kommuner-2025.json"));
    if (!kommuner) return kommuner.error();
    auto fylker = readJsonFile(dir + QStringLiteral("/norway/fylker-2025.json"));
    if (!fylker) return fylker.error();
    const QString catalogPath = dir + QStringLiteral("/demo/catalog.json");
    QFile catalogFile(catalogPath);
    if (!catalogFile.open(QIODevice::ReadOnly)) return fail(catalogPath.toStdString() + ": cannot read", ErrorKind::Io);
    const QByteArray catalogBytes = catalogFile.readAll();
    auto catalog = catalogFromJson(std::string_view(catalogBytes.constData(), static_cast<std::size_t>(catalogBytes.size())), catalogPath);
    if (!catalog) return catalog.error();

    OrganisationService orgs(store);
    CatalogService catalogService(store);
    CatalogDemo summary;
    Transaction tx(store.db());
    if (!tx.started()) return tx.started().error();
    auto existing = store.db().query(QStringLiteral("SELECT COUNT(*) FROM catalog_entries"));
    if (!existing) return existing.error();
    if (existing->front().value(0).toInt() > 0)
        return fail("the database already holds a catalogue; demo data goes into a new database only", ErrorKind::Conflict);

    // The value chain: operator, hosting provider, agencies and the national components they own.
    const json::Value& p = platform;
    const QString operatorOrgnr = demoOrgnr(QStringLiteral("operator"));
    const QString hostingOrgnr = demoOrgnr(QStringLiteral("hosting"));
    if (auto s = orgs.saveOrganisation(system, {0, OrgKind::PlatformOperator, str(member(p, "operator"), "name"), operatorOrgnr, {}, {}, 0, {}}); !s)
        return s.error();
    if (auto s = orgs.saveOrganisation(system, {0, OrgKind::HostingProvider, str(member(p, "hosting"), "name"), hostingOrgnr, {}, {}, 0, {}}); !s)
        return s.error();
    QHash<QString, QString> ownerOrgnr;
    for (const auto& o : member(p, "owners").items) {
        const QString orgnr = demoOrgnr(QStringLiteral("owner:") + str(o, "key"));
        ownerOrgnr[str(o, "key")] = orgnr;
        if (auto s = prefixed(str(o, "name"), orgs.saveOrganisation(system, {0, str(o, "kind"), str(o, "name"), orgnr, {}, {}, 0, {}})); !s)
            return s.error();
    }
    for (const auto& n : member(p, "national_components").items) {
        const Organisation org{0, OrgKind::NationalComponent, str(n, "name"), demoOrgnr(QStringLiteral("national:") + str(n, "name")),
                               {}, {}, 0, ownerOrgnr.value(str(n, "owner"))};
        if (auto s = prefixed(org.name, orgs.saveOrganisation(system, org)); !s) return s.error();
    }

    // Every kommune and fylkeskommune. Oslo is a kommune that also carries the county's tasks,
    // so fylke 03 gets no separate fylkeskommune.
    QHash<QString, QString> fylkeName;
    for (const auto& f : fylker->items) {
        const QString number = str(f, "f_id");
        fylkeName[number] = str(f, "f_name");
        if (auto s = prefixed(QStringLiteral("fylke ") + number, orgs.saveFylke(system, number, str(f, "f_name"))); !s) return s.error();
        ++summary.fylker;
        if (number == QLatin1String("03")) continue;
        const Organisation org{0, OrgKind::Fylkeskommune, str(f, "f_name") + QStringLiteral(" fylkeskommune"),
                               demoOrgnr(QStringLiteral("fylke:") + number), {}, number, 0, {}};
        if (auto s = prefixed(org.name, orgs.saveOrganisation(system, org)); !s) return s.error();
        ++summary.fylkeskommuner;
    }
    struct Municipality {
        QString orgnr;
        qint64 population;
    };
    QList<Municipality> municipalities;
    for (const auto& k : kommuner->items) {
        const QString number = str(k, "k_id");
        const json::Value* pop = k.find("k_population");
        const Organisation org{0, OrgKind::Kommune, str(k, "k_name_no") + QStringLiteral(" kommune"),
                               demoOrgnr(QStringLiteral("kommune:") + number), number, number.left(2),
                               pop && pop->isNumber() ? static_cast<qint64>(pop->number) : 0, {}};
        if (auto s = prefixed(org.name, orgs.saveOrganisation(system, org)); !s) return s.error();
        municipalities << Municipality{org.orgnr, org.population};
        ++summary.kommuner;
    }

    for (const auto& person : member(p, "people").items) {
        const QString org = str(person, "organisation") == QLatin1String("hosting") ? hostingOrgnr : operatorOrgnr;
        const Person x{0, str(person, "name"), str(person, "email"), org, str(person, "title"), str(person, "employment")};
        if (auto s = prefixed(x.email, orgs.savePerson(system, x)); !s) return s.error();
        ++summary.people;
    }

    if (auto s = catalogService.importEntries(system, *catalog, catalogPath); !s) return s.error();
    summary.catalogEntries = static_cast<int>(catalog->size());

    // Agreements: larger municipalities use more services; the draw is seeded per party and
    // service, so it is the same on every run.
    const json::Value& adoption = member(p, "adoption");
    for (const auto& [serviceKey, rule] : adoption.members) {
        const QString key = QString::fromStdString(serviceKey);
        const int since = static_cast<int>(member(rule, "since").number);
        const double small = member(rule, "share_small").number;
        const double large = member(rule, "share_large").number;
        const json::Value* untilYear = rule.find("until");  // optional
        auto agreementFor = [&](const QString& orgnr, double share) -> Status {
            Random rng(fnv1a(orgnr + QLatin1Char('/') + key));
            if (rng.uniform() >= share) return {};
            const int year = std::min(since + rng.below(4), 2025);
            Agreement a{orgnr, key, QDate(year, 1 + rng.below(12), 1 + rng.below(28)), {},
                        QStringLiteral("%1.0").arg(1 + (2025 - year) / 3)};
            if (untilYear) a.until = QDate(static_cast<int>(untilYear->number), 12, 31);
            ++summary.agreements;
            return orgs.addAgreement(system, a);
        };
        for (const auto& m : municipalities) {
            const double size = std::clamp((std::log10(static_cast<double>(std::max<qint64>(m.population, 1))) - 3.0) / 2.0, 0.0, 1.0);
            if (auto s = agreementFor(m.orgnr, small + (large - small) * size); !s) return s.error();
        }
        if (member(rule, "fylkeskommune").boolean)
            for (const auto& f : fylker->items)
                if (str(f, "f_id") != QLatin1String("03"))
                    if (auto s = agreementFor(demoOrgnr(QStringLiteral("fylke:") + str(f, "f_id")), 0.9); !s) return s.error();
    }

    for (const auto& v : member(p, "vendors").items) {
        const QString orgnr = demoOrgnr(QStringLiteral("vendor:") + str(v, "name"));
        if (auto s = prefixed(str(v, "name"), orgs.saveOrganisation(system, {0, OrgKind::Vendor, str(v, "name"), orgnr, {}, {}, 0, {}})); !s)
            return s.error();
        ++summary.vendors;
        for (const auto& sys : member(v, "systems").items) {
            VendorSystem vs{orgnr, str(sys, "name"), str(sys, "category"), {}};
            for (const auto& k : member(sys, "integrates_with").items) vs.integratesWith << QString::fromStdString(k.text);
            if (auto s = prefixed(vs.name, orgs.addVendorSystem(system, vs)); !s) return s.error();
            ++summary.vendorSystems;
        }
    }

    auto c = orgs.counts(system);
    if (!c) return c.error();
    summary.organisations = c->organisations;
    if (auto s = tx.commit(); !s) return s.error();
    return summary;
}

}  // namespace vakt
