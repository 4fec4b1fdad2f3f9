#pragma once
// What an applicant's office must send to mend each problem, for the
// pemberitahuan kekurangan. Pure: worded from the problem's code.
#include "model/case_result.hpp"

#include <string>
#include <string_view>

namespace berkas::generation {

// "missing:ktp" → "Fotokopi KTP elektronik pemohon yang masih berlaku dan terbaca jelas."
// Codes berkas does not know get a general request to send the corrected document.
std::string what_to_send(std::string_view problem_code);

// How a letter to the applicant's office addresses it: "Kepala Dinas Kesehatan" for
// "Dinas Kesehatan", "Pimpinan Pemerintah Kota Pontianak" for anything not headed by
// a kepala, and "Pimpinan Perangkat Daerah Pemohon" when the office is not known.
std::string office_addressee(std::string_view office_name);

} // namespace berkas::generation
