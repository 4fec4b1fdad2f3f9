#include "pipeline/scan_back.hpp"

#include "pipeline/signature_reading.hpp"
#include "util/file.hpp"
#include "util/log.hpp"

#include <cmath>
#include <set>

namespace berkas::pipeline {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::vector<std::string> signed_places(const state::ScanBack& scan)
{
    std::vector<std::string> labels;
    for (const state::SignatureMark& mark : scan.signatures) {
        if (mark.is_signed)
            labels.push_back(mark.label);
    }
    return labels;
}

std::string joined(const std::vector<std::string>& texts)
{
    std::string text;
    for (const std::string& part : texts)
        text += (text.empty() ? "" : ", ") + part;
    return text;
}

} // namespace

std::string describe_scan_back(const state::ScanBack& scan)
{
    std::string name = scan.document ? std::string(indonesian_name(*scan.document)) : "dokumen berkas";
    if (!scan.matched)
        return name + ", tanda tangan tidak dapat dibaca";
    auto labels = signed_places(scan);
    return name + (labels.empty() ? ", belum ditandatangani" : ", ditandatangani: " + joined(labels));
}

json scan_back_json(const state::ScanBack& scan)
{
    json signatures = json::array();
    for (const state::SignatureMark& mark : scan.signatures)
        signatures.push_back({{"label", mark.label}, {"signed", mark.is_signed},
                              {"ink", std::round(mark.ink * 1000) / 1000}});
    return {{"case_id", scan.case_id},
            {"document", scan.document ? json(file_stem(*scan.document)) : json(nullptr)},
            {"source", scan.source},
            {"page", scan.page},
            {"received_at", scan.received_at},
            {"matched", scan.matched},
            {"signatures", signatures}};
}

namespace {

bool is_signed(const state::ScanBack& scan, IssuedDocument document)
{
    if (scan.document != document || !scan.matched || scan.signatures.empty())
        return false;
    // The sheet counts once a verifier has signed it; the letter needs its signer.
    return document == IssuedDocument::verification_sheet ? !signed_places(scan).empty()
                                                          : signed_places(scan).size() == scan.signatures.size();
}

} // namespace

ScanBackDesk::ScanBackDesk(state::Store& store, state::DocumentRegister& documents, fs::path cases_folder)
    : m_store(store)
    , m_documents(documents)
    , m_cases_folder(std::move(cases_folder))
{
}

Expected<bool> ScanBackDesk::receive(const std::string& sha256, const std::string& source,
                                     const std::vector<PageText>& pages)
{
    std::set<std::string> cases;
    for (const PageText& page : pages) {
        auto code = page.code ? parse_document_code(page.code->payload) : std::nullopt;
        if (!code)
            continue;
        state::ScanBack scan = BERKAS_TRY(read_page(sha256, source, page, *code));
        BERKAS_TRY(m_documents.record_scan_back(scan));
        log::info("pindaian kembali " + source + " hlm. " + std::to_string(page.number) + " untuk kasus " +
                  code->case_id + ": " + describe_scan_back(scan));
        cases.insert(code->case_id);
    }
    for (const std::string& case_id : cases) {
        BERKAS_TRY(approve_when_signed(case_id));
        BERKAS_TRY(refresh_result_json(case_id));
    }
    return !cases.empty();
}

Expected<state::ScanBack> ScanBackDesk::read_page(const std::string& sha256, const std::string& source,
                                                  const PageText& page, const DocumentCode& code)
{
    state::ScanBack scan {sha256, page.number, source, code.case_id, code.document, false, {}, ""};
    if (!code.document)
        return scan;
    auto layout = BERKAS_TRY(m_documents.layout(code.case_id, *code.document));
    if (!layout)
        return scan; // not issued by this berkas (another state folder): attached, but unread
    for (const PlacedCode& printed : layout->codes) {
        if (printed.payload == page.code->payload) {
            scan.signatures = read_signatures(*page.code, printed, layout->signatures);
            scan.matched = true;
            break;
        }
    }
    return scan;
}

Expected<void> ScanBackDesk::approve_when_signed(const std::string& case_id)
{
    auto scans = BERKAS_TRY(m_documents.scan_backs(case_id));
    const state::ScanBack* sheet = nullptr;
    const state::ScanBack* letter = nullptr;
    for (const state::ScanBack& scan : scans) {
        if (is_signed(scan, IssuedDocument::verification_sheet))
            sheet = &scan;
        if (is_signed(scan, IssuedDocument::recommendation_letter))
            letter = &scan;
    }
    if (sheet == nullptr || letter == nullptr || !BERKAS_TRY(m_store.case_fingerprint(case_id)))
        return {};
    auto result = read_file(m_cases_folder / case_id / "result.json");
    if (!result || json::parse(*result, nullptr, false).value("status", "") != "complete")
        return {}; // evaluated again since the letter was printed, and no longer complete
    auto decisions = BERKAS_TRY(m_store.decisions(case_id));
    if (!decisions.empty() && decisions.back().decision == "approved")
        return {};
    std::string note = "Dipindai kembali: " + describe_scan_back(*sheet) + " (" + sheet->source + "); " +
                       describe_scan_back(*letter) + " (" + letter->source + ")";
    BERKAS_TRY(m_store.record_decision(state::Decision {case_id, "approved", "scan-back", note, ""}));
    log::info("kasus " + case_id + " disetujui: lembar verifikasi dan surat rekomendasi bertanda tangan sudah kembali");
    return {};
}

Expected<void> ScanBackDesk::refresh_result_json(const std::string& case_id)
{
    fs::path path = m_cases_folder / case_id / "result.json";
    std::error_code ignored;
    if (!fs::exists(path, ignored))
        return {};
    json result = json::parse(BERKAS_TRY(read_file(path)), nullptr, false);
    if (!result.is_object())
        return {};
    BERKAS_TRY(annotate(result, case_id));
    return write_file_atomic(path, result.dump(2) + "\n");
}

Expected<void> ScanBackDesk::annotate(json& result_json, const std::string& case_id)
{
    json scans = json::array();
    for (const state::ScanBack& scan : BERKAS_TRY(m_documents.scan_backs(case_id)))
        scans.push_back(scan_back_json(scan));
    result_json["scan_backs"] = scans;
    auto decisions = BERKAS_TRY(m_store.decisions(case_id));
    result_json["decision"] = nullptr;
    if (!decisions.empty()) {
        const state::Decision& latest = decisions.back();
        result_json["decision"] = {
            {"decision", latest.decision}, {"actor", latest.actor}, {"note", latest.note}, {"at", latest.at}};
    }
    return {};
}

} // namespace berkas::pipeline
