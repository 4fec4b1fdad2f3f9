#include "generation/renderer.hpp"

#include "generation/indonesian.hpp"
#include "generation/layout.hpp"
#include "generation/pdf_writer.hpp"
#include "generation/template_data.hpp"
#include "generation/to_unicode.hpp"

namespace berkas::generation {

DocumentRenderer::DocumentRenderer(DocumentTemplate verification, DocumentTemplate recommendation, FontFiles fonts)
    : m_verification(std::move(verification))
    , m_recommendation(std::move(recommendation))
    , m_fonts(std::move(fonts))
{
}

Expected<DocumentRenderer> DocumentRenderer::create(const std::filesystem::path& templates_dir)
{
    auto verification = load_document_template(templates_dir / verification_template_file);
    if (!verification)
        return tl::unexpected(verification.error());
    auto recommendation = load_document_template(templates_dir / recommendation_template_file);
    if (!recommendation)
        return tl::unexpected(recommendation.error());
    auto fonts = find_serif_fonts();
    if (!fonts)
        return tl::unexpected(fonts.error());
    return DocumentRenderer(std::move(*verification), std::move(*recommendation), std::move(*fonts));
}

Expected<std::string> DocumentRenderer::verification_sheet(const LetterContext& context) const
{
    return render(m_verification, context);
}

Expected<std::string> DocumentRenderer::recommendation_letter(const LetterContext& context) const
{
    if (context.result.status != CaseStatus::complete)
        return make_error("incomplete_case", "a surat rekomendasi is only issued for a complete case", {},
                          context.result.case_id);
    return render(m_recommendation, context);
}

Expected<std::string> DocumentRenderer::render(const DocumentTemplate& document, const LetterContext& context) const
{
    auto date = parse_iso_date(context.date);
    if (!date)
        return make_error("date", "the letter date must be an ISO date such as 2026-11-21, not '" + context.date + "'",
                          {}, "date");
    auto writer = PdfWriter::open(m_fonts);
    if (!writer)
        return tl::unexpected(writer.error());
    auto laid_out = lay_out_document(document, build_template_data(context), (*writer)->measure());
    if (!laid_out)
        return tl::unexpected(laid_out.error());
    auto pdf = (*writer)->write(*laid_out, *date);
    if (!pdf)
        return tl::unexpected(pdf.error());
    return repair_to_unicode_maps(*pdf);
}

} // namespace berkas::generation
