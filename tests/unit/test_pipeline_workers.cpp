// The real `berkas worker` processes behind WorkerPool: hostile files end with
// their reason code, crashes and overruns are retried once and then reported,
// and the file after each of them is still read.
#include "pipeline/worker_pool.hpp"
#include "support/hostile_files.hpp"
#include "support/pdf_builder.hpp"
#include "support/temp_dir.hpp"
#include "unit/test_reading_fixtures.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

namespace berkas::pipeline {
namespace {

namespace fs = std::filesystem;

// Sets an environment variable for the workers started while it lives.
class ScopedEnvironment {
public:
    ScopedEnvironment(const char* name, const std::string& value) : m_name(name)
    {
        if (const char* old = std::getenv(name))
            m_old = old;
        ::setenv(name, value.c_str(), 1);
    }
    ~ScopedEnvironment()
    {
        if (m_old)
            ::setenv(m_name, m_old->c_str(), 1);
        else
            ::unsetenv(m_name);
    }

private:
    const char* m_name;
    std::optional<std::string> m_old;
};

class PipelineWorkers : public berkas::testing::TempDirTest {
protected:
    fs::path write(const std::string& name, const std::string& bytes)
    {
        const fs::path path = dir() / name;
        std::ofstream(path, std::ios::binary).write(bytes.data(), std::streamsize(bytes.size()));
        return path;
    }

    // A born-digital letter: read from its text layer, no OCR, so it is quick.
    fs::path good_file(const std::string& name)
    {
        return write(name, berkas::testing::make_text_pdf({{"SURAT PERMOHONAN", "Nama : Contoh Pemohon"}}));
    }

    static WorkerLimits quick_limits()
    {
        WorkerLimits limits;
        limits.cpu_per_file = std::chrono::seconds(20);
        limits.wall_per_file = std::chrono::seconds(60);
        return limits;
    }

    std::vector<Expected<reading::FileReading>> read(const std::vector<fs::path>& files,
                                                     WorkerLimits limits = quick_limits(), int workers = 2)
    {
        reading::ReadLimits read_limits;
        read_limits.max_stream_decoded_bytes = 16 << 20; // the Flate bomb stops sooner
        WorkerPool pool(BERKAS_BINARY, {"worker"}, workers, limits, read_limits);
        return pool.read_all(files);
    }

