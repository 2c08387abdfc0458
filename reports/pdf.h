#pragma once
// A document (document.h) as a PDF 1.4 file written by hand: A4 portrait, 56 pt margins, the
// standard Helvetica and Helvetica-Bold (not embedded, WinAnsiEncoding), uncompressed content
// streams. No file ID, and a creation date only from the document's createdUtc, so the same
// document gives the same bytes. Plain C++.
#include <cstddef>
#include <string>
#include <string_view>

#include "core/base/result.h"
#include "reports/document.h"

namespace vakt::reports {

struct PdfLimits {
    int maxPages = 2000;
    std::size_t maxBytes = 5u * 1024u * 1024u;
};

// Text is wrapped by the fonts' real glyph widths, so no line runs past the margin: a word longer
// than a line is broken. Tables get column widths from their content, wrapped cells and their
// header repeated on each new page. Each page's footer has the title and "Side N av M" ("Page N
// of M" when the language is not Norwegian). Charts are vector drawings (bars and cells filled
// with rg/re/f, text as elsewhere), kept on one page when they fit one. A drawing is paths
// (m/l/c, ellipses as four Bézier arcs, clipped to its box) scaled down to the text width, and to
// a page when taller than one. The document information has the title, author, subject, keywords and creator as UTF-16BE strings, Producer "Vakt" and
// CreationDate D:YYYYMMDDHHMMSSZ when createdUtc is a valid timestamp. Fails when the PDF would
// pass either limit.
Result<std::string> renderPdf(const Document& document, const PdfLimits& limits = {});

// UTF-8 as WinAnsi (cp1252), the encoding of the PDF's fonts: æøåÆØÅ, é, ü, « », – —, …, € are
// all there. Decomposed letters (a + U+030A) are composed; tabs and Unicode spaces become spaces
// (U+202F and U+2007, which keep numbers together, the no-break space); '\n' stays; other control
// characters, soft hyphens and zero-width characters are left out; anything else becomes '?'.
std::string toWinAnsi(std::string_view utf8);

// The width in points of WinAnsi text set in Helvetica (or Helvetica-Bold) at `size` points, from
// the fonts' standard AFM metrics (no kerning, as the PDF uses none).
double textWidth(std::string_view winAnsi, bool bold, double size);

// The page label in the document's language: "Side 2 av 7" for nb, nn and no, else "Page 2 of 7".
std::string pageLabel(std::string_view language, int page, int pages);

}  // namespace vakt::reports
