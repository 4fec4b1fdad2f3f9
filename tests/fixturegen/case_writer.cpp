#include "case_writer.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <span>

namespace berkas::fixture {

namespace {

namespace fs = std::filesystem;

constexpr std::uint32_t scanner_stream_base = 100;

// Writes next to the target and renames, so a test never sees half a file.
Result<void> write_file(const fs::path& path, const std::string& bytes)
{
    std::error_code error;
    if (path.has_parent_path())
        fs::create_directories(path.parent_path(), error);
    if (error)
        return failure("cannot create folder " + path.parent_path().string() + ": " + error.message());
    fs::path temporary = path;
    temporary += ".partial";
    {
        std::ofstream stream(temporary, std::ios::binary | std::ios::trunc);
        stream.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!stream.flush())
            return failure("cannot write " + temporary.string());
    }
    fs::rename(temporary, path, error);
    if (error)
        return failure("cannot rename " + temporary.string() + " to " + path.string() + ": " + error.message());
    return {};
}

std::vector<DocumentType> present_types(const CaseRequest& request)
{
    std::vector<DocumentType> types;
    for (DocumentType type : all_document_types)
        if (!request.omitted.contains(type))
            types.push_back(type);
    for (DocumentType type : extra_document_types)
        if (request.with.contains(type) && !request.omitted.contains(type))
            types.push_back(type);
    return types;
}

// --- Defects -----------------------------------------------------------------

constexpr std::uint32_t shuffle_stream = 300;

// The NIP's birth day moved by a few days: a typing error at BKD that NIK and
// NIP cross-checks exist to catch. Every document prints the same wrong NIP.
std::string nip_with_other_birth_day(const std::string& nip)
{
    int day = std::stoi(nip.substr(6, 2));
    int other = day <= 25 ? day + 3 : day - 3;
    return nip.substr(0, 6) + two_digits(other) + nip.substr(8);
}

void apply_defects(Application& application, const Defects& defects)
{
    Person& applicant = application.applicant;
    if (defects.nip_birthdate_mismatch)
        applicant.nip = nip_with_other_birth_day(applicant.nip);
    if (defects.email_domain)
        applicant.email = applicant.email.substr(0, applicant.email.find('@') + 1) + *defects.email_domain;
    if (defects.sk_year) {
        application.sk_date.year = *defects.sk_year;
        application.sk_effective.year = *defects.sk_year;
        application.sk_number = application.sk_number.substr(0, application.sk_number.rfind('/') + 1) +
                                std::to_string(*defects.sk_year);
    }
    for (DocumentType type : defects.unreadable)
        application.blotted.emplace_back(type_name(type));
}

// The application as one document shows it: the SK of another person names a stranger.
Application as_printed_on(DocumentType type, const Application& application, const CaseRequest& request)
{
    Application view = application;
    if (type == DocumentType::sk_terakhir && request.defects.sk_of_other_person)
        view.applicant = make_stranger(request.seed);
    return view;
}

// --- Scanning ----------------------------------------------------------------

int dpi_for(DocumentType type, const CaseRequest& request) { return request.scan.dpi.value_or(scan_dpi(type)); }

ScanSettings scanner_for(DocumentType type, const Application& application, const CaseRequest& request)
{
    SeededRandom scanner(derive_seed(application.seed, scanner_stream_base + static_cast<std::uint32_t>(type)));
    ScanSettings settings = random_scan_settings(scanner, dpi_for(type, request));
    settings.skew_degrees *= request.scan.max_skew / 1.5;
    return settings;
}

Result<PixPtr> scan_document(DocumentType type, const Application& application, const CaseRequest& request)
{
    auto pdf = typeset_document(type, as_printed_on(type, application, request));
    if (!pdf)
        return tl::unexpected(pdf.error());
    return scan_page(*pdf, scanner_for(type, application, request));
}

// Colour mode and orientation: what the person at the scanner chose or got wrong.
Result<PixPtr> as_fed(PixPtr pix, DocumentType type, const CaseRequest& request)
{
    if (request.scan.colour != ColourMode::grey) {
        auto converted = as_colour_mode(pix.get(), request.scan.colour);
        if (!converted)
            return tl::unexpected(converted.error());
        pix = std::move(*converted);
    }
    auto turn = request.scan.turned.find(type);
    if (turn == request.scan.turned.end() || turn->second % 360 == 0)
        return pix;
    return turned(pix.get(), turn->second);
}

Result<PixPtr> scanned(DocumentType type, const Application& application, const CaseRequest& request)
{
    auto pix = scan_document(type, application, request);
    if (!pix)
        return tl::unexpected(pix.error());
    return as_fed(std::move(*pix), type, request);
}

Result<PixPtr> blank_sheet(const Application& application, const CaseRequest& request)
{
    ScanSettings settings = scanner_for(DocumentType::surat_permohonan, application, request);
    settings.specks = 12; // a clean back side
    auto pix = scan_blank_page(settings);
    if (!pix)
        return tl::unexpected(pix.error());
    if (request.scan.colour == ColourMode::grey)
        return pix;
    return as_colour_mode(pix->get(), request.scan.colour);
}

// JPEG: a colour phone photo of the paper copy. PNG: kept grey, because a
// noisy colour PNG of an A4 page at 300 dpi is ~14 MB and tests gain nothing.
Result<std::string> photo_of_ktp(const Application& application, const CaseRequest& request)
{
    ImageFormat format = *request.ktp_photo;
    auto pix = scan_document(DocumentType::ktp, application, request);
    if (!pix)
        return tl::unexpected(pix.error());
    int dpi = dpi_for(DocumentType::ktp, request);
    if (format == ImageFormat::png)
        return encode_image(pix->get(), format, dpi);
    auto photo = as_phone_photo(pix->get());
    if (!photo)
        return tl::unexpected(photo.error());
    return encode_image(photo->get(), format, dpi, request.scan.jpeg_quality);
}

// --- Writing -----------------------------------------------------------------

// A re-run into the same folder must not leave documents that are now omitted.
void remove_stale_documents(const fs::path& folder)
{
    std::error_code ignored;
    for (auto types : {std::span<const DocumentType>(all_document_types), std::span<const DocumentType>(extra_document_types)})
        for (DocumentType type : types)
            for (const char* extension : {".pdf", ".jpg", ".png"})
                fs::remove(folder / (std::string(file_stem(type)) + extension), ignored);
}

Result<fs::path> written_to(const fs::path& path, const std::string& bytes)
{
    auto written = write_file(path, bytes);
    return written ? Result<fs::path>(path) : tl::unexpected(written.error());
}

Result<std::vector<ScannedPage>> pages_of_document(DocumentType type, const CaseRequest& request,
                                                   const Application& application)
{
    std::vector<PixPtr> pixes;
    auto pix = scanned(type, application, request);
    if (!pix)
        return tl::unexpected(pix.error());
    pixes.push_back(std::move(*pix));
    // The blank back of the letter, scanned along in simplex.
    if (request.defects.blank_page && type == DocumentType::surat_permohonan) {
        auto blank = blank_sheet(application, request);
        if (!blank)
            return tl::unexpected(blank.error());
        pixes.push_back(std::move(*blank));
    }
    std::vector<ScannedPage> pages;
    for (const PixPtr& page : pixes) {
        auto encoded = encode_page(page.get(), dpi_for(type, request), request.scan.jpeg_quality);
        if (!encoded)
            return tl::unexpected(encoded.error());
        pages.push_back(std::move(*encoded));
    }
    return pages;
}

Result<fs::path> write_document(const fs::path& folder, DocumentType type, const CaseRequest& request,
                                const Application& application)
{
    std::string stem(file_stem(type));
    if (type == DocumentType::ktp && request.ktp_photo) {
        auto photo = photo_of_ktp(application, request);
        if (!photo)
            return tl::unexpected(photo.error());
        return written_to(folder / (stem + (*request.ktp_photo == ImageFormat::png ? ".png" : ".jpg")), *photo);
    }
    if (request.born_digital.contains(type)) { // exported from the word processor, never printed
        auto pdf = typeset_document(type, as_printed_on(type, application, request));
        if (!pdf)
            return tl::unexpected(pdf.error());
        return written_to(folder / (stem + ".pdf"), *pdf);
    }
    auto pages = pages_of_document(type, request, application);
    if (!pages)
        return tl::unexpected(pages.error());
    auto pdf = wrap_scans_as_pdf(*pages, type_name(type), application.letter_date);
    if (!pdf)
        return tl::unexpected(pdf.error());
    return written_to(folder / (stem + ".pdf"), *pdf);
}

Result<std::vector<fs::path>> write_folder(const CaseRequest& request, const Application& application)
{
    std::error_code error;
    fs::create_directories(request.out, error);
    if (error)
        return failure("cannot create folder " + request.out.string() + ": " + error.message());
    remove_stale_documents(request.out);
    std::vector<fs::path> written;
    for (DocumentType type : present_types(request)) {
        auto path = write_document(request.out, type, request, application);
        if (!path)
            return failure(std::string(type_name(type)) + ": " + path.error());
        written.push_back(*path);
    }
    return written;
}

struct BundlePage {
    PixPtr pix;
    int dpi = 200;
};

Result<std::vector<BundlePage>> bundle_pages(const CaseRequest& request, const Application& application)
{
    std::vector<BundlePage> pages;
    for (DocumentType type : present_types(request)) {
        auto pix = scanned(type, application, request);
        if (!pix)
            return failure(std::string(type_name(type)) + ": " + pix.error());
        pages.push_back(BundlePage {std::move(*pix), dpi_for(type, request)});
    }
    if (request.defects.blank_page) { // between the first document and the rest
        auto blank = blank_sheet(application, request);
        if (!blank)
            return tl::unexpected(blank.error());
        pages.insert(pages.begin() + std::min<long>(1, static_cast<long>(pages.size())),
                     BundlePage {std::move(*blank), dpi_for(DocumentType::surat_permohonan, request)});
    }
    if (request.shuffle) { // a stack dropped and picked up again: Fisher–Yates, seeded
        SeededRandom random(derive_seed(request.seed, shuffle_stream));
        for (size_t i = pages.size(); i > 1; --i)
            std::swap(pages[i - 1], pages[random.below(static_cast<std::uint32_t>(i))]);
    }
    return pages;
}

Result<std::vector<fs::path>> write_bundle(const CaseRequest& request, const Application& application)
{
    auto pages = bundle_pages(request, application);
    if (!pages)
        return tl::unexpected(pages.error());
    if (request.tiff) {
        std::vector<PIX*> pixes;
        for (const BundlePage& page : *pages)
            pixes.push_back(page.pix.get());
        fs::path partial = request.out;
        partial += ".partial";
        if (auto written = write_multipage_tiff(partial.string(), pixes, pages->front().dpi); !written)
            return tl::unexpected(written.error());
        std::error_code error;
        fs::rename(partial, request.out, error);
        if (error)
            return failure("cannot rename " + partial.string() + ": " + error.message());
        return std::vector<fs::path> {request.out};
    }
    std::vector<ScannedPage> scans;
    for (const BundlePage& page : *pages) {
        auto encoded = encode_page(page.pix.get(), page.dpi, request.scan.jpeg_quality);
        if (!encoded)
            return tl::unexpected(encoded.error());
        scans.push_back(std::move(*encoded));
    }
    auto pdf = wrap_scans_as_pdf(scans, "berkas permohonan sertifikat elektronik", application.letter_date);
    if (!pdf)
        return tl::unexpected(pdf.error());
    if (auto written = write_file(request.out, *pdf); !written)
        return tl::unexpected(written.error());
    return std::vector<fs::path> {request.out};
}

std::vector<std::string> defect_names(const Defects& defects)
{
    std::vector<std::string> names;
    if (defects.sk_of_other_person) names.push_back("sk_of_other_person");
    if (defects.nip_birthdate_mismatch) names.push_back("nip_birthdate_mismatch");
    if (defects.email_domain) names.push_back("email_domain");
    for (DocumentType type : defects.unreadable) names.push_back("unreadable:" + std::string(type_name(type)));
    if (defects.blank_page) names.push_back("blank_page");
    if (defects.sk_year) names.push_back("sk_year");
    return names;
}

std::string truth_json(const CaseRequest& request, const Application& application)
{
    const Person& applicant = application.applicant;
    nlohmann::ordered_json truth;
    truth["seed"] = request.seed;
    truth["nama"] = applicant.name();
    truth["nama_tanpa_gelar"] = applicant.name_without_titles();
    truth["nik"] = applicant.nik;
    truth["nip"] = applicant.nip;
    truth["email"] = applicant.email;
    truth["no_hp"] = applicant.phone;
    truth["jabatan"] = applicant.jabatan;
    truth["pangkat"] = applicant.pangkat();
    truth["unit_kerja"] = application.unit_kerja;
    truth["instansi"] = application.instansi();
    truth["documents"] = nlohmann::ordered_json::array();
    for (DocumentType type : present_types(request))
        truth["documents"].push_back(type_name(type));
    // Extra facts for cross-checks (DOMAIN.md §3.3); not printed on every document.
    truth["jenis_kelamin"] = applicant.gender == Gender::female ? "PEREMPUAN" : "LAKI-LAKI";
    truth["tempat_lahir"] = applicant.birth_place;
    const Date& birth = applicant.birth_date;
    truth["tanggal_lahir"] = std::to_string(birth.year) + "-" + two_digits(birth.month) + "-" + two_digits(birth.day);
    truth["signatory_nips"] = {application.office_head.nip, application.supervisor.nip,
                               application.personnel_head.nip};
    if (!defect_names(request.defects).empty())
        truth["defects"] = defect_names(request.defects);
    if (request.defects.sk_of_other_person)
        truth["other_person"] = {{"document", "sk_terakhir"}, {"nip", make_stranger(request.seed).nip}};
    return truth.dump(2) + "\n";
}

std::string two_digit_seed(std::uint32_t seed)
{
    std::string digits = std::to_string(seed);
    return digits.size() < 2 ? std::string(2 - digits.size(), '0') + digits : digits;
}

} // namespace

