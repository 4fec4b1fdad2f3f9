#pragma once
// A PDF page that is nothing but one JPEG scan drawn over the whole of it, as
// scanners and berkas-fixture write them. Its JPEG is decoded directly instead
// of poppler rendering the page: 127 → 23 ms for an A4 page at 300 dpi, 57 →
// 11 ms at 200 dpi (issue 8, bench_page_steps).
// Anything else on the page, or any image property that changes how poppler
// would draw the pixels, makes it an ordinary page that poppler renders.
#include "reading/pix_ptr.hpp"
#include "reading/reader.hpp"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>

class QPDFObjectHandle;

namespace berkas::reading {

struct DirectScan {
    std::shared_ptr<const std::string> jpeg; // the image stream's data, still DCT-encoded
    int width = 0, height = 0;               // pixels, as /Width and /Height declare them
    int components = 0;                      // 1 (gray) or 3 (RGB)
    double page_width = 0, page_height = 0;  // points: the visible page, which the image covers
};

// Recognises direct scans among the pages of one PDF. An image drawn by
// several pages is copied once.
class DirectScanFinder {
public:
    // The page's scan, or nullopt when poppler has to render the page. Never
    // throws: a page the finder cannot make sense of is simply rendered.
    std::optional<DirectScan> find(QPDFObjectHandle page);

private:
    std::optional<DirectScan> find_or_throw(QPDFObjectHandle page);
    std::shared_ptr<const std::string> encoded_data(QPDFObjectHandle image);

    std::map<std::pair<int, int>, std::shared_ptr<const std::string>> m_data_of_image; // by object id, generation
};

// The scan as an 8-bit gray image at render_dpi, the resolution poppler would
// render the page at; nullptr when the JPEG is not what the PDF declares, has
// more pixels than ReadLimits allow for a page, or cannot be decoded — poppler
// then renders the page as before.
PixPtr decode_direct_scan(const DirectScan& scan, int render_dpi, const ReadLimits& limits);

} // namespace berkas::reading
