// vakt-desktop: the Qt Widgets application for every workflow.
#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QSettings>
#include <cstdio>

#include "app/modules.h"
#include "desktop/shell/desktop_app.h"
#include "desktop/shell/formatting.h"
#include "desktop/shell/language.h"
#include "desktop/shell/login_dialog.h"
#include "desktop/shell/main_window.h"
#include "desktop/shell/modules.h"
#include "core/user_service.h"

using namespace vakt;
using namespace vakt::desktop;

namespace {
constexpr int kOk = 0, kFailure = 1, kUsage = 2;

bool wantsScreenshot(int argc, char** argv) {
    for (int i = 1; i < argc; ++i)
        if (qstrcmp(argv[i], "--screenshot") == 0) return true;
    return false;
}

int report(bool gui, const QString& message) {
    std::fprintf(stderr, "vakt-desktop: %s\n", message.toLocal8Bit().constData());
    if (gui) QMessageBox::critical(nullptr, QStringLiteral("Vakt"), message);
    return kFailure;
}

// Core's error in the user's language, with the technical detail to show on request.
int report(bool gui, const vakt::Error& error) {
    std::fprintf(stderr, "vakt-desktop: %s\n", error.message.c_str());
    if (gui) {
        QMessageBox box(QMessageBox::Critical, QStringLiteral("Vakt"), describeError(error), QMessageBox::Close);
        box.setDetailedText(errorDetail(error));
        box.exec();
    }
    return kFailure;
}
}  // namespace

int main(int argc, char** argv) {
    // A screenshot needs no display: render offscreen unless a platform was chosen.
    const bool screenshot = wantsScreenshot(argc, argv);
    if (screenshot && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");

    QApplication app(argc, argv);
    vakt::app::registerModules();
    QApplication::setOrganizationName(QStringLiteral("Vakt"));
    QApplication::setApplicationName(QStringLiteral("vakt-desktop"));
    QApplication::setApplicationVersion(QStringLiteral(VAKT_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Vakt desktop: security and operations governance."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("Database: SQLite file or postgresql://... (default: $VAKT_DB)."),
                                QStringLiteral("URL"), qEnvironmentVariable("VAKT_DB"));
    QCommandLineOption keysOption(QStringLiteral("keys"), QStringLiteral("The audit ledger's key directory (default: $VAKT_KEYS)."),
                                  QStringLiteral("DIR"), qEnvironmentVariable("VAKT_KEYS"));
    QCommandLineOption userOption(QStringLiteral("user"), QStringLiteral("Sign in as this user without a password (demo databases only)."),
                                  QStringLiteral("NAME"));
    QCommandLineOption langOption(QStringLiteral("lang"), QStringLiteral("Language: nb (Norwegian bokmål, default) or en."),
                                  QStringLiteral("CODE"));
    QCommandLineOption shotOption(QStringLiteral("screenshot"),
                                  QStringLiteral("Render PAGE (or PAGE:VIEW, such as risk:stories or risk:svarut:VAKT-S-002/x for one risk) offscreen to FILE.png and exit. Pages: ") +
                                      [] {
                                          QStringList ids;
                                          for (const auto& m : availableModules()) ids << m.id;
                                          return ids.join(QStringLiteral(", "));
                                      }(),
                                  QStringLiteral("PAGE"));
    parser.addOptions({dbOption, keysOption, userOption, langOption, shotOption});
    parser.process(app);

    QString screenshotFile;
    if (screenshot) {
        if (parser.positionalArguments().size() != 1) {
            std::fprintf(stderr, "vakt-desktop: --screenshot PAGE FILE.png needs exactly one file name\n");
            return kUsage;
        }
        screenshotFile = parser.positionalArguments().front();
    } else if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "vakt-desktop: unexpected argument '%s'\n", parser.positionalArguments().front().toLocal8Bit().constData());
        return kUsage;
    }

    const QString language = parser.isSet(langOption) ? parser.value(langOption)
                                                      : QSettings().value(QStringLiteral("language"), QStringLiteral("nb")).toString();
    if (!applyLanguage(language)) {
        std::fprintf(stderr, "vakt-desktop: --lang must be nb or en\n");
        return kUsage;
    }

    const bool gui = !screenshot;
    const QString db = parser.value(dbOption);
    if (db.isEmpty()) {
        std::fprintf(stderr, "vakt-desktop: no database given: use --db PATH or set VAKT_DB\n");
        return kUsage;
    }
    auto store = Store::open(db, Store::OpenMode::MustExist);
    if (!store) return report(gui, store.error());

    AppContext context;
    context.store = std::move(*store);
    context.keysDir = parser.value(keysOption);
    UserService users(*context.store);
    // A PostgreSQL login of one's own has been authenticated by the server, which enforces its role.
    auto serverSession = users.serverSession();
    if (!serverSession) return report(gui, serverSession.error());
    if (screenshot && !*serverSession && !parser.isSet(userOption)) {
        std::fprintf(stderr, "vakt-desktop: --screenshot needs --user NAME (a demo database lets you sign in by name) or a PostgreSQL "
                             "login of one's own\n");
        return kUsage;
    }
    if (*serverSession) {
        context.session = **serverSession;
    } else if (parser.isSet(userOption) && (context.store->isDemo() || screenshot)) {
        // --user signs in by name on a demo database; elsewhere it only fills in the sign-in dialog.
        auto session = users.demoSession(parser.value(userOption));
        if (!session) return report(gui, session.error());
        context.session = *session;
    } else {
        LoginDialog login(*context.store);
        login.setUser(parser.value(userOption));
        if (login.exec() != QDialog::Accepted) return kOk;
        context.session = login.session();
    }
    context.displayName = users.displayName(context.session).value_or(context.session.username);

    DesktopApp desktop(context);
    if (screenshot) {
        // PAGE or PAGE:VIEW, where the page knows the view ("risk:stories").
        const QString page = parser.value(shotOption).section(QLatin1Char(':'), 0, 0);
        const QString view = parser.value(shotOption).section(QLatin1Char(':'), 1, -1);
        desktop.start();
        MainWindow& window = *desktop.window();
        if (!window.showModule(page)) {
            std::fprintf(stderr, "vakt-desktop: no page '%s'; pages: %s\n", page.toLocal8Bit().constData(),
                         window.moduleIds().join(QStringLiteral(", ")).toLocal8Bit().constData());
            return kUsage;
        }
        window.resize(1440, 900);
        if (!view.isEmpty()) window.currentPage()->showItems(view);
        window.currentPage()->prepareScreenshot();
        QApplication::processEvents();
        if (!window.grab().save(screenshotFile)) return report(false, QStringLiteral("cannot write %1").arg(screenshotFile));
        std::fprintf(stdout, "Wrote %s\n", screenshotFile.toLocal8Bit().constData());
        return kOk;
    }
    desktop.start();
    return QApplication::exec();
}
