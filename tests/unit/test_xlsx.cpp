#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdint>
#include <random>

#include "core/base/xlsx.h"
#include "core/base/zip.h"

using namespace vakt;

namespace {

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

std::string le16(std::uint32_t v) { return {static_cast<char>(v & 0xff), static_cast<char>((v >> 8) & 0xff)}; }
std::string le32(std::uint32_t v) { return le16(v & 0xffff) + le16(v >> 16); }

// One entry's archive with every header field chosen by the test, to say things write() never would.
std::string rawZip(const std::string& name, std::uint16_t method, const std::string& payload, std::uint32_t crc,
                   std::uint32_t size, std::uint16_t flags = 0) {
    std::string fields = le16(20) + le16(flags) + le16(method) + le16(0) + le16(0x21) + le32(crc) +
                         le32(static_cast<std::uint32_t>(payload.size())) + le32(size) +
                         le16(static_cast<std::uint32_t>(name.size())) + le16(0);
    std::string local = le32(0x04034b50) + fields + name + payload;
    std::string central = le32(0x02014b50) + le16(20) + fields + le16(0) + le16(0) + le16(0) + le32(0) + le32(0) + name;
    std::string end = le32(0x06054b50) + le16(0) + le16(0) + le16(1) + le16(1) +
                      le32(static_cast<std::uint32_t>(central.size())) + le32(static_cast<std::uint32_t>(local.size())) + le16(0);
    return local + central + end;
}

// Raw deflate of `total` zero bytes, fed in 1 MiB pieces so the test never holds the whole input.
std::string deflateZeros(std::size_t total, std::uint32_t& crcOut) {
    z_stream zs{};
    EXPECT_EQ(deflateInit2(&zs, 9, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY), Z_OK);
    const std::string piece(1u << 20, '\0');
    uLong crc = crc32(0L, Z_NULL, 0);
    std::string out;
    char buf[65536];
    for (std::size_t done = 0; done < total; done += piece.size()) {
        bool last = done + piece.size() >= total;
        zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(piece.data()));
        zs.avail_in = static_cast<uInt>(piece.size());
        crc = crc32(crc, reinterpret_cast<const Bytef*>(piece.data()), static_cast<uInt>(piece.size()));
        do {
            zs.next_out = reinterpret_cast<Bytef*>(buf);
            zs.avail_out = sizeof buf;
            deflate(&zs, last ? Z_FINISH : Z_NO_FLUSH);
            out.append(buf, sizeof buf - zs.avail_out);
        } while (zs.avail_out == 0);
    }
    deflateEnd(&zs);
    crcOut = static_cast<std::uint32_t>(crc);
    return out;
}

std::string randomBytes(std::size_t n, unsigned seed) {
    std::mt19937 gen(seed);
    std::string s(n, '\0');
    for (char& c : s) c = static_cast<char>(gen() & 0xff);
    return s;
}

const zip::Entry* entryNamed(const std::vector<zip::Entry>& entries, const std::string& name) {
    for (const auto& e : entries)
        if (e.name == name) return &e;
    return nullptr;
}

// A package around one hand-written worksheet (and shared strings, if given), as another tool would write it.
std::string packageWithSheet(const std::string& sheetXml, const std::string& sharedStrings = "",
                             const std::string& sheetTarget = "worksheets/sheet1.xml") {
    std::vector<zip::Entry> parts;
    parts.push_back({"_rels/.rels",
                     "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                     "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                     "officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"});
    parts.push_back({"xl/workbook.xml",
                     "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                     "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
                     "<sheet name=\"Risikoer\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"});
    std::string rels =
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
        "Target=\"" + sheetTarget + "\"/>";
    if (!sharedStrings.empty())
        rels += "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                "sharedStrings\" Target=\"sharedStrings.xml\"/>";
    rels += "</Relationships>";
    parts.push_back({"xl/_rels/workbook.xml.rels", rels});
    parts.push_back({"xl/worksheets/sheet1.xml", sheetXml});
    if (!sharedStrings.empty()) parts.push_back({"xl/sharedStrings.xml", sharedStrings});
    return zip::write(parts);
}

std::string sheetXml(const std::string& sheetData) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" +
           sheetData + "</sheetData></worksheet>";
}

}  // namespace

// ---- zip ---------------------------------------------------------------------------------------

