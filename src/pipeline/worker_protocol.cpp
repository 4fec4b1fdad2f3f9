#include "pipeline/worker_protocol.hpp"

#include <nlohmann/json.hpp>
#include <openssl/evp.h>

namespace berkas::reading {

// Every field, so that a limit added to ReadLimits cannot be forgotten on the
// way to the worker; a missing key keeps its default.
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ReadLimits, max_file_bytes, max_pages, max_page_pixels, max_page_side,
                                                max_image_pixels, max_image_side, max_stream_decoded_bytes,
                                                max_decoded_bytes, max_nesting_depth, max_page_tree_nodes, render_dpi,
                                                min_scan_render_dpi, min_render_dpi, page_ocr_dpi, card_ocr_dpi,
                                                card_alone_max_outside_ink,
                                                blank_max_ink_fraction, orientation_check_below_confidence,
                                                orientation_min_confidence)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ReadTimes, render_seconds, rendered_pages, ocr_seconds, ocr_pages)

} // namespace berkas::reading

namespace berkas::pipeline {

using nlohmann::json;

namespace {

// Images and ink grids travel as base64 inside the JSON line.
std::string base64(std::string_view bytes)
{
    std::string text(4 * ((bytes.size() + 2) / 3), '\0');
    int length = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(text.data()),
                                 reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()));
    text.resize(static_cast<size_t>(std::max(length, 0)));
    return text;
}

std::string from_base64(std::string_view text)
{
    if (text.empty() || text.size() % 4 != 0)
        return {};
    std::string bytes(3 * text.size() / 4, '\0');
    int length = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(bytes.data()),
                                 reinterpret_cast<const unsigned char*>(text.data()), static_cast<int>(text.size()));
    if (length < 0)
        return {};
    // EVP_DecodeBlock counts the padding as zero bytes.
    size_t padding = text.substr(text.size() - 2) == "==" ? 2 : text.back() == '=' ? 1 : 0;
    bytes.resize(static_cast<size_t>(length) - padding);
    return bytes;
}

json code_to_json(const PageCode& code)
{
    json corners = json::array();
    for (const ImagePoint& corner : code.corners)
        corners.insert(corners.end(), {corner.x, corner.y});
    return {{"payload", code.payload},
            {"corners", corners},
            {"ink",
             {{"cell", code.ink.cell},
              {"columns", code.ink.columns},
              {"rows", code.ink.rows},
              {"darkness", base64(code.ink.darkness)}}}};
}

// A code whose parts do not fit together is dropped rather than trusted.
std::optional<PageCode> code_from_json(const json& value)
{
    if (!value.is_object() || !value.contains("corners") || !value["corners"].is_array() ||
        value["corners"].size() != 8 || !value.contains("ink") || !value["ink"].is_object())
        return std::nullopt;
    PageCode code;
    code.payload = value.value("payload", "");
    for (size_t i = 0; i < 4; ++i) {
        if (!value["corners"][2 * i].is_number() || !value["corners"][2 * i + 1].is_number())
            return std::nullopt;
        code.corners[i] = ImagePoint {value["corners"][2 * i].get<double>(), value["corners"][2 * i + 1].get<double>()};
    }
    const json& ink = value["ink"];
    code.ink.cell = ink.value("cell", 0);
    code.ink.columns = ink.value("columns", 0);
    code.ink.rows = ink.value("rows", 0);
    code.ink.darkness = from_base64(ink.value("darkness", ""));
    if (code.ink.cell <= 0 || code.ink.columns <= 0 || code.ink.rows <= 0 ||
        code.ink.darkness.size() != static_cast<size_t>(code.ink.columns) * static_cast<size_t>(code.ink.rows))
        return std::nullopt;
    return code;
}

json page_to_json(const PageText& page)
{
    json value = {{"number", page.number}, {"text", page.text}, {"source", to_string(page.source)},
                  {"confidence", page.confidence}};
    if (page.code)
        value["code"] = code_to_json(*page.code);
    if (!page.thumbnail_jpeg.empty())
        value["thumbnail"] = base64(page.thumbnail_jpeg);
    if (!page.card_jpeg.empty())
        value["card"] = base64(page.card_jpeg);
    return value;
}

PageText page_from_json(const json& value)
{
    PageText page {value.value("number", 0), value.value("text", ""),
                   text_source_from_string(value.value("source", "ocr")), value.value("confidence", 0.0f)};
    if (value.contains("code"))
        page.code = code_from_json(value["code"]);
    page.thumbnail_jpeg = from_base64(value.value("thumbnail", ""));
    page.card_jpeg = from_base64(value.value("card", ""));
    return page;
}

// OCR output can hold invalid UTF-8; replace it rather than fail the file.
std::string one_line(const json& message) { return message.dump(-1, ' ', false, json::error_handler_t::replace) + "\n"; }

} // namespace

std::string encode_request(const ReadRequest& request)
{
    return one_line({{"path", request.path},
                     {"limits", request.limits},
                     {"cpu_seconds", request.cpu_seconds},
                     {"part", request.share.part},
                     {"parts", request.share.parts}});
}

Expected<ReadRequest> decode_request(const std::string& line)
{
    json message = json::parse(line, nullptr, false);
    if (message.is_discarded() || !message.is_object() || !message.contains("path") || !message["path"].is_string())
        return make_error("protocol", "malformed worker request");
    try {
        ReadRequest request;
        request.path = message["path"].get<std::string>();
        request.limits = message.value("limits", reading::ReadLimits {});
        request.cpu_seconds = message.value("cpu_seconds", 0);
        request.share.part = message.value("part", 0);
        request.share.parts = message.value("parts", 1);
        if (request.share.parts < 1 || request.share.part < 0 || request.share.part >= request.share.parts)
            return make_error("protocol", "malformed worker request: part outside 0..parts-1");
        return request;
    } catch (const json::exception& error) {
        return make_error("protocol", std::string("malformed worker request: ") + error.what());
    }
}

std::string encode_response(const Expected<reading::FileReading>& reading)
{
    if (!reading)
        return one_line({{"ok", false}, {"code", reading.error().code}, {"message", reading.error().message}});
    json pages = json::array();
    for (const PageText& page : reading->pages)
        pages.push_back(page_to_json(page));
    return one_line({{"ok", true}, {"pages", pages}, {"signed", reading->digitally_signed}, {"times", reading->times}});
}

Expected<reading::FileReading> decode_response(const std::string& line)
{
    json response = json::parse(line, nullptr, false);
    if (response.is_discarded() || !response.is_object())
        return make_error("worker_crashed", "the reading worker sent an unreadable answer");
    if (!response.value("ok", false))
        return make_error(response.value("code", "worker_crashed"), response.value("message", ""));
    try {
        reading::FileReading reading;
        for (const json& page : response.at("pages"))
            reading.pages.push_back(page_from_json(page));
        reading.digitally_signed = response.value("signed", false);
        reading.times = response.value("times", reading::ReadTimes {});
        return reading;
    } catch (const json::exception& error) {
        return make_error("worker_crashed", std::string("the reading worker sent an unreadable answer: ") + error.what());
    }
}

} // namespace berkas::pipeline
