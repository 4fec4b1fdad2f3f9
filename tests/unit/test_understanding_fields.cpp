// Field extraction on the layouts Tesseract produces from real scans, the
// splitting of bundles, and telling the applicant's documents from someone else's.
#include "understanding/case_reader.hpp"
#include "understanding/classifier.hpp"
#include "understanding/document_rules.hpp"
#include "understanding/extractor.hpp"
#include "understanding/normalise.hpp"
#include "util/file.hpp"

#include <gtest/gtest.h>

using namespace berkas;
using namespace berkas::understanding;

namespace {

const DocumentRules& rules()
{
    static DocumentRules parsed = [] {
        auto text = read_file(std::string(BERKAS_SOURCE_DIR) + "/rules/documents.yaml");
        auto result = parse_document_rules(text.value_or(""), "rules/documents.yaml");
        EXPECT_TRUE(result.has_value()) << (result ? "" : result.error().message);
        return result.value_or(DocumentRules {});
    }();
    return parsed;
}

// Excerpts of Tesseract's output on generated scans (tests/fixturegen), kept
// with their slips: the label "NIP" misread, list markers, quotes.
const char* sk_with_marks = R"(PETIKAN
KEPUTUSAN WALI KOTA PONTIANAK
NOMOR: 800.1.3.3/2414/BKPSDM/2024
TENTANG :
KENAIKAN PANGKAT PEGAWAI NEGERI SIPIL
KESATU : Menaikkan pangkat Pegawai Negeri Sipil:
1. Nama ': Khairunnisa Syahputra, S.E., M.Kom.
2, - NIP : 19771128 201201 2 004
3. Tempat/Tanggal Lahir : Singkawang, 28 November 1977
4. Pangkat/Golongan Lama  : Penata Tingkat I / III.d
5. Pangkat/Golongan Baru : Pembina / IV.a
Ditetapkan di Pontianak
pada tanggal 23 September 2024
Petikan sesuai dengan aslinya
Petrus Purnomo, S.Si., M.Kom.
NIP. 19650109 199704 1 009
)";

// The KTP as two columns: labels first, then their values; the NIK split.
const char* ktp_in_columns = R"(NIK :6171

Nama
Tempat/Tgl Lahir
Jenis Kelamin

(« PROVINSI KALIMANTAN BARAT 2

025504960100

: DIAN SANTOSO
: PONTIANAK, 15-04-1996
: PEREMPUAN Gol. Darah: O

Alamat : JL. TANJUNG RAYA II NO. 52
Kel/Desa : TANJUNG HULU
Status Perkawinan : BELUM KAWIN
Kewarganegaraan : WNI.
Berlaku Hingga : SEUMUR HIDUP
)";

const char* ktp_wrapped_name = R"(PROVINSI KALIMANTAN BARAT
KOTA SINGKAWANG
NIK :6172012303960157
Nama : WISNU MARKUS
PURNOMO
Tempat/Tgl Lahir : SANGGAU, 23-03-1996
Jenis Kelamin : LAKI-LAKI Gol. Darah : A
Kel/Desa : PASIRAN
Status Perkawinan : KAWIN
Kewarganegaraan : WNI
Berlaku Hingga : SEUMUR HIDUP
)";

const char* letter = R"(PEMERINTAH KOTA PONTIANAK
BADAN KEUANGAN DAERAH
: Pontianak, 19 Mei 2025
Nomor : 800.1.11.1/578/BKD/2025
Lampiran : 1 (satu) berkas
Hal : Permohonan Penerbitan Sertifikat Elektronik
Yth. Kepala Dinas Komunikasi dan Informatika
kami mengajukan permohonan penerbitan Sertifikat Elektronik bagi pegawai:
Nama : |. Budi Halim, A.Md.
NIP “1 19940721 201912 1 003
Email : budi.halim@pontianak.go.id
Kepala Badan,
NIP. 19661124 200102 1 006
)";

const char* form = R"(FORMULIR PERMOHONAN PENERBITAN SERTIFIKAT ELEKTRONIK
Balai Besar Sertifikasi Elektronik (BSrE)
A. DATA PEMOHON
Nama Lengkap : Budi Halim, A.Md.
NIK : 6172052107940315
NIP : 199407212019121003
Email ! budi.halim@pontianak.go.id
Nomor HP : : 087813033655
)";

