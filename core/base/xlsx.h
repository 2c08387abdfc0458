#pragma once
// In-memory XLSX (Office Open XML spreadsheet) reading and writing, cells as text. Plain C++ over
// zip.h, no file I/O. The reader takes untrusted bytes: it refuses DOCTYPE (no entity expansion),
// limits nesting, rows, columns, cells and text, and its errors name the part, sheet and cell.
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.h"
#include "core/base/zip.h"

namespace vakt::xlsx {

struct Sheet {
    std::string name;
    std::vector<std::vector<std::string>> rows;  // cells as UTF-8 text; row 0 is usually the header
};

struct Workbook {
    std::vector<Sheet> sheets;
    // The sheet with this name: exact match first, then ignoring ASCII case as Excel does. Null if none.
    const Sheet* find(std::string_view name) const;
};

// Excel's rules: 1 to 31 characters (UTF-16 units), valid UTF-8, none of : \ / ? * [ ], no
// control characters, not starting or ending with an apostrophe.
bool validSheetName(std::string_view name);

// A minimal workbook that Excel, LibreOffice and openpyxl open. Row 0 of each sheet is bold and
// frozen as a header. Plain decimal integers of up to 15 digits ("12", "-3", not "007" or "-0")
// are written as numbers so a spreadsheet can sum them; all other text as inline strings, escaped
// so it reads back exactly (invalid UTF-8 is written as U+FFFD). Empty cells are not written.
// Assumes names pass validSheetName() and differ ignoring case; a workbook without sheets gets
// one empty "Sheet1", since spreadsheet programs refuse a workbook without sheets.
std::string write(const Workbook& workbook);

// Reads workbooks from write() and from Excel, LibreOffice, Google Sheets and openpyxl: shared
// strings (rich text included, phonetic runs left out), inline strings, formula results, booleans
// as "TRUE"/"FALSE", errors as their text ("#DIV/0!"), numbers as written in the file (a date is
// its serial number, e.g. "45292"). Cells land at their reference, gaps filled with "". Trailing
// empty cells of a row and trailing empty rows are left out: a spreadsheet cannot tell them from
// absent ones. At most 5,000,000 cells (rows count too) and limits.maxTotalBytes of cell text.
Result<Workbook> read(std::string_view bytes, const zip::Limits& limits = {});

}  // namespace vakt::xlsx
