#include "pipeline/rejection.hpp"

#include "util/file.hpp"

#include <array>
#include <cstdio>
#include <utility>

namespace berkas::pipeline {

namespace {

// `path`, or "name (2).ext", "name (3).ext", … when a file rejected earlier
// under the same name is still in quarantine: neither may be lost.
std::filesystem::path unused_path(const std::filesystem::path& path)
{
    std::filesystem::path candidate = path;
    for (int number = 2; std::filesystem::exists(candidate); ++number) {
        candidate = path.parent_path() /
                    (path.stem().string() + " (" + std::to_string(number) + ")" + path.extension().string());
    }
    return candidate;
}

} // namespace

std::string rejection_message(std::string_view reason)
{
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 14> messages {{
        {"empty_file", "Berkas kosong (0 bita). Pindai ulang dokumen lalu letakkan kembali di inbox."},
        {"not_a_document", "Bukan dokumen yang dapat dibaca (hanya PDF, JPG, PNG, dan TIFF yang diterima)."},
        {"corrupt_pdf", "Berkas PDF rusak dan tidak dapat dibuka. Simpan atau pindai ulang dokumen."},
        {"encrypted_pdf", "PDF dikunci dengan kata sandi. Kirim ulang dokumen tanpa kata sandi."},
        {"too_large", "Ukuran berkas, atau isinya setelah dibuka, melebihi batas yang diizinkan. Pindai ulang "
                      "dengan resolusi 300 dpi atau pisahkan dokumennya."},
        {"too_many_pages", "Jumlah halaman melebihi batas yang diizinkan. Pisahkan dokumen menjadi beberapa berkas."},
        {"image_too_large", "Resolusi gambar melebihi batas yang diizinkan. Pindai ulang dengan resolusi 300 dpi."},
        {"corrupt_image", "Berkas gambar rusak dan tidak dapat dibuka. Simpan atau pindai ulang dokumen."},
        {"ocr_failed", "Teks pada halaman tidak dapat dibaca oleh mesin OCR. Pindai ulang dokumen dengan lebih jelas."},
        {"out_of_memory", "Berkas memerlukan memori melebihi batas. Pindai ulang dengan resolusi 300 dpi."},
        {"io_error", "Berkas tidak dapat dibaca dari disk. Periksa izin berkas lalu letakkan kembali di inbox."},
        {"internal", "Terjadi kesalahan sistem saat membaca berkas. Hubungi admin."},
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
    const std::filesystem::path target = unused_path(quarantine_dir / relative);
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
