#pragma once
// What the shell asks of every module's page: refresh (F5), go to its search (Ctrl+F), how many
// things wait for attention (the sidebar badge), and whether it may be left (unsaved edits).
#include <QWidget>

namespace vakt::desktop {

class Page : public QWidget {
    Q_OBJECT
public:
    using QWidget::QWidget;

    virtual void refresh() {}
    virtual void focusSearch() {}
    // Things that wait for the signed-in person here; 0 shows no badge.
    virtual int attention() const { return 0; }
    // Asks before unsaved edits are thrown away; true when it is fine to leave.
    virtual bool confirmLeave() { return true; }
    // Puts the page in the state a screenshot should show (a row selected, the log verified).
    virtual void prepareScreenshot() {}
    // Shows the list behind one of the overview's figures ("critical", "stale", …).
    virtual void showItems(const QString& which) { Q_UNUSED(which); }

signals:
    void attentionChanged();
    // Asks the shell to open another page, showing `which` there.
    void openPage(const QString& id, const QString& which);
};

}  // namespace vakt::desktop
