#pragma once
// NSM maturity's part of the demo platform, through its own service: no catalogue of measures
// (NSM's texts are never invented), but the department's own assessments of all 21 principles
// on Vakt's 0–5 scale at four dates in 2026, mostly rising towards their targets, and a few
// Statement of Applicability decisions (the data centre's physical controls are the hosting
// provider's).
#include "core/store.h"

namespace vakt::nsm {

// Gives the number of assessments recorded. Needs the catalogue demo (the operator names the
// department). Joins the caller's transaction.
Result<int> loadNsmDemo(Store& store);

}  // namespace vakt::nsm
