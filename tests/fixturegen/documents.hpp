#pragma once
// The four documents of an application bundle (DOMAIN.md §2), typeset as clean
// vector PDFs. scan.hpp turns them into what an office scanner would produce.
#include "application.hpp"
#include "result.hpp"
#include "typeset.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace berkas::fixture {

// New types go at the end: each type's scanner stream derives from its value.
enum class DocumentType { surat_permohonan, formulir_bsre, ktp, sk_terakhir, sk_jabatan, surat_rekomendasi_atasan };

// Bundle order: the order an applicant's documents are usually stacked in.
constexpr std::array<DocumentType, 4> all_document_types {DocumentType::surat_permohonan, DocumentType::formulir_bsre,
                                                          DocumentType::ktp, DocumentType::sk_terakhir};

// Documents some offices' SOPs add (Muara Enim, Pontianak); written only on request.
constexpr std::array<DocumentType, 2> extra_document_types {DocumentType::sk_jabatan,
                                                            DocumentType::surat_rekomendasi_atasan};

std::string_view type_name(DocumentType type); // "surat_permohonan", as in the truth file and rules
std::string_view file_stem(DocumentType type); // "surat-permohonan"
std::optional<DocumentType> parse_document_type(std::string_view name); // accepts both spellings, any type

// The KTP photocopy is scanned finer: its small print needs the resolution.
int scan_dpi(DocumentType type);

// One A4 page of vector PDF.
Result<std::string> typeset_document(DocumentType type, const Application& application);

// Layouts, one file each.
void layout_surat_permohonan(Canvas& canvas, const Application& application);
void layout_formulir_bsre(Canvas& canvas, const Application& application);
void layout_ktp(Canvas& canvas, const Application& application);
void layout_sk_terakhir(Canvas& canvas, const Application& application);
void layout_sk_jabatan(Canvas& canvas, const Application& application);
void layout_surat_rekomendasi(Canvas& canvas, const Application& application);

// An ink blot over a key value (the defect "unreadable document"): dark and
// irregular enough that no digit underneath survives a scan.
void draw_blot(Canvas& canvas, double x, double baseline, double width);

// Page geometry shared by the letters (Tata Naskah Dinas margins).
constexpr double letter_left = mm(25);
constexpr double letter_right = a4_width - mm(20);
constexpr Style body_style {Face::serif, 12};
constexpr Style body_bold {Face::serif_bold, 12};
constexpr double body_leading = 16;

// Who signs at the bottom of a letter or form.
struct SignatoryBlock {
    double x = 0;
    double top = 0; // baseline of the first title line
    double width = 0;
    std::string title; // "Kepala Dinas …," — wrapped within width; '\n' forces a break
    std::string name;
    std::string pangkat; // optional line under the name
    std::string nip; // printed as "NIP. …"; empty for elected officials
    bool hand_signed = true; // false: "ttd." as on a petikan
    bool stamped = false;
    std::string stamp_word; // middle of the stamp
};

// Returns the baseline after the block.
double draw_signatory(Canvas& canvas, SeededRandom& random, const SignatoryBlock& block);

// Shared by the letters: the kop (letterhead) of a Pemerintah Kota Pontianak
// office; returns the baseline below its double rule.
double draw_letterhead(Canvas& canvas, std::string_view office_upper, std::string_view address_line);

} // namespace berkas::fixture
