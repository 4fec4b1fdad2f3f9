#pragma once
// OCR text prepared for matching: lower-cased, single-spaced lines, so that
// rules written in plain words match what Tesseract produces.
#include <string>
#include <string_view>
#include <vector>

namespace berkas::understanding {

struct NormalisedPage {
    std::vector<std::string> lines;   // lower case, single-spaced, empty lines dropped
    std::vector<std::string> raw;     // the same lines as printed, trimmed
    size_t top_line_count = 0;        // lines in the first third of the page
};

NormalisedPage normalise_page(std::string_view text);

// True when `phrase` occurs in `line`, allowing about one OCR error per six
// characters (Tesseract drops or swaps letters in scanned titles).
bool contains_fuzzy(std::string_view line, std::string_view phrase);

} // namespace berkas::understanding
