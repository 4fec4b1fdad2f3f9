// Timings for PERFORMANCE.md, not assertions: disabled by default.
//   ./test_reading --gtest_also_run_disabled_tests --gtest_filter='ReadingTiming.*'
#include "reading/ocr_engine.hpp"
#include "reading/reader.hpp"
#include "support/temp_dir.hpp"
#include "test_reading_fixtures.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <functional>

namespace berkas::reading {
namespace {

// A full A4 letter body: 11 pt, ~48 lines of ~80 characters, like the
// letters and SK decrees in PERFORMANCE.md.
std::vector<std::string> dense_letter()
{
    const std::vector<std::string> words = {
        "Kabupaten", "Bandung", "surat",   "permohonan", "sertifikat", "elektronik", "pegawai",  "negeri",
        "sipil",     "dengan",  "ini",     "kami",       "mengajukan", "penerbitan", "untuk",    "keperluan",
        "tanda",     "tangan",  "dokumen", "dinas",      "Nomor",      "tanggal",    "Jabatan",  "Analis",
        "Kebijakan", "Ahli",    "Muda",    "pada",       "Badan",      "Kepegawaian", "Daerah",  "NIP",
        "199001012015032004",   "berdasarkan",           "keputusan",  "Bupati",     "tahun",    "2024"};
    std::vector<std::string> lines = {"PEMERINTAH KABUPATEN BANDUNG", "SURAT PERMOHONAN SERTIFIKAT ELEKTRONIK", ""};
    std::size_t next = 0;
    while (lines.size() < 48) {
        std::string line;
        while (line.size() < 78) {
            line += words[(next * 7 + next / 5) % words.size()] + " ";
            ++next;
        }
        lines.push_back(line);
    }
    return lines;
}

double median_ms(int runs, const std::function<void()>& work)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        work();
        times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

class ReadingTiming : public berkas::testing::TempDirTest {};

TEST_F(ReadingTiming, DISABLED_RenderAndOcrPerA4Page)
{
    auto engine = OcrEngine::create("ind");
    ASSERT_TRUE(engine);
    const std::string letter = testing::make_text_pdf({dense_letter()}, 11);
    std::printf("OMP threads limited at start-up: %s\n", OcrEngine::omp_threads_limited() ? "yes" : "no");

    for (int dpi : {200, 300}) {
        PixPtr page;
        const double render = median_ms(5, [&] { page = testing::render_first_page(letter, dpi); });
        OcrText text;
        const double ocr = median_ms(3, [&] { text = *(*engine)->recognize(page.get()); });
        std::printf("A4 letter %d dpi: render %.0f ms, OCR %.0f ms (mean confidence %.0f)\n", dpi, render, ocr,
                    text.mean_confidence);
    }

    // End to end through read_pages: a JPEG scan in a PDF (render + prep + OCR)
    // and the same letter with its text layer.
    PixPtr scan = testing::render_first_page(letter, 200);
    const auto scan_pdf = testing::write_bytes(
        dir() / "scan.pdf", testing::make_scan_pdf(testing::encode(scan.get(), IFF_JFIF_JPEG), pixGetWidth(scan.get()),
                                                   pixGetHeight(scan.get())));
    for (int dpi : {200, 300}) {
        ReadLimits limits;
        limits.render_dpi = dpi;
        const double total = median_ms(3, [&] { ASSERT_TRUE(read_pages(scan_pdf, **engine, limits)); });
        std::printf("read_pages, scanned PDF page rendered at %d dpi: %.0f ms\n", dpi, total);
    }
    const auto text_pdf = testing::write_bytes(dir() / "letter.pdf", letter);
    const double text_layer = median_ms(5, [&] { ASSERT_TRUE(read_pages(text_pdf, **engine)); });
    std::printf("read_pages, text-layer PDF page: %.1f ms\n", text_layer);
}

} // namespace
} // namespace berkas::reading
