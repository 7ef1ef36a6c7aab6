// Joining a range into one line of text ("energi, transport, landbrug"), as
// error messages do when they list the values that would have been accepted.
#pragma once

#include <string>
#include <string_view>

namespace klima {

// Each item is turned into text by `text`; `sep` goes between items.
template <class Range, class Text>
std::string join(const Range& items, std::string_view sep, Text text) {
    std::string out;
    bool first = true;
    for (const auto& item : items) {
        if (!first) out.append(sep);
        out.append(text(item));
        first = false;
    }
    return out;
}

template <class Range>
std::string join(const Range& items, std::string_view sep) {
    return join(items, sep, [](const auto& item) { return std::string(item); });
}

}  // namespace klima
