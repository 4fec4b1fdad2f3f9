#include "understanding/case_reader.hpp"

#include "understanding/classifier.hpp"
#include "understanding/extractor.hpp"

namespace berkas::understanding {

namespace {

void add_page(Document& document, const PageText& page, const DocumentRules& rules)
{
    document.pages.push_back(page.number);
    for (auto& [name, value] : extract_fields(page.text, document.type, rules))
        document.fields.emplace(name, value); // the first page that has a field wins
}

std::vector<Document> documents_of_file(const SourcePages& file, const DocumentRules& rules)
{
    std::vector<Document> documents;
    for (const PageText& page : file.pages) {
        if (page.source == TextSource::blank)
            continue;
        DocumentType type = classify_page(page.text, rules).type;
        bool continues_previous = !documents.empty() &&
                                  (type == documents.back().type || type == DocumentType::unknown) &&
                                  documents.back().pages.back() == page.number - 1;
        if (!continues_previous)
            documents.push_back(Document {type, file.source, {}, {}});
        add_page(documents.back(), page, rules);
    }
    return documents;
}

// The first page number of the document in its file, for the "where was it read" trail.
FieldValue located(const Document& document, const std::string& value)
{
    return FieldValue {value, document.source, document.pages.empty() ? 0 : document.pages.front()};
}

std::optional<FieldValue> most_trusted(const FieldRule& rule, const std::vector<Document>& documents)
{
    for (DocumentType source : rule.sources) {
        for (const Document& document : documents) {
            if (document.type != source)
                continue;
            auto field = document.fields.find(rule.name);
            if (field != document.fields.end())
                return located(document, field->second);
        }
    }
    return std::nullopt;
}

} // namespace

std::vector<Document> find_documents(const std::vector<SourcePages>& files, const DocumentRules& rules)
{
    std::vector<Document> documents;
    for (const SourcePages& file : files) {
        auto found = documents_of_file(file, rules);
        documents.insert(documents.end(), found.begin(), found.end());
    }
    return documents;
}

Applicant identify_applicant(const std::vector<Document>& documents, const DocumentRules& rules)
{
    Applicant applicant;
    for (const FieldRule& rule : rules.fields) {
        auto value = most_trusted(rule, documents);
        if (!value)
            continue;
        if (rule.name == "nama") applicant.nama = value;
        else if (rule.name == "nik") applicant.nik = value;
        else if (rule.name == "nip") applicant.nip = value;
        else if (rule.name == "email") applicant.email = value;
        else applicant.other[rule.name] = *value;
    }
    return applicant;
}

} // namespace berkas::understanding
