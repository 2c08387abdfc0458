#include "desktop/shell/main_window.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>

#include "desktop/shell/modules.h"

namespace vakt::desktop {

MainWindow::MainWindow(AppContext& context, QWidget* parent) : QMainWindow(parent), context_(context) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Vakt – sikkerhet og drift"));
    auto* splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("shellSplitter"));
    navigation_ = new QListWidget(splitter);
    navigation_->setObjectName(QStringLiteral("navigation"));
    navigation_->setMaximumWidth(220);
    navigation_->setMinimumWidth(150);
    navigation_->setIconSize(QSize(20, 20));
    pages_ = new QStackedWidget(splitter);
    for (const auto& module : availableModules()) {
        ids_ << module.id;
        auto* item = new QListWidgetItem(module.icon, module.title(), navigation_);
        item->setData(Qt::UserRole, module.id);
        QWidget* page = module.create(context_, pages_);
        page->setObjectName(module.id + QStringLiteral("Page"));
        pages_->addWidget(page);
    }
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({180, 1100});
    setCentralWidget(splitter);
    connect(navigation_, &QListWidget::currentRowChanged, pages_, &QStackedWidget::setCurrentIndex);

    auto* dbLabel = new QLabel(tr("Database: %1").arg(context_.store->location()), this);
    dbLabel->setObjectName(QStringLiteral("statusDatabase"));
    auto* userLabel = new QLabel(tr("Innlogget: %1 (%2)").arg(context_.displayName, roleTitle(context_.session.role)), this);
    userLabel->setObjectName(QStringLiteral("statusUser"));
    statusBar()->addWidget(dbLabel, 1);
    statusBar()->addPermanentWidget(userLabel);

    buildMenus();

    QSettings settings;
    resize(1280, 800);
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
    if (!showModule(settings.value(QStringLiteral("window/module")).toString())) navigation_->setCurrentRow(0);
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&Fil"));
    QAction* quit = file->addAction(tr("&Avslutt"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* view = menuBar()->addMenu(tr("&Vis"));
    QMenu* language = view->addMenu(tr("Språk"));
    auto* group = new QActionGroup(this);
    const QString current = QSettings().value(QStringLiteral("language"), QStringLiteral("nb")).toString();
    for (const auto& [code, name] : {std::pair{QStringLiteral("nb"), QStringLiteral("Norsk bokmål")},
                                     std::pair{QStringLiteral("en"), QStringLiteral("English")}}) {
        QAction* a = language->addAction(name);
        a->setCheckable(true);
        a->setChecked(code == current);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, code = code] {
            QSettings().setValue(QStringLiteral("language"), code);
            QMessageBox::information(this, tr("Språk"), tr("Det nye språket brukes neste gang Vakt startes."));
        });
    }

    QMenu* help = menuBar()->addMenu(tr("&Hjelp"));
    help->addAction(tr("Om Vakt"), this, [this] {
        QMessageBox::about(this, tr("Om Vakt"),
                           tr("<b>Vakt</b> %1<br>Styring av informasjonssikkerhet og drift for en felles plattform.")
                               .arg(QApplication::applicationVersion()));
    });
}

bool MainWindow::showModule(const QString& id) {
    const auto index = ids_.indexOf(id);
    if (index < 0) return false;
    navigation_->setCurrentRow(static_cast<int>(index));
    return true;
}

QWidget* MainWindow::currentPage() const { return pages_->currentWidget(); }

void MainWindow::closeEvent(QCloseEvent* event) {
    // Pages with unsaved edits may ask to stay open.
    for (int i = 0; i < pages_->count(); ++i) {
        bool leave = true;
        QWidget* page = pages_->widget(i);
        if (page->metaObject()->indexOfMethod("confirmLeave()") >= 0 &&
            QMetaObject::invokeMethod(page, "confirmLeave", Q_RETURN_ARG(bool, leave)) && !leave) {
            event->ignore();
            return;
        }
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    if (auto* splitter = findChild<QSplitter*>(QStringLiteral("shellSplitter")))
        settings.setValue(QStringLiteral("window/splitter"), splitter->saveState());
    if (navigation_->currentItem()) settings.setValue(QStringLiteral("window/module"), navigation_->currentItem()->data(Qt::UserRole));
    event->accept();
}

}  // namespace vakt::desktop
