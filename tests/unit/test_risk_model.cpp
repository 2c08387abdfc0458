// The threat-model format, the rule language, derived facts, threat ids and diffs, on small
// hand-written models whose answers are known.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "riskmodel/analysis.h"
#include "riskmodel/diff.h"
#include "riskmodel/model.h"
#include "riskmodel/rules.h"

using namespace vakt;
using namespace vakt::risk;

namespace {

const char* kModel = R"(vakt_threat_model: 1
id: svarut
title: SvarUt
service: svarut
assets:
  - id: forsendelse
    title: Forsendelser
    confidentiality: special
    integrity: high
    availability: medium
  - id: status
    confidentiality: internal
boundaries:
  - id: internett
    kind: internet
  - id: kommune
    kind: organisation
    organisation: kommune
  - id: drift
    kind: organisation
    organisation: nordlys-drift
  - id: prodnett
    kind: network
    parent: drift
elements:
  - id: innbygger
    title: Innbygger
    kind: external
    boundary: internett
  - id: fagsystem
    title: Fagsystem
    kind: external
    boundary: kommune
  - id: api
    title: SvarUt API
    kind: process
    boundary: prodnett
    aliases: [svarut-rest]
    properties:
      technology: api
      audit_logging: true
  - id: arkiv
    title: Forsendelsesarkiv
    kind: store
    boundary: prodnett
    properties:
      encryption_at_rest: false
flows:
  - id: innsending
    from: fagsystem
    to: api
    data: [forsendelse]
    properties:
      protocol: https
      authentication: maskinporten
  - id: lagring
    from: api
    to: arkiv
    data: [forsendelse]
    properties:
      protocol: jdbc
  - id: statusoppslag
    from: arkiv
    to: api
)";

const char* kUnencryptedRule = R"(vakt_risk_rule: 1
id: TEST-I-001
title: {nb: Ukryptert over grense, en: Unencrypted across a boundary}
description: {nb: Beskrivelse, en: Description}
stride: information_disclosure
applies_to: [flow]
when:
  all:
    - {fact: crosses_boundary, is: true}
    - {fact: encrypted, is_not: true}
    - {fact: confidentiality, at_least: personal}
likelihood: 3
raise_likelihood_when: {source: {fact: untrusted, is: true}}
consequence: confidentiality
cwe: [319]
nsm: ["2.7"]
iso27002: ["8.24"]
)";

const char* kStoreRule = R"(vakt_risk_rule: 1
id: TEST-I-002
title: {nb: Ukryptert lager, en: Unencrypted store}
description: {nb: B, en: D}
stride: information_disclosure
applies_to: [store]
when:
  all:
    - {fact: encryption_at_rest, is_not: true}
    - {fact: confidentiality, at_least: special}
likelihood: 2
consequence: confidentiality
)";

const char* kGatewayRule = R"(vakt_risk_rule: 1
id: TEST-S-001
title: {nb: Uten gateway, en: No gateway}
description: {nb: B, en: D}
stride: spoofing
applies_to: [process]
when:
  all:
    - {incoming: {source: {fact: untrusted, is: true}}}
    - {not: {incoming: {source: {fact: technology, in: [gateway, waf, reverse-proxy]}}}}
likelihood: 4
consequence: 3
)";

Model model(const std::string& text = kModel) {
    auto m = parseModel(text, "svarut.yaml");
    EXPECT_TRUE(m.ok()) << m.message();
    return m.ok() ? *m : Model{};
}

std::vector<Rule> rules(std::initializer_list<const char*> texts) {
    std::vector<Rule> out;
    int n = 0;
    for (const char* t : texts) {
        auto r = parseRule(t, "rule" + std::to_string(++n) + ".yaml");
        EXPECT_TRUE(r.ok()) << r.message();
        if (r) out.push_back(*r);
    }
    return out;
}

std::string parseError(const std::string& text) {
    auto m = parseModel(text, "bad.yaml");
    return m.ok() ? std::string("(accepted)") : m.message();
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
    return text;
}

std::vector<std::string> ids(const Analysis& a) {
    std::vector<std::string> out;
    for (const auto& t : a.threats()) out.push_back(t.id);
    return out;
}

}  // namespace

