#include "collector/scrape/scraper.h"

#include "collector/exposition/key_table.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>
#include <QFile>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTimer>
#include <QUrl>
#include <string_view>

namespace vakt::collector {

namespace {
// The same series twice in one scrape is an error, as in Prometheus ("duplicate sample").
std::string duplicateSeries(const expo::ParseResult& r) {
    // Hashes the parts in place: building a key string per sample cost more than parsing.
    auto hashOf = [&](const expo::Sample& s) {
        std::size_t h = std::hash<std::string_view>{}(s.name);
        auto mix = [&h](std::string_view part) { h ^= std::hash<std::string_view>{}(part) + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2); };
        for (std::uint32_t i = s.firstLabel; i < s.firstLabel + s.labelCount; ++i) {
            mix(r.labels[i].name);
            mix(r.labels[i].value);
        }
        return h;
    };
    auto same = [&](const expo::Sample& a, const expo::Sample& b) {
        if (a.name != b.name || a.labelCount != b.labelCount) return false;
        for (std::uint32_t i = 0; i < a.labelCount; ++i)
            if (r.labels[a.firstLabel + i].name != r.labels[b.firstLabel + i].name ||
                r.labels[a.firstLabel + i].value != r.labels[b.firstLabel + i].value)
                return false;
        return true;
    };
    expo::KeyTable seen;
    seen.reserve(r.samples.size());
    for (std::uint32_t i = 0; i < r.samples.size(); ++i) {
        const auto& sample = r.samples[i];
        if (!seen.insertUnless(hashOf(sample), i, [&](std::uint32_t earlier) { return !sample.hasTimestamp && same(r.samples[earlier], sample); }))
            return "duplicate series " + std::string(sample.name) + " on line " + std::to_string(sample.line);
    }
    return {};
}

// A secret from its file: first line, trimmed. Never logged.
QByteArray readSecret(const std::string& path, std::string& error) {
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly)) {
        error = "cannot read secret file " + path;
        return {};
    }
    return f.readLine(4096).trimmed();
}
}  // namespace

Scraper::Scraper(const Clock& clock, QObject* parent) : QObject(parent), clock_(clock) {}

QNetworkAccessManager& Scraper::networkFor(const ScrapeConfig& job) {
    std::string key = job.jobName;
    if (job.tls)
        for (const auto* part : {&job.tls->caFile, &job.tls->certFile, &job.tls->keyFile, &job.tls->serverName}) key += '\x1f' + *part;
    if (job.tls && job.tls->insecureSkipVerify) key += "\x1finsecure";
    auto& network = networks_[key];
    if (!network) {
        network = std::make_unique<QNetworkAccessManager>();
        network->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    }
    return *network;
}

