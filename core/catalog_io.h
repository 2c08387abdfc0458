#pragma once
// The catalogue's exchange formats. JSON holds every field; CSV holds one entry per row with
// lists inside a cell, one item per line and sub-fields separated by " | " (see docs/catalog-format.md).
// Readers reject the whole file on the first problem and name file:line and the field.
#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <string>
#include <string_view>

#include "core/domain.h"
#include "core/base/result.h"

namespace vakt {

struct ImportedEntry {
    CatalogEntry entry;
    int line = 0;  // where the entry starts in the file
};

QJsonObject catalogEntryToJson(const CatalogEntry& entry);
QByteArray catalogToJson(const QList<CatalogEntry>& entries);
QByteArray catalogToCsv(const QList<CatalogEntry>& entries);
QStringList catalogCsvColumns();

Result<QList<ImportedEntry>> catalogFromJson(std::string_view text, const QString& fileName);
Result<QList<ImportedEntry>> catalogFromCsv(std::string_view text, const QString& fileName);

// Checks one entry on its own (formats, codes, ranges); references to people and other entries
// are checked against the Store by CatalogService. Errors name the field.
Status validateCatalogEntry(const CatalogEntry& entry);

}  // namespace vakt
