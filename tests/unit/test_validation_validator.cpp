#include "validation/profile.hpp"
#include "validation/validator.hpp"
#include "util/file.hpp"

#include <gtest/gtest.h>

using namespace berkas;
using namespace berkas::validation;

namespace {
Profile default_profile()
{
    auto text = read_file(std::string(BERKAS_SOURCE_DIR) + "/rules/default.yaml");
    EXPECT_TRUE(text.has_value());
    auto profile = parse_profile(*text, "rules/default.yaml");
    EXPECT_TRUE(profile.has_value()) << profile.error().message;
    return *profile;
}

Document document(DocumentType type) { return Document {type, "x.pdf", {1}, {}}; }
} // namespace

TEST(ValidationProfile, DefaultRequiresTheFourCommonDocuments)
{
    Profile profile = default_profile();
    EXPECT_EQ(profile.id, "default");
    EXPECT_EQ(profile.required_documents,
              (std::vector {DocumentType::surat_permohonan, DocumentType::formulir_bsre, DocumentType::ktp,
                            DocumentType::sk_terakhir}));
}

TEST(ValidationCase, CompleteWhenEveryRequiredDocumentIsPresent)
{
    Verdict verdict = validate_case({document(DocumentType::surat_permohonan), document(DocumentType::formulir_bsre),
                                     document(DocumentType::ktp), document(DocumentType::sk_terakhir)},
                                    {}, default_profile());
    EXPECT_EQ(verdict.status, CaseStatus::complete);
    EXPECT_TRUE(verdict.problems.empty());
}

TEST(ValidationCase, MissingKtpIsReportedInIndonesian)
{
    Verdict verdict = validate_case({document(DocumentType::surat_permohonan), document(DocumentType::formulir_bsre),
                                     document(DocumentType::sk_terakhir)},
                                    {}, default_profile());
    EXPECT_EQ(verdict.status, CaseStatus::incomplete);
    ASSERT_EQ(verdict.problems.size(), 1u);
    EXPECT_EQ(verdict.problems[0].code, "missing:ktp");
    EXPECT_EQ(verdict.problems[0].message, "Fotokopi KTP tidak ditemukan");
    EXPECT_FALSE(verdict.requirements[2].present);
}

TEST(ValidationProfile, RejectsUnknownRequiredDocument)
{
    auto profile = parse_profile("profile: x\nrequired_documents: [ktp, paspor]\n", "rules/x.yaml");
    ASSERT_FALSE(profile.has_value());
    EXPECT_EQ(profile.error().message, "rules/x.yaml:2:27: unknown document type");
}
