// The collector's web address (/metrics, /-/healthy, audit push) against slow and hostile
// clients: each attack is made for real on 127.0.0.1, with plain sockets, against the built
// vakt-collector, and /-/healthy must keep answering while memory stays bounded.
#include <gtest/gtest.h>

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <optional>
#include <string>
#include <vector>

#include "collector/http/http_server.h"
#include "tests/support/certificates.h"
#include "tests/support/net.h"
#include "tests/support/test_db.h"

using namespace vakt;
using namespace vakt::test;

namespace {

constexpr auto kToken = "web-test-token-0123456789";

// A plain TCP connection to 127.0.0.1, closed when it goes out of scope.
class RawClient {
public:
    explicit RawClient(int port, int receiveBuffer = 0) {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        if (receiveBuffer > 0) ::setsockopt(fd_, SOL_SOCKET, SO_RCVBUF, &receiveBuffer, sizeof receiveBuffer);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(static_cast<uint16_t>(port));
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
        ::fcntl(fd_, F_SETFL, ::fcntl(fd_, F_GETFL) | O_NONBLOCK);
    }
    RawClient(RawClient&& other) noexcept : fd_(std::exchange(other.fd_, -1)), connected_(other.connected_), received_(std::move(other.received_)) {}
    RawClient& operator=(RawClient&& other) noexcept {
        std::swap(fd_, other.fd_);
        connected_ = other.connected_;
        received_ = std::move(other.received_);
        return *this;
    }
    ~RawClient() {
        if (fd_ >= 0) ::close(fd_);
    }
    bool connected() const { return connected_; }
    // False once the server has closed the connection (or reset it).
    bool send(std::string_view bytes) {
        while (!bytes.empty()) {
            const ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
            if (n < 0) return errno == EAGAIN;
            bytes.remove_prefix(static_cast<std::size_t>(n));
        }
        return true;
    }
    // Reads what has arrived; true when the server has closed its side.
    bool drain() {
        char buffer[4096];
        for (;;) {
            const ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
            if (n > 0) {
                received_.append(buffer, static_cast<std::size_t>(n));
                continue;
            }
            return n == 0 || errno != EAGAIN;
        }
    }
    // Waits up to timeoutMs for the server to close, keeping what it said.
    bool waitClosed(int timeoutMs) {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            if (drain()) return true;
            pollfd p{fd_, POLLIN, 0};
            ::poll(&p, 1, 50);
        }
        return drain();
    }
    // Waits up to timeoutMs until what arrived contains `text`.
    bool waitFor(std::string_view text, int timeoutMs) {
        QElapsedTimer t;
        t.start();
        while (received_.find(text) == std::string::npos && t.elapsed() < timeoutMs) {
            if (drain()) break;
            pollfd p{fd_, POLLIN, 0};
            ::poll(&p, 1, 50);
        }
        return received_.find(text) != std::string::npos;
    }
    const std::string& received() const { return received_; }

private:
    int fd_ = -1;
    bool connected_ = false;
    std::string received_;
};

// One GET on a fresh connection; the answer's status line and body, or nothing within the time.
std::optional<std::string> get(int port, const std::string& path, int timeoutMs = 1000) {
    RawClient c(port);
    if (!c.connected() || !c.send("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")) return std::nullopt;
    if (!c.waitClosed(timeoutMs) || c.received().rfind("HTTP/1.1 ", 0) != 0) return std::nullopt;
    return c.received();
}

// One series' value from the collector's /metrics; nothing when it cannot be read or is absent.
std::optional<double> metric(int port, const std::string& series) {
    const auto answer = get(port, "/metrics", 3000);
    if (!answer) return std::nullopt;
    return seriesValue(QString::fromStdString(*answer), QString::fromStdString(series));
}

void expectMetricAtLeast(int port, const std::string& series, double least) {
    const auto value = metric(port, series);
    ASSERT_TRUE(value) << series << " is not in /metrics";
    EXPECT_GE(*value, least) << series;
}

qint64 residentKiB(qint64 pid) {
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly)) return -1;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:")) return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

