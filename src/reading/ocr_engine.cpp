#include "reading/ocr_engine.hpp"

#include "reading/tesseract_runtime.hpp"

#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>

#include <dlfcn.h>

#include <cstdlib>
#include <new>

namespace berkas::reading {

namespace {

constexpr const char* kDefaultTessdata = "/usr/share/tesseract-ocr/5/tessdata";

// Tesseract's own diagnostics ("Estimating resolution as …") go to stderr;
// a worker's stderr is for our log lines only.
void silence_tesseract(tesseract::TessBaseAPI& api)
{
    api.SetVariable("debug_file", "/dev/null");
}

const char* datapath_or_null(const std::string& tessdata_dir)
{
    return tessdata_dir.empty() ? nullptr : tessdata_dir.c_str();
}

std::string describe_tessdata(const std::string& tessdata_dir)
{
    return tessdata_dir.empty() ? std::string(kDefaultTessdata) + " (default)" : tessdata_dir;
}

// Takes ownership of a Tesseract char* result, which must be freed with delete[].
std::string take_tesseract_text(char* text)
{
    if (text == nullptr)
        return {};
    std::string result(text);
    delete[] text;
    return result;
}

template<typename Function>
Function find_openmp_function(const char* name)
{
    // libgomp comes with libtesseract; looked up at run time so that berkas
    // itself neither links nor requires OpenMP.
    return reinterpret_cast<Function>(::dlsym(RTLD_DEFAULT, name));
}

// Normally Tesseract's parallel regions run inline (tesseract_runtime.hpp).
// Otherwise: libgomp reads OMP_THREAD_LIMIT once, when it is loaded (before
// main), so the setenv in create() cannot reach this process. When the limit
// is missing, allowing zero active parallel levels makes every parallel region
// of the calling thread run on that thread alone. The setting is per thread,
// hence called before each use of Tesseract.
void keep_openmp_single_threaded()
{
    static const bool limited = OcrEngine::omp_threads_limited();
    if (limited || tesseract_runtime::in_effect().serial_openmp)
        return;
    using SetLevelsFn = void (*)(int);
    static const auto set_max_active_levels = find_openmp_function<SetLevelsFn>("omp_set_max_active_levels");
    if (set_max_active_levels != nullptr)
        set_max_active_levels(0);
}

} // namespace

struct OcrEngine::Impl {
    tesseract::TessBaseAPI api;
    // Orientation detection needs its own instance initialised with "osd";
    // created on first use because most pages never need it.
    std::unique_ptr<tesseract::TessBaseAPI> osd;
    bool osd_failed = false;
    std::string tessdata_dir;

