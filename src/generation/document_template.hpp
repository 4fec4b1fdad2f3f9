#pragma once
// A document template as an office edits it in templates/*.yaml: page setup, metadata
// and a list of blocks whose texts are mustache templates. Lengths are written in
// millimetres and stored here in PDF points; font sizes are points. See templates/README.md.
#include "util/expected.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace berkas::generation {

inline constexpr double points_per_mm = 72.0 / 25.4;

enum class Align { left, center, right, justify };

struct TextLine {
    std::string text;
    bool bold = false;
    bool underline = false;
};

// Letterhead: office.letterhead lines centred, the last one emphasised, then
// office.address and a double rule. Optional logo at the left from office.logo_path.
struct KopBlock {
    double line_size = 14;
    double emphasis_size = 16;
    double address_size = 10;
    double logo_size = 22 * points_per_mm;
};

struct HeadingBlock {
    std::string text;
    double size = 0; // 0: the page font size
    bool bold = true;
    bool underline = false;
    Align align = Align::center;
};

struct ParagraphBlock {
    std::string text;
    double size = 0;
    bool bold = false;
    Align align = Align::justify;
    double indent = 0;            // left indent of every line
    double first_line_indent = 0; // added to the first line; negative gives a hanging indent
};

struct FieldRow {
    std::string label;
    std::string value;
    bool bold = false;
    std::string when; // the row is left out when this renders blank
};

// "Label : value" rows. `aside` is printed right-aligned on the first row (place and
// date on the Nomor line); `qr` puts a QR code at the right of the rows.
struct FieldsBlock {
    std::vector<FieldRow> rows;
    double label_width = 35 * points_per_mm;
    double indent = 0;
    double size = 0;
    std::string aside;
    std::string qr;
    double qr_size = 25 * points_per_mm;
};

struct TableColumn {
    std::string header;
    std::string text;
    bool checkbox = false; // a box drawn before the text, ticked when `checked` renders non-blank
    std::string checked;
    double width = 0; // 0: the rest of the text width
    Align align = Align::left;
};

// One row per item of the data list named by `rows`; the header row is repeated when
// the table continues on the next page.
struct TableBlock {
    std::string rows;
    std::vector<TableColumn> columns;
    std::string empty; // printed across the table when the list is empty
    double size = 0;
};

struct ListBlock {
    std::string title;
    std::string items; // data list name
    std::string item;  // template rendered per item
    std::string empty; // printed when the list is empty
    bool numbered = true;
    double indent = 0;
    double size = 0;
};

// One signer: lines above, a QR code (or blank space for a wet signature), lines below.
// With `qr_beside` the QR code stands at the left margin, level with the space, and
// the space stays blank for a signature by hand.
struct SignatureBlock {
    std::vector<TextLine> above;
    std::vector<TextLine> below;
    std::string qr;
    bool qr_beside = false;
    double space = 22 * points_per_mm; // height of the QR code or of the blank space
    double width = 80 * points_per_mm;
    Align align = Align::right;
    double size = 0;
    std::string label; // names the signer where a signed copy is read back
};

// `count` boxes side by side for verifiers to sign; signer i takes item i of the data
// list `signers` (missing items render with empty data, so templates can print dots).
struct SignatureBoxesBlock {
    std::vector<TextLine> above; // flush-left lines kept on the same page as the boxes
    std::string signers;
    int count = 3;
    std::string title;
    std::vector<TextLine> below;
    double box_height = 20 * points_per_mm;
    double size = 0;
    std::string qr; // a QR code at the right of the boxes
    double qr_size = 22 * points_per_mm;
};

// A label followed by empty tick boxes for a verifier's decision.
struct ChoicesBlock {
    std::string label;
    std::vector<std::string> options;
    double size = 0;
};

struct QrBlock {
    std::string content;
    double size = 25 * points_per_mm;
    Align align = Align::right;
    std::string caption;
};

// Small pictures side by side with a caption under each, one per item of the data
// list `items` (its `image` is a JPEG or PNG file; `card` gives an ID-card-shaped
// frame, `top_half` shows only the upper half of the picture).
struct ThumbnailsBlock {
    std::string items = "thumbnails";
    std::string caption = "{{caption}}";
    std::string title;
    std::string empty;
    double height = 32 * points_per_mm;
    double size = 8;
};

struct SpacerBlock {
    double height = 5 * points_per_mm;
};

// What follows starts on a new page (nothing happens at the top of a page).
struct PageBreakBlock {};

using BlockKind = std::variant<KopBlock, HeadingBlock, ParagraphBlock, FieldsBlock, TableBlock, ListBlock,
                               SignatureBlock, SignatureBoxesBlock, ChoicesBlock, QrBlock, ThumbnailsBlock, SpacerBlock,
                               PageBreakBlock>;

struct Block {
    BlockKind kind;
    std::string when; // the block is left out when this renders blank
    double space_before = 0;
    double space_after = 0;
    bool keep_with_next = false; // headings: never the last thing on a page
};

struct PageSetup {
    double margin_top = 15 * points_per_mm;
    double margin_right = 20 * points_per_mm;
    double margin_bottom = 20 * points_per_mm;
    double margin_left = 25 * points_per_mm;
    double font_size = 12;
    double line_height = 1.2; // times the font size
};

struct DocumentMetadata {
    std::string title;
    std::string subject;
    std::string author;
    std::string creator = "berkas";
    std::string keywords;
};

struct DocumentTemplate {
    std::string file; // where it was read, for error messages
    DocumentMetadata metadata;
    PageSetup page;
    std::string footer; // may use {{page}} and {{pages}}
    std::vector<Block> blocks;
};

// Parses the YAML text; every mustache text is checked, and errors name the file
// and the key ("blocks[4].columns[1].width").
Expected<DocumentTemplate> parse_document_template(std::string_view yaml_text, const std::string& file_name);
Expected<DocumentTemplate> load_document_template(const std::filesystem::path& path);

} // namespace berkas::generation
