#pragma once
// Detection rules in YAML (docs/audit-ledger.md), read into the detector's plain rules.
// Errors name file:line and the field.
#include <string>
#include <string_view>
#include <vector>

#include "collector/audit/detection.h"
#include "core/base/result.h"

namespace vakt::audit {

Result<std::vector<DetectionRule>> parseDetectionRules(std::string_view yaml, const std::string& fileName);
Result<std::vector<DetectionRule>> loadDetectionRules(const std::vector<std::string>& files);

}  // namespace vakt::audit
