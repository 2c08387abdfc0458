// Privilege reviews as the security officer checks them by hand: exports read with every problem
// named by line and field, the difference between two exports, each risk flag on grants built
// to show it (and one beside it that must not), segregation-of-duties rules, reviewers that are
// never the holder, campaign modes, decisions, and revocation files that take effect and never
// carry a fødselsnummer.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "access/access_model.h"
#include "core/base/json.h"

using namespace vakt::access;

namespace {

// Valid organisation numbers (mod-11 check digit) and valid-format person numbers.
const std::string kOrgA = "974760673";
const std::string kOrgB = "921023286";
const std::string kFnr = "15058534541";     // fødselsnummer
const std::string kDnummer = "41019012393";  // d-nummer

constexpr std::int64_t kDayMs = 86'400'000;
constexpr std::int64_t kNow = 1'772'323'200'000;  // 2026-03-01T00:00:00Z

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

Grant person(const std::string& email, const std::string& privilege, const std::string& service = "",
             const std::string& detail = "", const std::string& orgnr = kOrgA) {
    Grant g;
    g.holderType = "person";
    g.holderEmail = email;
    g.orgnr = orgnr;
    g.service = service;
    g.privilege = privilege;
    g.detail = detail;
    return g;
}

Grant integration(const std::string& clientId, const std::string& privilege, const std::string& service = "",
                  const std::string& detail = "", const std::string& orgnr = kOrgA) {
    Grant g;
    g.holderType = "integration";
    g.holderId = clientId;
    g.holderName = "Fagsystem " + clientId;
    g.orgnr = orgnr;
    g.service = service;
    g.privilege = privilege;
    g.detail = detail;
    return g;
}

Grant registerRole(const std::string& email, const std::string& role, bool confidential, const std::string& orgnr = kOrgA) {
    Grant g = person(email, std::string(Privilege::Folkeregister), "folkeregister", role, orgnr);
    g.confidential = confidential;
    if (confidential) g.legalBasis = "Folkeregisterloven § 10-2";
    return g;
}

std::vector<FlaggedGrant> flag(const std::vector<Grant>& grants, const std::vector<GrantFacts>& facts = {},
                               const std::vector<SodRule>& rules = {}, const FlagPolicy& policy = {}) {
    return flagGrants(grants, facts, rules, kNow, policy);
}

bool flagged(const FlaggedGrant& f, Flag which) { return has(f.flags, which); }

// The problem on `line` about `field`, or nullptr.
const ParseProblem* problemAt(const GrantFile& file, int line, std::string_view field) {
    for (const ParseProblem& p : file.problems)
        if (p.line == line && p.field == field) return &p;
    return nullptr;
}

std::string allProblems(const GrantFile& file) { return formatProblems("grants", file.problems); }

const std::string kShortHeader = "holder_type,holder_email,orgnr,privilege,detail\n";

const char* kRules = R"(rules:
  - id: admin-and-register
    name: Administrator skal ikke også ha folkeregisterrolle
    conflicting:
      - {privilege: admin}
      - {privilege: folkeregister_role, confidential: true}
  - id: send-and-receive
    same_organisation: false
    conflicting:
      - {privilege: privilege, detail: "send:*"}
      - {privilege: privilege, detail: "mottak:*"}
)";

std::vector<SodRule> rules() {
    auto parsed = parseSodRules(kRules);
    EXPECT_TRUE(parsed) << parsed.message();
    return parsed ? *parsed : std::vector<SodRule>{};
}

}  // namespace

// ---- Reading exports -------------------------------------------------------------------------

TEST(GrantCsv, ReadsEveryColumnInAnyOrder) {
    const std::string csv =
        "privilege,holder_type,holder_email,holder_id,holder_name,orgnr,service,detail,service_area,holder_area,legal_basis,"
        "confidential,scopes,role,leader_email,granted_by,granted_at\n"
        "folkeregister_role,person,Kari.Nordmann@bergen.kommune.no," + kFnr + ",Kari Nordmann,974760673,folkeregister,"
        "\"Offentlig med taushetsplikt, utvidet\",oppvekst,helse,Folkeregisterloven § 10-2,ja,,saksbehandler,"
        "leder@bergen.kommune.no,admin@bergen.kommune.no,2026-01-15\n"
        "privilege,integration,,fiks-klient-42,Fagsystem Oppvekst,974 760 673,svarut,send:oppvekst,,,,false,"
        "\"svarut.send ks:fiks;svarut.send\",,,,2026-01-15T08:30:00+01:00\n";
    const GrantFile file = parseGrantsCsv(csv);
    ASSERT_TRUE(file.problems.empty()) << allProblems(file);
    ASSERT_EQ(file.grants.size(), 2u);
    const Grant& kari = file.grants[0];
    EXPECT_EQ(kari.line, 2);
    EXPECT_EQ(kari.holderType, "person");
    EXPECT_EQ(kari.holderId, kFnr);
    EXPECT_EQ(kari.holderEmail, "Kari.Nordmann@bergen.kommune.no");
    EXPECT_EQ(kari.privilege, "folkeregister_role");
    EXPECT_EQ(kari.detail, "Offentlig med taushetsplikt, utvidet");
    EXPECT_EQ(kari.serviceArea, "oppvekst");
    EXPECT_EQ(kari.holderArea, "helse");
    EXPECT_EQ(kari.legalBasis, "Folkeregisterloven § 10-2");
    EXPECT_TRUE(kari.confidential);  // "ja"
    EXPECT_EQ(kari.role, "saksbehandler");
    EXPECT_EQ(kari.leaderEmail, "leder@bergen.kommune.no");
    EXPECT_EQ(kari.grantedAt, "2026-01-15");
    const Grant& fiks = file.grants[1];
    EXPECT_EQ(fiks.line, 3);
    EXPECT_EQ(fiks.holderId, "fiks-klient-42");
    EXPECT_EQ(fiks.orgnr, kOrgA);  // spaces as people write it are dropped
    EXPECT_FALSE(fiks.confidential);
    EXPECT_EQ(fiks.scopes, (std::vector<std::string>{"ks:fiks", "svarut.send"}));  // split on ';' and space, sorted, unique
}

