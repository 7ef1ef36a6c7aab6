// The taxonomy and carrier codes that the engine itself names: the presets
// (measures.cpp), the growth of a proposal (api/impact_growth.cpp), the own
// rows of land use and construction (io/measure_file.cpp) and the factor
// paths every scenario output shows (api/scenario.cpp). They are defined by
// data/taxonomy/sectors.csv and data/factors/carriers.csv; this header is the
// one place the engine spells them, and tests/test_taxonomy_codes.cpp checks
// each against the bundled data, so a renamed code fails there, not silently.
#pragma once

namespace klima::codes {

// Sectors
inline constexpr const char* kEnergy = "energi";
inline constexpr const char* kTransport = "transport";
inline constexpr const char* kLulucf = "lulucf";
inline constexpr const char* kConstruction = "byggeri";

// Subsectors (of the sectors above)
inline constexpr const char* kElectricitySub = "el";                        // energi/el
inline constexpr const char* kDistrictHeatSub = "fjernvarme";               // energi/fjernvarme
inline constexpr const char* kIndividualHeating = "individuel_opvarmning";  // energi/individuel_opvarmning
inline constexpr const char* kCars = "personbiler";                         // transport/personbiler
inline constexpr const char* kLorries = "lastbiler";                        // transport/lastbiler
inline constexpr const char* kBuses = "busser";                             // transport/busser
inline constexpr const char* kRail = "bane";                                // transport/bane
inline constexpr const char* kForest = "skov";                              // lulucf/skov
inline constexpr const char* kNewBuild = "nybyggeri";                       // byggeri/nybyggeri

// Carriers
inline constexpr const char* kElectricity = "el";
inline constexpr const char* kDistrictHeat = "fjernvarme";
inline constexpr const char* kNaturalGas = "naturgas";
inline constexpr const char* kGasOil = "gasolie";
inline constexpr const char* kNewBuildArea = "nybyggeri_m2";  // m² of new floor area (construction)
inline constexpr const char* kNewForest = "skov_ny";          // ha of new forest (land use)

}  // namespace klima::codes
