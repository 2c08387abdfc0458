// vakt-collector: the daemon beside the platform, and its checkers.
#include <QCoreApplication>
#include <QSocketNotifier>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QFileInfo>

#include "app/modules.h"
#include "collector/alerts/rules.h"
#include "collector/config/scrape_config.h"
#include "collector/daemon.h"
#include "collector/exposition/parser.h"

namespace {

constexpr int kOk = 0, kInvalid = 1, kUsage = 2;

const char* kHelp = R"(Usage: vakt-collector --config FILE [OPTIONS]
       vakt-collector check-metrics [--format prometheus|openmetrics] < FILE

Scrapes the platform's Prometheus endpoints, keeps service health in Vakt's Store, and serves
its own metrics.

Options:
  --config FILE                 configuration in Prometheus's YAML shape (required)
  --check-config                validate the configuration and exit: 0 valid, 1 with
                                "file:line: field 'x': reason"
  --db URL                      database: SQLite file or postgresql://... (default: $VAKT_DB)
  --web.listen-address ADDR     where /metrics, /-/healthy and /-/ready are served
                                (default 127.0.0.1:9464)
  --web.tls-cert-file FILE      serve them, and audit push, over HTTPS with this PEM chain
  --web.tls-key-file FILE       and its key (both or neither)
  --web.max-connections N       connections open at once on the web address; more are
                                answered 503 and closed (default 512)
  --web.read-timeout DURATION   time a client has to send its whole request, TLS handshake
                                and body included (default 10s)
  --web.write-timeout DURATION  time a client has to take the whole answer (default 10s)
  --once                        scrape every target once, store the results and exit
  --help                        show this help
  --version                     show the version

Signals: SIGHUP reloads the configuration; SIGTERM and SIGINT finish in-flight scrapes and exit.

check-metrics reads an exposition on standard input, like `promtool check metrics`: exit 0 when
valid, 1 with "line:column: reason" when not. The default format is OpenMetrics when the text
ends with "# EOF", else the Prometheus text format 0.0.4.
)";

int usage(const std::string& message) {
    std::fprintf(stderr, "vakt-collector: %s\n\n%s", message.c_str(), kHelp);
    return kUsage;
}

int checkMetrics(int argc, char** argv) {
    std::string format;
    for (int i = 0; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            std::fputs(kHelp, stdout);
            return kOk;
        }
        if (arg == "--format" && i + 1 < argc) format = argv[++i];
        else if (arg.rfind("--format=", 0) == 0) format = arg.substr(9);
        else return usage("unexpected argument '" + arg + "'");
    }
    if (!format.empty() && format != "prometheus" && format != "openmetrics")
        return usage("--format must be prometheus or openmetrics, not '" + format + "'");
    // A regular file is mapped rather than copied; a pipe is read.
    std::string buffer;
    std::string_view body;
    void* mapped = MAP_FAILED;
    struct stat st{};
    if (fstat(STDIN_FILENO, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
        mapped = mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE | MAP_POPULATE, STDIN_FILENO, 0);
        if (mapped != MAP_FAILED) body = std::string_view(static_cast<const char*>(mapped), static_cast<std::size_t>(st.st_size));
    }
    if (mapped == MAP_FAILED) {
        char chunk[1 << 16];
        while (std::size_t n = std::fread(chunk, 1, sizeof chunk, stdin)) buffer.append(chunk, n);
        body = buffer;
    }
    vakt::expo::Format f;
    if (format == "openmetrics") f = vakt::expo::Format::OpenMetrics100;
    else if (format == "prometheus") f = vakt::expo::Format::Prometheus004;
    else {
        std::string_view tail = body;
        while (!tail.empty() && tail.back() == '\n') tail.remove_suffix(1);
        f = tail.size() >= 5 && tail.substr(tail.size() - 5) == "# EOF" ? vakt::expo::Format::OpenMetrics100
                                                                         : vakt::expo::Format::Prometheus004;
    }
    vakt::expo::ParseResult result;
    vakt::expo::ParseError error;
    if (!vakt::expo::parse(body, f, result, error)) {
        std::fprintf(stderr, "%s\n", error.message().c_str());
        return kInvalid;
    }
    return kOk;
}

int checkConfig(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        std::fprintf(stderr, "vakt-collector: cannot read %s\n", path.c_str());
        return kInvalid;
    }
    std::ostringstream text;
    text << file.rdbuf();
    auto config = vakt::collector::parseConfig(text.str(), path);
    if (!config) {
        std::fprintf(stderr, "%s\n", config.message().c_str());
        return kInvalid;
    }
    vakt::collector::resolvePaths(*config, QFileInfo(QString::fromStdString(path)).absolutePath().toStdString());
    auto rules = vakt::collector::loadRuleFiles(config->ruleFiles);
    if (!rules) {
        std::fprintf(stderr, "%s\n", rules.message().c_str());
        return kInvalid;
    }
    std::size_t targets = 0;
    for (const auto& job : config->scrapeConfigs)
        for (const auto& sc : job.staticConfigs) targets += sc.targets.size();
    std::printf("%s is valid: %zu scrape jobs, %zu static targets, %zu alert rules\n", path.c_str(), config->scrapeConfigs.size(), targets,
                rules->size());
    return kOk;
}

