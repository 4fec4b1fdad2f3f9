#pragma once
#include <iosfwd>

namespace berkas::pipeline {

// Exit status of a worker that could not start reading at all (Tesseract or
// its language data missing): the installation is at fault, not a file.
inline constexpr int kWorkerCannotStart = 3;

// The body of `berkas worker`: one Tesseract instance, initialised once, reads
// the files named on standard input, one JSON request per line, and answers
// each on standard output. Before each file it allows itself the request's CPU
// budget on top of what it has used so far, so the kernel ends it (SIGXCPU)
// when one file overruns. Returns the process exit status.
//
// For tests only: BERKAS_TEST_WORKER_FAULT=crash|hang|spin[:NAME] makes the
// worker crash (SIGSEGV), sleep forever, or burn CPU instead of reading each
// file (or each file whose path contains NAME), so that the pool's crash,
// wall-clock and CPU-limit paths run for real. Never set it in production.
int run_worker(std::istream& requests, std::ostream& responses);

} // namespace berkas::pipeline
