#pragma once
// Small pictures of the pages a case came with, for the lembar verifikasi. The
// reading workers make them (they hold the page images); they are kept in the
// state folder by content, <state>/thumbnails/<sha256>-<page>.jpg and
// -<page>-kartu.jpg for an ID card cut out of its page, never world-readable.
#include "generation/renderer.hpp"
#include "model/case_result.hpp"
#include "util/expected.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace berkas::pipeline {

struct CaseFile {
    std::string relative; // inside the inbox
    std::string sha256;
};

std::filesystem::path page_thumbnail_path(const std::filesystem::path& folder, const std::string& sha256, int page);
std::filesystem::path card_thumbnail_path(const std::filesystem::path& folder, const std::string& sha256, int page);

// Writes the pictures the worker sent with a file's pages.
Expected<void> save_thumbnails(const std::filesystem::path& folder, const std::string& sha256,
                               const std::vector<PageText>& pages);

// One picture per document, the KTP first: its card when one was found, else the
// upper half of its page; the first page of every other document. Documents
// without a picture (read from a text layer, or before berkas kept pictures) are left out.
std::vector<generation::ThumbnailImage> thumbnails_for(const CaseResult& result, const std::vector<CaseFile>& files,
                                                       const std::filesystem::path& folder);

} // namespace berkas::pipeline
