#include "scenario_support.hpp"

#include "support.hpp"

#include "klima/io/data_files.hpp"

namespace klima::test {

const ReferenceData& scenario_ref() {
    static const auto ref = io::load_reference_data(fixture("scenario/data"));
    return ref;
}

std::string scenario_json(const std::string& measures, const std::string& extra) {
    return R"({"name": "test", "municipality": "testby", "base_year": 2017, "activity": "activity.csv",
               "drivers": "drivers.csv", )" +
           extra + R"("measures": [)" + measures + "]}";
}

std::string measure(const std::string& id, const std::string& type, const std::string& params,
                    const std::string& cost) {
    return R"({"id": ")" + id + R"(", "type": ")" + type + R"(", "name": ")" + id +
           R"(", "owner": "Teknik og Miljø", "start_year": 2021, "full_effect_year": 2025, "cost_dkk": )" + cost +
           R"(, "source": "test", "params": )" + params + "}";
}

ScenarioResult run(const std::string& text) { return run_from(text, 2017); }

ScenarioResult run_from(const std::string& text, std::optional<int> launch) {
    auto spec = io::parse_scenario(text, fixture("scenario/inline.json"));
    spec.launch_year = launch;
    const auto activity = io::load_activity(spec.activity_file, &scenario_ref());
    const auto drivers = io::load_drivers(spec.drivers_file);
    return run_scenario(spec, activity, drivers, scenario_ref());
}

double total_effect_t(const MeasureResult& m, int year) { return units::in_tonnes(m.effect.total(year)); }
double row_effect_t(const MeasureResult& m, const char* row, int year) {
    return units::in_tonnes(m.effect.at(row, year));
}

}  // namespace klima::test
