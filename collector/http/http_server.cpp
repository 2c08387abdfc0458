#include "collector/http/http_server.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QSocketNotifier>
#include <QTcpSocket>
#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <string_view>
#include <sys/socket.h>
#include <unistd.h>

namespace vakt::collector {

namespace {
constexpr qint64 kMaxHeaderBytes = 16 * 1024;
constexpr int kResumeAcceptingMs = 200;

const char* reasonPhrase(int status) {
    switch (status) {
        case 200: return "OK";
        case 302: return "Found";
        case 400: return "Bad Request";
        case 401: return "Unauthorized";
        case 403: return "Forbidden";
        case 404: return "Not Found";
        case 409: return "Conflict";
        case 411: return "Length Required";
        case 413: return "Content Too Large";
        case 405: return "Method Not Allowed";
        case 503: return "Service Unavailable";
        default: return "Error";
    }
}

HttpResponse plain(int status, std::string text) { return {status, "text/plain; charset=utf-8", std::move(text)}; }
}  // namespace

// Accepts with accept4 itself: Qt's server (6.4) spins on EMFILE without telling anyone, and in
// its TLS server connections still in their handshake fill a queue of 30 and block accepting.
class HttpServer::Listener {
public:
    ~Listener() { close(); }
    bool listen(const QHostAddress& address, quint16 port, QString* error) {
        sockaddr_storage storage{};
        socklen_t length = 0;
        const bool any = address == QHostAddress(QHostAddress::Any);  // both IPv6 and IPv4, as Prometheus's ":9464"
        if (any || address.protocol() == QAbstractSocket::IPv6Protocol) {
            auto* in6 = reinterpret_cast<sockaddr_in6*>(&storage);
            in6->sin6_family = AF_INET6;
            in6->sin6_port = htons(port);
            const Q_IPV6ADDR bytes = any ? Q_IPV6ADDR{} : address.toIPv6Address();
            std::memcpy(&in6->sin6_addr, bytes.c, sizeof bytes.c);
            length = sizeof *in6;
        } else {
            auto* in4 = reinterpret_cast<sockaddr_in*>(&storage);
            in4->sin_family = AF_INET;
            in4->sin_port = htons(port);
            in4->sin_addr.s_addr = htonl(address.toIPv4Address());
            length = sizeof *in4;
        }
        fd_ = ::socket(storage.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        const int on = 1, off = 0;
        if (fd_ >= 0 && any) ::setsockopt(fd_, IPPROTO_IPV6, IPV6_V6ONLY, &off, sizeof off);
        if (fd_ < 0 || ::setsockopt(fd_, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on) != 0 ||
            ::bind(fd_, reinterpret_cast<sockaddr*>(&storage), length) != 0 || ::listen(fd_, SOMAXCONN) != 0) {
            *error = QString::fromLocal8Bit(std::strerror(errno));
            close();
            return false;
        }
        if (::getsockname(fd_, reinterpret_cast<sockaddr*>(&storage), &length) == 0)
            port_ = ntohs(storage.ss_family == AF_INET6 ? reinterpret_cast<sockaddr_in6*>(&storage)->sin6_port
                                                        : reinterpret_cast<sockaddr_in*>(&storage)->sin_port);
        notifier_ = std::make_unique<QSocketNotifier>(fd_, QSocketNotifier::Read);
        return true;
    }
    QSocketNotifier* notifier() const { return notifier_.get(); }
    int descriptor() const { return fd_; }
    quint16 port() const { return port_; }
    void close() {
        notifier_.reset();
        if (fd_ >= 0) ::close(fd_);
        fd_ = -1;
    }

private:
    int fd_ = -1;
    quint16 port_ = 0;
    std::unique_ptr<QSocketNotifier> notifier_;
};

struct HttpServer::Request {
    QByteArray buffer;
    QTimer* deadline = nullptr;
    bool headersDone = false;
    bool answered = false;
    bool head = false;  // HEAD: the answer's headers only
    std::string path;
    Headers headers;
    qint64 bodyLength = 0;
};

HttpServer::HttpServer(Handler handler, QObject* parent, HttpLimits limits)
    : QObject(parent), listener_(std::make_unique<Listener>()), handler_(std::move(handler)), limits_(limits) {
    // Out of descriptors: accepting pauses (instead of spinning) and is tried again shortly.
    resumeTimer_.setSingleShot(true);
    resumeTimer_.setInterval(kResumeAcceptingMs);
    connect(&resumeTimer_, &QTimer::timeout, this, [this] {
        if (listener_->notifier()) listener_->notifier()->setEnabled(true);
    });
}

HttpServer::~HttpServer() = default;

quint16 HttpServer::port() const { return listener_->port(); }

void HttpServer::close() { listener_->close(); }

void HttpServer::acceptPending() {
    for (;;) {
        const int fd = ::accept4(listener_->descriptor(), nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd >= 0) {
            accept(fd);
            continue;
        }
        if (errno == EINTR || errno == ECONNABORTED) continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK) return;
        // Out of descriptors or memory: what is open must close first.
        ++counters_.acceptErrors;
        listener_->notifier()->setEnabled(false);
        resumeTimer_.start();
        return;
    }
}

bool HttpServer::useTls(const QString& certFile, const QString& keyFile, QString* error) {
    const auto chain = QSslCertificate::fromPath(certFile);
    if (chain.isEmpty()) {
        *error = QStringLiteral("no certificate in %1").arg(certFile);
        return false;
    }
    QFile file(keyFile);
    QSslKey key;
    if (file.open(QIODevice::ReadOnly)) {
        const QByteArray pem = file.readAll();
        key = QSslKey(pem, QSsl::Ec);
        if (key.isNull()) key = QSslKey(pem, QSsl::Rsa);
    }
    if (key.isNull()) {
        *error = QStringLiteral("no EC or RSA private key in %1").arg(keyFile);
        return false;
    }
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(chain);
    tls.setPrivateKey(key);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);  // clients are not asked for certificates
    tls_ = tls;
    return true;
}

