#include "understanding/extractor.hpp"

#include "model/identity.hpp"
#include "understanding/normalise.hpp"
#include "understanding/page_text.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

namespace berkas::understanding {

namespace {

// How a label was found, best first: a form row ("NIP : …"), a row whose
// separator OCR lost ("NIP 1985…"), a signature line ("NIP. 1965…", the
// signatory's, never the applicant's on a letter or an SK).
enum class HitKind { row = 0, bare = 1, signature = 2 };

struct LabelHit {
    size_t line = 0;
    size_t label_length = 0;
    std::string rest; // the line after the label, as printed
    HitKind kind = HitKind::row;
};

bool is_letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

// Skips what OCR and forms put before a label: list markers ("1.", "2,", "a."),
// stray marks ("“", ".|", "—") — at most a few characters, none of them letters.
size_t skip_list_marker(std::string_view line)
{
    if (line.size() > 2 && is_letter(line[0]) && line[1] == '.' && line[2] == ' ')
        return 3; // "a. Nama"
    size_t i = 0;
    while (i < line.size() && i < 8 && !is_letter(line[i]))
        ++i;
    return i < line.size() && is_letter(line[i]) ? i : 0;
}

// The longest label that starts the line and is not the start of a longer word.
std::optional<size_t> label_length_at_start(std::string_view line, const std::vector<std::string>& labels)
{
    std::optional<size_t> best;
    for (const std::string& label : labels) {
        if (line.substr(0, label.size()) != label)
            continue;
        if (line.size() > label.size() && is_letter(line[label.size()]))
            continue;
        if (!best || label.size() > *best)
            best = label.size();
    }
    return best;
}

HitKind kind_of(std::string_view rest)
{
    size_t separator = rest.find_first_of(":;");
    if (separator != std::string_view::npos && separator < 6)
        return HitKind::row;
    if (!rest.empty() && rest[0] == '.')
        return HitKind::signature;
    return HitKind::bare;
}

std::vector<LabelHit> find_label_hits(const NormalisedPage& page, const FieldRule& rule)
{
    std::vector<LabelHit> hits;
    for (size_t i = 0; i < page.lines.size(); ++i) {
        size_t marker = skip_list_marker(page.lines[i]);
        auto length = label_length_at_start(std::string_view(page.lines[i]).substr(marker), rule.labels);
        if (!length)
            continue;
        // The lower-cased and printed lines have the same byte offsets: only ASCII changed.
        std::string rest = page.raw[i].substr(std::min(page.raw[i].size(), marker + *length));
        hits.push_back(LabelHit {i, *length, rest, kind_of(rest)});
    }
    // Form rows before signature lines; among rows, the most specific label
    // ("pangkat/golongan baru" before "pangkat/golongan").
    std::stable_sort(hits.begin(), hits.end(), [](const LabelHit& a, const LabelHit& b) {
        if (a.kind != b.kind)
            return a.kind < b.kind;
        return a.label_length > b.label_length;
    });
    return hits;
}

bool is_label_line(std::string_view lower_line, const DocumentRules& rules)
{
    size_t marker = skip_list_marker(lower_line);
    for (const FieldRule& rule : rules.fields)
        if (label_length_at_start(lower_line.substr(marker), rule.labels))
            return true;
    return false;
}

// The vocabulary entry the text starts with, tolerating OCR slips:
// "PEREMPUAN Gol. Darah: O" → "PEREMPUAN".
std::optional<std::string> from_vocabulary(const FieldRule& rule, const std::string& text)
{
    std::string lower = to_lower_ascii(text);
    for (const std::string& value : rule.values) {
        std::string wanted = to_lower_ascii(value);
        std::string_view start = std::string_view(lower).substr(0, wanted.size() + 1);
        if (contains_fuzzy(start, wanted))
            return value;
    }
    return std::nullopt;
}

std::optional<std::string> value_from(const FieldRule& rule, std::string_view text)
{
    if (!rule.values.empty()) {
        std::string value = read_text(text);
        return value.empty() ? std::nullopt : from_vocabulary(rule, value);
    }
    switch (rule.kind) {
    case FieldKind::digits:
        return read_identifier(text, rule.length);
    case FieldKind::email:
        return read_email(text);
    case FieldKind::phone:
        return read_phone(text);
    case FieldKind::date:
        return read_date(text);
    case FieldKind::name: {
        std::string name = read_name(text);
        bool has_digit = std::any_of(name.begin(), name.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
        return name.size() >= 3 && !has_digit ? std::optional(name) : std::nullopt;
    }
    case FieldKind::text: {
        std::string value = read_text(text);
        return value.empty() ? std::nullopt : std::optional(value);
    }
    }
    return std::nullopt;
}

bool starts_with_separator(std::string_view line) { return !line.empty() && (line[0] == ':' || line[0] == ';'); }

// A line that is only a label: one of the rules' labels, or a short run of
// words in label case without digits or separator ("Agama", "Status
// Perkawinan"; never a heading in capitals such as "KOTA PONTIANAK").
bool is_bare_label(std::string_view line, std::string_view printed, const DocumentRules& rules, bool& of_a_field)
{
    size_t marker = skip_list_marker(line);
    for (const FieldRule& rule : rules.fields) {
        auto length = label_length_at_start(line.substr(marker), rule.labels);
        if (length && line.find_first_not_of(" :;.", marker + *length) == std::string_view::npos) {
            of_a_field = true;
            return true;
        }
    }
    bool words_only = std::all_of(line.begin(), line.end(), [](char c) { return is_letter(c) || c == ' ' || c == '/'; });
    bool label_case = std::any_of(printed.begin(), printed.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); });
    return words_only && label_case && line.size() <= 25 && std::count(line.begin(), line.end(), ' ') <= 2;
}

const FieldRule* field_labelled(std::string_view line, const DocumentRules& rules)
{
    size_t marker = skip_list_marker(line);
    for (const FieldRule& rule : rules.fields)
        if (label_length_at_start(line.substr(marker), rule.labels))
            return &rule;
    return nullptr;
}

bool pairs_make_sense(const NormalisedPage& page, size_t first_label, const std::vector<size_t>& values,
                      const DocumentRules& rules)
{
    for (size_t k = 0; k < values.size(); ++k) {
        const FieldRule* rule = field_labelled(page.lines[first_label + k], rules);
        if (rule && !value_from(*rule, page.raw[values[k]]))
            return false;
    }
    return true;
}

// Tesseract sometimes reads a form as two columns: first the labels, then
// ": value" lines further down (other text may come between). A run of bare
// labels that names at least one field is paired, in order, with the value
// lines that follow it.
void rejoin_label_columns(NormalisedPage& page, const DocumentRules& rules)
{
    constexpr size_t value_window = 25; // lines after the labels in which their values may appear
    for (size_t start = 0; start < page.lines.size(); ++start) {
        bool names_a_field = false;
        size_t end = start;
        while (end < page.lines.size() && is_bare_label(page.lines[end], page.raw[end], rules, names_a_field))
            ++end;
        if (end - start < 2 || !names_a_field)
            continue;
        std::vector<size_t> values;
        for (size_t i = end; i < page.lines.size() && i < end + value_window && values.size() < end - start; ++i)
            if (starts_with_separator(page.lines[i]))
                values.push_back(i);
        // Tesseract may also reorder the value blocks: pair only when every
        // field's value makes sense for it (a date for a date, no digits in a name).
        if (!pairs_make_sense(page, start, values, rules)) {
            start = end - 1;
            continue;
        }
        for (size_t k = 0; k < values.size(); ++k) {
            size_t label = start + k, value = values[k];
            page.raw[label] += " " + page.raw[value];
            page.lines[label] += " " + page.lines[value];
            page.raw[value].clear();
            page.lines[value].assign(1, '\x01'); // consumed: matches no label and no value
        }
        start = end - 1;
    }
}

// The digits of an identifier split over two lines ("NIK :6171" … "025504960100").
std::optional<std::string> continued_identifier(const FieldRule& rule, const LabelHit& hit, const NormalisedPage& page)
{
    std::string head;
    for (char c : hit.rest)
        if (std::isdigit(static_cast<unsigned char>(c)))
            head += c;
    if (head.empty() || head.size() >= rule.length)
        return std::nullopt;
    for (size_t next = hit.line + 1; next < page.raw.size() && next <= hit.line + 20; ++next) {
        auto tail = read_identifier(page.raw[next], rule.length - head.size());
        if (tail && page.raw[next].find_first_of("abcdefghijkmnpqrtuvwxyz") == std::string::npos) {
            std::string whole = head + *tail;
            return has_structure(rule, whole) ? std::optional(whole) : std::nullopt;
        }
    }
    return std::nullopt;
}

// A name wrapped onto the next line, as on the KTP: "WISNU MARKUS" / "PURNOMO".
std::string with_wrapped_name(const std::string& name, size_t line, const NormalisedPage& page,
                              const DocumentRules& rules)
{
    if (line + 1 >= page.raw.size() || name != to_upper_ascii(name))
        return name;
    std::string next = read_name(page.raw[line + 1]);
    bool capitals_only = !next.empty() && std::all_of(next.begin(), next.end(), [](char c) {
        return std::isupper(static_cast<unsigned char>(c)) || c == ' ' || c == '\'';
    });
    if (!capitals_only || next.size() < 3 || std::count(next.begin(), next.end(), ' ') > 2 ||
        is_label_line(page.lines[line + 1], rules))
        return name;
    return name + " " + next;
}

bool has_value_text(std::string_view rest)
{
    return std::any_of(rest.begin(), rest.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
}

std::optional<std::string> read_value(const FieldRule& rule, const LabelHit& hit, const NormalisedPage& page,
                                      const DocumentRules& rules)
{
    if (auto value = value_from(rule, hit.rest)) {
        if (rule.kind == FieldKind::name)
            return with_wrapped_name(*value, hit.line, page, rules);
        return value;
    }
    if (rule.kind == FieldKind::digits)
        if (auto joined = continued_identifier(rule, hit, page))
            return joined;
    bool has_next = hit.line + 1 < page.raw.size() && !is_label_line(page.lines[hit.line + 1], rules);
    if (!has_next)
        return std::nullopt;
    // An e-mail address too long for its cell continues on the next line.
    if (rule.kind == FieldKind::email)
        return read_email(hit.rest + page.raw[hit.line + 1]);
    // A label alone on its line: its value is on the next one, as ": value"
    // (a bare word there is more likely the next label, e.g. "Agama").
    if (!has_value_text(hit.rest) && starts_with_separator(page.lines[hit.line + 1]))
        return value_from(rule, page.raw[hit.line + 1]);
    return std::nullopt;
}

std::optional<std::string> from_patterns(const FieldRule& rule, const NormalisedPage& page)
{
    for (const FieldPattern& pattern : rule.patterns) {
        size_t searched = pattern.region == Region::top ? page.top_line_count : page.raw.size();
        for (size_t i = 0; i < searched; ++i) {
            std::smatch match;
            if (std::regex_search(page.raw[i], match, pattern.regex))
                if (auto value = value_from(rule, match[1].str()))
                    return value;
        }
    }
    return std::nullopt;
}

// A number with the structure of a NIK or NIP on a row whose label OCR
// garbled ("PAN : 19911101 202012 1 003"); never a signature line ("NIP. …").
std::optional<std::string> unlabelled_identifier(const FieldRule& rule, const NormalisedPage& page)
{
    if (rule.kind != FieldKind::digits || rule.structure == Structure::none)
        return std::nullopt;
    for (size_t i = 0; i < page.raw.size(); ++i) {
        const std::string& line = page.raw[i];
        size_t separator = line.find_first_of(":;");
        if (separator == std::string::npos || separator > 24 || page.lines[i].find("nip.") != std::string::npos)
            continue;
        auto digits = read_identifier(line.substr(separator + 1), rule.length);
        if (digits && has_structure(rule, *digits))
            return digits;
    }
    return std::nullopt;
}

std::optional<std::string> read_field(const FieldRule& rule, const NormalisedPage& page, const DocumentRules& rules)
{
    for (const LabelHit& hit : find_label_hits(page, rule)) {
        if (hit.kind == HitKind::signature && rule.kind == FieldKind::digits)
            continue; // "NIP. …" under a signature is the signatory's
        if (auto value = read_value(rule, hit, page, rules))
            return value;
    }
    if (auto value = from_patterns(rule, page))
        return value;
    return unlabelled_identifier(rule, page);
}

bool reads_from(const FieldRule& rule, DocumentType type)
{
    return std::find(rule.sources.begin(), rule.sources.end(), type) != rule.sources.end();
}

// The part of the page about the applicant: after the first line with one of
// the type's `fields_after` phrases, or the whole page.
NormalisedPage applicant_section(const NormalisedPage& page, const TypeRule* type_rule)
{
    if (!type_rule || type_rule->fields_after.empty())
        return page;
    for (size_t i = 0; i < page.lines.size(); ++i) {
        for (const std::string& phrase : type_rule->fields_after) {
            if (!contains_fuzzy(page.lines[i], phrase))
                continue;
            NormalisedPage section;
            section.lines.assign(page.lines.begin() + static_cast<long>(i), page.lines.end());
            section.raw.assign(page.raw.begin() + static_cast<long>(i), page.raw.end());
            section.top_line_count = page.top_line_count > i ? page.top_line_count - i : 0;
            return section;
        }
    }
    return page;
}

} // namespace

namespace {

// An identifier on its label row with one digit too many or too few.
std::optional<std::string> near_miss(const FieldRule& rule, const NormalisedPage& page)
{
    for (const LabelHit& hit : find_label_hits(page, rule)) {
        std::string digits = numeric_run(hit.rest);
        if (hit.kind != HitKind::signature && (digits.size() + 1 == rule.length || digits.size() == rule.length + 1))
            return digits;
    }
    return std::nullopt;
}

} // namespace

PageReading read_page_fields(std::string_view page_text, DocumentType type, const DocumentRules& rules)
{
    NormalisedPage page = normalise_page(page_text);
    rejoin_label_columns(page, rules);
    NormalisedPage about_applicant = applicant_section(page, rules.type_rule(type));
    PageReading reading;
    for (const FieldRule& rule : rules.fields) {
        if (!reads_from(rule, type))
            continue;
        const NormalisedPage& searched = rule.subject == Subject::applicant ? about_applicant : page;
        if (auto value = read_field(rule, searched, rules))
            reading.fields[rule.name] = *value;
        else if (rule.kind == FieldKind::digits)
            if (auto digits = near_miss(rule, searched))
                reading.near_misses[rule.name] = *digits;
    }
    return reading;
}

FieldMap extract_fields(std::string_view page_text, DocumentType type, const DocumentRules& rules)
{
    return read_page_fields(page_text, type, rules).fields;
}

} // namespace berkas::understanding
