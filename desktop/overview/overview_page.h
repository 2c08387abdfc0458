#pragma once
#include "desktop/shell/app_context.h"
#include "desktop/shell/page.h"

class QCommandLinkButton;
class QGridLayout;
class QLabel;

namespace vakt::desktop {

// Oversikt: what waits for the signed-in person, one figure per kind of thing, each opening the
// list behind it: open alerts by severity, open detection findings (for those who investigate),
// services that are not up, and catalogue entries whose ROS or DPIA is missing or too old.
class OverviewPage : public Page {
    Q_OBJECT
public:
    OverviewPage(AppContext& context, QWidget* parent = nullptr);
    void refresh() override;

    // One figure as shown: its count and the page and list it opens.
    struct Figure {
        QString id;  // alerts, findings, services, documents
        int count = 0;
        QString page, which;
    };
    const QList<Figure>& figures() const { return figures_; }

private:
    QCommandLinkButton* card(const QString& id, const QString& title, const QString& detail, int count, const QString& page, const QString& which);
    AppContext& ctx_;
    QLabel* greeting_;
    QLabel* collector_;
    QLabel* problems_;
    QGridLayout* grid_;
    QList<Figure> figures_;
};

}  // namespace vakt::desktop
