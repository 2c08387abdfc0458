#include "desktop/shell/modules.h"

#include <QApplication>
#include <QStyle>

#include "desktop/audit/audit_page.h"
#include "desktop/catalog/catalog_page.h"
#include "desktop/monitoring/monitoring_page.h"

namespace vakt::desktop {

std::vector<ModuleInfo> availableModules() {
    return {
        {QStringLiteral("catalog"), [] { return QApplication::translate("Modules", "Produktkatalog"); },
         QApplication::style()->standardIcon(QStyle::SP_FileDialogDetailedView),
         [](AppContext& ctx, QWidget* parent) -> QWidget* { return new CatalogPage(ctx, parent); }},
        {QStringLiteral("monitoring"), [] { return QApplication::translate("Modules", "Drift"); },
         QApplication::style()->standardIcon(QStyle::SP_ComputerIcon),
         [](AppContext& ctx, QWidget* parent) -> QWidget* { return new MonitoringPage(ctx, parent); }},
        {QStringLiteral("audit"), [] { return QApplication::translate("Modules", "Revisjonslogg"); },
         QApplication::style()->standardIcon(QStyle::SP_FileDialogContentsView),
         [](AppContext& ctx, QWidget* parent) -> QWidget* { return new AuditPage(ctx, parent); }},
    };
}

QString roleTitle(Role role) {
    switch (role) {
        case Role::Admin: return QApplication::translate("Roles", "Administrator");
        case Role::Sikkerhetsansvarlig: return QApplication::translate("Roles", "Sikkerhetsansvarlig");
        case Role::Brukerstotte: return QApplication::translate("Roles", "Brukerstøtte");
        case Role::Produktansvarlig: return QApplication::translate("Roles", "Produktansvarlig");
        case Role::Leder: return QApplication::translate("Roles", "Leder");
        case Role::Endringsrad: return QApplication::translate("Roles", "Endringsråd");
        case Role::Revisor: return QApplication::translate("Roles", "Revisor (lesetilgang)");
    }
    return {};
}

}  // namespace vakt::desktop
