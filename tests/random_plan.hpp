// Random plans of 60 measures on the scenario fixture, for the attribution
// property test and bench/bench_scenario.cpp: 57 random measures in five
// themes (each effect small enough that together they never remove more
// than a row holds), "null" that changes nothing, and "twin_a"/"twin_b", one
// measure under two ids, alone on the district-heating row.
#pragma once

#include <cstdio>
#include <random>
#include <string>
#include <vector>

namespace klima::test {

// A measure written as effects; `more` adds keys ("\"theme\": \"x\", "); empty
// `years` leaves start and full-effect year out (a table phase-in).
inline std::string effects_measure(const std::string& id, const std::string& effects, const std::string& more = "",
                                   const std::string& years = R"("start_year": 2021, "full_effect_year": 2025)") {
    return R"({"id": ")" + id + R"(", "name": ")" + id + R"(", "owner": "Teknik og Miljø", )" + more + years +
           (years.empty() ? "" : ", ") + R"("cost_dkk": 1000000, "source": "test", "effects": [)" + effects + "]}";
}

inline std::string joined(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : ",") + s;
    return out;
}

inline const std::vector<std::string> kFuelRows{
    R"({"sector": "energi", "subsector": "individuel_opvarmning", "carrier": "naturgas"})",
    R"({"sector": "energi", "subsector": "individuel_opvarmning", "carrier": "gasolie"})",
    R"({"sector": "transport", "subsector": "personbiler", "carrier": "benzin"})",
    R"({"sector": "transport", "subsector": "lastbiler", "carrier": "gasolie"})",
    R"({"sector": "energi", "subsector": "el", "carrier": "el"})"};

// One random effect, small enough that 60 of them never remove more than a row holds.
inline std::string random_effect(std::mt19937& rng) {
    std::uniform_real_distribution<double> small(0.001, 0.02);
    const auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
    const std::string share = "\"share\": " + std::to_string(small(rng));
    switch (pick(6)) {
        case 0: return R"({"op": "reduce", "rows": )" + kFuelRows[pick(5)] + ", " + share + "}";
        case 1:  // 0.2 % of the smallest fuel row (gas oil, 4000 MWh) at most
            return R"({"op": "reduce", "rows": )" + kFuelRows[pick(4)] + R"(, "amount": {"value": )" +
                   std::to_string(8.0 * small(rng) / 0.02) + R"(, "unit": "MWh"}})";
        case 2:
            return R"({"op": "switch", "from": )" + kFuelRows[pick(2)] +
                   R"(, "to": {"subsector": "el", "carrier": "el"}, "from_efficiency": 0.9, "cop": 3, )" + share + "}";
        case 3:
            return R"({"op": "switch", "from": )" + kFuelRows[0] +
                   R"(, "to": {"subsector": "el", "carrier": "el"}, "from_efficiency": 0.9, "cop": 3, "amount": {"value": )" +
                   std::to_string(1000.0 * small(rng)) + R"(, "unit": "MWh"}})";
        case 4: {
            const char* carriers[] = {"naturgas", "el", "gasolie"};
            return R"({"op": "factor", "rows": {"carrier": ")" + std::string(carriers[pick(3)]) +
                   R"("}, "reduction": )" + std::to_string(small(rng)) + "}";
        }
        default:
            return R"({"op": "shift", "from": {"sector": "transport", "subsector": "personbiler"},
                       "to": {"subsector": "bane", "carrier": "el"}, "from_intensity": {"value": 0.6, "unit": "kWh/km"},
                       "to_intensity": {"value": 0.08, "unit": "kWh/km"}, )" +
                   share + "}";
    }
}

struct Plan {
    std::vector<std::string> measures;  // JSON objects
};

inline Plan random_plan(unsigned seed) {
    std::mt19937 rng(seed);
    Plan p;
    for (int i = 0; i < 57; ++i) {
        const int start = 2018 + static_cast<int>(rng() % 12);
        const int full = start + static_cast<int>(rng() % 8);
        std::string effects = random_effect(rng);
        if (rng() % 3 == 0) effects.append(",").append(random_effect(rng));
        char id[16];
        std::snprintf(id, sizeof id, "m%02d", i);
        p.measures.push_back(
            effects_measure(id, effects, std::string(R"("theme": "T)").append(std::to_string(i % 5)).append(R"(", )"),
                            std::string(R"("start_year": )").append(std::to_string(start)) +
                                R"(, "full_effect_year": )" + std::to_string(full)));
    }
    p.measures.push_back(effects_measure("null", R"({"op": "reduce", "rows": {"subsector": "fjernvarme"}, "share": 0})",
                                         R"("theme": "T0", )"));
    const std::string twin =
        R"({"op": "reduce", "rows": {"subsector": "fjernvarme"}, "share": 0.1},
           {"op": "reduce", "rows": {"subsector": "fjernvarme"}, "amount": {"value": 100, "unit": "MWh"}})";
    p.measures.push_back(effects_measure("twin_a", twin, R"("theme": "T1", )"));
    p.measures.push_back(effects_measure("twin_b", twin, R"("theme": "T1", )"));
    return p;
}

}  // namespace klima::test
