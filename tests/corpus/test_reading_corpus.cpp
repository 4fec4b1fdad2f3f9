// Every file of the shared corpus (OCRmyPDF's resources and the malformed
// files of qpdf, pdf.js and PoDoFo) through real `berkas worker` processes:
// each is read or gets a reason code, within the limits, and the pool that
// called them is still standing. Slow (minutes of OCR): ctest label "slow";
// bench/bench_reading_corpus prints the timings.
#include "pipeline/worker_pool.hpp"
#include "support/corpus.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <set>

namespace berkas::pipeline {
namespace {

// The reason codes a file may end with (README, "Files that cannot be read").
// io_error and internal would mean a bug in berkas, not a bad file.
const std::set<std::string> kReasonCodes = {"empty_file",     "not_a_document", "corrupt_pdf",   "encrypted_pdf",
                                            "too_large",      "too_many_pages", "image_too_large", "corrupt_image",
                                            "ocr_failed",     "out_of_memory",  "worker_crashed", "timeout"};

TEST(PipelineCorpus, EveryFileIsReadOrGetsAReasonCode)
{
    const auto files = berkas::testing::reading_corpus_files();
    if (files.empty())
        GTEST_SKIP() << "shared corpus not available at " << berkas::testing::shared_corpus_dir();
    WorkerLimits limits;
    limits.cpu_per_file = std::chrono::seconds(60);
    limits.wall_per_file = std::chrono::seconds(180);
    WorkerPool pool(BERKAS_BINARY, {"worker"}, 2, limits);
    const auto results = pool.read_all(files);
    ASSERT_EQ(results.size(), files.size());
    std::map<std::string, int> outcomes;
    for (size_t i = 0; i < files.size(); ++i) {
        const auto name = std::filesystem::relative(files[i], berkas::testing::shared_corpus_dir()).string();
        if (results[i]) {
            EXPECT_FALSE(results[i]->pages.empty()) << name;
            outcomes["read"]++;
            std::printf("%-58s read, %zu page(s)\n", name.c_str(), results[i]->pages.size());
            continue;
        }
        const Error& error = results[i].error();
        EXPECT_TRUE(kReasonCodes.count(error.code)) << name << ": " << error.code << ": " << error.message;
        outcomes[error.code]++;
        std::printf("%-58s %s (%s)\n", name.c_str(), error.code.c_str(), error.message.c_str());
    }
    for (const auto& [outcome, count] : outcomes)
        std::printf("%-16s %d\n", outcome.c_str(), count);
}

} // namespace
} // namespace berkas::pipeline
