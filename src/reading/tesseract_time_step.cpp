// Each LSTM layer of Tesseract's network writes its output for every time
// step through NetworkIO::WriteTimeStepPart. With the integer models Debian
// ships (tessdata_fast), that quantises each value to int8: multiply by 127,
// add 0.5 to the magnitude in float and truncate (round half away from zero,
// but for float rounding), clip to ±127. Debian's libtesseract 5.3 does it
// one value at a time behind a branch on the value's sign, which changes from
// value to value: 5 % of reading time in perf on the speed corpus. The
// executable defines the member function, so the library's calls bind to the
// definition here, which does the same arithmetic eight values at a time
// without branches (see tesseract_runtime.hpp for the mechanism).
//
// The definition reads NetworkIO as Tesseract 5.3 lays it out
// (lstm/networkio.h, ccutil/matrix.h). With a 5.3 library it is run beside
// the library's own function when the process starts, on values that include
// the rounding boundaries, clipping, -0, infinities and NaN, through both the
// eight-at-a-time path and the one for the rest; on any disagreement, or
// with another version, it forwards to the library.

#include "reading/tesseract_interposition.hpp"
#include "reading/tesseract_runtime.hpp"

#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace tesseract {

class NetworkIO {
public:
    void WriteTimeStepPart(int t, int offset, int num_features, const float* input);

    // GENERIC_2D_ARRAY<T>: a virtual destructor, then the data.
    template<typename T>
    struct Array {
        const void* vtable;
        T* array_;
        T empty_;
        int dim1_;
        int dim2_;
        int size_allocated_;

        T* row(int t) const { return array_ + static_cast<long>(t * dim2_); }
    };

    Array<float> f_;
    Array<std::int8_t> i_;
    bool int_mode_;
};

} // namespace tesseract

namespace berkas::reading::tesseract_runtime {

namespace {

using tesseract::NetworkIO;

constexpr const char* kWriteTimeStepPart = "_ZN9tesseract9NetworkIO17WriteTimeStepPartEiiiPKf";
using WriteTimeStepPartFn = void (*)(NetworkIO*, int, int, int, const float*);

WriteTimeStepPartFn library_write_time_step_part()
{
    static const auto function = library_definition<WriteTimeStepPartFn>(kWriteTimeStepPart);
    return function;
}

[[gnu::cold, gnu::noinline]] void forward(NetworkIO* io, int t, int offset, int num_features, const float* input)
{
    library_write_time_step_part()(io, t, offset, num_features, input);
}

constinit Replacement g_replacement;

bool use_ours() { return g_replacement.active(); }

thread_local unsigned long t_writes = 0;

// What the library computes for one value, with the x86 instructions'
// answers where C++ leaves them undefined: a float beyond int's range (or
// NaN) truncates to INT_MIN, and negating INT_MIN leaves it as it is. (On
// other processors the library may answer otherwise there; the check
// before main then switches this definition off.)
std::int8_t quantised(float value)
{
    constexpr int kMin = std::numeric_limits<int>::min();
    const float scaled = value * 127.0f;
    const auto truncated = [](float x) {
        return std::isnan(x) || x >= 2147483648.0f || x < -2147483648.0f ? kMin : int(x);
    };
    int result = 0;
    if (scaled >= 0) {
        result = truncated(scaled + 0.5f);
    } else {
        const int magnitude = truncated(0.5f - scaled);
        result = magnitude == kMin ? kMin : -magnitude;
    }
    if (result > 127)
        result = 127;
    if (result < -127)
        result = -127;
    return std::int8_t(result);
}

#if defined(__SSE2__)
// Eight at a time, in two groups of four: the same float operations, the
// truncation's out-of-range answer is INT_MIN as in the scalar instruction,
// and saturating packs with a clip to ±127 do the rest.
void quantise_row(const float* input, int count, std::int8_t* out)
{
    const __m128 scale = _mm_set1_ps(127.0f), half = _mm_set1_ps(0.5f), zero = _mm_setzero_ps();
    const __m128i low = _mm_set1_epi16(-127), high = _mm_set1_epi16(127);
    int i = 0;
    for (; i + 8 <= count; i += 8) {
        __m128i halves[2];
        for (int h = 0; h < 2; ++h) {
            const __m128 scaled = _mm_mul_ps(_mm_loadu_ps(input + i + 4 * h), scale);
            const __m128i up = _mm_cvttps_epi32(_mm_add_ps(scaled, half));
            const __m128i down = _mm_sub_epi32(_mm_setzero_si128(), _mm_cvttps_epi32(_mm_sub_ps(half, scaled)));
            const __m128i non_negative = _mm_castps_si128(_mm_cmpge_ps(scaled, zero));
            halves[h] = _mm_or_si128(_mm_and_si128(non_negative, up), _mm_andnot_si128(non_negative, down));
        }
        __m128i words = _mm_packs_epi32(halves[0], halves[1]);
        words = _mm_min_epi16(_mm_max_epi16(words, low), high);
        _mm_storel_epi64(reinterpret_cast<__m128i*>(out + i), _mm_packs_epi16(words, words));
    }
    for (; i < count; ++i)
        out[i] = quantised(input[i]);
}
#else
void quantise_row(const float* input, int count, std::int8_t* out)
{
    for (int i = 0; i < count; ++i)
        out[i] = quantised(input[i]);
}
#endif

} // namespace

} // namespace berkas::reading::tesseract_runtime

