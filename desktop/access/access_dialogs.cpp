#include "desktop/access/access_dialogs.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>

#include "desktop/access/access_names.h"
#include "desktop/shell/formatting.h"

namespace vakt::desktop {

namespace {
bool isCtrlEnter(const QKeyEvent* key) {
    return (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && (key->modifiers() & Qt::ControlModifier);
}

// Something that looks like an e-mail address: one '@' with text either side, no spaces.
bool looksLikeEmail(const QString& text) {
    const qsizetype at = text.indexOf(QLatin1Char('@'));
    return at > 0 && at < text.size() - 1 && text.count(QLatin1Char('@')) == 1 && !text.contains(QLatin1Char(' '));
}

QPlainTextEdit* noteEdit(const QString& objectName, const QString& placeholder, QWidget* parent) {
    auto* edit = new QPlainTextEdit(parent);
    edit->setObjectName(objectName);
    edit->setPlaceholderText(placeholder);
    edit->setTabChangesFocus(true);
    edit->setMinimumHeight(70);
    return edit;
}

QListWidget* checkList(const QString& objectName, const Choices& choices, QWidget* parent) {
    auto* list = new QListWidget(parent);
    list->setObjectName(objectName);
    list->setMinimumHeight(110);
    for (const auto& [code, name] : choices) {
        auto* item = new QListWidgetItem(name.isEmpty() || name == code ? code : QStringLiteral("%1 (%2)").arg(name, code), list);
        item->setData(Qt::UserRole, code);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    return list;
}

std::vector<std::string> checkedCodes(const QListWidget* list) {
    std::vector<std::string> codes;
    for (int row = 0; row < list->count(); ++row)
        if (const QListWidgetItem* item = list->item(row); item->checkState() == Qt::Checked)
            codes.push_back(item->data(Qt::UserRole).toString().toStdString());
    return codes;
}

bool checkExactly(QListWidget* list, const QStringList& codes) {
    QStringList missing = codes;
    for (int row = 0; row < list->count(); ++row) {
        QListWidgetItem* item = list->item(row);
        const QString code = item->data(Qt::UserRole).toString();
        item->setCheckState(codes.contains(code) ? Qt::Checked : Qt::Unchecked);
        missing.removeAll(code);
    }
    return missing.isEmpty();
}

QWidget* labelled(const QString& label, QWidget* content, QWidget* above, QWidget* parent) {
    auto* box = new QWidget(parent);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(label, box));
    if (above) layout->addWidget(above);
    layout->addWidget(content, 1);
    return box;
}
}  // namespace

// ---- AccessDecisionDialog

AccessDecisionDialog::AccessDecisionDialog(const QString& objectName, const QString& title, const QString& summary, QWidget* parent)
    : CaseDialog(objectName, title, parent) {
    auto* about = new QLabel(summary, this);
    about->setObjectName(QStringLiteral("decisionSummary"));
    about->setWordWrap(true);
    about->setTextFormat(Qt::PlainText);
    form_->addRow(about);
}

void AccessDecisionDialog::confirmWithCtrlEnter(QWidget* field) { field->installEventFilter(this); }

bool AccessDecisionDialog::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::KeyPress && isCtrlEnter(static_cast<QKeyEvent*>(event))) {
        accept();  // checks and saves as OK does; stays open with the reason when refused
        return true;
    }
    return CaseDialog::eventFilter(watched, event);
}

void AccessDecisionDialog::keyPressEvent(QKeyEvent* event) {
    if (isCtrlEnter(event)) {
        accept();
        return;
    }
    CaseDialog::keyPressEvent(event);
}

// ---- JustificationDialog

