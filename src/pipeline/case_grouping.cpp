#include "pipeline/case_grouping.hpp"

#include "understanding/case_reader.hpp"

#include "util/disjoint_sets.hpp"

#include <algorithm>

namespace berkas::pipeline {

namespace {

bool shares_identifier(const SourceIdentity& a, const SourceIdentity& b)
{
    return (a.nip && b.nip && *a.nip == *b.nip) || (a.nik && b.nik && *a.nik == *b.nik);
}

const SourceIdentity* identity_of(const intake::CaseSource& source,
                                  const std::map<std::string, SourceIdentity>& identities)
{
    auto found = identities.find(source.case_id);
    return found == identities.end() ? nullptr : &found->second;
}

// The one open folder case the loose file belongs to, if exactly one matches.
std::optional<size_t> folder_for(const SourceIdentity& loose, const std::vector<intake::CaseSource>& sources,
                                 const std::map<std::string, SourceIdentity>& identities,
                                 const std::set<std::string>& closed)
{
    std::optional<size_t> match;
    for (size_t i = 0; i < sources.size(); ++i) {
        const SourceIdentity* folder = identity_of(sources[i], identities);
        if (is_loose_file(sources[i]) || closed.count(sources[i].case_id) || !folder ||
            !shares_identifier(loose, *folder))
            continue;
        if (match)
            return std::nullopt; // two folders for one applicant: leave it to the clerk
        match = i;
    }
    return match;
}

// Among loose files of one applicant, the case is named after the one with
// the most documents (the bundle rather than the KTP), then by name.
bool names_the_case(const intake::CaseSource& a, const SourceIdentity& a_identity, const intake::CaseSource& b,
                    const SourceIdentity& b_identity)
{
    if (a_identity.documents != b_identity.documents)
        return a_identity.documents > b_identity.documents;
    return a.relative < b.relative;
}

void append_files(intake::CaseSource& target, const intake::CaseSource& joining)
{
    target.files.insert(target.files.end(), joining.files.begin(), joining.files.end());
    std::sort(target.files.begin(), target.files.end(),
              [](const intake::InboxFile& a, const intake::InboxFile& b) { return a.relative < b.relative; });
}

} // namespace

bool is_loose_file(const intake::CaseSource& source)
{
    return source.files.size() == 1 && source.files.front().relative == source.relative;
}

std::vector<intake::CaseSource> group_by_applicant(const std::vector<intake::CaseSource>& sources,
                                                   const std::map<std::string, SourceIdentity>& identities,
                                                   const std::set<std::string>& closed)
{
    std::vector<intake::CaseSource> cases = sources;
    std::vector<bool> absorbed(cases.size(), false);
    std::vector<size_t> loose;
    for (size_t i = 0; i < sources.size(); ++i) {
        const SourceIdentity* identity = identity_of(sources[i], identities);
        if (!is_loose_file(sources[i]) || closed.count(sources[i].case_id) || !identity)
            continue;
        if (auto folder = folder_for(*identity, sources, identities, closed)) {
            append_files(cases[*folder], sources[i]);
            absorbed[i] = true;
        } else {
            loose.push_back(i);
        }
    }
    DisjointSets groups(sources.size());
    for (size_t a = 0; a < loose.size(); ++a)
        for (size_t b = a + 1; b < loose.size(); ++b)
            if (shares_identifier(identities.at(sources[loose[a]].case_id), identities.at(sources[loose[b]].case_id)))
                groups.join(loose[a], loose[b]);
    std::map<size_t, size_t> leader; // group → the loose file that names its case
    for (size_t i : loose) {
        auto [entry, inserted] = leader.try_emplace(groups.root(i), i);
        const auto& current = sources[entry->second];
        if (!inserted && names_the_case(sources[i], identities.at(sources[i].case_id), current,
                                        identities.at(current.case_id)))
            entry->second = i;
    }
    for (size_t i : loose) {
        size_t lead = leader.at(groups.root(i));
        if (lead == i)
            continue;
        append_files(cases[lead], sources[i]);
        absorbed[i] = true;
    }
    std::vector<intake::CaseSource> grouped;
    for (size_t i = 0; i < cases.size(); ++i)
        if (!absorbed[i])
            grouped.push_back(std::move(cases[i]));
    return grouped;
}

Expected<IdentifiedSource> identify_source(const intake::CaseSource& source, state::Store& store,
                                           const understanding::DocumentRules& rules)
{
    std::vector<understanding::SourcePages> pages;
    for (const intake::InboxFile& file : source.files) {
        auto cached = BERKAS_TRY(store.cached_pages(file.sha256));
        if (cached)
            pages.push_back(understanding::SourcePages {file.relative, std::move(*cached)});
    }
    auto documents = understanding::find_documents(pages, rules);
    Applicant applicant = understanding::identify_applicant(documents, rules);
    IdentifiedSource identified;
    identified.identity.nip = applicant.nip ? std::optional(applicant.nip->value) : std::nullopt;
    identified.identity.nik = applicant.nik ? std::optional(applicant.nik->value) : std::nullopt;
    identified.identity.documents = documents.size();
    auto decisions = BERKAS_TRY(store.decisions(source.case_id));
    identified.closed = !decisions.empty() && decisions.back().decision == "approved";
    return identified;
}

RunGrouping::RunGrouping(std::vector<intake::CaseSource> sources) : m_sources(std::move(sources))
{
    for (size_t i = 0; i < m_sources.size(); ++i) {
        m_unsettled_files.push_back(m_sources[i].files.size());
        for (const intake::InboxFile& file : m_sources[i].files)
            m_sources_of_file[file.sha256].push_back(i);
    }
}

std::vector<const intake::InboxFile*> RunGrouping::reading_order() const
{
    std::vector<const intake::InboxFile*> order;
    for (bool loose : {true, false})
        for (const intake::CaseSource& source : m_sources)
            if (is_loose_file(source) == loose)
                for (const intake::InboxFile& file : source.files)
                    order.push_back(&file);
    return order;
}

std::vector<size_t> RunGrouping::file_settled(const std::string& sha256)
{
    std::vector<size_t> complete;
    auto found = m_sources_of_file.find(sha256);
    if (found == m_sources_of_file.end())
        return complete;
    for (size_t i : found->second) // once per copy: a folder may hold the same bytes twice
        if (m_unsettled_files[i] > 0 && --m_unsettled_files[i] == 0)
            complete.push_back(i);
    return complete;
}

void RunGrouping::identify(size_t source, const IdentifiedSource& identified)
{
    m_identities[m_sources[source].case_id] = identified.identity;
    if (identified.closed)
        m_closed.insert(m_sources[source].case_id);
}

bool RunGrouping::loose_files_settled() const
{
    for (size_t i = 0; i < m_sources.size(); ++i)
        if (is_loose_file(m_sources[i]) && !is_identified(i))
            return false;
    return true;
}

bool RunGrouping::may_gain_a_loose_file(size_t source) const
{
    const SourceIdentity& folder = m_identities.at(m_sources[source].case_id);
    for (const intake::CaseSource& other : m_sources)
        if (is_loose_file(other) && shares_identifier(m_identities.at(other.case_id), folder))
            return true;
    return false;
}

std::vector<size_t> RunGrouping::take_ready()
{
    std::vector<size_t> ready;
    if (!loose_files_settled())
        return ready;
    for (size_t i = 0; i < m_sources.size(); ++i) {
        const std::string& id = m_sources[i].case_id;
        if (m_taken.count(id) || !is_identified(i) || is_loose_file(m_sources[i]) || may_gain_a_loose_file(i))
            continue;
        m_taken.insert(id);
        ready.push_back(i);
    }
    return ready;
}

std::vector<intake::CaseSource> RunGrouping::take_rest()
{
    std::vector<intake::CaseSource> rest;
    for (intake::CaseSource& grouped : group_by_applicant(m_sources, m_identities, m_closed))
        if (!m_taken.count(grouped.case_id))
            rest.push_back(std::move(grouped));
    m_rest_count = rest.size();
    return rest;
}

} // namespace berkas::pipeline
