#pragma once
// Follows the platform's audit log files into the ledger. A file is known by its first bytes (up
// to 1 KiB, kept with its position), not by its name or inode, so a log renamed by rotation, and
// later compressed to .gz, is recognised as the file already read and continued where it stopped;
// a log truncated or replaced starts with other bytes and is a new source (a constant header line
// does not make two logs one), and the copy that copytruncate leaves is shorter than the position
// already read, so it is passed over. A file whose line before its position is no longer the one
// read there is refused with an error, never read on from the wrong place. Each pass reads what was
// added since the last one through Ledger::ingest, which commits the position with the events.
#include <QString>
#include <map>
#include <string>
#include <vector>

#include "collector/audit/ledger.h"
#include "collector/config/scrape_config.h"

namespace vakt::audit {

struct TailPass {
    qint64 accepted = 0;
    qint64 quarantined = 0;
    std::vector<std::string> problems;  // per file; the pass goes on with the other files
};

class AuditTailer {
public:
    AuditTailer(Ledger& ledger, collector::AuditConfig config) : ledger_(ledger), config_(std::move(config)) {}
    TailPass poll(const Session& who);

private:
    // The source a file is continued as: the one known by its first bytes; else a Vakt 0.1
    // position under its first line not yet taken over; else a new one.
    Result<QString> sourceKey(const QString& path, const QByteArray& head);
    Ledger& ledger_;
    collector::AuditConfig config_;
    // Compressed files read to the end, by name, size and modification time: not decompressed again.
    std::map<QString, std::pair<qint64, qint64>> doneCompressed_;
};

}  // namespace vakt::audit
