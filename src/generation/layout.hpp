#pragma once
// Lays out a document template into positioned text runs and shapes on A4 pages. Pure:
// text widths come from a TextMeasure, so tests run without fonts or PDF files.
// Coordinates are PDF points from the bottom-left corner of the page.
#include "generation/document_template.hpp"
#include "generation/template_data.hpp"
#include "util/expected.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace berkas::generation {

inline constexpr double a4_width = 595.276;
inline constexpr double a4_height = 841.89;

enum class Face { regular, bold };

class TextMeasure {
public:
    virtual ~TextMeasure() = default;
    virtual double width(std::string_view text, Face face, double size) const = 0;
};

struct TextRun {
    double x = 0;
    double baseline = 0;
    std::string text;
    Face face = Face::regular;
    double size = 12;
};

struct Segment {
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    double line_width = 0.5;
};

// x, y is the lower-left corner.
struct Box {
    double x = 0, y = 0, width = 0, height = 0;
    double line_width = 0.5;
    double fill_gray = -1; // 0 black … 1 white; negative: not filled
};

// A tick drawn as a path inside the square (x, y, size): Liberation has no ✓ glyph.
struct CheckMark {
    double x = 0, y = 0, size = 0;
};

struct QrSymbol {
    double x = 0, y = 0, size = 0; // the square including the quiet zone
    std::string payload;
};

// A logo fitted, keeping its aspect ratio, into the square (x, y, size).
struct Picture {
    double x = 0, y = 0, size = 0;
    std::string path;
};

// A small picture fitted into the frame (x, y, width, height), keeping its aspect ratio;
// with top_half only the upper half of the picture is shown.
struct Thumbnail {
    double x = 0, y = 0, width = 0, height = 0;
    std::string path;
    bool top_half = false;
};

// Where someone signs by hand (a verifier's box, the space above a name), so that
// a signed copy scanned back can be read: nothing is drawn for it.
struct SigningArea {
    double x = 0, y = 0, width = 0, height = 0;
    std::string label;
};

struct LaidOutPage {
    std::vector<Box> boxes;
    std::vector<Segment> segments;
    std::vector<CheckMark> checks;
    std::vector<QrSymbol> qr_codes;
    std::vector<Picture> pictures;
    std::vector<Thumbnail> thumbnails;
    std::vector<TextRun> texts;
    std::vector<SigningArea> signing_areas;
};

struct RenderedMetadata {
    std::string title, subject, author, creator, keywords;
};

struct LaidOutDocument {
    RenderedMetadata metadata;
    std::vector<LaidOutPage> pages;
};

Expected<LaidOutDocument> lay_out_document(const DocumentTemplate& document, const TemplateData& data,
                                           const TextMeasure& measure);

} // namespace berkas::generation