TEST(GrantCsv, ReadsSemicolonSeparatedFilesAsNorwegianExcelWritesThem) {
    const GrantFile file = parseGrantsCsv("\xEF\xBB\xBFholder_type;holder_email;orgnr;privilege;detail\r\n"
                                          "person;ola@oslo.kommune.no;921023286;privilege;send:oppvekst\r\n");
    ASSERT_TRUE(file.problems.empty()) << allProblems(file);
    ASSERT_EQ(file.grants.size(), 1u);
    EXPECT_EQ(file.grants[0].orgnr, kOrgB);
    EXPECT_EQ(file.grants[0].detail, "send:oppvekst");
}

TEST(GrantJson, ReadsTheExportFormat) {
    const std::string json = R"({"format":"vakt-grants-1","grants":[
  {"holder_type":"person","holder_email":"kari@bergen.kommune.no","holder_id":")" + kDnummer + R"(","orgnr":"974760673","privilege":"admin","confidential":true},
  {"holder_type":"integration","holder_id":"fiks-klient-42","orgnr":"974760673","service":"svarut","privilege":"privilege","detail":"send:oppvekst","scopes":["b","a","b"],"role":null}
]})";
    const GrantFile file = parseGrantsJson(json);
    ASSERT_TRUE(file.problems.empty()) << allProblems(file);
    ASSERT_EQ(file.grants.size(), 2u);
    EXPECT_EQ(file.grants[0].line, 1);  // the array index + 1
    EXPECT_EQ(file.grants[0].holderId, kDnummer);
    EXPECT_TRUE(file.grants[0].confidential);
    EXPECT_EQ(file.grants[1].line, 2);
    EXPECT_EQ(file.grants[1].scopes, (std::vector<std::string>{"a", "b"}));
}

TEST(GrantFiles, AreToldApartByTheirFirstByte) {
    const GrantFile json = parseGrants("  \n{\"format\":\"vakt-grants-1\",\"grants\":[]}");
    EXPECT_TRUE(json.problems.empty()) << allProblems(json);
    const GrantFile csv = parseGrants(kShortHeader + "person,kari@x.no," + kOrgA + ",admin,\n");
    EXPECT_TRUE(csv.problems.empty()) << allProblems(csv);
    EXPECT_EQ(csv.grants.size(), 1u);
    // An array is JSON too, and not the export's shape.
    const GrantFile array = parseGrants("[]");
    ASSERT_EQ(array.problems.size(), 1u);
    EXPECT_TRUE(contains(array.problems[0].message, "vakt-grants-1"));
}

TEST(GrantProblems, ABadOrganisationNumberIsNamedByLineAndField) {
    const GrantFile file = parseGrantsCsv(kShortHeader + "person,kari@x.no,974760673,admin,\nperson,ola@x.no,974760674,admin,\n");
    ASSERT_EQ(file.problems.size(), 1u) << allProblems(file);
    const ParseProblem* p = problemAt(file, 3, "orgnr");
    ASSERT_NE(p, nullptr) << allProblems(file);
    EXPECT_TRUE(contains(p->message, "974760674"));
    EXPECT_EQ(formatProblems("tilganger.csv", file.problems),
              "tilganger.csv:3: field 'orgnr': '974760674' is not an organisation number (9 digits with a valid check digit)\n");
}

TEST(GrantProblems, AnUnknownColumnIsRefusedSoATypoIsNotDropped) {
    const GrantFile file = parseGrantsCsv("holder_type,holdr_email,orgnr,privilege\nperson,kari@x.no,974760673,admin\n");
    EXPECT_TRUE(file.grants.empty());
    const ParseProblem* p = problemAt(file, 1, "holdr_email");
    ASSERT_NE(p, nullptr) << allProblems(file);
    EXPECT_TRUE(contains(p->message, "unknown column"));
}

TEST(GrantProblems, AMissingRequiredColumnIsNamed) {
    const GrantFile file = parseGrantsCsv("holder_type,holder_email,privilege\nperson,kari@x.no,admin\n");
    EXPECT_NE(problemAt(file, 1, "orgnr"), nullptr) << allProblems(file);
}

TEST(GrantProblems, ADuplicateNamesBothLines) {
    const GrantFile file = parseGrantsCsv(kShortHeader + "person,kari@x.no,974760673,privilege,send:oppvekst\n"
                                                         "person,ola@x.no,974760673,privilege,send:oppvekst\n"
                                                         "person,KARI@x.no,974760673,privilege,send:oppvekst\n");
    ASSERT_EQ(file.problems.size(), 1u) << allProblems(file);
    EXPECT_EQ(file.problems[0].line, 4);
    EXPECT_TRUE(contains(file.problems[0].message, "line 2")) << file.problems[0].message;
}

TEST(GrantProblems, APersonNeedsAnEmailAndAnIntegrationAClientId) {
    const GrantFile file = parseGrantsCsv("holder_type,holder_id,holder_email,orgnr,privilege\n"
                                          "person,,,974760673,admin\n"
                                          "integration,,,974760673,admin\n"
                                          "integration,fiks,fiks@x.no,974760673,admin\n");
    const ParseProblem* noEmail = problemAt(file, 2, "holder_email");
    ASSERT_NE(noEmail, nullptr) << allProblems(file);
    EXPECT_TRUE(contains(noEmail->message, "missing"));
    EXPECT_NE(problemAt(file, 3, "holder_id"), nullptr) << allProblems(file);
    EXPECT_NE(problemAt(file, 4, "holder_email"), nullptr) << allProblems(file);
    EXPECT_TRUE(file.grants.empty());
}

TEST(GrantProblems, NoPersonNumberIsQuotedBackOrPassedOffAsAClientId) {
    // A file without its header row: the first data line is read as column names.
    const GrantFile headless = parseGrantsCsv("person,15058534541,kari@x.no,974760673,admin\n");
    const std::string all = allProblems(headless);
    EXPECT_FALSE(headless.problems.empty());
    EXPECT_FALSE(contains(all, "15058534541")) << all;
    // An integration whose client id is a fødselsnummer would carry it into every file.
    const GrantFile integration = parseGrantsCsv("holder_type,holder_id,orgnr,service,privilege,detail\n"
                                                 "integration,15058534541,974760673,svarut,privilege,send:*\n");
    const ParseProblem* p = problemAt(integration, 2, "holder_id");
    ASSERT_NE(p, nullptr) << allProblems(integration);
    EXPECT_FALSE(contains(allProblems(integration), "15058534541"));
    EXPECT_TRUE(integration.grants.empty());
}

