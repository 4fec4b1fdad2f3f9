#pragma once
// A decoded input file, handed out one page at a time so that a 100-page
// document never holds more than one page image in memory.
#include "reading/pix_ptr.hpp"
#include "reading/reader.hpp"
#include "util/expected.hpp"

#include <memory>
#include <string>

namespace berkas::reading {

// One page as its source delivers it: either usable text, or an image to OCR.
struct SourcePage {
    std::string text_layer; // non-empty: the page's own text, OCR not needed
    PixPtr image;           // otherwise: 8-bit gray, resolution set (pixGetXRes)
};

class PageSource {
public:
    virtual ~PageSource() = default;
    virtual int page_count() const = 0;
    virtual bool digitally_signed() const { return false; }
    virtual Expected<SourcePage> page(int index) = 0; // 0-based
};

// Both take the whole file. Errors leave Error::file empty; read_pages fills it in.
Expected<std::unique_ptr<PageSource>> open_pdf(std::string bytes, const ReadLimits& limits);
Expected<std::unique_ptr<PageSource>> open_image(std::string bytes, FileKind kind, const ReadLimits& limits);

} // namespace berkas::reading
