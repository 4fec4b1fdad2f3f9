// Every check of a case against a profile, and every problem code with its
// Indonesian message naming the document and the field.
#include "util/file.hpp"
#include "validation/profile.hpp"
#include "validation/validator.hpp"

#include <gtest/gtest.h>

#include <algorithm>

using namespace berkas;
using namespace berkas::validation;

namespace {

Profile shipped_profile(const std::string& id)
{
    std::string path = std::string(BERKAS_SOURCE_DIR) + "/rules/" + id + ".yaml";
    auto text = read_file(path);
    EXPECT_TRUE(text.has_value()) << path;
    auto profile = parse_profile(text.value_or(""), "rules/" + id + ".yaml");
    EXPECT_TRUE(profile.has_value()) << (profile ? "" : profile.error().message);
    return profile.value_or(Profile {});
}

constexpr CivilDate today {2026, 11, 21};

// Rina, born 15 April 1990, PNS since March 2015: NIK and NIP agree.
constexpr const char* rina_nik = "6171015504900002";
constexpr const char* rina_nip = "199004152015032002";

Document document(DocumentType type, std::string source, std::map<std::string, std::string> fields)
{
    Document document;
    document.type = type;
    document.source = std::move(source);
    document.pages = {1};
    document.fields = std::move(fields);
    return document;
}

struct Case {
    std::vector<Document> documents;
    Applicant applicant;

    Document& find(DocumentType type)
    {
        return *std::find_if(documents.begin(), documents.end(), [type](const Document& d) { return d.type == type; });
    }

    // The applicant as understanding would choose it: the form first.
    void choose_applicant()
    {
        applicant = {};
        auto take = [&](const char* field, std::optional<FieldValue>& into) {
            for (DocumentType type : {DocumentType::formulir_bsre, DocumentType::surat_permohonan,
                                      DocumentType::sk_terakhir, DocumentType::ktp})
                for (const Document& d : documents)
                    if (d.type == type && !d.other_person && d.fields.count(field) && !into)
                        into = FieldValue {d.fields.at(field), d.source, 1};
        };
        take("nama", applicant.nama);
        take("nik", applicant.nik);
        take("nip", applicant.nip);
        take("email", applicant.email);
    }

    Verdict validate(const Profile& profile)
    {
        choose_applicant();
        return validate_case(documents, applicant, profile, today);
    }
};

Case rinas_case()
{
    Case c;
    c.documents = {
        document(DocumentType::surat_permohonan, "rina/surat.pdf",
                 {{"nama", "Rina Kartika Sari, S.Kom."}, {"nip", rina_nip}, {"email", "rina.sari@pontianak.go.id"},
                  {"tanggal_surat", "2025-05-13"}}),
        document(DocumentType::formulir_bsre, "rina/formulir.pdf",
                 {{"nama", "Rina Kartika Sari, S.Kom."}, {"nik", rina_nik}, {"nip", rina_nip},
                  {"email", "rina.sari@pontianak.go.id"}}),
        document(DocumentType::ktp, "rina/ktp.jpg", {{"nama", "RINA KARTIKA SARI"}, {"nik", rina_nik}}),
        document(DocumentType::sk_terakhir, "rina/sk.pdf",
                 {{"nama", "Rina Kartika Sari, S.Kom."}, {"nip", rina_nip}, {"tanggal_surat", "2024-09-23"}}),
    };
    return c;
}

std::vector<std::string> codes(const Verdict& verdict)
{
    std::vector<std::string> found;
    for (const Problem& problem : verdict.problems)
        found.push_back(problem.code);
    return found;
}

const Problem* problem(const Verdict& verdict, const std::string& code)
{
    for (const Problem& p : verdict.problems)
        if (p.code == code)
            return &p;
    return nullptr;
}

bool mentions(const Problem* p, std::string_view words)
{
    return p && p->message.find(words) != std::string::npos;
}

} // namespace

// --- Profiles -------------------------------------------------------------

TEST(ValidationProfile, DefaultRequiresTheFourCommonDocumentsAndEveryCheck)
{
    Profile profile = shipped_profile("default");
    EXPECT_EQ(profile.id, "default");
    EXPECT_EQ(profile.required_documents,
              (std::vector {DocumentType::surat_permohonan, DocumentType::formulir_bsre, DocumentType::ktp,
                            DocumentType::sk_terakhir}));
    const Checks& checks = profile.checks;
    EXPECT_TRUE(checks.nik_structure && checks.nip_structure && checks.nik_nip_birthdate && checks.nik_nip_gender &&
                checks.same_nip && checks.same_nik && checks.same_name && checks.readable_documents &&
                checks.email_go_id && checks.email_required);
    EXPECT_EQ(checks.sk_max_age_years, 5);
}

