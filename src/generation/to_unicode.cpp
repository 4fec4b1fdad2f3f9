#include "generation/to_unicode.hpp"

#include <podofo/podofo.h>

#include <cstdio>
#include <mutex>
#include <vector>

namespace berkas::generation {

namespace {

void silence_podofo()
{
    static std::once_flag once;
    // Otherwise PoDoFo prints parser notes and the trailer to stdout and stderr.
    std::call_once(once, [] {
        PoDoFo::PdfError::EnableDebug(false);
        PoDoFo::PdfError::EnableLogging(false);
    });
}

bool has_name(const PoDoFo::PdfDictionary& dictionary, const char* key, const char* value)
{
    const PoDoFo::PdfObject* entry = dictionary.GetKey(PoDoFo::PdfName(key));
    return entry != nullptr && entry->IsName() && entry->GetName() == PoDoFo::PdfName(value);
}

bool is_identity_h_font(PoDoFo::PdfObject* object)
{
    if (object == nullptr || !object->IsDictionary())
        return false;
    const PoDoFo::PdfDictionary& dictionary = object->GetDictionary();
    return has_name(dictionary, "Type", "Font") && has_name(dictionary, "Subtype", "Type0") &&
           has_name(dictionary, "Encoding", "Identity-H");
}

// The stream a font's /ToUnicode points at; a new one when there is none.
PoDoFo::PdfObject* to_unicode_stream(PoDoFo::PdfVecObjects& objects, PoDoFo::PdfObject* font)
{
    const PoDoFo::PdfObject* entry = font->GetDictionary().GetKey(PoDoFo::PdfName("ToUnicode"));
    if (entry != nullptr && entry->IsReference()) {
        if (PoDoFo::PdfObject* existing = objects.GetObject(entry->GetReference()))
            return existing;
    }
    PoDoFo::PdfObject* created = objects.CreateObject();
    font->GetDictionary().AddKey(PoDoFo::PdfName("ToUnicode"), created->Reference());
    return created;
}

// A ToUnicode stream is a bare CMap program; libharu also wrote the dictionary keys of an
// encoding CMap (/Type /CMap, /CMapName /UTF-8, …), which do not belong there.
void replace_stream(PoDoFo::PdfObject* stream_object, const std::string& content)
{
    PoDoFo::PdfDictionary& dictionary = stream_object->GetDictionary();
    for (const char* key : {"Type", "CMapName", "CIDSystemInfo", "WMode", "UseCMap"})
        dictionary.RemoveKey(PoDoFo::PdfName(key));
    stream_object->GetStream()->Set(content.data(), static_cast<PoDoFo::pdf_long>(content.size()));
}

void restore_modification_date(PoDoFo::PdfMemDocument& document)
{
    PoDoFo::PdfInfo* info = document.GetInfo();
    if (info == nullptr || info->GetObject() == nullptr)
        return;
    PoDoFo::PdfDictionary& dictionary = info->GetObject()->GetDictionary();
    if (const PoDoFo::PdfObject* created = dictionary.GetKey(PoDoFo::PdfName("CreationDate")))
        dictionary.AddKey(PoDoFo::PdfName("ModDate"), *created);
    else
        dictionary.RemoveKey(PoDoFo::PdfName("ModDate"));
}

} // namespace

std::string identity_to_unicode_cmap()
{
    std::string cmap = "/CIDInit /ProcSet findresource begin\n"
                       "12 dict begin\n"
                       "begincmap\n"
                       "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                       "/CMapName /Adobe-Identity-UCS def\n"
                       "/CMapType 2 def\n"
                       "1 begincodespacerange\n"
                       "<0000> <FFFF>\n"
                       "endcodespacerange\n";
    constexpr int ranges = 256;
    constexpr int per_block = 100; // the CMap format allows at most 100 entries per block
    for (int first = 0; first < ranges; first += per_block) {
        int count = std::min(per_block, ranges - first);
        cmap += std::to_string(count) + " beginbfrange\n";
        for (int high = first; high < first + count; ++high) {
            char line[32];
            std::snprintf(line, sizeof line, "<%02X00> <%02XFF> <%02X00>\n", high, high, high);
            cmap += line;
        }
        cmap += "endbfrange\n";
    }
    cmap += "endcmap\n"
            "CMapName currentdict /CMap defineresource pop\n"
            "end\n"
            "end\n";
    return cmap;
}

Expected<std::string> repair_to_unicode_maps(std::string_view pdf)
{
    silence_podofo();
    // PoDoFo 0.9.8's PdfError does not derive from std::exception.
    try {
        PoDoFo::PdfMemDocument document;
        document.LoadFromBuffer(pdf.data(), static_cast<long>(pdf.size()));
        PoDoFo::PdfVecObjects& objects = document.GetObjects();
        std::vector<PoDoFo::PdfObject*> fonts;
        for (PoDoFo::PdfObject* object : objects) {
            if (is_identity_h_font(object))
                fonts.push_back(object); // collected first: creating objects invalidates the iteration
        }
        const std::string cmap = identity_to_unicode_cmap();
        for (PoDoFo::PdfObject* font : fonts)
            replace_stream(to_unicode_stream(objects, font), cmap);
        restore_modification_date(document);

        PoDoFo::PdfRefCountedBuffer buffer;
        PoDoFo::PdfOutputDevice device(&buffer);
        document.Write(&device);
        return std::string(buffer.GetBuffer(), device.GetLength());
    } catch (const PoDoFo::PdfError& error) {
        return make_error("pdf", std::string("PoDoFo cannot repair the ToUnicode maps: ") +
                                     PoDoFo::PdfError::ErrorName(error.GetError()));
    } catch (const std::exception& error) {
        return make_error("pdf", std::string("PoDoFo cannot repair the ToUnicode maps: ") + error.what());
    }
}

} // namespace berkas::generation
