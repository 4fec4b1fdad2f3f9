#include "validation/profile.hpp"

#include "util/yaml_errors.hpp"

#include <algorithm>
#include <filesystem>

namespace berkas::validation {

namespace {

using yaml_errors::boolean;
using yaml_errors::fail;
using yaml_errors::integer;
using yaml_errors::reject_unknown_keys;
using yaml_errors::required;
using yaml_errors::scalar;
using yaml_errors::sequence;

DocumentType required_type(const YAML::Node& node)
{
    std::string name = scalar(node, "document type");
    auto type = document_type_from_string(name);
    if (!type || *type == DocumentType::unknown)
        fail(node, "unknown document type '" + name + "'");
    return *type;
}

std::vector<DocumentType> parse_required(const YAML::Node& list)
{
    std::vector<DocumentType> types;
    for (const auto& item : sequence(list, "required_documents")) {
        DocumentType type = required_type(item);
        if (std::find(types.begin(), types.end(), type) != types.end())
            fail(item, "document type '" + item.Scalar() + "' is listed twice");
        types.push_back(type);
    }
    if (types.empty())
        fail(list, "required_documents must list at least one document type");
    return types;
}

int bounded(const YAML::Node& node, std::string_view what, int low, int high)
{
    int value = integer(node, what);
    if (value < low || value > high)
        fail(node, std::string(what) + " must be between " + std::to_string(low) + " and " + std::to_string(high));
    return value;
}

Checks parse_checks(const YAML::Node& node)
{
    Checks checks;
    if (!node)
        return checks;
    if (!node.IsMap())
        fail(node, "checks must be a mapping");
    reject_unknown_keys(node, {"nik_structure", "nip_structure", "nik_nip_birthdate", "nik_nip_gender", "same_nip",
                               "same_nik", "same_name", "readable_documents", "email_go_id", "email_required",
                               "sk_max_age_years"});
    auto flag = [&](const char* key, bool& value) {
        if (node[key])
            value = boolean(node[key], key);
    };
    flag("nik_structure", checks.nik_structure);
    flag("nip_structure", checks.nip_structure);
    flag("nik_nip_birthdate", checks.nik_nip_birthdate);
    flag("nik_nip_gender", checks.nik_nip_gender);
    flag("same_nip", checks.same_nip);
    flag("same_nik", checks.same_nik);
    flag("same_name", checks.same_name);
    flag("readable_documents", checks.readable_documents);
    flag("email_go_id", checks.email_go_id);
    flag("email_required", checks.email_required);
    if (node["sk_max_age_years"] && !node["sk_max_age_years"].IsNull())
        checks.sk_max_age_years = bounded(node["sk_max_age_years"], "sk_max_age_years", 1, 40);
    return checks;
}

size_t lifecycle_position(const YAML::Node& node)
{
    std::string step = scalar(node, "step");
    auto found = std::find(lifecycle_states.begin(), lifecycle_states.end(), step);
    if (found == lifecycle_states.end())
        fail(node, "unknown step '" + step +
                       "' (one of verification, submitted, registered, activation_sent, identity_verified, "
                       "passphrase_set, issued, delivered)");
    return static_cast<size_t>(found - lifecycle_states.begin());
}

SopStep parse_step(const YAML::Node& node)
{
    if (!node.IsMap())
        fail(node, "a SOP step is {step, standard_minutes, activity, actor}");
    reject_unknown_keys(node, {"step", "standard_minutes", "activity", "actor"});
    SopStep step;
    lifecycle_position(required(node, "step"));
    step.step = node["step"].Scalar();
    step.standard_minutes = bounded(required(node, "standard_minutes"), "standard_minutes", 0, 60 * 24 * 30);
    if (node["activity"])
        step.activity = scalar(node["activity"], "activity");
    if (node["actor"])
        step.actor = scalar(node["actor"], "actor");
    return step;
}

// Steps follow the lifecycle: a step may not lead back to an earlier state.
std::vector<SopStep> parse_steps(const YAML::Node& list)
{
    std::vector<SopStep> steps;
    size_t reached = 0;
    for (const auto& item : sequence(list, "sop_steps")) {
        steps.push_back(parse_step(item));
        size_t position = lifecycle_position(item["step"]);
        if (position < reached)
            fail(item["step"], "step '" + steps.back().step + "' comes after '" +
                                   std::string(lifecycle_states[reached]) + "': SOP steps follow the lifecycle order");
        reached = position;
    }
    return steps;
}

void check_id_matches_file(const YAML::Node& node, const std::string& id, std::string_view source_name)
{
    std::string stem = std::filesystem::path(source_name).stem().string();
    if (id != stem)
        fail(node, "profile '" + id + "' must be in a file named " + id + ".yaml, not " +
                       std::filesystem::path(source_name).filename().string());
}

Profile parse_root(const YAML::Node& root, std::string_view source_name, yaml_errors::Collector& errors)
{
    Profile profile;
    if (!root.IsMap()) {
        errors.add(root, "a profile must be a mapping");
        return profile;
    }
    errors.attempt([&] {
        reject_unknown_keys(root, {"profile", "name", "sop", "required_documents", "checks", "sop_steps",
                                   "certificate_validity_years", "renewal_notice_days"});
    });
    errors.attempt([&] {
        profile.id = scalar(required(root, "profile"), "profile");
        check_id_matches_file(root["profile"], profile.id, source_name);
    });
    errors.attempt([&] { profile.name = root["name"] ? scalar(root["name"], "name") : profile.id; });
    errors.attempt([&] { profile.sop = root["sop"] ? scalar(root["sop"], "sop") : ""; });
    errors.attempt([&] { profile.required_documents = parse_required(required(root, "required_documents")); });
    errors.attempt([&] { profile.checks = parse_checks(root["checks"]); });
    errors.attempt([&] { profile.sop_steps = parse_steps(root["sop_steps"]); });
    errors.attempt([&] {
        if (root["certificate_validity_years"])
            profile.certificate_validity_years =
                bounded(root["certificate_validity_years"], "certificate_validity_years", 1, 10);
    });
    errors.attempt([&] {
        if (root["renewal_notice_days"])
            profile.renewal_notice_days = bounded(root["renewal_notice_days"], "renewal_notice_days", 0, 365);
    });
    return profile;
}

std::pair<Profile, std::vector<Error>> parse_all(std::string_view yaml_text, std::string_view source_name)
{
    return yaml_errors::parse_collecting<Profile>(
        yaml_text, source_name,
        [&](const YAML::Node& root, yaml_errors::Collector& errors) { return parse_root(root, source_name, errors); });
}

} // namespace

int Profile::standard_minutes_to(std::string_view state) const
{
    int minutes = 0;
    for (const SopStep& step : sop_steps)
        if (step.step == state)
            minutes += step.standard_minutes;
    return minutes;
}

Expected<Profile> parse_profile(std::string_view yaml_text, std::string_view source_name)
{
    return yaml_errors::first_error_or(parse_all(yaml_text, source_name));
}

std::vector<Error> check_profile(std::string_view yaml_text, std::string_view source_name)
{
    return parse_all(yaml_text, source_name).second;
}

} // namespace berkas::validation
