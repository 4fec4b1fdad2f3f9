#pragma once
// Signed paper finding its way back: a page that carries the QR code of a
// document berkas issued is attached to that document's case (never made a
// case of its own), its signature places are read, and once both the signed
// lembar verifikasi and the signed surat rekomendasi are back, the case is
// approved (a decision by "scan-back", which the submission queue acts on).
#include "model/case_result.hpp"
#include "state/document_register.hpp"
#include "state/store.hpp"
#include "util/expected.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace berkas::pipeline {

// "Lembar verifikasi, ditandatangani: Verifikator 1", for logs and `berkas status`.
std::string describe_scan_back(const state::ScanBack& scan);

// One scan-back as result.json and `berkas status --json` show it.
nlohmann::json scan_back_json(const state::ScanBack& scan);

class ScanBackDesk {
public:
    ScanBackDesk(state::Store& store, state::DocumentRegister& documents, std::filesystem::path cases_folder);

    // Records every page of the file that carries a berkas QR code; true when
    // there is one, and then the whole file is a scan-back, not a case's document.
    Expected<bool> receive(const std::string& sha256, const std::string& source, const std::vector<PageText>& pages);

    // Adds "scan_backs" (what came back and which signature places hold ink) and
    // "decision" (the latest decision on the case) to a case's result.json.
    Expected<void> annotate(nlohmann::json& result_json, const std::string& case_id);

private:
    Expected<state::ScanBack> read_page(const std::string& sha256, const std::string& source, const PageText& page,
                                        const DocumentCode& code);
    Expected<void> approve_when_signed(const std::string& case_id);
    Expected<void> refresh_result_json(const std::string& case_id);

    state::Store& m_store;
    state::DocumentRegister& m_documents;
    std::filesystem::path m_cases_folder;
};

} // namespace berkas::pipeline
