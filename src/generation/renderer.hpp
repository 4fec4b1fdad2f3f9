#pragma once
// The generation stage: the PDFs that verifiers read and sign, laid out with
// libharu from the templates in templates/.
#include "generation/document_template.hpp"
#include "generation/fonts.hpp"
#include "generation/office.hpp"
#include "model/case_result.hpp"
#include "model/issued_document.hpp"
#include "util/expected.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace berkas::generation {

// A small picture of a page the case came with, for the lembar verifikasi.
struct ThumbnailImage {
    std::string caption;   // "Fotokopi KTP (ktp.pdf hlm. 1)"
    std::string path;      // JPEG or PNG; a file that cannot be read leaves an empty frame
    bool card = false;     // an ID card cut out of its page
    bool top_half = false; // only the upper half of the page is shown (where a KTP copy sits)
};

struct LetterContext {
    const CaseResult& result;
    const Office& office;
    std::string letter_number; // e.g. "800.1.4/0001/Diskominfo/2026"
    std::string date;          // ISO date "2026-11-21"; printed as "21 November 2026"
    std::vector<ThumbnailImage> thumbnails = {};
};

// The PDF and where its QR codes and signature places are, so that a signed copy
// scanned back can be matched to it.
struct RenderedDocument {
    std::string pdf;
    DocumentLayout layout;
};

inline constexpr const char* verification_template_file = "lembar-verifikasi.yaml";
inline constexpr const char* recommendation_template_file = "surat-rekomendasi.yaml";
inline constexpr const char* deficiency_template_file = "pemberitahuan-kekurangan.yaml";

class DocumentRenderer {
public:
    // Loads the templates and finds the fonts; fails with a clear error naming
    // the missing file.
    static Expected<DocumentRenderer> create(const std::filesystem::path& templates_dir);

    // The same input gives byte-identical output. The surat rekomendasi is only
    // for a complete case and the pemberitahuan kekurangan only for an incomplete
    // one: the other gives an error, never a document.
    Expected<RenderedDocument> render(IssuedDocument document, const LetterContext& context) const;

    // PDF bytes of each document.
    Expected<std::string> verification_sheet(const LetterContext& context) const;    // lembar-verifikasi.pdf
    Expected<std::string> recommendation_letter(const LetterContext& context) const; // surat-rekomendasi.pdf
    Expected<std::string> deficiency_notice(const LetterContext& context) const;     // pemberitahuan-kekurangan.pdf

private:
    DocumentRenderer(DocumentTemplate verification, DocumentTemplate recommendation, DocumentTemplate deficiency,
                     FontFiles fonts);
    const DocumentTemplate& template_for(IssuedDocument document) const;

    DocumentTemplate m_verification;
    DocumentTemplate m_recommendation;
    DocumentTemplate m_deficiency;
    FontFiles m_fonts;
};

} // namespace berkas::generation
