#include "desktop/changes/change_dialogs.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTime>
#include <QTimeZone>
#include <QVBoxLayout>
#include <algorithm>

#include "desktop/changes/change_names.h"
#include "desktop/shell/formatting.h"

namespace vakt::desktop {

namespace {
bool chooseData(QComboBox* box, const QString& data) {
    const int i = box->findData(data);
    if (i < 0) return false;
    box->setCurrentIndex(i);
    return true;
}

QDateTimeEdit* timeEdit(const QString& objectName, QWidget* parent) {
    auto* edit = new QDateTimeEdit(parent);
    edit->setObjectName(objectName);
    edit->setTimeSpec(Qt::UTC);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("dd.MM.yyyy HH:mm"));
    return edit;
}

// A list of keys to check: (key, name) shown as "name (key)".
void fillCheckable(QListWidget* list, const Choices& choices, const QStringList& checked) {
    list->clear();
    for (const auto& [key, name] : choices) {
        auto* item = new QListWidgetItem(name.isEmpty() || name == key ? key : QStringLiteral("%1 (%2)").arg(name, key), list);
        item->setData(Qt::UserRole, key);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(checked.contains(key) ? Qt::Checked : Qt::Unchecked);
    }
}

QStringList checkedData(const QListWidget* list) {
    QStringList keys;
    for (int row = 0; row < list->count(); ++row)
        if (const QListWidgetItem* item = list->item(row); item->checkState() == Qt::Checked) keys << item->data(Qt::UserRole).toString();
    return keys;
}

// Checks exactly `keys`; false when one of them is not in the list.
bool checkExactly(QListWidget* list, const QStringList& keys) {
    QStringList missing = keys;
    for (int row = 0; row < list->count(); ++row) {
        QListWidgetItem* item = list->item(row);
        const QString key = item->data(Qt::UserRole).toString();
        item->setCheckState(keys.contains(key) ? Qt::Checked : Qt::Unchecked);
        missing.removeAll(key);
    }
    return missing.isEmpty();
}

// Tomorrow at `hour` in the shown zone, in UTC.
QDateTime tomorrowAt(const QDateTime& now, int hour) {
    const QTimeZone zone = displayZone();
    return QDateTime(now.toTimeZone(zone).date().addDays(1), QTime(hour, 0), zone).toUTC();
}

QString zoneName(const QDateTime& at) { return at.toTimeZone(displayZone()).timeZoneAbbreviation(); }
}  // namespace

QDateTime toWallClock(const QDateTime& utc) {
    const QDateTime local = utc.toTimeZone(displayZone());
    return QDateTime(local.date(), local.time(), Qt::UTC);
}

QDateTime fromWallClock(const QDateTime& wall) { return QDateTime(wall.date(), wall.time(), displayZone()).toUTC(); }

// ---- NewChangeDialog

