#pragma once
// The enum whose name (in a table indexed by the enum's value) is `name`. Internal to riskmodel/.
#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace vakt::risk {

template <typename Enum, std::size_t N>
std::optional<Enum> byName(const std::array<const char*, N>& names, std::string_view name) {
    for (std::size_t i = 0; i < N; ++i)
        if (name == names[i]) return static_cast<Enum>(i);
    return std::nullopt;
}

}  // namespace vakt::risk
