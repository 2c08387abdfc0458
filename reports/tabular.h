#pragma once
// A document's (document.h) tables as data for a spreadsheet: an XLSX workbook and CSV. Plain
// C++, no I/O, deterministic.
#include <string>

#include "core/base/xlsx.h"
#include "reports/document.h"

namespace vakt::reports {

// First a sheet "Om rapporten" ("About" when the language is not Norwegian) with the title, the
// author, subject, keywords and createdUtc, and the footer's pairs, as "Felt"/"Verdi" ("Field"/
// "Value") rows. Then one sheet per Table (its header as row 0), per KeyValues block (as
// "Felt"/"Verdi" rows) and per chart (a bar chart's labels down and series across, values as
// numbers, a missing one empty; a heat map's cells as whole percentages), all data included,
// not only what the charts draw. A sheet is named after the nearest heading above it (a chart
// after its title first), made valid for Excel: forbidden characters taken out, cut to 31
// characters, " (2)", " (3)" … after a name already used (ignoring case), and "Tabell N"/"Table N"
// ("Diagram N"/"Chart N") when nothing is left. Cells are cut to Excel's 32,767 characters. A
// drawing has no data and gets no sheet.
xlsx::Workbook toWorkbook(const Document& document);

// Every Table block, one after another: a row with the nearest heading above it (or "Tabell N" /
// "Table N"), the table's header and rows, then an empty line before the next table. RFC 4180
// with ',' and CRLF (csv::formatRecord), UTF-8 without a byte-order mark, as Vakt's other CSV
// exports. A cell that a spreadsheet would run as a formula (starting with = + - @, a tab or a
// CR) gets an apostrophe before it. Empty when the document has no tables.
std::string toCsv(const Document& document);

}  // namespace vakt::reports