class CollectorWeb : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(dir_.isValid());
        QDir(dir_.path()).mkpath("keys");
        QProcess init;
        init.start(VAKT_CLI, {"--keys", dir_.filePath("keys"), "keys", "init"});
        ASSERT_TRUE(init.waitForFinished(30000));
        ASSERT_EQ(init.exitCode(), 0) << init.readAllStandardError().toStdString();
        write("push.token", QByteArray(kToken) + "\n");
        config_ = write("web.yml", "audit:\n  keys_dir: keys\n  push:\n    bearer_token_file: push.token\n    max_body_size: 64KB\n");
    }
    void TearDown() override {
        if (collector_) {
            collector_->terminate();
            if (!collector_->waitForFinished(5000)) collector_->kill();
            collector_->waitForFinished(2000);
        }
    }
    QString write(const QString& name, const QByteArray& text) {
        QFile f(dir_.filePath(name));
        EXPECT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
        return f.fileName();
    }
    // The collector on a free port with these extra options; waits until it answers.
    void start(const QStringList& extra, int openFileLimit = 0) {
        port_ = freePort();
        collector_ = std::make_unique<QProcess>();
        collector_->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        // Freed memory is held back for a while under AddressSanitizer (256 MB by default), which
        // would hide whether the server's own memory stays bounded.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("ASAN_OPTIONS", env.value("ASAN_OPTIONS") + (env.contains("ASAN_OPTIONS") ? ":" : "") + "quarantine_size_mb=8");
        collector_->setProcessEnvironment(env);
        if (openFileLimit > 0)
            collector_->setChildProcessModifier([openFileLimit] {
                const rlimit limit{static_cast<rlim_t>(openFileLimit), static_cast<rlim_t>(openFileLimit)};
                ::setrlimit(RLIMIT_NOFILE, &limit);
            });
        collector_->start(VAKT_COLLECTOR, QStringList{"--config", config_, "--db", database_.url(), "--web.listen-address",
                                                      QStringLiteral("127.0.0.1:%1").arg(port_)} + extra);
        ASSERT_TRUE(collector_->waitForStarted(5000));
        ASSERT_TRUE(waitFor([&] { return connectable(); }, 15000));
    }
    bool connectable() const {
        RawClient c(port_);
        return c.connected();
    }
    bool healthy(int timeoutMs = 1000) const {
        const auto answer = get(port_, "/-/healthy", timeoutMs);
        return answer && answer->rfind("HTTP/1.1 200", 0) == 0;
    }
    std::string pushHeaders(const std::string& token, qint64 length, const std::string& extra = {}) const {
        return "POST /api/v1/audit/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-ndjson\r\n" +
               (token.empty() ? std::string() : "Authorization: Bearer " + token + "\r\n") + "Content-Length: " + std::to_string(length) +
               "\r\n" + extra + "\r\n";
    }

    QTemporaryDir dir_;
    TestDatabase database_{TestDatabase::Content::Demo};
    QString config_;
    std::unique_ptr<QProcess> collector_;
    int port_ = 0;
};

}  // namespace

TEST_F(CollectorWeb, APushWithoutAValidTokenIsRefusedBeforeItsBodyIsSent) {
    ASSERT_NO_FATAL_FAILURE(start({}));
    // Announces a body the size of the limit and sends none of it: the answer comes anyway.
    RawClient anonymous(port_);
    ASSERT_TRUE(anonymous.send(pushHeaders("", 60000)));
    EXPECT_TRUE(anonymous.waitFor("HTTP/1.1 401", 2000)) << anonymous.received();
    RawClient wrong(port_);
    ASSERT_TRUE(wrong.send(pushHeaders("web-test-token-0123456788", 60000)));
    EXPECT_TRUE(wrong.waitFor("HTTP/1.1 401", 2000)) << wrong.received();
    // A client that asks first (Expect: 100-continue, as curl does) is told to go on only with the token.
    RawClient asking(port_);
    ASSERT_TRUE(asking.send(pushHeaders(kToken, 2, "Expect: 100-continue\r\n")));
    EXPECT_TRUE(asking.waitFor("HTTP/1.1 100 Continue\r\n\r\n", 2000)) << asking.received();
    ASSERT_TRUE(asking.send("\n\n"));
    EXPECT_TRUE(asking.waitFor("HTTP/1.1 200", 2000)) << asking.received();
    EXPECT_NE(asking.received().find("\"blank\":2"), std::string::npos) << asking.received();
}

