#pragma once
// Times as the Store keeps them: ISO 8601 text in UTC, NULL for none. One spelling for every
// module, so times compare as text in SQL and read back the same.
#include <QDateTime>
#include <QVariant>

namespace vakt::stored {

inline QString iso(const QDateTime& t) { return t.toUTC().toString(Qt::ISODate); }
inline QDateTime fromIso(const QVariant& v) { return v.isNull() ? QDateTime() : QDateTime::fromString(v.toString(), Qt::ISODate); }
inline QVariant isoOrNull(const QDateTime& t) { return t.isValid() ? QVariant(iso(t)) : QVariant(); }

}  // namespace vakt::stored
