#pragma once
// The rules that say how to recognise each document type and where to read
// each field. Parsed from YAML text (rules/documents.yaml); no file access here.
#include "model/document_type.hpp"
#include "util/expected.hpp"

#include <map>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

namespace berkas::understanding {

enum class Region { anywhere, top }; // top: the first third of the page's lines

struct Keyword {
    std::string text; // lower case, single-spaced
    int weight = 1;
    Region region = Region::anywhere;
};

struct Pattern {
    std::string source;
    std::regex regex;
    int weight = 1;
};

struct TypeRule {
    DocumentType type = DocumentType::unknown;
    int min_score = 1;
    std::vector<Keyword> keywords;
    std::vector<Pattern> patterns;
    // Fields without which the document cannot serve its purpose: a required
    // document lacking one is reported as unreadable:<type>.
    std::vector<std::string> key_fields;
    // Applicant fields are read only after the first line containing one of
    // these phrases (lower case): a recommendation names its signer first.
    std::vector<std::string> fields_after;
};

enum class FieldKind { text, name, digits, email, phone, date };

// Digit fields whose structure is known: a number found without its label is
// taken only when it has this structure (model/identity.hpp).
enum class Structure { none, nik, nip };

// Whom a field describes: the applicant (merged across the case's documents)
// or the document itself (its number and date stay with the document).
enum class Subject { applicant, document };

struct FieldPattern {
    std::string source;
    std::regex regex; // the value is capture group 1
    Region region = Region::anywhere;
};

struct FieldRule {
    std::string name;
    std::vector<std::string> labels; // lower case
    FieldKind kind = FieldKind::text;
    size_t length = 0;                      // digits: exact length required
    Structure structure = Structure::none;
    Subject subject = Subject::applicant;
    std::vector<FieldPattern> patterns;     // tried when no label gives a value
    std::vector<std::string> values;        // a closed vocabulary, e.g. LAKI-LAKI/PEREMPUAN
    std::vector<DocumentType> sources;      // most trusted first
};

struct DocumentRules {
    std::vector<TypeRule> types;
    std::vector<FieldRule> fields;

    const TypeRule* type_rule(DocumentType type) const;
    const FieldRule* field_rule(std::string_view name) const;
};

// True when `digits` could be the field's identifier (any digits for a field
// without a structure). The current year is not known here: TMT CPNS is only
// bounded by the birth date.
bool has_structure(const FieldRule& rule, std::string_view digits);

// `source_name` appears in errors as "source_name:line:col: message".
Expected<DocumentRules> parse_document_rules(std::string_view yaml_text, std::string_view source_name);

// Every error in the file, not only the first (for `berkas rules check`).
std::vector<Error> check_document_rules(std::string_view yaml_text, std::string_view source_name);

} // namespace berkas::understanding
