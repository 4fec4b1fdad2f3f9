#pragma once
// The submission package of an approved case, in outbox/bsre/<case-id>/:
//   manifest.json          the applicant's data in the form AMS asks for
//   surat-rekomendasi.pdf  the signed letter (scanned back when present, else the generated one)
//   lembar-verifikasi.pdf  the verification sheet (likewise), when there is one
//   berkas-pemohon.pdf     the case's documents merged into one PDF (signed PDFs attached unchanged)
// The folder is built beside its place and published with one rename: it is
// whole or absent.
#include "submission/isolated.hpp"
#include "submission/pdf_bundle.hpp"
#include "util/expected.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>
#include <optional>
#include <optional>
#include <string>
#include <vector>

namespace berkas::submission {

inline constexpr const char* manifest_file = "manifest.json";
inline constexpr const char* letter_file = "surat-rekomendasi.pdf";
inline constexpr const char* sheet_file = "lembar-verifikasi.pdf";
inline constexpr const char* bundle_file = "berkas-pemohon.pdf";

// The fields AMS asks for (DOMAIN.md §2.2), in the manifest's order.
inline constexpr const char* manifest_fields[] = {"nama", "nik", "nip", "email", "jabatan", "unit_kerja", "instansi",
                                                  "no_hp"};

struct PackageRequest {
    std::string case_id;
    std::string result_json;             // the case's result.json as recorded in the state
    // Where the bytes of a document source (a path relative to the inbox) are
    // now: berkas moves originals out of the inbox once it holds a copy.
    std::function<std::optional<std::filesystem::path>(const std::string&)> locate;
    std::filesystem::path case_folder;   // outbox/cases/<case-id>
    std::filesystem::path target;        // outbox/bsre/<case-id>
    std::string approved_by;
    std::string approved_at;
    std::string transport;               // folder | http
    std::string created_at;
};

// The signed copy of a generated document: a PDF in the case folder whose name
// starts like the generated one ("surat-rekomendasi-ttd.pdf",
// "surat-rekomendasi.signed.pdf", …), the newest if several; otherwise the
// generated document itself; nullopt when neither exists.
struct ChosenDocument {
    std::filesystem::path path;
    bool signed_copy = false;
};
std::optional<ChosenDocument> choose_document(const std::filesystem::path& case_folder, const std::string& generated);

// The case's source files, each once, in the order of the SOP's documents.
Expected<std::vector<BundleInput>> bundle_inputs(const nlohmann::json& result, const PackageRequest& request);

struct ManifestFile {
    std::string name;
    std::string role; // surat_rekomendasi | lembar_verifikasi | dokumen_pemohon
    bool signed_copy = false;
    std::string sha256;
    std::uintmax_t bytes = 0;
};

// Pure: the manifest from the case's result.json, the approval and the files,
// its keys in the order a person reads them.
nlohmann::ordered_json build_manifest(const PackageRequest& request, const nlohmann::json& result,
                              const std::vector<ManifestFile>& files, const BundleSummary& bundle);

// Builds and publishes the package. The PDF merge runs under `limits`.
Expected<void> build_package(const PackageRequest& request, const IsolationLimits& limits);

} // namespace berkas::submission
