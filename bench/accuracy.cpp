// bench_accuracy: how often berkas understands a case right (issue 5).
//
//   bench_accuracy [--cases N] [--first-seed S] [--work DIR] [--keep] [--rescore]
//
// --rescore takes the cases already in --work (same N and S), drops their
// results so that berkas evaluates them again from the cached pages (no OCR),
// and scores them: for trying a change of the rules or of understanding.
//
// 1. plans N cases (default 50) with seeds S, S+1, … (default 9000: never used
//    to tune the rules, which were tuned on seeds 100–111 and the tests' 1–33);
//    each case gets, by its index, a packaging (folder, bundle PDF in order or
//    shuffled, multi-page TIFF, a KTP brought later as a loose file, a phone
//    photo of the KTP, a born-digital letter), scanner settings (150–300 dpi;
//    grey, colour or 1-bit; skew up to ±3°; JPEG quality 30–85; some pages
//    turned 90/180/270°) and at most one defect (a missing document, an SK of
//    another person, NIK/NIP birth dates that disagree, a gmail address, an
//    unreadable document, a blank page);
// 2. writes them with berkas-fixture, runs `berkas run --once`, drops the late
//    KTPs at the inbox root and runs it again;
// 3. prints document classification accuracy, exact-match rates of NIK, NIP,
//    nama and e-mail, case status accuracy, precision and recall per problem
//    code, and how often a case was called complete although a required
//    document was missing or someone else's (must be 0).
#include "case_corpus.hpp"
#include "support/command.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace berkas::bench;
using berkas::testing::quoted;
using berkas::testing::run;

namespace {

struct Options {
    size_t cases = 50;
    std::uint32_t first_seed = 9000;
    fs::path work;
    bool keep = false;
    bool rescore = false;
};

bool parse(int argc, char** argv, Options& options)
{
    for (int i = 1; i < argc; ++i) {
        std::string argument = argv[i];
        bool has_value = i + 1 < argc;
        if (argument == "--cases" && has_value)
            options.cases = std::stoul(argv[++i]);
        else if (argument == "--first-seed" && has_value)
            options.first_seed = static_cast<std::uint32_t>(std::stoul(argv[++i]));
        else if (argument == "--work" && has_value)
            options.work = argv[++i];
        else if (argument == "--keep")
            options.keep = true;
        else if (argument == "--rescore")
            options.rescore = true;
        else
            return false;
    }
    return options.cases > 0 && (!options.rescore || !options.work.empty());
}

void forget_results(const fs::path& work)
{
    std::error_code error;
    for (fs::directory_iterator it(work / "outbox" / "cases", error), end; !error && it != end; it.increment(error))
        fs::remove(it->path() / "result.json", error);
}

int pages_read(const fs::path& work)
{
    auto count = run("sqlite3 " + quoted(work / "var" / "berkas.sqlite3") + " 'SELECT COUNT(*) FROM pages'");
    return count.status == 0 ? std::atoi(count.output.c_str()) : 0;
}

} // namespace

int main(int argc, char** argv)
{
    Options options;
    if (!parse(argc, argv, options)) {
        std::cerr << "usage: bench_accuracy [--cases N] [--first-seed S] [--work DIR] [--keep]\n";
        return 2;
    }
    bool temporary = options.work.empty();
    if (temporary) {
        std::string pattern = (fs::temp_directory_path() / "berkas-accuracy-XXXXXX").string();
        options.work = ::mkdtemp(pattern.data());
    }
    for (const char* folder : {"inbox", "truth", "late"})
        fs::create_directories(options.work / folder);
    std::vector<Plan> plans;
    for (size_t i = 0; i < options.cases; ++i)
        plans.push_back(plan_case(i, options.first_seed));
    std::string source = BERKAS_SOURCE_DIR;
    berkas::write_file_atomic(options.work / "berkas.yaml", "paths:\n  rules: " + source + "/rules\n  templates: " +
                                                                source + "/templates\n");
    std::string berkas = "cd " + quoted(options.work) + " && OMP_THREAD_LIMIT=1 " + BERKAS_BINARY + " run --once";
    if (options.rescore)
        forget_results(options.work);
    else if (std::cerr << "membuat " << plans.size() << " kasus di " << options.work << " …\n";
             !generate(plans, options.work))
        return 1;
    auto start = std::chrono::steady_clock::now();
    auto first = run(berkas);
    int late = options.rescore ? 0 : drop_late_files(plans, options.work, options.work / "inbox");
    auto second = run(berkas);
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (first.status != 0 || second.status != 0) {
        std::cerr << first.output << second.output;
        return 1;
    }
    std::cerr << late << " KTP susulan dijatuhkan di akar inbox\n";
    Score score;
    for (const Plan& plan : plans)
        score_case(plan, options.work / "outbox", options.work / "truth", score);
    print_report(score, seconds, pages_read(options.work));
    if (temporary && !options.keep)
        fs::remove_all(options.work);
    else
        std::cerr << "folder kerja: " << options.work << "\n";
    return 0;
}
