// The whole role × permission matrix, written out by hand from the roles' descriptions in
// DOMAIN.md, against the table the registered modules build. A permission added without a row
// here, or a row changed by accident, fails this test.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "collector/audit/ledger_module.h"
#include "core/roles.h"

using namespace vakt;

namespace {

// Columns: admin, sikkerhetsansvarlig, brukerstotte, produktansvarlig, leder, endringsrad, revisor.
const std::map<std::string, std::string> kExpected = {
    {"catalog.read", "XXXXXXX"},       {"catalog.write", "XX.X..."},   {"organisation.write", "X..X..."},
    {"user.read", "XXX.XXX"},          {"user.admin", "X......"},      {"trail.read", "XX....X"},
    {"monitoring.read", "XXXXXXX"},    {"monitoring.write", "X......"}, {"incident.read", "XXXXXXX"},
    {"incident.write", "XXX...."},     {"incident.handle", ".XX...."}, {"incident.handle_security", ".X....."},     {"audit.ingest", "XX....."},    {"audit.verify", "XX....X"},
    {"audit.investigate", ".X....X"},  {"risk.read", ".X.XXXX"},     {"risk.write", ".X.X..."},
    {"risk.accept", ".X.XX.."},     {"risk.review_tasks", ".X.X.X."},
    {"desk.configure", "X...X.."},  {"desk.notify", ".XX...."},
    {"change.read", "XXXXXXX"},     {"change.request", ".XXX.X."}, {"change.decide", ".X...X."},    {"change.freeze", ".X..XX."},
    {"council.read", "XXXXXXX"},    {"council.manage", "...X..."}, {"council.request", "..XX..."},
    {"access.read", ".X.XX.X"},     {"access.read_all", ".X....X"}, {"access.review", ".X.XX.."},   {"access.manage", ".X....."},
    {"nsm.read", ".X.XX.X"},        {"nsm.assess", ".X..X.."},      {"nsm.manage", ".X....."},
    {"report.generate", ".XXXXXX"},
};

const Role kColumns[] = {Role::Admin, Role::Sikkerhetsansvarlig, Role::Brukerstotte, Role::Produktansvarlig,
                         Role::Leder, Role::Endringsrad,         Role::Revisor};

}  // namespace

TEST(Permissions, TheWholeMatrixIsAsDocumented) {
    const auto table = permissionTable();
    std::set<std::string> registered;
    for (const auto& row : table) {
        const std::string code(row.permission.code());
        EXPECT_TRUE(registered.insert(code).second) << code << " has two rows";
        const auto expected = kExpected.find(code);
        ASSERT_NE(expected, kExpected.end()) << code << " is not in this test's matrix";
        for (std::size_t c = 0; c < std::size(kColumns); ++c)
            EXPECT_EQ(roleAllows(kColumns[c], row.permission), expected->second[c] == 'X')
                << code << " for " << roleCode(kColumns[c]).toStdString();
    }
    for (const auto& [code, _] : kExpected) EXPECT_TRUE(registered.count(code)) << code << " is not registered by any module";
}

TEST(Permissions, TheAuditorOnlyReads) {
    for (const auto& row : permissionTable()) {
        const std::string code(row.permission.code());
        // A report renders what the role may read; generating one records that in the trail and
        // changes no register.
        const bool reads = code.ends_with(".read") || code.ends_with(".read_all") || code == "audit.verify" || code == "audit.investigate" ||
                           code == "report.generate";
        if (!reads) {
            EXPECT_FALSE(roleAllows(Role::Revisor, row.permission)) << code;
        }
    }
}

TEST(Permissions, AnUndeclaredPermissionIsNeverGranted) {
    for (Role role : kColumns) EXPECT_FALSE(roleAllows(role, Permission{"nosuch.write"}));
    EXPECT_TRUE(rolesAllowed(Permission{"nosuch.write"}).isEmpty());
}

TEST(Permissions, RegisteringAModuleAgainChangesNothing) {
    const auto before = permissionTable().size();
    audit::registerLedgerModule();
    registerPermissions({{permission::CatalogWrite, {Role::Revisor}}});  // an existing row is kept
    EXPECT_EQ(permissionTable().size(), before);
    EXPECT_FALSE(roleAllows(Role::Revisor, permission::CatalogWrite));
    EXPECT_EQ(rolesAllowed(audit::permission::Investigate), (QStringList{"sikkerhetsansvarlig", "revisor"}));
}
