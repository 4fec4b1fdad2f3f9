#pragma once
// The line protocol between the main process and its reading workers: one
// JSON object per line each way. Kept apart so both sides share one encoding.
#include "model/case_result.hpp"
#include "util/expected.hpp"

#include <string>
#include <vector>

namespace berkas::pipeline {

std::string encode_request(const std::string& path);
Expected<std::string> decode_request(const std::string& line);

std::string encode_response(const Expected<std::vector<PageText>>& pages);
Expected<std::vector<PageText>> decode_response(const std::string& line);

} // namespace berkas::pipeline