bool HttpServer::listen(const QString& address, QString* error) {
    const auto colon = address.lastIndexOf(QLatin1Char(':'));
    bool ok = false;
    const int port = colon < 0 ? -1 : address.mid(colon + 1).toInt(&ok);
    QString host = colon < 0 ? QString() : address.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']'))) host = host.mid(1, host.size() - 2);
    if (!ok || port < 0 || port > 65535) {
        *error = QStringLiteral("--web.listen-address: '%1' must be host:port").arg(address);
        return false;
    }
    const QHostAddress bind = host.isEmpty() ? QHostAddress(QHostAddress::Any) : QHostAddress(host);
    if (bind.isNull()) {
        *error = QStringLiteral("--web.listen-address: '%1' is not an IP address").arg(host);
        return false;
    }
    QString reason;
    if (!listener_->listen(bind, static_cast<quint16>(port), &reason)) {
        *error = QStringLiteral("cannot listen on %1: %2").arg(address, reason);
        return false;
    }
    connect(listener_->notifier(), &QSocketNotifier::activated, this, &HttpServer::acceptPending);
    return true;
}

void HttpServer::accept(qintptr descriptor) {
    const int fd = static_cast<int>(descriptor);
    if (counters_.open >= limits_.maxConnections) {
        ++counters_.overConnectionLimit;
        // Answered without a socket object, so a flood costs no memory; over TLS just closed.
        static constexpr std::string_view kBusy =
            "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 21\r\n"
            "Connection: close\r\n\r\ntoo many connections\n";
        if (!tls_) (void)::send(fd, kBusy.data(), kBusy.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
        ::close(fd);
        return;
    }
    QTcpSocket* socket = tls_ ? new QSslSocket(this) : new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        ::close(fd);
        delete socket;
        return;
    }
    ++counters_.open;
    connect(socket, &QObject::destroyed, this, [this] { --counters_.open; });

    auto request = std::make_shared<Request>();
    request->deadline = new QTimer(socket);
    request->deadline->setSingleShot(true);
    connect(request->deadline, &QTimer::timeout, socket, [this, socket, request] {
        ++(request->answered ? counters_.writeTimeouts : counters_.readTimeouts);
        socket->abort();
        socket->deleteLater();
    });
    // One deadline for everything the client sends, including a TLS handshake: trickling bytes does not extend it.
    request->deadline->start(limits_.readTimeoutMs);
    connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QAbstractSocket::errorOccurred, socket, [this, socket] {
        if (auto* tls = qobject_cast<QSslSocket*>(socket); tls && !tls->isEncrypted()) ++counters_.tlsHandshakeFailures;
        socket->abort();
        socket->deleteLater();
    });
    connect(socket, &QIODevice::readyRead, socket, [this, socket, request] { onReadable(socket, *request); });
    if (auto* tls = qobject_cast<QSslSocket*>(socket)) {
        tls->setSslConfiguration(*tls_);
        tls->startServerEncryption();
    }
}

