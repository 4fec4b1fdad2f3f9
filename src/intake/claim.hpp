#pragma once
// Claiming: the inbox original is copied into berkas's own spool (hashing it on
// the way) before anything else happens to it, and archived only after the
// copy is durable and recorded. A kill at any moment loses nothing.
#include "intake/inbox.hpp"
#include "util/expected.hpp"

#include <filesystem>
#include <string>

namespace berkas::intake {

struct SpooledCopy {
    std::string sha256;
    std::filesystem::path path; // <spool>/<sha256>
    std::uint64_t device = 0;   // identity of the original that was copied
    std::uint64_t inode = 0;
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
};

// Opens the original without following links and without blocking, checks it
// is a regular file, copies it to <spool>/tmp while hashing, fsyncs, renames
// it to <spool>/<sha256> and fsyncs the folder. Errors carry errno's kind in
// Error::code: "busy" and "no_space" are worth retrying, "not_regular" is not.
Expected<SpooledCopy> copy_into_spool(const std::filesystem::path& original, const std::filesystem::path& spool);

// Removes what an interrupted copy left in <spool>/tmp.
void clean_spool_leftovers(const std::filesystem::path& spool);

// Moves the original to <archive>/<relative>, but only if it is still the file
// that was copied (same device, inode, size and mtime). A name already taken
// in the archive gets a numbered suffix: originals are never overwritten.
Expected<std::filesystem::path> archive_original(const std::filesystem::path& original, const std::string& relative,
                                                 const SpooledCopy& copied, const std::filesystem::path& archive);

} // namespace berkas::intake