TEST(RiskModel, ReadsEveryPartWithItsLine) {
    const Model m = model();
    EXPECT_EQ(m.id, "svarut");
    EXPECT_EQ(m.service, "svarut");
    ASSERT_EQ(m.assets.size(), 2u);
    EXPECT_EQ(m.assets[0].confidentiality, Confidentiality::Special);
    EXPECT_EQ(m.assets[1].integrity, std::nullopt);
    ASSERT_EQ(m.boundaries.size(), 4u);
    EXPECT_EQ(m.findBoundary("prodnett")->parent, "drift");
    ASSERT_EQ(m.elements.size(), 4u);
    ASSERT_EQ(m.flows.size(), 3u);
    const Element* api = m.findElement("api");
    ASSERT_NE(api, nullptr);
    EXPECT_EQ(api->title, "SvarUt API");
    EXPECT_EQ(api->aliases, std::vector<std::string>{"svarut-rest"});
    EXPECT_EQ(api->properties.at("technology"), "api");
    EXPECT_EQ(api->line, 34);
    EXPECT_EQ(m.findElement("innsending")->from, "fagsystem");
    EXPECT_EQ(m.findElement("statusoppslag")->title, "statusoppslag");  // no title: the id
}

TEST(RiskModel, BadModelsAreRefusedWithFileLineAndReason) {
    const std::string good = kModel;
    EXPECT_EQ(parseError(replaced(good, "    to: arkiv\n", "    to: arkive\n")),
              "bad.yaml:58: field 'flows.lagring.to': unknown element 'arkive'");
    EXPECT_EQ(parseError(replaced(good, "    boundary: prodnett\n    aliases", "    boundary: prodnet\n    aliases")),
              "bad.yaml:37: field 'elements.api.boundary': unknown boundary 'prodnet'");
    EXPECT_EQ(parseError(replaced(good, "confidentiality: special", "confidentiality: secret")),
              "bad.yaml:8: field 'assets.forsendelse.confidentiality': 'secret' is not one of public, internal, personal, "
              "special, strengt-fortrolig");
    EXPECT_EQ(parseError(replaced(good, "      audit_logging: true", "      audit_logging: yes please")),
              "bad.yaml:41: field 'elements.api.properties.audit_logging': expected true or false, not 'yes please'");
    EXPECT_EQ(parseError(replaced(good, "      audit_logging: true", "      audit_loging: true")),
              "bad.yaml:41: field 'elements.api.properties.audit_loging': unknown property");
    EXPECT_EQ(parseError(replaced(good, "      audit_logging: true", "      protocol: https")),
              "bad.yaml:41: field 'elements.api.properties.protocol': not a property of elements");
    EXPECT_EQ(parseError(replaced(good, "      audit_logging: true", "      untrusted: false")),
              "bad.yaml:41: field 'elements.api.properties.untrusted': computed by Vakt from the model; it cannot be set");
    EXPECT_EQ(parseError(replaced(good, "  - id: arkiv\n", "  - id: api\n")),
              "bad.yaml:42: field 'elements.api': id already used by element on line 34");
    // A boundary that is its own ancestor.
    EXPECT_EQ(parseError(replaced(good, "    organisation: nordlys-drift\n", "    organisation: nordlys-drift\n    parent: prodnett\n")),
              "bad.yaml:22: field 'boundaries.drift.parent': boundaries nest in a cycle through 'drift'");
    // References use current ids; an old one is named as such.
    EXPECT_EQ(parseError(replaced(good, "    to: api\n    data: [forsendelse]", "    to: svarut-rest\n    data: [forsendelse]")),
              "bad.yaml:51: field 'flows.innsending.to': 'svarut-rest' is an old id of 'api'; refer to it by its id");
    EXPECT_EQ(parseError(replaced(good, "    from: api\n", "    from: arkiv\n")),
              "bad.yaml:58: field 'flows.lagring.to': a flow from 'arkiv' to itself");
    EXPECT_EQ(parseError(replaced(good, "id: svarut\n", "id: SvarUt\n")),
              "bad.yaml:1: field 'id': 'SvarUt' is not a valid id (lower-case letters, digits, '.', '_' and '-', at most 120)");
    EXPECT_EQ(parseError(replaced(good, "    kind: network\n", "    kind: vlan\n")),
              "bad.yaml:23: field 'boundaries.prodnett.kind': 'vlan' is not one of internet, organisation, network, cloud, zone");
    EXPECT_EQ(parseError(replaced(good, "title: SvarUt\n", "titel: SvarUt\n")), "bad.yaml:3: field 'titel': unknown field");
    EXPECT_EQ(parseError(replaced(good, "vakt_threat_model: 1\n", "vakt_threat_model: 2\n")),
              "bad.yaml:1: field 'vakt_threat_model': expected a whole number from 1 to 1, not '2'");
    // YAML that does not parse names its line.
    const std::string broken = parseError(replaced(good, "    data: [forsendelse]\n    properties:\n      protocol: jdbc",
                                                   "    data: [forsendelse\n    properties:\n      protocol: jdbc"));
    EXPECT_EQ(broken.rfind("bad.yaml:", 0), 0u) << broken;
    // The unclosed list is on line 59; the parser notices it on the next line.
    EXPECT_TRUE(broken.find(":59:") != std::string::npos || broken.find(":60:") != std::string::npos) << broken;
    EXPECT_EQ(parseError("- just\n- a list\n"), "bad.yaml:1: field '': expected a threat model (a mapping with vakt_threat_model: 1)");
}

