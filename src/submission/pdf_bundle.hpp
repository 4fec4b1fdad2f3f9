#pragma once
// The applicant's documents as one PDF for BSrE, with PoDoFo 0.9.8
// (PDF-OCR.md §3.5–3.6). The originals are only read. A digitally signed PDF
// (a TTE-signed SK, say) is never rewritten, since any rewrite breaks its
// signature: it travels as an attachment, byte for byte, with a page in the
// bundle that says so. PoDoFo parses untrusted bytes here: call it through
// run_isolated().
#include "util/expected.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace berkas::submission {

struct BundleInput {
    std::filesystem::path path;
    std::string name;   // how the bundle names it: the path relative to the inbox
    std::string types;  // the document types found in it, e.g. "ktp" or "surat_permohonan, formulir_bsre"
};

// How one input went into the bundle.
struct BundleEntry {
    std::string name;
    std::string types;
    std::string included_as; // pages | image | attachment
    std::string reason;      // why attached rather than merged (Indonesian), empty otherwise
    int pages = 0;           // pages it contributed
};

struct BundleSummary {
    int pages = 0;
    std::vector<BundleEntry> entries;
};

// A digital signature: a /ByteRange or a /Type /Sig dictionary in the bytes.
bool is_signed_pdf(std::string_view bytes);

// Writes `output`. Inputs that PoDoFo cannot merge (signed, encrypted with a
// user password, damaged, or an unknown format) are attached unchanged.
Expected<BundleSummary> write_bundle(const std::vector<BundleInput>& inputs, const std::filesystem::path& output,
                                     const std::string& title);

std::string bundle_summary_to_json(const BundleSummary& summary);
Expected<BundleSummary> bundle_summary_from_json(std::string_view json);

} // namespace berkas::submission
