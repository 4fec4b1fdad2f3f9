#pragma once
#include <iosfwd>

namespace berkas::pipeline {

// The body of `berkas worker`: one Tesseract instance, initialised once, reads
// the files named on standard input, one JSON request per line, and answers
// each on standard output. Returns the process exit status.
int run_worker(std::istream& requests, std::ostream& responses);

} // namespace berkas::pipeline
