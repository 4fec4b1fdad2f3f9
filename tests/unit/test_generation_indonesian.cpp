#include "generation/indonesian.hpp"

#include <gtest/gtest.h>

namespace berkas::generation {
namespace {

TEST(GenerationDate, FormatsIsoDateInIndonesian)
{
    EXPECT_EQ(format_indonesian_date("2026-11-21"), "21 November 2026");
    EXPECT_EQ(format_indonesian_date("2027-01-01"), "1 Januari 2027");
    EXPECT_EQ(format_indonesian_date("2028-02-29"), "29 Februari 2028");
}

TEST(GenerationDate, NamesEveryMonth)
{
    const char* months[] = {"Januari", "Februari", "Maret",     "April",   "Mei",      "Juni",
                            "Juli",    "Agustus",  "September", "Oktober", "November", "Desember"};
    for (int month = 1; month <= 12; ++month) {
        std::string iso = "2026-" + std::string(month < 10 ? "0" : "") + std::to_string(month) + "-15";
        EXPECT_EQ(format_indonesian_date(iso), "15 " + std::string(months[month - 1]) + " 2026");
    }
}

TEST(GenerationDate, RejectsWhatIsNotARealIsoDate)
{
    for (const char* bad : {"2026-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "21-11-2026", "2026-1-5",
                            "2026/11/21", "", "2026-11-2x"})
        EXPECT_EQ(format_indonesian_date(bad), std::nullopt) << bad;
}

TEST(GenerationTitles, StripsAcademicAndReligiousTitles)
{
    EXPECT_EQ(strip_academic_titles("Dr. Ir. Hj. Siti Aminah, S.Kom., M.Si."), "Siti Aminah");
    EXPECT_EQ(strip_academic_titles("Drs. H. Ahmad Fauzi, M.M."), "Ahmad Fauzi");
    EXPECT_EQ(strip_academic_titles("BUDI SANTOSO, S.T."), "BUDI SANTOSO");
    EXPECT_EQ(strip_academic_titles("DRS. H. AHMAD"), "AHMAD");
    EXPECT_EQ(strip_academic_titles("Prof. Dr. Made Wirawan"), "Made Wirawan");
    EXPECT_EQ(strip_academic_titles("Rina Wulandari S.Kom M.Si"), "Rina Wulandari");
    EXPECT_EQ(strip_academic_titles("dr. Putu Ayu, Sp.A."), "Putu Ayu");
    EXPECT_EQ(strip_academic_titles("  Yusuf   Hidayat  "), "Yusuf Hidayat");
}

TEST(GenerationTitles, KeepsNamesThatOnlyLookLikeTitles)
{
    EXPECT_EQ(strip_academic_titles("Hendra"), "Hendra");
    EXPECT_EQ(strip_academic_titles("Irawan Dharma"), "Irawan Dharma");
    EXPECT_EQ(strip_academic_titles("Budi S."), "Budi S.");          // an initial, not a degree
    EXPECT_EQ(strip_academic_titles("H Ahmad Dahlan"), "H Ahmad Dahlan"); // "H" without a dot may be an initial
}

TEST(GenerationDigits, PrintsNikAndNipAsBareDigits)
{
    EXPECT_EQ(digits_only("19900615 201503 2 004"), "199006152015032004");
    EXPECT_EQ(digits_only("6171.0145.0690.0002"), "6171014506900002");
    EXPECT_EQ(digits_only(" - "), "-");
}

TEST(GenerationTitleCase, KeepsConjunctionsLowerCase)
{
    EXPECT_EQ(title_case("PEMERINTAH KOTA PONTIANAK"), "Pemerintah Kota Pontianak");
    EXPECT_EQ(title_case("DINAS KOMUNIKASI DAN INFORMATIKA"), "Dinas Komunikasi dan Informatika");
}

} // namespace
} // namespace berkas::generation
