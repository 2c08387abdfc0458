#pragma once
// The platform's wall clock: opening hours, change windows and freeze periods are Norwegian
// local times. The plain-C++ algorithms count in "civil minutes" (a local time counted as if it
// were UTC); these convert at the edge, daylight saving included.
#include <QDateTime>
#include <QTimeZone>
#include <chrono>

namespace vakt {

using CivilMinutes = std::chrono::sys_time<std::chrono::minutes>;

QTimeZone platformZone();  // Europe/Oslo
CivilMinutes toCivilMinutes(const QDateTime& at);
// A local time that does not exist (the hour skipped in spring) moves forward, as Qt does.
QDateTime fromCivilMinutes(CivilMinutes civil);

}  // namespace vakt
