#pragma once
// Runs one of Vakt's programs as a user or script would, and gives back what it said.
#include <QProcess>
#include <QString>
#include <QStringList>

namespace vakt::test {

struct Outcome {
    int code = -1;  // -1 when it crashed or did not finish within two minutes
    QString out;
    QString err;
};

inline Outcome run(const QString& program, const QStringList& args, const QByteArray& input = {}) {
    QProcess p;
    p.start(program, args);
    p.waitForStarted();
    if (!input.isEmpty()) p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(120000)) {
        p.kill();
        return {};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

}  // namespace vakt::test
