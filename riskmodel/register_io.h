#pragma once
// The ROS register as spreadsheets: one table of risks and one of their measures, written to
// and read from CSV (two files) and XLSX (two sheets) so that a register round-trips without
// loss and the spreadsheets a department already keeps can come over. The columns are the
// file format (docs/threat-models.md); Norwegian headers are understood on import.
#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include "core/base/result.h"

namespace vakt::risk {

// One sheet: a header and its rows, each row remembering where it came from, so an import's
// errors can name "file:line" (CSV) or "file: sheet 'Risikoer' row 7" (XLSX).
struct Table {
    QString name;
    QStringList header;
    QList<QStringList> rows;
    QStringList places;  // per row, where it is in the file

    int column(const QString& key) const { return static_cast<int>(header.indexOf(key)); }
    QString cell(qsizetype row, const QString& key) const {
        const int c = column(key);
        return c < 0 || c >= rows[row].size() ? QString() : rows[row][c].trimmed();
    }
};

struct RegisterTables {
    Table risks;     // "Risikoer"
    Table measures;  // "Tiltak"
};

inline const QString kRisksSheet = QStringLiteral("Risikoer");
inline const QString kMeasuresSheet = QStringLiteral("Tiltak");

// The fixed columns of each table (the consequence dimensions come after "consequence").
QStringList riskColumns();
QStringList measureColumns();

// CSV: the risks in `path`, the measures beside it in "<path without .csv>-tiltak.csv".
QString measuresCsvPath(const QString& risksPath);
// A cell a spreadsheet would run as a formula (= + - @ first) is written after an apostrophe,
// which reading takes off again.
QByteArray tableToCsv(const Table& table);
// Headers are mapped to the canonical keys (Norwegian names and any case accepted); a header
// nobody knows is an error naming it, so a column is never dropped silently.
Result<Table> tableFromCsv(const QByteArray& bytes, const QString& fileName, const QString& tableName);

QByteArray tablesToXlsx(const RegisterTables& tables);
Result<RegisterTables> tablesFromXlsx(const QByteArray& bytes, const QString& fileName);

// A number as people write it: "1500000", "1 500 000" (spaces as thousands), "0.5" or "0,5". A
// comma before exactly three digits ("250,000") could be either a thousands separator or a
// decimal comma, so it is refused rather than read as 250 ("0,125" is not ambiguous). A point is
// always the decimal point, as Vakt's own files write it.
Result<double> parseAmount(const QString& text);

// The register's file as tables: XLSX, or CSV with the measures beside it (measuresCsvPath),
// by `format` ("csv", "xlsx") or else the name's ending; at most 64 MiB a file. Errors name the file.
Result<RegisterTables> readRegisterFile(const QString& path, const QString& format = {});
Status writeRegisterFile(const QString& path, const RegisterTables& tables, const QString& format = {});

// The canonical key of a header as people write it ("Sannsynlighet" -> "likelihood"), or the
// header itself lower-cased when it has no other name.
QString canonicalColumn(const QString& header);

}  // namespace vakt::risk
