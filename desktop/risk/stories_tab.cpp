#include "desktop/risk/stories_tab.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "desktop/shell/formatting.h"
#include "desktop/shell/language.h"
#include "desktop/risk/risk_page.h"
#include "riskmodel/register.h"

namespace vakt::desktop {

namespace {
QString personaKindTitle(const QString& kind) {
    if (kind == QLatin1String("citizen")) return StoriesTab::tr("Innbygger");
    if (kind == QLatin1String("caseworker")) return StoriesTab::tr("Saksbehandler");
    if (kind == QLatin1String("administrator")) return StoriesTab::tr("Administrator");
    if (kind == QLatin1String("integration")) return StoriesTab::tr("Integrasjon");
    if (kind == QLatin1String("vendor")) return StoriesTab::tr("Leverandør");
    if (kind == QLatin1String("platform-operator")) return StoriesTab::tr("Plattformdrift");
    return kind;
}
}  // namespace

StoriesTab::StoriesTab(AppContext& context, TitleOf title, QWidget* parent) : QWidget(parent), ctx_(context), title_(std::move(title)) {
    setObjectName(QStringLiteral("riskStories"));
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Tjeneste:"), this));
    service_ = new QComboBox(this);
    service_->setObjectName(QStringLiteral("riskStoriesService"));
    top->addWidget(service_);
    top->addStretch(1);
    save_ = new QPushButton(tr("Lag ROS-mal for kommunene …"), this);
    save_->setObjectName(QStringLiteral("riskTemplate"));
    save_->setToolTip(tr("Lagrer en ROS-mal (XLSX eller Markdown) med tjenestens data, brukerhistorier, plattformens risikoer og tiltak, "
                         "og tomme kolonner for kommunens egen vurdering."));
    top->addWidget(save_);
    layout->addLayout(top);
    state_ = new QLabel(this);
    state_->setWordWrap(true);
    layout->addWidget(state_);
    tree_ = new QTreeWidget(this);
    tree_->setObjectName(QStringLiteral("riskStoriesTree"));
    tree_->setHeaderLabels({tr("Historie"), tr("Nivå"), tr("Status"), tr("Tiltak")});
    tree_->setWordWrap(true);
    tree_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    layout->addWidget(tree_, 1);
    connect(service_, &QComboBox::currentIndexChanged, this, [this] { load(); });
    connect(save_, &QPushButton::clicked, this, [this] {
        if (!template_) return;
        const QString path = QFileDialog::getSaveFileName(this, tr("Lagre ROS-mal"), QStringLiteral("ros-mal-%1.xlsx").arg(template_->service),
                                                          tr("Regneark (*.xlsx);;Markdown (*.md)"));
        if (!path.isEmpty()) saveTemplate(path);
    });
}

void StoriesTab::setServices(const QList<QPair<QString, QString>>& keysAndTitles) {
    const QString keep = service_->currentData().toString();
    {
        const QSignalBlocker block(service_);
        service_->clear();
        for (const auto& [key, title] : keysAndTitles) service_->addItem(title, key);
        service_->setCurrentIndex(std::max(0, service_->findData(keep)));
    }
    load();
}

bool StoriesTab::showService(const QString& service) {
    const int i = service_->findData(service);
    if (i < 0) return false;
    service_->setCurrentIndex(i);
    load();
    return template_.has_value();
}

int StoriesTab::storyCount() const { return template_ ? static_cast<int>(template_->stories.size()) : 0; }

void StoriesTab::load() {
    tree_->clear();
    template_.reset();
    save_->setEnabled(false);
    const QString service = service_->currentData().toString();
    if (service.isEmpty()) {
        state_->setText(tr("Ingen tjeneste har en trusselmodell ennå."));
        return;
    }
    auto t = risk::buildRosTemplate(*ctx_.store, ctx_.session, service);
    if (!t) {
        state_->setText(describeError(t.error()));
        return;
    }
    template_ = std::move(*t);
    save_->setEnabled(true);
    state_->setText(template_->stories.isEmpty()
                        ? tr("Trusselmodellen for %1 har ingen brukerhistorier ennå (personas og stories i modellfilen).").arg(template_->serviceName)
                        : tr("%n brukerhistorie(r) i trusselmodellen for %1, versjon %2.", "", static_cast<int>(template_->stories.size()))
                              .arg(template_->serviceName)
                              .arg(template_->modelVersion));
    const auto matrix = risk::RiskService(*ctx_.store).matrix(ctx_.session);
    auto level = [&](const QString& key) { return matrix ? levelTitle(*matrix, key) : key; };
    QString persona;
    QTreeWidgetItem* personaItem = nullptr;
    for (const auto& u : template_->stories) {
        if (!personaItem || u.personaId != persona) {
            persona = u.personaId;
            personaItem = new QTreeWidgetItem(tree_, {QStringLiteral("%1 (%2)").arg(u.personaTitle, personaKindTitle(u.personaKind))});
            QFont bold = personaItem->font(0);
            bold.setBold(true);
            personaItem->setFont(0, bold);
        }
        auto* story = new QTreeWidgetItem(personaItem, {u.text});
        story->setToolTip(0, tr("Går gjennom: %1").arg(u.elements.join(QStringLiteral(", "))));
        for (const auto& rs : u.riskStories) {
            auto* against = new QTreeWidgetItem(story, {tr("Mot: %1").arg(rs.text)});
            for (const auto& r : rs.risks) {
                auto* item = new QTreeWidgetItem(against);
                if (!r.raised) {
                    item->setText(0, tr("%1 – reises ikke av gjeldende analyse").arg(r.ref));
                    item->setForeground(0, QColor(QStringLiteral("#b00020")));
                    continue;
                }
                item->setText(0, QStringLiteral("%1 (%2)").arg(title_(r.ref, r.title), r.ref));
                item->setText(1, level(r.level));
                item->setText(2, riskStatusTitle(r.status));
                item->setText(3, r.measures.isEmpty() ? tr("ingen") : r.measures.join(QStringLiteral("; ")));
            }
        }
    }
    if (!template_->otherRisks.isEmpty()) {
        auto* others = new QTreeWidgetItem(tree_, {tr("Risikoer ingen historie nevner (%1)").arg(template_->otherRisks.size())});
        for (const auto& r : template_->otherRisks) new QTreeWidgetItem(others, {QStringLiteral("%1 (%2)").arg(title_(r.ref, r.title), r.ref), level(r.level), riskStatusTitle(r.status)});
    }
    tree_->expandAll();
}

bool StoriesTab::saveTemplate(const QString& path) {
    if (!template_) return false;
    const bool english = currentLanguage() == QLatin1String("en");
    const QByteArray bytes = path.endsWith(QLatin1String(".md"), Qt::CaseInsensitive) ? risk::rosTemplateMarkdown(*template_, english).toUtf8()
                                                                                       : risk::rosTemplateXlsx(*template_, english);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        state_->setText(tr("Kunne ikke lagre %1: %2").arg(path, file.errorString()));
        return false;
    }
    state_->setText(tr("ROS-malen for %1 er lagret i %2.").arg(template_->serviceName, path));
    return true;
}

}  // namespace vakt::desktop
