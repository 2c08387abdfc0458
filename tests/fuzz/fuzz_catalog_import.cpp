// libFuzzer target: catalogue import from JSON and CSV. Any input is either rejected with a
// message that names the file, or gives entries that pass validation and export again.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/catalog_io.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    for (bool csv : {false, true}) {
        auto r = csv ? vakt::catalogFromCsv(text, QStringLiteral("f")) : vakt::catalogFromJson(text, QStringLiteral("f"));
        if (!r) {
            if (r.message().rfind("f:", 0) != 0) __builtin_trap();
            continue;
        }
        QList<vakt::CatalogEntry> entries;
        for (const auto& e : *r) {
            if (!vakt::validateCatalogEntry(e.entry)) __builtin_trap();
            entries << e.entry;
        }
        // What was accepted exports and reads back as the same entries.
        const QByteArray again = vakt::catalogToJson(entries);
        auto back = vakt::catalogFromJson(std::string_view(again.constData(), static_cast<std::size_t>(again.size())), QStringLiteral("g"));
        if (!back || back->size() != entries.size()) __builtin_trap();
        for (qsizetype i = 0; i < entries.size(); ++i)
            if (!(back->at(i).entry == entries[i])) __builtin_trap();
    }
    return 0;
}