TEST(RiskModel, HostileInputIsRefusedNotCrashedOn) {
    std::string deep = "vakt_threat_model: 1\nid: x\nassets: ";
    for (int i = 0; i < 5000; ++i) deep += "[";
    const std::string error = parseError(deep);
    EXPECT_EQ(error.rfind("bad.yaml:", 0), 0u) << error;
    EXPECT_NE(parseError(std::string(17u * 1024u * 1024u, ' ')).find("larger than 16 MiB"), std::string::npos);
}

TEST(RiskModel, DataRatingsPropagateAlongFlows) {
    const Model m = model();
    const Analysis a(m, {});
    // The store holds nothing itself; the flow into it carries special-category data.
    EXPECT_EQ(a.fact(*m.findElement("arkiv"), "confidentiality"), "special");
    EXPECT_EQ(a.fact(*m.findElement("arkiv"), "integrity"), "high");
    // A flow without data carries what its source holds (the archive holds nothing of its own).
    EXPECT_EQ(a.fact(*m.findElement("statusoppslag"), "confidentiality"), std::nullopt);
    EXPECT_EQ(a.fact(*m.findElement("innsending"), "confidentiality"), "special");
    EXPECT_EQ(a.fact(*m.findElement("innbygger"), "confidentiality"), std::nullopt);
}

TEST(RiskModel, DerivedFactsOfTrustAndBoundaries) {
    const Model m = model();
    const Analysis a(m, {});
    EXPECT_EQ(a.fact(*m.findElement("innbygger"), "untrusted"), "true");
    EXPECT_EQ(a.fact(*m.findElement("fagsystem"), "untrusted"), "true");  // every external entity
    EXPECT_EQ(a.fact(*m.findElement("api"), "untrusted"), "false");
    EXPECT_EQ(a.fact(*m.findElement("innsending"), "crosses_boundary"), "true");
    EXPECT_EQ(a.fact(*m.findElement("innsending"), "crosses_organisation"), "true");
    EXPECT_EQ(a.fact(*m.findElement("lagring"), "crosses_boundary"), "false");
    // jdbc is not encrypted, https is; an explicit property wins over the protocol.
    EXPECT_EQ(a.fact(*m.findElement("lagring"), "encrypted"), "false");
    EXPECT_EQ(a.fact(*m.findElement("innsending"), "encrypted"), "true");
    EXPECT_EQ(a.fact(*m.findElement("statusoppslag"), "encrypted"), std::nullopt);
    // The organisation comes from the nearest boundary that names one.
    EXPECT_EQ(a.derived(*m.findElement("api")).organisation, "nordlys-drift");
}

