#include "submission/package.hpp"

#include "understanding/normalise.hpp"
#include "util/file.hpp"
#include "util/hash.hpp"
#include "util/staging.hpp"

#include <algorithm>
#include <map>
#include <sys/stat.h>
#include <tuple>

namespace berkas::submission {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// The SOP's order of documents: the bundle reads like the paper file.
int document_order(const std::string& type)
{
    static const std::vector<std::string> order = {"surat_permohonan", "formulir_bsre", "ktp", "sk_terakhir",
                                                   "sk_jabatan", "surat_rekomendasi_atasan"};
    auto found = std::find(order.begin(), order.end(), type);
    return static_cast<int>(found - order.begin());
}

std::string applicant_value(const json& applicant, const char* field)
{
    if (!applicant.contains(field) || !applicant[field].is_string())
        return {};
    std::string value = applicant[field].get<std::string>();
    return std::string(field) == "nama" ? understanding::name_without_titles(value) : value;
}

Expected<ManifestFile> describe_file(const fs::path& path, std::string role, bool signed_copy)
{
    return ManifestFile {path.filename().string(), std::move(role), signed_copy, BERKAS_TRY(sha256_file(path)),
                         fs::file_size(path)};
}

Expected<void> copy_into(const fs::path& source, const fs::path& destination)
{
    return write_file_atomic(destination, BERKAS_TRY(read_file(source)));
}

} // namespace

std::optional<ChosenDocument> choose_document(const fs::path& case_folder, const std::string& generated)
{
    std::string stem = fs::path(generated).stem().string();
    std::optional<ChosenDocument> signed_copy;
    fs::file_time_type newest {};
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(case_folder, error)) {
        std::string name = entry.path().filename().string();
        bool pdf = entry.path().extension() == ".pdf" || entry.path().extension() == ".PDF";
        if (!entry.is_regular_file() || !pdf || name == generated || name.rfind(stem, 0) != 0)
            continue;
        auto modified = entry.last_write_time(error);
        if (!signed_copy || modified > newest) {
            signed_copy = ChosenDocument {entry.path(), true};
            newest = modified;
        }
    }
    if (signed_copy)
        return signed_copy;
    if (fs::is_regular_file(case_folder / generated, error))
        return ChosenDocument {case_folder / generated, false};
    return std::nullopt;
}

Expected<std::vector<BundleInput>> bundle_inputs(const json& result, const PackageRequest& request)
{
    struct Source {
        int order;
        size_t first_seen;
        std::string types;
    };
    std::map<std::string, Source> sources;
    if (!result.contains("documents") || !result["documents"].is_array())
        return make_error("package", "result.json tanpa daftar dokumen");
    for (const json& document : result["documents"]) {
        std::string source = document.value("source", "");
        std::string type = document.value("type", "unknown");
        if (source.empty())
            continue;
        auto [it, inserted] = sources.try_emplace(source, Source {document_order(type), sources.size(), type});
        if (!inserted) {
            it->second.order = std::min(it->second.order, document_order(type));
            if (it->second.types.find(type) == std::string::npos)
                it->second.types += ", " + type;
        }
    }
    std::vector<std::pair<std::string, Source>> ordered(sources.begin(), sources.end());
    std::stable_sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) {
        return std::tie(a.second.order, a.second.first_seen) < std::tie(b.second.order, b.second.first_seen);
    });
    std::vector<BundleInput> inputs;
    for (const auto& [source, info] : ordered) {
        auto path = request.locate(source);
        if (!path || !fs::is_regular_file(*path))
            return make_error("package", "salinan dokumen kasus tidak ditemukan", source);
        inputs.push_back(BundleInput {*path, source, info.types});
    }
    if (inputs.empty())
        return make_error("package", "kasus tanpa dokumen");
    return inputs;
}

nlohmann::ordered_json build_manifest(const PackageRequest& request, const json& result,
                                      const std::vector<ManifestFile>& files, const BundleSummary& bundle)
{
    using ordered = nlohmann::ordered_json;
    const json applicant = result.value("applicant", json::object());
    ordered fields = ordered::object();
    ordered missing = ordered::array();
    for (const char* field : manifest_fields) {
        std::string value = applicant_value(applicant, field);
        fields[field] = value.empty() ? ordered(nullptr) : ordered(value);
        if (value.empty())
            missing.push_back(field);
    }
    ordered listed = ordered::array();
    for (const ManifestFile& file : files) {
        ordered entry = {{"name", file.name}, {"role", file.role}, {"signed_copy", file.signed_copy},
                      {"sha256", file.sha256}, {"bytes", file.bytes}};
        if (file.role == "dokumen_pemohon") {
            entry["pages"] = bundle.pages;
            ordered contents = ordered::array();
            for (const BundleEntry& part : bundle.entries)
                contents.push_back({{"source", part.name}, {"types", part.types}, {"included_as", part.included_as},
                                    {"reason", part.reason}, {"pages", part.pages}});
            entry["contents"] = contents;
        }
        listed.push_back(entry);
    }
    return ordered {{"format", "berkas-bsre-submission/1"},
            {"case_id", request.case_id},
            {"idempotency_key", request.case_id},
            {"created_at", request.created_at},
            {"transport", request.transport},
            {"applicant", fields},
            {"missing_fields", missing},
            {"approval", {{"by", request.approved_by}, {"at", request.approved_at}}},
            {"files", listed}};
}

Expected<void> build_package(const PackageRequest& request, const IsolationLimits& limits)
{
    json result = json::parse(request.result_json, nullptr, false);
    if (!result.is_object())
        return make_error("package", "result.json kasus tidak dapat dibaca", {}, request.case_id);
    auto letter = choose_document(request.case_folder, letter_file);
    if (!letter)
        return make_error("package", "surat rekomendasi belum ada", (request.case_folder / letter_file).string());
    auto sheet = choose_document(request.case_folder, sheet_file);
    auto inputs = BERKAS_TRY(bundle_inputs(result, request));

    StagingFolder staging = BERKAS_TRY(StagingFolder::create(request.target));
    const fs::path bundle_path = staging.path() / bundle_file;
    std::string title = "Berkas permohonan Sertifikat Elektronik - " + request.case_id;
    auto merge = [&]() -> Expected<std::string> {
        auto summary = write_bundle(inputs, bundle_path, title);
        return summary ? Expected<std::string>(bundle_summary_to_json(*summary)) : tl::unexpected(summary.error());
    };
    std::string answer = BERKAS_TRY(run_isolated(merge, limits));
    BundleSummary bundle = BERKAS_TRY(bundle_summary_from_json(answer));
    ::chmod(bundle_path.c_str(), 0640); // PoDoFo creates it with the umask; it holds personal data

    std::vector<ManifestFile> files;
    BERKAS_TRY(copy_into(letter->path, staging.path() / letter_file));
    files.push_back(BERKAS_TRY(describe_file(staging.path() / letter_file, "surat_rekomendasi", letter->signed_copy)));
    if (sheet) {
        BERKAS_TRY(copy_into(sheet->path, staging.path() / sheet_file));
        files.push_back(BERKAS_TRY(describe_file(staging.path() / sheet_file, "lembar_verifikasi", sheet->signed_copy)));
    }
    files.push_back(BERKAS_TRY(describe_file(bundle_path, "dokumen_pemohon", false)));
    auto manifest = build_manifest(request, result, files, bundle);
    BERKAS_TRY(write_file_atomic(staging.path() / manifest_file, manifest.dump(2) + "\n"));
    return staging.publish();
}

} // namespace berkas::submission
