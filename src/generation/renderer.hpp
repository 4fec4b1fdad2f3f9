#pragma once
// The generation stage: the PDFs that verifiers read and sign, laid out with
// libharu from the templates in templates/.
#include "generation/document_template.hpp"
#include "generation/fonts.hpp"
#include "generation/office.hpp"
#include "model/case_result.hpp"
#include "util/expected.hpp"

#include <filesystem>
#include <string>

namespace berkas::generation {

struct LetterContext {
    const CaseResult& result;
    const Office& office;
    std::string letter_number; // e.g. "800.1.4/0001/Diskominfo/2026"
    std::string date;          // ISO date "2026-11-21"; printed as "21 November 2026"
};

inline constexpr const char* verification_template_file = "lembar-verifikasi.yaml";
inline constexpr const char* recommendation_template_file = "surat-rekomendasi.yaml";

class DocumentRenderer {
public:
    // Loads the templates and finds the fonts; fails with a clear error naming
    // the missing file.
    static Expected<DocumentRenderer> create(const std::filesystem::path& templates_dir);

    // PDF bytes. The same input gives byte-identical output.
    Expected<std::string> verification_sheet(const LetterContext& context) const;    // lembar-verifikasi.pdf
    // Only for complete cases: an incomplete one gives an error, never a letter.
    Expected<std::string> recommendation_letter(const LetterContext& context) const; // surat-rekomendasi.pdf

private:
    DocumentRenderer(DocumentTemplate verification, DocumentTemplate recommendation, FontFiles fonts);
    Expected<std::string> render(const DocumentTemplate& document, const LetterContext& context) const;

    DocumentTemplate m_verification;
    DocumentTemplate m_recommendation;
    FontFiles m_fonts;
};

} // namespace berkas::generation
