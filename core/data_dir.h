#pragma once
#include <QString>

namespace vakt {
// Where the shipped reference data lives: $VAKT_DATA_DIR, else share/vakt/data next to the
// installed program, else the source tree's data/ (for builds run in place).
QString dataDir();
}  // namespace vakt
