// The office's report from a seeded history of twelve cases: real SQLite,
// real libharu PDF, real XLSX; the CSV files are checked line by line.
#include "reporting/report_writer.hpp"
#include "reporting/tables.hpp"
#include "state/statement.hpp"
#include "state/submission_ledger.hpp"
#include "support/command.hpp"
#include "support/temp_dir.hpp"
#include "util/file.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>

using namespace berkas;
namespace fs = std::filesystem;

namespace {

std::string run(const std::string& command) { return berkas::testing::run_command(command).output; }

struct SeededCase {
    const char* id;
    const char* nama;
    const char* nik;
    const char* nip;
    const char* instansi;
    const char* created_at;
    std::vector<const char*> problems; // empty: complete
};

// Twelve applications to a Diskominfo between 2024 and March 2026.
const std::vector<SeededCase> seeded_cases = {
    {"c01-rina", "Rina Wulandari, S.Kep.", "6171014507880001", "198807052010012001", "Dinas Kesehatan Kota Pontianak", "2026-01-05T01:00:00Z", {}},
    {"c02-agus", "Agus Salim, S.Kom.", "6171010303800002", "198003032005011002", "Dinas Komunikasi dan Informatika Kota Pontianak", "2024-05-02T02:00:00Z", {}},
    {"c03-sari", "Sari Dewi", "6171014102900003", "199002012015032003", "Badan Keuangan Daerah Kota Pontianak", "2026-03-24T02:00:00Z", {}},
    {"c04-budi", "Budi Hartono", "6171011111850004", "198511112010011004", "Dinas Kesehatan Kota Pontianak", "2026-02-02T03:00:00Z", {"missing:ktp"}},
    {"c05-dian", "Dian Pratiwi", "6171015505920005", "199205052019032005", "Badan Keuangan Daerah Kota Pontianak", "2026-02-10T03:00:00Z", {"missing:ktp", "missing:sk_terakhir"}},
    {"c06-eko", "Eko Saputra", "6171010606870006", "198706062014021006", "Dinas Kesehatan Kota Pontianak", "2026-03-30T01:00:00Z", {}},
    {"c07-fitri", "Fitri Handayani", "6171014707910007", "199107072015032007", "Dinas Komunikasi dan Informatika Kota Pontianak", "2026-02-16T04:00:00Z", {}},
    {"c08-gita", "Gita Lestari", "6171014808930008", "199308082018012008", "Badan Perencanaan Pembangunan Daerah Kota Pontianak", "2026-01-20T02:00:00Z", {}},
    {"c09-hadi", "Hadi Kurniawan", "6171010909840009", "198409092009011009", "Dinas Kesehatan Kota Pontianak", "2026-01-12T02:00:00Z", {}},
    {"c10-indra", "Indra Gunawan", "6171011010860010", "198610102011011010", "Dinas Kesehatan Kota Pontianak", "2026-03-02T01:00:00Z", {}},
    {"c11-joko", "Joko Susilo", "6171011212890011", "198912122014031011", "Dinas Komunikasi dan Informatika Kota Pontianak", "2026-03-09T02:00:00Z", {"missing:formulir_bsre", "missing:ktp"}},
    {"c12-kartika", "Kartika Sari", "6171015303890012", "198903132012032012", "Badan Perencanaan Pembangunan Daerah Kota Pontianak", "2024-04-01T02:00:00Z", {}},
};

struct Step {
    const char* id;
    const char* state;
    const char* at;
};

const std::vector<Step> seeded_steps = {
    {"c01-rina", "submitted", "2026-01-05T02:00:00Z"},
    {"c01-rina", "registered", "2026-01-05T02:15:00Z"},
    {"c01-rina", "activation_sent", "2026-01-05T02:30:00Z"},
    {"c01-rina", "identity_verified", "2026-01-06T01:00:00Z"},
    {"c01-rina", "passphrase_set", "2026-01-06T01:10:00Z"},
    {"c01-rina", "issued", "2026-01-06T05:00:00Z"},
    {"c01-rina", "delivered", "2026-01-06T05:30:00Z"},
    {"c02-agus", "submitted", "2024-05-02T03:00:00Z"},
    {"c02-agus", "registered", "2024-05-02T03:10:00Z"},
    {"c02-agus", "activation_sent", "2024-05-02T03:20:00Z"},
    {"c02-agus", "identity_verified", "2024-05-03T01:00:00Z"},
    {"c02-agus", "passphrase_set", "2024-05-03T01:05:00Z"},
    {"c02-agus", "issued", "2024-05-10T02:00:00Z"},
    {"c08-gita", "submitted", "2026-01-20T04:00:00Z"},
    {"c08-gita", "registered", "2026-01-20T04:10:00Z"},
    {"c08-gita", "rejected", "2026-01-22T02:00:00Z"},
    {"c09-hadi", "submitted", "2026-01-12T03:00:00Z"},
    {"c09-hadi", "registered", "2026-01-12T03:10:00Z"},
    {"c09-hadi", "activation_sent", "2026-01-12T03:20:00Z"},
    {"c09-hadi", "identity_verified", "2026-01-13T02:00:00Z"},
    {"c09-hadi", "passphrase_set", "2026-01-13T02:10:00Z"},
    {"c09-hadi", "issued", "2026-01-14T02:00:00Z"},
    {"c09-hadi", "revoked", "2026-03-03T02:00:00Z"},
    {"c10-indra", "submitted", "2026-03-02T03:00:00Z"},
    {"c10-indra", "registered", "2026-03-05T03:00:00Z"},
    {"c12-kartika", "submitted", "2024-04-01T03:00:00Z"},
    {"c12-kartika", "registered", "2024-04-01T03:10:00Z"},
    {"c12-kartika", "activation_sent", "2024-04-01T03:20:00Z"},
    {"c12-kartika", "identity_verified", "2024-04-02T02:00:00Z"},
    {"c12-kartika", "passphrase_set", "2024-04-02T02:10:00Z"},
    {"c12-kartika", "issued", "2024-04-15T02:00:00Z"},
    {"c12-kartika", "delivered", "2024-04-15T03:00:00Z"},
    {"c12-kartika", "renewal_due", "2026-03-16T00:00:00Z"},
};

const char* sop_profile = R"(profile: pontianak
required_documents: [surat_permohonan, formulir_bsre, ktp, sk_terakhir]
sop_steps:
  - {step: verification, standard_minutes: 10, activity: "Memeriksa kelengkapan berkas"}
  - {step: verification, standard_minutes: 15, activity: "Disposisi Kepala Dinas"}
  - {step: submitted, standard_minutes: 20, activity: "Mengirim ke AMS BSrE"}
  - {step: registered, standard_minutes: 20}
  - {step: activation_sent, standard_minutes: 20}
  - {step: identity_verified, standard_minutes: 1440}
  - {step: passphrase_set, standard_minutes: 20}
  - {step: issued, standard_minutes: 1440}
  - {step: delivered, standard_minutes: 60}
)";

