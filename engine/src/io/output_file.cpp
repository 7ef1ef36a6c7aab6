#include "klima/io/output_file.hpp"

#include "klima/error.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <streambuf>

namespace klima::io {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail(const std::string& path, const std::string& what, int err) {
    throw Error({path, 0, ""}, what + ": " + std::strerror(err),
                "check that the directory exists, is writable and has free space; any old file is unchanged",
                ErrorKind::io);
}

[[noreturn]] void refuse(const std::string& path, const std::string& what, const std::string& fix) {
    throw Error({path, 0, ""}, what + "; klima wrote nothing", fix, ErrorKind::io).about(Subject::output_path);
}

std::string what_it_is(mode_t mode) {
    if (S_ISDIR(mode)) return "a directory";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
    if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
    if (S_ISSOCK(mode)) return "a socket";
    return "not a regular file";
}

// Where the bytes for `path` go, checked before anything is created: `path`
// itself when it is new or a writable regular file; the file a symbolic link
// names (written through, in that file's folder); refused (nothing written)
// for a directory, device, FIFO, socket, a link that leads to one or to
// nothing, and a read-only file. `seen` gets what lstat found there, for the
// check just before the rename.
std::string checked_target(const std::string& path, struct stat& seen, bool& existed) {
    std::string target = path;
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) {
        if (errno != ENOENT) fail(path, "cannot look at the output path", errno);
        existed = false;
        return target;
    }
    if (S_ISLNK(st.st_mode)) {
        char* resolved = ::realpath(path.c_str(), nullptr);
        if (!resolved)
            refuse(path, std::string("is a symbolic link that leads nowhere usable (") + std::strerror(errno) + ")",
                   "give the path of the file itself, or a new file name");
        target = resolved;
        std::free(resolved);
        if (::lstat(target.c_str(), &st) != 0) fail(path, "cannot look at the file the link names", errno);
    }
    const std::string named = target == path ? std::string() : " (the link names " + target + ")";
    if (!S_ISREG(st.st_mode))
        refuse(path, "is " + what_it_is(st.st_mode) + named + ", not a regular file",
               "give the path of a regular file to replace, or a new file name");
    if ((st.st_mode & 0222) == 0 || ::access(target.c_str(), W_OK) != 0)
        refuse(path, "is a read-only file" + named,
               "choose another file name, or make the file writable (chmod u+w) if it may be replaced");
    seen = st;
    existed = true;
    return target;
}

// Just before the rename: the target is still what checked_target saw (or still absent).
void check_unchanged(const std::string& path, const std::string& target, const struct stat& seen, bool existed) {
    struct stat now {};
    const bool exists = ::lstat(target.c_str(), &now) == 0;
    if (exists != existed || (exists && (now.st_dev != seen.st_dev || now.st_ino != seen.st_ino)))
        refuse(path, "changed while klima was writing it (another program replaced it)",
               "write again when nothing else writes this path");
}

std::string directory_of(const std::string& path) {
    const auto dir = fs::path(path).parent_path();
    return dir.empty() ? std::string(".") : dir.string();
}

// The mode the finished file gets: the old file's, else 0666 less the umask.
mode_t mode_for(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode)) return st.st_mode & 07777;
    const mode_t mask = ::umask(0);  // reading the umask means setting it; put it back at once
    ::umask(mask);
    return 0666 & ~mask;
}

// A new, empty temporary file beside `path`: ".NAME.tmp-XXXXXX". Returns its open descriptor.
int make_temp(const std::string& path, std::string& tmp) {
    std::string name = ".";  // appended, not concatenated: GCC 12 raises a false -Wrestrict on "." + s + "…"
    name.append(fs::path(path).filename().string()).append(".tmp-XXXXXX");
    tmp = (fs::path(directory_of(path)) / name).string();
    const int fd = ::mkstemp(tmp.data());
    if (fd < 0) fail(path, "cannot create a temporary file in " + directory_of(path), errno);
    return fd;
}

