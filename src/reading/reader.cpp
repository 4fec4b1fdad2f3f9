#include "reading/reader.hpp"

#include "reading/ocr_engine.hpp"
#include "reading/page_marks.hpp"
#include "reading/page_prep.hpp"
#include "reading/page_source.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <mutex>
#include <new>

namespace berkas::reading {

namespace {

// Opens first and checks the size of what was opened, so a file swapped
// between the check and the read cannot slip past the limit.
Expected<std::string> load_input(const std::filesystem::path& path, const ReadLimits& limits)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return make_error("io_error", std::string("cannot open: ") + std::strerror(errno));
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer {fd};
    struct stat info {};
    if (::fstat(fd, &info) != 0)
        return make_error("io_error", std::string("cannot stat: ") + std::strerror(errno));
    if (!S_ISREG(info.st_mode))
        return make_error("not_a_document", "not a regular file");
    if (info.st_size == 0)
        return make_error("empty_file", "file is empty");
    if (std::uintmax_t(info.st_size) > limits.max_file_bytes)
        return make_error("too_large", "file is " + std::to_string(info.st_size) + " bytes, more than the limit of " +
                                           std::to_string(limits.max_file_bytes));
    std::string bytes(std::size_t(info.st_size), '\0');
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t got = ::read(fd, bytes.data() + done, bytes.size() - done);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return make_error("io_error", std::string("cannot read: ") + std::strerror(errno));
        if (got == 0)
            break; // shrank while reading; sniffing and decoding judge what is there
        done += std::size_t(got);
    }
    bytes.resize(done);
    return bytes;
}

Expected<std::unique_ptr<PageSource>> open_source(std::string bytes, const ReadLimits& limits)
{
    const FileKind kind = sniff_kind(bytes);
    switch (kind) {
    case FileKind::pdf:
        return open_pdf(std::move(bytes), limits);
    case FileKind::jpeg:
    case FileKind::png:
    case FileKind::tiff:
        return open_image(std::move(bytes), kind, limits);
    case FileKind::unknown:
        break;
    }
    return make_error("not_a_document", "not a PDF, JPEG, PNG or TIFF file");
}

PageText ocr_page_text(int number, OcrText ocr)
{
    PageText page;
    page.number = number;
    page.text = std::move(ocr.text);
    page.source = TextSource::ocr;
    page.confidence = ocr.mean_confidence;
    return page;
}

Expected<PixPtr> checked(PixPtr image)
{
    if (!image)
        return make_error("out_of_memory", "no memory for page preparation");
    return image;
}

// A page on its side often still yields confident-looking fragments, so the
// result is only replaced when the turned page reads better.
Expected<OcrText> recognize_with_orientation(Pix* upright_guess, OcrEngine& ocr, const ReadLimits& limits)
{
    auto first = ocr.recognize(upright_guess);
    if (!first || first->mean_confidence >= limits.orientation_check_below_confidence)
        return first;
    PixPtr preview = orientation_preview(upright_guess);
    if (!preview)
        return first;
    const auto guess = ocr.detect_orientation(preview.get());
    // Without OSD data (or text to judge) the first reading is all there is.
    if (!guess || guess->upright_clockwise_degrees == 0 || guess->confidence < limits.orientation_min_confidence)
        return first;
    auto turned = checked(rotate_clockwise(upright_guess, guess->upright_clockwise_degrees));
    if (!turned)
        return tl::unexpected(turned.error());
    // Skew could not be measured on a page lying on its side.
    auto straightened = checked(deskew(turned->get()));
    if (!straightened)
        return tl::unexpected(straightened.error());
    auto second = ocr.recognize(straightened->get());
    if (!second)
        return tl::unexpected(second.error());
    return second->mean_confidence > first->mean_confidence ? second : first;
}

// What Tesseract is given: the card alone, or the whole page, each at the
// resolution it needs (ReadLimits), straightened. A card is cut from the page
// as decoded and straightened by the skew of the whole page: measured on the
// card alone, its edges and photo mislead the estimate, and a NIK was misread
// that way.
Expected<PixPtr> ocr_view(Pix* page, const PageViews& views, const PageRegion* card, const ReadLimits& limits)
{
    if (card == nullptr)
        return checked(deskew(views.ocr.get()));
    const float skew = skew_degrees(page);
    PixPtr part = crop(page, *card);
    auto scaled = checked(part ? at_resolution(part.get(), limits.card_ocr_dpi, limits.max_page_pixels) : nullptr);
    if (!scaled)
        return scaled;
    return checked(rotated_by(scaled->get(), skew));
}

Expected<OcrText> recognize_view(Pix* page, const PageViews& views, const PageRegion* card, OcrEngine& ocr,
                                 const ReadLimits& limits)
{
    auto view = ocr_view(page, views, card, limits);
    if (!view)
        return tl::unexpected(view.error());
    return recognize_with_orientation(view->get(), ocr, limits);
}

