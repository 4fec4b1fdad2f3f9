#include "model/case_result.hpp"

namespace berkas {

const char* to_string(TextSource source)
{
    switch (source) {
    case TextSource::ocr: return "ocr";
    case TextSource::text_layer: return "text_layer";
    case TextSource::blank: return "blank";
    }
    return "ocr";
}

TextSource text_source_from_string(std::string_view name)
{
    if (name == "text_layer") return TextSource::text_layer;
    if (name == "blank") return TextSource::blank;
    return TextSource::ocr;
}

} // namespace berkas
