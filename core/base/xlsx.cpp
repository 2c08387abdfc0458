#include "core/base/xlsx.h"

#include "core/base/utf8.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <set>

namespace vakt::xlsx {

namespace {

constexpr long kMaxRows = 1048576;
constexpr long kMaxColumns = 16384;
constexpr std::size_t kMaxCells = 5'000'000;
constexpr std::size_t kMaxDepth = 256;
constexpr std::size_t kMaxAttributes = 256;

// ---- UTF-8 ------------------------------------------------------------------------------------

// The code point at s[i], moving i past it; -1 (and one byte on) for a malformed sequence,
// an overlong form, a surrogate or anything beyond U+10FFFF.
long nextCodePoint(std::string_view s, std::size_t& i) {
    auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) { ++i; return b0; }
    std::size_t len;
    long cp;
    long min;
    if ((b0 & 0xE0) == 0xC0) { len = 2; cp = b0 & 0x1F; min = 0x80; }
    else if ((b0 & 0xF0) == 0xE0) { len = 3; cp = b0 & 0x0F; min = 0x800; }
    else if ((b0 & 0xF8) == 0xF0) { len = 4; cp = b0 & 0x07; min = 0x10000; }
    else { ++i; return -1; }
    if (s.size() - i < len) { ++i; return -1; }
    for (std::size_t k = 1; k < len; ++k) {
        auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) { ++i; return -1; }
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) { ++i; return -1; }
    i += len;
    return cp;
}


