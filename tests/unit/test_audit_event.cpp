// "Vakt audit event v1": what is accepted, what is refused and why, and the canonical bytes.
#include <gtest/gtest.h>

#include <string>

#include "collector/audit/event.h"
#include "core/base/norway.h"

using namespace vakt;
using namespace vakt::audit;

namespace {
// 15058534541 is a synthetic fødselsnummer with valid control digits; 41019012393 a d-nummer.
const std::string kLookup =
    R"({"time":"2026-11-26T09:15:00.250+01:00","service":"fiks-folkeregister","action":"person.lookup",)"
    R"("actor":{"type":"person","id":"15058534541","org":"974760673"},"on_behalf_of":"974760673",)"
    R"("subject":{"type":"person","id":"41019012393"},"legal_basis":"Forvaltningsloven § 17",)"
    R"("service_area":"barnevern","confidential":true,"address_protection":"strengt_fortrolig","result":"ok",)"
    R"("source_ip":"10.1.2.3","request_id":"r-1","x_vendor":{"b":2,"a":[1,2.50]}})";
const std::string kKey(32, 'k');
}  // namespace

TEST(AuditEvent, ReadsEveryFieldAndKeepsUnknownOnes) {
    auto e = parseEvent(kLookup);
    ASSERT_TRUE(e) << e.message();
    EXPECT_EQ(e->timeMs, 1795680900250);  // 08:15:00.250 UTC
    EXPECT_EQ(e->service, "fiks-folkeregister");
    EXPECT_EQ(e->actorType, "person");
    EXPECT_EQ(e->subjectId, "41019012393");
    EXPECT_EQ(e->addressProtection, "strengt_fortrolig");
    EXPECT_EQ(e->confidential, true);
    EXPECT_TRUE(e->warnings.empty());
    ASSERT_NE(e->document.find("x_vendor"), nullptr);
}

TEST(AuditEvent, RefusalsNameTheField) {
    struct Case {
        std::string line, says;
    };
    const std::string actor = R"("actor":{"type":"integration","id":"svarut-klient","org":"974760673"})";
    const std::string base = R"("service":"svarut","action":"forsendelse.send",)";
    for (const Case& c : {
             Case{R"({"service":"svarut","action":"a",)" + actor + "}", "field 'time': required"},
             Case{R"({"time":"2026-11-26T09:15:00",)" + base + actor + "}", "field 'time'"},  // no offset
             Case{R"({"time":"2026-02-30T09:15:00Z",)" + base + actor + "}", "field 'time'"},
             Case{R"({"time":"2026-11-26T09:15:00Z","service":"svarut","action":"forsendelse.send"})", "field 'actor': required"},
             Case{R"({"time":"2026-11-26T09:15:00Z",)" + base + R"("actor":{"type":"robot","id":"x","org":"974760673"}})", "field 'actor.type'"},
             Case{R"({"time":"2026-11-26T09:15:00Z",)" + base + R"("actor":{"type":"person","id":"x","org":"123456789"}})", "field 'actor.org'"},
             Case{R"({"time":"2026-11-26T09:15:00Z",)" + base + actor + R"(,"result":"maybe"})", "field 'result'"},
             Case{R"({"time":"2026-11-26T09:15:00Z",)" + base + actor + R"(,"confidential":"yes"})", "field 'confidential'"},
             Case{R"({"time":"2026-11-26T09:15:00Z",)" + base + actor + R"(,"service":"x"})", "field 'service': given twice"},
             Case{R"({"time":"2026-11-26T09:15:00Z",)" + base + actor + R"(,"subject":{"type":"person"}})", "field 'subject.id'"},
             Case{R"({"time":"2026-11-26T09:15:00Z",)" + base + actor + R"(,"x":[{"a":1,"a":2}]})", "field 'x[0].a': given twice"},
             Case{R"([1,2])", "must be a JSON object"},
             Case{"{\"time\":\"\xff\"}", "invalid JSON"},
             Case{R"({"time": )", "invalid JSON"},
         }) {
        auto e = parseEvent(c.line);
        ASSERT_FALSE(e) << c.line;
        EXPECT_NE(e.message().find(c.says), std::string::npos) << c.line << "\n -> " << e.message();
    }
}

TEST(AuditEvent, OverlongLinesAreRefusedBeforeParsing) {
    EventLimits limits;
    limits.maxLineBytes = 100;
    auto e = parseEvent(kLookup, limits);
    ASSERT_FALSE(e);
    EXPECT_NE(e.message().find("over the limit of 100"), std::string::npos) << e.message();
}

TEST(AuditEvent, MalformedPersonIdsAreAcceptedButFlagged) {
    std::string line = kLookup;
    line.replace(line.find("41019012393"), 11, "41019012394");  // wrong control digit
    auto e = parseEvent(line);
    ASSERT_TRUE(e) << e.message();
    ASSERT_EQ(e->warnings.size(), 1u);
    EXPECT_NE(e->warnings[0].find("subject.id"), std::string::npos);
}

