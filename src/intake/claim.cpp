#include "intake/claim.hpp"

#include "util/file.hpp"
#include "util/hash.hpp"

#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <random>
#include <sys/stat.h>
#include <unistd.h>

namespace berkas::intake {

namespace fs = std::filesystem;

namespace {

struct FdCloser {
    void operator()(int* fd) const
    {
        if (*fd >= 0)
            ::close(*fd);
        delete fd;
    }
};
using UniqueFd = std::unique_ptr<int, FdCloser>;

UniqueFd adopt(int fd) { return UniqueFd(new int(fd)); }

Error errno_error(std::string_view what, const fs::path& path)
{
    int saved = errno;
    std::string code = saved == EBUSY || saved == EAGAIN || saved == ETXTBSY ? "busy"
                       : saved == ENOSPC || saved == EDQUOT                 ? "no_space"
                       : saved == EACCES || saved == EPERM                  ? "permission"
                       : saved == ELOOP                                    ? "not_regular"
                                                                            : "io";
    return Error {code, std::string(what) + ": " + std::strerror(saved), path.string(), {}};
}

std::string random_name()
{
    std::random_device device;
    std::uniform_int_distribution<unsigned long long> digits;
    return std::to_string(::getpid()) + "-" + std::to_string(digits(device));
}

void sync_directory(const fs::path& directory)
{
    int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

// Copies `from` to `to` while hashing; returns the SHA-256.
Expected<std::string> copy_hashing(int from, int to, const fs::path& source, const fs::path& target)
{
    Sha256 hash;
    std::array<char, 1 << 16> buffer {};
    for (;;) {
        ssize_t got = ::read(from, buffer.data(), buffer.size());
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return tl::unexpected(errno_error("cannot read", source));
        if (got == 0)
            break;
        hash.update(std::string_view(buffer.data(), static_cast<size_t>(got)));
        for (ssize_t written = 0; written < got;) {
            ssize_t n = ::write(to, buffer.data() + written, static_cast<size_t>(got - written));
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0)
                return tl::unexpected(errno_error("cannot write the spool copy", target));
            written += n;
        }
    }
    return hash.finish_hex();
}

} // namespace

Expected<SpooledCopy> copy_into_spool(const fs::path& original, const fs::path& spool)
{
    BERKAS_TRY(ensure_directory(spool / "tmp"));
    UniqueFd source = adopt(::open(original.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
    if (*source < 0)
        return tl::unexpected(errno_error("cannot open", original));
    struct stat info {};
    if (::fstat(*source, &info) != 0)
        return tl::unexpected(errno_error("cannot inspect", original));
    if (!S_ISREG(info.st_mode))
        return make_error("not_regular", "not a regular file", original.string());
    fs::path temporary = spool / "tmp" / random_name();
    UniqueFd target = adopt(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640));
    if (*target < 0)
        return tl::unexpected(errno_error("cannot create the spool copy", temporary));
    auto sha256 = copy_hashing(*source, *target, original, temporary);
    if (!sha256 || ::fsync(*target) != 0) {
        Error error = sha256 ? errno_error("cannot sync the spool copy", temporary) : sha256.error();
        ::unlink(temporary.c_str());
        return tl::unexpected(error);
    }
    fs::path final_path = spool / *sha256;
    // Same content, same name: a rename over an identical copy is harmless.
    if (::rename(temporary.c_str(), final_path.c_str()) != 0) {
        Error error = errno_error("cannot move the spool copy into place", final_path);
        ::unlink(temporary.c_str());
        return tl::unexpected(error);
    }
    sync_directory(spool);
    return SpooledCopy {*sha256,
                        final_path,
                        static_cast<std::uint64_t>(info.st_dev),
                        static_cast<std::uint64_t>(info.st_ino),
                        static_cast<std::uint64_t>(info.st_size),
                        static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec};
}

void clean_spool_leftovers(const fs::path& spool)
{
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(spool / "tmp", error))
        fs::remove(entry.path(), error);
}

namespace {

bool same_identity(const fs::path& path, const SpooledCopy& copied)
{
    struct stat info {};
    if (::lstat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode))
        return false;
    std::int64_t mtime = static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec;
    return static_cast<std::uint64_t>(info.st_dev) == copied.device &&
           static_cast<std::uint64_t>(info.st_ino) == copied.inode &&
           static_cast<std::uint64_t>(info.st_size) == copied.size && mtime == copied.mtime_ns;
}

fs::path free_name(const fs::path& wanted)
{
    if (!fs::exists(fs::symlink_status(wanted)))
        return wanted;
    for (int n = 1;; ++n) {
        fs::path candidate = wanted;
        candidate += "." + std::to_string(n);
        if (!fs::exists(fs::symlink_status(candidate)))
            return candidate;
    }
}

} // namespace

Expected<fs::path> archive_original(const fs::path& original, const std::string& relative, const SpooledCopy& copied,
                                    const fs::path& archive)
{
    if (!same_identity(original, copied))
        return make_error("changed", "the original changed after it was copied; it stays in the inbox",
                          original.string());
    fs::path target = free_name(archive / relative);
    BERKAS_TRY(ensure_directory(target.parent_path()));
    if (::rename(original.c_str(), target.c_str()) != 0) {
        if (errno != EXDEV)
            return tl::unexpected(errno_error("cannot archive", original));
        // The archive is on another file system: the spool copy is the proof
        // of the bytes, so copy it there and only then remove the original.
        std::error_code error;
        fs::copy_file(copied.path, target, error);
        if (error)
            return make_error("io", "cannot archive: " + error.message(), original.string());
        ::unlink(original.c_str());
    }
    sync_directory(target.parent_path());
    sync_directory(original.parent_path());
    return target;
}

} // namespace berkas::intake