// XML 1.0's Char production: what a document may hold, literally or as &#..;.
bool isXmlChar(long cp) {
    return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) ||
           (cp >= 0x10000 && cp <= 0x10FFFF);
}

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}
char lowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
bool equalsIgnoringAsciiCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lowerAscii(x) == lowerAscii(y); });
}
std::string_view trim(std::string_view s) {
    while (!s.empty() && isSpace(s.front())) s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back())) s.remove_suffix(1);
    return s;
}
bool endsWith(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// ---- OOXML's _xHHHH_ escape --------------------------------------------------------------------
// Spreadsheet text may hold characters XML cannot (control characters); OOXML writes them as
// _xHHHH_, and a literal "_x" that looks like one as _x005F_ followed by the rest.

// The UTF-16 unit of an _xHHHH_ escape at s[i], or -1.
long escapeAt(std::string_view s, std::size_t i) {
    if (s.size() - i < 7 || s[i] != '_' || s[i + 1] != 'x' || s[i + 6] != '_') return -1;
    long v = 0;
    for (std::size_t k = 2; k < 6; ++k) {
        int h = hexValue(s[i + k]);
        if (h < 0) return -1;
        v = v * 16 + h;
    }
    return v;
}

std::string decodeEscapes(std::string_view s) {
    if (s.find("_x") == std::string_view::npos) return std::string(s);
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        long u = s[i] == '_' ? escapeAt(s, i) : -1;
        if (u >= 0xD800 && u <= 0xDBFF) {
            long low = escapeAt(s, i + 7 <= s.size() ? i + 7 : s.size());
            if (low >= 0xDC00 && low <= 0xDFFF) {
                appendUtf8(out, 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
                i += 14;
                continue;
            }
            u = -1;  // a lone surrogate is no character: keep the text as it stands
        } else if (u >= 0xDC00 && u <= 0xDFFF) {
            u = -1;
        }
        if (u >= 0) {
            appendUtf8(out, u);
            i += 7;
        } else {
            out += s[i++];
        }
    }
    return out;
}

// ---- A small pull XML reader -------------------------------------------------------------------
// Enough XML for OOXML parts, and safe on hostile input: no DOCTYPE (so no entity expansion), no
// recursion, nesting limited, every end tag checked against its start tag. Names are compared by
// local name because tools choose their own prefixes ("x:c" and "c" are the same cell).
class XmlReader {
public:
    enum class Kind { Start, End, Text };

    explicit XmlReader(std::string_view doc) : doc_(doc) {}

    // The next event; false at the end of the document or on an error (then error() is not empty).
    bool next();

    Kind kind() const { return kind_; }
    std::string_view name() const { return name_; }  // local name of a Start or End
    const std::string& text() const { return text_; }
    const std::string& error() const { return error_; }

    // The value of the attribute with this local name on the current Start, if it has one.
    std::optional<std::string_view> attr(std::string_view local) const {
        for (const Attribute& a : attrs_)
            if (a.local == local && !a.isNamespace) return std::string_view(attrBuf_).substr(a.offset, a.length);
        return std::nullopt;
    }

private:
    struct Attribute {
        std::string_view local;
        bool isNamespace;
        std::size_t offset, length;  // into attrBuf_, which grows while the tag is read
    };

    bool failAt(std::size_t offset, const std::string& message) {
        std::string_view before = doc_.substr(0, std::min(offset, doc_.size()));
        auto line = 1 + std::count(before.begin(), before.end(), '\n');
        error_ = "line " + std::to_string(line) + ": " + message;
        return false;
    }
    static std::string_view localName(std::string_view qname) {
        std::size_t colon = qname.rfind(':');
        return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
    }
    std::string_view readName(std::size_t& i) const {
        std::size_t start = i;
        while (i < doc_.size() && !isSpace(doc_[i]) && std::string_view("/>=<\"'").find(doc_[i]) == std::string_view::npos) ++i;
        return doc_.substr(start, i - start);
    }
    void skipSpace(std::size_t& i) const {
        while (i < doc_.size() && isSpace(doc_[i])) ++i;
    }
    // Appends raw text with entities and character references resolved and line ends normalised
    // (in attribute values, white space becomes a space, as XML says).
    bool decode(std::string_view raw, std::string& out, bool attribute, std::size_t at);
    bool readStartTag();
    bool readEndTag();

    std::string_view doc_;
    std::size_t pos_ = 0;
    bool started_ = false;
    bool sawRoot_ = false;
    bool pendingEnd_ = false;
    std::vector<std::string_view> stack_;  // qualified names of the open elements
    Kind kind_ = Kind::Text;
    std::string_view name_;
    std::string text_;
    std::vector<Attribute> attrs_;
    std::string attrBuf_;
    std::string error_;
};

bool XmlReader::decode(std::string_view raw, std::string& out, bool attribute, std::size_t at) {
    if (raw.find_first_of(attribute ? "&\r\n\t" : "&\r") == std::string_view::npos) {
        out += raw;
        return true;
    }
    for (std::size_t i = 0; i < raw.size();) {
        char c = raw[i];
        if (c == '&') {
            std::size_t semi = raw.find(';', i);
            if (semi == std::string_view::npos || semi - i > 12) return failAt(at + i, "a '&' that starts no entity");
            std::string_view ent = raw.substr(i + 1, semi - i - 1);
            if (ent == "lt") out += '<';
            else if (ent == "gt") out += '>';
            else if (ent == "amp") out += '&';
            else if (ent == "quot") out += '"';
            else if (ent == "apos") out += '\'';
            else if (ent.size() >= 2 && ent[0] == '#') {
                bool hex = ent[1] == 'x';
                std::string_view digits = ent.substr(hex ? 2 : 1);
                long cp = 0;
                bool valid = !digits.empty();
                for (char d : digits) {
                    int v = hex ? hexValue(d) : (isDigit(d) ? d - '0' : -1);
                    if (v < 0 || cp > 0x10FFFF) { valid = false; break; }
                    cp = cp * (hex ? 16 : 10) + v;
                }
                if (!valid || !isXmlChar(cp))
                    return failAt(at + i, "'&" + std::string(ent) + ";' is not a character XML allows");
                appendUtf8(out, cp);
            } else {
                return failAt(at + i, "unknown entity '&" + std::string(ent) + ";'");
            }
            i = semi + 1;
        } else if (c == '\r') {
            out += attribute ? ' ' : '\n';
            ++i;
            if (i < raw.size() && raw[i] == '\n') ++i;
        } else {
            out += attribute && (c == '\n' || c == '\t') ? ' ' : c;
            ++i;
        }
    }
    return true;
}

bool XmlReader::readStartTag() {
    std::size_t i = pos_ + 1;
    std::string_view qname = readName(i);
    if (qname.empty()) return failAt(pos_, "a '<' that starts no tag");
    attrs_.clear();
    attrBuf_.clear();
    bool selfClosing = false;
    for (;;) {
        skipSpace(i);
        if (i >= doc_.size()) return failAt(pos_, "tag <" + std::string(qname) + "> is not closed");
        if (doc_[i] == '>') { ++i; break; }
        if (doc_[i] == '/') {
            if (i + 1 < doc_.size() && doc_[i + 1] == '>') { i += 2; selfClosing = true; break; }
            return failAt(i, "malformed tag <" + std::string(qname) + ">");
        }
        std::string_view attrName = readName(i);
        if (attrName.empty()) return failAt(i, "malformed attribute in <" + std::string(qname) + ">");
        skipSpace(i);
        if (i >= doc_.size() || doc_[i] != '=') return failAt(i, "attribute " + std::string(attrName) + " has no value");
        ++i;
        skipSpace(i);
        if (i >= doc_.size() || (doc_[i] != '"' && doc_[i] != '\'')) return failAt(i, "attribute " + std::string(attrName) + " is not quoted");
        std::size_t close = doc_.find(doc_[i], i + 1);
        if (close == std::string_view::npos) return failAt(i, "attribute " + std::string(attrName) + " is not closed");
        std::string_view raw = doc_.substr(i + 1, close - i - 1);
        if (raw.find('<') != std::string_view::npos) return failAt(i, "'<' inside attribute " + std::string(attrName));
        if (attrs_.size() >= kMaxAttributes) return failAt(i, "more than " + std::to_string(kMaxAttributes) + " attributes");
        std::size_t offset = attrBuf_.size();
        if (!decode(raw, attrBuf_, true, i + 1)) return false;
        bool isNamespace = attrName == "xmlns" || attrName.substr(0, 6) == "xmlns:";
        attrs_.push_back({localName(attrName), isNamespace, offset, attrBuf_.size() - offset});
        i = close + 1;
    }
    if (stack_.empty() && sawRoot_) return failAt(pos_, "a second root element <" + std::string(qname) + ">");
    if (stack_.size() >= kMaxDepth) return failAt(pos_, "elements nest deeper than " + std::to_string(kMaxDepth) + " levels");
    stack_.push_back(qname);
    sawRoot_ = true;
    name_ = localName(qname);
    kind_ = Kind::Start;
    pendingEnd_ = selfClosing;
    pos_ = i;
    return true;
}

bool XmlReader::readEndTag() {
    std::size_t i = pos_ + 2;
    std::string_view qname = readName(i);
    skipSpace(i);
    if (i >= doc_.size() || doc_[i] != '>') return failAt(pos_, "malformed end tag </" + std::string(qname) + ">");
    if (stack_.empty()) return failAt(pos_, "end tag </" + std::string(qname) + "> closes nothing");
    if (stack_.back() != qname)
        return failAt(pos_, "end tag </" + std::string(qname) + "> does not close <" + std::string(stack_.back()) + ">");
    stack_.pop_back();
    name_ = localName(qname);
    kind_ = Kind::End;
    pos_ = i + 1;
    return true;
}

bool XmlReader::next() {
    if (!error_.empty()) return false;
    if (!started_) {
        started_ = true;
        if (doc_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
        for (std::size_t i = pos_; i < doc_.size();)
            if (nextCodePoint(doc_, i) < 0) return failAt(i - 1, "not valid UTF-8 (only UTF-8 is supported)");
    }
    if (pendingEnd_) {
        pendingEnd_ = false;
        stack_.pop_back();
        kind_ = Kind::End;
        return true;
    }
    for (;;) {
        if (pos_ >= doc_.size()) {
            if (!stack_.empty()) return failAt(pos_, "the document ends inside <" + std::string(stack_.back()) + ">");
            if (!sawRoot_) return failAt(pos_, "the document has no root element");
            return false;
        }
        if (doc_[pos_] != '<') {
            std::size_t end = doc_.find('<', pos_);
            if (end == std::string_view::npos) end = doc_.size();
            std::string_view raw = doc_.substr(pos_, end - pos_);
            std::size_t start = pos_;
            pos_ = end;
            if (stack_.empty()) {
                if (!trim(raw).empty()) return failAt(start, "text outside the root element");
                continue;
            }
            text_.clear();
            if (!decode(raw, text_, false, start)) return false;
            kind_ = Kind::Text;
            return true;
        }
        std::string_view rest = doc_.substr(pos_);
        auto skipPast = [&](std::string_view terminator, const char* what) {
            std::size_t end = doc_.find(terminator, pos_);
            if (end == std::string_view::npos) return failAt(pos_, std::string(what) + " is not closed");
            pos_ = end + terminator.size();
            return true;
        };
        if (rest.substr(0, 2) == "<?") {  // the XML declaration or a processing instruction
            if (!skipPast("?>", "a processing instruction")) return false;
            continue;
        }
        if (rest.substr(0, 4) == "<!--") {
            pos_ += 2;  // so "<!-->" is not taken as a whole comment
            if (!skipPast("-->", "a comment")) return false;
            continue;
        }
        if (rest.substr(0, 9) == "<![CDATA[") {
            if (stack_.empty()) return failAt(pos_, "CDATA outside the root element");
            std::size_t start = pos_ + 9;
            std::size_t end = doc_.find("]]>", start);
            if (end == std::string_view::npos) return failAt(pos_, "a CDATA section is not closed");
            text_.clear();
            std::string_view raw = doc_.substr(start, end - start);
            for (std::size_t i = 0; i < raw.size(); ++i) {  // only line ends are normalised in CDATA
                if (raw[i] != '\r') text_ += raw[i];
                else if (i + 1 >= raw.size() || raw[i + 1] != '\n') text_ += '\n';
            }
            pos_ = end + 3;
            kind_ = Kind::Text;
            return true;
        }
        if (rest.substr(0, 9) == "<!DOCTYPE") return failAt(pos_, "DOCTYPE declarations are not allowed");
        if (rest.substr(0, 2) == "<!") return failAt(pos_, "unexpected '<!'");
        if (rest.substr(0, 2) == "</") return readEndTag();
        return readStartTag();
    }
}

// ---- Cell references ---------------------------------------------------------------------------

std::string columnName(long col) {  // 0 -> "A", 26 -> "AA"
    std::string name;
    for (long c = col + 1; c > 0; c = (c - 1) / 26) name.insert(name.begin(), static_cast<char>('A' + (c - 1) % 26));
    return name;
}
std::string cellName(long row, long col) { return columnName(col) + std::to_string(row + 1); }

// "B7" -> row 6, column 1 (both from 0). Empty on success, else why not.
std::string parseCellRef(std::string_view ref, long& row, long& col) {
    std::size_t i = 0;
    long c = 0;
    while (i < ref.size() && ((ref[i] >= 'A' && ref[i] <= 'Z') || (ref[i] >= 'a' && ref[i] <= 'z'))) {
        if (i == 3) return "the column is beyond XFD, the last column a spreadsheet has";
        c = c * 26 + (lowerAscii(ref[i]) - 'a' + 1);
        ++i;
    }
    std::size_t digits = i;
    long r = 0;
    while (i < ref.size() && isDigit(ref[i])) {
        if (i - digits == 7) return "the row is beyond 1048576, the last row a spreadsheet has";
        r = r * 10 + (ref[i] - '0');
        ++i;
    }
    if (digits == 0 || i == digits || i != ref.size() || r == 0) return "not a cell reference";
    if (c > kMaxColumns) return "the column is beyond XFD, the last column a spreadsheet has";
    if (r > kMaxRows) return "the row is beyond 1048576, the last row a spreadsheet has";
    row = r - 1;
    col = c - 1;
    return {};
}

// ---- Writing -----------------------------------------------------------------------------------

constexpr const char* kXmlDecl = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr const char* kMainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr const char* kRelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr const char* kPackageRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";

// Up to 15 digits: a spreadsheet keeps integers that long exactly (it stores doubles).
bool isPlainInteger(std::string_view s) {
    bool negative = !s.empty() && s[0] == '-';
    std::string_view digits = s.substr(negative ? 1 : 0);
    if (digits.empty() || digits.size() > 15) return false;
    if (!std::all_of(digits.begin(), digits.end(), isDigit)) return false;
    if (digits[0] == '0') return digits.size() == 1 && !negative;  // "007" and "-0" would not read back as written
    return true;
}

void appendEscapedAttribute(std::string& out, std::string_view s) {
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default: out += c;
        }
    }
}