    ~Impl()
    {
        api.End();
        if (osd)
            osd->End();
    }
};

OcrEngine::OcrEngine(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
OcrEngine::~OcrEngine() = default;

Expected<std::unique_ptr<OcrEngine>> OcrEngine::create(const std::string& languages, const std::string& tessdata_dir)
{
    // Third argument 0: an administrator's explicit setting wins.
    ::setenv("OMP_THREAD_LIMIT", "1", 0);
    try {
        auto impl = std::make_unique<Impl>();
        impl->tessdata_dir = tessdata_dir;
        if (impl->api.Init(datapath_or_null(tessdata_dir), languages.c_str(), tesseract::OEM_LSTM_ONLY) != 0)
            return make_error("ocr_init",
                              "Tesseract could not load language '" + languages + "' from tessdata folder " +
                                  describe_tessdata(tessdata_dir) + " (is tesseract-ocr-" + languages +
                                  " installed?)");
        // PSM_AUTO: the default PSM_SINGLE_BLOCK recovered only 77–82 % of the
        // words on letters, PSM_AUTO 97–99 % (PDF-OCR.md §7).
        impl->api.SetPageSegMode(tesseract::PSM_AUTO);
        // Treats every text line as proportional type, which skips the
        // fixed-pitch analysis of each row (tune_row_pitch): it guides the
        // legacy engine's character segmentation, not the LSTM. Reading is
        // 4 % faster; 380 of 383 pages read the same text (bench_accuracy,
        // seeds 9300 and 9500: 5 characters in 449,000 changed).
        impl->api.SetVariable("textord_all_prop", "1");
        silence_tesseract(impl->api);
        return std::unique_ptr<OcrEngine>(new OcrEngine(std::move(impl)));
    } catch (const std::bad_alloc&) {
        return make_error("out_of_memory", "out of memory while starting Tesseract");
    } catch (const std::exception& e) {
        return make_error("ocr_init", std::string("Tesseract failed to start: ") + e.what());
    }
}

Expected<OcrText> OcrEngine::recognize(Pix* image)
{
    if (image == nullptr)
        return make_error("ocr_failed", "no image to recognise");
    auto& api = m_impl->api;
    try {
        keep_openmp_single_threaded();
        api.SetImage(image);
        if (api.Recognize(nullptr) != 0) {
            api.Clear();
            return make_error("ocr_failed", "Tesseract could not recognise the page");
        }
        OcrText result;
        result.text = take_tesseract_text(api.GetUTF8Text());
        result.mean_confidence = static_cast<float>(api.MeanTextConf());
        api.Clear(); // frees the page image and results; keeps the loaded model
        return result;
    } catch (const std::bad_alloc&) {
        api.Clear();
        return make_error("out_of_memory", "out of memory during OCR");
    } catch (const std::exception& e) {
        api.Clear();
        return make_error("ocr_failed", std::string("Tesseract failed: ") + e.what());
    }
}

Expected<OrientationGuess> OcrEngine::detect_orientation(Pix* image)
{
    if (image == nullptr)
        return make_error("ocr_failed", "no image for orientation detection");
    auto& impl = *m_impl;
    if (impl.osd_failed)
        return make_error("ocr_init", "orientation data (osd.traineddata) is not available");
    try {
        if (!impl.osd) {
            auto osd = std::make_unique<tesseract::TessBaseAPI>();
            if (osd->Init(datapath_or_null(impl.tessdata_dir), "osd", tesseract::OEM_TESSERACT_ONLY) != 0) {
                impl.osd_failed = true;
                return make_error("ocr_init", "Tesseract could not load 'osd' from tessdata folder " +
                                                  describe_tessdata(impl.tessdata_dir) +
                                                  " (is tesseract-ocr-osd installed?)");
            }
            osd->SetPageSegMode(tesseract::PSM_OSD_ONLY);
            silence_tesseract(*osd);
            impl.osd = std::move(osd);
        }
        keep_openmp_single_threaded();
        impl.osd->SetImage(image);
        int degrees = 0;
        float confidence = 0;
        const char* script = nullptr; // owned by the API object; not needed here
        float script_confidence = 0;
        const bool found = impl.osd->DetectOrientationScript(&degrees, &confidence, &script, &script_confidence);
        impl.osd->Clear();
        if (!found)
            return OrientationGuess {}; // too little text to tell: leave the page as it is
        // DetectOrientationScript reports how far the image is turned
        // clockwise from upright (a page turned 90° clockwise gives 90), so
        // the correction is the rest of the full turn. Measured with pages
        // turned each way (test_reading_pages.cpp).
        OrientationGuess guess;
        guess.upright_clockwise_degrees = (360 - ((degrees % 360) + 360) % 360) % 360;
        guess.confidence = confidence;
        return guess;
    } catch (const std::bad_alloc&) {
        if (impl.osd)
            impl.osd->Clear();
        return make_error("out_of_memory", "out of memory during orientation detection");
    } catch (const std::exception& e) {
        if (impl.osd)
            impl.osd->Clear();
        return make_error("ocr_failed", std::string("orientation detection failed: ") + e.what());
    }
}

bool OcrEngine::omp_threads_limited()
{
    using ThreadLimitFn = int (*)();
    const auto thread_limit = find_openmp_function<ThreadLimitFn>("omp_get_thread_limit");
    return thread_limit == nullptr || thread_limit() <= 1;
}

} // namespace berkas::reading
