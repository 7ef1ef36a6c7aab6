// The page's files (serve/web/), compiled into the binary by serve/embed.cmake:
// the workbench reads nothing from disk to serve its page.
#pragma once

#include <cstddef>
#include <string_view>

namespace klima::serve {

struct WebAsset {
    std::string_view path;          // "/", "/app.js", …
    std::string_view content_type;  // with charset for text
    std::string_view bytes;
};

// The assets, and how many; index.html is served at "/".
extern const WebAsset kWebAssets[];
extern const std::size_t kWebAssetCount;

}  // namespace klima::serve
