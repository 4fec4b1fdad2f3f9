// The documents verifiers sign, end to end with the real berkas binary and real
// Tesseract and zxing: letter numbers across injected crashes, the
// pemberitahuan kekurangan, and the round trip of signed paper (generate,
// print, sign, scan with noise, drop into the inbox: the case is approved and
// no new case appears).
#include "state/document_register.hpp"
#include "support/command.hpp"
#include "util/file.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <map>
#include <sstream>

using nlohmann::json;
namespace fs = std::filesystem;
using berkas::testing::CommandOutput;
using berkas::testing::collapse_whitespace;
using berkas::testing::quoted;
using berkas::testing::run_command;

namespace {

// 2 March 2026, 09:00 UTC: every letter of the run bears this date.
constexpr const char* fixed_time = "SOURCE_DATE_EPOCH=1772442000 TZ=UTC";

json read_json(const fs::path& path)
{
    auto text = berkas::read_file(path);
    return text ? json::parse(*text, nullptr, false) : json();
}

std::string office_yaml()
{
    std::string source = BERKAS_SOURCE_DIR;
    return "paths:\n  rules: " + source + "/rules\n  templates: " + source + "/templates\n" + R"yaml(
office:
  letterhead: ["PEMERINTAH KOTA PONTIANAK", "DINAS KOMUNIKASI DAN INFORMATIKA"]
  address: "Jalan Rahadi Usman Nomor 3, Pontianak 78111"
  city: Pontianak
  head: {nama: "Drs. Contoh Pejabat, M.Si.", nip: "197001011995031001", pangkat: "Pembina Utama Muda (IV/c)",
         jabatan: "Kepala Dinas Komunikasi dan Informatika"}
  verifiers:
    - {nama: "Contoh Verifikator Satu, S.Kom.", nip: "198502102010011002"}
    - {nama: "Contoh Verifikator Dua, S.T.", nip: "199003152015032001"}
letter_number_format: "800.1.4/{seq}/Diskominfo/{year}"
)yaml";
}

// "--sign x,y,w,h" for berkas-signed-copy: where the document has its signature place.
std::string sign_option(const berkas::SignatureArea& place)
{
    std::ostringstream option;
    option << " --sign " << place.area.x << "," << place.area.y << "," << place.area.width << ","
           << place.area.height;
    return option.str();
}

class EndToEndDocuments : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        std::string pattern = (fs::temp_directory_path() / "berkas-e2e-dokumen-XXXXXX").string();
        root = ::mkdtemp(pattern.data());
        fs::create_directories(root / "inbox");
        std::string fixture = BERKAS_FIXTURE_BINARY;
        generation = run_command(fixture + " case --seed 21 --out " + quoted(root / "inbox" / "pemohon-dua") + " && " +
                                 fixture + " case --seed 22 --out " + quoted(root / "inbox" / "pemohon-satu") +
                                 " && " + fixture + " case --seed 23 --omit ktp --out " +
                                 quoted(root / "inbox" / "pemohon-kurang"));
        berkas::write_file_atomic(root / "berkas.yaml", office_yaml());
        crash_after_number = berkas_run("BERKAS_TEST_CRASH_AT=after_letter_number");
        letter_after_first_crash = fs::exists(case_folder("pemohon-dua") / "surat-rekomendasi.pdf");
        crash_after_letter = berkas_run("BERKAS_TEST_CRASH_AT=after_letter_written");
        completed = berkas_run("");
    }

    static void TearDownTestSuite()
    {
        if (!::testing::UnitTest::GetInstance()->Passed())
            std::cerr << "e2e folder kept: " << root << "\n";
        else
            fs::remove_all(root);
    }

    static CommandOutput berkas_run(const std::string& environment)
    {
        return run_command("cd " + quoted(root) + " && " + fixed_time + " " + environment + " " + BERKAS_BINARY +
                           " run --once");
    }

    // Case ids end in a hash of the folder name: find them by their start.
    static fs::path case_folder(const std::string& folder)
    {
        std::error_code ignored;
        for (const auto& entry : fs::directory_iterator(root / "outbox" / "cases", ignored)) {
            if (entry.path().filename().string().rfind(folder + "-", 0) == 0)
                return entry.path();
        }
        return root / "outbox" / "cases" / (folder + "-tidak-ada");
    }

    static std::string text_of(const fs::path& pdf)
    {
        return collapse_whitespace(run_command("pdftotext -layout " + quoted(pdf) + " -").output);
    }

    struct Register {
        std::unique_ptr<berkas::state::Store> store;
        std::unique_ptr<berkas::state::DocumentRegister> documents;
    };

    static Register open_register()
    {
        Register opened;
        auto store = berkas::state::Store::open(root / "var" / "berkas.sqlite3");
        if (!store)
            return opened;
        opened.store = std::move(*store);
        auto documents = berkas::state::DocumentRegister::open(*opened.store);
        if (documents)
            opened.documents = std::move(*documents);
        return opened;
    }

    // Prints the case's document, signs it where `signed_places` say, scans it and
    // drops the scan at `destination` in the inbox.
    static CommandOutput sign_and_scan(const std::string& folder, berkas::IssuedDocument document,
                                       const std::vector<std::string>& signed_places, const fs::path& destination,
                                       int seed)
    {
        Register opened = open_register();
        std::string case_id = case_folder(folder).filename().string();
        auto layout = opened.documents ? opened.documents->layout(case_id, document) : std::nullopt;
        if (!layout || !*layout)
            return CommandOutput {-1, 0, "no layout recorded for " + case_id};
        std::string signatures;
        for (const berkas::SignatureArea& place : (*layout)->signatures) {
            for (const std::string& label : signed_places)
                signatures += place.label == label ? sign_option(place) : "";
        }
        return run_command(std::string(BERKAS_SIGNED_COPY_BINARY) + " --in " +
                           quoted(case_folder(folder) / berkas::file_name(document)) + " --out " +
                           quoted(destination) + " --seed " + std::to_string(seed) + signatures);
    }

    static inline fs::path root;
    static inline CommandOutput generation, crash_after_number, crash_after_letter, completed;
    static inline bool letter_after_first_crash = true;
};

