// Reads the shared corpus and the generated hostile files through one real
// `berkas worker`, file by file, and prints what happened to each kind of file
// and where the time went: rendering against OCR per page, and the worst time
// any hostile file took.
//   build/bench/bench_reading_corpus [--berkas PATH]
#include "pipeline/worker_pool.hpp"
#include "support/corpus.hpp"
#include "support/hostile_files.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using berkas::pipeline::WorkerPool;

namespace {

struct Timed {
    std::string name;
    std::string outcome; // "read" or the reason code
    double seconds = 0;
};

struct Totals {
    std::map<std::string, int> outcomes;
    std::map<std::string, int> pages_by_source;
    berkas::reading::ReadTimes times;
    std::vector<Timed> files;
};

Timed read_one(WorkerPool& pool, const fs::path& path, const std::string& name, Totals& totals)
{
    const auto start = std::chrono::steady_clock::now();
    auto result = std::move(pool.read_all({path}).front());
    Timed timed {name, result ? "read" : result.error().code,
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()};
    totals.outcomes[timed.outcome]++;
    if (result) {
        for (const berkas::PageText& page : result->pages)
            totals.pages_by_source[berkas::to_string(page.source)]++;
        totals.times.render_seconds += result->times.render_seconds;
        totals.times.rendered_pages += result->times.rendered_pages;
        totals.times.ocr_seconds += result->times.ocr_seconds;
        totals.times.ocr_pages += result->times.ocr_pages;
    }
    totals.files.push_back(timed);
    return timed;
}

double per_page_ms(double seconds, int pages) { return pages > 0 ? 1000 * seconds / pages : 0; }

void print_totals(const char* title, const Totals& totals)
{
    std::printf("\n## %s: %zu files\n\n| outcome | files |\n|---|---:|\n", title, totals.files.size());
    for (const auto& [outcome, count] : totals.outcomes)
        std::printf("| %s | %d |\n", outcome.c_str(), count);
    std::printf("\nPages read:");
    for (const auto& [source, count] : totals.pages_by_source)
        std::printf(" %s %d;", source.c_str(), count);
    std::printf("\nPer page: rendering/decoding %.0f ms (%d pages), OCR %.0f ms (%d pages)\n",
                per_page_ms(totals.times.render_seconds, totals.times.rendered_pages), totals.times.rendered_pages,
                per_page_ms(totals.times.ocr_seconds, totals.times.ocr_pages), totals.times.ocr_pages);
    std::vector<Timed> slowest = totals.files;
    std::sort(slowest.begin(), slowest.end(), [](const Timed& a, const Timed& b) { return a.seconds > b.seconds; });
    slowest.resize(std::min<size_t>(slowest.size(), 5));
    std::printf("Slowest:");
    for (const Timed& timed : slowest)
        std::printf(" %s %.2f s (%s);", timed.name.c_str(), timed.seconds, timed.outcome.c_str());
    std::printf("\n");
}

} // namespace

int main(int argc, char** argv)
{
    std::string berkas = BERKAS_BINARY;
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::string(argv[i]) == "--berkas")
            berkas = argv[++i];
    }
    ::setenv("OMP_THREAD_LIMIT", "1", 0);
    const berkas::pipeline::WorkerLimits limits; // the defaults of RELIABILITY.md §4.4
    WorkerPool pool(berkas, {"worker"}, 1, limits);
    std::printf("# Reading: shared corpus and hostile files, one worker, default limits\n");

    Totals corpus, malformed;
    const fs::path corpus_dir = berkas::testing::shared_corpus_dir();
    for (const fs::path& file : berkas::testing::reading_corpus_files()) {
        const std::string name = fs::relative(file, corpus_dir).string();
        Timed timed = read_one(pool, file, name, corpus);
        if (name.rfind("malformed/", 0) == 0)
            malformed.files.push_back(timed);
    }
    if (corpus.files.empty())
        std::printf("\n(shared corpus not found at %s)\n", corpus_dir.c_str());
    else
        print_totals("Corpus (ocrmypdf + malformed)", corpus);

    Totals hostile;
    const fs::path scratch = fs::temp_directory_path() / ("berkas-bench-hostile-" + std::to_string(::getpid()));
    fs::create_directories(scratch);
    std::printf("\n## Hostile files, generated\n\n| file | expected | outcome | seconds |\n|---|---|---|---:|\n");
    for (const auto& file : berkas::testing::hostile_files()) {
        const fs::path path = scratch / file.name;
        std::ofstream(path, std::ios::binary).write(file.bytes.data(), std::streamsize(file.bytes.size()));
        const Timed timed = read_one(pool, path, file.name, hostile);
        std::printf("| %s | %s | %s | %.3f |\n", file.name.c_str(), file.reason.c_str(), timed.outcome.c_str(),
                    timed.seconds);
    }
    fs::remove_all(scratch);
    for (const auto* set : {&hostile, &malformed}) {
        if (set->files.empty())
            continue;
        const auto worst = std::max_element(set->files.begin(), set->files.end(),
                                            [](const Timed& a, const Timed& b) { return a.seconds < b.seconds; });
        std::printf("Worst %s file: %s, %.3f s (%s)\n", set == &hostile ? "generated hostile" : "malformed corpus",
                    worst->name.c_str(), worst->seconds, worst->outcome.c_str());
    }
    return 0;
}
