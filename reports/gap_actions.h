#pragma once
// A maturity gap turned into work in the ROS register: a risk of the service's own, or a measure
// on a risk already there. Either way the assessment is recorded again with the risk added to
// its evidence (same level, target, assessor and date), so the ROS report shows the gap among
// what drives that risk. One transaction: nothing is half done.
#include <QDate>
#include <QMap>
#include <QString>
#include <optional>

#include "core/store.h"
#include "nsm/nsm_model.h"

// In the reporting layer, which may join modules: NSM itself reaches no other module.

namespace vakt::reports {

using nsm::AssessmentScope;

struct GapToRisk {
    QString subject;                      // the principle or measure with the gap ("2.6")
    std::optional<AssessmentScope> scope;  // default: the department
    QString service;                      // catalogue key of the service the risk belongs to
    int likelihood = 0;
    QMap<QString, int> consequences;  // the matrix's dimensions, as `vakt risk score` takes them
    QString owner;                    // a Vakt username, or empty
};

struct GapToMeasure {
    QString subject;
    std::optional<AssessmentScope> scope;
    QString riskRef;
    QString owner;
    QDate due;
};

struct GapWork {
    QString riskRef;
    qint64 measureId = 0;    // GapToMeasure only
    qint64 assessmentId = 0;  // the assessment recorded again with the link
};

// Needs risk.write and nsm.assess. The subject's newest assessment in the scope must be below
// its target (else Conflict, saying where it stands). The risk's ref is SERVICE:NSM-SUBJECT.
Result<GapWork> gapToRisk(Store& store, const Session& who, const GapToRisk& request);
Result<GapWork> gapToMeasure(Store& store, const Session& who, const GapToMeasure& request);

}  // namespace vakt::reports
