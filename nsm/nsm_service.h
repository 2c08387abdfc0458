#pragma once
// NSM maturity on the Store: catalogue versions imported from NSM's measure sheet (each kept, so
// a new version shows what changed), assessments of principles and measures per department or
// service (history kept, rows never updated), and the Statement of Applicability's decisions on
// ISO/IEC 27001:2022 Annex A. The algorithms are in nsm_model.h; this fills their inputs.
//
// The security officer imports catalogues and decides the SoA; the security officer and leaders
// assess; product owners and the revisor read.
#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/migrations.h"
#include "core/store.h"
#include "nsm/nsm_model.h"

namespace vakt::nsm {

namespace permission {
inline constexpr Permission NsmRead{"nsm.read"};      // catalogues, assessments, SoA decisions
inline constexpr Permission NsmAssess{"nsm.assess"};  // record assessments
inline constexpr Permission NsmManage{"nsm.manage"};  // import catalogues, decide the SoA
}  // namespace permission

ModuleSchema nsmSchema();
void registerNsmModule();

// One imported catalogue version.
struct CatalogueInfo {
    QString version, fileName, sha256;
    int measures = 0;
    QString importedBy;
    QDateTime importedAt;
};

struct CatalogueImportResult {
    CatalogueInfo catalogue;
    // The same file was imported as this version before: nothing was stored.
    bool unchanged = false;
    // The diff is against the newest version below this one; without one (the first import)
    // `before` is the principles with no measures, so every measure shows as added.
    bool hasPrevious = false;
    Catalogue before, after;  // the diff's indexes point into these
    CatalogueDiff diff;
    // What the reader chose, for the import report (MeasureImport's).
    std::string sheet;
    int headerLine = 0;
    std::vector<std::pair<std::string, std::string>> columns;
    std::vector<std::string> notes;
};

// An assessment as stored: what was assessed, against which catalogue version, by whom.
struct StoredAssessment {
    qint64 id = 0;
    QString catalogueVersion;  // empty: the principles only (no catalogue imported then)
    Assessment assessment;
    QString recordedBy;
    QDateTime recordedAt;
};

class NsmService {
public:
    explicit NsmService(Store& store) : store_(store) {}

    // Vakt's 0–5 scale and KS's answers.
    static std::vector<Scale> scales();

    // NSM's measure sheet as catalogue `version` ("2.1"): XLSX (told by its zip signature) or
    // CSV. All or nothing; the problems come back as the error, one per line (FILE:LINE: field
    // 'x': ...). The same bytes again are accepted and change nothing; other bytes under a
    // version already imported are refused (Conflict).
    Result<CatalogueImportResult> importCatalogue(const Session& who, const QString& version, const QString& fileName, const QByteArray& bytes);
    // The versions imported, oldest version first (by number, not by import time).
    Result<std::vector<CatalogueInfo>> catalogues(const Session& who);
    Result<std::vector<QString>> catalogueVersions(const Session& who);
    // One version; empty: the newest. With none imported, the built-in principles with no
    // measures (version ""), so principles can be assessed without NSM's sheet.
    Result<Catalogue> catalogue(const Session& who, const QString& version = {});

    // The department assessments name by default: the platform operator's name in the catalogue.
    Result<QString> defaultDepartment(const Session& who);

    // Records an assessment, checked against `catalogueVersion` (empty: the newest) and the
    // scales. The assessor defaults to the session's user and the date to today (Oslo); a
    // service scope must name a service in the catalogue. Gives the new row's id.
    Result<qint64> assess(const Session& who, Assessment assessment, const QString& catalogueVersion = {});
    // Every assessment (of one scope when given), oldest first: by date, then as recorded.
    Result<std::vector<StoredAssessment>> assessmentRecords(const Session& who, std::optional<AssessmentScope> scope = {});
    Result<std::vector<Assessment>> assessments(const Session& who, std::optional<AssessmentScope> scope = {});

    // The decision on one Annex A control, replacing an earlier one; a justification is always
    // required (ISO/IEC 27001:2022 6.1.3 d), and a control not applicable takes no status.
    Status decideSoa(const Session& who, SoaDecision decision);
    // In control order.
    Result<std::vector<SoaDecision>> soaDecisions(const Session& who);

private:
    Result<Catalogue> loadCatalogue(const QString& version);
    Result<std::vector<CatalogueInfo>> loadCatalogues();
    Store& store_;
};

}  // namespace vakt::nsm
