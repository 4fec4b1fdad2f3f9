#pragma once
// File helpers with no domain knowledge. Writes are atomic: a reader sees the
// old content or the new content, never a torn file.
#include "util/expected.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace berkas {

// restricted: personal data, never world-readable (files 0640, folders 0750).
enum class Visibility { restricted, shared };

Expected<std::string> read_file(const std::filesystem::path& path);

// Writes all of `content` to a file descriptor, resuming after EINTR and short writes.
bool write_all(int fd, std::string_view content);

// Writes to a temporary file in the same folder, fsyncs it, renames it over
// `path` and fsyncs the folder.
Expected<void> write_file_atomic(const std::filesystem::path& path, std::string_view content,
                                 Visibility visibility = Visibility::restricted);

// Creates the folder and its parents with the given visibility.
Expected<void> ensure_directory(const std::filesystem::path& path, Visibility visibility = Visibility::restricted);

} // namespace berkas
