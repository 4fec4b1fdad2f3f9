#include "understanding/document_rules.hpp"

#include "model/identity.hpp"
#include "util/text.hpp"
#include "util/yaml_errors.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>

namespace berkas::understanding {

namespace {

using yaml_errors::fail;
using yaml_errors::integer;
using yaml_errors::mapping;
using yaml_errors::required;
using yaml_errors::reject_unknown_keys;
using yaml_errors::scalar;
using yaml_errors::sequence;

std::string lower_words(const YAML::Node& node, std::string_view what)
{
    return collapse_spaces(to_lower_ascii(scalar(node, what)));
}

DocumentType document_type(const YAML::Node& node)
{
    std::string name = scalar(node, "document type");
    auto type = document_type_from_string(name);
    if (!type || *type == DocumentType::unknown)
        fail(node, "unknown document type '" + name + "'");
    return *type;
}

Region region_of(const YAML::Node& node)
{
    std::string region = scalar(node, "region");
    if (region != "top" && region != "anywhere")
        fail(node, "region must be 'top' or 'anywhere'");
    return region == "top" ? Region::top : Region::anywhere;
}

std::regex compile(const YAML::Node& node)
{
    try {
        return std::regex(scalar(node, "regex"), std::regex::ECMAScript | std::regex::icase);
    } catch (const std::regex_error& error) {
        fail(node, std::string("invalid regular expression: ") + error.what());
    }
}

Keyword parse_keyword(const YAML::Node& node)
{
    if (node.IsScalar())
        return Keyword {lower_words(node, "keyword"), 1, Region::anywhere};
    if (!node.IsMap())
        fail(node, "a keyword is text or {text, weight, region}");
    reject_unknown_keys(node, {"text", "weight", "region"});
    Keyword keyword;
    keyword.text = lower_words(required(node, "text"), "keyword text");
    if (keyword.text.empty())
        fail(node["text"], "keyword text must not be empty");
    if (node["weight"])
        keyword.weight = integer(node["weight"], "weight");
    if (node["region"])
        keyword.region = region_of(node["region"]);
    return keyword;
}

Pattern parse_pattern(const YAML::Node& node)
{
    if (!node.IsMap())
        fail(node, "a pattern is {regex, weight}");
    reject_unknown_keys(node, {"regex", "weight"});
    Pattern pattern;
    pattern.source = scalar(required(node, "regex"), "regex");
    pattern.regex = compile(node["regex"]);
    if (node["weight"])
        pattern.weight = integer(node["weight"], "weight");
    return pattern;
}

TypeRule parse_type_rule(const YAML::Node& key, const YAML::Node& body)
{
    TypeRule rule;
    rule.type = document_type(key);
    if (!body.IsMap())
        fail(body, "document type '" + key.as<std::string>() + "' must be a mapping");
    reject_unknown_keys(body, {"min_score", "keywords", "patterns", "key_fields", "fields_after"});
    if (body["min_score"])
        rule.min_score = integer(body["min_score"], "min_score");
    if (rule.min_score < 1)
        fail(body["min_score"], "min_score must be at least 1");
    for (const auto& keyword : sequence(body["keywords"], "keywords"))
        rule.keywords.push_back(parse_keyword(keyword));
    for (const auto& pattern : sequence(body["patterns"], "patterns"))
        rule.patterns.push_back(parse_pattern(pattern));
    for (const auto& field : sequence(body["key_fields"], "key_fields"))
        rule.key_fields.push_back(scalar(field, "key field"));
    for (const auto& phrase : sequence(body["fields_after"], "fields_after"))
        rule.fields_after.push_back(lower_words(phrase, "fields_after phrase"));
    if (rule.keywords.empty() && rule.patterns.empty())
        fail(body, "document type '" + key.as<std::string>() + "' needs keywords or patterns");
    return rule;
}

FieldKind field_kind(const YAML::Node& node)
{
    std::string kind = scalar(node, "kind");
    if (kind == "text") return FieldKind::text;
    if (kind == "name") return FieldKind::name;
    if (kind == "digits") return FieldKind::digits;
    if (kind == "email") return FieldKind::email;
    if (kind == "phone") return FieldKind::phone;
    if (kind == "date") return FieldKind::date;
    fail(node, "kind must be one of text, name, digits, email, phone, date");
}

Structure structure_of(const YAML::Node& node)
{
    std::string structure = scalar(node, "structure");
    if (structure == "nik") return Structure::nik;
    if (structure == "nip") return Structure::nip;
    fail(node, "structure must be 'nik' or 'nip'");
}

Subject subject_of(const YAML::Node& node)
{
    std::string subject = scalar(node, "about");
    if (subject == "applicant") return Subject::applicant;
    if (subject == "document") return Subject::document;
    fail(node, "about must be 'applicant' or 'document'");
}

FieldPattern parse_field_pattern(const YAML::Node& node)
{
    if (!node.IsMap())
        fail(node, "a field pattern is {regex, region}");
    reject_unknown_keys(node, {"regex", "region"});
    FieldPattern pattern;
    pattern.source = scalar(required(node, "regex"), "regex");
    pattern.regex = compile(node["regex"]);
    if (pattern.regex.mark_count() < 1)
        fail(node["regex"], "a field pattern needs a capture group ( ) around the value");
    if (node["region"])
        pattern.region = region_of(node["region"]);
    return pattern;
}

void check_digits(const YAML::Node& body, FieldRule& rule)
{
    if (rule.kind == FieldKind::digits && rule.length == 0)
        fail(body, "field '" + rule.name + "' of kind digits needs a length");
    if (rule.structure == Structure::none)
        return;
    size_t expected = rule.structure == Structure::nik ? 16 : 18;
    if (rule.kind != FieldKind::digits || rule.length != expected)
        fail(body["structure"], "structure '" + scalar(body["structure"], "structure") + "' needs kind digits and length " +
                                    std::to_string(expected));
}

FieldRule parse_field_rule(const YAML::Node& key, const YAML::Node& body)
{
    FieldRule rule;
    rule.name = scalar(key, "field name");
    if (!body.IsMap())
        fail(body, "field '" + rule.name + "' must be a mapping");
    reject_unknown_keys(body, {"labels", "kind", "length", "structure", "about", "patterns", "values", "sources"});
    for (const auto& label : sequence(body["labels"], "labels"))
        rule.labels.push_back(lower_words(label, "label"));
    for (const auto& pattern : sequence(body["patterns"], "patterns"))
        rule.patterns.push_back(parse_field_pattern(pattern));
    if (rule.labels.empty() && rule.patterns.empty())
        fail(body, "field '" + rule.name + "' needs at least one label or pattern");
    if (body["kind"])
        rule.kind = field_kind(body["kind"]);
    if (body["length"])
        rule.length = static_cast<size_t>(std::max(0, integer(body["length"], "length")));
    if (body["structure"])
        rule.structure = structure_of(body["structure"]);
    if (body["about"])
        rule.subject = subject_of(body["about"]);
    check_digits(body, rule);
    for (const auto& value : sequence(body["values"], "values"))
        rule.values.push_back(scalar(value, "value"));
    for (const auto& source : sequence(body["sources"], "sources"))
        rule.sources.push_back(document_type(source));
    if (rule.sources.empty())
        fail(body, "field '" + rule.name + "' needs sources: the documents it is read from");
    return rule;
}

// A key field must exist and be read from the document it is key for.
void check_key_fields(const YAML::Node& types_node, const DocumentRules& rules, yaml_errors::Collector& errors)
{
    for (const auto& entry : types_node) {
        auto type = document_type_from_string(entry.first.Scalar());
        const TypeRule* rule = type ? rules.type_rule(*type) : nullptr;
        if (!rule)
            continue;
        for (size_t i = 0; i < rule->key_fields.size(); ++i) {
            const YAML::Node node = entry.second["key_fields"][i];
            const FieldRule* field = rules.field_rule(rule->key_fields[i]);
            if (!field)
                errors.add(node, "key field '" + rule->key_fields[i] + "' is not defined under fields");
            else if (std::find(field->sources.begin(), field->sources.end(), rule->type) == field->sources.end())
                errors.add(node, "key field '" + field->name + "' is not read from " + std::string(to_string(rule->type)) +
                                     " (add it to fields." + field->name + ".sources)");
        }
    }
}

void check_version(const YAML::Node& root)
{
    if (!root["version"])
        return;
    if (integer(root["version"], "version") != 1)
        fail(root["version"], "version must be 1");
}

DocumentRules parse_root(const YAML::Node& root, yaml_errors::Collector& errors)
{
    DocumentRules rules;
    if (!root.IsMap()) {
        errors.add(root, "the rules file must be a mapping");
        return rules;
    }
    errors.attempt([&] { reject_unknown_keys(root, {"version", "document_types", "fields"}); });
    errors.attempt([&] { check_version(root); });
    errors.attempt([&] { mapping(root["document_types"], "document_types"); });
    errors.attempt([&] { mapping(root["fields"], "fields"); });
    if (root["document_types"] && root["document_types"].IsMap())
        for (const auto& entry : root["document_types"])
            errors.attempt([&] { rules.types.push_back(parse_type_rule(entry.first, entry.second)); });
    if (root["fields"] && root["fields"].IsMap())
        for (const auto& entry : root["fields"])
            errors.attempt([&] { rules.fields.push_back(parse_field_rule(entry.first, entry.second)); });
    if (!root["document_types"] || root["document_types"].size() == 0)
        errors.add(root, "no document_types defined");
    if (errors.empty())
        check_key_fields(root["document_types"], rules, errors);
    return rules;
}

std::pair<DocumentRules, std::vector<Error>> parse_all(std::string_view yaml_text, std::string_view source_name)
{
    return yaml_errors::parse_collecting<DocumentRules>(yaml_text, source_name, parse_root);
}

} // namespace

bool has_structure(const FieldRule& rule, std::string_view digits)
{
    switch (rule.structure) {
    case Structure::nik:
        return read_nik(digits).defects.empty();
    case Structure::nip:
        return read_nip(digits, 2100).defects.empty();
    case Structure::none:
        return true;
    }
    return true;
}

const TypeRule* DocumentRules::type_rule(DocumentType type) const
{
    auto found = std::find_if(types.begin(), types.end(), [type](const TypeRule& rule) { return rule.type == type; });
    return found == types.end() ? nullptr : &*found;
}

const FieldRule* DocumentRules::field_rule(std::string_view name) const
{
    auto found = std::find_if(fields.begin(), fields.end(), [name](const FieldRule& rule) { return rule.name == name; });
    return found == fields.end() ? nullptr : &*found;
}

Expected<DocumentRules> parse_document_rules(std::string_view yaml_text, std::string_view source_name)
{
    return yaml_errors::first_error_or(parse_all(yaml_text, source_name));
}

std::vector<Error> check_document_rules(std::string_view yaml_text, std::string_view source_name)
{
    return parse_all(yaml_text, source_name).second;
}

} // namespace berkas::understanding
