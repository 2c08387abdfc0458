#pragma once
// The service desk's part of the demo platform: closed days, an on-call roster and the cases of
// an ordinary few weeks, written through the desk's and core's services like any other case.
#include "core/store.h"

namespace vakt::desk {

// Gives the number of cases.
Result<int> loadDeskDemo(Store& store);

}  // namespace vakt::desk
