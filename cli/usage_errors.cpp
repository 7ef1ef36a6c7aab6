#include "usage_errors.hpp"

#include <CLI/CLI.hpp>

namespace klima::cli {
namespace {

// "klima db import" for the command `app`.
std::string command_path(const CLI::App& app) {
    return app.get_parent() ? command_path(*app.get_parent()) + " " + app.get_name() : app.get_name();
}

// The commands on the way to the deepest one the line reached, outermost first.
std::vector<CLI::App*> reached(CLI::App& root) {
    std::vector<CLI::App*> chain{&root};
    while (!chain.back()->get_subcommands().empty()) chain.push_back(chain.back()->get_subcommands().front());
    return chain;
}

std::string subcommand_names(CLI::App& app) {
    std::string out;
    for (const auto* s : app.get_subcommands({})) out.append(out.empty() ? "" : ", ").append(s->get_name());
    return out;
}

std::string option_names(const CLI::App& app) {
    std::string out;
    for (const auto* o : app.get_options())
        if (o->nonpositional() && o->get_name() != "--help") out.append(out.empty() ? "" : " ").append(o->get_name());
    return out;
}

std::string see_help(const CLI::App& app) { return "see " + command_path(app) + " --help"; }

// "klima db diff V1 V2": the command with its arguments.
std::string with_arguments(const CLI::App& app) {
    std::string out = command_path(app);
    for (const auto* o : app.get_options())
        if (o->get_positional()) out.append(" ").append(o->get_name());
    return out;
}

// What `app` lacks when CLI11 says something is required; `otherwise` when nothing is found.
UsageError missing(CLI::App& app, const std::string& otherwise) {
    if (!app.get_subcommands({}).empty() && !app.get_parent())
        return UsageError({}, "no command given", "use one of " + subcommand_names(app) + "; " + see_help(app));
    if (!app.get_subcommands({}).empty())
        return UsageError({"", 0, app.get_name()}, app.get_name() + " needs a subcommand",
                          "use one of " + subcommand_names(app) + "; " + see_help(app));
    for (const auto* o : app.get_options()) {
        if (!o->get_required() || o->count() > 0) continue;
        if (o->nonpositional())
            return UsageError({"", 0, o->get_name()}, "missing option",
                              "write " + o->get_name() + " " + o->get_type_name() + ": " + o->get_description());
        return UsageError({"", 0, o->get_name()}, "missing argument " + o->get_name() + ": " + o->get_description(),
                          "write " + with_arguments(app) + "; " + see_help(app));
    }
    return UsageError({}, otherwise, see_help(app));
}

// A word the command does not take: an unknown option, command or extra argument.
UsageError not_taken(CLI::App& app, const std::string& word) {
    const bool option = word.rfind("-", 0) == 0;
    if (!app.get_subcommands({}).empty()) {  // a group: options belong to its commands
        if (option) return missing(app, "");
        if (!app.get_parent())
            return UsageError({}, "unknown command '" + word + "'", "use one of " + subcommand_names(app));
        return UsageError({"", 0, app.get_name()}, "unknown " + app.get_name() + " subcommand '" + word + "'",
                          "use " + subcommand_names(app) + "; " + see_help(app));
    }
    if (option) {
        const auto known = option_names(app);
        return UsageError({"", 0, word}, "unknown option",
                          known.empty() ? "this command takes no options; " + see_help(app) : "use one of " + known);
    }
    return UsageError({"", 0, word}, "unexpected argument", see_help(app));
}

}  // namespace

UsageError usage_error(const CLI::ParseError& e, CLI::App& root) {
    const auto chain = reached(root);
    // A word no command took explains the failure best, whatever CLI11 noticed first.
    for (auto* app : chain)
        if (const auto rest = app->remaining(); !rest.empty()) return not_taken(*app, rest.front());
    auto& app = *chain.back();
    if (dynamic_cast<const CLI::RequiredError*>(&e)) return missing(app, e.what());
    if (dynamic_cast<const CLI::ArgumentMismatch*>(&e)) {
        // CLI11 starts the message with the option's name: "--year: 1 required TEXT missing".
        const std::string what = e.what();
        const auto name = what.substr(0, what.find(':'));
        if (const auto* o = app.get_option_no_throw(name))
            return UsageError({"", 0, name}, "option needs a value", "write " + name + " " + o->get_type_name());
    }
    return UsageError({}, e.what(), see_help(app));
}

}  // namespace klima::cli