const char* recommendation = R"(PEMERINTAH KOTA PONTIANAK
SURAT REKOMENDASI
Nomor : 800/77/BKD/2025
Yang bertanda tangan di bawah ini:
Nama : Drs. Hendra Gunawan, M.Si.
NIP : 19700101 199503 1 001
Jabatan : Kepala Badan Keuangan Daerah
selaku atasan langsung, dengan ini merekomendasikan:
Nama : Budi Halim, A.Md.
NIP : 19940721 201912 1 003
Jabatan : Pranata Komputer Terampil
untuk diterbitkan Sertifikat Elektronik.
Pontianak, 2 Juni 2025
)";

PageText page(int number, const char* text) { return PageText {number, text, TextSource::ocr, 85}; }

} // namespace

TEST(UnderstandingFields, ApplicantRowDespiteMarkersAndSignatoryNip)
{
    auto fields = extract_fields(sk_with_marks, DocumentType::sk_terakhir, rules());
    EXPECT_EQ(fields["nip"], "197711282012012004");
    EXPECT_EQ(fields["nama"], "Khairunnisa Syahputra, S.E., M.Kom.");
    EXPECT_EQ(fields["pangkat"], "Pembina / IV.a"); // "baru", not "lama"
    EXPECT_EQ(fields["tanggal_surat"], "2024-09-23");
    EXPECT_EQ(fields["nomor_surat"], "800.1.3.3/2414/BKPSDM/2024");
    EXPECT_EQ(fields["tanggal_lahir"], "1977-11-28");
}

TEST(UnderstandingFields, GarbledLabelFallsBackToAStructuredNumberNeverTheSignatory)
{
    std::string garbled = sk_with_marks;
    garbled.replace(garbled.find("2, - NIP :"), 10, "2. PAN :");
    auto fields = extract_fields(garbled, DocumentType::sk_terakhir, rules());
    EXPECT_EQ(fields["nip"], "197711282012012004");

    garbled.replace(garbled.find("2. PAN : 19771128 201201 2 004"), 30, "2. PAN : (tidak terbaca)");
    EXPECT_EQ(extract_fields(garbled, DocumentType::sk_terakhir, rules()).count("nip"), 0u)
        << "the signatory's NIP. line must never stand in for the applicant's";
}

TEST(UnderstandingFields, LabelsAndValuesInSeparateColumns)
{
    auto fields = extract_fields(ktp_in_columns, DocumentType::ktp, rules());
    EXPECT_EQ(fields["nik"], "6171025504960100"); // "6171" + "025504960100"
    EXPECT_EQ(fields["nama"], "DIAN SANTOSO");
    EXPECT_EQ(fields["tanggal_lahir"], "1996-04-15");
    EXPECT_EQ(fields["jenis_kelamin"], "PEREMPUAN");
}

TEST(UnderstandingFields, ReorderedValueBlocksAreNotPairedWithTheWrongLabels)
{
    // Tesseract put the lower half's values first: pairing in order would make
    // "004/019" the name. Nothing is paired; the NIK row is still read.
    const char* reordered = R"(Nama
. Tempat/Tgl Lahir
Jenis Kelamin
Alamat
(3 PROVINSI KALIMANTAN BARAT
: 004/019
: SUNGAI JAWI LUAR
: PONTIANAK BARAT PONTIANAK
: ISLAM 12-06-2018
NIK :6171036301930252
: DIAN RAMADHAN
: PONTIANAK, 23-01-1993
Status Perkawinan : KAWIN
Kewarganegaraan : WNI
Berlaku Hingga : SEUMUR HIDUP
)";
    auto fields = extract_fields(reordered, DocumentType::ktp, rules());
    EXPECT_EQ(fields.count("nama"), 0u) << fields["nama"];
    EXPECT_EQ(fields["nik"], "6171036301930252");
}