void set_time(sqlite3* database, const char* sql, const std::string& at, const std::string& id)
{
    state::Statement update(database, sql);
    update.bind(1, at).bind(2, id);
    ASSERT_EQ(update.step(), SQLITE_DONE);
}

std::string minutes_after(const char* at, int minutes)
{
    return format_utc_timestamp(*parse_utc_timestamp(at) + minutes * 60);
}

// Writes the history into a fresh state database, with the times it happened.
void seed_history(state::Store& store, state::SubmissionLedger& ledger)
{
    for (const SeededCase& seeded : seeded_cases) {
        CaseResult result;
        result.case_id = seeded.id;
        result.status = seeded.problems.empty() ? CaseStatus::complete : CaseStatus::incomplete;
        result.profile = "pontianak";
        result.rules_version = "r1";
        result.applicant.nama = FieldValue {seeded.nama, "", 1};
        for (const char* code : seeded.problems) {
            std::string type = std::string(code).substr(8);
            std::string message = type == "ktp" ? "Fotokopi KTP tidak ditemukan"
                                  : type == "sk_terakhir" ? "SK terakhir tidak ditemukan"
                                                          : "Formulir BSrE tidak ditemukan";
            result.problems.push_back(Problem {code, message});
        }
        nlohmann::json json = {{"applicant", {{"nama", seeded.nama}, {"nik", seeded.nik}, {"nip", seeded.nip},
                                              {"instansi", seeded.instansi}, {"unit_kerja", "Sekretariat"}}}};
        ASSERT_TRUE(store.save_case(result, seeded.id, "f", json.dump()));
        set_time(store.connection(), "UPDATE cases SET created_at = ?1, updated_at = ?1 WHERE case_id = ?2",
                 seeded.created_at, seeded.id);
    }
    auto decide = [&](const char* id, const char* decision, int minutes_after_intake) {
        ASSERT_TRUE(store.record_decision(state::Decision {id, decision, "verifier:**************1002", "", ""}));
        const SeededCase& seeded = *std::find_if(seeded_cases.begin(), seeded_cases.end(),
                                                 [&](const SeededCase& c) { return std::string(c.id) == id; });
        set_time(store.connection(), "UPDATE decisions SET at = ?1 WHERE id = (SELECT MAX(id) FROM decisions "
                                     "WHERE case_id = ?2)",
                 minutes_after(seeded.created_at, minutes_after_intake), id);
    };
    for (const char* id : {"c01-rina", "c02-agus", "c08-gita", "c09-hadi", "c10-indra", "c12-kartika"})
        decide(id, "approved", 20);
    decide("c03-sari", "approved", 90); // verification over the SOP's 25 minutes
    decide("c07-fitri", "returned", 45);
    state::QueueEntry waiting;
    waiting.case_id = "c03-sari";
    waiting.transport = "folder";
    waiting.state = "waiting";
    waiting.next_attempt_at = waiting.created_at = "2026-03-24T03:30:00Z";
    waiting.package = "outbox/bsre/c03-sari";
    ASSERT_TRUE(ledger.add_entry(waiting));
    auto certificate = [](const char* id, const char* serial, const char* issued, const char* expires,
                          const char* renewal) {
        return std::optional<state::Certificate>(state::Certificate {id, serial, issued, expires, renewal, ""});
    };
    for (const Step& step : seeded_steps) {
        std::optional<state::Certificate> issued;
        std::string id = step.id;
        if (std::string(step.state) == "issued") {
            issued = id == "c01-rina"  ? certificate(step.id, "SN-0101", "2026-01-06", "2028-01-06", "2027-12-07")
                     : id == "c02-agus" ? certificate(step.id, "SN-0042", "2024-05-10", "2026-05-10", "2026-04-10")
                     : id == "c09-hadi" ? certificate(step.id, "SN-0109", "2026-01-14", "2028-01-14", "2027-12-15")
                                        : certificate(step.id, "SN-0012", "2024-04-15", "2026-04-15", "2026-03-16");
        }
        std::string note = std::string(step.state) == "rejected" ? "NIK tidak sesuai data Dukcapil" : "";
        ASSERT_TRUE(ledger.record_step(state::LifecycleEvent {step.id, step.state, "verifier:**************1002", note,
                                                              step.at},
                                       issued, false));
    }
}

} // namespace

