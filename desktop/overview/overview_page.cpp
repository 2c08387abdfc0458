#include "desktop/overview/overview_page.h"

#include <QCommandLinkButton>
#include <QGridLayout>
#include <QLabel>
#include <QTimer>
#include <QVBoxLayout>

#include "collector/audit/ledger_module.h"
#include "core/catalog_service.h"
#include "core/incidents.h"
#include "core/monitoring.h"
#include "desktop/shell/formatting.h"

namespace vakt::desktop {

namespace {
QString severities(const SeverityCounts& c) {
    QStringList parts;
    if (c.critical) parts << OverviewPage::tr("%n kritisk(e)", nullptr, c.critical);
    if (c.warning) parts << OverviewPage::tr("%n advarsel(er)", nullptr, c.warning);
    if (c.info) parts << OverviewPage::tr("%n til orientering", nullptr, c.info);
    return parts.join(QStringLiteral(", "));
}
}  // namespace

OverviewPage::OverviewPage(AppContext& context, QWidget* parent) : Page(parent), ctx_(context) {
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(QStringLiteral("<h2>%1</h2>").arg(tr("Oversikt")), this));
    greeting_ = new QLabel(this);
    greeting_->setObjectName(QStringLiteral("overviewGreeting"));
    layout->addWidget(greeting_);
    collector_ = new QLabel(this);
    collector_->setObjectName(QStringLiteral("overviewCollector"));
    collector_->setWordWrap(true);
    collector_->setStyleSheet(QStringLiteral("QLabel { background: #fdecea; color: #8a1c1c; padding: 8px; border-radius: 4px; font-weight: bold }"));
    layout->addWidget(collector_);
    problems_ = new QLabel(this);
    problems_->setObjectName(QStringLiteral("overviewProblems"));
    problems_->setWordWrap(true);
    layout->addWidget(problems_);
    grid_ = new QGridLayout;
    grid_->setSpacing(12);
    layout->addLayout(grid_);
    layout->addStretch(1);
    auto* timer = new QTimer(this);
    connect(timer, &QTimer::timeout, this, &OverviewPage::refresh);
    timer->start(60000);
    refresh();
}

QCommandLinkButton* OverviewPage::card(const QString& id, const QString& title, const QString& detail, int count, const QString& page,
                                       const QString& which) {
    auto* button = new QCommandLinkButton(title, detail, this);
    button->setObjectName(QStringLiteral("overview_") + id);
    button->setMinimumHeight(84);
    // A card: what waits is marked at its left edge, what is fine is quiet.
    button->setStyleSheet(QStringLiteral("QCommandLinkButton { border: 1px solid #c8c8c8; border-left: 6px solid %1; border-radius: 4px;"
                                         " background: palette(base); padding: 8px; }")
                              .arg(count > 0 ? QStringLiteral("#b00020") : QStringLiteral("#1b5e20")));
    QFont f = button->font();
    f.setPointSizeF(f.pointSizeF() * 1.25);
    f.setBold(count > 0);
    button->setFont(f);
    connect(button, &QCommandLinkButton::clicked, this, [this, page, which] { emit openPage(page, which); });
    figures_ << Figure{id, count, page, which};
    return button;
}

void OverviewPage::refresh() {
    while (QLayoutItem* item = grid_->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    figures_.clear();
    QStringList problems;
    const QDateTime now = ctx_.store->clock().now();
    greeting_->setText(tr("Dette venter nå (%1).").arg(formatDateTime(now)));
    QList<QCommandLinkButton*> cards;

    IncidentStore incidents(*ctx_.store);
    auto counts = incidents.openCounts(ctx_.session);
    if (!counts) problems << describeError(counts.error());
    const SeverityCounts alerts = counts ? counts->value(QStringLiteral("monitoring")) : SeverityCounts{};
    cards << card(QStringLiteral("alerts"), tr("%n åpne varsler", nullptr, alerts.total()),
                  alerts.total() ? severities(alerts) : tr("Ingen åpne varsler fra overvåkingen."), alerts.total(), QStringLiteral("monitoring"),
                  QStringLiteral("alerts"));

    if (ctx_.session.allows(audit::permission::Investigate)) {
        const SeverityCounts findings = counts ? counts->value(QStringLiteral("audit")) : SeverityCounts{};
        cards << card(QStringLiteral("findings"), tr("%n åpne funn i revisjonsloggen", nullptr, findings.total()),
                      findings.total() ? severities(findings) : tr("Ingen åpne funn fra deteksjonsreglene."), findings.total(),
                      QStringLiteral("audit"), QStringLiteral("findings"));
    }

    MonitoringStore monitoring(*ctx_.store);
    auto status = monitoring.serviceStatus(ctx_.session, now);
    auto collector = monitoring.collectorState(ctx_.session, now);
    if (!status) problems << describeError(status.error());
    int notUp = 0, total = 0;
    QStringList names;
    if (status)
        for (const auto& s : *status) {
            ++total;
            if (s.state != QLatin1String("up")) {
                ++notUp;
                if (names.size() < 4) names << s.name;
            }
        }
    const bool silent = collector && collector->silent;
    collector_->setVisible(silent);
    if (silent)
        collector_->setText(collector->lastReport.isValid()
                                ? tr("Overvåkingen har ikke rapportert siden %1 (%2). Tilstanden under er ikke oppdatert.")
                                      .arg(formatDateTime(collector->lastReport), formatAge(collector->lastReport, now))
                                : tr("Overvåkingen har ikke rapportert ennå. Tilstanden under er ukjent."));
    cards << card(QStringLiteral("services"), tr("%n tjeneste(r) ikke oppe", nullptr, notUp),
                  total == 0 ? tr("Ingen tjenester overvåkes ennå.")
                  : notUp    ? names.join(QStringLiteral(", ")) + (notUp > names.size() ? QStringLiteral(" …") : QString())
                             : tr("Alle %n tjenester er oppe.", nullptr, total),
                  notUp, QStringLiteral("monitoring"), QStringLiteral("not-up"));

    CatalogService catalog(*ctx_.store);
    auto entries = catalog.list(ctx_.session);
    if (!entries) problems << describeError(entries.error());
    int stale = 0;
    if (entries)
        for (const auto& e : *entries) stale += documentsNeedFollowUp(e, ctx_.store->clock().today()) ? 1 : 0;
    cards << card(QStringLiteral("documents"), tr("%n oppføring(er) med ROS eller DPIA som mangler eller er for gammel", nullptr, stale),
                  entries ? tr("av %n i produktkatalogen. ROS og DPIA skal fornyes minst hvert år.", nullptr, static_cast<int>(entries->size()))
                          : QString(),
                  stale, QStringLiteral("catalog"), QStringLiteral("stale"));

    for (int i = 0; i < cards.size(); ++i) grid_->addWidget(cards[i], i / 2, i % 2);
    problems_->setVisible(!problems.isEmpty());
    problems_->setText(problems.join(QLatin1Char('\n')));
    emit attentionChanged();
}

}  // namespace vakt::desktop
