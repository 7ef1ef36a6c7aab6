// Internal to the analysis facades: a scenario with some measures' sizes
// scaled (how much more, or less, of a measure), and how far a scale can go
// before a share passes 100 %. A ScenarioSpec transformation: the engine runs
// the scaled spec as any other. Knows nothing of targets or solving.
#pragma once

#include "klima/scenario.hpp"

#include <vector>

namespace klima::analysis {

// `spec` with measure j's effects scaled by scale[j] (one entry a measure):
// every share and amount (an uptake multiplies either, so the uptake is
// scaled with it) and every factor reduction. A factor change to a value
// (co2e_value) is kept as given: the value a supplier reaches does not scale.
ScenarioSpec scaled(const ScenarioSpec& spec, const std::vector<units::Ratio>& scale);

// The largest common scale of the measures `which` (indices into
// spec.measures) at which no share-sized effect or factor reduction exceeds
// 1 at full effect: 1 / the largest such share. `limit` when they have none.
units::Ratio share_cap(const ScenarioSpec& spec, const std::vector<std::size_t>& which, units::Ratio limit);

// What sets share_cap: the measure and effect of `which` with the largest
// share at full effect, in words ("measure 'elbusser', effect 1: switch of
// transport/busser gasolie, 100 % at ×1"); empty when no effect is
// share-sized.
std::string share_limiter(const ScenarioSpec& spec, const std::vector<std::size_t>& which);

}  // namespace klima::analysis