NewChangeDialog::NewChangeDialog(const Choices& targets, const QList<changes::StandardTemplate>& templates, const QList<changes::Freeze>& freezes,
                                 const QDateTime& now, QWidget* parent)
    : CaseDialog(QStringLiteral("newChangeDialog"), tr("Ny endring"), parent), templates_(templates), freezes_(freezes) {
    title_ = new QLineEdit(this);
    title_->setObjectName(QStringLiteral("changeTitle"));
    title_->setMaxLength(300);
    title_->setPlaceholderText(tr("Kort: hva endres, og hvor"));
    description_ = new QPlainTextEdit(this);
    description_->setObjectName(QStringLiteral("changeDescription"));
    description_->setTabChangesFocus(true);
    description_->setMinimumHeight(80);
    origin_ = new QComboBox(this);
    origin_->setObjectName(QStringLiteral("changeOrigin"));
    for (const QString& o : changes::ChangeOrigin::all()) origin_->addItem(changeOriginTitle(o), o);
    category_ = new QComboBox(this);
    category_->setObjectName(QStringLiteral("changeCategory"));
    for (const QString& c : changes::ChangeCategory::all()) category_->addItem(changeCategoryTitle(c), c);
    chooseData(category_, changes::ChangeCategory::Normal);
    template_ = new QComboBox(this);
    template_->setObjectName(QStringLiteral("changeTemplate"));
    template_->addItem(tr("(ingen mal)"), QString());
    for (const changes::StandardTemplate& tpl : templates_) template_->addItem(tpl.title, tpl.key);
    template_->setEnabled(!templates_.isEmpty());
    template_->setToolTip(templates_.isEmpty() ? tr("Det finnes ingen forhåndsgodkjente maler.")
                                               : tr("En standardendring lages fra en forhåndsgodkjent mal; malen fyller ut feltene."));

    auto* targetBox = new QWidget(this);
    auto* targetLayout = new QVBoxLayout(targetBox);
    targetLayout->setContentsMargins(0, 0, 0, 0);
    targetFilter_ = new QLineEdit(targetBox);
    targetFilter_->setObjectName(QStringLiteral("changeTargetFilter"));
    targetFilter_->setPlaceholderText(tr("Finn tjeneste eller komponent"));
    targetFilter_->setClearButtonEnabled(true);
    targets_ = new QListWidget(targetBox);
    targets_->setObjectName(QStringLiteral("changeTargets"));
    targets_->setMinimumHeight(140);
    fillCheckable(targets_, targets, {});
    targetLayout->addWidget(targetFilter_);
    targetLayout->addWidget(targets_);

    hasWindow_ = new QCheckBox(tr("Tidsvinduet er kjent"), this);
    hasWindow_->setObjectName(QStringLiteral("hasWindow"));
    hasWindow_->setChecked(true);
    hasWindow_->setToolTip(tr("Uten vindu kan endringen planlegges senere med «Planlegg»."));
    start_ = timeEdit(QStringLiteral("windowStart"), this);
    end_ = timeEdit(QStringLiteral("windowEnd"), this);
    const QDateTime start = tomorrowAt(now, 20);
    start_->setDateTime(toWallClock(start));
    end_->setDateTime(toWallClock(start.addSecs(2 * 3600)));
    rollback_ = new QPlainTextEdit(this);
    rollback_->setObjectName(QStringLiteral("rollbackPlan"));
    rollback_->setTabChangesFocus(true);
    rollback_->setMinimumHeight(60);
    rollback_->setPlaceholderText(tr("Hvordan endringen rulles tilbake hvis den går galt"));
    freezeReason_ = new QLineEdit(this);
    freezeReason_->setObjectName(QStringLiteral("freezeReason"));
    freezeReason_->setMaxLength(500);
    freezeReason_->setPlaceholderText(tr("Bare for hastendringer: hvorfor den må gjøres i en frysperiode"));
    warnings_ = new QLabel(this);
    warnings_->setObjectName(QStringLiteral("windowWarnings"));
    warnings_->setWordWrap(true);
    warnings_->setStyleSheet(QStringLiteral("color: #8a5a00"));
    warnings_->hide();

    const QString zone = zoneName(start);
    form_->addRow(tr("Tittel:"), title_);
    form_->addRow(tr("Beskrivelse:"), description_);
    form_->addRow(tr("Opprinnelse:"), origin_);
    form_->addRow(tr("Kategori:"), category_);
    form_->addRow(tr("Mal:"), template_);
    form_->addRow(tr("Berører:"), targetBox);
    form_->addRow(QString(), hasWindow_);
    form_->addRow(tr("Fra (%1):").arg(zone), start_);
    form_->addRow(tr("Til (%1):").arg(zone), end_);
    form_->addRow(tr("Tilbakerulling:"), rollback_);
    form_->addRow(tr("Begrunnelse i frysperiode:"), freezeReason_);
    form_->addRow(warnings_);
    auto* hint = new QLabel(tr("Konflikter med andre endringer (samme eller avhengige tjenester, for mange på én dag) vises når endringen er lagret."), this);
    hint->setWordWrap(true);
    form_->addRow(hint);
    finish();
    setMinimumWidth(560);

    connect(template_, &QComboBox::currentIndexChanged, this, [this] { templateChosen(); });
    connect(category_, &QComboBox::currentIndexChanged, this, [this] { categoryChosen(); });
    connect(targetFilter_, &QLineEdit::textChanged, this, [this](const QString& text) { filterTargets(text); });
    connect(targets_, &QListWidget::itemChanged, this, [this] { updateWarnings(); });
    connect(hasWindow_, &QCheckBox::toggled, this, [this](bool on) {
        start_->setEnabled(on);
        end_->setEnabled(on);
        updateWarnings();
    });
    connect(start_, &QDateTimeEdit::dateTimeChanged, this, [this] { updateWarnings(); });
    connect(end_, &QDateTimeEdit::dateTimeChanged, this, [this] { updateWarnings(); });
    categoryChosen();
    title_->setFocus();
}