TEST_F(EndToEndDocuments, CrashesStrikeWhereInjected)
{
    ASSERT_EQ(generation.status, 0) << generation.output;
    EXPECT_EQ(crash_after_number.signal, 9) << crash_after_number.output;
    EXPECT_FALSE(letter_after_first_crash) << "killed after taking the number, before writing the letter";
    EXPECT_EQ(crash_after_letter.signal, 9) << crash_after_letter.output;
    ASSERT_EQ(completed.status, 0) << completed.output;
    EXPECT_NE(completed.output.find("3 kasus diperiksa"), std::string::npos) << completed.output;
}

TEST_F(EndToEndDocuments, LetterNumbersStayUniqueAndGaplessAcrossCrashes)
{
    ASSERT_EQ(completed.status, 0) << completed.output;
    EXPECT_NE(text_of(case_folder("pemohon-dua") / "surat-rekomendasi.pdf").find("800.1.4/0001/Diskominfo/2026"),
              std::string::npos)
        << "the number taken before the crashes is the one its letter carries";
    EXPECT_NE(text_of(case_folder("pemohon-satu") / "surat-rekomendasi.pdf").find("800.1.4/0002/Diskominfo/2026"),
              std::string::npos);
    Register opened = open_register();
    ASSERT_TRUE(opened.documents);
    auto numbers = opened.documents->letter_numbers(2026);
    ASSERT_TRUE(numbers);
    ASSERT_EQ(numbers->size(), 2u);
    for (size_t i = 0; i < numbers->size(); ++i) {
        EXPECT_EQ((*numbers)[i].sequence, static_cast<int>(i + 1));
        EXPECT_TRUE((*numbers)[i].issued);
        EXPECT_EQ((*numbers)[i].date, "2026-03-02");
    }
    EXPECT_NE(text_of(case_folder("pemohon-dua") / "surat-rekomendasi.pdf").find("Pontianak, 2 Maret 2026"),
              std::string::npos);
}

TEST_F(EndToEndDocuments, DocumentsCarryWhatBerkasRead)
{
    ASSERT_EQ(completed.status, 0) << completed.output;
    fs::path folder = case_folder("pemohon-satu");
    json result = read_json(folder / "result.json");
    EXPECT_EQ(result["outputs"], json::array({"lembar-verifikasi.pdf", "surat-rekomendasi.pdf"}));
    std::string letter = text_of(folder / "surat-rekomendasi.pdf");
    for (const char* field : {"nik", "nip", "email", "jabatan", "unit_kerja", "no_hp"}) {
        std::string value = result["applicant"].value(field, "");
        ASSERT_FALSE(value.empty()) << field;
        EXPECT_NE(letter.find(" : " + collapse_whitespace(value)), std::string::npos) << field << ": " << value;
    }
    auto images = run_command("pdfimages -list " + quoted(folder / "lembar-verifikasi.pdf"));
    EXPECT_NE(images.output.find("jpeg"), std::string::npos) << "thumbnails of the KTP and the documents\n"
                                                             << images.output;
    for (const auto& entry : fs::directory_iterator(root / "var" / "thumbnails"))
        EXPECT_EQ(fs::status(entry.path()).permissions() & fs::perms::others_read, fs::perms::none);
    for (const char* name : {"pemohon-dua", "pemohon-satu", "pemohon-kurang"}) {
        for (const auto& entry : fs::directory_iterator(case_folder(name))) {
            if (entry.path().extension() != ".pdf")
                continue;
            auto png = run_command("pdftoppm -r 30 -png -f 1 -l 1 " + quoted(entry.path()) + " " +
                                   quoted(root / (std::string(name) + "-" + entry.path().stem().string())));
            EXPECT_EQ(png.status, 0) << entry.path() << png.output;
        }
    }
}

