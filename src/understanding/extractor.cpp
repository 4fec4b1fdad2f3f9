#include "understanding/extractor.hpp"

#include "understanding/normalise.hpp"
#include "understanding/page_text.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

namespace berkas::understanding {

namespace {

struct LabelHit {
    size_t line = 0;
    std::string rest; // the line after the label, as printed
    bool has_colon = false;
};

// Skips list markers such as "1.", "a." or "-" that forms put before labels.
size_t skip_list_marker(std::string_view line)
{
    size_t i = 0;
    while (i < line.size() && (std::isdigit(static_cast<unsigned char>(line[i])) || line[i] == '-'))
        ++i;
    if (i == 0 && line.size() > 2 && std::isalpha(static_cast<unsigned char>(line[0])) && line[1] == '.' &&
        line[2] == ' ')
        i = 1;
    if (i > 0 && i < line.size() && (line[i] == '.' || line[i] == ')'))
        ++i;
    while (i < line.size() && line[i] == ' ')
        ++i;
    return i;
}

// The longest label that starts the line and is not the start of a longer word.
std::optional<size_t> label_length_at_start(std::string_view line, const FieldRule& rule)
{
    std::optional<size_t> best;
    for (const std::string& label : rule.labels) {
        if (line.substr(0, label.size()) != label)
            continue;
        if (line.size() > label.size() && std::isalpha(static_cast<unsigned char>(line[label.size()])))
            continue;
        if (!best || label.size() > *best)
            best = label.size();
    }
    return best;
}

std::vector<LabelHit> find_label_hits(const NormalisedPage& page, const FieldRule& rule)
{
    std::vector<LabelHit> hits;
    for (size_t i = 0; i < page.lines.size(); ++i) {
        size_t marker = skip_list_marker(page.lines[i]);
        auto length = label_length_at_start(std::string_view(page.lines[i]).substr(marker), rule);
        if (!length)
            continue;
        // The lower-cased and printed lines have the same byte offsets: only ASCII changed.
        std::string rest = page.raw[i].substr(std::min(page.raw[i].size(), marker + *length));
        bool colon = rest.find_first_of(":;") != std::string::npos && rest.find_first_of(":;") < 4;
        hits.push_back(LabelHit {i, rest, colon});
    }
    // Form rows ("NIP : …") before signature lines ("NIP. …").
    std::stable_sort(hits.begin(), hits.end(),
                     [](const LabelHit& a, const LabelHit& b) { return a.has_colon && !b.has_colon; });
    return hits;
}

std::optional<std::string> read_value(const FieldRule& rule, const LabelHit& hit, const NormalisedPage& page)
{
    switch (rule.kind) {
    case FieldKind::digits:
        return read_identifier(hit.rest, rule.length);
    case FieldKind::email: {
        if (auto email = read_email(hit.rest))
            return email;
        // A long address is sometimes wrapped onto the next line.
        if (hit.line + 1 < page.raw.size())
            return read_email(hit.rest + page.raw[hit.line + 1]);
        return std::nullopt;
    }
    case FieldKind::phone:
        return read_phone(hit.rest);
    case FieldKind::name: {
        std::string name = read_name(hit.rest);
        return name.size() >= 3 ? std::optional(name) : std::nullopt;
    }
    case FieldKind::text: {
        std::string text = read_text(hit.rest);
        return text.empty() ? std::nullopt : std::optional(text);
    }
    }
    return std::nullopt;
}

bool reads_from(const FieldRule& rule, DocumentType type)
{
    return std::find(rule.sources.begin(), rule.sources.end(), type) != rule.sources.end();
}

} // namespace

FieldMap extract_fields(std::string_view page_text, DocumentType type, const DocumentRules& rules)
{
    NormalisedPage page = normalise_page(page_text);
    FieldMap fields;
    for (const FieldRule& rule : rules.fields) {
        if (!reads_from(rule, type))
            continue;
        for (const LabelHit& hit : find_label_hits(page, rule)) {
            if (auto value = read_value(rule, hit, page)) {
                fields[rule.name] = *value;
                break;
            }
        }
    }
    return fields;
}

} // namespace berkas::understanding
