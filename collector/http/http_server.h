#pragma once
// A small HTTP/1.1 server for the collector's own endpoints (/metrics, /-/healthy, /-/ready and
// audit push). One request per connection. Hostile clients are bounded: a cap on open
// connections (more are answered 503 and closed), one deadline for reading the whole request
// (TLS handshake, headers and body; slow trickles do not extend it) and one for the answer to
// be taken, headers at most 16 KiB, a body only after the handler accepted its headers (so a
// push without a valid token is refused before any of its body is read), and accepting
// resumed after the process runs out of file descriptors.
#include <QHostAddress>
#include <QSslConfiguration>
#include <QTimer>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace vakt::collector {

struct HttpResponse {
    HttpResponse(int statusCode = 200, std::string type = "text/plain; charset=utf-8", std::string text = {})
        : status(statusCode), contentType(std::move(type)), body(std::move(text)) {}
    int status;
    std::string contentType;
    std::string body;
    std::string location;  // a redirect's target (Location header), when set
    // For simulating bad peers: answer late, send a few bytes a second, or never answer.
    // Such answers are exempt from the write deadline.
    int delayMs = 0;
    int trickleBytesPerSecond = 0;
    bool hang = false;
};

struct HttpLimits {
    int maxConnections = 512;   // open at once (Prometheus's --web.max-connections default)
    int readTimeoutMs = 10000;  // from accept until the whole request has arrived
    int writeTimeoutMs = 10000; // from the answer until the client has taken all of it
};

// What the server refused or cut off, for the collector's own metrics.
struct HttpCounters {
    std::uint64_t overConnectionLimit = 0;
    std::uint64_t acceptErrors = 0;
    std::uint64_t readTimeouts = 0;
    std::uint64_t writeTimeouts = 0;
    std::uint64_t tlsHandshakeFailures = 0;
    int open = 0;
};

class HttpServer : public QObject {
    Q_OBJECT
public:
    using Headers = std::map<std::string, std::string>;  // lower-case names
    using Handler = std::function<HttpResponse(const std::string& path, const Headers& headers)>;
    // Called when a POST's headers are complete, before its body is read: an answer refuses it.
    using PostCheck = std::function<std::optional<HttpResponse>(const std::string& path, const Headers& headers)>;
    using PostHandler = std::function<HttpResponse(const std::string& path, const Headers& headers, const std::string& body)>;

    explicit HttpServer(Handler handler, QObject* parent = nullptr, HttpLimits limits = {});
    ~HttpServer() override;
    // Accept POST with a body of at most maxBodyBytes (Content-Length required) that `check` lets through.
    void acceptPost(PostCheck check, PostHandler handler, qint64 maxBodyBytes) {
        postCheck_ = std::move(check);
        postHandler_ = std::move(handler);
        maxBodyBytes_ = maxBodyBytes;
    }
    // A new limit for the next requests (a configuration reload).
    void setMaxBodyBytes(qint64 maxBodyBytes) { maxBodyBytes_ = maxBodyBytes; }
    // Serve HTTPS with this PEM certificate chain and key; call before listen().
    bool useTls(const QString& certFile, const QString& keyFile, QString* error);
    // "host:port"; errors name the address.
    bool listen(const QString& address, QString* error);
    quint16 port() const;
    void close();
    const HttpCounters& counters() const { return counters_; }

private:
    class Listener;
    struct Request;
    void acceptPending();
    void accept(qintptr descriptor);
    void onReadable(QTcpSocket* socket, Request& request);
    void respond(QTcpSocket* socket, Request& request, const HttpResponse& response);

    std::unique_ptr<Listener> listener_;
    QTimer resumeTimer_;
    Handler handler_;
    PostCheck postCheck_;
    PostHandler postHandler_;
    qint64 maxBodyBytes_ = 0;
    HttpLimits limits_;
    std::optional<QSslConfiguration> tls_;
    HttpCounters counters_;
};

}  // namespace vakt::collector
