#pragma once
// NSM's basic principles for ICT security (Grunnprinsipper for IKT-sikkerhet) as plain C++: the
// catalogue of principles and measures (measures imported from NSM's spreadsheet, never
// invented), catalogue versions compared, maturity scales and assessments, the roll-up from
// measures to principles, gaps, trends and the action list, indicators computed from other
// modules' counts, and ISO/IEC 27001:2022 Annex A with a Statement of Applicability. No I/O and
// no Qt: the module on core reads files and fills the inputs (docs/nsm-maturity.md).
#include <chrono>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/base/result.h"

namespace vakt::nsm {

// ---- Problems ----------------------------------------------------------------------------------

// One problem with an input. Readers collect every problem, not only the first, and refuse the
// whole input when there is any.
struct Problem {
    std::string file;   // empty: not from a file (an assessment or a decision being checked)
    int line = 0;       // 1-based line (CSV) or row (XLSX); a problem with the file as a whole names line 1
    std::string field;  // the column as the file names it, or the field; empty: the line as a whole
    std::string reason;
};
// "FILE:LINE: field 'x': reason"; the parts that are empty are left out ("field 'x': reason").
std::string formatProblem(const Problem& problem);
// One problem per line, joined by '\n'.
std::string formatProblems(std::span<const Problem> problems);

// ---- Numbers -----------------------------------------------------------------------------------

// Principles are numbered category.principle ("2.6"), measures category.principle.measure
// ("2.6.7"): parts of 1 to 3 digits without leading zeros. Ordered part by part, so 2.9 comes
// before 2.10 and a principle before its measures; anything else after numbers, by its bytes.
bool numberLess(std::string_view a, std::string_view b);
// "2.6.7" → "2.6"; empty when `measure` is not a measure number.
std::string principleOf(std::string_view measure);
bool isPrincipleNumber(std::string_view text);
bool isMeasureNumber(std::string_view text);

// YYYY-MM-DD, a valid calendar day. Dates in assessments and indicator inputs are such strings,
// as the database and the command line carry them.
std::optional<std::chrono::sys_days> parseDate(std::string_view text);

// ---- The catalogue -----------------------------------------------------------------------------

struct Principle {
    std::string id;             // "2.6"
    int category = 0;           // 2
    std::string categoryTitle;  // "Beskytte og opprettholde"
    std::string title;          // "Ha kontroll på identiteter og tilganger"
};

// The 4 categories and 21 principles of versions 2.0 and 2.1, in number order, as
// data/nsm/principles.csv has them (a test holds the two equal).
const std::vector<Principle>& builtinPrinciples();

// data/nsm/principles.csv: a header category_id,category_title,principle_id,principle_title and
// one row per principle. Every problem is collected; the error lists them, one per line.
Result<std::vector<Principle>> parsePrinciples(std::string_view csvText, std::string_view fileName);

struct Measure {
    std::string number;     // "2.6.7": the stable key across catalogue versions
    std::string principle;  // "2.6"
    std::string title;      // as NSM wrote it; runs of whitespace (line breaks too) become one space
    std::string priority;   // as the sheet has it ("1", "2", "Høy"); empty when it has none
    // The priority group as a rank, 1 the most urgent: a number as written ("1", "Prioritet 2",
    // "P3"), or Høy/High 1, Middels/Medium 2, Lav/Low 3. 0: none or not understood (sorted last).
    int priorityRank = 0;
    std::vector<std::string> iso27002;  // ISO/IEC 27002:2022 controls ("5.15", "8.2"), unique, in control order
    int line = 0;                       // where it was read; 0 when built by hand
};

struct Catalogue {
    std::string version;                // "2.0", "2.1"
    std::vector<Principle> principles;  // in number order
    std::vector<Measure> measures;      // in number order, unique numbers

