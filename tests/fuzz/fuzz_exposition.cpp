// libFuzzer target: the exposition parsers (0.0.4 and OpenMetrics) on any bytes. Accepted
// input must give a result whose indices all point inside it.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "collector/exposition/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    vakt::expo::ParseResult result;
    vakt::expo::ParseError error;
    for (auto format : {vakt::expo::Format::Prometheus004, vakt::expo::Format::OpenMetrics100}) {
        if (!vakt::expo::parse(text, format, result, error)) {
            if (error.line < 1 || error.column < 1) __builtin_trap();
            continue;
        }
        for (const auto& s : result.samples) {
            if (s.family >= result.families.size()) __builtin_trap();
            if (std::size_t{s.firstLabel} + s.labelCount > result.labels.size()) __builtin_trap();
            if (s.hasExemplar && s.exemplar >= result.exemplars.size()) __builtin_trap();
            if (s.name.data() < text.data() || s.name.data() + s.name.size() > text.data() + text.size()) __builtin_trap();
        }
    }
    return 0;
}
