#include "riskmodel/register_io.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSaveFile>
#include <QSet>
#include <cmath>

#include "core/base/csv.h"
#include "core/base/xlsx.h"

namespace vakt::risk {

namespace {

// What Norwegian registers call the columns, and the short forms people type.
const QHash<QString, QString>& aliases() {
    static const QHash<QString, QString> map{
        {QStringLiteral("referanse"), QStringLiteral("ref")},
        {QStringLiteral("tjeneste"), QStringLiteral("service")},
        {QStringLiteral("tittel"), QStringLiteral("title")},
        {QStringLiteral("risiko"), QStringLiteral("title")},
        {QStringLiteral("beskrivelse"), QStringLiteral("description")},
        {QStringLiteral("begrunnelse"), QStringLiteral("status_reason")},
        {QStringLiteral("risikoeier"), QStringLiteral("owner")},
        {QStringLiteral("eier"), QStringLiteral("owner")},
        {QStringLiteral("vurdert av"), QStringLiteral("assessor")},
        {QStringLiteral("matriseversjon"), QStringLiteral("matrix_version")},
        {QStringLiteral("sannsynlighet"), QStringLiteral("likelihood")},
        {QStringLiteral("konsekvens"), QStringLiteral("consequence")},
        {QStringLiteral("restrisiko sannsynlighet"), QStringLiteral("residual_likelihood")},
        {QStringLiteral("restrisiko konsekvens"), QStringLiteral("residual_consequence")},
        {QStringLiteral("neste gjennomgang"), QStringLiteral("review_date")},
        {QStringLiteral("trussel"), QStringLiteral("threat_id")},
        {QStringLiteral("regel"), QStringLiteral("rule_id")},
        {QStringLiteral("element"), QStringLiteral("element_id")},
        {QStringLiteral("hendelser per år"), QStringLiteral("estimate_per_year")},
        {QStringLiteral("tap lav"), QStringLiteral("estimate_low")},
        {QStringLiteral("tap høy"), QStringLiteral("estimate_high")},
        {QStringLiteral("tiltak"), QStringLiteral("title")},
        {QStringLiteral("tiltak id"), QStringLiteral("id")},
        {QStringLiteral("risikoref"), QStringLiteral("risk_ref")},
        {QStringLiteral("ansvarlig"), QStringLiteral("owner")},
        {QStringLiteral("frist"), QStringLiteral("due")},
        {QStringLiteral("effekt sannsynlighet"), QStringLiteral("likelihood_effect")},
        {QStringLiteral("effekt konsekvens"), QStringLiteral("consequence_effect")},
    };
    return map;
}

std::vector<std::string> utf8(const QStringList& list) {
    std::vector<std::string> out;
    out.reserve(static_cast<std::size_t>(list.size()));
    for (const QString& s : list) out.push_back(s.toStdString());
    return out;
}

QStringList qt(const std::vector<std::string>& list) {
    QStringList out;
    out.reserve(static_cast<qsizetype>(list.size()));
    for (const auto& s : list) out << QString::fromStdString(s);
    return out;
}

bool blank(const QStringList& row) {
    return std::all_of(row.begin(), row.end(), [](const QString& c) { return c.trimmed().isEmpty(); });
}

// The header row mapped to keys; a header given twice or blank is an error naming its column.
Status mapHeader(Table& t, const QStringList& raw, const QString& where) {
    QSet<QString> seen;
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const QString key = canonicalColumn(raw[i]);
        if (key.isEmpty()) {
            if (i == raw.size() - 1) break;  // a trailing separator
            return fail(QStringLiteral("%1: column %2 has no header").arg(where).arg(i + 1).toStdString());
        }
        if (seen.contains(key)) return fail(QStringLiteral("%1: column '%2' is there twice").arg(where, raw[i].trimmed()).toStdString());
        seen.insert(key);
        t.header << key;
    }
    return {};
}

// A spreadsheet program runs a CSV cell that starts with = + - or @ as a formula (a title taken
// from a vendor's model could be "=HYPERLINK(…)"). Such a cell, and one that starts with the
// apostrophe itself, is written with an apostrophe before it, which the reader takes off again,
// so the text round-trips and is never run.
bool formulaLike(const QString& cell) {
    if (cell.isEmpty()) return false;
    const QChar c = cell.front();
    return c == QLatin1Char('=') || c == QLatin1Char('+') || c == QLatin1Char('-') || c == QLatin1Char('@') || c == QLatin1Char('\t') ||
           c == QLatin1Char('\r') || c == QLatin1Char('\'');
}

std::vector<std::string> csvCells(const QStringList& row) {
    std::vector<std::string> out;
    out.reserve(static_cast<std::size_t>(row.size()));
    for (const QString& cell : row) out.push_back((formulaLike(cell) ? QLatin1Char('\'') + cell : cell).toStdString());
    return out;
}

QStringList fromCsvCells(const std::vector<std::string>& fields) {
    QStringList out = qt(fields);
    for (QString& cell : out)
        if (cell.startsWith(QLatin1Char('\''))) cell.remove(0, 1);
    return out;
}

bool isCsv(const QString& path, const QString& format) {
    return format.isEmpty() ? path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive) : format == QLatin1String("csv");
}

}  // namespace

