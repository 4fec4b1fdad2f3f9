// bench_speed: berkas against plain Tesseract on the same pages (issue 8).
//
//   bench_speed [--cases N] [--scale K] [--watch-cases M] [--first-seed S]
//               [--berkas LABEL=PATH]... [--inbox DIR] [--keep DIR]
//
// 1. generates N cases (default 30) with the corpus of the accuracy benchmark
//    (case_corpus.hpp: every packaging, 150–300 dpi, grey/colour/1-bit, skew,
//    JPEG 30–85, turned pages, defects; late KTPs loose at the inbox root), or
//    takes --inbox;
// 2. the anchor: `tesseract -l ind --psm 3` with OMP_THREAD_LIMIT=1, two at a
//    time, on every page image at its native resolution (pdfimages -all);
// 3. `berkas run --once` on the same inbox from an empty state, once per
//    --berkas binary (default: this build), so that builds are compared side
//    by side on one corpus, in one run;
// 4. prints pages, wall and CPU time of each, the ratio to the anchor, peak
//    RSS and the accuracy against the generator's truth files;
// 5. with --watch-cases M (default 4; 0 skips), `berkas watch` gets M cases one
//    at a time: how long until each case's lembar verifikasi appears, against
//    the anchor's time on that case's pages plus the stability delay;
// 6. with --scale K (default 10; 0 skips), the last binary again on K×N cases.
#include "case_corpus.hpp"

#include <sys/resource.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;
using namespace berkas::bench;
using nlohmann::json;