    const Principle* findPrinciple(std::string_view id) const;
    const Measure* findMeasure(std::string_view number) const;
    std::vector<const Measure*> measuresOf(std::string_view principle) const;  // in number order
};

// NSM's measure spreadsheet (XLSX, or saved as CSV with ',' or ';'), read tolerantly:
//
// The header row is the first row among the first 30 that names both a number column and a
// title column; rows above it (a title, a date) are ignored, and so are columns it does not
// know (descriptions, comments, the organisation's own columns). Names are compared ignoring
// case, punctuation and spacing, with æ ø å read as ae o a, so "Tiltak nr." is "tiltak nr":
//   number     Nr, Nummer, Tiltak nr, Tiltaksnr, Tiltaksnummer, Tiltak nummer, Tiltak ID, ID,
//              Ref, Referanse, Number, No, Measure no, Measure number, Measure ID
//   title      Tiltak, Tiltakstekst, Sikkerhetstiltak, Tiltaksbeskrivelse, Tittel, Tekst,
//              Beskrivelse, Measure, Measure title, Security measure, Title, Text, Description
//   priority   Prioritet, Prioritering, Prioritetsgruppe, Prio, Priority, Priority group,
//              Prioritisation (optional)
//   principle  Prinsipp, Grunnprinsipp, Prinsipp nr, Prinsippnummer, Principle, Principle no,
//              Principle number, Principle ID (optional: checked against the measure's number)
//   iso27002   any name with "27002" in it (optional): the one that also says 2022 wins, one
//              naming another year (2013, 2017) is ignored, one without a year is read as 2022
// For title, priority and principle a name that starts with one of these words also counts
// ("Prioritet (1-3)"), unless another column names the field exactly. Each field may be named
// by one column only.
//
// Rows: a blank row, and a heading row (a category or principle number such as "2.6" in the
// number column, or text in it with no title), are skipped. Every other row is a measure: its
// number must be category.principle.measure of a known principle, once per file; a title is
// required. The ISO cell lists control ids separated by ',', ';', '/' or line breaks ("5.15,
// 8.2", "A.5.15", "5.15 Tilgangskontroll"); "-", "Ingen", "None", "N/A" mean none. Ids must be
// ISO/IEC 27002:2022 controls (5.1–5.37, 6.1–6.8, 7.1–7.14, 8.1–8.34). A spreadsheet that
// stores a single id as a number loses a trailing zero (5.10 becomes 5.1): keep that column as
// text. Principle cells are compared the same lenient way (2.1 is taken for 2.10).
//
// Every problem is collected as FILE:LINE: field 'x': reason, with the column named as the
// file names it; with any problem, no measure is kept.
struct MeasureImport {
    std::vector<Measure> measures;  // in number order; empty when there are problems
    std::vector<Problem> problems;
    std::string sheet;              // XLSX: the sheet read
    int headerLine = 0;             // the header's line or row
    // The columns used: field ("number", "title", "priority", "principle", "iso27002") and the
    // header as written, in that order; absent fields are left out.
    std::vector<std::pair<std::string, std::string>> columns;
    std::vector<std::string> notes;  // what the reader chose or ignored, for the import report
    bool ok() const { return problems.empty(); }
};
inline constexpr std::size_t kMaxMeasures = 10'000;
inline constexpr std::size_t kMaxCsvBytes = 16u * 1024u * 1024u;
inline constexpr std::size_t kMaxXlsxBytes = 32u * 1024u * 1024u;
MeasureImport importMeasuresCsv(std::string_view text, std::string_view fileName, std::span<const Principle> principles);
// The first sheet with a header row is read.
MeasureImport importMeasuresXlsx(std::string_view bytes, std::string_view fileName, std::span<const Principle> principles);

// A catalogue version from its principles and an import: the version must be like "2.1"; an
// import with problems gives them as the error, one per line.
Result<Catalogue> makeCatalogue(std::string_view version, std::vector<Principle> principles, MeasureImport measures);

// ---- Versions side by side ---------------------------------------------------------------------

struct MeasureChange {
    std::string number;
    std::size_t before = 0, after = 0;  // indexes into each catalogue's measures
    bool title = false;     // compared with runs of whitespace as one space
    bool priority = false;  // the text as the sheet has it
    bool mapping = false;
    std::vector<std::string> mappingAdded, mappingRemoved;  // ISO/IEC 27002:2022 ids, in control order
};
struct CatalogueDiff {
    std::string from, to;                       // the versions
    std::vector<std::size_t> added;             // indexes into `after.measures`, in number order
    std::vector<std::size_t> removed;           // indexes into `before.measures`, in number order
    std::vector<MeasureChange> changed;         // in number order
    std::vector<std::string> principlesAdded, principlesRemoved, principlesRetitled;
    std::size_t unchanged = 0;
};
// By measure number, the stable key: a measure renumbered between versions is one removed and
// one added.
CatalogueDiff diffCatalogues(const Catalogue& before, const Catalogue& after);

// ---- Maturity scales ---------------------------------------------------------------------------

struct Level {
    std::string code;   // stored in assessments: "3", "delvis"
    std::string label;  // shown: "definert", "Delvis"
    double value = 0;   // the degree, when `graded`
    bool graded = true; // false: a level that is not a degree ("Vet ikke"): no value, no gap, not rolled up
    std::optional<double> numeric() const { return graded ? std::optional<double>(value) : std::nullopt; }
};

struct Scale {
    std::string id;     // stored with assessments: "vakt-0-5", "ks"
    std::string name;   // shown
    std::string note;   // shown with every report that uses it: whose convention the scale is
    std::vector<Level> levels;  // lowest first; graded values strictly increasing

