#pragma once
// The office that issues the documents, as configured in berkas.yaml.
#include <string>
#include <vector>

namespace berkas::generation {

struct Official {
    std::string nama;
    std::string nip;
    std::string pangkat;
    std::string jabatan;
};

struct Office {
    std::vector<std::string> letterhead; // e.g. "PEMERINTAH KOTA PONTIANAK", "DINAS KOMUNIKASI DAN INFORMATIKA"
    std::string address;                 // one line under the letterhead
    std::string city;                    // place of the date line, e.g. "Pontianak"
    std::string logo_path;               // optional PNG/JPEG
    Official head;                       // signs the surat rekomendasi
    std::vector<Official> verifiers;     // up to three; sign the lembar verifikasi
    std::string addressee = "Kepala Balai Besar Sertifikasi Elektronik";
    std::string addressee_place = "Badan Siber dan Sandi Negara, di Jakarta";
    std::vector<std::string> tembusan = {"Arsip"};
};

} // namespace berkas::generation
