#pragma once
// Owns the signed-in context and the main window: rebuilds the window when the language changes
// (on the same page, no restart) and signs someone else in on request.
#include <QObject>
#include <memory>

#include "desktop/shell/app_context.h"

namespace vakt::desktop {

class MainWindow;

class DesktopApp : public QObject {
    Q_OBJECT
public:
    explicit DesktopApp(AppContext& context);
    ~DesktopApp() override;
    MainWindow* window() const { return window_.get(); }
    // Builds and shows the window; with `page`, opens that page.
    void start(const QString& page = {});
    void switchLanguage(const QString& code);
    // Closes the window and asks for a sign-in; false when it was cancelled (the app then quits).
    bool signOut();

signals:
    // The window was rebuilt (after a language change or a new sign-in).
    void windowReplaced(MainWindow* window);

private:
    void build();
    AppContext& context_;
    std::unique_ptr<MainWindow> window_;
};

}  // namespace vakt::desktop
