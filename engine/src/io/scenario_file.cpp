#include "klima/io/scenario_file.hpp"
#include "klima/join.hpp"
#include "klima/taxonomy_codes.hpp"
#include "readers.hpp"

#include "json_object.hpp"
#include "klima/intensity.hpp"
#include "klima/io/csv.hpp"
#include "klima/io/data_files.hpp"
#include "measure_file.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>

namespace klima::io {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr double kBig = 1e9;

MeasureParams parse_params(const std::string& type, JsonObject& p, const Location& type_at) {
    using namespace units;
    const std::vector<std::string> boiler_fuels{"naturgas", "gasolie"};
    if (type == "district_heating" || type == "heat_pumps") {
        DistrictHeating d{count(p.number("households", 0, 1e6)),
                          megawatt_hours(p.number("heat_mwh_per_household", 0, 100, true)),
                          p.choice("from_carrier", boiler_fuels), ratio(p.number("boiler_efficiency", 0, 1.2, true))};
        if (type == "district_heating") return d;
        return HeatPumps{d.households, d.heat_per_household, d.from_carrier, d.boiler_efficiency,
                         ratio(p.number("cop", 1, 8))};
    }
    if (type == "electric_buses")
        return ElectricBuses{count(p.number("buses", 0, 1e4)), kilometres(p.number("km_per_bus", 0, 5e5, true)),
                             kwh_per_km(p.number("kwh_per_km", 0, 10, true)),
                             kwh_per_km(p.number("diesel_kwh_per_km", 0, 20, true))};
    if (type == "ev_charging") {
        EvCharging e{count(p.number("chargers", 0, 1e6)), ratio(p.number("ev_share_per_charger", 0, 1)),
                     kwh_per_km(p.number("ev_kwh_per_km", 0, 2, true)),
                     kwh_per_km(p.number("fossil_kwh_per_km", 0, 5, true))};
        const double share = in_count(e.chargers * e.ev_share_per_charger);
        if (share > 1.0)
            throw Error(p.at("ev_share_per_charger"),
                        "chargers × ev_share_per_charger = " + short_number(share) + ", more than all car-km",
                        "give a share per charger of at most 1/chargers");
        return e;
    }
    if (type == "municipal_fleet")
        return MunicipalFleet{p.choice("car_fuel", {"benzin", "gasolie"}),
                              count(p.number("cars", 0, 1e5)),
                              kilometres(p.number("km_per_car", 0, 2e5, true)),
                              kwh_per_km(p.number("car_fuel_kwh_per_km", 0, 5, true)),
                              kwh_per_km(p.number("car_el_kwh_per_km", 0, 2, true)),
                              p.choice("truck_fuel", {"benzin", "gasolie"}),
                              count(p.number("refuse_trucks", 0, 1e4)),
                              kilometres(p.number("km_per_truck", 0, 2e5, true)),
                              kwh_per_km(p.number("truck_fuel_kwh_per_km", 0, 20, true)),
                              kwh_per_km(p.number("truck_el_kwh_per_km", 0, 10, true))};
    if (type == "modal_shift")
        return ModalShift{ratio(p.number("car_km_share", 0, 1)), kwh_per_km(p.number("car_kwh_per_km", 0, 5, true)),
                          kwh_per_km(p.number("rail_kwh_per_car_km", 0, 5))};
    if (type == "building_renovation")
        return BuildingRenovation{square_metres(p.number("floor_area_m2", 0, kBig)),
                                  p.choice("heat_carrier", {codes::kDistrictHeat, codes::kNaturalGas, codes::kGasOil}),
                                  kilowatt_hours(p.number("heat_saving_kwh_per_m2", 0, 500)) / square_metres(1.0),
                                  kilowatt_hours(p.number("el_saving_kwh_per_m2", 0, 200)) / square_metres(1.0)};
    if (type == "climate_construction")
        return ClimateConstruction{square_metres(p.number("area_m2_per_year", 0, 1e7)),
                                   kg_per_m2(p.number("kg_co2e_per_m2", 0, 2000))};
    if (type == "afforestation")
        return Afforestation{hectares(p.number("hectares", 0, 1e5)), t_per_ha(p.number("uptake_t_co2_per_ha", 0, 50))};
    throw Error(type_at, "unknown measure type '" + type + "'", "use one of " + join(measure_types(), ", "));
}

std::string resolve(const std::string& scenario_file, const std::string& rel) {
    const fs::path p(rel);
    if (p.is_absolute()) return p.lexically_normal().string();
    return (fs::path(scenario_file).parent_path() / p).lexically_normal().string();
}

}  // namespace

