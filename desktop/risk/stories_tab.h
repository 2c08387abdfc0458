#pragma once
#include <QWidget>
#include <functional>

#include "desktop/shell/app_context.h"
#include "riskmodel/ros_template.h"

class QComboBox;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace vakt::desktop {

// A service's risk stories: its personas and their user stories, the risk stories against each,
// and the register's risks they name with level, status and measures; and the municipal ROS
// template made from them, saved as XLSX or Markdown.
class StoriesTab : public QWidget {
    Q_OBJECT
public:
    // `title` gives a risk's title, from its ref and stored title, in the user's language.
    using TitleOf = std::function<QString(const QString& ref, const QString& title)>;
    StoriesTab(AppContext& context, TitleOf title, QWidget* parent = nullptr);
    // The services with a model, keeping the one shown when it is still there.
    void setServices(const QList<QPair<QString, QString>>& keysAndTitles);
    bool showService(const QString& service);
    // Writes the template (".xlsx" or ".md" by the name) in the user's language; false with
    // the reason shown when it cannot.
    bool saveTemplate(const QString& path);
    int storyCount() const;

private:
    void load();
    AppContext& ctx_;
    TitleOf title_;
    QComboBox* service_;
    QTreeWidget* tree_;
    QLabel* state_;
    QPushButton* save_;
    std::optional<risk::RosTemplate> template_;
};

}  // namespace vakt::desktop