TEST(AuditEvent, CanonicalBytesHideAndSortButKeepEverythingElse) {
    auto e = parseEvent(kLookup);
    ASSERT_TRUE(e);
    const std::string canonical = canonicalEvent(*e, kKey);
    EXPECT_EQ(canonical.find("15058534541"), std::string::npos);
    EXPECT_EQ(canonical.find("41019012393"), std::string::npos);
    EXPECT_NE(canonical.find(pseudonym(kKey, "41019012393")), std::string::npos);
    EXPECT_NE(canonical.find(R"("x_vendor":{"a":[1,2.50],"b":2})"), std::string::npos) << canonical;
    EXPECT_LT(canonical.find("\"action\""), canonical.find("\"actor\""));
    // The same event written differently gives the same bytes; another key gives other pseudonyms.
    auto reordered = parseEvent(R"({ "x_vendor": {"a": [1, 2.50], "b": 2}, )" + kLookup.substr(1, kLookup.find(",\"x_vendor\"") - 1) + "}");
    ASSERT_TRUE(reordered) << reordered.message();
    EXPECT_EQ(canonicalEvent(*reordered, kKey), canonical);
    EXPECT_NE(canonicalEvent(*e, std::string(32, 'j')), canonical);
}

TEST(AuditEvent, PersonIdsInOtherFieldsAreStoredOnlyAsPseudonyms) {
    // A service wrote a fødselsnummer into free text, an extra member of the subject and the
    // request id; an organisation number and a number that fails the control digits stay as written.
    std::string line = kLookup;
    line.replace(line.find(R"("request_id":"r-1")"), 18, R"("request_id":"15058534541")");
    line.replace(line.find(R"("x_vendor")"), 10,
                 R"x("note":"Oppslag på 41019012393 (sak 12345678901, org 974760673)","extra":["15058534541"],"x_vendor")x");
    line.replace(line.find(R"("id":"41019012393"})"), 19, R"("id":"41019012393","name":"41019012393"})");
    auto e = parseEvent(line);
    ASSERT_TRUE(e) << e.message();
    const std::vector<std::string> ids = {"41019012393", "15058534541"};
    EXPECT_EQ(e->otherPersonIds, ids);
    std::string warnings;
    for (const auto& w : e->warnings) warnings += w + "\n";
    EXPECT_EQ(e->warnings.size(), 4u) << warnings;
    for (const char* field : {"field 'note'", "field 'extra[0]'", "field 'subject.name'", "field 'request_id' is not meant for a person id"})
        EXPECT_NE(warnings.find(field), std::string::npos) << warnings;
    const std::string canonical = canonicalEvent(*e, kKey);
    EXPECT_NE(canonical.find(R"("note":"Oppslag på )" + pseudonym(kKey, "41019012393") + R"x( (sak 12345678901, org 974760673)")x"),
              std::string::npos)
        << canonical;
    EXPECT_NE(canonical.find(R"("extra":[")" + pseudonym(kKey, "15058534541") + R"("])"), std::string::npos) << canonical;
    EXPECT_NE(canonical.find(R"("name":")" + pseudonym(kKey, "41019012393") + "\""), std::string::npos) << canonical;
    // A field of the format that is not a person's: flagged above, and the id replaced all the same.
    EXPECT_NE(canonical.find(R"("request_id":")" + pseudonym(kKey, "15058534541") + "\""), std::string::npos) << canonical;
    EXPECT_EQ(canonical.find("15058534541"), std::string::npos) << canonical;
}

// Numbers, member names and ids written as people write them (six and five digits with a space,
// dot or hyphen) are person ids too; longer runs of digits and other splits are not.
TEST(AuditEvent, PersonIdsAreFoundInEveryFormAndPlace) {
    std::string line = kLookup;
    line.replace(line.find(R"("x_vendor")"), 10,
                 R"x("saksnr":41019012393,"150585 34541":"a","notes":["150585.34541","150585-34541","1505853454123","15058 534541","150585  34541"],"x_vendor")x");
    auto e = parseEvent(line);
    ASSERT_TRUE(e) << e.message();
    const std::string canonical = canonicalEvent(*e, kKey);
    const std::string fnr = pseudonym(kKey, "15058534541"), dnr = pseudonym(kKey, "41019012393");
    EXPECT_NE(canonical.find(R"("saksnr":")" + dnr + "\""), std::string::npos) << canonical;  // a number becomes its pseudonym
    EXPECT_NE(canonical.find("\"" + fnr + R"(":"a")"), std::string::npos) << canonical;        // so does a member name
    EXPECT_NE(canonical.find("[\"" + fnr + "\",\"" + fnr + "\",\"1505853454123\",\"15058 534541\",\"150585  34541\"]"), std::string::npos)
        << canonical;
    for (const char* clear : {"41019012393", "150585 34541", "150585.34541", "150585-34541"})
        EXPECT_EQ(canonical.find(clear), std::string::npos) << clear << " in " << canonical;
    // Members stay sorted by the names as stored.
    EXPECT_LT(canonical.find("\"confidential\":"), canonical.find("\"" + fnr + "\":")) << canonical;
    EXPECT_LT(canonical.find("\"" + fnr + "\":"), canonical.find("\"legal_basis\":")) << canonical;
    // A search typed with a space finds the same pseudonym.
    EXPECT_EQ(pseudonymiseIds("150585 34541", kKey), fnr);
    EXPECT_EQ(pseudonymiseIds("sak-150585.34541/2", kKey), "sak-" + fnr + "/2");
    EXPECT_EQ(pseudonymiseIds("1505853454123", kKey), "1505853454123");
}

