#pragma once
// The fonts the documents embed: Liberation Serif, metric-compatible with Times New
// Roman, which tata naskah dinas rules usually ask for.
#include "util/expected.hpp"

#include <filesystem>
#include <vector>

namespace berkas::generation {

struct FontFiles {
    std::filesystem::path regular;
    std::filesystem::path bold;
};

// fonts-liberation2 first, then the older fonts-liberation.
std::vector<std::filesystem::path> default_font_folders();

// Finds LiberationSerif-Regular.ttf and -Bold.ttf in the first folder that has both;
// the error names the file that is missing.
Expected<FontFiles> find_serif_fonts(const std::vector<std::filesystem::path>& folders = default_font_folders());

} // namespace berkas::generation
