#include "pipeline/worker_protocol.hpp"

#include <nlohmann/json.hpp>

namespace berkas::reading {

// Every field, so that a limit added to ReadLimits cannot be forgotten on the
// way to the worker; a missing key keeps its default.
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ReadLimits, max_file_bytes, max_pages, max_page_pixels, max_page_side,
                                                max_image_pixels, max_image_side, max_stream_decoded_bytes,
                                                max_decoded_bytes, max_nesting_depth, max_page_tree_nodes, render_dpi,
                                                min_render_dpi, upscale_below_dpi, upscale_target_dpi,
                                                blank_max_ink_fraction, orientation_check_below_confidence,
                                                orientation_min_confidence)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ReadTimes, render_seconds, rendered_pages, ocr_seconds, ocr_pages)

} // namespace berkas::reading

namespace berkas::pipeline {

using nlohmann::json;

namespace {

// OCR output can hold invalid UTF-8; replace it rather than fail the file.
std::string one_line(const json& message) { return message.dump(-1, ' ', false, json::error_handler_t::replace) + "\n"; }

} // namespace

std::string encode_request(const ReadRequest& request)
{
    return one_line({{"path", request.path}, {"limits", request.limits}, {"cpu_seconds", request.cpu_seconds}});
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
    for (const PageText& page : reading->pages) {
        pages.push_back({{"number", page.number}, {"text", page.text}, {"source", to_string(page.source)},
                         {"confidence", page.confidence}});
    }
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
        for (const json& page : response.at("pages")) {
            reading.pages.push_back(PageText {page.value("number", 0), page.value("text", ""),
                                              text_source_from_string(page.value("source", "ocr")),
                                              page.value("confidence", 0.0f)});
        }
        reading.digitally_signed = response.value("signed", false);
        reading.times = response.value("times", reading::ReadTimes {});
        return reading;
    } catch (const json::exception& error) {
        return make_error("worker_crashed", std::string("the reading worker sent an unreadable answer: ") + error.what());
    }
}

} // namespace berkas::pipeline
