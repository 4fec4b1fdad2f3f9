// bench_page_steps: where the time of reading one page goes, step by step,
// in this process (no worker), for every PDF and image under the given folders.
//
//   bench_page_steps DIR... [--limit N] [--per-file] [--without-shortcuts] [--text-hashes]
//
// Prints, per step, the number of pages it ran on, its total and its mean
// milliseconds: decoding or rendering, blank check, QR search, previews,
// scaling, deskew, recognition and orientation. --per-file also prints each
// file's total, to set beside plain tesseract on the same page images.
// --without-shortcuts runs Tesseract's own definitions of everything berkas
// replaces (tesseract_runtime.hpp); --text-hashes prints a hash of each page's
// recognised text and its confidence, to show that a change to speed did not
// change what is read (compare the two outputs with diff).
// The steps are the ones reader.cpp runs, called one by one so that each can
// be timed; a change there should be mirrored here.
#include "reading/ocr_engine.hpp"
#include "reading/page_marks.hpp"
#include "reading/page_prep.hpp"
#include "reading/page_source.hpp"
#include "reading/tesseract_runtime.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace berkas::reading;
using berkas::Expected;
using berkas::make_error;

namespace {

struct Step {
    int pages = 0;
    double seconds = 0;
};

class Stopwatch {
public:
    explicit Stopwatch(Step& step) : m_step(step), m_start(std::chrono::steady_clock::now()) {}
    ~Stopwatch()
    {
        m_step.pages++;
        m_step.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
    }

private:
    Step& m_step;
    std::chrono::steady_clock::time_point m_start;
};

using Steps = std::map<std::string, Step>;

std::string slurp(const fs::path& path)
{
    std::ifstream stream(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(stream), {}};
}

bool g_print_text_hashes = false;

void print_text_hash(const OcrText& text)
{
    if (g_print_text_hashes)
        std::printf("text %016zx confidence %.3f\n", std::hash<std::string> {}(text.text), text.mean_confidence);
}

void time_image_page(PixPtr image, OcrEngine& ocr, const ReadLimits& limits, Steps& steps)
{
    PageViews views;
    {
        Stopwatch watch(steps["2 OCR view, overview"]);
        views = page_views(image.get(), limits.page_ocr_dpi, limits.max_page_pixels);
    }
    double ink = 0;
    {
        Stopwatch watch(steps["3 blank check"]);
        ink = ink_fraction(views.overview.get());
    }
    if (ink < limits.blank_max_ink_fraction)
        return;
    {
        Stopwatch watch(steps["4 QR search"]);
        (void)find_document_code(image.get(), views.overview.get());
    }
    std::optional<CardOnPage> card;
    {
        Stopwatch watch(steps["5 previews, card"]);
        (void)page_thumbnail(views.overview.get());
        card = find_card(views.overview.get());
        if (card)
            (void)card_thumbnail(views.ocr.get(), CardOnPage {region_between(card->region, views.overview.get(),
                                                                             views.ocr.get()),
                                                              card->whole_image});
        if (!is_card_alone(views.overview.get(), card, limits.card_alone_max_outside_ink))
            card.reset();
    }
    PixPtr view;
    float skew = 0;
    {
        Stopwatch watch(steps["6 deskew"]);
        // As reader.cpp: a card is turned by the skew of the page as decoded.
        skew = skew_degrees(card ? image.get() : views.ocr.get());
        if (!card)
            view = rotated_by(views.ocr.get(), skew);
    }
    if (card) {
        Stopwatch watch(steps["6 crop, scale, turn card"]);
        const PageRegion region = region_between(card->region, views.overview.get(), image.get());
        view = rotated_by(
            at_resolution(crop(image.get(), region).get(), limits.card_ocr_dpi, limits.max_page_pixels).get(), skew);
    }
    float confidence = 0;
    {
        Stopwatch watch(steps[card ? "7 recognise card" : "7 recognise page"]);
        auto text = ocr.recognize(view.get());
        confidence = text ? text->mean_confidence : 0;
        if (text)
            print_text_hash(*text);
    }
    if (confidence < limits.orientation_check_below_confidence) {
        Stopwatch watch(steps["8 orientation"]);
        PixPtr preview = orientation_preview(view.get());
        (void)ocr.detect_orientation(preview.get());
    }
}

void time_file(const fs::path& path, OcrEngine& ocr, const ReadLimits& limits, Steps& steps)
{
    std::string bytes = slurp(path);
    const FileKind kind = sniff_kind(bytes);
    Expected<std::unique_ptr<PageSource>> source = make_error("unknown", "");
    {
        Stopwatch watch(steps["0 open"]);
        source = kind == FileKind::pdf ? open_pdf(std::move(bytes), limits)
                                       : open_image(std::move(bytes), kind, limits);
    }
    if (!source)
        return;
    for (int index = 0; index < (*source)->page_count(); ++index) {
        Expected<SourcePage> page = make_error("unknown", "");
        {
            Stopwatch watch(steps["1 render/decode"]);
            page = (*source)->page(index);
        }
        if (page && page->text_layer.empty())
            time_image_page(std::move(page->image), ocr, limits, steps);
    }
}

} // namespace

int main(int argc, char** argv)
{
    std::vector<fs::path> files;
    size_t limit = SIZE_MAX;
    bool per_file = false;
    for (int i = 1; i < argc; ++i) {
        const std::string argument = argv[i];
        if (argument == "--limit" && i + 1 < argc) {
            limit = std::strtoul(argv[++i], nullptr, 10);
            continue;
        }
        if (argument == "--per-file") {
            per_file = true;
            continue;
        }
        if (argument == "--text-hashes") {
            g_print_text_hashes = true;
            continue;
        }
        if (argument == "--without-shortcuts") {
            tesseract_runtime::set_enabled(false);
            continue;
        }
        for (const auto& entry : fs::recursive_directory_iterator(argument))
            if (entry.is_regular_file())
                files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    files.resize(std::min(files.size(), limit));
    auto ocr = OcrEngine::create("ind");
    if (!ocr) {
        std::fprintf(stderr, "%s\n", ocr.error().describe().c_str());
        return 1;
    }
    const ReadLimits limits;
    const auto shortcuts = tesseract_runtime::in_effect();
    const auto on_off = [](bool on) { return on ? "on" : "off"; };
    std::printf("Tesseract runtime shortcuts: serial OpenMP %s, raw line images %s, stride index %s, "
                "time-step writes %s\n",
                on_off(shortcuts.serial_openmp), on_off(shortcuts.raw_line_images), on_off(shortcuts.stride_index),
                on_off(shortcuts.time_step_writes));
    Steps steps;
    for (const fs::path& file : files) {
        const auto start = std::chrono::steady_clock::now();
        time_file(file, **ocr, limits, steps);
        if (per_file)
            std::printf("%s\t%.0f ms\n", file.c_str(),
                        1000 * std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    double total = 0;
    for (const auto& [name, step] : steps)
        total += step.seconds;
    std::printf("%zu files; step: pages, total s, mean ms, share\n", files.size());
    for (const auto& [name, step] : steps)
        std::printf("  %-18s %5d %8.2f %8.1f %6.1f%%\n", name.c_str(), step.pages, step.seconds,
                    1000 * step.seconds / std::max(1, step.pages), 100 * step.seconds / total);
    std::printf("  %-18s %5s %8.2f\n", "all", "", total);
    return 0;
}
