// The importers on real files written with each tool (tests/fixtures/risk/import/*/README.md
// names their sources). The numbers are counted by hand from the files, not from the importer.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

#include "riskmodel/import.h"

using namespace vakt;
using namespace vakt::risk;

namespace {

std::string fixture(const std::string& relative) {
    const std::string path = std::string(VAKT_SOURCE_DIR) + "/tests/fixtures/risk/import/" + relative;
    std::ifstream in(path, std::ios::binary);
    EXPECT_TRUE(in.good()) << path;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::size_t countWith(const std::vector<std::string>& lines, const std::string& part) {
    return static_cast<std::size_t>(
        std::count_if(lines.begin(), lines.end(), [&](const std::string& l) { return l.find(part) != std::string::npos; }));
}

bool has(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

std::string property(const Element& e, const std::string& name) {
    const auto it = e.properties.find(name);
    return it == e.properties.end() ? "(unset)" : it->second;
}

// A copy of the text with the first `from` replaced.
std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
    return text;
}

// ---- Threagile: demo/example/threagile.yaml ----

class ThreagileExample : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        auto r = importThreagile(fixture("threagile/threagile-example-model.yaml"), "threagile-example-model.yaml");
        ASSERT_TRUE(r) << r.message();
        result_ = new ImportResult(std::move(*r));
    }
    static void TearDownTestSuite() {
        delete result_;
        result_ = nullptr;
    }
    static const Model& model() { return result_->model; }
    static const std::vector<std::string>& unmapped() { return result_->unmapped; }
    static ImportResult* result_;
};
ImportResult* ThreagileExample::result_ = nullptr;

TEST_F(ThreagileExample, ImportsEveryAssetLinkAndBoundaryOfTheFile) {
    ASSERT_NE(result_, nullptr);
    EXPECT_EQ(model().title, "Some Example Application");
    EXPECT_EQ(model().id, "some-example-application");
    EXPECT_EQ(model().assets.size(), 12u);    // data_assets
    EXPECT_EQ(model().elements.size(), 14u);  // technical_assets
    EXPECT_EQ(model().flows.size(), 20u);     // communication_links of all technical assets
    // Five trust boundaries, and the internet that Threagile only marks with internet: true.
    EXPECT_EQ(model().boundaries.size(), 6u);
}

TEST_F(ThreagileExample, ElementsKeepTheirKindTechnologyAndThreagileId) {
    ASSERT_NE(result_, nullptr);
    const Element* db = model().findElement("customer-contract-database");
    ASSERT_NE(db, nullptr);
    EXPECT_EQ(db->kind, ElementKind::Store);
    EXPECT_EQ(db->title, "Customer Contract Database");
    EXPECT_TRUE(has(db->aliases, "sql-database"));
    EXPECT_EQ(db->boundary, "erp-dmz");
    EXPECT_EQ(property(*db, "technology"), "database");
    EXPECT_EQ(property(*db, "encryption_at_rest"), "true");  // data-with-symmetric-shared-key
    EXPECT_TRUE(has(db->data, "customer-accounts"));
    EXPECT_TRUE(has(db->data, "database-customizing-and-dumps"));  // processed: db-dumps

    const Element* files = model().findElement("contract-fileserver");
    ASSERT_NE(files, nullptr);
    EXPECT_EQ(files->kind, ElementKind::Store);
    EXPECT_EQ(property(*files, "encryption_at_rest"), "false");  // encryption: none

    const Element* erp = model().findElement("backoffice-erp-system");
    ASSERT_NE(erp, nullptr);
    EXPECT_EQ(erp->kind, ElementKind::Process);
    EXPECT_TRUE(has(erp->aliases, "erp-system"));
    EXPECT_EQ(property(*erp, "technology"), "fagsystem");
    EXPECT_EQ(property(*erp, "redundant"), "true");
    EXPECT_EQ(property(*erp, "parses_xml"), "true");

    const Element* lb = model().findElement("load-balancer");
    ASSERT_NE(lb, nullptr);
    EXPECT_EQ(property(*lb, "technology"), "reverse-proxy");
    EXPECT_EQ(lb->boundary, "application-network");

    const Element* jenkins = model().findElement("jenkins-buildserver");
    ASSERT_NE(jenkins, nullptr);
    EXPECT_EQ(property(*jenkins, "multi_tenant"), "true");
    EXPECT_EQ(jenkins->boundary, "dev-network");

    const Element* web = model().findElement("apache-webserver");
    ASSERT_NE(web, nullptr);
    EXPECT_EQ(property(*web, "custom_developed"), "true");
    EXPECT_EQ(property(*web, "file_upload"), "true");
}

