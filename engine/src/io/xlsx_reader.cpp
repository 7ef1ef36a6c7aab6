#include "klima/io/xlsx_reader.hpp"

#include "klima/error.hpp"
#include "klima/io/csv.hpp"
#include "klima/join.hpp"

#include <expat.h>
#include <zip.h>

#include <cstdlib>
#include <cstring>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace klima::io {
namespace {

// No part of a municipal workbook comes near this; a larger one is refused
// before it is inflated (a zip bomb would otherwise take minutes to parse).
// Parts are streamed through the XML parser, never held whole in memory.
constexpr zip_uint64_t kMaxPartBytes = 1ull << 30;

class Workbook {
public:
    Workbook(std::string_view bytes, const std::string& name) : name_(name) {
        zip_error_t error;
        zip_error_init(&error);
        zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
        if (src) zip_ = zip_open_from_source(src, ZIP_RDONLY, &error);
        if (!zip_) {
            if (src) zip_source_free(src);
            const std::string why = zip_error_strerror(&error);
            zip_error_fini(&error);
            throw Error({name, 0, ""}, "not an xlsx workbook (not a zip archive: " + why + ")",
                        "save the sheet from Excel as an .xlsx workbook");
        }
        zip_error_fini(&error);
    }
    ~Workbook() { zip_discard(zip_); }
    Workbook(const Workbook&) = delete;
    Workbook& operator=(const Workbook&) = delete;

    bool has(const std::string& path) const {
        zip_stat_t st;
        zip_stat_init(&st);
        return zip_stat(zip_, path.c_str(), 0, &st) == 0;
    }

    // Hands the inflated bytes of one part to `chunk`, 64 KiB at a time; the
    // part must exist (has()).
    void stream(const std::string& path, const std::function<void(const char*, std::size_t)>& chunk) const {
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat(zip_, path.c_str(), 0, &st) != 0)
            throw Error({name_, 0, ""}, "not an xlsx workbook: it has no " + path,
                        "save the sheet from Excel as an .xlsx workbook");
        if (!(st.valid & ZIP_STAT_SIZE) || st.size > kMaxPartBytes)
            throw Error({name_, 0, ""}, "part " + path + " of the workbook is too large to read",
                        "save the sheet as a smaller workbook or as CSV");
        std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> f(zip_fopen(zip_, path.c_str(), 0), zip_fclose);
        const auto damaged = [&] {
            return Error({name_, 0, ""}, "part " + path + " of the workbook cannot be read (damaged archive)",
                         "open the file in Excel and save it again");
        };
        if (!f) throw damaged();
        std::vector<char> buf(64 * 1024);
        zip_uint64_t total = 0;
        for (;;) {
            const zip_int64_t n = zip_fread(f.get(), buf.data(), buf.size());
            if (n < 0) throw damaged();
            if (n == 0) break;
            total += static_cast<zip_uint64_t>(n);
            if (total > st.size) throw damaged();
            chunk(buf.data(), static_cast<std::size_t>(n));
        }
        if (total != st.size) throw damaged();
    }

private:
    std::string name_;
    zip_t* zip_ = nullptr;
};

