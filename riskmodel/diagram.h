#pragma once
// Data-flow diagrams in Graphviz's DOT language: trust boundaries as nested clusters, external
// entities as boxes, processes as ellipses, stores as cylinders, flows as arrows; every element
// and flow coloured by the highest level of the threats raised on it. Plain text out; turning it
// into SVG is the caller's (riskmodel/model_files.h: renderSvg).
#include <string>

#include "riskmodel/analysis.h"

namespace vakt::risk {

std::string dataFlowDot(const Analysis& analysis);

// A DOT string literal: quotes, backslashes and line breaks escaped, so a title cannot end the
// literal and add statements of its own.
std::string dotQuoted(std::string_view text);

// Fill colours by level, shared with the desktop's heat map.
const char* levelColour(Level level);

}  // namespace vakt::risk