// An output as checked_target found it: the path given, and the file written.
struct Output {
    std::string path;    // as the caller gave it, for errors
    std::string target;  // the regular file (or new name) that is replaced
    struct stat seen {};
    bool existed = false;

    explicit Output(const std::string& p) : path(p) { target = checked_target(p, seen, existed); }
};

// Flush `tmp` to disk with the final mode, and rename it to the target; removes `tmp` on failure.
void finish(int fd, const std::string& tmp, const Output& out) {
    const std::string& path = out.target;
    int err = 0;
    if (::fchmod(fd, mode_for(path)) != 0 || ::fsync(fd) != 0) err = errno;
    if (::close(fd) != 0 && err == 0) err = errno;
    try {
        if (err == 0) check_unchanged(out.path, out.target, out.seen, out.existed);
    } catch (...) {
        ::unlink(tmp.c_str());
        throw;
    }
    if (err == 0 && ::rename(tmp.c_str(), path.c_str()) != 0) err = errno;
    if (err != 0) {
        ::unlink(tmp.c_str());
        fail(out.path, "cannot write the file", err);
    }
    // the rename itself survives a crash once the directory is on disk
    if (const int dir = ::open(directory_of(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
}

// A stream buffer on a file descriptor that remembers the first write error.
class FdBuffer : public std::streambuf {
public:
    explicit FdBuffer(int fd) : fd_(fd) { setp(buf_, buf_ + sizeof buf_); }
    int error() const { return err_; }

protected:
    int_type overflow(int_type c) override {
        if (!drain()) return traits_type::eof();
        if (!traits_type::eq_int_type(c, traits_type::eof())) {
            *pptr() = traits_type::to_char_type(c);
            pbump(1);
        }
        return traits_type::not_eof(c);
    }
    int sync() override { return drain() ? 0 : -1; }

private:
    bool drain() {
        const char* p = pbase();
        while (err_ == 0 && p < pptr()) {
            const ssize_t n = ::write(fd_, p, static_cast<std::size_t>(pptr() - p));
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) err_ = n < 0 ? errno : EIO;
            else p += n;
        }
        setp(buf_, buf_ + sizeof buf_);
        return err_ == 0;
    }

    int fd_;
    int err_ = 0;
    char buf_[1 << 16];
};

}  // namespace

void write_file_atomically(const std::string& path, const std::function<void(std::ostream& out)>& write) {
    const Output target(path);
    std::string tmp;
    const int fd = make_temp(target.target, tmp);
    const auto give_up = [&] {
        ::close(fd);
        ::unlink(tmp.c_str());
    };
    FdBuffer buffer(fd);
    std::ostream out(&buffer);
    try {
        write(out);
        out.flush();
    } catch (const Error& e) {
        give_up();
        if (buffer.error() != 0) fail(path, "cannot write the file", buffer.error());  // the stream failed
        throw;
    } catch (...) {
        give_up();
        throw;
    }
    if (buffer.error() != 0 || !out) {
        const int err = buffer.error() != 0 ? buffer.error() : EIO;
        give_up();
        fail(path, "cannot write the file", err);
    }
    finish(fd, tmp, target);
}

void write_file_atomically(const std::string& path, std::string_view bytes) {
    const Output target(path);
    std::string tmp;
    const int fd = make_temp(target.target, tmp);
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const int err = n < 0 ? errno : EIO;
            ::close(fd);
            ::unlink(tmp.c_str());
            fail(path, "cannot write the file", err);
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    finish(fd, tmp, target);
}

void replace_file_atomically(const std::string& path, const std::function<void(const std::string& tmp)>& write) {
    const Output target(path);
    std::string tmp;
    ::close(make_temp(target.target, tmp));
    try {
        write(tmp);
    } catch (...) {
        ::unlink(tmp.c_str());
        throw;
    }
    const int fd = ::open(tmp.c_str(), O_RDONLY);
    if (fd < 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        fail(path, "cannot reopen the file just written", err);
    }
    finish(fd, tmp, target);
}

}  // namespace klima::io
