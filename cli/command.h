#pragma once
// What every vakt command group shares: its description in the registry (name, line in the main
// help, own help, handler), the global options, output, and opening the Store as the acting user.
#include <QByteArray>
#include <QJsonValue>
#include <QString>
#include <QTextStream>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cli/args.h"
#include "core/store.h"

namespace vakt::cli {

constexpr int kOk = 0, kFailure = 1, kUsage = 2;

struct Globals {
    QString db;
    QString keys;
    std::optional<QString> user;
    std::optional<QString> passwordFile;
};

// What a command runs with: the global options and, once connect() succeeds, the Store and the session.
class Context {
public:
    explicit Context(Globals globals) : globals_(std::move(globals)) {}

    const Globals& globals() const { return globals_; }
    // A usage error unless --db or VAKT_DB names a database.
    void requireDatabase() const;
    // Opens the existing store and establishes who is acting.
    Status connect();
    Store& store() { return *store_; }
    const Session& session() const { return session_; }

private:
    Globals globals_;
    std::unique_ptr<Store> store_;
    Session session_;
};

using Handler = int (*)(Context&, Args&);

struct Command {
    const char* name;
    const char* summary;  // its lines in the main help's "Commands:" list, indented, each ending in '\n'
    const char* help;     // for 'vakt help NAME', 'vakt NAME --help' and after a usage error
    int order;            // position in the main help's list, lowest first
    bool needsDatabase;   // main() asks for --db before running it
    Handler run;
};

void registerCommand(const Command& command);
const Command* findCommand(const QString& name);
// Every registered command, in help order.
const std::vector<Command>& commands();

// Each command file registers its group with a static CommandRegistration at namespace scope; its
// constructor runs before main(). The files are compiled straight into the vakt executable (not
// into a static library, whose unreferenced objects the linker would drop), so none is lost.
struct CommandRegistration {
    explicit CommandRegistration(const Command& command) { registerCommand(command); }
};

// One subcommand of a group; Fn is a Handler, or one with more arguments (audit's take the ledger).
template <typename Fn>
struct Subcommand {
    const char* name;
    Fn run;
};

// ", did you mean 'NAME'?" when one of `candidates` is a likely typo of `word`; else empty.
std::string didYouMean(const QString& word, const std::vector<std::string>& candidates);

// The handler for `word` in `table`; any other word is a usage error.
template <typename Fn, std::size_t N>
Fn findSubcommand(const char* group, const QString& word, const Subcommand<Fn> (&table)[N]) {
    std::vector<std::string> names;
    for (const auto& s : table) {
        if (word == QLatin1String(s.name)) return s.run;
        names.emplace_back(s.name);
    }
    throw UsageError("unknown " + std::string(group) + " subcommand '" + word.toStdString() + "'" + didYouMean(word, names));
}

// Runs the subcommand named by the next word; a missing one is a usage error listing the table.
template <std::size_t N>
int runSubcommand(Context& ctx, Args& a, const char* group, const Subcommand<Handler> (&table)[N]) {
    std::string names;
    for (const auto& s : table) names += (names.empty() ? "" : ", ") + std::string(s.name);
    const QString word = a.requiredPositional((std::string(group) + " subcommand (" + names + ")").c_str());
    return findSubcommand(group, word, table)(ctx, a);
}

// "1 entry", "2 entries": a count with its noun in the right number.
inline QString counted(qint64 n, const char* one, const char* many) {
    return QString::number(n) + QLatin1Char(' ') + QString::fromUtf8(n == 1 ? one : many);
}

QTextStream& out();
QTextStream& err();
// Prints "vakt: MESSAGE" to standard error and gives the failure exit code.
int failWith(const std::string& message);
void printJson(const QJsonValue& v);
// The contents of a file, or standard input for "-".
Result<QByteArray> readInput(const QString& path);
// The first line of `file`, or asked for on the terminal without echo.
QString readPassword(const std::optional<QString>& file, const QString& prompt);
// The role --role names; a usage error naming the roles when it is missing or unknown.
Role requiredRole(const std::optional<QString>& text);

}  // namespace vakt::cli
