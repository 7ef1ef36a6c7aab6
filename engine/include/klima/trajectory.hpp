// Emissions over years as a row × year matrix (rows are "sector/subsector"
// keys of the taxonomy). Eigen holds the numbers in kg CO2e; the API speaks
// units::Mass so that no raw double leaves it.
#pragma once

#include "klima/units.hpp"

#include <Eigen/Dense>

#include <string>
#include <vector>

namespace klima {

class Trajectory {
public:
    Trajectory() = default;
    Trajectory(std::vector<std::string> rows, int first_year, int last_year);

    const std::vector<std::string>& rows() const { return rows_; }
    int first_year() const { return first_year_; }
    int last_year() const { return first_year_ + static_cast<int>(kg_.cols()) - 1; }
    std::size_t row_count() const { return rows_.size(); }
    std::size_t row(std::string_view key) const;  // throws klima::Error for an unknown key
    bool has_row(std::string_view key) const;
    bool has_year(int year) const { return year >= first_year_ && year <= last_year(); }

    units::Mass at(std::size_t row, int year) const;
    units::Mass at(std::string_view row_key, int year) const { return at(row(row_key), year); }
    void set(std::size_t row, int year, units::Mass m);
    void add(std::size_t row, int year, units::Mass m);

    units::Mass total(int year) const;                                  // all rows
    units::Mass sector_total(std::string_view sector, int year) const;  // rows "sector/…"
    // Sum of all years first..last of all rows (a cumulative budget use).
    units::Mass cumulative(int first, int last) const;

    Trajectory operator-(const Trajectory& other) const;  // same shape required
    Trajectory operator+(const Trajectory& other) const;
    Trajectory& operator+=(const Trajectory& other);

    // The raw matrix (kg CO2e), read-only: for numerical checks and sums.
    // Values change only through set() and add(), which take typed masses.
    const Eigen::MatrixXd& kg() const { return kg_; }

private:
    int col(int year) const;
    void require_same_shape(const Trajectory& other) const;

    std::vector<std::string> rows_;
    int first_year_ = 0;
    Eigen::MatrixXd kg_;
};

}  // namespace klima