QStringList riskColumns() {
    return {QStringLiteral("ref"),
            QStringLiteral("service"),
            QStringLiteral("title"),
            QStringLiteral("description"),
            QStringLiteral("status"),
            QStringLiteral("status_reason"),
            QStringLiteral("owner"),
            QStringLiteral("assessor"),
            QStringLiteral("matrix_version"),
            QStringLiteral("likelihood"),
            QStringLiteral("consequence"),
            QStringLiteral("residual_likelihood"),
            QStringLiteral("residual_consequence"),
            QStringLiteral("review_date"),
            QStringLiteral("threat_id"),
            QStringLiteral("rule_id"),
            QStringLiteral("stride"),
            QStringLiteral("element_id"),
            QStringLiteral("estimate_per_year"),
            QStringLiteral("estimate_low"),
            QStringLiteral("estimate_high")};
}

QStringList measureColumns() {
    return {QStringLiteral("id"),    QStringLiteral("risk_ref"), QStringLiteral("title"),
            QStringLiteral("owner"), QStringLiteral("due"),      QStringLiteral("status"),
            QStringLiteral("likelihood_effect"), QStringLiteral("consequence_effect")};
}

QString canonicalColumn(const QString& header) {
    const QString key = header.trimmed().toLower();
    return aliases().value(key, key);
}

Result<double> parseAmount(const QString& text) {
    QString plain = text.trimmed();
    plain.remove(QLatin1Char(' ')).remove(QChar(0x00A0)).remove(QChar(0x202F));
    const auto commas = plain.count(QLatin1Char(','));
    if (commas > 1 || (commas == 1 && plain.contains(QLatin1Char('.'))))
        return fail("'" + text.toStdString() + "' has more than one separator; write 1500000 or 1 500 000");
    if (commas == 1) {
        const qsizetype at = plain.indexOf(QLatin1Char(','));
        // "0,125" is a decimal: a thousands group never follows a lone zero.
        const QString whole = plain.left(at);
        if (plain.size() - at - 1 == 3 && whole != QLatin1String("0") && whole != QLatin1String("-0"))
            return fail("'" + text.toStdString() + "' is ambiguous: thousands or decimals? write " + QString(plain).remove(QLatin1Char(',')).toStdString() +
                        " or use a point for decimals");
        plain[at] = QLatin1Char('.');
    }
    bool ok = false;
    const double v = plain.toDouble(&ok);
    if (!ok || !std::isfinite(v)) return fail("'" + text.toStdString() + "' is not a number");
    return v;
}

Result<RegisterTables> readRegisterFile(const QString& path, const QString& format) {
    constexpr qint64 kMaxBytes = 64ll << 20;
    auto read = [&](const QString& file) -> Result<QByteArray> {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly)) return fail(file.toStdString() + ": " + f.errorString().toStdString());
        if (f.size() > kMaxBytes) return fail(file.toStdString() + ": larger than 64 MiB");
        return f.read(kMaxBytes);
    };
    const QString name = QFileInfo(path).fileName();
    auto bytes = read(path);
    if (!bytes) return bytes.error();
    if (!isCsv(path, format)) return tablesFromXlsx(*bytes, name);
    RegisterTables tables;
    auto risks = tableFromCsv(*bytes, name, kRisksSheet);
    if (!risks) return risks.error();
    tables.risks = std::move(*risks);
    tables.measures.name = kMeasuresSheet;
    const QString measuresPath = measuresCsvPath(path);
    if (QFileInfo::exists(measuresPath)) {
        auto more = read(measuresPath);
        if (!more) return more.error();
        auto measures = tableFromCsv(*more, QFileInfo(measuresPath).fileName(), kMeasuresSheet);
        if (!measures) return measures.error();
        tables.measures = std::move(*measures);
    }
    return tables;
}

