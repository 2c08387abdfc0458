#include "app/demo.h"

#include "access/access_demo.h"
#include "core/data_dir.h"
#include "councils/council_demo.h"
#include "nsm/nsm_demo.h"
#include "core/user_service.h"
#include "riskmodel/risk_demo.h"
#include "changes/change_demo.h"
#include "servicedesk/desk_demo.h"

namespace vakt {

Result<DemoSummary> loadDemo(Store& store, const QString& dir) {
    auto platform = readJsonFile(dir + QStringLiteral("/demo/platform.json"));
    if (!platform) return platform.error();
    const Session system{QStringLiteral("system:demo"), Role::Admin};
    Transaction tx(store.db());
    if (!tx.started()) return tx.started().error();

    auto catalog = loadCatalogDemo(store, system, dir, *platform);
    if (!catalog) return catalog.error();
    auto users = UserService(store).addDemoUsers(system, *platform);
    if (!users) return users.error();
    auto risk = risk::loadRiskDemo(store, dir);
    if (!risk) return risk.error();
    auto cases = desk::loadDeskDemo(store);
    if (!cases) return cases.error();
    auto changeRequests = changes::loadChangeDemo(store);
    if (!changeRequests) return changeRequests.error();
    auto councilRequests = councils::loadCouncilDemo(store);
    if (!councilRequests) return councilRequests.error();
    auto accessPeople = access::loadAccessDemo(store);
    if (!accessPeople) return accessPeople.error();
    auto nsmAssessments = nsm::loadNsmDemo(store);
    if (!nsmAssessments) return nsmAssessments.error();
    if (auto s = store.setMeta(QStringLiteral("demo"), QStringLiteral("1")); !s) return s.error();
    if (auto s = tx.commit(); !s) return s.error();

    const CatalogDemo& c = *catalog;
    return DemoSummary{c.kommuner,   c.fylker, c.fylkeskommuner, c.organisations, c.people, c.catalogEntries, c.agreements,
                       c.vendors,    c.vendorSystems, *users, risk->models, risk->risks, risk->tasks, *cases, *changeRequests};
}

}  // namespace vakt
