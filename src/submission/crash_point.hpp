#pragma once
// Crash injection for the durability tests (RELIABILITY.md §3.2 #20): when
// BERKAS_TEST_CRASH_AT names this point, the process kills itself with
// SIGKILL right here, as a power cut or an OOM kill would. Unset, it costs one
// getenv.
#include <string_view>

namespace berkas::submission {

void crash_point(std::string_view name);

} // namespace berkas::submission
