#pragma once
// Files that cannot be read: their stable reason codes, the Indonesian words a
// clerk reads, and the quarantine where their bytes are kept.
#include "util/expected.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace berkas::pipeline {

// The clerk's explanation for a reason code such as "encrypted_pdf".
std::string rejection_message(std::string_view reason);

// Moves the file into `quarantine_dir` under its relative path ("name (2).pdf"
// when a file rejected earlier has that name) and writes "<name>.alasan.txt"
// beside it. The bytes are never changed or deleted.
Expected<std::filesystem::path> quarantine_file(const std::filesystem::path& file, const std::string& relative,
                                                const std::filesystem::path& quarantine_dir,
                                                std::string_view reason, std::string_view detail);

} // namespace berkas::pipeline
