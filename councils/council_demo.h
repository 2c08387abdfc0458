#pragma once
// The councils' part of the demo platform, written through the council service like any other
// use: SvarUt's and Fiks folkeregister's user meetings with invitations, attendance from the
// largest municipalities with agreements, and minutes; the councils they elected (SvarUt's with
// three terms running out within weeks, so the warning shows); change requests from
// municipalities and the service desk with the product owner's responses and the members'
// points; a roadmap over the next three quarters; and monthly council meetings with minutes.
// Dates are counted from the Store's clock.
#include "core/store.h"

namespace vakt::councils {

// Gives the number of change requests. Joins the caller's transaction.
Result<int> loadCouncilDemo(Store& store);

}  // namespace vakt::councils
