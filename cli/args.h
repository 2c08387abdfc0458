#pragma once
// A small argument reader for subcommands: options are taken out by name, what is left must be
// the expected positionals, and anything else is a usage error (exit 2).
#include <QString>
#include <algorithm>
#include <QStringList>
#include <initializer_list>
#include <optional>
#include <stdexcept>

namespace vakt::cli {

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Args {
public:
    explicit Args(QStringList args) : args_(std::move(args)) {}

    bool flag(const QString& name) {
        const auto i = args_.indexOf(name);
        if (i < 0) return false;
        args_.removeAt(i);
        return true;
    }
    // Accepts "--name VALUE" and "--name=VALUE".
    std::optional<QString> option(const QString& name) {
        for (qsizetype i = 0; i < args_.size(); ++i) {
            if (args_[i] == name) {
                if (i + 1 >= args_.size()) throw UsageError((name + " needs a value").toStdString());
                QString v = args_[i + 1];
                args_.remove(i, 2);
                return v;
            }
            if (args_[i].startsWith(name + QLatin1Char('='))) {
                QString v = args_[i].mid(name.size() + 1);
                args_.removeAt(i);
                return v;
            }
        }
        return std::nullopt;
    }
    std::optional<QString> positional() {
        for (qsizetype i = 0; i < args_.size(); ++i) {
            if (args_[i] == QLatin1String("-") || !args_[i].startsWith(QLatin1Char('-'))) return args_.takeAt(i);
        }
        return std::nullopt;
    }
    QString requiredPositional(const char* what) {
        auto p = positional();
        if (!p) throw UsageError(std::string("missing ") + what);
        return *p;
    }
    void expectEnd() const {
        if (args_.isEmpty()) return;
        rejectGlobal(args_.front(), {"--db", "--user", "--keys", "--password-file"});
        throw UsageError(("unexpected argument '" + args_.front() + "'").toStdString());
    }
    // A global option after the command is a common slip: say where it goes.
    static void rejectGlobal(const QString& word, std::initializer_list<const char*> globals) {
        for (const char* global : globals) {
            const QString g = QString::fromLatin1(global);
            if (word == g || word.startsWith(g + QLatin1Char('=')))
                throw UsageError(("'" + g + "' is a global option: give it before the command, as in 'vakt " + g +
                                  " VALUE COMMAND ...'").toStdString());
        }
    }
    bool empty() const { return args_.isEmpty(); }
    // Whether the option or flag is given, without taking it out.
    bool has(const QString& name) const {
        return std::any_of(args_.begin(), args_.end(), [&](const QString& w) { return w == name || w.startsWith(name + QLatin1Char('=')); });
    }
    // The first word as given, before any option is taken out ("" when there is none).
    QString front() const { return args_.value(0); }

private:
    QStringList args_;
};

}  // namespace vakt::cli
