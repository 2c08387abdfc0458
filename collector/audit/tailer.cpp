#include "collector/audit/tailer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <memory>
#include <zlib.h>

#include "core/base/crypto.h"

namespace vakt::audit {

namespace {

// Sequential reading of a gzip file through zlib.
class GzipReader : public QIODevice {
public:
    explicit GzipReader(const QString& path) : path_(path) {}
    ~GzipReader() override { close(); }
    bool open(OpenMode mode) override {
        file_ = gzopen(QFile::encodeName(path_).constData(), "rb");
        if (!file_) return false;
        return QIODevice::open(mode);
    }
    void close() override {
        if (file_) gzclose(file_);
        file_ = nullptr;
        QIODevice::close();
    }
    bool isSequential() const override { return true; }
    bool atEnd() const override { return ended_; }

protected:
    qint64 readData(char* data, qint64 max) override {
        const int n = gzread(file_, data, static_cast<unsigned>(std::min<qint64>(max, 1 << 20)));
        if (n < 0) {
            int code = 0;
            setErrorString(QString::fromLatin1(gzerror(file_, &code)));
            return -1;
        }
        if (n == 0) {
            // zlib ends a stream cut off in the middle as if it were complete, and says so only
            // through Z_BUF_ERROR: such a file is still being written (or damaged), not ended.
            int code = Z_OK;
            gzerror(file_, &code);
            if (code == Z_BUF_ERROR) {
                setErrorString(QStringLiteral("the compressed file ends in the middle (it may still be being written)"));
                return -1;
            }
            ended_ = true;
        }
        return n;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QString path_;
    gzFile file_ = nullptr;
    bool ended_ = false;
};

std::unique_ptr<QIODevice> openLog(const QString& path) {
    std::unique_ptr<QIODevice> device;
    if (path.endsWith(QLatin1String(".gz"))) device = std::make_unique<GzipReader>(path);
    else device = std::make_unique<QFile>(path);
    if (!device->open(QIODevice::ReadOnly)) return nullptr;
    return device;
}

// How many first bytes of a log file it is known by: enough to tell apart files that begin
// with the same header line.
constexpr qint64 kHeadBytes = 1024;

// The file's first kHeadBytes (all of it when shorter), or nothing while it holds no complete line.
std::optional<QByteArray> fileHead(const QString& path) {
    auto device = openLog(path);
    if (!device) return std::nullopt;
    QByteArray head;
    while (head.size() < kHeadBytes) {
        const QByteArray more = device->read(kHeadBytes - head.size());
        if (more.isEmpty()) break;
        head += more;
    }
    if (head.size() < kHeadBytes && !head.contains('\n')) return std::nullopt;
    return head;
}

// Vakt 0.1 knew a file by the SHA-256 of its first line (up to 4 KiB): the key its position
// was kept under, taken over once by the file it belongs to.
std::optional<std::string> firstLine(const QString& path) {
    auto device = openLog(path);
    if (!device) return std::nullopt;
    std::string head;
    char buffer[4096];
    while (head.size() < sizeof buffer) {
        const qint64 n = device->read(buffer, static_cast<qint64>(sizeof buffer - head.size()));
        if (n <= 0) break;
        head.append(buffer, static_cast<std::size_t>(n));
        if (const auto nl = head.find('\n'); nl != std::string::npos) return head.substr(0, nl);
    }
    if (head.size() >= sizeof buffer) return head;  // a very long first line: its first 4 KiB identify it
    return std::nullopt;
}

}  // namespace

Result<QString> AuditTailer::sourceKey(const QString& path, const QByteArray& head) {
    auto known = ledger_.sourceByHead(head);
    if (!known) return known.error();
    if (!known->isEmpty()) return *known;
    if (const auto line = firstLine(path)) {
        const QString legacy = QStringLiteral("file-sha256:") + QString::fromStdString(crypto::sha256Hex(*line));
        auto pos = ledger_.position(legacy);
        if (!pos) return pos.error();
        if (pos->offset > 0 && pos->headLength == 0) return legacy;
    }
    return QStringLiteral("file-head:") + QString::fromStdString(crypto::sha256Hex(std::string_view(head.constData(), static_cast<std::size_t>(head.size()))));
}

TailPass AuditTailer::poll(const Session& who) {
    TailPass pass;
    EventLimits limits;
    limits.maxLineBytes = config_.maxLineBytes;
    for (const auto& pattern : config_.files) {
        const QFileInfo info(QString::fromStdString(pattern));
        // Oldest first, so a rotated file is finished before its successor is read.
        QFileInfoList files = info.dir().entryInfoList({info.fileName()}, QDir::Files, QDir::Time | QDir::Reversed);
        for (const QFileInfo& file : files) {
            const QString path = file.absoluteFilePath();
            const bool compressed = path.endsWith(QLatin1String(".gz"));
            const std::pair<qint64, qint64> stamp{file.size(), file.lastModified().toMSecsSinceEpoch()};
            if (compressed && doneCompressed_.count(path) && doneCompressed_[path] == stamp) continue;
            const auto head = fileHead(path);
            if (!head) continue;  // nothing complete to read yet
            auto key = sourceKey(path, *head);
            if (!key) {
                pass.problems.push_back(path.toStdString() + ": " + key.message());
                continue;
            }
            auto device = openLog(path);
            if (!device) {
                // Rotation may compress or remove a file between listing and opening it: gone is
                // not an error (its lines are read under the new name), unreadable is.
                if (QFileInfo::exists(path)) pass.problems.push_back(path.toStdString() + ": cannot open");
                continue;
            }
            const SourceSpec spec{*key, path, compressed, 0, true, {}, *head};
            auto stats = ledger_.ingest(who, spec, *device, limits);
            if (!stats) {
                pass.problems.push_back(stats.message());
                continue;
            }
            pass.accepted += stats->accepted;
            pass.quarantined += stats->quarantined;
            if (compressed) doneCompressed_[path] = stamp;
        }
    }
    return pass;
}

}  // namespace vakt::audit
