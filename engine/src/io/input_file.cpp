#include "klima/io/input_file.hpp"

#include "klima/error.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace klima::io {
namespace {

std::string kind_of(mode_t mode) {
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
    if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
    if (S_ISSOCK(mode)) return "a socket";
    return "not a regular file";
}

// Refuses what is not a regular file of at most `max_bytes`; `st` as stat or fstat gave it.
void check(const std::string& path, const struct stat& st, std::uint64_t max_bytes) {
    if (S_ISDIR(st.st_mode))
        throw Error({path, 0, ""}, "is a directory, not a file", "give the path of a file inside it");
    if (!S_ISREG(st.st_mode))
        throw Error({path, 0, ""}, "is " + kind_of(st.st_mode) + ", not a regular file; klima reads only files",
                    "save the data to a file first and give its path");
    if (static_cast<std::uint64_t>(st.st_size) > max_bytes)
        throw Error({path, 0, ""},
                    "the file is " + byte_size(static_cast<std::uint64_t>(st.st_size)) + ", over the limit of " +
                        byte_size(max_bytes) + " for this kind of file",
                    "check that this is the right file; split a larger data set into several files");
}

[[noreturn]] void cannot_open(const std::string& path, int err) {
    throw Error({path, 0, ""}, std::string("cannot open file: ") + std::strerror(err),
                "check the path; run from the repository root or give an absolute path");
}

}  // namespace

std::string byte_size(std::uint64_t bytes) {
    static const char* units[] = {"bytes", "KiB", "MiB", "GiB", "TiB"};
    if (bytes < 1024) return std::to_string(bytes) + " bytes";
    double v = static_cast<double>(bytes);
    int u = 0;
    while (v >= 1024 && u < 4) {
        v /= 1024;
        ++u;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, v == static_cast<double>(static_cast<std::uint64_t>(v)) ? "%.0f %s" : "%.1f %s", v,
                  units[u]);
    return buf;
}

InputFile::InputFile(const std::string& path, std::uint64_t max_bytes) {
    // stat first, so that a device is never opened (opening one can have effects of its own)
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) cannot_open(path, errno);
    check(path, st, max_bytes);
    // O_NONBLOCK: should the path have become a FIFO since, open returns at once and fstat refuses it
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd_ < 0) cannot_open(path, errno);
    try {
        if (::fstat(fd_, &st) != 0) cannot_open(path, errno);
        check(path, st, max_bytes);
    } catch (...) {
        ::close(fd_);
        throw;
    }
    ::fcntl(fd_, F_SETFL, ::fcntl(fd_, F_GETFL) & ~O_NONBLOCK);
    size_ = static_cast<std::uint64_t>(st.st_size);
}

InputFile::~InputFile() {
    if (fd_ >= 0) ::close(fd_);
}

std::string read_file(const std::string& path, std::uint64_t max_bytes) {
    const InputFile file(path, max_bytes);
    std::string bytes(static_cast<std::size_t>(file.size()), '\0');
    std::size_t have = 0;
    for (;;) {
        if (have == bytes.size()) {
            if (bytes.size() > max_bytes)
                throw Error({path, 0, ""}, "the file grew past the limit of " + byte_size(max_bytes) + " while read",
                            "read it when nothing is writing it");
            bytes.resize(bytes.size() + 65536);  // it grew since fstat: read on, to the limit and one block past
        }
        const ssize_t n = ::read(file.fd(), bytes.data() + have, bytes.size() - have);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0)
            throw Error({path, 0, ""}, std::string("cannot read file: ") + std::strerror(errno),
                        "check that it is a readable regular file");
        if (n == 0) break;
        have += static_cast<std::size_t>(n);
    }
    bytes.resize(have);
    if (have > max_bytes)
        throw Error({path, 0, ""}, "the file grew past the limit of " + byte_size(max_bytes) + " while read",
                    "read it when nothing is writing it");
    return bytes;
}

void check_regular_or_absent(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return;
    if (S_ISDIR(st.st_mode) || !S_ISREG(st.st_mode)) check(path, st, ~std::uint64_t{0});
}

}  // namespace klima::io
