#pragma once
// A complete, evaluated case as the pipeline leaves it, without OCR: small
// PDFs in the inbox (one of them digitally signed), the generated letter and
// sheet in outbox/cases/<id>/, and the case in the state with its result.json.
#include "state/store.hpp"

#include <nlohmann/json.hpp>
#include <podofo/podofo.h>

#include <filesystem>
#include <memory>
#include <string>

namespace berkas::testing {

// One A4 page with a line of text, ready for more objects before it is written.
inline void start_text_pdf(PoDoFo::PdfMemDocument& document, const std::string& text)
{
    using namespace PoDoFo;
    PdfError::EnableLogging(false);
    PdfPage* page = document.CreatePage(PdfPage::CreateStandardPageSize(ePdfPageSize_A4));
    PdfPainter painter;
    painter.SetPage(page);
    PdfFont* font = document.CreateFont("Helvetica");
    font->SetFontSize(14);
    painter.SetFont(font);
    painter.DrawText(72, 720, PdfString(text.c_str()));
    painter.FinishPage();
}

inline void write_text_pdf(const std::filesystem::path& path, const std::string& text)
{
    std::filesystem::create_directories(path.parent_path());
    PoDoFo::PdfMemDocument document;
    start_text_pdf(document, text);
    document.Write(path.c_str());
}

// A PDF carrying a signature dictionary, as a TTE-signed SK does.
inline void write_signed_pdf(const std::filesystem::path& path, const std::string& text)
{
    using namespace PoDoFo;
    std::filesystem::create_directories(path.parent_path());
    PdfMemDocument document;
    start_text_pdf(document, text);
    PdfObject* signature = document.GetObjects().CreateObject("Sig");
    PdfArray range;
    for (pdf_int64 value : {0, 100, 200, 300})
        range.push_back(PdfVariant(value));
    signature->GetDictionary().AddKey("ByteRange", range);
    signature->GetDictionary().AddKey("Filter", PdfName("Adobe.PPKLite"));
    document.GetCatalog()->GetDictionary().AddKey("TestSignature", signature->Reference());
    document.Write(path.c_str());
}

struct SampleCase {
    std::string case_id = "budi-santoso-1a2b3c";
    std::string nama = "Dr. Budi Santoso, S.Kom., M.T.";
    std::string nik = "6171010101850003";
    std::string nip = "198501012010011003";
    std::string instansi = "Dinas Kesehatan Kota Pontianak";
    std::string unit_kerja = "Bidang Pelayanan Kesehatan";
    std::string fingerprint = "fingerprint-1";
    bool complete = true;
    bool signed_sk = true;

    nlohmann::json result_json() const
    {
        std::string folder = case_id + "/";
        nlohmann::json documents = nlohmann::json::array({
            {{"type", "sk_terakhir"}, {"source", folder + "sk-terakhir.pdf"}, {"pages", {1}}},
            {{"type", "surat_permohonan"}, {"source", folder + "surat-permohonan.pdf"}, {"pages", {1}}},
            {{"type", "formulir_bsre"}, {"source", folder + "surat-permohonan.pdf"}, {"pages", {2}}},
            {{"type", "ktp"}, {"source", folder + "ktp.pdf"}, {"pages", {1}}},
        });
        return {{"case_id", case_id},
                {"status", complete ? "complete" : "incomplete"},
                {"profile", "default"},
                {"applicant",
                 {{"nama", nama}, {"nik", nik}, {"nip", nip}, {"email", "budi.santoso@pontianak.go.id"},
                  {"jabatan", "Pranata Komputer Ahli Muda"}, {"unit_kerja", unit_kerja}, {"instansi", instansi}}},
                {"documents", documents}};
    }

    // The state database where berkas looks for it (root/var/berkas.sqlite3), with this case in it.
    std::unique_ptr<state::Store> create_with_state(const std::filesystem::path& root) const
    {
        std::filesystem::create_directories(root / "var");
        auto store = std::move(*state::Store::open(root / "var" / "berkas.sqlite3"));
        create(root, *store);
        return store;
    }

    // Writes the files under `root` (inbox/, outbox/) and records the case in `store`.
    void create(const std::filesystem::path& root, state::Store& store) const
    {
        auto inbox = root / "inbox" / case_id;
        write_text_pdf(inbox / "surat-permohonan.pdf", "Surat permohonan " + case_id);
        write_text_pdf(inbox / "ktp.pdf", "KTP " + case_id);
        if (signed_sk)
            write_signed_pdf(inbox / "sk-terakhir.pdf", "SK bertanda tangan elektronik");
        else
            write_text_pdf(inbox / "sk-terakhir.pdf", "SK terakhir");
        auto outputs = root / "outbox" / "cases" / case_id;
        write_text_pdf(outputs / "lembar-verifikasi.pdf", "Lembar verifikasi " + case_id);
        if (complete)
            write_text_pdf(outputs / "surat-rekomendasi.pdf", "Surat rekomendasi " + case_id);
        CaseResult result;
        result.case_id = case_id;
        result.status = complete ? CaseStatus::complete : CaseStatus::incomplete;
        result.profile = "default";
        result.rules_version = "rules-1";
        result.applicant.nama = FieldValue {nama, case_id + "/surat-permohonan.pdf", 2};
        if (!complete)
            result.problems.push_back(Problem {"missing:ktp", "Fotokopi KTP tidak ditemukan"});
        store.save_case(result, case_id, fingerprint, result_json().dump());
    }
};

} // namespace berkas::testing
