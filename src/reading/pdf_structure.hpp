#pragma once
// A PDF's structure, checked against the limits before poppler is allowed to
// allocate anything for it (RELIABILITY.md §2.2 and §4.4): the pages are
// counted by walking the page tree (never from /Count), embedded images are
// measured from their dictionaries, and the streams poppler would decompress
// whole are decompressed here first, counting bytes without keeping them.
#include "reading/direct_scan.hpp"
#include "reading/reader.hpp"
#include "util/expected.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace berkas::reading {

struct PdfStructure {
    int pages = 0;                 // pages found by walking the page tree
    long long declared_pages = -1; // what the tree's /Count says, if anything
    bool digitally_signed = false; // a signature dictionary or a signed signature field
    // Per page, in page order: the resolution of the largest image drawn
    // directly on it (a scan), or 0. Pages are rendered at what their scan
    // holds, not at a fixed 300 dpi (PERFORMANCE.md: 200 dpi is 23% faster).
    std::vector<int> scan_dpi;
    // Per page, in page order: the page's JPEG or CCITT scan when the page is nothing but
    // that scan, so that it can be decoded without rendering (direct_scan.hpp).
    std::vector<std::optional<DirectScan>> direct_scans;
};

// Errors: corrupt_pdf (damaged beyond repair, nested deeper than the limit, a
// page tree that is too large or empty, page content compressed as an image),
// encrypted_pdf (an open password is needed), too_many_pages, image_too_large,
// too_large (decompressed streams over the limit), out_of_memory.
Expected<PdfStructure> inspect_pdf_structure(std::string_view bytes, const ReadLimits& limits);

} // namespace berkas::reading
