#include "validation/profile.hpp"

#include <yaml-cpp/yaml.h>

namespace berkas::validation {

namespace {

Error located_yaml_error(std::string_view source_name, const YAML::Mark& mark, const std::string& message)
{
    return located_error("rules", source_name, mark.line + 1, mark.column + 1, message);
}

Expected<std::vector<DocumentType>> parse_required(const YAML::Node& list, std::string_view source_name)
{
    if (!list || !list.IsSequence())
        return tl::unexpected(located_yaml_error(source_name, list.Mark(), "required_documents must be a list"));
    std::vector<DocumentType> required;
    for (const auto& item : list) {
        auto type = item.IsScalar() ? document_type_from_string(item.as<std::string>()) : std::nullopt;
        if (!type || *type == DocumentType::unknown)
            return tl::unexpected(located_yaml_error(source_name, item.Mark(), "unknown document type"));
        required.push_back(*type);
    }
    return required;
}

} // namespace

Expected<Profile> parse_profile(std::string_view yaml_text, std::string_view source_name)
{
    YAML::Node root;
    try {
        root = YAML::Load(std::string(yaml_text));
    } catch (const YAML::Exception& error) {
        return tl::unexpected(located_yaml_error(source_name, error.mark, error.msg));
    }
    if (!root.IsMap())
        return tl::unexpected(located_yaml_error(source_name, root.Mark(), "a profile must be a mapping"));
    Profile profile;
    if (!root["profile"] || !root["profile"].IsScalar())
        return tl::unexpected(located_yaml_error(source_name, root.Mark(), "missing 'profile' (the profile's id)"));
    profile.id = root["profile"].as<std::string>();
    profile.name = root["name"] ? root["name"].as<std::string>() : profile.id;
    profile.required_documents = BERKAS_TRY(parse_required(root["required_documents"], source_name));
    return profile;
}

} // namespace berkas::validation
