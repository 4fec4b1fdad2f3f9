#pragma once
// Crash-point injection for tests of durability (RELIABILITY.md §4.5): with
// BERKAS_TEST_CRASH_AT=<name> in the environment, the process kills itself with
// SIGKILL when it reaches crash_point("<name>"), as a power cut would: no
// destructors, no flushing. Without the variable it costs one getenv.
#include <string_view>

namespace berkas::pipeline {

void crash_point(std::string_view name);

} // namespace berkas::pipeline
