// A small RFC 4180 CSV reader that remembers file and line of every row, so
// that every parse error can name them. Fields are looked up by header name.
// Reads the Danish Excel dialect too (csv_dialect.hpp): detected, or given.
#pragma once

#include "klima/error.hpp"
#include "klima/io/csv_dialect.hpp"
#include "klima/io/input_file.hpp"  // read_file, which the readers here use

#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace klima::io {

class CsvTable;
struct XlsxSheet;

// One row of a CsvTable. Its cells are views, not copies: into the text being
// read (a row handed to for_each_row, valid during the call) or into text the
// table keeps (a row of rows(); only a quoted cell with doubled quotes is
// copied, unescaped). A row refers to its table: use it while the table lives.
class CsvRow {
public:
    // `stored_numbers`: for a spreadsheet row, which cells are number cells
    // (canonical text, read without a dialect); empty for a CSV row.
    CsvRow(const CsvTable& table, std::vector<std::string_view> cells, int line, std::vector<bool> stored_numbers = {})
        : table_(&table), cells_(std::move(cells)), stored_numbers_(std::move(stored_numbers)), line_(line) {}

    // Text of a column; throws when the column is absent from the header.
    std::string_view text(std::string_view column) const;
    // Text that must not be empty.
    std::string_view required(std::string_view column) const;
    // Empty if the header lacks an optional column.
    std::string_view optional(std::string_view column) const;
    double number(std::string_view column) const;  // in the table's dialect, finite
    int integer(std::string_view column) const;
    bool yes_no(std::string_view column) const;  // "yes"/"no"
    // File, line (the sheet's row for a spreadsheet) and column; for a
    // spreadsheet the field also names the cell: "quantity (cell Ark1!E7)".
    Location where(std::string_view column = {}) const;
    int line() const { return line_; }

private:
    friend class CsvTable;
    const CsvTable* table_;
    std::vector<std::string_view> cells_;
    std::vector<bool> stored_numbers_;
    int line_;
};

// How a reader names the columns it knows: the canonical name of a header
// cell as written ("Mængde" → "quantity"), or "" for a column it does not
// know (kept as written). Null: every column is looked up as written.
using ColumnNaming = std::string (*)(std::string_view written);

class CsvTable {
public:
    // Throws klima::Error naming the file when it cannot be read, is not
    // valid text in its encoding, has no header, has an unterminated quote or
    // a row with the wrong field count, or lacks one of `required_columns`.
    // The dialect is detected (detect_dialect) unless given. Line ends may be
    // "\n", "\r\n" or a lone "\r"; rows that are empty or hold only spaces
    // and delimiters (as Excel writes for empty rows) are skipped.
    static CsvTable read(const std::string& path, const std::vector<std::string_view>& required_columns,
                         std::optional<CsvDialect> dialect = std::nullopt);
    static CsvTable parse(std::string_view text, const std::string& name,
                          const std::vector<std::string_view>& required_columns,
                          std::optional<CsvDialect> dialect = std::nullopt, ColumnNaming naming = nullptr);
    // The header alone, with the dialect detected unless given: for asking
    // which columns a file has (column()) without reading its rows.
    static CsvTable parse_header(std::string_view text, const std::string& name,
                                 std::optional<CsvDialect> dialect = std::nullopt);
    // Calls `each` with every row in file order without keeping them, so
    // memory stays that of one row; the same checks and errors as parse. The
    // row's cells are views into `text` (or, for Windows-1252, its decoded
    // copy), valid during the call. With `naming`, header cells are looked up
    // by their canonical names (two cells naming one column are an error), and
    // errors name the column as written.
    static void for_each_row(std::string_view text, const std::string& name,
                             const std::vector<std::string_view>& required_columns, std::optional<CsvDialect> dialect,
                             const std::function<void(const CsvRow&)>& each, ColumnNaming naming = nullptr);
    // A worksheet as a table: its first row names the columns. Text cells
    // holding numbers are read in either convention and refused when the two
    // disagree (CsvDialect::spreadsheet); number cells are read as stored.
    static CsvTable from_sheet(const XlsxSheet& sheet, const std::string& name,
                               const std::vector<std::string_view>& required_columns, ColumnNaming naming = nullptr);

    const std::string& file() const { return file_; }
    const CsvDialect& dialect() const { return dialect_; }
    const std::string& sheet() const { return sheet_; }                 // empty for a CSV file
    const std::vector<std::string>& header() const { return header_; }  // canonical names
    const std::vector<std::string>& written_header() const { return written_; }
    const std::vector<CsvRow>& rows() const { return rows_; }
    int column(std::string_view name) const;  // -1 when absent

private:
    using RowSink = std::function<void(std::vector<std::string_view>& cells, int line)>;
    // Reads the header (checking `required_columns`) and hands each further
    // row with its line to `on_row`, its cells views into `raw`, into the
    // decoded text (kept in `decoded_`) or into `unescaped` (quoted cells with
    // doubled quotes, cleared before each row unless `keep`).
    // A null `on_row` stops after the header.
    void scan(std::string_view raw, const std::vector<std::string_view>& required_columns,
              std::optional<CsvDialect> dialect, bool keep, const RowSink& on_row, ColumnNaming naming);
    // header_ as written kept in written_, then named by `naming`; throws at
    // `at` when two cells name one column.
    void name_columns(ColumnNaming naming, const Location& at);
    // Storage that keeps its address when the table moves: what rows() views.
    std::string_view keep(std::string s);

    struct Storage {
        std::string text;                                           // the bytes read (parse, read)
        std::string decoded;                                        // Windows-1252 text as UTF-8
        std::deque<std::string> unescaped;                          // cells that needed a copy
        std::shared_ptr<const std::deque<std::string>> sheet_text;  // an xlsx sheet's cells (from_sheet)
    };
    std::unique_ptr<Storage> storage_ = std::make_unique<Storage>();
    std::string file_;
    CsvDialect dialect_;
    std::string sheet_;
    std::vector<std::string> header_;
    std::vector<std::string> written_;
    std::vector<CsvRow> rows_;
};

// Parses a whole, finite decimal number with a decimal point; throws klima::Error (without location).
double parse_number(std::string_view text);
int parse_integer(std::string_view text);

}  // namespace klima::io
