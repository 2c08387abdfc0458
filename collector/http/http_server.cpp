#include "collector/http/http_server.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QTcpSocket>
#include <QTimer>
#include <memory>

namespace vakt::collector {

namespace {
constexpr qint64 kMaxRequestBytes = 16 * 1024;
constexpr int kRequestTimeoutMs = 10000;

const char* reasonPhrase(int status) {
    switch (status) {
        case 200: return "OK";
        case 302: return "Found";
        case 400: return "Bad Request";
        case 401: return "Unauthorized";
        case 404: return "Not Found";
        case 411: return "Length Required";
        case 413: return "Content Too Large";
        case 405: return "Method Not Allowed";
        case 503: return "Service Unavailable";
        default: return "Error";
    }
}
}  // namespace

HttpServer::HttpServer(Handler handler, QObject* parent)
    : QObject(parent), server_(std::make_unique<QTcpServer>()), handler_(std::move(handler)) {
    watch(*server_);
}

void HttpServer::watch(QTcpServer& server) {
    // Emitted for TLS connections only once the handshake is done.
    connect(&server, &QTcpServer::pendingConnectionAvailable, this, &HttpServer::onConnection);
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
    auto server = std::make_unique<QSslServer>();
    server->setSslConfiguration(tls);
    server_ = std::move(server);
    watch(*server_);
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
    if (!server_->listen(bind, static_cast<quint16>(port))) {
        *error = QStringLiteral("cannot listen on %1: %2").arg(address, server_->errorString());
        return false;
    }
    return true;
}

void HttpServer::onConnection() {
    while (QTcpSocket* socket = server_->nextPendingConnection()) {
        auto buffer = std::make_shared<QByteArray>();
        auto answered = std::make_shared<bool>(false);
        auto* timer = new QTimer(socket);
        timer->setSingleShot(true);
        connect(timer, &QTimer::timeout, socket, &QTcpSocket::abort);
        timer->start(kRequestTimeoutMs);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer, timer, answered] {
            if (*answered) {
                socket->readAll();  // one request per connection: anything after the answer is dropped
                return;
            }
            buffer->append(socket->readAll());
            auto respond = [socket, answered](const HttpResponse& r, bool head) {
                *answered = true;
                if (r.hang) return;  // keep the connection open and say nothing
                QByteArray out = "HTTP/1.1 " + QByteArray::number(r.status) + ' ' + reasonPhrase(r.status) + "\r\n";
                out += "Content-Type: " + QByteArray::fromStdString(r.contentType) + "\r\n";
                if (!r.location.empty()) out += "Location: " + QByteArray::fromStdString(r.location) + "\r\n";
                out += "Content-Length: " + QByteArray::number(static_cast<qint64>(r.body.size())) + "\r\n";
                out += "Connection: close\r\n\r\n";
                if (!head) out += QByteArray::fromStdString(r.body);
                auto send = [socket, out, trickle = r.trickleBytesPerSecond]() {
                    if (trickle <= 0) {
                        socket->write(out);
                        socket->disconnectFromHost();
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
            };
            const auto end = buffer->indexOf("\r\n\r\n");
            if (end < 0) {
                if (buffer->size() > kMaxRequestBytes) respond({400, "text/plain; charset=utf-8", "request too large\n"}, false);
                return;
            }
            timer->stop();
            const QList<QByteArray> lines = buffer->left(end).split('\n');
            const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
            if (requestLine.size() != 3) {
                respond({400, "text/plain; charset=utf-8", "bad request\n"}, false);
                return;
            }
            const QByteArray method = requestLine[0];
            const bool post = method == "POST" && postHandler_;
            if (method != "GET" && method != "HEAD" && !post) {
                respond({405, "text/plain; charset=utf-8", postHandler_ ? "only GET, HEAD and POST\n" : "only GET and HEAD\n"}, false);
                return;
            }
            std::map<std::string, std::string> headers;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const auto colon = lines[i].indexOf(':');
                if (colon > 0) headers[lines[i].left(colon).trimmed().toLower().toStdString()] = lines[i].mid(colon + 1).trimmed().toStdString();
            }
            std::string path = requestLine[1].toStdString();
            path = path.substr(0, path.find('?'));
            if (post) {
                const auto length = headers.find("content-length");
                if (length == headers.end()) return respond({411, "text/plain; charset=utf-8", "Content-Length is required\n"}, false);
                bool ok = false;
                const qint64 n = QByteArray::fromStdString(length->second).toLongLong(&ok);
                if (!ok || n < 0) return respond({400, "text/plain; charset=utf-8", "bad Content-Length\n"}, false);
                if (n > maxBodyBytes_)
                    return respond({413, "text/plain; charset=utf-8", "body over the limit of " + std::to_string(maxBodyBytes_) + " bytes\n"}, false);
                if (buffer->size() < end + 4 + n) {
                    timer->start(kRequestTimeoutMs);  // the body is still arriving
                    return;
                }
                const std::string body = buffer->mid(end + 4, n).toStdString();
                buffer->clear();
                return respond(postHandler_(path, headers, body), false);
            }
            respond(handler_(path, headers), method == "HEAD");
        });
    }
}

}  // namespace vakt::collector
