#include "generation/template_data.hpp"

#include "generation/indonesian.hpp"
#include "generation/remedy.hpp"
#include "model/document_type.hpp"
#include "util/text.hpp"

#include <cctype>
#include <filesystem>

namespace berkas::generation {

namespace {

using kainjow::mustache::list;

// Fields of applicant.other that have their own row, in the order a verifier reads them.
struct KnownField {
    const char* key;
    const char* label;
};
constexpr KnownField other_fields[] = {
    {"jabatan", "Jabatan"},   {"pangkat", "Pangkat/Golongan"}, {"unit_kerja", "Unit Kerja"},
    {"instansi", "Instansi"}, {"no_hp", "Nomor HP"},
};

bool is_known_other_field(const std::string& key)
{
    for (const KnownField& field : other_fields) {
        if (key == field.key)
            return true;
    }
    return false;
}

// "tempat_lahir" → "Tempat lahir", for fields the templates do not name.
std::string label_from_key(const std::string& key)
{
    std::string label = key;
    for (char& c : label) {
        if (c == '_')
            c = ' ';
    }
    if (!label.empty())
        label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
    return label;
}

std::string file_name(std::string_view source)
{
    return std::filesystem::path(std::string(source)).filename().string();
}

// Keys whose value is empty are left out, so that {{#nip}}…{{/nip}} sections work.
void set_if_present(TemplateData& object, const std::string& key, const std::string& value)
{
    if (!trim(value).empty())
        object.set(key, value);
}

TemplateData official_data(const Official& official, size_t number)
{
    TemplateData data;
    if (number > 0)
        data.set("number", std::to_string(number));
    set_if_present(data, "nama", official.nama);
    set_if_present(data, "nip", digits_only(official.nip));
    set_if_present(data, "pangkat", official.pangkat);
    set_if_present(data, "jabatan", official.jabatan);
    return data;
}

TemplateData numbered_texts(const std::vector<std::string>& texts)
{
    TemplateData items {TemplateData::type::list};
    for (size_t i = 0; i < texts.size(); ++i) {
        TemplateData item;
        item.set("number", std::to_string(i + 1));
        item.set("text", texts[i]);
        items.push_back(item);
    }
    return items;
}

std::string join_texts(const std::vector<std::string>& texts, const std::string& separator)
{
    std::string joined;
    for (const std::string& text : texts) {
        if (!joined.empty())
            joined += separator;
        joined += text;
    }
    return joined;
}

TemplateData office_data(const Office& office)
{
    TemplateData data;
    data.set("letterhead", numbered_texts(office.letterhead));
    data.set("address", office.address);
    data.set("city", office.city);
    set_if_present(data, "logo_path", office.logo_path);
    data.set("addressee", office.addressee);
    data.set("addressee_place", office.addressee_place);
    data.set("head", official_data(office.head, 0));
    TemplateData verifiers {TemplateData::type::list};
    for (size_t i = 0; i < office.verifiers.size(); ++i)
        verifiers.push_back(official_data(office.verifiers[i], i + 1));
    data.set("verifiers", verifiers);
    data.set("tembusan", numbered_texts(office.tembusan));
    // "Pemerintah Kota Pontianak" and "Dinas Komunikasi dan Informatika" for running text.
    data.set("government", office.letterhead.empty() ? "" : title_case(office.letterhead.front()));
    data.set("department", office.letterhead.empty() ? "" : title_case(office.letterhead.back()));
    data.set("name", title_case(join_texts(office.letterhead, " ")));
    return data;
}

std::string value_or_missing(const std::optional<FieldValue>& field, bool digits)
{
    if (!field || trim(field->value).empty())
        return missing_value;
    return digits ? digits_only(field->value) : trim(field->value);
}

std::string source_or_missing(const std::optional<FieldValue>& field)
{
    return field ? describe_source(field->source, field->page) : missing_value;
}

std::optional<FieldValue> other_field(const Applicant& applicant, const std::string& key)
{
    auto found = applicant.other.find(key);
    return found == applicant.other.end() ? std::nullopt : std::optional<FieldValue>(found->second);
}

TemplateData applicant_row(size_t number, const std::string& label, const std::optional<FieldValue>& field,
                           bool digits)
{
    TemplateData row;
    row.set("number", std::to_string(number));
    row.set("label", label);
    row.set("value", value_or_missing(field, digits));
    row.set("source", source_or_missing(field));
    return row;
}

// The rows of the applicant table on the lembar verifikasi, with the source of each value.
TemplateData applicant_rows(const Applicant& applicant)
{
    TemplateData rows {TemplateData::type::list};
    rows.push_back(applicant_row(1, "Nama", applicant.nama, false));
    rows.push_back(applicant_row(2, "NIK", applicant.nik, true));
    rows.push_back(applicant_row(3, "NIP", applicant.nip, true));
    rows.push_back(applicant_row(4, "Email", applicant.email, false));
    size_t number = 5;
    for (const KnownField& field : other_fields)
        rows.push_back(applicant_row(number++, field.label, other_field(applicant, field.key), false));
    for (const auto& [key, value] : applicant.other) {
        if (!is_known_other_field(key))
            rows.push_back(applicant_row(number++, label_from_key(key), value, false));
    }
    return rows;
}

TemplateData applicant_data(const Applicant& applicant)
{
    TemplateData data;
    data.set("nama", value_or_missing(applicant.nama, false));
    std::string bare_name = applicant.nama ? strip_academic_titles(applicant.nama->value) : "";
    data.set("nama_tanpa_gelar", bare_name.empty() ? missing_value : bare_name);
    data.set("nik", value_or_missing(applicant.nik, true));
    data.set("nip", value_or_missing(applicant.nip, true));
    data.set("email", value_or_missing(applicant.email, false));
    for (const KnownField& field : other_fields)
        data.set(field.key, value_or_missing(other_field(applicant, field.key), false));
    // The applicant's own office (OPD), to which a pemberitahuan kekurangan is sent.
    std::string office = value_or_missing(other_field(applicant, "instansi"), false);
    if (office == missing_value)
        office = value_or_missing(other_field(applicant, "unit_kerja"), false);
    data.set("opd", office);
    data.set("opd_addressee", office_addressee(office));
    return data;
}

std::string describe_pages(const Document& document)
{
    if (document.pages.empty())
        return file_name(document.source);
    std::string pages = std::to_string(document.pages.front());
    if (document.pages.size() > 1)
        pages += "\u2013" + std::to_string(document.pages.back()); // en dash: "hlm. 1–3"
    return file_name(document.source) + " hlm. " + pages;
}

std::string sources_of_type(const std::vector<Document>& documents, DocumentType type)
{
    std::vector<std::string> sources;
    for (const Document& document : documents) {
        if (document.type == type)
            sources.push_back(describe_pages(document));
    }
    return sources.empty() ? missing_value : join_texts(sources, "; ");
}

TemplateData requirement_rows(const CaseResult& result)
{
    TemplateData rows {TemplateData::type::list};
    for (size_t i = 0; i < result.requirements.size(); ++i) {
        const RequirementCheck& check = result.requirements[i];
        TemplateData row;
        row.set("number", std::to_string(i + 1));
        row.set("type", std::string(to_string(check.type)));
        row.set("name", std::string(indonesian_name(check.type)));
        row.set("present", check.present);
        row.set("status", check.present ? "ada" : "tidak ada");
        row.set("source", check.present ? sources_of_type(result.documents, check.type) : missing_value);
        rows.push_back(row);
    }
    return rows;
}

TemplateData problem_rows(const std::vector<Problem>& problems)
{
    TemplateData rows {TemplateData::type::list};
    for (size_t i = 0; i < problems.size(); ++i) {
        TemplateData row;
        row.set("number", std::to_string(i + 1));
        row.set("code", problems[i].code);
        row.set("message", problems[i].message);
        row.set("remedy", what_to_send(problems[i].code));
        rows.push_back(row);
    }
    return rows;
}

bool is_required(const CaseResult& result, DocumentType type)
{
    for (const RequirementCheck& check : result.requirements) {
        if (check.type == type)
            return true;
    }
    return false;
}

std::vector<Document> other_documents(const CaseResult& result)
{
    std::vector<Document> others;
    for (const Document& document : result.documents) {
        if (!is_required(result, document.type))
            others.push_back(document);
    }
    return others;
}

TemplateData document_rows(const std::vector<Document>& documents)
{
    TemplateData rows {TemplateData::type::list};
    for (size_t i = 0; i < documents.size(); ++i) {
        const Document& document = documents[i];
        TemplateData row;
        row.set("number", std::to_string(i + 1));
        row.set("type", std::string(to_string(document.type)));
        row.set("name", std::string(indonesian_name(document.type)));
        row.set("source", file_name(document.source));
        row.set("location", describe_pages(document));
        rows.push_back(row);
    }
    return rows;
}

TemplateData thumbnail_rows(const std::vector<ThumbnailImage>& thumbnails)
{
    TemplateData rows {TemplateData::type::list};
    for (size_t i = 0; i < thumbnails.size(); ++i) {
        TemplateData row;
        row.set("number", std::to_string(i + 1));
        row.set("caption", thumbnails[i].caption);
        row.set("image", thumbnails[i].path);
        row.set("card", thumbnails[i].card);
        row.set("top_half", thumbnails[i].top_half);
        rows.push_back(row);
    }
    return rows;
}

} // namespace

std::string describe_source(std::string_view source, int page)
{
    if (trim(source).empty())
        return missing_value;
    std::string name = file_name(source);
    return page > 0 ? name + " hlm. " + std::to_string(page) : name;
}

TemplateData build_template_data(const LetterContext& context)
{
    const CaseResult& result = context.result;
    bool complete = result.status == CaseStatus::complete;
    TemplateData data;
    data.set("case_id", result.case_id);
    data.set("profile", result.profile.empty() ? missing_value : result.profile);
    data.set("rules_version", result.rules_version.empty() ? missing_value : result.rules_version.substr(0, 12));
    data.set("complete", complete);
    data.set("status", complete ? "LENGKAP" : "BELUM LENGKAP");
    data.set("nomor", context.letter_number.empty() ? missing_value : context.letter_number);
    data.set("tanggal", format_indonesian_date(context.date).value_or(context.date));
    data.set("tanggal_iso", context.date);
    data.set("qr", "berkas:case:" + result.case_id);
    data.set("office", office_data(context.office));
    data.set("applicant", applicant_data(result.applicant));
    data.set("applicant_rows", applicant_rows(result.applicant));
    data.set("requirements", requirement_rows(result));
    data.set("problems", problem_rows(result.problems));
    data.set("documents", document_rows(result.documents));
    // Documents no requirement asked for (including unrecognised pages): a verifier
    // should still look at them.
    data.set("other_documents", document_rows(other_documents(result)));
    data.set("thumbnails", thumbnail_rows(context.thumbnails));
    return data;
}

Expected<std::string> render_template(const std::string& text, const TemplateData& data, const TemplateData* item)
{
    if (text.find("{{") == std::string::npos)
        return text;
    kainjow::mustache::mustache parsed {text};
    // Escaping is for HTML; in a PDF "&" and "<" are ordinary characters.
    parsed.set_custom_escape([](const std::string& raw) { return raw; });
    kainjow::mustache::context<std::string> context {&data};
    if (item != nullptr)
        context.push(item);
    std::string rendered = parsed.is_valid() ? parsed.render(context) : "";
    if (!parsed.is_valid())
        return make_error("template", "cannot render '" + text + "': " + parsed.error_message());
    return rendered;
}

const TemplateData* find_value(const TemplateData& data, std::string_view dotted_name)
{
    const TemplateData* current = &data;
    size_t start = 0;
    while (current != nullptr && start <= dotted_name.size()) {
        size_t end = dotted_name.find('.', start);
        if (end == std::string_view::npos)
            end = dotted_name.size();
        current = current->get(std::string(dotted_name.substr(start, end - start)));
        start = end + 1;
    }
    return current;
}

} // namespace berkas::generation
