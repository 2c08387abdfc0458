#include "core/catalog_io.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <functional>

#include "core/base/csv.h"
#include "core/base/json.h"

namespace vakt {

namespace {

QString dateText(const QDate& d) { return d.isValid() ? d.toString(Qt::ISODate) : QString(); }

QString documentToCell(const CatalogDocument& d) {
    return QStringList{d.kind, d.title, d.version, dateText(d.date), d.location}.join(QStringLiteral(" | "));
}
QString roleToCell(const CatalogRole& r) { return QStringList{r.team, r.role, r.personEmail}.join(QStringLiteral(" | ")); }

const QStringList& jsonFields() {
    static const QStringList fields = {"key", "name", "kind", "lifecycle", "established_year", "last_reviewed",
                                       "product_owner", "goal", "background", "expected_use", "description",
                                       "special_terms", "depends_on", "national_components", "roles", "documents"};
    return fields;
}

std::string place(const QString& file, int line) { return file.toStdString() + ":" + std::to_string(line); }

Result<QDate> parseDate(const QString& text, const std::string& where, const char* field) {
    if (text.isEmpty()) return QDate();
    QDate d = QDate::fromString(text, Qt::ISODate);
    if (!d.isValid() || text.size() != 10)
        return fail(where + ": field '" + field + "': '" + text.toStdString() + "' is not a date (YYYY-MM-DD)");
    return d;
}

}  // namespace

QStringList catalogCsvColumns() { return jsonFields(); }

QJsonObject catalogEntryToJson(const CatalogEntry& e) {
    QJsonObject o;
    o["key"] = e.key;
    o["name"] = e.name;
    o["kind"] = e.kind;
    o["lifecycle"] = e.lifecycle;
    o["established_year"] = e.establishedYear;
    o["last_reviewed"] = e.lastReviewed.isValid() ? QJsonValue(dateText(e.lastReviewed)) : QJsonValue();
    o["product_owner"] = e.productOwnerEmail.isEmpty() ? QJsonValue() : QJsonValue(e.productOwnerEmail);
    o["goal"] = e.goal;
    o["background"] = e.background;
    o["expected_use"] = e.expectedUse;
    o["description"] = e.description;
    o["special_terms"] = e.specialTerms;
    o["depends_on"] = QJsonArray::fromStringList(e.dependsOn);
    o["national_components"] = QJsonArray::fromStringList(e.nationalComponents);
    QJsonArray roles;
    for (const auto& r : e.roles) roles.append(QJsonObject{{"team", r.team}, {"role", r.role}, {"person", r.personEmail}});
    o["roles"] = roles;
    QJsonArray docs;
    for (const auto& d : e.documents)
        docs.append(QJsonObject{{"kind", d.kind},
                                {"title", d.title},
                                {"version", d.version},
                                {"date", d.date.isValid() ? QJsonValue(dateText(d.date)) : QJsonValue()},
                                {"location", d.location}});
    o["documents"] = docs;
    return o;
}

QByteArray catalogToJson(const QList<CatalogEntry>& entries) {
    QJsonArray arr;
    for (const auto& e : entries) arr.append(catalogEntryToJson(e));
    return QJsonDocument(arr).toJson(QJsonDocument::Indented);
}

namespace {
// A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a formula,
// so such a cell is written with a leading apostrophe, as spreadsheets themselves do; a cell
// that starts with an apostrophe gets one more. Import removes one leading apostrophe, so every
// value survives the round trip.
std::string spreadsheetSafe(const QString& cell) {
    static const QString kActive = QStringLiteral("=+-@\t\r'");
    std::string out = cell.toStdString();
    if (!cell.isEmpty() && kActive.contains(cell.front())) out.insert(out.begin(), '\'');
    return out;
}
QString fromSpreadsheetSafe(const std::string& cell) {
    return QString::fromStdString(!cell.empty() && cell.front() == '\'' ? cell.substr(1) : cell);
}
}  // namespace

QByteArray catalogToCsv(const QList<CatalogEntry>& entries) {
    std::string out;
    std::vector<std::string> header;
    for (const auto& c : jsonFields()) header.push_back(c.toStdString());
    out += csv::formatRecord(header);
    for (const auto& e : entries) {
        QStringList roles, docs;
        for (const auto& r : e.roles) roles << roleToCell(r);
        for (const auto& d : e.documents) docs << documentToCell(d);
        QStringList row = {e.key, e.name, e.kind, e.lifecycle,
                           e.establishedYear ? QString::number(e.establishedYear) : QString(), dateText(e.lastReviewed),
                           e.productOwnerEmail, e.goal, e.background, e.expectedUse, e.description, e.specialTerms,
                           e.dependsOn.join('\n'), e.nationalComponents.join('\n'), roles.join('\n'), docs.join('\n')};
        std::vector<std::string> fields;
        for (const auto& f : row) fields.push_back(spreadsheetSafe(f));
        out += csv::formatRecord(fields);
    }
    return QByteArray::fromStdString(out);
}

Status validateCatalogEntry(const CatalogEntry& e) {
    static const QRegularExpression keyPattern(QStringLiteral("^[a-z0-9][a-z0-9-]{0,62}$"));
    static const QRegularExpression emailPattern(QStringLiteral("^[^@\\s|]+@[^@\\s|]+\\.[^@\\s|]+$"));
    auto bad = [](const char* field, const std::string& why) { return fail(std::string("field '") + field + "': " + why); };
    if (!keyPattern.match(e.key).hasMatch())
        return bad("key", "'" + e.key.toStdString() + "' must be 1-63 lower-case letters, digits or '-'");
    if (e.name.trimmed().isEmpty()) return bad("name", "must not be empty");
    if (e.name.size() > 200) return bad("name", "longer than 200 characters");
    if (!EntryKind::all().contains(e.kind))
        return bad("kind", "'" + e.kind.toStdString() + "' is not one of " + EntryKind::all().join(", ").toStdString());
    if (!Lifecycle::all().contains(e.lifecycle))
        return bad("lifecycle", "'" + e.lifecycle.toStdString() + "' is not one of " + Lifecycle::all().join(", ").toStdString());
    if (e.establishedYear != 0 && (e.establishedYear < 1990 || e.establishedYear > 2100))
        return bad("established_year", std::to_string(e.establishedYear) + " is not a year between 1990 and 2100");
    for (const auto* text : {&e.goal, &e.background, &e.expectedUse, &e.description, &e.specialTerms})
        if (text->size() > 20000) return fail("a text field is longer than 20000 characters");
    if (!e.productOwnerEmail.isEmpty() && !emailPattern.match(e.productOwnerEmail).hasMatch())
        return bad("product_owner", "'" + e.productOwnerEmail.toStdString() + "' is not an e-mail address");
    for (const auto& dep : e.dependsOn) {
        if (dep == e.key) return bad("depends_on", "an entry cannot depend on itself");
        if (!keyPattern.match(dep).hasMatch()) return bad("depends_on", "'" + dep.toStdString() + "' is not a catalogue key");
    }
    if (QStringList unique = e.dependsOn; unique.removeDuplicates() != 0) return bad("depends_on", "lists the same entry twice");
    for (const auto& r : e.roles) {
        if (!Team::all().contains(r.team))
            return bad("roles", "team '" + r.team.toStdString() + "' is not one of " + Team::all().join(", ").toStdString());
        if (r.role.trimmed().isEmpty() || r.role.contains('|') || r.role.contains('\n'))
            return bad("roles", "a role needs a name without '|' or line breaks");
        if (!emailPattern.match(r.personEmail).hasMatch())
            return bad("roles", "'" + r.personEmail.toStdString() + "' is not an e-mail address");
    }
    for (const auto& d : e.documents) {
        if (!DocumentKind::all().contains(d.kind))
            return bad("documents", "kind '" + d.kind.toStdString() + "' is not one of " + DocumentKind::all().join(", ").toStdString());
        if (d.title.trimmed().isEmpty()) return bad("documents", "a document needs a title");
        for (const auto* t : {&d.title, &d.version, &d.location})
            if (t->contains('|') || t->contains('\n')) return bad("documents", "'|' and line breaks are not allowed in document fields");
    }
    return {};
}

Result<QList<ImportedEntry>> catalogFromJson(std::string_view text, const QString& fileName) {
    auto doc = json::parse(text);
    if (!doc) return fail(fileName.toStdString() + ":" + doc.message());
    const json::Value& root = *doc;
    if (!root.isArray()) return fail(place(fileName, root.line) + ": expected an array of catalogue entries");

    QList<ImportedEntry> out;
    for (const auto& item : root.items) {
        const std::string at = place(fileName, item.line);
        if (!item.isObject()) return fail(at + ": expected an object for a catalogue entry, found " + json::typeName(item.type));
        ImportedEntry imported;
        imported.line = item.line;
        CatalogEntry& e = imported.entry;

        auto fieldError = [&](const json::Value& v, const std::string& field, const std::string& why) {
            return fail(place(fileName, v.line) + ": field '" + field + "': " + why);
        };
        // Reads an optional string (null or absent means empty).
        auto str = [&](const json::Value& obj, const char* field, QString& target) -> Status {
            const json::Value* v = obj.find(field);
            if (!v || v->isNull()) return {};
            if (!v->isString()) return fieldError(*v, field, std::string("expected a string, found ") + json::typeName(v->type));
            target = QString::fromStdString(v->text);
            return {};
        };
        auto strList = [&](const char* field, QStringList& target) -> Status {
            const json::Value* v = item.find(field);
            if (!v || v->isNull()) return {};
            if (!v->isArray()) return fieldError(*v, field, "expected an array of strings");
            for (const auto& s : v->items) {
                if (!s.isString()) return fieldError(s, field, "expected an array of strings");
                target << QString::fromStdString(s.text);
            }
            return {};
        };
        auto date = [&](const json::Value& obj, const char* field, QDate& target) -> Status {
            QString s;
            if (auto st = str(obj, field, s); !st) return st;
            const json::Value* v = obj.find(field);
            auto d = parseDate(s, place(fileName, v ? v->line : obj.line), field);
            if (!d) return d.error();
            target = *d;
            return {};
        };

        for (const auto& [name, value] : item.members)
            if (!jsonFields().contains(QString::fromStdString(name)))
                return fieldError(value, name, "unknown field (known: " + jsonFields().join(", ").toStdString() + ")");
        const json::Value* keyValue = item.find("key");
        if (!keyValue) return fail(at + ": field 'key': required");

        std::vector<std::function<Status()>> steps = {
            [&] { return str(item, "key", e.key); },
            [&] { return str(item, "name", e.name); },
            [&] { return str(item, "kind", e.kind); },
            [&] { return str(item, "lifecycle", e.lifecycle); },
            [&] { return date(item, "last_reviewed", e.lastReviewed); },
            [&] { return str(item, "product_owner", e.productOwnerEmail); },
            [&] { return str(item, "goal", e.goal); },
            [&] { return str(item, "background", e.background); },
            [&] { return str(item, "expected_use", e.expectedUse); },
            [&] { return str(item, "description", e.description); },
            [&] { return str(item, "special_terms", e.specialTerms); },
            [&] { return strList("depends_on", e.dependsOn); },
            [&] { return strList("national_components", e.nationalComponents); },
        };
        for (auto& step : steps)
            if (auto s = step(); !s) return s.error();

        if (const json::Value* y = item.find("established_year"); y && !y->isNull()) {
            if (!y->isNumber() || y->number != static_cast<int>(y->number))
                return fieldError(*y, "established_year", "expected a whole number");
            e.establishedYear = static_cast<int>(y->number);
        }
        if (const json::Value* roles = item.find("roles"); roles && !roles->isNull()) {
            if (!roles->isArray()) return fieldError(*roles, "roles", "expected an array of objects");
            for (const auto& r : roles->items) {
                if (!r.isObject()) return fieldError(r, "roles", "expected an object {team, role, person}");
                for (const auto& [name, value] : r.members)
                    if (name != "team" && name != "role" && name != "person")
                        return fieldError(value, "roles." + name, "unknown field (known: team, role, person)");
                CatalogRole role;
                for (auto s : {str(r, "team", role.team), str(r, "role", role.role), str(r, "person", role.personEmail)})
                    if (!s) return s.error();
                e.roles << role;
            }
        }
        if (const json::Value* docs = item.find("documents"); docs && !docs->isNull()) {
            if (!docs->isArray()) return fieldError(*docs, "documents", "expected an array of objects");
            for (const auto& d : docs->items) {
                if (!d.isObject()) return fieldError(d, "documents", "expected an object {kind, title, version, date, location}");
                for (const auto& [name, value] : d.members)
                    if (name != "kind" && name != "title" && name != "version" && name != "date" && name != "location")
                        return fieldError(value, "documents." + name, "unknown field (known: kind, title, version, date, location)");
                CatalogDocument document;
                for (auto s : {str(d, "kind", document.kind), str(d, "title", document.title), str(d, "version", document.version),
                               date(d, "date", document.date), str(d, "location", document.location)})
                    if (!s) return s.error();
                e.documents << document;
            }
        }
        if (auto s = validateCatalogEntry(e); !s) return fail(at + " (entry '" + e.key.toStdString() + "'): " + s.message());
        out << imported;
    }
    return out;
}

Result<QList<ImportedEntry>> catalogFromCsv(std::string_view text, const QString& fileName) {
    auto parsed = csv::parse(text);
    if (!parsed) return fail(fileName.toStdString() + ":" + parsed.message());
    const auto& records = *parsed;
    if (records.empty()) return fail(fileName.toStdString() + ":1: empty file: expected a header line");

    // Columns are found by name, so a spreadsheet may reorder them or leave optional ones out.
    std::vector<int> columnOf(static_cast<std::size_t>(jsonFields().size()), -1);
    const auto& header = records.front();
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
        const QString name = QString::fromStdString(header.fields[i]).trimmed();
        const auto idx = jsonFields().indexOf(name);
        if (idx < 0)
            return fail(place(fileName, header.line) + ": column '" + name.toStdString() + "': unknown column (known: " +
                        jsonFields().join(", ").toStdString() + ")");
        if (columnOf[static_cast<std::size_t>(idx)] >= 0)
            return fail(place(fileName, header.line) + ": column '" + name.toStdString() + "': appears twice");
        columnOf[static_cast<std::size_t>(idx)] = static_cast<int>(i);
    }
    for (const char* required : {"key", "name"})
        if (columnOf[static_cast<std::size_t>(jsonFields().indexOf(required))] < 0)
            return fail(place(fileName, header.line) + ": column '" + required + "': required");

