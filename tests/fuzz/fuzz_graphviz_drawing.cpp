// libFuzzer target: Graphviz's JSON, as `dot -Tjson` writes it for a threat model whose names
// anyone may have typed. Whatever the bytes, the reader refuses them or gives a drawing within
// its bounds, and that drawing renders: its text never markup in the HTML, the PDF within its
// limits, the ODT a package with its media type first.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "core/base/zip.h"
#include "reports/document.h"
#include "reports/graphviz_drawing.h"
#include "reports/odt.h"
#include "reports/pdf.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    auto drawing = vakt::reports::drawingFromGraphvizJson(input, "Dataflyt <b>");
    if (!drawing) {
        if (drawing.message().empty()) __builtin_trap();  // an error always says where and why
        return 0;
    }
    if (drawing->shapes.size() > 20000 || !(drawing->width >= 0) || !(drawing->height >= 0)) __builtin_trap();
    vakt::reports::Document d;
    d.title = "Trusselmodell";
    d.blocks.emplace_back(std::in_place_type<vakt::reports::Drawing>, std::move(*drawing));
    const std::string html = vakt::reports::renderHtml(d);
    if (html.find("<script") != std::string::npos || html.find("<b>") != std::string::npos) __builtin_trap();
    const vakt::reports::PdfLimits limits{50, 1u << 20};
    auto pdf = vakt::reports::renderPdf(d, limits);
    if (pdf && (pdf->size() > limits.maxBytes || pdf->rfind("%%EOF") == std::string::npos)) __builtin_trap();
    auto odt = vakt::zip::read(vakt::reports::renderOdt(d));
    if (!odt || odt->empty() || odt->front().name != "mimetype") __builtin_trap();
    return 0;
}
