#pragma once
// Reading threat models and rule files from disk: the I/O edge of the risk model. A model file
// may be Vakt's own YAML or a Threagile, Threat Dragon v2 or Open Threat Model export; rules come
// from the shipped data/risk/rules and any directory the user adds, without rebuilding.
#include <QByteArray>
#include <QString>
#include <QStringList>
#include <optional>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "riskmodel/model.h"
#include "riskmodel/rules.h"

namespace vakt::risk {

enum class ModelFormat { Vakt, Threagile, ThreatDragon, Otm };
const char* formatName(ModelFormat format);  // "vakt", "threagile", "threatdragon", "otm"
std::optional<ModelFormat> parseFormat(const QString& name);

struct LoadedModel {
    Model model;
    ModelFormat format = ModelFormat::Vakt;
    std::vector<std::string> unmapped;  // what an import could not carry over, with file:line
};

// Reads and validates a model; without a format it is recognised from the content.
Result<LoadedModel> loadModelFile(const QString& path, std::optional<ModelFormat> format = std::nullopt);
// The same for a model's text (as the register keeps it); `name` stands for the file in errors.
Result<LoadedModel> loadModelText(const QByteArray& text, const std::string& name, std::optional<ModelFormat> format = std::nullopt);

// The shipped rules: <data dir>/risk/rules.
QString shippedRulesDirectory();
// Every *.yaml rule file in the directories, in file-name order; the first bad file stops the
// load with its file:line. Rule ids must be unique across all of them.
Result<std::vector<Rule>> loadRules(const QStringList& directories);

// DOT through Graphviz's dot (in the PATH) to one of its output formats ("svg", "json": the
// laid-out drawing as xdot operations); bounded to 30 seconds.
Result<QByteArray> renderGraphviz(const std::string& dot, const QString& format);
inline Result<QByteArray> renderSvg(const std::string& dot) { return renderGraphviz(dot, QStringLiteral("svg")); }

}  // namespace vakt::risk
