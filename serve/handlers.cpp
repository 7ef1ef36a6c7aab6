#include "handlers.hpp"

#include "klima/api/report.hpp"
#include "klima/api/scenario.hpp"
#include "klima/api/scenario_versions.hpp"
#include "klima/error.hpp"
#include "klima/horizon.hpp"
#include "klima/input_file_cache.hpp"
#include "klima/io/json_limits.hpp"
#include "klima/io/scenario_file.hpp"
#include "klima/plan_inputs.hpp"
#include "klima/report/progress_report.hpp"
#include "klima/report/scenario_report.hpp"
#include "klima/store/read_pool.hpp"

#include <nlohmann/json.hpp>

#include <unistd.h>
#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace fs = std::filesystem;

namespace klima::serve {
namespace {

// An answer's JSON text, compact. A byte that is not UTF-8 (a request path, a header, a file name
// or a store's text can hold one) becomes U+FFFD instead of throwing: found by fuzz_serve_http,
// where a 404 for the path "\xa4api" ended the server.
std::string answer_text(const nlohmann::json& j) {
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

const char* kind_word(ErrorKind k) {
    switch (k) {
        case ErrorKind::usage: return "usage";
        case ErrorKind::input: return "input";
        case ErrorKind::io: return "io";
        case ErrorKind::store: return "store";
        case ErrorKind::internal: break;
    }
    return "internal";
}

Reply from_error(const Error& e) {
    const int status =
        e.kind() == ErrorKind::usage || e.kind() == ErrorKind::input || e.kind() == ErrorKind::io ? 400 : 500;
    nlohmann::json err{{"kind", kind_word(e.kind())},
                       {"file", e.where().file},
                       {"line", e.where().line},
                       {"path", e.where().field},
                       {"problem", e.problem()},
                       {"fix", e.fix()},
                       {"message", format_error(e.where(), e.problem(), e.fix())}};
    return {status, "application/json", answer_text(nlohmann::json{{"error", err}}), {}};
}

std::string read_text(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

// Runs `answer`, turning every exception into a reply: one request's error never reaches the server.
template <class F>
Reply guarded(F&& answer) {
    try {
        return answer();
    } catch (const Error& e) {
        return from_error(e);
    } catch (const std::exception& e) {
        return error_reply(500, "internal", "", e.what(), "report this as a bug in klima");
    }
}

const Reply kNameRefused = error_reply(403, "usage", "name", "not a scenario of the scenarios folder",
                                       "give a file name that GET /api/scenarios lists, such as koege.json");

}  // namespace

Reply error_reply(int status, const std::string& kind, const std::string& field, const std::string& problem,
                  const std::string& fix) {
    nlohmann::json err{{"kind", kind},
                       {"file", ""},
                       {"line", 0},
                       {"path", field},
                       {"problem", problem},
                       {"fix", fix},
                       {"message", format_error({"", 0, field}, problem, fix)}};
    return {status, "application/json", answer_text(nlohmann::json{{"error", err}}), {}};
}

std::string safe_file_name(std::string_view text) {
    std::string out;
    for (const char c : text.substr(0, 64)) {
        const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
        out += safe ? c : '_';
    }
    return out.empty() ? "_" : out;
}

std::string content_disposition(const std::string& file_name) {
    const auto safe = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
               c == '.';
    };
    std::string name;
    for (const char c : file_name) name += safe(c) ? c : '_';
    if (name.empty() || name.front() == '.') name.insert(name.begin(), '_');
    return "attachment; filename=\"" + name + "\"; filename*=UTF-8''" + name;
}

Handlers::Handlers(ServeConfig config, Executor& analysis)
    : config_(std::move(config)),
      sandbox_({config_.data_dir, config_.scenarios_dir}),
      analysis_(&analysis),
      reference_(std::make_shared<ReferenceCache>()),
      input_files_(std::make_shared<InputFileCache>()),
      store_pool_(config_.store ? std::make_shared<store::ReadPool>(*config_.store) : nullptr) {}

Reply Handlers::list_scenarios() const {
    return guarded([&] {
        std::vector<std::string> names;
        for (const auto& entry : fs::directory_iterator(config_.scenarios_dir)) {
            const auto name = entry.path().filename().string();
            if (entry.is_regular_file() && Sandbox::is_plain_json_name(name)) names.push_back(name);
        }
        std::sort(names.begin(), names.end());
        auto out = nlohmann::json::array();
        for (const auto& name : names) {
            const auto path = (fs::path(config_.scenarios_dir) / name).string();
            nlohmann::json item{{"file", name}};
            try {
                const auto spec = io::load_scenario(path);
                item["name"] = spec.name;
                item["municipality"] = spec.municipality;
                item["measures"] = spec.measures.size();
            } catch (const Error& e) {  // listed with its error: the page says what is wrong with it
                item["error"] = format_error(e.where(), e.problem(), e.fix());
            }
            out.push_back(item);
        }
        return Reply{200, "application/json", answer_text(out), {}};
    });
}

Reply Handlers::scenario(const std::string& name) const {
    return guarded([&] {
        const auto path = fs::path(config_.scenarios_dir) / name;
        if (!Sandbox::is_plain_json_name(name) || !sandbox_.contains(path.string())) return kNameRefused;
        if (store_pool_)
            if (auto saved = store_pool_->lend()->scenario_version(name, std::nullopt)) {
                Reply r{200, "application/json", std::move(saved->scenario), {}};
                r.headers = {{"X-Klima-Version", std::to_string(saved->version)}};
                return r;
            }
        if (!fs::is_regular_file(path))
            return error_reply(404, "usage", "name", "no scenario '" + name + "' in the scenarios folder",
                               "give a file name that GET /api/scenarios lists");
        Reply r{200, "application/json", read_text(path), {}};
        r.headers = {{"X-Klima-Version", "0"}};
        return r;
    });
}

namespace {

nlohmann::json version_json(const store::ScenarioVersion& v) {
    return {{"version", v.version},
            {"created_at", v.created_at},
            {"author", v.author},
            {"comment", v.comment},
            {"sha256", v.sha256}};
}

using io::kEditorStateLimits;
// A scenario nests 5 levels (measures, a measure, its effects, an effect, its uptake), its
// uncertainty inputs 6: 16 bounds what an indented layout of a saved scenario can cost.
constexpr std::size_t kScenarioMaxDepth = 16;

const Reply kNoStore = error_reply(400, "usage", "db", "the workbench was started without a store, so it cannot save",
                                   "start klima serve with --db FILE");

}  // namespace

Reply Handlers::versions(const std::string& name) const {
    return guarded([&] {
        if (!Sandbox::is_plain_json_name(name)) return kNameRefused;
        nlohmann::json out{{"store", config_.store.has_value()},
                           {"name", name},
                           {"latest", nullptr},
                           {"versions", nlohmann::json::array()},
                           {"editor_state", nullptr}};
        if (!store_pool_) return Reply{200, "application/json", answer_text(out), {}};
        const auto db = store_pool_->lend();
        const store::Store::ReadTransaction snapshot(*db);  // the list and the latest from one store state
        for (const auto& v : db->scenario_versions(name)) out["versions"].push_back(version_json(v));
        if (const auto latest = db->scenario_version(name, std::nullopt)) {
            out["latest"] = latest->version;
            // A version saved before the limits (or written by another tool) may hold any state: checked
            // before it is parsed, and left out (null) when it is outside them, so the route still answers.
            if (latest->editor_state) {
                try {
                    io::check_json_limits(*latest->editor_state, "editor_state", kEditorStateLimits);
                    out["editor_state"] = nlohmann::json::parse(*latest->editor_state);
                } catch (const std::exception&) {
                    out["editor_state"] = nullptr;
                }
            }
        }
        return Reply{200, "application/json", answer_text(out), {}};
    });
}

namespace {
// The request for the scenario text `body` anchored at scenarios_dir/name, after its input
// files are checked to lie in the sandbox; the parsed scenario goes on with it, so it is parsed once.
std::optional<api::ScenarioRequest> sandboxed_request(const ServeConfig& config, const Sandbox& sandbox,
                                                      const std::shared_ptr<ReferenceCache>& reference,
                                                      const std::shared_ptr<InputFileCache>& input_files,
                                                      const std::shared_ptr<store::ReadPool>& store_pool,
                                                      const std::string& body, const std::string& name,
                                                      Reply& refused) {
    const auto anchor = (fs::path(config.scenarios_dir) / name).string();
    if (!Sandbox::is_plain_json_name(name) || !sandbox.contains(anchor)) {
        refused = kNameRefused;
        return std::nullopt;
    }
    auto parsed = std::make_shared<const ScenarioSpec>(io::parse_scenario(body, anchor));
    const auto& spec = *parsed;
    std::vector<std::pair<std::string, std::string>> files;
    // A national history reads data/national/ of the server's own data directory.
    if (!spec.history.national()) files.emplace_back("/activity", spec.activity_file);
    files.emplace_back("/drivers", spec.drivers_file);
    if (spec.targets_file) files.emplace_back("/targets", *spec.targets_file);
    if (spec.trends_file) files.emplace_back("/trends", *spec.trends_file);
    for (const auto& [field, file] : files)
        if (!sandbox.contains(file)) {
            refused = error_reply(403, "input", field, "'" + file + "' lies outside the data and scenarios folders",
                                  "name a file under the server's data directory or scenarios folder");
            return std::nullopt;
        }
    api::ScenarioRequest r;
    r.scenario_file = anchor;
    r.scenario_json = body;
    r.scenario_spec = std::move(parsed);
    r.data_dir = config.data_dir;
    r.allocation = config.allocation;
    r.store = config.store;
    r.reference_cache = reference;
    r.input_files = input_files;
    r.store_pool = store_pool;
    return r;
}
}  // namespace

Reply Handlers::run(const std::string& body, const std::optional<std::string>& name) const {
    return guarded([&] {
        Reply refused;
        const auto request = sandboxed_request(config_, sandbox_, reference_, input_files_, store_pool_, body,
                                               name.value_or("workbench.json"), refused);
        if (!request) return refused;
        const auto outcome = api::run_scenario(*request);
        auto text = report::render_scenario(outcome.run, *outcome.ref, report::Format::json,
                                            outcome.scope);  // notes the CHP set
        return Reply{200, "application/json", std::move(text), {}};
    });
}

Reply Handlers::save(const std::string& body, const std::string& name) const {
    return guarded([&]() -> Reply {
        if (!config_.store) return kNoStore;
        // The one JSON policy (klima/io/json_limits.hpp) before nlohmann builds anything from the body.
        io::check_json_limits(body, "request body", {config_.max_body_bytes, io::kJsonMaxDepth});
        nlohmann::ordered_json j;
        try {
            j = nlohmann::ordered_json::parse(body);
        } catch (const nlohmann::json::parse_error& e) {
            return error_reply(400, "input", "", std::string("the request is not JSON: ") + e.what(),
                               "send {\"scenario\": {...}, \"comment\": \"...\", \"based_on\": N or null}");
        }
        if (!j.is_object() || !j.contains("scenario") || !j["scenario"].is_object())
            return error_reply(400, "input", "/scenario", "no scenario object in the request",
                               "send the scenario as the value of \"scenario\"");
        if (!j.contains("comment") || !j["comment"].is_string() ||
            j["comment"].get<std::string>().find_first_not_of(" \t\r\n") == std::string::npos)
            return error_reply(400, "input", "/comment", "a saved version needs a comment",
                               "say in a few words what this version changes");
        std::optional<int> based_on;
        if (j.contains("based_on") && !j["based_on"].is_null()) {
            if (!j["based_on"].is_number_integer() || j["based_on"].get<long long>() < 1 ||
                j["based_on"].get<long long>() > 1000000000)
                return error_reply(400, "input", "/based_on", "based_on is not a version number",
                                   "give the version the edit started from, or null for the file");
            based_on = j["based_on"].get<int>();
        }
        std::string author;
        if (j.contains("author")) {
            if (!j["author"].is_string())
                return error_reply(400, "input", "/author", "author is not text", "give a name, or leave it out");
            author = j["author"].get<std::string>();
        }
        std::optional<std::string> editor_state;
        if (j.contains("editor_state") && !j["editor_state"].is_null()) {
            if (!j["editor_state"].is_object())
                return error_reply(400, "input", "/editor_state", "the editor state is not a JSON object",
                                   "send a JSON object, or leave it out");
            editor_state = j["editor_state"].dump();  // compact: linear in the body, whose depth is checked
            try {
                io::check_json_limits(*editor_state, "editor_state", kEditorStateLimits);
            } catch (const Error& e) {
                return error_reply(413, "input", "/editor_state", e.problem(),
                                   "keep the editor state under 512 KiB and 16 levels deep");
            }
        }
        // The scenario is checked in its compact form and run before it is laid out: an indented dump
        // grows with the square of the depth, so only a scenario the engine took, within 16 levels, is.
        const auto compact = j["scenario"].dump();
        try {
            io::check_json_limits(compact, "scenario", {config_.max_body_bytes, kScenarioMaxDepth});
        } catch (const Error& e) {
            return error_reply(400, "input", "/scenario", e.problem(),
                               "no scenario nests this deep; send the scenario as GET /api/scenario gives it");
        }
        Reply refused;
        const auto request =
            sandboxed_request(config_, sandbox_, reference_, input_files_, store_pool_, compact, name, refused);
        if (!request) return refused;
        api::run_scenario(*request);  // a scenario the engine refuses is not saved (400 with its JSON path)
        // The text saved is what `klima db scenario` prints and `klima scenario run` reads: the scenario
        // as sent, keys in their order, laid out with two spaces.
        const auto text = j["scenario"].dump(2) + "\n";
        api::ScenarioSaveRequest save;
        save.store_path = *config_.store;
        save.name = name;
        save.scenario_file = request->scenario_file;
        save.scenario_json = text;
        save.comment = j["comment"].get<std::string>();
        save.author = author;
        save.based_on = based_on;
        save.editor_state = editor_state;
        try {
            const int version = api::save_scenario_version(save);
            return Reply{200, "application/json", answer_text(nlohmann::json{{"version", version}}), {}};
        } catch (const store::ScenarioConflict& e) {
            // Based on a version the store does not hold (none is saved): a conflict without a current version.
            auto out = nlohmann::json::parse(from_error(e).body);
            out["error"]["kind"] = "conflict";
            out["current"] = e.latest() ? version_json(*e.latest()) : nlohmann::json(nullptr);
            return Reply{409, "application/json", answer_text(out), {}};
        }
    });
}

Reply Handlers::report(const std::string& body, const std::optional<std::string>& name, const std::string& format,
                       const std::string& year_text, const std::string& lang_text, const std::string& analysis) const {
    return guarded([&] {
        if (analysis != "0" && analysis != "1")
            return error_reply(400, "usage", "analysis", "analysis must be 1 or 0, not '" + analysis + "'",
                               "give analysis=0 to leave out the Monte Carlo and the MACC");
        // The report formats a browser gets (a page, a download, or data for its scripts).
        static constexpr std::array kWorkbenchReportFormats{report::Format::html, report::Format::xlsx,
                                                            report::Format::json};
        const auto f = report::parse_format(format, kWorkbenchReportFormats, {"", 0, "format"}, "report");
        if (lang_text != "da" && lang_text != "en")
            return error_reply(400, "usage", "lang", "unknown language '" + lang_text + "'", "use da or en");
        // Four digits and nothing else: stoi would skip a leading tab or space ("%092023").
        if (year_text.size() != 4 || year_text.find_first_not_of("0123456789") != std::string::npos)
            return error_reply(400, "usage", "year", "the year is not four digits", "give year=YEAR, such as 2023");
        const int year = std::stoi(year_text);
        if (!in_horizon(year))
            return error_reply(400, "usage", "year", "reporting year " + year_text + " is outside " + horizon_text(),
                               "give a year in that range");
        Reply refused;
        const auto scenario = sandboxed_request(config_, sandbox_, reference_, input_files_, store_pool_, body,
                                                name.value_or("workbench.json"), refused);
        if (!scenario) return refused;
        api::ReportRequest request;
        request.scenario = *scenario;
        request.report_year = year;
        request.analysis = analysis == "1";
        request.executor = analysis_;  // the workbench's one pool
        const auto outcome = api::build_report(request);
        const auto lang = lang_text == "da" ? report::Lang::da : report::Lang::en;
        const auto stem =
            "klima-report-" + safe_file_name(outcome.scenario.run.spec.municipality) + "-" + std::to_string(year);
        if (f == report::Format::xlsx) {
            static std::atomic<unsigned> serial{0};
            const auto tmp = fs::temp_directory_path() /
                             ("klima-serve-" + std::to_string(::getpid()) + "-" + std::to_string(serial++) + ".xlsx");
            report::write_report_xlsx(outcome.data, lang, tmp.string());
            Reply r{200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", read_text(tmp),
                    stem + ".xlsx"};
            fs::remove(tmp);
            return r;
        }
        auto text = report::render_report(outcome.data, f, lang);  // notes the CHP set
        // A download (attachment): sent as bytes, because Debian's cpp-httplib compresses every text/*
        // answer with Brotli at its slowest setting, a second or more for a large report.
        if (f == report::Format::html) return Reply{200, "application/octet-stream", std::move(text), stem + ".html"};
        return Reply{200, "application/json", std::move(text), {}};
    });
}

}  // namespace klima::serve
