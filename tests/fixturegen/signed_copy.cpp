// berkas-signed-copy: a document berkas issued, printed, signed by hand and
// scanned back, as a clerk would drop it into the inbox. Used by the round-trip
// test of scan-back. Exit 0 on success, 2 on a usage error, 1 when it fails.
#include "calendar.hpp"
#include "random.hpp"
#include "scan.hpp"

#include <charconv>
#include <cmath>
#include <fstream>
#include <iostream>
#include <numbers>
#include <optional>
#include <sstream>
#include <string_view>
#include <vector>

namespace {

using namespace berkas::fixture;

constexpr std::string_view usage_text =
    "usage: berkas-signed-copy --in DOC.pdf --out SCAN.pdf [--page N] [--sign X,Y,W,H]... [--seed N] [--dpi N]\n"
    "\n"
    "Prints page N (default 1) of DOC.pdf, signs it by hand inside each rectangle given with\n"
    "--sign (PDF points from the page's lower-left corner), and scans it like an office MFP:\n"
    "a slight skew, sensor noise, toner specks, JPEG inside an image-only PDF.\n";

constexpr double ink_gray = 40; // blue ballpoint on a grey scan

struct Rectangle {
    double x = 0, y = 0, width = 0, height = 0;
};

struct Options {
    std::string in, out;
    int page = 1;
    int dpi = 200;
    std::uint32_t seed = 1;
    std::vector<Rectangle> signatures;
};

struct UsageError {
    std::string message;
};

bool parse_number(std::string_view text, auto& value)
{
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size();
}

std::optional<Rectangle> parse_rectangle(std::string_view text)
{
    Rectangle rectangle;
    double* parts[] = {&rectangle.x, &rectangle.y, &rectangle.width, &rectangle.height};
    for (size_t i = 0; i < 4; ++i) {
        size_t comma = i < 3 ? text.find(',') : text.size();
        if (comma == std::string_view::npos || !parse_number(text.substr(0, comma), *parts[i]))
            return std::nullopt;
        text = i < 3 ? text.substr(comma + 1) : std::string_view();
    }
    return rectangle;
}

std::optional<UsageError> parse(int argc, char** argv, Options& options)
{
    for (int i = 1; i < argc; ++i) {
        std::string_view option = argv[i];
        if (i + 1 >= argc)
            return UsageError {"option needs a value: " + std::string(option)};
        std::string_view value = argv[++i];
        bool ok = true;
        if (option == "--in")
            options.in = value;
        else if (option == "--out")
            options.out = value;
        else if (option == "--page")
            ok = parse_number(value, options.page) && options.page >= 1;
        else if (option == "--dpi")
            ok = parse_number(value, options.dpi) && options.dpi >= 100 && options.dpi <= 600;
        else if (option == "--seed")
            ok = parse_number(value, options.seed);
        else if (auto rectangle = option == "--sign" ? parse_rectangle(value) : std::nullopt)
            options.signatures.push_back(*rectangle);
        else
            return UsageError {"unknown option or bad value: " + std::string(option) + " " + std::string(value)};
        if (!ok)
            return UsageError {"bad value for " + std::string(option) + ": " + std::string(value)};
    }
    if (options.in.empty() || options.out.empty())
        return UsageError {"--in and --out are required"};
    return std::nullopt;
}

// A round pen tip of `radius` pixels at (x, y).
void dab(PIX* pix, double x, double y, double radius)
{
    int reach = static_cast<int>(std::ceil(radius));
    for (int dy = -reach; dy <= reach; ++dy) {
        for (int dx = -reach; dx <= reach; ++dx) {
            int px = static_cast<int>(x) + dx, py = static_cast<int>(y) + dy;
            bool inside = px >= 0 && py >= 0 && px < pixGetWidth(pix) && py < pixGetHeight(pix);
            if (inside && dx * dx + dy * dy <= radius * radius)
                pixSetPixel(pix, px, py, static_cast<l_uint32>(ink_gray));
        }
    }
}

// Loops running left to right, then the underline most Indonesian signatures end with.
void sign(PIX* pix, const Rectangle& place, int dpi, int page_height_px, SeededRandom& random)
{
    double scale = dpi / 72.0;
    double left = place.x * scale, width = place.width * scale;
    double top = page_height_px - (place.y + place.height) * scale, height = place.height * scale;
    double pen = 0.3 / 25.4 * dpi; // a 0.6 mm line
    double loops = random.between(3, 5), phase = random.between_real(0, 2 * std::numbers::pi);
    for (int step = 0; step <= 3000; ++step) {
        double t = step / 3000.0;
        double x = left + width * (0.12 + 0.7 * t) + 0.05 * width * std::sin(2 * std::numbers::pi * loops * t);
        double y = top + height * (0.45 + 0.3 * std::sin(2 * std::numbers::pi * loops * t + phase) * (1 - 0.4 * t));
        dab(pix, x, y, pen);
    }
    for (int step = 0; step <= 1000; ++step) {
        double t = step / 1000.0;
        dab(pix, left + width * (0.1 + 0.75 * t), top + height * (0.8 - 0.15 * t), pen);
    }
}

Result<std::string> read_all(const std::string& path)
{
    std::ifstream file(path, std::ios::binary);
    if (!file)
        return failure("cannot read " + path);
    std::ostringstream bytes;
    bytes << file.rdbuf();
    return bytes.str();
}

Result<std::string> signed_scan(const Options& options)
{
    auto pdf = read_all(options.in);
    if (!pdf)
        return tl::unexpected(pdf.error());
    auto page = render_page(*pdf, options.dpi, options.page - 1);
    if (!page)
        return tl::unexpected(page.error());
    SeededRandom random(derive_seed(options.seed, 71));
    for (const Rectangle& place : options.signatures)
        sign(page->get(), place, options.dpi, pixGetHeight(page->get()), random);
    auto scanned = degrade_page(std::move(*page), random_scan_settings(random, options.dpi));
    if (!scanned)
        return tl::unexpected(scanned.error());
    auto jpeg = encode_image(scanned->get(), ImageFormat::jpeg, options.dpi);
    if (!jpeg)
        return tl::unexpected(jpeg.error());
    return wrap_scans_as_pdf({ScannedPage {*jpeg, options.dpi, {}, 0, 0}}, "Pindaian", Date {2026, 11, 21});
}

} // namespace

int main(int argc, char** argv)
{
    Options options;
    if (argc > 1 && (std::string_view(argv[1]) == "--help" || std::string_view(argv[1]) == "-h")) {
        std::cout << usage_text;
        return 0;
    }
    if (auto error = parse(argc, argv, options)) {
        std::cerr << "berkas-signed-copy: " << error->message << "\n\n" << usage_text;
        return 2;
    }
    auto scan = signed_scan(options);
    std::ofstream out(options.out, std::ios::binary);
    if (!scan || !(out << *scan)) {
        std::cerr << "berkas-signed-copy: " << (scan ? "cannot write " + options.out : scan.error()) << "\n";
        return 1;
    }
    return 0;
}
