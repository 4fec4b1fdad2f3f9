#include "case_corpus.hpp"

#include "model/identity.hpp"
#include "support/command.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <iostream>

namespace berkas::bench {

using nlohmann::json;
using berkas::testing::quoted;
using berkas::testing::read_json;
using berkas::testing::run;

const std::vector<std::string> common_types {"surat_permohonan", "formulir_bsre", "ktp", "sk_terakhir"};

namespace {

// The next common type from `index` on that `avoid` does not rule out.
std::string pick_type(size_t index, const std::set<std::string>& avoid)
{
    for (size_t step = 0; step < common_types.size(); ++step) {
        const std::string& type = common_types[(index + step) % common_types.size()];
        if (!avoid.count(type))
            return type;
    }
    return common_types.front();
}

std::vector<std::string> scanner_for(size_t i, Packaging packaging, std::string& description)
{
    static const int dpis[] = {150, 200, 300, 250};
    static const char* colours[] = {"grey", "colour", "bw"};
    static const int qualities[] = {85, 30, 50, 65, 75};
    int dpi = dpis[i % 4];
    // A multi-page TIFF comes from a batch scanner in black and white (CCITT G4).
    std::string colour = packaging == Packaging::bundle_tiff ? "bw" : colours[(i / 2) % 3];
    int skew = static_cast<int>(i % 3) + 1;
    int quality = qualities[i % 5];
    std::vector<std::string> options {"--dpi", std::to_string(dpi), "--colour", colour, "--skew",
                                      std::to_string(skew), "--jpeg-quality", std::to_string(quality)};
    description = std::to_string(dpi) + " dpi " + colour + ", miring ≤" + std::to_string(skew) + "°, JPEG " +
                  std::to_string(quality);
    if (i % 5 == 2) { // a page fed in sideways or upside down
        static const char* turned_types[] = {"surat_permohonan", "sk_terakhir", "formulir_bsre", "ktp"};
        static const int degrees[] = {90, 180, 270};
        std::string type = turned_types[(i / 5) % 4];
        if (packaging == Packaging::phone_ktp && type == "ktp")
            type = "sk_terakhir";
        if (packaging == Packaging::born_digital && type == "surat_permohonan")
            type = "formulir_bsre";
        int turn = degrees[(i / 5) % 3];
        options.insert(options.end(), {"--rotate", type + ":" + std::to_string(turn)});
        description += ", " + type + " diputar " + std::to_string(turn) + "°";
    }
    return options;
}

void apply_defect(Plan& plan, size_t i)
{
    static const Defect cycle[] = {Defect::none,       Defect::missing,   Defect::other_person, Defect::birthdate,
                                   Defect::gmail,      Defect::unreadable, Defect::blank_page,  Defect::none,
                                   Defect::none,       Defect::none};
    plan.defect = cycle[(i * 3) % 10];
    std::set<std::string> avoid;
    if (plan.packaging == Packaging::late_ktp || plan.packaging == Packaging::phone_ktp)
        avoid.insert("ktp"); // the KTP is the point of these packagings
    if (plan.packaging == Packaging::born_digital)
        avoid.insert("surat_permohonan"); // an ink blot does not hide a text layer
    if (plan.defect == Defect::missing) {
        plan.defect_type = pick_type(i / 10, avoid);
        plan.expected_codes.insert("missing:" + plan.defect_type);
    } else if (plan.defect == Defect::unreadable) {
        plan.defect_type = pick_type(i / 10 + 1, avoid);
        plan.expected_codes.insert("unreadable:" + plan.defect_type);
    } else if (plan.defect == Defect::other_person) {
        plan.expected_codes.insert("other_person:sk_terakhir");
    } else if (plan.defect == Defect::birthdate) {
        plan.expected_codes.insert("nik_nip_birthdate_mismatch");
    } else if (plan.defect == Defect::gmail) {
        plan.expected_codes.insert("email_not_go_id");
    }
}


std::vector<std::string> defect_options(const Plan& plan)
{
    switch (plan.defect) {
    case Defect::missing: return {"--omit", plan.defect_type};
    case Defect::other_person: return {"--sk-of-other-person"};
    case Defect::birthdate: return {"--nip-birthdate-mismatch"};
    case Defect::gmail: return {"--email-domain", "gmail.com"};
    case Defect::unreadable: return {"--unreadable", plan.defect_type};
    case Defect::blank_page: return {"--blank-page"};
    case Defect::none: return {};
    }
    return {};
}

std::string join(const std::vector<std::string>& words)
{
    std::string line;
    for (const std::string& word : words)
        line += (line.empty() ? "" : " ") + (word.find_first_of(" '") == std::string::npos ? word : "'" + word + "'");
    return line;
}

// The fixture commands of one case: the case itself and, for a late KTP, the KTP alone.
std::vector<std::string> fixture_commands(const Plan& plan, const fs::path& work)
{
    std::vector<std::string> base {BERKAS_FIXTURE_BINARY, "case", "--seed", std::to_string(plan.seed)};
    base.insert(base.end(), plan.scanner.begin(), plan.scanner.end());
    auto defects = defect_options(plan);
    base.insert(base.end(), defects.begin(), defects.end());
    std::vector<std::string> main = base;
    fs::path inbox = work / "inbox";
    switch (plan.packaging) {
    case Packaging::bundle_shuffled:
        main.insert(main.end(), {"--bundle", "--shuffle", "--out", (inbox / (plan.name + ".pdf")).string()});
        break;
    case Packaging::bundle_in_order:
        main.insert(main.end(), {"--bundle", "--out", (inbox / (plan.name + ".pdf")).string()});
        break;
    case Packaging::bundle_tiff:
        main.insert(main.end(), {"--bundle", "--tiff", "--out", (inbox / (plan.name + ".tif")).string()});
        break;
    case Packaging::late_ktp:
        main.insert(main.end(), {"--omit", "ktp", "--out", (inbox / plan.name).string()});
        break;
    case Packaging::phone_ktp:
        main.insert(main.end(), {"--ktp-format", "jpg", "--out", (inbox / plan.name).string()});
        break;
    case Packaging::born_digital:
        main.insert(main.end(), {"--born-digital", "surat_permohonan", "--out", (inbox / plan.name).string()});
        break;
    case Packaging::folder:
        main.insert(main.end(), {"--out", (inbox / plan.name).string()});
        break;
    }
    main.insert(main.end(), {"--truth", (work / "truth" / (plan.name + ".json")).string()});
    std::vector<std::string> commands {join(main)};
    if (plan.packaging == Packaging::late_ktp) {
        std::vector<std::string> ktp = base;
        ktp.insert(ktp.end(), {"--omit", "surat_permohonan", "--omit", "formulir_bsre", "--omit", "sk_terakhir",
                               "--out", (work / "late" / plan.name).string()});
        commands.push_back(join(ktp));
    }
    return commands;
}

fs::path result_folder(const fs::path& outbox, const Plan& plan)
{
    std::error_code error;
    for (fs::directory_iterator it(outbox / "cases", error), end; !error && it != end; it.increment(error))
        if (it->path().filename().string().rfind(plan.name + "-", 0) == 0)
            return it->path();
    return {};
}

std::set<std::string> found_codes(const json& result)
{
    std::set<std::string> codes;
    for (const json& problem : result.value("problems", json::array()))
        codes.insert(problem.value("code", ""));
    return codes;
}

void score_documents(const Plan& plan, const json& result, Score& score)
{
    std::multiset<std::string> expected(plan.expected_documents.begin(), plan.expected_documents.end());
    score.documents_expected += static_cast<int>(expected.size());
    for (const json& document : result.value("documents", json::array())) {
        auto match = expected.find(document.value("type", ""));
        if (match != expected.end()) {
            expected.erase(match);
            score.documents_right++;
        } else {
            score.documents_spurious++;
        }
    }
}

std::string value_of(const json& object, const char* key)
{
    return object.contains(key) && object[key].is_string() ? object[key].get<std::string>() : "";
}

void score_fields(const json& truth, const json& applicant, Score& score)
{
    for (const char* field : {"nik", "nip", "email"})
        if (!value_of(truth, field).empty() && value_of(applicant, field) == value_of(truth, field))
            score.field_right[field]++;
    if (name_without_titles(value_of(applicant, "nama")) == name_without_titles(value_of(truth, "nama")))
        score.field_right["nama"]++;
}

void score_codes(const Plan& plan, const std::set<std::string>& found, Score& score)
{
    for (const std::string& code : plan.expected_codes)
        (found.count(code) ? score.codes[code].true_positive : score.codes[code].false_negative)++;
    for (const std::string& code : found)
        if (!plan.expected_codes.count(code))
            score.codes[code].false_positive++;
}


// --- Report ----------------------------------------------------------------

} // namespace

const char* name_of(Packaging packaging)
{
    switch (packaging) {
    case Packaging::folder: return "folder";
    case Packaging::bundle_shuffled: return "bundel PDF acak";
    case Packaging::late_ktp: return "KTP susulan";
    case Packaging::bundle_tiff: return "bundel TIFF";
    case Packaging::phone_ktp: return "foto KTP (ponsel)";
    case Packaging::born_digital: return "surat digital";
    case Packaging::bundle_in_order: return "bundel PDF urut";
    }
    return "?";
}

const char* name_of(Defect defect)
{
    switch (defect) {
    case Defect::none: return "tanpa cacat";
    case Defect::missing: return "dokumen kurang";
    case Defect::other_person: return "SK orang lain";
    case Defect::birthdate: return "tgl lahir NIK/NIP beda";
    case Defect::gmail: return "email gmail";
    case Defect::unreadable: return "dokumen tak terbaca";
    case Defect::blank_page: return "halaman kosong";
    }
    return "?";
}

Plan plan_case(size_t i, std::uint32_t first_seed)
{
    static const Packaging packagings[] = {Packaging::folder,      Packaging::bundle_shuffled, Packaging::late_ktp,
                                           Packaging::bundle_tiff, Packaging::phone_ktp,       Packaging::born_digital,
                                           Packaging::bundle_in_order};
    Plan plan;
    plan.seed = first_seed + static_cast<std::uint32_t>(i);
    plan.name = "kasus-" + std::to_string(plan.seed);
    plan.packaging = packagings[i % 7];
    plan.scanner = scanner_for(i, plan.packaging, plan.description);
    apply_defect(plan, i);
    for (const std::string& type : common_types)
        if (!(plan.defect == Defect::missing && plan.defect_type == type))
            plan.expected_documents.push_back(type);
    return plan;
}

bool generate(const std::vector<Plan>& plans, const fs::path& work)
{
    // Two shells, half of the cases each: the machine has two cores.
    std::string scripts[2];
    for (size_t i = 0; i < plans.size(); ++i)
        for (const std::string& command : fixture_commands(plans[i], work))
            scripts[i % 2] += command + " > /dev/null || exit 1\n";
    for (int half = 0; half < 2; ++half)
        if (!berkas::write_file_atomic(work / ("generate-" + std::to_string(half) + ".sh"), scripts[half]))
            return false;
    auto generated = run("sh " + quoted(work / "generate-0.sh") + " & sh " + quoted(work / "generate-1.sh") +
                         " & wait %1 && wait %2");
    if (generated.status != 0)
        std::cerr << generated.output;
    return generated.status == 0;
}

void score_case(const Plan& plan, const fs::path& outbox, const fs::path& truths, Score& score)
{
    score.cases++;
    fs::path folder = result_folder(outbox, plan);
    json result = folder.empty() ? json::object() : read_json(folder / "result.json");
    json truth = read_json(truths / (plan.name + ".json"));
    bool expect_complete = plan.expected_codes.empty();
    std::string status = result.value("status", "tidak ada");
    bool right = status == (expect_complete ? "complete" : "incomplete");
    score.status_right += right ? 1 : 0;
    auto tally = [&](std::pair<int, int>& bucket) { bucket.first += right ? 1 : 0; bucket.second++; };
    tally(score.by_packaging[name_of(plan.packaging)]);
    tally(score.by_defect[name_of(plan.defect)]);
    bool missing_or_foreign = std::any_of(plan.expected_codes.begin(), plan.expected_codes.end(), [](const std::string& c) {
        return c.rfind("missing:", 0) == 0 || c.rfind("other_person:", 0) == 0;
    });
    if (missing_or_foreign && status == "complete")
        score.complete_though_missing_or_foreign++;
    score_documents(plan, result, score);
    score_fields(truth, result.value("applicant", json::object()), score);
    std::set<std::string> found = found_codes(result);
    score_codes(plan, found, score);
    if (!right || found != plan.expected_codes) {
        std::string line = plan.name + " [" + name_of(plan.packaging) + "; " + plan.description + "; " +
                           name_of(plan.defect) + (plan.defect_type.empty() ? "" : " " + plan.defect_type) +
                           "]: status " + status + ", masalah {";
        for (const std::string& code : found)
            line += " " + code;
        line += " }, diharapkan {";
        for (const std::string& code : plan.expected_codes)
            line += " " + code;
        score.misses.push_back(line + " }");
    }
}

std::string percent(int part, int whole)
{
    char text[32];
    std::snprintf(text, sizeof text, "%5.1f %% (%d/%d)", whole ? 100.0 * part / whole : 0.0, part, whole);
    return text;
}

void print_report(const Score& score, double seconds, int pages)
{
    std::printf("\nAkurasi berkas pada %d kasus buatan (%d halaman, %.0f dtk)\n\n", score.cases, pages, seconds);
    std::printf("| ukuran | nilai |\n|---|---|\n");
    std::printf("| klasifikasi dokumen | %s |\n", percent(score.documents_right, score.documents_expected).c_str());
    std::printf("| dokumen tambahan/tak dikenal | %d |\n", score.documents_spurious);
    for (const char* field : {"nik", "nip", "nama", "email"}) {
        auto found = score.field_right.find(field);
        std::printf("| %s tepat sama | %s |\n", field,
                    percent(found == score.field_right.end() ? 0 : found->second, score.cases).c_str());
    }
    std::printf("| status kasus | %s |\n", percent(score.status_right, score.cases).c_str());
    std::printf("| lengkap padahal dokumen kurang/milik orang lain | %d |\n", score.complete_though_missing_or_foreign);
    std::printf("\n| kode masalah | TP | FP | FN | presisi | recall |\n|---|---|---|---|---|---|\n");
    for (const auto& [code, counts] : score.codes) {
        int flagged = counts.true_positive + counts.false_positive;
        int actual = counts.true_positive + counts.false_negative;
        std::printf("| %s | %d | %d | %d | %s | %s |\n", code.c_str(), counts.true_positive, counts.false_positive,
                    counts.false_negative, flagged ? percent(counts.true_positive, flagged).c_str() : "-",
                    actual ? percent(counts.true_positive, actual).c_str() : "-");
    }
    for (const auto* table : {&score.by_packaging, &score.by_defect}) {
        std::printf("\n| %s | status benar |\n|---|---|\n", table == &score.by_packaging ? "kemasan" : "cacat");
        for (const auto& [name, bucket] : *table)
            std::printf("| %s | %s |\n", name.c_str(), percent(bucket.first, bucket.second).c_str());
    }
    if (!score.misses.empty()) {
        std::printf("\nKasus yang tidak sesuai harapan:\n");
        for (const std::string& miss : score.misses)
            std::printf("- %s\n", miss.c_str());
    }
}

int drop_late_files(const std::vector<Plan>& plans, const fs::path& work, const fs::path& inbox)
{
    int dropped = 0;
    for (const Plan& plan : plans) {
        if (plan.packaging != Packaging::late_ktp)
            continue;
        std::error_code error;
        fs::rename(work / "late" / plan.name / "ktp.pdf", inbox / ("ktp-" + plan.name + "-susulan.pdf"), error);
        dropped += error ? 0 : 1;
    }
    return dropped;
}

void print_summary(const Score& score)
{
    auto field = [&](const char* name) {
        auto found = score.field_right.find(name);
        return percent(found == score.field_right.end() ? 0 : found->second, score.cases);
    };
    std::printf("  akurasi: klasifikasi %s, NIK %s, NIP %s, nama %s, email %s, status %s, "
                "lengkap padahal kurang/milik orang lain %d\n",
                percent(score.documents_right, score.documents_expected).c_str(), field("nik").c_str(),
                field("nip").c_str(), field("nama").c_str(), field("email").c_str(),
                percent(score.status_right, score.cases).c_str(), score.complete_though_missing_or_foreign);
    for (const std::string& miss : score.misses)
        std::printf("    - %s\n", miss.c_str());
}

} // namespace berkas::bench
