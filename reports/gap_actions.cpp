#include "reports/gap_actions.h"

#include <algorithm>

#include "nsm/nsm_service.h"
#include "riskmodel/register.h"
#include "riskmodel/register_io.h"

namespace vakt::reports {

using namespace vakt::nsm;

namespace {

QString q(const std::string& text) { return QString::fromStdString(text); }

struct OpenGap {
    StoredAssessment record;
    Gap gap;
    QString title;  // the principle's or measure's
};

Result<OpenGap> findOpenGap(NsmService& nsm, const Session& who, const QString& subject, std::optional<AssessmentScope> scope) {
    if (!scope) {
        auto department = nsm.defaultDepartment(who);
        if (!department) return department.error();
        scope = AssessmentScope{AssessmentScope::Kind::Department, department->toStdString()};
    }
    auto records = nsm.assessmentRecords(who, scope);
    if (!records) return records.error();
    std::vector<Assessment> assessments;
    for (const auto& r : *records) assessments.push_back(r.assessment);
    const auto scales = NsmService::scales();
    const std::string key = subject.trimmed().toStdString();
    const std::string where = std::string(scopeKindCode(scope->kind)) + ":" + scope->key;
    for (const auto& gap : findGaps(assessments, scales))
        if (gap.subject == key) {
            OpenGap found{(*records)[gap.assessment], gap, {}};
            if (auto catalogue = nsm.catalogue(who, found.record.catalogueVersion); catalogue) {
                if (const Principle* p = catalogue->findPrinciple(key)) found.title = q(p->title);
                if (const Measure* m = catalogue->findMeasure(key)) found.title = q(m->title);
            }
            return found;
        }
    for (const std::size_t i : latestAssessments(assessments))
        if (assessments[i].subject == key)
            return fail("NSM " + key + " in " + where + " stands at " + (assessments[i].level.empty() ? std::string("not applicable") : assessments[i].level) +
                            (assessments[i].target.empty() ? std::string(" with no target") : " against target " + assessments[i].target) + ": no gap to act on",
                        ErrorKind::Conflict);
    return fail("NSM " + key + " has no assessment in " + where, ErrorKind::NotFound);
}

// The assessment again, the same in everything but its evidence, so it is the newest of its day.
Result<qint64> linkRisk(NsmService& nsm, const Session& who, const OpenGap& open, const QString& ref) {
    Assessment a = open.record.assessment;
    const EvidenceLink link{"risk", ref.toStdString()};
    if (std::find(a.evidence.begin(), a.evidence.end(), link) == a.evidence.end()) a.evidence.push_back(link);
    return nsm.assess(who, a, open.record.catalogueVersion);
}

std::string gapText(const OpenGap& open) { return "nivå " + open.gap.level + " mot mål " + open.gap.target; }

Status allowed(const Session& who) {
    for (const Permission& p : {risk::permission::RiskWrite, nsm::permission::NsmAssess})
        if (!who.allows(p)) return denied(who, p);
    return {};
}

}  // namespace

namespace {

// The checks and the transaction both actions share; `work` turns the open gap into the register's
// risk or measure and links it.
template <typename Work>
Result<GapWork> onOpenGap(Store& store, const Session& who, const QString& subject, const std::optional<AssessmentScope>& scope, Work work) {
    if (auto s = allowed(who); !s) return s.error();
    NsmService nsm(store);
    risk::RiskService risks(store);
    Transaction tx(store.db());
    if (!tx.started()) return tx.started().error();
    auto open = findOpenGap(nsm, who, subject, scope);
    if (!open) return open.error();
    auto done = work(nsm, risks, *open);
    if (!done) return done.error();
    if (auto s = tx.commit(); !s) return s.error();
    return done;
}

}  // namespace

Result<GapWork> gapToRisk(Store& store, const Session& who, const GapToRisk& request) {
    return onOpenGap(store, who, request.subject, request.scope, [&](NsmService& nsm, risk::RiskService& risks, const OpenGap& open) -> Result<GapWork> {
        const QString ref = request.service.trimmed() + QStringLiteral(":NSM-") + q(open.gap.subject);
        if (auto existing = risks.risk(who, ref); existing)
            return fail("the register already has " + ref.toStdString() + " for this gap; add a measure to it instead", ErrorKind::Conflict);
        else if (existing.kind() != ErrorKind::NotFound)
            return existing.error();
        // Through the register's own import of one row: the same checks (service in the catalogue,
        // scores on the matrix, owner) and the same trail entries as a spreadsheet row.
        risk::RegisterTables tables;
        tables.risks.name = risk::kRisksSheet;
        tables.risks.header = {QStringLiteral("ref"), QStringLiteral("service"), QStringLiteral("title"), QStringLiteral("description"),
                               QStringLiteral("owner"), QStringLiteral("likelihood"), QStringLiteral("consequence")};
        QStringList row{ref,
                        request.service.trimmed(),
                        QStringLiteral("Modenhetsgap NSM %1 %2 (%3)").arg(q(open.gap.subject), open.title, q(gapText(open))),
                        q(open.record.assessment.rationale),
                        request.owner.trimmed(),
                        QString::number(request.likelihood),
                        QString()};
        for (auto it = request.consequences.begin(); it != request.consequences.end(); ++it) {
            tables.risks.header << it.key();
            row << QString::number(it.value());
        }
        tables.risks.rows << row;
        tables.risks.places << QStringLiteral("NSM %1").arg(q(open.gap.subject));
        auto imported = risks.importRegister(who, tables, QStringLiteral("NSM-gap %1").arg(q(open.gap.subject)), false);
        if (!imported) return imported.error();
        auto assessment = linkRisk(nsm, who, open, ref);
        if (!assessment) return assessment.error();
        return GapWork{ref, 0, *assessment};
    });
}

Result<GapWork> gapToMeasure(Store& store, const Session& who, const GapToMeasure& request) {
    return onOpenGap(store, who, request.subject, request.scope, [&](NsmService& nsm, risk::RiskService& risks, const OpenGap& open) -> Result<GapWork> {
        risk::Measure m;
        m.riskRef = request.riskRef.trimmed();
        m.title = QStringLiteral("Løft NSM %1 %2 fra %3").arg(q(open.gap.subject), open.title, q(gapText(open)));
        m.owner = request.owner.trimmed();
        m.due = request.due;
        auto id = risks.addMeasure(who, m);
        if (!id) return id.error();
        auto assessment = linkRisk(nsm, who, open, m.riskRef);
        if (!assessment) return assessment.error();
        return GapWork{m.riskRef, *id, *assessment};
    });
}

}  // namespace vakt::reports