void appendHexEscape(std::string& out, long unit) {
    static const char* hex = "0123456789ABCDEF";
    out += "_x";
    for (int shift = 12; shift >= 0; shift -= 4) out += hex[(unit >> shift) & 0xF];
    out += '_';
}

// Cell text as XML element content that reads back exactly (see the _xHHHH_ notes above).
void appendCellText(std::string& out, std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        std::size_t start = i;
        long cp = nextCodePoint(s, i);
        switch (cp) {
            case -1: out += "\xEF\xBF\xBD"; break;  // not UTF-8: U+FFFD, the replacement character
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '_':
                if (escapeAt(s, start) >= 0) appendHexEscape(out, '_');
                else out += '_';
                break;
            case '\t':
            case '\n': out += static_cast<char>(cp); break;
            default:
                // Control characters (a CR too: XML parsers turn it into LF) and U+FFFE/U+FFFF.
                if (cp < 0x20 || cp == 0xFFFE || cp == 0xFFFF) appendHexEscape(out, cp);
                else out.append(s.substr(start, i - start));
        }
    }
}

std::string contentTypes(std::size_t sheetCount) {
    std::string x = kXmlDecl;
    x += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
         "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
         "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
         "<Override PartName=\"/xl/workbook.xml\" "
         "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
         "<Override PartName=\"/xl/styles.xml\" "
         "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>";
    for (std::size_t i = 1; i <= sheetCount; ++i)
        x += "<Override PartName=\"/xl/worksheets/sheet" + std::to_string(i) +
             ".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>";
    x += "</Types>";
    return x;
}

