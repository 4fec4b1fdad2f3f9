#pragma once
// Test-only fault injection: when the environment variable BERKAS_TEST_CRASH_AT
// names this point, the process kills itself on the spot (SIGKILL: no
// destructors, no flushing), as a power cut would. Unset, it costs one getenv.
#include <string_view>

namespace berkas {

void crash_point(std::string_view name);

} // namespace berkas
