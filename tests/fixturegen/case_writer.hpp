#pragma once
// Writes application cases to disk: one folder of scans per case, or a single
// bundled PDF, plus an optional truth file with the values extraction must find.
#include "documents.hpp"
#include "result.hpp"
#include "scan.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <set>
#include <string>

namespace berkas::fixture {

struct CaseRequest {
    std::uint32_t seed = 1;
    std::filesystem::path out; // a folder, or the PDF file itself when bundling
    std::set<DocumentType> omitted;
    bool bundle = false;
    std::optional<ImageFormat> ktp_photo; // unset: the KTP copy is a scanned PDF
    std::optional<std::filesystem::path> truth;
};

// Returns the files written.
Result<std::vector<std::filesystem::path>> write_case(const CaseRequest& request);

// The sample inbox: seed 1 complete, seed 2 without KTP, seed 3 as one bundle.
Result<std::vector<std::filesystem::path>> write_samples(const std::filesystem::path& inbox,
                                                         const std::optional<std::filesystem::path>& truth_folder);

// True when `path` lies inside `folder` (both need not exist yet).
bool is_inside(const std::filesystem::path& path, const std::filesystem::path& folder);

} // namespace berkas::fixture