std::string rootRels() {
    return std::string(kXmlDecl) + "<Relationships xmlns=\"" + kPackageRelNs + "\"><Relationship Id=\"rId1\" Type=\"" +
           kRelNs + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
}

std::string workbookXml(const std::vector<Sheet>& sheets) {
    std::string x = std::string(kXmlDecl) + "<workbook xmlns=\"" + kMainNs + "\" xmlns:r=\"" + kRelNs +
                    "\"><bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>";
    for (std::size_t i = 0; i < sheets.size(); ++i) {
        x += "<sheet name=\"";
        appendEscapedAttribute(x, sheets[i].name);
        x += "\" sheetId=\"" + std::to_string(i + 1) + "\" r:id=\"rId" + std::to_string(i + 1) + "\"/>";
    }
    x += "</sheets></workbook>";
    return x;
}

std::string workbookRels(std::size_t sheetCount) {
    std::string x = std::string(kXmlDecl) + "<Relationships xmlns=\"" + kPackageRelNs + "\">";
    for (std::size_t i = 1; i <= sheetCount; ++i)
        x += "<Relationship Id=\"rId" + std::to_string(i) + "\" Type=\"" + kRelNs + "/worksheet\" Target=\"worksheets/sheet" +
             std::to_string(i) + ".xml\"/>";
    x += "<Relationship Id=\"rId" + std::to_string(sheetCount + 1) + "\" Type=\"" + kRelNs + "/styles\" Target=\"styles.xml\"/>";
    x += "</Relationships>";
    return x;
}

// Style 0 is the default, style 1 the bold header.
std::string stylesXml() {
    return std::string(kXmlDecl) + "<styleSheet xmlns=\"" + kMainNs +
           "\">"
           "<fonts count=\"2\">"
           "<font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
           "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
           "</fonts>"
           "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
           "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
           "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
           "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
           "<cellXfs count=\"2\">"
           "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
           "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
           "</cellXfs>"
           "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
           "</styleSheet>";
}

