#pragma once
// Network helpers for tests that run Vakt's programs and real peers on 127.0.0.1: free ports,
// HTTP with the event loop running (so child processes keep being served), and waiting for a
// condition with a deadline instead of a fixed sleep.
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTimer>
#include <functional>
#include <optional>

namespace vakt::test {

inline int freePort() {
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

// A base for the simulator, whose control, fault and pod ports run from base-2 to base+pods-1.
// Chosen below Linux's ephemeral range (32768+), where outgoing connections of the other
// processes in the test cannot take one of them between this check and the simulator's bind.
inline int freePortRange(int pods) {
    for (int attempt = 0; attempt < 200; ++attempt) {
        const int base = 20002 + static_cast<int>(QRandomGenerator::global()->bounded(12000 - pods));
        bool free = true;
        for (int p = base - 2; p < base + pods && free; ++p) {
            QTcpServer s;
            free = s.listen(QHostAddress::LocalHost, static_cast<quint16>(p));
        }
        if (free) return base;
    }
    return 0;
}

inline void pause(int ms) {
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// GET with the event loop running, so child processes keep being served.
inline QByteArray httpGet(const QString& url, int* status = nullptr) {
    QNetworkAccessManager nam;
    QNetworkReply* reply = nam.get(QNetworkRequest(QUrl(url)));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(5000, &loop, &QEventLoop::quit);
    loop.exec();
    if (status) *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    reply->deleteLater();
    return body;
}

// One series' value in a Prometheus text exposition (`name` or `name{labels}` as written);
// nothing when the series is absent or its value is not a number, never a stand-in.
inline std::optional<double> seriesValue(const QString& exposition, const QString& series) {
    const QRegularExpression line(QStringLiteral("^%1 (\\S+)$").arg(QRegularExpression::escape(series)), QRegularExpression::MultilineOption);
    const auto m = line.match(exposition);
    if (!m.hasMatch()) return std::nullopt;
    bool ok = false;
    const double value = m.captured(1).toDouble(&ok);
    return ok ? std::optional<double>(value) : std::nullopt;
}

inline bool waitFor(const std::function<bool()>& condition, int timeoutMs) {
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        if (condition()) return true;
        pause(200);
    }
    return condition();
}

}  // namespace vakt::test
