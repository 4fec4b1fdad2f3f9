#include "util/staging.hpp"

#include "util/file.hpp"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <unistd.h>

namespace berkas {

namespace fs = std::filesystem;

namespace {

std::string staging_prefix(const fs::path& target) { return "." + target.filename().string() + ".staging-"; }

bool process_is_alive(pid_t pid) { return pid > 0 && (::kill(pid, 0) == 0 || errno == EPERM); }

// Staging folders of the same target whose builder is gone: a crash left them.
void remove_abandoned(const fs::path& target)
{
    std::string prefix = staging_prefix(target);
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(target.parent_path(), error)) {
        std::string name = entry.path().filename().string();
        if (name.rfind(prefix, 0) != 0)
            continue;
        pid_t owner = static_cast<pid_t>(std::strtol(name.c_str() + prefix.size(), nullptr, 10));
        if (owner == ::getpid() || !process_is_alive(owner))
            fs::remove_all(entry.path(), error);
    }
}

bool sync_path(const fs::path& path, bool directory)
{
    int fd = ::open(path.c_str(), (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return false;
    bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

Expected<void> sync_tree(const fs::path& root)
{
    std::error_code error;
    for (auto it = fs::recursive_directory_iterator(root, error); !error && it != fs::recursive_directory_iterator();
         it.increment(error)) {
        if (it->is_symlink())
            continue;
        if (!sync_path(it->path(), it->is_directory()))
            return make_error("io", std::string("cannot sync: ") + std::strerror(errno), it->path().string());
    }
    if (error)
        return make_error("io", "cannot list: " + error.message(), root.string());
    if (!sync_path(root, true))
        return make_error("io", std::string("cannot sync: ") + std::strerror(errno), root.string());
    return {};
}

Error rename_error(const fs::path& from, const fs::path& to)
{
    return Error {"io", std::string("cannot move into place: ") + std::strerror(errno) + " (" + from.string() + ")",
                  to.string(), {}};
}

} // namespace

StagingFolder::StagingFolder(fs::path target, fs::path staging)
    : m_target(std::move(target))
    , m_staging(std::move(staging))
{
}

StagingFolder::StagingFolder(StagingFolder&& other) noexcept
    : m_target(std::move(other.m_target))
    , m_staging(std::move(other.m_staging))
    , m_published(other.m_published)
{
    other.m_published = true; // the moved-from object owns nothing
}

StagingFolder::~StagingFolder()
{
    if (m_published || m_staging.empty())
        return;
    std::error_code ignored;
    fs::remove_all(m_staging, ignored);
}

Expected<StagingFolder> StagingFolder::create(const fs::path& target)
{
    BERKAS_TRY(ensure_directory(target.parent_path()));
    remove_abandoned(target);
    fs::path staging = target.parent_path() / (staging_prefix(target) + std::to_string(::getpid()));
    BERKAS_TRY(ensure_directory(staging));
    return StagingFolder(target, staging);
}

Expected<void> StagingFolder::publish()
{
    BERKAS_TRY(sync_tree(m_staging));
    std::error_code error;
    bool replacing = fs::exists(m_target, error);
    if (!replacing) {
        if (::rename(m_staging.c_str(), m_target.c_str()) != 0)
            return tl::unexpected(rename_error(m_staging, m_target));
    } else if (::renameat2(AT_FDCWD, m_staging.c_str(), AT_FDCWD, m_target.c_str(), RENAME_EXCHANGE) != 0) {
        if (errno != EINVAL && errno != ENOSYS)
            return tl::unexpected(rename_error(m_staging, m_target));
        // No atomic exchange on this file system: for a moment the folder is absent, never half-written.
        fs::path old = m_staging;
        old += ".old";
        if (::rename(m_target.c_str(), old.c_str()) != 0 || ::rename(m_staging.c_str(), m_target.c_str()) != 0)
            return tl::unexpected(rename_error(m_staging, m_target));
        fs::remove_all(old, error);
    }
    m_published = true;
    if (replacing)
        fs::remove_all(m_staging, error); // after the exchange it holds the previous folder
    sync_path(m_target.parent_path(), true);
    return {};
}

} // namespace berkas