TEST(UnderstandingFields, ColonReadAsDigitsBeforeTheNumber)
{
    EXPECT_EQ(read_identifier(" ..1 6171042912800269", 16), "6171042912800269");
    EXPECT_EQ(read_identifier("4 KARTIKA", 16), std::nullopt);
    EXPECT_EQ(read_name(": 4 KARTIKA KURNIAWAN"), "KARTIKA KURNIAWAN");
}

TEST(UnderstandingFields, KtpNameWrappedOntoTheNextLine)
{
    auto fields = extract_fields(ktp_wrapped_name, DocumentType::ktp, rules());
    EXPECT_EQ(fields["nama"], "WISNU MARKUS PURNOMO");
    EXPECT_EQ(fields["jenis_kelamin"], "LAKI-LAKI");
}

TEST(UnderstandingFields, LetterWithStrayMarks)
{
    auto fields = extract_fields(letter, DocumentType::surat_permohonan, rules());
    EXPECT_EQ(fields["nama"], "Budi Halim, A.Md.");
    EXPECT_EQ(fields["nip"], "199407212019121003");
    EXPECT_EQ(fields["tanggal_surat"], "2025-05-19");
    EXPECT_EQ(fields["nomor_surat"], "800.1.11.1/578/BKD/2025");
    EXPECT_EQ(fields["email"], "budi.halim@pontianak.go.id");
}

TEST(UnderstandingFields, RecommendationNamesTheApplicantAfterItsSigner)
{
    EXPECT_EQ(classify_page(recommendation, rules()).type, DocumentType::surat_rekomendasi_atasan);
    auto fields = extract_fields(recommendation, DocumentType::surat_rekomendasi_atasan, rules());
    EXPECT_EQ(fields["nip"], "199407212019121003");
    EXPECT_EQ(fields["nama"], "Budi Halim, A.Md.");
    EXPECT_EQ(fields["nomor_surat"], "800/77/BKD/2025"); // a document field: read from the whole page
    EXPECT_EQ(fields["tanggal_surat"], "2025-06-02");
}

TEST(UnderstandingFields, IndonesianDates)
{
    EXPECT_EQ(read_date("26 Mei 2025"), "2025-05-26");
    EXPECT_EQ(read_date("Pontianak, 3 Agustus 2O24"), "2024-08-03");
    EXPECT_EQ(read_date("21 Juli 1994"), "1994-07-21"); // not June: Juli is exact
    EXPECT_EQ(read_date("12 Mel 2025"), "2025-05-12");   // one slip
    EXPECT_EQ(read_date("1 Okt 2024"), "2024-10-01");
    EXPECT_EQ(read_date("PONTIANAK, 01-11-1991"), "1991-11-01");
    EXPECT_EQ(read_date("15/04/1990"), "1990-04-15");
    EXPECT_EQ(read_date("31 Februari 2024"), std::nullopt);
    EXPECT_EQ(read_date("tanpa tanggal"), std::nullopt);
}

TEST(UnderstandingBundle, BlankPagesNeitherStartNorSplitADocument)
{
    SourcePages bundle {"bundel.pdf",
                        {page(1, letter), PageText {2, "", TextSource::blank, 0}, page(3, form),
                         page(4, sk_with_marks), PageText {5, "", TextSource::blank, 0},
                         page(6, "Salinan sesuai dengan aslinya"), page(7, ktp_wrapped_name)}};
    auto documents = find_documents({bundle}, rules());
    ASSERT_EQ(documents.size(), 4u);
    EXPECT_EQ(documents[0].type, DocumentType::surat_permohonan);
    EXPECT_EQ(documents[0].pages, std::vector<int> {1});
    EXPECT_EQ(documents[1].type, DocumentType::formulir_bsre);
    EXPECT_EQ(documents[2].type, DocumentType::sk_terakhir);
    EXPECT_EQ(documents[2].pages, (std::vector<int> {4, 6})); // the blank page 5 does not end the SK
    EXPECT_EQ(documents[3].type, DocumentType::ktp);
}

