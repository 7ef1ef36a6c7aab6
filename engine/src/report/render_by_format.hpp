// The one tail of every renderer (private to engine/src/report): the renderer gives one case per
// format of its declared list (`on<Format::md>(callable)`), and render_by_format runs the one
// `format` names. That the cases are exactly the list is checked at compile time, as a switch over
// a renderer's own enum was; a format outside the list is refused before any case runs, so nothing
// is computed, streamed or written for it.
#pragma once

#include "klima/report/format.hpp"

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace klima::report {

// The case of format F: `make` renders it (returns the text, or writes it and returns nothing).
template <Format F, class Make>
struct FormatCase {
    Make make;
};
template <Format F, class Make>
FormatCase<F, Make> on(Make make) {
    return {std::move(make)};
}

// The case of a binary format no text renderer makes (xlsx): throws Error (internal) naming
// `writer`, the function that writes it to a file.
inline auto written_by(std::string_view writer) {
    return [writer]() -> std::string {
        throw Error({}, std::string(format_name(Format::xlsx)) + " is a binary workbook, not text",
                    "write it to a file with " + std::string(writer), ErrorKind::internal);
    };
}

// Throws Error of kind usage unless `made` holds `format`: "<what> is not made as <format>", with
// the formats that are.
void require_format(Format format, Formats made, std::string_view what);

namespace detail {
// Whether `cases` holds each format of `made` once and nothing else.
template <std::size_t N, std::size_t M>
constexpr bool cases_match(const std::array<Format, N>& made, const std::array<Format, M>& cases) {
    if (N != M) return false;
    for (const auto f : made) {
        std::size_t n = 0;
        for (const auto c : cases) n += c == f ? 1 : 0;
        if (n != 1) return false;
    }
    return true;
}
}  // namespace detail

// `what` names the output for the refusal ("the inventory"); `Made` is the renderer's list.
template <const auto& Made, Format... F, class... Make>
auto render_by_format(Format format, std::string_view what, FormatCase<F, Make>... cases) {
    static_assert(detail::cases_match(Made, std::array<Format, sizeof...(F)>{F...}),
                  "a renderer gives one case for each format of its list, and no other");
    require_format(format, Made, what);
    using Result = std::common_type_t<std::invoke_result_t<Make&>...>;
    if constexpr (std::is_void_v<Result>) {
        (void)((format == F && (cases.make(), true)) || ...);
    } else {
        Result out{};
        (void)((format == F && (out = cases.make(), true)) || ...);
        return out;
    }
}

}  // namespace klima::report
