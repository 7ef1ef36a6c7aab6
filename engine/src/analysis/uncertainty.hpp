// Internal to the Monte Carlo: the uncertain inputs of a run gathered from
// where distributions live (docs/analysis.md), each a multiplier with a
// distribution (mean or median 1) on activity rows, emission factors, a
// driver's growth or a measure's size, and one draw of all of them applied to
// copies of the scenario's inputs. Reads no file (io reads the scenario's
// block and the uncertainty file); knows nothing of percentiles or targets.
#pragma once

#include "klima/activity.hpp"
#include "klima/distribution.hpp"
#include "klima/drivers.hpp"
#include "klima/effects.hpp"
#include "klima/reference_data.hpp"
#include "klima/scenario.hpp"
#include "klima/uncertain_input.hpp"

#include <optional>
#include <random>
#include <string>
#include <vector>

namespace klima::analysis {

// The distribution and the input are public (klima/distribution.hpp,
// klima/uncertain_input.hpp): data files and the scenario carry them, and io reads them.
using klima::Distribution;
using klima::UncertainInput;
using klima::UncertaintyFile;

// The uncertain inputs of a run, gathered from where distributions live
// (docs/analysis.md, "Where distributions live"), and where each came from.
struct Gathered {
    std::vector<UncertainInput> inputs;
    std::vector<std::string> from;  // per input: "data/koege/activity.csv:95", "scenarios/koege.json#/measures/3"
};

// Data first: activity rows (per exact sector, subsector and carrier, the
// distribution of the launch year's record, else of the newest record before
// it that carries one), factor rows (per carrier and subsector, the row that
// covers the launch year, else the newest before it), the drivers' growth;
// then the scenario's measures and its "uncertainty" block; then `file`'s. An
// input of a later source replaces one of an earlier source with the same
// target (kind and the same sector, subsector, carrier, driver or measure id).
// Throws when records or factor rows of one target and year disagree, and
// when nothing is uncertain anywhere.
Gathered gather_uncertainty(const ScenarioSpec& spec, const ActivitySet& activity, const Drivers& drivers,
                            const ReferenceData& ref, int launch_year, const std::optional<UncertaintyFile>& file);

// Whether any of the places gather_uncertainty reads carries a distribution
// (without the file): the activity, factors, drivers or the scenario.
bool carries_uncertainty(const ScenarioSpec& spec, const ActivitySet& activity, const Drivers& drivers,
                         const ReferenceData& ref);

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