Status writeRegisterFile(const QString& path, const RegisterTables& tables, const QString& format) {
    auto write = [](const QString& file, const QByteArray& bytes) -> Status {
        QSaveFile f(file);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
            return fail(file.toStdString() + ": " + f.errorString().toStdString());
        return {};
    };
    if (!isCsv(path, format)) return write(path, tablesToXlsx(tables));
    // The byte order mark tells spreadsheet programs the file is UTF-8 (æ, ø, å).
    const QByteArray bom("\xEF\xBB\xBF");
    if (auto s = write(path, bom + tableToCsv(tables.risks)); !s) return s;
    return write(measuresCsvPath(path), bom + tableToCsv(tables.measures));
}

QString measuresCsvPath(const QString& risksPath) {
    QString base = risksPath;
    if (base.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)) base.chop(4);
    return base + QStringLiteral("-tiltak.csv");
}

QByteArray tableToCsv(const Table& table) {
    std::string out = csv::formatRecord(utf8(table.header));
    for (const auto& row : table.rows) out += csv::formatRecord(csvCells(row));
    return QByteArray::fromStdString(out);
}

Result<Table> tableFromCsv(const QByteArray& bytes, const QString& fileName, const QString& tableName) {
    // A spreadsheet's UTF-8 byte order mark is not part of the first header.
    std::string_view text(bytes.constData(), static_cast<std::size_t>(bytes.size()));
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    auto records = csv::parse(text);
    if (!records) return fail(fileName.toStdString() + ": " + records.message());
    Table t;
    t.name = tableName;
    if (records->empty()) return t;
    if (auto s = mapHeader(t, qt(records->front().fields), QStringLiteral("%1:%2").arg(fileName).arg(records->front().line)); !s)
        return s.error();
    for (std::size_t i = 1; i < records->size(); ++i) {
        QStringList row = fromCsvCells((*records)[i].fields);
        if (blank(row)) continue;
        t.rows << row;
        t.places << QStringLiteral("%1:%2").arg(fileName).arg((*records)[i].line);
    }
    return t;
}

QByteArray tablesToXlsx(const RegisterTables& tables) {
    xlsx::Workbook book;
    for (const Table* t : {&tables.risks, &tables.measures}) {
        xlsx::Sheet sheet;
        sheet.name = t->name.toStdString();
        sheet.rows.push_back(utf8(t->header));
        for (const auto& row : t->rows) sheet.rows.push_back(utf8(row));
        book.sheets.push_back(std::move(sheet));
    }
    return QByteArray::fromStdString(xlsx::write(book));
}

Result<RegisterTables> tablesFromXlsx(const QByteArray& bytes, const QString& fileName) {
    auto book = xlsx::read(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    if (!book) return fail(fileName.toStdString() + ": " + book.message());
    RegisterTables out;
    for (auto [name, target] : {std::pair{kRisksSheet, &out.risks}, std::pair{kMeasuresSheet, &out.measures}}) {
        target->name = name;
        const xlsx::Sheet* sheet = book->find(name.toStdString());
        // A workbook of one sheet under another name is a register someone kept elsewhere.
        if (!sheet && name == kRisksSheet && book->sheets.size() == 1) sheet = &book->sheets.front();
        if (!sheet) {
            if (name == kRisksSheet) return fail(QStringLiteral("%1: no sheet '%2'").arg(fileName, name).toStdString());
            continue;
        }
        const QString sheetName = QString::fromStdString(sheet->name);
        std::size_t first = 0;
        while (first < sheet->rows.size() && blank(qt(sheet->rows[first]))) ++first;
        if (first == sheet->rows.size()) continue;
        if (auto s = mapHeader(*target, qt(sheet->rows[first]), QStringLiteral("%1: sheet '%2' row %3").arg(fileName, sheetName).arg(first + 1)); !s)
            return s.error();
        for (std::size_t i = first + 1; i < sheet->rows.size(); ++i) {
            QStringList row = qt(sheet->rows[i]);
            if (blank(row)) continue;
            target->rows << row;
            target->places << QStringLiteral("%1: sheet '%2' row %3").arg(fileName, sheetName).arg(i + 1);
        }
    }
    return out;
}

}  // namespace vakt::risk