std::string worksheetXml(const Sheet& sheet, bool selected) {
    // The used range, for the <dimension> element that programs use to size the sheet quickly.
    long lastRow = -1;
    long lastCol = -1;
    for (std::size_t r = 0; r < sheet.rows.size(); ++r)
        for (std::size_t c = 0; c < sheet.rows[r].size(); ++c)
            if (!sheet.rows[r][c].empty()) {
                lastRow = static_cast<long>(r);
                lastCol = std::max(lastCol, static_cast<long>(c));
            }

    std::string x = std::string(kXmlDecl) + "<worksheet xmlns=\"" + kMainNs + "\" xmlns:r=\"" + kRelNs + "\">";
    x += "<dimension ref=\"" + (lastRow < 0 ? std::string("A1") : "A1:" + cellName(lastRow, lastCol)) + "\"/>";
    x += "<sheetViews><sheetView workbookViewId=\"0\"";
    if (selected) x += " tabSelected=\"1\"";
    x += ">";
    if (lastRow >= 0)  // keep the header in view while scrolling
        x += "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
             "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/>";
    x += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/><sheetData>";
    for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
        const auto& row = sheet.rows[r];
        if (std::all_of(row.begin(), row.end(), [](const std::string& cell) { return cell.empty(); })) continue;
        x += "<row r=\"" + std::to_string(r + 1) + "\">";
        for (std::size_t c = 0; c < row.size(); ++c) {
            const std::string& text = row[c];
            if (text.empty()) continue;
            x += "<c r=\"" + cellName(static_cast<long>(r), static_cast<long>(c)) + "\"";
            if (r == 0) x += " s=\"1\"";
            if (isPlainInteger(text)) {
                x += "><v>" + text + "</v></c>";
            } else {
                x += " t=\"inlineStr\"><is><t xml:space=\"preserve\">";
                appendCellText(x, text);
                x += "</t></is></c>";
            }
        }
        x += "</row>";
    }
    x += "</sheetData></worksheet>";
    return x;
}

// ---- Reading -----------------------------------------------------------------------------------

// The archive's parts by name. OPC part names ignore case; real files match exactly, so that is
// tried first. Maps, so a workbook of thousands of sheets is not quadratic.
class Package {
public:
    explicit Package(const std::vector<zip::Entry>& entries) {
        for (const auto& e : entries) {
            exact_.emplace(e.name, &e);
            folded_.emplace(folded(e.name), &e);
        }
    }
    const zip::Entry* find(const std::string& name) const {
        if (auto it = exact_.find(name); it != exact_.end()) return it->second;
        if (auto it = folded_.find(folded(name)); it != folded_.end()) return it->second;
        return nullptr;
    }

private:
    static std::string folded(std::string s) {
        for (char& c : s) c = lowerAscii(c);
        return s;
    }
    std::map<std::string, const zip::Entry*> exact_;
    std::map<std::string, const zip::Entry*> folded_;
};

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

std::string directoryOf(std::string_view part) {
    std::size_t slash = part.rfind('/');
    return slash == std::string_view::npos ? std::string() : std::string(part.substr(0, slash + 1));
}

std::string relsPartFor(std::string_view part) {
    std::size_t slash = part.rfind('/');
    std::string_view file = slash == std::string_view::npos ? part : part.substr(slash + 1);
    return directoryOf(part) + "_rels/" + std::string(file) + ".rels";
}

// A relationship target as a part name: relative to the source's folder, or absolute from the
// package root ("/xl/worksheets/sheet1.xml", as openpyxl writes), with %XX and "." / ".." resolved.
std::string resolveTarget(std::string_view baseDir, std::string_view target) {
    std::string decoded;
    for (std::size_t i = 0; i < target.size(); ++i) {
        if (target[i] == '%' && i + 2 < target.size() && hexValue(target[i + 1]) >= 0 && hexValue(target[i + 2]) >= 0) {
            decoded += static_cast<char>(hexValue(target[i + 1]) * 16 + hexValue(target[i + 2]));
            i += 2;
        } else {
            decoded += target[i] == '\\' ? '/' : target[i];
        }
    }
    std::string path = !decoded.empty() && decoded[0] == '/' ? decoded.substr(1) : std::string(baseDir) + decoded;
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string::npos) end = path.size();
        std::string seg = path.substr(start, end - start);
        if (seg == "..") {
            if (!parts.empty()) parts.pop_back();
        } else if (!seg.empty() && seg != ".") {
            parts.push_back(seg);
        }
        start = end + 1;
    }
    std::string out;
    for (const auto& seg : parts) out += (out.empty() ? "" : "/") + seg;
    return out;
}

struct Relationship {
    std::string id, type, target;
    bool external = false;
};

