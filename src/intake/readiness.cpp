#include "intake/readiness.hpp"

#include <array>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <string_view>
#include <unistd.h>

namespace berkas::intake {

bool someone_is_writing(const std::filesystem::path& path)
{
    int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return false;
    bool writing = false;
    if (::fcntl(fd, F_SETLEASE, F_RDLCK) == 0)
        ::fcntl(fd, F_SETLEASE, F_UNLCK);
    else
        writing = errno == EAGAIN; // EACCES/EINVAL: not ours or not supported, so unknown
    ::close(fd);
    return writing;
}

bool pdf_looks_complete(const std::filesystem::path& path)
{
    int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return true; // not ours to judge: claiming reports the error
    std::array<char, 2048> head {}, tail {};
    ssize_t head_size = ::pread(fd, head.data(), head.size(), 0);
    off_t size = ::lseek(fd, 0, SEEK_END);
    off_t tail_start = size > static_cast<off_t>(tail.size()) ? size - static_cast<off_t>(tail.size()) : 0;
    ssize_t tail_size = ::pread(fd, tail.data(), tail.size(), tail_start);
    ::close(fd);
    std::string_view start(head.data(), head_size > 0 ? static_cast<size_t>(head_size) : 0);
    if (start.substr(0, 1024).find("%PDF-") == std::string_view::npos)
        return true;
    std::string_view end(tail.data(), tail_size > 0 ? static_cast<size_t>(tail_size) : 0);
    return end.find("%%EOF") != std::string_view::npos;
}

namespace {

bool young(const InboxFile& file, const ReadinessPolicy& policy)
{
    std::int64_t age_ns = static_cast<std::int64_t>(std::time(nullptr)) * 1'000'000'000 - file.mtime_ns;
    return age_ns < std::chrono::duration_cast<std::chrono::nanoseconds>(policy.young_age).count();
}

} // namespace

Readiness assess(const InboxFile& file, StabilityTracker& tracker, StabilityTracker::Clock::time_point now,
                 const ReadinessPolicy& policy)
{
    // An empty file is a placeholder that will be filled, until it has stayed
    // empty for young_age (or the run is --once): then it is taken, and
    // reading rejects it as empty_file so that the clerk hears of it.
    if (file.size == 0)
        return policy.take_as_is || !young(file, policy) ? Readiness::ready : Readiness::wait;
    if (!tracker.is_stable(file, now) || someone_is_writing(file.path))
        return Readiness::wait;
    if (pdf_looks_complete(file.path))
        return Readiness::ready;
    return young(file, policy) && !policy.take_as_is ? Readiness::wait : Readiness::ready;
}

} // namespace berkas::intake
