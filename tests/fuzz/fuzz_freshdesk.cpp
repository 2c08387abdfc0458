// libFuzzer target: Freshdesk's ticket export is a file from another system. The reader must
// never crash, hang or allocate without bound, and every problem it reports names a line.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "servicedesk/freshdesk.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto parsed = vakt::desk::freshdesk::parse(text);
    if (!parsed) return 0;
    for (const auto& p : parsed->problems)
        if (p.line <= 0) __builtin_trap();
    // A file without problems gives tickets that all have a priority and a state (with problems,
    // nothing is imported, so the tickets read so far may lack them).
    if (parsed->problems.empty())
        for (const auto& t : parsed->tickets)
            if (t.priority.empty() || t.state.empty()) __builtin_trap();
    return 0;
}
