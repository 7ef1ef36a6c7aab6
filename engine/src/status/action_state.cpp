#include "klima/status/action_status.hpp"

#include <cctype>

namespace klima::status {
namespace {

struct Words {
    ActionState state;
    std::string_view da, en;
};
constexpr std::array<Words, 6> kWords{{
    {ActionState::not_started, "ikke påbegyndt", "not started"},
    {ActionState::in_progress, "igangsat", "in progress"},
    {ActionState::completed, "gennemført", "completed"},
    {ActionState::delayed, "forsinket", "delayed"},
    {ActionState::abandoned, "opgivet", "abandoned"},
    {ActionState::ongoing, "løbende", "ongoing"},
}};

// ASCII lower case, '_' as a space, surrounding spaces dropped.
std::string normalised(std::string_view w) {
    while (!w.empty() && w.front() == ' ') w.remove_prefix(1);
    while (!w.empty() && w.back() == ' ') w.remove_suffix(1);
    std::string out;
    for (char c : w) out += c == '_' ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace

std::string_view name_da(ActionState s) { return kWords.at(static_cast<std::size_t>(s)).da; }
std::string_view name_en(ActionState s) { return kWords.at(static_cast<std::size_t>(s)).en; }

std::optional<ActionState> parse_action_state(std::string_view word) {
    const auto w = normalised(word);
    for (const auto& x : kWords)
        if (w == x.da || w == x.en) return x.state;
    return std::nullopt;
}

std::string action_state_words() {
    std::string out;
    for (const auto& x : kWords) out += (out.empty() ? "" : ", ") + std::string(x.da);
    for (const auto& x : kWords) out += ", " + std::string(x.en);
    return out;
}

}  // namespace klima::status
