#include "klima/io/csv.hpp"
#include "klima/join.hpp"

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <sstream>

namespace klima::io {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error({path, 0, ""}, std::string("cannot open file: ") + std::strerror(errno),
                    "check the path; run from the repository root or give an absolute path");
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

double parse_number(std::string_view text) {
    std::string_view t = text;
    while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.remove_prefix(1);
    while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.remove_suffix(1);
    double v = 0;
    const auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (t.empty() || ec != std::errc() || ptr != t.data() + t.size())
        throw Error({}, "'" + std::string(text) + "' is not a number",
                    "write a decimal number with a point, e.g. 1234.5 (no thousands separator)");
    return v;
}

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

CsvTable CsvTable::read(const std::string& path, const std::vector<std::string_view>& required_columns) {
    return parse(read_file(path), path, required_columns);
}

CsvTable CsvTable::parse(std::string_view text, const std::string& name,
                         const std::vector<std::string_view>& required_columns) {
    CsvTable t;
    t.file_ = name;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // UTF-8 BOM

    std::vector<std::vector<std::string>> records;
    std::vector<int> record_lines;
    std::vector<std::string> fields;
    std::string field;
    bool quoted = false, field_started = false, after_quote = false;
    int line = 1, record_line = 1;
    auto end_field = [&] {
        fields.push_back(std::move(field));
        field.clear();
        field_started = after_quote = false;
    };
    auto end_record = [&] {
        end_field();
        const bool blank = fields.size() == 1 && fields[0].empty();
        if (!blank) {
            records.push_back(std::move(fields));
            record_lines.push_back(record_line);
        }
        fields.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
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
                if (c == '\n') ++line;
                field += c;
            }
            continue;
        }
        if (c == '"' && !field_started) {
            quoted = field_started = true;
        } else if (c == ',') {
            end_field();
        } else if (c == '\r') {
            // tolerate CRLF line ends
        } else if (c == '\n') {
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

    if (records.empty()) throw Error({name, 1, ""}, "file is empty: no header line", "the first line names the columns");
    t.header_ = std::move(records.front());
    for (auto& h : t.header_) {
        while (!h.empty() && h.back() == ' ') h.pop_back();
        while (!h.empty() && h.front() == ' ') h.erase(h.begin());
    }
    for (auto col : required_columns) {
        if (t.column(col) < 0) {
            throw Error({name, 1, std::string(col)}, "missing column '" + std::string(col) + "'",
                        "the header must contain " + join(required_columns, ","));
        }
    }
    for (std::size_t r = 1; r < records.size(); ++r) {
        if (records[r].size() != t.header_.size())
            throw Error({name, record_lines[r], ""},
                        "row has " + std::to_string(records[r].size()) + " fields, the header has " +
                            std::to_string(t.header_.size()),
                        "quote fields that contain commas; one value per column");
        t.rows_.emplace_back(t, std::move(records[r]), record_lines[r]);
    }
    return t;
}

Location CsvRow::where(std::string_view column) const { return {table_->file(), line_, std::string(column)}; }

const std::string& CsvRow::text(std::string_view column) const {
    const int i = table_->column(column);
    if (i < 0) throw Error(where(column), "missing column '" + std::string(column) + "'", "add it to the header");
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
        return parse_number(required(column));
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
