#pragma once
// An office's profile (rules/<name>.yaml): which documents its SOP requires.
#include "model/document_type.hpp"
#include "util/expected.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace berkas::validation {

struct Profile {
    std::string id;   // file stem, e.g. "pontianak"
    std::string name; // shown to people
    std::vector<DocumentType> required_documents;
};

// `source_name` appears in errors as "source_name:line:col: message".
Expected<Profile> parse_profile(std::string_view yaml_text, std::string_view source_name);

} // namespace berkas::validation
