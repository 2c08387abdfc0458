#include "desktop/shell/tables.h"

#include <QSettings>

namespace vakt::desktop {

namespace {
const char* kSettingsKey = "vaktHeaderKey";
const char* kUserSized = "vaktUserSized";
const char* kFitting = "vaktFitting";
QString settingsPath(const QHeaderView* header, const char* what) {
    return QStringLiteral("tables/%1/%2").arg(header->property(kSettingsKey).toString(), QLatin1String(what));
}
}  // namespace

void rememberHeader(QHeaderView* header, const QString& key) {
    header->setProperty(kSettingsKey, key);
    QSettings settings;
    const QByteArray saved = settings.value(settingsPath(header, "state")).toByteArray();
    if (!saved.isEmpty() && header->restoreState(saved)) header->setProperty(kUserSized, settings.value(settingsPath(header, "sized")).toBool());
    header->setStretchLastSection(true);
    auto save = [header] { QSettings().setValue(settingsPath(header, "state"), header->saveState()); };
    // Only what the person does is remembered: a resize by hand, a click on a column to sort.
    QObject::connect(header, &QHeaderView::sectionResized, header, [header, save](int section, int, int) {
        // The stretched last column follows the window, not the person.
        const bool stretched = header->stretchLastSection() && header->visualIndex(section) == header->count() - 1;
        if (header->property(kFitting).toBool() || stretched || !header->isVisible()) return;
        header->setProperty(kUserSized, true);
        QSettings().setValue(settingsPath(header, "sized"), true);
        save();
    });
    QObject::connect(header, &QHeaderView::sectionClicked, header, [save](int) { save(); });
}

void fitColumns(QTableView* table) {
    QHeaderView* header = table->horizontalHeader();
    if (!header->property(kUserSized).toBool()) {
        header->setProperty(kFitting, true);
        table->resizeColumnsToContents();
        header->setProperty(kFitting, false);
    }
    header->setStretchLastSection(true);
}

}  // namespace vakt::desktop
