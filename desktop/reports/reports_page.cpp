#include "desktop/reports/reports_page.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSplitter>
#include <QSvgRenderer>
#include <QTextBrowser>
#include <QTextDocument>
#include <QVBoxLayout>
#include <QtConcurrent>

#include "access/access_service.h"
#include "changes/change_board.h"
#include "core/catalog_service.h"
#include "desktop/shell/formatting.h"

namespace vakt::desktop {

namespace {

QString kindTitle(reports::ReportKind kind) {
    switch (kind) {
        case reports::ReportKind::Nsm: return ReportsPage::tr("NSM-modenhet");
        case reports::ReportKind::Ros: return ReportsPage::tr("ROS-rapport");
        case reports::ReportKind::Incidents: return ReportsPage::tr("Hendelser");
        case reports::ReportKind::AccessReview: return ReportsPage::tr("Tilgangsgjennomganger");
        case reports::ReportKind::Changes: return ReportsPage::tr("Endringsrådets referater");
        case reports::ReportKind::Catalog: return ReportsPage::tr("Produktkatalogen");
        case reports::ReportKind::Soa: return ReportsPage::tr("Anvendelseserklæring (SoA)");
    }
    return {};
}

QString kindDescription(reports::ReportKind kind) {
    switch (kind) {
        case reports::ReportKind::Nsm:
            return ReportsPage::tr("Modenhet mot NSMs grunnprinsipper: vurdert nivå og mål per prinsipp, indikatorer fra registrene, "
                                   "utviklingen over de fire siste vurderingene, gap og en prioritert tiltaksliste, med et sammendrag først. "
                                   "Perioden gir datoen vurderingene leses per.");
        case reports::ReportKind::Ros:
            return ReportsPage::tr("Toppriskoene på tvers av tjenester med utvikling og modenhetsgapene som driver dem, deretter per tjeneste "
                                   "trusselmodellen, risikoene før og etter tiltak i matrisen og tiltakene med ansvarlig og frist. "
                                   "Som ODT kan kommunene redigere den.");
        case reports::ReportKind::Incidents:
            return ReportsPage::tr("Antall, utvikling og tid til respons og løsning mot målene, etter tjeneste, type, prioritet og alvorlighet.");
        case reports::ReportKind::AccessReview:
            return ReportsPage::tr("Per gjennomgang: omfang, beslutninger, risikoflagg, tilbakekallinger og attestasjonen.");
        case reports::ReportKind::Changes: return ReportsPage::tr("Endringsrådets referater for et møte eller for møtene i perioden.");
        case reports::ReportKind::Catalog: return ReportsPage::tr("Produktkatalogen med hvor ferske ROS og DPIA er for hver tjeneste.");
        case reports::ReportKind::Soa:
            return ReportsPage::tr("Anvendelseserklæring mot ISO/IEC 27001:2022 vedlegg A: alle 93 kontroller med anvendelighet, "
                                   "begrunnelse og status, koblet fra NSM-tiltakene.");
    }
    return {};
}

// The preview shows the report's HTML; its charts are inline SVG, which a text browser cannot
// draw, so each is rendered to an image the document holds as a resource.
QString withChartImages(QString html, QTextDocument* document) {
    static const QRegularExpression svg(QStringLiteral("<svg\\b[\\s\\S]*?</svg>"));
    int n = 0;
    QString out;
    qsizetype from = 0;
    for (auto it = svg.globalMatch(html); it.hasNext();) {
        const auto m = it.next();
        out += html.mid(from, m.capturedStart() - from);
        from = m.capturedEnd();
        QByteArray bytes = m.captured().toUtf8();
        if (!bytes.contains("xmlns=")) bytes.replace("<svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"");
        QSvgRenderer renderer(bytes);
        if (!renderer.isValid()) continue;
        QSize size = renderer.defaultSize();
        if (size.isEmpty()) size = QSize(640, 320);
        QImage image(size, QImage::Format_ARGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        renderer.render(&painter);
        painter.end();
        const QString name = QStringLiteral("chart-%1.png").arg(++n);
        document->addResource(QTextDocument::ImageResource, QUrl(name), image);
        out += QStringLiteral("<p><img src=\"%1\" width=\"%2\"></p>").arg(name).arg(std::min(size.width(), 720));
    }
    out += html.mid(from);
    return out;
}

}  // namespace

ReportsPage::ReportsPage(AppContext& ctx, QWidget* parent) : Page(parent), ctx_(ctx) {
    auto* layout = new QHBoxLayout(this);
    auto* splitter = new QSplitter(this);
    layout->addWidget(splitter);

    kinds_ = new QListWidget(splitter);
    kinds_->setObjectName(QStringLiteral("reportKinds"));
    for (const auto kind : reports::allReportKinds()) {
        auto* item = new QListWidgetItem(kindTitle(kind), kinds_);
        item->setData(Qt::UserRole, reports::reportKindName(kind));
    }
    kinds_->setMaximumWidth(260);

    auto* right = new QWidget(splitter);
    auto* column = new QVBoxLayout(right);
    description_ = new QLabel(right);
    description_->setWordWrap(true);
    column->addWidget(description_);

    auto* form = new QFormLayout();
    period_ = new QLineEdit(right);
    period_->setObjectName(QStringLiteral("reportPeriod"));
    period_->setPlaceholderText(tr("siste 12 måneder (eller 2026, 2026-Q3, 2026-11, 2026-01-01..2026-06-30)"));
    periodProblem_ = new QLabel(right);
    periodProblem_->setObjectName(QStringLiteral("periodProblem"));
    periodProblem_->setStyleSheet(QStringLiteral("color: %1").arg(QLatin1String(kWarningRed)));
    periodProblem_->setVisible(false);
    service_ = new QComboBox(right);
    campaign_ = new QComboBox(right);
    meeting_ = new QComboBox(right);
    format_ = new QComboBox(right);
    format_->setObjectName(QStringLiteral("reportFormat"));
    format_->addItem(tr("PDF"), QStringLiteral("pdf"));
    format_->addItem(tr("HTML"), QStringLiteral("html"));
    format_->addItem(tr("ODT (redigerbar)"), QStringLiteral("odt"));
    format_->addItem(tr("XLSX (regneark)"), QStringLiteral("xlsx"));
    format_->addItem(tr("CSV"), QStringLiteral("csv"));
    form->addRow(tr("Periode"), period_);
    form->addRow(QString(), periodProblem_);
    form->addRow(tr("Tjeneste"), service_);
    form->addRow(tr("Gjennomgang"), campaign_);
    form->addRow(tr("Møte"), meeting_);
    form->addRow(tr("Format"), format_);
    column->addLayout(form);

    auto* buttons = new QHBoxLayout();
    previewButton_ = new QPushButton(tr("Forhåndsvis"), right);
    previewButton_->setObjectName(QStringLiteral("previewReport"));
    saveButton_ = new QPushButton(tr("Lagre rapport…"), right);
    saveButton_->setObjectName(QStringLiteral("saveReport"));
    saveButton_->setShortcut(QKeySequence::Save);
    cancelButton_ = new QPushButton(tr("Avbryt"), right);
    cancelButton_->setObjectName(QStringLiteral("cancelReport"));
    cancelButton_->setEnabled(false);
    progress_ = new QProgressBar(right);
    progress_->setRange(0, 100);
    progress_->setVisible(false);
    buttons->addWidget(previewButton_);
    buttons->addWidget(saveButton_);
    buttons->addWidget(cancelButton_);
    buttons->addWidget(progress_, 1);
    column->addLayout(buttons);
    status_ = new QLabel(right);
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    column->addWidget(status_);
    preview_ = new QTextBrowser(right);
    preview_->setObjectName(QStringLiteral("reportPreview"));
    preview_->setOpenLinks(false);
    column->addWidget(preview_, 1);
    splitter->setStretchFactor(1, 1);

    connect(kinds_, &QListWidget::currentRowChanged, this, [this] { kindChanged(); });
    connect(period_, &QLineEdit::textChanged, this, [this] {
        QString problem;
        request(&problem);
        periodProblem_->setText(problem);
        periodProblem_->setVisible(!problem.isEmpty());
    });
    connect(previewButton_, &QPushButton::clicked, this, &ReportsPage::preview);
    connect(saveButton_, &QPushButton::clicked, this, &ReportsPage::save);
    connect(cancelButton_, &QPushButton::clicked, this, &ReportsPage::cancel);

    if (!ctx_.session.allows(reports::permission::ReportGenerate)) {
        kinds_->setEnabled(false);
        previewButton_->setEnabled(false);
        saveButton_->setEnabled(false);
        status_->setText(tr("Rollen din kan ikke lage rapporter."));
        return;
    }
    loadChoices();
    kinds_->setCurrentRow(0);
}

void ReportsPage::loadChoices() {
    service_->clear();
    service_->addItem(tr("Alle tjenester"), QString());
    if (auto entries = CatalogService(*ctx_.store).list(ctx_.session); entries)
        for (const auto& e : *entries)
            if (e.kind == EntryKind::Service) service_->addItem(e.name, e.key);
    campaign_->clear();
    campaign_->addItem(tr("Alle i perioden"), qint64(0));
    if (ctx_.session.allows(access::permission::AccessRead))
        if (auto campaigns = access::AccessService(*ctx_.store).campaigns(ctx_.session); campaigns)
            for (const auto& c : *campaigns) campaign_->addItem(QStringLiteral("%1: %2").arg(c.id).arg(c.name), c.id);
    meeting_->clear();
    meeting_->addItem(tr("Alle i perioden"), qint64(0));
    if (ctx_.session.allows(changes::permission::ChangeRead))
        if (auto meetings = changes::ChangeBoard(*ctx_.store).meetings(ctx_.session); meetings)
            for (const auto& m : *meetings) meeting_->addItem(formatDateTime(m.heldAt), m.id);
}

std::optional<reports::ReportKind> ReportsPage::selectedKind() const {
    const auto* item = kinds_->currentItem();
    if (!item) return std::nullopt;
    return reports::reportKindFromName(item->data(Qt::UserRole).toString());
}

void ReportsPage::kindChanged() {
    const auto kind = selectedKind();
    if (!kind) return;
    description_->setText(kindDescription(*kind));
    service_->setEnabled(*kind == reports::ReportKind::Nsm || *kind == reports::ReportKind::Ros || *kind == reports::ReportKind::Incidents);
    campaign_->setEnabled(*kind == reports::ReportKind::AccessReview);
    meeting_->setEnabled(*kind == reports::ReportKind::Changes);
    preview_->clear();
}

std::optional<reports::ReportRequest> ReportsPage::request(QString* problem) const {
    const auto kind = selectedKind();
    if (!kind) return std::nullopt;
    reports::ReportRequest r;
    r.kind = *kind;
    if (!period_->text().trimmed().isEmpty()) {
        auto period = reports::parsePeriod(period_->text());
        if (!period) {
            if (problem) *problem = tr("Perioden forstås ikke: skriv 2026, 2026-Q3, 2026-H1, 2026-11, en dag eller FRA..TIL.");
            return std::nullopt;
        }
        r.period = *period;
    }
    if (service_->isEnabled()) r.service = service_->currentData().toString();
    if (campaign_->isEnabled()) r.campaign = campaign_->currentData().toLongLong();
    if (meeting_->isEnabled()) r.meeting = meeting_->currentData().toLongLong();
    return r;
}

void ReportsPage::setRunning(bool running) {
    previewButton_->setEnabled(!running);
    saveButton_->setEnabled(!running);
    kinds_->setEnabled(!running);
    cancelButton_->setEnabled(running);
    progress_->setVisible(running);
    if (running) progress_->setValue(0);
}

void ReportsPage::showDocument(const reports::Document& document) {
    auto* doc = new QTextDocument(preview_);
    doc->setHtml(withChartImages(QString::fromStdString(reports::renderHtml(document)), doc));
    preview_->setDocument(doc);
}

void ReportsPage::preview() {
    QString problem;
    const auto r = request(&problem);
    if (!r) {
        status_->setText(problem);
        return;
    }
    auto flag = std::make_shared<std::atomic<bool>>(false);
    running_ = flag;
    setRunning(true);
    status_->setText(tr("Lager forhåndsvisning …"));
    auto* watcher = new QFutureWatcher<Result<reports::Document>>(this);
    connect(watcher, &QFutureWatcher<Result<reports::Document>>::finished, this, [this, watcher, flag] {
        const auto result = watcher->result();
        watcher->deleteLater();
        if (running_ == flag) running_.reset();
        setRunning(false);
        if (flag->load()) {
            status_->setText(tr("Avbrutt."));
        } else if (!result) {
            showOutcome(status_, result.error());
        } else {
            showDocument(*result);
            status_->setText(tr("Forhåndsvisning: ingenting er lagret eller ført i endringsloggen."));
        }
    });
    Store* store = ctx_.store.get();
    const Session session = ctx_.session;
    const reports::ReportProgress progress = progressTo(flag);
    watcher->setFuture(QtConcurrent::run([store, session, request = *r, progress]() -> Result<reports::Document> {
        auto own = store->openAnother();
        if (!own) return own.error();
        return reports::ReportService(**own).build(session, request, progress);
    }));
}

// Called on the build's thread: shows the step in the window's thread and says whether to go on.
reports::ReportProgress ReportsPage::progressTo(std::shared_ptr<std::atomic<bool>> cancelled) {
    QPointer<ReportsPage> self(this);
    return [cancelled, self](int percent, const QString& step) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, percent, step] {
                if (!self) return;
                self->progress_->setValue(percent);
                self->progress_->setFormat(step + QStringLiteral(" (%p %)"));
            },
            Qt::QueuedConnection);
        return !cancelled->load();
    };
}