TEST(GrantProblems, BadJsonNamesItsLine) {
    const GrantFile file = parseGrantsJson("{\"format\":\"vakt-grants-1\",\n\"grants\":[\n{\"holder_type\":\"person\",}\n]}");
    ASSERT_EQ(file.problems.size(), 1u) << allProblems(file);
    EXPECT_EQ(file.problems[0].line, 3);
    EXPECT_TRUE(contains(file.problems[0].message, "not valid JSON")) << file.problems[0].message;
}

TEST(GrantProblems, TheFormatTagIsChecked) {
    const GrantFile wrong = parseGrantsJson(R"({"format":"vakt-grants-2","grants":[]})");
    ASSERT_EQ(wrong.problems.size(), 1u) << allProblems(wrong);
    EXPECT_EQ(wrong.problems[0].field, "format");
    const GrantFile missing = parseGrantsJson(R"({"grants":[]})");
    ASSERT_EQ(missing.problems.size(), 1u) << allProblems(missing);
    EXPECT_EQ(missing.problems[0].field, "format");
}

TEST(GrantProblems, JsonProblemsNameTheGrantByItsPlaceInTheArray) {
    const GrantFile file = parseGrantsJson(R"({"format":"vakt-grants-1","grants":[
{"holder_type":"person","holder_email":"kari@x.no","orgnr":"974760673","privilege":"admin"},
{"holder_type":"person","holder_email":"ola@x.no","orgnr":"974760673","privilege":"admin","colour":"red"},
{"holder_type":"person","holder_email":"per@x.no","orgnr":974760673,"privilege":"admin"},
{"holder_type":"person","holder_email":"kari@x.no","orgnr":"974760673","privilege":"admin"}
]})");
    const ParseProblem* unknown = problemAt(file, 2, "colour");
    ASSERT_NE(unknown, nullptr) << allProblems(file);
    EXPECT_EQ(unknown->message.rfind("grant 2: ", 0), 0u) << unknown->message;
    const ParseProblem* number = problemAt(file, 3, "orgnr");
    ASSERT_NE(number, nullptr) << allProblems(file);
    EXPECT_TRUE(contains(number->message, "expected a string"));
    const ParseProblem* duplicate = problemAt(file, 4, "");
    ASSERT_NE(duplicate, nullptr) << allProblems(file);
    EXPECT_TRUE(contains(duplicate->message, "grant 1")) << duplicate->message;
}

TEST(GrantProblems, EveryProblemIsCollectedNotOnlyTheFirst) {
    const std::string csv =
        "holder_type,holder_id,holder_email,orgnr,privilege,granted_at\n"
        "person,,kari@x.no,974760673,admin,2026-01-15T08:00:00Z\n"  // fine
        "person,,,123,admin,\n"                                     // no e-mail, bad orgnr
        "robot,,x@y.no,974760673,superuser,yesterday\n"             // type, privilege, time
        "integration,,,974760673,admin,\n"                          // no client id
        "person,12345678901,ola@x.no,974760673,admin,\n";           // not a fødselsnummer
    const GrantFile file = parseGrantsCsv(csv);
    EXPECT_EQ(file.problems.size(), 7u) << allProblems(file);
    for (const auto& [line, field] : std::vector<std::pair<int, std::string>>{{3, "holder_email"}, {3, "orgnr"}, {4, "holder_type"},
                                                                             {4, "privilege"},    {4, "granted_at"}, {5, "holder_id"},
                                                                             {6, "holder_id"}})
        EXPECT_NE(problemAt(file, line, field), nullptr) << "line " << line << " field " << field << "\n" << allProblems(file);
    // A mistyped person number is never quoted back into logs.
    EXPECT_FALSE(contains(allProblems(file), "12345678901"));
    ASSERT_EQ(file.grants.size(), 1u);
    EXPECT_EQ(file.grants[0].line, 2);
}

TEST(GrantProblems, LinesCountPhysicalLinesAndLineBreaksInValuesAreRefused) {
    const GrantFile file = parseGrantsCsv("holder_type,holder_email,orgnr,privilege,legal_basis\n"
                                          "person,kari@x.no,974760673,admin,\"two\nlines\"\n"
                                          "person,ola@x.no,123456789,admin,\n");
    EXPECT_NE(problemAt(file, 2, "legal_basis"), nullptr) << allProblems(file);
    EXPECT_NE(problemAt(file, 4, "orgnr"), nullptr) << allProblems(file);
}

TEST(GrantProblems, ValuesAreBounded) {
    const GrantFile file = parseGrantsCsv(kShortHeader + "person,kari@x.no,974760673,privilege," + std::string(1001, 'x') + "\n");
    EXPECT_NE(problemAt(file, 2, "detail"), nullptr) << allProblems(file);
}

TEST(GrantHostileInput, GarbageIsRefusedWithBoundedProblems) {
    std::mt19937 bytes(7);
    std::string garbage(1 << 20, '\0');
    for (char& c : garbage) c = static_cast<char>(bytes() & 0xFF);
    const GrantFile file = parseGrants(garbage);
    EXPECT_FALSE(file.problems.empty());
    EXPECT_LE(file.problems.size(), 1002u);
    EXPECT_TRUE(file.grants.empty());
}

TEST(GrantHostileInput, ThousandsOfBadRowsKeepAThousandProblemsAndCountTheRest) {
    std::string csv = kShortHeader;
    for (int i = 0; i < 3000; ++i) csv += "person,kari@x.no,123,admin,\n";
    const GrantFile file = parseGrantsCsv(csv);
    ASSERT_EQ(file.problems.size(), 1001u);
    EXPECT_TRUE(contains(file.problems.back().message, "2000 more problems")) << file.problems.back().message;
    EXPECT_EQ(file.problems.back().line, 1002);
}

TEST(GrantHostileInput, MoreThanTheLimitOfRowsIsRefusedWithoutReadingOn) {
    std::string csv = "holder_type,orgnr,privilege\n";
    csv.reserve(csv.size() + 2 * (kMaxGrants + 1) + 8);
    for (std::size_t i = 0; i <= kMaxGrants; ++i) csv += "x\n";
    csv += "\"never closed";
    const GrantFile file = parseGrantsCsv(csv);
    ASSERT_FALSE(file.problems.empty());
    EXPECT_TRUE(contains(file.problems.back().message, "more than 2000000 grants")) << file.problems.back().message;
    EXPECT_EQ(file.problems.back().line, static_cast<int>(kMaxGrants) + 2);
    EXPECT_FALSE(contains(allProblems(file), "not closed"));
}