bool is_inside(const fs::path& path, const fs::path& folder)
{
    fs::path inner = fs::weakly_canonical(fs::absolute(path));
    fs::path outer = fs::weakly_canonical(fs::absolute(folder));
    auto [outer_end, inner_at] = std::mismatch(outer.begin(), outer.end(), inner.begin(), inner.end());
    return outer_end == outer.end() && inner != outer;
}

Result<std::vector<fs::path>> write_case(const CaseRequest& request)
{
    Application application = make_application(request.seed);
    apply_defects(application, request.defects);
    auto written = request.bundle ? write_bundle(request, application) : write_folder(request, application);
    if (!written || !request.truth)
        return written;
    if (auto truth = write_file(*request.truth, truth_json(request, application)); !truth)
        return tl::unexpected(truth.error());
    written->push_back(*request.truth);
    return written;
}

Result<std::vector<fs::path>> write_samples(const fs::path& inbox, const std::optional<fs::path>& truth_folder)
{
    struct Sample {
        std::uint32_t seed;
        bool bundle;
        bool without_ktp;
    };
    std::vector<fs::path> written;
    for (Sample sample : {Sample {1, false, false}, Sample {2, false, true}, Sample {3, true, false}}) {
        std::string surname = surname_slug(make_application(sample.seed));
        std::string name = sample.bundle ? "berkas-" + surname + "-" + two_digit_seed(sample.seed)
                                         : "pemohon-" + two_digit_seed(sample.seed) + "-" + surname;
        CaseRequest request;
        request.seed = sample.seed;
        request.bundle = sample.bundle;
        request.out = inbox / (sample.bundle ? name + ".pdf" : name);
        if (sample.without_ktp)
            request.omitted.insert(DocumentType::ktp);
        if (truth_folder)
            request.truth = *truth_folder / (name + ".json");
        auto files = write_case(request);
        if (!files)
            return tl::unexpected(files.error());
        written.insert(written.end(), files->begin(), files->end());
    }
    return written;
}

} // namespace berkas::fixture
