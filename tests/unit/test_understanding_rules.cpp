#include "understanding/case_reader.hpp"
#include "understanding/classifier.hpp"
#include "understanding/document_rules.hpp"
#include "understanding/extractor.hpp"
#include "util/file.hpp"

#include <gtest/gtest.h>

using namespace berkas;
using namespace berkas::understanding;

namespace {

const DocumentRules& shipped_rules()
{
    static DocumentRules rules = [] {
        auto text = read_file(std::string(BERKAS_SOURCE_DIR) + "/rules/documents.yaml");
        EXPECT_TRUE(text.has_value());
        auto parsed = parse_document_rules(*text, "rules/documents.yaml");
        EXPECT_TRUE(parsed.has_value()) << parsed.error().message;
        return *parsed;
    }();
    return rules;
}

// OCR output as Tesseract gave it for generated scans, with its typical slips.
const char* letter_text = R"(PEMERINTAH KOTA PONTIANAK
BADAN PERENCANAAN PEMBANGUNAN DAERAH
Jalan Rahadi Usman Nomor 3 Pontianak
Nomor : 800/112/Bappeda/2026 Pontianak, 12 November 2026
Sifat : Biasa
Lampiran : 1 (satu) berkas
Hal : Permohonan Penerbitan Sertifikat Elektronik
Yth. Kepala Dinas Komunikasi dan Informatika
Dengan hormat,
Bersama ini kami mengajukan permohonan penerbitan sertifikat elektronik bagi pegawai:
Nama : Rina Kartika Sari, S.Kom.
NIP : 19900415 201503 2 OO2
Jabatan : Pranata Komputer Ahli Pertama
Email : rina.sari @pontianak.go.id
Kepala Badan,
Ir. Hendra Gunawan
NIP. 197001011995031001
)";

const char* ktp_text = R"(PROVINSI KALIMANTAN BARAT
KOTA PONTIANAK
NIK : 6171015504900002
Nama : RINA KARTIKA SARI
Tempat/Tgl Lahir : PONTIANAK, 15-04-1990
Jenis Kelamin : PEREMPUAN Gol. Darah : O
Alamat : JL. MERDEKA NO. 10
RT/RW : 002/005
Kel/Desa : SUNGAI BANGKONG
Kecamatan : PONTIANAK KOTA
Agama : ISLAM
Status Perkawinan : KAWIN
Pekerjaan : PEGAWAI NEGERI SIPIL
Kewarganegaraan : WNI
Berlaku Hingga : SEUMUR HIDUP
)";

const char* sk_pangkat_text = R"(PETIKAN
KEPUTUSAN WALI KOTA PONTIANAK
NOMOR 800.1.3.3/221/BKPSDM/2024
TENTANG
KENAIKAN PANGKAT PEGAWAI NEGERI SIPIL
Menimbang : bahwa pegawai tersebut memenuhi syarat
Mengingat : Peraturan Pemerintah Nomor 11 Tahun 2017
MEMUTUSKAN
Nama : RINA KARTIKA SARI
NIP : 19900415 201503 2 002
Ditetapkan di Pontianak
)";

const char* sk_jabatan_text = R"(KEPUTUSAN WALI KOTA PONTIANAK
NOMOR 800.1.3.2/45/BKPSDM/2025
TENTANG
PENGANGKATAN DALAM JABATAN FUNGSIONAL
Menimbang : bahwa untuk kelancaran tugas
MEMUTUSKAN
Nama : RINA KARTIKA SARI
)";

const char* form_text = R"(FORMULIR PERMOHONAN PENERBITAN SERTIFIKAT ELEKTRONIK
Balai Besar Sertifikasi Elektronik (BSrE)
Nama Lengkap : Rina Kartika Sari, S.Kom.
NIK : 617101550490OOO2
NIP : 199004152015032002
Email : rina.sari@pontianak.go.id
Nomor HP : 0812-5678-9012
Pangkat/Golongan : Penata Muda / III.a
Unit Kerja : Bidang Perencanaan
)";

} // namespace

TEST(UnderstandingClassify, RecognisesEachDocumentType)
{
    const auto& rules = shipped_rules();
    EXPECT_EQ(classify_page(letter_text, rules).type, DocumentType::surat_permohonan);
    EXPECT_EQ(classify_page(ktp_text, rules).type, DocumentType::ktp);
    EXPECT_EQ(classify_page(sk_pangkat_text, rules).type, DocumentType::sk_terakhir);
    EXPECT_EQ(classify_page(form_text, rules).type, DocumentType::formulir_bsre);
}

TEST(UnderstandingClassify, SkJabatanIsNotTakenForSkPangkat)
{
    EXPECT_EQ(classify_page(sk_jabatan_text, shipped_rules()).type, DocumentType::sk_jabatan);
}

