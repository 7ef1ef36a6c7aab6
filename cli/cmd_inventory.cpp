#include "args.hpp"
#include "commands.hpp"

#include "klima/inventory.hpp"
#include "klima/io/data_files.hpp"
#include "klima/report/inventory_report.hpp"

#include <ostream>

namespace klima::cli {

int cmd_inventory(const Argv& argv, std::ostream& out) {
    const Args args(argv, {"--data", "--year", "--format", "--gwp", "--data-dir", "--title"});
    const auto format = report::parse_format(args.get_or("--format", "table"));
    const auto path = args.require("--data", "FILE (activity data, .csv or .json)");
    const int year = args.require_int("--year", "YEAR");
    const auto ref = io::load_reference_data(data_dir(args));
    const auto records = io::load_activity(path, &ref);
    InventoryResult inv;
    try {
        inv = compute_inventory(records, year, ref, args.get_or("--gwp", "AR5"));
    } catch (const Error& e) {
        throw e.located({path, 0, ""});
    }
    const auto title = args.has("--title") ? *args.get("--title") : io::municipality_name(path);
    out << report::render_inventory(inv, ref, format, title);
    return 0;
}

}  // namespace klima::cli
