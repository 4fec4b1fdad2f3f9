#include "validation/identity_checks.hpp"

#include "util/text.hpp"
#include "validation/wording.hpp"

#include <algorithm>
#include <set>

namespace berkas::validation {

namespace {

struct Reading {
    const Document* document;
    std::string value;
};

// The values of one field on the applicant's own documents, in case order.
std::vector<Reading> readings(const std::vector<Document>& documents, const std::string& field)
{
    std::vector<Reading> found;
    for (const Document& document : documents) {
        if (document.other_person)
            continue;
        auto value = document.fields.find(field);
        if (value != document.fields.end())
            found.push_back(Reading {&document, value->second});
    }
    return found;
}

std::string joined(const std::vector<std::string>& parts, std::string_view separator)
{
    std::string text;
    for (const std::string& part : parts)
        text += (text.empty() ? "" : std::string(separator)) + part;
    return text;
}

std::string list_readings(const std::vector<Reading>& found)
{
    std::vector<std::string> parts;
    for (const Reading& reading : found)
        parts.push_back(where(*reading.document) + ": " + reading.value);
    return joined(parts, "; ");
}

// More than one distinct value of an identifier among the applicant's documents.
void check_same_value(const std::vector<Document>& documents, const std::string& field, const std::string& code,
                      std::vector<Problem>& problems)
{
    auto found = readings(documents, field);
    std::set<std::string> distinct;
    for (const Reading& reading : found)
        distinct.insert(reading.value);
    if (distinct.size() > 1)
        problems.push_back(Problem {code, field_label(field) + " tidak sama di semua dokumen: " + list_readings(found)});
}

void check_same_name(const CaseView& view, std::vector<Problem>& problems)
{
    if (!view.applicant.nama)
        return;
    std::vector<Reading> differing;
    for (const Reading& reading : readings(view.documents, "nama"))
        if (!same_person_name(reading.value, view.applicant.nama->value))
            differing.push_back(reading);
    if (differing.empty())
        return;
    problems.push_back(Problem {"name_mismatch", "Nama pemohon \"" + name_without_titles(view.applicant.nama->value) +
                                                     "\" menurut " + where(*view.applicant.nama, view.documents) +
                                                     " berbeda dengan " + list_readings(differing)});
}

std::string gender_word(Gender gender) { return gender == Gender::female ? "perempuan" : "laki-laki"; }

} // namespace

void check_identifier_structure(const CaseView& view, std::vector<Problem>& problems)
{
    const Applicant& applicant = view.applicant;
    if (view.profile.checks.nik_structure && applicant.nik) {
        auto defects = read_nik(applicant.nik->value).defects;
        if (!defects.empty())
            problems.push_back(Problem {"nik_invalid", "NIK " + applicant.nik->value + " pada " +
                                                           where(*applicant.nik, view.documents) +
                                                           " tidak sah: " + joined(defects, "; ")});
    }
    if (view.profile.checks.nip_structure && applicant.nip) {
        auto defects = read_nip(applicant.nip->value, view.today.year).defects;
        if (!defects.empty())
            problems.push_back(Problem {"nip_invalid", "NIP " + applicant.nip->value + " pada " +
                                                           where(*applicant.nip, view.documents) +
                                                           " tidak sah: " + joined(defects, "; ")});
    }
}

void check_nik_against_nip(const CaseView& view, std::vector<Problem>& problems)
{
    const Applicant& applicant = view.applicant;
    if (!applicant.nik || !applicant.nip)
        return;
    NikFacts nik = read_nik(applicant.nik->value);
    NipFacts nip = read_nip(applicant.nip->value, view.today.year);
    if (nik.province == 0 || nip.birth.year == 0)
        return; // not 16 / 18 digits: reported as invalid, nothing to compare
    std::string nik_place = "NIK (" + where(*applicant.nik, view.documents) + ")";
    std::string nip_place = "NIP (" + where(*applicant.nip, view.documents) + ")";
    if (view.profile.checks.nik_nip_birthdate && !same_birth_date(nik.birth, nip.birth)) {
        std::string nik_date = dashed(nik.birth).substr(0, 6) + dashed(nik.birth).substr(8); // "15-04-90"
        problems.push_back(Problem {"nik_nip_birthdate_mismatch",
                                    "Tanggal lahir menurut " + nik_place + " " + nik_date + " tidak sama dengan menurut " +
                                        nip_place + " " + dashed(nip.birth)});
    }
    if (view.profile.checks.nik_nip_gender && nip.gender && *nip.gender != nik.gender)
        problems.push_back(Problem {"nik_nip_gender_mismatch", "Jenis kelamin menurut " + nik_place + " " +
                                                                   gender_word(nik.gender) + ", menurut " + nip_place +
                                                                   " " + gender_word(*nip.gender)});
}

void check_same_identity(const CaseView& view, std::vector<Problem>& problems)
{
    const Checks& checks = view.profile.checks;
    if (checks.same_nip)
        check_same_value(view.documents, "nip", "nip_mismatch", problems);
    if (checks.same_nik)
        check_same_value(view.documents, "nik", "nik_mismatch", problems);
    if (checks.same_name)
        check_same_name(view, problems);
}

void check_email(const CaseView& view, std::vector<Problem>& problems)
{
    const auto& email = view.applicant.email;
    if (!email) {
        if (view.profile.checks.email_required)
            problems.push_back(Problem {"email_missing", "Alamat email dinas pemohon tidak ditemukan pada formulir "
                                                         "permohonan BSrE maupun surat permohonan"});
        return;
    }
    std::string domain = to_lower_ascii(email->value.substr(email->value.find('@') + 1));
    bool go_id = domain.size() > 6 && domain.compare(domain.size() - 6, 6, ".go.id") == 0;
    if (view.profile.checks.email_go_id && !go_id)
        problems.push_back(Problem {"email_not_go_id", "Alamat email " + email->value + " pada " +
                                                           where(*email, view.documents) +
                                                           " bukan email dinas berdomain .go.id"});
}

void check_sk_age(const CaseView& view, std::vector<Problem>& problems)
{
    if (!view.profile.checks.sk_max_age_years)
        return;
    int limit = *view.profile.checks.sk_max_age_years;
    const Document* newest = nullptr;
    CivilDate newest_date;
    for (const Reading& reading : readings(view.documents, "tanggal_surat")) {
        auto date = parse_iso_date(reading.value);
        if (reading.document->type != DocumentType::sk_terakhir || !date)
            continue;
        if (!newest || *date > newest_date) {
            newest = reading.document;
            newest_date = *date;
        }
    }
    if (newest && whole_years_between(newest_date, view.today) >= limit)
        problems.push_back(Problem {"sk_outdated", where(*newest) + " bertanggal " + dashed(newest_date) +
                                                       ", lebih dari " + std::to_string(limit) +
                                                       " tahun yang lalu; lampirkan SK terakhir yang masih berlaku"});
}

} // namespace berkas::validation
