#pragma once
// Internal to the layout (not part of layout.hpp): places each kind of template block
// through the page cursor. The placing of block kinds is spread over
//   layout_text_blocks.cpp  kop, heading, paragraph, fields, list, choices, spacer, page break
//   layout_tables.cpp       tables
//   layout_signatures.cpp   signature, signature boxes, QR code, thumbnails
// and layout.cpp runs the whole document.
#include "generation/layout_page.hpp"

namespace berkas::generation {

class Layouter : private PageCursor {
public:
    using PageCursor::PageCursor;

    Expected<LaidOutDocument> run();

private:
    void lay_out(const Block& block);
    double estimated_height(const Block& block);

    // ── text blocks (layout_text_blocks.cpp) ───────────────────────────────────
    struct FieldLines;

    void place(const KopBlock& kop);
    void place(const HeadingBlock& heading);
    void place(const ParagraphBlock& paragraph);
    void place(const FieldsBlock& fields);
    static double row_lines(const FieldLines& row);
    void place_field_row(const FieldLines& row, double x_label, double x_colon, double x_value, double value_span,
                         double size);
    void place(const ListBlock& list);
    void place(const ChoicesBlock& choices);
    void place(const SpacerBlock& spacer);
    void place(const PageBreakBlock&);

    // ── tables (layout_tables.cpp) ─────────────────────────────────────────────
    struct Cell;

    void place(const TableBlock& table);
    std::vector<double> column_widths(const TableBlock& table);
    std::vector<std::vector<Cell>> table_rows(const TableBlock& table, const std::vector<double>& widths, double size);
    Cell make_cell(const TableColumn& column, double column_width, double size, const TemplateData* item, Face face,
                   const std::string& text);
    double row_height(const std::vector<Cell>& cells, double size) const;
    void place_row(const std::vector<Cell>& cells, const std::vector<double>& widths, const std::vector<Align>& aligns,
                   double size, Face face, double fill_gray);

    // ── signatures, QR codes and thumbnails (layout_signatures.cpp) ────────────
    struct StyledLines;
    struct SignerBox;
    struct ThumbnailItem;

    void place(const SignatureBlock& signature);
    void place(const SignatureBoxesBlock& boxes);
    std::vector<TemplateData> signer_contexts(const SignatureBoxesBlock& boxes);
    std::vector<StyledLines> styled_lines(const std::vector<TextLine>& lines, double span, double size,
                                          const TemplateData* item = nullptr);
    double place_centered(const std::vector<StyledLines>& styled, double x, double span, double line_top, double size);
    void place_flush_left(const std::vector<StyledLines>& styled, double x, double span, double size);
    static size_t count_lines(const std::vector<StyledLines>& styled);
    static std::string joined(const std::vector<StyledLines>& styled);
    void place(const QrBlock& qr);
    void place(const ThumbnailsBlock& block);
    std::vector<ThumbnailItem> thumbnail_items(const ThumbnailsBlock& block);
};

} // namespace berkas::generation
