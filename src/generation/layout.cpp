// Lays out a whole document: block after block, skipping those whose `when` renders
// blank, then the footers, which need the page count. The block kinds are placed in
// layout_text_blocks.cpp, layout_tables.cpp and layout_signatures.cpp.
#include "generation/layout.hpp"

#include "generation/layouter.hpp"

namespace berkas::generation {

Expected<LaidOutDocument> Layouter::run()
{
    start_page();
    for (const Block& block : m_document.blocks) {
        if (!block.when.empty() && is_blank(render(block.when)))
            continue;
        lay_out(block);
    }
    add_footers();
    RenderedMetadata metadata = render_metadata();
    if (m_error)
        return tl::unexpected(*m_error);
    return LaidOutDocument {std::move(metadata), std::move(m_pages)};
}

void Layouter::lay_out(const Block& block)
{
    if (!m_page_is_empty)
        advance(block.space_before);
    if (block.keep_with_next) // a heading must not end a page: keep room for what follows
        make_room(estimated_height(block) + 3 * line_height(m_page.font_size));
    std::visit([this](const auto& kind) { place(kind); }, block.kind);
    if (!m_page_is_empty)
        m_y -= block.space_after;
}

double Layouter::estimated_height(const Block& block)
{
    if (const auto* heading = std::get_if<HeadingBlock>(&block.kind)) {
        double size = font_size(heading->size);
        Face face = heading->bold ? Face::bold : Face::regular;
        return static_cast<double>(wrap(render(heading->text), text_width(), face, size).size()) *
               line_height(size);
    }
    return line_height(m_page.font_size);
}

Expected<LaidOutDocument> lay_out_document(const DocumentTemplate& document, const TemplateData& data,
                                           const TextMeasure& measure)
{
    return Layouter(document, data, measure).run();
}

} // namespace berkas::generation
