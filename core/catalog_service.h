#pragma once
// The produktkatalog: read, edit, import and export services and components. Every write is
// permission-checked and recorded in the trail in the same transaction.
#include <QList>
#include <optional>

#include "core/catalog_io.h"
#include "core/domain.h"
#include "core/store.h"

namespace vakt {

struct CatalogSummary {
    QString key;
    QString name;
    QString kind;
    QString lifecycle;
    QString productOwner;  // name
    int establishedYear = 0;
    QDate lastReviewed;
    int agreements = 0;  // organisations with an agreement in force
    QDate newestRos;
    QDate newestDpia;
};

enum class DocumentState { Current, Outdated, Missing };
// ROS and DPIA must be renewed at least every 12 months.
DocumentState documentState(const QList<CatalogDocument>& documents, const QString& kind, const QDate& today);
QDate newestDocumentDate(const QList<CatalogDocument>& documents, const QString& kind);
DocumentState documentAge(const QDate& newest, const QDate& today);
// The entry's ROS or DPIA is missing or older than 12 months: someone must follow it up.
bool documentsNeedFollowUp(const CatalogSummary& entry, const QDate& today);

class CatalogService {
public:
    explicit CatalogService(Store& store) : store_(store) {}

    Result<QList<CatalogSummary>> list(const Session& who);
    Result<std::optional<CatalogEntry>> get(const Session& who, const QString& key);
    Result<QList<CatalogEntry>> all(const Session& who);
    // Keys of the entries that depend on this one.
    Result<QStringList> usedBy(const Session& who, const QString& key);
    Result<int> agreementCount(const Session& who, const QString& key);
    Result<QList<Person>> people(const Session& who);
    Result<QStringList> nationalComponents(const Session& who);

    // Creates or updates by key. Unchanged entries write nothing.
    Status save(const Session& who, const CatalogEntry& entry);
    // All or nothing: any error rolls back every entry and names file:line and the field.
    Status importEntries(const Session& who, const QList<ImportedEntry>& entries, const QString& fileName);

private:
    Result<std::optional<CatalogEntry>> load(const QString& key);
    Result<qint64> writeMain(const CatalogEntry& entry);
    Status writeRelations(qint64 id, const CatalogEntry& entry);
    Status saveInTransaction(const Session& who, const CatalogEntry& entry, bool relationsLater);
    Store& store_;
};

}  // namespace vakt
