#include "desktop/access/review_view.h"

#include <QComboBox>
#include <QFont>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QSignalBlocker>
#include <QVBoxLayout>
#include <algorithm>
#include <utility>

#include "desktop/access/access_dialogs.h"
#include "desktop/access/access_names.h"
#include "desktop/access/review_model.h"
#include "desktop/shell/formatting.h"
#include "desktop/shell/tables.h"

namespace vakt::desktop {

namespace {
// The one e-mail every item names as its reviewer or second reviewer: whose view this is. The
// session knows only the username, and the service chooses reviewers by e-mail.
QString commonReviewer(const QList<access::ReviewItem>& items) {
    QSet<QString> common;
    bool first = true;
    for (const access::ReviewItem& item : items) {
        QSet<QString> these;
        if (!item.reviewer.isEmpty()) these.insert(item.reviewer.toLower());
        if (!item.secondReviewer.isEmpty()) these.insert(item.secondReviewer.toLower());
        if (first) {
            common = these;
            first = false;
        } else {
            common.intersect(these);
        }
        if (common.isEmpty()) return {};
    }
    return common.size() == 1 ? *common.cbegin() : QString();
}
}  // namespace

// ---- ReviewTableView

void ReviewTableView::keyPressEvent(QKeyEvent* event) {
    // Shift and caps lock make no difference; Ctrl or Alt with a letter is someone else's shortcut.
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~(Qt::ShiftModifier | Qt::KeypadModifier);
    if (modifiers == Qt::KeyboardModifiers()) {
        switch (event->key()) {
            case Qt::Key_B:
                event->accept();
                emit decisionKey(fromStd(access::Decision::Keep));
                return;
            case Qt::Key_F:
                event->accept();
                emit decisionKey(fromStd(access::Decision::Revoke));
                return;
            case Qt::Key_R:
                event->accept();
                emit decisionKey(fromStd(access::Decision::Reduce));
                return;
            case Qt::Key_D:
                event->accept();
                emit decisionKey(fromStd(access::Decision::Delegate));
                return;
            case Qt::Key_Return:
            case Qt::Key_Enter:
            case Qt::Key_Space:
                event->accept();
                emit confirmKey();
                return;
            default: break;
        }
    }
    QTableView::keyPressEvent(event);
}

// ---- ReviewView

ReviewView::ReviewView(AppContext& context, QWidget* parent) : QWidget(parent), ctx_(context) {
    setObjectName(QStringLiteral("reviewView"));
    canDecide_ = ctx_.session.allows(access::permission::AccessReview);
    auto* layout = new QVBoxLayout(this);

    auto* top = new QHBoxLayout;
    campaignChoice_ = new QComboBox(this);
    campaignChoice_->setObjectName(QStringLiteral("reviewCampaign"));
    campaignChoice_->setMinimumWidth(320);
    campaignInfo_ = new QLabel(this);
    campaignInfo_->setObjectName(QStringLiteral("reviewCampaignInfo"));
    campaignInfo_->setTextFormat(Qt::RichText);
    counter_ = new QLabel(this);
    counter_->setObjectName(QStringLiteral("reviewCounter"));
    QFont bold = counter_->font();
    bold.setBold(true);
    counter_->setFont(bold);
    top->addWidget(new QLabel(tr("Gjennomgang:"), this));
    top->addWidget(campaignChoice_);
    top->addWidget(campaignInfo_, 1);
    top->addWidget(counter_);
    layout->addLayout(top);

    legend_ = new QLabel(tr("Tastene i tabellen: <b>B</b> behold · <b>F</b> fjern · <b>R</b> reduser… · <b>D</b> deleger… · "
                            "piltastene flytter. Enter og mellomrom avgjør ikke noe."),
                         this);
    legend_->setObjectName(QStringLiteral("reviewLegend"));
    legend_->setTextFormat(Qt::RichText);
    legend_->setWordWrap(true);
    layout->addWidget(legend_);
    message_ = new QLabel(this);
    message_->setObjectName(QStringLiteral("reviewMessage"));
    message_->setWordWrap(true);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(message_);

    model_ = new ReviewItemModel(this);
    table_ = new ReviewTableView(this);
    table_->setObjectName(QStringLiteral("reviewTable"));
    table_->setModel(model_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setTabKeyNavigation(false);
    table_->setWordWrap(false);
    table_->verticalHeader()->hide();
    // Fixed row heights: the view never measures every row.
    table_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table_->setItemDelegateForColumn(ReviewItemModel::Flags, new FlagChipDelegate(table_));
    // Flagged first until the person sorts otherwise (then their choice is remembered).
    table_->horizontalHeader()->setSortIndicator(ReviewItemModel::Flags, Qt::DescendingOrder);
    table_->horizontalHeader()->setSortIndicatorShown(true);
    rememberHeader(table_->horizontalHeader(), QStringLiteral("accessReview"));
    table_->setColumnHidden(ReviewItemModel::Reviewer, true);  // always oneself here
    table_->setSortingEnabled(true);
    table_->setAccessibleDescription(tr("B behold, F fjern, R reduser, D deleger. Enter og mellomrom avgjør ikke noe."));
    layout->addWidget(table_, 1);

    auto* buttons = new QHBoxLayout;
    keep_ = new QPushButton(tr("Behold (B)"), this);
    keep_->setObjectName(QStringLiteral("keepButton"));
    revoke_ = new QPushButton(tr("Fjern (F)"), this);
    revoke_->setObjectName(QStringLiteral("revokeButton"));
    revoke_->setToolTip(tr("Tilgangen tas bort når gjennomgangen lukkes."));
    reduce_ = new QPushButton(tr("Reduser… (R)"), this);
    reduce_->setObjectName(QStringLiteral("reduceButton"));
    reduce_->setToolTip(tr("Tilgangen gjøres mindre: du blir spurt hva den skal bli."));
    delegate_ = new QPushButton(tr("Deleger… (D)"), this);
    delegate_->setObjectName(QStringLiteral("delegateButton"));
    delegate_->setToolTip(tr("En annen avgjør i stedet for deg: du blir spurt hvem."));
    buttons->addWidget(keep_);
    buttons->addWidget(revoke_);
    buttons->addWidget(reduce_);
    buttons->addWidget(delegate_);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    connect(table_, &ReviewTableView::decisionKey, this, [this](const QString& decision) { decideCurrent(decision); });
    connect(table_, &ReviewTableView::confirmKey, this, [this] {
        hint(tr("Enter og mellomrom avgjør ikke noe, så ingen tilgang beholdes ved et uhell. Trykk B for å beholde eller F for å fjerne."));
    });
    const std::pair<QPushButton*, std::string_view> actions[] = {
        {keep_, access::Decision::Keep}, {revoke_, access::Decision::Revoke}, {reduce_, access::Decision::Reduce}, {delegate_, access::Decision::Delegate}};
    for (const auto& [button, code] : actions)
        connect(button, &QPushButton::clicked, this, [this, decision = fromStd(code)] {
            decideCurrent(decision);
            table_->setFocus();  // the keys go on from where the mouse left off
        });
    connect(campaignChoice_, &QComboBox::currentIndexChanged, this, [this](int index) {
        campaign_ = index < 0 ? 0 : campaignChoice_->itemData(index).toLongLong();
        loadItems(0);
    });
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] { updateButtons(); });
    reload();
}

