#pragma once
// The line protocol between the main process and its reading workers: one
// JSON object per line each way. Kept apart so both sides share one encoding.
#include "reading/reader.hpp"
#include "util/expected.hpp"

#include <string>

namespace berkas::pipeline {

// One file to read, with the limits to read it under. The limits travel with
// each request, so the worker needs no configuration of its own.
struct ReadRequest {
    std::string path;
    reading::ReadLimits limits;
    int cpu_seconds = 0; // CPU budget for this file; 0: no limit
    reading::PageShare share; // the pages of the file this worker reads
};

std::string encode_request(const ReadRequest& request);
Expected<ReadRequest> decode_request(const std::string& line);

std::string encode_response(const Expected<reading::FileReading>& reading);
Expected<reading::FileReading> decode_response(const std::string& line);

} // namespace berkas::pipeline