TEST(Zip, WrittenEntriesReadBackUnchangedStoredDeflatedEmptyAndBinary) {
    std::string text;
    for (int i = 0; i < 2000; ++i) text += "Risiko " + std::to_string(i % 7) + ": tilgang til pasientjournal\n";
    std::string binary;
    for (int i = 0; i < 256; ++i) binary += static_cast<char>(i);
    binary += std::string("\0\0\0PK\x05\x06", 7);  // bytes that look like an end record must not confuse the reader
    std::vector<zip::Entry> entries = {
        {"xl/worksheets/sheet1.xml", text},       // compressible: deflated
        {"random.bin", randomBytes(5000, 7)},     // incompressible: stored
        {"empty.txt", ""},
        {"binary/all-bytes.bin", binary},
        {"mappe/æøå.txt", "Blåbær"},
    };
    std::string archive = zip::write(entries);
    EXPECT_LT(archive.size(), text.size() / 4) << "the text should have been deflated";
    EXPECT_EQ(zip::write(entries), archive) << "the same entries should give the same bytes";

    auto r = zip::read(archive);
    ASSERT_TRUE(r) << r.message();
    ASSERT_EQ(r->size(), entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) {
        EXPECT_EQ((*r)[i].name, entries[i].name);
        EXPECT_EQ((*r)[i].data, entries[i].data) << entries[i].name;
    }
}

TEST(Zip, ReadsAnEmptyArchive) {
    auto r = zip::read(zip::write({}));
    ASSERT_TRUE(r) << r.message();
    EXPECT_TRUE(r->empty());
}

TEST(Zip, EveryTruncationIsRefused) {
    std::string archive = zip::write({{"a.txt", std::string(3000, 'a')}, {"b.bin", randomBytes(300, 3)}});
    for (std::size_t n = 0; n < archive.size(); ++n) {
        auto r = zip::read(std::string_view(archive).substr(0, n));
        ASSERT_FALSE(r) << "a prefix of " << n << " bytes was accepted";
        EXPECT_EQ(r.message().rfind("zip: ", 0), 0u) << r.message();
    }
}

TEST(Zip, CorruptingAnyByteGivesAnErrorOrTheDataNeverACrash) {
    std::string data = std::string(3000, 'a') + randomBytes(300, 4);
    std::string archive = zip::write({{"a.txt", data}, {"b.txt", "hello"}});
    for (std::size_t i = 0; i < archive.size(); ++i) {
        for (unsigned char flip : {0xffu, 0x01u, 0x80u}) {
            std::string bad = archive;
            bad[i] = static_cast<char>(bad[i] ^ flip);
            auto r = zip::read(bad);
            if (r) {
                // Only bytes that do not matter (timestamps, version fields) may change unnoticed.
                ASSERT_EQ(r->size(), 2u) << "byte " << i;
                EXPECT_EQ((*r)[0].data, data) << "byte " << i;
                EXPECT_EQ((*r)[1].data, "hello") << "byte " << i;
            } else {
                EXPECT_EQ(r.message().rfind("zip: ", 0), 0u) << r.message();
            }
        }
    }
}

TEST(Zip, RefusesAnEntryWhoseCrcDoesNotMatch) {
    std::string archive = zip::write({{"greeting.txt", "hello world"}});  // too short to deflate: stored
    std::string bad = archive;
    bad[30 + std::string("greeting.txt").size()] = 'j';  // first data byte, after the 30-byte local header and name
    ASSERT_TRUE(zip::read(archive));
    auto r = zip::read(bad);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.message(), "zip: entry 'greeting.txt': CRC mismatch");
}

TEST(Zip, RefusesAZipBombByItsDeclaredSizeBeforeInflating) {
    std::uint32_t crc = 0;
    const std::size_t hundredMiB = 100u << 20;
    std::string packed = deflateZeros(hundredMiB, crc);
    ASSERT_LT(packed.size(), 1u << 20) << "100 MiB of zeros should deflate to well under 1 MiB";

    auto honest = zip::read(rawZip("xl/worksheets/sheet1.xml", 8, packed, crc, hundredMiB));
    ASSERT_FALSE(honest);
    EXPECT_TRUE(contains(honest.message(), "'xl/worksheets/sheet1.xml'")) << honest.message();
    EXPECT_TRUE(contains(honest.message(), "larger than the limit")) << honest.message();

    // The same data declaring a small size: inflating stops at the first byte past it.
    auto lying = zip::read(rawZip("xl/worksheets/sheet1.xml", 8, packed, crc, 1000));
    ASSERT_FALSE(lying);
    EXPECT_TRUE(contains(lying.message(), "inflates to more than its declared 1000 bytes")) << lying.message();

    // A small one built the same way is read, so the refusals above are about size alone.
    std::string small = deflateZeros(1u << 20, crc);
    auto ok = zip::read(rawZip("zeros.bin", 8, small, crc, 1u << 20));
    ASSERT_TRUE(ok) << ok.message();
    EXPECT_EQ((*ok)[0].data, std::string(1u << 20, '\0'));
}

