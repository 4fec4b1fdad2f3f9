#pragma once
// The rules in force: how documents are recognised (rules/documents.yaml) and
// what the office's profile requires (rules/<profile>.yaml).
#include "understanding/document_rules.hpp"
#include "util/expected.hpp"
#include "validation/profile.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace berkas::pipeline {

struct RuleBook {
    understanding::DocumentRules documents;
    validation::Profile profile;
    std::string version; // short hash of both files: every result.json records it
};

Expected<RuleBook> load_rule_book(const std::filesystem::path& rules_dir, const std::string& profile);

// --- berkas rules check ------------------------------------------------------

enum class RuleFileKind { documents, profile };

struct RuleFileReport {
    std::filesystem::path file;
    RuleFileKind kind = RuleFileKind::profile;
    std::vector<Error> errors; // each "file:line:col: message"; empty = valid
    std::string summary;       // Indonesian, for a valid file: what it defines
};

// documents.yaml and every profile (*.yaml) in the folder, documents.yaml first.
std::vector<std::filesystem::path> rule_files_in(const std::filesystem::path& rules_dir);

// Checks each file on its own and against the document rules: a profile may
// only require document types that documents.yaml knows how to recognise.
// The document rules are those among `files`, else `rules_dir`/documents.yaml.
std::vector<RuleFileReport> check_rule_files(const std::vector<std::filesystem::path>& files,
                                             const std::filesystem::path& rules_dir);

} // namespace berkas::pipeline
