// The office part of berkas.yaml: what the letters print, checked when berkas starts.
#include "pipeline/settings.hpp"
#include "support/temp_dir.hpp"
#include "util/file.hpp"

#include <gtest/gtest.h>

namespace berkas::pipeline {
namespace {

class PipelineOffice : public testing::TempDirTest {
protected:
    Expected<void> load(const std::string& yaml)
    {
        return load_settings(yaml, (dir() / "berkas.yaml").string(), settings);
    }

    std::string message_of(const std::string& yaml)
    {
        auto loaded = load(yaml);
        EXPECT_FALSE(loaded) << yaml;
        return loaded ? std::string() : loaded.error().message;
    }

    Settings settings;
};

TEST_F(PipelineOffice, LogoIsFoundBesideTheConfigurationFile)
{
    ASSERT_TRUE(write_file_atomic(dir() / "logo.png", std::string("\x89PNG\r\n\x1a\n", 8) + "rest"));
    ASSERT_TRUE(write_file_atomic(dir() / "logo.jpg", std::string("\xff\xd8\xff\xe0", 4) + "rest"));
    auto loaded = load("office:\n  logo: logo.png\n");
    ASSERT_TRUE(loaded) << loaded.error().message;
    EXPECT_EQ(settings.office.logo_path, (dir() / "logo.png").string());
    ASSERT_TRUE(load("office:\n  logo: " + (dir() / "logo.jpg").string() + "\n"));
    EXPECT_EQ(settings.office.logo_path, (dir() / "logo.jpg").string());
}

TEST_F(PipelineOffice, MissingOrWrongLogoIsNamedWithItsLine)
{
    std::string file = (dir() / "berkas.yaml").string();
    EXPECT_EQ(message_of("office:\n  city: Pontianak\n  logo: lambang.png\n"),
              file + ":3:9: logo file not found: " + (dir() / "lambang.png").string());
    ASSERT_TRUE(write_file_atomic(dir() / "lambang.gif", "GIF89a and the rest"));
    EXPECT_EQ(message_of("office:\n  logo: lambang.gif\n"),
              file + ":2:9: the logo must be a PNG or JPEG image: " + (dir() / "lambang.gif").string());
}

TEST_F(PipelineOffice, SignerNeedsNameNipPangkatAndJabatan)
{
    auto loaded = load(R"yaml(office:
  head: {nama: "Drs. Contoh", nip: "19700101 199503 1 001", pangkat: "Pembina (IV/a)", jabatan: "Kepala Dinas"}
)yaml");
    ASSERT_TRUE(loaded) << loaded.error().message;
    EXPECT_EQ(settings.office.head.nip, "19700101 199503 1 001");
    std::string missing = message_of("office:\n  head:\n    nama: Drs. Contoh\n    nip: \"197001011995031001\"\n"
                                     "    jabatan: Kepala Dinas\n");
    EXPECT_NE(missing.find(":3:5: missing 'pangkat'"), std::string::npos) << missing;
}

TEST_F(PipelineOffice, NipMustHaveEighteenDigits)
{
    std::string short_nip = message_of("office:\n  verifiers:\n    - {nama: Satu, nip: \"19850210201001100\"}\n");
    EXPECT_NE(short_nip.find(":3:25: nip must have 18 digits, not 17"), std::string::npos) << short_nip;
    std::string letters = message_of("office:\n  verifiers:\n    - {nama: Satu, nip: \"NIP 198502102010011002\"}\n");
    EXPECT_NE(letters.find("nip may hold only digits and spaces"), std::string::npos) << letters;
}

TEST_F(PipelineOffice, VerifierNeedsANameAndAtMostThreeSign)
{
    EXPECT_NE(message_of("office:\n  verifiers:\n    - {nip: \"198502102010011002\"}\n").find("missing 'nama'"),
              std::string::npos);
    EXPECT_NE(message_of("office:\n  verifiers: [{nama: a}, {nama: b}, {nama: c}, {nama: d}]\n")
                  .find(":2:14: verifiers must be a list of at most three people"),
              std::string::npos);
    ASSERT_TRUE(load("office:\n  verifiers: [{nama: a}, {nama: b}, {nama: c}]\n"));
    EXPECT_EQ(settings.office.verifiers.size(), 3u);
}

TEST_F(PipelineOffice, TheExampleConfigurationLoads)
{
    auto text = read_file(std::filesystem::path(BERKAS_SOURCE_DIR) / "templates" / "berkas.example.yaml");
    ASSERT_TRUE(text);
    auto loaded = load_settings(*text, "berkas.example.yaml", settings);
    ASSERT_TRUE(loaded) << loaded.error().message;
    EXPECT_EQ(settings.office.head.jabatan, "Kepala Dinas Komunikasi dan Informatika");
}

} // namespace
} // namespace berkas::pipeline
