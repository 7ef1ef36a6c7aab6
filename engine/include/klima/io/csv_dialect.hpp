// How a CSV file is written — delimiter, decimal mark, text encoding — and how
// klima tells one from another. Danish Excel saves "CSV (semikolonsepareret)"
// with ';' between fields, a decimal comma, '.' grouping thousands and
// Windows-1252 text; "CSV UTF-8" the same in UTF-8 with a byte-order mark.
// Knows nothing of which columns a file has, nor of command-line flags.
#pragma once

#include <string>
#include <string_view>

namespace klima::io {

enum class TextEncoding { utf8, windows1252 };

struct CsvDialect {
    char delimiter = ',';
    char decimal = '.';  // ',' in the Danish dialect, where '.' groups thousands; 0: either (spreadsheet)
    TextEncoding encoding = TextEncoding::utf8;

    static CsvDialect comma() { return {}; }  // RFC 4180, decimal point, UTF-8
    static CsvDialect danish(TextEncoding e = TextEncoding::utf8) { return {';', ',', e}; }
    // Text typed into a spreadsheet cell: a decimal point or comma, whichever
    // reads; a number the two conventions read differently is refused.
    static CsvDialect spreadsheet() { return {'\0', '\0', TextEncoding::utf8}; }
    // "';'-separated, decimal comma, Windows-1252", for messages.
    std::string describe() const;
};

// The dialect of a file's text (a UTF-8 BOM already counts as UTF-8): the
// delimiter is the one the header line uses (',' or ';'; a header with both is
// an error); the decimal mark follows it (',' with ';'); the text is UTF-8 when
// it is valid UTF-8, Windows-1252 when it is not and the file is ';'-separated
// without a BOM (as Danish Excel saves it), and otherwise refused with the
// line of the first bad byte. Throws klima::Error naming `name` and the line.
CsvDialect detect_dialect(std::string_view text, const std::string& name);

// `text` as UTF-8. For UTF-8 input checks it (and that it holds no NUL byte);
// for Windows-1252 decodes it. Throws klima::Error naming `name`, the line and
// the fix. Line ends are kept, so line numbers stay those of the input.
std::string to_utf8(std::string_view text, TextEncoding encoding, const std::string& name);
// The check of to_utf8 for UTF-8 text, without the copy.
void check_utf8(std::string_view text, const std::string& name);

// A number as written in `dialect`. Refuses, with klima::Error without a
// location: text that is no number, inf and nan, numbers beyond the range of a
// double, and a number that could be read two ways ("1.234" in the Danish
// dialect: 1.234 or 1234; "1,234" with a decimal point: 1,234 or 1.234).
double parse_number(std::string_view text, const CsvDialect& dialect);

}  // namespace klima::io
