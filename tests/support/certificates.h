#pragma once
// Test certificates made with the openssl tool, as an operator would make them.
#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <gtest/gtest.h>

namespace vakt::test {

// Runs a program to completion; the test fails with its stderr when it does not succeed.
inline void runInDir(const QString& program, const QStringList& args, const QString& workDir) {
    QProcess p;
    p.setWorkingDirectory(workDir);
    p.start(program, args);
    ASSERT_TRUE(p.waitForFinished(30000)) << program.toStdString();
    ASSERT_EQ(p.exitCode(), 0) << program.toStdString() << ": " << p.readAllStandardError().toStdString();
}

// A CA (dir/ca.crt, .key) and a certificate it signs for 127.0.0.1 and localhost (dir/server.crt, .key).
inline void makeCertificate(const QString& dir, const QString& ca, const QString& server) {
    const QStringList ec = {"-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"};
    runInDir("openssl", QStringList{"req", "-x509"} + ec + QStringList{"-keyout", ca + ".key", "-out", ca + ".crt", "-subj", "/CN=" + ca, "-days", "2"},
             dir);
    runInDir("openssl", QStringList{"req"} + ec + QStringList{"-keyout", server + ".key", "-out", server + ".csr", "-subj", "/CN=localhost"}, dir);
    QFile ext(dir + "/" + server + ".ext");
    ASSERT_TRUE(ext.open(QIODevice::WriteOnly));
    ext.write("subjectAltName=DNS:localhost,IP:127.0.0.1\n");
    ext.close();
    runInDir("openssl", {"x509", "-req", "-in", server + ".csr", "-CA", ca + ".crt", "-CAkey", ca + ".key", "-CAcreateserial", "-out",
                         server + ".crt", "-days", "2", "-extfile", server + ".ext"},
             dir);
}

}  // namespace vakt::test
