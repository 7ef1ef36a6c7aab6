// Internal to the scenario engine: one game's program (or the program several
// games share, each valued on its own row) laid out flat for the sampler
// (sampled_shapley.hpp), which values it thousands of times. Knows nothing of
// rows, years or measures beyond the local indices of its ops.
//
// The same arithmetic as apply() and apply_factor() (plan.hpp), op by op in
// the same order, with two differences that change no value: an op's rows are
// a span of one shared index array instead of a vector each, and an absent
// measure's op is applied with size zero (a share of 0, an amount of 0)
// instead of being skipped, which leaves every amount as it was. Coalitions
// are valued kLanes at a time, side by side: one coalition's ops form one
// chain of dependent multiplications and divisions on a few amounts, so the
// processor waits on each; independent coalitions fill those waits (and
// vectorise).
#pragma once

#include "plan.hpp"

#include <cstdint>
#include <vector>

namespace klima::plan {

class FlatProgram {
public:
    // One value read off the program's end state: a slot times its intensity
    // after the factor ops (players are local indices).
    struct Output {
        std::size_t slot = 0;
        std::vector<Op> factors;
        double intensity = 0.0;
    };

    // `program`: activity ops on local rows (slot 0 the value); `factors`: the
    // factor ops on the valued row's intensity; players are local indices.
    FlatProgram(const std::vector<Op>& program, const std::vector<Op>& factors, const std::vector<double>& start,
                double intensity);
    // Several values of one program (games over the same ops, valued on
    // different rows: their coalitions are valued once for all).
    FlatProgram(const std::vector<Op>& program, const std::vector<Output>& outputs, const std::vector<double>& start);

    static constexpr std::size_t kLanes = 8;

    std::size_t outputs() const { return outputs_.size(); }

    // Each output's slot after the ops of the players whose entry is 1, times
    // its intensity after their factor ops: bit for bit the value of applying
    // those ops alone. `in` holds `count` coalitions of `players` entries each;
    // `out` gets `count` × outputs() values, coalition by coalition. Not
    // thread-safe (one scratch state).
    void values(const unsigned char* in, std::size_t players, std::size_t count, double* out) const;
    // The first output's value (one output: the value).
    double value(const std::vector<unsigned char>& in) const;

private:
    struct Step {
        Op::Kind kind;
        std::uint32_t player;
        std::uint32_t first, count;  // rows in rows_ (and their multipliers in mult_)
        std::uint32_t target;
        double value, target_amount, phase;
    };
    struct Valued {
        std::size_t slot;
        std::size_t first, count;  // its factor steps in factors_
        double intensity;
    };
    static void flatten(const std::vector<Op>& ops, std::vector<Step>& out, std::vector<std::uint32_t>& rows,
                        std::vector<double>& mult);

    std::vector<Step> steps_, factors_;
    std::vector<Valued> outputs_;
    std::vector<std::uint32_t> rows_;
    std::vector<double> mult_;
    std::vector<double> start_;
    mutable std::vector<double> state_;    // row × lane
    mutable std::vector<double> scratch_;  // value() with several outputs
};

}  // namespace klima::plan
