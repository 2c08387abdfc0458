// libFuzzer target: the XLSX reader (and the zip under it) must never crash, hang or allocate
// without bound. Mutated archives rarely get past the CRC, so the first byte picks a part the
// rest of the input replaces inside an otherwise valid workbook: the sheet, the shared
// strings, the workbook, its relationships, or (3) the whole archive as it is.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/base/xlsx.h"
#include "core/base/zip.h"

namespace {
const char* kParts[] = {"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"};

std::vector<vakt::zip::Entry> baseWorkbook() {
    vakt::xlsx::Workbook book;
    book.sheets.push_back({"Risikoer", {{"ref", "title"}, {"a:1", "Tittel æøå"}}});
    auto entries = vakt::zip::read(vakt::xlsx::write(book));
    if (!entries) __builtin_trap();  // our own writer's output must read back
    entries->push_back({"xl/sharedStrings.xml", "<sst><si><t>x</t></si></sst>"});
    return *entries;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
    const vakt::zip::Limits limits{100, 1u << 20, 4u << 20};
    const unsigned mode = data[0] % 5;
    if (mode == 4) {
        (void)vakt::xlsx::read(rest, limits);
        return 0;
    }
    static const std::vector<vakt::zip::Entry> base = baseWorkbook();
    std::vector<vakt::zip::Entry> entries = base;
    for (auto& e : entries)
        if (e.name == kParts[mode]) e.data = std::string(rest);
    auto book = vakt::xlsx::read(vakt::zip::write(entries), limits);
    if (book)
        for (const auto& sheet : book->sheets)
            if (sheet.rows.size() > 1048576) __builtin_trap();
    return 0;
}