void NewChangeDialog::templateChosen() {
    const QString key = template_->currentData().toString();
    if (key.isEmpty()) return;
    for (const changes::StandardTemplate& tpl : templates_) {
        if (tpl.key != key) continue;
        chooseData(category_, changes::ChangeCategory::Standard);
        title_->setText(tpl.title);
        description_->setPlainText(tpl.description);
        rollback_->setPlainText(tpl.rollbackPlan);
        checkExactly(targets_, tpl.targets);
        break;
    }
    updateWarnings();
}

void NewChangeDialog::categoryChosen() {
    const QString category = category_->currentData().toString();
    freezeReason_->setEnabled(category == changes::ChangeCategory::Emergency);
    if (category != changes::ChangeCategory::Standard && template_->currentIndex() != 0) template_->setCurrentIndex(0);
    updateWarnings();
}

void NewChangeDialog::filterTargets(const QString& text) {
    const QString wanted = text.trimmed();
    for (int row = 0; row < targets_->count(); ++row) {
        QListWidgetItem* item = targets_->item(row);
        item->setHidden(!wanted.isEmpty() && !item->text().contains(wanted, Qt::CaseInsensitive));
    }
}

QStringList NewChangeDialog::checkedTargets() const { return checkedData(targets_); }

void NewChangeDialog::updateWarnings() {
    QStringList lines;
    if (hasWindow_->isChecked()) {
        const QDateTime from = fromWallClock(start_->dateTime()), until = fromWallClock(end_->dateTime());
        if (until <= from) {
            lines << tr("Vinduet slutter før det begynner.");
        } else {
            const QStringList chosen = checkedTargets();
            for (const changes::Freeze& f : freezes_) {
                if (!(f.start < until && from < f.end)) continue;
                bool covers = f.scope == QLatin1String("all");
                for (const QString& key : f.keys)
                    if (chosen.contains(key)) covers = true;
                if (covers) lines << tr("Vinduet ligger i frysperioden «%1» (%2).").arg(f.name, windowText(f.start, f.end));
            }
            if (!lines.isEmpty())
                lines << (category_->currentData().toString() == changes::ChangeCategory::Emergency
                              ? tr("En hastendring kan godkjennes i en frysperiode bare med en begrunnelse.")
                              : tr("Bare hastendringer med begrunnelse kan godkjennes i en frysperiode."));
        }
    }
    warnings_->setText(lines.join(QLatin1Char('\n')));
    warnings_->setVisible(!lines.isEmpty());
}

QString NewChangeDialog::warnings() const { return warnings_->text(); }

