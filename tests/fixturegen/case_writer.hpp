#pragma once
// Writes application cases to disk: one folder of scans per case, or a single
// bundle (PDF or multi-page TIFF), plus an optional truth file with the values
// extraction must find. Options add the scanner settings, packagings and defects
// a Diskominfo inbox really sees; without them a seed gives the same bytes as ever.
#include "documents.hpp"
#include "result.hpp"
#include "scan.hpp"

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>

namespace berkas::fixture {

struct ScanRequest {
    std::optional<int> dpi;                 // every page; unset: 200, the KTP copy 300
    ColourMode colour = ColourMode::grey;
    double max_skew = 1.5;                  // degrees either way
    int jpeg_quality = default_jpeg_quality;
    std::map<DocumentType, int> turned;     // pages fed in sideways: clockwise degrees
};

struct Defects {
    bool sk_of_other_person = false;     // the SK terakhir names someone else
    bool nip_birthdate_mismatch = false; // the NIP's birth date is not the NIK's (on every document)
    std::optional<std::string> email_domain; // e.g. "gmail.com" instead of the office's go.id
    std::set<DocumentType> unreadable;   // the key value is under an ink blot
    bool blank_page = false;             // a blank sheet scanned along
    std::optional<int> sk_year;          // the SK terakhir was issued this year
};

struct CaseRequest {
    std::uint32_t seed = 1;
    std::filesystem::path out; // a folder, or the bundle file itself
    std::set<DocumentType> omitted;
    std::set<DocumentType> with; // sk_jabatan, surat_rekomendasi_atasan
    bool bundle = false;
    bool shuffle = false; // bundle pages in a random order
    bool tiff = false;    // the bundle as a multi-page TIFF
    std::set<DocumentType> born_digital; // typeset PDFs with a text layer, not scans
    std::optional<ImageFormat> ktp_photo; // unset: the KTP copy is a scanned PDF
    std::optional<std::filesystem::path> truth;
    ScanRequest scan;
    Defects defects;
};

// Returns the files written.
Result<std::vector<std::filesystem::path>> write_case(const CaseRequest& request);

// The sample inbox: seed 1 complete, seed 2 without KTP, seed 3 as one bundle.
Result<std::vector<std::filesystem::path>> write_samples(const std::filesystem::path& inbox,
                                                         const std::optional<std::filesystem::path>& truth_folder);

// True when `path` lies inside `folder` (both need not exist yet).
bool is_inside(const std::filesystem::path& path, const std::filesystem::path& folder);

} // namespace berkas::fixture