Result<std::vector<Relationship>> readRelationships(std::string_view xml, const std::string& part, std::size_t maxCount) {
    std::vector<Relationship> rels;
    XmlReader x(xml);
    while (x.next()) {
        if (x.kind() != XmlReader::Kind::Start || x.name() != "Relationship") continue;
        if (rels.size() >= maxCount)  // each points to a part, and the archive holds at most that many
            return fail("xlsx: part " + quoted(part) + ": more than " + std::to_string(maxCount) + " relationships");
        Relationship rel;
        rel.id = x.attr("Id").value_or("");
        rel.type = x.attr("Type").value_or("");
        rel.target = x.attr("Target").value_or("");
        rel.external = x.attr("TargetMode").value_or("") == "External";
        rels.push_back(std::move(rel));
    }
    if (!x.error().empty()) return fail("xlsx: part " + quoted(part) + ": " + x.error());
    return rels;
}

// Shared strings in one buffer, so a part of many tiny strings costs little more than its text.
struct SharedStrings {
    std::string text;
    std::vector<std::pair<std::size_t, std::size_t>> spans;  // offset, length
    std::string_view at(std::size_t i) const { return std::string_view(text).substr(spans[i].first, spans[i].second); }
};

Status readSharedStrings(std::string_view xml, const std::string& part, SharedStrings& out) {
    XmlReader x(xml);
    bool inItem = false;
    bool inText = false;
    int phonetic = 0;  // inside <rPh>: the reading of East Asian text, not the text itself
    std::string item;
    while (x.next()) {
        std::string_view name = x.name();
        switch (x.kind()) {
            case XmlReader::Kind::Start:
                if (name == "si") { inItem = true; item.clear(); }
                else if (name == "rPh") ++phonetic;
                else if (name == "t") inText = inItem;
                break;
            case XmlReader::Kind::End:
                if (name == "rPh") --phonetic;
                else if (name == "t") inText = false;
                else if (name == "si" && inItem) {
                    inItem = false;
                    if (out.spans.size() >= kMaxCells)
                        return fail("xlsx: part " + quoted(part) + ": more than " + std::to_string(kMaxCells) + " shared strings");
                    std::string decoded = decodeEscapes(item);
                    out.spans.emplace_back(out.text.size(), decoded.size());
                    out.text += decoded;
                }
                break;
            case XmlReader::Kind::Text:
                if (inItem && inText && phonetic == 0) item += x.text();
                break;
        }
    }
    if (!x.error().empty()) return fail("xlsx: part " + quoted(part) + ": " + x.error());
    return {};
}

// What all sheets together may still take: cells (an empty filler cell or row counts as one) and text.
struct Budget {
    std::size_t cells = 0;
    std::uint64_t textBytes = 0;
    std::uint64_t maxTextBytes = 0;
};

