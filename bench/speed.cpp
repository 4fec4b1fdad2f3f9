// bench_speed: berkas against plain Tesseract on the same pages (issue 8).
//
//   bench_speed [--cases N] [--scale K] [--inbox DIR] [--keep DIR]
//
// 1. generates N cases (default 30) with berkas-fixture, or takes --inbox;
// 2. the anchor: `tesseract -l ind --psm 3` with OMP_THREAD_LIMIT=1, two at a
//    time, on every page image at its native resolution (pdfimages -all);
// 3. `berkas run --once` on the same inbox from an empty state;
// 4. prints pages, cases, wall and CPU time of both, the ratio, berkas's peak
//    RSS and its field accuracy against the generator's truth files;
// 5. with --scale K (default 10; 0 skips it), berkas again on K×N cases.
#include "understanding/normalise.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <algorithm>
#include <cstdio>
#include <fcntl.h>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

struct Cost {
    double wall = 0;
    double cpu = 0;
    long peak_rss_kb = 0;
};

double seconds(const timeval& time) { return static_cast<double>(time.tv_sec) + time.tv_usec / 1e6; }

pid_t spawn(const std::vector<std::string>& arguments, const fs::path& folder, const fs::path& log)
{
    pid_t pid = ::fork();
    if (pid == 0) {
        if (!folder.empty() && ::chdir(folder.c_str()) != 0)
            ::_exit(126);
        int out = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
        ::dup2(out, 1);
        ::dup2(out, 2);
        ::setenv("OMP_THREAD_LIMIT", "1", 1);
        std::vector<char*> argv;
        for (const auto& argument : arguments)
            argv.push_back(const_cast<char*>(argument.c_str()));
        argv.push_back(nullptr);
        ::execvp(argv[0], argv.data());
        ::_exit(127);
    }
    return pid;
}

// Runs the commands, at most `parallel` at once; wall, CPU (user+sys of all
// descendants) and the largest RSS of any of them.
Cost run_all(const std::vector<std::vector<std::string>>& commands, int parallel, const fs::path& folder,
             const fs::path& log)
{
    auto start = std::chrono::steady_clock::now();
    Cost cost;
    size_t next = 0;
    int running = 0;
    while (next < commands.size() || running > 0) {
        while (running < parallel && next < commands.size()) {
            spawn(commands[next++], folder, log);
            ++running;
        }
        int status = 0;
        rusage usage {};
        if (::wait4(-1, &status, 0, &usage) > 0) {
            --running;
            cost.cpu += seconds(usage.ru_utime) + seconds(usage.ru_stime);
            cost.peak_rss_kb = std::max(cost.peak_rss_kb, usage.ru_maxrss);
        }
    }
    // Grandchildren (berkas's workers) are reaped by berkas: count them too.
    rusage children {};
    ::getrusage(RUSAGE_CHILDREN, &children);
    cost.peak_rss_kb = std::max(cost.peak_rss_kb, children.ru_maxrss);
    cost.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return cost;
}

// Each case's truth file → its folder; a third of the cases are bundles.
void generate_corpus(int cases, int first_seed, const fs::path& inbox, const fs::path& truths)
{
    fs::create_directories(inbox);
    fs::create_directories(truths);
    std::vector<std::vector<std::string>> commands;
    for (int i = 0; i < cases; ++i) {
        int seed = first_seed + i;
        std::string name = "pemohon-" + std::to_string(seed);
        std::vector<std::string> command {BERKAS_FIXTURE_BINARY, "case", "--seed", std::to_string(seed), "--truth",
                                          (truths / (name + ".json")).string()};
        if (i % 3 == 2) {
            command.insert(command.end(), {"--bundle", "--out", (inbox / (name + ".pdf")).string()});
        } else {
            command.insert(command.end(), {"--out", (inbox / name).string()});
            if (i % 10 == 4)
                command.insert(command.end(), {"--omit", "ktp"});
        }
        commands.push_back(command);
    }
    run_all(commands, 2, {}, truths / "fixture.log");
}

std::vector<fs::path> files_with_extension(const fs::path& root, const std::string& extension)
{
    std::vector<fs::path> found;
    for (const auto& entry : fs::recursive_directory_iterator(root))
        if (entry.is_regular_file() && entry.path().extension() == extension)
            found.push_back(entry.path());
    std::sort(found.begin(), found.end());
    return found;
}

// The anchor's inputs: every page image at its native resolution.
std::vector<fs::path> extract_page_images(const fs::path& inbox, const fs::path& images)
{
    fs::create_directories(images);
    std::vector<std::vector<std::string>> commands;
    int n = 0;
    for (const fs::path& pdf : files_with_extension(inbox, ".pdf"))
        commands.push_back({"pdfimages", "-all", pdf.string(), (images / ("f" + std::to_string(n++))).string()});
    run_all(commands, 2, {}, images / "pdfimages.log");
    std::vector<fs::path> pages;
    for (const char* extension : {".jpg", ".png", ".tif", ".ppm", ".pbm", ".pgm"})
        for (const fs::path& image : files_with_extension(images, extension))
            pages.push_back(image);
    for (const char* extension : {".jpg", ".png", ".tif"})
        for (const fs::path& image : files_with_extension(inbox, extension))
            pages.push_back(image);
    return pages;
}

struct Accuracy {
    int cases = 0, status_right = 0, nik = 0, nip = 0, nama = 0, email = 0;
};

std::string text(const json& value) { return value.is_string() ? value.get<std::string>() : std::string(); }