TEST(RiskRules, ThreatsCarryRuleElementAndScores) {
    const Model m = model();
    const auto r = rules({kUnencryptedRule, kStoreRule, kGatewayRule});
    const Analysis a(m, r);
    EXPECT_EQ(ids(a), (std::vector<std::string>{"TEST-I-002/arkiv", "TEST-S-001/api"}));
    const Threat& store = a.threats()[0];
    EXPECT_EQ(store.rule->id, "TEST-I-002");
    EXPECT_EQ(store.element->id, "arkiv");
    EXPECT_EQ(store.likelihood, 2);
    EXPECT_EQ(store.consequence, 4);  // special
    EXPECT_EQ(store.level, Level::Medium);
    const Threat& gateway = a.threats()[1];
    EXPECT_EQ(gateway.consequence, 3);
    EXPECT_EQ(gateway.level, Level::High);  // 4 x 3

    // The integration moved to plain http: now the flow crosses unencrypted, and the raise
    // applies because its source is untrusted.
    const Model http = model(replaced(kModel, "      protocol: https\n", "      protocol: http\n"));
    const Analysis b(http, r);
    ASSERT_EQ(ids(b).front(), "TEST-I-001/innsending");
    EXPECT_EQ(b.threats().front().likelihood, 4);
    EXPECT_EQ(b.threats().front().consequence, 4);
    EXPECT_EQ(b.threats().front().level, Level::Critical);
    // A gateway in front silences the gateway rule.
    const Model gated = model(replaced(replaced(kModel, "  - id: arkiv\n", "  - id: gw\n    kind: process\n    boundary: prodnett\n    properties: {technology: gateway}\n  - id: arkiv\n"),
                                       "    from: fagsystem\n    to: api\n", "    from: fagsystem\n    to: gw\n"));
    const Analysis c(gated, r);
    const auto gatedIds = ids(c);
    EXPECT_EQ(std::count(gatedIds.begin(), gatedIds.end(), "TEST-S-001/api"), 0);
    EXPECT_EQ(std::count(gatedIds.begin(), gatedIds.end(), "TEST-S-001/gw"), 1);
}

TEST(RiskRules, IsNotMatchesUnknownButIsDoesNot) {
    const char* rule = R"(vakt_risk_rule: 1
id: TEST-R-001
title: {nb: a, en: b}
description: {nb: a, en: b}
stride: repudiation
applies_to: [process, store]
when: {fact: audit_logging, is_not: true}
likelihood: 2
consequence: 2
)";
    const char* explicitFalse = R"(vakt_risk_rule: 1
id: TEST-R-002
title: {nb: a, en: b}
description: {nb: a, en: b}
stride: repudiation
applies_to: [process, store]
when: {fact: audit_logging, is: false}
likelihood: 2
consequence: 2
)";
    const Model m = model();
    const auto r = rules({rule, explicitFalse});
    const Analysis a(m, r);
    EXPECT_EQ(ids(a), std::vector<std::string>{"TEST-R-001/arkiv"});  // api logs; arkiv unknown
}

TEST(RiskRules, BadRulesAreRefusedWithFileLineAndReason) {
    auto error = [](const std::string& text) {
        auto r = parseRule(text, "r.yaml");
        return r.ok() ? std::string("(accepted)") : r.message();
    };
    const std::string good = kUnencryptedRule;
    EXPECT_EQ(error(good), "(accepted)");
    EXPECT_EQ(error(replaced(good, "{fact: crosses_boundary, is: true}", "{fact: crosses_boundry, is: true}")),
              "r.yaml:9: field 'when.all.crosses_boundry': unknown fact 'crosses_boundry'");
    EXPECT_EQ(error(replaced(good, "at_least: personal", "at_least: secret")),
              "r.yaml:11: field 'when.all.confidentiality': 'secret' is not one of public, internal, personal, special, strengt-fortrolig");
    EXPECT_EQ(error(replaced(good, "{fact: encrypted, is_not: true}", "{fact: protocol, at_least: https}")),
              "r.yaml:10: field 'when.all.protocol': 'protocol' has no order; use is or in");
    EXPECT_EQ(error(replaced(good, "{fact: encrypted, is_not: true}", "{fact: audit_logging, is: true}")),
              "r.yaml:10: field 'when.all.audit_logging': not a fact of flows");
    EXPECT_EQ(error(replaced(good, "{fact: encrypted, is_not: true}", "{incoming: {fact: encrypted, is: true}}")),
              "r.yaml:10: field 'when.all.incoming': applies to elements only");
    EXPECT_EQ(error(replaced(good, "{fact: encrypted, is_not: true}", "{eval: \"__import__('os')\"}")),
              "r.yaml:10: field 'when.all.eval': unknown condition");
    EXPECT_EQ(error(replaced(good, "stride: information_disclosure", "stride: disclosure")),
              "r.yaml:5: field 'stride': 'disclosure' is not a STRIDE category");
    EXPECT_EQ(error(replaced(good, "likelihood: 3", "likelihood: 6")),
              "r.yaml:12: field 'likelihood': expected a whole number from 1 to 5, not '6'");
    EXPECT_EQ(error(replaced(good, "id: TEST-I-001", "id: test/1")),
              "r.yaml:2: field 'id': 'test/1' is not a rule id (upper-case letters, digits and '-')");
    std::string deep = replaced(good, "    - {fact: crosses_boundary, is: true}", "    - DEEP");
    std::string nested = "{fact: encrypted, is: true}";
    for (int i = 0; i < 40; ++i) nested = "{not: " + nested + "}";
    EXPECT_NE(error(replaced(deep, "DEEP", nested)).find("conditions nested deeper than 32"), std::string::npos);

    // Two rules with one id would make threat ids ambiguous.
    auto a = parseRule(good, "a.yaml");
    auto b = parseRule(good, "b.yaml");
    ASSERT_TRUE(a && b);
    const std::vector<Rule> both{*a, *b};
    EXPECT_EQ(checkRuleSet(both).message(), "b.yaml:1: field 'id': rule TEST-I-001 is also defined in a.yaml");
}

