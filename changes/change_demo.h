#pragma once
// The change board's part of the demo platform: a standard template, the year's freezes, last
// week's meeting with its minutes, and the changes waiting for this week's, written through the
// board's service like any other.
#include "core/store.h"

namespace vakt::changes {

// Gives the number of change requests.
Result<int> loadChangeDemo(Store& store);

}  // namespace vakt::changes
