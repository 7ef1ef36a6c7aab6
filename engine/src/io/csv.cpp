#include "klima/io/csv.hpp"
#include "klima/io/xlsx_reader.hpp"
#include "klima/join.hpp"

#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace klima::io {

std::string read_file(const std::string& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw Error({path, 0, ""}, "is a directory, not a file", "give the path of a file inside it");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error({path, 0, ""}, std::string("cannot open file: ") + std::strerror(errno),
                    "check the path; run from the repository root or give an absolute path");
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) throw Error({path, 0, ""}, "cannot read file", "check that it is a readable regular file");
    return ss.str();
}

double parse_number(std::string_view text) { return parse_number(text, CsvDialect::comma()); }

int parse_integer(std::string_view text) {
    int v = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (text.empty() || ec != std::errc() || ptr != text.data() + text.size())
        throw Error({}, "'" + std::string(text) + "' is not a whole number", "write a whole number, e.g. 2017");
    return v;
}

int CsvTable::column(std::string_view name) const {
    for (std::size_t i = 0; i < header_.size(); ++i)
        if (header_[i] == name) return static_cast<int>(i);
    return -1;
}

CsvTable CsvTable::read(const std::string& path, const std::vector<std::string_view>& required_columns,
                        std::optional<CsvDialect> dialect) {
    return parse(read_file(path), path, required_columns, dialect);
}

namespace {

bool blank(const std::vector<std::string>& fields) {
    for (const auto& f : fields)
        if (f.find_first_not_of(" \t") != std::string::npos) return false;
    return true;
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
                    std::optional<CsvDialect> dialect, const RowSink& on_row) {
    const std::string& name = file_;
    if (raw.substr(0, 3) == "\xEF\xBB\xBF") raw.remove_prefix(3);  // UTF-8 BOM
    dialect_ = dialect ? *dialect : detect_dialect(raw, name);
    // UTF-8 is checked where it lies; only Windows-1252 needs a decoded copy.
    std::string decoded;
    if (dialect_.encoding == TextEncoding::utf8) check_utf8(raw, name);
    else decoded = to_utf8(raw, dialect_.encoding, name);
    const std::string_view text = dialect_.encoding == TextEncoding::utf8 ? raw : std::string_view(decoded);
    const char delimiter = dialect_.delimiter;
    const std::string quote_fix = std::string("quote fields that contain '") + delimiter + "'; one value per column";

    bool have_header = false;
    std::vector<std::string> fields;
    std::string field;
    bool quoted = false, field_started = false, after_quote = false;
    int line = 1, record_line = 1;
    auto end_field = [&] {
        fields.push_back(std::move(field));
        field.clear();
        field_started = after_quote = false;
    };
    auto take_header = [&] {
        header_ = std::move(fields);
        for (auto& h : header_) {
            while (!h.empty() && h.back() == ' ') h.pop_back();
            while (!h.empty() && h.front() == ' ') h.erase(h.begin());
        }
        for (auto col : required_columns)
            if (column(col) < 0)
                throw Error({name, record_line, std::string(col)},
                            "missing column '" + std::string(col) + "'" + delimiter_hint(header_, dialect_),
                            "the header must contain " + join(required_columns, std::string(1, delimiter)));
        have_header = true;
    };
    auto end_record = [&] {
        end_field();
        if (!blank(fields)) {
            if (!have_header) {
                take_header();
            } else {
                if (fields.size() != header_.size())
                    throw Error({name, record_line, ""},
                                "row has " + std::to_string(fields.size()) + " fields, the header has " +
                                    std::to_string(header_.size()) + " (" + dialect_.describe() + ")",
                                quote_fix);
                on_row(std::move(fields), record_line);
            }
        }
        fields.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool crlf = c == '\r' && i + 1 < text.size() && text[i + 1] == '\n';
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                    after_quote = true;
                }
            } else {
                if (c == '\n' || (c == '\r' && !crlf)) ++line;
                field += c;
            }
            continue;
        }
        if (c == '"' && !field_started) {
            quoted = field_started = true;
        } else if (c == delimiter) {
            end_field();
        } else if (crlf) {
            // CRLF: the '\n' ends the record
        } else if (c == '\n' || c == '\r') {  // a lone '\r' ends a line too (old Mac Excel)
            end_record();
            ++line;
            record_line = line;
        } else {
            if (after_quote)
                throw Error({name, line, ""}, "text after a closing quote", "quote the whole field: \"a \"\"b\"\" c\"");
            field += c;
            field_started = true;
        }
    }
    if (quoted) throw Error({name, record_line, ""}, "unterminated quoted field", "close the quote with \"");
    if (!field.empty() || !fields.empty()) end_record();
    if (!have_header) throw Error({name, 1, ""}, "file is empty: no header line", "the first line names the columns");
}

