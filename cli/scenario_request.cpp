#include "scenario_request.hpp"

#include "allocation.hpp"

#include "klima/horizon.hpp"

namespace klima::cli {

api::ScenarioRequest scenario_request(const Args& args, const std::string& scenario_file) {
    api::ScenarioRequest r;
    r.scenario_file = scenario_file;
    r.data_dir = data_dir(args);
    r.allocation = chp_allocation(args);
    if (args.get("--from-year")) {
        const int y = args.require_int("--from-year", "YEAR (an inventory year to project from)");
        if (!in_horizon(y))
            throw UsageError({"", 0, "--from-year"}, "year " + std::to_string(y) + " is outside " + horizon_text(),
                             "give an inventory year of the activity data");
        r.from_year = y;
    }
    r.store = args.get("--db");
    return r;
}

}  // namespace klima::cli
