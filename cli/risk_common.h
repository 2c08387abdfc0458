#pragma once
// What the `vakt risk` command files share: option readers and the handlers of the register's
// import, export, evidence, estimates and stories (cli/risk_register_command.cpp).
#include <QDate>
#include <QMap>
#include <QString>
#include <string>

#include "cli/args.h"
#include "cli/command.h"
#include "collector/audit/keys.h"

namespace vakt::cli {

inline QString q(const std::string& s) { return QString::fromStdString(s); }
inline QString padded(const QString& s, int width) { return s.leftJustified(width); }

inline QDate dateOption(Args& a, const QString& name) {
    const auto text = a.option(name);
    if (!text) return {};
    const QDate d = QDate::fromString(*text, Qt::ISODate);
    if (!d.isValid()) throw UsageError((name + " takes a date as 2026-12-31, not '" + *text + "'").toStdString());
    return d;
}

inline int intOption(Args& a, const QString& name, int fallback, int min, int max) {
    const auto text = a.option(name);
    if (!text) return fallback;
    bool ok = false;
    const int v = text->toInt(&ok);
    if (!ok || v < min || v > max) throw UsageError((name + QStringLiteral(" must be a whole number from %1 to %2").arg(min).arg(max)).toStdString());
    return v;
}

inline QString requiredText(Args& a, const QString& name) {
    const auto text = a.option(name);
    if (!text || text->trimmed().isEmpty()) throw UsageError((name + " is required").toStdString());
    return *text;
}

// "konfidensialitet=4,personvern=3": the matrix's dimensions and a value for each.
inline QMap<QString, int> consequencesOption(Args& a, const QString& name) {
    const QString text = requiredText(a, name);
    QMap<QString, int> consequences;
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const auto pair = part.split(QLatin1Char('='));
        bool ok = false;
        const int value = pair.size() == 2 ? pair[1].toInt(&ok) : 0;
        if (!ok) throw UsageError((name + " takes DIMENSION=N, not '" + part + "'").toStdString());
        consequences[pair[0].trimmed()] = value;
    }
    return consequences;
}

// Opens the database the command needs; kOk or kFailure (with the reason printed).
inline int connected(Context& ctx) {
    ctx.requireDatabase();
    if (auto s = ctx.connect(); !s) return failWith(s.message());
    return kOk;
}

int evidenceCommand(Context& ctx, Args& a);
int suggestionsCommand(Context& ctx, Args& a);
int suggestionCommand(Context& ctx, Args& a);
int estimateCommand(Context& ctx, Args& a);
int lossesCommand(Context& ctx, Args& a);
int exportCommand(Context& ctx, Args& a);
int importCommand(Context& ctx, Args& a);
int storiesCommand(Context& ctx, Args& a);
int templateCommand(Context& ctx, Args& a);

// The department's key directory (--keys), when the command was given one.
inline std::optional<audit::LedgerKeys> keysOf(Context& ctx, bool required) {
    if (ctx.globals().keys.isEmpty()) {
        if (required) throw UsageError("give the key directory: --keys DIR (or VAKT_KEYS)");
        return std::nullopt;
    }
    auto keys = audit::LedgerKeys::load(ctx.globals().keys);
    if (!keys) throw UsageError(keys.message());
    return std::move(*keys);
}

}  // namespace vakt::cli