CsvTable CsvTable::parse(std::string_view text, const std::string& name,
                         const std::vector<std::string_view>& required_columns, std::optional<CsvDialect> dialect) {
    CsvTable t;
    t.file_ = name;
    t.scan(text, required_columns, dialect,
           [&t](std::vector<std::string>&& cells, int line) { t.rows_.emplace_back(t, std::move(cells), line); });
    return t;
}

void CsvTable::for_each_row(std::string_view text, const std::string& name,
                            const std::vector<std::string_view>& required_columns, std::optional<CsvDialect> dialect,
                            const std::function<void(const CsvRow&)>& each) {
    CsvTable t;
    t.file_ = name;
    t.scan(text, required_columns, dialect, [&](std::vector<std::string>&& cells, int line) {
        const CsvRow row(t, std::move(cells), line);
        each(row);
    });
}

CsvTable CsvTable::from_sheet(const XlsxSheet& sheet, const std::string& name,
                              const std::vector<std::string_view>& required_columns) {
    CsvTable t;
    t.file_ = name;
    t.sheet_ = sheet.name;
    t.dialect_ = CsvDialect::spreadsheet();
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
        std::string h = c.text;
        while (!h.empty() && h.back() == ' ') h.pop_back();
        while (!h.empty() && h.front() == ' ') h.erase(h.begin());
        t.header_.push_back(std::move(h));
    }
    while (!t.header_.empty() && t.header_.back().empty()) t.header_.pop_back();
    for (auto col : required_columns)
        if (t.column(col) < 0)
            throw Error({name, head.row, std::string(col)},
                        "missing column '" + std::string(col) + "' in row " + std::to_string(head.row) + " of sheet '" +
                            sheet.name + "'",
                        "the first row must name the columns " + join(required_columns, ", "));
    for (std::size_t r = first + 1; r < sheet.rows.size(); ++r) {
        const auto& row = sheet.rows[r];
        if (blank_row(row)) continue;
        std::vector<std::string> cells(t.header_.size());
        std::vector<bool> numbers(t.header_.size());
        for (std::size_t c = 0; c < row.cells.size(); ++c) {
            if (c >= t.header_.size()) {
                if (row.cells[c].text.empty()) continue;
                throw Error({name, row.row, sheet.name + "!" + column_letters(c) + std::to_string(row.row)},
                            "a value in a column without a header", "name the column in the header row, or clear the cell");
            }
            cells[c] = row.cells[c].text;
            numbers[c] = row.cells[c].number;
        }
        t.rows_.emplace_back(t, std::move(cells), row.row, std::move(numbers));
    }
    return t;
}

Location CsvRow::where(std::string_view column) const {
    std::string field(column);
    const int i = column.empty() || table_->sheet().empty() ? -1 : table_->column(column);
    if (i >= 0)
        field += " (cell " + table_->sheet() + "!" + column_letters(static_cast<std::size_t>(i)) + std::to_string(line_) +
                 ")";
    return {table_->file(), line_, field};
}

const std::string& CsvRow::text(std::string_view column) const {
    const int i = table_->column(column);
    if (i < 0)
        throw Error({table_->file(), line_, std::string(column)}, "missing column '" + std::string(column) + "'",
                    "add it to the header");
    return cells_[static_cast<std::size_t>(i)];
}

const std::string& CsvRow::required(std::string_view column) const {
    const auto& v = text(column);
    if (v.empty()) throw Error(where(column), "empty value", "fill in " + std::string(column));
    return v;
}

std::string CsvRow::optional(std::string_view column) const {
    const int i = table_->column(column);
    return i < 0 ? std::string() : cells_[static_cast<std::size_t>(i)];
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
    const auto& v = required(column);
    if (v == "yes") return true;
    if (v == "no") return false;
    throw Error(where(column), "'" + v + "' is neither yes nor no", "write yes or no");
}

}  // namespace klima::io
