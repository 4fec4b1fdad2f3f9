// berkas-fixture: writes synthetic, scanned-looking BSrE application documents
// for the tests, the benchmark and the sample inbox. Exit 0 on success, 2 on a
// usage error, 1 when generation fails.
#include "case_writer.hpp"

#include <charconv>
#include <functional>
#include <iostream>
#include <span>
#include <string_view>

namespace {

using namespace berkas::fixture;
namespace fs = std::filesystem;

constexpr int exit_ok = 0;
constexpr int exit_failure = 1;
constexpr int exit_usage = 2;

constexpr std::string_view usage_text =
    "usage:\n"
    "  berkas-fixture case --seed N --out DIR [--omit TYPE]... [--with TYPE]... [--bundle]\n"
    "                      [--ktp-format pdf|jpg|png] [--truth FILE] [OPTIONS]\n"
    "  berkas-fixture samples --out INBOX_DIR [--truth-dir DIR]\n"
    "\n"
    "TYPE is surat_permohonan, formulir_bsre, ktp, sk_terakhir, sk_jabatan or\n"
    "surat_rekomendasi_atasan (hyphens accepted); the last two only with --with.\n"
    "case writes DIR/surat-permohonan.pdf, formulir-bsre.pdf, ktp.pdf|.jpg|.png and\n"
    "sk-terakhir.pdf; with --bundle, DIR is instead the single file to write.\n"
    "--truth writes the expected field values as JSON (never inside the case folder).\n"
    "samples writes pemohon-01-<surname>/ (complete), pemohon-02-<surname>/ (no KTP)\n"
    "and berkas-<surname>-03.pdf (one bundle) into INBOX_DIR.\n"
    "\n"
    "Scanner:   --dpi N (100-600)  --colour grey|colour|bw  --skew DEGREES (max, 0-10)\n"
    "           --jpeg-quality Q (10-95)  --rotate TYPE:90|180|270\n"
    "Packaging: --shuffle and --tiff (bundles only)  --born-digital TYPE (folders only)\n"
    "Defects:   --sk-of-other-person  --nip-birthdate-mismatch  --email-domain DOMAIN\n"
    "           --unreadable TYPE  --blank-page  --sk-year YEAR\n"
    "The same seed and options always give byte-identical files.\n";

struct UsageError {
    std::string message;
};

struct Command {
    bool help = false;
    bool samples = false;
    CaseRequest request;
    bool have_seed = false;
    std::optional<fs::path> truth_folder;
};

std::optional<std::uint32_t> parse_seed(std::string_view text)
{
    std::uint32_t seed = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seed);
    if (error != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return seed;
}

std::optional<UsageError> parse_ktp_format(std::string_view value, CaseRequest& request)
{
    if (value == "pdf")
        request.ktp_photo.reset();
    else if (value == "jpg" || value == "jpeg")
        request.ktp_photo = ImageFormat::jpeg;
    else if (value == "png")
        request.ktp_photo = ImageFormat::png;
    else
        return UsageError {"unknown --ktp-format: " + std::string(value)};
    return std::nullopt;
}

std::optional<int> parse_number(std::string_view text, int low, int high)
{
    int number = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (error != std::errc() || end != text.data() + text.size() || number < low || number > high)
        return std::nullopt;
    return number;
}

std::optional<UsageError> parse_type_into(std::string_view option, std::string_view value,
                                          std::set<DocumentType>& types)
{
    auto type = parse_document_type(value);
    if (!type)
        return UsageError {"unknown document type for " + std::string(option) + ": " + std::string(value)};
    types.insert(*type);
    return std::nullopt;
}

std::optional<UsageError> parse_rotation(std::string_view value, CaseRequest& request)
{
    size_t colon = value.find(':');
    auto type = colon == std::string_view::npos ? std::nullopt : parse_document_type(value.substr(0, colon));
    auto degrees = colon == std::string_view::npos ? std::nullopt : parse_number(value.substr(colon + 1), 90, 270);
    if (!type || !degrees || *degrees % 90 != 0)
        return UsageError {"--rotate needs TYPE:90, TYPE:180 or TYPE:270, not " + std::string(value)};
    request.scan.turned[*type] = *degrees;
    return std::nullopt;
}

std::optional<UsageError> parse_colour(std::string_view value, CaseRequest& request)
{
    if (value == "grey" || value == "gray")
        request.scan.colour = ColourMode::grey;
    else if (value == "colour" || value == "color")
        request.scan.colour = ColourMode::colour;
    else if (value == "bw")
        request.scan.colour = ColourMode::bilevel;
    else
        return UsageError {"--colour is grey, colour or bw, not " + std::string(value)};
    return std::nullopt;
}

std::optional<UsageError> number_option(std::string_view option, std::string_view value, int low, int high,
                                        const std::function<void(int)>& store)
{
    auto number = parse_number(value, low, high);
    if (!number)
        return UsageError {std::string(option) + " needs a number from " + std::to_string(low) + " to " +
                           std::to_string(high) + ", not " + std::string(value)};
    store(*number);
    return std::nullopt;
}

// Scanner and defect options that take a value; nullopt-with-false when not one of them.
std::optional<std::optional<UsageError>> apply_case_option(std::string_view option, std::string_view value,
                                                           CaseRequest& request)
{
    if (option == "--with") return parse_type_into(option, value, request.with);
    if (option == "--born-digital") return parse_type_into(option, value, request.born_digital);
    if (option == "--unreadable") return parse_type_into(option, value, request.defects.unreadable);
    if (option == "--rotate") return parse_rotation(value, request);
    if (option == "--colour" || option == "--color") return parse_colour(value, request);
    if (option == "--email-domain") {
        request.defects.email_domain = std::string(value);
        return std::optional<UsageError> {};
    }
    if (option == "--dpi")
        return number_option(option, value, 100, 600, [&](int n) { request.scan.dpi = n; });
    if (option == "--jpeg-quality")
        return number_option(option, value, 10, 95, [&](int n) { request.scan.jpeg_quality = n; });
    if (option == "--skew")
        return number_option(option, value, 0, 10, [&](int n) { request.scan.max_skew = n; });
    if (option == "--sk-year")
        return number_option(option, value, 1990, 2100, [&](int n) { request.defects.sk_year = n; });
    return std::nullopt;
}

// Options that take a value; `value` is the next argument.
std::optional<UsageError> apply_option(std::string_view option, std::string_view value, Command& command)
{
    CaseRequest& request = command.request;
    if (!command.samples)
        if (auto applied = apply_case_option(option, value, request))
            return *applied;
    if (option == "--seed") {
        auto seed = parse_seed(value);
        if (!seed)
            return UsageError {"--seed needs a number from 0 to 4294967295, not " + std::string(value)};
        request.seed = *seed;
        command.have_seed = true;
    } else if (option == "--out") {
        request.out = fs::path(value);
    } else if (option == "--omit") {
        auto type = parse_document_type(value);
        if (!type)
            return UsageError {"unknown document type for --omit: " + std::string(value)};
        request.omitted.insert(*type);
    } else if (option == "--ktp-format") {
        return parse_ktp_format(value, request);
    } else if (option == "--truth" && !command.samples) {
        request.truth = fs::path(value);
    } else if (option == "--truth-dir" && command.samples) {
        command.truth_folder = fs::path(value);
    } else {
        return UsageError {"unknown option: " + std::string(option)};
    }
    return std::nullopt;
}

std::optional<UsageError> check_case(const Command& command)
{
    const CaseRequest& request = command.request;
    if (!command.have_seed)
        return UsageError {"case needs --seed"};
    if (request.bundle && request.ktp_photo)
        return UsageError {"--bundle makes one PDF; --ktp-format jpg|png only applies to case folders"};
    if (!request.bundle && (request.shuffle || request.tiff))
        return UsageError {"--shuffle and --tiff only apply to --bundle"};
    if (request.bundle && !request.born_digital.empty())
        return UsageError {"--born-digital only applies to case folders: a bundle is one scan"};
    if (request.omitted.size() == all_document_types.size())
        return UsageError {"every document is omitted"};
    if (request.truth && !request.bundle && is_inside(*request.truth, request.out))
        return UsageError {"the truth file must not be inside the case folder"};
    return std::nullopt;
}

std::optional<UsageError> check_command(const Command& command)
{
    if (command.request.out.empty())
        return UsageError {"--out is required"};
    if (!command.samples)
        return check_case(command);
    if (command.truth_folder && is_inside(*command.truth_folder, command.request.out))
        return UsageError {"the truth folder must not be inside the inbox"};
    return std::nullopt;
}

// Options without a value.
bool apply_flag(std::string_view option, CaseRequest& request)
{
    bool* flag = option == "--bundle"                   ? &request.bundle
                 : option == "--shuffle"                ? &request.shuffle
                 : option == "--tiff"                   ? &request.tiff
                 : option == "--sk-of-other-person"     ? &request.defects.sk_of_other_person
                 : option == "--nip-birthdate-mismatch" ? &request.defects.nip_birthdate_mismatch
                 : option == "--blank-page"             ? &request.defects.blank_page
                                                        : nullptr;
    if (flag)
        *flag = true;
    return flag != nullptr;
}

std::optional<UsageError> parse_arguments(std::span<char*> arguments, Command& command)
{
    if (arguments.empty())
        return UsageError {"missing command"};
    std::string_view verb = arguments[0];
    if (verb == "--help" || verb == "-h" || verb == "help") {
        command.help = true;
        return std::nullopt;
    }
    if (verb != "case" && verb != "samples")
        return UsageError {"unknown command: " + std::string(verb)};
    command.samples = verb == "samples";
    for (size_t i = 1; i < arguments.size(); ++i) {
        std::string_view option = arguments[i];
        if (option == "--help" || option == "-h") {
            command.help = true;
            return std::nullopt;
        }
        if (!command.samples && apply_flag(option, command.request))
            continue;
        if (i + 1 >= arguments.size())
            return UsageError {"option needs a value: " + std::string(option)};
        if (auto error = apply_option(option, arguments[++i], command))
            return error;
    }
    return check_command(command);
}

int run(const Command& command)
{
    auto written = command.samples ? write_samples(command.request.out, command.truth_folder)
                                   : write_case(command.request);
    if (!written) {
        std::cerr << "berkas-fixture: " << written.error() << "\n";
        return exit_failure;
    }
    for (const fs::path& path : *written)
        std::cout << path.string() << "\n";
    return exit_ok;
}

} // namespace

int main(int argc, char** argv)
{
    Command command;
    std::span<char*> arguments(argv + 1, static_cast<size_t>(argc > 0 ? argc - 1 : 0));
    if (auto error = parse_arguments(arguments, command)) {
        std::cerr << "berkas-fixture: " << error->message << "\n\n" << usage_text;
        return exit_usage;
    }
    if (command.help) {
        std::cout << usage_text;
        return exit_ok;
    }
    try {
        return run(command);
    } catch (const std::exception& error) { // filesystem_error, bad_alloc: never a crash
        std::cerr << "berkas-fixture: " << error.what() << "\n";
        return exit_failure;
    }
}
