#pragma once
// result.json: the stable contract of a case's outcome. Later versions may add
// fields but never rename them.
#include "model/case_result.hpp"

#include <nlohmann/json.hpp>

namespace berkas::pipeline {

nlohmann::json result_to_json(const CaseResult& result);

} // namespace berkas::pipeline
