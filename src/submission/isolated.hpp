#pragma once
// Runs a piece of work in a forked child with an address-space limit, no core
// dumps and a wall-clock deadline. Merging the applicant's PDFs means PoDoFo
// parses untrusted bytes, and PoDoFo 0.9.8 can crash or spin on a hostile file
// (RELIABILITY.md §2.1): that must cost one package, never the watcher.
#include "util/expected.hpp"

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

namespace berkas::submission {

struct IsolationLimits {
    std::uint64_t address_space_bytes = 3ull << 30;
    std::chrono::seconds timeout {300};
};

// The child runs `work` and hands its text back through a pipe. A crash, a
// kill or an overrun comes back as an error with code "pdf_crashed" or
// "timeout"; an error `work` returns comes back as it was.
Expected<std::string> run_isolated(const std::function<Expected<std::string>()>& work, const IsolationLimits& limits);

} // namespace berkas::submission
