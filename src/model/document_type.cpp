#include "model/document_type.hpp"

namespace berkas {

std::string_view to_string(DocumentType type)
{
    switch (type) {
    case DocumentType::surat_permohonan: return "surat_permohonan";
    case DocumentType::formulir_bsre: return "formulir_bsre";
    case DocumentType::ktp: return "ktp";
    case DocumentType::sk_terakhir: return "sk_terakhir";
    case DocumentType::sk_jabatan: return "sk_jabatan";
    case DocumentType::surat_rekomendasi_atasan: return "surat_rekomendasi_atasan";
    case DocumentType::unknown: return "unknown";
    }
    return "unknown";
}

std::optional<DocumentType> document_type_from_string(std::string_view name)
{
    for (DocumentType type : all_document_types) {
        if (to_string(type) == name)
            return type;
    }
    return std::nullopt;
}

std::string_view indonesian_name(DocumentType type)
{
    switch (type) {
    case DocumentType::surat_permohonan: return "Surat permohonan";
    case DocumentType::formulir_bsre: return "Formulir permohonan BSrE";
    case DocumentType::ktp: return "Fotokopi KTP";
    case DocumentType::sk_terakhir: return "SK terakhir";
    case DocumentType::sk_jabatan: return "SK jabatan";
    case DocumentType::surat_rekomendasi_atasan: return "Surat rekomendasi atasan";
    case DocumentType::unknown: return "Dokumen tidak dikenal";
    }
    return "Dokumen tidak dikenal";
}

} // namespace berkas
