#pragma once
#include <QMainWindow>
#include <vector>

#include "desktop/shell/app_context.h"
#include "desktop/shell/modules.h"

class QListWidget;
class QStackedWidget;
class QLabel;

namespace vakt::desktop {

class Page;

// The shell: the sidebar with a badge per page for what waits there, the pages, the menus and
// the shortcuts every page shares (F1 help, F5 refresh, Ctrl+F search).
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(AppContext& context, QWidget* parent = nullptr);
    // Shows the module with this id; false when no such module exists.
    bool showModule(const QString& id);
    QStringList moduleIds() const { return ids_; }
    QString currentModule() const;
    Page* currentPage() const;
    Page* page(const QString& id) const;
    // The badge shown beside a page in the sidebar (0: none).
    int badge(const QString& id) const;

public slots:
    void refreshAll();
    void showHelp();

signals:
    // The shell's owner rebuilds the window in the new language, or signs in someone else.
    void languageChosen(const QString& code);
    void signOutRequested();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    void updateBadges();
    bool confirmLeaveAll();
    void rememberLayout();
    AppContext& context_;
    std::vector<ModuleInfo> modules_;
    QListWidget* navigation_;
    QStackedWidget* pages_;
    QStringList ids_;
};

}  // namespace vakt::desktop
