#pragma once
// Importers from other threat-modelling tools into Vakt's model (docs/threat-models.md):
// Threagile YAML, OWASP Threat Dragon v2 JSON and the Open Threat Model (OTM) format. Each builds
// a Model, validates it with validateModel() and lists what it could not carry over, so nobody
// assumes a threat, decision or property came along when it did not. Plain C++, no I/O: callers
// pass the text and the file's name, and every message names file:line.
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.h"
#include "riskmodel/model.h"

namespace vakt::risk {

struct ImportResult {
    Model model;
    // "file:line: what was not mapped and why", in the order found.
    std::vector<std::string> unmapped;
};

// Threagile model (threagile_version: 1.x): data_assets, technical_assets with their
// communication_links, trust_boundaries (nested through trust_boundaries_nested).
Result<ImportResult> importThreagile(std::string_view yaml, const std::string& fileName);

// Threat Dragon 2 model (summary, detail.diagrams[].cells). Boundary boxes place the elements
// whose centre lies inside them; boundary curves cannot, and are listed as unmapped.
Result<ImportResult> importThreatDragon(std::string_view json, const std::string& fileName);

// Open Threat Model (otmVersion 0.x): assets, trustZones, components, dataflows. Takes JSON, or
// YAML when the text does not start with '{' (OTM allows both).
Result<ImportResult> importOtm(std::string_view json, const std::string& fileName);

}  // namespace vakt::risk
