#include "pipeline/settings.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

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

// A NIP is 18 digits; offices often write it grouped ("19700101 199503 1 001").
void check_nip(const YAML::Node& node, const std::string& nip)
{
    std::string digits;
    for (char c : nip) {
        if (std::isdigit(static_cast<unsigned char>(c)))
            digits += c;
        else if (c != ' ')
            fail(node, "nip may hold only digits and spaces");
    }
    if (digits.size() != 18)
        fail(node, "nip must have 18 digits, not " + std::to_string(digits.size()));
}

// The signer of a letter needs every line of the signature block; a verifier needs a name.
generation::Official read_official(const YAML::Node& node, std::initializer_list<const char*> required)
{
    reject_unknown_keys(node, {"nama", "nip", "pangkat", "jabatan"});
    for (const char* key : required) {
        bool blank = !node[key] || !node[key].IsScalar() ||
                     node[key].as<std::string>("").find_first_not_of(' ') == std::string::npos;
        if (blank)
            fail(node, std::string("missing '") + key + "'");
    }
    generation::Official official;
    read_into(node["nama"], official.nama, "nama");
    read_into(node["nip"], official.nip, "nip");
    read_into(node["pangkat"], official.pangkat, "pangkat");
    read_into(node["jabatan"], official.jabatan, "jabatan");
    if (node["nip"])
        check_nip(node["nip"], official.nip);
    return official;
}

bool starts_with_bytes(const std::string& bytes, std::string_view magic)
{
    return bytes.compare(0, magic.size(), magic) == 0;
}

// The logo is printed on every letter: it must be there, and be a PNG or JPEG.
// A relative path is taken from the folder of the configuration file.
std::string checked_logo(const YAML::Node& node, std::string_view source_name)
{
    std::string logo;
    read_into(node, logo, "logo");
    std::filesystem::path path(logo);
    if (path.is_relative())
        path = std::filesystem::path(source_name).parent_path() / path;
    std::ifstream file(path, std::ios::binary);
    if (!std::filesystem::is_regular_file(path) || !file)
        fail(node, "logo file not found: " + path.string());
    std::string head(8, '\0');
    file.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<size_t>(file.gcount()));
    if (!starts_with_bytes(head, "\x89PNG\r\n\x1a\n") && !starts_with_bytes(head, "\xff\xd8\xff"))
        fail(node, "the logo must be a PNG or JPEG image: " + path.string());
    return path.string();
}

