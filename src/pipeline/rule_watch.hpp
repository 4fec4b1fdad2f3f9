#pragma once
// Under `berkas watch`, an administrator may edit the rules while cases are
// being processed. A valid edit takes effect at the next pass (and every case
// is evaluated again under the new rules version); a broken edit is rejected
// with its file:line:col error in the log, and the last valid rules stay in force.
#include "pipeline/pipeline.hpp"

#include <string>

namespace berkas::pipeline {

class RuleWatch {
public:
    enum class Outcome { unchanged, reloaded, rejected };

    // Remembers the rule files as the pipeline loaded them.
    explicit RuleWatch(const Settings& settings);

    // Looks at the rule files; when their content changed since the last look,
    // reloads the pipeline's rules. A rejected edit is logged once.
    Outcome poll(Pipeline& pipeline);

private:
    std::string current_content() const;

    std::filesystem::path m_documents;
    std::filesystem::path m_profile;
    std::string m_seen; // the content at the last look
};

} // namespace berkas::pipeline
