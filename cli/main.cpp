// vakt: the command line over Vakt's libraries. Global options come before the command; each
// command group lives in its own *_command.cpp and registers itself (cli/command.h).
#include <QCoreApplication>
#include <QStringList>
#include <exception>
#include <utility>

#include "app/modules.h"
#include "cli/args.h"
#include "cli/command.h"

using namespace vakt::cli;

namespace {

// The main help: this header, every registered command's summary in order, the footer.
constexpr const char* kHelpHeader = R"(Usage: vakt [GLOBAL OPTIONS] COMMAND [ARGS]

Vakt: security and operations governance for a shared public-sector platform.

Global options (before the command):
  --db URL              database: a SQLite file path or postgresql://user@host:port/db
                        (default: $VAKT_DB)
  --user NAME           act as this Vakt user (their role applies); without it the
                        command acts as the local operator with the admin role, on a
                        SQLite file you may write or as the login owning Vakt's tables;
                        a PostgreSQL login granted a role (vakt db grant) acts as itself
  --password-file FILE  password for --user ('-' reads stdin); not needed on a demo database
  --keys DIR            the audit ledger's key directory (default: $VAKT_KEYS)
  --help                show help (also after any command)
  --version             show the version

Commands:
)";

constexpr const char* kHelpFooter = R"(
Exit codes: 0 ok, 1 failure, 2 usage error.
)";

QString mainHelp() {
    QString text = QString::fromUtf8(kHelpHeader);
    for (const Command& c : commands()) text += QString::fromUtf8(c.summary);
    return text + QString::fromUtf8(kHelpFooter);
}

// A command's own help; the main help for anything else.
QString helpFor(const QString& name) {
    const Command* c = findCommand(name);
    return c ? QString::fromUtf8(c->help) : mainHelp();
}

std::string suggestionFor(const QString& name) {
    std::vector<std::string> names{"help"};
    for (const Command& c : commands()) names.emplace_back(c.name);
    return didYouMean(name, names);
}

UsageError unknownCommand(const QString& name) { return UsageError("unknown command '" + name.toStdString() + "'" + suggestionFor(name)); }

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    vakt::app::registerModules();
    QCoreApplication::setApplicationName(QStringLiteral("vakt"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VAKT_VERSION));
    QStringList args = app.arguments().mid(1);

    Globals g;
    g.db = qEnvironmentVariable("VAKT_DB");
    g.keys = qEnvironmentVariable("VAKT_KEYS");
    QString command;
    try {
        // Global options end at the first word that is not one.
        while (!args.isEmpty() && args.front().startsWith(QLatin1String("--"))) {
            const QString opt = args.takeFirst();
            auto value = [&]() {
                if (args.isEmpty()) throw UsageError((opt + " needs a value").toStdString());
                return args.takeFirst();
            };
            if (opt == QLatin1String("--help")) {
                out() << mainHelp();
                return kOk;
            } else if (opt == QLatin1String("--version")) {
                out() << "vakt " << VAKT_VERSION << "\n";
                return kOk;
            } else if (opt == QLatin1String("--db")) {
                g.db = value();
            } else if (opt.startsWith(QLatin1String("--db="))) {
                g.db = opt.mid(5);
            } else if (opt == QLatin1String("--keys")) {
                g.keys = value();
            } else if (opt == QLatin1String("--user")) {
                g.user = value();
            } else if (opt == QLatin1String("--password-file")) {
                g.passwordFile = value();
            } else {
                throw UsageError(("unknown global option '" + opt + "'").toStdString());
            }
        }
        if (args.isEmpty()) throw UsageError("no command given");
        command = args.takeFirst();
        const Command* found = findCommand(command);
        if (args.contains(QStringLiteral("--help")) || args.contains(QStringLiteral("-h"))) {
            if (!found && command != QLatin1String("help")) throw unknownCommand(command);
            out() << helpFor(command);
            return kOk;
        }
        if (command == QLatin1String("help")) {
            out() << helpFor(args.value(0));
            return kOk;
        }
        Context context(std::move(g));
        // Without a database an unknown command is reported as the missing --db, as it always was,
        // unless it is a likely typo of a command: that is the more useful thing to say.
        if (!found && !suggestionFor(command).empty()) throw unknownCommand(command);
        // Asked for a database given after the command: say where --db goes, not that there is none.
        if (found && found->needsDatabase && context.globals().db.isEmpty())
            for (const QString& word : args) Args::rejectGlobal(word, {"--db"});
        if (!found || found->needsDatabase) context.requireDatabase();
        if (!found) throw unknownCommand(command);
        Args a(args);
        return found->run(context, a);
    } catch (const UsageError& e) {
        err() << "vakt: " << e.what() << "\n\n" << helpFor(command);
        err().flush();
        return kUsage;
    } catch (const std::exception& e) {
        return failWith(e.what());
    }
}
