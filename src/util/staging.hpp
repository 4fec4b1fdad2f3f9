#pragma once
// A folder that appears whole or not at all (RELIABILITY.md §2.4, Maildir's
// tmp → new): it is built beside its final place under a hidden name, every
// file in it is fsynced, and it is then swapped into place with one rename.
// A reader of the final path sees the previous folder, nothing, or the new
// one — never a half-written folder, even across a crash.
#include "util/expected.hpp"

#include <filesystem>

namespace berkas {

class StagingFolder {
public:
    // Creates ".<name>.staging-<pid>" beside `target` (same file system, so the
    // rename is atomic), after removing what crashed builds of the same target
    // left behind.
    static Expected<StagingFolder> create(const std::filesystem::path& target);
    ~StagingFolder();
    StagingFolder(StagingFolder&& other) noexcept;
    StagingFolder& operator=(StagingFolder&&) = delete;
    StagingFolder(const StagingFolder&) = delete;
    StagingFolder& operator=(const StagingFolder&) = delete;

    // Where to write the folder's files.
    const std::filesystem::path& path() const { return m_staging; }

    // fsyncs every file and the folder, exchanges it with the target
    // (renameat2 RENAME_EXCHANGE, or two renames where the file system cannot),
    // removes the previous folder and fsyncs the parent.
    Expected<void> publish();

private:
    StagingFolder(std::filesystem::path target, std::filesystem::path staging);

    std::filesystem::path m_target;
    std::filesystem::path m_staging;
    bool m_published = false;
};

} // namespace berkas