TEST(Zip, RefusesArchivesBeyondTheLimits) {
    std::string archive = zip::write({{"a", "12345678"}, {"b", "12345678"}, {"c", "12345678"}});
    zip::Limits fewEntries;
    fewEntries.maxEntries = 2;
    auto r1 = zip::read(archive, fewEntries);
    ASSERT_FALSE(r1);
    EXPECT_TRUE(contains(r1.message(), "3 entries")) << r1.message();

    zip::Limits smallTotal;
    smallTotal.maxTotalBytes = 20;
    auto r2 = zip::read(archive, smallTotal);
    ASSERT_FALSE(r2);
    EXPECT_TRUE(contains(r2.message(), "entry 'c'")) << r2.message();
}

TEST(Zip, RefusesDuplicateNames) {
    auto r = zip::read(zip::write({{"xl/workbook.xml", "one"}, {"xl/workbook.xml", "two"}}));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.message(), "zip: entry 'xl/workbook.xml': the name occurs twice");
}

TEST(Zip, RefusesNamesThatEscapeTheirFolder) {
    for (std::string name : {"../evil", "xl/../../evil", "/etc/passwd", "\\evil", "C:\\evil", "xl\\..\\..\\evil", ".."}) {
        auto r = zip::read(zip::write({{name, "x"}}));
        ASSERT_FALSE(r) << name;
        EXPECT_TRUE(contains(r.message(), "'" + name + "'")) << r.message();
    }
    EXPECT_TRUE(zip::read(zip::write({{"a..b/..c", "x"}}))) << "dots inside a name are harmless";
}

TEST(Zip, RefusesGarbage) {
    for (std::string bytes : {std::string(), std::string("PK"), std::string("this is a text file, not an archive at all"),
                              randomBytes(1000, 11), std::string(100, '\0')}) {
        auto r = zip::read(bytes);
        ASSERT_FALSE(r);
        EXPECT_EQ(r.message().rfind("zip: not a ZIP archive", 0), 0u) << r.message();
    }
}

TEST(Zip, RefusesAnEndRecordThatPointsBeyondTheEnd) {
    std::string archive = zip::write({{"a.txt", "hello"}});
    std::size_t end = archive.size() - 22;
    std::string badOffset = archive;
    badOffset.replace(end + 16, 4, le32(0xfffffff0u));
    auto r1 = zip::read(badOffset);
    ASSERT_FALSE(r1);
    EXPECT_TRUE(contains(r1.message(), "outside the archive")) << r1.message();

    std::string badSize = archive;
    badSize.replace(end + 12, 4, le32(0x7fffffffu));
    auto r2 = zip::read(badSize);
    ASSERT_FALSE(r2);
    EXPECT_TRUE(contains(r2.message(), "outside the archive")) << r2.message();

    // A central record whose local header offset points past the data.
    std::string badLocal = archive;
    std::size_t central = end - (46 + 5);
    badLocal.replace(central + 42, 4, le32(0x00ffffffu));
    auto r3 = zip::read(badLocal);
    ASSERT_FALSE(r3);
    EXPECT_TRUE(contains(r3.message(), "entry 'a.txt'")) << r3.message();
}

TEST(Zip, RefusesEncryptedAndZip64Entries) {
    std::uint32_t crc = static_cast<std::uint32_t>(crc32(0L, reinterpret_cast<const Bytef*>("hello"), 5));
    ASSERT_TRUE(zip::read(rawZip("a.txt", 0, "hello", crc, 5)));
    auto encrypted = zip::read(rawZip("a.txt", 0, "hello", crc, 5, 0x0001));
    ASSERT_FALSE(encrypted);
    EXPECT_EQ(encrypted.message(), "zip: entry 'a.txt': encrypted entries are not supported");
    auto zip64 = zip::read(rawZip("a.txt", 0, "hello", crc, 0xffffffffu));
    ASSERT_FALSE(zip64);
    EXPECT_TRUE(contains(zip64.message(), "zip64")) << zip64.message();
}

TEST(Zip, RefusesEntriesThatShareBytes) {
    // Two central records for one local entry: how the worst zip bombs multiply their output.
    std::string archive = zip::write({{"a", "hello"}});
    std::size_t end = archive.size() - 22;
    std::size_t centralAt = end - (46 + 1);
    std::string record = archive.substr(centralAt, 46 + 1);
    std::string copy = record;
    copy.back() = 'b';
    std::string bad = archive.substr(0, end) + copy + archive.substr(end);
    std::size_t newEnd = bad.size() - 22;
    bad.replace(newEnd + 8, 2, le16(2));
    bad.replace(newEnd + 10, 2, le16(2));
    bad.replace(newEnd + 12, 4, le32(2 * (46 + 1)));
    auto r = zip::read(bad);
    ASSERT_FALSE(r);
    EXPECT_TRUE(contains(r.message(), "overlaps")) << r.message();
}

