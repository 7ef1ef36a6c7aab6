// Writing an output file so that a failed write leaves the old file whole:
// the bytes go to a temporary file in the same directory, which is flushed to
// disk and renamed over the target only once it is complete (a rename within
// one file system replaces the old file in one step). Knows nothing of what
// the bytes are. Not for concurrent use on one path: two writers race, and the
// last rename wins, but neither leaves a half-written file.
//
// Only a regular file or a new name is ever replaced. Before anything is
// created the path is checked: a symbolic link is written through to the file
// it names (the temporary file goes in that file's folder, the link stays);
// a directory, device, FIFO or socket, a link to one of these or to nothing,
// and a read-only file are refused with an Error of kind io (subject
// output_path) and nothing on disk changes. Just before the rename the target
// is checked again to be the file first seen (or still absent).
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <string_view>

namespace klima::io {

// Writes `bytes` to `path`. Throws klima::Error of kind io naming `path` (a
// missing or unwritable directory, a full disk, a size limit); the old file,
// if any, is then unchanged and no temporary file is left behind. A new file
// gets the mode 0666 less the umask; a replaced file keeps its mode.
void write_file_atomically(const std::string& path, std::string_view bytes);

// The same for writers that need a file name (libxlsxwriter): `write(tmp)`
// must produce the whole file at `tmp`, a new name in the directory of `path`;
// it is then renamed to `path`. When `write` throws, the temporary file is
// removed and the exception passes on.
void replace_file_atomically(const std::string& path, const std::function<void(const std::string& tmp)>& write);

// The same for a writer that streams (report::write_inventory): `write(out)`
// writes the whole file to `out`, a stream on a new temporary file in the
// directory of `path`, which is renamed to `path` once `write` returns and the
// bytes are on disk. When the stream fails (a full disk, a size limit) the
// error is of kind io and names `path`; when `write` throws, that exception
// passes on. Either way the old file is unchanged and no temporary file is left.
void write_file_atomically(const std::string& path, const std::function<void(std::ostream& out)>& write);

}  // namespace klima::io
