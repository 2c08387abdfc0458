// Detection rules on hand-written events: each rule fires on the misuse it names and not on
// ordinary use; repeated findings share a fingerprint.
#include <gtest/gtest.h>

#include "collector/audit/detection.h"

using namespace vakt::audit;

namespace {
constexpr std::int64_t kMinute = 60000;
const std::int64_t kMonday10 = 1795424400000;  // 2026-11-23T10:00:00+01:00, a Monday

struct Line {
    std::string actorType = "person", actor = "15058534541", org = "974760673", subject = "41019012393", action = "person.lookup";
    std::string legalBasis = "Folkeregisterloven § 10-2", area = "folkeregister", protection = "none", result = "ok", ip = "10.0.0.7";
    std::string extra;
    bool confidential = false;
    std::int64_t timeMs = kMonday10;
};

AuditEvent event(const Line& l) {
    const std::int64_t local = l.timeMs + 3600000;
    const std::int64_t s = local / 1000;
    char time[64];
    const std::int64_t days = s / 86400;
    // Civil date from days (Howard Hinnant), enough for these tests.
    std::int64_t z = days + 719468, era = z / 146097, doe = z - era * 146097, yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    std::int64_t y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153, d = doy - (153 * mp + 2) / 5 + 1,
                 m = mp < 10 ? mp + 3 : mp - 9;
    std::snprintf(time, sizeof time, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lld+01:00", static_cast<long long>(y + (m <= 2)), static_cast<long long>(m),
                  static_cast<long long>(d), static_cast<long long>(s % 86400 / 3600), static_cast<long long>(s % 3600 / 60),
                  static_cast<long long>(s % 60));
    std::string line = std::string("{\"time\":\"") + time + "\",\"service\":\"fiks-folkeregister\",\"action\":\"" + l.action +
                       "\",\"actor\":{\"type\":\"" + l.actorType + "\",\"id\":\"" + l.actor + "\",\"org\":\"" + l.org + "\"}," +
                       "\"subject\":{\"type\":\"person\",\"id\":\"" + l.subject + "\"},\"service_area\":\"" + l.area +
                       "\",\"address_protection\":\"" + l.protection + "\",\"result\":\"" + l.result + "\",\"source_ip\":\"" + l.ip +
                       "\",\"confidential\":" + (l.confidential ? "true" : "false") + (l.legalBasis.empty() ? "" : ",\"legal_basis\":\"" + l.legalBasis + "\"") +
                       l.extra + "}";
    auto e = parseEvent(line);
    EXPECT_TRUE(e) << e.message() << "\n" << line;
    return *e;
}

std::vector<Finding> run(Detector& d, const Line& l, std::int64_t seq = 0) {
    const AuditEvent e = event(l);
    return d.observe(e, partyKeys(e, std::string(32, 'k')), seq);
}

DetectionRule rule(DetectionType type) {
    DetectionRule r;
    r.name = "R";
    r.type = type;
    return r;
}
}  // namespace

TEST(Detection, LookupWithoutLegalBasis) {
    Detector d({rule(DetectionType::LookupWithoutLegalBasis)});
    EXPECT_TRUE(run(d, Line{}).empty());
    Line l;
    l.legalBasis = "";
    const auto f = run(d, l, 7);
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].seq, 7);
    // Without summaries of its own a rule says what happened in both languages.
    EXPECT_EQ(f[0].summary.rfind("R: ", 0), 0u);
    EXPECT_NE(f[0].summary.find("(person.lookup i "), std::string::npos) << f[0].summary;
    EXPECT_NE(f[0].summaryEn.find("(person.lookup in "), std::string::npos) << f[0].summaryEn;
    EXPECT_EQ(f[0].fingerprint, run(d, l, 8).at(0).fingerprint);  // same actor, same day: one incident
}

TEST(Detection, ManyDistinctPersonsInAWindow) {
    auto r = rule(DetectionType::ManyDistinctSubjects);
    r.threshold = 3;
    r.window = std::chrono::minutes(10);
    r.summary = "{actor} slo opp {count} ulike personer";
    r.summaryEn = "{actor} looked up {count} different people";
    Detector d({r});
    const char* persons[] = {"15058534541", "41019012393", "31129956049", "29020054342"};
    Line l;
    for (int i = 0; i < 3; ++i) {
        l.subject = persons[i];
        l.timeMs = kMonday10 + i * kMinute;
        EXPECT_TRUE(run(d, l).empty()) << i;
    }
    l.subject = persons[0];  // the same person again is not a new one
    EXPECT_TRUE(run(d, l).empty());
    l.subject = persons[3];
    auto f = run(d, l);
    ASSERT_EQ(f.size(), 1u);
    EXPECT_NE(f[0].summary.find("4"), std::string::npos) << f[0].summary;
    EXPECT_NE(f[0].summary.find("slo opp 4 ulike personer"), std::string::npos) << f[0].summary;
    EXPECT_NE(f[0].summaryEn.find("looked up 4 different people"), std::string::npos) << f[0].summaryEn;
    // Far later, the old lookups have left the window.
    l.timeMs += 60 * kMinute;
    l.subject = persons[1];
    EXPECT_TRUE(run(d, l).empty());
}