// ---- xlsx: writing and reading back -------------------------------------------------------------

TEST(Xlsx, TrickyTextReadsBackExactly) {
    const std::string longText = [] {
        std::string s;
        for (int i = 0; i < 30000; ++i) s += "æ";
        return s;
    }();
    xlsx::Workbook wb;
    wb.sheets.push_back({"Risikoer",
                         {
                             {"Risiko", "Beskrivelse", "Antall"},
                             {"Blåbærsyltetøy ÆØÅ", "emoji 😀🇳🇴", "12"},
                             {"&<>\"'", "  leading and trailing  ", "-3"},
                             {"line1\nline2\r\nline3\rline4", "tab\there", "0"},
                             {"ctrl\x01" "char", "_x0041_", "007"},
                             {"-0", "1e5", "12345678901234567890"},
                             {"a", "", "c"},
                             {},
                             {"", "", "only third"},
                             {"ragged", "row", "with", "five", "cells"},
                             {"short"},
                             {longText},
                             {std::string("nul\0byte", 8), "_xD83D_", "\xEF\xBF\xBE", "x_x_", "_x005F_", "_X0041_", "2024-01-31"},
                         }});
    wb.sheets.push_back({"Æøå – ark 2", {{"Navn"}, {"Ærlig"}}});
    wb.sheets.push_back({"Tom", {}});

    auto r = xlsx::read(xlsx::write(wb));
    ASSERT_TRUE(r) << r.message();
    ASSERT_EQ(r->sheets.size(), 3u);
    for (std::size_t s = 0; s < 3; ++s) {
        EXPECT_EQ(r->sheets[s].name, wb.sheets[s].name);
        ASSERT_EQ(r->sheets[s].rows.size(), wb.sheets[s].rows.size()) << wb.sheets[s].name;
        for (std::size_t i = 0; i < wb.sheets[s].rows.size(); ++i)
            EXPECT_EQ(r->sheets[s].rows[i], wb.sheets[s].rows[i]) << wb.sheets[s].name << " row " << i + 1;
    }
}

TEST(Xlsx, IntegersAreWrittenAsNumbersAndOtherTextAsEscapedStrings) {
    xlsx::Workbook wb;
    wb.sheets.push_back({"Data", {{"Navn", "Antall"}, {"a", "12"}, {"b", "-3"}, {"c", "007"}, {"d", "-0"}, {"e", "1e5"},
                                  {"ctrl\x01", "_x0041_"}, {"cr\r", "x"}}});
    auto parts = zip::read(xlsx::write(wb));
    ASSERT_TRUE(parts) << parts.message();
    const zip::Entry* sheet = entryNamed(*parts, "xl/worksheets/sheet1.xml");
    ASSERT_NE(sheet, nullptr);
    const std::string& x = sheet->data;
    EXPECT_TRUE(contains(x, "<c r=\"B2\"><v>12</v></c>")) << x;  // a spreadsheet can sum these
    EXPECT_TRUE(contains(x, "<c r=\"B3\"><v>-3</v></c>")) << x;
    EXPECT_TRUE(contains(x, "<c r=\"B4\" t=\"inlineStr\"><is><t xml:space=\"preserve\">007</t></is></c>")) << x;
    EXPECT_TRUE(contains(x, ">-0</t>")) << x;
    EXPECT_TRUE(contains(x, ">1e5</t>")) << x;
    EXPECT_TRUE(contains(x, ">ctrl_x0001_</t>")) << x;    // XML cannot hold U+0001 at all
    EXPECT_TRUE(contains(x, ">_x005F_x0041_</t>")) << x;  // else other programs would read "A"
    EXPECT_TRUE(contains(x, ">cr_x000D_</t>")) << x;      // else XML parsers would turn CR into LF
}