Accuracy measure_accuracy(const fs::path& outbox, const fs::path& truths)
{
    std::map<std::string, json> results; // by NIP and by NIK
    for (const auto& entry : fs::directory_iterator(outbox / "cases")) {
        std::ifstream stream(entry.path() / "result.json");
        json result = json::parse(stream, nullptr, false);
        if (result.is_object())
            results[text(result["case_id"])] = result;
    }
    Accuracy accuracy;
    for (const fs::path& truth_path : files_with_extension(truths, ".json")) {
        std::ifstream stream(truth_path);
        json truth = json::parse(stream, nullptr, false);
        if (!truth.is_object() || !truth.contains("nip"))
            continue;
        accuracy.cases++;
        const json* match = nullptr;
        for (const auto& [id, result] : results) {
            if (id.rfind(truth_path.stem().string(), 0) == 0)
                match = &result;
        }
        if (!match)
            continue;
        const json& applicant = (*match)["applicant"];
        bool complete = truth["documents"].size() == 4;
        accuracy.status_right += text((*match)["status"]) == (complete ? "complete" : "incomplete");
        accuracy.nik += text(applicant["nik"]) == text(truth["nik"]);
        accuracy.nip += text(applicant["nip"]) == text(truth["nip"]);
        accuracy.email += text(applicant["email"]) == text(truth["email"]);
        accuracy.nama += berkas::understanding::name_without_titles(text(applicant["nama"])) ==
                         berkas::understanding::name_without_titles(text(truth["nama"]));
    }
    return accuracy;
}

int count_pages(const fs::path& database)
{
    std::string command = "sqlite3 '" + database.string() + "' 'SELECT COUNT(*) FROM pages' 2>/dev/null";
    FILE* pipe = ::popen(command.c_str(), "r");
    int pages = 0;
    if (pipe && std::fscanf(pipe, "%d", &pages) != 1)
        pages = 0;
    if (pipe)
        ::pclose(pipe);
    return pages;
}

Cost run_berkas(const fs::path& work, const fs::path& inbox)
{
    std::ofstream(work / "berkas.yaml") << "paths:\n  inbox: " << inbox.string() << "\n  rules: " << BERKAS_SOURCE_DIR
                                        << "/rules\n  templates: " << BERKAS_SOURCE_DIR
                                        << "/templates\nintake:\n  originals: keep\n";
    return run_all({{BERKAS_BINARY, "run", "--once"}}, 1, work, work / "berkas.log");
}

double percent(int part, int whole) { return whole ? 100.0 * part / whole : 0; }

void print_accuracy(const Accuracy& a)
{
    std::printf("  accuracy over %d cases: status %.1f%%, NIK %.1f%%, NIP %.1f%%, nama %.1f%%, email %.1f%%\n", a.cases,
                percent(a.status_right, a.cases), percent(a.nik, a.cases), percent(a.nip, a.cases),
                percent(a.nama, a.cases), percent(a.email, a.cases));
}

} // namespace

int main(int argc, char** argv)
{
    int cases = 30, scale = 10;
    fs::path given_inbox, keep;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string option = argv[i];
        if (option == "--cases") cases = std::atoi(argv[i + 1]);
        else if (option == "--scale") scale = std::atoi(argv[i + 1]);
        else if (option == "--inbox") given_inbox = argv[i + 1];
        else if (option == "--keep") keep = argv[i + 1];
        else { std::cerr << "usage: bench_speed [--cases N] [--scale K] [--inbox DIR] [--keep DIR]\n"; return 2; }
    }
    fs::path work = keep.empty() ? fs::temp_directory_path() / ("berkas-bench-" + std::to_string(::getpid())) : keep;
    fs::create_directories(work);
    fs::path inbox = given_inbox.empty() ? work / "inbox" : given_inbox;
    if (given_inbox.empty())
        generate_corpus(cases, 1000, inbox, work / "truth");

    auto pages = extract_page_images(inbox, work / "pages");
    std::vector<std::vector<std::string>> anchor;
    for (const fs::path& page : pages)
        anchor.push_back({"tesseract", page.string(), "-", "-l", "ind", "--psm", "3"});
    Cost plain = run_all(anchor, 2, work, work / "anchor.log");

    fs::create_directories(work / "run1");
    Cost ours = run_berkas(work / "run1", inbox);
    int berkas_pages = count_pages(work / "run1" / "var" / "berkas.sqlite3");

    std::printf("corpus: %d cases, %zu page images for the anchor, %d pages read by berkas\n", cases, pages.size(),
                berkas_pages);
    std::printf("anchor (tesseract -l ind --psm 3, 2 parallel): wall %.1f s, cpu %.1f s, %.2f s/page wall\n",
                plain.wall, plain.cpu, plain.wall / std::max<size_t>(1, pages.size()));
    std::printf("berkas run --once (2 workers):                 wall %.1f s, cpu %.1f s, %.2f s/page wall, %.2f s/case\n",
                ours.wall, ours.cpu, ours.wall / std::max(1, berkas_pages), ours.wall / std::max(1, cases));
    std::printf("ratio berkas/anchor: wall %.2f, cpu %.2f; berkas peak RSS %.0f MB (largest process)\n",
                ours.wall / plain.wall, ours.cpu / plain.cpu, ours.peak_rss_kb / 1024.0);
    if (given_inbox.empty())
        print_accuracy(measure_accuracy(work / "run1" / "outbox", work / "truth"));

    if (scale > 1 && given_inbox.empty()) {
        fs::path big_inbox = work / "inbox-scaled";
        generate_corpus(cases * scale, 5000, big_inbox, work / "truth-scaled");
        fs::create_directories(work / "run-scaled");
        Cost scaled = run_berkas(work / "run-scaled", big_inbox);
        std::printf("berkas on %d× the cases (%d): wall %.1f s = %.2f× the time of %d cases\n", scale, cases * scale,
                    scaled.wall, scaled.wall / ours.wall, cases);
    }
    if (keep.empty())
        fs::remove_all(work);
    return 0;
}