// Signals reach the event loop through a socket pair, the safe way to act on them in Qt.
int signalPipe[2];
void onSignal(int signal) {
    const char c = static_cast<char>(signal);
    [[maybe_unused]] const auto n = write(signalPipe[0], &c, 1);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc >= 2 && std::strcmp(argv[1], "check-metrics") == 0) return checkMetrics(argc - 2, argv + 2);

    vakt::collector::DaemonOptions options;
    options.database = QString::fromLocal8Bit(qgetenv("VAKT_DB"));
    bool checkOnly = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&](const char* name) -> std::string {
            const std::string prefix = std::string(name) + "=";
            if (arg.rfind(prefix, 0) == 0) return arg.substr(prefix.size());
            if (i + 1 >= argc) throw std::invalid_argument(std::string(name) + " needs a value");
            return argv[++i];
        };
        try {
            if (arg == "--help" || arg == "-h" || arg == "help") {
                std::fputs(kHelp, stdout);
                return kOk;
            } else if (arg == "--version") {
                std::printf("vakt-collector %s\n", VAKT_COLLECTOR_VERSION);
                return kOk;
            } else if (arg == "--config" || arg.rfind("--config=", 0) == 0) {
                options.configFile = QString::fromStdString(value("--config"));
            } else if (arg == "--db" || arg.rfind("--db=", 0) == 0) {
                options.database = QString::fromStdString(value("--db"));
            } else if (arg == "--web.listen-address" || arg.rfind("--web.listen-address=", 0) == 0) {
                options.listenAddress = QString::fromStdString(value("--web.listen-address"));
            } else if (arg == "--web.tls-cert-file" || arg.rfind("--web.tls-cert-file=", 0) == 0) {
                options.tlsCertFile = QString::fromStdString(value("--web.tls-cert-file"));
            } else if (arg == "--web.tls-key-file" || arg.rfind("--web.tls-key-file=", 0) == 0) {
                options.tlsKeyFile = QString::fromStdString(value("--web.tls-key-file"));
            } else if (arg == "--web.max-connections" || arg.rfind("--web.max-connections=", 0) == 0) {
                const std::string text = value("--web.max-connections");
                bool ok = false;
                const int n = QString::fromStdString(text).toInt(&ok);
                if (!ok || n < 1) return usage("--web.max-connections: '" + text + "' must be a whole number of 1 or more");
                options.web.maxConnections = n;
            } else if (arg == "--web.read-timeout" || arg == "--web.write-timeout" || arg.rfind("--web.read-timeout=", 0) == 0 ||
                       arg.rfind("--web.write-timeout=", 0) == 0) {
                const bool read = arg.rfind("--web.read-timeout", 0) == 0;
                const char* name = read ? "--web.read-timeout" : "--web.write-timeout";
                const std::string text = value(name);
                auto d = vakt::parseDuration(text);
                if (!d || d->count() <= 0) return usage(std::string(name) + ": '" + text + "' must be a duration such as 10s or 1m");
                (read ? options.web.readTimeoutMs : options.web.writeTimeoutMs) = vakt::timerMilliseconds(*d);
            } else if (arg == "--check-config") {
                checkOnly = true;
            } else if (arg == "--once") {
                options.once = true;
            } else {
                return usage("unknown argument '" + arg + "'");
            }
        } catch (const std::invalid_argument& e) {
            return usage(e.what());
        }
    }
    if (options.configFile.isEmpty()) return usage("--config FILE is required");
    if (options.tlsCertFile.isEmpty() != options.tlsKeyFile.isEmpty()) return usage("--web.tls-cert-file and --web.tls-key-file go together");
    if (checkOnly) return checkConfig(options.configFile.toStdString());
    if (options.database.isEmpty()) return usage("no database: use --db URL or set VAKT_DB");

    QCoreApplication app(argc, argv);
    vakt::app::registerModules();
    vakt::collector::Daemon daemon(options);
    QObject::connect(&daemon, &vakt::collector::Daemon::finished, &app, [](int code) { QCoreApplication::exit(code); });

    if (socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0) return kInvalid;
    QSocketNotifier notifier(signalPipe[1], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &daemon, [&daemon] {
        char c = 0;
        if (read(signalPipe[1], &c, 1) != 1) return;
        if (c == SIGHUP) (void)daemon.reload();
        else daemon.shutdown(0);
    });
    struct sigaction action{};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (int s : {SIGHUP, SIGTERM, SIGINT}) sigaction(s, &action, nullptr);

    if (auto s = daemon.start(); !s) {
        std::fprintf(stderr, "vakt-collector: %s\n", s.message().c_str());
        return kInvalid;
    }
    return QCoreApplication::exec();
}