void read_office(const YAML::Node& node, generation::Office& office, std::string_view source_name)
{
    reject_unknown_keys(node, {"letterhead", "address", "city", "logo", "head", "verifiers", "addressee",
                               "addressee_place", "tembusan"});
    read_into(node["letterhead"], office.letterhead, "letterhead");
    read_into(node["address"], office.address, "address");
    read_into(node["city"], office.city, "city");
    if (node["logo"])
        office.logo_path = checked_logo(node["logo"], source_name);
    read_into(node["addressee"], office.addressee, "addressee");
    read_into(node["addressee_place"], office.addressee_place, "addressee_place");
    read_into(node["tembusan"], office.tembusan, "tembusan");
    if (node["head"])
        office.head = read_official(node["head"], {"nama", "nip", "pangkat", "jabatan"});
    if (node["verifiers"]) {
        if (!node["verifiers"].IsSequence() || node["verifiers"].size() > 3)
            fail(node["verifiers"], "verifiers must be a list of at most three people");
        office.verifiers.clear();
        for (const auto& verifier : node["verifiers"])
            office.verifiers.push_back(read_official(verifier, {"nama"}));
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

void read_intake(const YAML::Node& node, IntakeSettings& intake)
{
    reject_unknown_keys(node, {"originals", "archive", "young_age", "min_free_mb"});
    std::string originals = intake.keep_originals ? "keep" : "archive";
    read_into(node["originals"], originals, "originals");
    if (originals != "archive" && originals != "keep")
        fail(node["originals"], "originals must be 'archive' or 'keep'");
    intake.keep_originals = originals == "keep";
    std::string archive = intake.archive_dir;
    read_into(node["archive"], archive, "archive");
    intake.archive_dir = archive;
    long young = static_cast<long>(intake.young_age.count());
    read_into(node["young_age"], young, "young_age (seconds)");
    intake.young_age = std::chrono::seconds(young);
    std::uint64_t free_mb = intake.min_free_bytes >> 20;
    read_into(node["min_free_mb"], free_mb, "min_free_mb");
    intake.min_free_bytes = free_mb << 20;
}

void read_watch(const YAML::Node& node, Settings& settings)
{
    reject_unknown_keys(node, {"mode", "poll_interval", "rescan_interval", "stability_delay"});
    read_into(node["mode"], settings.watch_mode, "mode");
    if (settings.watch_mode != "auto" && settings.watch_mode != "inotify" && settings.watch_mode != "poll")
        fail(node["mode"], "mode must be auto, inotify or poll");
    long rescan = static_cast<long>(settings.rescan_interval.count());
    read_into(node["rescan_interval"], rescan, "rescan_interval (seconds)");
    if (rescan < 1)
        fail(node["rescan_interval"], "rescan_interval must be at least 1 second");
    settings.rescan_interval = std::chrono::seconds(rescan);
    double poll = static_cast<double>(settings.poll_interval.count());
    double delay = static_cast<double>(settings.stability_delay.count()) / 1000.0;
    read_into(node["poll_interval"], poll, "poll_interval (seconds)");
    read_into(node["stability_delay"], delay, "stability_delay (seconds)");
    if (poll < 1 || delay < 0)
        fail(node, "poll_interval must be at least 1 second and stability_delay not negative");
    settings.poll_interval = std::chrono::seconds(static_cast<long>(poll));
    settings.stability_delay = std::chrono::milliseconds(static_cast<long>(delay * 1000));
}

// A number in `map[key]` of at least `minimum`, or nothing when the key is absent.
template<typename T>
std::optional<T> read_at_least(const YAML::Node& map, const char* key, T minimum)
{
    const YAML::Node node = map[key];
    if (!node)
        return std::nullopt;
    T value {};
    read_into(node, value, key);
    if (!(value >= minimum)) {
        std::ostringstream message;
        message << key << " must be at least " << minimum;
        fail(node, message.str());
    }
    return value;
}

template<typename T, typename Scale>
void scaled_into(const YAML::Node& map, const char* key, double minimum, Scale scale, T& target)
{
    if (auto value = read_at_least(map, key, minimum))
        target = static_cast<T>(*value * scale);
}

template<typename T>
void whole_into(const YAML::Node& map, const char* key, T minimum, T& target)
{
    if (auto value = read_at_least(map, key, minimum))
        target = *value;
}

// Safety limits of the reading stage (RELIABILITY.md §4.4), in the units an
// administrator thinks in: MB, megapixels, seconds.
void read_limits(const YAML::Node& node, Settings& settings)
{
    reject_unknown_keys(node, {"workers", "file_mb", "pages", "page_megapixels", "page_side_px", "image_megapixels",
                               "image_side_px", "stream_decoded_mb", "decoded_mb", "nesting_depth", "page_tree_nodes",
                               "worker_memory_mb", "cpu_seconds_per_file", "seconds_per_file"});
    constexpr double megabyte = 1024.0 * 1024.0, megapixel = 1e6;
    reading::ReadLimits& limits = settings.limits;
    WorkerLimits& worker = settings.worker_limits;
    whole_into(node, "workers", 1, settings.workers);
    if (settings.workers > 64)
        fail(node["workers"], "workers must be between 1 and 64");
    scaled_into(node, "file_mb", 0.001, megabyte, limits.max_file_bytes);
    whole_into(node, "pages", 1, limits.max_pages);
    scaled_into(node, "page_megapixels", 0.01, megapixel, limits.max_page_pixels);
    whole_into(node, "page_side_px", 100, limits.max_page_side);
    scaled_into(node, "image_megapixels", 0.01, megapixel, limits.max_image_pixels);
    whole_into(node, "image_side_px", 100, limits.max_image_side);
    scaled_into(node, "stream_decoded_mb", 0.001, megabyte, limits.max_stream_decoded_bytes);
    scaled_into(node, "decoded_mb", 0.001, megabyte, limits.max_decoded_bytes);
    whole_into(node, "nesting_depth", 10, limits.max_nesting_depth);
    whole_into(node, "page_tree_nodes", 1, limits.max_page_tree_nodes);
    scaled_into(node, "worker_memory_mb", 256.0, megabyte, worker.address_space_bytes); // Tesseract needs ~200 MB
    if (auto cpu = read_at_least(node, "cpu_seconds_per_file", 1))
        worker.cpu_per_file = std::chrono::seconds(*cpu);
    if (auto wall = read_at_least(node, "seconds_per_file", 0.1))
        worker.wall_per_file = std::chrono::milliseconds(static_cast<long>(*wall * 1000));
}

// How pages are read; only what an office may need to tune.
void read_reading(const YAML::Node& node, Settings& settings)
{
    reject_unknown_keys(node, {"render_dpi", "ocr_dpi", "card_ocr_dpi", "orientation_confidence"});
    reading::ReadLimits& limits = settings.limits;
    for (auto [key, value] : {std::pair {"render_dpi", &limits.render_dpi}, std::pair {"ocr_dpi", &limits.page_ocr_dpi},
                              std::pair {"card_ocr_dpi", &limits.card_ocr_dpi}}) {
        whole_into(node, key, 100, *value);
        if (*value > 1200)
            fail(node[key], std::string(key) + " must be between 100 and 1200");
    }
    limits.min_render_dpi = std::min(limits.min_render_dpi, limits.render_dpi);
    if (auto confidence = read_at_least(node, "orientation_confidence", 0.0))
        limits.orientation_min_confidence = static_cast<float>(*confidence);
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

void read_root(const YAML::Node& root, Settings& settings, std::string_view source_name)
{
    if (root.IsNull())
        return; // an empty file changes nothing
    reject_unknown_keys(root, {"office", "paths", "profile", "workers", "letter_number_format", "watch", "intake",
                               "limits", "reading", "submission"});
    if (root["intake"])
        read_intake(root["intake"], settings.intake);
    if (root["office"])
        read_office(root["office"], settings.office, source_name);
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
    if (root["limits"]) // last: limits.workers wins over the older top-level workers
        read_limits(root["limits"], settings);
    if (root["reading"])
        read_reading(root["reading"], settings);
}

} // namespace

Expected<void> load_settings(std::string_view yaml_text, std::string_view source_name, Settings& settings)
{
    auto located = [&](const YAML::Mark& mark, const std::string& message) {
        return located_error("config", source_name, mark.line + 1, mark.column + 1, message);
    };
    try {
        read_root(YAML::Load(std::string(yaml_text)), settings, source_name);
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
