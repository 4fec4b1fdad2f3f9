// `berkas status`: the signed documents scanned back, and which cases they approved.
#include "app/commands_documents.hpp"

#include "pipeline/scan_back.hpp"
#include "state/document_register.hpp"

#include <cstdio>
#include <set>

namespace berkas::app {

Expected<void> print_scan_backs(state::Store& store)
{
    auto documents = BERKAS_TRY(state::DocumentRegister::open(store));
    auto scans = BERKAS_TRY(documents->scan_backs());
    if (scans.empty())
        return {};
    std::printf("\nDOKUMEN BERTANDA TANGAN YANG DIPINDAI KEMBALI\n");
    std::set<std::string> cases;
    for (const state::ScanBack& scan : scans) {
        std::printf("%-32s %s (%s hlm. %d)\n", scan.case_id.c_str(), pipeline::describe_scan_back(scan).c_str(),
                    scan.source.c_str(), scan.page);
        cases.insert(scan.case_id);
    }
    for (const std::string& case_id : cases) {
        auto decisions = BERKAS_TRY(store.decisions(case_id));
        if (!decisions.empty() && decisions.back().decision == "approved" && decisions.back().actor == "scan-back")
            std::printf("%-32s disetujui: lembar verifikasi dan surat rekomendasi bertanda tangan sudah kembali\n",
                        case_id.c_str());
    }
    return {};
}

Expected<nlohmann::json> scan_backs_json(state::Store& store)
{
    auto documents = BERKAS_TRY(state::DocumentRegister::open(store));
    nlohmann::json list = nlohmann::json::array();
    for (const state::ScanBack& scan : BERKAS_TRY(documents->scan_backs()))
        list.push_back(pipeline::scan_back_json(scan));
    return list;
}

} // namespace berkas::app
