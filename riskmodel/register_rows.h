#pragma once
// How the register's rows hold times, dates and text; shared by the register's source files.
#include <QDate>
#include <QDateTime>
#include <QString>
#include <QVariant>
#include <string>

namespace vakt::risk {
namespace {
inline QString iso(const QDateTime& t) { return t.toUTC().toString(Qt::ISODate); }
inline QDateTime fromIso(const QVariant& v) { return v.isNull() ? QDateTime() : QDateTime::fromString(v.toString(), Qt::ISODate); }
inline QDate dateOf(const QVariant& v) { return v.isNull() ? QDate() : QDate::fromString(v.toString(), Qt::ISODate); }
inline QString q(const std::string& s) { return QString::fromStdString(s); }
}  // namespace
}  // namespace vakt::risk
