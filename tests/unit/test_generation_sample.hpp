#pragma once
// Fictional cases and office for the generation tests. No real person's data.
#include "generation/office.hpp"
#include "model/case_result.hpp"

#include <string>

namespace berkas::testing {

inline FieldValue field(std::string value, std::string source, int page)
{
    return FieldValue {std::move(value), std::move(source), page};
}

inline CaseResult sample_complete_case()
{
    CaseResult result;
    result.case_id = "2026-11-21-siti-aminah";
    result.status = CaseStatus::complete;
    result.profile = "pns";
    result.rules_version = "3f9a1c2b7d4e5f60718293a4b5c6d7e8";
    result.applicant.nama = field("Dr. Ir. Hj. Siti Aminah, S.Kom., M.Si.", "2026-11-21-siti-aminah/ktp.pdf", 1);
    result.applicant.nik = field("6171 0145 0690 0002", "2026-11-21-siti-aminah/ktp.pdf", 1);
    result.applicant.nip = field("19900615 201503 2 004", "2026-11-21-siti-aminah/sk_terakhir.pdf", 1);
    result.applicant.email = field("siti.aminah@pontianak.go.id", "2026-11-21-siti-aminah/formulir.pdf", 1);
    result.applicant.other["jabatan"] = field("Pranata Komputer Ahli Muda", "2026-11-21-siti-aminah/sk_terakhir.pdf", 2);
    result.applicant.other["pangkat"] = field("Penata (III/c)", "2026-11-21-siti-aminah/sk_terakhir.pdf", 1);
    result.applicant.other["unit_kerja"] = field("Bidang Persandian dan Keamanan Informasi",
                                                 "2026-11-21-siti-aminah/formulir.pdf", 1);
    result.applicant.other["instansi"] = field("Pemerintah Kota Pontianak", "2026-11-21-siti-aminah/formulir.pdf", 1);
    result.applicant.other["no_hp"] = field("0812-5678-9012", "2026-11-21-siti-aminah/formulir.pdf", 1);
    result.documents = {
        {DocumentType::surat_permohonan, "2026-11-21-siti-aminah/permohonan.pdf", {1}, {}},
        {DocumentType::formulir_bsre, "2026-11-21-siti-aminah/formulir.pdf", {1, 2}, {}},
        {DocumentType::ktp, "2026-11-21-siti-aminah/ktp.pdf", {1}, {}},
        {DocumentType::sk_terakhir, "2026-11-21-siti-aminah/sk_terakhir.pdf", {1, 2, 3}, {}},
    };
    result.requirements = {
        {DocumentType::surat_permohonan, true},
        {DocumentType::formulir_bsre, true},
        {DocumentType::ktp, true},
        {DocumentType::sk_terakhir, true},
    };
    return result;
}

inline CaseResult sample_incomplete_case()
{
    CaseResult result = sample_complete_case();
    result.case_id = "2026-11-21-budi-santoso";
    result.status = CaseStatus::incomplete;
    result.applicant.nama = field("BUDI SANTOSO, S.T.", "2026-11-21-budi-santoso/ktp.pdf", 1);
    result.applicant.email.reset();
    result.applicant.other.erase("no_hp");
    result.documents.pop_back();
    result.documents.push_back({DocumentType::unknown, "2026-11-21-budi-santoso/lampiran.pdf", {4}, {}});
    result.requirements.back().present = false;
    result.requirements.push_back({DocumentType::sk_jabatan, false});
    result.problems = {
        {"missing:sk_terakhir", "SK terakhir tidak ditemukan dalam berkas."},
        {"missing:sk_jabatan", "SK jabatan tidak ditemukan dalam berkas."},
        {"nip_mismatch", "NIP pada formulir (199006152015032004) berbeda dengan NIP pada SK (199006152015032005)."},
    };
    return result;
}

inline generation::Office sample_office()
{
    generation::Office office;
    office.letterhead = {"PEMERINTAH KOTA PONTIANAK", "DINAS KOMUNIKASI DAN INFORMATIKA"};
    office.address = "Jalan Rahadi Usman Nomor 3, Pontianak, Kalimantan Barat 78111; Telepon (0561) 733041; "
                     "Laman: diskominfo.pontianak.go.id; Pos-el: diskominfo@pontianak.go.id";
    office.city = "Pontianak";
    office.head = {"Ahmad Fauzi, S.Kom., M.T.", "19750312 200003 1 002", "Pembina Utama Muda (IV/c)",
                   "Kepala Dinas Komunikasi dan Informatika"};
    office.verifiers = {{"Rina Wulandari, S.Kom.", "198807142010012003", "Penata (III/c)", "Verifikator"},
                        {"Yusuf Hidayat", "199102022014021001", "Penata Muda Tk. I (III/b)", "Verifikator"}};
    office.tembusan = {"Yth. Wali Kota Pontianak (sebagai laporan)", "Arsip"};
    return office;
}

} // namespace berkas::testing
