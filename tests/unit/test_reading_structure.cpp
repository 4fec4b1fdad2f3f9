// The structural check that runs before poppler may allocate anything: page
// counts by walking the tree, nesting, embedded image sizes, decompressed
// bytes and signatures. No rendering, no OCR: these run in milliseconds.
#include "reading/pdf_structure.hpp"
#include "support/hostile_files.hpp"
#include "support/pdf_builder.hpp"

#include <gtest/gtest.h>

namespace berkas::reading {
namespace {

using berkas::testing::assemble_pdf;
using berkas::testing::cat;
using berkas::testing::make_text_pdf;
using berkas::testing::stream_object;

const std::vector<std::string> kLines = {"SURAT PERMOHONAN", "Nama : Contoh"};

std::string code_of(const std::string& pdf, const ReadLimits& limits = {})
{
    auto structure = inspect_pdf_structure(pdf, limits);
    if (structure)
        return "ok";
    EXPECT_FALSE(structure.error().message.empty());
    return structure.error().code;
}

// A one-page PDF whose page draws image XObject 5 (dictionary entries given).
std::string pdf_with_image(const std::string& image_entries, const std::string& data)
{
    return assemble_pdf({"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                         "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R "
                         ">> >> /Contents 4 0 R >>",
                         stream_object("", "q 595 0 0 842 0 0 cm /Im1 Do Q"),
                         stream_object(cat("/Type /XObject /Subtype /Image ", image_entries), data)});
}

TEST(ReadingStructure, CountsPagesOfAnHonestFile)
{
    auto structure = inspect_pdf_structure(make_text_pdf({kLines, kLines, {}}), {});
    ASSERT_TRUE(structure) << structure.error().message;
    EXPECT_EQ(structure->pages, 3);
    EXPECT_FALSE(structure->digitally_signed);
}

TEST(ReadingStructure, CountsPagesByWalkingTheTreeNotFromCount)
{
    // /Count says 1, the tree holds 12: walking finds them all and the limit holds.
    EXPECT_EQ(code_of(testing::lying_count_pdf(12, 1)), "too_many_pages");
    ReadLimits generous;
    generous.max_pages = 20;
    auto structure = inspect_pdf_structure(testing::lying_count_pdf(12, 1), generous);
    ASSERT_TRUE(structure);
    EXPECT_EQ(structure->pages, 12);
    // /Count says two billion, the tree holds one.
    structure = inspect_pdf_structure(testing::lying_count_pdf(1, 2'000'000'000), {});
    ASSERT_TRUE(structure);
    EXPECT_EQ(structure->pages, 1);
}

TEST(ReadingStructure, PageTreeLoopCountsEachPageOnce)
{
    // The page tree lists itself among its kids.
    const std::string pdf = assemble_pdf({"<< /Type /Catalog /Pages 2 0 R >>",
                                          "<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>",
                                          "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"});
    auto structure = inspect_pdf_structure(pdf, {});
    ASSERT_TRUE(structure) << structure.error().message;
    EXPECT_EQ(structure->pages, 1);
}

TEST(ReadingStructure, PageTreeWithTooManyNodesIsRefused)
{
    ReadLimits limits;
    limits.max_page_tree_nodes = 5;
    std::vector<std::string> bodies = {"<< /Type /Catalog /Pages 2 0 R >>"};
    // A chain of intermediate nodes, each with one kid: 8 nodes for one page.
    for (int node = 2; node < 9; ++node)
        bodies.push_back(cat("<< /Type /Pages /Kids [", std::to_string(node + 1), " 0 R] /Count 1 >>"));
    bodies.push_back("<< /Type /Page /MediaBox [0 0 595 842] >>");
    EXPECT_EQ(code_of(assemble_pdf(bodies), limits), "corrupt_pdf");
    EXPECT_EQ(code_of(assemble_pdf(bodies)), "ok");
}

TEST(ReadingStructure, PdfWithoutPagesIsCorrupt)
{
    EXPECT_EQ(code_of(assemble_pdf({"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"})),
              "corrupt_pdf");
}

TEST(ReadingStructure, DeepNestingIsRefusedAtAnyDepthQpdfSees)
{
    // 150 levels: qpdf parses them, the limit of 100 refuses them. 2,000 and
    // 20,000 levels: qpdf stops at 500 and warns, which refuses them too.
    for (int depth : {150, 2000, 20000})
        EXPECT_EQ(code_of(testing::nested_dictionaries_pdf(depth)), "corrupt_pdf") << depth;
    EXPECT_EQ(code_of(testing::nested_dictionaries_pdf(50)), "ok");
}

TEST(ReadingStructure, NestingInAnObjectNothingUsesIsRefusedToo)
{
    std::string nested;
    for (int i = 0; i < 300; ++i)
        nested += "[ ";
    for (int i = 0; i < 300; ++i)
        nested += "] ";
    const std::string pdf = assemble_pdf({"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                                          "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>", nested});
    EXPECT_EQ(code_of(pdf), "corrupt_pdf");
}

TEST(ReadingStructure, EmbeddedImageIsMeasuredFromItsDictionary)
{
    // 40,000 × 40,000 declared, a few bytes stored: refused without decoding.
    EXPECT_EQ(code_of(pdf_with_image("/Width 40000 /Height 40000 /ColorSpace /DeviceGray /BitsPerComponent 8", "x")),
              "image_too_large");
    ReadLimits limits;
    limits.max_image_pixels = 1'000'000;
    EXPECT_EQ(code_of(pdf_with_image("/Width 2000 /Height 1000 /ColorSpace /DeviceGray /BitsPerComponent 8", "x"),
                      limits),
              "image_too_large");
    EXPECT_EQ(code_of(pdf_with_image("/Width 1000 /Height 1000 /ColorSpace /DeviceGray /BitsPerComponent 8", "x"),
                      limits),
              "ok");
}

TEST(ReadingStructure, FlateBombIsMeasuredWithoutKeepingIt)
{
    ReadLimits limits;
    limits.max_stream_decoded_bytes = 4 << 20;
    EXPECT_EQ(code_of(testing::flate_bomb_pdf(8 << 20), limits), "too_large");
    EXPECT_EQ(code_of(testing::flate_bomb_pdf(2 << 20), limits), "ok");
}

TEST(ReadingStructure, DecompressedBytesAddUpAcrossStreams)
{
    // Three pages of 3 MB content each: every stream is under its 4 MB limit,
    // together they are over the file's 8 MB.
    ReadLimits limits;
    limits.max_stream_decoded_bytes = 4 << 20;
    limits.max_decoded_bytes = 8 << 20;
    const std::string data = testing::hostile_detail::deflate_zeros(3 << 20);
    std::vector<std::string> bodies = {"<< /Type /Catalog /Pages 2 0 R >>",
                                       "<< /Type /Pages /Kids [3 0 R 5 0 R 7 0 R] /Count 3 >>"};
    for (int page = 0; page < 3; ++page) {
        bodies.push_back(cat("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ",
                             std::to_string(bodies.size() + 2), " 0 R >>"));
        bodies.push_back(stream_object("/Filter /FlateDecode", data));
    }
    EXPECT_EQ(code_of(assemble_pdf(bodies), limits), "too_large");
    limits.max_decoded_bytes = 16 << 20;
    EXPECT_EQ(code_of(assemble_pdf(bodies), limits), "ok");
}

TEST(ReadingStructure, ImageFilterOnPageContentIsRefused)
{
    // pdf.js's bomb_giant.pdf: JBIG2-compressed page contents that poppler
    // would decode and parse for minutes.
    const std::string pdf = assemble_pdf({"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                                          "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
                                          stream_object("/Filter /JBIG2Decode", std::string(64, '\0'))});
    EXPECT_EQ(code_of(pdf), "corrupt_pdf");
}

TEST(ReadingStructure, EncryptionNeedsThePasswordOnlyWhenThereIsAUserPassword)
{
    EXPECT_EQ(code_of(testing::encrypted_pdf("rahasia")), "encrypted_pdf");
    auto owner_only = inspect_pdf_structure(testing::encrypted_pdf(""), {});
    ASSERT_TRUE(owner_only) << owner_only.error().message;
    EXPECT_EQ(owner_only->pages, 1);
}

TEST(ReadingStructure, GarbageAndTruncationAreCorrupt)
{
    const std::string pdf = make_text_pdf({kLines});
    EXPECT_EQ(code_of("%PDF-1.4\nthis is not a pdf at all\n%%EOF\n"), "corrupt_pdf");
    EXPECT_EQ(code_of(pdf.substr(0, pdf.size() / 3)), "corrupt_pdf");
}

TEST(ReadingStructure, FindsADigitalSignature)
{
    auto structure = inspect_pdf_structure(testing::make_signed_text_pdf(kLines), {});
    ASSERT_TRUE(structure) << structure.error().message;
    EXPECT_TRUE(structure->digitally_signed);
    EXPECT_EQ(structure->pages, 1);
}

TEST(ReadingStructure, EmptySignatureFieldIsNotASignature)
{
    // A form with a signature field still waiting for its signature.
    const std::string unsigned_pdf = assemble_pdf(
        {"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [5 0 R] >> >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
         "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots [5 0 R] >>", berkas::testing::kHelvetica,
         "<< /Type /Annot /Subtype /Widget /FT /Sig /T (Tanda tangan) /Rect [0 0 0 0] /P 3 0 R >>"});
    auto structure = inspect_pdf_structure(unsigned_pdf, {});
    ASSERT_TRUE(structure) << structure.error().message;
    EXPECT_FALSE(structure->digitally_signed);
}

} // namespace
} // namespace berkas::reading