    const Level* find(std::string_view code) const;
    double minimum() const;  // of graded levels; 0 when none
    double maximum() const;
    // (value − minimum) / (maximum − minimum): levels of different scales compare on 0..1.
    double normalise(double value) const;
};

// Vakt's own 0–5 scale, labelled as Vakt's convention (NSM publishes no maturity model): codes
// "0".."5", ikke startet, initiell, repeterbar, definert, styrt og målt, optimalisert.
Scale vaktScale();
// KS's answers Ja/Delvis/Nei/Vet ikke: codes "nei" 0, "delvis" 1, "ja" 2 (the values are
// Vakt's), "vet-ikke" without a value.
Scale ksScale();
// Fields named "id", "name", "levels", "levels[2].code" (1-based): an id of a-z, 0-9 and '-';
// at least two graded levels; codes unique and non-empty; labels non-empty; graded values
// finite and strictly increasing in order.
std::vector<Problem> validateScale(const Scale& scale);

// ---- Assessments -------------------------------------------------------------------------------

struct EvidenceLink {
    std::string kind;  // what the id names: "document", "risk", "change", "incident", "url", ... (a-z, 0-9, '_', '-')
    std::string id;
    friend bool operator==(const EvidenceLink&, const EvidenceLink&) = default;
};

struct AssessmentScope {
    enum class Kind { Department, Service };
    Kind kind = Kind::Department;
    std::string key;  // the department's name or the service's catalogue key
    friend bool operator==(const AssessmentScope&, const AssessmentScope&) = default;
    friend bool operator<(const AssessmentScope& a, const AssessmentScope& b) {
        return a.kind != b.kind ? a.kind < b.kind : a.key < b.key;
    }
};
std::string_view scopeKindCode(AssessmentScope::Kind kind);  // "department", "service"
bool scopeKindFromCode(std::string_view code, AssessmentScope::Kind& kind);

// One assessment of a principle or a measure in one scope, on one day. History is kept: the
// newest of a scope and subject counts (the latest date; on the same date, the later in the span).
struct Assessment {
    std::string subject;  // a principle ("2.6") or a measure ("2.6.7") of the catalogue
    AssessmentScope scope;
    std::string scale;   // the scale's id
    std::string level;   // a level code of the scale; empty when not applicable
    std::string target;  // a graded level code; empty: no target
    bool notApplicable = false;
    std::string justification;  // why not applicable: required then
    std::string rationale;      // why this level
    std::vector<EvidenceLink> evidence;
    std::string assessor;
    std::string date;        // YYYY-MM-DD
    std::string nextReview;  // YYYY-MM-DD after `date`, or empty
};

// Every problem, each naming its field: "subject", "scope", "scale", "level", "target",
// "justification", "rationale", "evidence[1].kind", "evidence[1].id", "assessor", "date",
// "next_review". Not applicable takes a justification and neither level nor target; otherwise a
// level of the scale is required and a target must be a graded level.
std::vector<Problem> validateAssessment(const Assessment& assessment, const Catalogue& catalogue,
                                        std::span<const Scale> scales);
// The same as one result: the problems, one per line.
Status checkAssessment(const Assessment& assessment, const Catalogue& catalogue, std::span<const Scale> scales);

const Scale* findScale(std::span<const Scale> scales, std::string_view id);

// The newest assessment of each scope and subject, taking only those dated on or before `asOf`
// when it is given. Indexes into `assessments`, ordered by scope, then subject number.
// Assessments are taken as validated.
std::vector<std::size_t> latestAssessments(std::span<const Assessment> assessments, std::string_view asOf = {});

// The roll-up of a principle's measures in one scope, from the newest assessment of each.
//
// The rule: a principle stands at the lowest level among its applicable rated measures, as a
// staged maturity model reads a level (held only when every practice holds it). Chosen over a
// rounded mean because a mean lets strong measures hide a missing one, where an attacker goes
// for the weakest, and because the minimum is always a real level of the scale, so no rounding
// rule is needed (the KS scale has three graded answers). The mean is given beside it to show
// progress below the minimum. Measures of other scales compare by normalised value.
// Not-applicable measures are left out; measures not assessed, or at a level without a value
// ("Vet ikke"), make the roll-up incomplete but do not lower it. Assessments of numbers the
// catalogue does not have (a measure removed in a later version) are ignored.
struct RollUp {
    std::string principle;
    AssessmentScope scope;
    std::size_t measures = 0;       // in the catalogue
    std::size_t rated = 0;          // newest assessment has a graded level
    std::size_t notApplicable = 0;
    std::size_t unknown = 0;        // newest assessment has a level without a value
    std::size_t unassessed = 0;     // no assessment in this scope
    bool hasLevel = false;          // false: no data, `reason` says why
    std::string scale, level;       // the lowest-rated measure's scale and level code
    std::string lowestMeasure;      // that measure's number
    double normalised = 0;          // its level on 0..1
    double mean = 0;                // mean of the rated measures on 0..1
    bool complete = false;          // every applicable measure rated
    std::string reason;
};
RollUp rollUpPrinciple(std::string_view principle, const AssessmentScope& scope, std::span<const Assessment> assessments,
                       const Catalogue& catalogue, std::span<const Scale> scales, std::string_view asOf = {});
// Every principle of the catalogue in every scope the assessments name, by scope then principle.
std::vector<RollUp> rollUpAll(std::span<const Assessment> assessments, const Catalogue& catalogue, std::span<const Scale> scales);

// A newest assessment below its target. Not applicable, no target, and levels without a value
// give no gap.
struct Gap {
    std::size_t assessment = 0;  // index into the assessments
    std::string subject;         // principle or measure
    std::string principle;
    AssessmentScope scope;
    std::string scale, level, target;
    double size = 0;            // target value − level value, in the scale's units
    double normalisedSize = 0;  // the same on 0..1
};
// By scope, then subject number.
std::vector<Gap> findGaps(std::span<const Assessment> assessments, std::span<const Scale> scales);

// The last four points of a principle in one scope, oldest first. The organisation's own
// assessments of the principle are the points when there are any (one per date, the newest of
// the day); otherwise the roll-up of its measures as of each day one of them was assessed.
// Direction compares the last point with the first, on 0..1.
struct TrendPoint {
    std::string date;
    std::string scale, level;
    double normalised = 0;
};
struct Trend {
    enum class Direction { NoData, Improving, Stable, Declining };
    std::string principle;
    AssessmentScope scope;
    std::vector<TrendPoint> points;
    Direction direction = Direction::NoData;
    std::string reason;  // NoData: why (fewer than two points)
};
std::string_view directionCode(Trend::Direction direction);  // "no_data", "improving", "stable", "declining"
inline constexpr std::size_t kTrendPoints = 4;
Trend principleTrend(std::string_view principle, const AssessmentScope& scope, std::span<const Assessment> assessments,
                     const Catalogue& catalogue, std::span<const Scale> scales);

// The gaps as work to do, most urgent first: by priority group (rank 1 first, none last; a
// principle takes the most urgent rank among its measures), then the larger gap on 0..1, then
// principle number, then subject number (a principle before its measures), then scope.
struct Action {
    Gap gap;
    int priorityRank = 0;
    std::string priority;  // as the sheet has it (a measure's; a principle's most urgent measure's)
};
std::vector<Action> actionList(std::span<const Assessment> assessments, const Catalogue& catalogue,
                               std::span<const Scale> scales);

// ---- Indicators --------------------------------------------------------------------------------

// A measured share (0..1) with what it was computed from, or no data and why. Inputs are plain
// counts and dates the module fills from the other modules' services.
struct Indicator {
    std::string id;
    std::vector<std::string> principles;
    std::size_t numerator = 0, denominator = 0;
    bool hasValue = false;
    double share = 0;
    std::string reason;  // no data: why
    std::optional<double> value() const { return hasValue ? std::optional<double>(share) : std::nullopt; }
};

struct IndicatorDefinition {
    std::string id;
    std::vector<std::string> principles;
    std::string title;  // Norwegian, for reports
};
// Every indicator below, in this order.
const std::vector<IndicatorDefinition>& indicatorDefinitions();
// The indicators mapped to a principle.
std::vector<const IndicatorDefinition*> indicatorsFor(std::string_view principle);

// 1.1: services whose catalogue entry is complete (owner, criticality, vendor and the fields
// the catalogue module requires; it decides and counts).
struct CatalogueCounts {
    std::size_t services = 0, complete = 0;
};
Indicator catalogueCompleteness(const CatalogueCounts& input);

// 1.1: governing documents reviewed within `maxAgeDays` of `today`. An empty date: never reviewed.
struct DocumentDates {
    std::vector<std::string> lastReviewed;  // one per document
    std::string today;
    int maxAgeDays = 365;
};
Indicator documentFreshness(const DocumentDates& input);

// 1.2: vendor systems and components linked to the services they support.
struct InventoryCounts {
    std::size_t vendorSystems = 0, vendorSystemsMapped = 0;
    std::size_t components = 0, componentsMapped = 0;
};
Indicator vendorSystemsMapped(const InventoryCounts& input);
Indicator componentsMapped(const InventoryCounts& input);

// 1.3, 2.6: grants due for review in the period and those decided by their due date; risk flags
// raised on grants and those closed (decided, or the grant revoked).
struct AccessReviewCounts {
    std::size_t grantsDue = 0, reviewedOnTime = 0;
    std::size_t flagsRaised = 0, flagsClosed = 0;
};
Indicator grantsReviewedOnTime(const AccessReviewCounts& input);
Indicator accessFlagsClosed(const AccessReviewCounts& input);

// 2.1, 2.2: services with a threat model and a ROS analysis (risiko- og sårbarhetsanalyse) no
// older than `maxAgeDays`. An empty date: none.
struct ServiceAnalysisDates {
    struct Service {
        std::string key;
        std::string threatModel;  // date of the newest threat model
        std::string ros;          // date of the newest ROS analysis
    };
    std::vector<Service> services;
    std::string today;
    int maxAgeDays = 365;
};
Indicator threatModelsCurrent(const ServiceAnalysisDates& input);
Indicator rosCurrent(const ServiceAnalysisDates& input);

// 2.10: changes decided in the period and those with a security assessment.
struct ChangeCounts {
    std::size_t changes = 0, securityAssessed = 0;
};
Indicator changesSecurityAssessed(const ChangeCounts& input);

// 3.2: services and those with monitoring (a scrape target or a health check).
struct MonitoringCounts {
    std::size_t services = 0, monitored = 0;
};
Indicator monitoringCoverage(const MonitoringCounts& input);

// 3.3: detections raised in the period and those handled (acknowledged and closed).
struct DetectionCounts {
    std::size_t detections = 0, handled = 0;
};
Indicator detectionsHandled(const DetectionCounts& input);

// 4.2, 4.3: incidents closed in the period and those closed within their target time.
// 4.4: incidents that required a review afterwards and those reviewed.
struct IncidentCounts {
    std::size_t closed = 0, withinTarget = 0;
    std::size_t requiringReview = 0, reviewed = 0;
};
Indicator incidentsWithinTarget(const IncidentCounts& input);
Indicator incidentsReviewed(const IncidentCounts& input);

// ---- ISO/IEC 27001:2022 Annex A ----------------------------------------------------------------

// The four themes of Annex A; a control's id is its theme's clause and its number in it, the
// same numbers as the clauses of ISO/IEC 27002:2022.
enum class Theme { Organisational, People, Physical, Technological };
struct ThemeInfo {
    Theme theme = Theme::Organisational;
    int clause = 5;
    int controls = 0;
    std::string_view code;  // "organisational", "people", "physical", "technological"
};
std::span<const ThemeInfo> annexAThemes();  // 5: 37, 6: 8, 7: 14, 8: 34
const std::vector<std::string>& annexAControls();  // the 93 ids, "5.1" to "8.34", in order
bool isAnnexAControl(std::string_view id);
// The theme of an Annex A id; false when it is none.
bool themeOf(std::string_view id, Theme& theme);
std::string_view themeCode(Theme theme);

// ---- Statement of Applicability ----------------------------------------------------------------

enum class ControlStatus { Unknown, NotImplemented, Partial, Implemented };
std::string_view controlStatusCode(ControlStatus status);  // "unknown", "not_implemented", "partial", "implemented"

enum class Applicability { Undecided, Applicable, NotApplicable };
std::string_view applicabilityCode(Applicability applicability);  // "undecided", "applicable", "not_applicable"

// The organisation's decision on one control. ISO/IEC 27001:2022 6.1.3 d) asks for the
// justification of every control, included or excluded, so it is always required.
struct SoaDecision {
    std::string control;  // an Annex A id
    bool applicable = true;
    std::string justification;
    ControlStatus status = ControlStatus::Unknown;  // Unknown: derived from the assessments
};

struct SoaEntry {
    std::string control;
    Theme theme = Theme::Organisational;
    std::vector<std::string> measures;  // NSM measures whose ISO/IEC 27002:2022 mapping names it, in number order
    Applicability applicability = Applicability::Undecided;
    bool decided = false;       // from a decision; false: from the NSM mapping (Applicable) or none (Undecided)
    std::string justification;  // the decision's
    ControlStatus status = ControlStatus::Unknown;
    bool statusDerived = false;  // from the measures' assessments rather than a decision
};
struct Soa {
    std::vector<SoaEntry> entries;  // all 93, in control order
    std::vector<Problem> problems;  // decisions that are not used, measures mapped to unknown ids
    std::size_t applicable = 0, notApplicable = 0, undecided = 0;
};
// Each control is applicable when an NSM measure maps to it, unless a decision says otherwise;
// controls no measure maps to stay undecided until decided. A status not decided is derived
// from the newest assessments of its measures (pass those of the ISMS's scope): none rated,
// Unknown; every one at its target (or the top of its scale without one), Implemented; any
// above the bottom of its scale, Partial; else NotImplemented. A control not applicable has
// status Unknown. Principle-level assessments do not reach controls: the mapping is per measure.
Soa buildSoa(const Catalogue& catalogue, std::span<const SoaDecision> decisions, std::span<const Assessment> assessments,
             std::span<const Scale> scales);

}  // namespace vakt::nsm
