#include "klima/error.hpp"

namespace klima {

std::string to_string(const Location& where) {
    std::string out = where.file;
    if (where.line > 0) out.append(":").append(std::to_string(where.line));
    else if (!where.field.empty()) out.append("#").append(where.field);
    return out;
}

std::string format_error(const Location& where, const std::string& problem, const std::string& fix) {
    std::string out;
    if (!where.file.empty()) {
        out += where.file;
        if (where.line > 0) out.append(":").append(std::to_string(where.line));
        out.append(": ");
    }
    if (!where.field.empty()) out.append("field '").append(where.field).append("': ");
    out.append(problem);
    if (!fix.empty()) out.append(" (fix: ").append(fix).append(")");
    return out;
}

Error::Error(Location where, std::string what, std::string fix, ErrorKind kind)
    : std::runtime_error(format_error(where, what, fix)),
      where_(std::move(where)),
      problem_(std::move(what)),
      fix_(std::move(fix)),
      kind_(kind) {}

Error Error::located(const Location& outer) const {
    Location merged = where_;
    if (merged.file.empty()) merged.file = outer.file;
    if (merged.line == 0) merged.line = outer.line;
    if (merged.field.empty()) merged.field = outer.field;
    return Error(merged, problem_, fix_, kind_).about(subject_);
}

}  // namespace klima