TEST(UnderstandingBundle, ShuffledPagesStillGiveOneDocumentEach)
{
    SourcePages bundle {"acak.pdf", {page(1, ktp_wrapped_name), page(2, recommendation), page(3, form), page(4, letter)}};
    auto documents = find_documents({bundle}, rules());
    ASSERT_EQ(documents.size(), 4u);
    EXPECT_EQ(documents[0].type, DocumentType::ktp);
    EXPECT_EQ(documents[1].type, DocumentType::surat_rekomendasi_atasan);
    EXPECT_EQ(documents[2].type, DocumentType::formulir_bsre);
    EXPECT_EQ(documents[3].type, DocumentType::surat_permohonan);
}

TEST(UnderstandingApplicant, DocumentWithAnotherPersonsNipIsSetApart)
{
    std::string other_sk = sk_with_marks; // Khairunnisa's SK in Budi's case
    auto documents = find_documents({SourcePages {"budi/surat.pdf", {page(1, letter)}},
                                     SourcePages {"budi/formulir.pdf", {page(1, form)}},
                                     SourcePages {"budi/sk.pdf", {page(1, other_sk.c_str())}}},
                                    rules());
    ASSERT_EQ(documents.size(), 3u);
    EXPECT_FALSE(documents[0].other_person);
    EXPECT_FALSE(documents[1].other_person);
    EXPECT_TRUE(documents[2].other_person);
    Applicant applicant = identify_applicant(documents, rules());
    ASSERT_TRUE(applicant.nip && applicant.nama);
    EXPECT_EQ(applicant.nip->value, "199407212019121003");
    EXPECT_EQ(applicant.other.count("pangkat"), 0u) << "nothing is taken from someone else's SK";
}

TEST(UnderstandingApplicant, OneDigitOffIsTheSamePersonWithATypo)
{
    std::string typo = letter;
    typo.replace(typo.find("19940721 201912 1 003"), 21, "19940721 201912 1 008");
    auto documents = find_documents({SourcePages {"a.pdf", {page(1, typo.c_str())}},
                                     SourcePages {"b.pdf", {page(1, form)}}},
                                    rules());
    ASSERT_EQ(documents.size(), 2u);
    EXPECT_FALSE(documents[0].other_person); // validation reports nip_mismatch instead
    EXPECT_EQ(documents[0].fields["nip"], "199407212019121008");
}

TEST(UnderstandingApplicant, ExtraDigitOnTheKtpIsConfirmedByTheForm)
{
    // The KTP's spaced-out NIK read with one digit too many: the form's NIK is
    // that reading with one digit less, so the KTP confirms it.
    std::string ktp = ktp_wrapped_name;
    std::string form_nik = form;
    form_nik.replace(form_nik.find("6172052107940315"), 16, "6172012303960157");
    ktp.replace(ktp.find("NIK :6172012303960157"), 21, "NIK :61720123039601557");
    auto documents = find_documents({SourcePages {"f.pdf", {page(1, form_nik.c_str())}},
                                     SourcePages {"k.pdf", {page(1, ktp.c_str())}}},
                                    rules());
    ASSERT_EQ(documents.size(), 2u);
    EXPECT_EQ(documents[1].fields["nik"], "6172012303960157");
    EXPECT_TRUE(documents[1].unread_key_fields.empty());

    // Two digits off is no OCR slip: the KTP stays unread, nothing is hidden.
    ktp.replace(ktp.find("NIK :61720123039601557"), 22, "NIK :617201230396015577");
    documents = find_documents({SourcePages {"f.pdf", {page(1, form_nik.c_str())}},
                                SourcePages {"k.pdf", {page(1, ktp.c_str())}}},
                               rules());
    EXPECT_EQ(documents[1].fields.count("nik"), 0u);
    EXPECT_EQ(documents[1].unread_key_fields, std::vector<std::string> {"nik"});
}

TEST(UnderstandingApplicant, SeparatorReadAsADigitBeforeTheNip)
{
    // "NIP —. 119771128 …": the separator became a "1" glued to the number.
    std::string sk = sk_with_marks;
    sk.replace(sk.find("2, - NIP : 19771128"), 19, "2. NIP —. 119771128");
    auto documents = find_documents({SourcePages {"sk.pdf", {page(1, sk.c_str())}}}, rules());
    ASSERT_EQ(documents.size(), 1u);
    EXPECT_EQ(documents[0].fields["nip"], "197711282012012004");
}

