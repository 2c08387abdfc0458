// libFuzzer target: minutes carry text people typed (titles, notes, conditions). Whatever it is,
// the HTML escapes it and the PDF renderer neither crashes nor runs past its page and size bounds.
#include <cstddef>
#include <cstdint>
#include <string>

#include "reports/document.h"
#include "reports/pdf.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    vakt::reports::Document d;
    d.title = text.substr(0, 200);
    d.blocks.push_back(vakt::reports::Heading{int(size % 5), text.substr(0, 100)});
    d.blocks.push_back(vakt::reports::Paragraph{text});
    d.blocks.push_back(vakt::reports::KeyValues{{{text.substr(0, 40), text}}});
    vakt::reports::Table table;
    table.header = {"Sak", text.substr(0, 30)};
    for (std::size_t i = 0; i < text.size() && i < 400; i += 40) table.rows.push_back({text.substr(i, 40), text.substr(i, 7)});
    d.blocks.push_back(table);
    d.blocks.push_back(vakt::reports::BulletList{{text, text.substr(0, 10)}});
    const std::string html = vakt::reports::renderHtml(d);
    if (html.find("<script") != std::string::npos) __builtin_trap();  // the text is never markup
    const vakt::reports::PdfLimits limits{50, 1u << 20};
    auto pdf = vakt::reports::renderPdf(d, limits);
    if (pdf && (pdf->size() > limits.maxBytes || pdf->rfind("%%EOF") == std::string::npos)) __builtin_trap();
    return 0;
}
