#include "riskmodel/risk_demo.h"

#include <QDir>

#include "riskmodel/register.h"

namespace vakt::risk {

namespace {
const RiskEntry* findRisk(const QList<RiskEntry>& risks, const QString& ruleId, const QString& element) {
    for (const auto& r : risks)
        if (r.ruleId == ruleId && r.elementId == element) return &r;
    return nullptr;
}
}  // namespace

Result<RiskDemo> loadRiskDemo(Store& store, const QString& dir) {
    // The security officer assesses; the product owner and the leader own and accept.
    const Session officer{QStringLiteral("sikkerhetsansvarlig"), Role::Sikkerhetsansvarlig};
    const Session productOwner{QStringLiteral("produktansvarlig"), Role::Produktansvarlig};
    const Session leader{QStringLiteral("leder"), Role::Leder};
    RiskService risk(store);
    auto rules = loadRules({dir + QStringLiteral("/risk/rules")});
    if (!rules) return rules.error();
    RiskDemo demo;
    const QDir models(dir + QStringLiteral("/demo/risk"));
    for (const QString& file : models.entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name)) {
        auto loaded = loadModelFile(models.filePath(file), ModelFormat::Vakt);
        if (!loaded) return loaded.error();
        const QString service = QString::fromStdString(loaded->model.service);
        if (auto m = risk.importModel(officer, service, models.filePath(file), ModelFormat::Vakt); !m) return m.error();
        if (auto s = risk.analyse(officer, service, *rules); !s) return s.error();
        ++demo.models;
    }
    auto all = risk.risks(officer);
    if (!all) return all.error();
    demo.risks = static_cast<int>(all->size());
    for (const auto& r : *all)
        if (auto s = risk.setOwner(officer, r.ref, r.service == QLatin1String("svarut") ? productOwner.username : leader.username); !s)
            return s.error();

    const QDate today = store.clock().today();
    // SvarUt's legacy SFTP intake: a measure under way.
    if (const RiskEntry* sftp = findRisk(*all, QStringLiteral("VAKT-S-002"), QStringLiteral("fakturasystem-til-sftp"))) {
        Measure m;
        m.riskRef = sftp->ref;
        m.title = QStringLiteral("Erstatt det delte passordet med Maskinporten-token for fakturaintegrasjonen");
        m.owner = productOwner.username;
        m.due = today.addDays(60);
        m.status = QStringLiteral("in_progress");
        m.likelihoodEffect = 2;
        if (auto id = risk.addMeasure(officer, m); !id) return id.error();
    }
    // Dokumentlager's untested restore, accepted by its owner until the restore test in the spring.
    for (const auto& r : *all)
        if (r.service == QLatin1String("dokumentlager") && !r.acceptable && r.stride == QLatin1String("denial_of_service")) {
            if (auto s = risk.accept(leader, r.ref, QStringLiteral("Gjenopprettingstest er bestilt hos Nordlys Drift i mars; "
                                                                    "risikoen bæres til da"),
                                     today.addMonths(4));
                !s)
                return s.error();
            break;
        }
    // The API gateway is run under the platform's own data processing agreement.
    if (const RiskEntry* gateway = findRisk(*all, QStringLiteral("VAKT-I-007"), QStringLiteral("api-gateway")))
        if (auto s = risk.decide(officer, gateway->ref, QStringLiteral("false_positive"),
                                 QStringLiteral("Gatewayen driftes av KS under databehandleravtalen med kommunene"));
            !s)
            return s.error();
    auto impact = risk.impact(officer, QStringLiteral("dokumentlager"), Event::Vulnerability, true);
    if (!impact) return impact.error();
    demo.tasks = impact->tasksCreated;
    return demo;
}

}  // namespace vakt::risk
