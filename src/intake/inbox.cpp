#include "intake/inbox.hpp"

#include "util/hash.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <sys/stat.h>

namespace berkas::intake {

namespace fs = std::filesystem;

bool is_ignored_name(std::string_view name)
{
    static constexpr std::array<std::string_view, 5> exact {"Thumbs.db", "desktop.ini", "@eaDir", "__MACOSX",
                                                            "$RECYCLE.BIN"};
    static constexpr std::array<std::string_view, 4> suffixes {".tmp", ".part", ".crdownload", ".partial"};
    if (name.empty() || name.front() == '.' || name.substr(0, 2) == "~$")
        return true; // hidden files, .DS_Store, ._* and Office lock files
    if (std::find(exact.begin(), exact.end(), name) != exact.end())
        return true;
    std::string lower = to_lower_ascii(name);
    return std::any_of(suffixes.begin(), suffixes.end(), [&](std::string_view suffix) {
        return lower.size() > suffix.size() && lower.compare(lower.size() - suffix.size(), suffix.size(), suffix) == 0;
    });
}

std::string case_id_for(std::string_view relative_source)
{
    std::string stem(relative_source);
    if (auto dot = stem.rfind('.'); dot != std::string::npos && dot > 0 && stem.find('/') == std::string::npos)
        stem.resize(dot);
    std::string slug;
    for (char c : to_lower_ascii(stem)) {
        bool keep = std::isalnum(static_cast<unsigned char>(c)) != 0;
        if (keep)
            slug += c;
        else if (!slug.empty() && slug.back() != '-')
            slug += '-';
        if (slug.size() >= 40)
            break;
    }
    while (!slug.empty() && slug.back() == '-')
        slug.pop_back();
    if (slug.empty())
        slug = "kasus";
    return slug + "-" + sha256_hex(relative_source).substr(0, 6);
}

namespace {

std::optional<InboxFile> describe(const fs::path& path, const fs::path& inbox)
{
    struct stat info {};
    // lstat: a link is not followed, and anything but a regular file is left alone.
    if (::lstat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode))
        return std::nullopt;
    return InboxFile {path, fs::relative(path, inbox).generic_string(), static_cast<std::uintmax_t>(info.st_size),
                      static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec};
}

std::vector<InboxFile> files_below(const fs::path& folder, const fs::path& inbox)
{
    std::vector<InboxFile> files;
    std::error_code error;
    fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, error), end;
    for (; !error && it != end; it.increment(error)) {
        if (is_ignored_name(it->path().filename().string())) {
            if (it->is_directory())
                it.disable_recursion_pending();
            continue;
        }
        if (auto file = describe(it->path(), inbox))
            files.push_back(*file);
    }
    std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.relative < b.relative; });
    return files;
}

} // namespace

Expected<std::vector<CaseSource>> scan_inbox(const fs::path& inbox)
{
    std::error_code error;
    fs::directory_iterator it(inbox, error), end;
    if (error)
        return make_error("io", "cannot read the inbox: " + error.message(), inbox.string());
    std::vector<CaseSource> cases;
    for (; it != end; it.increment(error)) {
        std::string name = it->path().filename().string();
        if (is_ignored_name(name))
            continue;
        if (it->is_directory(error) && !it->is_symlink(error)) {
            auto files = files_below(it->path(), inbox);
            if (!files.empty())
                cases.push_back(CaseSource {case_id_for(name), name, std::move(files)});
        } else if (auto file = describe(it->path(), inbox)) {
            cases.push_back(CaseSource {case_id_for(name), name, {*file}});
        }
    }
    std::sort(cases.begin(), cases.end(), [](const auto& a, const auto& b) { return a.relative < b.relative; });
    return cases;
}

bool StabilityTracker::is_stable(const InboxFile& file, Clock::time_point now)
{
    auto [entry, inserted] = m_seen.try_emplace(file.relative, Observation {file.size, file.mtime_ns, now});
    Observation& seen = entry->second;
    if (!inserted && (seen.size != file.size || seen.mtime_ns != file.mtime_ns))
        seen = Observation {file.size, file.mtime_ns, now};
    return file.size > 0 && now - seen.since >= m_delay;
}

} // namespace berkas::intake