TEST_F(CollectorWeb, OneDeadlineForTheWholeRequestHoweverSlowlyItTrickles) {
    ASSERT_NO_FATAL_FAILURE(start({"--web.read-timeout", "2s"}));
    // A header line that never ends and a valid push whose body never completes, a byte every 200 ms each.
    RawClient headers(port_), body(port_);
    ASSERT_TRUE(headers.send("GET /-/healthy HTTP/1.1\r\nX-Slow: "));
    ASSERT_TRUE(body.send(pushHeaders(kToken, 50000)));
    QElapsedTimer t;
    t.start();
    bool headersOpen = true, bodyOpen = true;
    qint64 headersCut = -1, bodyCut = -1;
    while ((headersOpen || bodyOpen) && t.elapsed() < 8000) {
        if (headersOpen && (!headers.send("a") || headers.drain())) headersOpen = false, headersCut = t.elapsed();
        if (bodyOpen && (!body.send("{") || body.drain())) bodyOpen = false, bodyCut = t.elapsed();
        QThread::msleep(200);
    }
    // Cut off at the deadline (2 s), not kept alive by each new byte.
    EXPECT_GE(headersCut, 1500);
    EXPECT_LE(headersCut, 3500);
    EXPECT_GE(bodyCut, 1500);
    EXPECT_LE(bodyCut, 3500);
    expectMetricAtLeast(port_, "vakt_collector_http_timeouts_total{phase=\"read\"}", 2);
}

TEST_F(CollectorWeb, HealthyKeepsAnsweringUnderManySlowAndHostileClientsAndMemoryStaysBounded) {
    ASSERT_NO_FATAL_FAILURE(start({"--web.read-timeout", "3s"}));
    const qint64 pid = collector_->processId();
    const qint64 before = residentKiB(pid);
    ASSERT_GT(before, 0);
    std::vector<RawClient> trickling, silent, slowBodies;
    int refusedUnread = 0, probes = 0, answered = 0;
    qint64 peak = before;
    QElapsedTimer t;
    t.start();
    // Eight seconds of attack, renewed as the server cuts clients off: about 300 hostile
    // connections open at a time, well under the default cap of 512.
    while (t.elapsed() < 8000) {
        while (trickling.size() < 150) {
            trickling.emplace_back(port_);
            trickling.back().send("GET /metrics HTTP/1.1\r\nX-Slow: ");
        }
        while (silent.size() < 100) silent.emplace_back(port_);
        while (slowBodies.size() < 40) {
            slowBodies.emplace_back(port_);
            slowBodies.back().send(pushHeaders(kToken, 60000));
        }
        // Pushes without a token announcing the body limit: refused on their headers.
        for (int i = 0; i < 10; ++i) {
            RawClient flood(port_);
            flood.send(pushHeaders("", 60000));
            if (flood.waitFor("HTTP/1.1 401", 2000)) ++refusedUnread;
        }
        const auto keepOpen = [](std::vector<RawClient>& clients, std::string_view byte) {
            std::erase_if(clients, [&](RawClient& c) { return (!byte.empty() && !c.send(byte)) || c.drain(); });
        };
        keepOpen(trickling, "a");
        keepOpen(slowBodies, "{");
        keepOpen(silent, "");
        ++probes;
        if (healthy()) ++answered;
        peak = std::max(peak, residentKiB(pid));
        QThread::msleep(200);
    }
    EXPECT_GE(probes, 10);
    EXPECT_EQ(answered, probes) << "/-/healthy stopped answering under load";
    EXPECT_GE(refusedUnread, 10 * probes);
    // Each hostile connection holds at most 16 KiB of headers or the 64 KB body limit.
#if defined(__SANITIZE_ADDRESS__)
    constexpr qint64 kBoundKiB = 160 * 1024;  // shadow memory and redzones come on top
#else
    constexpr qint64 kBoundKiB = 64 * 1024;
#endif
    EXPECT_LT(peak - before, kBoundKiB) << "KiB before " << before << ", at peak " << peak;
    expectMetricAtLeast(port_, "vakt_collector_http_timeouts_total{phase=\"read\"}", 290);
    // Once the clients are gone, nothing of them stays open on the server.
    trickling.clear();
    silent.clear();
    slowBodies.clear();
    EXPECT_TRUE(waitFor([&] { return metric(port_, "vakt_collector_http_open_connections") == 1; }, 5000));  // the /metrics request itself
}

TEST_F(CollectorWeb, ConnectionsOverTheCapAreAnswered503AndCounted) {
    ASSERT_NO_FATAL_FAILURE(start({"--web.max-connections", "20", "--web.read-timeout", "2s"}));
    std::vector<RawClient> idle;
    for (int i = 0; i < 20; ++i) idle.emplace_back(port_);
    ASSERT_TRUE(waitFor([&] {
        RawClient extra(port_);
        return extra.waitFor("HTTP/1.1 503 Service Unavailable", 1000) && extra.received().find("too many connections") != std::string::npos;
    }, 3000));
    // The idle ones reach their deadline and free their places.
    EXPECT_TRUE(waitFor([&] { return healthy(); }, 5000));
    expectMetricAtLeast(port_, "vakt_collector_http_connections_over_limit_total", 1);
}

