#include "klima/io/csv.hpp"
#include "klima/io/xlsx_reader.hpp"
#include "klima/join.hpp"

#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <filesystem>

namespace klima::io {

double parse_number(std::string_view text) { return parse_number(text, CsvDialect::comma()); }

int parse_integer(std::string_view text) {
    int v = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (text.empty() || ec != std::errc() || ptr != text.data() + text.size())
        throw Error({}, "'" + std::string(text) + "' is not a whole number", "write a whole number, e.g. 2017");
    return v;
}

int CsvTable::column(std::string_view name) const {
    // Asked once a cell: length and first letter first, a comparison of the whole name only for a likely match.
    for (std::size_t i = 0; i < header_.size(); ++i) {
        const std::string& h = header_[i];
        if (h.size() == name.size() && (name.empty() || h[0] == name[0]) && h == name) return static_cast<int>(i);
    }
    return -1;
}

CsvTable CsvTable::read(const std::string& path, const std::vector<std::string_view>& required_columns,
                        std::optional<CsvDialect> dialect) {
    CsvTable t;
    t.file_ = path;
    t.storage_->text = read_file(path);
    auto& rows = t.rows_;
    t.scan(
        t.storage_->text, required_columns, dialect, true,
        [&](std::vector<std::string_view>& cells, int line) { rows.emplace_back(t, std::move(cells), line); }, nullptr);
    return t;
}

void CsvTable::name_columns(ColumnNaming naming, const Location& at) {
    written_ = header_;
    if (!naming) return;
    for (auto& h : header_)
        if (auto canonical = naming(h); !canonical.empty()) h = std::move(canonical);
    for (std::size_t i = 0; i < header_.size(); ++i)
        for (std::size_t j = i + 1; j < header_.size(); ++j)
            if (!header_[i].empty() && header_[i] == header_[j])
                throw Error(at, "columns '" + written_[i] + "' and '" + written_[j] + "' both give " + header_[i],
                            "keep one of them");
}

std::string_view CsvTable::keep(std::string s) { return storage_->unescaped.emplace_back(std::move(s)); }

namespace {

bool blank(const std::vector<std::string_view>& fields) {
    for (const auto f : fields)
        if (f.find_first_not_of(" \t") != std::string_view::npos) return false;
    return true;
}

// The first '"', '\n' or '\r' in `t` from `i` on (t.size() when none): eight
// bytes at a time, since a quoted cell is mostly long plain text.
std::size_t next_quote_or_line_end(std::string_view t, std::size_t i) {
    const auto has = [](std::uint64_t w, std::uint64_t c) {
        const std::uint64_t x = w ^ c;
        return ((x - 0x0101010101010101ull) & ~x & 0x8080808080808080ull) != 0;
    };
    while (i + 8 <= t.size()) {
        std::uint64_t w;
        std::memcpy(&w, t.data() + i, 8);
        if (has(w, 0x2222222222222222ull) || has(w, 0x0A0A0A0A0A0A0A0Aull) || has(w, 0x0D0D0D0D0D0D0D0Dull)) break;
        i += 8;
    }
    while (i < t.size() && t[i] != '"' && t[i] != '\n' && t[i] != '\r') ++i;
    return i;
}

// A quoted cell's text with each doubled quote made one.
std::string unescape_quotes(std::string_view quoted) {
    std::string out;
    out.reserve(quoted.size());
    for (std::size_t i = 0; i < quoted.size(); ++i) {
        out += quoted[i];
        if (quoted[i] == '"') ++i;  // the second of the pair
    }
    return out;
}

// Why a header may lack a column: it was split by another delimiter.
std::string delimiter_hint(const std::vector<std::string>& header, const CsvDialect& d) {
    if (header.size() != 1) return {};
    for (char other : {',', ';', '\t'})
        if (other != d.delimiter && header[0].find(other) != std::string::npos)
            return std::string("; the header was read as one column split by '") + d.delimiter +
                   "', but it contains '" + (other == '\t' ? std::string("TAB") : std::string(1, other)) + "'";
    return {};
}

}  // namespace

void CsvTable::scan(std::string_view raw, const std::vector<std::string_view>& required_columns,
                    std::optional<CsvDialect> dialect, bool keep_cells, const RowSink& on_row, ColumnNaming naming) {
    const std::string& name = file_;
    if (raw.substr(0, 3) == "\xEF\xBB\xBF") raw.remove_prefix(3);  // UTF-8 BOM
    dialect_ = dialect ? *dialect : detect_dialect(raw, name);
    // UTF-8 is checked where it lies (detect_dialect has checked it when it
    // found UTF-8); only Windows-1252 needs a decoded copy.
    if (dialect_.encoding == TextEncoding::utf8) {
        if (dialect) check_utf8(raw, name);
    } else storage_->decoded = to_utf8(raw, dialect_.encoding, name);
    const std::string_view text = dialect_.encoding == TextEncoding::utf8 ? raw : std::string_view(storage_->decoded);
    const char delimiter = dialect_.delimiter;
    const std::size_t n = text.size();
    const auto line_end = [&](std::size_t i) { return text[i] == '\n' || text[i] == '\r'; };

    bool have_header = false;
    std::vector<std::string_view> fields;
    int line = 1;
    std::size_t i = 0;
    while (i < n) {
        const int record_line = line;
        fields.clear();
        if (!keep_cells) storage_->unescaped.clear();
        while (true) {  // one field; a quote opens quoting only as its first character
            std::string_view value;
            if (text[i] == '"') {
                std::size_t j = i + 1;
                bool doubled = false;
                while (true) {
                    j = next_quote_or_line_end(text, j);
                    if (j >= n)
                        throw Error({name, record_line, ""}, "unterminated quoted field", "close the quote with \"");
                    if (text[j] == '"') {
                        if (j + 1 < n && text[j + 1] == '"') {
                            doubled = true;
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    if (text[j] == '\n' || !(j + 1 < n && text[j + 1] == '\n')) ++line;  // "\n" or a lone "\r"
                    ++j;
                }
                value = text.substr(i + 1, j - i - 1);
                if (doubled) value = keep(unescape_quotes(value));
                i = j + 1;
                if (i < n && text[i] != delimiter && !line_end(i))
                    throw Error({name, line, ""}, "text after a closing quote",
                                "quote the whole field: \"a \"\"b\"\" c\"");
            } else {
                std::size_t j = i;
                while (j < n && text[j] != delimiter && !line_end(j)) ++j;
                value = text.substr(i, j - i);
                i = j;
            }
            fields.push_back(value);
            if (i < n && text[i] == delimiter) {
                ++i;
                if (i < n) continue;
                fields.emplace_back();  // a delimiter ends the text: one more, empty field
            }
            break;
        }
        if (i < n) {  // "\r\n", "\n" or a lone "\r" (old Mac Excel) ends the line
            i += text[i] == '\r' && i + 1 < n && text[i + 1] == '\n' ? 2 : 1;
            ++line;
        }
        if (blank(fields)) continue;  // Excel writes empty rows as delimiters only
        if (!have_header) {
            for (const auto f : fields) header_.emplace_back(f.substr(0, f.find_last_not_of(' ') + 1));
            for (auto& h : header_) h.erase(0, h.find_first_not_of(' '));
            name_columns(naming, {name, record_line, ""});
            for (auto col : required_columns)
                if (column(col) < 0)
                    throw Error({name, record_line, std::string(col)},
                                "missing column '" + std::string(col) + "'" + delimiter_hint(header_, dialect_),
                                "the header must contain " + join(required_columns, std::string(1, delimiter)));
            have_header = true;
            if (!on_row) return;
            continue;
        }
        if (fields.size() != header_.size())
            throw Error({name, record_line, ""},
                        "row has " + std::to_string(fields.size()) + " fields, the header has " +
                            std::to_string(header_.size()) + " (" + dialect_.describe() + ")",
                        std::string("quote fields that contain '") + delimiter + "'; one value per column");
        on_row(fields, record_line);
    }
    if (!have_header) throw Error({name, 1, ""}, "file is empty: no header line", "the first line names the columns");
}

CsvTable CsvTable::parse(std::string_view text, const std::string& name,
                         const std::vector<std::string_view>& required_columns, std::optional<CsvDialect> dialect,
                         ColumnNaming naming) {
    CsvTable t;
    t.file_ = name;
    t.storage_->text = std::string(text);
    auto& rows = t.rows_;
    t.scan(
        t.storage_->text, required_columns, dialect, true,
        [&](std::vector<std::string_view>& cells, int line) { rows.emplace_back(t, std::move(cells), line); }, naming);
    return t;
}

CsvTable CsvTable::parse_header(std::string_view text, const std::string& name, std::optional<CsvDialect> dialect) {
    CsvTable t;
    t.file_ = name;
    t.scan(text, {}, dialect, false, nullptr, nullptr);
    return t;
}

void CsvTable::for_each_row(std::string_view text, const std::string& name,
                            const std::vector<std::string_view>& required_columns, std::optional<CsvDialect> dialect,
                            const std::function<void(const CsvRow&)>& each, ColumnNaming naming) {
    CsvTable t;
    t.file_ = name;
    CsvRow row(t, {}, 0);
    t.scan(
        text, required_columns, dialect, false,
        [&](std::vector<std::string_view>& cells, int line) {
            row.cells_.swap(cells);  // the row's vector is reused for the next row's cells
            row.line_ = line;
            each(row);
        },
        naming);
}

CsvTable CsvTable::from_sheet(const XlsxSheet& sheet, const std::string& name,
                              const std::vector<std::string_view>& required_columns, ColumnNaming naming) {
    CsvTable t;
    t.file_ = name;
    t.sheet_ = sheet.name;
    t.dialect_ = CsvDialect::spreadsheet();
    t.storage_->sheet_text = sheet.text;  // what the cells view: shared strings stay one copy
    std::size_t first = 0;
    const auto blank_row = [](const XlsxRow& r) {
        for (const auto& c : r.cells)
            if (c.text.find_first_not_of(" \t") != std::string::npos) return false;
        return true;
    };
    while (first < sheet.rows.size() && blank_row(sheet.rows[first])) ++first;
    if (first == sheet.rows.size())
        throw Error({name, 0, ""}, "sheet '" + sheet.name + "' is empty: no header row",
                    "the first row names the columns");
    const auto& head = sheet.rows[first];
    for (const auto& c : head.cells) {
        std::string h(c.text);
        while (!h.empty() && h.back() == ' ') h.pop_back();
        while (!h.empty() && h.front() == ' ') h.erase(h.begin());
        t.header_.push_back(std::move(h));
    }
    while (!t.header_.empty() && t.header_.back().empty()) t.header_.pop_back();
    t.name_columns(naming, {name, head.row, ""});
    for (auto col : required_columns)
        if (t.column(col) < 0)
            throw Error({name, head.row, std::string(col)},
                        "missing column '" + std::string(col) + "' in row " + std::to_string(head.row) + " of sheet '" +
                            sheet.name + "'",
                        "the first row must name the columns " + join(required_columns, ", "));
    for (std::size_t r = first + 1; r < sheet.rows.size(); ++r) {
        const auto& row = sheet.rows[r];
        if (blank_row(row)) continue;
        std::vector<std::string_view> cells(t.header_.size());
        std::vector<bool> numbers(t.header_.size());
        for (std::size_t c = 0; c < row.cells.size(); ++c) {
            if (c >= t.header_.size()) {
                if (row.cells[c].text.empty()) continue;
                throw Error({name, row.row, sheet.name + "!" + column_letters(c) + std::to_string(row.row)},
                            "a value in a column without a header",
                            "name the column in the header row, or clear the cell");
            }
            cells[c] = row.cells[c].text;  // a view into sheet.text, which the table keeps
            numbers[c] = row.cells[c].number;
        }
        t.rows_.emplace_back(t, std::move(cells), row.row, std::move(numbers));
    }
    return t;
}

Location CsvRow::where(std::string_view column) const {
    const int i = column.empty() ? -1 : table_->column(column);
    std::string field = i >= 0 ? table_->written_header()[static_cast<std::size_t>(i)] : std::string(column);
    if (i >= 0 && !table_->sheet().empty())
        field += " (cell " + table_->sheet() + "!" + column_letters(static_cast<std::size_t>(i)) +
                 std::to_string(line_) + ")";
    return {table_->file(), line_, field};
}

std::string_view CsvRow::text(std::string_view column) const {
    const int i = table_->column(column);
    if (i < 0)
        throw Error({table_->file(), line_, std::string(column)}, "missing column '" + std::string(column) + "'",
                    "add it to the header");
    return cells_[static_cast<std::size_t>(i)];
}

std::string_view CsvRow::required(std::string_view column) const {
    const auto v = text(column);
    if (v.empty()) {
        const int i = table_->column(column);
        throw Error(
            where(column), "empty value",
            "fill in " + (i >= 0 ? table_->written_header()[static_cast<std::size_t>(i)] : std::string(column)));
    }
    return v;
}

std::string_view CsvRow::optional(std::string_view column) const {
    const int i = table_->column(column);
    return i < 0 ? std::string_view() : cells_[static_cast<std::size_t>(i)];
}

double CsvRow::number(std::string_view column) const {
    try {
        const int i = table_->column(column);
        const bool stored = i >= 0 && static_cast<std::size_t>(i) < stored_numbers_.size() && stored_numbers_[i];
        return parse_number(required(column), stored ? CsvDialect::comma() : table_->dialect());
    } catch (const Error& e) {
        throw e.located(where(column));
    }
}

int CsvRow::integer(std::string_view column) const {
    try {
        return parse_integer(required(column));
    } catch (const Error& e) {
        throw e.located(where(column));
    }
}

bool CsvRow::yes_no(std::string_view column) const {
    const auto v = required(column);
    if (v == "yes") return true;
    if (v == "no") return false;
    throw Error(where(column), "'" + std::string(v) + "' is neither yes nor no", "write yes or no");
}

}  // namespace klima::io
