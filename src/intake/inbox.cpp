#include "intake/inbox.hpp"

#include "util/hash.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
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

const char* odd_kind(mode_t mode)
{
    if (S_ISLNK(mode)) return "symlink";
    if (S_ISFIFO(mode)) return "fifo";
    if (S_ISSOCK(mode)) return "socket";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "device";
    return "unknown";
}

// lstat, never stat: a link is reported, not followed.
void visit(const fs::path& path, const fs::path& inbox, std::vector<InboxFile>& files, std::vector<OddEntry>& odd)
{
    struct stat info {};
    // lexically: resolving would follow the very links we must not follow
    std::string relative = path.lexically_relative(inbox).generic_string();
    if (::lstat(path.c_str(), &info) != 0)
        return; // vanished while we looked: the next scan decides
    if (S_ISREG(info.st_mode)) {
        files.push_back(InboxFile {path, relative, static_cast<std::uintmax_t>(info.st_size),
                                   static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec,
                                   static_cast<std::uint64_t>(info.st_dev), static_cast<std::uint64_t>(info.st_ino), {}});
    } else if (!S_ISDIR(info.st_mode)) {
        odd.push_back(OddEntry {relative, odd_kind(info.st_mode)});
    }
}

std::vector<InboxFile> files_below(const fs::path& folder, const fs::path& inbox, std::vector<OddEntry>& odd)
{
    std::vector<InboxFile> files;
    std::error_code error;
    // Symlinked folders are not followed (the default), so a link loop cannot hang the scan.
    fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, error), end;
    for (; !error && it != end; it.increment(error)) {
        if (is_ignored_name(it->path().filename().string())) {
            if (it->is_directory(error) && !it->is_symlink(error))
                it.disable_recursion_pending();
            continue;
        }
        visit(it->path(), inbox, files, odd);
    }
    std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.relative < b.relative; });
    return files;
}

bool is_real_directory(const fs::path& path)
{
    struct stat info {};
    return ::lstat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode);
}

} // namespace

Expected<InboxListing> list_inbox(const fs::path& inbox)
{
    std::error_code error;
    fs::directory_iterator it(inbox, error), end;
    if (error)
        return make_error("io", "cannot read the inbox: " + error.message(), inbox.string());
    InboxListing listing;
    for (; it != end; it.increment(error)) {
        std::string name = it->path().filename().string();
        if (is_ignored_name(name))
            continue;
        if (is_real_directory(it->path())) {
            auto files = files_below(it->path(), inbox, listing.odd_entries);
            if (!files.empty())
                listing.cases.push_back(CaseSource {case_id_for(name), name, std::move(files)});
            continue;
        }
        std::vector<InboxFile> single;
        visit(it->path(), inbox, single, listing.odd_entries);
        if (!single.empty())
            listing.cases.push_back(CaseSource {case_id_for(name), name, std::move(single)});
    }
    std::sort(listing.cases.begin(), listing.cases.end(),
              [](const auto& a, const auto& b) { return a.relative < b.relative; });
    return listing;
}

std::string printable_name(std::string_view name)
{
    std::string shown;
    size_t i = 0;
    while (i < name.size()) {
        auto byte = static_cast<unsigned char>(name[i]);
        size_t length = byte < 0x80 ? 1 : (byte >> 5) == 0x6 ? 2 : (byte >> 4) == 0xe ? 3 : (byte >> 3) == 0x1e ? 4 : 0;
        bool valid = length > 1 && i + length <= name.size();
        for (size_t k = 1; valid && k < length; ++k)
            valid = (static_cast<unsigned char>(name[i + k]) & 0xc0) == 0x80;
        if (length == 1 && byte >= 0x20 && byte != 0x7f && byte != '\\') {
            shown += name[i++];
        } else if (valid) {
            shown.append(name.substr(i, length));
            i += length;
        } else {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\x%02x", byte);
            shown += escaped;
            ++i;
        }
    }
    return shown;
}

bool StabilityTracker::is_stable(const InboxFile& file, Clock::time_point now)
{
    auto [entry, inserted] = m_seen.try_emplace(file.relative, Observation {file.size, file.mtime_ns, now});
    Observation& seen = entry->second;
    if (!inserted && (seen.size != file.size || seen.mtime_ns != file.mtime_ns))
        seen = Observation {file.size, file.mtime_ns, now};
    return file.size > 0 && now - seen.since >= m_delay;
}

std::optional<StabilityTracker::Clock::time_point> StabilityTracker::next_settle_time(Clock::time_point now) const
{
    std::optional<Clock::time_point> earliest;
    for (const auto& [relative, seen] : m_seen) {
        const auto settles = seen.since + m_delay;
        if (settles > now && (!earliest || settles < *earliest))
            earliest = settles;
    }
    return earliest;
}

} // namespace berkas::intake
