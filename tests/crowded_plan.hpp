// Crowded plans on the scenario fixture (tests/fixtures/scenario), for the
// attribution tests and bench/bench_crowded.cpp: every measure acts on one of
// the five fuel rows with two or three effects (a reduction, a switch to
// electricity, a factor change), as a real plan's heat and transport themes
// do, so 20–200 measures crowd five rows with 4–40 interacting measures each.
// Sizes are small enough that 200 measures together never take more than a
// row holds. `amounts`: every third measure reduces a fixed amount instead of
// a share, and every fifth heat measure saves a fixed amount of the whole
// individual-heating subsector (taken from gas and gas oil in proportion: no
// closed form there, so those rows are estimated when their coalitions cost
// too much).
#pragma once

#include "random_plan.hpp"

#include <cstdio>
#include <random>
#include <string>
#include <vector>

namespace klima::test {

inline std::vector<std::string> crowded_measures(int n, unsigned seed, bool amounts) {
    struct Fuel {
        const char* row;  // the row's selector
        double mwh;       // its 2017 amount in the fixture
        bool heat;
    };
    static const Fuel kFuels[] = {
        {R"({"sector": "energi", "subsector": "individuel_opvarmning", "carrier": "naturgas"})", 20000, true},
        {R"({"sector": "energi", "subsector": "individuel_opvarmning", "carrier": "gasolie"})", 4000, true},
        {R"({"sector": "transport", "subsector": "personbiler", "carrier": "benzin"})", 30000, false},
        {R"({"sector": "transport", "subsector": "lastbiler", "carrier": "gasolie"})", 10000, false},
        {R"({"sector": "transport", "subsector": "busser", "carrier": "gasolie"})", 2000, false}};
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> small(0.0005, 0.003);
    std::vector<std::string> measures;
    for (int i = 0; i < n; ++i) {
        const Fuel& f = kFuels[static_cast<std::size_t>(i) % 5];
        std::vector<std::string> effects;
        if (amounts && f.heat && i % 5 == 0)  // a fixed saving over the whole subsector: no chain
            effects.push_back(R"({"op": "reduce", "rows": {"sector": "energi", "subsector": "individuel_opvarmning"},
                                 "amount": {"value": )" +
                              std::to_string(f.mwh * small(rng)) + R"(, "unit": "MWh"}})");
        else if (amounts && i % 3 == 0)
            effects.push_back(R"({"op": "reduce", "rows": )" + std::string(f.row) + R"(, "amount": {"value": )" +
                              std::to_string(f.mwh * small(rng)) + R"(, "unit": "MWh"}})");
        else
            effects.push_back(R"({"op": "reduce", "rows": )" + std::string(f.row) + R"(, "share": )" +
                              std::to_string(small(rng)) + "}");
        effects.push_back(R"({"op": "switch", "from": )" + std::string(f.row) +
                          R"(, "to": {"carrier": "el"}, "ratio": 0.4, "share": )" + std::to_string(small(rng)) + "}");
        if (rng() % 3 != 0)  // two in three measures change the row's factor too
            effects.push_back(rng() % 2 == 0
                                  ? R"({"op": "factor", "rows": )" + std::string(f.row) + R"(, "reduction": )" +
                                        std::to_string(small(rng)) + "}"
                                  : R"({"op": "factor", "rows": )" + std::string(f.row) + R"(, "value": {"value": )" +
                                        std::to_string(200 + 60 * small(rng)) + R"(, "unit": "kg/MWh"}})");
        const int start = 2018 + static_cast<int>(rng() % 10);
        char id[16];
        std::snprintf(id, sizeof id, "c%03d", i);
        measures.push_back(effects_measure(
            id, joined(effects), std::string(R"("theme": ")").append(f.heat ? "varme" : "transport").append(R"(", )"),
            std::string(R"("start_year": )").append(std::to_string(start)) + R"(, "full_effect_year": )" +
                std::to_string(start + 1 + static_cast<int>(rng() % 6))));
    }
    return measures;
}

inline std::string crowded_plan(int n, unsigned seed, bool amounts) {
    return joined(crowded_measures(n, seed, amounts));
}

// A whole scenario file of these measures, its activity and drivers beside it (the fixture's).
inline std::string crowded_file(const std::string& measures) {
    return R"({"name": "crowded", "municipality": "testby", "base_year": 2017, "gwp_set": "AR5",
               "activity": "activity.csv", "drivers": "drivers.csv", "measures": [)" +
           measures + "]}";
}

inline std::string crowded_scenario(int n, unsigned seed, bool amounts) {
    return crowded_file(crowded_plan(n, seed, amounts));
}

}  // namespace klima::test
