// Internal to the scenario engine: one year of a compiled scenario. Its ops
// (the templates scaled by the year's phase-in shares), the whole scenario
// applied once (where measures that overdraw a row are found), and each
// row's attribution game, solved by the cheapest exact route
// (chain_shapley.hpp, affine_shapley.hpp, attribution.hpp) or, past the work
// budget, estimated with a bound (sampled_shapley.hpp): the games over one
// program together, after every row's games of the year are known.
#pragma once

#include "attribution.hpp"
#include "compile.hpp"
#include "plan.hpp"

#include "klima/join.hpp"
#include "klima/scenario.hpp"

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace klima::plan {

// "2400 MWh": an SI amount of a kind in its display unit.
std::string describe(units::AmountKind kind, double si);

// Beyond kAlwaysExact, where the chain closed form declines, exact affine
// Shapley values are tried while they cost at most this many op applications
// (about a millisecond).
constexpr double kExactWorkAnyway = 2e5;

// One year of a compiled scenario: its ops, the whole scenario applied once
// (the errors are found there), then each row's attribution.
class YearRun {
public:
    // `budget`: what the run's attribution may still spend (shared by its years; outlives this).
    // One YearRun serves every year of a run (ops() starts the next), keeping its buffers: the ops
    // of a year and the scratch of its games reuse the memory of the year before.
    YearRun(const Plan& p, const ScenarioSpec& spec, WorkBudget& budget) : plan_(p), spec_(spec), budget_(budget) {}

    // Starts `year`. `now`: each measure's phase-in share in the year; `done`: its share in
    // the launch year, already inside that inventory (remaining_phase).
    void ops(int year, const std::vector<units::Ratio>& now, const std::vector<units::Ratio>& done) {
        year_ = year;
        recycle(ops_, spare_);
        from_.clear();
        for (const auto& t : plan_.templates) {
            const double share = remaining_phase(t.kind, t.full_share(), now[t.player].value(), done[t.player].value());
            if (share <= 0.0) continue;
            Op& op = reuse_back(ops_, spare_);
            t.instantiate(units::ratio(share), op);
            if (op.value == 0.0 && op.kind != Op::Kind::factor_set) {
                spare_.push_back(std::move(op));
                ops_.pop_back();
                continue;
            }
            const bool removes = op.kind == Op::Kind::remove || op.kind == Op::Kind::move_amount;
            if (removes && !t.missing_row.empty())
                throw Error(t.at,
                            "the " + std::to_string(year_) + " value of " + t.missing_row +
                                " is missing, so the measure cannot reduce it",
                            "fill in the launch-year value in the activity data");
            if (removes && op.src.empty())
                throw Error(t.at,
                            "the measures remove " + describe(t.amount_kind, op.value) + " of " + t.rows + " in " +
                                std::to_string(year_) + " but the year holds only none",
                            "lower the measure's size, or check the activity data and the other measures acting on it");
            from_.push_back(&t);
        }
        writers_.resize(plan_.keys.size());
        factor_ops_.resize(plan_.keys.size());
        for (auto& w : writers_) w.clear();
        for (auto& f : factor_ops_) f.clear();
        for (std::size_t i = 0; i < ops_.size(); ++i) {
            const Op& op = ops_[i];
            if (op.on_factor()) {
                for (std::size_t s : op.src)
                    if (factor_ops_[s].empty() || factor_ops_[s].back() != i) factor_ops_[s].push_back(i);
                continue;
            }
            if (op.target != kNone) writers_[op.target].push_back(i);
            if (op.reads_src())
                for (std::size_t s : op.src) writers_[s].push_back(i);
        }
    }

    // The whole scenario: every op in canonical order; a removal larger than
    // what its rows hold is an error naming the measures that took from them
    // (`strict`), or takes what is there (RunOptions::take_what_is_there).
    std::vector<double> scenario(std::vector<double> amount, bool strict = true) const {
        for (std::size_t i = 0; i < ops_.size(); ++i) {
            const Op& op = ops_[i];
            double before = 0.0;
            for (std::size_t k : op.src) before += amount[k];
            if (!apply(op, amount) && strict) throw too_much(i, before);
        }
        return amount;
    }

    std::vector<double> intensities_after(const std::vector<double>& intensity) const {
        auto out = intensity;
        for (const Op& op : ops_)
            if (op.on_factor())
                for (std::size_t k : op.src) out[k] = apply_factor(op, out[k]);
        return out;
    }

    // Whether an op changes row k's amount this year (its factor must exist then).
    bool written(std::size_t k) const { return !writers_[k].empty(); }

    // One key's attribution in the year.
    struct KeyShares {
        std::vector<double> share;  // per measure, its share of the key's reduction (kg CO2e)
        Estimate estimate;          // where a game of the key is estimated: the sum of their bounds
        Method method = Method::standalone;
    };
    // Every key's attribution (`intensity` per key) into out[key]. The games
    // to be estimated are sampled last, those over one program together (one
    // set of orders, each coalition valued once for all of them:
    // sample_together). Spends the run's WorkBudget; one thread per YearRun.
    void attribute_all(const std::vector<double>& bau, const std::vector<double>& intensity,
                       std::vector<KeyShares>& out);

    const std::vector<Op>& all() const { return ops_; }

    // The terms `taps` (share switches out of row `source` into the key valued) as one chain game
    // (tap_shapley), added to `share` (done); nothing added where the per-term games are cheap or
    // the source row is not a chain.
    enum class Taps { done, one_by_one, not_a_chain };
    Taps taps_at_once(std::size_t source, const std::vector<std::size_t>& taps, const std::vector<double>& bau,
                      double intensity, std::vector<double>& share);

private:
    // A game to be estimated, kept until every key's games are known.
    struct Pending {
        std::size_t key = 0;               // whose shares (and, for a term game, the key moved into)
        std::vector<std::size_t> ops;      // the program: indices into ops_, in canonical order
        std::vector<std::size_t> terms;    // a term game: the ops whose moves into `key` are valued
        std::vector<std::size_t> players;  // measures, in rank order (the local players)
        std::vector<Op> program, factors;  // on the game's own local rows, slot 0 the value
        std::vector<double> start;
        double intensity = 0.0;
        double total = 0.0;         // |v(∅) − v(all)|
        std::vector<double> exact;  // the control variate's exact values (empty: none)
        std::uint64_t seed = 0;
        // A row's game, or a term game whose key no op of the program reads: it can be valued on a slot
        // of its own beside the other games over the same program.
        bool joinable = false;
    };

    // Each measure's share of key k's reduction, added to `share[player]`;
    // a game to be estimated is queued (pending_) for key k.
    Method attribute(std::size_t k, const std::vector<double>& bau, double intensity, std::vector<double>& share);
    // The game of the rows `seeds` depend on, valued on row k (or, for terms,
    // on what the ops `terms` move into k).
    Method game(std::span<const std::size_t> seeds, std::size_t k, std::span<const std::size_t> terms,
                const std::vector<const Op*>& factors, const std::vector<double>& bau, double intensity,
                std::vector<double>& share);
    // The pending games, those over the same program and players sampled together; the shares and bounds
    // added to `out` of their keys.
    void sample_pending(const std::vector<double>& bau, std::vector<KeyShares>& out);
    void sample_together(const std::vector<const Pending*>& games, const std::vector<double>& bau,
                         std::vector<KeyShares>& out);

    // The error of op i taking more than the `available` its rows held, naming the measures whose ops
    // took from those rows before it.
    Error too_much(std::size_t i, double available) const {
        const Op& op = ops_[i];
        const auto& t = *from_[i];
        std::vector<std::vector<std::size_t>> takers(plan_.keys.size());
        for (std::size_t b = 0; b < i; ++b)
            if (ops_[b].reads_src())
                for (std::size_t k : ops_[b].src) takers[k].push_back(ops_[b].player);
        std::vector<std::string> others;
        for (std::size_t k : op.src)
            for (std::size_t p : takers[k]) {
                const auto& id = spec_.measures[p].id;
                if (p != op.player && std::find(others.begin(), others.end(), "'" + id + "'") == others.end())
                    others.push_back("'" + id + "'");
            }
        std::vector<std::string> rows;
        for (std::size_t k : op.src) rows.push_back(plan_.keys[k].describe());
        std::string problem = "measure '" + spec_.measures[op.player].id + "' removes " +
                              describe(t.amount_kind, op.value) + " of " + join(rows, " and ") + " in " +
                              std::to_string(year_) + " but the year holds only " + describe(t.amount_kind, available);
        if (!others.empty()) problem += " after measure " + join(others, ", ") + " took its share";
        return Error(t.at, problem,
                     others.empty() ? "lower the measure's size, or check the activity data"
                                    : "lower the sizes so that together they remove at most what the row holds, or "
                                      "check the activity data");
    }

    const Plan& plan_;
    const ScenarioSpec& spec_;
    WorkBudget& budget_;
    int year_;
    std::vector<Op> ops_;
    std::vector<const Template*> from_;
    std::vector<std::vector<std::size_t>> writers_;     // per key, the activity ops changing it (built by ops())
    std::vector<std::vector<std::size_t>> factor_ops_;  // per key, the factor ops on it, in canonical order
    std::vector<Pending> pending_;                      // attribute_all's games to be estimated
    std::vector<Op> spare_;                             // ops no longer in use, kept for their buffers

    // A game's scratch (game(), taps_at_once()): cleared, never freed, between games and years.
    struct Scratch {
        std::vector<const Op*> factors;
        std::vector<char> in_set, in_program;
        std::vector<std::size_t> set, players, local_player, local, global, local_taps;
        std::vector<double> start, state, phi, removed;
        std::vector<Op> program, local_factors;
    } scratch_;
};

}  // namespace klima::plan
