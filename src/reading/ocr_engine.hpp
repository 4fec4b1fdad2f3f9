#pragma once
// One Tesseract instance, initialised once and reused for every page a worker
// reads. Never share one across threads.
#include "util/expected.hpp"

#include <memory>
#include <string>

struct Pix;

namespace berkas::reading {

struct OcrText {
    std::string text;
    float mean_confidence = 0; // 0–100
};

class OcrEngine {
public:
    // Sets OMP_THREAD_LIMIT=1 unless already set: Tesseract's OpenMP threads
    // make a 2-core machine five times slower (PERFORMANCE.md).
    static Expected<std::unique_ptr<OcrEngine>> create(const std::string& languages = "ind",
                                                       const std::string& tessdata_dir = {});
    ~OcrEngine();
    OcrEngine(const OcrEngine&) = delete;
    OcrEngine& operator=(const OcrEngine&) = delete;

    Expected<OcrText> recognize(Pix* image);

private:
    struct Impl;
    explicit OcrEngine(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace berkas::reading
