#include "riskmodel/risk_demo.h"

#include <QDir>
#include <algorithm>

#include "core/incidents.h"
#include "riskmodel/register.h"

namespace vakt::risk {

namespace {
const RiskEntry* findRisk(const QList<RiskEntry>& risks, const QString& ruleId, const QString& element) {
    for (const auto& r : risks)
        if (r.ruleId == ruleId && r.elementId == element) return &r;
    return nullptr;
}

// Fiks IO's delivery stalled four times in the last year; the outages are linked to its
// denial-of-service risk, which the evidence says is likelier than assessed.
Status loadEvidence(Store& store, RiskService& risk, const Session& officer, const QList<RiskEntry>& all) {
    const auto target = std::find_if(all.begin(), all.end(), [](const RiskEntry& r) {
        return r.service == QLatin1String("fiks-io") && r.stride == QLatin1String("denial_of_service") && r.likelihood < 4;
    });
    if (target == all.end()) return {};
    IncidentStore incidents(store);
    const QDateTime now = store.clock().now();
    const int daysAgo[] = {290, 170, 64, 12};
    for (int days : daysAgo) {
        Incident i;
        i.fingerprint = QStringLiteral("demo:fiks-io-leveranse:%1").arg(days);
        i.source = QStringLiteral("monitoring");
        i.title = QStringLiteral("FiksIoLeveranseStoppet");
        i.summary = QStringLiteral("Meldinger til Fiks IO ble ikke levert på over 15 minutter");
        i.summaryEn = QStringLiteral("Messages to Fiks IO were not delivered for more than 15 minutes");
        i.severity = QStringLiteral("critical");
        i.service = QStringLiteral("fiks-io");
        const QDateTime at = now.addDays(-days);
        auto id = incidents.raise(officer, i, at);
        if (!id) return id.error();
        if (auto s = incidents.resolveExcept(officer, i.source, {}, at.addSecs(47 * 60)); !s) return s;
        if (auto s = risk.linkEvidence(officer, target->ref, *id, QStringLiteral("Kø hos driftsleverandøren full; samme mønster hver gang")); !s)
            return s;
    }
    return {};
}

// Yearly frequency and loss ranges for the risks the department has put numbers on.
Status loadEstimates(RiskService& risk, const Session& officer, const QList<RiskEntry>& all) {
    int n = 0;
    for (const auto& r : all) {
        if (r.acceptable) continue;
        const LossEstimate e{0.1 + 0.15 * (n % 5), 40'000.0 * (1 + n % 4), 900'000.0 * (1 + n % 3)};
        if (auto s = risk.setEstimate(officer, r.ref, e, QStringLiteral("Anslag fra ROS-verksted")); !s) return s;
        if (++n == 12) break;
    }
    return {};
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
    if (auto s = loadEvidence(store, risk, officer, *all); !s) return s.error();
    if (auto s = loadEstimates(risk, officer, *all); !s) return s.error();
    auto impact = risk.impact(officer, QStringLiteral("dokumentlager"), Event::Vulnerability, true);
    if (!impact) return impact.error();
    demo.tasks = impact->tasksCreated;
    return demo;
}

}  // namespace vakt::risk
