#include "flat_program.hpp"

namespace klima::plan {

void FlatProgram::flatten(const std::vector<Op>& ops, std::vector<Step>& out, std::vector<std::uint32_t>& rows,
                          std::vector<double>& mult) {
    out.reserve(out.size() + ops.size());
    for (const Op& op : ops) {
        Step s{op.kind,
               static_cast<std::uint32_t>(op.player),
               static_cast<std::uint32_t>(rows.size()),
               static_cast<std::uint32_t>(op.src.size()),
               op.target == kNone ? UINT32_MAX : static_cast<std::uint32_t>(op.target),
               op.value,
               op.target_amount,
               op.phase};
        for (std::size_t i = 0; i < op.src.size(); ++i) {
            rows.push_back(static_cast<std::uint32_t>(op.src[i]));
            mult.push_back(i < op.mult.size() ? op.mult[i] : 1.0);
        }
        out.push_back(s);
    }
}

FlatProgram::FlatProgram(const std::vector<Op>& program, const std::vector<Op>& factors,
                         const std::vector<double>& start, double intensity)
    : FlatProgram(program, std::vector<Output>{{0, factors, intensity}}, start) {}

FlatProgram::FlatProgram(const std::vector<Op>& program, const std::vector<Output>& outputs,
                         const std::vector<double>& start)
    : start_(start), state_(start.size() * kLanes) {
    flatten(program, steps_, rows_, mult_);
    for (const Output& o : outputs) {
        outputs_.push_back({o.slot, factors_.size(), o.factors.size(), o.intensity});
        flatten(o.factors, factors_, rows_, mult_);
    }
}

double FlatProgram::value(const std::vector<unsigned char>& in) const {
    scratch_.resize(outputs_.size());
    values(in.data(), in.size(), 1, scratch_.data());
    return scratch_.front();
}

void FlatProgram::values(const unsigned char* in, std::size_t players, std::size_t count, double* out) const {
    constexpr std::size_t L = kLanes;
    const std::uint32_t* rows = rows_.data();
    const double* mult = mult_.data();
    for (std::size_t base = 0; base < count; base += L) {
        const std::size_t lanes = count - base < L ? count - base : L;
        const unsigned char* member = in + base * players;
        // An empty lane is the empty coalition, valued and dropped.
        auto x_of = [&](std::uint32_t player, double* x) {
            for (std::size_t l = 0; l < L; ++l) x[l] = l < lanes ? member[l * players + player] : 0.0;
        };
        double* a = state_.data();
        for (std::size_t r = 0; r < start_.size(); ++r)
            for (std::size_t l = 0; l < L; ++l) a[r * L + l] = start_[r];
        // take() of ops.cpp: up to `want` from the rows in proportion to their size (want 0: nothing changes).
        auto take = [&](const Step& s, const double* want, double* taken) {
            double available[L] = {};
            for (std::uint32_t i = 0; i < s.count; ++i)
                for (std::size_t l = 0; l < L; ++l) available[l] += a[rows[s.first + i] * L + l];
            double keep[L];
            for (std::size_t l = 0; l < L; ++l) {
                const bool some = available[l] > 0.0;
                taken[l] = some ? (want[l] < available[l] ? want[l] : available[l]) : 0.0;
                keep[l] = some ? 1.0 - taken[l] / available[l] : 1.0;
            }
            for (std::uint32_t i = 0; i < s.count; ++i)
                for (std::size_t l = 0; l < L; ++l) a[rows[s.first + i] * L + l] *= keep[l];
        };
        double x[L], want[L], taken[L];
        for (const Step& s : steps_) {
            x_of(s.player, x);  // 1 in, 0 out: an absent measure's op has size 0
            switch (s.kind) {
                case Op::Kind::scale: {
                    double keep[L];
                    for (std::size_t l = 0; l < L; ++l) keep[l] = 1.0 - x[l] * s.value;
                    for (std::uint32_t i = 0; i < s.count; ++i)
                        for (std::size_t l = 0; l < L; ++l) a[rows[s.first + i] * L + l] *= keep[l];
                    break;
                }
                case Op::Kind::remove:
                    for (std::size_t l = 0; l < L; ++l) want[l] = x[l] * s.value;
                    take(s, want, taken);
                    break;
                case Op::Kind::move_share:
                    for (std::uint32_t i = 0; i < s.count; ++i) {
                        double* from = a + rows[s.first + i] * L;
                        double* to = a + s.target * L;
                        const double c = mult[s.first + i];
                        for (std::size_t l = 0; l < L; ++l) {
                            const double moved = from[l] * s.value * x[l];
                            from[l] -= moved;
                            to[l] += moved * c;
                        }
                    }
                    break;
                case Op::Kind::move_amount:
                    for (std::size_t l = 0; l < L; ++l) want[l] = x[l] * s.value;
                    take(s, want, taken);
                    for (std::size_t l = 0; l < L; ++l) a[s.target * L + l] += s.target_amount * (taken[l] / s.value);
                    break;
                case Op::Kind::add:
                    for (std::size_t l = 0; l < L; ++l) a[s.target * L + l] += x[l] * s.value;
                    break;
                case Op::Kind::factor_scale:
                case Op::Kind::factor_set: break;
            }
        }
        const std::size_t q = outputs_.size();
        for (std::size_t o = 0; o < q; ++o) {
            const Valued& v = outputs_[o];
            double intensity[L];
            for (std::size_t l = 0; l < L; ++l) intensity[l] = v.intensity;
            for (std::size_t i = v.first; i < v.first + v.count; ++i) {
                const Step& f = factors_[i];
                x_of(f.player, x);
                for (std::size_t l = 0; l < L; ++l) {
                    if (f.kind == Op::Kind::factor_scale) intensity[l] = intensity[l] * (1.0 - x[l] * f.value);
                    else if (f.kind == Op::Kind::factor_set)
                        intensity[l] = intensity[l] + x[l] * f.phase * (f.value - intensity[l]);
                }
            }
            for (std::size_t l = 0; l < lanes; ++l) out[(base + l) * q + o] = a[v.slot * L + l] * intensity[l];
        }
    }
}

}  // namespace klima::plan