JustificationDialog::JustificationDialog(const QString& summary, QWidget* parent)
    : AccessDecisionDialog(QStringLiteral("justificationDialog"), tr("Behold administratortilgang"), summary, parent) {
    auto* why = new QLabel(tr("Administratortilganger beholdes bare med en begrunnelse: hva trenger innehaveren den til?"), this);
    why->setWordWrap(true);
    form_->addRow(why);
    text_ = new QPlainTextEdit(this);
    text_->setObjectName(QStringLiteral("justificationText"));
    text_->setTabChangesFocus(true);
    text_->setMinimumHeight(100);
    text_->setPlaceholderText(tr("F.eks. «Driftsansvarlig for tjenesten i kommunen»"));
    form_->addRow(tr("Begrunnelse:"), text_);
    form_->addRow(new QLabel(tr("Ctrl+Enter eller OK bekrefter."), this));
    finish();
    confirmWithCtrlEnter(text_);
    text_->setFocus();
}

QString JustificationDialog::justification() const { return text_->toPlainText().trimmed(); }
void JustificationDialog::setJustification(const QString& text) { text_->setPlainText(text); }

QString JustificationDialog::check() const {
    if (justification().isEmpty()) return tr("Skriv hvorfor tilgangen skal beholdes: en administratortilgang beholdes ikke uten begrunnelse.");
    return {};
}

// ---- ReduceDialog

ReduceDialog::ReduceDialog(const QString& summary, const access::Grant& grant, QWidget* parent)
    : AccessDecisionDialog(QStringLiteral("reduceDialog"), tr("Reduser tilgangen"), summary, parent),
      privilege_(fromStd(grant.privilege)),
      detail_(fromStd(grant.detail)) {
    reduceTo_ = new QLineEdit(this);
    reduceTo_->setObjectName(QStringLiteral("reduceTo"));
    reduceTo_->setMaxLength(300);
    reduceTo_->setPlaceholderText(tr("En mindre tilgangstype eller en snevrere detalj"));
    QString hint;
    if (grant.privilege == access::Privilege::Admin)
        hint = tr("Mindre enn administrator: «%1» (tjenesteadministrator) eller «%2» (en bestemt rettighet).")
                   .arg(fromStd(access::Privilege::ServiceAdmin), fromStd(access::Privilege::Specific));
    else if (grant.privilege == access::Privilege::ServiceAdmin)
        hint = tr("Mindre enn tjenesteadministrator: «%1» (en bestemt rettighet), eller en snevrere detalj.").arg(fromStd(access::Privilege::Specific));
    else
        hint = tr("En snevrere detalj enn «%1», f.eks. bare lesetilgang.").arg(detail_);
    auto* hintLabel = new QLabel(hint, this);
    hintLabel->setWordWrap(true);
    note_ = noteEdit(QStringLiteral("reduceNote"), tr("Hvorfor (valgfritt)"), this);
    form_->addRow(tr("Reduser til:"), reduceTo_);
    form_->addRow(QString(), hintLabel);
    form_->addRow(tr("Notat:"), note_);
    form_->addRow(new QLabel(tr("Ctrl+Enter eller OK bekrefter."), this));
    finish();
    confirmWithCtrlEnter(reduceTo_);
    confirmWithCtrlEnter(note_);
    reduceTo_->setFocus();
}

QString ReduceDialog::reduceTo() const { return reduceTo_->text().trimmed(); }
QString ReduceDialog::note() const { return note_->toPlainText().trimmed(); }
void ReduceDialog::setReduceTo(const QString& value) { reduceTo_->setText(value); }
void ReduceDialog::setNote(const QString& note) { note_->setPlainText(note); }

QString ReduceDialog::check() const {
    const QString to = reduceTo();
    if (to.isEmpty()) return tr("Skriv hva tilgangen skal reduseres til.");
    if ((!detail_.isEmpty() && to == detail_) || (detail_.isEmpty() && to == privilege_))
        return tr("Det er tilgangen slik den er nå: skriv noe mindre, eller behold den.");
    return {};
}

// ---- DelegateDialog

