#include "pipeline/settings.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdio>

namespace berkas::pipeline {

namespace {

struct SettingsError {
    YAML::Mark mark;
    std::string message;
};

[[noreturn]] void fail(const YAML::Node& node, std::string message) { throw SettingsError {node.Mark(), message}; }

void reject_unknown_keys(const YAML::Node& map, std::initializer_list<std::string_view> known)
{
    if (!map.IsMap())
        fail(map, "expected a mapping");
    for (const auto& entry : map) {
        std::string key = entry.first.as<std::string>();
        if (std::find(known.begin(), known.end(), key) == known.end())
            fail(entry.first, "unknown key '" + key + "'");
    }
}

template<typename T>
void read_into(const YAML::Node& node, T& target, std::string_view what)
{
    if (!node)
        return;
    try {
        target = node.as<T>();
    } catch (const YAML::Exception&) {
        fail(node, "invalid value for " + std::string(what));
    }
}

generation::Official read_official(const YAML::Node& node)
{
    reject_unknown_keys(node, {"nama", "nip", "pangkat", "jabatan"});
    generation::Official official;
    read_into(node["nama"], official.nama, "nama");
    read_into(node["nip"], official.nip, "nip");
    read_into(node["pangkat"], official.pangkat, "pangkat");
    read_into(node["jabatan"], official.jabatan, "jabatan");
    return official;
}

void read_office(const YAML::Node& node, generation::Office& office)
{
    reject_unknown_keys(node, {"letterhead", "address", "city", "logo", "head", "verifiers", "addressee",
                               "addressee_place", "tembusan"});
    read_into(node["letterhead"], office.letterhead, "letterhead");
    read_into(node["address"], office.address, "address");
    read_into(node["city"], office.city, "city");
    read_into(node["logo"], office.logo_path, "logo");
    read_into(node["addressee"], office.addressee, "addressee");
    read_into(node["addressee_place"], office.addressee_place, "addressee_place");
    read_into(node["tembusan"], office.tembusan, "tembusan");
    if (node["head"])
        office.head = read_official(node["head"]);
    if (node["verifiers"]) {
        if (!node["verifiers"].IsSequence() || node["verifiers"].size() > 3)
            fail(node["verifiers"], "verifiers must be a list of at most three people");
        office.verifiers.clear();
        for (const auto& verifier : node["verifiers"])
            office.verifiers.push_back(read_official(verifier));
    }
}

void read_paths(const YAML::Node& node, Settings& settings)
{
    reject_unknown_keys(node, {"inbox", "outbox", "state", "rules", "templates"});
    std::string inbox = settings.inbox, outbox = settings.outbox, state = settings.state,
                rules = settings.rules_dir, templates = settings.templates_dir;
    read_into(node["inbox"], inbox, "inbox");
    read_into(node["outbox"], outbox, "outbox");
    read_into(node["state"], state, "state");
    read_into(node["rules"], rules, "rules");
    read_into(node["templates"], templates, "templates");
    settings.inbox = inbox;
    settings.outbox = outbox;
    settings.state = state;
    settings.rules_dir = rules;
    settings.templates_dir = templates;
}

void read_watch(const YAML::Node& node, Settings& settings)
{
    reject_unknown_keys(node, {"poll_interval", "stability_delay"});
    double poll = static_cast<double>(settings.poll_interval.count());
    double delay = static_cast<double>(settings.stability_delay.count()) / 1000.0;
    read_into(node["poll_interval"], poll, "poll_interval (seconds)");
    read_into(node["stability_delay"], delay, "stability_delay (seconds)");
    if (poll < 1 || delay < 0)
        fail(node, "poll_interval must be at least 1 second and stability_delay not negative");
    settings.poll_interval = std::chrono::seconds(static_cast<long>(poll));
    settings.stability_delay = std::chrono::milliseconds(static_cast<long>(delay * 1000));
}

double read_seconds(const YAML::Node& node, double value, std::string_view what, double minimum)
{
    read_into(node, value, what);
    if (value < minimum)
        fail(node, std::string(what) + " must be at least " + std::to_string(static_cast<int>(minimum)));
    return value;
}

void read_submission(const YAML::Node& node, submission::TransportSettings& transport)
{
    reject_unknown_keys(node, {"transport", "endpoint", "token_file", "ca_file", "timeout", "backoff", "backoff_max",
                               "max_attempts"});
    std::string kind = submission::to_string(transport.kind);
    read_into(node["transport"], kind, "transport");
    if (kind != "folder" && kind != "http")
        fail(node["transport"], "transport must be folder or http");
    transport.kind = kind == "http" ? submission::TransportKind::http : submission::TransportKind::folder;
    read_into(node["endpoint"], transport.endpoint, "endpoint");
    std::string token_file = transport.token_file, ca_file = transport.ca_file;
    read_into(node["token_file"], token_file, "token_file");
    read_into(node["ca_file"], ca_file, "ca_file");
    transport.token_file = token_file;
    transport.ca_file = ca_file;
    using std::chrono::milliseconds;
    auto seconds_of = [](milliseconds value) { return static_cast<double>(value.count()) / 1000.0; };
    transport.timeout = std::chrono::seconds(static_cast<long>(
        read_seconds(node["timeout"], static_cast<double>(transport.timeout.count()), "timeout (seconds)", 1)));
    transport.backoff = milliseconds(static_cast<long>(
        1000 * read_seconds(node["backoff"], seconds_of(transport.backoff), "backoff (seconds)", 0)));
    transport.backoff_max = milliseconds(static_cast<long>(
        1000 * read_seconds(node["backoff_max"], seconds_of(transport.backoff_max), "backoff_max (seconds)", 0)));
    read_into(node["max_attempts"], transport.max_attempts, "max_attempts");
    if (transport.max_attempts < 1 || transport.max_attempts > 100)
        fail(node["max_attempts"], "max_attempts must be between 1 and 100");
    if (transport.kind == submission::TransportKind::http && transport.endpoint.empty())
        fail(node, "the http transport needs an endpoint");
}

void read_root(const YAML::Node& root, Settings& settings)
{
    if (root.IsNull())
        return; // an empty file changes nothing
    reject_unknown_keys(root, {"office", "paths", "profile", "workers", "letter_number_format", "watch", "submission"});
    if (root["office"])
        read_office(root["office"], settings.office);
    if (root["paths"])
        read_paths(root["paths"], settings);
    if (root["watch"])
        read_watch(root["watch"], settings);
    if (root["submission"])
        read_submission(root["submission"], settings.submission);
    read_into(root["profile"], settings.profile, "profile");
    read_into(root["workers"], settings.workers, "workers");
    read_into(root["letter_number_format"], settings.letter_number_format, "letter_number_format");
    if (settings.workers < 1 || settings.workers > 64)
        fail(root["workers"], "workers must be between 1 and 64");
    if (settings.letter_number_format.find("{seq}") == std::string::npos)
        fail(root["letter_number_format"], "letter_number_format must contain {seq}");
}

} // namespace

Expected<void> load_settings(std::string_view yaml_text, std::string_view source_name, Settings& settings)
{
    auto located = [&](const YAML::Mark& mark, const std::string& message) {
        return located_error("config", source_name, mark.line + 1, mark.column + 1, message);
    };
    try {
        read_root(YAML::Load(std::string(yaml_text)), settings);
    } catch (const SettingsError& error) {
        return tl::unexpected(located(error.mark, error.message));
    } catch (const YAML::Exception& error) {
        return tl::unexpected(located(error.mark, error.msg));
    }
    return {};
}

std::string format_letter_number(std::string_view format, int sequence, int year)
{
    char padded[16];
    std::snprintf(padded, sizeof padded, "%04d", sequence);
    std::string number(format);
    for (auto [key, value] : {std::pair<std::string, std::string> {"{seq}", padded}, {"{year}", std::to_string(year)}}) {
        for (size_t at = number.find(key); at != std::string::npos; at = number.find(key, at + value.size()))
            number.replace(at, key.size(), value);
    }
    return number;
}

} // namespace berkas::pipeline
