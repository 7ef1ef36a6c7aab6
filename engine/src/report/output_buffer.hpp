// Text for an output stream, gathered in a buffer of about 64 KiB and handed
// on whenever it fills, so that a renderer can stream an output of any size
// with few writes; or, for a renderer whose whole output is one string anyway
// (the workbench's answer), gathered straight into that string, with no stream
// and no copy. Private to engine/src/report. Not for concurrent use.
#pragma once

#include "klima/error.hpp"

#include <ostream>
#include <string>

namespace klima::report {

class OutputBuffer {
public:
    // Writes to `out`, which must outlive the buffer.
    explicit OutputBuffer(std::ostream& out) : out_(&out), text_(own_) { own_.reserve(kFlushAt + 4096); }
    // Appends everything to `into`, which must outlive the buffer; nothing is handed on and
    // flush() does nothing. Reserve `into` beforehand when its size can be foreseen.
    explicit OutputBuffer(std::string& into) : out_(nullptr), text_(into) {}
    OutputBuffer(const OutputBuffer&) = delete;
    OutputBuffer& operator=(const OutputBuffer&) = delete;

    // Append here, then call maybe_flush() now and then.
    std::string& text() { return text_; }
    void maybe_flush() {
        if (out_ && text_.size() >= kFlushAt) flush();
    }
    // Hands the text to the stream. Throws klima::Error of kind io when the
    // stream has failed; what reached the stream before stays there.
    void flush() {
        if (!out_) return;
        if (!text_.empty()) out_->write(text_.data(), static_cast<std::streamsize>(text_.size()));
        text_.clear();
        if (!*out_)
            throw Error({"", 0, ""}, "cannot write the output",
                        "check that the disk has free space and that whatever reads the output is still running",
                        ErrorKind::io);
    }

private:
    static constexpr std::size_t kFlushAt = 1 << 16;
    std::ostream* out_;
    std::string own_;  // the buffer of a stream's text
    std::string& text_;
};

}  // namespace klima::report
