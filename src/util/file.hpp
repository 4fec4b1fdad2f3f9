#pragma once
// File helpers with no domain knowledge. Writes are atomic: a reader sees the
// old content or the new content, never a torn file.
#include "util/expected.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace berkas {

enum class Visibility { owner_only, shared };

Expected<std::string> read_file(const std::filesystem::path& path);

// Writes to a temporary file in the same folder, fsyncs it, renames it over
// `path` and fsyncs the folder. Files holding personal data use owner_only (0600).
Expected<void> write_file_atomic(const std::filesystem::path& path, std::string_view content,
                                 Visibility visibility = Visibility::owner_only);

// Creates the folder and its parents; owner_only folders get mode 0700.
Expected<void> ensure_directory(const std::filesystem::path& path, Visibility visibility = Visibility::owner_only);

} // namespace berkas
