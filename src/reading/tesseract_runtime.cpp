#include "reading/tesseract_runtime.hpp"

#include "reading/tesseract_interposition.hpp"

#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>

#include <dlfcn.h>
#include <link.h>

#include <atomic>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace berkas::reading::tesseract_runtime {

namespace {

std::atomic<bool> g_enabled {true};

bool enabled() { return g_enabled.load(std::memory_order_relaxed); }

// Where libtesseract's code is mapped, to tell its calls from everyone else's.
struct CodeRange {
    std::uintptr_t begin = 0;
    std::uintptr_t end = 0;
    bool contains(const void* address) const
    {
        const auto value = reinterpret_cast<std::uintptr_t>(address);
        return value >= begin && value < end;
    }
};

int note_tesseract_code(dl_phdr_info* info, size_t, void* data)
{
    if (info->dlpi_name == nullptr || std::strstr(info->dlpi_name, "libtesseract.so") == nullptr)
        return 0;
    auto& range = *static_cast<CodeRange*>(data);
    for (int i = 0; i < info->dlpi_phnum; ++i) {
        const ElfW(Phdr)& segment = info->dlpi_phdr[i];
        if (segment.p_type != PT_LOAD || (segment.p_flags & PF_X) == 0)
            continue;
        const std::uintptr_t begin = info->dlpi_addr + segment.p_vaddr;
        const std::uintptr_t end = begin + segment.p_memsz;
        range.begin = range.begin == 0 ? begin : std::min(range.begin, begin);
        range.end = std::max(range.end, end);
    }
    return 1;
}

const CodeRange& tesseract_code()
{
    static const CodeRange range = [] {
        CodeRange found;
        ::dl_iterate_phdr(note_tesseract_code, &found);
        return found;
    }();
    return range;
}

// Sections of the `omp parallel sections` construct being run inline on
// this thread; saved and restored around nested constructs.
struct InlineSections {
    unsigned next = 0;
    unsigned count = 0;
};
thread_local InlineSections t_sections;

thread_local Uses t_uses;

} // namespace

} // namespace berkas::reading::tesseract_runtime

using berkas::reading::tesseract_runtime::enabled;
using berkas::reading::tesseract_runtime::library_definition;
using berkas::reading::tesseract_runtime::t_sections;
using berkas::reading::tesseract_runtime::t_uses;
using berkas::reading::tesseract_runtime::tesseract_code;

// The libgomp ABI (GCC's libgomp/libgomp_g.h) for the constructs libtesseract
// uses: `parallel for` with static schedules, which asks omp_get_num_threads()
// and omp_get_thread_num() for its share (1 and 0 outside a team: the whole
// loop), and `parallel sections`, which asks GOMP_sections_next() which
// section to run next until it answers 0.
extern "C" {

void GOMP_parallel(void (*body)(void*), void* data, unsigned num_threads, unsigned flags)
{
    if (!enabled()) {
        using Function = void (*)(void (*)(void*), void*, unsigned, unsigned);
        static const auto library = library_definition<Function>("GOMP_parallel");
        return library(body, data, num_threads, flags);
    }
    t_uses.inline_regions++;
    body(data);
}

void GOMP_parallel_sections(void (*body)(void*), void* data, unsigned num_threads, unsigned count, unsigned flags)
{
    if (!enabled()) {
        using Function = void (*)(void (*)(void*), void*, unsigned, unsigned, unsigned);
        static const auto library = library_definition<Function>("GOMP_parallel_sections");
        return library(body, data, num_threads, count, flags);
    }
    t_uses.inline_regions++;
    const auto outer = t_sections;
    t_sections = {1, count};
    body(data);
    t_sections = outer;
}

unsigned GOMP_sections_next()
{
    if (!enabled()) {
        static const auto library = library_definition<unsigned (*)()>("GOMP_sections_next");
        return library();
    }
    return t_sections.next <= t_sections.count ? t_sections.next++ : 0;
}

void GOMP_sections_end_nowait()
{
    if (!enabled()) {
        static const auto library = library_definition<void (*)()>("GOMP_sections_end_nowait");
        library();
    }
}

l_ok pixWriteMem(l_uint8** data, size_t* size, PIX* pix, l_int32 format)
{
    using Function = l_ok (*)(l_uint8**, size_t*, PIX*, l_int32);
    static const auto library = library_definition<Function>("pixWriteMem");
    // Tesseract decodes the image again with pixReadMem, which reads PNM as
    // readily as PNG; nobody else ever sees these bytes.
    if (format == IFF_PNG && enabled() && tesseract_code().contains(__builtin_return_address(0))) {
        format = IFF_PNM;
        t_uses.raw_line_images++;
    }
    return library(data, size, pix, format);
}

} // extern "C"

namespace berkas::reading::tesseract_runtime {

// Each from its own switch and binding.
Shortcuts in_effect()
{
    Shortcuts shortcuts;
    shortcuts.serial_openmp = enabled() && bound_in_executable("GOMP_parallel") &&
                              bound_in_executable("GOMP_parallel_sections") &&
                              bound_in_executable("GOMP_sections_next") &&
                              bound_in_executable("GOMP_sections_end_nowait");
    shortcuts.raw_line_images = enabled() && bound_in_executable("pixWriteMem") && tesseract_code().end != 0;
    shortcuts.stride_index = stride_index_in_effect();
    shortcuts.time_step_writes = time_step_writes_in_effect();
    return shortcuts;
}

Uses uses_on_this_thread()
{
    Uses uses = t_uses;
    uses.stride_increments = stride_increments_on_this_thread();
    uses.time_step_writes = time_step_writes_on_this_thread();
    return uses;
}

void set_enabled(bool enabled)
{
    g_enabled.store(enabled, std::memory_order_relaxed);
    set_stride_index_enabled(enabled);
    set_time_step_writes_enabled(enabled);
}

bool library_is_version_5_3() { return std::string_view(tesseract::TessBaseAPI::Version()).starts_with("5.3."); }

} // namespace berkas::reading::tesseract_runtime
