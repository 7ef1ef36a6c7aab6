#include "klima/sha256.hpp"

#include "klima/error.hpp"

#include <openssl/evp.h>

namespace klima {

// OpenSSL's libcrypto (Debian libssl-dev), not a hand-written digest.
std::string sha256_hex(std::string_view bytes) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr) != 1)
        throw Error({}, "SHA-256 could not be computed (libcrypto failed)", "report this as a bug",
                    ErrorKind::internal);
    static const char* hex = "0123456789abcdef";
    std::string out;
    out.reserve(2 * length);
    for (unsigned int i = 0; i < length; ++i) {
        out.push_back(hex[digest[i] >> 4]);
        out.push_back(hex[digest[i] & 0x0f]);
    }
    return out;
}

}  // namespace klima