TEST(ValidationProfile, EachOfficeStatesItsSop)
{
    Profile pontianak = shipped_profile("pontianak");
    EXPECT_NE(std::find(pontianak.required_documents.begin(), pontianak.required_documents.end(),
                        DocumentType::surat_rekomendasi_atasan),
              pontianak.required_documents.end());
    EXPECT_EQ(pontianak.standard_minutes_to("verification"), 70); // arrival, 3 dispositions of 15, the 10-minute check
    EXPECT_EQ(pontianak.standard_minutes_to("submitted"), 20);
    EXPECT_EQ(pontianak.standard_minutes_to("issued"), 1440);

    Profile muara_enim = shipped_profile("muara-enim");
    EXPECT_EQ(muara_enim.required_documents, (std::vector {DocumentType::surat_permohonan, DocumentType::ktp,
                                                           DocumentType::sk_terakhir, DocumentType::sk_jabatan}));
    EXPECT_EQ(muara_enim.certificate_validity_years, 2);
    EXPECT_FALSE(muara_enim.checks.email_go_id); // the office makes the dinas address itself

    Profile meranti = shipped_profile("meranti");
    EXPECT_TRUE(meranti.checks.email_required && meranti.checks.email_go_id);
    EXPECT_EQ(meranti.standard_minutes_to("verification"), 30);

    Profile singkawang = shipped_profile("singkawang");
    EXPECT_NE(singkawang.sop.find("000.8.3.3/26/SP-B/2023"), std::string::npos);
    for (const Profile* profile : {&pontianak, &muara_enim, &meranti, &singkawang}) {
        EXPECT_FALSE(profile->sop_steps.empty()) << profile->id;
        for (const SopStep& step : profile->sop_steps)
            EXPECT_FALSE(step.activity.empty()) << profile->id;
    }
}

TEST(ValidationProfile, UnknownKeysAndTypesAreErrorsWithLineAndColumn)
{
    auto profile = parse_profile("profile: x\nrequired_documents: [ktp, paspor]\n", "rules/x.yaml");
    ASSERT_FALSE(profile.has_value());
    EXPECT_EQ(profile.error().message, "rules/x.yaml:2:27: unknown document type 'paspor'");

    auto errors = check_profile("profile: x\nrequired_documents: [ktp]\nchecks:\n  email_goid: true\n"
                                "certificate_validity: 2\n",
                                "rules/x.yaml");
    ASSERT_EQ(errors.size(), 2u);
    EXPECT_EQ(errors[0].message, "rules/x.yaml:5:1: unknown key 'certificate_validity'");
    EXPECT_EQ(errors[1].message, "rules/x.yaml:4:3: unknown key 'email_goid'");
}

TEST(ValidationProfile, StepsMustBeLifecycleStatesInOrder)
{
    auto unknown = check_profile("profile: x\nrequired_documents: [ktp]\nsop_steps:\n"
                                 "  - {step: approved, standard_minutes: 5, activity: a}\n",
                                 "x.yaml");
    ASSERT_EQ(unknown.size(), 1u);
    EXPECT_NE(unknown[0].message.find("x.yaml:4:12: unknown step 'approved'"), std::string::npos);
    auto backwards = check_profile("profile: x\nrequired_documents: [ktp]\nsop_steps:\n"
                                   "  - {step: issued, standard_minutes: 60, activity: a}\n"
                                   "  - {step: verification, standard_minutes: 5, activity: b}\n",
                                   "x.yaml");
    ASSERT_EQ(backwards.size(), 1u);
    EXPECT_NE(backwards[0].message.find("x.yaml:5:12: step 'verification' comes after 'issued'"), std::string::npos);
    auto no_minutes = check_profile("profile: x\nrequired_documents: [ktp]\nsop_steps:\n  - {step: issued, activity: a}\n",
                                    "x.yaml");
    ASSERT_EQ(no_minutes.size(), 1u);
    EXPECT_NE(no_minutes[0].message.find("missing 'standard_minutes'"), std::string::npos);
}

TEST(ValidationProfile, IdMustMatchTheFileName)
{
    auto profile = parse_profile("profile: pontianak\nrequired_documents: [ktp]\n", "rules/singkawang.yaml");
    ASSERT_FALSE(profile.has_value());
    EXPECT_EQ(profile.error().message,
              "rules/singkawang.yaml:1:10: profile 'pontianak' must be in a file named pontianak.yaml, not singkawang.yaml");
}

