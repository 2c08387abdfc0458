// libFuzzer target: the JSON reader must never crash, hang or read out of bounds, and what it
// accepts must be a well-formed tree.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/base/json.h"

namespace {
void check(const vakt::json::Value& v, std::size_t depth) {
    if (depth > 64 || v.line < 1 || v.column < 1) __builtin_trap();
    for (const auto& item : v.items) check(item, depth + 1);
    for (const auto& [key, member] : v.members) check(member, depth + 1);
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto v = vakt::json::parse(std::string_view(reinterpret_cast<const char*>(data), size));
    if (v) check(*v, 0);
    return 0;
}