int ReviewView::campaignCount() const { return static_cast<int>(campaigns_.size()); }
QString ReviewView::counterText() const { return counter_->text(); }
QString ReviewView::message() const { return message_->text(); }
bool ReviewView::messageIsWarning() const { return warning_; }
int ReviewView::total() const { return model_->count(); }
int ReviewView::decidedCount() const { return model_->doneCount(); }
int ReviewView::openCount() const { return model_->openCount(); }

std::optional<access::ReviewItem> ReviewView::currentItem() const {
    const QModelIndex current = table_->currentIndex();
    const access::ReviewItem* item = current.isValid() ? model_->itemAt(current.row()) : nullptr;
    if (!item) return std::nullopt;
    return *item;
}

bool ReviewView::selectNumber(int number) {
    const int row = model_->rowOfNumber(number);
    if (row < 0) return false;
    const QModelIndex index = model_->index(row, ReviewItemModel::Holder);
    table_->setCurrentIndex(index);
    table_->scrollTo(index);
    return true;
}

void ReviewView::loadNames() {
    CatalogNames names = loadCatalogNames(ctx_);
    organisations_ = std::move(names.organisations);
    services_ = std::move(names.services);
    people_ = std::move(names.people);
    namesLoaded_ = true;
    model_->setNames(organisations_, services_, people_);
}

void ReviewView::reload() {
    const auto current = currentItem();
    if (!namesLoaded_) loadNames();
    fillCampaigns(campaign_);
    loadItems(current ? current->number : 0);
}