TEST(Detection, StrictAddressProtectionAndConfidentialOutsideArea) {
    auto strict = rule(DetectionType::StrictAddressProtection);
    strict.areas = {"folkeregister"};
    auto confidential = rule(DetectionType::ConfidentialOutsideArea);
    confidential.name = "C";
    confidential.serviceAreas = {{"fiks-folkeregister", {"barnevern"}}};
    Detector d({strict, confidential});
    Line l;
    l.protection = "strengt_fortrolig";
    EXPECT_TRUE(run(d, l).empty());  // the folkeregister area may
    l.area = "skole";
    l.confidential = true;
    auto f = run(d, l);
    ASSERT_EQ(f.size(), 2u);
    l.area = "barnevern";
    f = run(d, l);
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].rule, "R");
}

TEST(Detection, OutsideWorkingHoursInTheServicesLocalTime) {
    Detector d({rule(DetectionType::OutsideWorkingHours)});
    Line l;
    EXPECT_TRUE(run(d, l).empty());           // Monday 10:00
    l.timeMs = kMonday10 + 8 * 60 * kMinute;  // Monday 18:00
    EXPECT_EQ(run(d, l).size(), 1u);
    l.timeMs = kMonday10 + 5 * 24 * 60 * kMinute;  // Saturday 10:00
    EXPECT_EQ(run(d, l).size(), 1u);
}

TEST(Detection, PrivilegeGrantToAdministrator) {
    Detector d({rule(DetectionType::PrivilegeGrant)});
    Line l;
    l.action = "privilege.grant";
    l.extra = ",\"privilege\":\"reader\"";
    EXPECT_TRUE(run(d, l).empty());
    l.extra = ",\"privilege\":\"admin\"";
    EXPECT_EQ(run(d, l).size(), 1u);
}

TEST(Detection, IntegrationFromANewNetworkOrOrganisation) {
    Detector d({rule(DetectionType::NewSource)});
    Line l;
    l.actorType = "integration";
    l.actor = "fagsystem-1";
    EXPECT_TRUE(run(d, l).empty());  // first seen: the baseline
    l.ip = "10.0.0.99";
    EXPECT_TRUE(run(d, l).empty());  // same /24
    l.ip = "192.168.5.5";
    EXPECT_EQ(run(d, l).size(), 1u);
    l.org = "991825827";
    EXPECT_EQ(run(d, l).size(), 1u);
}

TEST(Detection, AnIntegrationsUsualSourcesComeFromHistoryAfterARestart) {
    int asked = 0;
    Detector d({rule(DetectionType::NewSource)}, [&](const std::string&, std::int64_t) {
        ++asked;
        return Past{kMonday10 - kMinute, {{"10.20.1.7", "974760673"}}};
    });
    Line l;
    l.actorType = "integration";
    l.actor = "fagsystem-1";
    l.ip = "10.20.1.200";
    l.org = "974760673";
    EXPECT_TRUE(run(d, l).empty());  // the usual network, known from before the restart
    l.ip = "192.168.5.5";
    EXPECT_EQ(run(d, l).size(), 1u);  // the first event after a restart is not taken as the baseline
    EXPECT_EQ(asked, 1);  // asked once, then kept in memory
}

TEST(Detection, DormantAccountUsesHistory) {
    auto r = rule(DetectionType::DormantAccount);
    r.window = std::chrono::hours(24 * 90);
    std::string asked;
    Detector d({r}, [&](const std::string& actor, std::int64_t) {
        asked = actor;
        return Past{kMonday10 - std::int64_t{100} * 24 * 3600000, {}};  // last seen 100 days ago
    });
    const auto f = run(d, Line{});
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(asked.rfind("hmac-sha256:", 0), 0u);  // history is asked by pseudonym
    Line l;
    l.timeMs += kMinute;
    EXPECT_TRUE(run(d, l).empty());  // active now
}

TEST(Detection, BurstOfDenied) {
    auto r = rule(DetectionType::DeniedBurst);
    r.threshold = 3;
    r.window = std::chrono::minutes(5);
    Detector d({r});
    Line l;
    l.result = "denied";
    EXPECT_TRUE(run(d, l).empty());
    l.timeMs += kMinute;
    EXPECT_TRUE(run(d, l).empty());
    l.timeMs += kMinute;
    EXPECT_EQ(run(d, l).size(), 1u);
}

TEST(Detection, StateIsBoundedOnManyActors) {
    auto r = rule(DetectionType::DeniedBurst);
    r.threshold = 2;
    Detector d({r}, {}, 100);
    Line l;
    l.actorType = "integration";
    l.result = "denied";
    for (int i = 0; i < 2000; ++i) {
        l.actor = "klient-" + std::to_string(i);
        EXPECT_TRUE(run(d, l).empty());
        ASSERT_LE(d.trackedActors(), 100u);
    }
}
