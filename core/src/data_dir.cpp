#include "core/data_dir.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
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
Result<json::Value> readJsonFile(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return fail(path.toStdString() + ": cannot read: " + f.errorString().toStdString(), ErrorKind::Io);
    const QByteArray bytes = f.readAll();
    auto v = json::parse(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    if (!v) return fail(path.toStdString() + ":" + v.message());
    return v;
}

}  // namespace vakt