TEST_F(ThreagileExample, OutsideClientsOnTheInternetGoIntoAnInternetBoundary) {
    ASSERT_NE(result_, nullptr);
    for (const char* id : {"customer-web-client", "external-development-client"}) {
        const Element* e = model().findElement(id);
        ASSERT_NE(e, nullptr) << id;
        EXPECT_EQ(e->kind, ElementKind::External) << id;
        const Boundary* b = model().findBoundary(e->boundary);
        ASSERT_NE(b, nullptr) << id;
        EXPECT_EQ(b->kind, BoundaryKind::Internet) << id;
    }
    const Element* client = model().findElement("customer-web-client");
    ASSERT_NE(client, nullptr);
    EXPECT_TRUE(has(client->aliases, "customer-client"));
    EXPECT_EQ(property(*client, "human"), "true");
    EXPECT_EQ(property(*client, "technology"), "browser");
    // The backoffice client is not on the internet: it stays in the development network.
    const Element* backoffice = model().findElement("backoffice-client");
    ASSERT_NE(backoffice, nullptr);
    EXPECT_EQ(backoffice->boundary, "dev-network");
}

TEST_F(ThreagileExample, NestedBoundariesKeepTheirParent) {
    ASSERT_NE(result_, nullptr);
    const Boundary* app = model().findBoundary("application-network");
    ASSERT_NE(app, nullptr);
    EXPECT_EQ(app->kind, BoundaryKind::Cloud);  // network-cloud-provider
    EXPECT_TRUE(app->parent.empty());
    for (const char* id : {"web-dmz", "erp-dmz", "auth-handling-environment"}) {
        const Boundary* b = model().findBoundary(id);
        ASSERT_NE(b, nullptr) << id;
        EXPECT_EQ(b->parent, "application-network") << id;
    }
    EXPECT_EQ(model().findBoundary("web-dmz")->kind, BoundaryKind::Network);  // network-cloud-security-group
    const Boundary* auth = model().findBoundary("auth-handling-environment");
    EXPECT_EQ(auth->kind, BoundaryKind::Zone);  // execution-environment
    EXPECT_TRUE(has(auth->aliases, "auth-env"));
    const Boundary* dev = model().findBoundary("dev-network");
    ASSERT_NE(dev, nullptr);
    EXPECT_EQ(dev->kind, BoundaryKind::Network);  // network-on-prem
    EXPECT_TRUE(dev->parent.empty());
    const Element* idp = model().findElement("identity-provider");
    ASSERT_NE(idp, nullptr);
    EXPECT_EQ(idp->boundary, "auth-handling-environment");
}

TEST_F(ThreagileExample, DataAssetsInheritThroughYamlMergeKeys) {
    ASSERT_NE(result_, nullptr);
    const Asset* contracts = model().findAsset("customer-contracts");
    ASSERT_NE(contracts, nullptr);
    EXPECT_EQ(contracts->confidentiality, Confidentiality::Special);  // confidential
    EXPECT_EQ(contracts->integrity, Rating::Critical);
    EXPECT_EQ(contracts->availability, Rating::Medium);  // operational
    // "<<: *customer-contracts" and only availability overridden.
    const Asset* operational = model().findAsset("customer-operational-data");
    ASSERT_NE(operational, nullptr);
    EXPECT_EQ(operational->confidentiality, Confidentiality::Special);
    EXPECT_EQ(operational->integrity, Rating::Critical);
    EXPECT_EQ(operational->availability, Rating::Critical);
    const Asset* summaries = model().findAsset("customer-contract-summaries");
    ASSERT_NE(summaries, nullptr);
    EXPECT_TRUE(has(summaries->aliases, "contract-summaries"));
    EXPECT_EQ(summaries->confidentiality, Confidentiality::Personal);  // restricted
    EXPECT_EQ(summaries->integrity, Rating::Medium);
    const Asset* accounts = model().findAsset("customer-accounts");
    ASSERT_NE(accounts, nullptr);
    EXPECT_EQ(accounts->confidentiality, Confidentiality::StrengtFortrolig);  // strictly-confidential
    const Asset* logs = model().findAsset("erp-logs");
    ASSERT_NE(logs, nullptr);
    EXPECT_EQ(logs->integrity, Rating::Low);  // archive
    const Asset* code = model().findAsset("server-application-code");
    ASSERT_NE(code, nullptr);
    EXPECT_EQ(code->integrity, Rating::Critical);  // mission-critical
}

