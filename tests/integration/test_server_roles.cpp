// Roles the PostgreSQL server enforces (core/server_roles.h, vakt db grant): each test connects
// with a person's own login and makes the attack an insider with database access would, in
// plain SQL past Vakt, and shows the server refuse it or the trail record it.
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QUrl>
#include <algorithm>

#include "access/access_service.h"
#include "core/organisation_service.h"
#include "core/server_roles.h"
#include "core/store.h"
#include "core/user_service.h"
#include "tests/support/run_program.h"
#include "tests/support/test_db.h"

using namespace vakt;
using vakt::test::run;

namespace {

const Session kAdmin{QStringLiteral("test-admin"), Role::Admin};
const QString kPassword = QStringLiteral("et langt nok passord");

class ServerRolesTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(db_.postgres()) << "these tests need the PostgreSQL fixture: run them as ctest's server_roles_postgres";
        auto s = Store::open(db_.url(), Store::OpenMode::Create);
        ASSERT_TRUE(s) << s.message();
        store_ = std::move(*s);
    }

    QString uniqueName(const QString& stem) {
        static int counter = 0;
        return QStringLiteral("%1%2x%3").arg(stem).arg(QCoreApplication::applicationPid()).arg(++counter);
    }

    QString urlAs(const QString& login, const QString& password) const {
        QUrl u(db_.url());
        u.setUserName(login);
        u.setPassword(password);
        return u.toString(QUrl::FullyEncoded);
    }

    // A Vakt user with a server login of their own in ROLE; gives the URL that login connects with.
    QString personWithLogin(Role role, QString* name = nullptr) {
        const QString username = uniqueName(roleCode(role).left(6));
        UserService users(*store_);
        EXPECT_TRUE(users.add(kAdmin, NewUser{username, QStringLiteral("Test ") + username, role, kPassword, {}}));
        auto granted = users.grantLogin(kAdmin, username, role, kPassword);
        EXPECT_TRUE(granted) << granted.message();
        if (name) *name = username;
        return urlAs(username, kPassword);
    }

    static Result<std::unique_ptr<Database>> connect(const QString& url) {
        auto parsed = parseDatabaseUrl(url);
        if (!parsed) return parsed.error();
        return Database::open(*parsed);
    }

    // Runs one statement as that login; the server's error when it refuses.
    static Status execAs(const QString& url, const QString& sql) {
        auto db = connect(url);
        if (!db) return db.error();
        return (*db)->exec(sql);
    }

    std::vector<TrailEntry> trailOf(const QString& entity) {
        auto t = store_->trail(kAdmin, entity);
        EXPECT_TRUE(t) << t.message();
        return t ? *t : std::vector<TrailEntry>{};
    }

    test::TestDatabase db_;
    std::unique_ptr<Store> store_;
};

::testing::AssertionResult refused(const Status& s) {
    if (s) return ::testing::AssertionFailure() << "the server allowed it";
    if (s.message().find("permission denied") == std::string::npos && s.message().find("must be owner") == std::string::npos)
        return ::testing::AssertionFailure() << "failed, but not for want of a grant: " << s.message();
    return ::testing::AssertionSuccess();
}

