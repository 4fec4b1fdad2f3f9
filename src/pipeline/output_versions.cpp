#include "pipeline/output_versions.hpp"

#include "model/issued_document.hpp"
#include "util/file.hpp"

#include <charconv>
#include <string>
#include <vector>

namespace berkas::pipeline {

namespace fs = std::filesystem;

namespace {

std::vector<std::string> output_names()
{
    std::vector<std::string> names {"result.json"};
    for (IssuedDocument document : all_issued_documents)
        names.push_back(file_name(document));
    return names;
}

int highest_version(const fs::path& versions)
{
    int highest = 0;
    std::error_code error;
    for (fs::directory_iterator it(versions, error), end; !error && it != end; it.increment(error)) {
        std::string name = it->path().filename().string();
        int number = 0;
        auto [stop, failed] = std::from_chars(name.data(), name.data() + name.size(), number);
        if (failed == std::errc() && stop == name.data() + name.size())
            highest = std::max(highest, number);
    }
    return highest;
}

} // namespace

Expected<std::optional<int>> keep_previous_outputs(const fs::path& case_folder)
{
    if (!fs::exists(case_folder / "result.json"))
        return std::optional<int> {};
    fs::path versions = case_folder / "versi";
    int next = highest_version(versions) + 1;
    fs::path target = versions / std::to_string(next);
    BERKAS_TRY(ensure_directory(versions));
    BERKAS_TRY(ensure_directory(target));
    // Copied, not moved: the current files stay until they are replaced, so
    // whoever looks at the folder (and the letter-number register, which asks
    // whether a letter was written) sees them as before.
    for (const std::string& name : output_names()) {
        std::error_code error;
        if (!fs::exists(case_folder / name))
            continue;
        fs::copy_file(case_folder / name, target / name, fs::copy_options::overwrite_existing, error);
        if (error)
            return make_error("io", "cannot keep the previous " + name + ": " + error.message(),
                              (case_folder / name).string());
    }
    return std::optional<int> {next};
}

} // namespace berkas::pipeline
