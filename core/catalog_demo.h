#pragma once
// The catalogue's part of the demo platform (data/demo and data/norway): every kommune and
// fylkeskommune, the operator, hosting provider, agencies and national components, the
// catalogue, agreements that vary with municipality size, vendors and their systems. Written
// through the catalogue's own services, so every row is validated and trailed. Deterministic:
// the same data directory always gives the same organisations, numbers and agreements.
#include <QString>

#include "core/base/json.h"
#include "core/store.h"

namespace vakt {

struct CatalogDemo {
    int kommuner = 0, fylker = 0, fylkeskommuner = 0, organisations = 0, people = 0, catalogEntries = 0, agreements = 0, vendors = 0,
        vendorSystems = 0;
};

// All or nothing; joins the caller's transaction. The database must hold no catalogue yet.
// `platform` is data/demo/platform.json.
Result<CatalogDemo> loadCatalogDemo(Store& store, const Session& system, const QString& dataDirectory, const json::Value& platform);

// A deterministic, valid-looking organisation number for a demo party (starts with 9).
QString demoOrgnr(const QString& seed);

}  // namespace vakt
