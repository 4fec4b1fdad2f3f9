#pragma once
// Inputs for the reading tests, generated in the test: hand-written PDFs with a
// Helvetica text layer or an embedded JPEG scan, and page images rendered from
// them with poppler (as a scanner would deliver them).
#include "reading/ocr_engine.hpp"
#include "reading/pix_ptr.hpp"
#include "support/corpus.hpp"
#include "support/pdf_builder.hpp"
#include "support/temp_dir.hpp"

#include <poppler-document.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace berkas::reading::testing {

// An application letter: large enough print for reliable OCR, with words the
// tests look for.
inline const std::vector<std::string> kLetterLines = {
    "PEMERINTAH KABUPATEN BANDUNG",
    "SURAT PERMOHONAN SERTIFIKAT ELEKTRONIK",
    "",
    "Yang bertanda tangan di bawah ini:",
    "Nama      : Siti Nurhaliza Rahmawati",
    "NIK       : 3273014506990002",
    "Jabatan   : Analis Kebijakan Ahli Muda",
    "",
    "Dengan ini mengajukan permohonan penerbitan",
    "sertifikat elektronik kepada Balai Besar",
    "Sertifikasi Elektronik untuk keperluan",
    "tanda tangan elektronik dokumen dinas.",
    "",
    "Demikian permohonan ini kami sampaikan.",
};

using berkas::testing::assemble_pdf;
using berkas::testing::cat;
using berkas::testing::kA4Height;
using berkas::testing::kA4Width;
using berkas::testing::make_text_pdf;
using berkas::testing::number;
using berkas::testing::stream_object;

// A one-page A4 PDF whose only content is a gray JPEG covering the page, as
// scanners produce (no text layer).
inline std::string make_scan_pdf(const std::string& jpeg, int width_px, int height_px)
{
    const std::string draw = cat("q ", number(kA4Width), " 0 0 ", number(kA4Height), " 0 0 cm /Im1 Do Q\n");
    return assemble_pdf({"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                         "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                         "/Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>",
                         stream_object("", draw),
                         stream_object(cat("/Type /XObject /Subtype /Image /Width ", number(std::size_t(width_px)),
                                           " /Height ", number(std::size_t(height_px)),
                                           " /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode"),
                                       jpeg)});
}

// Renders page 1 the way pdftoppm -gray does: a stand-in for a scanner.
inline PixPtr render_first_page(const std::string& pdf, int dpi)
{
    std::unique_ptr<poppler::document> document(poppler::document::load_from_raw_data(pdf.data(), int(pdf.size())));
    if (!document)
        return nullptr;
    std::unique_ptr<poppler::page> page(document->create_page(0));
    if (!page)
        return nullptr;
    poppler::page_renderer renderer;
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    renderer.set_image_format(poppler::image::format_gray8);
    const poppler::image image = renderer.render_page(page.get(), dpi, dpi);
    PixPtr pix(pixCreate(image.width(), image.height(), 8));
    const auto* data = reinterpret_cast<const unsigned char*>(image.const_data());
    for (int y = 0; y < image.height(); ++y) {
        l_uint32* line = pixGetData(pix.get()) + y * pixGetWpl(pix.get());
        for (int x = 0; x < image.width(); ++x)
            SET_DATA_BYTE(line, x, data[y * image.bytes_per_row() + x]);
    }
    pixSetResolution(pix.get(), dpi, dpi);
    return pix;
}

inline PixPtr scanned_letter(int dpi) { return render_first_page(make_text_pdf({kLetterLines}), dpi); }

// Encodes with Leptonica; format is IFF_PNG, IFF_JFIF_JPEG, IFF_TIFF_G4, …
inline std::string encode(Pix* pix, int format)
{
    l_uint8* data = nullptr;
    size_t size = 0;
    if (pixWriteMem(&data, &size, pix, format) != 0)
        return {};
    std::string bytes(reinterpret_cast<const char*>(data), size);
    lept_free(data);
    return bytes;
}

inline std::filesystem::path write_bytes(const std::filesystem::path& path, const std::string& bytes)
{
    std::ofstream(path, std::ios::binary).write(bytes.data(), std::streamsize(bytes.size()));
    return path;
}

// A corpus file, or an empty path when the shared corpus is not checked out.
inline std::filesystem::path corpus_file(const std::string& relative)
{
    const auto path = berkas::testing::shared_corpus_dir() / relative;
    return std::filesystem::exists(path) ? path : std::filesystem::path();
}

// A temporary folder and one Tesseract instance per test, as a worker has.
class OcrTest : public berkas::testing::TempDirTest {
protected:
    void SetUp() override
    {
        TempDirTest::SetUp();
        auto engine = OcrEngine::create("ind");
        ASSERT_TRUE(engine) << engine.error().message;
        m_ocr = std::move(*engine);
    }

    std::unique_ptr<OcrEngine> m_ocr;
};

} // namespace berkas::reading::testing