    static void expect_read(const Expected<reading::FileReading>& result)
    {
        ASSERT_TRUE(result) << result.error().code << ": " << result.error().message;
        ASSERT_EQ(result->pages.size(), 1u);
        EXPECT_NE(result->pages[0].text.find("SURAT PERMOHONAN"), std::string::npos);
    }
};

TEST_F(PipelineWorkers, EachHostileFileGetsItsReasonAndTheNextFileIsRead)
{
    std::vector<fs::path> files;
    std::vector<std::string> reasons;
    for (const auto& hostile : berkas::testing::hostile_files()) {
        files.push_back(write(hostile.name, hostile.bytes));
        reasons.push_back(hostile.reason);
        files.push_back(good_file("setelah-" + hostile.name + ".pdf"));
        reasons.push_back("ok");
    }
    const auto results = read(files);
    ASSERT_EQ(results.size(), files.size());
    for (size_t i = 0; i < files.size(); ++i) {
        SCOPED_TRACE(files[i].filename().string());
        if (reasons[i] == "ok") {
            expect_read(results[i]);
            continue;
        }
        ASSERT_FALSE(results[i]);
        EXPECT_EQ(results[i].error().code, reasons[i]) << results[i].error().message;
        EXPECT_EQ(results[i].error().file, files[i].string());
    }
}

// One file and two workers: each reads every other page (PageShare); the
// pages come back once each, in order.
TEST_F(PipelineWorkers, BundleAloneIsSharedBetweenWorkersAndComesBackWhole)
{
    std::vector<std::vector<std::string>> pages;
    for (const char* title : {"SATU", "DUA", "TIGA", "EMPAT", "LIMA"})
        pages.push_back({std::string("HALAMAN ") + title, "Nama : Contoh Pemohon"});
    const auto results = read({write("bundel.pdf", berkas::testing::make_text_pdf(pages))});
    ASSERT_TRUE(results[0]) << results[0].error().message;
    ASSERT_EQ(results[0]->pages.size(), 5u);
    const char* titles[] = {"SATU", "DUA", "TIGA", "EMPAT", "LIMA"};
    for (int i = 0; i < 5; ++i) {
        EXPECT_EQ(results[0]->pages[size_t(i)].number, i + 1);
        EXPECT_NE(results[0]->pages[size_t(i)].text.find(titles[i]), std::string::npos) << i;
    }
}

TEST_F(PipelineWorkers, OwnerPasswordOnlyPdfIsRead)
{
    const auto results = read({write("dibatasi.pdf", berkas::testing::encrypted_pdf(""))});
    ASSERT_TRUE(results[0]) << results[0].error().message;
    EXPECT_EQ(results[0]->pages.size(), 1u);
}

TEST_F(PipelineWorkers, SignedPdfIsReportedAsSigned)
{
    const auto results = read({write("bertanda-tangan.pdf", berkas::testing::make_signed_text_pdf(
                                                                {"SURAT REKOMENDASI", "Nama : Contoh Pemohon"})),
                               good_file("biasa.pdf")});
    ASSERT_TRUE(results[0]) << results[0].error().message;
    EXPECT_TRUE(results[0]->digitally_signed);
    ASSERT_TRUE(results[1]);
    EXPECT_FALSE(results[1]->digitally_signed);
}

TEST_F(PipelineWorkers, CrashIsRetriedOnceThenReportedAsWorkerCrashed)
{
    ScopedEnvironment fault("BERKAS_TEST_WORKER_FAULT", "crash:mogok");
    const auto results = read({write("mogok.pdf", "%PDF-1.4\n"), good_file("baik.pdf")});
    ASSERT_FALSE(results[0]);
    EXPECT_EQ(results[0].error().code, "worker_crashed");
    EXPECT_NE(results[0].error().message.find("signal 11"), std::string::npos) << results[0].error().message;
    EXPECT_NE(results[0].error().message.find("both attempts"), std::string::npos);
    expect_read(results[1]);
}

TEST_F(PipelineWorkers, HangIsEndedByTheWallClock)
{
    ScopedEnvironment fault("BERKAS_TEST_WORKER_FAULT", "hang:macet");
    WorkerLimits limits = quick_limits();
    limits.wall_per_file = std::chrono::milliseconds(1500);
    const auto results = read({write("macet.pdf", "%PDF-1.4\n"), good_file("baik.pdf")}, limits);
    ASSERT_FALSE(results[0]);
    EXPECT_EQ(results[0].error().code, "timeout");
    EXPECT_NE(results[0].error().message.find("wall clock"), std::string::npos) << results[0].error().message;
    expect_read(results[1]);
}

TEST_F(PipelineWorkers, SpinIsEndedByTheCpuLimit)
{
    // The wall clock would allow a minute: only RLIMIT_CPU can end this in time.
    ScopedEnvironment fault("BERKAS_TEST_WORKER_FAULT", "spin:berputar");
    WorkerLimits limits = quick_limits();
    limits.cpu_per_file = std::chrono::seconds(1);
    const auto results = read({good_file("sebelum.pdf"), write("berputar.pdf", "%PDF-1.4\n"), good_file("baik.pdf")},
                              limits, 1);
    expect_read(results[0]);
    ASSERT_FALSE(results[1]);
    EXPECT_EQ(results[1].error().code, "timeout");
    EXPECT_NE(results[1].error().message.find("CPU time"), std::string::npos) << results[1].error().message;
    expect_read(results[2]);
}

TEST_F(PipelineWorkers, WorkerThatCannotStartIsNotBlamedOnTheFile)
{
    ScopedEnvironment no_models("TESSDATA_PREFIX", (dir() / "no-tessdata").string());
    const auto results = read({good_file("baik.pdf")});
    ASSERT_FALSE(results[0]);
    EXPECT_EQ(results[0].error().code, "worker_unavailable");
}

TEST_F(PipelineWorkers, ReadingWritesNoImageFiles)
{
    // Pages flow as in-memory images: nothing lands in TMPDIR or the working folder.
    const fs::path scratch = dir() / "scratch";
    fs::create_directories(scratch);
    ScopedEnvironment temporary("TMPDIR", scratch.string());
    const fs::path previous = fs::current_path();
    fs::current_path(scratch);
    reading::PixPtr letter = reading::testing::scanned_letter(200);
    const fs::path scan = write("scan.png", reading::testing::encode(letter.get(), IFF_PNG));
    const auto results = read({scan});
    fs::current_path(previous);
    ASSERT_TRUE(results[0]) << results[0].error().message;
    EXPECT_EQ(results[0]->pages[0].source, TextSource::ocr);
    EXPECT_EQ(results[0]->times.ocr_pages, 1);
    EXPECT_TRUE(fs::is_empty(scratch));
}

} // namespace
} // namespace berkas::pipeline
