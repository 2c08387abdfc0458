#pragma once
// Vakt's own roles and what each may do. Checked in core services, so every path (CLI,
// desktop, collector) is held to the same rules.
#include <QString>
#include <QStringList>
#include <optional>

namespace vakt {

enum class Role { Admin, Sikkerhetsansvarlig, Brukerstotte, Produktansvarlig, Leder, Endringsrad, Revisor };

enum class Permission {
    CatalogRead,
    CatalogWrite,
    UserRead,
    UserAdmin,
    TrailRead,
    OrganisationWrite,
    AuditIngest,       // append platform audit events to the ledger
    AuditVerify,       // verify the ledger and produce proofs (no personal data)
    AuditInvestigate,  // search and export events about a person or actor
};

QString roleCode(Role role);
std::optional<Role> roleFromCode(const QString& code);
QStringList roleCodes();
bool roleAllows(Role role, Permission permission);
QString permissionName(Permission permission);

// Who is acting. Every write through core carries one, and it is what the trail records.
struct Session {
    QString username;
    Role role = Role::Revisor;
    bool allows(Permission p) const { return roleAllows(role, p); }
};

}  // namespace vakt