void ReportsPage::cancel() {
    if (running_) running_->store(true);
    status_->setText(tr("Avbryter …"));
}

Result<QString> ReportsPage::saveTo(const QString& path) {
    QString problem;
    const auto r = request(&problem);
    if (!r) return fail(problem.toStdString());
    const auto format = reports::reportFormatFromName(format_->currentData().toString());
    auto file = reports::ReportService(*ctx_.store).generate(ctx_.session, *r, *format);
    if (!file) return file.error();
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(file->bytes) != file->bytes.size() || !f.commit())
        return fail("cannot write " + path.toStdString() + ": " + f.errorString().toStdString(), ErrorKind::Io);
    showDocument(file->document);
    return file->fileSha256;
}

void ReportsPage::save() {
    QString problem;
    const auto r = request(&problem);
    if (!r) {
        status_->setText(problem);
        return;
    }
    const QString format = format_->currentData().toString();
    const QString suggested = reports::reportKindName(r->kind) + QLatin1Char('-') + ctx_.store->clock().now().date().toString(Qt::ISODate) +
                              QLatin1Char('.') + format;
    const QString path = QFileDialog::getSaveFileName(this, tr("Lagre rapport"), suggested, format.toUpper() + QStringLiteral(" (*.") + format + QLatin1Char(')'));
    if (path.isEmpty()) return;
    auto flag = std::make_shared<std::atomic<bool>>(false);
    running_ = flag;
    setRunning(true);
    status_->setText(tr("Lager rapporten …"));
    auto* watcher = new QFutureWatcher<Result<reports::ReportFile>>(this);
    connect(watcher, &QFutureWatcher<Result<reports::ReportFile>>::finished, this, [this, watcher, flag, path] {
        const auto result = watcher->result();
        watcher->deleteLater();
        if (running_ == flag) running_.reset();
        setRunning(false);
        if (flag->load()) {
            status_->setText(tr("Avbrutt: ingen fil er skrevet."));
            return;
        }
        if (!result) {
            showOutcome(status_, result.error());
            return;
        }
        QSaveFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(result->bytes) != result->bytes.size() || !f.commit()) {
            showOutcome(status_, Status(Error{"cannot write " + path.toStdString() + ": " + f.errorString().toStdString(), ErrorKind::Io}));
            return;
        }
        showDocument(result->document);
        status_->setText(tr("Lagret %1 (SHA-256 %2). Rapporten er ført i endringsloggen.").arg(path, result->fileSha256));
    });
    Store* store = ctx_.store.get();
    const Session session = ctx_.session;
    const auto kindFormat = *reports::reportFormatFromName(format);
    const reports::ReportProgress progress = progressTo(flag);
    watcher->setFuture(QtConcurrent::run([store, session, request = *r, kindFormat, progress]() -> Result<reports::ReportFile> {
        auto own = store->openAnother();
        if (!own) return own.error();
        return reports::ReportService(**own).generate(session, request, kindFormat, progress);
    }));
}

