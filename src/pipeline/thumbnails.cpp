#include "pipeline/thumbnails.hpp"

#include "util/file.hpp"

#include <algorithm>

namespace berkas::pipeline {

namespace fs = std::filesystem;

namespace {

// More would not fit the lembar's appendix page.
constexpr size_t kMaxThumbnails = 8;

std::string caption_of(const Document& document, int page)
{
    return std::string(indonesian_name(document.type)) + " (" + fs::path(document.source).filename().string() +
           " hlm. " + std::to_string(page) + ")";
}

std::optional<generation::ThumbnailImage> thumbnail_of(const Document& document, const std::string& sha256,
                                                       const fs::path& folder)
{
    int page = document.pages.empty() ? 1 : document.pages.front();
    std::error_code ignored;
    fs::path card = card_thumbnail_path(folder, sha256, page);
    if (document.type == DocumentType::ktp && fs::exists(card, ignored))
        return generation::ThumbnailImage {caption_of(document, page), card.string(), true, false};
    fs::path whole = page_thumbnail_path(folder, sha256, page);
    if (!fs::exists(whole, ignored))
        return std::nullopt;
    // A KTP copy sits in the upper half of its sheet.
    return generation::ThumbnailImage {caption_of(document, page), whole.string(), false,
                                       document.type == DocumentType::ktp};
}

} // namespace

fs::path page_thumbnail_path(const fs::path& folder, const std::string& sha256, int page)
{
    return folder / (sha256 + "-" + std::to_string(page) + ".jpg");
}

fs::path card_thumbnail_path(const fs::path& folder, const std::string& sha256, int page)
{
    return folder / (sha256 + "-" + std::to_string(page) + "-kartu.jpg");
}

Expected<void> save_thumbnails(const fs::path& folder, const std::string& sha256, const std::vector<PageText>& pages)
{
    for (const PageText& page : pages) {
        if (page.thumbnail_jpeg.empty() && page.card_jpeg.empty())
            continue;
        BERKAS_TRY(ensure_directory(folder));
        if (!page.thumbnail_jpeg.empty())
            BERKAS_TRY(write_file_atomic(page_thumbnail_path(folder, sha256, page.number), page.thumbnail_jpeg));
        if (!page.card_jpeg.empty())
            BERKAS_TRY(write_file_atomic(card_thumbnail_path(folder, sha256, page.number), page.card_jpeg));
    }
    return {};
}

std::vector<generation::ThumbnailImage> thumbnails_for(const CaseResult& result, const std::vector<CaseFile>& files,
                                                       const fs::path& folder)
{
    std::vector<const Document*> ordered;
    for (const Document& document : result.documents)
        ordered.push_back(&document);
    std::stable_partition(ordered.begin(), ordered.end(),
                          [](const Document* document) { return document->type == DocumentType::ktp; });
    std::vector<generation::ThumbnailImage> thumbnails;
    for (const Document* document : ordered) {
        auto file = std::find_if(files.begin(), files.end(),
                                 [&](const CaseFile& candidate) { return candidate.relative == document->source; });
        if (file == files.end() || thumbnails.size() == kMaxThumbnails)
            continue;
        if (auto thumbnail = thumbnail_of(*document, file->sha256, folder))
            thumbnails.push_back(std::move(*thumbnail));
    }
    return thumbnails;
}

} // namespace berkas::pipeline
