#include "pipeline/rule_watch.hpp"

#include "util/file.hpp"
#include "util/log.hpp"

namespace berkas::pipeline {

RuleWatch::RuleWatch(const Settings& settings)
    : m_documents(settings.rules_dir / "documents.yaml")
    , m_profile(settings.rules_dir / (settings.profile + ".yaml"))
    , m_seen(current_content())
{
}

// Both files in one string; a file that cannot be read (being saved, removed)
// reads as a marker, so that its return counts as a change.
std::string RuleWatch::current_content() const
{
    std::string content;
    for (const auto& path : {m_documents, m_profile}) {
        auto text = read_file(path);
        content += text ? *text : std::string("\0<tidak terbaca>", 16);
        content += '\0';
    }
    return content;
}

RuleWatch::Outcome RuleWatch::poll(Pipeline& pipeline)
{
    std::string content = current_content();
    if (content == m_seen)
        return Outcome::unchanged;
    m_seen = content;
    std::string previous = pipeline.rules().version;
    if (auto reloaded = pipeline.reload_rules(); !reloaded) {
        log::error("aturan baru ditolak, aturan versi " + previous +
                   " tetap berlaku sampai kesalahan ini diperbaiki: " + reloaded.error().describe());
        return Outcome::rejected;
    }
    log::info("aturan baru berlaku: versi " + pipeline.rules().version + " (sebelumnya " + previous +
              "); setiap kasus diperiksa ulang");
    return Outcome::reloaded;
}

} // namespace berkas::pipeline