// The card alone when it is all the page holds; the whole page otherwise, or
// when the card read badly (a shape that only looked like a card, say).
// `card` is in the pixels of the overview, where it was found.
Expected<OcrText> recognize_page(Pix* page, const PageViews& views, const std::optional<CardOnPage>& card,
                                 OcrEngine& ocr, const ReadLimits& limits)
{
    if (!is_card_alone(views.overview.get(), card, limits.card_alone_max_outside_ink))
        return recognize_view(page, views, nullptr, ocr, limits);
    const PageRegion region = region_between(card->region, views.overview.get(), page);
    auto text = recognize_view(page, views, &region, ocr, limits);
    if (!text || text->mean_confidence >= limits.orientation_check_below_confidence)
        return text;
    auto whole = recognize_view(page, views, nullptr, ocr, limits);
    return whole && whole->mean_confidence > text->mean_confidence ? whole : text;
}

Expected<PageText> read_image_page(PixPtr image, int number, OcrEngine& ocr, const ReadLimits& limits)
{
    const PageViews views = page_views(image.get(), limits.page_ocr_dpi, limits.max_page_pixels);
    if (!views.ocr)
        return make_error("out_of_memory", "no memory for page preparation");
    if (ink_fraction(views.overview.get()) < limits.blank_max_ink_fraction) {
        PageText blank;
        blank.number = number;
        blank.source = TextSource::blank;
        return blank;
    }
    PageText seen;
    seen.number = number;
    const auto card = add_page_marks(image.get(), views, seen);
    if (seen.code)
        return seen; // a document berkas issued, signed and scanned back: its text is ours already
    auto text = recognize_page(image.get(), views, card, ocr, limits);
    if (!text)
        return tl::unexpected(text.error());
    PageText page = ocr_page_text(number, std::move(*text));
    page.thumbnail_jpeg = std::move(seen.thumbnail_jpeg);
    page.card_jpeg = std::move(seen.card_jpeg);
    return page;
}

double seconds_since(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

Expected<PageText> read_page(PageSource& source, int index, OcrEngine& ocr, const ReadLimits& limits,
                             ReadTimes& times)
{
    const auto start = std::chrono::steady_clock::now();
    auto page = source.page(index);
    if (!page)
        return tl::unexpected(page.error());
    if (!page->text_layer.empty()) {
        PageText text;
        text.number = index + 1;
        text.text = std::move(page->text_layer);
        text.source = TextSource::text_layer;
        text.confidence = 100;
        return text;
    }
    times.render_seconds += seconds_since(start);
    times.rendered_pages++;
    const auto ocr_start = std::chrono::steady_clock::now();
    auto result = read_image_page(std::move(page->image), index + 1, ocr, limits);
    if (result && result->source == TextSource::ocr) {
        times.ocr_seconds += seconds_since(ocr_start);
        times.ocr_pages++;
    }
    if (!result && result.error().field.empty())
        result.error().field = "page " + std::to_string(index + 1);
    return result;
}

Expected<FileReading> read_whole_file(const std::filesystem::path& path, OcrEngine& ocr, const ReadLimits& limits,
                                      PageShare share)
{
    auto bytes = load_input(path, limits);
    if (!bytes)
        return tl::unexpected(bytes.error());
    auto source = open_source(std::move(*bytes), limits);
    if (!source)
        return tl::unexpected(source.error());
    FileReading reading;
    reading.digitally_signed = (*source)->digitally_signed();
    reading.pages.reserve(std::size_t((*source)->page_count()));
    for (int index = 0; index < (*source)->page_count(); ++index) {
        if (!share.includes(index))
            continue;
        auto page = read_page(**source, index, ocr, limits, reading.times);
        if (!page)
            return tl::unexpected(page.error());
        reading.pages.push_back(std::move(*page));
    }
    return reading;
}

void quiet_leptonica()
{
    // Silences "Info in pixRotate…" and friends; real errors still reach stderr.
    static std::once_flag once;
    std::call_once(once, [] { setMsgSeverity(L_SEVERITY_ERROR); });
}

} // namespace

Expected<FileReading> read_file(const std::filesystem::path& path, OcrEngine& ocr, const ReadLimits& limits,
                                PageShare share)
{
    Expected<FileReading> result = make_error("internal", "reading did not finish");
    try {
        quiet_leptonica();
        result = read_whole_file(path, ocr, limits, share);
    } catch (const std::bad_alloc&) {
        result = make_error("out_of_memory", "out of memory while reading");
    } catch (const std::exception& e) {
        result = make_error("internal", std::string("unexpected failure while reading: ") + e.what());
    } catch (...) {
        result = make_error("internal", "unexpected failure while reading");
    }
    if (!result)
        result.error().file = path.string();
    return result;
}

Expected<std::vector<PageText>> read_pages(const std::filesystem::path& path, OcrEngine& ocr,
                                           const ReadLimits& limits)
{
    auto reading = read_file(path, ocr, limits);
    if (!reading)
        return tl::unexpected(reading.error());
    return std::move(reading->pages);
}

} // namespace berkas::reading
