#include "submission/transport.hpp"

#include "util/file.hpp"
#include "util/text.hpp"

#include <curl/curl.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <mutex>
#include <sys/stat.h>
#include <vector>

namespace berkas::submission {

namespace fs = std::filesystem;

const char* to_string(TransportKind kind) { return kind == TransportKind::http ? "http" : "folder"; }

std::chrono::milliseconds retry_delay(const TransportSettings& settings, int failed_attempts)
{
    auto delay = settings.backoff;
    for (int i = 1; i < failed_attempts && delay < settings.backoff_max; ++i)
        delay *= 2;
    return std::min(delay, settings.backoff_max);
}

namespace {

struct CurlUrl {
    CURLU* handle = curl_url();
    ~CurlUrl() { curl_url_cleanup(handle); }
    std::string part(CURLUPart which) const
    {
        char* value = nullptr;
        if (curl_url_get(handle, which, &value, 0) != CURLUE_OK)
            return {};
        std::string copy = value;
        curl_free(value);
        return copy;
    }
};

void initialise_curl_once()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

size_t keep_body(char* data, size_t size, size_t count, void* user_data)
{
    auto* body = static_cast<std::string*>(user_data);
    size_t bytes = size * count;
    if (body->size() < 65536)
        body->append(data, std::min(bytes, 65536 - body->size()));
    return bytes; // the rest is read and dropped, so the transfer completes
}

// A receiver's reference for the submission, if its JSON answer names one.
std::string receipt_from(const std::string& body, long status)
{
    auto answer = nlohmann::json::parse(body, nullptr, false);
    if (answer.is_object()) {
        for (const char* key : {"receipt", "id", "reference", "nomor", "ticket"}) {
            if (answer.contains(key) && (answer[key].is_string() || answer[key].is_number()))
                return answer[key].is_string() ? answer[key].get<std::string>() : answer[key].dump();
        }
    }
    return "HTTP " + std::to_string(status);
}

bool is_retryable_status(long status)
{
    return status == 408 || status == 409 || status == 425 || status == 429 || status >= 500;
}

bool is_configuration_failure(CURLcode code)
{
    return code == CURLE_PEER_FAILED_VERIFICATION || code == CURLE_SSL_CACERT_BADFILE ||
           code == CURLE_URL_MALFORMAT || code == CURLE_UNSUPPORTED_PROTOCOL || code == CURLE_SSL_CERTPROBLEM;
}

std::string part_name(const fs::path& file)
{
    std::string name = file.stem().string();
    std::replace(name.begin(), name.end(), '-', '_');
    return name;
}

Expected<std::string> read_token(const fs::path& token_file)
{
    struct stat info {};
    if (::stat(token_file.c_str(), &info) != 0)
        return make_error("config", "token file not found", token_file.string(), "submission.token_file");
    if (info.st_mode & S_IROTH)
        return make_error("config", "the token file must not be readable by everyone (chmod 600)", token_file.string(),
                          "submission.token_file");
    std::string token = trim(BERKAS_TRY(read_file(token_file)));
    if (token.empty() || token.find_first_of("\r\n") != std::string::npos)
        return make_error("config", "the token file must hold one token on one line", token_file.string(),
                          "submission.token_file");
    return token;
}

} // namespace

Expected<void> check_endpoint(const std::string& endpoint)
{
    initialise_curl_once();
    CurlUrl url;
    if (endpoint.empty() || curl_url_set(url.handle, CURLUPART_URL, endpoint.c_str(), 0) != CURLUE_OK)
        return make_error("config", "not a valid URL: '" + endpoint + "'", {}, "submission.endpoint");
    std::string scheme = to_lower_ascii(url.part(CURLUPART_SCHEME));
    std::string host = to_lower_ascii(url.part(CURLUPART_HOST));
    bool local = host == "127.0.0.1" || host == "localhost" || host == "[::1]" || host == "::1";
    if (scheme == "https" || (scheme == "http" && local))
        return {};
    return make_error("config", "must use https (plain http is allowed only to this machine): '" + endpoint + "'", {},
                      "submission.endpoint");
}

Expected<std::unique_ptr<HttpTransport>> HttpTransport::create(const TransportSettings& settings)
{
    BERKAS_TRY(check_endpoint(settings.endpoint));
    if (settings.token_file.empty())
        return make_error("config", "required for the http transport", {}, "submission.token_file");
    std::string token = BERKAS_TRY(read_token(settings.token_file));
    if (!settings.ca_file.empty() && !fs::is_regular_file(settings.ca_file))
        return make_error("config", "CA file not found", settings.ca_file.string(), "submission.ca_file");
    return std::unique_ptr<HttpTransport>(new HttpTransport(settings, std::move(token)));
}

HttpTransport::HttpTransport(TransportSettings settings, std::string token)
    : m_settings(std::move(settings))
    , m_token(std::move(token))
{
}

HttpTransport::~HttpTransport() = default;

SendOutcome HttpTransport::send(const std::string& case_id, const fs::path& package) const
{
    std::vector<fs::path> files;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(package, error)) {
        if (entry.is_regular_file())
            files.push_back(entry.path());
    }
    if (error || files.empty())
        return {SendOutcome::Kind::permanent, 0, "paket tidak ditemukan: " + package.string()};
    std::sort(files.begin(), files.end());

    CURL* curl = curl_easy_init();
    if (!curl)
        return {SendOutcome::Kind::retryable, 0, "libcurl tidak dapat dimulai"};
    curl_mime* form = curl_mime_init(curl);
    for (const fs::path& file : files) {
        curl_mimepart* part = curl_mime_addpart(form);
        bool manifest = file.filename() == "manifest.json";
        curl_mime_name(part, manifest ? "manifest" : part_name(file).c_str());
        curl_mime_filedata(part, file.c_str());
        curl_mime_type(part, manifest ? "application/json" : "application/pdf");
    }
    curl_slist* headers = nullptr;
    headers = curl_slist_append(headers, ("Idempotency-Key: " + case_id).c_str());
    headers = curl_slist_append(headers, ("Authorization: Bearer " + m_token).c_str());
    headers = curl_slist_append(headers, "Accept: application/json");
    headers = curl_slist_append(headers, "Expect:"); // no 100-continue round trip
    std::string body;
    char curl_error[CURL_ERROR_SIZE] = "";
    curl_easy_setopt(curl, CURLOPT_URL, m_settings.endpoint.c_str());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_MIMEPOST, form);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "berkas/0.1");
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!m_settings.ca_file.empty())
        curl_easy_setopt(curl, CURLOPT_CAINFO, m_settings.ca_file.c_str());
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 20L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, static_cast<long>(m_settings.timeout.count()));
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, keep_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, curl_error);
    CURLcode code = curl_easy_perform(curl);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(headers);
    curl_mime_free(form);
    curl_easy_cleanup(curl);

    if (code != CURLE_OK) {
        std::string what = curl_error[0] ? curl_error : curl_easy_strerror(code);
        return {is_configuration_failure(code) ? SendOutcome::Kind::permanent : SendOutcome::Kind::retryable, 0,
                mask_identifiers("koneksi gagal: " + what)};
    }
    if (status >= 200 && status < 300)
        return {SendOutcome::Kind::delivered, status, mask_identifiers(receipt_from(body, status))};
    std::string answer = collapse_spaces(body.substr(0, 200));
    return {is_retryable_status(status) ? SendOutcome::Kind::retryable : SendOutcome::Kind::permanent, status,
            mask_identifiers("penerima menjawab HTTP " + std::to_string(status) + (answer.empty() ? "" : ": " + answer))};
}

} // namespace berkas::submission