Status readSheet(std::string_view xml, const std::string& part, const SharedStrings& shared, Budget& budget, Sheet& sheet) {
    const std::string where = "xlsx: sheet " + quoted(sheet.name);
    XmlReader x(xml);
    bool inSheetData = false;
    bool inRow = false;
    bool rowNumbered = false;  // the <row> had r=, so its cells must agree with it
    long row = -1;             // current row, from 0
    long col = -1;             // last cell's column in the current row, from 0
    // The cell being read.
    bool inCell = false, inValue = false, inInline = false, inText = false;
    int phonetic = 0;
    std::string cellRef, type, value, inlineText;

    auto cellLabel = [&]() {
        return where + " cell " + (cellRef.empty() ? cellName(row, col) : cellRef.substr(0, 32));
    };

    auto place = [&](std::string text) -> Status {
        if (text.empty()) return {};  // an empty cell neither extends its row nor the sheet
        auto r = static_cast<std::size_t>(row);
        auto c = static_cast<std::size_t>(col);
        std::size_t cost = 0;
        if (sheet.rows.size() <= r) cost += r + 1 - sheet.rows.size();
        std::size_t width = r < sheet.rows.size() ? sheet.rows[r].size() : 0;
        if (width <= c) cost += c + 1 - width;
        if (budget.cells + cost > kMaxCells)
            return fail(cellLabel() + ": the workbook has more than " + std::to_string(kMaxCells) + " cells");
        budget.textBytes += text.size();
        if (budget.textBytes > budget.maxTextBytes)
            return fail(cellLabel() + ": the workbook's text exceeds " + std::to_string(budget.maxTextBytes) + " bytes");
        budget.cells += cost;
        if (sheet.rows.size() <= r) sheet.rows.resize(r + 1);
        if (sheet.rows[r].size() <= c) sheet.rows[r].resize(c + 1);
        sheet.rows[r][c] = std::move(text);
        return {};
    };

    auto finishCell = [&]() -> Status {
        std::string text;
        if (type == "s") {
            std::string_view index = trim(value);
            if (!index.empty()) {
                if (index.size() > 10 || !std::all_of(index.begin(), index.end(), isDigit))
                    return fail(cellLabel() + ": shared string index " + quoted(index.substr(0, 32)) + " is not a number");
                std::size_t i = std::stoul(std::string(index));
                if (i >= shared.spans.size()) return fail(cellLabel() + ": shared string " + std::string(index) + " does not exist");
                text = shared.at(i);
            }
        } else if (type == "inlineStr") {
            text = decodeEscapes(inlineText.empty() ? value : inlineText);
        } else if (type == "str") {
            text = decodeEscapes(value);
        } else if (type == "b") {
            std::string_view b = trim(value);
            if (b == "1" || b == "true") text = "TRUE";
            else if (b == "0" || b == "false") text = "FALSE";
            else if (!b.empty()) return fail(cellLabel() + ": boolean value " + quoted(b.substr(0, 32)) + " is neither 0 nor 1");
        } else if (type == "n" || type == "e" || type == "d") {
            text = value;  // numbers as written: "12", "0.1", "1.2E-3"; errors as "#N/A"; ISO dates
        } else {
            return fail(cellLabel() + ": unknown cell type " + quoted(type.substr(0, 32)));
        }
        return place(std::move(text));
    };

    while (x.next()) {
        std::string_view name = x.name();
        if (x.kind() == XmlReader::Kind::Text) {
            if (inValue) value += x.text();
            else if (inInline && inText && phonetic == 0) inlineText += x.text();
            continue;
        }
        bool start = x.kind() == XmlReader::Kind::Start;
        if (name == "sheetData") {
            inSheetData = start;
        } else if (!inSheetData) {
            continue;
        } else if (name == "row") {
            inRow = start;
            if (!start) continue;
            col = -1;
            rowNumbered = false;
            if (auto r = x.attr("r")) {
                std::string_view n = trim(*r);
                if (n.empty() || n.size() > 7 || !std::all_of(n.begin(), n.end(), isDigit) || std::stol(std::string(n)) == 0)
                    return fail(where + " row " + std::string(r->substr(0, 32)) +
                                (n.size() > 7 && std::all_of(n.begin(), n.end(), isDigit)
                                     ? ": the row is beyond 1048576, the last row a spreadsheet has"
                                     : ": not a row number"));
                row = std::stol(std::string(n)) - 1;
                rowNumbered = true;
            } else {
                ++row;  // rows without r= follow the previous one
            }
            if (row >= kMaxRows)
                return fail(where + " row " + std::to_string(row + 1) + ": the row is beyond 1048576, the last row a spreadsheet has");
        } else if (name == "c") {
            if (!start) {
                inCell = false;
                if (Status s = finishCell(); !s) return s;
                continue;
            }
            if (!inRow) return fail(where + ": a cell outside a row");
            inCell = true;
            inValue = inInline = inText = false;
            phonetic = 0;
            value.clear();
            inlineText.clear();
            type = std::string(x.attr("t").value_or("n"));
            cellRef = std::string(trim(x.attr("r").value_or("")));
            if (!cellRef.empty()) {
                long refRow = 0;
                long refCol = 0;
                std::string why = parseCellRef(cellRef, refRow, refCol);
                if (!why.empty()) return fail(cellLabel() + ": " + why);
                // A row without r= takes its number from its first cell that has one.
                if (!rowNumbered && col == -1) row = refRow;
                if (refRow != row)
                    return fail(cellLabel() + ": the cell is not in its row " + std::to_string(row + 1));
                col = refCol;
            } else {
                ++col;  // cells without r= follow the previous one
                if (col >= kMaxColumns)
                    return fail(where + " row " + std::to_string(row + 1) +
                                ": more than 16384 cells, beyond XFD, the last column a spreadsheet has");
            }
        } else if (!inCell) {
            continue;
        } else if (name == "v") {
            inValue = start;
        } else if (name == "is") {
            inInline = start;
        } else if (name == "t") {
            inText = start && inInline;
        } else if (name == "rPh") {
            phonetic += start ? 1 : -1;
        }
    }
    if (!x.error().empty()) return fail(where + " (part " + quoted(part) + "): " + x.error());
    return {};
}

}  // namespace

const Sheet* Workbook::find(std::string_view name) const {
    for (const Sheet& s : sheets)
        if (s.name == name) return &s;
    for (const Sheet& s : sheets)
        if (equalsIgnoringAsciiCase(s.name, name)) return &s;
    return nullptr;
}

bool validSheetName(std::string_view name) {
    if (name.empty() || name.front() == '\'' || name.back() == '\'') return false;
    std::size_t utf16Units = 0;
    for (std::size_t i = 0; i < name.size();) {
        long cp = nextCodePoint(name, i);
        if (cp < 0x20 || cp == 0xFFFE || cp == 0xFFFF) return false;  // -1 (not UTF-8) included
        if (std::string_view(":\\/?*[]").find(static_cast<char>(cp)) != std::string_view::npos && cp < 0x80) return false;
        utf16Units += cp >= 0x10000 ? 2 : 1;
    }
    return utf16Units <= 31;
}

