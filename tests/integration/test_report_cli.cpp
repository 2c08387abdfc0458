// `vakt report` as managers and auditors use it, checked in the readers they have: the PDF's
// text through pdftotext and its pages through pdftoppm (poppler-utils), spreadsheets through
// openpyxl, the editable ODT through LibreOffice headless. Structure, not bytes.
#include <gtest/gtest.h>

#include <QCryptographicHash>
#include <QDate>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>

#include "tests/support/run_program.h"

using vakt::test::Outcome;
using vakt::test::run;

namespace {

const QString kPython = QStringLiteral("/usr/bin/python3");  // Debian's, with python3-openpyxl

struct Principle {
    QString id, title;
};

// The 21 principles as the shipped catalogue file has them, read here on its own.
QList<Principle> shippedPrinciples() {
    QFile f(QStringLiteral(VAKT_SOURCE_DIR "/data/nsm/principles.csv"));
    EXPECT_TRUE(f.open(QIODevice::ReadOnly));
    QList<Principle> out;
    const QStringList lines = QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts);
    for (int i = 1; i < lines.size(); ++i) {
        // category_id,category_title,principle_id,principle_title: titles hold no commas but may be quoted
        const QStringList cells = lines[i].trimmed().split(',');
        if (cells.size() < 4) continue;
        QString title = cells.mid(3).join(',');
        if (title.startsWith('"')) title = title.mid(1, title.size() - 2);
        out.push_back({cells[2], title});
    }
    return out;
}

class ReportCli : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = new QTemporaryDir();
        db_ = dir_->filePath("demo.db");
        const Outcome init = run(VAKT_CLI, {"--db", db_, "init", "--demo"});
        ASSERT_EQ(init.code, 0) << init.err.toStdString();
    }
    static void TearDownTestSuite() {
        delete dir_;
        dir_ = nullptr;
    }
    static Outcome as(const QString& user, QStringList args) { return run(VAKT_CLI, QStringList{"--db", db_, "--user", user} + args); }
    static QString path(const QString& name) { return dir_->filePath(name); }
    // The text LibreOffice headless reads from an ODT (table cells whole, not wrapped as on a
    // page); a profile of its own, so a LibreOffice the user has open is neither disturbed nor reused.
    static QString odtText(const QString& odt, const QString& outDir) {
        QDir().mkpath(outDir);
        const Outcome asText = run(QStringLiteral("soffice"), {"-env:UserInstallation=file://" + path("lo-profile"), "--headless", "--convert-to",
                                                               "txt:Text (encoded):UTF8", "--outdir", outDir, odt});
        EXPECT_EQ(asText.code, 0) << asText.err.toStdString();
        QFile txt(outDir + QLatin1Char('/') + QFileInfo(odt).completeBaseName() + QStringLiteral(".txt"));
        EXPECT_TRUE(txt.open(QIODevice::ReadOnly)) << txt.fileName().toStdString();
        return QString::fromUtf8(txt.readAll());
    }
    static QString pdfText(const QString& pdf) {
        const Outcome o = run(QStringLiteral("pdftotext"), {"-enc", "UTF-8", pdf, "-"});
        EXPECT_EQ(o.code, 0) << o.err.toStdString();
        return o.out;
    }
    static int pdfPages(const QString& pdf) {
        const Outcome o = run(QStringLiteral("pdfinfo"), {pdf});
        EXPECT_EQ(o.code, 0) << o.err.toStdString();
        const auto m = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(o.out);
        return m.hasMatch() ? m.captured(1).toInt() : -1;
    }
    // A page rendered as an image has ink on it: more than a sliver of non-white pixels.
    static double inkOnPage(const QString& pdf, int page) {
        const QString prefix = path(QStringLiteral("page-%1").arg(page));
        const Outcome o = run(QStringLiteral("pdftoppm"), {"-png", "-r", "40", "-f", QString::number(page), "-l", QString::number(page), "-singlefile", pdf, prefix});
        EXPECT_EQ(o.code, 0) << o.err.toStdString();
        const QImage image(prefix + ".png");
        if (image.isNull()) return 0;
        qint64 ink = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                if (qGray(image.pixel(x, y)) < 200) ++ink;
        return static_cast<double>(ink) / (image.width() * image.height());
    }
    static QTemporaryDir* dir_;
    static QString db_;
};
QTemporaryDir* ReportCli::dir_ = nullptr;
QString ReportCli::db_;

