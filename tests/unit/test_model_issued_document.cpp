#include "model/issued_document.hpp"

#include <gtest/gtest.h>

namespace berkas {
namespace {

TEST(ModelIssuedDocument, CodesNameTheCaseAndTheDocument)
{
    for (IssuedDocument document : all_issued_documents) {
        std::string code = document_code("pemohon-a-329c30", document);
        auto parsed = parse_document_code(code);
        ASSERT_TRUE(parsed) << code;
        EXPECT_EQ(parsed->case_id, "pemohon-a-329c30");
        EXPECT_EQ(parsed->document, document);
    }
    EXPECT_EQ(document_code("x-1", IssuedDocument::recommendation_letter), "berkas:case:x-1:surat-rekomendasi");
    EXPECT_EQ(file_name(IssuedDocument::deficiency_notice), "pemberitahuan-kekurangan.pdf");
}

TEST(ModelIssuedDocument, OlderCodesCarryOnlyTheCase)
{
    auto parsed = parse_document_code("berkas:case:2026-11-21-siti-aminah");
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->case_id, "2026-11-21-siti-aminah");
    EXPECT_FALSE(parsed->document);
}

TEST(ModelIssuedDocument, OtherContentIsNotOurs)
{
    for (const char* payload : {"https://tte.kominfo.go.id/verifyPDF/abc", "berkas:case:",
                                "berkas:case:a:b:lembar-verifikasi", "berkas:case:x-1:surat-lain", "BERKAS:CASE:x-1", ""})
        EXPECT_FALSE(parse_document_code(payload)) << payload;
}

} // namespace
} // namespace berkas