void ReviewView::fillCampaigns(qint64 keep) {
    campaigns_.clear();
    access::AccessService service(*ctx_.store);
    auto all = service.campaigns(ctx_.session);
    if (!all) {
        showOutcome(message_, Status{all.error()});
        warning_ = true;
    } else {
        std::optional<Error> refused;
        for (const access::Campaign& c : *all) {
            if (c.state != QLatin1String("open")) continue;
            // Only campaigns with something for this reviewer: the others would be an empty list.
            auto mine = service.myItems(ctx_.session, c.id, false);
            if (!mine) refused = mine.error();
            else if (!mine->isEmpty()) campaigns_.append(c);
        }
        // Say why there is nothing, e.g. a user not linked to a person of the catalogue.
        if (campaigns_.isEmpty() && refused) {
            showOutcome(message_, Status{*refused});
            warning_ = true;
        }
    }
    const QSignalBlocker block(campaignChoice_);
    campaignChoice_->clear();
    for (const access::Campaign& c : std::as_const(campaigns_))
        campaignChoice_->addItem(tr("%1 (frist %2)").arg(c.name, formatDate(c.due)), QVariant::fromValue(c.id));
    int index = campaignChoice_->findData(QVariant::fromValue(keep));
    if (index < 0) index = campaigns_.isEmpty() ? -1 : 0;
    campaignChoice_->setCurrentIndex(index);
    campaign_ = index < 0 ? 0 : campaignChoice_->itemData(index).toLongLong();
    campaignChoice_->setEnabled(campaigns_.size() > 1);
}

bool ReviewView::setCampaign(qint64 id) {
    const int index = campaignChoice_->findData(QVariant::fromValue(id));
    if (index < 0) return false;
    if (index == campaignChoice_->currentIndex()) {
        if (campaign_ != id) {
            campaign_ = id;
            loadItems(0);
        }
        return true;
    }
    campaignChoice_->setCurrentIndex(index);  // loads the items
    return campaign_ == id;
}

void ReviewView::loadItems(int keepNumber) {
    QList<access::ReviewItem> items;
    const access::Campaign* shown = nullptr;
    for (const access::Campaign& c : std::as_const(campaigns_))
        if (c.id == campaign_) shown = &c;
    if (campaign_ > 0) {
        auto mine = access::AccessService(*ctx_.store).myItems(ctx_.session, campaign_, false);
        if (!mine) {
            showOutcome(message_, Status{mine.error()});
            warning_ = true;
        } else {
            items = *mine;
        }
    }
    reviewer_ = commonReviewer(items);
    model_->setReviewer(reviewer_);
    model_->setItems(items, ctx_.store->clock().now());
    fitColumns(table_);

    if (shown) {
        QString info = tr("Frist %1").arg(formatDate(shown->due));
        if (shown->due.isValid() && shown->due < ctx_.store->clock().today())
            info = QStringLiteral("<span style='color:%1'>%2</span>").arg(QLatin1String(kWarningRed), tr("Fristen %1 er passert").arg(formatDate(shown->due)).toHtmlEscaped());
        else
            info = info.toHtmlEscaped();
        const QString owner = shown->ownerEmail.isEmpty() ? shown->owner : shown->ownerEmail;
        campaignInfo_->setText(info + QStringLiteral(" · ") + tr("ansvarlig: %1").arg(owner).toHtmlEscaped());
    } else {
        campaignInfo_->clear();
    }

    int row = keepNumber > 0 ? model_->rowOfNumber(keepNumber) : -1;
    if (row < 0) row = model_->nextOpenRow(-1);
    if (row < 0 && model_->count() > 0) row = 0;
    if (row >= 0) {
        const QModelIndex index = model_->index(row, ReviewItemModel::Holder);
        table_->setCurrentIndex(index);
        table_->scrollTo(index);
    }
    updateCounter();
    updateButtons();
    if (campaigns_.isEmpty() && !warning_) hint(tr("Du har ingen tilganger å gjennomgå i åpne gjennomganger."));
    else if (!canDecide_) hint(tr("Rollen din (%1) kan se tilgangene, men ikke avgjøre dem.").arg(roleTitle(ctx_.session.role)));
}

void ReviewView::updateCounter() {
    counter_->setText(tr("%1 av %2 avgjort").arg(model_->doneCount()).arg(model_->count()));
}

void ReviewView::updateButtons() {
    const QModelIndex current = table_->currentIndex();
    const bool have = current.isValid() && model_->stateAt(current.row()) != ReviewItemModel::State::Waiting;
    for (QPushButton* b : {keep_, revoke_, reduce_, delegate_}) b->setEnabled(canDecide_ && have);
    const access::ReviewItem* item = current.isValid() ? model_->itemAt(current.row()) : nullptr;
    keep_->setToolTip(!canDecide_ ? tr("Rollen din kan ikke avgjøre tilganger.")
                      : item && access::Privilege::privileged(item->grant.privilege)
                          ? tr("Administratortilgang: du blir bedt om en begrunnelse før den beholdes.")
                          : tr("Tilgangen beholdes som den er."));
}