TEST(GrantHostileInput, MillionsOfEmptyJsonObjectsAreCountedBeforeTheTreeIsBuilt) {
    std::string json = R"({"format":"vakt-grants-1","grants":[)";
    json.reserve(json.size() + 3 * (kMaxGrants + 2));
    for (std::size_t i = 0; i <= kMaxGrants; ++i) json += "{},";
    json += "{}]}";
    const GrantFile file = parseGrantsJson(json);
    ASSERT_EQ(file.problems.size(), 1u);
    EXPECT_TRUE(contains(file.problems[0].message, "more than 2000000 grants")) << file.problems[0].message;
}

// ---- Keys and differences --------------------------------------------------------------------

TEST(GrantKeys, NameHolderOrganisationServicePrivilegeAndDetail) {
    const Grant kari = person("Kari@x.no", "privilege", "svarut", "send:oppvekst");
    Grant same = person("kari@X.no", "privilege", "svarut", "send:oppvekst");
    same.role = "leder";  // changeable: not in the key
    EXPECT_EQ(holderKey(kari), "person:kari@x.no");
    EXPECT_EQ(grantKey(kari), grantKey(same));
    EXPECT_NE(grantContent(kari), grantContent(same));
    EXPECT_NE(grantKey(kari), grantKey(person("kari@x.no", "privilege", "svarut", "send:helse")));
    EXPECT_NE(grantKey(kari), grantKey(person("kari@x.no", "privilege", "svarut", "send:oppvekst", kOrgB)));
    EXPECT_EQ(holderKey(integration("fiks-klient-42", "admin")), "integration:fiks-klient-42");
    // Values that would run together with a plain separator stay apart.
    EXPECT_NE(grantKey(person("a@x.no", "privilege", "svarut:", "send")), grantKey(person("a@x.no", "privilege", "svarut", ":send")));
}

TEST(GrantDiffs, TellAddedRemovedChangedAndUnchanged) {
    Grant changedBefore = registerRole("kari@x.no", "Offentlig uten taushetsplikt", false);
    Grant changedAfter = changedBefore;
    changedAfter.holderArea = "helse";
    const std::vector<Grant> before{person("ola@x.no", "admin"), changedBefore, person("per@x.no", "service_admin", "svarut")};
    const std::vector<Grant> after{person("per@x.no", "service_admin", "svarut"), changedAfter, person("lise@x.no", "admin")};
    const GrantDiff diff = diffGrants(before, after);
    EXPECT_EQ(diff.added, (std::vector<std::size_t>{2}));
    EXPECT_EQ(diff.removed, (std::vector<std::size_t>{0}));
    ASSERT_EQ(diff.changed.size(), 1u);
    EXPECT_EQ(diff.changed[0], (std::pair<std::size_t, std::size_t>{1, 1}));
    EXPECT_EQ(diff.unchanged, 1u);
}

// ---- Flags -----------------------------------------------------------------------------------

TEST(Flags, CodesAreStable) {
    EXPECT_EQ(flagCode(Flag::Administrator), "admin");
    EXPECT_EQ(flagCode(Flag::LeftOrMoved), "left_or_moved");
    EXPECT_EQ(allFlags().size(), 8u);
    EXPECT_EQ(flagCodes(static_cast<Flags>(Flag::Unused) | static_cast<Flags>(Flag::SodConflict)),
              (std::vector<std::string>{"unused", "sod_conflict"}));
}

TEST(Flags, AdministratorsAreFlaggedAndASpecificPrivilegeIsNot) {
    const auto f = flag({person("kari@x.no", "admin"), person("ola@x.no", "service_admin", "svarut"),
                         person("per@x.no", "privilege", "svarut", "send:oppvekst")});
    EXPECT_TRUE(flagged(f[0], Flag::Administrator));
    EXPECT_TRUE(flagged(f[1], Flag::Administrator));
    EXPECT_FALSE(flagged(f[2], Flag::Administrator));
}

TEST(Flags, LeftOrMovedComesFromTheFacts) {
    std::vector<GrantFacts> facts(3);
    facts[0].holderLeft = true;
    facts[1].roleChanged = true;
    const auto f = flag({person("a@x.no", "admin"), person("b@x.no", "admin"), person("c@x.no", "admin")}, facts);
    EXPECT_TRUE(flagged(f[0], Flag::LeftOrMoved));
    EXPECT_TRUE(flagged(f[1], Flag::LeftOrMoved));
    EXPECT_FALSE(flagged(f[2], Flag::LeftOrMoved));
}

TEST(Flags, UnusedOnlyWhenTheLedgerCanTell) {
    std::vector<GrantFacts> facts(4);
    facts[0].usageKnown = true;  // never used
    facts[1].usageKnown = true;
    facts[1].lastUseMs = kNow - 100 * kDayMs;
    facts[2].usageKnown = true;
    facts[2].lastUseMs = kNow - 10 * kDayMs;
    facts[3].usageKnown = false;  // no keys: cannot tell
    std::vector<Grant> grants;
    for (const char* email : {"a@x.no", "b@x.no", "c@x.no", "d@x.no"}) grants.push_back(person(email, "admin"));
    const auto f = flag(grants, facts);
    EXPECT_TRUE(flagged(f[0], Flag::Unused));
    EXPECT_TRUE(flagged(f[1], Flag::Unused));
    EXPECT_FALSE(flagged(f[2], Flag::Unused));
    EXPECT_FALSE(flagged(f[3], Flag::Unused));
    FlagPolicy strict;
    strict.unusedDays = 7;
    EXPECT_TRUE(flagged(flag(grants, facts, {}, strict)[2], Flag::Unused));
}

TEST(Flags, ConfidentialDataNeedsALegalBasis) {
    Grant noBasis = registerRole("a@x.no", "Offentlig med taushetsplikt", true);
    noBasis.legalBasis = " ";
    const auto f = flag({noBasis, registerRole("b@x.no", "Offentlig med taushetsplikt", true),
                         registerRole("c@x.no", "Offentlig uten taushetsplikt", false)});
    EXPECT_TRUE(flagged(f[0], Flag::ConfidentialNoBasis));
    EXPECT_FALSE(flagged(f[1], Flag::ConfidentialNoBasis));
    EXPECT_FALSE(flagged(f[2], Flag::ConfidentialNoBasis));
}