TEST(Xlsx, WrittenWorkbookHasAllPartsABoldHeaderAndAFrozenFirstRow) {
    xlsx::Workbook wb;
    wb.sheets.push_back({"Risikoer", {{"Risiko", "Nivå"}, {"Lekkasje", "3"}}});
    wb.sheets.push_back({"R&D <2>", {{"x"}}});
    auto parts = zip::read(xlsx::write(wb));
    ASSERT_TRUE(parts) << parts.message();
    for (std::string name : {"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                             "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"})
        EXPECT_NE(entryNamed(*parts, name), nullptr) << name;
    EXPECT_TRUE(contains(entryNamed(*parts, "xl/styles.xml")->data, "<b/>"));
    const std::string& sheet = entryNamed(*parts, "xl/worksheets/sheet1.xml")->data;
    EXPECT_TRUE(contains(sheet, "<c r=\"A1\" s=\"1\" t=\"inlineStr\">")) << sheet;
    EXPECT_TRUE(contains(sheet, "<c r=\"A2\" t=\"inlineStr\">")) << sheet;
    EXPECT_TRUE(contains(sheet, "state=\"frozen\"")) << sheet;
    EXPECT_TRUE(contains(entryNamed(*parts, "xl/workbook.xml")->data, "name=\"R&amp;D &lt;2&gt;\""));
    auto r = xlsx::read(xlsx::write(wb));
    ASSERT_TRUE(r) << r.message();
    EXPECT_EQ(r->sheets[1].name, "R&D <2>");
}

TEST(Xlsx, TrailingEmptyCellsAndRowsAreNotKept) {
    xlsx::Workbook wb;
    wb.sheets.push_back({"S", {{"a", ""}, {"", ""}, {"b"}, {""}}});
    auto r = xlsx::read(xlsx::write(wb));
    ASSERT_TRUE(r) << r.message();
    std::vector<std::vector<std::string>> expected = {{"a"}, {}, {"b"}};
    EXPECT_EQ(r->sheets[0].rows, expected);
}

TEST(Xlsx, AWorkbookWithoutSheetsGetsOneEmptySheet) {
    auto r = xlsx::read(xlsx::write({}));
    ASSERT_TRUE(r) << r.message();
    ASSERT_EQ(r->sheets.size(), 1u);
    EXPECT_EQ(r->sheets[0].name, "Sheet1");
    EXPECT_TRUE(r->sheets[0].rows.empty());
}

TEST(Xlsx, SheetNamesFollowExcelsRules) {
    EXPECT_TRUE(xlsx::validSheetName("Risikoer"));
    EXPECT_TRUE(xlsx::validSheetName("Æøå – ark 2"));
    EXPECT_TRUE(xlsx::validSheetName(std::string(31, 'x')));
    EXPECT_TRUE(xlsx::validSheetName("R&D <2>"));
    EXPECT_FALSE(xlsx::validSheetName(""));
    EXPECT_FALSE(xlsx::validSheetName(std::string(32, 'x')));
    std::string thirtyOneNordic;
    for (int i = 0; i < 31; ++i) thirtyOneNordic += "ø";
    EXPECT_TRUE(xlsx::validSheetName(thirtyOneNordic)) << "characters count, not bytes";
    EXPECT_FALSE(xlsx::validSheetName(thirtyOneNordic + "ø"));
    for (std::string bad : {"a:b", "a\\b", "a/b", "a?b", "a*b", "a[b", "a]b", "'quoted'", "tab\there", "\xff\xfe"})
        EXPECT_FALSE(xlsx::validSheetName(bad)) << bad;
}

TEST(Xlsx, FindsASheetByNameExactlyOrIgnoringCase) {
    xlsx::Workbook wb;
    wb.sheets.push_back({"Risikoer", {{"a"}}});
    wb.sheets.push_back({"RISIKOER", {{"b"}}});
    ASSERT_NE(wb.find("RISIKOER"), nullptr);
    EXPECT_EQ(wb.find("RISIKOER")->rows[0][0], "b");
    ASSERT_NE(wb.find("risikoer"), nullptr);
    EXPECT_EQ(wb.find("risikoer")->rows[0][0], "a");
    EXPECT_EQ(wb.find("Tiltak"), nullptr);
}

// ---- xlsx: reading what other tools write --------------------------------------------------------

TEST(Xlsx, ReadsSharedStringsRichTextPrefixedElementsAndCellsWithoutReferences) {
    const std::string mainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const std::string relNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    std::vector<zip::Entry> parts;
    parts.push_back({"[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"});
    parts.push_back({"_rels/.rels",
                     "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                     "<Relationship Id=\"R1\" Type=\"" + relNs + "/officeDocument\" Target=\"/xl/workbook.xml\"/></Relationships>"});
    parts.push_back({"xl/workbook.xml",
                     "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
                     "<x:workbook xmlns:x=\"" + mainNs + "\" xmlns:r=\"" + relNs + "\"><x:sheets>"
                     "<x:sheet name=\"Risikoer\" sheetId=\"1\" r:id=\"rId7\"/>"
                     "<x:sheet name=\"Andre &amp; siste\" sheetId=\"2\" r:id=\"rId8\" state=\"hidden\"/>"
                     "</x:sheets></x:workbook>"});
    parts.push_back({"xl/_rels/workbook.xml.rels",
                     "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                     "<Relationship Id=\"rId9\" Type=\"" + relNs + "/sharedStrings\" Target=\"../xl/sharedStrings.xml\"/>"
                     "<Relationship Id=\"rId8\" Type=\"" + relNs + "/worksheet\" Target=\"/xl/worksheets/other.xml\"/>"
                     "<Relationship Id=\"rId7\" Type=\"" + relNs + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                     "</Relationships>"});
    parts.push_back({"xl/sharedStrings.xml",
                     "<?xml version=\"1.0\" encoding=\"UTF-8\"?><x:sst xmlns:x=\"" + mainNs + "\" count=\"6\" uniqueCount=\"6\">"
                     "<x:si><x:t>Tiltak</x:t></x:si>"
                     "<x:si><x:r><x:rPr><x:b/></x:rPr><x:t>Fet</x:t></x:r><x:r><x:t xml:space=\"preserve\"> og vanlig</x:t></x:r></x:si>"
                     "<x:si><x:t>東京</x:t><x:rPh sb=\"0\" eb=\"2\"><x:t>トウキョウ</x:t></x:rPh><x:phoneticPr fontId=\"1\"/></x:si>"
                     "<x:si><x:t>linje1_x000D_&#10;linje2 &amp; &lt;mer&gt;</x:t></x:si>"
                     "<x:si><x:t><![CDATA[a<b]]></x:t></x:si>"
                     "<x:si><x:t>smil &#x1F600; &#128512;</x:t></x:si>"
                     "</x:sst>"});
    parts.push_back({"xl/worksheets/sheet1.xml",
                     "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- written by hand -->\n"
                     "<x:worksheet xmlns:x=\"" + mainNs + "\"><x:dimension ref=\"A1:D6\"/><x:sheetData>\n"
                     "<x:row><x:c t=\"s\"><x:v>0</x:v></x:c><x:c t=\"s\"><x:v>1</x:v></x:c><x:c t=\"s\"><x:v>2</x:v></x:c></x:row>\n"
                     "<x:row><x:c t=\"s\"><x:v>3</x:v></x:c><x:c r=\"C2\" t=\"s\"><x:v>4</x:v></x:c></x:row>\n"
                     "<x:row r=\"4\"><x:c r=\"B4\" t=\"b\"><x:v>1</x:v></x:c><x:c t=\"b\"><x:v>0</x:v></x:c>"
                     "<x:c t=\"e\"><x:v>#DIV/0!</x:v></x:c></x:row>\n"
                     "<x:row><x:c><x:v>12.0</x:v></x:c><x:c t=\"n\"><x:v>1.2E1</x:v></x:c>"
                     "<x:c t=\"str\"><x:f>A5&amp;\"x\"</x:f><x:v>12x</x:v></x:c>"
                     "<x:c t=\"inlineStr\"><x:is><x:r><x:t>in</x:t></x:r><x:r><x:rPr><x:i/></x:rPr><x:t>line</x:t></x:r></x:is></x:c>"
                     "</x:row>\n"
                     "<x:row r=\"6\" spans=\"1:4\"><x:c r=\"A6\" t=\"s\"><x:v>0</x:v></x:c><x:c r=\"B6\" t=\"s\"><x:v> 5 </x:v></x:c>"
                     "<x:c r=\"D6\" s=\"3\"/></x:row>\n"
                     "<x:row r=\"9\" customHeight=\"1\" ht=\"20\"/>\n"
                     "</x:sheetData><x:mergeCells count=\"1\"><x:mergeCell ref=\"A1:B1\"/></x:mergeCells></x:worksheet>"});
    parts.push_back({"xl/worksheets/other.xml",
                     "<worksheet xmlns=\"" + mainNs + "\"><sheetData><row r=\"1\"><c r=\"C1\" t=\"inlineStr\"><is><t>tredje</t></is></c>"
                     "<c t=\"inlineStr\"><is><t>_xD83D__xDE00_ and _xd83d_ alone</t></is></c>"  // UTF-16 escapes, as Excel may write
                     "</row></sheetData></worksheet>"});

    auto r = xlsx::read(zip::write(parts));
    ASSERT_TRUE(r) << r.message();
    ASSERT_EQ(r->sheets.size(), 2u);
    EXPECT_EQ(r->sheets[0].name, "Risikoer");
    std::vector<std::vector<std::string>> expected = {
        {"Tiltak", "Fet og vanlig", "東京"},
        {"linje1\r\nlinje2 & <mer>", "", "a<b"},
        {},
        {"", "TRUE", "FALSE", "#DIV/0!"},
        {"12.0", "1.2E1", "12x", "inline"},
        {"Tiltak", "smil 😀 😀"},
    };
    EXPECT_EQ(r->sheets[0].rows, expected);
    EXPECT_EQ(r->sheets[1].name, "Andre & siste");
    std::vector<std::vector<std::string>> other = {{"", "", "tredje", "😀 and _xd83d_ alone"}};
    EXPECT_EQ(r->sheets[1].rows, other);
    ASSERT_NE(r->find("andre & SISTE"), nullptr);
}

TEST(Xlsx, RefusesDoctypeSoNoEntityCanExpand) {
    std::string bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>"
                       "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>";
    auto r = xlsx::read(packageWithSheet(bomb));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.message(), "xlsx: sheet 'Risikoer' (part 'xl/worksheets/sheet1.xml'): line 1: DOCTYPE declarations are not allowed");
}

TEST(Xlsx, NamesTheSheetWhosePartIsMissing) {
    auto r = xlsx::read(packageWithSheet(sheetXml(""), "", "worksheets/sheet9.xml"));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.message(), "xlsx: sheet 'Risikoer': part 'xl/worksheets/sheet9.xml' is missing");
}

