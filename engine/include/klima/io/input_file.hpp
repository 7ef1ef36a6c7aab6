// Opening a file klima reads, the one way every reader does it: only a regular
// file (a symbolic link is followed to one) of at most a stated size. A
// device (/dev/zero), a FIFO, a socket or a directory is refused with the path
// and a fix, and a FIFO is refused without blocking: it is opened with
// O_NONBLOCK and checked with fstat before a byte is read. Knows nothing of
// what the bytes are.
#pragma once

#include <cstdint>
#include <string>

namespace klima::io {

// CSV data files (activity, factors) and the default for read_file: 1 GiB.
// A CSV file is mapped and streamed, so memory stays well below its size.
inline constexpr std::uint64_t kMaxDataFileBytes = std::uint64_t{1} << 30;
// .xlsx workbooks: 256 MiB (compressed; xlsx_reader.cpp bounds what they inflate to).
inline constexpr std::uint64_t kMaxWorkbookBytes = std::uint64_t{256} << 20;
// JSON files (scenarios, targets, impact proposals, uncertainty files,
// municipality.json, activity JSON): 64 MiB. A JSON document in memory
// takes several times its text, so this limit is the lower one.
inline constexpr std::uint64_t kMaxJsonFileBytes = std::uint64_t{64} << 20;

// An open descriptor on a regular file of at most `max_bytes`, closed on
// destruction. Throws klima::Error of kind input naming `path` when the path
// is missing, unreadable, a directory, not a regular file (or a link to
// one that is not), or larger than `max_bytes`.
class InputFile {
public:
    InputFile(const std::string& path, std::uint64_t max_bytes);
    InputFile(const InputFile&) = delete;
    InputFile& operator=(const InputFile&) = delete;
    ~InputFile();

    int fd() const { return fd_; }
    std::uint64_t size() const { return size_; }  // at open; the file may still change

private:
    int fd_ = -1;
    std::uint64_t size_ = 0;
};

// The bytes of a regular file of at most `max_bytes`, read through
// InputFile; a file that grows past the limit while it is read is refused too.
std::string read_file(const std::string& path, std::uint64_t max_bytes = kMaxDataFileBytes);

// For a path another library opens (SQLite): throws as InputFile does when
// `path` exists but is not a regular file, without opening it; a missing path
// passes (the caller decides whether it may be created).
void check_regular_or_absent(const std::string& path);

// "1 GiB", "64 MiB", "3.2 MiB": a byte count for an error message.
std::string byte_size(std::uint64_t bytes);

}  // namespace klima::io
