#include "klima/trajectory.hpp"

#include "klima/error.hpp"

namespace klima {

Trajectory::Trajectory(std::vector<std::string> rows, int first_year, int last_year)
    : rows_(std::move(rows)), first_year_(first_year) {
    if (last_year < first_year)
        throw Error({}, "trajectory ends (" + std::to_string(last_year) + ") before it starts (" +
                            std::to_string(first_year) + ")");
    kg_ = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(rows_.size()), last_year - first_year + 1);
}

bool Trajectory::has_row(std::string_view key) const {
    for (const auto& r : rows_)
        if (r == key) return true;
    return false;
}

std::size_t Trajectory::row(std::string_view key) const {
    for (std::size_t i = 0; i < rows_.size(); ++i)
        if (rows_[i] == key) return i;
    throw Error({}, "no row '" + std::string(key) + "' in the trajectory");
}

int Trajectory::col(int year) const {
    if (!has_year(year))
        throw Error({}, "year " + std::to_string(year) + " is outside the trajectory " + std::to_string(first_year_) +
                            "–" + std::to_string(last_year()));
    return year - first_year_;
}

units::Mass Trajectory::at(std::size_t r, int year) const {
    return units::kilograms(kg_(static_cast<Eigen::Index>(r), col(year)));
}

void Trajectory::set(std::size_t r, int year, units::Mass m) {
    kg_(static_cast<Eigen::Index>(r), col(year)) = units::in_kg(m);
}
void Trajectory::add(std::size_t r, int year, units::Mass m) {
    kg_(static_cast<Eigen::Index>(r), col(year)) += units::in_kg(m);
}

units::Mass Trajectory::total(int year) const { return units::kilograms(kg_.col(col(year)).sum()); }

units::Mass Trajectory::sector_total(std::string_view sector, int year) const {
    const int c = col(year);
    double kg = 0;
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        const auto& key = rows_[i];
        if (key.size() > sector.size() && key.compare(0, sector.size(), sector) == 0 && key[sector.size()] == '/')
            kg += kg_(static_cast<Eigen::Index>(i), c);
    }
    return units::kilograms(kg);
}

units::Mass Trajectory::cumulative(int first, int last) const {
    const int a = col(first), b = col(last);
    if (b < a) return units::kilograms(0.0);
    return units::kilograms(kg_.middleCols(a, b - a + 1).sum());
}

void Trajectory::require_same_shape(const Trajectory& o) const {
    if (rows_ != o.rows_ || first_year_ != o.first_year_ || kg_.cols() != o.kg_.cols())
        throw Error({}, "trajectories differ in rows or years and cannot be combined");
}

Trajectory Trajectory::operator-(const Trajectory& o) const {
    require_same_shape(o);
    Trajectory t = *this;
    t.kg_ -= o.kg_;
    return t;
}

Trajectory Trajectory::operator+(const Trajectory& o) const {
    Trajectory t = *this;
    t += o;
    return t;
}

Trajectory& Trajectory::operator+=(const Trajectory& o) {
    require_same_shape(o);
    kg_ += o.kg_;
    return *this;
}

}  // namespace klima
