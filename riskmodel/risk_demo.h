#pragma once
// The risk module's part of the demo platform, written through RiskService: the threat models
// of five services, their analysis, owners, a measure under way, an accepted risk, a false
// positive and the review tasks a vulnerability in Dokumentlager creates.
#include "core/store.h"

namespace vakt::risk {

struct RiskDemo {
    int models = 0;
    int risks = 0;
    int tasks = 0;
};

Result<RiskDemo> loadRiskDemo(Store& store, const QString& dataDirectory);

}  // namespace vakt::risk
