// A regular file's bytes mapped read-only, so that the pages already parsed
// can be given back (release_before) while the rest is read: a large file then
// never sits whole in memory beside what is made of it. Private to
// engine/src/io. A file truncated by another program while it is mapped would
// stop klima with SIGBUS, as with any mapped file.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace klima::io {

class MappedFile {
public:
    // Throws as InputFile does (missing, not a regular file, over
    // kMaxDataFileBytes). Empty (mapped() false) when the file is empty or
    // mmap fails; the caller then reads it with read_file.
    explicit MappedFile(const std::string& path);
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    ~MappedFile();

    bool mapped() const { return data_ != nullptr; }
    std::string_view text() const { return {data_, size_}; }
    // Gives back the whole pages before `p` (a position in text()), a few MiB
    // at a time; a page given back is read again from the file when touched.
    void release_before(const char* p);
    void release_all();

private:
    const char* data_ = nullptr;
    std::size_t size_ = 0;
    std::size_t released_ = 0;
};

}  // namespace klima::io
