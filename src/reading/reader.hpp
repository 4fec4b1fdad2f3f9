#pragma once
// The reading stage: one inbox file in, the text of each of its pages out.
// This is the only stage that touches untrusted bytes; it runs inside a worker
// process (see ARCHITECTURE.md) and never throws.
#include "model/case_result.hpp"
#include "util/expected.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace berkas::reading {

// Safety limits are checked before anything large is allocated, with the
// defaults of RELIABILITY.md §4.4; the tuning values below them decide how
// pages are read. berkas.yaml sets them (`limits:` and `reading:`).
struct ReadLimits {
    // --- safety limits ---
    std::uintmax_t max_file_bytes = 25ull * 1024 * 1024;
    int max_pages = 10;                        // counted by walking the page tree, never from /Count
    std::int64_t max_page_pixels = 60'000'000; // rendered page, e.g. A4 at 600 dpi ≈ 35 Mpx
    int max_page_side = 12'000;                // px; Tesseract refuses > 32767 only after decoding
    std::int64_t max_image_pixels = 100'000'000; // an image inside a PDF, from its /Width and /Height
    int max_image_side = 10'000;
    // Decompressed size of the PDF streams that poppler reads whole (content,
    // fonts, …); image data is bounded by the pixel limits instead.
    std::uint64_t max_stream_decoded_bytes = 64ull * 1024 * 1024;
    std::uint64_t max_decoded_bytes = 256ull * 1024 * 1024; // all such streams of one file
    int max_nesting_depth = 100;    // arrays and dictionaries inside each other (PoDoFo 0.9.8 recurses)
    int max_page_tree_nodes = 1000; // a page tree larger than this is damaged or hostile

    // --- rendering ---
    int render_dpi = 300;
    int min_scan_render_dpi = 200; // a scanned page is rendered at its scan's resolution, at least this
    // A page too large for the pixel limits at render_dpi is rendered at a lower
    // resolution instead, but never below this: under 150 dpi OCR garbles
    // details such as "IV/c" (PERFORMANCE.md), so refusing is more honest.
    int min_render_dpi = 150;

    // --- what OCR is given ---
    // Tesseract's time follows the pixels it lays out and the text it reads
    // (PERFORMANCE.md). A page is recognised at page_ocr_dpi: letters, forms
    // and SKs read as well at 200 dpi as at 300, 23 % faster. An ID-card copy
    // is recognised as the card alone (~15 % of an A4 page) at card_ocr_dpi,
    // for its small print, when the rest of the page has less ink than
    // card_alone_max_outside_ink (a stamp or a note beside the card keeps the
    // whole page).
    int page_ocr_dpi = 200;
    int card_ocr_dpi = 300;
    double card_alone_max_outside_ink = 0.0005;

    // --- page preparation ---
    // A page whose share of dark pixels is below this is blank and skips OCR.
    // Measured: noise-only paper 0–0.001 %, one word ("Lampiran", 11 pt)
    // 0.03 %, one line of 11 pt text 0.2 %, a letter 3 %. Erring low sends a
    // dusty blank page to OCR (slow); erring high would drop a short page.
    double blank_max_ink_fraction = 0.0002;
    // Orientation detection runs only when the first recognition's mean
    // confidence is below this (it costs time and is rarely needed).
    float orientation_check_below_confidence = 60.0f;
    // Try OSD's turn when it is at least this sure. OCRmyPDF's 14 is for turning
    // blindly; berkas keeps the turned page only when it reads better, so a low
    // bar costs just a second recognition. Measured (bench_accuracy): upside-down
    // and sideways KTP copies and 150 dpi forms get OSD confidences of 6–9.
    float orientation_min_confidence = 2.0f;
};

enum class FileKind { pdf, jpeg, png, tiff, unknown };

// Where the time of one file went, for the benchmarks and the run summary.
struct ReadTimes {
    double render_seconds = 0; // rendering PDF pages and decoding images
    int rendered_pages = 0;
    double ocr_seconds = 0;    // page preparation, orientation and Tesseract
    int ocr_pages = 0;
};

// Everything the reading stage learns about one file.
struct FileReading {
    std::vector<PageText> pages;
    bool digitally_signed = false; // a PDF with a signature; berkas never rewrites its bytes
    ReadTimes times;
};

// Decides from the first bytes, never from the file name. A PDF header may
// follow up to 1024 bytes of junk, as real PDF readers allow.
FileKind sniff_kind(std::string_view first_bytes);

class OcrEngine;

// Which pages of a file one worker reads: those whose 0-based index leaves
// `part` when divided by `parts`. A bundle that arrives alone is shared
// between the workers this way, so that its case waits for the slowest page
// pair rather than for all pages in a row.
struct PageShare {
    int part = 0;
    int parts = 1;
    bool includes(int index) const { return parts <= 1 || index % parts == part; }
};

// Reads every page of `path`. Failures carry a stable reason code in
// Error::code and the path in Error::file:
//   empty_file, too_large, not_a_document      — the file as a whole
//   corrupt_pdf, encrypted_pdf, corrupt_image  — the content cannot be decoded
//   too_many_pages, image_too_large, too_large — over a ReadLimits limit
//   ocr_failed                                 — Tesseract failed on a page
//   io_error, out_of_memory, internal          — the system, not the document, failed
// Page text is never logged (it is personal data).
Expected<FileReading> read_file(const std::filesystem::path& path, OcrEngine& ocr, const ReadLimits& limits = {},
                                PageShare share = {});

// read_file, for callers that need only the pages.
Expected<std::vector<PageText>> read_pages(const std::filesystem::path& path, OcrEngine& ocr,
                                           const ReadLimits& limits = {});

} // namespace berkas::reading
