#include "desktop/shell/main_window.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyledItemDelegate>
#include <QTextBrowser>
#include <QVBoxLayout>

#include "desktop/shell/formatting.h"
#include "desktop/shell/language.h"
#include "desktop/shell/page.h"

namespace vakt::desktop {

namespace {
constexpr int kBadgeRole = Qt::UserRole + 1;

// Draws a page's count of things that need attention as a pill at the right of its row.
class BadgeDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override {
        QStyledItemDelegate::paint(painter, option, index);
        const int count = index.data(kBadgeRole).toInt();
        if (count <= 0) return;
        const QString text = count > 999 ? QStringLiteral("999+") : QLocale().toString(count);
        QFont font = option.font;
        font.setBold(true);
        font.setPointSizeF(font.pointSizeF() * 0.85);
        const QFontMetrics metrics(font);
        const int height = metrics.height() + 2;
        const int width = std::max(height, metrics.horizontalAdvance(text) + 10);
        const QRect pill(option.rect.right() - width - 6, option.rect.center().y() - height / 2, width, height);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(0xb0, 0x00, 0x20));
        painter->drawRoundedRect(pill, height / 2.0, height / 2.0);
        painter->setPen(Qt::white);
        painter->setFont(font);
        painter->drawText(pill, Qt::AlignCenter, text);
        painter->restore();
    }
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        size.setWidth(size.width() + 48);
        size.setHeight(std::max(size.height(), 28));
        return size;
    }
};
}  // namespace

