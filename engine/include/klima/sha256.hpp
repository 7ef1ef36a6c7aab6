// SHA-256 (FIPS 180-4, computed by OpenSSL's libcrypto) of a byte string, as
// 64 lowercase hex digits. Used by the store to recognise a file it has
// already imported. Throws klima::Error (internal) if libcrypto fails.
#pragma once

#include <string>
#include <string_view>

namespace klima {

std::string sha256_hex(std::string_view bytes);

}  // namespace klima
