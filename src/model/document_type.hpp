#pragma once
#include <array>
#include <optional>
#include <string_view>

namespace berkas {

// The kinds of page berkas recognises. The string forms are part of the
// result.json contract and of the rules files: never rename them.
enum class DocumentType {
    surat_permohonan,
    formulir_bsre,
    ktp,
    sk_terakhir,
    sk_jabatan,
    surat_rekomendasi_atasan,
    unknown,
};

inline constexpr std::array all_document_types {
    DocumentType::surat_permohonan, DocumentType::formulir_bsre, DocumentType::ktp,
    DocumentType::sk_terakhir,      DocumentType::sk_jabatan,    DocumentType::surat_rekomendasi_atasan,
    DocumentType::unknown,
};

std::string_view to_string(DocumentType type);
std::optional<DocumentType> document_type_from_string(std::string_view name);

// What a clerk calls the document, e.g. "Fotokopi KTP".
std::string_view indonesian_name(DocumentType type);

} // namespace berkas
