// compute_status (klima/national/national_status.hpp): every municipality's figures, forecasts,
// yardsticks, target check, bootstrap and ranks, and the national sums.
#include "klima/national/national_status.hpp"

#include "klima/error.hpp"
#include "national_bootstrap.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <thread>

namespace klima::national {

namespace {

double t(units::Mass m) { return m.value() / 1000.0; }

std::optional<std::size_t> year_index(const NationalData& d, int year) {
    const auto it = std::find(d.years.begin(), d.years.end(), year);
    if (it == d.years.end()) return std::nullopt;
    return static_cast<std::size_t>(it - d.years.begin());
}

void check(const NationalParams& p) {
    if (p.draws < 1 || p.draws > kMaxDraws)
        throw Error({"", 0, "draws"},
                    "draws must be 1–" + std::to_string(kMaxDraws) + ", not " + std::to_string(p.draws),
                    "give e.g. " + std::to_string(kDefaultDraws), ErrorKind::usage)
            .about(Subject::request);
    if (p.threads < 0 || p.threads > 256)
        throw Error({"", 0, "threads"}, "threads must be 0–256", "give 0 for the hardware's count", ErrorKind::usage)
            .about(Subject::request);
}

TargetCheck check_target(const NationalData& d, std::size_t m, const TargetSet& set) {
    TargetCheck c;
    const int last = d.years.back();
    const auto it = std::find_if(set.interim.begin(), set.interim.end(), [&](const auto& i) { return i.year > last; });
    if (it == set.interim.end()) return c;  // no target after the data: nothing to be on track for
    c.on_file = true;
    c.file = set.file;
    c.plan = set.name;
    c.year = it->year;
    c.reduction = it->reduction;
    c.against_year = it->against_year;
    const auto base = year_index(d, it->against_year);
    c.base_year_used = base ? it->against_year : d.years.front();
    c.level = d.figures[m][base ? *base : 0].total * (1.0 - it->reduction.value());
    return c;
}

// 1-based rank of `m` by latest per inhabitant (lowest first) among `group`.
int rank_in(const NationalData& d, const std::vector<std::size_t>& group, std::size_t m) {
    const auto key = [&](std::size_t i) { return d.figures[i].back().per_inhabitant.value(); };
    int r = 1;
    for (const auto i : group)
        if (key(i) < key(m) || (key(i) == key(m) && i < m)) ++r;
    return r;
}

}  // namespace

NationalStatus compute_status(NationalData data, const std::vector<TargetSet>& targets, const NationalParams& params) {
    check(params);  // before a thread starts
    const std::size_t wanted =
        params.threads > 0 ? static_cast<std::size_t>(params.threads) : std::thread::hardware_concurrency();
    ThreadPool pool(
        static_cast<int>(std::clamp<std::size_t>(wanted, 1, std::max<std::size_t>(1, data.municipalities.size()))));
    return compute_status(std::move(data), targets, params, pool);
}

NationalStatus compute_status(NationalData data, const std::vector<TargetSet>& targets, const NationalParams& params,
                              Executor& executor) {
    check(params);
    NationalStatus s;
    s.data = std::move(data);
    s.params = params;
    const auto& d = s.data;
    const std::size_t n = d.municipalities.size(), ny = d.years.size();
    const int last = d.years.back(), fy = params.forecast_year;

    std::map<std::string, const TargetSet*> by_code;
    for (const auto& set : targets) by_code[set.municipality_code] = &set;

    double grand = 0;
    for (std::size_t m = 0; m < n; ++m)
        for (const auto& f : d.figures[m]) grand += t(f.total);

    s.municipalities.resize(n);
    for (std::size_t m = 0; m < n; ++m) {
        auto& ms = s.municipalities[m];
        const auto& fig = d.figures[m];
        ms.index = m;
        std::vector<units::Mass> totals;
        double own = 0;
        for (const auto& f : fig) {
            ms.population.push_back(units::count((f.total / f.per_inhabitant).value()));
            totals.push_back(f.total);
            own += t(f.total);
        }
        ms.change = fig.back().total - fig.front().total;
        if (t(fig.front().total) > 0) ms.change_share = units::ratio((ms.change / fig.front().total).value());
        ms.trend = fit_linear(d.years, totals);
        for (std::size_t f = 0; f < kForecasts.size(); ++f)
            ms.forecast[f] = forecast_at(d, m, kForecasts[f], params, fy);
        if (t(ms.trend.per_year) < 0) {
            // at(y) ≤ 0 from y* = mean_year − at_mean ÷ per_year on; the first whole year.
            const double y0 = ms.trend.mean_year - t(ms.trend.at_mean) / t(ms.trend.per_year);
            ms.zero_year = static_cast<int>(std::ceil(y0 - 1e-9));
        }
        ms.carbon_law = fig.back().total * std::pow(1.0 - params.carbon_law_rate, fy - last);
        ms.budget_share = units::ratio(grand != 0 ? own / grand : 0);
        ms.budget = params.national_budget * ms.budget_share.value();
        if (t(ms.budget) > 0) {
            double used = 0;
            const double floor = std::min(0.0, t(fig.back().total));
            for (int y = params.budget_from; y <= 2100 && !ms.budget_runout; ++y) {
                used += std::max(floor, t(ms.trend.at(y)));
                if (used > t(ms.budget)) ms.budget_runout = y;
            }
        }
        if (const auto it = by_code.find(d.municipalities[m].code); it != by_code.end())
            ms.target = check_target(d, m, *it->second);
    }

    // The bootstrap, one municipality a task.
    run_each(executor, n, [&](std::size_t m) {
        auto& ms = s.municipalities[m];
        std::vector<double> totals;
        for (const auto& f : d.figures[m]) totals.push_back(t(f.total));
        const int year = ms.target.on_file ? ms.target.year : fy;
        const double level = ms.target.on_file ? t(ms.target.level) : 0;
        const auto r = bootstrap_one(d.years, totals, std::min(0.0, totals.back()), fy, level, params.draws,
                                     params.seed * 1000003ULL + m);
        ms.mc = {units::tonnes(r.p5), units::tonnes(r.p50), units::tonnes(r.p95)};
        if (ms.target.on_file) {
            ms.target.probability = year == fy ? r.below
                                               : bootstrap_one(d.years, totals, std::min(0.0, totals.back()), year,
                                                               level, params.draws, params.seed * 1000003ULL + m)
                                                     .below;
        }
    });

    for (std::size_t m = 0; m < n; ++m) {
        auto& ms = s.municipalities[m];
        if (!ms.target.on_file) continue;
        for (std::size_t f = 0; f < kForecasts.size(); ++f)
            ms.target.on_track[f] = forecast_at(d, m, kForecasts[f], params, ms.target.year) <= ms.target.level;
    }

    // Ranks: in the region, and among the ≤ 21 nearest in latest population.
    std::vector<std::size_t> by_population(n);
    std::iota(by_population.begin(), by_population.end(), 0);
    std::sort(by_population.begin(), by_population.end(), [&](std::size_t a, std::size_t b) {
        return s.municipalities[a].population.back().value() < s.municipalities[b].population.back().value();
    });
    for (std::size_t pos = 0; pos < n; ++pos) {
        const auto m = by_population[pos];
        std::vector<std::size_t> region, similar;
        for (std::size_t i = 0; i < n; ++i)
            if (d.municipalities[i].region_code == d.municipalities[m].region_code) region.push_back(i);
        const std::size_t width = std::min<std::size_t>(21, n);
        const std::size_t start = std::min(pos >= 10 ? pos - 10 : 0, n - width);
        similar.assign(by_population.begin() + static_cast<long>(start),
                       by_population.begin() + static_cast<long>(start + width));
        auto& ms = s.municipalities[m];
        ms.rank_region = rank_in(d, region, m);
        ms.region_size = static_cast<int>(region.size());
        ms.rank_similar = rank_in(d, similar, m);
        ms.similar_size = static_cast<int>(similar.size());
    }

    auto& nat = s.national;
    nat.total.assign(ny, units::tonnes(0));
    nat.sectors.assign(ny, {});
    for (std::size_t m = 0; m < n; ++m) {
        const auto& ms = s.municipalities[m];
        for (std::size_t y = 0; y < ny; ++y) {
            nat.total[y] += d.figures[m][y].total;
            for (std::size_t k = 0; k < kSectorCount; ++k) nat.sectors[y][k] += d.figures[m][y].sectors[k];
        }
        for (std::size_t f = 0; f < kForecasts.size(); ++f) {
            nat.forecast[f] += ms.forecast[f];
            if (ms.forecast[f] <= ms.carbon_law) ++nat.below_carbon_law[f];
            if (ms.target.on_file && ms.target.on_track[f]) ++nat.on_track[f];
        }
        if (ms.target.on_file) ++nat.with_target;
    }
    return s;
}

}  // namespace klima::national