TEST(Xlsx, NamesSheetAndCellOfAMissingSharedString) {
    std::string shared = "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                         "<si><t>Risiko</t></si><si><t>Tiltak</t></si></sst>";
    auto ok = xlsx::read(packageWithSheet(sheetXml("<row r=\"7\"><c r=\"B7\" t=\"s\"><v>1</v></c></row>"), shared));
    ASSERT_TRUE(ok) << ok.message();
    EXPECT_EQ(ok->sheets[0].rows[6][1], "Tiltak");

    auto r = xlsx::read(packageWithSheet(sheetXml("<row r=\"7\"><c r=\"B7\" t=\"s\"><v>41</v></c></row>"), shared));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.message(), "xlsx: sheet 'Risikoer' cell B7: shared string 41 does not exist");

    auto negative = xlsx::read(packageWithSheet(sheetXml("<row><c t=\"s\"><v>-1</v></c></row>"), shared));
    ASSERT_FALSE(negative);
    EXPECT_TRUE(contains(negative.message(), "cell A1: shared string index '-1' is not a number")) << negative.message();
}

TEST(Xlsx, RefusesCellsBeyondTheLastColumnOrRow) {
    auto col = xlsx::read(packageWithSheet(sheetXml("<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>")));
    ASSERT_FALSE(col);
    EXPECT_TRUE(contains(col.message(), "sheet 'Risikoer' cell XFE1: the column is beyond XFD")) << col.message();

    auto row = xlsx::read(packageWithSheet(sheetXml("<row r=\"1048577\"><c><v>1</v></c></row>")));
    ASSERT_FALSE(row);
    EXPECT_TRUE(contains(row.message(), "sheet 'Risikoer' row 1048577: the row is beyond 1048576")) << row.message();

    auto ref = xlsx::read(packageWithSheet(sheetXml("<row><c r=\"A99999999\"><v>1</v></c></row>")));
    ASSERT_FALSE(ref);
    EXPECT_TRUE(contains(ref.message(), "cell A99999999: the row is beyond 1048576")) << ref.message();

    std::string wide = "<row>";
    for (int i = 0; i < 16385; ++i) wide += "<c><v>1</v></c>";
    auto unreferenced = xlsx::read(packageWithSheet(sheetXml(wide + "</row>")));
    ASSERT_FALSE(unreferenced);
    EXPECT_TRUE(contains(unreferenced.message(), "sheet 'Risikoer' row 1: more than 16384 cells")) << unreferenced.message();

    // The last cell a spreadsheet has is fine.
    auto last = xlsx::read(packageWithSheet(sheetXml("<row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row>")));
    ASSERT_TRUE(last) << last.message();
    EXPECT_EQ(last->sheets[0].rows.size(), 1048576u);
    EXPECT_EQ(last->sheets[0].rows.back().size(), 16384u);
    EXPECT_EQ(last->sheets[0].rows.back().back(), "1");
}