TEST_F(ReportCli, NsmReportHoldsEveryPrincipleAndTheAssessedLevels) {
    // A known assessment, made today so it is the newest: 2.6 at 1 (initiell), target 4.
    const Outcome assessed = as("sikkerhetsansvarlig", {"nsm", "assess", "2.6", "--level", "1", "--target", "4", "--rationale", "Testvurdering"});
    ASSERT_EQ(assessed.code, 0) << assessed.err.toStdString();
    const QString pdf = path("nsm.pdf");
    const Outcome o = as("leder", {"report", "nsm", "--format", "pdf", "--out", pdf});
    ASSERT_EQ(o.code, 0) << o.err.toStdString();
    const QString text = pdfText(pdf);
    const auto principles = shippedPrinciples();
    ASSERT_EQ(principles.size(), 21);
    for (const auto& p : principles) {
        // Headings may wrap; the number and the title's first words are on one line.
        const QString start = p.id + " " + p.title.section(' ', 0, 2);
        EXPECT_TRUE(text.contains(start)) << "missing principle " << start.toStdString();
    }
    // The executive summary comes first, on page 1.
    const int summary = text.indexOf("Sammendrag"), firstPrinciple = text.indexOf("1.1 ");
    EXPECT_GE(summary, 0);
    EXPECT_LT(text.indexOf('\f'), text.size());
    EXPECT_LT(summary, text.indexOf('\f')) << "the summary is not on the first page";
    EXPECT_GE(firstPrinciple, 0);
    // 2.6's section shows the level just assessed and its target.
    const auto section = text.mid(text.indexOf("2.6 Ha kontroll"), 600);
    EXPECT_TRUE(section.contains("1 initiell")) << section.toStdString();
    EXPECT_TRUE(section.contains("4 styrt og målt")) << section.toStdString();
    EXPECT_TRUE(text.contains("Vakts egen")) << "the scale is not labelled as Vakt's own";
    EXPECT_TRUE(text.contains("Innholdets SHA-256"));
    // Every page carries "Side N av M", and M is the real page count.
    const int pages = pdfPages(pdf);
    EXPECT_GE(pages, 2);
    EXPECT_TRUE(text.contains(QStringLiteral("Side %1 av %1").arg(pages)));
    EXPECT_GT(inkOnPage(pdf, 1), 0.01);
    EXPECT_GT(inkOnPage(pdf, pages), 0.002);
    // PDF metadata: the title and the user who generated it.
    const Outcome info = run(QStringLiteral("pdfinfo"), {pdf});
    EXPECT_TRUE(info.out.contains("Modenhet mot NSMs grunnprinsipper")) << info.out.toStdString();
    EXPECT_TRUE(info.out.contains("leder")) << info.out.toStdString();
}