class ReportingReport : public berkas::testing::TempDirTest {
protected:
    void SetUp() override
    {
        TempDirTest::SetUp();
        ::setenv("TZ", "UTC", 1); // the report's days and times are the office's local ones
        ::tzset();
        store = std::move(*state::Store::open(dir() / "berkas.sqlite3"));
        auto attached = state::SubmissionLedger::attach(*store);
        ASSERT_TRUE(attached.has_value());
        ledger.emplace(std::move(*attached));
        seed_history(*store, *ledger);
        auto schedule = submission::parse_schedule(sop_profile, "rules/pontianak.yaml");
        ASSERT_TRUE(schedule.has_value()) << schedule.error().message;
        request = reporting::ReportRequest {*parse_day("2026-01-01"),
                                            *parse_day("2026-03-31"),
                                            *parse_utc_timestamp("2026-03-31T09:00:00Z"),
                                            "Pemerintah Kota Pontianak · Dinas Komunikasi dan Informatika",
                                            dir() / "outbox",
                                            *schedule};
    }

    std::string csv(const char* name) { return read_file(folder / (std::string(name) + ".csv")).value_or("<none>"); }

    std::unique_ptr<state::Store> store;
    std::optional<state::SubmissionLedger> ledger;
    reporting::ReportRequest request;
    fs::path folder;
};