TEST(RiskDiff, ThreatIdsSurviveUnrelatedEditsAndRenames) {
    const auto r = rules({kUnencryptedRule, kStoreRule, kGatewayRule});
    const Model before = model();
    const Analysis a(before, r);
    // Titles change, an element is added, the api gets a new id with the old one as alias.
    std::string edited = replaced(kModel, "title: Forsendelsesarkiv", "title: Arkiv for forsendelser");
    edited = replaced(edited, "  - id: api\n    title: SvarUt API\n    kind: process\n    boundary: prodnett\n    aliases: [svarut-rest]\n",
                      "  - id: svarut-api\n    title: SvarUt API\n    kind: process\n    boundary: prodnett\n    aliases: [svarut-rest, api]\n");
    edited = replaced(edited, "    to: api\n    data: [forsendelse]", "    to: svarut-api\n    data: [forsendelse]");
    edited = replaced(edited, "    from: api\n", "    from: svarut-api\n");
    edited = replaced(edited, "    from: arkiv\n    to: api\n", "    from: arkiv\n    to: svarut-api\n");
    edited += "  - id: varsel\n    from: svarut-api\n    to: fagsystem\n    data: [status]\n    properties: {protocol: https}\n";
    const Model after = model(edited);
    const Analysis b(after, r);
    const ModelDiff d = diffModels(a, b);
    EXPECT_TRUE(d.addedThreats.empty());
    EXPECT_TRUE(d.removedThreats.empty());
    EXPECT_TRUE(d.removedElements.empty());
    ASSERT_EQ(d.addedElements.size(), 1u);
    EXPECT_EQ(d.addedElements[0]->id, "varsel");
    // The rename is a change of the same element, and its threat continues under the new id.
    const auto renamed = std::find_if(d.changedElements.begin(), d.changedElements.end(),
                                      [](const ElementChange& c) { return c.after->id == "svarut-api"; });
    ASSERT_NE(renamed, d.changedElements.end());
    EXPECT_EQ(renamed->before->id, "api");
    EXPECT_EQ(renamed->changes.front(), "id: api -> svarut-api");
    EXPECT_EQ(currentThreatId(after, "TEST-S-001/api"), "TEST-S-001/svarut-api");
    EXPECT_EQ(currentThreatId(after, "TEST-S-001/arkiv"), "TEST-S-001/arkiv");
}