// Element and attribute names without a namespace prefix ("x:row" → "row").
std::string_view local(const char* name) {
    std::string_view n(name);
    const auto colon = n.rfind(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

const char* attribute(const char** atts, std::string_view wanted, bool prefixed = false) {
    for (int i = 0; atts[i]; i += 2) {
        const std::string_view n(atts[i]);
        if (prefixed ? (n.size() > wanted.size() && n.substr(n.size() - wanted.size()) == wanted &&
                        n[n.size() - wanted.size() - 1] == ':')
                     : n == wanted)
            return atts[i + 1];
    }
    return nullptr;
}

// A SAX pass over one XML part with three callbacks. An exception thrown by a
// callback stops the parser and passes on from run(); it never unwinds
// through expat's C frames.
struct Sax {
    std::function<void(std::string_view, const char**)> start;
    std::function<void(std::string_view)> end;
    std::function<void(std::string_view)> text;

    void run(const Workbook& wb, const std::string& file, const std::string& part) {
        std::unique_ptr<XML_ParserStruct, void (*)(XML_Parser)> p(XML_ParserCreate("UTF-8"), XML_ParserFree);
        failure_ = nullptr;
        parser_ = p.get();
        XML_SetUserData(p.get(), this);
        XML_SetElementHandler(
            p.get(),
            [](void* self, const char* n, const char** a) {
                auto* sax = static_cast<Sax*>(self);
                if (sax->start) sax->guard([&] { sax->start(local(n), a); });
            },
            [](void* self, const char* n) {
                auto* sax = static_cast<Sax*>(self);
                if (sax->end) sax->guard([&] { sax->end(local(n)); });
            });
        XML_SetCharacterDataHandler(p.get(), [](void* self, const char* s, int len) {
            auto* sax = static_cast<Sax*>(self);
            if (sax->text) sax->guard([&] { sax->text(std::string_view(s, static_cast<std::size_t>(len))); });
        });
        const auto parse = [&](const char* data, std::size_t size, bool last) {
            if (XML_Parse(p.get(), data, static_cast<int>(size), last) != XML_STATUS_ERROR) return;
            if (failure_) std::rethrow_exception(failure_);
            throw Error({file, 0, ""},
                        "malformed XML in " + part + " at line " + std::to_string(XML_GetCurrentLineNumber(p.get())) +
                            ": " + XML_ErrorString(XML_GetErrorCode(p.get())),
                        "open the file in Excel and save it again");
        };
        wb.stream(part, [&](const char* data, std::size_t size) { parse(data, size, false); });
        parse(nullptr, 0, true);
    }

private:
    template <class F>
    void guard(F&& f) {
        if (failure_) return;
        try {
            f();
        } catch (...) {
            failure_ = std::current_exception();
            XML_StopParser(parser_, XML_FALSE);
        }
    }

    XML_Parser parser_ = nullptr;
    std::exception_ptr failure_;
};

// Characters in UTF-8 text: bytes that do not continue a character.
std::size_t characters(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

const std::string kLongCellFix = "shorten the text to at most 32,767 characters, as Excel allows";

// The shared string table, each string held once in `text` (the sheet's storage).
std::vector<std::string_view> shared_strings(const Workbook& wb, const std::string& file,
                                             std::deque<std::string>& text) {
    std::vector<std::string_view> out;
    if (!wb.has("xl/sharedStrings.xml")) return out;
    std::vector<std::size_t> index;  // into `text`, for each string
    std::size_t total = 0;
    std::size_t chars = 0;  // characters of the string being read, counted as they come (never rescanned)
    bool in_t = false;
    int phonetic = 0;  // <rPh> holds reading aids, not cell text
    Sax sax;
    sax.start = [&](std::string_view n, const char**) {
        if (n == "si") {
            if (index.size() == XlsxLimits::shared_strings)
                throw Error(
                    {file, 0, ""},
                    "the workbook holds more than " + std::to_string(XlsxLimits::shared_strings) + " shared strings",
                    "save the sheet as CSV (klima reads CSV files of up to 1 GiB)");
            index.push_back(text.size());
            text.emplace_back();
            chars = 0;
        } else if (n == "rPh") {
            ++phonetic;
        } else if (n == "t") {
            in_t = phonetic == 0;
        }
    };
    sax.end = [&](std::string_view n) {
        if (n == "t") in_t = false;
        else if (n == "rPh") --phonetic;
    };
    sax.text = [&](std::string_view s) {
        if (!in_t || index.empty()) return;
        total += s.size();
        text.back().append(s);
        chars += characters(s);
        if (chars > XlsxLimits::cell_chars)
            throw Error({file, 0, "xl/sharedStrings.xml"},
                        "shared string " + std::to_string(index.size() - 1) + " is longer than 32,767 characters",
                        kLongCellFix);
        if (total > XlsxLimits::shared_text_bytes)
            throw Error({file, 0, "xl/sharedStrings.xml"}, "the workbook's shared strings exceed 64 MiB together",
                        "save the sheet as CSV (klima reads CSV files of up to 1 GiB)");
    };
    sax.run(wb, file, "xl/sharedStrings.xml");
    out.reserve(index.size());
    for (const auto i : index) out.emplace_back(text[i]);
    return out;
}
// The part path of the sheet to read, and its name.
std::pair<std::string, std::string> sheet_part(const Workbook& wb, const std::string& file, const std::string& wanted) {
    std::vector<std::pair<std::string, std::string>> sheets;  // name, relationship id
    Sax workbook;
    workbook.start = [&](std::string_view n, const char** a) {
        if (n != "sheet") return;
        const char* name = attribute(a, "name");
        const char* id = attribute(a, "id", true);
        if (name && id) sheets.emplace_back(name, id);
    };
    workbook.run(wb, file, "xl/workbook.xml");
    if (sheets.empty())
        throw Error({file, 0, ""}, "the workbook lists no sheets", "open the file in Excel and save it again");
    const auto* chosen = &sheets.front();
    if (!wanted.empty()) {
        chosen = nullptr;
        for (const auto& s : sheets)
            if (s.first == wanted) chosen = &s;
        if (!chosen)
            throw Error({file, 0, ""}, "the workbook has no sheet '" + wanted + "'",
                        "use one of " + join(sheets, ", ", [](const auto& s) { return "'" + s.first + "'"; }));
    }
    std::string target;
    Sax rels;
    rels.start = [&](std::string_view n, const char** a) {
        const char* id = attribute(a, "Id");
        if (n == "Relationship" && id && chosen->second == id)
            target = attribute(a, "Target") ? attribute(a, "Target") : "";
    };
    rels.run(wb, file, "xl/_rels/workbook.xml.rels");
    if (target.empty())
        throw Error({file, 0, ""}, "sheet '" + chosen->first + "' has no part in the workbook",
                    "open the file in Excel and save it again");
    // Targets are relative to xl/, or absolute within the package.
    return {target.front() == '/' ? target.substr(1) : "xl/" + target, chosen->first};
}

// "C7" → column 2; the letters only.
std::optional<std::size_t> column_of(const char* ref) {
    std::size_t col = 0;
    std::size_t letters = 0;
    for (const char* p = ref; *p >= 'A' && *p <= 'Z'; ++p, ++letters)
        col = col * 26 + static_cast<std::size_t>(*p - 'A' + 1);
    if (letters == 0 || letters > 3) return std::nullopt;
    return col - 1;
}

}  // namespace

std::string column_letters(std::size_t column) {
    std::string out;
    for (std::size_t c = column + 1; c > 0; c = (c - 1) / 26)
        out.insert(out.begin(), static_cast<char>('A' + (c - 1) % 26));
    return out;
}

XlsxSheet parse_xlsx(std::string_view bytes, const std::string& name, const std::string& sheet) {
    const Workbook wb(bytes, name);
    auto text = std::make_shared<std::deque<std::string>>();
    const auto strings = shared_strings(wb, name, *text);
    const auto found = sheet_part(wb, name, sheet);  // not a structured binding: lambdas below capture it (clang)
    const auto& part = found.first;
    const std::string& sheet_name = found.second;
    XlsxSheet out;
    out.name = sheet_name;

    XlsxRow* row = nullptr;
    std::size_t next_col = 0;
    std::string type, value;
    std::size_t value_chars = 0;  // characters in `value`, counted as they come
    bool in_value = false, in_cell = false, has_value = false, has_formula = false;
    // The header row is the first with a non-blank cell; until it is read, `width` is Excel's;
    // after it, cells right of its last non-empty cell hold nothing (or are refused).
    std::optional<std::size_t> width;
    std::size_t slots = 0;  // cell slots allocated in all rows: bounded by XlsxLimits::cells
    std::size_t shown = 0;  // bytes of text in the cells: bounded by XlsxLimits::shown_text_bytes
    auto cell_ref = [&] { return sheet_name + "!" + column_letters(next_col) + std::to_string(row ? row->row : 0); };
    auto refuse = [&](const std::string& what, const std::string& fix) {
        throw Error({name, row ? row->row : 0, cell_ref()}, what, fix);
    };
    const auto blank = [](std::string_view s) { return s.find_first_not_of(" \t") == std::string_view::npos; };
    const auto end_row = [&] {
        if (!row) return;
        if (!width) {
            std::size_t w = row->cells.size();
            while (w > 0 && blank(row->cells[w - 1].text)) --w;
            if (w > 0) width = w;
        }
        if (row->cells.empty()) out.rows.pop_back();
        row = nullptr;
    };
    Sax sax;
    sax.start = [&](std::string_view n, const char** a) {
        if (n == "row") {
            end_row();  // a <row> inside a row that never ended is malformed; expat refuses that anyway
            const char* r = attribute(a, "r");
            int number = out.rows.empty() ? 1 : out.rows.back().row + 1;
            if (r) {
                char* end = nullptr;
                const long v = std::strtol(r, &end, 10);
                if (end == r || *end != '\0' || v < 1 || v > XlsxLimits::rows)
                    throw Error({name, 0, sheet_name + "!row " + r},
                                std::string("row number '") + r + "' is not one of Excel's rows 1 to 1048576",
                                "open the file in Excel and save it again");
                number = static_cast<int>(v);
            }
            out.rows.push_back({number, {}});
            row = &out.rows.back();
            next_col = 0;
        } else if (n == "c" && row) {
            const char* r = attribute(a, "r");
            if (r) {
                const auto col = column_of(r);
                if (!col)
                    throw Error({name, row->row, sheet_name + "!" + r}, std::string("bad cell reference '") + r + "'",
                                "open the file in Excel and save it again");
                next_col = *col;
            }
            if (next_col >= XlsxLimits::columns)
                refuse("the cell is right of column XFD, the last Excel has",
                       "open the file in Excel and save it again");
            const char* t = attribute(a, "t");
            type = t ? t : "n";
            value.clear();
            value_chars = 0;
            in_cell = true;
            has_value = has_formula = false;
        } else if ((n == "v" || n == "t") && in_cell) {
            in_value = true;
            has_value = true;
        } else if (n == "is" && in_cell) {
            has_value = true;  // an inline string, perhaps empty
        } else if (n == "f" && in_cell) {
            has_formula = true;
        }
    };
    sax.end = [&](std::string_view n) {
        if (n == "v" || n == "t") {
            in_value = false;
        } else if (n == "c" && in_cell) {
            in_cell = false;
            if (has_formula && !has_value)
                refuse("the cell holds a formula saved without its value (as openpyxl and pandas write them)",
                       "open the workbook in Excel or LibreOffice and save it, so that the value is stored, or "
                       "write the value instead of the formula");
            XlsxCell cell;
            if (type == "s") {
                const auto i = value.empty() ? strings.size()
                                             : static_cast<std::size_t>(std::strtoull(value.c_str(), nullptr, 10));
                if (i >= strings.size())
                    refuse("shared string " + value + " does not exist", "open the file in Excel and save it again");
                cell.text = strings[i];
            } else if (type == "b") {
                cell.text = value == "1" ? "TRUE" : "FALSE";
            } else if (!value.empty()) {
                cell.text = text->emplace_back(std::move(value));  // n: a number; str, inlineStr: text; e: #N/A …
                cell.number = type == "n";
                value = std::string();
            }
            const bool header_read = width.has_value();
            if (cell.text.empty() || (!header_read && blank(cell.text))) {  // holds nothing a table reads
                ++next_col;
                return;
            }
            if (header_read && next_col >= *width)
                refuse("a value in a column without a header", "name the column in the header row, or clear the cell");
            if (row->cells.size() <= next_col) {
                slots += next_col + 1 - row->cells.size();
                if (slots > XlsxLimits::cells)
                    refuse("the sheet holds more than 1,000,000 cells (rows × columns up to the last used)",
                           "save the sheet as CSV (klima reads CSV files of up to 1 GiB), or remove empty columns");
                row->cells.resize(next_col + 1);
            }
            shown += cell.text.size();
            if (shown > XlsxLimits::shown_text_bytes)
                refuse("the cells hold more than 256 MiB of text together",
                       "save the sheet as CSV (klima reads CSV files of up to 1 GiB)");
            row->cells[next_col] = cell;
            ++next_col;
        } else if (n == "row") {
            end_row();
        }
    };
    sax.text = [&](std::string_view s) {
        if (!in_value) return;
        value.append(s);
        value_chars += characters(s);
        if (value_chars > XlsxLimits::cell_chars) refuse("the cell holds more than 32,767 characters", kLongCellFix);
    };
    sax.run(wb, name, part);
    out.text = std::move(text);
    return out;
}

XlsxSheet read_xlsx(const std::string& path, const std::string& sheet) {
    return parse_xlsx(read_file(path, kMaxWorkbookBytes), path, sheet);
}

}  // namespace klima::io