TEST_F(ReportingReport, WritesTheFolderWithPdfWorkbookAndCsv)
{
    auto written = reporting::write_report(*ledger, request);
    ASSERT_TRUE(written.has_value()) << written.error().describe();
    folder = *written;
    EXPECT_EQ(folder, dir() / "outbox" / "reports" / "2026-03-31");

    EXPECT_EQ(csv("per_status"), "status,jumlah\n"
                                 "belum lengkap,3\n"
                                 "\"lengkap, menunggu keputusan\",1\n"
                                 "dikembalikan ke pemohon,1\n"
                                 "\"disetujui, menunggu pengajuan\",1\n"
                                 "terdaftar di AMS,1\n"
                                 "sertifikat diserahkan,1\n"
                                 "ditolak,1\n"
                                 "sertifikat dicabut,1\n");
    EXPECT_EQ(csv("per_opd"), "opd,jumlah\n"
                              "Dinas Kesehatan Kota Pontianak,5\n"
                              "Badan Keuangan Daerah Kota Pontianak,2\n"
                              "Dinas Komunikasi dan Informatika Kota Pontianak,2\n"
                              "Badan Perencanaan Pembangunan Daerah Kota Pontianak,1\n");
    EXPECT_EQ(csv("masalah"), "kode,pesan,jumlah_kasus\n"
                              "missing:ktp,Fotokopi KTP tidak ditemukan,3\n"
                              "missing:formulir_bsre,Formulir BSrE tidak ditemukan,1\n"
                              "missing:sk_terakhir,SK terakhir tidak ditemukan,1\n");
    // The register: valid certificates on 31 March 2026 — c09's was revoked, c12's is due for renewal but valid.
    EXPECT_EQ(csv("pemegang_sertifikat"),
              "kasus,nama,nik,nip,opd,unit_kerja,nomor_seri,tanggal_terbit,berlaku_sampai,perpanjangan_mulai,status\n"
              "c12-kartika,Kartika Sari,6171015303890012,198903132012032012,Badan Perencanaan Pembangunan Daerah Kota "
              "Pontianak,Sekretariat,SN-0012,2024-04-15,2026-04-15,2026-03-16,perlu diperpanjang\n"
              "c02-agus,\"Agus Salim, S.Kom.\",6171010303800002,198003032005011002,Dinas Komunikasi dan Informatika "
              "Kota Pontianak,Sekretariat,SN-0042,2024-05-10,2026-05-10,2026-04-10,sertifikat terbit\n"
              "c01-rina,\"Rina Wulandari, S.Kep.\",6171014507880001,198807052010012001,Dinas Kesehatan Kota "
              "Pontianak,Sekretariat,SN-0101,2026-01-06,2028-01-06,2027-12-07,sertifikat diserahkan\n");
    std::string expiring = csv("sertifikat_berakhir_60_hari");
    EXPECT_NE(expiring.find("c12-kartika,Kartika Sari,"), std::string::npos);
    EXPECT_NE(expiring.find(",perlu diperpanjang,15\n"), std::string::npos);
    EXPECT_NE(expiring.find(",sertifikat terbit,40\n"), std::string::npos);
    EXPECT_EQ(std::count(expiring.begin(), expiring.end(), '\n'), 3); // header + two

    std::string summary = csv("ringkasan");
    EXPECT_NE(summary.find("Periode mulai,2026-01-01\n"), std::string::npos);
    EXPECT_NE(summary.find("Kasus masuk,10\n"), std::string::npos);
    EXPECT_NE(summary.find("Berkas belum lengkap,3\n"), std::string::npos);
    EXPECT_NE(summary.find("Diajukan ke BSrE,4\n"), std::string::npos);
    EXPECT_NE(summary.find("Sertifikat terbit,2\n"), std::string::npos);
    EXPECT_NE(summary.find("Jumlah pengguna yang memiliki tanda tangan digital,3\n"), std::string::npos);
    EXPECT_NE(summary.find("Sertifikat berakhir dalam 60 hari,2\n"), std::string::npos);

    std::string steps = csv("langkah_sop");
    // c10's registration took three days against 20 minutes.
    EXPECT_NE(steps.find("c10-indra,Indra Gunawan,registered,terdaftar di AMS,2026-03-02 03:00,2026-03-05 03:00,4320,20,"
                         "ya,selesai\n"),
              std::string::npos);
    // c10 now waits for its activation e-mail: a running step, overdue since long.
    EXPECT_NE(steps.find("c10-indra,Indra Gunawan,activation_sent,email aktivasi terkirim,2026-03-05 03:00,,37800,20,"
                         "ya,berjalan\n"),
              std::string::npos);
    // c06 has waited for the verifier since yesterday.
    EXPECT_NE(steps.find("c06-eko,Eko Saputra,verification,verifikasi berkas,2026-03-30 01:00,,1920,25,ya,berjalan\n"),
              std::string::npos);
    EXPECT_NE(steps.find("c03-sari,Sari Dewi,verification,verifikasi berkas,2026-03-24 02:00,2026-03-24 03:30,90,25,ya,"
                         "selesai\n"),
              std::string::npos);
    // c02's steps ended in 2024; only the hand-over, never recorded, still runs.
    EXPECT_EQ(steps.find("c02-agus,Agus Salim, S.Kom.,submitted"), std::string::npos);
    EXPECT_NE(steps.find("c02-agus,\"Agus Salim, S.Kom.\",delivered,sertifikat diserahkan,2024-05-10 02:00,,"),
              std::string::npos);
    EXPECT_EQ(steps.find("c02-agus,\"Agus Salim, S.Kom.\",issued"), std::string::npos);
    EXPECT_TRUE(csv("ringkasan_langkah")
                    .starts_with("langkah,nama_langkah,kegiatan,jumlah_selesai,rata_rata_menit,maksimum_menit,"
                                 "mutu_baku_menit,jumlah_terlambat\n"));
    EXPECT_NE(csv("ringkasan_langkah").find("verification,verifikasi berkas,Memeriksa kelengkapan berkas; Disposisi "
                                            "Kepala Dinas,5,34,90,25,2\n"),
              std::string::npos);
    EXPECT_NE(csv("per_minggu").find("2026-03-23,1\n2026-03-30,1\n"), std::string::npos);
    EXPECT_TRUE(csv("per_minggu").starts_with("minggu_mulai,jumlah\n2025-12-29,0\n"));

    // laporan.xlsx: a real zip with one sheet per table.
    std::string workbook = read_file(folder / "laporan.xlsx").value_or("");
    EXPECT_EQ(workbook.substr(0, 4), std::string("PK\x03\x04", 4));
    EXPECT_NE(workbook.find("xl/worksheets/sheet10.xml"), std::string::npos);
    EXPECT_FALSE(fs::exists(folder / ".xlsx-sementara"));

    // laporan.pdf: Indonesian text, the head count, masked NIPs.
    std::string text = run("pdftotext -layout '" + (folder / "laporan.pdf").string() + "' -");
    EXPECT_NE(text.find("LAPORAN LAYANAN SERTIFIKAT ELEKTRONIK"), std::string::npos) << text;
    EXPECT_NE(text.find("Periode 1 Januari 2026 sampai 31 Maret 2026"), std::string::npos);
    EXPECT_NE(text.find("Jumlah pengguna yang memiliki tanda tangan digital per 31 Maret 2026: 3 orang."),
              std::string::npos);
    EXPECT_NE(text.find("Kasus menurut OPD"), std::string::npos);
    EXPECT_NE(text.find("Langkah yang melewati mutu baku"), std::string::npos);
    EXPECT_EQ(text.find("198807052010012001"), std::string::npos);
    EXPECT_NE(text.find("**************2001"), std::string::npos);
    EXPECT_NE(text.find("Halaman 1 dari"), std::string::npos);

    // Rendered as pictures (docs/laporan.png comes from here: BERKAS_REPORT_SAMPLE=<folder>).
    run("pdftoppm -r 60 -png '" + (folder / "laporan.pdf").string() + "' '" + (dir() / "halaman").string() + "'");
    EXPECT_TRUE(fs::exists(dir() / "halaman-1.png"));
    if (const char* sample = std::getenv("BERKAS_REPORT_SAMPLE"))
        fs::copy(folder, sample, fs::copy_options::recursive | fs::copy_options::overwrite_existing);

    auto runs = ledger->last_report_day();
    ASSERT_TRUE(runs.has_value() && runs->has_value());
    EXPECT_EQ(**runs, "2026-03-31");
}

