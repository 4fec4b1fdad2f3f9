#pragma once
// The generated corpus of the benchmarks: cases planned by index with every
// packaging, scanner setting and defect of the accuracy issue (issue 5), made
// with berkas-fixture, and scored against the generator's truth files.
// Shared by bench_accuracy and bench_speed, so that speed is measured on the
// corpus whose accuracy is known.
#include <cstdint>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace berkas::bench {

namespace fs = std::filesystem;

extern const std::vector<std::string> common_types;

enum class Packaging { folder, bundle_shuffled, late_ktp, bundle_tiff, phone_ktp, born_digital, bundle_in_order };
enum class Defect { none, missing, other_person, birthdate, gmail, unreadable, blank_page };

struct Plan {
    std::uint32_t seed = 0;
    std::string name; // kasus-<seed>: the folder or bundle stem in the inbox
    Packaging packaging = Packaging::folder;
    Defect defect = Defect::none;
    std::string defect_type; // the document a missing/unreadable defect concerns
    std::vector<std::string> scanner; // fixture options
    std::string description;
    std::vector<std::string> expected_documents;
    std::set<std::string> expected_codes;
};

struct Counts {
    int true_positive = 0, false_positive = 0, false_negative = 0;
};

struct Score {
    int cases = 0, status_right = 0;
    int documents_expected = 0, documents_right = 0, documents_spurious = 0;
    std::map<std::string, int> field_right; // nik, nip, nama, email
    std::map<std::string, Counts> codes;
    int complete_though_missing_or_foreign = 0;
    std::map<std::string, std::pair<int, int>> by_packaging, by_defect; // right, total
    std::vector<std::string> misses;
};

const char* name_of(Packaging packaging);
const char* name_of(Defect defect);

// Case i of a corpus whose first seed is first_seed.
Plan plan_case(size_t i, std::uint32_t first_seed);

// Writes the cases into work/inbox, their truth into work/truth and the late
// KTPs into work/late, on two cores; false (with the output on stderr) on failure.
bool generate(const std::vector<Plan>& plans, const fs::path& work);

// Moves the late KTPs from work/late into `inbox`, loose at its root; how many.
int drop_late_files(const std::vector<Plan>& plans, const fs::path& work, const fs::path& inbox);

void score_case(const Plan& plan, const fs::path& outbox, const fs::path& truths, Score& score);

std::string percent(int part, int whole);

// The whole accuracy table, in Indonesian, as the note quotes it.
void print_report(const Score& score, double seconds, int pages);

// One line: classification, NIK, NIP, nama, e-mail, case status, and the
// count of cases called complete though a document was missing or foreign.
void print_summary(const Score& score);

} // namespace berkas::bench
