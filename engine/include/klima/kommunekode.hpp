// The kommunekode as data/national/municipalities.csv writes it: four digits with the leading zero.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace klima {

// "259" and "0259" name one municipality: a spreadsheet or municipality.json drops the leading zero.
// One to four digits, padded to four; nullopt for anything else (empty, a letter, five digits).
inline std::optional<std::string> padded_kommunekode(std::string_view s) {
    if (s.empty() || s.size() > 4 || s.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
    return std::string(4 - s.size(), '0') + std::string(s);
}

}  // namespace klima