TEST_F(ReportingReport, ARerunReplacesTheFolderWhole)
{
    folder = *reporting::write_report(*ledger, request);
    ASSERT_TRUE(write_file_atomic(folder / "catatan-lama.txt", "x"));
    request.now += 3600;
    ASSERT_TRUE(reporting::write_report(*ledger, request).has_value());
    EXPECT_FALSE(fs::exists(folder / "catatan-lama.txt"));
    EXPECT_TRUE(fs::exists(folder / "laporan.pdf"));
    size_t folders = std::distance(fs::directory_iterator(dir() / "outbox" / "reports"), fs::directory_iterator());
    EXPECT_EQ(folders, 1u);

    request.from = *parse_day("2026-04-01");
    auto reversed = reporting::write_report(*ledger, request);
    ASSERT_FALSE(reversed.has_value());
    EXPECT_EQ(reversed.error().code, "usage");
}

TEST(ReportingTables, CsvQuotesAndDisarmsFormulas)
{
    reporting::Table table {"t", "T", {"nama", "jumlah"}, {false, true}, {{"=HYPERLINK(\"x\")", "-3"}, {"a,b", "4"}}};
    EXPECT_EQ(reporting::to_csv(table), "nama,jumlah\n\"'=HYPERLINK(\"\"x\"\")\",-3\n\"a,b\",4\n");
    EXPECT_EQ(reporting::duration_text(45), "45 menit");
    EXPECT_EQ(reporting::duration_text(200), "3 jam 20 menit");
    EXPECT_EQ(reporting::duration_text(3120), "2 hari 4 jam");
}
