// One error type for every bad input: it says where (file, line or JSON path,
// field), what is wrong, and how to fix it. The CLI prints what() as one line
// and turns the error's kind into the exit code (cli/main.cpp, in one place).
#pragma once

#include <stdexcept>
#include <string>

namespace klima {

struct Location {
    std::string file;   // path as the user gave it, or "" when not file-bound
    int line = 0;       // 1-based line in a text file, 0 when not applicable
    std::string field;  // column name or JSON path ("/measures/2/start_year")
};

// What kind of failure an Error is; callers branch on the kind, never on the message.
enum class ErrorKind {
    usage,     // the caller asked for something that does not exist (an unknown format, language, GWP set)
    input,     // a data file is wrong: its name, line or JSON path says where
    io,        // a file cannot be read or written (permissions, full disk)
    store,     // the inventory store cannot be opened, read or written, or is not klima's
    internal,  // a broken promise inside klima: a bug
};

// Which of the caller's choices an error is about, when a front end lets its user make that
// choice: cli/ adds the flag that makes it to the fix (docs/cli.md), a web form would point at
// its field. The engine's own fix says what to do in engine terms; `none`: the fix is in the data.
enum class Subject {
    none,
    data_dir,        // the reference-data directory (taxonomy, factors, GWP sets)
    store,           // which store file: not a klima store, or damaged
    store_contents,  // the store (or the file at its path) lacks what was asked for: import into it first
    store_version,   // a version number the store does not hold
    output_path,     // where an output file is written
    request,         // a value of the request itself; Location::field names the request's member
                     // (year, measure, discount_rate, budget, draws, threads)
};

class Error : public std::runtime_error {
public:
    Error(Location where, std::string what, std::string fix = {}, ErrorKind kind = ErrorKind::input);

    ErrorKind kind() const { return kind_; }
    Subject subject() const { return subject_; }
    // Marks what the error is about; for `throw Error(...).about(Subject::store)`.
    Error& about(Subject s) {
        subject_ = s;
        return *this;
    }

    const Location& where() const { return where_; }
    const std::string& problem() const { return problem_; }
    const std::string& fix() const { return fix_; }

    // A copy with the location filled in where it was still empty: lets a
    // low-level parser throw without knowing the file, and the caller add it.
    Error located(const Location& outer) const;

private:
    Location where_;
    std::string problem_;
    std::string fix_;
    ErrorKind kind_;
    Subject subject_ = Subject::none;
};

// "file:line", or "file#/json/path" for a JSON location.
std::string to_string(const Location& where);

std::string format_error(const Location& where, const std::string& problem, const std::string& fix);

}  // namespace klima
