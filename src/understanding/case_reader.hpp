#pragma once
// From the pages of a case's files to its documents and its applicant.
#include "model/case_result.hpp"
#include "understanding/document_rules.hpp"

#include <string>
#include <vector>

namespace berkas::understanding {

struct SourcePages {
    std::string source; // path relative to the inbox
    std::vector<PageText> pages;
};

// Splits each file into documents: consecutive pages of one type form one
// document, and an unrecognised page after a recognised one continues it
// (the second page of an SK). Fields are read from every page of a document.
std::vector<Document> find_documents(const std::vector<SourcePages>& files, const DocumentRules& rules);

// The applicant's data, each field from the most trusted document that has it.
Applicant identify_applicant(const std::vector<Document>& documents, const DocumentRules& rules);

} // namespace berkas::understanding
