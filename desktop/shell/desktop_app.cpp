#include "desktop/shell/desktop_app.h"

#include <QApplication>
#include <QTimer>

#include "core/user_service.h"
#include "desktop/shell/language.h"
#include "desktop/shell/login_dialog.h"
#include "desktop/shell/main_window.h"

namespace vakt::desktop {

DesktopApp::DesktopApp(AppContext& context) : context_(context) {}
DesktopApp::~DesktopApp() = default;

void DesktopApp::build() {
    window_ = std::make_unique<MainWindow>(context_);
    // Queued: the window that asks is the one being replaced.
    connect(window_.get(), &MainWindow::languageChosen, this, [this](const QString& code) {
        QTimer::singleShot(0, this, [this, code] { switchLanguage(code); });
    });
    connect(window_.get(), &MainWindow::signOutRequested, this, [this] {
        QTimer::singleShot(0, this, [this] {
            if (!signOut()) QApplication::quit();
        });
    });
    emit windowReplaced(window_.get());
}

void DesktopApp::start(const QString& page) {
    build();
    if (!page.isEmpty()) window_->showModule(page);
    window_->show();
}

void DesktopApp::switchLanguage(const QString& code) {
    const QString page = window_ ? window_->currentModule() : QString();
    const QRect geometry = window_ ? window_->geometry() : QRect();
    if (!applyLanguage(code)) return;
    window_.reset();
    build();
    if (geometry.isValid()) window_->setGeometry(geometry);
    window_->showModule(page);
    window_->show();
}

bool DesktopApp::signOut() {
    // Between the old window and the new one only the sign-in dialog is open.
    const bool quitOnClose = QApplication::quitOnLastWindowClosed();
    QApplication::setQuitOnLastWindowClosed(false);
    if (window_) window_->hide();
    window_.reset();
    LoginDialog login(*context_.store);
    login.setUser(context_.session.username);
    const bool accepted = login.exec() == QDialog::Accepted;
    QApplication::setQuitOnLastWindowClosed(quitOnClose);
    if (!accepted) return false;
    context_.session = login.session();
    context_.displayName = UserService(*context_.store).displayName(context_.session).value_or(context_.session.username);
    start();
    return true;
}

}  // namespace vakt::desktop
