#pragma once
// One case per applicant. A subfolder of the inbox is one case, as the clerk
// made it; a loose file at the inbox root joins the open case whose applicant
// has the same NIP (or NIK, when the file shows no NIP) — the KTP brought in
// the next day. Loose files of one applicant with no folder form one case.
#include "intake/inbox.hpp"
#include "state/store.hpp"
#include "understanding/document_rules.hpp"
#include "util/expected.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace berkas::pipeline {

// Who a source (folder or loose file) is about, as far as its pages tell.
struct SourceIdentity {
    std::optional<std::string> nip;
    std::optional<std::string> nik;
    size_t documents = 0;
};

// Pure: `identities` by case id; `closed` lists cases that take no more files
// (approved by a verifier). Returns the cases with joined files; a joined
// loose file no longer forms a case of its own.
std::vector<intake::CaseSource> group_by_applicant(const std::vector<intake::CaseSource>& sources,
                                                   const std::map<std::string, SourceIdentity>& identities,
                                                   const std::set<std::string>& closed);

// A loose file: a single file at the inbox root, not in a case folder.
bool is_loose_file(const intake::CaseSource& source);

// Who the source is about, from the pages of its files already in the state
// (every file must carry its content hash), and whether its case is closed.
struct IdentifiedSource {
    SourceIdentity identity;
    bool closed = false;
};
Expected<IdentifiedSource> identify_source(const intake::CaseSource& source, state::Store& store,
                                           const understanding::DocumentRules& rules);

// The cases of one run while their files are being read. A folder case can be
// evaluated as soon as nothing can change it any more: its own files are
// settled (read or rejected), so are all the run's loose files, and none of
// those shares its NIP or NIK. A case a loose file may join waits for the end
// of the run, where the rest is grouped at once by group_by_applicant, so the
// outcome is the same as grouping everything at the end. The clerk sees a
// case's sheet seconds after its files are read, not after the whole batch.
class RunGrouping {
public:
    explicit RunGrouping(std::vector<intake::CaseSource> sources);

    const std::vector<intake::CaseSource>& sources() const { return m_sources; }
    // The files to read, loose files first: no case is ready before they are.
    std::vector<const intake::InboxFile*> reading_order() const;
    // A file (by content hash) is read or rejected; returns the sources whose
    // last file it was, to identify.
    std::vector<size_t> file_settled(const std::string& sha256);
    void identify(size_t source, const IdentifiedSource& identified);
    // Folder cases that can be evaluated now; each is returned once.
    std::vector<size_t> take_ready();
    // All the other cases, grouped; call once every file is settled.
    std::vector<intake::CaseSource> take_rest();
    size_t cases_seen() const { return m_taken.size() + m_rest_count; }

private:
    bool is_identified(size_t source) const { return m_identities.count(m_sources[source].case_id) > 0; }
    bool loose_files_settled() const;
    bool may_gain_a_loose_file(size_t source) const;

    std::vector<intake::CaseSource> m_sources;
    std::map<std::string, std::vector<size_t>> m_sources_of_file; // by content hash
    std::vector<size_t> m_unsettled_files;                        // per source
    std::map<std::string, SourceIdentity> m_identities;           // by case id, once identified
    std::set<std::string> m_closed;
    std::set<std::string> m_taken; // case ids evaluated while reading
    size_t m_rest_count = 0;
};

} // namespace berkas::pipeline
