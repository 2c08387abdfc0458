#include "core/domain.h"

namespace vakt {
QStringList OrgKind::all() {
    return {Kommune, Fylkeskommune, PlatformOperator, HostingProvider, Vendor, StateAgency, NationalComponent};
}
QStringList EntryKind::all() { return {Service, Component}; }
QStringList Lifecycle::all() { return {Planned, Development, Production, Retiring, Retired}; }
QStringList DocumentKind::all() { return {Ros, Dpia, ServiceAnnex, Architecture, Other}; }
QStringList Team::all() { return {Development, ServiceDesk}; }
QStringList Employment::all() { return {Active, Leave, Left}; }
}  // namespace vakt
