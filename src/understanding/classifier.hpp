#pragma once
// Decides what kind of document a page is, by the weighted keywords and
// patterns of the rules. Pure: text in, decision out.
#include "understanding/document_rules.hpp"

#include <string_view>

namespace berkas::understanding {

struct Classification {
    DocumentType type = DocumentType::unknown;
    int score = 0;
};

Classification classify_page(std::string_view page_text, const DocumentRules& rules);

} // namespace berkas::understanding