DelegateDialog::DelegateDialog(const QString& summary, QWidget* parent)
    : AccessDecisionDialog(QStringLiteral("delegateDialog"), tr("Deleger avgjørelsen"), summary, parent) {
    auto* why = new QLabel(tr("Kjenner noen andre behovet bedre? Den du delegerer til, avgjør i stedet for deg. Innehaveren kan aldri avgjøre sin egen tilgang."), this);
    why->setWordWrap(true);
    form_->addRow(why);
    email_ = new QLineEdit(this);
    email_->setObjectName(QStringLiteral("delegateTo"));
    email_->setMaxLength(254);
    email_->setPlaceholderText(tr("navn@virksomhet.no"));
    note_ = noteEdit(QStringLiteral("delegateNote"), tr("Til den som får saken (valgfritt)"), this);
    form_->addRow(tr("E-post:"), email_);
    form_->addRow(tr("Notat:"), note_);
    form_->addRow(new QLabel(tr("Ctrl+Enter eller OK bekrefter."), this));
    finish();
    confirmWithCtrlEnter(email_);
    confirmWithCtrlEnter(note_);
    email_->setFocus();
}

QString DelegateDialog::email() const { return email_->text().trimmed(); }
QString DelegateDialog::note() const { return note_->toPlainText().trimmed(); }
void DelegateDialog::setEmail(const QString& email) { email_->setText(email); }
void DelegateDialog::setNote(const QString& note) { note_->setPlainText(note); }

QString DelegateDialog::check() const {
    if (!looksLikeEmail(email())) return tr("Skriv e-postadressen til den som skal avgjøre i stedet, f.eks. navn@kommune.no.");
    return {};
}

// ---- ReviewerRulesEditor

ReviewerRulesEditor::ReviewerRulesEditor(const QString& objectName, QWidget* parent) : QWidget(parent) {
    setObjectName(objectName);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    list_ = new QListWidget(this);
    list_->setObjectName(objectName + QStringLiteral("List"));
    list_->setMaximumHeight(96);
    layout->addWidget(list_);
    auto* row = new QHBoxLayout;
    kind_ = new QComboBox(this);
    kind_->setObjectName(objectName + QStringLiteral("Kind"));
    kind_->addItem(tr("Leder (fra eksporten)"), static_cast<int>(access::ReviewerRule::Kind::Leader));
    kind_->addItem(tr("Produktansvarlig for tjenesten"), static_cast<int>(access::ReviewerRule::Kind::ServiceOwner));
    kind_->addItem(tr("Navngitt person"), static_cast<int>(access::ReviewerRule::Kind::Named));
    email_ = new QLineEdit(this);
    email_->setObjectName(objectName + QStringLiteral("Email"));
    email_->setPlaceholderText(tr("e-post for navngitt person"));
    add_ = new QPushButton(tr("Legg til"), this);
    add_->setObjectName(objectName + QStringLiteral("Add"));
    up_ = new QPushButton(tr("Opp"), this);
    down_ = new QPushButton(tr("Ned"), this);
    remove_ = new QPushButton(tr("Fjern"), this);
    row->addWidget(kind_);
    row->addWidget(email_, 1);
    row->addWidget(add_);
    row->addWidget(up_);
    row->addWidget(down_);
    row->addWidget(remove_);
    layout->addLayout(row);
    connect(kind_, &QComboBox::currentIndexChanged, this, [this] { updateButtons(); });
    connect(email_, &QLineEdit::textChanged, this, [this] { updateButtons(); });
    connect(add_, &QPushButton::clicked, this, [this] { addRule(); });
    connect(up_, &QPushButton::clicked, this, [this] { moveRule(-1); });
    connect(down_, &QPushButton::clicked, this, [this] { moveRule(1); });
    connect(remove_, &QPushButton::clicked, this, [this] { removeRule(); });
    connect(list_, &QListWidget::currentRowChanged, this, [this] { updateButtons(); });
    updateButtons();
}

std::vector<access::ReviewerRule> ReviewerRulesEditor::rules() const { return rules_; }

void ReviewerRulesEditor::setRules(const std::vector<access::ReviewerRule>& rules) {
    rules_ = rules;
    fill(rules_.empty() ? -1 : 0);
}