TEST_F(ThreagileExample, LinksBecomeFlowsWithProtocolAuthenticationAndData) {
    ASSERT_NE(result_, nullptr);
    const Element* erp = model().findElement("erp-internal-access");
    ASSERT_NE(erp, nullptr);
    EXPECT_EQ(erp->kind, ElementKind::Flow);
    EXPECT_EQ(erp->from, "backoffice-client");
    EXPECT_EQ(erp->to, "backoffice-erp-system");
    EXPECT_EQ(property(*erp, "protocol"), "https");  // encrypted by its protocol
    EXPECT_EQ(property(*erp, "vpn"), "true");
    EXPECT_EQ(property(*erp, "authentication"), "oauth2");  // token
    EXPECT_TRUE(has(erp->data, "some-internal-business-data"));
    EXPECT_TRUE(has(erp->data, "customer-contracts"));

    const Element* plain = model().findElement("web-application-traffic");
    ASSERT_NE(plain, nullptr);
    EXPECT_EQ(plain->from, "load-balancer");
    EXPECT_EQ(plain->to, "apache-webserver");
    EXPECT_EQ(property(*plain, "protocol"), "http");
    EXPECT_EQ(property(*plain, "authentication"), "(unset)");  // session-id has no counterpart

    const Element* db = model().findElement("database-traffic");
    ASSERT_NE(db, nullptr);
    EXPECT_EQ(property(*db, "protocol"), "jdbc");
    EXPECT_EQ(property(*db, "authentication"), "password");  // credentials
    const Element* ssh = model().findElement("db-update-access");
    ASSERT_NE(ssh, nullptr);
    EXPECT_EQ(property(*ssh, "protocol"), "ssh");
    EXPECT_EQ(property(*ssh, "authentication"), "certificate");  // client-certificate
    const Element* nfs = model().findElement("nfs-filesystem-access");
    ASSERT_NE(nfs, nullptr);
    EXPECT_EQ(property(*nfs, "protocol"), "other");
    EXPECT_EQ(property(*nfs, "authentication"), "none");
}

TEST_F(ThreagileExample, ListsWhatItCouldNotMap) {
    ASSERT_NE(result_, nullptr);
    const auto& u = unmapped();
    EXPECT_EQ(countWith(u, "threagile-example-model.yaml:1299: risk tracking 'untrusted-deserialization@erp-system' (accepted)"), 1u);
    EXPECT_EQ(countWith(u, ": risk tracking '"), 6u);
    EXPECT_EQ(countWith(u, "threagile-example-model.yaml:1228: shared runtime 'WebApp and Backoffice Virtualization'"), 1u);
    EXPECT_EQ(countWith(u, "threagile-example-model.yaml:1246: risk category 'Some Individual Risk Example' (2 identified risks)"), 1u);
    EXPECT_EQ(countWith(u, "threagile-example-model.yaml:845: communication link 'NFS Filesystem Access': protocol 'nfs'"), 1u);
    EXPECT_EQ(countWith(u, "threagile-example-model.yaml:353: technical asset 'Backoffice Client': technology 'desktop'"), 1u);
    EXPECT_EQ(countWith(u, "authentication session-id not mapped"), 2u);  // Customer Traffic, Web Application Traffic
    EXPECT_EQ(countWith(u, "threagile-example-model.yaml:323: communication link 'Customer Traffic'"), 1u);
    EXPECT_EQ(countWith(u, "11 abuse cases not mapped"), 1u);
    EXPECT_EQ(countWith(u, "authorization of communication links not mapped (20 links"), 1u);
    for (const auto& line : u) EXPECT_EQ(line.rfind("threagile-example-model.yaml:", 0), 0u) << line;
}

TEST(RiskImport, ThreagileRefusesAnUnknownLinkTargetAtItsLine) {
    const std::string text = replaced(fixture("threagile/threagile-example-model.yaml"), "target: sql-database", "target: no-such-asset");
    auto r = importThreagile(text, "threagile.yaml");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.message(),
              "threagile.yaml:459: field 'technical_assets.Backend Admin Client.communication_links.DB Update Access.target': "
              "unknown technical asset 'no-such-asset'");
}

