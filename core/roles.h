#pragma once
// Vakt's own roles and what each may do. Permissions are data: one table of role × permission,
// to which each module adds its own rows when it is registered. They are checked in the
// modules' services, so every path (CLI, desktop, collector) is held to the same rules.
#include <QString>
#include <QStringList>
#include <optional>
#include <string_view>
#include <vector>

namespace vakt {

enum class Role { Admin, Sikkerhetsansvarlig, Brukerstotte, Produktansvarlig, Leder, Endringsrad, Revisor };

// A permission, named "<module>.<what>". Modules declare theirs as constants beside their service.
class Permission {
public:
    constexpr explicit Permission(const char* code) : code_(code) {}
    constexpr std::string_view code() const { return code_; }
    friend constexpr bool operator==(Permission a, Permission b) { return a.code() == b.code(); }

private:
    const char* code_;
};

// Core's own modules' permissions.
namespace permission {
inline constexpr Permission CatalogRead{"catalog.read"};
inline constexpr Permission CatalogWrite{"catalog.write"};
inline constexpr Permission OrganisationWrite{"organisation.write"};
inline constexpr Permission UserRead{"user.read"};
inline constexpr Permission UserAdmin{"user.admin"};
inline constexpr Permission TrailRead{"trail.read"};
inline constexpr Permission MonitoringRead{"monitoring.read"};
inline constexpr Permission MonitoringWrite{"monitoring.write"};  // what the collector records
inline constexpr Permission IncidentRead{"incident.read"};
inline constexpr Permission IncidentWrite{"incident.write"};  // raise, update, resolve, attach evidence
inline constexpr Permission IncidentHandle{"incident.handle"};  // acknowledge and close, with a reason
// Handle the audit ledger's detections, which concern people's data.
inline constexpr Permission IncidentHandleSecurity{"incident.handle_security"};
}  // namespace permission

// One row of the table: a permission and every role that holds it.
struct PermissionRow {
    Permission permission;
    std::vector<Role> roles;
};

// Adds a module's rows; a permission already in the table keeps its first row.
void registerPermissions(const std::vector<PermissionRow>& rows);
// The whole table, core's rows first, in registration order.
std::vector<PermissionRow> permissionTable();

QString roleCode(Role role);
std::optional<Role> roleFromCode(const QString& code);
QStringList roleCodes();
std::vector<Role> allRoles();
// False for a permission no registered module declares.
bool roleAllows(Role role, Permission permission);
QString permissionName(Permission permission);
// The roles that hold a permission, as codes: what a denial names.
QStringList rolesAllowed(Permission permission);

// Who is acting. Every write through core carries one, and it is what the trail records.
struct Session {
    QString username;
    Role role = Role::Revisor;
    bool allows(Permission p) const { return roleAllows(role, p); }
};

}  // namespace vakt
