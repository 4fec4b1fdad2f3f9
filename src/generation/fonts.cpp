#include "generation/fonts.hpp"

namespace berkas::generation {

std::vector<std::filesystem::path> default_font_folders()
{
    return {"/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/truetype/liberation"};
}

Expected<FontFiles> find_serif_fonts(const std::vector<std::filesystem::path>& folders)
{
    const char* names[] = {"LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf"};
    std::filesystem::path missing;
    for (const std::filesystem::path& folder : folders) {
        FontFiles fonts {folder / names[0], folder / names[1]};
        std::error_code ignored;
        bool has_regular = std::filesystem::is_regular_file(fonts.regular, ignored);
        bool has_bold = std::filesystem::is_regular_file(fonts.bold, ignored);
        if (has_regular && has_bold)
            return fonts;
        if (missing.empty())
            missing = has_regular ? fonts.bold : fonts.regular;
    }
    return make_error("font", "font not found (install fonts-liberation2)", missing.string());
}

} // namespace berkas::generation