TEST(UnderstandingClassify, ToleratesOcrSlipsInKeywords)
{
    // "Kewarganegaraan" and "Berlaku Hingga" misread by one or two letters.
    const char* slipped = "PROVINSI KALIMANTAN BARAT\nNIK : 6171015504900002\nTempat/Tgl Lahlr : X\n"
                          "Kel/Oesa : Y\nStatus Perkawlnan : KAWIN\nKewarganegaran : WNI\nBerlaku Hinga : SEUMUR";
    EXPECT_EQ(classify_page(slipped, shipped_rules()).type, DocumentType::ktp);
}

TEST(UnderstandingClassify, UnrelatedTextIsUnknown)
{
    EXPECT_EQ(classify_page("Daftar belanja: beras, gula, minyak goreng", shipped_rules()).type,
              DocumentType::unknown);
}

TEST(UnderstandingExtract, ReadsApplicantNipNotSignatoryNip)
{
    auto fields = extract_fields(letter_text, DocumentType::surat_permohonan, shipped_rules());
    EXPECT_EQ(fields["nip"], "199004152015032002");
    EXPECT_EQ(fields["nama"], "Rina Kartika Sari, S.Kom.");
    EXPECT_EQ(fields["email"], "rina.sari@pontianak.go.id");
    EXPECT_EQ(fields["jabatan"], "Pranata Komputer Ahli Pertama");
}

TEST(UnderstandingExtract, RepairsDigitConfusionsInNik)
{
    auto fields = extract_fields(form_text, DocumentType::formulir_bsre, shipped_rules());
    EXPECT_EQ(fields["nik"], "6171015504900002");
    EXPECT_EQ(fields["no_hp"], "081256789012");
    EXPECT_EQ(fields["pangkat"], "Penata Muda / III.a");
}

TEST(UnderstandingExtract, ReadsKtpFields)
{
    auto fields = extract_fields(ktp_text, DocumentType::ktp, shipped_rules());
    EXPECT_EQ(fields["nik"], "6171015504900002");
    EXPECT_EQ(fields["nama"], "RINA KARTIKA SARI");
    EXPECT_EQ(fields.count("nip"), 0u); // the KTP is not a source of NIP
}

TEST(UnderstandingCase, SplitsABundleAndPrefersTheForm)
{
    SourcePages bundle {"bundel.pdf",
                        {PageText {1, letter_text, TextSource::ocr, 90}, PageText {2, form_text, TextSource::ocr, 90},
                         PageText {3, "", TextSource::blank, 0}, PageText {4, ktp_text, TextSource::ocr, 80},
                         PageText {5, sk_pangkat_text, TextSource::ocr, 85},
                         PageText {6, "Salinan sesuai dengan aslinya", TextSource::ocr, 85}}};
    auto documents = find_documents({bundle}, shipped_rules());
    ASSERT_EQ(documents.size(), 4u);
    EXPECT_EQ(documents[0].type, DocumentType::surat_permohonan);
    EXPECT_EQ(documents[1].type, DocumentType::formulir_bsre);
    EXPECT_EQ(documents[2].type, DocumentType::ktp);
    EXPECT_EQ(documents[2].pages, std::vector<int>({4}));
    EXPECT_EQ(documents[3].type, DocumentType::sk_terakhir);
    EXPECT_EQ(documents[3].pages, std::vector<int>({5, 6})); // the unknown page continues the SK

    Applicant applicant = identify_applicant(documents, shipped_rules());
    ASSERT_TRUE(applicant.nama && applicant.nik && applicant.nip && applicant.email);
    EXPECT_EQ(applicant.nama->value, "Rina Kartika Sari, S.Kom.");
    EXPECT_EQ(applicant.nama->page, 2); // read from the form
    EXPECT_EQ(applicant.nik->value, "6171015504900002");
    EXPECT_EQ(applicant.nip->value, "199004152015032002");
}

TEST(UnderstandingRules, ErrorsNameFileLineAndColumn)
{
    auto parsed = parse_document_rules("document_types:\n  ktp:\n    keywords: [nik]\n    reqired: 3\n", "x.yaml");
    ASSERT_FALSE(parsed.has_value());
    EXPECT_EQ(parsed.error().message, "x.yaml:4:5: unknown key 'reqired'");
}

TEST(UnderstandingRules, RejectsUnknownDocumentTypeAndBadRegex)
{
    auto unknown = parse_document_rules("document_types:\n  paspor:\n    keywords: [x]\n", "r.yaml");
    ASSERT_FALSE(unknown.has_value());
    EXPECT_EQ(unknown.error().message, "r.yaml:2:3: unknown document type 'paspor'");
    auto regex = parse_document_rules("document_types:\n  ktp:\n    patterns:\n      - {regex: \"[0-9\"}\n", "r.yaml");
    ASSERT_FALSE(regex.has_value());
    EXPECT_NE(regex.error().message.find("r.yaml:4:"), std::string::npos);
    EXPECT_NE(regex.error().message.find("invalid regular expression"), std::string::npos);
}
