#include "riskmodel/model_files.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

#include "core/data_dir.h"
#include "riskmodel/analysis.h"
#include "riskmodel/import.h"
#include "riskmodel/yaml_reader.h"

namespace vakt::risk {

namespace {

Result<QByteArray> readFile(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(path.toStdString() + ": cannot read: " + f.errorString().toStdString(), ErrorKind::Io);
    if (f.size() > static_cast<qint64>(kMaxYamlBytes))
        return fail(path.toStdString() + ": larger than " + std::to_string(kMaxYamlBytes / (1024 * 1024)) + " MiB");
    return f.readAll();
}

// Recognised by what each format must contain near its top.
std::optional<ModelFormat> recognise(const QByteArray& text) {
    const QByteArray head = text.left(64 * 1024);
    if (head.contains("vakt_threat_model")) return ModelFormat::Vakt;
    if (head.contains("\"otmVersion\"")) return ModelFormat::Otm;
    if (head.contains("\"diagrams\"") && head.contains("\"detail\"")) return ModelFormat::ThreatDragon;
    if (head.contains("technical_assets") || head.contains("threagile_version")) return ModelFormat::Threagile;
    return std::nullopt;
}

}  // namespace

const char* formatName(ModelFormat format) {
    switch (format) {
        case ModelFormat::Vakt: return "vakt";
        case ModelFormat::Threagile: return "threagile";
        case ModelFormat::ThreatDragon: return "threatdragon";
        case ModelFormat::Otm: return "otm";
    }
    return "vakt";
}

std::optional<ModelFormat> parseFormat(const QString& name) {
    for (auto f : {ModelFormat::Vakt, ModelFormat::Threagile, ModelFormat::ThreatDragon, ModelFormat::Otm})
        if (name == QLatin1String(formatName(f))) return f;
    return std::nullopt;
}

Result<LoadedModel> loadModelFile(const QString& path, std::optional<ModelFormat> format) {
    auto bytes = readFile(path);
    if (!bytes) return bytes.error();
    return loadModelText(*bytes, path.toStdString(), format);
}

Result<LoadedModel> loadModelText(const QByteArray& bytes, const std::string& name, std::optional<ModelFormat> format) {
    if (!format) format = recognise(bytes);
    if (!format)
        return fail(name + ": not a model Vakt recognises (vakt_threat_model, Threagile, Threat Dragon v2 or OTM); name it with --format");
    const std::string_view text(bytes.constData(), static_cast<std::size_t>(bytes.size()));
    LoadedModel loaded;
    loaded.format = *format;
    if (*format == ModelFormat::Vakt) {
        auto m = parseModel(text, name);
        if (!m) return m.error();
        loaded.model = std::move(*m);
        return loaded;
    }
    auto imported = *format == ModelFormat::Threagile      ? importThreagile(text, name)
                    : *format == ModelFormat::ThreatDragon ? importThreatDragon(text, name)
                                                           : importOtm(text, name);
    if (!imported) return imported.error();
    loaded.model = std::move(imported->model);
    loaded.unmapped = std::move(imported->unmapped);
    return loaded;
}

QString shippedRulesDirectory() { return dataDir() + QStringLiteral("/risk/rules"); }

Result<std::vector<Rule>> loadRules(const QStringList& directories) {
    std::vector<Rule> rules;
    for (const QString& directory : directories) {
        const QDir dir(directory);
        if (!dir.exists()) return fail(directory.toStdString() + ": no such directory", ErrorKind::NotFound);
        for (const QFileInfo& file : dir.entryInfoList({QStringLiteral("*.yaml"), QStringLiteral("*.yml")}, QDir::Files, QDir::Name)) {
            auto bytes = readFile(file.filePath());
            if (!bytes) return bytes.error();
            auto rule = parseRule(std::string_view(bytes->constData(), static_cast<std::size_t>(bytes->size())),
                                  file.filePath().toStdString());
            if (!rule) return rule.error();
            rules.push_back(std::move(*rule));
        }
    }
    if (auto s = checkRuleSet(rules); !s) return s.error();
    return rules;
}

Result<QByteArray> renderGraphviz(const std::string& dot, const QString& format) {
    QProcess graphviz;
    graphviz.start(QStringLiteral("dot"), {QStringLiteral("-T") + format});
    if (!graphviz.waitForStarted(10000))
        return fail("cannot run Graphviz's dot (Debian package graphviz): " + graphviz.errorString().toStdString(), ErrorKind::Io);
    graphviz.write(dot.data(), static_cast<qint64>(dot.size()));
    graphviz.closeWriteChannel();
    if (!graphviz.waitForFinished(30000)) {
        graphviz.kill();
        graphviz.waitForFinished();
        return fail("Graphviz's dot did not finish within 30 seconds", ErrorKind::Io);
    }
    if (graphviz.exitStatus() != QProcess::NormalExit || graphviz.exitCode() != 0)
        return fail("Graphviz's dot failed: " + QString::fromUtf8(graphviz.readAllStandardError()).trimmed().toStdString(), ErrorKind::Io);
    return graphviz.readAllStandardOutput();
}

}  // namespace vakt::risk