QString ReviewerRulesEditor::problem() const {
    if (rules_.empty()) return tr("Legg til minst én regel for hvem som gjennomgår.");
    return {};
}

void ReviewerRulesEditor::fill(int select) {
    list_->clear();
    for (std::size_t i = 0; i < rules_.size(); ++i) list_->addItem(QStringLiteral("%1. %2").arg(i + 1).arg(AccessText::ruleText(rules_[i])));
    if (select >= 0 && select < list_->count()) list_->setCurrentRow(select);
    updateButtons();
}

void ReviewerRulesEditor::updateButtons() {
    const auto kind = static_cast<access::ReviewerRule::Kind>(kind_->currentData().toInt());
    const bool named = kind == access::ReviewerRule::Kind::Named;
    email_->setEnabled(named);
    add_->setEnabled(!named || looksLikeEmail(email_->text().trimmed()));
    const int row = list_->currentRow();
    up_->setEnabled(row > 0);
    down_->setEnabled(row >= 0 && row + 1 < list_->count());
    remove_->setEnabled(row >= 0);
}

void ReviewerRulesEditor::addRule() {
    access::ReviewerRule rule;
    rule.kind = static_cast<access::ReviewerRule::Kind>(kind_->currentData().toInt());
    if (rule.kind == access::ReviewerRule::Kind::Named) {
        const QString email = email_->text().trimmed();
        if (!looksLikeEmail(email)) return;
        rule.email = email.toLower().toStdString();
    }
    // The same rule twice never chooses anyone new.
    const bool known = std::any_of(rules_.cbegin(), rules_.cend(), [&rule](const access::ReviewerRule& r) { return r.kind == rule.kind && r.email == rule.email; });
    if (!known) rules_.push_back(rule);
    email_->clear();
    fill(static_cast<int>(rules_.size()) - 1);
}

void ReviewerRulesEditor::moveRule(int by) {
    const int row = list_->currentRow(), target = row + by;
    if (row < 0 || target < 0 || target >= static_cast<int>(rules_.size())) return;
    std::swap(rules_[static_cast<std::size_t>(row)], rules_[static_cast<std::size_t>(target)]);
    fill(target);
}

void ReviewerRulesEditor::removeRule() {
    const int row = list_->currentRow();
    if (row < 0 || row >= static_cast<int>(rules_.size())) return;
    rules_.erase(rules_.begin() + row);
    fill(std::min(row, static_cast<int>(rules_.size()) - 1));
}

// ---- NewCampaignDialog