TEST(Flags, ARegisterRoleOutsideTheHoldersAreaIsFlagged) {
    Grant outside = registerRole("a@x.no", "Offentlig uten taushetsplikt", false);
    outside.serviceArea = "oppvekst";
    outside.holderArea = "helse";
    Grant inside = outside;
    inside.holderEmail = "b@x.no";
    inside.holderArea = "Oppvekst";
    Grant unknownArea = outside;
    unknownArea.holderEmail = "c@x.no";
    unknownArea.holderArea.clear();
    Grant notRegister = person("d@x.no", "privilege", "svarut", "send:oppvekst");
    notRegister.serviceArea = "oppvekst";
    notRegister.holderArea = "helse";
    const auto f = flag({outside, inside, unknownArea, notRegister});
    EXPECT_TRUE(flagged(f[0], Flag::OutsideArea));
    EXPECT_FALSE(flagged(f[1], Flag::OutsideArea));
    EXPECT_FALSE(flagged(f[2], Flag::OutsideArea));
    EXPECT_FALSE(flagged(f[3], Flag::OutsideArea));
}

TEST(Flags, BroadIntegrations) {
    std::vector<Grant> grants{integration("admin-klient", "admin"),                         // 0: admin
                              integration("org-klient", "privilege", "", "les"),            // 1: organisation-wide
                              integration("scopes-5", "privilege", "svarut", "send"),       // 2: five scopes
                              integration("scopes-4", "privilege", "svarut", "send"),       // 3: four: not broad
                              person("kari@x.no", "admin")};                                // 4: a person is no integration
    grants[2].scopes = {"a", "b", "c", "d", "e"};
    grants[3].scopes = {"a", "b", "c", "d"};
    for (const char* service : {"svarut", "fiks-io", "eformidling", "minside"})  // 5..8: four services in one organisation
        grants.push_back(integration("mange", "privilege", service, "les"));
    for (const char* service : {"svarut", "fiks-io", "eformidling"})  // 9..11: three services
        grants.push_back(integration("noen", "privilege", service, "les"));
    grants.push_back(integration("noen", "privilege", "minside", "les", kOrgB));  // 12: the fourth in another organisation
    const auto f = flag(grants);
    EXPECT_TRUE(flagged(f[0], Flag::BroadIntegration));
    EXPECT_TRUE(flagged(f[1], Flag::BroadIntegration));
    EXPECT_TRUE(flagged(f[2], Flag::BroadIntegration));
    EXPECT_FALSE(flagged(f[3], Flag::BroadIntegration));
    EXPECT_FALSE(flagged(f[4], Flag::BroadIntegration));
    for (std::size_t i = 5; i <= 8; ++i) EXPECT_TRUE(flagged(f[i], Flag::BroadIntegration)) << i;
    for (std::size_t i = 9; i <= 12; ++i) EXPECT_FALSE(flagged(f[i], Flag::BroadIntegration)) << i;
}

TEST(Flags, PeerOutliersAreGrantsFewColleaguesHold) {
    std::vector<Grant> grants;
    auto add = [&grants](Grant g, const std::string& role) {
        g.role = role;
        grants.push_back(std::move(g));
        return grants.size() - 1;
    };
    // Four case workers in organisation A all send through SvarUt; one also has a register role.
    for (const char* email : {"p1@x.no", "p2@x.no", "p3@x.no", "p4@x.no"})
        add(person(email, "privilege", "svarut", "send:oppvekst"), "saksbehandler");
    const std::size_t odd = add(registerRole("p1@x.no", "Offentlig uten taushetsplikt", false), "saksbehandler");
    // The same role in organisation B is not a peer; with two peers there are too few to compare.
    const std::size_t otherOrg = add(registerRole("q1@x.no", "Offentlig uten taushetsplikt", false, kOrgB), "saksbehandler");
    add(person("q2@x.no", "privilege", "svarut", "send:oppvekst", kOrgB), "saksbehandler");
    add(person("q3@x.no", "privilege", "svarut", "send:oppvekst", kOrgB), "saksbehandler");
    // No role: no peers.
    const std::size_t noRole = add(registerRole("r1@x.no", "Offentlig uten taushetsplikt", false), "");

    const auto f = flag(grants);
    EXPECT_TRUE(flagged(f[odd], Flag::PeerOutlier));
    EXPECT_EQ(f[odd].peerCount, 3);
    EXPECT_EQ(f[odd].peersHolding, 0);
    for (std::size_t i = 0; i < 4; ++i) {
        EXPECT_FALSE(flagged(f[i], Flag::PeerOutlier)) << i;
        EXPECT_EQ(f[i].peerCount, 3);
        EXPECT_EQ(f[i].peersHolding, 3);
    }
    EXPECT_FALSE(flagged(f[otherOrg], Flag::PeerOutlier));
    EXPECT_EQ(f[otherOrg].peerCount, 2);
    EXPECT_FALSE(flagged(f[noRole], Flag::PeerOutlier));
    EXPECT_EQ(f[noRole].peerCount, 0);

    FlagPolicy fewer;
    fewer.minPeers = 2;
    EXPECT_TRUE(flagged(flag(grants, {}, {}, fewer)[otherOrg], Flag::PeerOutlier));
}

TEST(Flags, SegregationOfDutiesConflictsInOneOrganisation) {
    const std::vector<Grant> grants{
        person("kari@x.no", "admin"),                                         // 0 } both sides, one organisation
        registerRole("kari@x.no", "Offentlig med taushetsplikt", true),        // 1 }
        person("ola@x.no", "admin"),                                          // 2 } the sides in two organisations
        registerRole("ola@x.no", "Offentlig med taushetsplikt", true, kOrgB),  // 3 }
        person("per@x.no", "privilege", "svarut", "send:oppvekst"),            // 4 } send and receive, any organisation
        person("per@x.no", "privilege", "svarut", "mottak:helse", kOrgB),      // 5 }
        person("lise@x.no", "privilege", "svarut", "send:oppvekst"),           // 6: only one side
        registerRole("nils@x.no", "Offentlig uten taushetsplikt", false),      // 7 } admin and a register role without
        person("nils@x.no", "admin"),                                         // 8 } confidentiality: not this rule's side
    };
    const auto f = flag(grants, {}, rules());
    for (std::size_t i : {0u, 1u}) {
        EXPECT_TRUE(flagged(f[i], Flag::SodConflict)) << i;
        EXPECT_EQ(f[i].sodRules, (std::vector<std::string>{"admin-and-register"}));
    }
    EXPECT_FALSE(flagged(f[2], Flag::SodConflict));
    EXPECT_FALSE(flagged(f[3], Flag::SodConflict));
    for (std::size_t i : {4u, 5u}) {
        EXPECT_TRUE(flagged(f[i], Flag::SodConflict)) << i;
        EXPECT_EQ(f[i].sodRules, (std::vector<std::string>{"send-and-receive"}));
    }
    for (std::size_t i : {6u, 7u, 8u}) EXPECT_FALSE(flagged(f[i], Flag::SodConflict)) << i;
}