TEST_F(ReportCli, GeneratingIsRecordedInTheTrailWithTheFilesHash) {
    const QString html = path("catalog.html");
    const Outcome o = as("revisor", {"report", "catalog", "--format", "html", "--out", html});
    ASSERT_EQ(o.code, 0) << o.err.toStdString();
    QFile f(html);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    const QString sha = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    const Outcome trail = as("revisor", {"trail", "list", "--entity", "report", "--json"});
    ASSERT_EQ(trail.code, 0) << trail.err.toStdString();
    bool found = false;
    for (const auto& e : QJsonDocument::fromJson(trail.out.toUtf8()).array()) {
        const QJsonObject entry = e.toObject();
        if (entry["action"].toString() == "report.generate" && entry["after"].toObject()["file_sha256"].toString() == sha) {
            found = entry["actor"].toString() == "revisor" && entry["after"].toObject()["kind"].toString() == "catalog";
        }
    }
    EXPECT_TRUE(found) << "no trail entry with the file's SHA-256 " << sha.toStdString() << "\n" << trail.out.toStdString();
    // The catalogue report names every service the catalogue has.
    const Outcome list = as("revisor", {"catalog", "list", "--json"});
    ASSERT_EQ(list.code, 0) << list.err.toStdString();
    const QJsonArray entries = QJsonDocument::fromJson(list.out.toUtf8()).array();
    ASSERT_FALSE(entries.isEmpty());
    for (const auto& e : entries) EXPECT_TRUE(bytes.contains(e.toObject()["key"].toString().toUtf8())) << e.toObject()["key"].toString().toStdString();
}

TEST_F(ReportCli, IncidentsSpreadsheetOpensWithTheRightCounts) {
    const Outcome cases = as("brukerstotte", {"incident", "list", "--limit", "10000", "--json"});
    ASSERT_EQ(cases.code, 0) << cases.err.toStdString();
    const int total = QJsonDocument::fromJson(cases.out.toUtf8()).object()["total"].toInt();
    ASSERT_GT(total, 0);
    const QString xlsx = path("incidents.xlsx");
    const Outcome o = as("brukerstotte", {"report", "incidents", "--period", "2000-01-01..2099-12-31", "--format", "xlsx", "--out", xlsx});
    ASSERT_EQ(o.code, 0) << o.err.toStdString();
    const Outcome read = run(kPython, {"-c",
                                       "import openpyxl,sys\n"
                                       "wb = openpyxl.load_workbook(sys.argv[1])\n"
                                       "print('|'.join(wb.sheetnames))\n"
                                       "for ws in wb.worksheets:\n"
                                       "    for row in ws.iter_rows(values_only=True):\n"
                                       "        if row and row[0] == 'Åpnet': print('opened', row[1])\n",
                                       xlsx});
    ASSERT_EQ(read.code, 0) << read.err.toStdString();
    EXPECT_TRUE(read.out.contains("Etter tjeneste")) << read.out.toStdString();
    EXPECT_TRUE(read.out.contains("Etter prioritet")) << read.out.toStdString();
    EXPECT_TRUE(read.out.contains(QStringLiteral("opened %1").arg(total))) << read.out.toStdString() << " expected " << total;
}

TEST_F(ReportCli, RosReportAsOdtOpensAndConvertsInLibreOffice) {
    const QString odt = path("ros.odt");
    const Outcome o = as("sikkerhetsansvarlig", {"report", "ros", "--format", "odt", "--out", odt});
    ASSERT_EQ(o.code, 0) << o.err.toStdString();
    const QString out = path("converted");
    QDir().mkpath(out);
    // A profile of its own, so a LibreOffice the user has open is not disturbed and none is reused.
    const Outcome converted = run(QStringLiteral("soffice"), {"-env:UserInstallation=file://" + path("lo-profile"), "--headless", "--convert-to", "pdf",
                                                              "--outdir", out, odt});
    ASSERT_EQ(converted.code, 0) << converted.err.toStdString();
    const QString pdf = out + "/ros.pdf";
    ASSERT_TRUE(QFile::exists(pdf)) << converted.out.toStdString() << converted.err.toStdString();
    EXPECT_GE(pdfPages(pdf), 2);
    EXPECT_GT(inkOnPage(pdf, 1), 0.01);
    const QString text = odtText(odt, out);
    EXPECT_TRUE(text.contains("Toppriskoer")) << text.left(2000).toStdString();
    // Every risk in the register has its row.
    const Outcome risks = as("sikkerhetsansvarlig", {"risk", "register", "--json"});
    ASSERT_EQ(risks.code, 0) << risks.err.toStdString();
    QSet<QString> refs;
    for (const auto& r : QJsonDocument::fromJson(risks.out.toUtf8()).array()) refs.insert(r.toObject()["ref"].toString());
    ASSERT_FALSE(refs.isEmpty());
    int shown = 0;
    for (const auto& ref : refs) shown += text.contains(ref) ? 1 : 0;
    EXPECT_EQ(shown, refs.size()) << "risks missing from the converted ROS";
}

