#pragma once
#include <QString>

#include "core/base/json.h"

namespace vakt {
// Where the shipped reference data lives: $VAKT_DATA_DIR, else share/vakt/data next to the
// installed program, else the source tree's data/ (for builds run in place).
QString dataDir();
// A JSON data file, parsed; errors name the file (and line).
Result<json::Value> readJsonFile(const QString& path);
}  // namespace vakt