TEST(Flags, SidesMatchByFieldAndDetailPrefix) {
    SodSide send;
    send.privilege = "privilege";
    send.detail = "send:*";
    EXPECT_TRUE(send.matches(person("a@x.no", "privilege", "svarut", "send:oppvekst")));
    EXPECT_FALSE(send.matches(person("a@x.no", "privilege", "svarut", "mottak:oppvekst")));
    EXPECT_FALSE(send.matches(person("a@x.no", "admin", "svarut", "send:oppvekst")));
    SodSide exact;
    exact.detail = "send";
    EXPECT_FALSE(exact.matches(person("a@x.no", "privilege", "svarut", "send:oppvekst")));
    SodSide confidential;
    confidential.confidential = true;
    EXPECT_TRUE(confidential.matches(registerRole("a@x.no", "x", true)));
    EXPECT_FALSE(confidential.matches(registerRole("a@x.no", "x", false)));
}

// ---- Segregation-of-duties rules -------------------------------------------------------------

TEST(SodRules, ReadTheRulesFile) {
    const auto parsed = parseSodRules(kRules);
    ASSERT_TRUE(parsed) << parsed.message();
    ASSERT_EQ(parsed->size(), 2u);
    const SodRule& first = (*parsed)[0];
    EXPECT_EQ(first.id, "admin-and-register");
    EXPECT_EQ(first.name, "Administrator skal ikke også ha folkeregisterrolle");
    EXPECT_TRUE(first.sameOrganisation);
    ASSERT_EQ(first.conflicting.size(), 2u);
    EXPECT_EQ(first.conflicting[0].privilege.value_or(""), "admin");
    EXPECT_FALSE(first.conflicting[0].confidential.has_value());
    EXPECT_TRUE(first.conflicting[1].confidential.value_or(false));
    const SodRule& second = (*parsed)[1];
    EXPECT_FALSE(second.sameOrganisation);
    EXPECT_EQ(second.conflicting[0].detail.value_or(""), "send:*");
}

TEST(SodRules, AnEmptyFileHasNoRules) {
    const auto empty = parseSodRules("");
    ASSERT_TRUE(empty) << empty.message();
    EXPECT_TRUE(empty->empty());
    const auto none = parseSodRules("rules: []\n");
    ASSERT_TRUE(none) << none.message();
    EXPECT_TRUE(none->empty());
}

TEST(SodRules, ErrorsNameLineAndField) {
    struct Case {
        const char* yaml;
        const char* start;
    };
    const Case cases[] = {
        {"rules:\n  - id: lonely\n    conflicting:\n      - {privilege: admin}\n", "line 4: field 'conflicting': needs two sides or more"},
        {"rules:\n  - id: typo\n    conflicting:\n      - {privilege: admin}\n      - {privilige: service_admin}\n",
         "line 5: field 'privilige': unknown field"},
        {"rules:\n  - id: x\n    conflicting:\n      - {privilege: superuser}\n      - {privilege: admin}\n",
         "line 4: field 'privilege': 'superuser' is not"},
        {"rules:\n  - id: x\n    conflicting:\n      - {}\n      - {privilege: admin}\n", "line 4: field 'conflicting': a side names at least one field"},
        {"rules:\n  - id: x\n    conflicting:\n      - {detail: 'a*b'}\n      - {privilege: admin}\n", "line 4: field 'detail': '*' may only end"},
        {"rules:\n  - name: no id\n    conflicting:\n      - {privilege: admin}\n      - {service: svarut}\n", "line 2: field 'id': missing"},
        {"rules:\n  - id: x\n    same_organisation: maybe\n    conflicting:\n      - {privilege: admin}\n      - {service: svarut}\n",
         "line 3: field 'same_organisation': expected true or false"},
        {"regler: []\n", "line 1: field 'regler': unknown field"},
    };
    for (const Case& c : cases) {
        const auto parsed = parseSodRules(c.yaml);
        ASSERT_FALSE(parsed) << c.yaml;
        EXPECT_EQ(parsed.message().rfind(c.start, 0), 0u) << parsed.message() << "\nexpected: " << c.start;
    }
}

TEST(SodRules, IdsAreUniqueAndTheMessageNamesBothLines) {
    const auto parsed = parseSodRules(
        "rules:\n  - id: dup\n    conflicting:\n      - {privilege: admin}\n      - {service: svarut}\n"
        "  - id: dup\n    conflicting:\n      - {privilege: admin}\n      - {service: fiks-io}\n");
    ASSERT_FALSE(parsed);
    EXPECT_EQ(parsed.message(), "line 6: field 'id': 'dup' is also the id of the rule on line 2");
}

TEST(SodRules, BrokenYamlNamesALine) {
    const auto parsed = parseSodRules("rules:\n  - id: x\n    conflicting: [\n");
    ASSERT_FALSE(parsed);
    EXPECT_EQ(parsed.message().rfind("line ", 0), 0u) << parsed.message();
}

// ---- Reviewers -------------------------------------------------------------------------------

TEST(Reviewers, TheFirstRuleNamingSomeoneElseWins) {
    const std::map<std::string, std::string, std::less<>> owners{{"svarut", "eier@ks.no"}};
    const std::vector<ReviewerRule> leaderThenOwner{{ReviewerRule::Kind::Leader, ""}, {ReviewerRule::Kind::ServiceOwner, ""}};
    Grant g = person("kari@x.no", "service_admin", "svarut");
    g.leaderEmail = "leder@x.no";
    ReviewerAssignment a = assignReviewer(g, leaderThenOwner, owners, "sikkerhet@x.no");
    EXPECT_EQ(a.reviewer, "leder@x.no");
    EXPECT_EQ(a.rule, 0);
    // The holder is their own leader in the catalogue: the leader rule is skipped.
    g.leaderEmail = "KARI@x.no";
    a = assignReviewer(g, leaderThenOwner, owners, "sikkerhet@x.no");
    EXPECT_EQ(a.reviewer, "eier@ks.no");
    EXPECT_EQ(a.rule, 1);
    // A named reviewer.
    const std::vector<ReviewerRule> named{{ReviewerRule::Kind::Named, "revisor@x.no"}};
    EXPECT_EQ(assignReviewer(g, named, owners, "").reviewer, "revisor@x.no");
}