void ReportsPage::previewNow() {
    QString problem;
    const auto r = request(&problem);
    if (!r) return;
    auto document = reports::ReportService(*ctx_.store).build(ctx_.session, *r);
    if (!document) {
        showOutcome(status_, document.error());
        return;
    }
    showDocument(*document);
}

void ReportsPage::refresh() {
    if (!ctx_.session.allows(reports::permission::ReportGenerate) || busy()) return;
    const int row = kinds_->currentRow();
    loadChoices();
    kinds_->setCurrentRow(std::max(0, row));
}

void ReportsPage::focusSearch() { kinds_->setFocus(); }

void ReportsPage::prepareScreenshot() {
    if (ctx_.session.allows(reports::permission::ReportGenerate) && preview_->toPlainText().isEmpty()) previewNow();
}

void ReportsPage::showItems(const QString& which) {
    if (!ctx_.session.allows(reports::permission::ReportGenerate)) return;
    for (const QString& part : which.trimmed().split(QLatin1Char(':'), Qt::SkipEmptyParts)) {
        if (part.startsWith(QLatin1String("PERIOD="), Qt::CaseInsensitive)) {
            period_->setText(part.mid(7));
        } else if (part == QLatin1String("preview")) {
            previewNow();
        } else {
            for (int i = 0; i < kinds_->count(); ++i)
                if (kinds_->item(i)->data(Qt::UserRole).toString() == part) kinds_->setCurrentRow(i);
        }
    }
}

QString ReportsPage::previewText() const { return preview_->toPlainText(); }
QString ReportsPage::status() const { return status_->text(); }

}  // namespace vakt::desktop
