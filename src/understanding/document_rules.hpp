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
};

enum class FieldKind { text, name, digits, email, phone };

struct FieldRule {
    std::string name;
    std::vector<std::string> labels; // lower case
    FieldKind kind = FieldKind::text;
    size_t length = 0;                      // digits: exact length required
    std::vector<DocumentType> sources;      // most trusted first
};

struct DocumentRules {
    std::vector<TypeRule> types;
    std::vector<FieldRule> fields;
};

// `source_name` appears in errors as "source_name:line:col: message".
Expected<DocumentRules> parse_document_rules(std::string_view yaml_text, std::string_view source_name);

} // namespace berkas::understanding
