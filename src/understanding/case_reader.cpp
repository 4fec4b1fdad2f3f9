#include "understanding/case_reader.hpp"

#include "model/identity.hpp"
#include "understanding/classifier.hpp"
#include "understanding/extractor.hpp"

#include "util/disjoint_sets.hpp"

#include <algorithm>
#include <array>
#include <map>

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
    int previous_page = -1; // the last page that was not blank
    for (const PageText& page : file.pages) {
        if (page.source == TextSource::blank)
            continue; // a blank page neither starts nor ends a document
        DocumentType type = classify_page(page.text, rules).type;
        bool continues_previous = !documents.empty() && previous_page >= 0 &&
                                  (type == documents.back().type || type == DocumentType::unknown) &&
                                  documents.back().pages.back() == previous_page;
        if (!continues_previous)
        {
            Document document;
            document.type = type;
            document.source = file.source;
            documents.push_back(std::move(document));
        }
        add_page(documents.back(), page, rules);
        previous_page = page.number;
    }
    return documents;
}

void note_unread_key_fields(Document& document, const DocumentRules& rules)
{
    const TypeRule* rule = rules.type_rule(document.type);
    if (!rule)
        return;
    for (const std::string& field : rule->key_fields)
        if (!document.fields.count(field))
            document.unread_key_fields.push_back(field);
}

// --- Who the case is about -------------------------------------------------
//
// Documents are linked when they share a NIP or a NIK, or name the same person
// without contradicting identifiers. The applicant is the largest group (ties
// go to the group holding the most trusted document); every other document
// with an identity of its own is about someone else.

std::optional<std::string> field_of(const Document& document, const char* name)
{
    auto found = document.fields.find(name);
    return found == document.fields.end() ? std::nullopt : std::optional(found->second);
}

// Two readings of one identifier: equal, or apart by an OCR slip or a typo
// (then validation reports the mismatch; it is still the same person).
bool nearly_equal(const std::optional<std::string>& a, const std::optional<std::string>& b)
{
    return a && b && differing_digits(*a, *b) <= 2;
}

bool contradicts(const std::optional<std::string>& a, const std::optional<std::string>& b)
{
    return a && b && !nearly_equal(a, b);
}

bool same_person(const Document& a, const Document& b)
{
    auto nip_a = field_of(a, "nip"), nip_b = field_of(b, "nip");
    auto nik_a = field_of(a, "nik"), nik_b = field_of(b, "nik");
    if (nearly_equal(nip_a, nip_b) || nearly_equal(nik_a, nik_b))
        return true;
    auto name_a = field_of(a, "nama"), name_b = field_of(b, "nama");
    return name_a && name_b && same_person_name(*name_a, *name_b) && !contradicts(nip_a, nip_b) &&
           !contradicts(nik_a, nik_b);
}

bool has_identity(const Document& document)
{
    return field_of(document, "nip") || field_of(document, "nik") || field_of(document, "nama");
}

// The order in which documents speak for the applicant.
int trust_rank(DocumentType type)
{
    constexpr std::array order {DocumentType::formulir_bsre, DocumentType::surat_permohonan, DocumentType::sk_terakhir,
                                DocumentType::sk_jabatan, DocumentType::surat_rekomendasi_atasan, DocumentType::ktp};
    auto found = std::find(order.begin(), order.end(), type);
    return static_cast<int>(found - order.begin());
}

size_t applicant_group(const std::vector<Document>& documents, const std::vector<size_t>& identified, DisjointSets& groups)
{
    std::map<size_t, std::pair<int, int>> score; // group → (documents, -best trust rank)
    for (size_t i : identified) {
        auto& [count, trust] = score.try_emplace(groups.root(i), 0, -100).first->second;
        count++;
        trust = std::max(trust, -trust_rank(documents[i].type));
    }
    return std::max_element(score.begin(), score.end(), [](const auto& a, const auto& b) {
               return a.second < b.second;
           })->first;
}

// True when the document carries a NIP or NIK that none of the applicant's
// documents has: proof that it is about someone else. A document that only
// names someone else is left to the name check (OCR garbles names).
bool contradicts_group(const Document& document, const std::vector<const Document*>& group)
{
    for (const char* identifier : {"nip", "nik"}) {
        auto value = field_of(document, identifier);
        if (!value)
            continue;
        bool known = false, agrees = false;
        for (const Document* member : group) {
            auto theirs = field_of(*member, identifier);
            known = known || theirs.has_value();
            agrees = agrees || nearly_equal(value, theirs);
        }
        if (known && !agrees)
            return true;
    }
    return false;
}

void mark_other_people(std::vector<Document>& documents)
{
    std::vector<size_t> identified;
    for (size_t i = 0; i < documents.size(); ++i)
        if (documents[i].type != DocumentType::unknown && has_identity(documents[i]))
            identified.push_back(i);
    if (identified.size() < 2)
        return;
    DisjointSets groups(documents.size());
    for (size_t a = 0; a < identified.size(); ++a)
        for (size_t b = a + 1; b < identified.size(); ++b)
            if (same_person(documents[identified[a]], documents[identified[b]]))
                groups.join(identified[a], identified[b]);
    size_t applicant = applicant_group(documents, identified, groups);
    std::vector<const Document*> applicants_documents;
    for (size_t i : identified)
        if (groups.root(i) == applicant)
            applicants_documents.push_back(&documents[i]);
    for (size_t i : identified)
        documents[i].other_person = groups.root(i) != applicant && contradicts_group(documents[i], applicants_documents);
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
            if (document.type != source || document.other_person)
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
    for (Document& document : documents)
        note_unread_key_fields(document, rules);
    mark_other_people(documents);
    return documents;
}

Applicant identify_applicant(const std::vector<Document>& documents, const DocumentRules& rules)
{
    Applicant applicant;
    for (const FieldRule& rule : rules.fields) {
        if (rule.subject != Subject::applicant)
            continue;
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
