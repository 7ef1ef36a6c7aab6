#include "mapped_file.hpp"

#include "klima/io/input_file.hpp"

#include <sys/mman.h>
#include <unistd.h>

namespace klima::io {

MappedFile::MappedFile(const std::string& path) {
    const InputFile file(path, kMaxDataFileBytes);  // a regular file within the limit, or an Error
    if (file.size() == 0) return;
    void* p = ::mmap(nullptr, static_cast<std::size_t>(file.size()), PROT_READ, MAP_PRIVATE, file.fd(), 0);
    if (p != MAP_FAILED) {
        data_ = static_cast<const char*>(p);
        size_ = static_cast<std::size_t>(file.size());
    }
}

MappedFile::~MappedFile() {
    if (data_) ::munmap(const_cast<char*>(data_), size_);
}

void MappedFile::release_before(const char* p) {
    if (!data_ || p < data_ || p > data_ + size_) return;
    static const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    const std::size_t upto = static_cast<std::size_t>(p - data_) / page * page;
    if (upto < released_ + (std::size_t{4} << 20)) return;  // a few MiB at a time: few system calls
    ::madvise(const_cast<char*>(data_) + released_, upto - released_, MADV_DONTNEED);
    released_ = upto;
}

void MappedFile::release_all() {
    if (data_) ::madvise(const_cast<char*>(data_), size_, MADV_DONTNEED);
}

}  // namespace klima::io
