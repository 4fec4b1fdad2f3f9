#include "generation/renderer.hpp"

#include "generation/indonesian.hpp"
#include "generation/layout.hpp"
#include "generation/pdf_writer.hpp"
#include "generation/qr_code.hpp"
#include "generation/template_data.hpp"
#include "generation/to_unicode.hpp"

namespace berkas::generation {

namespace {

// Where each QR symbol (without its quiet zone) and each signing place lie.
Expected<DocumentLayout> layout_of(const LaidOutDocument& document)
{
    DocumentLayout layout;
    for (size_t i = 0; i < document.pages.size(); ++i) {
        int page = static_cast<int>(i + 1);
        for (const QrSymbol& code : document.pages[i].qr_codes) {
            auto matrix = encode_qr(code.payload);
            if (!matrix)
                return tl::unexpected(matrix.error());
            double module = code.size / (matrix->width + 2 * qr_quiet_zone_modules);
            double quiet = qr_quiet_zone_modules * module;
            double side = matrix->width * module;
            layout.codes.push_back({page, {code.x + quiet, code.y + quiet, side, side}, code.payload});
        }
        for (const SigningArea& area : document.pages[i].signing_areas)
            layout.signatures.push_back({page, {area.x, area.y, area.width, area.height}, area.label});
    }
    return layout;
}

} // namespace

DocumentRenderer::DocumentRenderer(DocumentTemplate verification, DocumentTemplate recommendation,
                                   DocumentTemplate deficiency, FontFiles fonts)
    : m_verification(std::move(verification))
    , m_recommendation(std::move(recommendation))
    , m_deficiency(std::move(deficiency))
    , m_fonts(std::move(fonts))
{
}

Expected<DocumentRenderer> DocumentRenderer::create(const std::filesystem::path& templates_dir)
{
    auto verification = BERKAS_TRY(load_document_template(templates_dir / verification_template_file));
    auto recommendation = BERKAS_TRY(load_document_template(templates_dir / recommendation_template_file));
    auto deficiency = BERKAS_TRY(load_document_template(templates_dir / deficiency_template_file));
    auto fonts = BERKAS_TRY(find_serif_fonts());
    return DocumentRenderer(std::move(verification), std::move(recommendation), std::move(deficiency),
                            std::move(fonts));
}

const DocumentTemplate& DocumentRenderer::template_for(IssuedDocument document) const
{
    switch (document) {
    case IssuedDocument::verification_sheet: return m_verification;
    case IssuedDocument::recommendation_letter: return m_recommendation;
    case IssuedDocument::deficiency_notice: return m_deficiency;
    }
    return m_verification;
}

Expected<RenderedDocument> DocumentRenderer::render(IssuedDocument document, const LetterContext& context) const
{
    bool complete = context.result.status == CaseStatus::complete;
    if (document == IssuedDocument::recommendation_letter && !complete)
        return make_error("incomplete_case", "a surat rekomendasi is only issued for a complete case", {},
                          context.result.case_id);
    if (document == IssuedDocument::deficiency_notice && complete)
        return make_error("complete_case", "a pemberitahuan kekurangan is only issued for an incomplete case", {},
                          context.result.case_id);
    auto date = parse_iso_date(context.date);
    if (!date)
        return make_error("date", "the letter date must be an ISO date such as 2026-11-21, not '" + context.date + "'",
                          {}, "date");
    auto writer = BERKAS_TRY(PdfWriter::open(m_fonts));
    TemplateData data = build_template_data(context);
    data.set("qr", document_code(context.result.case_id, document));
    auto laid_out = BERKAS_TRY(lay_out_document(template_for(document), data, writer->measure()));
    auto layout = BERKAS_TRY(layout_of(laid_out));
    auto pdf = BERKAS_TRY(writer->write(laid_out, *date));
    return RenderedDocument {BERKAS_TRY(repair_to_unicode_maps(pdf)), std::move(layout)};
}

Expected<std::string> DocumentRenderer::verification_sheet(const LetterContext& context) const
{
    return BERKAS_TRY(render(IssuedDocument::verification_sheet, context)).pdf;
}

Expected<std::string> DocumentRenderer::recommendation_letter(const LetterContext& context) const
{
    return BERKAS_TRY(render(IssuedDocument::recommendation_letter, context)).pdf;
}

Expected<std::string> DocumentRenderer::deficiency_notice(const LetterContext& context) const
{
    return BERKAS_TRY(render(IssuedDocument::deficiency_notice, context)).pdf;
}

} // namespace berkas::generation
