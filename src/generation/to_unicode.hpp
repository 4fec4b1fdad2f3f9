#pragma once
// Repairs libharu's ToUnicode CMaps with PoDoFo (PDF-OCR.md §5.2, pitfall 1). libharu
// writes `begincidrange` inside ToUnicode, which poppler warns about and PoDoFo cannot
// read. In libharu's UTF-8 output the CID is the Unicode (BMP) code point, so an
// identity map is exactly right.
#include "util/expected.hpp"

#include <string>
#include <string_view>

namespace berkas::generation {

// Codespace <0000>–<FFFF>, 256 bfrange entries <hh00> <hhFF> <hh00> in blocks of at
// most 100.
std::string identity_to_unicode_cmap();

// Points every Type0 font with Identity-H encoding at the identity map and writes the
// PDF again. Keeps the output reproducible: ModDate, which PoDoFo sets to the time of
// loading, is put back to CreationDate.
Expected<std::string> repair_to_unicode_maps(std::string_view pdf);

} // namespace berkas::generation