NewCampaignDialog::NewCampaignDialog(const Choices& organisations, const Choices& services, const QDate& today, QWidget* parent)
    : CaseDialog(QStringLiteral("newCampaignDialog"), tr("Ny gjennomgang"), parent), today_(today) {
    name_ = new QLineEdit(this);
    name_->setObjectName(QStringLiteral("campaignName"));
    name_->setMaxLength(200);
    name_->setPlaceholderText(tr("F.eks. «Tilgangsgjennomgang høsten 2026»"));
    mode_ = new QComboBox(this);
    mode_->setObjectName(QStringLiteral("campaignMode"));
    mode_->addItem(tr("Full: alle tilganger i omfanget"), static_cast<int>(access::Mode::Full));
    mode_->addItem(tr("Endringer: nye og endrede tilganger siden forrige gjennomgang"), static_cast<int>(access::Mode::Differential));
    mode_->addItem(tr("Sluttede: tilganger til personer som har sluttet"), static_cast<int>(access::Mode::Leavers));

    auto* scope = new QWidget(this);
    auto* scopeLayout = new QHBoxLayout(scope);
    scopeLayout->setContentsMargins(0, 0, 0, 0);
    orgFilter_ = new QLineEdit(scope);
    orgFilter_->setObjectName(QStringLiteral("scopeOrganisationFilter"));
    orgFilter_->setPlaceholderText(tr("Finn virksomhet"));
    orgFilter_->setClearButtonEnabled(true);
    organisations_ = checkList(QStringLiteral("scopeOrganisations"), organisations, scope);
    services_ = checkList(QStringLiteral("scopeServices"), services, scope);
    Choices kinds;
    for (const std::string_view kind : {access::Privilege::Admin, access::Privilege::ServiceAdmin, access::Privilege::Specific, access::Privilege::Folkeregister})
        kinds.emplaceBack(fromStd(kind), AccessText::privilegeTitle(fromStd(kind)));
    privileges_ = checkList(QStringLiteral("scopePrivileges"), kinds, scope);
    scopeLayout->addWidget(labelled(tr("Virksomheter:"), organisations_, orgFilter_, scope), 3);
    scopeLayout->addWidget(labelled(tr("Tjenester:"), services_, nullptr, scope), 2);
    scopeLayout->addWidget(labelled(tr("Tilgangstyper:"), privileges_, nullptr, scope), 2);
    auto* scopeHint = new QLabel(tr("Kryss av for å avgrense. Ingenting avkrysset betyr alle."), this);
    scopeHint->setWordWrap(true);

    rules_ = new ReviewerRulesEditor(QStringLiteral("reviewerRules"), this);
    rules_->setRules({{access::ReviewerRule::Kind::Leader, {}}, {access::ReviewerRule::Kind::ServiceOwner, {}}});
    auto* rulesHint = new QLabel(tr("Reglene prøves i rekkefølge; den første som peker på en annen enn innehaveren, gjelder. "
                                    "Tilganger ingen kan gjennomgå, går til deg."),
                                 this);
    rulesHint->setWordWrap(true);
    twoStage_ = new QCheckBox(tr("Andre trinn: en til bekrefter etter den første"), this);
    twoStage_->setObjectName(QStringLiteral("secondStage"));
    secondRules_ = new ReviewerRulesEditor(QStringLiteral("secondStageRules"), this);
    secondRules_->setRules({{access::ReviewerRule::Kind::ServiceOwner, {}}});
    secondRules_->setEnabled(false);

    due_ = new QDateEdit(this);
    due_->setObjectName(QStringLiteral("campaignDue"));
    due_->setCalendarPopup(true);
    due_->setDisplayFormat(QStringLiteral("dd.MM.yyyy"));
    due_->setMinimumDate(today_);
    due_->setDate(today_.addDays(21));
    reminderDays_ = new QSpinBox(this);
    reminderDays_->setObjectName(QStringLiteral("reminderDays"));
    reminderDays_->setRange(0, 90);
    reminderDays_->setValue(7);
    reminderDays_->setSuffix(tr(" dager før fristen"));
    unanswered_ = new QComboBox(this);
    unanswered_->setObjectName(QStringLiteral("unanswered"));
    for (const std::string_view outcome : {access::Unanswered::Escalate, access::Unanswered::Revoke, access::Unanswered::Keep})
        unanswered_->addItem(AccessText::unansweredTitle(fromStd(outcome)), fromStd(outcome));

    form_->addRow(tr("Navn:"), name_);
    form_->addRow(tr("Type:"), mode_);
    form_->addRow(tr("Omfang:"), scope);
    form_->addRow(QString(), scopeHint);
    form_->addRow(tr("Hvem gjennomgår:"), rules_);
    form_->addRow(QString(), rulesHint);
    form_->addRow(QString(), twoStage_);
    form_->addRow(tr("Andre trinn:"), secondRules_);
    form_->addRow(tr("Frist:"), due_);
    form_->addRow(tr("Påminnelse:"), reminderDays_);
    form_->addRow(tr("Ubesvarte ved fristen:"), unanswered_);
    finish();
    setMinimumWidth(760);

    connect(twoStage_, &QCheckBox::toggled, secondRules_, &QWidget::setEnabled);
    connect(orgFilter_, &QLineEdit::textChanged, this, [this](const QString& text) {
        const QString wanted = text.trimmed();
        for (int row = 0; row < organisations_->count(); ++row) {
            QListWidgetItem* item = organisations_->item(row);
            item->setHidden(!wanted.isEmpty() && !item->text().contains(wanted, Qt::CaseInsensitive));
        }
    });
    name_->setFocus();
}