TEST(Reviewers, FallBackToTheCampaignOwnerOrToNobody) {
    const std::map<std::string, std::string, std::less<>> owners{{"svarut", "kari@x.no"}};
    const std::vector<ReviewerRule> leaderThenOwner{{ReviewerRule::Kind::Leader, ""}, {ReviewerRule::Kind::ServiceOwner, ""}};
    Grant g = person("kari@x.no", "service_admin", "svarut");  // no leader; she owns the service herself
    ReviewerAssignment a = assignReviewer(g, leaderThenOwner, owners, "sikkerhet@x.no");
    EXPECT_EQ(a.reviewer, "sikkerhet@x.no");
    EXPECT_EQ(a.rule, -1);
    // The campaign owner is the holder too: nobody may review it.
    a = assignReviewer(g, leaderThenOwner, owners, "Kari@X.no");
    EXPECT_EQ(a.reviewer, "");
    EXPECT_EQ(a.rule, -1);
}

TEST(Reviewers, SelfReviewIgnoresCase) {
    const Grant g = person("Kari.Nordmann@x.no", "admin");
    EXPECT_TRUE(isSelfReview(g, "kari.nordmann@X.NO"));
    EXPECT_FALSE(isSelfReview(g, "ola@x.no"));
    EXPECT_FALSE(isSelfReview(g, ""));
}

// ---- Campaigns -------------------------------------------------------------------------------

TEST(Campaigns, ModesHaveCodes) {
    for (const Mode m : {Mode::Full, Mode::Differential, Mode::Leavers}) EXPECT_EQ(modeFromCode(modeCode(m)), m);
    EXPECT_EQ(modeCode(Mode::Differential), "differential");
    EXPECT_FALSE(modeFromCode("partial").has_value());
}

TEST(Campaigns, ScopeEmptyListsMeanAll) {
    Scope scope;
    EXPECT_TRUE(scope.contains(person("a@x.no", "admin")));
    scope.organisations = {kOrgB};
    EXPECT_FALSE(scope.contains(person("a@x.no", "admin")));
    EXPECT_TRUE(scope.contains(person("a@x.no", "admin", "", "", kOrgB)));
    scope.privileges = {"folkeregister_role"};
    EXPECT_FALSE(scope.contains(person("a@x.no", "admin", "", "", kOrgB)));
    scope.services = {"svarut"};
    EXPECT_FALSE(scope.contains(registerRole("a@x.no", "x", false, kOrgB)));  // its service is folkeregister
}

TEST(Campaigns, EachModeTakesItsGrants) {
    Grant changed = registerRole("kari@x.no", "Offentlig med taushetsplikt", true);
    const std::vector<Grant> previous{person("ola@x.no", "admin"), changed, person("per@x.no", "admin")};
    changed.legalBasis = "Folkeregisterloven § 10-3";
    const std::vector<Grant> current{person("ola@x.no", "admin"), changed, person("lise@x.no", "admin"),
                                     person("nils@x.no", "admin", "", "", kOrgB)};
    std::vector<GrantFacts> facts(current.size());
    facts[0].holderLeft = true;
    facts[3].holderLeft = true;
    const Scope all;
    EXPECT_EQ(selectForCampaign(current, facts, all, Mode::Full, previous), (std::vector<std::size_t>{0, 1, 2, 3}));
    EXPECT_EQ(selectForCampaign(current, facts, all, Mode::Differential, previous), (std::vector<std::size_t>{1, 2, 3}));
    EXPECT_EQ(selectForCampaign(current, facts, all, Mode::Leavers, previous), (std::vector<std::size_t>{0, 3}));
    Scope onlyA;
    onlyA.organisations = {kOrgA};
    EXPECT_EQ(selectForCampaign(current, facts, onlyA, Mode::Leavers, previous), (std::vector<std::size_t>{0}));
    EXPECT_EQ(selectForCampaign(current, facts, onlyA, Mode::Differential, previous), (std::vector<std::size_t>{1, 2}));
}

// ---- Decisions -------------------------------------------------------------------------------

TEST(Decisions, KnownWords) {
    for (const char* d : {"keep", "reduce", "revoke", "delegate"}) EXPECT_TRUE(Decision::valid(d)) << d;
    EXPECT_FALSE(Decision::valid("approve"));
    for (const char* u : {"keep", "revoke", "escalate"}) EXPECT_TRUE(Unanswered::valid(u)) << u;
    EXPECT_FALSE(Unanswered::valid("delegate"));
}

TEST(Decisions, KeepingAPrivilegedGrantNeedsAJustification) {
    const Grant admin = person("kari@x.no", "admin");
    const auto why = checkDecision(admin, "keep", "  ", "", "");
    ASSERT_TRUE(why.has_value());
    EXPECT_EQ(why->rfind("field 'justification': keeping a privileged grant needs a justification", 0), 0u) << *why;
    EXPECT_FALSE(checkDecision(admin, "keep", "Driftsansvarlig for Fiks-plattformen", "", "").has_value());
    EXPECT_FALSE(checkDecision(person("ola@x.no", "privilege", "svarut", "send:oppvekst"), "keep", "", "", "").has_value());
    EXPECT_FALSE(checkDecision(admin, "revoke", "", "", "").has_value());
    const auto unknown = checkDecision(admin, "approve", "", "", "");
    ASSERT_TRUE(unknown.has_value());
    EXPECT_TRUE(contains(*unknown, "field 'decision'"));
}

TEST(Decisions, ReducingNeedsSomethingLess) {
    const Grant admin = person("kari@x.no", "admin");
    const auto nothing = checkDecision(admin, "reduce", "", " ", "");
    ASSERT_TRUE(nothing.has_value());
    EXPECT_TRUE(contains(*nothing, "field 'reduce_to'"));
    EXPECT_FALSE(checkDecision(admin, "reduce", "", "service_admin", "").has_value());
    EXPECT_TRUE(checkDecision(person("kari@x.no", "service_admin", "svarut"), "reduce", "", "admin", "").has_value());
    const Grant send = person("ola@x.no", "privilege", "svarut", "send:*");
    EXPECT_FALSE(checkDecision(send, "reduce", "", "send:oppvekst", "").has_value());
    EXPECT_TRUE(checkDecision(send, "reduce", "", "send:*", "").has_value());
}

