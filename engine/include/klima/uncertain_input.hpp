// An uncertain input of the Monte Carlo (docs/analysis.md): a multiplier with
// a distribution (mean or median 1) on activity rows, emission factors, a
// driver's growth or a measure's size, and where it was given. Read by io
// (a scenario's "uncertainty" block, an uncertainty file) and gathered from
// the data by the Monte Carlo; knows nothing of JSON or of draws.
#pragma once

#include "klima/distribution.hpp"
#include "klima/drivers.hpp"
#include "klima/effects.hpp"
#include "klima/error.hpp"

#include <string>
#include <vector>

namespace klima {

struct UncertainInput {
    enum class On { activity, factor, driver, measure };
    On on = On::activity;
    RowSelector rows;  // activity: the rows; factor: carrier (and subsector) of the factor rows
    Driver driver = Driver::population;
    std::string measure;  // measure id
    Distribution dist;
    std::string label;  // "factor naturgas", for the contribution table
    Location origin;    // file and JSON path where it was given ("u.json", "/inputs/0"); empty when gathered
};

// An uncertainty file (docs/analysis.md) as read: its inputs replace those of
// the data and the scenario with the same target.
struct UncertaintyFile {
    std::string path;  // names the file in errors
    std::vector<UncertainInput> inputs;
};

}  // namespace klima