TEST(RiskDiff, ReportsNewRemovedAndChangedThreats) {
    const auto r = rules({kUnencryptedRule, kStoreRule, kGatewayRule});
    const Model before = model();
    std::string edited = replaced(kModel, "      protocol: https\n", "      protocol: http\n");  // new threat on innsending
    edited = replaced(edited, "      encryption_at_rest: false\n", "      encryption_at_rest: true\n");  // store threat gone
    edited = replaced(edited, "    kind: internet\n", "    kind: internet\n  - id: dmz\n    kind: network\n    parent: drift\n");
    const Model after = model(edited);
    const Analysis a(before, r), b(after, r);
    const ModelDiff d = diffModels(a, b);
    ASSERT_EQ(d.addedThreats.size(), 1u);
    EXPECT_EQ(d.addedThreats[0]->id, "TEST-I-001/innsending");
    ASSERT_EQ(d.removedThreats.size(), 1u);
    EXPECT_EQ(d.removedThreats[0]->id, "TEST-I-002/arkiv");
    ASSERT_EQ(d.changedElements.size(), 2u);
    EXPECT_EQ(d.changedElements[0].before->id, "arkiv");
    EXPECT_EQ(d.changedElements[0].changes, std::vector<std::string>{"properties.encryption_at_rest: false -> true"});
    EXPECT_EQ(d.changedElements[1].changes, std::vector<std::string>{"properties.protocol: https -> http"});
    EXPECT_TRUE(d.changedThreats.empty());
    // Same model twice: nothing at all.
    EXPECT_TRUE(diffModels(a, Analysis(before, r)).empty());
}

namespace {
const std::string kStories = std::string(kModel) + R"(personas:
  - id: saksbehandler
    kind: caseworker
    title: Saksbehandler i kommunen
  - id: fagsystem
    kind: integration
stories:
  - id: sende-brev
    persona: saksbehandler
    text: Som saksbehandler vil jeg sende vedtak digitalt
    elements: [innsending, api]
    risk_stories:
      - id: lese-arkivet
        text: Som angriper vil jeg lese forsendelsesarkivet
        threats: [VAKT-I-001/arkiv]
        risks: [svarut:ROS-7]
)";
}  // namespace

TEST(RiskStories, PersonasStoriesAndRiskStoriesAreReadWithTheirLinks) {
    auto m = parseModel(kStories, "svarut.yaml");
    ASSERT_TRUE(m.ok()) << m.message();
    ASSERT_EQ(m->personas.size(), 2);
    EXPECT_EQ(m->personas[0].kind, PersonaKind::Caseworker);
    EXPECT_EQ(m->personas[1].title, "fagsystem");  // the id when no title is given
    ASSERT_EQ(m->stories.size(), 1);
    const UserStory& u = m->stories[0];
    EXPECT_EQ(u.persona, "saksbehandler");
    EXPECT_EQ(u.elements, (std::vector<std::string>{"innsending", "api"}));
    ASSERT_EQ(u.riskStories.size(), 1);
    EXPECT_EQ(u.riskStories[0].threats, (std::vector<std::string>{"VAKT-I-001/arkiv"}));
    EXPECT_EQ(u.riskStories[0].risks, (std::vector<std::string>{"svarut:ROS-7"}));
    EXPECT_GT(u.riskStories[0].line, u.line);
    // An element's old id still works in a story, as in the register after a rename.
    EXPECT_TRUE(parseModel(replaced(kStories, "elements: [innsending, api]", "elements: [svarut-rest]"), "svarut.yaml").ok());
}

TEST(RiskStories, BadStoriesAreRefusedWithFileLineAndReason) {
    struct Case {
        std::string from, to, expected;
    };
    const Case cases[] = {
        {"kind: caseworker", "kind: hacker", "personas.saksbehandler.kind': 'hacker' is not one of citizen, caseworker"},
        {"persona: saksbehandler", "persona: ukjent", "stories.sende-brev.persona': unknown persona 'ukjent'"},
        {"elements: [innsending, api]", "elements: [borte]", "unknown element or flow 'borte'"},
        {"threats: [VAKT-I-001/arkiv]", "threats: [VAKT-I-001]", "'VAKT-I-001' is not RULE/ELEMENT"},
        {"threats: [VAKT-I-001/arkiv]", "threats: [VAKT-I-001/borte]", "names no element or flow of this model"},
        {"  - id: fagsystem\n    kind: integration", "  - id: saksbehandler\n    kind: integration", "the persona id is there twice"},
        {"        text: Som angriper vil jeg lese forsendelsesarkivet\n", "", "field 'stories.sende-brev.risk_stories.lese-arkivet.text': missing"},
    };
    for (const auto& c : cases) {
        const std::string message = parseError(replaced(kStories, c.from, c.to));
        EXPECT_NE(message.find(c.expected), std::string::npos) << c.to << " -> " << message;
        EXPECT_EQ(message.rfind("bad.yaml:", 0), 0u) << message;
    }
}
