#pragma once
// Whether a PDF page's text layer can stand in for OCR.
#include <string_view>

namespace berkas::reading {

// True when `utf8` (a page's extracted text) is long enough and looks like
// real text: mostly letters, digits and spaces, with a fair share of word-like
// tokens. Fonts without a Unicode map yield symbol soup ("7+%-", private-use
// code points), and a scanning app's watermark ("Scanned with CamScanner") is
// too few words to describe a page; both must go to OCR instead.
bool is_usable_text_layer(std::string_view utf8);

} // namespace berkas::reading
