#include "understanding/normalise.hpp"

#include <gtest/gtest.h>

using namespace berkas::understanding;

TEST(UnderstandingNormalise, JoinsSpacedNip)
{
    EXPECT_EQ(read_identifier(": 19850312 201001 1 004", 18), "198503122010011004");
}

TEST(UnderstandingNormalise, MapsLettersInsideNumbers)
{
    EXPECT_EQ(read_identifier("617lO1S5O49OOOO2", 16), "6171015504900002");
    EXPECT_EQ(read_identifier("1985O3I22O1OO11OO4", 18), "198503122010011004");
}

TEST(UnderstandingNormalise, SeparatorAfterTheNumber)
{
    EXPECT_EQ(read_identifier(":6172052008820296:", 16), "6172052008820296");
    EXPECT_EQ(read_identifier("19850312 201001 1 004;", 18), "198503122010011004");
}

TEST(UnderstandingNormalise, QuoteMarksBesideTheNumber)
{
    // Read from a 250 dpi 1-bit formulir: the colon came out as a closing quote.
    EXPECT_EQ(read_identifier(":\xE2\x80\x9D" "6172054106840062", 16), "6172054106840062");
    EXPECT_EQ(read_identifier("\"19850312 201001 1 004'", 18), "198503122010011004");
    EXPECT_EQ(read_identifier("\xE2\x80\x9C \xE2\x80\x9D", 16), std::nullopt);
}

TEST(UnderstandingNormalise, RejectsWrongLengthAndWords)
{
    EXPECT_EQ(read_identifier("12345", 16), std::nullopt);
    EXPECT_EQ(read_identifier("Pembina Utama", 18), std::nullopt);
}

TEST(UnderstandingNormalise, RepairsBrokenEmail)
{
    EXPECT_EQ(read_email("Budi.Santoso @ pontianak . go.id"), "budi.santoso@pontianak.go.id");
    EXPECT_EQ(read_email("budi\xC2\xA9singkawangkota.go.id"), "budi@singkawangkota.go.id");
    EXPECT_EQ(read_email("tidak ada"), std::nullopt);
    EXPECT_EQ(read_email(": -rudi.lubis@pontianak.go.id"), "rudi.lubis@pontianak.go.id");
    EXPECT_EQ(read_email("zulkifli.kurniawan@pontianak.po.id"), "zulkifli.kurniawan@pontianak.go.id");
    EXPECT_EQ(read_email("budi@kampus.ac.id"), "budi@kampus.ac.id");
    EXPECT_EQ(read_email("budi@gmail.com"), "budi@gmail.com");
}

TEST(UnderstandingNormalise, Phone)
{
    EXPECT_EQ(read_phone("+62 812-3456-7890"), "081234567890");
    EXPECT_EQ(read_phone("12"), std::nullopt);
}

TEST(UnderstandingNormalise, StripsTitles)
{
    EXPECT_EQ(name_without_titles("Dr. Ir. Siti Aminah, M.Si."), "SITI AMINAH");
    EXPECT_EQ(name_without_titles("Rina Kartika Sari, S.Kom."), "RINA KARTIKA SARI");
    EXPECT_EQ(name_without_titles("Hj. Nurul Huda, S.Kep."), "NURUL HUDA");
}
