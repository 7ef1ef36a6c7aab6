#include "klima/api/status.hpp"

#include "klima/io/csv.hpp"
#include "klima/io/status_file.hpp"
#include "klima/store/store.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>

namespace klima::api {

namespace {

// The municipality's code ("259") from municipality.json beside its activity file; "" when absent.
std::string municipality_code(const std::string& activity_file) {
    const auto meta = std::filesystem::path(activity_file).parent_path() / "municipality.json";
    if (!std::filesystem::exists(meta)) return {};
    const auto j = nlohmann::json::parse(io::read_file(meta.string()), nullptr, false);
    if (!j.is_object() || !j.contains("code") || !j["code"].is_string()) return {};
    return j["code"].get<std::string>();
}

// The statuses the store's current version sees, read in one snapshot.
std::vector<status::ActionStatus> stored_status(const std::optional<std::string>& store_path) {
    if (!store_path)
        throw Error({"", 0, "status"}, "no status file and no store to read the status from",
                    "give a status file, or a store that holds one", ErrorKind::usage);
    const store::Store db(*store_path, store::Open::read_only);
    const store::Store::ReadTransaction snapshot(db);
    const auto cur = db.current();
    auto out = cur ? db.statuses(*cur) : std::vector<status::ActionStatus>{};
    if (out.empty())
        throw Error({*store_path, 0, "status"}, "the store holds no status of actions",
                    "import a status file into the store first (docs/status.md)", ErrorKind::store)
            .about(Subject::store_contents);
    return out;
}

}  // namespace

StatusOutcome build_status(const StatusRequest& request) {
    const auto statuses = request.status_file.empty() ? stored_status(request.report.scenario.store)
                                                      : io::load_status(request.status_file);
    // The catalogue is read when indicator values are given (or it is named).
    std::vector<status::Indicator> catalogue;
    if (request.indicators_file || request.catalogue_file)
        catalogue = io::load_indicator_catalogue(request.catalogue_file.value_or(
            (std::filesystem::path(request.report.scenario.data_dir) / "indicators" / "catalogue.csv").string()));
    const auto values = request.indicators_file ? io::load_indicator_values(*request.indicators_file, catalogue)
                                                : std::vector<status::IndicatorValue>{};
    auto report_request = request.report;
    report_request.analysis = false;
    StatusOutcome out{build_report(report_request), {}, {}};
    const auto& run = out.report.scenario.run;
    out.status =
        status::build_status({run, *out.report.scenario.ref, statuses, catalogue, values}, request.report.report_year);
    out.municipality_code =
        run.spec.history.national() ? run.spec.history.municipality_code : municipality_code(run.spec.activity_file);
    return out;
}

}  // namespace klima::api