std::string write(const Workbook& workbook) {
    static const std::vector<Sheet> kOneEmptySheet = {Sheet{"Sheet1", {}}};
    const std::vector<Sheet>& sheets = workbook.sheets.empty() ? kOneEmptySheet : workbook.sheets;
    std::vector<zip::Entry> parts;
    parts.push_back({"[Content_Types].xml", contentTypes(sheets.size())});
    parts.push_back({"_rels/.rels", rootRels()});
    parts.push_back({"xl/workbook.xml", workbookXml(sheets)});
    parts.push_back({"xl/_rels/workbook.xml.rels", workbookRels(sheets.size())});
    parts.push_back({"xl/styles.xml", stylesXml()});
    for (std::size_t i = 0; i < sheets.size(); ++i)
        parts.push_back({"xl/worksheets/sheet" + std::to_string(i + 1) + ".xml", worksheetXml(sheets[i], i == 0)});
    return zip::write(parts);
}

Result<Workbook> read(std::string_view bytes, const zip::Limits& limits) {
    // Password-protected .xlsx files and old .xls files are OLE compound files, not ZIP archives.
    if (bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
        return fail("xlsx: this is an old .xls file or a password-protected workbook; save it as an unprotected .xlsx");
    auto archive = zip::read(bytes, limits);
    if (!archive) return fail("xlsx: not a readable .xlsx file: " + archive.message());
    const Package pkg(archive.value());

    // The package's root relationships name the workbook part; xl/workbook.xml is the usual one.
    std::string workbookPart = "xl/workbook.xml";
    if (const zip::Entry* root = pkg.find("_rels/.rels")) {
        auto rels = readRelationships(root->data, root->name, limits.maxEntries);
        if (!rels) return rels.error();
        for (const auto& rel : *rels)
            if (!rel.external && endsWith(rel.type, "/officeDocument")) {
                workbookPart = resolveTarget("", rel.target);
                break;
            }
    }
    const zip::Entry* workbookEntry = pkg.find(workbookPart);
    if (!workbookEntry) return fail("xlsx: part " + quoted(workbookPart) + " (the workbook) is missing; is this an .xlsx file?");

    std::vector<Relationship> rels;
    const std::string relsPart = relsPartFor(workbookEntry->name);
    if (const zip::Entry* e = pkg.find(relsPart)) {
        auto parsed = readRelationships(e->data, e->name, limits.maxEntries);
        if (!parsed) return parsed.error();
        rels = std::move(parsed.value());
    }
    const std::string baseDir = directoryOf(workbookEntry->name);
    std::map<std::string_view, const Relationship*> relById;
    for (const auto& rel : rels) relById.emplace(rel.id, &rel);  // the first of a repeated id wins

    struct SheetRef {
        std::string name, relId;
    };
    std::vector<SheetRef> refs;
    {
        XmlReader x(workbookEntry->data);
        bool inSheets = false;
        while (x.next()) {
            if (x.kind() == XmlReader::Kind::Text) continue;
            bool start = x.kind() == XmlReader::Kind::Start;
            if (x.name() == "sheets") inSheets = start;
            else if (inSheets && start && x.name() == "sheet") {
                auto name = x.attr("name");
                auto id = x.attr("id");  // r:id
                if (!name || !id)
                    return fail("xlsx: part " + quoted(workbookEntry->name) + ": a <sheet> without name or r:id");
                if (refs.size() >= limits.maxEntries)  // each sheet needs a part of its own
                    return fail("xlsx: part " + quoted(workbookEntry->name) + ": more than " + std::to_string(limits.maxEntries) +
                                " sheets");
                refs.push_back({std::string(*name), std::string(*id)});
            }
        }
        if (!x.error().empty()) return fail("xlsx: part " + quoted(workbookEntry->name) + ": " + x.error());
    }

    SharedStrings shared;
    {
        std::string sharedPart;
        for (const auto& rel : rels)
            if (!rel.external && endsWith(rel.type, "/sharedStrings")) sharedPart = resolveTarget(baseDir, rel.target);
        const zip::Entry* e = pkg.find(sharedPart.empty() ? baseDir + "sharedStrings.xml" : sharedPart);
        if (!e && !sharedPart.empty()) return fail("xlsx: part " + quoted(sharedPart) + " (the shared strings) is missing");
        if (e)
            if (Status s = readSharedStrings(e->data, e->name, shared); !s) return s.error();
    }

    Workbook wb;
    Budget budget;
    budget.maxTextBytes = limits.maxTotalBytes;
    std::set<std::string> partsRead;  // each sheet its own part: no re-reading one part many times
    for (const auto& ref : refs) {
        const std::string where = "xlsx: sheet " + quoted(ref.name);
        auto rel = relById.find(ref.relId);
        if (rel == relById.end() || rel->second->external)
            return fail(where + ": relationship " + quoted(ref.relId) + " is missing from " + quoted(relsPart));
        std::string part = resolveTarget(baseDir, rel->second->target);
        const zip::Entry* e = pkg.find(part);
        if (!e) return fail(where + ": part " + quoted(part) + " is missing");
        if (!partsRead.insert(e->name).second) return fail(where + ": part " + quoted(part) + " belongs to another sheet too");
        Sheet sheet;
        sheet.name = ref.name;
        if (Status s = readSheet(e->data, e->name, shared, budget, sheet); !s) return s.error();
        wb.sheets.push_back(std::move(sheet));
    }
    return wb;
}

}  // namespace vakt::xlsx