TEST(RiskImport, ThreagileRefusesAnUnknownDataAssetAndBrokenYamlAtTheirLines) {
    auto unknown = importThreagile("threagile_version: 1.0.0\ntechnical_assets:\n  App:\n    id: app\n    type: process\n"
                                   "    data_assets_processed:\n      - nothing\n",
                                   "t.yaml");
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.message(), "t.yaml:7: field 'technical_assets.App.data_assets_processed': unknown data asset 'nothing'");

    const std::string text = fixture("threagile/threagile-example-model.yaml");
    auto truncated = importThreagile(text.substr(0, text.find("    id: customer-contracts")) + "    id: [customer", "cut.yaml");
    ASSERT_FALSE(truncated);
    EXPECT_EQ(truncated.message().rfind("cut.yaml:", 0), 0u) << truncated.message();

    auto notThreagile = importThreagile("title: a Vakt model perhaps\n", "other.yaml");
    ASSERT_FALSE(notThreagile);
    EXPECT_NE(notThreagile.message().find("not a Threagile model"), std::string::npos) << notThreagile.message();
}

// ---- Threat Dragon: td.vue/src/service/demo/v2-threat-model.json ----

TEST(RiskImport, ThreatDragonDemoModel) {
    auto r = importThreatDragon(fixture("threatdragon/v2-threat-model.json"), "v2-threat-model.json");
    ASSERT_TRUE(r) << r.message();
    const Model& m = r->model;
    EXPECT_EQ(m.title, "Demo Threat Model");
    // Cells: 4 stores, 2 processes, 1 actor; 10 flows, one of them (Web Request) with a loose
    // source end; 3 trust boundary curves; 1 text block.
    EXPECT_EQ(m.elements.size(), 7u);
    EXPECT_EQ(m.flows.size(), 9u);
    EXPECT_EQ(m.assets.size(), 0u);
    // The curves place nothing; the Browser, at the end of a flow over the public network, is
    // on the internet.
    ASSERT_EQ(m.boundaries.size(), 1u);
    EXPECT_EQ(m.boundaries[0].kind, BoundaryKind::Internet);

    const Element* browser = m.findElement("browser");
    ASSERT_NE(browser, nullptr);
    EXPECT_EQ(browser->kind, ElementKind::External);
    EXPECT_EQ(browser->boundary, m.boundaries[0].id);
    const Element* web = m.findElement("web-application");
    ASSERT_NE(web, nullptr);
    EXPECT_EQ(web->kind, ElementKind::Process);
    EXPECT_EQ(web->title, "Web Application");
    EXPECT_TRUE(has(web->aliases, "0d9909ea-1398-4898-be81-cf1c808324dc"));
    EXPECT_EQ(property(*web, "internet_facing"), "true");
    const Element* worker = m.findElement("background-worker-process");
    ASSERT_NE(worker, nullptr);
    EXPECT_EQ(worker->kind, ElementKind::Process);
    for (const char* id : {"worker-config", "database", "web-application-config", "message-queue"}) {
        const Element* store = m.findElement(id);
        ASSERT_NE(store, nullptr) << id;
        EXPECT_EQ(store->kind, ElementKind::Store) << id;
        EXPECT_EQ(property(*store, "encryption_at_rest"), "false") << id;
    }

    const Element* response = m.findElement("web-response");
    ASSERT_NE(response, nullptr);
    EXPECT_EQ(response->from, "web-application");
    EXPECT_EQ(response->to, "browser");
    EXPECT_EQ(property(*response, "encrypted"), "true");
    EXPECT_EQ(property(*response, "protocol"), "https");  // "HTTP/S"
    const Element* queries = m.findElement("queries");
    ASSERT_NE(queries, nullptr);
    EXPECT_EQ(property(*queries, "encrypted"), "true");
    const Element* put = m.findElement("put-message");
    ASSERT_NE(put, nullptr);
    EXPECT_EQ(put->to, "message-queue");
    EXPECT_EQ(property(*put, "encrypted"), "false");
    EXPECT_EQ(m.findElement("web-request"), nullptr);

    const auto& u = r->unmapped;
    // 14 threats in the file: Worker Config 1, Database 2, Web Application Config 1, Message
    // Queue 3, Background Worker 2, and one on each of Put Message, Message, Worker Query
    // Results, Web Response and Web Request.
    EXPECT_EQ(countWith(u, "not imported: Vakt derives threats from its rules"), 14u);
    EXPECT_EQ(countWith(u, "v2-threat-model.json:138: threat 'Accessing DB credentials' (Information disclosure, Open, High) on 'Worker Config'"), 1u);
    EXPECT_EQ(countWith(u, "threat 'Message tampering' (Tampering, Open, Medium) on 'Message Queue'"), 1u);
    EXPECT_EQ(countWith(u, "threat 'Data flow should use HTTP/S'"), 4u);
    EXPECT_EQ(countWith(u, "trust boundary curve not mapped"), 3u);
    EXPECT_EQ(countWith(u, "v2-threat-model.json:1972: flow 'Web Request' not mapped: its source is not attached to an element"), 1u);
    EXPECT_EQ(countWith(u, "'Web Application Config' is out of scope"), 1u);
    EXPECT_EQ(countWith(u, "'Database' is a log"), 1u);
}

