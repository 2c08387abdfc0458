#pragma once
// A small HTTP/1.1 server for the collector's own endpoints (/metrics, /-/healthy, /-/ready).
// One request per connection, bounded request size and time; GET and HEAD, and POST with a
// bounded body where a handler accepts it.
#include <QHostAddress>
#include <QTcpServer>
#include <functional>
#include <map>
#include <memory>
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
    int delayMs = 0;
    int trickleBytesPerSecond = 0;
    bool hang = false;
};

class HttpServer : public QObject {
    Q_OBJECT
public:
    // Handler gets the path and the request headers (lower-case names).
    using Handler = std::function<HttpResponse(const std::string& path, const std::map<std::string, std::string>& headers)>;

    using PostHandler = std::function<HttpResponse(const std::string& path, const std::map<std::string, std::string>& headers,
                                                   const std::string& body)>;

    explicit HttpServer(Handler handler, QObject* parent = nullptr);
    // Accept POST with a body of at most maxBodyBytes (Content-Length required).
    // A new limit for the next requests (a configuration reload).
    void setMaxBodyBytes(qint64 maxBodyBytes) { maxBodyBytes_ = maxBodyBytes; }
    void acceptPost(PostHandler handler, qint64 maxBodyBytes) {
        postHandler_ = std::move(handler);
        maxBodyBytes_ = maxBodyBytes;
    }
    // Serve HTTPS with this PEM certificate chain and key; call before listen().
    bool useTls(const QString& certFile, const QString& keyFile, QString* error);
    // "host:port"; errors name the address.
    bool listen(const QString& address, QString* error);
    quint16 port() const { return server_->serverPort(); }
    void close() { server_->close(); }

private:
    void onConnection();
    void watch(QTcpServer& server);
    std::unique_ptr<QTcpServer> server_;
    Handler handler_;
    PostHandler postHandler_;
    qint64 maxBodyBytes_ = 0;
};

}  // namespace vakt::collector
