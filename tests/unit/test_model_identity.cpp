// The structure of NIK and NIP (DOMAIN.md §3) and the comparison of names.
#include "model/identity.hpp"

#include <gtest/gtest.h>

using namespace berkas;

namespace {

bool has_defect(const std::vector<std::string>& defects, std::string_view words)
{
    for (const std::string& defect : defects)
        if (defect.find(words) != std::string::npos)
            return true;
    return false;
}

} // namespace

TEST(ModelNik, ReadsRegionBirthDateAndGender)
{
    NikFacts man = read_nik("6171010203850001");
    EXPECT_TRUE(man.defects.empty());
    EXPECT_EQ(man.province, 61);
    EXPECT_EQ(man.regency, 71);
    EXPECT_EQ(man.district, 1);
    EXPECT_EQ(man.gender, Gender::male);
    EXPECT_EQ(man.birth, (CivilDate {85, 3, 2}));
    EXPECT_EQ(man.serial, 1);
}

TEST(ModelNik, WomenAddFortyToTheDay)
{
    NikFacts woman = read_nik("6171015504900002");
    EXPECT_TRUE(woman.defects.empty());
    EXPECT_EQ(woman.gender, Gender::female);
    EXPECT_EQ(woman.birth, (CivilDate {90, 4, 15}));
    // 71 is the largest possible day for a woman (31 + 40); 72 is no date.
    EXPECT_TRUE(has_defect(read_nik("6171017201900002").defects, "tanggal lahir"));
}

TEST(ModelNik, RejectsImpossibleStructure)
{
    EXPECT_TRUE(has_defect(read_nik("0071010203850001").defects, "kode provinsi 00"));
    EXPECT_TRUE(has_defect(read_nik("2071010203850001").defects, "kode provinsi 20"));
    EXPECT_TRUE(has_defect(read_nik("6100010203850001").defects, "kabupaten/kota 00"));
    EXPECT_TRUE(has_defect(read_nik("6171013202850001").defects, "tanggal lahir"));  // day 32
    EXPECT_TRUE(has_defect(read_nik("6171010213850001").defects, "tanggal lahir"));  // month 13
    EXPECT_TRUE(has_defect(read_nik("6171012902010001").defects, "tanggal lahir"));  // 29-02-01
    EXPECT_TRUE(read_nik("6171012902000001").defects.empty());                      // 29-02-2000
    EXPECT_TRUE(has_defect(read_nik("6171010203850000").defects, "nomor urut"));
    EXPECT_TRUE(has_defect(read_nik("61710102038500").defects, "16 angka"));
    EXPECT_TRUE(has_defect(read_nik("617101020385000A").defects, "16 angka"));
}

TEST(ModelNip, ReadsBirthDateTmtAndGender)
{
    NipFacts nip = read_nip("198503122010011004", 2026);
    EXPECT_TRUE(nip.defects.empty());
    EXPECT_EQ(nip.kind, NipKind::pns);
    EXPECT_EQ(nip.birth, (CivilDate {1985, 3, 12}));
    EXPECT_EQ(nip.appointment_year, 2010);
    EXPECT_EQ(nip.appointment_month, 1);
    EXPECT_EQ(nip.gender, Gender::male);
    EXPECT_EQ(nip.serial, 4);
    EXPECT_EQ(read_nip("199004152015032002", 2026).gender, Gender::female);
}

TEST(ModelNip, RejectsImpossibleStructure)
{
    EXPECT_TRUE(has_defect(read_nip("198513122010011004", 2026).defects, "tanggal lahir"));   // month 13
    EXPECT_TRUE(has_defect(read_nip("198503122030011004", 2026).defects, "di masa depan"));   // TMT 2030
    EXPECT_TRUE(has_defect(read_nip("198503121999011004", 2026).defects, "18 tahun"));        // CPNS at 13
    EXPECT_TRUE(has_defect(read_nip("197705082069021001", 2100).defects, "60 tahun"));        // "2009" read as "2069"
    EXPECT_TRUE(has_defect(read_nip("198503122010013004", 2026).defects, "jenis kelamin"));   // gender digit 3
    EXPECT_FALSE(read_nip("198503122010013004", 2026).gender.has_value());
    EXPECT_TRUE(has_defect(read_nip("198503122010011000", 2026).defects, "nomor urut"));
    EXPECT_TRUE(has_defect(read_nip("19850312201001100", 2026).defects, "18 angka"));
}

TEST(ModelNip, DigitsThirteenAndFourteenNotAMonthMeanPppk)
{
    // DOMAIN.md §3.2: 19900913 + 2025 + "24" + gender 2 + serial 014.
    NipFacts pppk = read_nip("199009132025242014", 2026);
    EXPECT_EQ(pppk.kind, NipKind::pppk);
    EXPECT_TRUE(pppk.defects.empty());
    EXPECT_EQ(pppk.appointment_year, 2025);
    EXPECT_EQ(pppk.gender, Gender::female);
    EXPECT_TRUE(has_defect(read_nip("199009132028242014", 2026).defects, "PPPK 2028 di masa depan"));
}

TEST(ModelIdentity, NikAndNipBirthDatesCompareAcrossCenturies)
{
    EXPECT_TRUE(same_birth_date(read_nik("6171015504900002").birth, read_nip("199004152015032002", 2026).birth));
    EXPECT_FALSE(same_birth_date(read_nik("6171015504900002").birth, read_nip("199004162015032002", 2026).birth));
    EXPECT_TRUE(same_birth_date(CivilDate {1, 2, 3}, CivilDate {2001, 2, 3}));
}

TEST(ModelIdentity, NamesWithoutTitles)
{
    EXPECT_EQ(name_without_titles("Dr. Ir. Siti Aminah, M.Si."), "SITI AMINAH");
    EXPECT_EQ(name_without_titles("Rina Kartika Sari, S.Kom."), "RINA KARTIKA SARI");
    EXPECT_EQ(name_without_titles("Hj. Nurul Huda, S.Kep."), "NURUL HUDA");
    EXPECT_EQ(name_without_titles("Budi Santoso S.E. M.A.P."), "BUDI SANTOSO");
    EXPECT_EQ(name_without_titles("Andi, A.Md.Kom."), "ANDI");
}

TEST(ModelIdentity, SamePersonNameToleratesTitlesSlipsAndMiddleNames)
{
    EXPECT_TRUE(same_person_name("Rina Kartika Sari, S.Kom.", "RINA KARTIKA SARI"));
    EXPECT_TRUE(same_person_name("Rina Kartika Sari", "Rina Kartlka Sari")); // one OCR slip
    EXPECT_TRUE(same_person_name("Budi Santoso", "BUDI AGUS SANTOSO"));      // middle name left out
    EXPECT_FALSE(same_person_name("Rina Kartika Sari", "Dewi Lestari"));
    EXPECT_FALSE(same_person_name("Budi Santoso", "Budi Hartono"));
    EXPECT_FALSE(same_person_name("", "Budi Santoso"));
}

TEST(ModelIdentity, CivilDates)
{
    EXPECT_EQ(parse_iso_date("2025-05-26"), (CivilDate {2025, 5, 26}));
    EXPECT_EQ(parse_iso_date("2025-02-30"), std::nullopt);
    EXPECT_EQ(whole_years_between(CivilDate {2019, 9, 23}, CivilDate {2024, 9, 22}), 4);
    EXPECT_EQ(whole_years_between(CivilDate {2019, 9, 23}, CivilDate {2024, 9, 23}), 5);
    EXPECT_EQ(to_iso(CivilDate {2024, 3, 1}), "2024-03-01");
}
