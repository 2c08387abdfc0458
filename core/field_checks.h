#pragma once
// The checks every module's service makes on a field, with the field named in the message.
#include <QString>
#include <QStringList>
#include <string>

#include "core/base/result.h"

namespace vakt {

inline Status checkLength(const QString& text, qsizetype max, const char* field) {
    if (text.size() > max) return fail(std::string("field '") + field + "': at most " + std::to_string(max) + " characters");
    return {};
}

// One of the codes a field allows; the message lists them.
inline Status checkCode(const QString& value, const QStringList& allowed, const char* field) {
    if (allowed.contains(value)) return {};
    return fail(std::string("field '") + field + "': '" + value.left(40).toStdString() + "' is not one of " + allowed.join(QStringLiteral(", ")).toStdString());
}

}  // namespace vakt
