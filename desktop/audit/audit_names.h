#pragma once
// How the audit page names things: organisations and services by name, persons by a short
// pseudonym (never an id), integrations by their id.
#include <QHash>
#include <QString>

#include "desktop/shell/app_context.h"

namespace vakt::desktop {

struct AuditNames {
    QHash<QString, QString> organisations;  // orgnr → name
    QHash<QString, QString> services;       // key → name

    static AuditNames load(AppContext& context);
    QString organisation(const QString& orgnr) const;
    QString service(const QString& key) const;
    // The key a typed service is known by: its catalogue key or its name, in any case; else as typed.
    QString serviceKey(const QString& typed) const;
    static QString actor(const QString& actorKey);
    // Replaces every full pseudonym in a text by its short form.
    static QString shortenPseudonyms(QString text);
};

}  // namespace vakt::desktop
