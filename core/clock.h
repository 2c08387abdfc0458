#pragma once
// Time goes through a Clock so tests control it.
#include <QDateTime>

#include "core/civil_time.h"

namespace vakt {

class Clock {
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;  // UTC
    // The platform's calendar day (Europe/Oslo): "today" in a deadline or a period is the
    // users' day, which is not yet the UTC day between midnight and 01:00/02:00.
    QDate today() const { return now().toTimeZone(platformZone()).date(); }
};

class SystemClock final : public Clock {
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

class FixedClock final : public Clock {
public:
    explicit FixedClock(QDateTime at) : at_(at.toUTC()) {}
    QDateTime now() const override { return at_; }
    void set(QDateTime at) { at_ = at.toUTC(); }
    void advanceSecs(qint64 s) { at_ = at_.addSecs(s); }

private:
    QDateTime at_;
};

}  // namespace vakt