    QList<ImportedEntry> out;
    for (std::size_t r = 1; r < records.size(); ++r) {
        const auto& rec = records[r];
        const std::string at = place(fileName, rec.line);
        if (rec.fields.size() != header.fields.size())
            return fail(at + ": expected " + std::to_string(header.fields.size()) + " fields, found " + std::to_string(rec.fields.size()));
        auto cell = [&](const char* column) {
            int c = columnOf[static_cast<std::size_t>(jsonFields().indexOf(column))];
            return c < 0 ? QString() : fromSpreadsheetSafe(rec.fields[static_cast<std::size_t>(c)]);
        };
        auto lines = [&](const char* column) {
            QStringList items;
            for (const auto& l : cell(column).split('\n'))
                if (!l.trimmed().isEmpty()) items << l.trimmed();
            return items;
        };
        auto subfields = [](const QString& item) {
            QStringList parts;
            for (const auto& p : item.split('|')) parts << p.trimmed();
            return parts;
        };
        ImportedEntry imported;
        imported.line = rec.line;
        CatalogEntry& e = imported.entry;
        e.key = cell("key").trimmed();
        e.name = cell("name").trimmed();
        if (!cell("kind").isEmpty()) e.kind = cell("kind").trimmed();
        if (!cell("lifecycle").isEmpty()) e.lifecycle = cell("lifecycle").trimmed();
        if (const QString y = cell("established_year").trimmed(); !y.isEmpty()) {
            bool ok = false;
            e.establishedYear = y.toInt(&ok);
            if (!ok) return fail(at + ": field 'established_year': '" + y.toStdString() + "' is not a whole number");
        }
        auto reviewed = parseDate(cell("last_reviewed").trimmed(), at, "last_reviewed");
        if (!reviewed) return reviewed.error();
        e.lastReviewed = *reviewed;
        e.productOwnerEmail = cell("product_owner").trimmed();
        e.goal = cell("goal");
        e.background = cell("background");
        e.expectedUse = cell("expected_use");
        e.description = cell("description");
        e.specialTerms = cell("special_terms");
        e.dependsOn = lines("depends_on");
        e.nationalComponents = lines("national_components");
        for (const auto& item : lines("roles")) {
            const QStringList p = subfields(item);
            if (p.size() != 3) return fail(at + ": field 'roles': '" + item.toStdString() + "' must be 'team | role | e-mail'");
            e.roles << CatalogRole{p[0], p[1], p[2]};
        }
        for (const auto& item : lines("documents")) {
            const QStringList p = subfields(item);
            if (p.size() != 5)
                return fail(at + ": field 'documents': '" + item.toStdString() + "' must be 'kind | title | version | date | location'");
            auto d = parseDate(p[3], at, "documents");
            if (!d) return d.error();
            e.documents << CatalogDocument{p[0], p[1], p[2], *d, p[4]};
        }
        if (auto s = validateCatalogEntry(e); !s) return fail(at + " (entry '" + e.key.toStdString() + "'): " + s.message());
        out << imported;
    }
    return out;
}

}  // namespace vakt