// ---- Threat Dragon: td.vue/src/service/demo/three-tier-web-app.json ----

TEST(RiskImport, ThreatDragonBoundaryBoxesPlaceWhatIsInsideThem) {
    auto r = importThreatDragon(fixture("threatdragon/three-tier-web-app.json"), "three-tier-web-app.json");
    ASSERT_TRUE(r) << r.message();
    const Model& m = r->model;
    // Two boundary boxes, three processes, three flows of which one is bidirectional.
    ASSERT_EQ(m.boundaries.size(), 2u);
    EXPECT_EQ(m.elements.size(), 3u);
    EXPECT_EQ(m.flows.size(), 4u);
    const Boundary* internet = m.findBoundary("internet");
    ASSERT_NE(internet, nullptr);
    EXPECT_EQ(internet->kind, BoundaryKind::Internet);
    const Boundary* cloud = m.findBoundary("public-cloud");
    ASSERT_NE(cloud, nullptr);
    EXPECT_EQ(cloud->kind, BoundaryKind::Cloud);
    EXPECT_TRUE(has(cloud->aliases, "c54864d8-740f-40cb-bbb9-6ba008a336b6"));

    const Element* ui = m.findElement("web-ui");
    ASSERT_NE(ui, nullptr);
    EXPECT_EQ(ui->boundary, "internet");
    for (const char* id : {"web-service", "postgressql"}) {
        const Element* e = m.findElement(id);
        ASSERT_NE(e, nullptr) << id;
        EXPECT_EQ(e->kind, ElementKind::Process) << id;
        EXPECT_EQ(e->boundary, "public-cloud") << id;
    }
    // The unnamed flows are named by their ends; the bidirectional one runs both ways.
    const Element* there = m.findElement("web-service-to-postgressql");
    const Element* back = m.findElement("postgressql-to-web-service");
    ASSERT_NE(there, nullptr);
    ASSERT_NE(back, nullptr);
    EXPECT_EQ(back->from, "postgressql");
    EXPECT_EQ(back->to, "web-service");
    ASSERT_NE(m.findElement("web-ui-to-web-service"), nullptr);
    ASSERT_NE(m.findElement("web-service-to-web-ui"), nullptr);

    EXPECT_EQ(countWith(r->unmapped, "threat 'Store Sensitive Data'"), 2u);
    EXPECT_EQ(r->unmapped.size(), 2u);
}

TEST(RiskImport, ThreatDragonRefusesTruncatedJsonAndUnknownCellsAtTheirLines) {
    const std::string demo = fixture("threatdragon/v2-threat-model.json");
    // Cut inside the string "Database" on line 267.
    auto truncated = importThreatDragon(demo.substr(0, demo.find("\"name\": \"Database\"") + 13), "v2-threat-model.json");
    ASSERT_FALSE(truncated);
    EXPECT_EQ(truncated.message().rfind("v2-threat-model.json:267:", 0), 0u) << truncated.message();

    // The first flow's target, on line 575, names no cell.
    const std::string text = replaced(fixture("threatdragon/three-tier-web-app.json"),
                                      "\"cell\": \"09b86abf-65dd-49c2-9746-0cf9282f82a1\"", "\"cell\": \"no-such-cell\"");
    auto unknown = importThreatDragon(text, "three-tier-web-app.json");
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.message(), "three-tier-web-app.json:575: field 'detail.diagrams[0].cells[6].target.cell': unknown cell 'no-such-cell'");

    auto v1 = importThreatDragon(R"({"summary": {"title": "Old"},
  "detail": {"diagrams": [{"title": "Main", "diagramJson": {"cells": []}}]}})",
                                 "old.json");
    ASSERT_FALSE(v1);
    EXPECT_NE(v1.message().find("old.json:2: field 'detail.diagrams[0].diagramJson': a Threat Dragon 1 model"), std::string::npos)
        << v1.message();
}

