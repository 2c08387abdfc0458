#include "core/roles.h"

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
}  // namespace

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

bool roleAllows(Role role, Permission permission) {
    switch (permission) {
        case Permission::CatalogRead:
            return true;
        case Permission::CatalogWrite:
            // Product owners keep the catalogue; the security officer maintains its ROS/DPIA entries.
            return role == Role::Admin || role == Role::Produktansvarlig || role == Role::Sikkerhetsansvarlig;
        case Permission::UserRead:
            return role == Role::Admin || role == Role::Sikkerhetsansvarlig || role == Role::Leder ||
                   role == Role::Revisor;
        case Permission::UserAdmin:
            return role == Role::Admin;
        case Permission::TrailRead:
            return role == Role::Admin || role == Role::Sikkerhetsansvarlig || role == Role::Revisor;
        case Permission::OrganisationWrite:
            // Agreements and parties in the value chain are kept by product owners.
            return role == Role::Admin || role == Role::Produktansvarlig;
        case Permission::AuditIngest:
            return role == Role::Admin || role == Role::Sikkerhetsansvarlig;
        case Permission::AuditVerify:
            return role == Role::Admin || role == Role::Sikkerhetsansvarlig || role == Role::Revisor;
        case Permission::AuditInvestigate:
            // Looking up what happened to a person is an investigation: the security officer and the auditor only.
            return role == Role::Sikkerhetsansvarlig || role == Role::Revisor;
    }
    return false;
}

QString permissionName(Permission permission) {
    switch (permission) {
        case Permission::CatalogRead: return QStringLiteral("catalog.read");
        case Permission::CatalogWrite: return QStringLiteral("catalog.write");
        case Permission::UserRead: return QStringLiteral("user.read");
        case Permission::UserAdmin: return QStringLiteral("user.admin");
        case Permission::TrailRead: return QStringLiteral("trail.read");
        case Permission::OrganisationWrite: return QStringLiteral("organisation.write");
        case Permission::AuditIngest: return QStringLiteral("audit.ingest");
        case Permission::AuditVerify: return QStringLiteral("audit.verify");
        case Permission::AuditInvestigate: return QStringLiteral("audit.investigate");
    }
    return {};
}

}  // namespace vakt
