#include "riskmodel/matrix.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <set>

#include "core/base/json.h"

namespace vakt::risk {

namespace {

// The shortest text that reads back as the same double.
std::string shortest(double value) {
    char buffer[32];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    return std::string(buffer, end);
}

RiskMatrix makeDefault() {
    RiskMatrix m;
    m.name = "Standard 5 × 5";
    m.likelihood = {
        {{"Svært lite sannsynlig", "Very unlikely"}, {"Sjeldnere enn hvert 10. år", "Less often than every 10 years"}, 0.0},
        {{"Lite sannsynlig", "Unlikely"}, {"Hvert 3.–10. år", "Every 3 to 10 years"}, 0.1},
        {{"Mulig", "Possible"}, {"Hvert 1.–3. år", "Every 1 to 3 years"}, 1.0 / 3.0},
        {{"Sannsynlig", "Likely"}, {"Flere ganger i året", "Several times a year"}, 2.0},
        {{"Svært sannsynlig", "Very likely"}, {"Månedlig eller oftere", "Monthly or more often"}, 12.0},
    };
    m.consequence = {
        {{"Ubetydelig", "Insignificant"}, {}}, {{"Liten", "Minor"}, {}}, {{"Moderat", "Moderate"}, {}},
        {{"Alvorlig", "Serious"}, {}},         {{"Svært alvorlig", "Very serious"}, {}},
    };
    m.dimensions = {
        {"konfidensialitet", {"Konfidensialitet", "Confidentiality"}}, {"integritet", {"Integritet", "Integrity"}},
        {"tilgjengelighet", {"Tilgjengelighet", "Availability"}},     {"personvern", {"Personvern", "Privacy"}},
        {"okonomi", {"Økonomi", "Finances"}},                          {"omdomme", {"Omdømme", "Reputation"}},
        {"liv_og_helse", {"Liv og helse", "Life and health"}},
    };
    m.levels = {
        {"low", {"Lav", "Low"}, "#c8e6c9", true, {"Akseptabel; følges opp ved neste ROS", "Acceptable; followed up at the next ROS"}},
        {"medium", {"Middels", "Medium"}, "#fff59d", true,
         {"Akseptabel når tiltak er vurdert; risikoeier kjenner den", "Acceptable once measures are considered; known to the risk owner"}},
        {"high", {"Høy", "High"}, "#ffcc80", false,
         {"Ikke akseptabel: tiltak, eller aksept signert av risikoeier med utløpsdato",
          "Not acceptable: measures, or acceptance signed by the risk owner with an expiry"}},
        {"critical", {"Kritisk", "Critical"}, "#ef9a9a", false,
         {"Ikke akseptabel: tiltak straks; aksept bare av risikoeier, kort varighet",
          "Not acceptable: measures at once; acceptance by the risk owner only, for a short time"}},
    };
    m.cells.assign(5, std::vector<int>(5, 0));
    for (int l = 1; l <= 5; ++l)
        for (int c = 1; c <= 5; ++c) m.cells[static_cast<std::size_t>(l - 1)][static_cast<std::size_t>(c - 1)] = static_cast<int>(defaultLevel(l, c));
    return m;
}

class Reader {
public:
    explicit Reader(std::string file) : file_(std::move(file)) {}
    Error at(const json::Value& v, const std::string& field, const std::string& why) const {
        return fail(file_ + ":" + std::to_string(v.line) + ": field '" + field + "': " + why);
    }
    Result<const json::Value*> member(const json::Value& obj, const char* key, const std::string& where, json::Value::Type type) const {
        const json::Value* v = obj.find(key);
        const std::string field = where.empty() ? key : where + "." + key;
        if (!v) return at(obj, field, "missing");
        if (v->type != type) return at(*v, field, std::string("expected ") + json::typeName(type));
        return v;
    }
    Result<std::string> text(const json::Value& obj, const char* key, const std::string& where, bool required = true) const {
        if (!required && !obj.find(key)) return std::string();
        auto v = member(obj, key, where, json::Value::Type::String);
        if (!v) return v.error();
        return (*v)->text;
    }
    Result<LocalText> local(const json::Value& obj, const std::string& where, bool required = true) const {
        auto nb = text(obj, "nb", where, required);
        if (!nb) return nb.error();
        auto en = text(obj, "en", where, required);
        if (!en) return en.error();
        return LocalText{*nb, *en};
    }

private:
    std::string file_;
};

}  // namespace

const RiskMatrix& defaultMatrix() {
    static const RiskMatrix m = makeDefault();
    return m;
}

const MatrixLevel* RiskMatrix::levelOf(int l, int c) const {
    const int s = severity(l, c);
    return s < 0 ? nullptr : &levels[static_cast<std::size_t>(s)];
}

int RiskMatrix::severity(int l, int c) const {
    if (l < 1 || c < 1 || l > static_cast<int>(cells.size()) || c > static_cast<int>(consequence.size())) return -1;
    return cells[static_cast<std::size_t>(l - 1)][static_cast<std::size_t>(c - 1)];
}

bool RiskMatrix::acceptable(int l, int c) const {
    const MatrixLevel* level = levelOf(l, c);
    return level && level->acceptable;
}

const MatrixDimension* RiskMatrix::dimension(std::string_view key) const {
    const auto it = std::find_if(dimensions.begin(), dimensions.end(), [&](const MatrixDimension& d) { return d.key == key; });
    return it == dimensions.end() ? nullptr : &*it;
}

std::optional<int> RiskMatrix::likelihoodOf(double perYear) const {
    if (likelihood.empty() || likelihood.front().perYear < 0) return std::nullopt;
    int band = 1;
    for (std::size_t i = 0; i < likelihood.size(); ++i)
        if (perYear >= likelihood[i].perYear) band = static_cast<int>(i) + 1;
    return band;
}

Result<RiskMatrix> parseMatrix(std::string_view text, const std::string& fileName) {
    auto parsed = json::parse(text);
    if (!parsed) return fail(fileName + ":" + parsed.message());
    const json::Value& root = *parsed;
    const Reader r(fileName);
    if (!root.isObject()) return r.at(root, "", "expected an object");
    RiskMatrix m;
    auto name = r.text(root, "name", "");
    if (!name) return name.error();
    m.name = *name;
    for (auto [key, target] : {std::pair{"likelihood", &m.likelihood}, std::pair{"consequence", &m.consequence}}) {
        auto list = r.member(root, key, "", json::Value::Type::Array);
        if (!list) return list.error();
        if ((*list)->items.size() < 2 || (*list)->items.size() > 10) return r.at(**list, key, "expected 2 to 10 bands");
        for (std::size_t i = 0; i < (*list)->items.size(); ++i) {
            const auto& item = (*list)->items[i];
            const std::string where = std::string(key) + "[" + std::to_string(i) + "]";
            if (!item.isObject()) return r.at(item, where, "expected an object");
            auto label = r.local(item, where);
            if (!label) return label.error();
            MatrixBand band{*label, {}, -1};
            if (const auto* f = item.find("frequency")) {
                if (!f->isObject()) return r.at(*f, where + ".frequency", "expected an object with nb and en");
                auto freq = r.local(*f, where + ".frequency");
                if (!freq) return freq.error();
                band.frequency = *freq;
            }
            if (const auto* p = item.find("per_year")) {
                if (key != std::string_view("likelihood")) return r.at(*p, where + ".per_year", "only likelihood bands have a frequency");
                if (!p->isNumber() || !std::isfinite(p->number) || p->number < 0 || p->number > 1e6)
                    return r.at(*p, where + ".per_year", "expected events per year, 0 to 1000000");
                if (!target->empty() && p->number <= target->back().perYear)
                    return r.at(*p, where + ".per_year", "each band starts at a higher frequency than the one below it");
                band.perYear = p->number;
            }
            target->push_back(std::move(band));
        }
    }
    const auto withFrequency = std::count_if(m.likelihood.begin(), m.likelihood.end(), [](const MatrixBand& b) { return b.perYear >= 0; });
    if (withFrequency != 0 && withFrequency != static_cast<long>(m.likelihood.size()))
        return r.at(root, "likelihood", "per_year on every likelihood band or on none");
    if (m.likelihood.size() != m.consequence.size())
        return r.at(root, "consequence", "as many consequence levels as likelihood bands (a square matrix)");
    auto dims = r.member(root, "dimensions", "", json::Value::Type::Array);
    if (!dims) return dims.error();
    std::set<std::string> seen;
    for (std::size_t i = 0; i < (*dims)->items.size(); ++i) {
        const auto& item = (*dims)->items[i];
        const std::string where = "dimensions[" + std::to_string(i) + "]";
        auto key = r.text(item, "key", where);
        if (!key) return key.error();
        if (!seen.insert(*key).second) return r.at(item, where + ".key", "'" + *key + "' is there twice");
        auto label = r.local(item, where);
        if (!label) return label.error();
        m.dimensions.push_back({*key, *label});
    }
    if (m.dimensions.empty()) return r.at(**dims, "dimensions", "at least one dimension");
    auto levels = r.member(root, "levels", "", json::Value::Type::Array);
    if (!levels) return levels.error();
    seen.clear();
    for (std::size_t i = 0; i < (*levels)->items.size(); ++i) {
        const auto& item = (*levels)->items[i];
        const std::string where = "levels[" + std::to_string(i) + "]";
        auto key = r.text(item, "key", where);
        if (!key) return key.error();
        if (!seen.insert(*key).second) return r.at(item, where + ".key", "'" + *key + "' is there twice");
        auto label = r.local(item, where);
        if (!label) return label.error();
        auto colour = r.text(item, "colour", where);
        if (!colour) return colour.error();
        if (colour->size() != 7 || (*colour)[0] != '#' ||
            !std::all_of(colour->begin() + 1, colour->end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); }))
            return r.at(*item.find("colour"), where + ".colour", "expected #rrggbb");
        auto acceptable = r.member(item, "acceptable", where, json::Value::Type::Bool);
        if (!acceptable) return acceptable.error();
        MatrixLevel level{*key, *label, *colour, (*acceptable)->boolean, {}};
        if (const auto* c = item.find("criteria")) {
            auto criteria = r.local(*c, where + ".criteria");
            if (!criteria) return criteria.error();
            level.criteria = *criteria;
        }
        m.levels.push_back(std::move(level));
    }
    if (m.levels.empty()) return r.at(**levels, "levels", "at least one level");
    auto cells = r.member(root, "cells", "", json::Value::Type::Array);
    if (!cells) return cells.error();
    if ((*cells)->items.size() != m.likelihood.size()) return r.at(**cells, "cells", "one row per likelihood band");
    for (std::size_t l = 0; l < (*cells)->items.size(); ++l) {
        const auto& row = (*cells)->items[l];
        const std::string where = "cells[" + std::to_string(l) + "]";
        if (!row.isArray() || row.items.size() != m.consequence.size()) return r.at(row, where, "one level key per consequence level");
        std::vector<int> out;
        for (const auto& cell : row.items) {
            const auto it = std::find_if(m.levels.begin(), m.levels.end(), [&](const MatrixLevel& x) { return x.key == cell.text; });
            if (!cell.isString() || it == m.levels.end()) return r.at(cell, where, "'" + cell.text + "' is not one of the levels");
            out.push_back(static_cast<int>(it - m.levels.begin()));
        }
        m.cells.push_back(std::move(out));
    }
    return m;
}

