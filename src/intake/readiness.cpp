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

Readiness assess(const InboxFile& file, StabilityTracker& tracker, StabilityTracker::Clock::time_point now,
                 const ReadinessPolicy& policy)
{
    if (!tracker.is_stable(file, now) || someone_is_writing(file.path))
        return Readiness::wait;
    if (pdf_looks_complete(file.path))
        return Readiness::ready;
    std::int64_t age_ns = static_cast<std::int64_t>(std::time(nullptr)) * 1'000'000'000 - file.mtime_ns;
    bool young = age_ns < std::chrono::duration_cast<std::chrono::nanoseconds>(policy.young_age).count();
    return young ? Readiness::wait : Readiness::ready;
}

} // namespace berkas::intake
