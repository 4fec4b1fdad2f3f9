#include "generation/remedy.hpp"

#include "util/text.hpp"

#include <array>
#include <utility>

namespace berkas::generation {

namespace {

std::string_view missing_document_remedy(DocumentType type)
{
    switch (type) {
    case DocumentType::surat_permohonan:
        return "Surat permohonan penerbitan sertifikat elektronik dari pimpinan unit kerja, ditandatangani dan "
               "dibubuhi cap dinas.";
    case DocumentType::formulir_bsre:
        return "Formulir permohonan sertifikat elektronik BSrE yang diisi lengkap dan ditandatangani pemohon.";
    case DocumentType::ktp:
        return "Fotokopi KTP elektronik pemohon yang masih berlaku dan terbaca jelas.";
    case DocumentType::sk_terakhir:
        return "Fotokopi SK kepangkatan atau SK terakhir pemohon yang memuat NIP.";
    case DocumentType::sk_jabatan:
        return "Fotokopi SK jabatan pemohon.";
    case DocumentType::surat_rekomendasi_atasan:
        return "Surat rekomendasi dari atasan langsung pemohon.";
    case DocumentType::unknown:
        break;
    }
    return "Dokumen persyaratan yang belum dilampirkan.";
}

// Checks on a value name it in their code ("nik_mismatch", "email_not_dinas", …).
constexpr std::array<std::pair<std::string_view, std::string_view>, 5> value_remedies {{
    {"nik", "Fotokopi KTP yang terbaca jelas dan formulir yang memuat NIK yang sama dengan KTP (16 digit)."},
    {"nip", "Formulir dan SK yang memuat NIP yang benar dan sama (18 digit)."},
    {"email", "Formulir dengan alamat pos-el (email) dinas pemohon yang benar (berakhiran go.id)."},
    {"nama", "Dokumen dengan penulisan nama pemohon yang sama dengan KTP."},
    {"name", "Dokumen dengan penulisan nama pemohon yang sama dengan KTP."},
}};

constexpr std::array<std::string_view, 14> headed_by_a_kepala {
    "dinas", "badan", "kantor", "inspektorat", "kecamatan", "kelurahan", "satuan", "rumah sakit",
    "rsud", "upt", "bagian", "bidang", "balai", "puskesmas",
};

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

} // namespace

std::string what_to_send(std::string_view problem_code)
{
    constexpr std::string_view missing = "missing:";
    if (starts_with(problem_code, missing)) {
        auto type = document_type_from_string(problem_code.substr(missing.size()));
        return std::string(missing_document_remedy(type.value_or(DocumentType::unknown)));
    }
    for (const auto& [name, remedy] : value_remedies) {
        if (problem_code.find(name) != std::string_view::npos)
            return std::string(remedy);
    }
    return "Dokumen yang telah diperbaiki sesuai catatan tersebut.";
}

std::string office_addressee(std::string_view office_name)
{
    std::string name = trim(office_name);
    if (name.empty() || name == "-")
        return "Pimpinan Perangkat Daerah Pemohon";
    std::string lower = to_lower_ascii(name);
    for (std::string_view unit : headed_by_a_kepala) {
        if (starts_with(lower, unit) && (lower.size() == unit.size() || lower[unit.size()] == ' '))
            return "Kepala " + name;
    }
    return "Pimpinan " + name;
}

} // namespace berkas::generation
