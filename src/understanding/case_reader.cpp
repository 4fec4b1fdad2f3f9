#include "understanding/case_reader.hpp"

#include "model/identity.hpp"
#include "understanding/classifier.hpp"
#include "understanding/extractor.hpp"

#include "util/disjoint_sets.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <functional>
#include <map>
#include <set>

namespace berkas::understanding {

namespace {

// A document as it is being read, with the identifiers it nearly read.
struct ReadDocument {
    Document document;
    FieldMap near_misses;
};

void add_page(ReadDocument& read, const PageText& page, const DocumentRules& rules)
{
    Document& document = read.document;
    document.pages.push_back(page.number);
    PageReading reading = read_page_fields(page.text, document.type, rules);
    for (auto& [name, value] : reading.fields)
        document.fields.emplace(name, value); // the first page that has a field wins
    for (auto& [name, value] : reading.near_misses)
        read.near_misses.emplace(name, value);
}

std::vector<ReadDocument> documents_of_file(const SourcePages& file, const DocumentRules& rules)
{
    std::vector<ReadDocument> documents;
    int previous_page = -1; // the last page that was not blank
    for (const PageText& page : file.pages) {
        if (page.source == TextSource::blank)
            continue; // a blank page neither starts nor ends a document
        DocumentType type = classify_page(page.text, rules).type;
        bool continues_previous = !documents.empty() && previous_page >= 0 &&
                                  (type == documents.back().document.type || type == DocumentType::unknown) &&
                                  documents.back().document.pages.back() == previous_page;
        if (!continues_previous) {
            ReadDocument read;
            read.document.type = type;
            read.document.source = file.source;
            documents.push_back(std::move(read));
        }
        add_page(documents.back(), page, rules);
        previous_page = page.number;
    }
    return documents;
}

std::set<std::string> others_within(const std::vector<ReadDocument>& documents, const ReadDocument& read,
                                    const std::string& field, const std::function<bool(const std::string&)>& near)
{
    std::set<std::string> found;
    for (const ReadDocument& other : documents) {
        auto value = other.document.fields.find(field);
        if (&other != &read && value != other.document.fields.end() && near(value->second))
            found.insert(value->second);
    }
    return found;
}

// A number read with one digit added or dropped (OCR split or doubled a digit
// of a spaced-out NIK) is taken as the value another document of the case
// carries when that is the only value it can be: the KTP then confirms the
// form's NIK. Failing that, a digit in front of a number that has the
// structure is a separator read as a digit ("NIP —. 1199…"). Anything else
// stays unread: a real difference is never hidden.
void confirm_near_misses(std::vector<ReadDocument>& documents, const DocumentRules& rules)
{
    for (ReadDocument& read : documents) {
        for (const auto& [field, digits] : read.near_misses) {
            const FieldRule* rule = rules.field_rule(field);
            if (!rule || read.document.fields.count(field))
                continue;
            auto confirmed = others_within(documents, read, field, [&digits = digits](const std::string& value) {
                return edit_distance(digits, value) == 1;
            });
            if (confirmed.size() == 1)
                read.document.fields[field] = *confirmed.begin();
            else if (digits.size() == rule->length + 1 && rule->structure != Structure::none &&
                     has_structure(*rule, digits.substr(1)))
                read.document.fields[field] = digits.substr(1);
        }
    }
}

// A reading that cannot be an identifier at all ("2069" for "2009" in a TMT
// CPNS) and is one digit from the structured value another document carries
// is that value misread.
void confirm_impossible_readings(std::vector<ReadDocument>& documents, const DocumentRules& rules)
{
    for (const FieldRule& rule : rules.fields) {
        if (rule.structure == Structure::none)
            continue;
        for (ReadDocument& read : documents) {
            auto value = read.document.fields.find(rule.name);
            if (value == read.document.fields.end() || has_structure(rule, value->second))
                continue;
            std::string reading = value->second;
            auto confirmed = others_within(documents, read, rule.name, [&](const std::string& other) {
                return differing_digits(reading, other) == 1 && has_structure(rule, other);
            });
            if (confirmed.size() == 1)
                value->second = *confirmed.begin();
        }
    }
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

std::string letters_of(std::string_view text)
{
    std::string letters;
    for (char c : text)
        if (std::isalpha(static_cast<unsigned char>(c)))
            letters += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return letters;
}

// Two documents may give one address with an OCR slip ("purnomo" read as
// "pumomo"). Addresses are made from names, so of readings a slip or two
// apart, the one whose local part is closest to the applicant's name wins.
FieldValue email_most_like_name(const FieldValue& chosen, const std::string& name, const std::vector<Document>& documents)
{
    std::string name_letters = letters_of(name_without_titles(name));
    auto distance_to_name = [&](const std::string& email) {
        return edit_distance(letters_of(email.substr(0, email.find('@'))), name_letters);
    };
    FieldValue best = chosen;
    for (const Document& document : documents) {
        auto email = document.fields.find("email");
        if (document.other_person || email == document.fields.end() || email->second == best.value ||
            edit_distance(email->second, chosen.value) > 2)
            continue;
        if (distance_to_name(email->second) < distance_to_name(best.value))
            best = located(document, email->second);
    }
    return best;
}

} // namespace

std::vector<Document> find_documents(const std::vector<SourcePages>& files, const DocumentRules& rules)
{
    std::vector<ReadDocument> read;
    for (const SourcePages& file : files) {
        auto found = documents_of_file(file, rules);
        read.insert(read.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
    }
    confirm_near_misses(read, rules);
    confirm_impossible_readings(read, rules);
    std::vector<Document> documents;
    for (ReadDocument& one : read)
        documents.push_back(std::move(one.document));
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
    if (applicant.email && applicant.nama)
        applicant.email = email_most_like_name(*applicant.email, applicant.nama->value, documents);
    return applicant;
}

} // namespace berkas::understanding