TEST_F(ServerRolesTest, EveryTableHasDeclaredGrants) {
    auto tables = store_->db().query(QStringLiteral("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                                                    "AND table_type = 'BASE TABLE' ORDER BY 1"));
    ASSERT_TRUE(tables) << tables.message();
    ASSERT_GT(tables->size(), 20u);
    const auto declared = registeredTables();
    for (const auto& r : *tables) {
        const QString table = r.value(0).toString();
        if (table == QLatin1String("schema_versions")) continue;  // core's bookkeeping, read by every role
        EXPECT_TRUE(std::any_of(declared.begin(), declared.end(), [&](const TableAccess& a) { return a.table == table; }))
            << table.toStdString() << " has no TableAccess: no role could use it through the server";
    }
}

TEST_F(ServerRolesTest, EachRoleHoldsExactlyItsTablesOnTheServer) {
    int checked = 0;
    for (const auto& access : registeredTables()) {
        auto present = store_->db().query(QStringLiteral("SELECT to_regclass(?) IS NOT NULL"), {access.table});
        ASSERT_TRUE(present);
        if (!present->front().value(0).toBool()) continue;
        for (Role role : allRoles()) {
            const TableGrant expected = tableGrant(access, role);
            auto held = store_->db().query(QStringLiteral("SELECT has_table_privilege(?, ?, 'INSERT'), has_table_privilege(?, ?, 'UPDATE'), "
                                                          "has_table_privilege(?, ?, 'DELETE'), has_table_privilege(?, ?, 'TRUNCATE'), "
                                                          "has_any_column_privilege(?, ?, 'SELECT')"),
                                           {serverRoleName(role), access.table, serverRoleName(role), access.table, serverRoleName(role),
                                            access.table, serverRoleName(role), access.table, serverRoleName(role), access.table});
            ASSERT_TRUE(held) << held.message();
            const auto& h = held->front();
            const std::string where = access.table.toStdString() + " / " + roleCode(role).toStdString();
            EXPECT_EQ(h.value(0).toBool(), expected.write) << where;
            EXPECT_EQ(h.value(1).toBool(), expected.write) << where;
            EXPECT_EQ(h.value(2).toBool(), expected.write) << where;
            EXPECT_FALSE(h.value(3).toBool()) << where << ": TRUNCATE would skip the row trail";
            EXPECT_EQ(h.value(4).toBool(), expected.read) << where;
            for (const auto& hidden : access.hidden) {
                auto column = store_->db().query(QStringLiteral("SELECT has_column_privilege(?, ?, ?, 'SELECT')"),
                                                 {serverRoleName(role), access.table, hidden});
                ASSERT_TRUE(column);
                EXPECT_FALSE(column->front().value(0).toBool()) << where << ": may read " << hidden.toStdString();
            }
            ++checked;
        }
    }
    EXPECT_GT(checked, 7 * 20);
    // The revisor role only reads.
    for (const auto& access : registeredTables()) EXPECT_FALSE(tableGrant(access, Role::Revisor).write) << access.table.toStdString();
}

TEST_F(ServerRolesTest, RevisorLoginReadsButCannotChangeAnything) {
    const QString revisor = personWithLogin(Role::Revisor);
    EXPECT_TRUE(execAs(revisor, QStringLiteral("SELECT count(*) FROM catalog_entries")));
    EXPECT_TRUE(execAs(revisor, QStringLiteral("SELECT username, role FROM users")));
    EXPECT_TRUE(refused(execAs(revisor, QStringLiteral("SELECT password_hash FROM users"))));
    EXPECT_TRUE(refused(execAs(revisor, QStringLiteral("UPDATE catalog_entries SET name = 'x'"))));
    EXPECT_TRUE(refused(execAs(revisor, QStringLiteral("INSERT INTO organisations (kind, name) VALUES ('kommune', 'Falsk')"))));
    EXPECT_TRUE(refused(execAs(revisor, QStringLiteral("UPDATE users SET role = 'admin'"))));
    EXPECT_TRUE(refused(execAs(revisor, QStringLiteral("DELETE FROM incidents"))));
    EXPECT_TRUE(refused(execAs(revisor, QStringLiteral("UPDATE audit_sources SET byte_offset = 0"))));
    // Vakt itself, on the same login, is held to the same role.
    auto store = Store::open(revisor, Store::OpenMode::MustExist);
    ASSERT_TRUE(store) << store.message();
    auto session = UserService(**store).serverSession();
    ASSERT_TRUE(session) << session.message();
    ASSERT_TRUE(session->has_value());
    EXPECT_EQ((*session)->role, Role::Revisor);
    // Even with Vakt's own check out of the way (a forged admin session), the server refuses.
    auto forged = UserService(**store).add(kAdmin, NewUser{uniqueName(QStringLiteral("forged")), {}, Role::Admin, kPassword, {}});
    EXPECT_TRUE(refused(forged));
}

TEST_F(ServerRolesTest, BrukerstotteLoginCannotReadTheAuditLedgerOrTheTrail) {
    const QString desk = personWithLogin(Role::Brukerstotte);
    for (const char* table : {"audit_events", "audit_index", "audit_quarantine", "audit_sources", "trail"})
        EXPECT_TRUE(refused(execAs(desk, QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))))) << table;
    // The desk assigns cases to colleagues, so it reads who the users are, never their password hashes.
    EXPECT_TRUE(execAs(desk, QStringLiteral("SELECT username, display_name FROM users")));
    EXPECT_TRUE(refused(execAs(desk, QStringLiteral("SELECT password_hash FROM users"))));
    EXPECT_TRUE(refused(execAs(desk, QStringLiteral("UPDATE users SET role = 'admin'"))));
    // What the service desk does do, it may.
    EXPECT_TRUE(execAs(desk, QStringLiteral("INSERT INTO incidents (fingerprint, source, title, severity, status, opened_at, updated_at) "
                                            "VALUES ('desk-1', 'desk', 'Kan ikke logge inn', 'low', 'open', '2026-12-02T08:00:00Z', "
                                            "'2026-12-02T08:00:00Z')")));
    const QString officer = personWithLogin(Role::Sikkerhetsansvarlig);
    EXPECT_TRUE(execAs(officer, QStringLiteral("SELECT count(*) FROM audit_events")));
}

