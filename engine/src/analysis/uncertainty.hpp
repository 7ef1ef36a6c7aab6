// Internal to the Monte Carlo facade: uncertain inputs read from an
// uncertainty file (docs/analysis.md), each a multiplier with a distribution
// (mean or median 1) on activity rows, emission factors, a driver's growth
// or a measure's size, and one draw of all of them applied to copies of the
// scenario's inputs. Knows nothing of percentiles or targets.
#pragma once

#include "klima/activity.hpp"
#include "klima/drivers.hpp"
#include "klima/effects.hpp"
#include "klima/reference_data.hpp"
#include "klima/scenario.hpp"

#include <optional>
#include <random>
#include <string>
#include <vector>

namespace klima::analysis {

struct Distribution {
    enum class Kind { normal, lognormal, triangular, uniform };
    Kind kind = Kind::uniform;
    double a = 1.0, b = 1.0,
           c = 1.0;  // normal: sd (a); lognormal: sigma (a); triangular: low, mode, high; uniform: low, high
    double draw(std::mt19937_64& rng) const;  // a multiplier
};

struct UncertainInput {
    enum class On { activity, factor, driver, measure };
    On on = On::activity;
    RowSelector rows;  // activity: the rows; factor: carrier (and subsector) of the factor rows
    Driver driver = Driver::population;
    std::string measure;  // measure id
    Distribution dist;
    std::string label;  // "factor naturgas", for the contribution table
};

// Throws klima::Error naming the file and JSON path (an unknown key, kind,
// measure id or driver, a parameter out of range).
std::vector<UncertainInput> load_uncertainty(const std::string& path, const ScenarioSpec& spec);

struct Inputs {
    ScenarioSpec spec;
    ActivitySet activity;
    Drivers drivers;
    ReferenceData ref;
};

// One draw's inputs: `ref` only when a factor is uncertain (copying the
// reference data is the dearest part of a draw); else use the base's.
struct Draw {
    ScenarioSpec spec;
    ActivitySet activity;
    Drivers drivers;
    std::optional<ReferenceData> ref;
    const ReferenceData& reference(const Inputs& base) const { return ref ? *ref : base.ref; }
};

// Whether a factor input multiplies factor row `f`: its carrier, and its
// subsector where the input names one (a row without subsector counts as "*").
bool multiplies(const UncertainInput& u, const EmissionFactor& f);

// The inputs with each uncertain input multiplied by its drawn value (`values`, one per input).
Draw apply_draw(const Inputs& base, const std::vector<UncertainInput>& inputs, const std::vector<double>& values);

}  // namespace klima::analysis