namespace {

constexpr double kStabilityDelaySeconds = 5.0; // berkas's default watch.stability_delay

struct Cost {
    double wall = 0;
    double cpu = 0;
    long peak_rss_kb = 0;
};

double seconds(const timeval& time) { return static_cast<double>(time.tv_sec) + time.tv_usec / 1e6; }

double seconds_since(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

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

// Runs the commands, at most `parallel` at once. CPU is user+sys of each
// command and everything it waited for (berkas waits for its workers); RSS is
// the largest of any single process among them and their descendants (wait4
// reports the larger of the child's own peak and its children's).
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
    cost.wall = seconds_since(start);
    return cost;
}

std::vector<fs::path> files_under(const fs::path& root, const std::vector<std::string>& extensions)
{
    std::vector<fs::path> found;
    auto wanted = [&](const fs::path& path) {
        return std::find(extensions.begin(), extensions.end(), path.extension().string()) != extensions.end();
    };
    if (fs::is_regular_file(root) && wanted(root))
        found.push_back(root);
    if (fs::is_directory(root))
        for (const auto& entry : fs::recursive_directory_iterator(root))
            if (entry.is_regular_file() && wanted(entry.path()))
                found.push_back(entry.path());
    std::sort(found.begin(), found.end());
    return found;
}

// The anchor's inputs for one inbox entry (a case folder or a loose file):
// every page image at its native resolution. Photos and TIFFs are given to
// tesseract as they are (it reads every page of a TIFF).
std::vector<fs::path> page_images_of(const fs::path& entry, const fs::path& images)
{
    fs::create_directories(images);
    std::vector<std::vector<std::string>> commands;
    int n = 0;
    for (const fs::path& pdf : files_under(entry, {".pdf"}))
        // DCT images stay JPEG; everything else (CCITT, JBIG2, Flate) becomes a
        // PNG of the same pixels, which tesseract reads.
        commands.push_back(
            {"pdfimages", "-j", "-png", pdf.string(), (images / ("f" + std::to_string(n++))).string()});
    run_all(commands, 2, {}, images / "pdfimages.log");
    std::vector<fs::path> pages = files_under(images, {".jpg", ".png"});
    for (const fs::path& image : files_under(entry, {".jpg", ".png", ".tif"}))
        pages.push_back(image);
    return pages;
}

using PagesByEntry = std::map<std::string, std::vector<fs::path>>;

PagesByEntry page_images(const fs::path& inbox, const fs::path& images)
{
    PagesByEntry pages;
    for (const auto& entry : fs::directory_iterator(inbox))
        pages[entry.path().filename().string()] = page_images_of(entry.path(), images / entry.path().filename());
    return pages;
}

std::vector<std::vector<std::string>> anchor_commands(const std::vector<fs::path>& pages)
{
    std::vector<std::vector<std::string>> commands;
    for (const fs::path& page : pages)
        commands.push_back({"tesseract", page.string(), "-", "-l", "ind", "--psm", "3"});
    return commands;
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

void write_config(const fs::path& work, const fs::path& inbox)
{
    fs::create_directories(work);
    std::ofstream(work / "berkas.yaml") << "paths:\n  inbox: " << inbox.string() << "\n  rules: " << BERKAS_SOURCE_DIR
                                        << "/rules\n  templates: " << BERKAS_SOURCE_DIR
                                        << "/templates\nintake:\n  originals: keep\n";
}

Cost run_berkas(const std::string& binary, const fs::path& work, const fs::path& inbox)
{
    write_config(work, inbox);
    return run_all({{binary, "run", "--once"}}, 1, work, work / "berkas.log");
}

struct Variant {
    std::string label;
    std::string binary;
};

struct Corpus {
    std::vector<Plan> plans; // empty for a given inbox
    fs::path inbox, truths;
    PagesByEntry pages;
    size_t page_count() const
    {
        size_t count = 0;
        for (const auto& [entry, images] : pages)
            count += images.size();
        return count;
    }
};

void print_cost(const char* label, const Cost& cost, const Cost& anchor, int pages)
{
    std::printf("%-22s wall %7.1f s  cpu %7.1f s  %5.2f s/page  ratio wall %.2f cpu %.2f  peak RSS %4.0f MB\n", label,
                cost.wall, cost.cpu, cost.wall / std::max(1, pages), cost.wall / anchor.wall, cost.cpu / anchor.cpu,
                cost.peak_rss_kb / 1024.0);
}

void compare_batch(const Corpus& corpus, const std::vector<Variant>& variants, const fs::path& work)
{
    std::vector<fs::path> all_pages;
    for (const auto& [entry, images] : corpus.pages)
        all_pages.insert(all_pages.end(), images.begin(), images.end());
    Cost anchor = run_all(anchor_commands(all_pages), 2, work, work / "anchor.log");
    std::printf("\ncorpus: %zu cases, %zu page images for the anchor (a multi-page TIFF counts once)\n",
                corpus.plans.size(), all_pages.size());
    print_cost("anchor (tesseract x2)", anchor, anchor, int(all_pages.size()));
    for (const Variant& variant : variants) {
        const fs::path run = work / ("run-" + variant.label);
        Cost cost = run_berkas(variant.binary, run, corpus.inbox);
        const int pages = count_pages(run / "var" / "berkas.sqlite3");
        print_cost(("berkas " + variant.label).c_str(), cost, anchor, pages);
        std::printf("  %d pages read, %.2f s/case\n", pages, cost.wall / std::max<size_t>(1, corpus.plans.size()));
        if (corpus.plans.empty())
            continue;
        Score score;
        for (const Plan& plan : corpus.plans)
            score_case(plan, run / "outbox", corpus.truths, score);
        print_summary(score);
    }
}

// --- watch latency ---------------------------------------------------------

// The case folder of `plan` once its lembar verifikasi covers all its documents.
bool case_is_done(const fs::path& outbox, const Plan& plan)
{
    std::error_code error;
    for (fs::directory_iterator it(outbox / "cases", error), end; !error && it != end; it.increment(error)) {
        if (it->path().filename().string().rfind(plan.name + "-", 0) != 0)
            continue;
        if (!fs::exists(it->path() / "lembar-verifikasi.pdf"))
            return false;
        std::ifstream stream(it->path() / "result.json");
        json result = json::parse(stream, nullptr, false);
        return result.is_object() && result.value("documents", json::array()).size() >= plan.expected_documents.size();
    }
    return false;
}

// Waits for `pid` to exit after SIGTERM, killing it after 30 s.
void stop(pid_t pid)
{
    ::kill(pid, SIGTERM);
    for (int i = 0; i < 300; ++i) {
        if (::waitpid(pid, nullptr, WNOHANG) == pid)
            return;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ::kill(pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
}

// Plans whose whole case arrives as one inbox entry with nothing missing.
std::vector<const Plan*> watch_plans(const Corpus& corpus, int count)
{
    std::vector<const Plan*> chosen;
    for (const Plan& plan : corpus.plans) {
        if (int(chosen.size()) >= count)
            break;
        if (plan.packaging != Packaging::late_ktp && plan.expected_documents.size() == common_types.size())
            chosen.push_back(&plan);
    }
    return chosen;
}

std::string entry_of(const Corpus& corpus, const Plan& plan)
{
    for (const auto& [entry, images] : corpus.pages)
        if (entry == plan.name || fs::path(entry).stem() == plan.name)
            return entry;
    return {};
}

void measure_watch(const Corpus& corpus, const std::vector<Variant>& variants, int count, const fs::path& work)
{
    const auto plans = watch_plans(corpus, count);
    std::map<std::string, double> anchor_wall;
    for (const Plan* plan : plans) {
        const auto& pages = corpus.pages.at(entry_of(corpus, *plan));
        anchor_wall[plan->name] = run_all(anchor_commands(pages), 2, work, work / "anchor-watch.log").wall;
    }
    std::printf("\nwatch: one case at a time into an idle `berkas watch` (stability delay %.0f s)\n",
                kStabilityDelaySeconds);
    for (const Variant& variant : variants) {
        const fs::path run = work / ("watch-" + variant.label);
        fs::create_directories(run / "inbox");
        fs::create_directories(run / "staging");
        write_config(run, run / "inbox");
        const pid_t watcher = spawn({variant.binary, "watch"}, run, run / "berkas.log");
        std::this_thread::sleep_for(std::chrono::seconds(3)); // workers start, Tesseract loads
        for (const Plan* plan : plans) {
            const std::string entry = entry_of(corpus, *plan);
            fs::copy(corpus.inbox / entry, run / "staging" / entry, fs::copy_options::recursive);
            const auto dropped = std::chrono::steady_clock::now();
            fs::rename(run / "staging" / entry, run / "inbox" / entry);
            while (!case_is_done(run / "outbox", *plan) && seconds_since(dropped) < 180)
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            const double latency = seconds_since(dropped);
            const double ocr = anchor_wall[plan->name];
            std::printf("  %-10s %-14s %s: %zu pages, anchor %.1f s, sheet after %.1f s = %.1f s + delay "
                        "(%.2f× the anchor; target ≤ 1.5×)\n",
                        variant.label.c_str(), plan->name.c_str(), name_of(plan->packaging),
                        corpus.pages.at(entry).size(), ocr, latency, latency - kStabilityDelaySeconds,
                        (latency - kStabilityDelaySeconds) / ocr);
        }
        stop(watcher);
    }
}

// --- setup -----------------------------------------------------------------

Corpus make_corpus(int cases, std::uint32_t first_seed, const fs::path& work)
{
    Corpus corpus;
    for (int i = 0; i < cases; ++i)
        corpus.plans.push_back(plan_case(size_t(i), first_seed));
    for (const char* folder : {"inbox", "truth", "late"})
        fs::create_directories(work / folder);
    std::cerr << "membuat " << cases << " kasus di " << work << " …\n";
    if (!generate(corpus.plans, work))
        std::exit(1);
    // Everything arrives at once, the late KTPs loose at the inbox root.
    drop_late_files(corpus.plans, work, work / "inbox");
    corpus.inbox = work / "inbox";
    corpus.truths = work / "truth";
    corpus.pages = page_images(corpus.inbox, work / "pages");
    return corpus;
}

void measure_scale(const Variant& variant, int cases, int scale, std::uint32_t first_seed, const fs::path& work)
{
    const fs::path small = work / "scale-1", large = work / "scale-k";
    std::vector<Plan> plans;
    for (int i = 0; i < cases * scale; ++i)
        plans.push_back(plan_case(size_t(i), first_seed));
    for (const fs::path& folder : {small, large}) {
        for (const char* sub : {"inbox", "truth", "late"})
            fs::create_directories(folder / sub);
    }
    const std::vector<Plan> first(plans.begin(), plans.begin() + cases);
    if (!generate(first, small) || !generate(plans, large))
        std::exit(1);
    drop_late_files(first, small, small / "inbox");
    drop_late_files(plans, large, large / "inbox");
    const Cost one = run_berkas(variant.binary, small / "run", small / "inbox");
    const Cost many = run_berkas(variant.binary, large / "run", large / "inbox");
    std::printf("\nscale (berkas %s): %d cases %.1f s (%d pages), %d cases %.1f s (%d pages): %.2f× the time for "
                "%d× the cases (target ≤ 10.5× for 10×); peak RSS %.0f MB\n",
                variant.label.c_str(), cases, one.wall, count_pages(small / "run" / "var" / "berkas.sqlite3"),
                cases * scale, many.wall, count_pages(large / "run" / "var" / "berkas.sqlite3"), many.wall / one.wall,
                scale, many.peak_rss_kb / 1024.0);
}

struct Options {
    int cases = 30, scale = 10, watch_cases = 4;
    std::uint32_t first_seed = 7000;
    std::vector<Variant> variants;
    fs::path inbox, keep;
};

bool parse(int argc, char** argv, Options& options)
{
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string option = argv[i], value = argv[i + 1];
        if (option == "--cases")
            options.cases = std::atoi(value.c_str());
        else if (option == "--scale")
            options.scale = std::atoi(value.c_str());
        else if (option == "--watch-cases")
            options.watch_cases = std::atoi(value.c_str());
        else if (option == "--first-seed")
            options.first_seed = std::uint32_t(std::strtoul(value.c_str(), nullptr, 10));
        else if (option == "--inbox")
            options.inbox = value;
        else if (option == "--keep")
            options.keep = value;
        else if (option == "--berkas" && value.find('=') != std::string::npos)
            options.variants.push_back({value.substr(0, value.find('=')), value.substr(value.find('=') + 1)});
        else
            return false;
    }
    if (argc % 2 == 0)
        return false;
    if (options.variants.empty())
        options.variants.push_back({"ini", BERKAS_BINARY});
    return options.cases > 0;
}

} // namespace

int main(int argc, char** argv)
{
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // figures appear as they are measured, even when redirected
    Options options;
    if (!parse(argc, argv, options)) {
        std::cerr << "usage: bench_speed [--cases N] [--scale K] [--watch-cases M] [--first-seed S]\n"
                     "                   [--berkas LABEL=PATH]... [--inbox DIR] [--keep DIR]\n";
        return 2;
    }
    const fs::path work =
        options.keep.empty() ? fs::temp_directory_path() / ("berkas-bench-" + std::to_string(::getpid())) : options.keep;
    fs::create_directories(work);
    Corpus corpus;
    if (options.inbox.empty()) {
        corpus = make_corpus(options.cases, options.first_seed, work);
    } else {
        corpus.inbox = options.inbox;
        corpus.pages = page_images(corpus.inbox, work / "pages");
    }
    compare_batch(corpus, options.variants, work);
    if (options.watch_cases > 0 && !corpus.plans.empty())
        measure_watch(corpus, options.variants, options.watch_cases, work);
    if (options.scale > 1 && options.inbox.empty())
        measure_scale(options.variants.back(), options.cases, options.scale, options.first_seed + 100000, work);
    if (options.keep.empty())
        fs::remove_all(work);
    return 0;
}
