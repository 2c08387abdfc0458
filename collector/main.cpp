// vakt-collector: the daemon beside the platform. This build offers the exposition-format
// checker; scraping and audit-log ingest arrive with their issues.
#include <cstdio>
#include <cstring>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <string>

#include "config/scrape_config.h"
#include "exposition/parser.h"
#include <fstream>
#include <sstream>

namespace {

constexpr int kOk = 0, kInvalid = 1, kUsage = 2;

const char* kHelp = R"(Usage: vakt-collector COMMAND [OPTIONS]

Commands:
  check-metrics [--format prometheus|openmetrics] < FILE
        Check an exposition read from standard input, like `promtool check metrics`.
        Exit 0 when valid, 1 with "line:column: reason" when not. The default format is
        OpenMetrics when the text ends with "# EOF", else the Prometheus text format 0.0.4.

  --config FILE --check-config
        Validate the configuration (Prometheus's YAML shape) and exit: 0 when valid, 1 with
        "file:line: field 'x': reason" when not.

Options:
  --help       show this help
  --version    show the version
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
    std::size_t targets = 0;
    for (const auto& job : config->scrapeConfigs)
        for (const auto& sc : job.staticConfigs) targets += sc.targets.size();
    std::printf("%s is valid: %zu scrape jobs, %zu static targets\n", path.c_str(), config->scrapeConfigs.size(), targets);
    return kOk;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) return usage("no command given");
    const std::string command = argv[1];
    if (command == "--help" || command == "-h" || command == "help") {
        std::fputs(kHelp, stdout);
        return kOk;
    }
    if (command == "--version") {
        std::printf("vakt-collector %s\n", VAKT_VERSION);
        return kOk;
    }
    if (command == "check-metrics") return checkMetrics(argc - 2, argv + 2);
    if (command == "--config" || command.rfind("--config=", 0) == 0) {
        std::string path = command == "--config" ? (argc > 2 ? argv[2] : "") : command.substr(9);
        const int next = command == "--config" ? 3 : 2;
        if (path.empty()) return usage("--config needs a file");
        if (argc > next && std::string(argv[next]) == "--check-config" && argc == next + 1) return checkConfig(path);
        return usage("this build only checks configurations: use --config FILE --check-config");
    }
    return usage("unknown command '" + command + "'");
}
