#include "flag_hints.hpp"

#include <string_view>
#include <utility>

namespace klima::cli {
namespace {

// Request members the facades name in their errors, and the flag of every command that sets them.
constexpr std::pair<std::string_view, std::string_view> kRequestFlags[] = {
    {"year", "--year"},   {"measure", "--measure"}, {"discount_rate", "--discount"}, {"budget", "--budget"},
    {"draws", "--draws"}, {"threads", "--threads"}, {"allocation", "--allocation"},
};

}  // namespace

std::string fix_with_flags(const Error& e) {
    const auto& store = e.where().file;
    std::string flags;
    switch (e.subject()) {
        case Subject::none:
        case Subject::request: break;
        case Subject::data_dir: flags = "--data-dir DIR or KLIMA_DATA_DIR names it"; break;
        case Subject::store: flags = "--db PATH or KLIMA_DB names the store"; break;
        case Subject::store_contents: flags = "klima db import FILE|DIR --comment TEXT --db " + store; break;
        case Subject::store_version: flags = "klima db versions --db " + store + " lists them"; break;
        case Subject::output_path: flags = "--out PATH names it"; break;
    }
    if (flags.empty()) return e.fix();
    return e.fix().empty() ? flags : e.fix() + "; " + flags;
}

Location where_with_flags(const Error& e) {
    Location at = e.where();
    if (e.subject() != Subject::request) return at;
    for (const auto& [member, flag] : kRequestFlags)
        if (at.field == member) {
            at.field = flag;
            break;
        }
    return at;
}

}  // namespace klima::cli
