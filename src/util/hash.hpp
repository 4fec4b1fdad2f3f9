#pragma once
#include "util/expected.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace berkas {

// Lower-case hexadecimal SHA-256.
std::string sha256_hex(std::string_view bytes);
Expected<std::string> sha256_file(const std::filesystem::path& path);

} // namespace berkas
