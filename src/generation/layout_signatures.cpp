// Places what a document is signed and checked with: signature blocks, rows of boxes for
// several signers, QR codes, and thumbnails of the pages a document refers to.
#include "generation/layouter.hpp"

#include <algorithm>

namespace berkas::generation {

namespace {

// Frames keep the shape of what they show: an A4 page, its upper half, or an ID card.
double frame_aspect(const TemplateData& item)
{
    auto flag = [&](const char* key) {
        const TemplateData* value = item.get(key);
        return value != nullptr && value->is_true();
    };
    constexpr double a4_aspect = 210.0 / 297.0;
    constexpr double id_card_aspect = 85.6 / 54.0;
    return flag("card") ? id_card_aspect : flag("top_half") ? 2 * a4_aspect : a4_aspect;
}

} // namespace

struct Layouter::StyledLines {
    std::vector<WrappedLine> lines;
    Face face = Face::regular;
    bool underline = false;
};

std::vector<Layouter::StyledLines> Layouter::styled_lines(const std::vector<TextLine>& lines, double span,
                                                         double size, const TemplateData* item)
{
    std::vector<StyledLines> styled;
    for (const TextLine& line : lines) {
        Face face = line.bold ? Face::bold : Face::regular;
        styled.push_back({wrap(render(line.text, item), span, face, size), face, line.underline});
    }
    return styled;
}

size_t Layouter::count_lines(const std::vector<StyledLines>& styled)
{
    size_t count = 0;
    for (const StyledLines& part : styled)
        count += part.lines.size();
    return count;
}

// Places centred lines from `line_top` down; returns the height used.
double Layouter::place_centered(const std::vector<StyledLines>& styled, double x, double span, double line_top,
                                double size)
{
    double y = line_top;
    for (const StyledLines& part : styled) {
        for (const WrappedLine& line : part.lines) {
            place_line(line, x, span, baseline_in(y, size), part.face, size, Align::center, part.underline);
            y -= line_height(size);
        }
    }
    return line_top - y;
}

void Layouter::place_flush_left(const std::vector<StyledLines>& styled, double x, double span, double size)
{
    for (const StyledLines& part : styled) {
        for (const WrappedLine& line : part.lines) {
            place_line(line, x, span, baseline_in(m_y, size), part.face, size, Align::left, part.underline);
            advance(line_height(size));
        }
    }
}

void Layouter::place(const SignatureBlock& signature)
{
    double size = font_size(signature.size);
    double x = block_x(signature.align, signature.width);
    std::vector<StyledLines> above = styled_lines(signature.above, signature.width, size);
    std::vector<StyledLines> below = styled_lines(signature.below, signature.width, size);
    double height = static_cast<double>(count_lines(above) + count_lines(below)) * line_height(size) +
                    signature.space + 4;
    make_room(height); // a signature block is never split
    double y = m_y - place_centered(above, x, signature.width, m_y, size) - 2;
    std::string qr = render(signature.qr);
    if (!is_blank(qr) && !signature.qr_beside) {
        page().qr_codes.push_back({x + (signature.width - signature.space) / 2, y - signature.space,
                                   signature.space, qr});
    } else {
        double qr_x = x > left() + signature.space + column_gap ? left() : right() - signature.space;
        if (!is_blank(qr)) // at the far side from the signer, level with the space
            page().qr_codes.push_back({qr_x, y - signature.space, signature.space, qr});
        std::string label = trim(render(signature.label));
        page().signing_areas.push_back({x, y - signature.space, signature.width, signature.space,
                                        label.empty() ? "Penandatangan" : label});
    }
    y -= signature.space + 2;
    y -= place_centered(below, x, signature.width, y, size);
    advance(m_y - y);
}

// The data box i is rendered with: item i of the signers list and its index. A missing
// signer renders with empty data, so the template can print dots to fill in by hand.
std::vector<TemplateData> Layouter::signer_contexts(const SignatureBoxesBlock& boxes)
{
    const TemplateData* signers = data_list(boxes.signers, "signers");
    std::vector<TemplateData> contexts;
    for (size_t i = 0; i < static_cast<size_t>(boxes.count); ++i) {
        bool present = signers != nullptr && i < signers->list_value().size();
        TemplateData context = present ? signers->list_value()[i] : TemplateData {};
        context.set("index", std::to_string(i + 1));
        contexts.push_back(std::move(context));
    }
    return contexts;
}

struct Layouter::SignerBox {
    std::vector<StyledLines> title;
    std::vector<StyledLines> below;
};

void Layouter::place(const SignatureBoxesBlock& boxes)
{
    double size = font_size(boxes.size);
    double gap = 4 * points_per_mm;
    std::string qr = render(boxes.qr);
    double qr_size = is_blank(qr) ? 0 : boxes.qr_size;
    double boxes_width = text_width() - (qr_size > 0 ? qr_size + gap : 0);
    double box_width = (boxes_width - (boxes.count - 1) * gap) / boxes.count;
    std::vector<SignerBox> signers;
    size_t title_lines = 0, below_lines = 0;
    for (const TemplateData& context : signer_contexts(boxes)) {
        signers.push_back({styled_lines({{boxes.title, true, false}}, box_width - 4, size, &context),
                           styled_lines(boxes.below, box_width - 4, size, &context)});
        title_lines = std::max(title_lines, count_lines(signers.back().title));
        below_lines = std::max(below_lines, count_lines(signers.back().below));
    }
    std::vector<StyledLines> above = styled_lines(boxes.above, text_width(), size);
    double above_gap = above.empty() ? 0 : 2 * points_per_mm;
    double above_height = static_cast<double>(count_lines(above)) * line_height(size) + above_gap;
    double title_height = static_cast<double>(title_lines) * line_height(size);
    double height = std::max(qr_size, title_height + boxes.box_height + 4 +
                                          static_cast<double>(below_lines) * line_height(size));
    make_room(above_height + height); // the boxes stay with the lines above them
    place_flush_left(above, left(), text_width(), size);
    advance(above_gap);
    if (qr_size > 0) // on the same page as the boxes, so that a signed copy can be read back
        page().qr_codes.push_back({right() - qr_size, m_y - qr_size, qr_size, qr});
    for (size_t i = 0; i < signers.size(); ++i) {
        double x = left() + static_cast<double>(i) * (box_width + gap);
        double box_bottom = m_y - title_height - 1 - boxes.box_height;
        place_centered(signers[i].title, x, box_width, m_y, size);
        page().boxes.push_back({x, box_bottom, box_width, boxes.box_height, 0.5, -1});
        page().signing_areas.push_back({x, box_bottom, box_width, boxes.box_height, joined(signers[i].title)});
        place_centered(signers[i].below, x, box_width, box_bottom - 3, size);
    }
    advance(height);
}

std::string Layouter::joined(const std::vector<StyledLines>& styled)
{
    std::string text;
    for (const StyledLines& part : styled) {
        for (const WrappedLine& line : part.lines)
            text += (text.empty() ? "" : " ") + line.text;
    }
    return text;
}


struct Layouter::ThumbnailItem {
    Thumbnail frame;
    std::vector<WrappedLine> caption;
};

std::vector<Layouter::ThumbnailItem> Layouter::thumbnail_items(const ThumbnailsBlock& block)
{
    std::vector<ThumbnailItem> items;
    const TemplateData* list = data_list(block.items, "items");
    if (list == nullptr)
        return items;
    for (const TemplateData& item : list->list_value()) {
        const TemplateData* top_half = item.get("top_half");
        double width = std::min(text_width(), block.height * frame_aspect(item));
        Thumbnail frame {0, 0, width, block.height, trim(render("{{image}}", &item)),
                         top_half != nullptr && top_half->is_true()};
        std::vector<WrappedLine> caption = wrap(render(block.caption, &item), width, Face::regular, block.size);
        if (caption.size() > 3)
            caption.resize(3);
        items.push_back({std::move(frame), std::move(caption)});
    }
    return items;
}

void Layouter::place(const ThumbnailsBlock& block)
{
    std::vector<ThumbnailItem> items = thumbnail_items(block);
    std::string title = render(block.title);
    std::string empty = render(block.empty);
    if (items.empty() && is_blank(empty))
        return;
    double size = font_size(0);
    if (!is_blank(title)) {
        make_room(line_height(size) + (items.empty() ? 0 : block.height));
        flow_lines(wrap(title, text_width(), Face::regular, size), left(), text_width(), Face::regular, size,
                   Align::left);
    }
    if (items.empty()) {
        flow_lines(wrap(empty, text_width(), Face::regular, size), left(), text_width(), Face::regular, size,
                   Align::left);
        return;
    }
    double gap = 4 * points_per_mm;
    double row_height = 0;
    double x = left();
    for (ThumbnailItem& item : items) {
        double height = block.height + 1.5 + static_cast<double>(item.caption.size()) * line_height(block.size);
        if (x > left() && x + item.frame.width > right() + 0.01) { // next row
            advance(row_height + gap / 2);
            x = left();
            row_height = 0;
        }
        if (x == left())
            make_room(height);
        item.frame.x = x;
        item.frame.y = m_y - block.height;
        page().boxes.push_back({x, item.frame.y, item.frame.width, item.frame.height, 0.3, -1});
        page().thumbnails.push_back(item.frame);
        double caption_top = item.frame.y - 1.5;
        for (const WrappedLine& line : item.caption) {
            place_line(line, x, item.frame.width, baseline_in(caption_top, block.size), Face::regular, block.size,
                       Align::center);
            caption_top -= line_height(block.size);
        }
        row_height = std::max(row_height, height);
        x += item.frame.width + gap;
    }
    advance(row_height);
}


void Layouter::place(const QrBlock& qr)
{
    std::string content = render(qr.content);
    if (is_blank(content))
        return;
    double caption_size = 8;
    double caption_span = qr.size + 30 * points_per_mm;
    std::vector<WrappedLine> caption = wrap(render(qr.caption), caption_span, Face::regular, caption_size);
    make_room(qr.size + static_cast<double>(caption.size()) * line_height(caption_size));
    double x = block_x(qr.align, qr.size);
    page().qr_codes.push_back({x, m_y - qr.size, qr.size, content});
    advance(qr.size);
    double caption_x = std::clamp(x + qr.size / 2 - caption_span / 2, left(), right() - caption_span);
    flow_lines(caption, caption_x, caption_span, Face::regular, caption_size, Align::center);
}

} // namespace berkas::generation