std::string matrixJson(const RiskMatrix& m) {
    auto local = [](const LocalText& t) { return "{\"nb\": " + json::quote(t.nb) + ", \"en\": " + json::quote(t.en) + "}"; };
    std::string out = "{\n  \"name\": " + json::quote(m.name) + ",\n";
    for (auto [key, bands] : {std::pair{"likelihood", &m.likelihood}, std::pair{"consequence", &m.consequence}}) {
        out += std::string("  \"") + key + "\": [";
        for (std::size_t i = 0; i < bands->size(); ++i) {
            const auto& b = (*bands)[i];
            out += (i ? ",\n    " : "\n    ") + std::string("{\"nb\": ") + json::quote(b.label.nb) + ", \"en\": " + json::quote(b.label.en);
            if (!b.frequency.nb.empty() || !b.frequency.en.empty()) out += ", \"frequency\": " + local(b.frequency);
            if (b.perYear >= 0) out += ", \"per_year\": " + shortest(b.perYear);
            out += "}";
        }
        out += "],\n";
    }
    out += "  \"dimensions\": [";
    for (std::size_t i = 0; i < m.dimensions.size(); ++i)
        out += (i ? ",\n    " : "\n    ") + std::string("{\"key\": ") + json::quote(m.dimensions[i].key) + ", \"nb\": " +
               json::quote(m.dimensions[i].label.nb) + ", \"en\": " + json::quote(m.dimensions[i].label.en) + "}";
    out += "],\n  \"levels\": [";
    for (std::size_t i = 0; i < m.levels.size(); ++i) {
        const auto& l = m.levels[i];
        out += (i ? ",\n    " : "\n    ") + std::string("{\"key\": ") + json::quote(l.key) + ", \"nb\": " + json::quote(l.label.nb) +
               ", \"en\": " + json::quote(l.label.en) + ", \"colour\": " + json::quote(l.colour) +
               ", \"acceptable\": " + (l.acceptable ? "true" : "false") + ", \"criteria\": " + local(l.criteria) + "}";
    }
    out += "],\n  \"cells\": [";
    for (std::size_t r = 0; r < m.cells.size(); ++r) {
        out += r ? ",\n    [" : "\n    [";
        for (std::size_t c = 0; c < m.cells[r].size(); ++c)
            out += (c ? ", " : "") + json::quote(m.levels[static_cast<std::size_t>(m.cells[r][c])].key);
        out += "]";
    }
    return out + "]\n}\n";
}

std::pair<int, int> mapScore(const RiskMatrix& from, const RiskMatrix& to, int likelihood, int consequence) {
    auto scale = [](int value, int oldSize, int newSize) {
        if (oldSize <= 1 || newSize <= 1) return 1;
        const double position = static_cast<double>(value - 1) / (oldSize - 1);
        return std::clamp(static_cast<int>(std::lround(position * (newSize - 1))) + 1, 1, newSize);
    };
    return {scale(likelihood, from.size(), to.size()),
            scale(consequence, static_cast<int>(from.consequence.size()), static_cast<int>(to.consequence.size()))};
}

}  // namespace vakt::risk