// --- Requirements -----------------------------------------------------------

TEST(ValidationCase, CompleteWhenEverythingAgrees)
{
    Case c = rinas_case();
    Verdict verdict = c.validate(shipped_profile("default"));
    EXPECT_EQ(verdict.status, CaseStatus::complete);
    EXPECT_TRUE(verdict.problems.empty()) << verdict.problems.front().message;
}

TEST(ValidationCase, MissingKtpIsReportedInIndonesian)
{
    Case c = rinas_case();
    c.documents.erase(c.documents.begin() + 2);
    Verdict verdict = c.validate(shipped_profile("default"));
    EXPECT_EQ(verdict.status, CaseStatus::incomplete);
    EXPECT_EQ(codes(verdict), std::vector<std::string> {"missing:ktp"});
    EXPECT_EQ(verdict.problems[0].message, "Fotokopi KTP tidak ditemukan");
    EXPECT_FALSE(verdict.requirements[2].present);
}

TEST(ValidationCase, EveryProfileJudgesTheSameCaseByItsOwnSop)
{
    Case c = rinas_case();
    EXPECT_EQ(c.validate(shipped_profile("default")).status, CaseStatus::complete);
    EXPECT_EQ(c.validate(shipped_profile("singkawang")).status, CaseStatus::complete);
    EXPECT_EQ(c.validate(shipped_profile("meranti")).status, CaseStatus::complete);
    EXPECT_EQ(codes(c.validate(shipped_profile("pontianak"))),
              std::vector<std::string> {"missing:surat_rekomendasi_atasan"});
    EXPECT_EQ(codes(c.validate(shipped_profile("muara-enim"))), std::vector<std::string> {"missing:sk_jabatan"});

    c.documents.push_back(document(DocumentType::surat_rekomendasi_atasan, "rina/rekomendasi.pdf",
                                   {{"nama", "Rina Kartika Sari"}, {"nip", rina_nip}}));
    c.documents.push_back(document(DocumentType::sk_jabatan, "rina/sk-jabatan.pdf",
                                   {{"nama", "RINA KARTIKA SARI, S.Kom."}, {"nip", rina_nip}}));
    EXPECT_EQ(c.validate(shipped_profile("pontianak")).status, CaseStatus::complete);
    EXPECT_EQ(c.validate(shipped_profile("muara-enim")).status, CaseStatus::complete);
}

TEST(ValidationCase, DocumentOfAnotherPersonIsReportedNotCounted)
{
    Case c = rinas_case();
    Document& sk = c.find(DocumentType::sk_terakhir);
    sk.fields = {{"nama", "Dewi Lestari, S.E."}, {"nip", "198811022014022001"}};
    sk.other_person = true; // as understanding marks it
    Verdict verdict = c.validate(shipped_profile("default"));
    EXPECT_EQ(verdict.status, CaseStatus::incomplete);
    EXPECT_EQ(codes(verdict), std::vector<std::string> {"other_person:sk_terakhir"});
    const Problem* p = problem(verdict, "other_person:sk_terakhir");
    EXPECT_TRUE(mentions(p, "SK terakhir (rina/sk.pdf, hlm. 1)"));
    EXPECT_TRUE(mentions(p, "Dewi Lestari") && mentions(p, "NIP 198811022014022001")) << p->message;
    EXPECT_TRUE(mentions(p, "bukan milik pemohon (RINA KARTIKA SARI)"));
    EXPECT_FALSE(verdict.requirements[3].present);
}

TEST(ValidationCase, RequiredDocumentWithoutKeyFieldsIsUnreadable)
{
    Case c = rinas_case();
    Document& ktp = c.find(DocumentType::ktp);
    ktp.fields.erase("nik");
    ktp.unread_key_fields = {"nik"};
    Verdict verdict = c.validate(shipped_profile("default"));
    EXPECT_EQ(codes(verdict), std::vector<std::string> {"unreadable:ktp"});
    EXPECT_TRUE(mentions(problem(verdict, "unreadable:ktp"), "Fotokopi KTP (rina/ktp.jpg, hlm. 1): NIK tidak terbaca"));
    EXPECT_TRUE(verdict.requirements[2].present);

    Profile lenient = shipped_profile("default");
    lenient.checks.readable_documents = false;
    EXPECT_EQ(c.validate(lenient).status, CaseStatus::complete);
}