namespace tesseract {

void NetworkIO::WriteTimeStepPart(int t, int offset, int num_features, const float* input)
{
    using namespace berkas::reading::tesseract_runtime;
    if (!use_ours())
        return forward(this, t, offset, num_features, input);
    ++t_writes;
    if (int_mode_) {
        quantise_row(input, num_features, i_.row(t) + offset);
        return;
    }
    float* line = f_.row(t) + offset;
    for (int i = 0; i < num_features; ++i)
        line[i] = input[i];
}

} // namespace tesseract

namespace berkas::reading::tesseract_runtime {

namespace {

// The values where the library's answer is least obvious.
std::vector<float> special_values()
{
    return {0.0f, -0.0f, 1.0f, -1.0f, 2.0f, -2.0f, 1e30f, -1e30f,
            std::numeric_limits<float>::infinity(), -std::numeric_limits<float>::infinity(),
            std::numeric_limits<float>::quiet_NaN()};
}

// Values around every boundary of the quantisation, and a spread between.
std::vector<float> sample_values()
{
    std::vector<float> values = special_values();
    for (int step = -130; step <= 130; ++step) {
        const float boundary = (step + 0.5f) / 127.0f;
        values.insert(values.end(), {boundary, std::nextafter(boundary, 2.0f), std::nextafter(boundary, -2.0f)});
    }
    std::uint32_t state = 12345;
    for (int i = 0; i < 200; ++i) {
        state = state * 1664525u + 1013904223u;
        values.push_back(float(int(state >> 8) - (1 << 23)) / float(1 << 22));
    }
    return values;
}

// The whole sample (eight at a time, the last two alone) and each special
// value alone (the path for the rest of a row).
std::vector<std::vector<float>> sample_rows()
{
    std::vector<std::vector<float>> rows = {sample_values()};
    for (const float value : special_values())
        rows.push_back({value});
    return rows;
}

// Writes `values` into row 1 of a zeroed three-row NetworkIO, at an offset,
// through `write`, and returns all its bytes.
std::vector<unsigned char> written(bool int_mode, const std::vector<float>& values, WriteTimeStepPartFn write)
{
    const int width = int(values.size()) + 5;
    std::vector<float> floats(3 * std::size_t(width));
    std::vector<std::int8_t> ints(3 * std::size_t(width));
    Padded<NetworkIO> io;
    io.object->f_.array_ = floats.data();
    io.object->f_.dim1_ = io.object->i_.dim1_ = 3;
    io.object->f_.dim2_ = io.object->i_.dim2_ = width;
    io.object->i_.array_ = ints.data();
    io.object->int_mode_ = int_mode;
    write(io.object, 1, 3, int(values.size()), values.data());
    std::vector<unsigned char> bytes(floats.size() * sizeof(float) + ints.size());
    std::memcpy(bytes.data(), floats.data(), floats.size() * sizeof(float));
    std::memcpy(bytes.data() + floats.size() * sizeof(float), ints.data(), ints.size());
    return bytes;
}

void write_with_ours(NetworkIO* io, int t, int offset, int num_features, const float* input)
{
    io->WriteTimeStepPart(t, offset, num_features, input);
}

bool layout_agrees_with_library()
{
    if (library_write_time_step_part() == nullptr || !library_is_version_5_3())
        return false;
    for (const std::vector<float>& values : sample_rows())
        for (const bool int_mode : {true, false}) {
            const auto expected = written(int_mode, values, library_write_time_step_part());
            g_replacement.force(true);
            const auto got = written(int_mode, values, write_with_ours);
            g_replacement.force(false);
            if (expected != got)
                return false;
        }
    return true;
}

[[maybe_unused]] const bool g_layout_checked = (g_replacement.set_layout_agrees(layout_agrees_with_library()), true);

} // namespace

bool time_step_writes_in_effect()
{
    return g_replacement.in_effect(kWriteTimeStepPart);
}

void set_time_step_writes_enabled(bool enabled) { g_replacement.set_switched_on(enabled); }

unsigned long time_step_writes_on_this_thread() { return t_writes; }

} // namespace berkas::reading::tesseract_runtime
