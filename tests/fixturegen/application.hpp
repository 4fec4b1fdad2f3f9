#pragma once
// Everything one application bundle needs: the applicant, the officials who
// sign its documents, and the numbers and dates printed on them. The officials
// carry their own valid NIPs on purpose: extraction must anchor on the
// applicant's label rows, not on the last NIP of a page.
#include "calendar.hpp"
#include "person.hpp"
#include "vocabulary.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace berkas::fixture {

struct Application {
    std::uint32_t seed = 0;
    Person applicant;
    Office office;
    std::string unit_kerja;
    Person office_head; // signs the surat permohonan
    Person supervisor; // "atasan langsung" on the formulir
    Person personnel_head; // certifies the SK petikan
    std::string mayor_name; // signs the SK; an elected official has no NIP
    std::string letter_number;
    Date letter_date;
    Date form_date;
    std::string sk_number;
    Date sk_date;
    Date sk_effective; // "terhitung mulai tanggal"
    int previous_rank = 0; // pangkat before the promotion in the SK
    Date ktp_issued;

    // The documents some SOPs add, from a stream of their own so that the four
    // common documents of every seed stay as they were.
    std::string sk_jabatan_number;
    Date sk_jabatan_date;
    Date sk_jabatan_effective; // TMT jabatan
    std::string recommendation_number;
    Date recommendation_date;

    // Document type names whose key value is covered by an ink blot (defect).
    std::vector<std::string> blotted;
    bool is_blotted(std::string_view type) const;

    std::string instansi() const; // "Dinas Komunikasi dan Informatika Kota Pontianak"
    std::string office_head_title() const; // "Kepala Dinas Komunikasi dan Informatika Kota Pontianak"
    std::string supervisor_title() const; // "Kepala Bidang Aplikasi Informatika" or "Sekretaris"
    std::string office_address() const; // the address line of the kop surat
    bool office_is_diskominfo() const; // then the Sekretaris signs on behalf of the Kepala Dinas
};

Application make_application(std::uint32_t seed);

// Another civil servant with his or her own valid NIK and NIP, for the defect
// "an SK of another person" (never the applicant of `seed`).
Person make_stranger(std::uint32_t seed);

// ASCII, lowercase family name of the applicant, for folder and file names.
std::string surname_slug(const Application& application);

} // namespace berkas::fixture