void HttpServer::onReadable(QTcpSocket* socket, Request& request) {
    if (request.answered) {
        socket->readAll();  // one request per connection: anything after the answer is dropped
        return;
    }
    if (!request.headersDone) {
        request.buffer.append(socket->read(kMaxHeaderBytes + 4 - request.buffer.size()));
        const auto end = request.buffer.indexOf("\r\n\r\n");
        if (end < 0) {
            if (request.buffer.size() > kMaxHeaderBytes) respond(socket, request, plain(400, "request headers too large\n"));
            return;
        }
        const QList<QByteArray> lines = request.buffer.left(end).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        if (requestLine.size() != 3) return respond(socket, request, plain(400, "bad request\n"));
        const QByteArray method = requestLine[0];
        const bool post = method == "POST" && postHandler_;
        if (method != "GET" && method != "HEAD" && !post)
            return respond(socket, request, plain(405, postHandler_ ? "only GET, HEAD and POST\n" : "only GET and HEAD\n"));
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const auto colon = lines[i].indexOf(':');
            if (colon > 0) request.headers[lines[i].left(colon).trimmed().toLower().toStdString()] = lines[i].mid(colon + 1).trimmed().toStdString();
        }
        request.path = requestLine[1].toStdString();
        request.path = request.path.substr(0, request.path.find('?'));
        if (!post) {
            request.head = method == "HEAD";
            return respond(socket, request, handler_(request.path, request.headers));
        }
        const auto length = request.headers.find("content-length");
        if (length == request.headers.end()) return respond(socket, request, plain(411, "Content-Length is required\n"));
        bool ok = false;
        request.bodyLength = QByteArray::fromStdString(length->second).toLongLong(&ok);
        if (!ok || request.bodyLength < 0) return respond(socket, request, plain(400, "bad Content-Length\n"));
        if (request.bodyLength > maxBodyBytes_)
            return respond(socket, request, plain(413, "body over the limit of " + std::to_string(maxBodyBytes_) + " bytes\n"));
        if (postCheck_)
            if (auto refusal = postCheck_(request.path, request.headers)) return respond(socket, request, *refusal);
        request.headersDone = true;
        request.buffer.remove(0, end + 4);
        const auto expect = request.headers.find("expect");
        if (expect != request.headers.end() && QByteArray::fromStdString(expect->second).toLower() == "100-continue")
            socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    }
    // The body: never more than announced is kept.
    if (request.buffer.size() < request.bodyLength) request.buffer.append(socket->read(request.bodyLength - request.buffer.size()));
    if (socket->bytesAvailable() > 0) socket->readAll();
    if (request.buffer.size() < request.bodyLength) return;
    const std::string body = request.buffer.left(request.bodyLength).toStdString();
    request.buffer.clear();
    respond(socket, request, postHandler_(request.path, request.headers, body));
}

void HttpServer::respond(QTcpSocket* socket, Request& request, const HttpResponse& r) {
    request.answered = true;
    request.buffer.clear();
    request.buffer.squeeze();
    const bool simulated = r.hang || r.trickleBytesPerSecond > 0 || r.delayMs > 0;
    if (simulated) request.deadline->stop();
    else request.deadline->start(limits_.writeTimeoutMs);
    if (r.hang) return;  // keep the connection open and say nothing
    QByteArray out = "HTTP/1.1 " + QByteArray::number(r.status) + ' ' + reasonPhrase(r.status) + "\r\n";
    out += "Content-Type: " + QByteArray::fromStdString(r.contentType) + "\r\n";
    if (!r.location.empty()) out += "Location: " + QByteArray::fromStdString(r.location) + "\r\n";
    out += "Content-Length: " + QByteArray::number(static_cast<qint64>(r.body.size())) + "\r\n";
    out += "Connection: close\r\n\r\n";
    if (!request.head) out += QByteArray::fromStdString(r.body);
    auto send = [socket, out, trickle = r.trickleBytesPerSecond]() {
        if (trickle <= 0) {
            socket->write(out);
            socket->disconnectFromHost();  // after the answer is written; the write deadline bounds that
            return;
        }
        // A byte stream at `trickle` bytes a second, in ten slices a second.
        auto offset = std::make_shared<qsizetype>(0);
        auto* tick = new QTimer(socket);
        QObject::connect(tick, &QTimer::timeout, socket, [socket, out, offset, tick, trickle] {
            const qsizetype n = std::max<qsizetype>(1, trickle / 10);
            socket->write(out.mid(*offset, n));
            *offset += n;
            if (*offset >= out.size()) {
                tick->stop();
                socket->disconnectFromHost();
            }
        });
        tick->start(100);
    };
    if (r.delayMs > 0) QTimer::singleShot(r.delayMs, socket, send);
    else send();
}

}  // namespace vakt::collector
