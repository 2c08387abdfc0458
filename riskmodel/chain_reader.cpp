#include "riskmodel/chain_reader.h"

#include <QHash>

#include "core/catalog_service.h"
#include "core/organisation_service.h"

namespace vakt::risk {

namespace {

NodeKind kindOf(const QString& orgKind) {
    if (orgKind == OrgKind::Kommune) return NodeKind::Municipality;
    if (orgKind == OrgKind::Fylkeskommune) return NodeKind::County;
    if (orgKind == OrgKind::HostingProvider) return NodeKind::Hosting;
    if (orgKind == OrgKind::Vendor) return NodeKind::Vendor;
    if (orgKind == OrgKind::NationalComponent) return NodeKind::NationalComponent;
    return NodeKind::Organisation;
}

std::string s(const QString& text) { return text.toStdString(); }

}  // namespace

Result<ValueChain> readValueChain(Store& store, const Session& who) {
    CatalogService catalog(store);
    OrganisationService organisations(store);
    auto entries = catalog.all(who);
    if (!entries) return entries.error();
    auto orgs = organisations.organisations(who);
    if (!orgs) return orgs.error();
    auto agreements = organisations.agreements(who);
    if (!agreements) return agreements.error();
    auto systems = organisations.vendorSystems(who);
    if (!systems) return systems.error();

    ValueChain chain;
    QHash<QString, QString> nationalByName;  // national components are named in the catalogue
    QStringList hosts, operators;
    for (const auto& o : *orgs) {
        if (auto st = chain.addNode({s(o.orgnr), s(o.name), kindOf(o.kind)}); !st) return st.error();
        if (o.kind == OrgKind::NationalComponent) nationalByName.insert(o.name, o.orgnr);
        if (o.kind == OrgKind::HostingProvider) hosts << o.orgnr;
        if (o.kind == OrgKind::PlatformOperator) operators << o.orgnr;
    }
    for (const auto& e : *entries)
        if (auto st = chain.addNode({s(e.key), s(e.name), e.kind == EntryKind::Service ? NodeKind::Service : NodeKind::Component}); !st)
            return st.error();
    for (const auto& v : *systems)
        if (auto st = chain.addNode({s(v.vendorOrgnr + QLatin1Char('/') + v.name), s(v.name), NodeKind::VendorSystem}); !st)
            return st.error();

    for (const auto& o : *orgs)
        if (!o.parentOrgnr.isEmpty()) chain.addEdge(s(o.parentOrgnr), s(o.orgnr), EdgeKind::Operates);
    for (const auto& e : *entries) {
        for (const auto& h : hosts) chain.addEdge(s(h), s(e.key), EdgeKind::Hosts);
        for (const auto& op : operators) chain.addEdge(s(op), s(e.key), EdgeKind::Operates);
        for (const auto& d : e.dependsOn) chain.addEdge(s(e.key), s(d), EdgeKind::DependsOn);
        for (const auto& n : e.nationalComponents)
            chain.addEdge(s(e.key), s(nationalByName.value(n, n)), EdgeKind::Uses);
    }
    for (const auto& a : *agreements) chain.addEdge(s(a.orgnr), s(a.serviceKey), EdgeKind::Uses);
    for (const auto& v : *systems) {
        const std::string id = s(v.vendorOrgnr + QLatin1Char('/') + v.name);
        chain.addEdge(s(v.vendorOrgnr), id, EdgeKind::Supplies);
        for (const auto& key : v.integratesWith) chain.addEdge(id, s(key), EdgeKind::Integrates);
    }
    chain.finish();
    return chain;
}

Result<NodeId> findNode(const ValueChain& chain, const QString& text) {
    if (const auto id = chain.find(s(text))) return *id;
    std::optional<NodeId> found;
    for (NodeId i = 0; i < chain.size(); ++i) {
        if (QString::fromStdString(chain.node(i).title).compare(text, Qt::CaseInsensitive) != 0) continue;
        if (found) return fail("'" + s(text) + "' names more than one node; give its id", ErrorKind::Invalid);
        found = i;
    }
    if (!found) return fail("no node '" + s(text) + "' in the value chain (an id: catalogue key, organisation number, ORGNR/SYSTEM; or a name)",
                            ErrorKind::NotFound);
    return *found;
}

}  // namespace vakt::risk
