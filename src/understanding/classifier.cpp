#include "understanding/classifier.hpp"

#include "understanding/page_text.hpp"

namespace berkas::understanding {

namespace {

bool keyword_found(const Keyword& keyword, const NormalisedPage& page)
{
    size_t searched = keyword.region == Region::top ? page.top_line_count : page.lines.size();
    for (size_t i = 0; i < searched; ++i) {
        if (contains_fuzzy(page.lines[i], keyword.text))
            return true;
    }
    return false;
}

int score_page(const TypeRule& rule, const NormalisedPage& page, std::string_view original_text)
{
    int score = 0;
    for (const Keyword& keyword : rule.keywords) {
        if (keyword_found(keyword, page))
            score += keyword.weight;
    }
    std::string text(original_text);
    for (const Pattern& pattern : rule.patterns) {
        if (std::regex_search(text, pattern.regex))
            score += pattern.weight;
    }
    return score;
}

} // namespace

Classification classify_page(std::string_view page_text, const DocumentRules& rules)
{
    NormalisedPage page = normalise_page(page_text);
    Classification best;
    for (const TypeRule& rule : rules.types) {
        int score = score_page(rule, page, page_text);
        if (score >= rule.min_score && score > best.score)
            best = Classification {rule.type, score};
    }
    return best;
}

} // namespace berkas::understanding