TEST(Xlsx, RefusesWorkbooksWithTooManyCells) {
    // Each sheet is tiny on disk but fills a million rows; five of them pass the 5 million cell limit.
    const std::string relNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    std::string sheets, rels;
    std::vector<zip::Entry> parts;
    for (int i = 1; i <= 5; ++i) {
        std::string n = std::to_string(i);
        sheets += "<sheet name=\"S" + n + "\" sheetId=\"" + n + "\" r:id=\"rId" + n + "\"/>";
        rels += "<Relationship Id=\"rId" + n + "\" Type=\"" + relNs + "/worksheet\" Target=\"worksheets/sheet" + n + ".xml\"/>";
        parts.push_back({"xl/worksheets/sheet" + n + ".xml", sheetXml("<row r=\"1048576\"><c r=\"A1048576\"><v>1</v></c></row>")});
    }
    parts.push_back({"xl/workbook.xml", "<workbook xmlns:r=\"" + relNs + "\"><sheets>" + sheets + "</sheets></workbook>"});
    parts.push_back({"xl/_rels/workbook.xml.rels", "<Relationships>" + rels + "</Relationships>"});
    auto r = xlsx::read(zip::write(parts));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.message(), "xlsx: sheet 'S5' cell A1048576: the workbook has more than 5000000 cells");
}

