#pragma once
// How problem messages name things for a clerk or verifier: the document
// with its file and page, the field, a date.
#include "model/case_result.hpp"
#include "model/identity.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace berkas::validation {

// "SK terakhir (sk-terakhir.pdf, hlm. 1)"; pages of a bundle as "hlm. 3–4".
std::string where(const Document& document);

// The document a value of the applicant was read from, named as above.
std::string where(const FieldValue& value, const std::vector<Document>& documents);

// "NIK", "NIP", "nama", "alamat email", … for a field name of the rules.
std::string field_label(std::string_view field);

// "23-09-2024"
std::string dashed(const CivilDate& date);

} // namespace berkas::validation
