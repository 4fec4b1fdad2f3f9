#include "app/commands_rules.hpp"

#include "app/cli.hpp"
#include "pipeline/rule_book.hpp"

#include <iostream>

namespace berkas::app {

int command_rules_check(const std::vector<std::string>& files, const std::filesystem::path& rules_dir)
{
    std::vector<std::filesystem::path> paths(files.begin(), files.end());
    if (paths.empty())
        paths = pipeline::rule_files_in(rules_dir);
    size_t invalid = 0;
    for (const auto& report : pipeline::check_rule_files(paths, rules_dir)) {
        if (report.errors.empty()) {
            std::cout << report.file.string() << ": benar (" << report.summary << ")\n";
            continue;
        }
        invalid++;
        for (const Error& error : report.errors)
            std::cout << error.message << "\n";
    }
    if (invalid > 0) {
        std::cerr << "berkas: " << invalid << " dari " << paths.size()
                  << " berkas aturan salah; berkas tidak akan berjalan dengan aturan yang salah\n";
        return exit_usage;
    }
    return exit_ok;
}

} // namespace berkas::app