void Scraper::scrape(const Target& target, const ScrapeConfig& job, std::function<void(std::shared_ptr<ScrapeOutcome>)> done) {
    auto outcome = std::make_shared<ScrapeOutcome>();
    outcome->startedMs = clock_.now().toMSecsSinceEpoch();
    QNetworkRequest request(QUrl(QString::fromStdString(target.url)));
    request.setRawHeader("Accept", kScrapeAcceptHeader);
    request.setRawHeader("User-Agent", "Vakt-Collector/" VAKT_COLLECTOR_VERSION);
    request.setRawHeader("X-Prometheus-Scrape-Timeout-Seconds",
                         QByteArray::number(static_cast<double>(job.scrapeTimeout.count()) / 1000.0));
    // Qt asks for gzip itself and decompresses, so size limits apply to the decoded body.
    std::string secretError;
    if (job.basicAuth) {
        const QByteArray password = job.basicAuth->passwordFile.empty() ? QByteArray() : readSecret(job.basicAuth->passwordFile, secretError);
        request.setRawHeader("Authorization", "Basic " + (QByteArray::fromStdString(job.basicAuth->username) + ':' + password).toBase64());
    } else if (!job.credentialsFile.empty()) {
        request.setRawHeader("Authorization", QByteArray::fromStdString(job.authorizationType) + ' ' + readSecret(job.credentialsFile, secretError));
    }
    if (!secretError.empty()) {
        outcome->error = secretError;
        done(outcome);
        return;
    }
    // Credentials go to the target they were configured for only: a redirect elsewhere (another
    // host, port or scheme) is refused when the scrape carries them, as Go's client drops them.
    const bool credentials = request.hasRawHeader("Authorization");
    if (credentials) request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::UserVerifiedRedirectPolicy);
    if (job.scheme == "https") {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        if (job.tls) {
            if (!job.tls->caFile.empty()) {
                const auto cas = QSslCertificate::fromPath(QString::fromStdString(job.tls->caFile));
                if (cas.isEmpty()) {
                    outcome->error = "no CA certificate in " + job.tls->caFile;
                    done(outcome);
                    return;
                }
                ssl.setCaCertificates(cas);
            }
            if (!job.tls->certFile.empty()) {
                const auto certs = QSslCertificate::fromPath(QString::fromStdString(job.tls->certFile));
                QFile keyFile(QString::fromStdString(job.tls->keyFile));
                QSslKey key;
                if (keyFile.open(QIODevice::ReadOnly)) {
                    const QByteArray pem = keyFile.readAll();
                    key = QSslKey(pem, QSsl::Rsa);
                    if (key.isNull()) key = QSslKey(pem, QSsl::Ec);
                }
                if (certs.isEmpty() || key.isNull()) {
                    outcome->error = "cannot load the client certificate or key";
                    done(outcome);
                    return;
                }
                ssl.setLocalCertificate(certs.front());
                ssl.setPrivateKey(key);
            }
            if (job.tls->insecureSkipVerify) ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
            if (!job.tls->serverName.empty()) request.setPeerVerifyName(QString::fromStdString(job.tls->serverName));
        }
        request.setSslConfiguration(ssl);
    }

    ++inFlight_;
    QNetworkReply* reply = networkFor(job).get(request);
    const std::uint64_t limit = job.bodySizeLimit ? job.bodySizeLimit : kDefaultBodyLimit;
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    auto abortReason = std::make_shared<std::string>();

    if (credentials) {
        const QUrl from = request.url();
        connect(reply, &QNetworkReply::redirected, reply, [reply, from, abortReason](const QUrl& to) {
            if (to.scheme() == from.scheme() && to.host() == from.host() && to.port(-1) == from.port(-1)) {
                emit reply->redirectAllowed();
                return;
            }
            *abortReason = "redirect to " + to.toString(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery).toStdString() +
                           " refused: the scrape's credentials go to its own target only";
            reply->abort();
        });
    }
    // The whole exchange must finish within the timeout, however slowly bytes trickle in.
    auto* deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    deadline->setTimerType(Qt::PreciseTimer);  // a coarse timer may fire 5 % early: "timeout after 2s" at 1.9 s
    connect(deadline, &QTimer::timeout, reply, [reply, abortReason, job] {
        *abortReason = "timeout after " + formatDuration(job.scrapeTimeout);
        reply->abort();
    });
    deadline->start(timerMilliseconds(job.scrapeTimeout));

    connect(reply, &QNetworkReply::readyRead, reply, [reply, outcome, limit, abortReason] {
        const QByteArray chunk = reply->readAll();
        if (outcome->body.size() + static_cast<std::size_t>(chunk.size()) > limit) {
            *abortReason = "body size limit of " + std::to_string(limit) + " bytes exceeded";
            reply->abort();
            return;
        }
        outcome->body.append(chunk.constData(), static_cast<std::size_t>(chunk.size()));
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, outcome, timer, abortReason, done, job] {
        outcome->durationSeconds = static_cast<double>(timer->nsecsElapsed()) / 1e9;
        reply->deleteLater();
        // Counted in flight until done: a shutdown waits for the parse too.
        auto finish = [this, outcome, done] {
            --inFlight_;
            if (!outcome->up) {
                // A failed scrape keeps nothing of the body in memory.
                std::string().swap(outcome->body);
                outcome->result = {};
            }
            done(outcome);
        };
        if (!abortReason->empty()) {
            outcome->error = *abortReason;
        } else if (reply->error() != QNetworkReply::NoError) {
            outcome->error = reply->errorString().toStdString();
        } else {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QByteArray rest = reply->readAll();
            outcome->body.append(rest.constData(), static_cast<std::size_t>(rest.size()));
            if (status != 200) {
                outcome->error = "server returned HTTP status " + std::to_string(status);
            } else {
                // Parsing runs on the thread pool, so a large body never holds up the event loop
                // (other scrapes, log tailing, pushes, head signing, the web address).
                const auto format = expo::formatFromContentType(reply->header(QNetworkRequest::ContentTypeHeader).toString().toStdString());
                const expo::ParseLimits limits{job.sampleLimit, job.labelLimit, job.labelNameLengthLimit, job.labelValueLengthLimit};
                auto* watcher = new QFutureWatcher<void>(this);
                connect(watcher, &QFutureWatcher<void>::finished, this, [watcher, finish] {
                    watcher->deleteLater();
                    finish();
                });
                watcher->setFuture(QtConcurrent::run([outcome, format, limits] {
                    expo::ParseError error;
                    if (expo::parse(outcome->body, format, outcome->result, error, limits)) {
                        outcome->error = duplicateSeries(outcome->result);
                        outcome->up = outcome->error.empty();
                    } else {
                        outcome->error = "invalid exposition: " + error.message();
                    }
                }));
                return;
            }
        }
        finish();
    });
}

}  // namespace vakt::collector
