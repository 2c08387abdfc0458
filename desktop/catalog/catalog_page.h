#pragma once
#include <optional>

#include "core/catalog_service.h"
#include "desktop/shell/app_context.h"
#include "desktop/shell/page.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableView;
class QTableWidget;
class QTabWidget;

namespace vakt::desktop {

class CatalogModel;
class CatalogFilter;

// The produktkatalog: a searchable list and an editor for every catalogue field.
class CatalogPage : public Page {
    Q_OBJECT
public:
    CatalogPage(AppContext& context, QWidget* parent = nullptr);

    bool selectEntry(const QString& key);
    QString currentKey() const { return current_ ? current_->key : QString(); }
    bool isDirty() const { return dirty_; }
    bool confirmLeave() override;
    // Selects the first entry so a screenshot shows the detail view too.
    void prepareScreenshot() override;
    void refresh() override;
    void focusSearch() override;
    // Entries whose ROS or DPIA needs follow-up, for those who may update them.
    int attention() const override { return canWrite_ ? needsFollowUp_ : 0; }
    void showItems(const QString& which) override;
    // A date as people type it: 15.09.2026, 15.9.2026 or 2026-09-15.
    static QDate parseDate(const QString& text);

public slots:
    bool save();
    void revert();
    void reload();

private:
    void buildList(QWidget* parent);
    QWidget* buildEditor();
    void showEntry(const std::optional<CatalogEntry>& entry);
    void addRoleRow(const CatalogRole& role);
    void addDocumentRow(const CatalogDocument& document);
    void showDocumentWarnings(const QList<CatalogDocument>& documents);
    CatalogEntry collect(QString* error) const;
    void setDirty(bool dirty);
    void newEntry();
    void exportCatalog(const QString& format);
    void onSelectionChanged();
    void setEditable(bool editable);

    AppContext& ctx_;
    CatalogService service_;
    bool canWrite_;
    CatalogModel* model_;
    CatalogFilter* filter_;
    std::optional<CatalogEntry> current_;
    bool isNew_ = false;
    bool dirty_ = false;
    bool loading_ = false;
    bool reverting_ = false;  // moving the selection back after "stay on the edited entry"
    int needsFollowUp_ = 0;
    QList<Person> people_;
    QStringList allKeys_;
    QStringList nationalComponents_;

    QLineEdit* search_;
    QComboBox* kindFilter_;
    QComboBox* lifecycleFilter_;
    QComboBox* attentionFilter_;
    QTableView* table_;
    QLabel* countLabel_;

    QLabel* heading_;
    QLabel* readOnlyBanner_;
    QLabel* message_;
    QTabWidget* tabs_;
    QLineEdit* key_;
    QLineEdit* name_;
    QComboBox* kind_;
    QComboBox* lifecycle_;
    QSpinBox* established_;
    QLineEdit* lastReviewed_;
    QComboBox* owner_;
    QLabel* agreements_;
    QLabel* documentSummary_;
    QLabel* usedBySummary_;
    QPlainTextEdit* goal_;
    QPlainTextEdit* background_;
    QPlainTextEdit* expectedUse_;
    QPlainTextEdit* description_;
    QPlainTextEdit* specialTerms_;
    QTableWidget* roles_;
    QTableWidget* documents_;
    QLabel* documentWarnings_;
    QListWidget* dependsOn_;
    QListWidget* nationalList_;
    QListWidget* usedBy_;
    QPushButton* saveButton_;
    QPushButton* revertButton_;
    QPushButton* newButton_;
    QList<QWidget*> editors_;
};

}  // namespace vakt::desktop
