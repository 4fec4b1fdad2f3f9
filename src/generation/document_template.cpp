#include "generation/document_template.hpp"

#include "util/file.hpp"

#include <kainjow/mustache.hpp>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <functional>
#include <map>

namespace berkas::generation {

namespace {

// Thrown inside this file only, turned into an Error by parse_document_template.
struct SchemaError {
    std::string field;
    std::string message;
};

[[noreturn]] void fail(const std::string& field, const std::string& message)
{
    throw SchemaError {field, message};
}

std::string child(const std::string& where, std::string_view key)
{
    return where.empty() ? std::string(key) : where + "." + std::string(key);
}

using KeyList = std::vector<std::string_view>;

void expect_keys(const YAML::Node& node, const std::string& where, const KeyList& allowed,
                 const KeyList& also_allowed = {})
{
    if (!node.IsMap())
        fail(where, "must be a mapping of keys to values");
    for (const auto& entry : node) {
        auto key = entry.first.as<std::string>();
        bool known = std::find(allowed.begin(), allowed.end(), key) != allowed.end() ||
                     std::find(also_allowed.begin(), also_allowed.end(), key) != also_allowed.end();
        if (!known) {
            std::string names;
            for (std::string_view name : allowed)
                names += std::string(names.empty() ? "" : ", ").append(name);
            fail(child(where, key), "unknown key; this block knows: " + names);
        }
    }
}

// Texts are mustache templates; a broken one is reported now rather than when a case
// is being processed.
std::string checked_template(const std::string& text, const std::string& where)
{
    kainjow::mustache::mustache parsed {text};
    if (!parsed.is_valid())
        fail(where, "invalid template: " + parsed.error_message());
    return text;
}

std::string read_text(const YAML::Node& node, std::string_view key, const std::string& where,
                      const std::string& fallback = {})
{
    const YAML::Node value = node[std::string(key)];
    if (!value || value.IsNull())
        return fallback;
    if (!value.IsScalar())
        fail(child(where, key), "must be a text");
    return checked_template(value.as<std::string>(), child(where, key));
}

double read_number(const YAML::Node& node, std::string_view key, const std::string& where, double fallback)
{
    const YAML::Node value = node[std::string(key)];
    if (!value || value.IsNull())
        return fallback;
    double number = 0;
    if (!value.IsScalar() || !YAML::convert<double>::decode(value, number) || number < 0)
        fail(child(where, key), "must be a number, 0 or more");
    return number;
}

double read_length(const YAML::Node& node, std::string_view key, const std::string& where, double fallback_points)
{
    return read_number(node, key, where, fallback_points / points_per_mm) * points_per_mm;
}

bool read_bool(const YAML::Node& node, std::string_view key, const std::string& where, bool fallback)
{
    const YAML::Node value = node[std::string(key)];
    if (!value || value.IsNull())
        return fallback;
    bool flag = false;
    if (!value.IsScalar() || !YAML::convert<bool>::decode(value, flag))
        fail(child(where, key), "must be true or false");
    return flag;
}

Align read_align(const YAML::Node& node, const std::string& where, Align fallback)
{
    static const std::map<std::string, Align> names {
        {"left", Align::left}, {"center", Align::center}, {"right", Align::right}, {"justify", Align::justify}};
    const YAML::Node value = node["align"];
    if (!value || value.IsNull())
        return fallback;
    auto found = value.IsScalar() ? names.find(value.as<std::string>()) : names.end();
    if (found == names.end())
        fail(child(where, "align"), "must be left, center, right or justify");
    return found->second;
}

template<typename Item>
std::vector<Item> read_list(const YAML::Node& node, std::string_view key, const std::string& where,
                            const std::function<Item(const YAML::Node&, const std::string&)>& read_item)
{
    const YAML::Node value = node[std::string(key)];
    if (!value || value.IsNull())
        return {};
    if (!value.IsSequence())
        fail(child(where, key), "must be a list");
    std::vector<Item> items;
    for (size_t i = 0; i < value.size(); ++i)
        items.push_back(read_item(value[i], child(where, key) + "[" + std::to_string(i) + "]"));
    return items;
}

// A line is either a plain text or {text, bold, underline}.
TextLine read_text_line(const YAML::Node& node, const std::string& where)
{
    if (node.IsScalar())
        return {checked_template(node.as<std::string>(), where)};
    expect_keys(node, where, {"text", "bold", "underline"});
    return {read_text(node, "text", where), read_bool(node, "bold", where, false),
            read_bool(node, "underline", where, false)};
}

std::vector<TextLine> read_lines(const YAML::Node& node, std::string_view key, const std::string& where)
{
    return read_list<TextLine>(node, key, where, read_text_line);
}

KopBlock read_kop(const YAML::Node& node, const std::string& where)
{
    KopBlock kop;
    kop.line_size = read_number(node, "line_size", where, kop.line_size);
    kop.emphasis_size = read_number(node, "emphasis_size", where, kop.emphasis_size);
    kop.address_size = read_number(node, "address_size", where, kop.address_size);
    kop.logo_size = read_length(node, "logo_size", where, kop.logo_size);
    return kop;
}

HeadingBlock read_heading(const YAML::Node& node, const std::string& where)
{
    HeadingBlock heading;
    heading.text = read_text(node, "text", where);
    heading.size = read_number(node, "size", where, 0);
    heading.bold = read_bool(node, "bold", where, true);
    heading.underline = read_bool(node, "underline", where, false);
    heading.align = read_align(node, where, Align::center);
    return heading;
}

ParagraphBlock read_paragraph(const YAML::Node& node, const std::string& where)
{
    ParagraphBlock paragraph;
    paragraph.text = read_text(node, "text", where);
    paragraph.size = read_number(node, "size", where, 0);
    paragraph.bold = read_bool(node, "bold", where, false);
    paragraph.align = read_align(node, where, Align::justify);
    paragraph.indent = read_length(node, "indent", where, 0);
    // Signed: a negative first-line indent gives a hanging indent ("Yth. …").
    const YAML::Node first = node["first_line_indent"];
    double first_mm = 0;
    if (first && !first.IsNull() && (!first.IsScalar() || !YAML::convert<double>::decode(first, first_mm)))
        fail(child(where, "first_line_indent"), "must be a number");
    paragraph.first_line_indent = first_mm * points_per_mm;
    return paragraph;
}

FieldRow read_field_row(const YAML::Node& node, const std::string& where)
{
    expect_keys(node, where, {"label", "value", "bold", "when"});
    return {read_text(node, "label", where), read_text(node, "value", where), read_bool(node, "bold", where, false),
            read_text(node, "when", where)};
}

FieldsBlock read_fields(const YAML::Node& node, const std::string& where)
{
    FieldsBlock fields;
    fields.rows = read_list<FieldRow>(node, "rows", where, read_field_row);
    fields.label_width = read_length(node, "label_width", where, fields.label_width);
    fields.indent = read_length(node, "indent", where, 0);
    fields.size = read_number(node, "size", where, 0);
    fields.aside = read_text(node, "aside", where);
    fields.qr = read_text(node, "qr", where);
    fields.qr_size = read_length(node, "qr_size", where, fields.qr_size);
    return fields;
}

TableColumn read_column(const YAML::Node& node, const std::string& where)
{
    expect_keys(node, where, {"header", "text", "checkbox", "checked", "width", "align"});
    TableColumn column;
    column.header = read_text(node, "header", where);
    column.text = read_text(node, "text", where);
    column.checkbox = read_bool(node, "checkbox", where, false);
    column.checked = read_text(node, "checked", where);
    column.width = read_length(node, "width", where, 0);
    column.align = read_align(node, where, Align::left);
    return column;
}

TableBlock read_table(const YAML::Node& node, const std::string& where)
{
    TableBlock table;
    table.rows = read_text(node, "rows", where);
    table.columns = read_list<TableColumn>(node, "columns", where, read_column);
    table.empty = read_text(node, "empty", where);
    table.size = read_number(node, "size", where, 0);
    if (table.columns.empty())
        fail(child(where, "columns"), "a table needs at least one column");
    if (std::count_if(table.columns.begin(), table.columns.end(), [](const auto& c) { return c.width == 0; }) > 1)
        fail(child(where, "columns"), "only one column may leave out its width");
    return table;
}

ListBlock read_list_block(const YAML::Node& node, const std::string& where)
{
    ListBlock list;
    list.title = read_text(node, "title", where);
    list.items = read_text(node, "items", where);
    list.item = read_text(node, "item", where);
    list.empty = read_text(node, "empty", where);
    list.numbered = read_bool(node, "numbered", where, true);
    list.indent = read_length(node, "indent", where, 0);
    list.size = read_number(node, "size", where, 0);
    return list;
}

SignatureBlock read_signature(const YAML::Node& node, const std::string& where)
{
    SignatureBlock signature;
    signature.above = read_lines(node, "above", where);
    signature.below = read_lines(node, "below", where);
    signature.qr = read_text(node, "qr", where);
    signature.qr_beside = read_bool(node, "qr_beside", where, false);
    signature.label = read_text(node, "label", where);
    signature.space = read_length(node, "space", where, signature.space);
    signature.width = read_length(node, "width", where, signature.width);
    signature.align = read_align(node, where, Align::right);
    signature.size = read_number(node, "size", where, 0);
    return signature;
}

SignatureBoxesBlock read_signature_boxes(const YAML::Node& node, const std::string& where)
{
    SignatureBoxesBlock boxes;
    boxes.above = read_lines(node, "above", where);
    boxes.signers = read_text(node, "signers", where);
    boxes.count = static_cast<int>(read_number(node, "count", where, boxes.count));
    if (boxes.count < 1 || boxes.count > 4)
        fail(child(where, "count"), "must be between 1 and 4");
    boxes.title = read_text(node, "title", where);
    boxes.below = read_lines(node, "below", where);
    boxes.box_height = read_length(node, "box_height", where, boxes.box_height);
    boxes.size = read_number(node, "size", where, 0);
    boxes.qr = read_text(node, "qr", where);
    boxes.qr_size = read_length(node, "qr_size", where, boxes.qr_size);
    return boxes;
}

ChoicesBlock read_choices(const YAML::Node& node, const std::string& where)
{
    ChoicesBlock choices;
    choices.label = read_text(node, "label", where);
    choices.options = read_list<std::string>(node, "options", where, [](const YAML::Node& item, const std::string& at) {
        if (!item.IsScalar())
            fail(at, "must be a text");
        return checked_template(item.as<std::string>(), at);
    });
    choices.size = read_number(node, "size", where, 0);
    return choices;
}

QrBlock read_qr(const YAML::Node& node, const std::string& where)
{
    QrBlock qr;
    qr.content = read_text(node, "content", where);
    qr.size = read_length(node, "size", where, qr.size);
    qr.align = read_align(node, where, Align::right);
    qr.caption = read_text(node, "caption", where);
    return qr;
}

ThumbnailsBlock read_thumbnails(const YAML::Node& node, const std::string& where)
{
    ThumbnailsBlock thumbnails;
    thumbnails.items = read_text(node, "items", where, thumbnails.items);
    thumbnails.caption = read_text(node, "caption", where, thumbnails.caption);
    thumbnails.title = read_text(node, "title", where);
    thumbnails.empty = read_text(node, "empty", where);
    thumbnails.height = read_length(node, "height", where, thumbnails.height);
    thumbnails.size = read_number(node, "size", where, thumbnails.size);
    if (thumbnails.height < 10 * points_per_mm)
        fail(child(where, "height"), "must be at least 10 (mm)");
    return thumbnails;
}

SpacerBlock read_spacer(const YAML::Node& node, const std::string& where)
{
    return {read_length(node, "height", where, SpacerBlock {}.height)};
}

struct BlockReader {
    KeyList keys;
    std::function<BlockKind(const YAML::Node&, const std::string&)> read;
};

const std::map<std::string, BlockReader>& block_readers()
{
    static const std::map<std::string, BlockReader> readers {
        {"kop", {{"line_size", "emphasis_size", "address_size", "logo_size"}, read_kop}},
        {"heading", {{"text", "size", "bold", "underline", "align"}, read_heading}},
        {"paragraph", {{"text", "size", "bold", "align", "indent", "first_line_indent"}, read_paragraph}},
        {"fields", {{"rows", "label_width", "indent", "size", "aside", "qr", "qr_size"}, read_fields}},
        {"table", {{"rows", "columns", "empty", "size"}, read_table}},
        {"list", {{"title", "items", "item", "empty", "numbered", "indent", "size"}, read_list_block}},
        {"signature",
         {{"above", "below", "qr", "qr_beside", "space", "width", "align", "size", "label"}, read_signature}},
        {"signature_boxes",
         {{"above", "signers", "count", "title", "below", "box_height", "size", "qr", "qr_size"}, read_signature_boxes}},
        {"choices", {{"label", "options", "size"}, read_choices}},
        {"qr", {{"content", "size", "align", "caption"}, read_qr}},
        {"thumbnails", {{"items", "caption", "title", "empty", "height", "size"}, read_thumbnails}},
        {"spacer", {{"height"}, read_spacer}},
        {"page_break", {{}, [](const YAML::Node&, const std::string&) -> BlockKind { return PageBreakBlock {}; }}},
    };
    return readers;
}

Block read_block(const YAML::Node& node, const std::string& where)
{
    if (!node.IsMap() || !node["type"] || !node["type"].IsScalar())
        fail(where, "a block needs a type: kop, heading, paragraph, fields, table, list, signature, "
                    "signature_boxes, choices, qr, thumbnails, spacer or page_break");
    auto type = node["type"].as<std::string>();
    auto reader = block_readers().find(type);
    if (reader == block_readers().end())
        fail(child(where, "type"), "unknown block type '" + type + "'");
    expect_keys(node, where, reader->second.keys, {"type", "when", "space_before", "space_after", "keep_with_next"});
    Block block;
    block.kind = reader->second.read(node, where);
    block.when = read_text(node, "when", where);
    block.space_before = read_length(node, "space_before", where, 0);
    block.space_after = read_length(node, "space_after", where, 0);
    block.keep_with_next = read_bool(node, "keep_with_next", where, type == "heading");
    return block;
}

PageSetup read_page(const YAML::Node& node, const std::string& where)
{
    PageSetup page;
    if (!node || node.IsNull())
        return page;
    expect_keys(node, where, {"margin_top", "margin_right", "margin_bottom", "margin_left", "font_size", "line_height"});
    page.margin_top = read_length(node, "margin_top", where, page.margin_top);
    page.margin_right = read_length(node, "margin_right", where, page.margin_right);
    page.margin_bottom = read_length(node, "margin_bottom", where, page.margin_bottom);
    page.margin_left = read_length(node, "margin_left", where, page.margin_left);
    page.font_size = read_number(node, "font_size", where, page.font_size);
    page.line_height = read_number(node, "line_height", where, page.line_height);
    if (page.font_size < 4 || page.line_height < 0.8)
        fail(where, "font_size must be at least 4 and line_height at least 0.8");
    return page;
}

DocumentMetadata read_metadata(const YAML::Node& node, const std::string& where)
{
    DocumentMetadata metadata;
    if (!node || node.IsNull())
        return metadata;
    expect_keys(node, where, {"title", "subject", "author", "creator", "keywords"});
    metadata.title = read_text(node, "title", where);
    metadata.subject = read_text(node, "subject", where);
    metadata.author = read_text(node, "author", where);
    metadata.creator = read_text(node, "creator", where, metadata.creator);
    metadata.keywords = read_text(node, "keywords", where);
    return metadata;
}

DocumentTemplate read_document(const YAML::Node& root)
{
    expect_keys(root, "", {"metadata", "page", "footer", "blocks"});
    DocumentTemplate document;
    document.metadata = read_metadata(root["metadata"], "metadata");
    document.page = read_page(root["page"], "page");
    document.footer = read_text(root, "footer", "");
    document.blocks = read_list<Block>(root, "blocks", "", read_block);
    if (document.blocks.empty())
        fail("blocks", "a document needs at least one block");
    return document;
}

} // namespace

Expected<DocumentTemplate> parse_document_template(std::string_view yaml_text, const std::string& file_name)
{
    try {
        DocumentTemplate document = read_document(YAML::Load(std::string(yaml_text)));
        document.file = file_name;
        return document;
    } catch (const SchemaError& error) {
        return make_error("template", error.message, file_name, error.field);
    } catch (const YAML::Exception& error) {
        return make_error("template", "not valid YAML: " + error.msg + " (line " + std::to_string(error.mark.line + 1) + ")",
                          file_name);
    }
}

Expected<DocumentTemplate> load_document_template(const std::filesystem::path& path)
{
    auto text = read_file(path);
    if (!text)
        return make_error("template", "cannot read the document template: " + text.error().message, path.string());
    return parse_document_template(*text, path.string());
}

} // namespace berkas::generation