changes::NewChange NewChangeDialog::newChange() const {
    changes::NewChange c;
    c.title = title_->text().trimmed();
    c.description = description_->toPlainText().trimmed();
    c.origin = origin_->currentData().toString();
    c.category = category_->currentData().toString();
    if (c.category == changes::ChangeCategory::Standard) c.templateKey = template_->currentData().toString();
    c.targets = checkedTargets();
    if (hasWindow_->isChecked()) {
        c.windowStart = fromWallClock(start_->dateTime());
        c.windowEnd = fromWallClock(end_->dateTime());
    }
    c.rollbackPlan = rollback_->toPlainText().trimmed();
    if (c.category == changes::ChangeCategory::Emergency) c.freezeReason = freezeReason_->text().trimmed();
    return c;
}

QString NewChangeDialog::check() const {
    if (title_->text().trimmed().isEmpty()) return tr("Skriv en tittel.");
    if (checkedTargets().isEmpty()) return tr("Velg minst én tjeneste eller komponent som endringen berører.");
    if (hasWindow_->isChecked() && end_->dateTime() <= start_->dateTime()) return tr("Vinduet må slutte etter at det begynner.");
    if (category_->currentData().toString() == changes::ChangeCategory::Standard && template_->currentData().toString().isEmpty())
        return tr("En standardendring lages fra en forhåndsgodkjent mal: velg malen.");
    return {};
}

void NewChangeDialog::setTitle(const QString& title) { title_->setText(title); }
void NewChangeDialog::setDescription(const QString& description) { description_->setPlainText(description); }
bool NewChangeDialog::setOrigin(const QString& origin) { return chooseData(origin_, origin); }
bool NewChangeDialog::setCategory(const QString& category) { return chooseData(category_, category); }
bool NewChangeDialog::setTemplate(const QString& key) { return chooseData(template_, key); }
bool NewChangeDialog::setTargets(const QStringList& keys) {
    const bool all = checkExactly(targets_, keys);
    updateWarnings();
    return all;
}
void NewChangeDialog::setRollbackPlan(const QString& plan) { rollback_->setPlainText(plan); }
void NewChangeDialog::setFreezeReason(const QString& reason) { freezeReason_->setText(reason); }

void NewChangeDialog::setWindow(const QDateTime& start, const QDateTime& end) {
    hasWindow_->setChecked(start.isValid());
    if (!start.isValid()) return;
    start_->setDateTime(toWallClock(start));
    end_->setDateTime(toWallClock(end.isValid() ? end : start.addSecs(3600)));
}

// ---- AssessDialog

AssessDialog::AssessDialog(const changes::SecurityAssessment& current, QWidget* parent)
    : CaseDialog(QStringLiteral("assessDialog"), tr("Sikkerhetsvurdering"), parent) {
    auto* intro = new QLabel(tr("Hvilke trusler kan endringen åpne for (STRIDE), hvor sannsynlig er det og hvor alvorlig blir det? "
                                "En sikkerhetsrelevant endring må godkjennes av sikkerhetsansvarlig."),
                             this);
    intro->setWordWrap(true);
    form_->addRow(intro);
    auto* box = new QWidget(this);
    auto* grid = new QGridLayout(box);
    grid->setContentsMargins(0, 0, 0, 0);
    int i = 0;
    for (const QChar letter : strideLetters()) {
        auto* letterBox = new QCheckBox(QStringLiteral("%1 – %2").arg(QString(letter), strideLetterTitle(letter)), box);
        letterBox->setObjectName(QStringLiteral("stride") + letter);
        grid->addWidget(letterBox, i / 2, i % 2);
        stride_ << letterBox;
        ++i;
    }
    form_->addRow(tr("STRIDE:"), box);
    likelihood_ = new QSpinBox(this);
    likelihood_->setObjectName(QStringLiteral("likelihood"));
    likelihood_->setRange(1, 5);
    consequence_ = new QSpinBox(this);
    consequence_->setObjectName(QStringLiteral("consequence"));
    consequence_->setRange(1, 5);
    risk_ = new QLabel(this);
    risk_->setObjectName(QStringLiteral("riskLevel"));
    relevant_ = new QCheckBox(tr("Sikkerhetsrelevant (må godkjennes av sikkerhetsansvarlig)"), this);
    relevant_->setObjectName(QStringLiteral("securityRelevant"));
    form_->addRow(tr("Sannsynlighet (1–5):"), likelihood_);
    form_->addRow(tr("Konsekvens (1–5):"), consequence_);
    form_->addRow(QString(), risk_);
    form_->addRow(QString(), relevant_);
    note_ = addNoteField(tr("Notat:"), tr("Hva vurderingen bygger på (valgfritt)"));
    finish();
    connect(likelihood_, &QSpinBox::valueChanged, this, [this] { updateRisk(); });
    connect(consequence_, &QSpinBox::valueChanged, this, [this] { updateRisk(); });
    setAssessment(current);
}