TEST(Decisions, DelegatingNeedsSomeoneOtherThanTheHolder) {
    const Grant admin = person("kari@x.no", "admin");
    const auto self = checkDecision(admin, "delegate", "", "", "Kari@x.no");
    ASSERT_TRUE(self.has_value());
    EXPECT_TRUE(contains(*self, "field 'delegate_to'"));
    EXPECT_TRUE(checkDecision(admin, "delegate", "", "", "").has_value());
    EXPECT_TRUE(checkDecision(admin, "delegate", "", "", "not an address").has_value());
    EXPECT_FALSE(checkDecision(admin, "delegate", "", "", "leder@x.no").has_value());
}

// ---- Revocations -----------------------------------------------------------------------------

namespace {
Revocation revocation(const Grant& g, const std::string& action, const std::string& reduceTo = "") {
    Revocation r;
    r.action = action;
    r.grant = g;
    r.reduceTo = reduceTo;
    r.decidedBy = "leder@x.no";
    r.decidedAt = "2026-03-01T10:00:00Z";
    r.justification = "Sluttet i januar";
    return r;
}
}  // namespace

TEST(Revocations, CheckedAgainstTheNextExport) {
    const Grant gone = person("kari@x.no", "admin");
    const Grant lingering = person("ola@x.no", "admin");
    const Grant wide = person("per@x.no", "privilege", "svarut", "send:*");
    const std::vector<Revocation> revocations{revocation(gone, "revoke"), revocation(lingering, "revoke"),
                                              revocation(wide, "reduce", "send:oppvekst")};
    const std::vector<Grant> reduced{lingering, person("per@x.no", "privilege", "svarut", "send:oppvekst")};
    RevocationCheck check = checkRevocations(revocations, reduced);
    EXPECT_EQ(check.effective, (std::vector<std::size_t>{0, 2}));
    EXPECT_EQ(check.notEffective, (std::vector<std::size_t>{1}));
    // The wide grant still there: the reduction did not take effect.
    const std::vector<Grant> unchanged{wide};
    check = checkRevocations(revocations, unchanged);
    EXPECT_EQ(check.effective, (std::vector<std::size_t>{0, 1}));
    EXPECT_EQ(check.notEffective, (std::vector<std::size_t>{2}));
}

TEST(Revocations, CsvHasAHeaderAndQuotesAsRfc4180) {
    Revocation r = revocation(person("kari@x.no", "privilege", "svarut", "send:oppvekst"), "revoke");
    r.grant.holderName = "Nordmann, Kari";
    r.justification = "Sa \"nei takk\"";
    const std::vector<Revocation> list{r};
    const std::string csv = revocationsCsv(list);
    EXPECT_EQ(csv.rfind("action,holder_type,holder_email,holder_name,client_id,orgnr,service,privilege,detail,reduce_to,"
                        "decided_by,decided_at,justification\r\n",
                        0),
              0u)
        << csv;
    EXPECT_TRUE(contains(csv, "\"Nordmann, Kari\"")) << csv;
    EXPECT_TRUE(contains(csv, "\"Sa \"\"nei takk\"\"\"")) << csv;
}

TEST(Revocations, CsvCellsCannotRunAsFormulas) {
    Revocation r = revocation(person("kari@x.no", "privilege", "svarut", "-rm"), "reduce", "+send");
    r.grant.holderName = "@SUM(A1)";
    r.justification = "=HYPERLINK(\"http://evil.example\",\"klikk\")";
    const std::vector<Revocation> list{r};
    const std::string csv = revocationsCsv(list);
    EXPECT_TRUE(contains(csv, ",'-rm,")) << csv;
    EXPECT_TRUE(contains(csv, ",'+send,")) << csv;
    EXPECT_TRUE(contains(csv, ",'@SUM(A1),")) << csv;
    EXPECT_TRUE(contains(csv, "\"'=HYPERLINK(")) << csv;
    for (const char* bad : {",=", ",+", ",-", ",@", ",\"="}) EXPECT_FALSE(contains(csv, bad)) << bad << "\n" << csv;
}

TEST(Revocations, FilesNeverCarryAFodselsnummer) {
    Grant kari = person("kari@x.no", "admin");
    kari.holderId = kFnr;
    kari.holderName = "Kari Nordmann";
    Grant dnr = person("ola@x.no", "admin");
    dnr.holderId = kDnummer;
    const Grant fiks = integration("fiks-klient-42", "admin");
    const std::vector<Revocation> list{revocation(kari, "revoke"), revocation(dnr, "revoke"), revocation(fiks, "revoke")};
    for (const std::string& file : {revocationsCsv(list), revocationsJson(list)}) {
        EXPECT_FALSE(contains(file, kFnr)) << file;
        EXPECT_FALSE(contains(file, kDnummer)) << file;
        EXPECT_TRUE(contains(file, "kari@x.no")) << file;
        EXPECT_TRUE(contains(file, "fiks-klient-42")) << file;  // an integration is named by its client id
    }
}

TEST(Revocations, JsonHasTheFormatTagAndOneObjectPerRevocation) {
    Grant kari = person("kari@x.no", "privilege", "svarut", "send:*");
    kari.holderId = kFnr;
    const std::vector<Revocation> list{revocation(kari, "reduce", "send:oppvekst"), revocation(integration("fiks", "admin"), "revoke")};
    const auto parsed = vakt::json::parse(revocationsJson(list));
    ASSERT_TRUE(parsed) << parsed.message();
    const vakt::json::Value* format = parsed->find("format");
    ASSERT_NE(format, nullptr);
    EXPECT_EQ(format->text, "vakt-revocations-1");
    const vakt::json::Value* items = parsed->find("revocations");
    ASSERT_NE(items, nullptr);
    ASSERT_EQ(items->items.size(), 2u);
    const vakt::json::Value& first = items->items[0];
    ASSERT_NE(first.find("reduce_to"), nullptr);
    EXPECT_EQ(first.find("reduce_to")->text, "send:oppvekst");
    EXPECT_EQ(first.find("holder_email")->text, "kari@x.no");
    EXPECT_EQ(first.find("holder_id"), nullptr);
    EXPECT_EQ(first.find("client_id"), nullptr);
    ASSERT_NE(items->items[1].find("client_id"), nullptr);
    EXPECT_EQ(items->items[1].find("client_id")->text, "fiks");
    EXPECT_EQ(revocationsJson({}), "{\"format\":\"vakt-revocations-1\",\"revocations\":[]}\n");
}
