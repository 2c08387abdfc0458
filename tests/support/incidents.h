#pragma once
// An incident as a rule or the service desk would raise it, for tests.
#include <QString>

#include "core/incidents.h"

namespace vakt::test {

inline Incident incident(const QString& fingerprint, const QString& source, const QString& severity, const QString& service = {},
                         const QString& title = QStringLiteral("Regel"), const QString& summary = {}, const QString& summaryEn = {}) {
    Incident i;
    i.fingerprint = fingerprint;
    i.source = source;
    i.severity = severity;
    i.service = service;
    i.title = title;
    i.summary = summary;
    i.summaryEn = summaryEn;
    return i;
}

}  // namespace vakt::test
