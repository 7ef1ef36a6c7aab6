// A hand-built scenario and targets for the report tests, small enough that
// every figure can be computed by hand (the arithmetic is in the tests).
//
// Rows and BAU (t CO2e, constant 2017–2050):
//   energi/el 400, transport/busser 100, lulucf/skov −50  → total 450 (excl. LULUCF 500)
// Measures:
//   vind     (energi/el):        20 × (y − 2020) t for 2021–2029, 200 t from 2030; owner "Teknik og Miljø"
//   elbusser (transport/busser): 50 t from 2025; no owner
// Scenario = BAU − effects: 450 to 2020; 430 410 390 370 (2021–24);
//   300 280 260 240 220 (2025–29); 200 from 2030.
// Targets: reference 2017, −46 % by 2030 against 2017, neutrality 2050,
//   scope incl. LULUCF; known emissions 2017 = 450 t.
#pragma once

#include "klima/inventory.hpp"
#include "klima/report/progress_report.hpp"
#include "klima/scenario_result.hpp"
#include "klima/targets.hpp"

namespace klima::test {

ScenarioResult hand_scenario();
TargetSet hand_targets();
EmissionsByYear hand_known();  // {2017: 450 t}
// Inventories 2017 and 2023 of tests/fixtures/activity.csv.
const std::vector<InventoryResult>& fixture_inventories();
// assemble_report(hand_scenario, hand_targets, fixture taxonomy, fixture_inventories, 2023).
// The 2017 inventory (441.3748 t incl. LULUCF) anchors the path here, not the BAU's 450 t.
const report::ReportData& hand_report();
// How often `what` occurs in `text` (for counting SVG elements).
int occurrences(const std::string& text, const std::string& what);

}  // namespace klima::test
