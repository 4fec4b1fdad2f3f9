#pragma once
// Wakes the intake when something may have arrived. With inotify it wakes on
// close-write, moved-to and new folders (recursively); with polling, or on a
// queue overflow, it simply says "look again". Either way the caller rescans
// the whole inbox, so a missed event costs latency, never a file.
#include "util/expected.hpp"

#include <chrono>
#include <filesystem>
#include <map>
#include <string>

namespace berkas::intake {

enum class WatchMode { automatic, inotify, poll };

Expected<WatchMode> watch_mode_from_string(std::string_view name);

class InboxWatcher {
public:
    static Expected<InboxWatcher> create(const std::filesystem::path& inbox, WatchMode mode);
    InboxWatcher(InboxWatcher&& other) noexcept;
    InboxWatcher& operator=(InboxWatcher&&) = delete;
    ~InboxWatcher();

    // Waits up to `timeout`; true when an event (or an overflow) arrived.
    bool wait(std::chrono::milliseconds timeout);
    bool uses_inotify() const { return m_fd >= 0; }

private:
    InboxWatcher(std::filesystem::path inbox, int fd);
    void watch_tree(const std::filesystem::path& folder);
    void drain();

    std::filesystem::path m_inbox;
    int m_fd = -1;
    std::map<int, std::filesystem::path> m_watched;
};

} // namespace berkas::intake
