// Helpers for the store tests: fixture imports with their provenance, raw SQL
// counts, and inventories computed from a stored version.
#pragma once

#include "support.hpp"

#include "klima/inventory.hpp"
#include "klima/store/store.hpp"

#include <string>

namespace klima::test {

store::Provenance provenance(const std::string& path, const std::string& comment);
ActivitySet fixture_activity();   // tests/fixtures/activity.csv, validated
ActivitySet revised_activity();   // tests/fixtures/store/activity_revised.csv
FactorLibrary fixture_factors();  // tests/fixtures/data/factors/test_factors.csv
FactorLibrary revised_factors();  // tests/fixtures/store/factors_revised.csv

// Version 1: the fixture factors; version 2: the fixture activity.
void seed(store::Store& s);

// The inventory of `year` computed from stored `version` with the fixture taxonomy and GWP (AR5).
InventoryResult stored_inventory(const store::Store& s, int version, int year);

// One integer from a SQL query run on a separate, plain sqlite3 connection.
long long sql_count(const std::string& db_path, const std::string& sql);

}  // namespace klima::test
