// libFuzzer target: minutes carry text people typed (titles, notes, conditions). Whatever it is,
// the HTML escapes it and the PDF renderer neither crashes nor runs past its page and size bounds;
// charts, the ODT and the tabular exports take it too.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "core/base/xlsx.h"
#include "core/base/zip.h"
#include "reports/document.h"
#include "reports/odt.h"
#include "reports/pdf.h"
#include "reports/tabular.h"

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
    vakt::reports::BarChart chart;
    chart.title = text.substr(0, 60);
    chart.labels = {text.substr(0, 20), text};
    chart.series = {{text.substr(0, 10), {size % 3 ? std::optional<double>(static_cast<double>(size % 11)) : std::nullopt, -1.0}}};
    chart.maximum = static_cast<double>(size % 7);
    chart.valueLabel = text.substr(0, 30);
    d.blocks.push_back(chart);
    vakt::reports::HeatMap heat;
    heat.title = text.substr(0, 40);
    heat.rowLabels = {text.substr(0, 15), text};
    heat.columnLabels = {text.substr(0, 5)};
    heat.cells = {{static_cast<double>(size % 13) / 10}, {std::nullopt, 2.0}};
    heat.texts = {{text.substr(0, 8)}};
    d.blocks.push_back(heat);
    d.author = text.substr(0, 20);
    d.createdUtc = text.substr(0, 20);
    const std::string html = vakt::reports::renderHtml(d);
    if (html.find("<script") != std::string::npos) __builtin_trap();  // the text is never markup
    const vakt::reports::PdfLimits limits{50, 1u << 20};
    auto pdf = vakt::reports::renderPdf(d, limits);
    if (pdf && (pdf->size() > limits.maxBytes || pdf->rfind("%%EOF") == std::string::npos)) __builtin_trap();
    // The ODT always unzips with its media type first; every sheet name is one Excel accepts.
    auto odt = vakt::zip::read(vakt::reports::renderOdt(d));
    if (!odt || odt->empty() || odt->front().name != "mimetype") __builtin_trap();
    for (const auto& sheet : vakt::reports::toWorkbook(d).sheets)
        if (!vakt::xlsx::validSheetName(sheet.name)) __builtin_trap();
    (void)vakt::reports::toCsv(d);
    return 0;
}