// --- Identifiers ------------------------------------------------------------

TEST(ValidationCase, NipMismatchNamesEachDocumentAndValue)
{
    Case c = rinas_case();
    c.find(DocumentType::sk_terakhir).fields["nip"] = "199004152015032003";
    Verdict verdict = c.validate(shipped_profile("default"));
    EXPECT_EQ(codes(verdict), std::vector<std::string> {"nip_mismatch"});
    const Problem* p = problem(verdict, "nip_mismatch");
    EXPECT_TRUE(mentions(p, "NIP tidak sama di semua dokumen"));
    EXPECT_TRUE(mentions(p, "SK terakhir (rina/sk.pdf, hlm. 1): 199004152015032003"));
    EXPECT_TRUE(mentions(p, "Formulir permohonan BSrE (rina/formulir.pdf, hlm. 1): 199004152015032002"));
}

TEST(ValidationCase, NikMismatchBetweenFormAndKtp)
{
    Case c = rinas_case();
    c.find(DocumentType::ktp).fields["nik"] = "6171015504900003";
    Verdict verdict = c.validate(shipped_profile("default"));
    EXPECT_EQ(codes(verdict), std::vector<std::string> {"nik_mismatch"});
    EXPECT_TRUE(mentions(problem(verdict, "nik_mismatch"), "Fotokopi KTP (rina/ktp.jpg, hlm. 1): 6171015504900003"));
}

TEST(ValidationCase, NikAndNipMustAgreeOnBirthDate)
{
    Case c = rinas_case();
    for (Document& d : c.documents)
        if (d.fields.count("nip"))
            d.fields["nip"] = "199004162015032002"; // born the 16th by the NIP, the 15th by the NIK
    Verdict verdict = c.validate(shipped_profile("default"));
    EXPECT_EQ(codes(verdict), std::vector<std::string> {"nik_nip_birthdate_mismatch"});
    const Problem* p = problem(verdict, "nik_nip_birthdate_mismatch");
    EXPECT_TRUE(mentions(p, "NIK (Formulir permohonan BSrE (rina/formulir.pdf, hlm. 1)) 15-04-90"));
    EXPECT_TRUE(mentions(p, "NIP (Formulir permohonan BSrE (rina/formulir.pdf, hlm. 1)) 16-04-1990"));

    Profile without = shipped_profile("default");
    without.checks.nik_nip_birthdate = false;
    EXPECT_EQ(c.validate(without).status, CaseStatus::complete);
}

TEST(ValidationCase, NikAndNipMustAgreeOnGender)
{
    Case c = rinas_case();
    for (Document& d : c.documents)
        if (d.fields.count("nip"))
            d.fields["nip"] = "199004152015031002"; // gender digit 1: a man
    Verdict verdict = c.validate(shipped_profile("default"));
    EXPECT_EQ(codes(verdict), std::vector<std::string> {"nik_nip_gender_mismatch"});
    EXPECT_TRUE(mentions(problem(verdict, "nik_nip_gender_mismatch"), "perempuan, menurut NIP"));
    EXPECT_TRUE(mentions(problem(verdict, "nik_nip_gender_mismatch"), "laki-laki"));
}

TEST(ValidationCase, ImpossibleNikAndNipAreInvalid)
{
    Case c = rinas_case();
    for (Document& d : c.documents) {
        if (d.fields.count("nik"))
            d.fields["nik"] = "0071015504900002";
        if (d.fields.count("nip"))
            d.fields["nip"] = "199004152015033002";
    }
    Verdict verdict = c.validate(shipped_profile("default"));
    auto found = codes(verdict);
    EXPECT_NE(std::find(found.begin(), found.end(), "nik_invalid"), found.end());
    EXPECT_NE(std::find(found.begin(), found.end(), "nip_invalid"), found.end());
    EXPECT_TRUE(mentions(problem(verdict, "nik_invalid"), "kode provinsi 00 tidak dikenal"));
    EXPECT_TRUE(mentions(problem(verdict, "nip_invalid"), "digit jenis kelamin harus 1 atau 2"));
    EXPECT_TRUE(mentions(problem(verdict, "nip_invalid"), "Formulir permohonan BSrE (rina/formulir.pdf, hlm. 1)"));
}

TEST(ValidationCase, PppkNumberIsNotRejected)
{
    Case c = rinas_case();
    for (Document& d : c.documents)
        if (d.fields.count("nip"))
            d.fields["nip"] = "199004152022242014"; // NI PPPK, appointed 2022
    EXPECT_EQ(c.validate(shipped_profile("default")).status, CaseStatus::complete);
}

