#include "pipeline/rejection.hpp"

#include "util/file.hpp"

#include <array>
#include <cstdio>
#include <utility>

namespace berkas::pipeline {

std::string rejection_message(std::string_view reason)
{
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 9> messages {{
        {"empty_file", "Berkas kosong (0 bita). Pindai ulang dokumen lalu letakkan kembali di inbox."},
        {"not_a_document", "Bukan dokumen yang dapat dibaca (hanya PDF, JPG, PNG, dan TIFF yang diterima)."},
        {"corrupt_pdf", "Berkas PDF rusak dan tidak dapat dibuka. Simpan atau pindai ulang dokumen."},
        {"encrypted_pdf", "PDF dikunci dengan kata sandi. Kirim ulang dokumen tanpa kata sandi."},
        {"too_large", "Ukuran berkas melebihi batas yang diizinkan."},
        {"too_many_pages", "Jumlah halaman melebihi batas yang diizinkan."},
        {"image_too_large", "Resolusi gambar melebihi batas yang diizinkan. Pindai ulang dengan resolusi 300 dpi."},
        {"worker_crashed", "Pembacaan berkas gagal berulang kali. Periksa berkas atau hubungi admin."},
        {"timeout", "Pembacaan berkas melewati batas waktu. Periksa berkas atau hubungi admin."},
    }};
    for (auto [code, message] : messages) {
        if (code == reason)
            return std::string(message);
    }
    return "Berkas tidak dapat diproses (" + std::string(reason) + ").";
}

Expected<std::filesystem::path> quarantine_file(const std::filesystem::path& file, const std::string& relative,
                                                const std::filesystem::path& quarantine_dir,
                                                std::string_view reason, std::string_view detail)
{
    std::filesystem::path target = quarantine_dir / relative;
    BERKAS_TRY(ensure_directory(target.parent_path()));
    std::string note = "Berkas: " + relative + "\nAlasan: " + std::string(reason) + "\nKeterangan: " +
                       rejection_message(reason) + "\n";
    if (!detail.empty())
        note += "Rincian teknis: " + std::string(detail) + "\n";
    BERKAS_TRY(write_file_atomic(target.string() + ".alasan.txt", note));
    std::error_code error;
    std::filesystem::rename(file, target, error);
    if (error) // another file system: copy, then remove the original only once the copy is whole
    {
        std::filesystem::copy_file(file, target, std::filesystem::copy_options::overwrite_existing, error);
        if (error)
            return make_error("io", "cannot move to quarantine: " + error.message(), file.string());
        std::filesystem::remove(file, error);
    }
    return target;
}

} // namespace berkas::pipeline
