#include "pipeline/rule_book.hpp"

#include "util/file.hpp"
#include "util/hash.hpp"

namespace berkas::pipeline {

Expected<RuleBook> load_rule_book(const std::filesystem::path& rules_dir, const std::string& profile)
{
    auto documents_path = rules_dir / "documents.yaml";
    auto profile_path = rules_dir / (profile + ".yaml");
    if (profile.empty() || profile.find('/') != std::string::npos || !std::filesystem::exists(profile_path))
        return make_error("config", "profile '" + profile + "' not found", profile_path.string());
    std::string documents_text = BERKAS_TRY(read_file(documents_path));
    std::string profile_text = BERKAS_TRY(read_file(profile_path));
    RuleBook book;
    book.documents = BERKAS_TRY(understanding::parse_document_rules(documents_text, documents_path.string()));
    book.profile = BERKAS_TRY(validation::parse_profile(profile_text, profile_path.string()));
    book.version = sha256_hex(documents_text + '\0' + profile_text).substr(0, 16);
    return book;
}

} // namespace berkas::pipeline
