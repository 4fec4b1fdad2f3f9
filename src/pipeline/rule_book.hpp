#pragma once
// The rules in force: how documents are recognised (rules/documents.yaml) and
// what the office's profile requires (rules/<profile>.yaml).
#include "understanding/document_rules.hpp"
#include "util/expected.hpp"
#include "validation/profile.hpp"

#include <filesystem>
#include <string>

namespace berkas::pipeline {

struct RuleBook {
    understanding::DocumentRules documents;
    validation::Profile profile;
    std::string version; // short hash of both files: every result.json records it
};

Expected<RuleBook> load_rule_book(const std::filesystem::path& rules_dir, const std::string& profile);

} // namespace berkas::pipeline
