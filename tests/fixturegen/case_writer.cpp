#include "case_writer.hpp"

#include <nlohmann/json.hpp>

#include <fstream>

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
    return types;
}

Result<PixPtr> scan_document(DocumentType type, const Application& application)
{
    auto pdf = typeset_document(type, application);
    if (!pdf)
        return tl::unexpected(pdf.error());
    SeededRandom scanner(derive_seed(application.seed, scanner_stream_base + static_cast<std::uint32_t>(type)));
    return scan_page(*pdf, random_scan_settings(scanner, scan_dpi(type)));
}

Result<ScannedPage> scan_as_jpeg(DocumentType type, const Application& application)
{
    auto pix = scan_document(type, application);
    if (!pix)
        return tl::unexpected(pix.error());
    auto jpeg = encode_image(pix->get(), ImageFormat::jpeg, scan_dpi(type));
    if (!jpeg)
        return tl::unexpected(jpeg.error());
    return ScannedPage {std::move(*jpeg), scan_dpi(type)};
}

// JPEG: a colour phone photo of the paper copy. PNG: kept grey, because a
// noisy colour PNG of an A4 page at 300 dpi is ~14 MB and tests gain nothing.
Result<std::string> photo_of_ktp(const Application& application, ImageFormat format)
{
    auto pix = scan_document(DocumentType::ktp, application);
    if (!pix)
        return tl::unexpected(pix.error());
    if (format == ImageFormat::png)
        return encode_image(pix->get(), format, scan_dpi(DocumentType::ktp));
    auto photo = as_phone_photo(pix->get());
    if (!photo)
        return tl::unexpected(photo.error());
    return encode_image(photo->get(), format, scan_dpi(DocumentType::ktp));
}

// A re-run into the same folder must not leave documents that are now omitted.
void remove_stale_documents(const fs::path& folder)
{
    std::error_code ignored;
    for (DocumentType type : all_document_types)
        for (const char* extension : {".pdf", ".jpg", ".png"})
            fs::remove(folder / (std::string(file_stem(type)) + extension), ignored);
}

Result<fs::path> write_document(const fs::path& folder, DocumentType type, const CaseRequest& request,
                                const Application& application)
{
    if (type == DocumentType::ktp && request.ktp_photo) {
        auto photo = photo_of_ktp(application, *request.ktp_photo);
        if (!photo)
            return tl::unexpected(photo.error());
        fs::path path = folder / (std::string(file_stem(type)) + (*request.ktp_photo == ImageFormat::png ? ".png" : ".jpg"));
        auto written = write_file(path, *photo);
        return written ? Result<fs::path>(path) : tl::unexpected(written.error());
    }
    auto page = scan_as_jpeg(type, application);
    if (!page)
        return tl::unexpected(page.error());
    auto pdf = wrap_scans_as_pdf({*page}, type_name(type), application.letter_date);
    if (!pdf)
        return tl::unexpected(pdf.error());
    fs::path path = folder / (std::string(file_stem(type)) + ".pdf");
    auto written = write_file(path, *pdf);
    return written ? Result<fs::path>(path) : tl::unexpected(written.error());
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

Result<std::vector<fs::path>> write_bundle(const CaseRequest& request, const Application& application)
{
    std::vector<ScannedPage> pages;
    for (DocumentType type : present_types(request)) {
        auto page = scan_as_jpeg(type, application);
        if (!page)
            return failure(std::string(type_name(type)) + ": " + page.error());
        pages.push_back(std::move(*page));
    }
    auto pdf = wrap_scans_as_pdf(pages, "berkas permohonan sertifikat elektronik", application.letter_date);
    if (!pdf)
        return tl::unexpected(pdf.error());
    if (auto written = write_file(request.out, *pdf); !written)
        return tl::unexpected(written.error());
    return std::vector<fs::path> {request.out};
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
