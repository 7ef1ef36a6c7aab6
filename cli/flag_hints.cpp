#include "flag_hints.hpp"

namespace klima::cli {

std::string fix_with_flags(const Error& e) {
    const auto& store = e.where().file;
    std::string flags;
    switch (e.subject()) {
        case Subject::none: break;
        case Subject::data_dir: flags = "--data-dir DIR or KLIMA_DATA_DIR names it"; break;
        case Subject::store: flags = "--db PATH or KLIMA_DB names the store"; break;
        case Subject::store_contents: flags = "klima db import FILE|DIR --comment TEXT --db " + store; break;
        case Subject::store_version: flags = "klima db versions --db " + store + " lists them"; break;
        case Subject::output_path: flags = "--out PATH names it"; break;
    }
    if (flags.empty()) return e.fix();
    return e.fix().empty() ? flags : e.fix() + "; " + flags;
}

}  // namespace klima::cli
