#pragma once
// Audit events for tests, in the format of docs/audit-event-v1.md: a lookup by an integration
// unless told otherwise, one JSON line each. Only the fields a test sets beyond the required
// ones are written, so a test shows what it depends on.
//   auditEvent().at("2026-11-26T10:00:00+01:00").actor("fagsystem-1").subject("15058534541").line()
#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace vakt::test {

class AuditEvent {
public:
    AuditEvent& at(const QString& rfc3339) { return set("time", rfc3339); }
    AuditEvent& service(const QString& key) { return set("service", key); }
    AuditEvent& action(const QString& name) { return set("action", name); }
    // An integration's or a person's id (type "integration" or "person"), in an organisation.
    AuditEvent& actor(const QString& id, const QString& type = QStringLiteral("integration"), const QString& org = QStringLiteral("974760673")) {
        event_[QStringLiteral("actor")] = QJsonObject{{"type", type}, {"id", id}, {"org", org}};
        return *this;
    }
    AuditEvent& subject(const QString& personId) {
        event_[QStringLiteral("subject")] = QJsonObject{{"type", "person"}, {"id", personId}};
        return *this;
    }
    AuditEvent& legalBasis(const QString& text) { return set("legal_basis", text); }
    AuditEvent& serviceArea(const QString& area) { return set("service_area", area); }
    AuditEvent& sourceIp(const QString& ip) { return set("source_ip", ip); }
    AuditEvent& result(const QString& outcome) { return set("result", outcome); }
    AuditEvent& set(const char* field, const QString& value) {
        event_[QLatin1String(field)] = value;
        return *this;
    }
    QByteArray line() const { return QJsonDocument(event_).toJson(QJsonDocument::Compact) + '\n'; }

private:
    QJsonObject event_{{"time", "2026-11-26T10:00:00+01:00"},
                       {"service", "svarut"},
                       {"action", "person.lookup"},
                       {"actor", QJsonObject{{"type", "integration"}, {"id", "fagsystem-1"}, {"org", "974760673"}}}};
};

inline AuditEvent auditEvent() { return {}; }

}  // namespace vakt::test
