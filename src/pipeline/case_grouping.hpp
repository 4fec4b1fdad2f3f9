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

// The same, reading each source's identity from the pages already in the
// state; every file must carry its content hash.
Expected<std::vector<intake::CaseSource>> join_loose_files(const std::vector<intake::CaseSource>& sources,
                                                           state::Store& store,
                                                           const understanding::DocumentRules& rules);

} // namespace berkas::pipeline
