#pragma once
// Reads the fields of one page, anchored on labels at the start of a line:
// the applicant's "NIP : …" row, not a signatory's NIP further down.
#include "understanding/document_rules.hpp"

#include <map>
#include <string>
#include <string_view>

namespace berkas::understanding {

using FieldMap = std::map<std::string, std::string>;

FieldMap extract_fields(std::string_view page_text, DocumentType type, const DocumentRules& rules);

struct PageReading {
    FieldMap fields;
    // Identifiers read from their label row with one digit too many or too few
    // (OCR split or doubled a digit of a spaced-out NIK): the raw digits, for
    // fields without a value. Another document of the case may confirm them.
    FieldMap near_misses;
};

PageReading read_page_fields(std::string_view page_text, DocumentType type, const DocumentRules& rules);

} // namespace berkas::understanding
