#include "report_fixture.hpp"

#include "support.hpp"

#include "klima/io/data_files.hpp"

namespace klima::test {

using units::tonnes;

namespace {
MeasureResult measure(std::string id, std::string name, std::string owner, int start, int full,
                      const std::vector<std::string>& rows) {
    MeasureResult m;
    m.id = std::move(id);
    m.type = "test";
    m.name = std::move(name);
    m.owner = std::move(owner);
    m.start_year = start;
    m.full_effect_year = full;
    m.effect = Trajectory(rows, 2017, 2050);
    return m;
}
}  // namespace

ScenarioResult hand_scenario() {
    const std::vector<std::string> rows{"energi/el", "transport/busser", "lulucf/skov"};
    ScenarioResult r;
    r.name = "Håndregnet scenarie";
    r.municipality = "testby";
    r.base_year = 2017;
    r.gwp_set = "AR5";
    r.bau = Trajectory(rows, 2017, 2050);
    for (int y = 2017; y <= 2050; ++y) {
        r.bau.set(0, y, tonnes(400));
        r.bau.set(1, y, tonnes(100));
        r.bau.set(2, y, tonnes(-50));
    }
    auto vind = measure("vind", "Vindmøller", "Teknik og Miljø", 2021, 2030, rows);
    for (int y = 2021; y <= 2050; ++y) vind.effect.set(0, y, tonnes(y < 2030 ? 20.0 * (y - 2020) : 200.0));
    vind.cost = units::dkk(1e6);
    vind.realised[2023] = tonnes(50);

    auto bus = measure("elbusser", "Elbusser", "", 2025, 2025, rows);
    for (int y = 2025; y <= 2050; ++y) bus.effect.set(1, y, tonnes(50));
    bus.cost = units::dkk(2e6);

    r.scenario = r.bau - vind.effect - bus.effect;
    // Launched from the base year: the only actual year is 2017, and the plan
    // as adopted is the effects themselves.
    r.launch_year = 2017;
    r.year_kinds.assign(2050 - 2017 + 1, YearKind::projected);
    r.year_kinds[0] = YearKind::actual;
    for (auto* m : {&vind, &bus})
        for (int y = 2017; y <= 2050; ++y) m->planned[y] = m->effect.total(y);
    r.measures = {vind, bus};
    return r;
}

TargetSet hand_targets() {
    TargetSet t;
    t.municipality = "testby";
    t.name = "Testby klimaplan (test fixture)";
    t.scope = TargetScope::incl_lulucf;
    t.reference_year = 2017;
    t.interim = {{2030, units::ratio(0.46), 2017, "test fixture"}};
    t.neutrality_year = 2050;
    t.neutrality_source = "test fixture";
    t.file = "hand_targets";
    return t;
}

EmissionsByYear hand_known() { return {{2017, tonnes(450)}}; }

const std::vector<InventoryResult>& fixture_inventories() {
    static const std::vector<InventoryResult> inv = [] {
        const auto& ref = fixture_reference();
        const auto records = io::load_activity(fixture("activity.csv"), &ref);
        return std::vector<InventoryResult>{compute_inventory(records, 2017, ref),
                                            compute_inventory(records, 2023, ref)};
    }();
    return inv;
}

int occurrences(const std::string& text, const std::string& what) {
    int n = 0;
    for (auto p = text.find(what); p != std::string::npos; p = text.find(what, p + what.size())) ++n;
    return n;
}

const report::ReportData& hand_report() {
    static const report::ReportData d = report::assemble_report(
        hand_scenario(), hand_targets(), fixture_reference().taxonomy, fixture_inventories(), 2023, "Testby");
    return d;
}

}  // namespace klima::test
