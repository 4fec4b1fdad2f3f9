#pragma once
// A case evaluated again (a late document, new rules) gets new outputs; the
// ones a verifier may already have printed are kept, never overwritten:
// outbox/cases/<id>/versi/<n>/{result.json, lembar-verifikasi.pdf, …}.
#include "util/expected.hpp"

#include <filesystem>
#include <optional>

namespace berkas::pipeline {

// Copies the current outputs of a case folder (result.json and every issued
// document) into versi/<n+1>/ and returns n+1; nullopt when there are none yet.
Expected<std::optional<int>> keep_previous_outputs(const std::filesystem::path& case_folder);

} // namespace berkas::pipeline
