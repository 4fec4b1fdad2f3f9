#pragma once
// Built-in word lists for synthetic identities and offices. Every combination
// is fictional; names are common Indonesian given and family names, offices are
// the usual OPD of a kota with invented street numbers and telephone numbers.
#include <span>
#include <string_view>

namespace berkas::fixture {

struct Kecamatan {
    std::string_view code; // two digits, NIK digits 5–6
    std::string_view name; // as printed on the KTP
    std::span<const std::string_view> kelurahan;
};

// A kabupaten/kota in Kalimantan Barat where a NIK can be registered.
struct Region {
    std::string_view code; // four digits, NIK digits 1–4
    std::string_view header; // KTP header line, e.g. "KOTA PONTIANAK"
    std::string_view city; // birth-place spelling, e.g. "Pontianak"
    std::span<const Kecamatan> kecamatan;
};

// An organisasi perangkat daerah (OPD) of the Pemerintah Kota Pontianak.
struct Office {
    std::string_view name; // "Dinas Komunikasi dan Informatika"
    std::string_view abbreviation; // used in letter numbers, e.g. "DISKOMINFO"
    std::string_view head_title; // "Kepala Dinas" or "Kepala Badan"
    std::string_view street; // kop address
    std::span<const std::string_view> units;
};

struct Rank {
    std::string_view pangkat; // "Penata Muda"
    std::string_view golongan; // "III.a"
};

enum class Faith { islam, christian, other };

namespace vocabulary {

std::span<const std::string_view> given_names(bool female, Faith faith);
std::span<const std::string_view> family_names();
std::span<const std::string_view> birth_places();
std::span<const std::string_view> home_streets();
std::span<const std::string_view> mobile_prefixes();
std::span<const Region> regions();
std::span<const Office> offices();
std::span<const Rank> ranks(); // index = seniority, 0 = II.a … 11 = IV.d

std::span<const std::string_view> diploma_titles(); // ", A.Md.Kom."
std::span<const std::string_view> bachelor_titles(); // ", S.Kom."
std::span<const std::string_view> master_titles(); // ", M.Si."

std::span<const std::string_view> expert_jabatan(); // "Pranata Komputer" (+ " Ahli Pertama")
std::span<const std::string_view> skilled_jabatan(); // "Arsiparis" (+ " Terampil")
std::span<const std::string_view> clerical_jabatan(); // complete titles

} // namespace vocabulary
} // namespace berkas::fixture
