#include "util/file.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace berkas {

namespace {

Error system_error(std::string_view what, const std::filesystem::path& path)
{
    return Error {"io", std::string(what) + ": " + std::strerror(errno), path.string(), {}};
}

void sync_directory(const std::filesystem::path& directory)
{
    int fd = ::open(directory.empty() ? "." : directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return;
    ::fsync(fd);
    ::close(fd);
}

} // namespace

bool write_all(int fd, std::string_view content)
{
    while (!content.empty()) {
        ssize_t written = ::write(fd, content.data(), content.size());
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            return false;
        content.remove_prefix(static_cast<size_t>(written));
    }
    return true;
}

Expected<std::string> read_file(const std::filesystem::path& path)
{
    std::ifstream stream(path, std::ios::binary);
    if (!stream)
        return make_error("io", std::string("cannot open: ") + std::strerror(errno), path.string());
    std::ostringstream buffer;
    buffer << stream.rdbuf();
    return buffer.str();
}

Expected<void> write_file_atomic(const std::filesystem::path& path, std::string_view content, Visibility visibility)
{
    std::filesystem::path temporary = path;
    temporary += ".tmp." + std::to_string(::getpid());
    mode_t mode = visibility == Visibility::restricted ? 0640 : 0644;
    int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, mode);
    if (fd < 0)
        return tl::unexpected(system_error("cannot create", temporary));
    ::fchmod(fd, mode); // the umask must not widen or narrow what we promised
    bool ok = write_all(fd, content) && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok || ::rename(temporary.c_str(), path.c_str()) != 0) {
        Error error = system_error("cannot write", path);
        ::unlink(temporary.c_str());
        return tl::unexpected(error);
    }
    sync_directory(path.parent_path());
    return {};
}

Expected<void> ensure_directory(const std::filesystem::path& path, Visibility visibility)
{
    std::error_code error;
    std::filesystem::create_directories(path, error);
    if (error)
        return make_error("io", "cannot create folder: " + error.message(), path.string());
    ::chmod(path.c_str(), visibility == Visibility::restricted ? 0750 : 0755);
    return {};
}

} // namespace berkas
