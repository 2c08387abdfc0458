#pragma once
// The privilege review's part of the demo platform, through its own service.
#include "core/store.h"

namespace vakt::access {

// Adds municipal staff to the catalogue, imports two grant exports, sets the segregation-of-duties
// rules and opens a campaign; gives how many people it added. Needs the catalogue and users demo.
Result<int> loadAccessDemo(Store& store);

}  // namespace vakt::access
