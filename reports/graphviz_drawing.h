#pragma once
// A drawing (document.h) read from Graphviz's layout, so a threat model's data-flow diagram is
// drawn in vectors by every renderer without Graphviz's own SVG or PDF ever reaching a report.
// Plain C++, no I/O: the caller runs `dot -Tjson` and hands over its output.
#include <string>
#include <string_view>

#include "core/base/result.h"
#include "reports/document.h"

namespace vakt::reports {

// The drawing in Graphviz's JSON output (`dot -Tjson`, xdot 1.7): the graph's, each cluster's,
// node's and edge's _draw_, _ldraw_, _hdraw_, _tdraw_, _hldraw_, _tldraw_ ops, in that order per
// object (graph first, then "objects" (clusters then nodes, in array order), then "edges"). The
// graph's "bb" is the drawing's box, its lower left corner the origin. The pen (colours, style,
// font) starts afresh for each op list, as Graphviz writes the colours each list needs. Colours
// are "#rrggbb", "#rrggbbaa" (alpha 00: transparent, so no outline or no fill) or a few names
// (black, white, red, green, blue, grey, lightgrey, transparent); any other is black for the pen
// and white for the fill. Gradients keep the colour before them; images and unknown ops are
// left out. A Bézier curve ("B" or "b": Graphviz's JSON swaps xdot's letters) is filled when it
// is closed and its op list set a fill colour ("C"), as a filled rounded node is and an edge's
// spline never is. Errors name the JSON's line:column. Bounded: at most 20,000 shapes and 1,000,000
// points in all, and coordinates within ±1,000,000 points, else an error.
Result<Drawing> drawingFromGraphvizJson(std::string_view json, std::string title);

}  // namespace vakt::reports