access::CampaignSpec NewCampaignDialog::spec() const {
    access::CampaignSpec s;
    s.name = name_->text().trimmed();
    s.mode = static_cast<access::Mode>(mode_->currentData().toInt());
    s.scope.organisations = checkedCodes(organisations_);
    s.scope.services = checkedCodes(services_);
    s.scope.privileges = checkedCodes(privileges_);
    s.reviewers = rules_->rules();
    if (twoStage_->isChecked()) s.secondStage = secondRules_->rules();
    s.due = due_->date();
    s.reminderDays = reminderDays_->value();
    s.unanswered = unanswered_->currentData().toString();
    return s;
}

QString NewCampaignDialog::check() const {
    if (name_->text().trimmed().isEmpty()) return tr("Skriv et navn på gjennomgangen.");
    if (const QString p = rules_->problem(); !p.isEmpty()) return p;
    if (twoStage_->isChecked())
        if (const QString p = secondRules_->problem(); !p.isEmpty()) return tr("Andre trinn: %1").arg(p);
    if (due_->date() < today_) return tr("Fristen kan ikke ligge før i dag.");
    return {};
}

void NewCampaignDialog::setName(const QString& name) { name_->setText(name); }

bool NewCampaignDialog::setMode(access::Mode mode) {
    const int i = mode_->findData(static_cast<int>(mode));
    if (i < 0) return false;
    mode_->setCurrentIndex(i);
    return true;
}

bool NewCampaignDialog::setOrganisations(const QStringList& orgnrs) { return checkExactly(organisations_, orgnrs); }
bool NewCampaignDialog::setServices(const QStringList& keys) { return checkExactly(services_, keys); }
bool NewCampaignDialog::setPrivileges(const QStringList& kinds) { return checkExactly(privileges_, kinds); }
void NewCampaignDialog::setReviewerRules(const std::vector<access::ReviewerRule>& rules) { rules_->setRules(rules); }

void NewCampaignDialog::setSecondStage(const std::vector<access::ReviewerRule>& rules) {
    twoStage_->setChecked(!rules.empty());
    if (!rules.empty()) secondRules_->setRules(rules);
}

void NewCampaignDialog::setDue(const QDate& due) { due_->setDate(due); }
void NewCampaignDialog::setReminderDays(int days) { reminderDays_->setValue(days); }

bool NewCampaignDialog::setUnanswered(const QString& outcome) {
    const int i = unanswered_->findData(outcome);
    if (i < 0) return false;
    unanswered_->setCurrentIndex(i);
    return true;
}

// ---- ImportResultDialog

ImportResultDialog::ImportResultDialog(const QString& title, const QString& heading, const QString& text, bool failed, QWidget* parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("importResultDialog"));
    setWindowTitle(title);
    auto* layout = new QVBoxLayout(this);
    auto* head = new QLabel(heading, this);
    head->setObjectName(QStringLiteral("importHeading"));
    head->setWordWrap(true);
    head->setTextFormat(Qt::PlainText);
    if (failed) head->setStyleSheet(QStringLiteral("color: %1; font-weight: bold").arg(QLatin1String(kWarningRed)));
    layout->addWidget(head);
    text_ = new QPlainTextEdit(this);
    text_->setObjectName(QStringLiteral("importText"));
    text_->setReadOnly(true);
    text_->setLineWrapMode(QPlainTextEdit::NoWrap);
    text_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    text_->setPlainText(text);
    layout->addWidget(text_, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* copy = buttons->addButton(tr("Kopier"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("copyImportText"));
    connect(copy, &QPushButton::clicked, this, [this] { QGuiApplication::clipboard()->setText(text_->toPlainText()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    layout->addWidget(buttons);
    resize(760, 480);
}

QString ImportResultDialog::text() const { return text_->toPlainText(); }

}  // namespace vakt::desktop
