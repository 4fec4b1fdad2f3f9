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
#include <vector>

namespace berkas::reading {

// Checked before anything is allocated (RELIABILITY.md §4.4).
struct ReadLimits {
    std::uintmax_t max_file_bytes = 100ull * 1024 * 1024;
    int max_pages = 100;
    std::int64_t max_page_pixels = 60'000'000; // rendered page, e.g. A4 at 600 dpi ≈ 35 Mpx
    int render_dpi = 300;
};

enum class FileKind { pdf, jpeg, png, tiff, unknown };

// Decides from the first bytes, never from the file name.
FileKind sniff_kind(std::string_view first_bytes);

class OcrEngine;

// Reads every page of `path`. Failures carry a stable reason code in
// Error::code: empty_file, not_a_document, corrupt_pdf, encrypted_pdf,
// too_large, too_many_pages, image_too_large.
Expected<std::vector<PageText>> read_pages(const std::filesystem::path& path, OcrEngine& ocr,
                                           const ReadLimits& limits = {});

} // namespace berkas::reading
