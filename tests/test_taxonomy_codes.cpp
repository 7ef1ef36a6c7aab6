// The codes the engine spells itself (klima/taxonomy_codes.hpp) exist in the
// bundled taxonomy and carrier list: a code renamed in data/ fails here.
#include "klima/io/data_files.hpp"
#include "klima/taxonomy_codes.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <utility>

using namespace klima;

TEST_CASE("taxonomy codes of the engine are those of data/taxonomy and data/factors", "[data]") {
    const auto ref = io::load_reference_data(std::string(KLIMA_TEST_DIR) + "/../data");
    using namespace codes;
    for (const auto& [sector, sub] :
         std::initializer_list<std::pair<const char*, const char*>>{{kEnergy, kElectricitySub},
                                                                    {kEnergy, kDistrictHeatSub},
                                                                    {kEnergy, kIndividualHeating},
                                                                    {kTransport, kCars},
                                                                    {kTransport, kLorries},
                                                                    {kTransport, kBuses},
                                                                    {kTransport, kRail},
                                                                    {kLulucf, kForest},
                                                                    {kConstruction, kNewBuild}}) {
        INFO(sector << "/" << sub);
        CHECK(ref.taxonomy.find(sector, sub) != nullptr);
    }
    for (const char* carrier : {kElectricity, kDistrictHeat, kNaturalGas, kGasOil, kNewBuildArea, kNewForest}) {
        INFO(carrier);
        CHECK(ref.carriers.find(carrier) != nullptr);
    }
}
