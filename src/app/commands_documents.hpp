#pragma once
// The parts of `berkas status` about issued documents: signed copies scanned back.
#include "state/store.hpp"
#include "util/expected.hpp"

#include <nlohmann/json.hpp>

namespace berkas::app {

// A section listing every scan-back and the cases it approved; nothing when there are none.
Expected<void> print_scan_backs(state::Store& store);

// Every scan-back, for `berkas status --json` ("scan_backs").
Expected<nlohmann::json> scan_backs_json(state::Store& store);

} // namespace berkas::app
