#pragma once
// Loads the demo platform into a Store. The loader sits above every module: each module
// contributes its own part through its own services (the catalogue's value chain, core's users),
// so every row is validated and trailed like any other write, and all of it commits in one
// transaction. The audit ledger's demo is not here: its events are ingested by scripts/demo.sh
// with keys kept outside the database, as in production.
#include <QString>

#include "core/catalog_demo.h"
#include "core/store.h"

namespace vakt {

struct DemoSummary {
    int kommuner = 0, fylker = 0, fylkeskommuner = 0, organisations = 0, people = 0, catalogEntries = 0, agreements = 0,
        vendors = 0, vendorSystems = 0, users = 0, threatModels = 0, risks = 0, reviewTasks = 0, cases = 0, changes = 0;
};

// All or nothing. The database must be initialised and hold no catalogue yet.
Result<DemoSummary> loadDemo(Store& store, const QString& dataDirectory);

}  // namespace vakt
