#include "state/store.hpp"
#include "submission/isolated.hpp"
#include "submission/package.hpp"
#include "support/command.hpp"
#include "support/sample_case.hpp"
#include "support/temp_dir.hpp"
#include "util/file.hpp"
#include "util/hash.hpp"

#include <gtest/gtest.h>

#include <csignal>
#include <sys/stat.h>
#include <thread>

using namespace berkas;
using namespace berkas::submission;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string run(const std::string& command) { return berkas::testing::run_command(command).output; }

int page_count(const fs::path& pdf)
{
    std::string info = run("pdfinfo '" + pdf.string() + "'");
    auto at = info.find("Pages:");
    return at == std::string::npos ? -1 : std::stoi(info.substr(at + 6));
}

mode_t mode_of(const fs::path& path)
{
    struct stat info {};
    ::stat(path.c_str(), &info);
    return info.st_mode & 0777;
}

} // namespace

class SubmissionPackage : public berkas::testing::TempDirTest {
protected:
    void SetUp() override
    {
        TempDirTest::SetUp();
        auto opened = state::Store::open(dir() / "berkas.sqlite3");
        ASSERT_TRUE(opened.has_value());
        store = std::move(*opened);
    }

    PackageRequest request_for(const berkas::testing::SampleCase& sample)
    {
        return PackageRequest {sample.case_id,
                               sample.result_json().dump(),
                               [inbox = dir() / "inbox"](const std::string& source) -> std::optional<fs::path> {
                                   return inbox / source;
                               },
                               dir() / "outbox" / "cases" / sample.case_id,
                               dir() / "outbox" / "bsre" / sample.case_id,
                               "verifier:**************1002",
                               "2026-03-02T01:00:00Z",
                               "folder",
                               "2026-03-02T01:00:05Z"};
    }

    std::unique_ptr<state::Store> store;
};

TEST_F(SubmissionPackage, HoldsTheManifestTheLetterAndTheMergedDocuments)
{
    berkas::testing::SampleCase sample;
    sample.create(dir(), *store);
    auto sk = dir() / "inbox" / sample.case_id / "sk-terakhir.pdf";
    std::string sk_hash_before = *sha256_file(sk);
    auto built = build_package(request_for(sample), IsolationLimits {});
    ASSERT_TRUE(built.has_value()) << built.error().describe();

    fs::path package = dir() / "outbox" / "bsre" / sample.case_id;
    json manifest = json::parse(*read_file(package / manifest_file));
    EXPECT_EQ(manifest["idempotency_key"], sample.case_id);
    EXPECT_EQ(manifest["applicant"]["nama"], "BUDI SANTOSO"); // without titles, as AMS wants it
    EXPECT_EQ(manifest["applicant"]["nik"], sample.nik);
    EXPECT_EQ(manifest["applicant"]["nip"], sample.nip);
    EXPECT_EQ(manifest["applicant"]["instansi"], sample.instansi);
    EXPECT_EQ(manifest["applicant"]["no_hp"], nullptr);
    EXPECT_EQ(manifest["missing_fields"], json::array({"no_hp"}));
    EXPECT_EQ(manifest["approval"]["by"], "verifier:**************1002");

    // Every file listed with its hash; the letter is the generated one.
    ASSERT_EQ(manifest["files"].size(), 3u);
    for (const json& file : manifest["files"])
        EXPECT_EQ(file["sha256"], *sha256_file(package / file["name"].get<std::string>())) << file.dump();
    EXPECT_EQ(manifest["files"][0]["name"], letter_file);
    EXPECT_EQ(manifest["files"][0]["signed_copy"], false);

    // The SOP's order; the signed SK is attached unchanged, with a notice page.
    const json& contents = manifest["files"][2]["contents"];
    ASSERT_EQ(contents.size(), 3u);
    EXPECT_EQ(contents[0]["types"], "surat_permohonan, formulir_bsre");
    EXPECT_EQ(contents[1]["types"], "ktp");
    EXPECT_EQ(contents[2]["types"], "sk_terakhir");
    EXPECT_EQ(contents[2]["included_as"], "attachment");
    EXPECT_EQ(page_count(package / bundle_file), 3);
    EXPECT_NE(run("pdfdetach -list '" + (package / bundle_file).string() + "'").find("sk-terakhir.pdf"),
              std::string::npos);
    run("cd '" + dir().string() + "' && pdfdetach -saveall '" + (package / bundle_file).string() + "'");
    EXPECT_EQ(*sha256_file(dir() / "sk-terakhir.pdf"), sk_hash_before); // byte for byte: the signature still holds
    EXPECT_EQ(*sha256_file(sk), sk_hash_before);                        // the original is untouched
    EXPECT_NE(run("pdftotext '" + (package / bundle_file).string() + "' -").find("tanda tangan elektronik"),
              std::string::npos);

    // Personal data: not world-readable; no staging folder left behind.
    for (const auto& entry : fs::directory_iterator(package))
        EXPECT_EQ(mode_of(entry.path()), 0640u) << entry.path();
    EXPECT_EQ(std::distance(fs::directory_iterator(dir() / "outbox" / "bsre"), fs::directory_iterator()), 1);
}

