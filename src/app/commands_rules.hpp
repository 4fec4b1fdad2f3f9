#pragma once
// berkas rules check [FILE...]: validates rule files before berkas uses them.
#include <filesystem>
#include <string>
#include <vector>

namespace berkas::app {

// With no files, checks documents.yaml and every profile in `rules_dir`.
// Prints "file:line:col: message" for each error and one line per valid file;
// returns exit_ok when every file is valid, exit_usage otherwise.
int command_rules_check(const std::vector<std::string>& files, const std::filesystem::path& rules_dir);

} // namespace berkas::app
