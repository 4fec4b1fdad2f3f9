#include "pipeline/result_json.hpp"

namespace berkas::pipeline {

using nlohmann::json;

namespace {

json optional_value(const std::optional<FieldValue>& field)
{
    return field ? json(field->value) : json(nullptr);
}

json field_sources(const Applicant& applicant)
{
    json sources = json::object();
    auto add = [&](const char* name, const std::optional<FieldValue>& field) {
        if (field)
            sources[name] = {{"source", field->source}, {"page", field->page}};
    };
    add("nama", applicant.nama);
    add("nik", applicant.nik);
    add("nip", applicant.nip);
    add("email", applicant.email);
    for (const auto& [name, field] : applicant.other)
        sources[name] = {{"source", field.source}, {"page", field.page}};
    return sources;
}

json applicant_to_json(const Applicant& applicant)
{
    json object = {{"nama", optional_value(applicant.nama)},
                   {"nik", optional_value(applicant.nik)},
                   {"nip", optional_value(applicant.nip)},
                   {"email", optional_value(applicant.email)}};
    for (const auto& [name, field] : applicant.other)
        object[name] = field.value;
    object["sources"] = field_sources(applicant);
    return object;
}

json document_to_json(const Document& document)
{
    json object = {{"type", std::string(to_string(document.type))},
                   {"source", document.source},
                   {"pages", document.pages},
                   {"fields", document.fields},
                   {"signed", document.digitally_signed},
                   {"other_person", document.other_person}};
    if (!document.unread_key_fields.empty())
        object["unread_key_fields"] = document.unread_key_fields;
    return object;
}

} // namespace

json result_to_json(const CaseResult& result)
{
    json documents = json::array();
    for (const Document& document : result.documents)
        documents.push_back(document_to_json(document));
    json problems = json::array();
    for (const Problem& problem : result.problems)
        problems.push_back({{"code", problem.code}, {"message", problem.message}});
    json requirements = json::array();
    for (const RequirementCheck& check : result.requirements)
        requirements.push_back({{"type", std::string(to_string(check.type))}, {"present", check.present}});
    return {{"case_id", result.case_id},
            {"status", to_string(result.status)},
            {"profile", result.profile},
            {"rules_version", result.rules_version},
            {"applicant", applicant_to_json(result.applicant)},
            {"documents", documents},
            {"requirements", requirements},
            {"problems", problems},
            {"outputs", result.outputs}};
}

} // namespace berkas::pipeline