TEST_F(CollectorWeb, AcceptingResumesAfterTheProcessRanOutOfFileDescriptors) {
#if defined(__SANITIZE_ADDRESS__)
    // UBSan checks each virtual call by reading the object through a pipe it must open: with no
    // descriptors left it reports every such call as invalid and aborts. Run in the dev build.
    GTEST_SKIP() << "the sanitizers themselves need file descriptors; this runs in the dev build";
#endif
    ASSERT_NO_FATAL_FAILURE(start({"--web.read-timeout", "30s"}, 64));
    // More connections than descriptors: the kernel completes them, the collector cannot accept them all.
    std::vector<RawClient> hogs;
    for (int i = 0; i < 100; ++i) hogs.emplace_back(port_);
    EXPECT_FALSE(healthy(1500)) << "64 descriptors should not hold 100 connections";
    hogs.clear();
    EXPECT_TRUE(waitFor([&] { return healthy(); }, 10000)) << "accepting never resumed";
    expectMetricAtLeast(port_, "vakt_collector_http_accept_errors_total", 1);
}

TEST_F(CollectorWeb, SilentConnectionsDoNotBlockTlsHandshakes) {
    makeCertificate(dir_.path(), "web-ca", "web");
    if (HasFatalFailure()) return;
    ASSERT_NO_FATAL_FAILURE(start({"--web.tls-cert-file", dir_.filePath("web.crt"), "--web.tls-key-file", dir_.filePath("web.key"),
                                   "--web.read-timeout", "3s"}));
    // Qt's own TLS server stops accepting after 30 connections that never finish their handshake.
    std::vector<RawClient> silent;
    for (int i = 0; i < 60; ++i) silent.emplace_back(port_);
    RawClient garbage(port_);
    garbage.send("GET / HTTP/1.1\r\n\r\n");  // plain HTTP where TLS is expected
    const auto httpsGet = [&](const QString& path, int* status) {
        QNetworkAccessManager nam;
        QNetworkRequest request{QUrl(QStringLiteral("https://127.0.0.1:%1%2").arg(port_).arg(path))};
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(QSslCertificate::fromPath(dir_.filePath("web-ca.crt")));
        request.setSslConfiguration(tls);
        QNetworkReply* reply = nam.get(request);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(5000, &loop, &QEventLoop::quit);
        loop.exec();
        *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        reply->deleteLater();
        return body;
    };
    QElapsedTimer t;
    t.start();
    int status = 0;
    httpsGet("/-/healthy", &status);
    EXPECT_EQ(status, 200);
    EXPECT_LT(t.elapsed(), 2500) << "answered only once the silent connections timed out";
    EXPECT_TRUE(garbage.waitClosed(4000));
    const QRegularExpression failures(QStringLiteral("^vakt_collector_http_tls_handshake_failures_total (\\d+)$"), QRegularExpression::MultilineOption);
    const auto counted = failures.match(QString::fromUtf8(httpsGet("/metrics", &status)));
    ASSERT_TRUE(counted.hasMatch());
    EXPECT_GE(counted.captured(1).toInt(), 1) << "the plain-HTTP client is not counted as a failed handshake";
}

// The write deadline, on the server class itself: an answer far larger than the socket buffers
// to a client that never reads.
TEST(HttpServerDeadlines, AClientThatNeverReadsTheAnswerIsCutOffAtTheWriteDeadline) {
    collector::HttpLimits limits;
    limits.writeTimeoutMs = 1000;
    collector::HttpServer server([](const std::string&, const auto&) { return collector::HttpResponse{200, "text/plain", std::string(64 << 20, 'x')}; },
                                 nullptr, limits);
    QString error;
    ASSERT_TRUE(server.listen(QStringLiteral("127.0.0.1:0"), &error)) << error.toStdString();
    RawClient reader(server.port(), 4096);
    ASSERT_TRUE(reader.send("GET /metrics HTTP/1.1\r\n\r\n"));
    EXPECT_TRUE(waitFor([&] { return server.counters().writeTimeouts == 1; }, 5000));
    EXPECT_TRUE(waitFor([&] { return server.counters().open == 0; }, 2000));
    EXPECT_EQ(server.counters().readTimeouts, 0u);
}
