#include "core/data_dir.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace vakt {
QString dataDir() {
    const QString env = qEnvironmentVariable("VAKT_DATA_DIR");
    if (!env.isEmpty()) return env;
    if (QCoreApplication::instance()) {
        const QString installed = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("../share/vakt/data"));
        if (QFileInfo::exists(installed + QStringLiteral("/demo/platform.json"))) return QDir::cleanPath(installed);
    }
    return QStringLiteral(VAKT_SOURCE_DATA_DIR);
}
}  // namespace vakt