TEST(UnderstandingApplicant, ImpossibleReadingOneDigitFromAConfirmedNip)
{
    // The form's "2019" read as "2079": a TMT CPNS at 85 cannot be; the letter
    // carries the NIP one digit away, so the form's reading is that NIP.
    std::string misread = form;
    misread.replace(misread.find("199407212019121003"), 18, "199407212079121003");
    auto documents = find_documents({SourcePages {"f.pdf", {page(1, misread.c_str())}},
                                     SourcePages {"s.pdf", {page(1, letter)}}},
                                    rules());
    ASSERT_EQ(documents.size(), 2u);
    EXPECT_EQ(documents[0].fields["nip"], "199407212019121003");

    // A possible NIP one digit off stays as read: validation reports nip_mismatch.
    misread.replace(misread.find("199407212079121003"), 18, "199407212019121008");
    documents = find_documents({SourcePages {"f.pdf", {page(1, misread.c_str())}},
                                SourcePages {"s.pdf", {page(1, letter)}}},
                               rules());
    EXPECT_EQ(documents[0].fields["nip"], "199407212019121008");
}

TEST(UnderstandingApplicant, EmailReadingClosestToTheNameWins)
{
    std::string slipped = form; // "rn" read as "m" on the form, the most trusted source
    slipped.replace(slipped.find("budi.halim@"), 11, "budi.hahm@");
    auto documents = find_documents({SourcePages {"f.pdf", {page(1, slipped.c_str())}},
                                     SourcePages {"s.pdf", {page(1, letter)}}},
                                    rules());
    Applicant applicant = identify_applicant(documents, rules());
    ASSERT_TRUE(applicant.email);
    EXPECT_EQ(applicant.email->value, "budi.halim@pontianak.go.id");
    EXPECT_EQ(applicant.email->source, "s.pdf");
}

TEST(UnderstandingApplicant, KeyFieldsThatCouldNotBeReadAreNoted)
{
    std::string smudged = ktp_wrapped_name;
    smudged.replace(smudged.find("NIK :6172012303960157"), 21, "NIK : ######");
    auto documents = find_documents({SourcePages {"ktp.jpg", {page(1, smudged.c_str())}}}, rules());
    ASSERT_EQ(documents.size(), 1u);
    EXPECT_EQ(documents[0].type, DocumentType::ktp);
    EXPECT_EQ(documents[0].unread_key_fields, std::vector<std::string> {"nik"});
}

TEST(UnderstandingRules, EveryErrorOfAFileIsReported)
{
    auto errors = check_document_rules("document_types:\n"
                                       "  ktp:\n    keywords: [nik]\n    key_fields: [nik]\n"
                                       "  sk_terakhir:\n    keyword: [x]\n"
                                       "fields:\n"
                                       "  nik:\n    labels: [nik]\n    kind: digits\n    sources: [ktp]\n"
                                       "  tanggal:\n    patterns: [{regex: \"tanggal \\\\d+\"}]\n    sources: [ktp]\n",
                                       "r.yaml");
    ASSERT_EQ(errors.size(), 3u);
    EXPECT_EQ(errors[0].message, "r.yaml:6:5: unknown key 'keyword'");
    EXPECT_EQ(errors[1].message, "r.yaml:9:5: field 'nik' of kind digits needs a length");
    EXPECT_EQ(errors[2].message, "r.yaml:13:24: a field pattern needs a capture group ( ) around the value");
}

TEST(UnderstandingRules, KeyFieldsMustBeReadFromTheirDocument)
{
    auto errors = check_document_rules("document_types:\n  ktp:\n    keywords: [nik]\n    key_fields: [nik, nip]\n"
                                       "fields:\n  nik:\n    labels: [nik]\n    kind: digits\n    length: 16\n"
                                       "    sources: [ktp]\n  nip:\n    labels: [nip]\n    sources: [formulir_bsre]\n",
                                       "r.yaml");
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].message,
              "r.yaml:4:23: key field 'nip' is not read from ktp (add it to fields.nip.sources)");
}
