#pragma once
// The shared real-world corpus (../shared/corpus, see its MANIFEST.md): files
// nobody here wrote. It stays outside the repository; tests skip without it.
#include <algorithm>
#include <filesystem>
#include <vector>

namespace berkas::testing {

inline std::filesystem::path shared_corpus_dir()
{
    return std::filesystem::path(BERKAS_SOURCE_DIR) / ".." / "shared" / "corpus";
}

// Every regular file below `folder`, sorted, or nothing when it is absent.
inline std::vector<std::filesystem::path> files_below(const std::filesystem::path& folder)
{
    std::vector<std::filesystem::path> files;
    if (!std::filesystem::is_directory(folder))
        return files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
        if (entry.is_regular_file())
            files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

// The two folders the reading stage must survive: OCRmyPDF's test resources
// and the malformed files of qpdf, pdf.js and PoDoFo.
inline std::vector<std::filesystem::path> reading_corpus_files()
{
    auto files = files_below(shared_corpus_dir() / "ocrmypdf");
    const auto malformed = files_below(shared_corpus_dir() / "malformed");
    files.insert(files.end(), malformed.begin(), malformed.end());
    return files;
}

} // namespace berkas::testing
