#pragma once
// Loads the demo platform (data/demo and data/norway) into a Store through the core services,
// so every row is validated and trailed like any other write. Deterministic: the same data
// directory always gives the same organisations, numbers and agreements.
#include <QString>

#include "core/store.h"

namespace vakt {

struct DemoSummary {
    int kommuner = 0, fylker = 0, fylkeskommuner = 0, organisations = 0, people = 0, catalogEntries = 0, agreements = 0,
        vendors = 0, vendorSystems = 0, users = 0;
};

// All or nothing. The database must be initialised and hold no catalogue yet.
Result<DemoSummary> loadDemo(Store& store, const QString& dataDirectory);

// A deterministic, valid-looking organisation number for a demo party (starts with 9).
QString demoOrgnr(const QString& seed);

}  // namespace vakt
