#pragma once
// A PDF page that is nothing but one scan drawn over the whole of it, as
// scanners and berkas-fixture write them: a JPEG (gray or colour scans) or a
// 1-bit CCITT Group 3/4 image (the black-and-white mode of office MFPs). The
// scan is decoded directly instead of poppler rendering the page: 127 → 23 ms
// for an A4 JPEG page at 300 dpi, 57 → 11 ms at 200 dpi (issue 8,
// bench_page_steps); 96 → 3.5 ms for 1-bit Group 4 A4 pages at 200–300 dpi
// (120 berkas-fixture pages, --colour bw).
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

enum class ScanEncoding { jpeg, ccitt };

// /K of the CCITT parameters: < 0 or 0. Mixed 1-D/2-D Group 3 (/K > 0) is
// rare, and no test data for it could be made, so poppler renders it.
enum class CcittScheme { group4, group3_1d };

// What the decoding of a CCITTFaxDecode scan depends on. The finder accepts
// only the /DecodeParms the decoder honours exactly (/Columns = /Width, /Rows
// = /Height, no byte alignment, end-of-line codes in Group 3 only), so those
// need not be kept.
struct CcittParameters {
    CcittScheme scheme = CcittScheme::group3_1d;
    bool black_is_1 = false;  // 1 bits are black; by default 0 bits are
    bool end_of_block = true; // the data ends with an end-of-block (EOFB or RTC) code
};

struct DirectScan {
    ScanEncoding encoding = ScanEncoding::jpeg;
    std::shared_ptr<const std::string> data; // the image stream's data, still encoded
    int width = 0, height = 0;               // pixels, as /Width and /Height declare them
    int components = 0;                      // 1 (gray) or 3 (RGB); CCITT scans are 1
    CcittParameters ccitt;                   // for ScanEncoding::ccitt only
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
// render the page at; nullptr when the JPEG or CCITT data is not what the PDF
// declares, has more pixels than ReadLimits allow for a page, or cannot be
// decoded — poppler then renders the page as before.
PixPtr decode_direct_scan(const DirectScan& scan, int render_dpi, const ReadLimits& limits);

} // namespace berkas::reading
