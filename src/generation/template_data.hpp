#pragma once
// The data object that template texts are rendered against, built from a case and the
// office (pure: no files). templates/README.md lists every name it provides.
#include "generation/renderer.hpp"

#include <kainjow/mustache.hpp>

#include <string>
#include <string_view>

namespace berkas::generation {

using TemplateData = kainjow::mustache::data;

// What a clerk sees for a value nobody could read.
inline constexpr const char* missing_value = "-";

TemplateData build_template_data(const LetterContext& context);

// Renders one template text. Names are looked up in `item` first (the current row of a
// table or list, may be null), then in `data`. Text is written as is: no HTML escaping.
Expected<std::string> render_template(const std::string& text, const TemplateData& data,
                                      const TemplateData* item = nullptr);

// Follows a dotted name ("office.verifiers") through nested objects; nullptr if absent.
const TemplateData* find_value(const TemplateData& data, std::string_view dotted_name);

// "ktp.pdf hlm. 1" — where a verifier finds a value on paper.
std::string describe_source(std::string_view source, int page);

} // namespace berkas::generation