// ---- Open Threat Model: EXAMPLE.json ----

TEST(RiskImport, OpenThreatModelExample) {
    auto r = importOtm(fixture("otm/EXAMPLE.json"), "EXAMPLE.json");
    ASSERT_TRUE(r) << r.message();
    const Model& m = r->model;
    EXPECT_EQ(m.title, "Test project");
    EXPECT_EQ(m.id, "test-project");
    // 2 assets, 2 trust zones, 4 components, 2 dataflows that are both bidirectional.
    EXPECT_EQ(m.assets.size(), 2u);
    EXPECT_EQ(m.boundaries.size(), 2u);
    EXPECT_EQ(m.elements.size(), 4u);
    EXPECT_EQ(m.flows.size(), 4u);

    const Asset* cards = m.findAsset("credit-card-data");
    ASSERT_NE(cards, nullptr);
    EXPECT_TRUE(has(cards->aliases, "cc-data"));
    EXPECT_EQ(cards->confidentiality, Confidentiality::StrengtFortrolig);  // 100
    EXPECT_EQ(cards->integrity, Rating::Critical);
    const Asset* info = m.findAsset("public-info");
    ASSERT_NE(info, nullptr);
    EXPECT_EQ(info->confidentiality, Confidentiality::Public);  // 0
    EXPECT_EQ(info->availability, Rating::High);                // 50

    const Boundary* internet = m.findBoundary("internet");
    ASSERT_NE(internet, nullptr);
    EXPECT_EQ(internet->kind, BoundaryKind::Internet);
    EXPECT_TRUE(has(internet->aliases, "f0ba7722-39b6-4c81-8290-a30a248bb8d9"));
    const Boundary* priv = m.findBoundary("private");
    ASSERT_NE(priv, nullptr);
    EXPECT_EQ(priv->kind, BoundaryKind::Zone);

    const Element* client = m.findElement("web-client");
    ASSERT_NE(client, nullptr);
    EXPECT_EQ(client->kind, ElementKind::External);
    EXPECT_EQ(client->boundary, "internet");
    EXPECT_EQ(property(*client, "technology"), "browser");
    const Element* service = m.findElement("web-service");
    ASSERT_NE(service, nullptr);
    EXPECT_EQ(service->kind, ElementKind::Process);
    EXPECT_EQ(service->boundary, "private");
    EXPECT_TRUE(has(service->data, "credit-card-data"));
    EXPECT_TRUE(has(service->data, "public-info"));
    const Element* db = m.findElement("customer-database");
    ASSERT_NE(db, nullptr);
    EXPECT_EQ(db->kind, ElementKind::Store);
    EXPECT_EQ(property(*db, "technology"), "database");
    ASSERT_NE(m.findElement("class-customerdatabase"), nullptr);

    const Element* store = m.findElement("dataflow-between-webservice-and-mongo");
    ASSERT_NE(store, nullptr);
    EXPECT_TRUE(has(store->aliases, "cc-store-in-db"));
    EXPECT_EQ(store->from, "web-service");
    EXPECT_EQ(store->to, "customer-database");
    EXPECT_EQ(store->data, std::vector<std::string>{"credit-card-data"});
    const Element* back = m.findElement("dataflow-between-webservice-and-mongo-reverse");
    ASSERT_NE(back, nullptr);
    EXPECT_EQ(back->from, "customer-database");

    const auto& u = r->unmapped;
    EXPECT_EQ(countWith(u, "EXAMPLE.json:277: threat 'Threat 1' not imported"), 1u);
    EXPECT_EQ(countWith(u, "threat 'Threat 1' (exposed) on 'Web Service'"), 1u);
    EXPECT_EQ(countWith(u, "mitigation '"), 2u);
    EXPECT_EQ(countWith(u, "EXAMPLE.json:169: component 'Class CustomerDatabase': type 'code-class'"), 1u);
    EXPECT_EQ(countWith(u, "tags 'tag1-df', 'tag2-df' not mapped"), 1u);
}