void AssessDialog::updateRisk() {
    risk_->setText(tr("Risiko: %1 × %2 = %3").arg(likelihood_->value()).arg(consequence_->value()).arg(likelihood_->value() * consequence_->value()));
}

changes::SecurityAssessment AssessDialog::assessment() const {
    changes::SecurityAssessment a;
    const QString letters = strideLetters();
    for (int i = 0; i < stride_.size() && i < letters.size(); ++i)
        if (stride_.at(i)->isChecked()) a.stride += letters.at(i);
    a.likelihood = likelihood_->value();
    a.consequence = consequence_->value();
    a.securityRelevant = relevant_->isChecked();
    a.note = note_->toPlainText().trimmed();
    return a;
}

void AssessDialog::setAssessment(const changes::SecurityAssessment& assessment) {
    setStride(assessment.stride);
    likelihood_->setValue(std::clamp(assessment.likelihood, 1, 5));
    consequence_->setValue(std::clamp(assessment.consequence, 1, 5));
    relevant_->setChecked(assessment.securityRelevant);
    note_->setPlainText(assessment.note);
    updateRisk();
}

void AssessDialog::setStride(const QString& letters) {
    const QString all = strideLetters();
    for (int i = 0; i < stride_.size() && i < all.size(); ++i) stride_.at(i)->setChecked(letters.contains(all.at(i), Qt::CaseInsensitive));
}

void AssessDialog::setLikelihood(int value) { likelihood_->setValue(value); }
void AssessDialog::setConsequence(int value) { consequence_->setValue(value); }
void AssessDialog::setSecurityRelevant(bool relevant) { relevant_->setChecked(relevant); }
void AssessDialog::setNote(const QString& note) { note_->setPlainText(note); }

// ---- DecideDialog

DecideDialog::DecideDialog(const changes::ChangeRequest& change, const QString& approveHint, QWidget* parent)
    : CaseDialog(QStringLiteral("decideDialog"), tr("Beslutt %1").arg(change.ref), parent), approveHint_(approveHint) {
    auto* intro = new QLabel(QStringLiteral("%1: %2\n%3 · %4 · %5")
                                 .arg(change.ref, change.title, changeCategoryTitle(change.category), windowText(change.windowStart, change.windowEnd),
                                      securityText(change)),
                             this);
    intro->setWordWrap(true);
    form_->addRow(intro);
    decision_ = new QComboBox(this);
    decision_->setObjectName(QStringLiteral("decisionChoice"));
    decision_->addItem(tr("Godkjenn"), changes::Decision::Approve);
    decision_->addItem(tr("Avvis"), changes::Decision::Reject);
    decision_->addItem(tr("Utsett"), changes::Decision::Defer);
    if (!approveHint_.isEmpty()) decision_->setItemData(0, approveHint_, Qt::ToolTipRole);
    conditions_ = new QPlainTextEdit(this);
    conditions_->setObjectName(QStringLiteral("conditionsText"));
    conditions_->setTabChangesFocus(true);
    conditions_->setMaximumHeight(70);
    conditions_->setPlaceholderText(tr("Vilkår for godkjenningen, f.eks. «varsle kommunene to dager før» (valgfritt)"));
    form_->addRow(tr("Beslutning:"), decision_);
    form_->addRow(tr("Vilkår:"), conditions_);
    note_ = addNoteField(tr("Notat:"), tr("Begrunnelse (påkrevd for å avvise eller utsette)"));
    hint_ = new QLabel(this);
    hint_->setObjectName(QStringLiteral("decisionHint"));
    hint_->setWordWrap(true);
    form_->addRow(hint_);
    finish();
    connect(decision_, &QComboBox::currentIndexChanged, this, [this] { decisionChosen(); });
    decisionChosen();
}

