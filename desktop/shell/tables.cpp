#include "desktop/shell/tables.h"

#include <QSettings>

namespace vakt::desktop {

namespace {
const char* kSettingsKey = "vaktHeaderKey";
const char* kUserSized = "vaktUserSized";
}  // namespace

void rememberHeader(QHeaderView* header, const QString& key) {
    header->setProperty(kSettingsKey, key);
    const QByteArray saved = QSettings().value(QStringLiteral("tables/") + key).toByteArray();
    if (!saved.isEmpty() && header->restoreState(saved)) header->setProperty(kUserSized, true);
    header->setStretchLastSection(true);
    auto save = [header] {
        QSettings().setValue(QStringLiteral("tables/") + header->property(kSettingsKey).toString(), header->saveState());
    };
    QObject::connect(header, &QHeaderView::sectionResized, header, [header, save](int, int, int) {
        // Resizes made by fitting columns are not the person's choice.
        if (!header->property("vaktFitting").toBool()) {
            header->setProperty(kUserSized, true);
            save();
        }
    });
    QObject::connect(header, &QHeaderView::sortIndicatorChanged, header, save);
}

void fitColumns(QTableView* table) {
    QHeaderView* header = table->horizontalHeader();
    if (!header->property(kUserSized).toBool()) {
        header->setProperty("vaktFitting", true);
        table->resizeColumnsToContents();
        header->setProperty("vaktFitting", false);
    }
    header->setStretchLastSection(true);
}

}  // namespace vakt::desktop
