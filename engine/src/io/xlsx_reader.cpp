#include "klima/io/xlsx_reader.hpp"

#include "klima/error.hpp"
#include "klima/io/csv.hpp"
#include "klima/join.hpp"

#include <expat.h>
#include <zip.h>

#include <cstring>
#include <functional>
#include <memory>
#include <optional>

namespace klima::io {
namespace {

// No part of a municipal workbook comes near this; a larger one is refused
// before it is inflated (a zip bomb would otherwise exhaust memory).
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

    // The bytes of one part; nullopt when the archive has no such part.
    std::optional<std::string> part(const std::string& path) const {
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat(zip_, path.c_str(), 0, &st) != 0) return std::nullopt;
        if (!(st.valid & ZIP_STAT_SIZE) || st.size > kMaxPartBytes)
            throw Error({name_, 0, ""}, "part " + path + " of the workbook is too large to read",
                        "save the sheet as a smaller workbook or as CSV");
        std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> f(zip_fopen(zip_, path.c_str(), 0), zip_fclose);
        std::string out(st.size, '\0');
        if (!f || zip_fread(f.get(), out.data(), st.size) != static_cast<zip_int64_t>(st.size))
            throw Error({name_, 0, ""}, "part " + path + " of the workbook cannot be read (damaged archive)",
                        "open the file in Excel and save it again");
        return out;
    }
    std::string required_part(const std::string& path) const {
        auto p = part(path);
        if (!p)
            throw Error({name_, 0, ""}, "not an xlsx workbook: it has no " + path,
                        "save the sheet from Excel as an .xlsx workbook");
        return std::move(*p);
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

// A SAX pass over one XML part with three callbacks.
struct Sax {
    std::function<void(std::string_view, const char**)> start;
    std::function<void(std::string_view)> end;
    std::function<void(std::string_view)> text;

    void run(const std::string& xml, const std::string& file, const std::string& part) {
        std::unique_ptr<XML_ParserStruct, void (*)(XML_Parser)> p(XML_ParserCreate("UTF-8"), XML_ParserFree);
        XML_SetUserData(p.get(), this);
        XML_SetElementHandler(
            p.get(),
            [](void* self, const char* n, const char** a) {
                if (auto& f = static_cast<Sax*>(self)->start) f(local(n), a);
            },
            [](void* self, const char* n) {
                if (auto& f = static_cast<Sax*>(self)->end) f(local(n));
            });
        XML_SetCharacterDataHandler(p.get(), [](void* self, const char* s, int len) {
            if (auto& f = static_cast<Sax*>(self)->text) f(std::string_view(s, static_cast<std::size_t>(len)));
        });
        if (XML_Parse(p.get(), xml.data(), static_cast<int>(xml.size()), 1) == XML_STATUS_ERROR)
            throw Error({file, 0, ""},
                        "malformed XML in " + part + " at line " + std::to_string(XML_GetCurrentLineNumber(p.get())) +
                            ": " + XML_ErrorString(XML_GetErrorCode(p.get())),
                        "open the file in Excel and save it again");
    }
};

std::vector<std::string> shared_strings(const Workbook& wb, const std::string& file) {
    std::vector<std::string> out;
    const auto xml = wb.part("xl/sharedStrings.xml");
    if (!xml) return out;
    bool in_t = false;
    int phonetic = 0;  // <rPh> holds reading aids, not cell text
    Sax sax;
    sax.start = [&](std::string_view n, const char**) {
        if (n == "si") out.emplace_back();
        else if (n == "rPh") ++phonetic;
        else if (n == "t") in_t = phonetic == 0;
    };
    sax.end = [&](std::string_view n) {
        if (n == "t") in_t = false;
        else if (n == "rPh") --phonetic;
    };
    sax.text = [&](std::string_view s) {
        if (in_t && !out.empty()) out.back().append(s);
    };
    sax.run(*xml, file, "xl/sharedStrings.xml");
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
    workbook.run(wb.required_part("xl/workbook.xml"), file, "xl/workbook.xml");
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
    rels.run(wb.required_part("xl/_rels/workbook.xml.rels"), file, "xl/_rels/workbook.xml.rels");
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
    const auto strings = shared_strings(wb, name);
    const auto found = sheet_part(wb, name, sheet);  // not a structured binding: lambdas below capture it (clang)
    const auto& part = found.first;
    const std::string& sheet_name = found.second;
    XlsxSheet out;
    out.name = sheet_name;

    XlsxRow* row = nullptr;
    std::size_t next_col = 0;
    std::string type, value;
    bool in_value = false, in_cell = false;
    auto cell_ref = [&] { return sheet_name + "!" + column_letters(next_col) + std::to_string(row ? row->row : 0); };
    Sax sax;
    sax.start = [&](std::string_view n, const char** a) {
        if (n == "row") {
            const char* r = attribute(a, "r");
            const int number = r ? std::atoi(r) : (out.rows.empty() ? 1 : out.rows.back().row + 1);
            out.rows.push_back({number, {}});
            row = &out.rows.back();
            next_col = 0;
        } else if (n == "c" && row) {
            const char* r = attribute(a, "r");
            if (r) {
                const auto col = column_of(r);
                if (!col)
                    throw Error({name, 0, ""}, std::string("bad cell reference '") + r + "'",
                                "open the file in Excel and save it again");
                next_col = *col;
            }
            const char* t = attribute(a, "t");
            type = t ? t : "n";
            value.clear();
            in_cell = true;
        } else if ((n == "v" || n == "t") && in_cell) {
            in_value = true;
        }
    };
    sax.end = [&](std::string_view n) {
        if (n == "v" || n == "t") {
            in_value = false;
        } else if (n == "c" && in_cell) {
            XlsxCell cell;
            if (type == "s") {
                const auto i = value.empty() ? strings.size()
                                             : static_cast<std::size_t>(std::strtoull(value.c_str(), nullptr, 10));
                if (i >= strings.size())
                    throw Error({name, 0, cell_ref()}, "shared string " + value + " does not exist",
                                "open the file in Excel and save it again");
                cell.text = strings[i];
            } else if (type == "b") {
                cell.text = value == "1" ? "TRUE" : "FALSE";
            } else {
                cell.text = value;  // n: a number; str, inlineStr: text; e: an error value such as #N/A
                cell.number = type == "n" && !value.empty();
            }
            if (row->cells.size() <= next_col) row->cells.resize(next_col + 1);
            row->cells[next_col] = std::move(cell);
            ++next_col;
            in_cell = false;
        } else if (n == "row") {
            if (row && row->cells.empty()) out.rows.pop_back();
            row = nullptr;
        }
    };
    sax.text = [&](std::string_view s) {
        if (in_value) value.append(s);
    };
    sax.run(wb.required_part(part), name, part);
    return out;
}

XlsxSheet read_xlsx(const std::string& path, const std::string& sheet) {
    return parse_xlsx(read_file(path), path, sheet);
}

}  // namespace klima::io