ScenarioSpec parse_scenario(std::string_view text, const std::string& name) {
    const json doc = parse_json(text, name);
    JsonObject top(doc, "", name);
    ScenarioSpec s;
    s.file = name;
    s.name = top.text("name");
    s.municipality = top.text("municipality");
    s.base_year = top.year("base_year");
    s.end_year = top.has("end_year") ? top.year("end_year") : kLastYear;
    if (s.end_year <= s.base_year)
        throw Error(top.at("end_year"), "end_year must come after base_year", "use 2050 or leave it out");
    if (top.has("from_year")) {
        s.launch_year = top.year("from_year");
        if (*s.launch_year < s.base_year || *s.launch_year >= s.end_year)
            throw Error(top.at("from_year"),
                        "from_year " + std::to_string(*s.launch_year) + " lies outside base_year–end_year",
                        "give an inventory year from base_year on, or leave it out to start from the latest inventory");
    }
    s.gwp_set = top.text_or("gwp_set", kDefaultGwpSet);
    if (top.has("history")) {
        if (top.has("activity"))
            throw Error(top.at("history"), "the scenario gives both \"activity\" and \"history\"",
                        "keep \"activity\" for an activity file, or \"history\": {\"national\": \"0259\"} for "
                        "the regnskab's sector totals, not both");
        JsonObject history(top.value("history"), "/history", name);
        const std::string code = history.text("national");
        if (code.size() != 4 || !std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; }))
            throw Error(history.at("national"), "'" + code + "' is not a municipality code",
                        "give the four-digit kommunekode of data/national/municipalities.csv, e.g. \"0259\"");
        history.finish("docs/scenarios.md");
        s.history.kind = ScenarioHistory::Kind::national;
        s.history.municipality_code = code;
    } else {
        s.activity_file = resolve(name, top.text("activity"));
    }
    s.drivers_file = resolve(name, top.text("drivers"));
    if (top.has("targets")) s.targets_file = resolve(name, top.text("targets"));
    if (top.has("trends")) s.trends_file = resolve(name, top.text("trends"));
    if (top.has("bau_scaling")) {
        JsonObject scaling(top.value("bau_scaling"), "/bau_scaling", name);
        for (const auto& [key, v] : top.value("bau_scaling").items())
            s.driver_mapping[key] = parse_driver(scaling.text(key), scaling.at(key));
    }

    s.measures = read_measure_list(top, "measures", s.base_year, name);
    if (top.has("uncertainty")) {  // the uncertainty file's format, at /uncertainty
        const auto& u = top.value("uncertainty");
        if (!u.is_object() || !u.contains("inputs") || !u["inputs"].is_array())
            throw Error(top.at("uncertainty"), "the uncertainty must be an object with a list 'inputs'",
                        "write \"uncertainty\": {\"inputs\": [ … ]} as in an uncertainty file (docs/analysis.md)");
        s.uncertainty = uncertain_inputs_from_json(u, name, "/uncertainty", s.measures);
    }
    top.finish("docs/scenarios.md");
    return s;
}

std::vector<MeasureSpec> read_measure_list(JsonObject& top, const std::string& key, int base_year,
                                           const std::string& file) {
    const auto& measures = top.array(key);
    std::set<std::string> ids;
    std::vector<MeasureSpec> out;
    out.reserve(measures.size());  // MeasureSpec's move may throw: a growing vector would copy every measure
    for (std::size_t i = 0; i < measures.size(); ++i) {
        JsonObject m(measures[i], top.path() + "/" + key + "/" + std::to_string(i), file);
        auto spec = read_measure(m, base_year, file, parse_params);
        if (!ids.insert(spec.id).second)
            throw Error(m.at("id"), "measure id '" + spec.id + "' is used twice", "give each measure its own id");
        out.push_back(std::move(spec));
    }
    return out;
}

ScenarioSpec load_scenario(const std::string& path) { return parse_scenario(read_file(path, kMaxJsonFileBytes), path); }

Drivers load_drivers(const std::string& path) {
    const auto table = CsvTable::read(path, {"year", "population", "households", "vehicle_km_million", "source"});
    Drivers out;
    for (const auto& row : table.rows()) {
        DriverYear y;
        y.origin = row.where();
        y.year = checked_year(row.integer("year"), row.where("year"));
        y.population = units::count(row.number("population"));
        y.households = units::count(row.number("households"));
        y.vehicle_km = units::kilometres(row.number("vehicle_km_million") * 1e6);
        y.source = row.required("source");
        for (const Driver d : {Driver::population, Driver::households, Driver::vehicle_km}) {
            std::string column(to_string(d));
            column.append("_uncertainty");
            if (const auto cell = row.optional(column); !cell.empty())
                out.add_uncertainty({d, parse_distribution(cell, row.where(column)), row.where(column)});
        }
        out.add(std::move(y));
    }
    return out;
}

}  // namespace klima::io
