// The catalogue's schema: organisations, people, services and components, agreements, vendor systems, fylker.
#include "core/migrations.h"

namespace vakt {

ModuleSchema catalogSchema() {
    return {QStringLiteral("catalog"),
            {
        {1,
         QStringLiteral("catalogue: organisations, people, services, agreements, vendor systems"),
         {
             "CREATE TABLE organisations ("
             " id {PK},"
             " kind TEXT NOT NULL,"
             " name TEXT NOT NULL,"
             " orgnr TEXT NOT NULL UNIQUE,"
             " kommunenummer TEXT,"
             " fylkesnummer TEXT,"
             " population BIGINT NOT NULL DEFAULT 0,"
             " parent_id BIGINT REFERENCES organisations(id))",
             "CREATE INDEX organisations_kind ON organisations (kind)",
             "CREATE TABLE people ("
             " id {PK},"
             " name TEXT NOT NULL,"
             " email TEXT NOT NULL UNIQUE,"
             " organisation_id BIGINT REFERENCES organisations(id),"
             " title TEXT NOT NULL DEFAULT '',"
             " employment TEXT NOT NULL DEFAULT 'active')",
             "CREATE TABLE catalog_entries ("
             " id {PK},"
             " key TEXT NOT NULL UNIQUE,"
             " name TEXT NOT NULL,"
             " kind TEXT NOT NULL,"
             " lifecycle TEXT NOT NULL,"
             " established_year INTEGER NOT NULL DEFAULT 0,"
             " last_reviewed TEXT,"
             " goal TEXT NOT NULL DEFAULT '',"
             " background TEXT NOT NULL DEFAULT '',"
             " expected_use TEXT NOT NULL DEFAULT '',"
             " description TEXT NOT NULL DEFAULT '',"
             " special_terms TEXT NOT NULL DEFAULT '',"
             " product_owner_id BIGINT REFERENCES people(id))",
             "CREATE TABLE catalog_dependencies ("
             " entry_id BIGINT NOT NULL REFERENCES catalog_entries(id) ON DELETE CASCADE,"
             " depends_on_id BIGINT NOT NULL REFERENCES catalog_entries(id),"
             " position INTEGER NOT NULL,"
             " PRIMARY KEY (entry_id, depends_on_id))",
             "CREATE INDEX catalog_dependencies_reverse ON catalog_dependencies (depends_on_id)",
             "CREATE TABLE catalog_national_components ("
             " entry_id BIGINT NOT NULL REFERENCES catalog_entries(id) ON DELETE CASCADE,"
             " organisation_id BIGINT NOT NULL REFERENCES organisations(id),"
             " position INTEGER NOT NULL,"
             " PRIMARY KEY (entry_id, organisation_id))",
             "CREATE TABLE catalog_roles ("
             " id {PK},"
             " entry_id BIGINT NOT NULL REFERENCES catalog_entries(id) ON DELETE CASCADE,"
             " team TEXT NOT NULL,"
             " role TEXT NOT NULL,"
             " person_id BIGINT NOT NULL REFERENCES people(id),"
             " position INTEGER NOT NULL)",
             "CREATE TABLE catalog_documents ("
             " id {PK},"
             " entry_id BIGINT NOT NULL REFERENCES catalog_entries(id) ON DELETE CASCADE,"
             " kind TEXT NOT NULL,"
             " title TEXT NOT NULL,"
             " version TEXT NOT NULL DEFAULT '',"
             " doc_date TEXT,"
             " location TEXT NOT NULL DEFAULT '',"
             " position INTEGER NOT NULL)",
             "CREATE TABLE agreements ("
             " id {PK},"
             " organisation_id BIGINT NOT NULL REFERENCES organisations(id),"
             " entry_id BIGINT NOT NULL REFERENCES catalog_entries(id),"
             " since TEXT NOT NULL,"
             " until TEXT,"
             " annex_version TEXT NOT NULL DEFAULT '',"
             " UNIQUE (organisation_id, entry_id, since))",
             "CREATE INDEX agreements_entry ON agreements (entry_id)",
             "CREATE TABLE vendor_systems ("
             " id {PK},"
             " vendor_id BIGINT NOT NULL REFERENCES organisations(id),"
             " name TEXT NOT NULL,"
             " category TEXT NOT NULL DEFAULT '',"
             " UNIQUE (vendor_id, name))",
             "CREATE TABLE vendor_system_integrations ("
             " system_id BIGINT NOT NULL REFERENCES vendor_systems(id) ON DELETE CASCADE,"
             " entry_id BIGINT NOT NULL REFERENCES catalog_entries(id),"
             " PRIMARY KEY (system_id, entry_id))",
         },
         {},
         {}},
        {2,
         QStringLiteral("fylker: the counties as regions"),
         {
             // Regions, not organisations: Oslo's county tasks are carried by Oslo kommune, so a
             // fylke need not have a fylkeskommune of its own.
             "CREATE TABLE fylker (number TEXT PRIMARY KEY, name TEXT NOT NULL)",
         },
         {},
         {}},
            },
            {
                {QStringLiteral("catalog_entries"), permission::CatalogRead, {permission::CatalogWrite}, QStringLiteral("key"), {}},
                {QStringLiteral("catalog_dependencies"), permission::CatalogRead, {permission::CatalogWrite},
                 QStringLiteral("entry_id,depends_on_id"), {}},
                {QStringLiteral("catalog_national_components"), permission::CatalogRead, {permission::CatalogWrite},
                 QStringLiteral("entry_id,organisation_id"), {}},
                {QStringLiteral("catalog_roles"), permission::CatalogRead, {permission::CatalogWrite}, QStringLiteral("id"), {}},
                {QStringLiteral("catalog_documents"), permission::CatalogRead, {permission::CatalogWrite}, QStringLiteral("id"), {}},
                {QStringLiteral("organisations"), permission::CatalogRead, {permission::OrganisationWrite}, QStringLiteral("id"), {}},
                {QStringLiteral("people"), permission::CatalogRead, {permission::OrganisationWrite}, QStringLiteral("id"), {}},
                {QStringLiteral("agreements"), permission::CatalogRead, {permission::OrganisationWrite}, QStringLiteral("id"), {}},
                {QStringLiteral("vendor_systems"), permission::CatalogRead, {permission::OrganisationWrite}, QStringLiteral("id"), {}},
                {QStringLiteral("vendor_system_integrations"), permission::CatalogRead, {permission::OrganisationWrite},
                 QStringLiteral("system_id,entry_id"), {}},
                {QStringLiteral("fylker"), permission::CatalogRead, {permission::OrganisationWrite}, QStringLiteral("number"), {}},
            }};
}

}  // namespace vakt