TEST(Xlsx, RefusesMalformedXmlNamingThePartAndLine) {
    struct Case {
        std::string xml, expected;
    };
    std::string deep;
    for (int i = 0; i < 100000; ++i) deep += "<a>";
    std::vector<Case> cases = {
        {sheetXml("<row><c><v>1</v></row>"), "line 2: end tag </row> does not close <c>"},
        {sheetXml("<row><c t=\"inlineStr\"><is><t>&nbsp;</t></is></c></row>"), "line 2: unknown entity '&nbsp;'"},
        {sheetXml("<row><c t=\"inlineStr\"><is><t>&#0;</t></is></c></row>"), "line 2: '&#0;' is not a character XML allows"},
        {sheetXml("<row><c t=\"inlineStr\"><is><t>&#xD800;</t></is></c></row>"), "'&#xD800;' is not a character XML allows"},
        {sheetXml("<row><c t=\"inlineStr\"><is><t>&#9999999999;</t></is></c></row>"), "is not a character XML allows"},
        {sheetXml("<row><c t=\"inlineStr\"><is><t>fish & chips</t></is></c></row>"), "a '&' that starts no entity"},
        {"<worksheet><sheetData>", "line 1: the document ends inside <sheetData>"},
        {"<worksheet/><worksheet/>", "a second root element"},
        {"<worksheet a=\"1 <\"/>", "'<' inside attribute a"},
        {"<worksheet>\xff</worksheet>", "not valid UTF-8"},
        {"", "the document has no root element"},
        {"<worksheet><!-- never closed", "a comment is not closed"},
        {"<worksheet>" + deep, "elements nest deeper than 256 levels"},
        {sheetXml("<row><c t=\"q\"><v>1</v></c></row>"), "cell A1: unknown cell type 'q'"},
        {sheetXml("<row><c t=\"b\"><v>yes</v></c></row>"), "cell A1: boolean value 'yes' is neither 0 nor 1"},
    };
    for (const auto& c : cases) {
        auto r = xlsx::read(packageWithSheet(c.xml));
        ASSERT_FALSE(r) << c.expected;
        EXPECT_EQ(r.message().rfind("xlsx: sheet 'Risikoer'", 0), 0u) << r.message();
        EXPECT_TRUE(contains(r.message(), c.expected)) << r.message() << "\nexpected: " << c.expected;
    }
}

TEST(Xlsx, RefusesFilesThatAreNotXlsx) {
    auto garbage = xlsx::read("Risiko;Tiltak\nLekkasje;Kryptering\n");
    ASSERT_FALSE(garbage);
    EXPECT_EQ(garbage.message().rfind("xlsx: not a readable .xlsx file: zip: ", 0), 0u) << garbage.message();

    auto xls = xlsx::read(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\0'));
    ASSERT_FALSE(xls);
    EXPECT_TRUE(contains(xls.message(), ".xls")) << xls.message();

    auto noWorkbook = xlsx::read(zip::write({{"word/document.xml", "<document/>"}}));
    ASSERT_FALSE(noWorkbook);
    EXPECT_EQ(noWorkbook.message(), "xlsx: part 'xl/workbook.xml' (the workbook) is missing; is this an .xlsx file?");
}

TEST(Xlsx, RefusesTwoSheetsReadingOnePart) {
    // Otherwise one large part listed many times would be read many times over.
    const std::string relNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    std::vector<zip::Entry> parts = {
        {"xl/workbook.xml", "<workbook xmlns:r=\"" + relNs + "\"><sheets><sheet name=\"A\" r:id=\"r1\"/>"
                            "<sheet name=\"B\" r:id=\"r2\"/></sheets></workbook>"},
        {"xl/_rels/workbook.xml.rels", "<Relationships><Relationship Id=\"r1\" Target=\"worksheets/s.xml\"/>"
                                       "<Relationship Id=\"r2\" Target=\"./worksheets/s.xml\"/></Relationships>"},
        {"xl/worksheets/s.xml", sheetXml("")},
    };
    auto r = xlsx::read(zip::write(parts));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.message(), "xlsx: sheet 'B': part 'xl/worksheets/s.xml' belongs to another sheet too");
}