TEST(RiskImport, OpenThreatModelInYamlAndNestedComponents) {
    auto r = importOtm(R"(otmVersion: 0.2.0
project:
  name: Inline
  id: inline
trustZones:
  - id: internet-zone
    name: Internet
  - id: dmz
    name: DMZ
    risk: {trustRating: 50}
components:
  - id: app
    name: App
    type: web-service
    parent: {trustZone: dmz}
  - id: plugin
    name: Plugin
    type: code-class
    parent: {component: app}
dataflows:
  - id: f1
    name: Calls
    source: app
    destination: plugin
    attributes: {protocol: HTTPS, encrypted: true}
)",
                       "inline.otm.yaml");
    ASSERT_TRUE(r) << r.message();
    const Model& m = r->model;
    const Boundary* dmz = m.findBoundary("dmz");
    ASSERT_NE(dmz, nullptr);
    EXPECT_EQ(dmz->kind, BoundaryKind::Network);
    const Boundary* internet = m.findBoundary("internet");
    ASSERT_NE(internet, nullptr);
    EXPECT_EQ(internet->kind, BoundaryKind::Internet);
    EXPECT_TRUE(has(internet->aliases, "internet-zone"));
    const Element* plugin = m.findElement("plugin");
    ASSERT_NE(plugin, nullptr);
    EXPECT_EQ(plugin->boundary, "dmz");  // its parent component's zone
    EXPECT_EQ(countWith(r->unmapped, "inline.otm.yaml:19: component 'Plugin' is inside component 'App'"), 1u);
    const Element* calls = m.findElement("calls");
    ASSERT_NE(calls, nullptr);
    EXPECT_EQ(property(*calls, "protocol"), "https");
    EXPECT_EQ(property(*calls, "encrypted"), "true");
}

TEST(RiskImport, OpenThreatModelRefusesAnUnknownComponentAtItsLine) {
    const std::string text = replaced(fixture("otm/EXAMPLE.json"), "\"destination\": \"customer-database\"", "\"destination\": \"nowhere\"");
    auto r = importOtm(text, "EXAMPLE.json");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.message(), "EXAMPLE.json:204: field 'dataflows[1].destination': unknown component 'nowhere'");

    auto truncated = importOtm(fixture("otm/EXAMPLE.json").substr(0, 500), "EXAMPLE.json");
    ASSERT_FALSE(truncated);
    EXPECT_EQ(truncated.message().rfind("EXAMPLE.json:", 0), 0u) << truncated.message();
}

// ---- Hostile input ----

TEST(RiskImport, HostileInputIsRefusedNotCrashedOn) {
    std::string laughs = "otmVersion: 0.1.0\nl0: &l0 [x, x, x, x, x, x, x, x, x, x]\n";
    for (int i = 1; i < 10; ++i) {
        const std::string prev = "*l" + std::to_string(i - 1);
        laughs += "l" + std::to_string(i) + ": &l" + std::to_string(i) + " [";
        for (int k = 0; k < 10; ++k) laughs += (k ? ", " : "") + prev;
        laughs += "]\n";
    }
    const std::string deepJson(100000, '[');
    const std::string deepYaml = "threagile_version: 1.0.0\ndata_assets: " + std::string(100000, '[');
    for (const std::string& input : {std::string(), std::string("null"), std::string("[]"), std::string("{}"), std::string("\"text\""),
                                     std::string("\xff\xfe\x00garbage", 10), std::string("{\"detail\": {\"diagrams\": [{\"cells\": 5}]}}"),
                                     std::string("{\"otmVersion\": \"0.1.0\", \"components\": [{\"id\": 3}]}"), deepJson, deepYaml, laughs}) {
        EXPECT_FALSE(importThreagile(input, "x.yaml")) << input.substr(0, 40);
        EXPECT_FALSE(importThreatDragon(input, "x.json")) << input.substr(0, 40);
        EXPECT_FALSE(importOtm(input, "x.otm")) << input.substr(0, 40);
    }
}

}  // namespace
