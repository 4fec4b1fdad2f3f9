#include "intake/watcher.hpp"

#include "util/log.hpp"

#include <array>
#include <cerrno>
#include <poll.h>
#include <sys/inotify.h>
#include <thread>
#include <unistd.h>

namespace berkas::intake {

namespace fs = std::filesystem;

namespace {
constexpr std::uint32_t watched_events = IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE_SELF | IN_ATTRIB;
}

Expected<WatchMode> watch_mode_from_string(std::string_view name)
{
    if (name == "auto") return WatchMode::automatic;
    if (name == "inotify") return WatchMode::inotify;
    if (name == "poll") return WatchMode::poll;
    return make_error("config", "watch.mode must be auto, inotify or poll", {}, "watch.mode");
}

Expected<InboxWatcher> InboxWatcher::create(const fs::path& inbox, WatchMode mode)
{
    if (mode == WatchMode::poll)
        return InboxWatcher(inbox, -1);
    int fd = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd < 0) {
        if (mode == WatchMode::inotify)
            return make_error("config", "inotify is not available here; use watch.mode: poll", inbox.string());
        log::warning("inotify tidak tersedia, inbox diperiksa secara berkala (polling)");
        return InboxWatcher(inbox, -1);
    }
    InboxWatcher watcher(inbox, fd);
    watcher.watch_tree(inbox);
    return watcher;
}

InboxWatcher::InboxWatcher(fs::path inbox, int fd) : m_inbox(std::move(inbox)), m_fd(fd) {}

InboxWatcher::InboxWatcher(InboxWatcher&& other) noexcept
    : m_inbox(std::move(other.m_inbox)), m_fd(other.m_fd), m_watched(std::move(other.m_watched))
{
    other.m_fd = -1;
}

InboxWatcher::~InboxWatcher()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

void InboxWatcher::watch_tree(const fs::path& folder)
{
    int wd = ::inotify_add_watch(m_fd, folder.c_str(), watched_events | IN_ONLYDIR | IN_DONT_FOLLOW);
    if (wd < 0)
        return;
    m_watched[wd] = folder;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(folder, error)) {
        if (entry.is_directory(error) && !entry.is_symlink(error))
            watch_tree(entry.path());
    }
}

void InboxWatcher::drain()
{
    alignas(inotify_event) std::array<char, 64 * 1024> buffer {};
    for (;;) {
        ssize_t got = ::read(m_fd, buffer.data(), buffer.size());
        if (got <= 0)
            return;
        for (ssize_t at = 0; at < got;) {
            auto* event = reinterpret_cast<inotify_event*>(buffer.data() + at);
            if (event->mask & IN_Q_OVERFLOW)
                log::warning("antrean inotify penuh; seluruh inbox diperiksa ulang");
            bool new_folder = (event->mask & IN_ISDIR) && (event->mask & (IN_CREATE | IN_MOVED_TO));
            if (new_folder && m_watched.count(event->wd) && event->len > 0)
                watch_tree(m_watched[event->wd] / event->name);
            if (event->mask & IN_IGNORED)
                m_watched.erase(event->wd);
            at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
        }
    }
}

bool InboxWatcher::wait(std::chrono::milliseconds timeout)
{
    if (m_fd < 0) {
        std::this_thread::sleep_for(timeout);
        return false;
    }
    pollfd polled {m_fd, POLLIN, 0};
    int ready = ::poll(&polled, 1, static_cast<int>(timeout.count()));
    if (ready <= 0)
        return false;
    drain();
    return true;
}

} // namespace berkas::intake
