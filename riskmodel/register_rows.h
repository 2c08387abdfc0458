#pragma once
// How the register's rows hold times, dates and text; shared by the register's source files.
#include <QDate>
#include <QDateTime>
#include <QString>
#include <QVariant>
#include <string>

#include "core/stored_time.h"

namespace vakt::risk {
namespace {
using stored::iso;
using stored::fromIso;
inline QDate dateOf(const QVariant& v) { return v.isNull() ? QDate() : QDate::fromString(v.toString(), Qt::ISODate); }
inline QString q(const std::string& s) { return QString::fromStdString(s); }
}  // namespace
}  // namespace vakt::risk
