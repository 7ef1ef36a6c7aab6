// report::Format's names and its one parser (klima/report/format.hpp).
#include "klima/report/format.hpp"

#include "render_by_format.hpp"

#include <vector>

namespace klima::report {

namespace {

// At most 40 bytes of `text` for an error message, not cutting a UTF-8 character in two.
std::string echoed(std::string_view text) {
    constexpr std::size_t kMax = 40;
    if (text.size() <= kMax) return std::string(text);
    std::size_t end = kMax;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return std::string(text.substr(0, end)) + "…";
}

}  // namespace

std::string_view format_name(Format format) {
    switch (format) {
        case Format::table: return "table";
        case Format::md: return "md";
        case Format::csv: return "csv";
        case Format::json: return "json";
        case Format::html: return "html";
        case Format::xlsx: break;
    }
    return "xlsx";
}

std::string format_names(Formats formats, std::span<const std::string_view> more) {
    std::vector<std::string_view> words;
    for (const auto f : formats) words.push_back(format_name(f));
    words.insert(words.end(), more.begin(), more.end());
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i)
        out.append(i == 0 ? "" : i + 1 == words.size() ? " or " : ", ").append(words[i]);
    return out;
}

Format parse_format(std::string_view text, Formats supported, const Location& where, std::string_view kind,
                    std::span<const std::string_view> more) {
    for (const auto f : supported)
        if (format_name(f) == text) return f;
    std::string problem = "unknown ";
    if (!kind.empty()) problem.append(kind).append(" ");
    problem.append("format '").append(echoed(text)).append("'");
    throw Error(where, problem, "use " + format_names(supported, more), ErrorKind::usage);
}

void require_format(Format format, Formats made, std::string_view what) {
    if (makes(made, format)) return;
    throw Error({}, std::string(what) + " is not made as " + std::string(format_name(format)),
                "give " + format_names(made), ErrorKind::usage);
}

}  // namespace klima::report
