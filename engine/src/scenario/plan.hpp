// Internal to the scenario engine: a scenario compiled to numbers. Activity
// rows are interned once to integer keys (sector, subsector, carrier, kind);
// each measure's effects become operations on key indices, so that
// evaluating a coalition of measures touches only doubles. Amounts are SI
// values of the key's kind (J, m, kg, m², count); intensities kg CO2e per SI
// unit. Not part of the public API: the typed boundary is klima/scenario.hpp.
#pragma once

#include "klima/drivers.hpp"
#include "klima/effects.hpp"
#include "klima/error.hpp"
#include "klima/units.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace klima::plan {

inline constexpr std::size_t kNone = static_cast<std::size_t>(-1);

struct Key {
    std::string sector, subsector, carrier;
    units::AmountKind kind = units::AmountKind::energy;
    std::size_t row = 0;  // trajectory row: the subsector
    double base = 0.0;    // launch-year amount (SI) of the present records (or carried)
    Driver driver = Driver::constant;
    Location origin;       // first record, or the measure that created the row
    bool created = false;  // written by an effect, absent from the launch year
    std::string describe() const { return sector + "/" + subsector + " " + carrier; }
};

// One operation of one year, sizes already multiplied by the phase-in share.
struct Op {
    enum class Kind {
        scale,         // src × (1 − value)
        remove,        // take `value` from src, in proportion to their size
        move_share,    // each src: m = a·value; a −= m; target += m·mult[i]
        move_amount,   // take `value` from src; target += `target_amount`
        add,           // target += value
        factor_scale,  // intensity of src × (1 − value)
        factor_set,    // intensity of src → intensity + phase·(value − intensity)
    };
    Kind kind = Kind::scale;
    std::size_t player = 0;  // measure index in the scenario
    std::size_t effect = 0;  // effect index within the measure
    std::vector<std::size_t> src;
    std::vector<double> mult;
    std::size_t target = kNone;
    double value = 0.0;
    double target_amount = 0.0;
    double phase = 0.0;  // factor_set only
    bool reads_src() const { return kind != Kind::add && kind != Kind::factor_scale && kind != Kind::factor_set; }
    bool on_factor() const { return kind == Kind::factor_scale || kind == Kind::factor_set; }
    bool fixed_size() const { return kind == Kind::remove || kind == Kind::move_amount || kind == Kind::add; }
};

// The phase-in share an op takes in a year when the projection starts from
// the inventory of a launch year, which already holds `done` (the share of
// the launch year) of the measure (docs/method.md, "Projection from the
// latest inventory"). `now` is the share of the year, `full_share` the op's
// share at full effect (share-sized ops only). Zero when nothing is left:
//  - amounts (remove, move_amount, add): now − done, the uptake still to come;
//  - shares of a row or factor (scale, move_share, factor_scale):
//    (now − done) / (1 − full_share·done), the part of what the launch year
//    still holds, so that the row reaches 1 − full_share·now;
//  - a factor approaching a level (factor_set): (now − done) / (1 − done), so
//    that the level is still reached at full effect.
// With done = 0 (a measure that starts after the launch year) it is `now`.
double remaining_phase(Op::Kind kind, double full_share, double now, double done);

// Apply one activity op to `amount` (indexed by the op's key indices). When
// the op asks to take more than its rows hold, it takes what is there and
// returns false; the caller decides whether that is an error (it is for the
// whole scenario, not for the sub-coalitions of the attribution).
bool apply(const Op& op, std::vector<double>& amount);

// One factor op applied to an intensity (kg CO2e per SI unit).
double apply_factor(const Op& op, double intensity);

// The value of one coalition `in` (a flag per player) of a game over one row: the ops of `program`
// whose player is in, applied to `start` (in `state`, the caller's buffer), row 0 of the result
// times `intensity` after the factor ops whose player is in.
double coalition_value(const std::vector<Op>& program, const std::vector<Op>& factors, const std::vector<double>& start,
                       double intensity, const std::vector<unsigned char>& in, std::vector<double>& state);

// Op lists that keep their ops' buffers from one use to the next: recycle() moves the ops of `list`
// to `spare` (list empty afterwards); reuse_back() appends an op to `list`, one of `spare` when there
// is one (its vectors keep their capacity; every field is the caller's to overwrite).
void recycle(std::vector<Op>& list, std::vector<Op>& spare);
Op& reuse_back(std::vector<Op>& list, std::vector<Op>& spare);

}  // namespace klima::plan
