#pragma once
// Risk stories and the municipal ROS template. A service's threat model carries its personas
// (citizen, caseworker, administrator, integration, vendor, platform operator), their user
// stories and the risk stories that contradict them; here those stories are joined with the
// register (the risks they name, at their current level, and the platform's measures), so a
// municipality gets a ROS template for the service it can fill in with its own assessment.
#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include "core/store.h"

namespace vakt::risk {

struct StoryRisk {
    QString ref, title, level, status, owner;
    QStringList measures;  // "title (status, due)"
    bool raised = true;    // false: the story names a threat the current analysis does not raise
};

struct RiskStoryView {
    QString id, text;
    QList<StoryRisk> risks;
};

struct UserStoryView {
    QString id, text;
    QString personaId, personaTitle, personaKind;
    QStringList elements;  // titles
    QList<RiskStoryView> riskStories;
};

struct RosTemplate {
    QString service, serviceName, serviceDescription;
    QString modelTitle;
    int modelVersion = 0;
    QDate generated;
    struct Asset {
        QString title, confidentiality, integrity, availability;
    };
    QList<Asset> assets;
    QList<UserStoryView> stories;
    QList<StoryRisk> otherRisks;  // the service's open risks that no story names
    // The matrix's scales, so the municipality scores on the platform's terms.
    struct Step {
        int value = 0;
        QString nb, en, frequencyNb, frequencyEn;
    };
    QList<Step> likelihood, consequence;
};

// The stories of a service's newest model joined with the register.
Result<RosTemplate> buildRosTemplate(Store& store, const Session& who, const QString& service);

// The template as a workbook with the sheets "Om tjenesten", "Brukerhistorier", "Risikoer"
// and "Matrise", each with empty columns for the municipality's own assessment; or as
// Markdown. `english` gives the labels in English; the stories stay as written.
QByteArray rosTemplateXlsx(const RosTemplate& t, bool english);
QString rosTemplateMarkdown(const RosTemplate& t, bool english);

}  // namespace vakt::risk