void DecideDialog::decisionChosen() {
    const bool approve = decision() == changes::Decision::Approve;
    conditions_->setEnabled(approve);
    if (approve && !approveHint_.isEmpty()) {
        hint_->setText(approveHint_);
        hint_->setStyleSheet(QStringLiteral("color: #b00020"));
    } else {
        hint_->setText(approve ? tr("Godkjenning lager oppgaver for ROS-ene som må gjennomgås langs verdikjeden.") : QString());
        hint_->setStyleSheet(QString());
    }
}

QString DecideDialog::decision() const { return decision_->currentData().toString(); }
QString DecideDialog::note() const { return note_->toPlainText().trimmed(); }
QString DecideDialog::conditions() const { return decision() == changes::Decision::Approve ? conditions_->toPlainText().trimmed() : QString(); }
bool DecideDialog::setDecision(const QString& decision) { return chooseData(decision_, decision); }
void DecideDialog::setNote(const QString& note) { note_->setPlainText(note); }
void DecideDialog::setConditions(const QString& conditions) { conditions_->setPlainText(conditions); }

QString DecideDialog::check() const {
    if (decision().isEmpty()) return tr("Velg en beslutning.");
    if (decision() == changes::Decision::Reject && note().isEmpty()) return tr("Skriv hvorfor endringen avvises.");
    if (decision() == changes::Decision::Defer && note().isEmpty()) return tr("Skriv hvorfor endringen utsettes.");
    return {};
}

// ---- WindowDialog

WindowDialog::WindowDialog(const QDateTime& start, const QDateTime& end, const QDateTime& now, QWidget* parent)
    : CaseDialog(QStringLiteral("scheduleDialog"), tr("Planlegg endringen"), parent) {
    auto* intro = new QLabel(tr("Når endringen skal gjøres. Vinduet kontrolleres mot andre endringer og frysperiodene når det er lagret."), this);
    intro->setWordWrap(true);
    form_->addRow(intro);
    start_ = timeEdit(QStringLiteral("windowStart"), this);
    end_ = timeEdit(QStringLiteral("windowEnd"), this);
    const QDateTime from = start.isValid() ? start : tomorrowAt(now, 20);
    start_->setDateTime(toWallClock(from));
    end_->setDateTime(toWallClock(end.isValid() && end > from ? end : from.addSecs(2 * 3600)));
    const QString zone = zoneName(from);
    form_->addRow(tr("Fra (%1):").arg(zone), start_);
    form_->addRow(tr("Til (%1):").arg(zone), end_);
    finish();
}

QDateTime WindowDialog::start() const { return fromWallClock(start_->dateTime()); }
QDateTime WindowDialog::end() const { return fromWallClock(end_->dateTime()); }

void WindowDialog::setWindow(const QDateTime& start, const QDateTime& end) {
    start_->setDateTime(toWallClock(start));
    end_->setDateTime(toWallClock(end));
}

QString WindowDialog::check() const {
    if (end() <= start()) return tr("Vinduet må slutte etter at det begynner.");
    return {};
}

// ---- ImplementDialog

