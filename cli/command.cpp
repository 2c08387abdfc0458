#include "cli/command.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <termios.h>
#include <unistd.h>

#include "core/user_service.h"

namespace vakt::cli {

namespace {

// A function-local static, so it exists before any file's registration runs.
std::vector<Command>& registry() {
    static std::vector<Command> commands;
    return commands;
}

}  // namespace

void registerCommand(const Command& command) {
    auto& all = registry();
    const auto after = std::upper_bound(all.begin(), all.end(), command.order,
                                        [](int order, const Command& c) { return order < c.order; });
    all.insert(after, command);
}

const Command* findCommand(const QString& name) {
    for (const auto& c : registry())
        if (name == QLatin1String(c.name)) return &c;
    return nullptr;
}

const std::vector<Command>& commands() { return registry(); }

std::string didYouMean(const QString& word, const std::vector<std::string>& candidates) {
    // Edit distance (insert, delete, change, swap two neighbours), case-blind.
    const std::string w = word.toLower().toStdString();
    auto distance = [](const std::string& a, const std::string& b) {
        std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
        for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
        for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
        for (std::size_t i = 1; i <= a.size(); ++i)
            for (std::size_t j = 1; j <= b.size(); ++j) {
                d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
            }
        return d[a.size()][b.size()];
    };
    if (w.size() > 64) return {};  // no typo is that long, and the table stays small
    std::string best;
    std::size_t bestDistance = 3;  // at most two slips, and fewer than half the word
    for (const auto& c : candidates) {
        const std::size_t dist = distance(w, c);
        if (dist < bestDistance && dist * 2 < std::max<std::size_t>(c.size(), 2)) {
            best = c;
            bestDistance = dist;
        }
    }
    return best.empty() ? std::string() : ", did you mean '" + best + "'?";
}

void Context::requireDatabase() const {
    if (globals_.db.isEmpty()) throw UsageError("no database given: use --db PATH or --db postgresql://... or set VAKT_DB");
}

Status Context::connect() {
    auto store = Store::open(globals_.db, Store::OpenMode::MustExist);
    if (!store) return store.error();
    store_ = std::move(*store);
    UserService users(*store_);
    // A PostgreSQL login of one's own: the server has authenticated it and enforces its role.
    auto server = users.serverSession();
    if (!server) return server.error();
    if (*server) {
        if (globals_.user && *globals_.user != (*server)->username)
            return fail("--user " + globals_.user->toStdString() + " does not match the PostgreSQL login '" +
                            (*server)->username.toStdString() + "', which decides who you are on this database",
                        ErrorKind::Denied);
        session_ = **server;
        return {};
    }
    if (!globals_.user) {
        // Only someone who could change the database directly anyway (a SQLite file they may
        // write, or the login owning Vakt's tables) acts as the local operator; the trail still
        // records which local account did it.
        const QString path = store_->db().url().path;
        if (store_->engine() == Engine::Sqlite && !QFileInfo(path).isWritable())
            return fail("you may not change " + path.toStdString() +
                            " yourself, so you cannot act as its local operator; sign in with --user NAME",
                        ErrorKind::Denied);
        const QString login = qEnvironmentVariable("USER", QStringLiteral("unknown"));
        session_ = Session{QStringLiteral("local:") + login, Role::Admin};
        return {};
    }
    if (!globals_.passwordFile && store_->isDemo()) {
        auto s = users.demoSession(*globals_.user);
        if (!s) return s.error();
        session_ = *s;
        return {};
    }
    auto s = users.authenticate(*globals_.user, readPassword(globals_.passwordFile, QStringLiteral("Password for %1: ").arg(*globals_.user)));
    if (!s) return s.error();
    session_ = *s;
    return {};
}

QTextStream& out() {
    static QTextStream s(stdout);
    return s;
}

QTextStream& err() {
    static QTextStream s(stderr);
    return s;
}

int failWith(const std::string& message) {
    err() << "vakt: " << QString::fromStdString(message) << Qt::endl;
    return kFailure;
}

void printJson(const QJsonValue& v) {
    const QJsonDocument doc = v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject());
    out() << doc.toJson(QJsonDocument::Indented);
    out().flush();
}

Result<QByteArray> readInput(const QString& path) {
    QFile f;
    if (path == QLatin1String("-")) {
        if (!f.open(stdin, QIODevice::ReadOnly)) return fail("cannot read standard input");
    } else {
        f.setFileName(path);
        if (!f.open(QIODevice::ReadOnly)) return fail(path.toStdString() + ": cannot read: " + f.errorString().toStdString());
    }
    // Catalogue files are small; refuse anything that would exhaust memory.
    constexpr qint64 kMax = 64 * 1024 * 1024;
    QByteArray data = f.read(kMax + 1);
    if (data.size() > kMax) return fail(path.toStdString() + ": larger than 64 MiB");
    return data;
}

Role requiredRole(const std::optional<QString>& text) {
    if (!text) throw UsageError("--role is required (one of " + roleCodes().join(", ").toStdString() + ")");
    const auto role = roleFromCode(*text);
    if (!role) throw UsageError(("--role must be one of " + roleCodes().join(", ") + ", not '" + *text + "'").toStdString());
    return *role;
}

QString readPassword(const std::optional<QString>& file, const QString& prompt) {
    if (file) {
        auto data = readInput(*file);
        if (!data) throw std::runtime_error(data.message());
        return QString::fromUtf8(data->split('\n').value(0)).trimmed();
    }
    if (!isatty(STDIN_FILENO)) throw UsageError("no password given: use --password-file FILE or run in a terminal");
    err() << prompt;
    err().flush();
    termios old{};
    tcgetattr(STDIN_FILENO, &old);
    termios silent = old;
    silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &silent);
    std::string line;
    std::getline(std::cin, line);
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    err() << Qt::endl;
    return QString::fromStdString(line);
}

}  // namespace vakt::cli
