#include "pipeline/worker_main.hpp"

#include "pipeline/worker_protocol.hpp"
#include "reading/ocr_engine.hpp"
#include "reading/reader.hpp"
#include "util/log.hpp"

#include <istream>
#include <ostream>
#include <string>

namespace berkas::pipeline {

int run_worker(std::istream& requests, std::ostream& responses)
{
    auto engine = reading::OcrEngine::create("ind");
    if (!engine) {
        log::error("pekerja baca tidak dapat memulai Tesseract: " + engine.error().describe());
        return 1;
    }
    std::string line;
    while (std::getline(requests, line)) {
        auto path = decode_request(line);
        Expected<std::vector<PageText>> pages = path ? reading::read_pages(*path, **engine)
                                                     : Expected<std::vector<PageText>>(tl::unexpected(path.error()));
        responses << encode_response(pages) << std::flush;
    }
    return 0;
}

} // namespace berkas::pipeline
