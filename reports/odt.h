#pragma once
// A document (document.h) as an OpenDocument Text file (ODF 1.2, .odt) for LibreOffice and Word
// to open and edit, and for `soffice --headless --convert-to pdf` to convert. Plain C++ over
// zip.h, no I/O, deterministic: same document, same bytes.
#include <string>

#include "reports/document.h"

namespace vakt::reports {

// The package: "mimetype" first and stored, META-INF/manifest.xml, content.xml, styles.xml,
// meta.xml (title, author as initial creator, subject, keywords, createdUtc as creation date,
// generator "Vakt") and a picture per drawing. Made to be edited (a municipality fills in its risk assessment): real
// headings (Heading 1–3 with outline levels), paragraphs ('\n' a line break), bullet lists and
// tables with a repeated bold header row, in named styles (Liberation Sans, A4, "Side N av M" in
// the page footer), no frames but the drawings'. Key–value blocks and the footer are two-column
// tables; a chart is a heading with its title and a table of its numbers (a heat map's cells
// coloured); a drawing is a heading with its title and an SVG picture (Pictures/drawingN.svg,
// listed in the manifest) in a frame set like a character, at most 17 cm wide. Text is
// XML-escaped, invalid UTF-8 becomes U+FFFD and characters XML forbids are left out.
std::string renderOdt(const Document& document);

}  // namespace vakt::reports
