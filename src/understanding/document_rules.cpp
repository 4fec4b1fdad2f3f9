#include "understanding/document_rules.hpp"

#include "util/text.hpp"

#include <yaml-cpp/yaml.h>

namespace berkas::understanding {

namespace {

// Thrown only inside this file and turned into an Error at the boundary, so
// that a deep helper can report a precise location without threading results.
struct RuleParseError {
    YAML::Mark mark;
    std::string message;
};

[[noreturn]] void fail(const YAML::Node& node, std::string message)
{
    throw RuleParseError {node.Mark(), std::move(message)};
}

std::string scalar(const YAML::Node& node, std::string_view what)
{
    if (!node || !node.IsScalar())
        fail(node, std::string(what) + " must be text");
    return node.as<std::string>();
}

int integer(const YAML::Node& node, std::string_view what)
{
    try {
        return node.as<int>();
    } catch (const YAML::Exception&) {
        fail(node, std::string(what) + " must be a whole number");
    }
}

DocumentType document_type(const YAML::Node& node)
{
    std::string name = scalar(node, "document type");
    auto type = document_type_from_string(name);
    if (!type)
        fail(node, "unknown document type '" + name + "'");
    return *type;
}

void reject_unknown_keys(const YAML::Node& map, std::initializer_list<std::string_view> known)
{
    for (const auto& entry : map) {
        std::string key = entry.first.as<std::string>();
        if (std::find(known.begin(), known.end(), key) == known.end())
            fail(entry.first, "unknown key '" + key + "'");
    }
}

Keyword parse_keyword(const YAML::Node& node)
{
    if (node.IsScalar())
        return Keyword {collapse_spaces(to_lower_ascii(node.as<std::string>())), 1, Region::anywhere};
    if (!node.IsMap())
        fail(node, "a keyword is text or {text, weight, region}");
    reject_unknown_keys(node, {"text", "weight", "region"});
    Keyword keyword;
    keyword.text = collapse_spaces(to_lower_ascii(scalar(node["text"], "keyword text")));
    if (node["weight"])
        keyword.weight = integer(node["weight"], "weight");
    if (node["region"]) {
        std::string region = scalar(node["region"], "region");
        if (region != "top" && region != "anywhere")
            fail(node["region"], "region must be 'top' or 'anywhere'");
        keyword.region = region == "top" ? Region::top : Region::anywhere;
    }
    return keyword;
}

Pattern parse_pattern(const YAML::Node& node)
{
    if (!node.IsMap())
        fail(node, "a pattern is {regex, weight}");
    reject_unknown_keys(node, {"regex", "weight"});
    Pattern pattern;
    pattern.source = scalar(node["regex"], "regex");
    try {
        pattern.regex = std::regex(pattern.source, std::regex::ECMAScript | std::regex::icase);
    } catch (const std::regex_error& error) {
        fail(node["regex"], std::string("invalid regular expression: ") + error.what());
    }
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
    reject_unknown_keys(body, {"min_score", "keywords", "patterns"});
    if (body["min_score"])
        rule.min_score = integer(body["min_score"], "min_score");
    for (const auto& keyword : body["keywords"])
        rule.keywords.push_back(parse_keyword(keyword));
    for (const auto& pattern : body["patterns"])
        rule.patterns.push_back(parse_pattern(pattern));
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
    fail(node, "kind must be one of text, name, digits, email, phone");
}

FieldRule parse_field_rule(const YAML::Node& key, const YAML::Node& body)
{
    FieldRule rule;
    rule.name = scalar(key, "field name");
    if (!body.IsMap())
        fail(body, "field '" + rule.name + "' must be a mapping");
    reject_unknown_keys(body, {"labels", "kind", "length", "sources"});
    for (const auto& label : body["labels"])
        rule.labels.push_back(collapse_spaces(to_lower_ascii(scalar(label, "label"))));
    if (rule.labels.empty())
        fail(body, "field '" + rule.name + "' needs at least one label");
    if (body["kind"])
        rule.kind = field_kind(body["kind"]);
    if (body["length"])
        rule.length = static_cast<size_t>(integer(body["length"], "length"));
    for (const auto& source : body["sources"])
        rule.sources.push_back(document_type(source));
    return rule;
}

DocumentRules parse_root(const YAML::Node& root)
{
    if (!root.IsMap())
        fail(root, "the rules file must be a mapping");
    reject_unknown_keys(root, {"version", "document_types", "fields"});
    DocumentRules rules;
    for (const auto& entry : root["document_types"])
        rules.types.push_back(parse_type_rule(entry.first, entry.second));
    for (const auto& entry : root["fields"])
        rules.fields.push_back(parse_field_rule(entry.first, entry.second));
    if (rules.types.empty())
        fail(root, "no document_types defined");
    return rules;
}

// yaml-cpp counts from zero; editors count from one.
Error located_yaml_error(std::string_view source_name, const YAML::Mark& mark, const std::string& message)
{
    return located_error("rules", source_name, mark.line + 1, mark.column + 1, message);
}

} // namespace

Expected<DocumentRules> parse_document_rules(std::string_view yaml_text, std::string_view source_name)
{
    try {
        return parse_root(YAML::Load(std::string(yaml_text)));
    } catch (const RuleParseError& error) {
        return tl::unexpected(located_yaml_error(source_name, error.mark, error.message));
    } catch (const YAML::Exception& error) {
        return tl::unexpected(located_yaml_error(source_name, error.mark, error.msg));
    }
}

} // namespace berkas::understanding
