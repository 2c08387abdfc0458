// libFuzzer target: the audit event parser and canonical form on any bytes. An accepted event
// must have a valid time, its required fields, and canonical bytes that parse again to an
// event with the same canonical bytes (the ledger hashes them, so they must be stable) and that
// never hold a person id in clear.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "collector/audit/event.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view line(reinterpret_cast<const char*>(data), size);
    (void)vakt::audit::searchFieldsOf(line);  // any bytes: no crash, no read past them
    auto event = vakt::audit::parseEvent(line);
    if (!event) {
        if (event.message().empty()) __builtin_trap();
        return 0;
    }
    if (event->service.empty() || event->action.empty() || event->actorId.empty()) __builtin_trap();
    const std::string key(32, 'k');
    const std::string canonical = vakt::audit::canonicalEvent(*event, key);
    auto again = vakt::audit::parseEvent(canonical, {1u << 20});
    if (!again) __builtin_trap();
    // Without person ids nothing is pseudonymised, so the canonical form must be a fixed point.
    if (event->actorType != "person" && event->subjectType != "person" && event->otherPersonIds.empty() &&
        vakt::audit::canonicalEvent(*again, key) != canonical)
        __builtin_trap();
    if (event->actorType == "person" && again->actorId.rfind("hmac-sha256:", 0) != 0) __builtin_trap();
    // What verify reads back from the canonical bytes is what the parsed event says.
    const auto fields = vakt::audit::searchFieldsOf(canonical);
    if (!fields || fields->timeMs != event->timeMs || fields->result != event->result || fields->actorOrg != event->actorOrg) __builtin_trap();
    if (event->subjectType == "person" && again->subjectId.rfind("hmac-sha256:", 0) != 0) __builtin_trap();
    return 0;
}
