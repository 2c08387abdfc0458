#include "core/roles.h"

#include <algorithm>
#include <mutex>

namespace vakt {

namespace {
struct RoleInfo {
    Role role;
    const char* code;
};
constexpr RoleInfo kRoles[] = {
    {Role::Admin, "admin"},
    {Role::Sikkerhetsansvarlig, "sikkerhetsansvarlig"},
    {Role::Brukerstotte, "brukerstotte"},
    {Role::Produktansvarlig, "produktansvarlig"},
    {Role::Leder, "leder"},
    {Role::Endringsrad, "endringsrad"},
    {Role::Revisor, "revisor"},
};

constexpr Role A = Role::Admin, S = Role::Sikkerhetsansvarlig, B = Role::Brukerstotte, P = Role::Produktansvarlig, L = Role::Leder,
               E = Role::Endringsrad, R = Role::Revisor;

// The rows of core's own modules (core, catalogue, monitoring, incidents).
std::vector<PermissionRow> coreRows() {
    return {
        {permission::CatalogRead, {A, S, B, P, L, E, R}},
        // Product owners keep the catalogue; the security officer maintains its ROS/DPIA entries.
        {permission::CatalogWrite, {A, S, P}},
        // Agreements and parties in the value chain are kept by product owners.
        {permission::OrganisationWrite, {A, P}},
        // The service desk assigns cases to colleagues and maps an old tool's agents to them; the
        // change board records who attends its meetings.
        {permission::UserRead, {A, S, B, L, E, R}},
        {permission::UserAdmin, {A}},
        {permission::TrailRead, {A, S, R}},
        {permission::MonitoringRead, {A, S, B, P, L, E, R}},
        // The collector acts as an admin-role system session; no person writes measurements.
        {permission::MonitoringWrite, {A}},
        {permission::IncidentRead, {A, S, B, P, L, E, R}},
        // The service desk and the security officer handle incidents; the collector raises them.
        {permission::IncidentWrite, {A, S, B}},
        // People on duty take and close what was raised; the collector's admin session raises it.
        {permission::IncidentHandle, {S, B}},
        {permission::IncidentHandleSecurity, {S}},
    };
}

std::mutex tableMutex;
std::vector<PermissionRow>& table() {
    static std::vector<PermissionRow> rows = coreRows();
    return rows;
}
}  // namespace

void registerPermissions(const std::vector<PermissionRow>& rows) {
    std::lock_guard lock(tableMutex);
    for (const auto& row : rows) {
        const bool known = std::any_of(table().begin(), table().end(), [&](const PermissionRow& r) { return r.permission == row.permission; });
        if (!known) table().push_back(row);
    }
}

std::vector<PermissionRow> permissionTable() {
    std::lock_guard lock(tableMutex);
    return table();
}

QString roleCode(Role role) {
    for (const auto& r : kRoles)
        if (r.role == role) return QString::fromLatin1(r.code);
    return {};
}

std::optional<Role> roleFromCode(const QString& code) {
    for (const auto& r : kRoles)
        if (code == QLatin1String(r.code)) return r.role;
    return std::nullopt;
}

QStringList roleCodes() {
    QStringList out;
    for (const auto& r : kRoles) out << QString::fromLatin1(r.code);
    return out;
}

std::vector<Role> allRoles() {
    std::vector<Role> out;
    for (const auto& r : kRoles) out.push_back(r.role);
    return out;
}

bool roleAllows(Role role, Permission permission) {
    std::lock_guard lock(tableMutex);
    for (const auto& row : table())
        if (row.permission == permission) return std::find(row.roles.begin(), row.roles.end(), role) != row.roles.end();
    return false;
}

QString permissionName(Permission permission) {
    return QString::fromLatin1(permission.code().data(), static_cast<qsizetype>(permission.code().size()));
}

QStringList rolesAllowed(Permission permission) {
    QStringList out;
    for (const auto& r : kRoles)
        if (roleAllows(r.role, permission)) out << QString::fromLatin1(r.code);
    return out;
}

}  // namespace vakt
