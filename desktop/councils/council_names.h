#pragma once
// What the councils' codes and warnings say in the user's language.
#include <QString>

#include "councils/council_service.h"

namespace vakt::desktop {

// "Mottatt", "Under vurdering", "Akseptert", "Planlagt", "Levert", "Avvist".
QString requestStatusTitle(const QString& status);
// "Brukermøte", "Brukerrådsmøte".
QString meetingKindTitle(const QString& kind);
// "Planlagt", "Holdt", "Avlyst".
QString meetingStateTitle(const QString& state);
// A warning about the council in plain words: "Perioden til Kari Haugen (Oslo kommune) går ut
// 02.01.2027, om 31 dager."
QString councilWarningText(const councils::HealthWarning& warning, const QString& organisation = {});
// "Sitter", "Gått ut 12.05.2026 (Har sluttet i kommunen)", "Perioden er ute", "Ikke begynt".
QString memberStatusText(const councils::Member& member, const QDate& today);

}  // namespace vakt::desktop