void ReviewView::fail(const QString& text) {
    message_->setText(text);
    message_->setToolTip({});
    message_->setStyleSheet(QStringLiteral("color: %1").arg(QLatin1String(kWarningRed)));
    warning_ = true;
}

void ReviewView::hint(const QString& text) {
    message_->setText(text);
    message_->setToolTip({});
    message_->setStyleSheet({});
    warning_ = false;
}

QString ReviewView::summary(const access::ReviewItem& item) const {
    const access::Grant& g = item.grant;
    QString what = AccessText::privilegeTitle(fromStd(g.privilege));
    if (!g.detail.empty()) what += QLatin1Char(' ') + fromStd(g.detail);
    const QString service = g.service.empty() ? tr("hele virksomheten") : services_.value(fromStd(g.service), fromStd(g.service));
    const QString orgnr = fromStd(g.orgnr);
    const QString org = organisations_.value(orgnr, orgnr);
    return tr("Nr %1: %2 – %3 i %4, %5").arg(QString::number(item.number), AccessText::holderText(g), what, service, org);
}

bool ReviewView::decideCurrent(const QString& decision) {
    if (!canDecide_) {
        fail(tr("Rollen din (%1) kan se tilgangene, men ikke avgjøre dem.").arg(roleTitle(ctx_.session.role)));
        return false;
    }
    const QModelIndex current = table_->currentIndex();
    const access::ReviewItem* found = current.isValid() ? model_->itemAt(current.row()) : nullptr;
    if (!found) {
        fail(tr("Velg en tilgang i listen først."));
        return false;
    }
    // A copy: the row may be read again while a dialog is open.
    const access::ReviewItem item = *found;
    if (model_->stateAt(current.row()) == ReviewItemModel::State::Waiting) {
        fail(tr("Nr %1 avgjøres først av %2 (1. trinn).").arg(QString::number(item.number), item.reviewer));
        return false;
    }
    const QString keep = fromStd(access::Decision::Keep), reduce = fromStd(access::Decision::Reduce),
                  delegate = fromStd(access::Decision::Delegate);
    const int number = item.number;
    if (decision == keep && access::Privilege::privileged(item.grant.privilege)) {
        auto* d = new JustificationDialog(summary(item), this);
        d->setSubmit([this, d, number, keep] { return decide(number, keep, d->justification()) ? QString() : message(); });
        return runOwned(d) == QDialog::Accepted;
    }
    if (decision == reduce) {
        auto* d = new ReduceDialog(summary(item), item.grant, this);
        d->setSubmit([this, d, number, reduce] { return decide(number, reduce, d->note(), d->reduceTo()) ? QString() : message(); });
        return runOwned(d) == QDialog::Accepted;
    }
    if (decision == delegate) {
        auto* d = new DelegateDialog(summary(item), this);
        d->setSubmit([this, d, number, delegate] { return decide(number, delegate, d->note(), {}, d->email()) ? QString() : message(); });
        return runOwned(d) == QDialog::Accepted;
    }
    return decide(number, decision);
}

bool ReviewView::decide(int number, const QString& decision, const QString& justification, const QString& reduceTo, const QString& delegateTo) {
    const int row = model_->rowOfNumber(number);
    if (row < 0 || campaign_ <= 0) {
        fail(tr("Nr %1 er ikke blant tilgangene dine i denne gjennomgangen.").arg(number));
        return false;
    }
    const Status stored =
        access::AccessService(*ctx_.store).decide(ctx_.session, campaign_, number, decision, justification, reduceTo, delegateTo);
    if (!stored) {
        // The row stays as it was; the service's reason is what the reviewer reads.
        showOutcome(message_, stored);
        warning_ = true;
        return false;
    }
    model_->recordDecision(row, decision, justification, reduceTo, delegateTo, ctx_.session.username, ctx_.store->clock().now());
    updateCounter();
    QString done = tr("Nr %1: %2.").arg(QString::number(number), AccessText::decisionText(*model_->itemAt(row)));
    const int next = model_->nextOpenRow(row);
    if (next >= 0) {
        const int column = std::max(0, table_->currentIndex().column());
        const QModelIndex index = model_->index(next, column);
        table_->setCurrentIndex(index);
        table_->scrollTo(index);
    } else {
        done += QLatin1Char(' ') + tr("Alle tilgangene dine i denne gjennomgangen er avgjort.");
    }
    showOutcome(message_, Status{}, done);
    warning_ = false;
    updateButtons();
    emit decided();
    return true;
}

}  // namespace vakt::desktop