// --- Names, e-mail, SK ------------------------------------------------------

TEST(ValidationCase, NamesAreComparedWithoutTitlesAndFuzzily)
{
    Case c = rinas_case();
    c.find(DocumentType::ktp).fields["nama"] = "RINA KARTLKA SARI"; // an OCR slip
    EXPECT_EQ(c.validate(shipped_profile("default")).status, CaseStatus::complete);

    c.find(DocumentType::surat_permohonan).fields["nama"] = "Rina Lestari, S.Kom.";
    Verdict verdict = c.validate(shipped_profile("default"));
    EXPECT_EQ(codes(verdict), std::vector<std::string> {"name_mismatch"});
    const Problem* p = problem(verdict, "name_mismatch");
    EXPECT_TRUE(mentions(p, "Nama pemohon \"RINA KARTIKA SARI\" menurut Formulir permohonan BSrE"));
    EXPECT_TRUE(mentions(p, "Surat permohonan (rina/surat.pdf, hlm. 1): Rina Lestari, S.Kom."));
}

TEST(ValidationCase, EmailMustBeGoId)
{
    Case c = rinas_case();
    for (Document& d : c.documents)
        if (d.fields.count("email"))
            d.fields["email"] = "rina.sari@gmail.com";
    Verdict verdict = c.validate(shipped_profile("default"));
    EXPECT_EQ(codes(verdict), std::vector<std::string> {"email_not_go_id"});
    EXPECT_TRUE(mentions(problem(verdict, "email_not_go_id"), "rina.sari@gmail.com pada Formulir permohonan BSrE"));
    EXPECT_EQ(c.validate(shipped_profile("muara-enim")).status, CaseStatus::incomplete); // only for lack of an SK jabatan
    EXPECT_EQ(codes(c.validate(shipped_profile("muara-enim"))), std::vector<std::string> {"missing:sk_jabatan"});
}

TEST(ValidationCase, EmailRequiredByProfile)
{
    Case c = rinas_case();
    for (Document& d : c.documents)
        d.fields.erase("email");
    EXPECT_EQ(codes(c.validate(shipped_profile("meranti"))), std::vector<std::string> {"email_missing"});
    EXPECT_EQ(c.validate(shipped_profile("singkawang")).status, CaseStatus::complete);
}

TEST(ValidationCase, SkOlderThanTheProfileAllowsIsOutdated)
{
    Case c = rinas_case();
    c.find(DocumentType::sk_terakhir).fields["tanggal_surat"] = "2021-11-20"; // five years and a day
    Verdict verdict = c.validate(shipped_profile("default"));
    EXPECT_EQ(codes(verdict), std::vector<std::string> {"sk_outdated"});
    EXPECT_TRUE(mentions(problem(verdict, "sk_outdated"), "SK terakhir (rina/sk.pdf, hlm. 1) bertanggal 20-11-2021"));
    EXPECT_TRUE(mentions(problem(verdict, "sk_outdated"), "lebih dari 5 tahun"));

    c.find(DocumentType::sk_terakhir).fields["tanggal_surat"] = "2021-11-22"; // a day short of five years
    EXPECT_EQ(c.validate(shipped_profile("default")).status, CaseStatus::complete);

    Profile strict = shipped_profile("default");
    strict.checks.sk_max_age_years = 2;
    c.find(DocumentType::sk_terakhir).fields["tanggal_surat"] = "2024-09-23";
    EXPECT_EQ(codes(c.validate(strict)), std::vector<std::string> {"sk_outdated"});
    strict.checks.sk_max_age_years.reset();
    EXPECT_EQ(c.validate(strict).status, CaseStatus::complete);
}

TEST(ValidationMessages, EveryCodeHasAnIndonesianSentence)
{
    for (const char* code : {"missing:ktp", "unreadable:sk_terakhir", "other_person:formulir_bsre", "nik_invalid",
                             "nip_invalid", "nik_nip_birthdate_mismatch", "nik_nip_gender_mismatch", "nip_mismatch",
                             "nik_mismatch", "name_mismatch", "email_missing", "email_not_go_id", "sk_outdated"})
        EXPECT_EQ(problem_message(code).find("tidak dikenal"), std::string::npos) << code;
    EXPECT_EQ(problem_message("unreadable:sk_terakhir"), "SK terakhir ada, tetapi data utamanya tidak terbaca");
}
