// Shared helpers for the scenario tests: inline scenario JSON on the
// scenario fixture (tests/fixtures/scenario/: round-number factors naturgas
// 200, gasolie and benzin 250, fjernvarme 80 kg/MWh; el 100 kg/MWh to 2029
// and 50 from 2030; nybyggeri 500 kg/m²; population and household index
// 1.13 in 2030, 1.08 in 2025; vehicle-km constant).
#pragma once

#include "random_plan.hpp"

#include "klima/io/scenario_file.hpp"
#include "klima/scenario.hpp"

#include <optional>
#include <string>

namespace klima::test {

const ReferenceData& scenario_ref();

// A scenario file text on the fixture with the given measures (JSON objects,
// comma-separated) and extra top-level keys ("\"key\": value, ").
std::string scenario_json(const std::string& measures, const std::string& extra = "");

// A preset measure starting 2021, full 2025.
std::string measure(const std::string& id, const std::string& type, const std::string& params,
                    const std::string& cost = "1000000");

// Runs launched from the base year 2017: the hand arithmetic of the measure
// tests starts from the 2017 rows (the fixture also holds a 2023 row).
ScenarioResult run(const std::string& text);
// Runs launched from `launch`; none: from the latest inventory (2023).
ScenarioResult run_from(const std::string& text, std::optional<int> launch);

double total_effect_t(const MeasureResult& m, int year);
double row_effect_t(const MeasureResult& m, const char* row, int year);

}  // namespace klima::test