TEST_F(ServerRolesTest, ChangesMadePastVaktAreInTheTrail) {
    QString name;
    const QString owner = personWithLogin(Role::Produktansvarlig, &name);
    auto db = connect(owner);
    ASSERT_TRUE(db) << db.message();
    ASSERT_TRUE((*db)->exec(QStringLiteral("INSERT INTO catalog_entries (key, name, kind, lifecycle) VALUES ('skygge', 'Skyggetjeneste', "
                                           "'service', 'production')")));
    ASSERT_TRUE((*db)->exec(QStringLiteral("UPDATE catalog_entries SET name = 'Omdøpt' WHERE key = 'skygge'")));
    ASSERT_TRUE((*db)->exec(QStringLiteral("DELETE FROM catalog_entries WHERE key = 'skygge'")));
    std::vector<TrailEntry> rows = trailOf(QStringLiteral("catalog_entries"));
    ASSERT_EQ(rows.size(), 3u);
    std::reverse(rows.begin(), rows.end());  // oldest first
    EXPECT_EQ(rows[0].action, "row.insert");
    EXPECT_EQ(rows[1].action, "row.update");
    EXPECT_EQ(rows[2].action, "row.delete");
    for (const auto& e : rows) {
        EXPECT_EQ(e.actor, name.toStdString());
        EXPECT_EQ(e.entityKey, "skygge");
    }
    EXPECT_NE(rows[1].before.find("Skyggetjeneste"), std::string::npos);
    EXPECT_NE(rows[1].after.find("Omdøpt"), std::string::npos);
    EXPECT_TRUE(rows[2].after.empty());
    // The server's entries chain and hash exactly as Vakt's verifier expects.
    auto check = store_->verifyTrail(kAdmin);
    ASSERT_TRUE(check) << check.message();
    EXPECT_TRUE(check->intact) << check->problem;
}

TEST_F(ServerRolesTest, ALoginCannotSkipOrRewriteTheTrail) {
    const QString owner = personWithLogin(Role::Produktansvarlig);
    for (const char* sql : {"INSERT INTO trail (seq, at, actor, action, entity, entity_key, prev_hash, hash) VALUES (999, '', '', '', '', '', '', '')",
                            "UPDATE trail SET actor = 'noen andre'", "DELETE FROM trail", "UPDATE trail_head SET seq = 0",
                            "ALTER TABLE catalog_entries DISABLE TRIGGER vakt_trail", "DROP TRIGGER vakt_trail ON catalog_entries",
                            "TRUNCATE catalog_entries CASCADE",
                            "SELECT vakt_trail_append('2020-01-01T00:00:00.000Z', 'admin', 'x', 'y', 'z', '', '')"})
        EXPECT_TRUE(refused(execAs(owner, QString::fromLatin1(sql)))) << sql;
    EXPECT_FALSE(execAs(owner, QStringLiteral("SET session_replication_role = replica")));  // would silence triggers
    // Temporary tables named like the trail do not catch the server's entries.
    {
        auto db = connect(owner);
        ASSERT_TRUE(db) << db.message();
        ASSERT_TRUE((*db)->exec(QStringLiteral("CREATE TEMP TABLE trail_head (id INTEGER, seq BIGINT, hash TEXT)")));
        ASSERT_TRUE((*db)->exec(QStringLiteral("INSERT INTO trail_head VALUES (1, 0, 'x')")));
        ASSERT_TRUE((*db)->exec(QStringLiteral("CREATE TEMP TABLE trail (seq BIGINT, at TEXT, actor TEXT, action TEXT, entity TEXT, entity_key TEXT, "
                                               "before_json TEXT, after_json TEXT, prev_hash TEXT, hash TEXT)")));
        ASSERT_TRUE((*db)->exec(QStringLiteral("INSERT INTO catalog_entries (key, name, kind, lifecycle) VALUES ('i-skyggen', 'I skyggen', "
                                               "'service', 'production')")));
    }
    const auto hidden = trailOf(QStringLiteral("catalog_entries"));
    ASSERT_EQ(hidden.size(), 1u);
    EXPECT_EQ(hidden.front().entityKey, "i-skyggen");
    // Vakt's own entry point records the login, whoever the entry claims to be.
    ASSERT_TRUE(execAs(owner, QStringLiteral("SELECT vakt_trail_record('2026-12-02T08:00:00.000Z', 'admin', 'user.create', 'user', "
                                             "'falsk', '', '')")));
    const auto forged = trailOf(QStringLiteral("user"));
    ASSERT_FALSE(forged.empty());
    EXPECT_EQ(forged.front().actor.rfind("admin via ", 0), 0u) << forged.front().actor;
    EXPECT_NE(forged.front().actor, "admin");
}

