#include "core/civil_time.h"

namespace vakt {

QTimeZone platformZone() {
    static const QTimeZone oslo("Europe/Oslo");
    return oslo;
}

CivilMinutes toCivilMinutes(const QDateTime& at) {
    const QDateTime local = at.toTimeZone(platformZone());
    const QDate d = local.date();
    const QTime t = local.time();
    const std::chrono::year_month_day ymd{std::chrono::year{d.year()}, std::chrono::month{unsigned(d.month())}, std::chrono::day{unsigned(d.day())}};
    return std::chrono::sys_days{ymd} + std::chrono::minutes{t.hour() * 60 + t.minute()};
}

QDateTime fromCivilMinutes(CivilMinutes civil) {
    const auto day = std::chrono::floor<std::chrono::days>(civil);
    const std::chrono::year_month_day d{day};
    const auto minutes = (civil - day).count();
    return QDateTime(QDate(int(d.year()), int(unsigned(d.month())), int(unsigned(d.day()))), QTime(int(minutes / 60), int(minutes % 60)), platformZone())
        .toUTC();
}

}  // namespace vakt
