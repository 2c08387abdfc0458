#pragma once
#include <QMainWindow>

#include "desktop/shell/app_context.h"

class QListWidget;
class QStackedWidget;

namespace vakt::desktop {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(AppContext& context, QWidget* parent = nullptr);
    // Shows the module with this id; false when no such module exists.
    bool showModule(const QString& id);
    QStringList moduleIds() const { return ids_; }
    QWidget* currentPage() const;

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    AppContext& context_;
    QListWidget* navigation_;
    QStackedWidget* pages_;
    QStringList ids_;
};

}  // namespace vakt::desktop
