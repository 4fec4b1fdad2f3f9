#include "vocabulary.hpp"

#include <array>

namespace berkas::fixture::vocabulary {

namespace {

using Words = std::string_view;

// Given names used across faiths, and names that mark one.
constexpr std::array<Words, 24> male_common {"Budi",  "Hendra", "Agus",    "Andi",   "Rudi",  "Dedi",
                                             "Fajar", "Yudi",   "Arif",    "Eko",    "Irwan", "Joko",
                                             "Wahyu", "Dimas",  "Rizky",   "Bayu",   "Dani",  "Galih",
                                             "Hadi",  "Indra",  "Kurnia",  "Robby",  "Teguh", "Wisnu"};
constexpr std::array<Words, 10> male_islam {"Muhammad", "Ahmad",  "Syarif", "Taufik", "Hasan",
                                            "Ridwan",   "Zulkifli", "Fauzan", "Iqbal", "Hafiz"};
constexpr std::array<Words, 8> male_christian {"Yohanes", "Stefanus", "Paulus", "Markus",
                                               "Antonius", "Fransiskus", "Yosef", "Petrus"};
constexpr std::array<Words, 24> female_common {"Dewi",  "Rina",   "Fitri",   "Sri",    "Ayu",   "Wulan",
                                               "Yulia", "Ratna",  "Indah",   "Putri",  "Maya",  "Desi",
                                               "Novi",  "Lestari", "Melati", "Kartika", "Sari", "Wening",
                                               "Yuni",  "Citra",  "Dian",    "Intan",  "Mega",  "Nanda"};
constexpr std::array<Words, 10> female_islam {"Siti",   "Nurul", "Rahma",  "Anisa",  "Fatimah",
                                              "Aisyah", "Zahra", "Khairunnisa", "Halimah", "Nur"};
constexpr std::array<Words, 8> female_christian {"Maria", "Theresia", "Agnes", "Yohana",
                                                 "Elisabet", "Veronika", "Monika", "Kristina"};

template<size_t A, size_t B>
constexpr std::array<Words, A + B> concat(const std::array<Words, A>& first, const std::array<Words, B>& second)
{
    std::array<Words, A + B> all {};
    for (size_t i = 0; i < A; ++i)
        all[i] = first[i];
    for (size_t i = 0; i < B; ++i)
        all[A + i] = second[i];
    return all;
}

// Faith-marked names are added to the common ones; "other" faiths (Buddhist,
// Hindu, Konghucu) draw from the common list only.
constexpr auto male_islam_all = concat(male_common, male_islam);
constexpr auto male_christian_all = concat(male_common, male_christian);
constexpr auto female_islam_all = concat(female_common, female_islam);
constexpr auto female_christian_all = concat(female_common, female_christian);

constexpr std::array<Words, 32> families {"Santoso",   "Wijaya",    "Pratama",  "Saputra",  "Hidayat",  "Kurniawan",
                                          "Setiawan",  "Nugroho",   "Susanto",  "Rahman",   "Syahputra", "Hamid",
                                          "Firmansyah", "Gunawan",  "Permana",  "Halim",    "Effendi",  "Harahap",
                                          "Siregar",   "Sinaga",    "Utomo",    "Wibowo",   "Maulana",  "Ramadhan",
                                          "Purnomo",   "Hartono",   "Lubis",    "Nasution", "Simanjuntak", "Suryadi",
                                          "Hakim",     "Anwar"};

constexpr std::array<Words, 14> places {"Pontianak", "Pontianak", "Pontianak", "Pontianak", "Singkawang",
                                        "Sambas",    "Ketapang",  "Sintang",   "Mempawah",  "Sanggau",
                                        "Putussibau", "Bengkayang", "Ngabang",  "Sekadau"};

constexpr std::array<Words, 16> streets {"JL. PURNAMA",        "JL. PARIT H. HUSIN II", "JL. SUNGAI RAYA DALAM",
                                         "JL. TANJUNG RAYA II", "JL. KOMYOS SUDARSO",   "JL. DR. WAHIDIN",
                                         "JL. PERDANA",        "JL. SEPAKAT II",        "JL. GUSTI HAMZAH",
                                         "JL. APEL",           "JL. KARYA BARU",        "JL. DANAU SENTARUM",
                                         "JL. PARIT HAJI MUKSIN", "JL. SELAT PANJANG",   "JL. HAJI RAIS A. RAHMAN",
                                         "JL. ALIANYANG"};

constexpr std::array<Words, 20> prefixes {"0811", "0812", "0813", "0821", "0822", "0823", "0852",
                                          "0853", "0814", "0815", "0856", "0857", "0858", "0877",
                                          "0878", "0895", "0896", "0881", "0882", "0838"};

// Real kecamatan and kelurahan names; the two-digit kecamatan codes and the
// assignment of kelurahan are plausible, not checked against Kepmendagri.
constexpr std::array<Words, 5> ptk_selatan {"BENUA MELAYU DARAT", "BENUA MELAYU LAUT", "KOTA BARU", "AKCAYA",
                                            "PARIT TOKAYA"};
constexpr std::array<Words, 5> ptk_timur {"SAIGON", "TANJUNG HULU", "TANJUNG HILIR", "DALAM BUGIS", "BANJAR SERASAN"};
constexpr std::array<Words, 3> ptk_barat {"SUNGAI BELIUNG", "PAL LIMA", "SUNGAI JAWI LUAR"};
constexpr std::array<Words, 4> ptk_utara {"SIANTAN HULU", "SIANTAN TENGAH", "SIANTAN HILIR", "BATU LAYANG"};
constexpr std::array<Words, 4> ptk_kota {"SUNGAI BANGKONG", "DARAT SEKIP", "MARIANA", "SUNGAI JAWI"};
constexpr std::array<Words, 4> ptk_tenggara {"BANSIR DARAT", "BANSIR LAUT", "BANGKA BELITUNG DARAT",
                                             "BANGKA BELITUNG LAUT"};
constexpr std::array<Kecamatan, 6> pontianak {{{"01", "PONTIANAK SELATAN", ptk_selatan},
                                               {"02", "PONTIANAK TIMUR", ptk_timur},
                                               {"03", "PONTIANAK BARAT", ptk_barat},
                                               {"04", "PONTIANAK UTARA", ptk_utara},
                                               {"05", "PONTIANAK KOTA", ptk_kota},
                                               {"06", "PONTIANAK TENGGARA", ptk_tenggara}}};

constexpr std::array<Words, 3> skw_barat {"KUALA", "PASIRAN", "MELAYU"};
constexpr std::array<Words, 2> skw_timur {"NYARUMKOP", "BAGAK SAHWA"};
constexpr std::array<Words, 2> skw_utara {"NAMO", "SUNGAI GARAM HILIR"};
constexpr std::array<Words, 2> skw_selatan {"SEDAU", "SIJANGKUNG"};
constexpr std::array<Words, 3> skw_tengah {"ROBAN", "CONDONG", "SEKIP LAMA"};
constexpr std::array<Kecamatan, 5> singkawang {{{"01", "SINGKAWANG BARAT", skw_barat},
                                                {"02", "SINGKAWANG TIMUR", skw_timur},
                                                {"03", "SINGKAWANG UTARA", skw_utara},
                                                {"04", "SINGKAWANG SELATAN", skw_selatan},
                                                {"05", "SINGKAWANG TENGAH", skw_tengah}}};

// Pontianak three times: most applicants of a Pontianak OPD registered there.
constexpr std::array<Region, 4> home_regions {{{"6171", "KOTA PONTIANAK", "Pontianak", pontianak},
                                               {"6171", "KOTA PONTIANAK", "Pontianak", pontianak},
                                               {"6171", "KOTA PONTIANAK", "Pontianak", pontianak},
                                               {"6172", "KOTA SINGKAWANG", "Singkawang", singkawang}}};

constexpr std::array<Words, 5> kominfo_units {"Sekretariat", "Bidang Aplikasi Informatika",
                                              "Bidang Informasi dan Komunikasi Publik", "Bidang Persandian dan Statistik",
                                              "Bidang Infrastruktur Teknologi Informasi"};
constexpr std::array<Words, 4> dukcapil_units {"Sekretariat", "Bidang Pelayanan Pendaftaran Penduduk",
                                               "Bidang Pelayanan Pencatatan Sipil",
                                               "Bidang Pengelolaan Informasi Administrasi Kependudukan"};
constexpr std::array<Words, 4> bkpsdm_units {"Sekretariat", "Bidang Mutasi dan Promosi",
                                             "Bidang Pengadaan, Pemberhentian dan Informasi",
                                             "Bidang Pengembangan Sumber Daya Manusia"};
constexpr std::array<Words, 4> keuangan_units {"Sekretariat", "Bidang Anggaran", "Bidang Perbendaharaan",
                                               "Bidang Akuntansi dan Pelaporan"};
constexpr std::array<Words, 4> kesehatan_units {"Sekretariat", "Bidang Pelayanan Kesehatan",
                                                "Bidang Kesehatan Masyarakat", "Bidang Sumber Daya Kesehatan"};
constexpr std::array<Words, 3> bappeda_units {"Sekretariat", "Bidang Perekonomian dan Sumber Daya Alam",
                                              "Bidang Pemerintahan dan Pembangunan Manusia"};
constexpr std::array<Words, 3> perizinan_units {"Sekretariat", "Bidang Pelayanan Perizinan", "Bidang Penanaman Modal"};

// Diskominfo twice: it is the office that issues the most certificates.
constexpr std::array<Office, 8> city_offices {{
    {"Dinas Komunikasi dan Informatika", "DISKOMINFO", "Kepala Dinas", "Jalan Rahadi Usman Nomor 7", kominfo_units},
    {"Dinas Komunikasi dan Informatika", "DISKOMINFO", "Kepala Dinas", "Jalan Rahadi Usman Nomor 7", kominfo_units},
    {"Dinas Kependudukan dan Pencatatan Sipil", "DISDUKCAPIL", "Kepala Dinas", "Jalan Letjen Sutoyo Nomor 21",
     dukcapil_units},
    {"Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "BKPSDM", "Kepala Badan",
     "Jalan Zainuddin Nomor 12", bkpsdm_units},
    {"Badan Keuangan Daerah", "BKD", "Kepala Badan", "Jalan Rahadi Usman Nomor 9", keuangan_units},
    {"Dinas Kesehatan", "DINKES", "Kepala Dinas", "Jalan Johar Nomor 64", kesehatan_units},
    {"Badan Perencanaan Pembangunan Daerah", "BAPPEDA", "Kepala Badan", "Jalan Ahmad Yani Nomor 38",
     bappeda_units},
    {"Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP", "Kepala Dinas",
     "Jalan Sutan Syahrir Nomor 15", perizinan_units},
}};

constexpr std::array<Rank, 12> civil_service_ranks {{{"Pengatur Muda", "II.a"},
                                                     {"Pengatur Muda Tingkat I", "II.b"},
                                                     {"Pengatur", "II.c"},
                                                     {"Pengatur Tingkat I", "II.d"},
                                                     {"Penata Muda", "III.a"},
                                                     {"Penata Muda Tingkat I", "III.b"},
                                                     {"Penata", "III.c"},
                                                     {"Penata Tingkat I", "III.d"},
                                                     {"Pembina", "IV.a"},
                                                     {"Pembina Tingkat I", "IV.b"},
                                                     {"Pembina Utama Muda", "IV.c"},
                                                     {"Pembina Utama Madya", "IV.d"}}};

constexpr std::array<Words, 3> diplomas {", A.Md.", ", A.Md.Kom.", ", A.Md.Ak."};
constexpr std::array<Words, 7> bachelors {", S.Kom.", ", S.T.", ", S.E.", ", S.Sos.", ", S.H.", ", S.I.Kom.", ", S.Si."};
constexpr std::array<Words, 5> masters {", M.Si.", ", M.T.", ", M.M.", ", M.Kom.", ", M.A.P."};

constexpr std::array<Words, 8> experts {"Pranata Komputer",
                                        "Pranata Komputer",
                                        "Analis Kebijakan",
                                        "Statistisi",
                                        "Sandiman",
                                        "Pranata Hubungan Masyarakat",
                                        "Arsiparis",
                                        "Perencana"};
constexpr std::array<Words, 4> skilled {"Pranata Komputer", "Arsiparis", "Statistisi", "Sandiman"};
constexpr std::array<Words, 3> clerical {"Pengadministrasi Perkantoran", "Operator Layanan Operasional",
                                         "Pengelola Umum Operasional"};

} // namespace

std::span<const std::string_view> given_names(bool female, Faith faith)
{
    switch (faith) {
    case Faith::islam:
        return female ? std::span<const Words>(female_islam_all) : std::span<const Words>(male_islam_all);
    case Faith::christian:
        return female ? std::span<const Words>(female_christian_all) : std::span<const Words>(male_christian_all);
    case Faith::other:
        break;
    }
    return female ? std::span<const Words>(female_common) : std::span<const Words>(male_common);
}

std::span<const std::string_view> family_names() { return families; }
std::span<const std::string_view> birth_places() { return places; }
std::span<const std::string_view> home_streets() { return streets; }
std::span<const std::string_view> mobile_prefixes() { return prefixes; }
std::span<const Region> regions() { return home_regions; }
std::span<const Office> offices() { return city_offices; }
std::span<const Rank> ranks() { return civil_service_ranks; }
std::span<const std::string_view> diploma_titles() { return diplomas; }
std::span<const std::string_view> bachelor_titles() { return bachelors; }
std::span<const std::string_view> master_titles() { return masters; }
std::span<const std::string_view> expert_jabatan() { return experts; }
std::span<const std::string_view> skilled_jabatan() { return skilled; }
std::span<const std::string_view> clerical_jabatan() { return clerical; }

} // namespace berkas::fixture::vocabulary