// Verify recomputes what search reads from the canonical bytes alone: the same values ingest
// stores (parsed, with party keys, person ids scrubbed), for events of every shape.
TEST(AuditEvent, SearchFieldsReadBackFromTheCanonicalBytesAreWhatIngestStores) {
    const std::string integration = R"("actor":{"type":"integration","id":"svarut-klient 15058534541","org":"974760673"})";
    const std::vector<std::string> lines = {
        kLookup,
        R"({"time":"2026-11-26T23:59:59Z","service":"svarut \"ny\" \u00e6\u00f8\u00e5 \ud83d\ude00","action":"send\n\tnow",)" + integration + "}",
        R"({"time":"2026-11-26T10:00:00-02:30","service":"digisos","action":"a","subject":null,"result":null,)" + integration + "}",
        R"({"time":"2026-11-26T10:00:00+01:00","service":"s 150585 34541","action":"a","result":"denied",)" + integration +
            R"(,"subject":{"type":"document","id":"doc-1"},"zz":[{"actor":{"id":"not this one"}}]})",
    };
    for (const std::string& line : lines) {
        auto e = parseEvent(line);
        ASSERT_TRUE(e) << e.message() << ": " << line;
        PartyKeys parties = partyKeys(*e, kKey);
        const std::string canonical = canonicalEvent(*e, parties);
        scrubParsedFields(*e, parties);
        const SearchFields stored{e->timeMs, e->service, e->action, parties.actor, e->actorOrg, parties.subject, e->result};
        const auto derived = searchFieldsOf(canonical);
        ASSERT_TRUE(derived) << canonical;
        EXPECT_EQ(*derived, stored) << canonical;
    }
}

TEST(AuditEvent, SearchFieldsOfBytesThatAreNotACanonicalEventAreNothing) {
    for (const std::string& bad : std::vector<std::string>{"", "{", "{}", R"({"time":"2026-11-26T10:00:00Z"})", R"({"time":"yesterday","actor":{"id":"a"}})",
                                  R"({"time":"2026-11-26T10:00:00Z","actor":{"id":"a"}} trailing)", R"({"time":"2026-11-26T10:00:00Z","actor":{"id":"a\u12"}})",
                                  R"({"time":"2026-11-26T10:00:00Z","actor":{"id":"a"},"x":)" + std::string(100, '[')})
        EXPECT_FALSE(searchFieldsOf(bad)) << bad;
}

TEST(AuditEvent, Rfc3339) {
    EXPECT_EQ(parseRfc3339("1970-01-01T00:00:00Z"), 0);
    EXPECT_EQ(parseRfc3339("1970-01-01T01:00:00+01:00"), 0);
    EXPECT_EQ(parseRfc3339("2024-02-29T23:59:59.5-00:30"), 1709251199500 + 1800000);
    for (const char* bad : {"2023-02-29T00:00:00Z", "2024-13-01T00:00:00Z", "2024-01-01 00:00:00Z", "2024-01-01T00:00:00+0100", "2024-01-01T00:00:00.Z",
                            "2024-01-01T00:00:00Zjunk"})
        EXPECT_FALSE(parseRfc3339(bad)) << bad;
}

TEST(PersonId, ControlDigitsAndDNummer) {
    norway::PersonIdKind kind{};
    EXPECT_TRUE(norway::isValidPersonId("15058534541", &kind));
    EXPECT_EQ(kind, norway::PersonIdKind::Fodselsnummer);
    EXPECT_TRUE(norway::isValidPersonId("41019012393", &kind));
    EXPECT_EQ(kind, norway::PersonIdKind::DNummer);
    for (const char* bad : {"15058534542", "1505853454", "150585345411", "1505853454a", "32018534541", "00000000000"})
        EXPECT_FALSE(norway::isValidPersonId(bad)) << bad;
}