ImplementDialog::ImplementDialog(const QDateTime& planned, const QDateTime& now, QWidget* parent)
    : CaseDialog(QStringLiteral("implementDialog"), tr("Endringen er gjennomført"), parent) {
    auto* intro = new QLabel(tr("Når ble endringen gjennomført? Planlagt: %1.").arg(formatDateTime(planned)), this);
    intro->setWordWrap(true);
    form_->addRow(intro);
    at_ = timeEdit(QStringLiteral("implementedAt"), this);
    at_->setMaximumDateTime(toWallClock(now.addSecs(300)));
    at_->setDateTime(toWallClock(now));
    form_->addRow(tr("Gjennomført (%1):").arg(zoneName(now)), at_);
    auto* hint = new QLabel(tr("Hendelser på de berørte tjenestene etter dette tidspunktet tilbys som mulige følger når endringen evalueres."), this);
    hint->setWordWrap(true);
    form_->addRow(hint);
    finish();
}

QDateTime ImplementDialog::at() const { return fromWallClock(at_->dateTime()); }
void ImplementDialog::setAt(const QDateTime& utc) { at_->setDateTime(toWallClock(utc)); }

// ---- ReviewDialog

ReviewDialog::ReviewDialog(const QList<std::pair<qint64, QString>>& candidates, QWidget* parent)
    : CaseDialog(QStringLiteral("reviewDialog"), tr("Evaluer endringen"), parent) {
    outcome_ = new QComboBox(this);
    outcome_->setObjectName(QStringLiteral("outcomeChoice"));
    for (const QString& o : changes::Outcome::all()) outcome_->addItem(outcomeTitle(o), o);
    form_->addRow(tr("Resultat:"), outcome_);
    note_ = addNoteField(tr("Notat:"), tr("Hvordan gikk det? (påkrevd om den ikke var vellykket)"));
    incidents_ = new QListWidget(this);
    incidents_->setObjectName(QStringLiteral("causedIncidents"));
    incidents_->setMinimumHeight(100);
    for (const auto& [id, text] : candidates) {
        auto* item = new QListWidgetItem(text, incidents_);
        item->setData(Qt::UserRole, id);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    form_->addRow(tr("Forårsaket endringen disse hendelsene?"), incidents_);
    if (candidates.isEmpty()) {
        auto* none = new QLabel(tr("Ingen hendelser på de berørte tjenestene etter at endringen ble gjennomført."), this);
        none->setWordWrap(true);
        form_->addRow(none);
    }
    finish();
}

QString ReviewDialog::outcome() const { return outcome_->currentData().toString(); }
QString ReviewDialog::note() const { return note_->toPlainText().trimmed(); }
int ReviewDialog::candidates() const { return incidents_->count(); }
bool ReviewDialog::setOutcome(const QString& outcome) { return chooseData(outcome_, outcome); }
void ReviewDialog::setNote(const QString& note) { note_->setPlainText(note); }

QList<qint64> ReviewDialog::causedIncidents() const {
    QList<qint64> ids;
    for (int row = 0; row < incidents_->count(); ++row)
        if (const QListWidgetItem* item = incidents_->item(row); item->checkState() == Qt::Checked) ids << item->data(Qt::UserRole).toLongLong();
    return ids;
}

bool ReviewDialog::setCaused(const QList<qint64>& ids) {
    QList<qint64> missing = ids;
    for (int row = 0; row < incidents_->count(); ++row) {
        QListWidgetItem* item = incidents_->item(row);
        const qint64 id = item->data(Qt::UserRole).toLongLong();
        item->setCheckState(ids.contains(id) ? Qt::Checked : Qt::Unchecked);
        missing.removeAll(id);
    }
    return missing.isEmpty();
}

QString ReviewDialog::check() const {
    if (outcome().isEmpty()) return tr("Velg resultatet.");
    if (outcome() != QLatin1String("success") && note().isEmpty()) return tr("Skriv hva som gikk galt, eller hva som ble rullet tilbake.");
    return {};
}

// ---- FreezeDialog

FreezeDialog::FreezeDialog(const Choices& services, const Choices& components, const QDateTime& now, QWidget* parent)
    : CaseDialog(QStringLiteral("freezeDialog"), tr("Ny frysperiode"), parent), services_(services), components_(components) {
    name_ = new QLineEdit(this);
    name_->setObjectName(QStringLiteral("freezeName"));
    name_->setMaxLength(200);
    name_->setPlaceholderText(tr("F.eks. «Skattesesong» eller «Valg 2027»"));
    scope_ = new QComboBox(this);
    scope_->setObjectName(QStringLiteral("freezeScope"));
    for (const QString& s : {QStringLiteral("all"), QStringLiteral("services"), QStringLiteral("components")}) scope_->addItem(freezeScopeTitle(s), s);
    keys_ = new QListWidget(this);
    keys_->setObjectName(QStringLiteral("freezeKeys"));
    keys_->setMinimumHeight(120);
    start_ = timeEdit(QStringLiteral("freezeStart"), this);
    end_ = timeEdit(QStringLiteral("freezeEnd"), this);
    const QDateTime from = tomorrowAt(now, 0);
    start_->setDateTime(toWallClock(from));
    end_->setDateTime(toWallClock(from.addDays(7)));
    reason_ = new QLineEdit(this);
    reason_->setObjectName(QStringLiteral("freezeReason"));
    reason_->setMaxLength(500);
    const QString zone = zoneName(from);
    form_->addRow(tr("Navn:"), name_);
    form_->addRow(tr("Omfang:"), scope_);
    form_->addRow(tr("Fryses:"), keys_);
    form_->addRow(tr("Fra (%1):").arg(zone), start_);
    form_->addRow(tr("Til (%1):").arg(zone), end_);
    form_->addRow(tr("Begrunnelse:"), reason_);
    auto* hint = new QLabel(tr("En frysperiode beskytter også det de frosne tjenestene og komponentene står på. I perioden godkjennes "
                               "bare hastendringer med begrunnelse."),
                            this);
    hint->setWordWrap(true);
    form_->addRow(hint);
    finish();
    connect(scope_, &QComboBox::currentIndexChanged, this, [this] { scopeChosen(); });
    scopeChosen();
    name_->setFocus();
}

void FreezeDialog::scopeChosen() {
    const QString scope = scope_->currentData().toString();
    const QStringList kept = checkedKeys();
    if (scope == QLatin1String("services")) fillCheckable(keys_, services_, kept);
    else if (scope == QLatin1String("components")) fillCheckable(keys_, components_, kept);
    else keys_->clear();
    keys_->setEnabled(scope != QLatin1String("all"));
}

QStringList FreezeDialog::checkedKeys() const { return checkedData(keys_); }

changes::Freeze FreezeDialog::freeze() const {
    changes::Freeze f;
    f.name = name_->text().trimmed();
    f.scope = scope_->currentData().toString();
    if (f.scope != QLatin1String("all")) f.keys = checkedKeys();
    f.start = fromWallClock(start_->dateTime());
    f.end = fromWallClock(end_->dateTime());
    f.reason = reason_->text().trimmed();
    return f;
}

void FreezeDialog::setName(const QString& name) { name_->setText(name); }
bool FreezeDialog::setScope(const QString& scope) { return chooseData(scope_, scope); }
bool FreezeDialog::setKeys(const QStringList& keys) { return checkExactly(keys_, keys); }
void FreezeDialog::setReason(const QString& reason) { reason_->setText(reason); }

void FreezeDialog::setPeriod(const QDateTime& start, const QDateTime& end) {
    start_->setDateTime(toWallClock(start));
    end_->setDateTime(toWallClock(end));
}

QString FreezeDialog::check() const {
    if (name_->text().trimmed().isEmpty()) return tr("Gi frysperioden et navn.");
    if (end_->dateTime() <= start_->dateTime()) return tr("Frysperioden må slutte etter at den begynner.");
    if (scope_->currentData().toString() != QLatin1String("all") && checkedKeys().isEmpty()) return tr("Velg hva som fryses.");
    return {};
}

}  // namespace vakt::desktop
