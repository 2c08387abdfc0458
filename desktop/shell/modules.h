#pragma once
// The desktop's modules. Each later capability (monitoring, audit, risk, incidents, changes,
// councils, access, reports) adds one entry here; the sidebar and --screenshot list only what
// is registered, so no empty pages are ever shown.
#include <QIcon>
#include <QString>
#include <QWidget>
#include <functional>
#include <vector>

#include "desktop/shell/app_context.h"

namespace vakt::desktop {

struct ModuleInfo {
    QString id;  // the English name in lower case; also the --screenshot page name
    std::function<QString()> title;  // translated at call time
    QIcon icon;
    std::function<QWidget*(AppContext&, QWidget* parent)> create;
};

std::vector<ModuleInfo> availableModules();

}  // namespace vakt::desktop
