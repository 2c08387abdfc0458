// Freshdesk's ticket export read as the desk migrating from it would check: every default value
// mapped, times as Freshdesk writes them, every broken row named with its line and column.
#include <gtest/gtest.h>

#include "servicedesk/freshdesk.h"

using namespace vakt::desk::freshdesk;

namespace {
const std::string kHeader =
    "Ticket ID,Subject,Description,Status,Priority,Source,Type,Agent,Group,Created time,Due by Time,Resolved time,Closed time,"
    "Requester Name,Requester Email,Company,Tags,Kommunenr (custom)\n";
}

TEST(Freshdesk, MapsTheDefaultFieldsOfAnExport) {
    const std::string csv = kHeader +
                            "101,SvarUt nede,\"Ingen forsendelser, siden 08:00\",Open,Urgent,Phone,Incident,Marte Dahl,Førstelinje,2026-11-30 08:15:00,"
                            "2026-11-30 12:15:00,,,Kari Arkiv,kari@bergen.kommune.no,Bergen kommune,\"svarut, drift\",4601\n"
                            "102,Spørsmål om Fiks IO,,Pending,Low,Email,Question,,,2026-11-29 10:00:00,,,,Ola,ola@oslo.kommune.no,,,0301\n"
                            "103,Treg respons,,Resolved,High,Portal,Problem,,,2026-11-28 09:00,,2026-11-28 15:30:00,,,,,,\n"
                            "104,Gammel sak,,Closed,Medium,Email,,,,01-02-2025 09:00:00,,,03-02-2025 10:00:00,,,,,\n";
    auto parsed = parse(csv);
    ASSERT_TRUE(parsed) << parsed.message();
    EXPECT_TRUE(parsed->problems.empty());
    ASSERT_EQ(parsed->tickets.size(), 4u);
    const Ticket& urgent = parsed->tickets[0];
    EXPECT_EQ(urgent.line, 2);
    EXPECT_EQ(urgent.id, "101");
    EXPECT_EQ(urgent.priority, "P1");
    EXPECT_EQ(urgent.kind, "fault");
    EXPECT_EQ(urgent.state, "in_progress");  // open in Freshdesk: someone has it
    EXPECT_EQ(urgent.description, "Ingen forsendelser, siden 08:00");
    EXPECT_EQ(urgent.company, "Bergen kommune");
    EXPECT_EQ(urgent.agent, "Marte Dahl");
    EXPECT_EQ(urgent.tags, (std::vector<std::string>{"svarut", "drift"}));
    EXPECT_EQ(urgent.created.hour, 8);
    EXPECT_EQ(urgent.created.minute, 15);
    EXPECT_EQ(parsed->tickets[1].state, "waiting");
    EXPECT_EQ(parsed->tickets[1].waitingOn, "reporter");
    EXPECT_EQ(parsed->tickets[1].priority, "P4");
    EXPECT_EQ(parsed->tickets[1].kind, "question");
    EXPECT_EQ(parsed->tickets[2].kind, "deviation");
    EXPECT_EQ(parsed->tickets[2].priority, "P2");
    ASSERT_TRUE(parsed->tickets[2].resolved);
    EXPECT_EQ(parsed->tickets[2].resolved->minute, 30);
    EXPECT_EQ(parsed->tickets[3].kind, "question");  // no type: an enquiry
    EXPECT_EQ(parsed->tickets[3].created.year, 2025);  // day-first dates
    EXPECT_EQ(parsed->tickets[3].created.month, 2);
    ASSERT_TRUE(parsed->tickets[3].closed);
    EXPECT_EQ(parsed->tickets[3].closed->day, 3);
    // Custom fields are reported, not silently dropped.
    EXPECT_EQ(parsed->ignoredColumns, (std::vector<std::string>{"Kommunenr (custom)"}));
}

TEST(Freshdesk, NamesEveryBrokenRowByLineAndColumn) {
    const std::string csv = kHeader +
                            "201,Grei sak,,Open,Low,Email,Question,,,2026-11-30 08:00:00,,,,,,,,\n"
                            "202,Ukjent prioritet,,Open,Kritisk,Email,Question,,,2026-11-30 08:00:00,,,,,,,,\n"
                            "203,,,Open,Low,Email,Question,,,2026-11-30 25:00:00,,,,,,,,\n"
                            "201,Samme nummer,,Open,Low,Email,Question,,,2026-11-30 08:00:00,,,,,,,,\n"
                            "abc,Status ukjent,,Snoozed,Low,Email,Refund?,,,2026-11-30,,,,,,,,\n"
                            "205,For få felt\n";
    auto parsed = parse(csv);
    ASSERT_TRUE(parsed) << parsed.message();
    std::vector<std::string> seen;
    for (const auto& p : parsed->problems) seen.push_back(std::to_string(p.line) + " " + p.column);
    EXPECT_EQ(seen, (std::vector<std::string>{"3 Priority", "4 Subject", "4 Created time", "5 Ticket ID", "6 Ticket ID", "6 Type", "6 Status", "7 "}));
    EXPECT_NE(parsed->problems[0].message.find("'Kritisk'"), std::string::npos);
    EXPECT_NE(parsed->problems[3].message.find("appears twice"), std::string::npos);
}

TEST(Freshdesk, RefusesAFileThatIsNotATicketExport) {
    EXPECT_FALSE(parse(""));
    auto contacts = parse("Name,Email,Phone\nKari,kari@example.no,123\n");
    ASSERT_FALSE(contacts);
    EXPECT_NE(contacts.message().find("column 'ticket id' is missing"), std::string::npos);
    auto twice = parse("Ticket ID,Subject,Status,Priority,Created time,Subject\n");
    ASSERT_FALSE(twice);
    EXPECT_NE(twice.message().find("appears twice"), std::string::npos);
    EXPECT_FALSE(parse("Ticket ID,Subject\n\"unterminated\n"));
}

TEST(Freshdesk, ReadsTimesOnlyAsTheHelpdeskWritesThem) {
    EXPECT_TRUE(parseTime("2026-03-05 10:15:22"));
    EXPECT_TRUE(parseTime("2026-03-05T10:15"));
    EXPECT_TRUE(parseTime("05-03-2026 10:15:22"));
    EXPECT_TRUE(parseTime("2026-03-05"));
    // A zone would mean the time is not the helpdesk's wall clock; nonsense is refused.
    EXPECT_FALSE(parseTime("2026-03-05 10:15:22Z"));
    EXPECT_FALSE(parseTime("2026-02-30 10:00:00"));
    EXPECT_FALSE(parseTime("2026-03-05 24:00:00"));
    EXPECT_FALSE(parseTime("yesterday"));
    EXPECT_FALSE(parseTime("2026-03-05 10"));
}

TEST(Freshdesk, AByteOrderMarkBeforeTheHeaderIsNoProblem) {
    auto parsed = parse("\xef\xbb\xbfTicket ID,Subject,Status,Priority,Created time\n7,Hei,Closed,Low,2026-01-02 03:04:05\n");
    ASSERT_TRUE(parsed) << parsed.message();
    ASSERT_EQ(parsed->tickets.size(), 1u);
    EXPECT_EQ(parsed->tickets[0].state, "closed");
}
