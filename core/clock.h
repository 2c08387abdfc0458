#pragma once
// Time goes through a Clock so tests control it.
#include <QDateTime>

namespace vakt {

class Clock {
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;  // UTC
    QDate today() const { return now().date(); }
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
