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

// What Tesseract's orientation detection (OSD) thinks of a page.
struct OrientationGuess {
    int upright_clockwise_degrees = 0; // rotate the image clockwise by this to make it upright
    float confidence = 0;              // OSD confidence; ~15 is "reasonably confident"
};

class OcrEngine {
public:
    // Sets OMP_THREAD_LIMIT=1 unless already set: Tesseract's OpenMP threads
    // make a 2-core machine several times slower (PERFORMANCE.md). libgomp
    // reads the variable when it is loaded, before main(), so the setenv only
    // reaches child processes; for this process recognize() additionally
    // keeps OpenMP on the calling thread when the limit was missing at start.
    static Expected<std::unique_ptr<OcrEngine>> create(const std::string& languages = "ind",
                                                       const std::string& tessdata_dir = {});
    ~OcrEngine();
    OcrEngine(const OcrEngine&) = delete;
    OcrEngine& operator=(const OcrEngine&) = delete;

    // Recognises an 8-bit (or 1/32-bit) image; its resolution should be set.
    Expected<OrientationGuess> detect_orientation(Pix* image);
    Expected<OcrText> recognize(Pix* image);

    // True when this process was started with OMP_THREAD_LIMIT=1 (or
    // Tesseract has no OpenMP). Worth a start-up log line when false.
    static bool omp_threads_limited();

private:
    struct Impl;
    explicit OcrEngine(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace berkas::reading
