#include "pipeline/worker_protocol.hpp"

#include <nlohmann/json.hpp>

namespace berkas::pipeline {

using nlohmann::json;

std::string encode_request(const std::string& path) { return json {{"path", path}}.dump() + "\n"; }

Expected<std::string> decode_request(const std::string& line)
{
    json request = json::parse(line, nullptr, false);
    if (request.is_discarded() || !request.contains("path") || !request["path"].is_string())
        return make_error("protocol", "malformed worker request");
    return request["path"].get<std::string>();
}

std::string encode_response(const Expected<std::vector<PageText>>& pages)
{
    json response;
    if (!pages) {
        response = {{"ok", false}, {"code", pages.error().code}, {"message", pages.error().message}};
        return response.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
    }
    json list = json::array();
    for (const PageText& page : *pages) {
        list.push_back({{"number", page.number}, {"text", page.text}, {"source", to_string(page.source)},
                        {"confidence", page.confidence}});
    }
    response = {{"ok", true}, {"pages", list}};
    // OCR output can hold invalid UTF-8; replace it rather than fail the file.
    return response.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
}

Expected<std::vector<PageText>> decode_response(const std::string& line)
{
    json response = json::parse(line, nullptr, false);
    if (response.is_discarded() || !response.is_object())
        return make_error("worker_crashed", "the reading worker sent an unreadable answer");
    if (!response.value("ok", false))
        return make_error(response.value("code", "worker_crashed"), response.value("message", ""));
    std::vector<PageText> pages;
    for (const json& page : response["pages"]) {
        pages.push_back(PageText {page.value("number", 0), page.value("text", ""),
                                  text_source_from_string(page.value("source", "ocr")), page.value("confidence", 0.0f)});
    }
    return pages;
}

} // namespace berkas::pipeline