TEST_F(ServerRolesTest, HiddenColumnsStayOutOfTheTrailButTheirChangeShows) {
    QString name;
    personWithLogin(Role::Revisor, &name);
    ASSERT_TRUE(UserService(*store_).resetPassword(kAdmin, name, QStringLiteral("et helt nytt passord")));
    const auto entries = trailOf(QStringLiteral("users"));
    ASSERT_FALSE(entries.empty());
    for (const auto& e : entries) {
        EXPECT_EQ(e.before.find("$scrypt$"), std::string::npos) << e.before;
        EXPECT_EQ(e.after.find("$scrypt$"), std::string::npos) << e.after;
    }
    EXPECT_EQ(entries.front().action, "row.update");
    EXPECT_NE(entries.front().after.find("\"password_hash\": \"(changed)\""), std::string::npos) << entries.front().after;
}

TEST_F(ServerRolesTest, TheServerDecidesWhoConnects) {
    QString name;
    const QString leader = personWithLogin(Role::Leder, &name);
    ASSERT_TRUE(execAs(leader, QStringLiteral("SELECT 1")));
    const Status wrongPassword = execAs(urlAs(name, QStringLiteral("feil passord, helt feil")), QStringLiteral("SELECT 1"));
    ASSERT_FALSE(wrongPassword);
    EXPECT_NE(wrongPassword.message().find("password authentication failed"), std::string::npos) << wrongPassword.message();
    // Deactivating the Vakt user locks its login out of the server, however it connects.
    ASSERT_TRUE(UserService(*store_).setActive(kAdmin, name, false));
    const Status locked = execAs(leader, QStringLiteral("SELECT 1"));
    ASSERT_FALSE(locked);
    EXPECT_NE(locked.message().find("not permitted to log in"), std::string::npos) << locked.message();
    ASSERT_TRUE(UserService(*store_).setActive(kAdmin, name, true));
    EXPECT_TRUE(execAs(leader, QStringLiteral("SELECT 1")));
    // Revoked: no role and no right to connect.
    ASSERT_TRUE(UserService(*store_).revokeLogin(kAdmin, name));
    EXPECT_TRUE(refused(execAs(leader, QStringLiteral("SELECT 1"))));
    // A login of the server's that Vakt never granted gets no session.
    const QString stranger = uniqueName(QStringLiteral("stranger"));
    ASSERT_TRUE(store_->db().exec(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2'").arg(stranger, kPassword)));
    ASSERT_TRUE(store_->db().exec(QStringLiteral("GRANT CONNECT ON DATABASE %1 TO %2").arg(QUrl(db_.url()).path().mid(1), stranger)));
    auto store = Store::open(urlAs(stranger, kPassword), Store::OpenMode::MustExist);
    ASSERT_TRUE(store) << store.message();
    auto session = UserService(**store).serverSession();
    ASSERT_FALSE(session);
    EXPECT_NE(session.message().find("vakt db grant " + stranger.toStdString()), std::string::npos) << session.message();
    EXPECT_TRUE(refused(execAs(urlAs(stranger, kPassword), QStringLiteral("SELECT count(*) FROM catalog_entries"))));
}

TEST_F(ServerRolesTest, GrantRefusesWhatNoGrantCouldLimit) {
    UserService users(*store_);
    ASSERT_TRUE(users.add(kAdmin, NewUser{QStringLiteral("vakt"), {}, Role::Admin, kPassword, {}}));
    auto owner = users.grantLogin(kAdmin, QStringLiteral("vakt"), Role::Revisor, std::nullopt);  // the fixture's superuser
    ASSERT_FALSE(owner);
    EXPECT_NE(owner.message().find("superuser or owns"), std::string::npos) << owner.message();
    ASSERT_TRUE(users.add(kAdmin, NewUser{QStringLiteral("vakt_admin"), {}, Role::Revisor, kPassword, {}}));
    auto group = users.grantLogin(kAdmin, QStringLiteral("vakt_admin"), Role::Revisor, std::nullopt);
    ASSERT_FALSE(group);
    EXPECT_NE(group.message().find("the server's own"), std::string::npos) << group.message();
    auto unknown = users.grantLogin(kAdmin, QStringLiteral("finnesikke"), Role::Revisor, std::nullopt);
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.kind(), ErrorKind::NotFound);
    EXPECT_FALSE(users.grantLogin(Session{QStringLiteral("nina"), Role::Leder}, QStringLiteral("nina"), Role::Admin, std::nullopt));
    // A person's own admin login may not manage the server's roles: the server refuses, and the
    // message says who may.
    const QString admin = personWithLogin(Role::Admin);
    auto adminStore = Store::open(admin, Store::OpenMode::MustExist);
    ASSERT_TRUE(adminStore) << adminStore.message();
    auto adminSession = UserService(**adminStore).serverSession();
    ASSERT_TRUE(adminSession && adminSession->has_value());
    const QString newcomer = uniqueName(QStringLiteral("ny"));
    ASSERT_TRUE(users.add(kAdmin, NewUser{newcomer, {}, Role::Leder, kPassword, {}}));
    auto viaAdmin = UserService(**adminStore).grantLogin(**adminSession, newcomer, Role::Leder, kPassword);
    ASSERT_FALSE(viaAdmin);
    EXPECT_EQ(viaAdmin.kind(), ErrorKind::Denied) << viaAdmin.message();
    EXPECT_NE(viaAdmin.message().find("owns Vakt's tables, with CREATEROLE"), std::string::npos) << viaAdmin.message();
}

TEST_F(ServerRolesTest, TheCommandLineActsAsTheLoginsRole) {
    QTemporaryDir dir;
    const QString pw = dir.filePath(QStringLiteral("pw"));
    QFile f(pw);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(kPassword.toUtf8() + "\n");
    f.close();
    const QString name = uniqueName(QStringLiteral("leder"));
    ASSERT_EQ(run(VAKT_CLI, {"--db", db_.url(), "user", "add", name, "--role", "leder", "--password-file", pw}).code, 0);
    const auto granted = run(VAKT_CLI, {"--db", db_.url(), "db", "grant", name, "--role", "revisor", "--password-file", pw});
    ASSERT_EQ(granted.code, 0) << granted.err.toStdString();
    const auto logins = run(VAKT_CLI, {"--db", db_.url(), "db", "logins", "--json"});
    ASSERT_EQ(logins.code, 0) << logins.err.toStdString();
    bool listed = false;
    for (const auto& v : QJsonDocument::fromJson(logins.out.toUtf8()).array())
        if (v.toObject().value(QStringLiteral("login")).toString() == name) {
            listed = true;
            EXPECT_EQ(v.toObject().value(QStringLiteral("role")).toString(), QStringLiteral("revisor"));
        }
    EXPECT_TRUE(listed) << logins.out.toStdString();
    // The grant set the Vakt user's role too, and was trailed by the operator.
    const auto grantEntries = trailOf(QStringLiteral("user"));
    ASSERT_FALSE(grantEntries.empty());
    EXPECT_EQ(grantEntries.front().action, "user.grant_login");
    EXPECT_EQ(grantEntries.front().actor.rfind("local:", 0), 0u) << grantEntries.front().actor;

    const QString login = urlAs(name, kPassword);
    const auto list = run(VAKT_CLI, {"--db", login, "user", "list"});
    EXPECT_EQ(list.code, 0) << list.err.toStdString();
    EXPECT_TRUE(list.out.contains(name));
    const auto import = run(VAKT_CLI, {"--db", login, "user", "add", uniqueName(QStringLiteral("ny")), "--role", "admin", "--password-file", pw});
    EXPECT_EQ(import.code, 1);
    EXPECT_TRUE(import.err.contains(QStringLiteral("permission denied"))) << import.err.toStdString();
    const auto impostor = run(VAKT_CLI, {"--db", login, "--user", "admin", "user", "list"});
    EXPECT_EQ(impostor.code, 1);
    EXPECT_TRUE(impostor.err.contains(QStringLiteral("does not match the PostgreSQL login"))) << impostor.err.toStdString();
}

// The desktop on PostgreSQL: each person signs in with their own login, and every page reads
// through that login's grants alone (an error a page shows is also written to the log).
TEST_F(ServerRolesTest, TheDesktopRunsOnEachPersonsOwnLogin) {
    test::TestDatabase demo(test::TestDatabase::Content::Demo);
    auto store = Store::open(demo.url(), Store::OpenMode::MustExist);
    ASSERT_TRUE(store) << store.message();
    QTemporaryDir dir;
    const std::pair<Role, QStringList> people[] = {
        {Role::Brukerstotte, {"overview", "catalog", "monitoring"}},
        {Role::Sikkerhetsansvarlig, {"overview", "catalog", "monitoring", "audit"}},
        {Role::Revisor, {"catalog", "audit"}},
    };
    for (const auto& [role, pages] : people) {
        const QString name = uniqueName(roleCode(role).left(6));
        UserService users(**store);
        ASSERT_TRUE(users.add(kAdmin, NewUser{name, QStringLiteral("Person ") + name, role, kPassword, {}}));
        ASSERT_TRUE(users.grantLogin(kAdmin, name, role, kPassword));
        QUrl login(demo.url());
        login.setUserName(name);
        login.setPassword(kPassword);
        for (const auto& page : pages) {
            for (const char* language : {"nb", "en"}) {
                const QString png = dir.filePath(QStringLiteral("%1-%2-%3.png").arg(name, page, QLatin1String(language)));
                const auto shot = run(VAKT_DESKTOP, {"--db", login.toString(QUrl::FullyEncoded), "--lang", language, "--screenshot", page, png});
                const std::string where = roleCode(role).toStdString() + " " + page.toStdString() + " " + language;
                ASSERT_EQ(shot.code, 0) << where << ": " << shot.err.toStdString();
                EXPECT_FALSE(shot.err.contains(QStringLiteral("database:"))) << where << ": " << shot.err.toStdString();
                EXPECT_EQ(QImage(png).size(), QSize(1440, 900)) << where;
            }
        }
    }
}

// Privilege reviews: a leader connecting with their own login sees only the items they review and
// records a decision only on those, never on their own grant, and changes no decision made.
TEST_F(ServerRolesTest, AReviewersLoginSeesAndDecidesOnlyTheirOwnItems) {
    const Session officer{QStringLiteral("test-officer"), Role::Sikkerhetsansvarlig};
    const QString orgnr = QStringLiteral("974760673");
    ASSERT_TRUE(OrganisationService(*store_).saveOrganisation(kAdmin, Organisation{0, OrgKind::Kommune, QStringLiteral("Testkommune"), orgnr, {}, {}, 0, {}}));
    QString nameA, nameB;
    const QString emailA = QStringLiteral("leder.a@test.example"), emailB = QStringLiteral("leder.b@test.example");
    for (const QString& email : {emailA, emailB, QStringLiteral("ansatt.a@test.example"), QStringLiteral("ansatt.b@test.example")})
        ASSERT_TRUE(OrganisationService(*store_).savePerson(kAdmin, Person{0, email.section(QLatin1Char('@'), 0, 0), email, orgnr, QStringLiteral("Saksbehandler"), Employment::Active}));
    UserService users(*store_);
    for (auto [name, email] : {std::pair{&nameA, emailA}, std::pair{&nameB, emailB}}) {
        *name = uniqueName(QStringLiteral("leder"));
        ASSERT_TRUE(users.add(kAdmin, NewUser{*name, *name, Role::Leder, kPassword, email}));
        ASSERT_TRUE(users.grantLogin(kAdmin, *name, Role::Leder, kPassword));
    }
    const QByteArray grants = QStringLiteral("holder_type,holder_email,orgnr,privilege,detail,leader_email\n"
                                             "person,ansatt.a@test.example,%1,privilege,send:a,leder.a@test.example\n"
                                             "person,ansatt.b@test.example,%1,privilege,send:b,leder.b@test.example\n"
                                             "person,leder.a@test.example,%1,privilege,send:c,leder.a@test.example\n")
                                  .arg(orgnr)
                                  .toUtf8();
    access::AccessService owner(*store_);
    ASSERT_TRUE(owner.importGrants(officer, QStringLiteral("t.csv"), grants, nullptr).ok());
    access::CampaignSpec spec;
    spec.name = QStringLiteral("Server");
    spec.reviewers = {access::ReviewerRule{access::ReviewerRule::Kind::Leader, {}}};
    spec.due = QDate::currentDate().addDays(10);
    auto id = owner.createCampaign(officer, spec);
    ASSERT_TRUE(id.ok()) << id.message();
    auto all = owner.items(officer, *id);
    ASSERT_TRUE(all.ok() && all->size() == 3);
    int itemA = 0, itemB = 0, own = 0;
    for (const auto& i : *all) {
        if (i.grant.detail == "send:a") itemA = i.number;
        if (i.grant.detail == "send:b") itemB = i.number;
        if (i.grant.detail == "send:c") own = i.number;
    }

    const QString urlA = urlAs(nameA, kPassword);
    auto dbA = connect(urlA);
    ASSERT_TRUE(dbA.ok()) << dbA.message();
    auto seen = (*dbA)->query(QStringLiteral("SELECT item_no FROM access_items"));
    ASSERT_TRUE(seen.ok()) << seen.message();
    ASSERT_EQ(seen->size(), 1u);
    EXPECT_EQ(seen->front().value(0).toInt(), itemA);
    auto insert = [&](int item, const QString& email) {
        return (*dbA)->exec(QStringLiteral("INSERT INTO access_decisions (campaign_id, item_no, stage, decision, decided_by, decided_email, decided_at)"
                                           " VALUES (?, ?, 1, 'keep', ?, ?, '2026-12-01T00:00:00Z')"),
                            {*id, item, nameA, email});
    };
    EXPECT_FALSE(insert(itemB, emailA).ok());  // another leader's item
    EXPECT_FALSE(insert(own, emailA).ok());    // her own grant
    EXPECT_FALSE(insert(itemA, emailB).ok());  // in someone else's name

    // Through Vakt on her own login, her own item is decided as usual.
    auto storeA = Store::open(urlA, Store::OpenMode::MustExist);
    ASSERT_TRUE(storeA.ok()) << storeA.message();
    auto sessionA = UserService(**storeA).serverSession();
    ASSERT_TRUE(sessionA.ok() && sessionA->has_value()) << (sessionA.ok() ? "no session" : sessionA.message());
    access::AccessService asA(**storeA);
    auto mine = asA.myItems(**sessionA, *id);
    ASSERT_TRUE(mine.ok()) << mine.message();
    ASSERT_EQ(mine->size(), 1);
    auto decided = asA.decide(**sessionA, *id, itemA, QStringLiteral("revoke"), QStringLiteral("Sluttet"));
    ASSERT_TRUE(decided.ok()) << decided.message();
    // A decision made stays made: no update or delete reaches it.
    // (Each is refused or reaches no row; what counts is what the owner reads afterwards.)
    (void)(*dbA)->exec(QStringLiteral("UPDATE access_decisions SET decision = 'keep'"));
    (void)(*dbA)->exec(QStringLiteral("DELETE FROM access_decisions"));
    auto after = owner.items(officer, *id);
    ASSERT_TRUE(after.ok());
    for (const auto& i : *after)
        if (i.number == itemA) {
            EXPECT_EQ(i.decision, QStringLiteral("revoke"));
        }
}

}  // namespace