TEST_F(ReportCli, AGapTurnedIntoARiskShowsAsWhatDrivesItInTheRos) {
    ASSERT_EQ(as("sikkerhetsansvarlig", {"nsm", "assess", "2.6", "--level", "1", "--target", "4", "--rationale", "Testvurdering"}).code, 0);
    const Outcome turned = as("sikkerhetsansvarlig", {"nsm", "gap-to-risk", "2.6", "--service", "svarut", "--likelihood", "5", "--consequence",
                                                      "konfidensialitet=5", "--owner", "leder"});
    ASSERT_EQ(turned.code, 0) << turned.err.toStdString();
    EXPECT_TRUE(turned.out.contains("svarut:NSM-2.6")) << turned.out.toStdString();
    const Outcome again = as("sikkerhetsansvarlig", {"nsm", "gap-to-risk", "2.6", "--service", "svarut", "--likelihood", "5", "--consequence", "konfidensialitet=5"});
    EXPECT_EQ(again.code, 1);
    EXPECT_TRUE(again.err.contains("already")) << again.err.toStdString();
    EXPECT_EQ(as("sikkerhetsansvarlig", {"nsm", "gap-to-risk", "2.6", "--service", "svarut", "--consequence", "konfidensialitet=5"}).code, 2);

    const QString html = path("ros.html");
    ASSERT_EQ(as("leder", {"report", "ros", "--format", "html", "--out", html}).code, 0);
    QFile f(html);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    // The new risk is among the top ten, with the gap beside it.
    const qsizetype top = text.indexOf("Toppriskoer"), row = text.indexOf("svarut:NSM-2.6");
    ASSERT_GE(top, 0);
    ASSERT_GT(row, top);
    const qsizetype rowEnd = text.indexOf("</tr>", row);
    EXPECT_TRUE(text.mid(row, rowEnd - row).contains("2.6 (1 mot mål 4)")) << text.mid(row, rowEnd - row).toStdString();
}

TEST_F(ReportCli, TheServicesRosHasItsDiagramAndTheMunicipalTemplate) {
    const QString html = path("svarut.html");
    ASSERT_EQ(as("sikkerhetsansvarlig", {"report", "ros", "--service", "svarut", "--format", "html", "--out", html}).code, 0);
    QFile f(html);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    EXPECT_TRUE(text.contains("Dataflytdiagram")) << "no diagram caption";
    EXPECT_GE(text.count("<svg"), 3) << "the diagram and the two heat maps";
    for (const char* part : {"Mal for kommunens ROS", "Personas og risikohistorier", "Kommunens S × K (1–5)", "Skalaene"})
        EXPECT_TRUE(text.contains(QString::fromUtf8(part))) << part;
    // As ODT the template's tables are editable text LibreOffice reads.
    const QString odt = path("svarut.odt");
    ASSERT_EQ(as("sikkerhetsansvarlig", {"report", "ros", "--service", "svarut", "--format", "odt", "--out", odt}).code, 0);
    const QString converted = odtText(odt, path("svarut-txt"));
    EXPECT_TRUE(converted.contains("Mal for kommunens ROS"));
    EXPECT_TRUE(converted.contains("Kommunens tiltak, ansvarlig og frist"));
}