MainWindow::MainWindow(AppContext& context, QWidget* parent) : QMainWindow(parent), context_(context), modules_(availableModules()) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Vakt – sikkerhet og drift"));
    auto* splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("shellSplitter"));
    navigation_ = new QListWidget(splitter);
    navigation_->setObjectName(QStringLiteral("navigation"));
    navigation_->setMaximumWidth(260);
    navigation_->setMinimumWidth(170);
    navigation_->setIconSize(QSize(20, 20));
    navigation_->setItemDelegate(new BadgeDelegate(navigation_));
    pages_ = new QStackedWidget(splitter);
    for (const auto& module : modules_) {
        ids_ << module.id;
        auto* item = new QListWidgetItem(module.icon, module.title(), navigation_);
        item->setData(Qt::UserRole, module.id);
        Page* page = module.create(context_, pages_);
        page->setObjectName(module.id + QStringLiteral("Page"));
        pages_->addWidget(page);
        connect(page, &Page::attentionChanged, this, &MainWindow::updateBadges);
        connect(page, &Page::openPage, this, [this](const QString& id, const QString& which) {
            if (showModule(id))
                if (Page* target = currentPage()) target->showItems(which);
        });
    }
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({200, 1100});
    setCentralWidget(splitter);
    connect(navigation_, &QListWidget::currentRowChanged, this, [this](int row) {
        const int shown = pages_->currentIndex();
        if (row == shown || row < 0) return;
        // A page with unsaved edits may ask to stay.
        if (Page* leaving = currentPage(); leaving && !leaving->confirmLeave()) {
            const QSignalBlocker block(navigation_);
            navigation_->setCurrentRow(shown);
            return;
        }
        pages_->setCurrentIndex(row);
    });

    auto* dbLabel = new QLabel(tr("Database: %1").arg(context_.store->location()), this);
    dbLabel->setObjectName(QStringLiteral("statusDatabase"));
    auto* userLabel = new QLabel(tr("Innlogget: %1 (%2)").arg(context_.displayName, roleTitle(context_.session.role)), this);
    userLabel->setObjectName(QStringLiteral("statusUser"));
    statusBar()->addWidget(dbLabel, 1);
    statusBar()->addPermanentWidget(userLabel);

    buildMenus();
    updateBadges();

    QSettings settings;
    resize(1280, 800);
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
    // Every sign-in starts on the first page: the overview of what waits.
    navigation_->setCurrentRow(0);
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&Fil"));
    QAction* refresh = file->addAction(tr("&Oppdater"), this, &MainWindow::refreshAll);
    refresh->setObjectName(QStringLiteral("actionRefresh"));
    refresh->setShortcut(QKeySequence::Refresh);
    file->addSeparator();
    QAction* signOut = file->addAction(tr("&Logg ut eller bytt bruker …"), this, [this] {
        if (confirmLeaveAll()) emit signOutRequested();
    });
    signOut->setObjectName(QStringLiteral("actionSignOut"));
    QAction* quit = file->addAction(tr("&Avslutt"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(tr("&Rediger"));
    QAction* find = edit->addAction(tr("&Søk på siden"), this, [this] {
        if (Page* p = currentPage()) p->focusSearch();
    });
    find->setObjectName(QStringLiteral("actionFind"));
    find->setShortcut(QKeySequence::Find);

    QMenu* go = menuBar()->addMenu(tr("&Gå til"));
    for (int i = 0; i < static_cast<int>(modules_.size()); ++i) {
        QAction* a = go->addAction(modules_[static_cast<std::size_t>(i)].icon, modules_[static_cast<std::size_t>(i)].title(), this,
                                   [this, i] { navigation_->setCurrentRow(i); });
        if (i < 9) a->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
    }

    QMenu* view = menuBar()->addMenu(tr("&Vis"));
    QMenu* language = view->addMenu(tr("Språk"));
    auto* group = new QActionGroup(this);
    for (const auto& [code, name] : {std::pair{QStringLiteral("nb"), QStringLiteral("Norsk bokmål")},
                                     std::pair{QStringLiteral("en"), QStringLiteral("English")}}) {
        QAction* a = language->addAction(name);
        a->setObjectName(QStringLiteral("actionLanguage_") + code);
        a->setCheckable(true);
        a->setChecked(code == currentLanguage());
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, code = code] {
            if (code == currentLanguage() || !confirmLeaveAll()) return;
            QSettings().setValue(QStringLiteral("language"), code);
            emit languageChosen(code);
        });
    }

    // Times are shown in Norwegian time unless the person chooses otherwise (remembered).
    QMenu* zones = view->addMenu(tr("Tidssone"));
    auto* zoneGroup = new QActionGroup(this);
    const QString shownZone = QString::fromUtf8(displayZone().id());
    const QString machineZone = QString::fromUtf8(QTimeZone::systemTimeZoneId());
    QStringList offered;
    for (const auto& [id, name] : {std::pair{QStringLiteral("Europe/Oslo"), tr("Norsk tid (Europe/Oslo)")},
                                   std::pair{QStringLiteral("UTC"), tr("UTC")},
                                   std::pair{machineZone, tr("Maskinens tidssone (%1)").arg(machineZone)}}) {
        if (offered.contains(id)) continue;  // the machine's zone may be one of the others
        offered << id;
        QAction* a = zones->addAction(name);
        a->setObjectName(QStringLiteral("actionZone_") + id);
        a->setCheckable(true);
        a->setChecked(id == shownZone);
        zoneGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, id = id] {
            if (!confirmLeaveAll()) return;
            QSettings().setValue(QStringLiteral("timezone"), id);
            emit languageChosen(currentLanguage());  // rebuilt, so every time is shown anew
        });
    }

    QMenu* help = menuBar()->addMenu(tr("&Hjelp"));
    QAction* guide = help->addAction(tr("&Brukerveiledning for siden"), this, &MainWindow::showHelp);
    guide->setObjectName(QStringLiteral("actionHelp"));
    guide->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("Om Vakt"), this, [this] {
        QMessageBox::about(this, tr("Om Vakt"),
                           tr("<b>Vakt</b> %1<br>Styring av informasjonssikkerhet og drift for en felles plattform.")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::showHelp() {
    const int index = pages_->currentIndex();
    if (index < 0) return;
    auto* dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("helpDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Hjelp: %1").arg(modules_[static_cast<std::size_t>(index)].title()));
    auto* layout = new QVBoxLayout(dialog);
    auto* text = new QTextBrowser(dialog);
    text->setObjectName(QStringLiteral("helpText"));
    text->setHtml(modules_[static_cast<std::size_t>(index)].help());
    layout->addWidget(text);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
    layout->addWidget(buttons);
    dialog->resize(560, 420);
    dialog->show();
}

void MainWindow::refreshAll() {
    for (int i = 0; i < pages_->count(); ++i) static_cast<Page*>(pages_->widget(i))->refresh();
    updateBadges();
}

void MainWindow::updateBadges() {
    for (int i = 0; i < navigation_->count() && i < pages_->count(); ++i) {
        const int count = static_cast<Page*>(pages_->widget(i))->attention();
        QListWidgetItem* item = navigation_->item(i);
        item->setData(kBadgeRole, count);
        const QString title = modules_[static_cast<std::size_t>(i)].title();
        // The count is read out by screen readers too, not only drawn.
        item->setData(Qt::AccessibleTextRole, count > 0 ? tr("%1: %n venter", nullptr, count).arg(title) : title);
        item->setToolTip(count > 0 ? tr("%n ting venter på oppfølging", nullptr, count) : QString());
    }
}

int MainWindow::badge(const QString& id) const {
    const auto index = ids_.indexOf(id);
    return index < 0 ? 0 : navigation_->item(static_cast<int>(index))->data(kBadgeRole).toInt();
}

bool MainWindow::showModule(const QString& id) {
    const auto index = ids_.indexOf(id);
    if (index < 0) return false;
    navigation_->setCurrentRow(static_cast<int>(index));
    return pages_->currentIndex() == index;
}

QString MainWindow::currentModule() const {
    const int index = pages_->currentIndex();
    return index < 0 ? QString() : ids_.value(index);
}

Page* MainWindow::currentPage() const { return static_cast<Page*>(pages_->currentWidget()); }

Page* MainWindow::page(const QString& id) const {
    const auto index = ids_.indexOf(id);
    return index < 0 ? nullptr : static_cast<Page*>(pages_->widget(static_cast<int>(index)));
}

bool MainWindow::confirmLeaveAll() {
    for (int i = 0; i < pages_->count(); ++i)
        if (!static_cast<Page*>(pages_->widget(i))->confirmLeave()) return false;
    return true;
}

void MainWindow::rememberLayout() {
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), QMainWindow::saveState());
    if (auto* splitter = findChild<QSplitter*>(QStringLiteral("shellSplitter")))
        settings.setValue(QStringLiteral("window/splitter"), splitter->saveState());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!confirmLeaveAll()) {
        event->ignore();
        return;
    }
    rememberLayout();
    event->accept();
}

}  // namespace vakt::desktop