TEST_F(SubmissionPackage, TakesTheScannedBackLetterWhenThereIsOne)
{
    berkas::testing::SampleCase sample;
    sample.signed_sk = false;
    sample.create(dir(), *store);
    auto scanned = dir() / "outbox" / "cases" / sample.case_id / "surat-rekomendasi-ttd.pdf";
    berkas::testing::write_text_pdf(scanned, "Surat rekomendasi yang sudah ditandatangani");
    auto built = build_package(request_for(sample), IsolationLimits {});
    ASSERT_TRUE(built.has_value()) << built.error().describe();
    fs::path package = dir() / "outbox" / "bsre" / sample.case_id;
    EXPECT_EQ(*sha256_file(package / letter_file), *sha256_file(scanned));
    json manifest = json::parse(*read_file(package / manifest_file));
    EXPECT_EQ(manifest["files"][0]["signed_copy"], true);
    EXPECT_EQ(manifest["files"][1]["signed_copy"], false); // no scanned-back sheet
    EXPECT_EQ(page_count(package / bundle_file), 3);          // nothing signed: every file merged, no notice page
}

TEST_F(SubmissionPackage, IsWholeOrAbsent)
{
    berkas::testing::SampleCase sample;
    sample.create(dir(), *store);
    fs::path package = dir() / "outbox" / "bsre" / sample.case_id;
    ASSERT_TRUE(build_package(request_for(sample), IsolationLimits {}).has_value());
    std::string first_manifest = *read_file(package / manifest_file);

    // A document vanished from the inbox: the build fails and the published package stays as it was.
    fs::remove(dir() / "inbox" / sample.case_id / "ktp.pdf");
    auto failed = build_package(request_for(sample), IsolationLimits {});
    ASSERT_FALSE(failed.has_value());
    EXPECT_NE(failed.error().file.find("ktp.pdf"), std::string::npos);
    EXPECT_EQ(*read_file(package / manifest_file), first_manifest);
    EXPECT_EQ(std::distance(fs::directory_iterator(dir() / "outbox" / "bsre"), fs::directory_iterator()), 1);

    // Without a letter there is no package at all.
    berkas::testing::SampleCase incomplete;
    incomplete.case_id = "tanpa-surat";
    incomplete.complete = false;
    incomplete.create(dir(), *store);
    auto refused = build_package(request_for(incomplete), IsolationLimits {});
    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(refused.error().message, "surat rekomendasi belum ada");
    EXPECT_FALSE(fs::exists(dir() / "outbox" / "bsre" / "tanpa-surat"));
}

TEST_F(SubmissionPackage, ImagesBecomePagesAndLockedPdfsTravelAsAttachments)
{
    fs::path corpus = fs::path(BERKAS_SOURCE_DIR) / ".." / "shared" / "corpus";
    fs::path jpeg = corpus / "ocrmypdf" / "baiona_color.jpg";
    fs::path png = corpus / "ocrmypdf" / "baiona_gray.png";
    fs::path locked = corpus / "malformed" / "qpdf" / "enc-R3,V2,U=view,O=master.pdf";
    if (!fs::exists(jpeg) || !fs::exists(png) || !fs::exists(locked))
        GTEST_SKIP() << "corpus not found beside the checkout";
    std::vector<BundleInput> inputs = {{jpeg, "a/ktp.jpg", "ktp"}, {png, "a/sk.png", "sk_terakhir"},
                                       {locked, "a/form.pdf", "formulir_bsre"}};
    auto summary = write_bundle(inputs, dir() / "bundle.pdf", "uji");
    ASSERT_TRUE(summary.has_value()) << summary.error().describe();
    ASSERT_EQ(summary->entries.size(), 3u);
    EXPECT_EQ(summary->entries[0].included_as, "image");
    EXPECT_EQ(summary->entries[1].included_as, "image");
    EXPECT_EQ(summary->entries[2].included_as, "attachment");
    EXPECT_EQ(summary->entries[2].reason, "PDF terkunci kata sandi");
    EXPECT_EQ(page_count(dir() / "bundle.pdf"), 3);
    EXPECT_NE(run("qpdf --check '" + (dir() / "bundle.pdf").string() + "'").find("No syntax or stream encoding errors"),
              std::string::npos);
}

TEST(SubmissionSignature, RecognisesSignatureDictionaries)
{
    EXPECT_TRUE(is_signed_pdf("%PDF-1.7\n1 0 obj<</Type /Sig/Filter/Adobe.PPKLite>>"));
    EXPECT_TRUE(is_signed_pdf("%PDF-1.7\n1 0 obj<</Type/Sig>>"));
    EXPECT_TRUE(is_signed_pdf("%PDF-1.7\n<</ByteRange [0 10 20 30]>>"));
    EXPECT_FALSE(is_signed_pdf("%PDF-1.7\n<</Type /SigFieldLock /Action /All>>"));
    EXPECT_FALSE(is_signed_pdf("%PDF-1.7\n<</Type /Page>>"));
}

TEST(SubmissionIsolation, ACrashInTheWorkCostsOnlyTheWork)
{
    auto crashed = run_isolated([]() -> Expected<std::string> {
        std::raise(SIGSEGV);
        return std::string("never");
    }, IsolationLimits {});
    ASSERT_FALSE(crashed.has_value());
    EXPECT_EQ(crashed.error().code, "pdf_crashed");

    auto hung = run_isolated([]() -> Expected<std::string> {
        for (int i = 0; i < 600; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        return std::string("too late");
    }, IsolationLimits {3ull << 30, std::chrono::seconds(1)});
    ASSERT_FALSE(hung.has_value());
    EXPECT_EQ(hung.error().code, "timeout");

    auto failed = run_isolated([]() -> Expected<std::string> { return make_error("pdf", "rusak", "x.pdf"); },
                               IsolationLimits {});
    ASSERT_FALSE(failed.has_value());
    EXPECT_EQ(failed.error(), (Error {"pdf", "rusak", "x.pdf", ""}));
    EXPECT_EQ(*run_isolated([]() -> Expected<std::string> { return std::string("baik"); }, IsolationLimits {}), "baik");
}