TEST_F(ReportCli, EveryReportRendersInEveryFormat) {
    const QStringList kinds = {"nsm", "ros", "incidents", "access-review", "changes", "catalog", "soa"};
    for (const auto& kind : kinds) {
        for (const QString format : {"pdf", "html", "odt", "xlsx", "csv"}) {
            const QString file = path(kind + "." + format);
            const Outcome o = as("sikkerhetsansvarlig", {"report", kind, "--format", format, "--out", file});
            ASSERT_EQ(o.code, 0) << kind.toStdString() << " " << format.toStdString() << ": " << o.err.toStdString();
            EXPECT_GT(QFileInfo(file).size(), 200) << kind.toStdString() << " " << format.toStdString();
        }
        const QString pdf = path(kind + ".pdf");
        EXPECT_GT(inkOnPage(pdf, 1), 0.01) << kind.toStdString() << ": first page blank";
        const QString text = pdfText(pdf);
        EXPECT_TRUE(text.contains(QStringLiteral("Side 1 av %1").arg(pdfPages(pdf)))) << kind.toStdString();
    }
    // The Statement of Applicability has all 93 Annex A controls.
    const QString soa = pdfText(path("soa.pdf"));
    for (const auto& [theme, count] : {std::pair{5, 37}, {6, 8}, {7, 14}, {8, 34}})
        for (int n = 1; n <= count; ++n)
            EXPECT_TRUE(soa.contains(QStringLiteral("%1.%2").arg(theme).arg(n))) << "control " << theme << "." << n;
}

TEST_F(ReportCli, RolesSeeOnlyWhatTheyMayRead) {
    // The administrator runs the system, not its registers.
    EXPECT_EQ(as("admin", {"report", "catalog", "--format", "csv", "--out", path("admin.csv")}).code, 1);
    // The service desk may report on incidents but not on privilege reviews.
    EXPECT_EQ(as("brukerstotte", {"report", "incidents", "--format", "csv", "--out", path("desk.csv")}).code, 0);
    const Outcome denied = as("brukerstotte", {"report", "access-review", "--format", "csv", "--out", path("desk-access.csv")});
    EXPECT_EQ(denied.code, 1);
    EXPECT_FALSE(QFile::exists(path("desk-access.csv"))) << "a refused report left a file";
}

TEST_F(ReportCli, BadOptionsAreRefusedWithTheirName) {
    const Outcome period = as("leder", {"report", "nsm", "--format", "pdf", "--out", path("x.pdf"), "--period", "2026-13"});
    EXPECT_EQ(period.code, 2);
    EXPECT_TRUE(period.err.contains("--period")) << period.err.toStdString();
    EXPECT_TRUE(period.err.contains("month 13")) << period.err.toStdString();
    const Outcome backwards = as("leder", {"report", "nsm", "--format", "pdf", "--out", path("x.pdf"), "--period", "2026-06-01..2026-01-01"});
    EXPECT_EQ(backwards.code, 2);
    const Outcome format = as("leder", {"report", "nsm", "--format", "docx", "--out", path("x.docx")});
    EXPECT_EQ(format.code, 2);
    EXPECT_TRUE(format.err.contains("--format")) << format.err.toStdString();
    const Outcome kind = as("leder", {"report", "budget", "--format", "pdf", "--out", path("x.pdf")});
    EXPECT_EQ(kind.code, 2);
    EXPECT_TRUE(kind.err.contains("budget")) << kind.err.toStdString();
    const Outcome campaign = as("sikkerhetsansvarlig", {"report", "access-review", "--campaign", "9999", "--format", "pdf", "--out", path("x.pdf")});
    EXPECT_EQ(campaign.code, 1);
    EXPECT_TRUE(campaign.err.contains("9999")) << campaign.err.toStdString();
    const Outcome service = as("leder", {"report", "ros", "--service", "finnes-ikke", "--format", "pdf", "--out", path("x.pdf")});
    EXPECT_EQ(service.code, 1);
    EXPECT_TRUE(service.err.contains("finnes-ikke")) << service.err.toStdString();
    EXPECT_FALSE(QFile::exists(path("x.pdf")));
}

}  // namespace