TEST_F(EndToEndDocuments, IncompleteCaseGetsANoticeInsteadOfALetter)
{
    ASSERT_EQ(completed.status, 0) << completed.output;
    fs::path folder = case_folder("pemohon-kurang");
    json result = read_json(folder / "result.json");
    EXPECT_EQ(result["status"], "incomplete");
    EXPECT_EQ(result["outputs"], json::array({"lembar-verifikasi.pdf", "pemberitahuan-kekurangan.pdf"}));
    EXPECT_FALSE(fs::exists(folder / "surat-rekomendasi.pdf"));
    std::string notice = text_of(folder / "pemberitahuan-kekurangan.pdf");
    EXPECT_NE(notice.find("Pemberitahuan Kekurangan Berkas Permohonan Sertifikat Elektronik"), std::string::npos);
    EXPECT_NE(notice.find("Fotokopi KTP tidak"), std::string::npos) << notice;
    EXPECT_NE(notice.find("Fotokopi KTP elektronik pemohon"), std::string::npos) << notice;
    EXPECT_NE(notice.find("Yth. Kepala " + collapse_whitespace(result["applicant"].value("instansi", ""))),
              std::string::npos)
        << notice;
}

TEST_F(EndToEndDocuments, SignedPaperScannedBackApprovesItsCaseAndMakesNoNewCase)
{
    ASSERT_EQ(completed.status, 0) << completed.output;
    using berkas::IssuedDocument;
    auto inbox = root / "inbox";
    for (const CommandOutput& made :
         {sign_and_scan("pemohon-satu", IssuedDocument::verification_sheet, {"Verifikator 1"},
                        inbox / "pindai-0001.pdf", 1),
          sign_and_scan("pemohon-satu", IssuedDocument::recommendation_letter,
                        {"Kepala Dinas Komunikasi dan Informatika"}, inbox / "pindai-0002.pdf", 2),
          sign_and_scan("pemohon-dua", IssuedDocument::verification_sheet, {}, inbox / "pindai-0003.pdf", 3),
          sign_and_scan("pemohon-dua", IssuedDocument::recommendation_letter,
                        {"Kepala Dinas Komunikasi dan Informatika"}, inbox / "pemohon-dua" / "ttd-surat.pdf", 4)})
        ASSERT_EQ(made.status, 0) << made.output;

    auto scanned = berkas_run("");
    ASSERT_EQ(scanned.status, 0) << scanned.output;
    EXPECT_NE(scanned.output.find("0 kasus diperiksa, 3 tidak berubah, 4 berkas dibaca"), std::string::npos)
        << scanned.output;
    auto listing = json::parse(run_command("cd " + quoted(root) + " && " + BERKAS_BINARY + " status --json").output,
                               nullptr, false);
    ASSERT_TRUE(listing.is_object());
    EXPECT_EQ(listing["cases"].size(), 3u) << "a scan-back is never a case of its own";
    EXPECT_EQ(listing["scan_backs"].size(), 4u);

    json approved = read_json(case_folder("pemohon-satu") / "result.json");
    ASSERT_EQ(approved["scan_backs"].size(), 2u) << approved.dump(2);
    for (const json& scan : approved["scan_backs"]) {
        EXPECT_TRUE(scan["matched"].get<bool>());
        bool sheet = scan["document"] == "lembar-verifikasi";
        ASSERT_EQ(scan["signatures"].size(), sheet ? 3u : 1u);
        EXPECT_TRUE(scan["signatures"][0]["signed"].get<bool>()) << scan.dump();
        if (sheet) {
            EXPECT_FALSE(scan["signatures"][1]["signed"].get<bool>()) << scan.dump();
            EXPECT_FALSE(scan["signatures"][2]["signed"].get<bool>()) << scan.dump();
        }
    }
    EXPECT_EQ(approved["decision"]["decision"], "approved");
    EXPECT_EQ(approved["decision"]["actor"], "scan-back");

    json waiting = read_json(case_folder("pemohon-dua") / "result.json");
    ASSERT_EQ(waiting["scan_backs"].size(), 2u) << "the scan in the case's own folder is attached too";
    EXPECT_TRUE(waiting["decision"].is_null()) << "the sheet came back unsigned: " << waiting.dump(2);

    auto again = berkas_run("");
    EXPECT_NE(again.output.find("0 kasus diperiksa, 3 tidak berubah, 0 berkas dibaca"), std::string::npos)
        << again.output;
    Register opened = open_register();
    ASSERT_TRUE(opened.store);
    auto decisions = opened.store->decisions(case_folder("pemohon-satu").filename().string());
    ASSERT_TRUE(decisions);
    EXPECT_EQ(decisions->size(), 1u) << "approved once";
    auto status = run_command("cd " + quoted(root) + " && " + BERKAS_BINARY + " status");
    EXPECT_NE(status.output.find("Lembar verifikasi, ditandatangani: Verifikator 1 (pindai-0001.pdf hlm. 1)"),
              std::string::npos)
        << status.output;
}

} // namespace
