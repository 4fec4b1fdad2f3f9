// Tesseract's network layers walk their input with StrideMap::Index, a
// cursor over (batch, height, width). Every step of a convolution or max-pool
// window calls AddOffset, which in Debian's libtesseract 5.3 goes through the
// PLT to SetTFromIndices, then IsValid, then MaxIndexOfDim three times: five
// calls of a few instructions each, 13 % of all reading time in perf on the
// speed corpus. The executable defines these member functions, so libtesseract's
// calls bind to the definitions here, which do the same arithmetic without
// the calls in between (see tesseract_runtime.hpp for the mechanism).
//
// The definitions must read the objects exactly as the library lays them
// out; the layout below is Tesseract 5.3's (lstm/stridemap.h). With a 5.3
// library they are run beside the library's own functions when the process
// starts, and if they disagree on any case, or the library is another
// version, every function here forwards to the library.

#include "reading/tesseract_interposition.hpp"
#include "reading/tesseract_runtime.hpp"

#include <atomic>
#include <cstddef>
#include <vector>

namespace tesseract {

enum FlexDimensions { FD_BATCH, FD_HEIGHT, FD_WIDTH, FD_DIMSIZE };

class StrideMap {
public:
    class Index {
    public:
        bool IsValid() const;
        int MaxIndexOfDim(FlexDimensions dim) const;
        bool IsLast(FlexDimensions dimension) const;
        void SetTFromIndices();
        bool AddOffset(int offset, FlexDimensions dimension);
        bool Increment();

        const StrideMap* stride_map_;
        int t_;
        int indices_[FD_DIMSIZE];
    };

    int shape_[FD_DIMSIZE];
    int t_increments_[FD_DIMSIZE];
    std::vector<int> heights_;
    std::vector<int> widths_;
};

} // namespace tesseract

namespace berkas::reading::tesseract_runtime {

namespace {

using tesseract::FlexDimensions;
using Index = tesseract::StrideMap::Index;

struct LibraryIndex {
    using MaxIndexOfDimFn = int (*)(const Index*, FlexDimensions);
    using IsValidFn = bool (*)(const Index*);
    using IsLastFn = bool (*)(const Index*, FlexDimensions);
    using SetTFromIndicesFn = void (*)(Index*);
    using AddOffsetFn = bool (*)(Index*, int, FlexDimensions);
    using IncrementFn = bool (*)(Index*);

    MaxIndexOfDimFn max_index_of_dim =
        library_definition<MaxIndexOfDimFn>("_ZNK9tesseract9StrideMap5Index13MaxIndexOfDimENS_14FlexDimensionsE");
    IsValidFn is_valid = library_definition<IsValidFn>("_ZNK9tesseract9StrideMap5Index7IsValidEv");
    IsLastFn is_last = library_definition<IsLastFn>("_ZNK9tesseract9StrideMap5Index6IsLastENS_14FlexDimensionsE");
    SetTFromIndicesFn set_t_from_indices =
        library_definition<SetTFromIndicesFn>("_ZN9tesseract9StrideMap5Index15SetTFromIndicesEv");
    AddOffsetFn add_offset =
        library_definition<AddOffsetFn>("_ZN9tesseract9StrideMap5Index9AddOffsetEiNS_14FlexDimensionsE");
    IncrementFn increment = library_definition<IncrementFn>("_ZN9tesseract9StrideMap5Index9IncrementEv");

    bool complete() const
    {
        return max_index_of_dim && is_valid && is_last && set_t_from_indices && add_offset && increment;
    }
};

const LibraryIndex& library()
{
    static const LibraryIndex functions;
    return functions;
}

// Kept apart from the definitions below, so that their usual path needs no
// registers saved for a call.
template<auto LibraryIndex::*function, typename... Args>
[[gnu::cold, gnu::noinline]] auto forward(Args... args)
{
    return (library().*function)(args...);
}

constinit Replacement g_replacement;

bool use_ours() { return g_replacement.active(); }

thread_local unsigned long t_increments = 0;

// The definitions below, as plain functions on the object, so that they call
// each other directly.
int max_index_of_dim(const Index& index, FlexDimensions dim)
{
    const tesseract::StrideMap& map = *index.stride_map_;
    const int max_index = map.shape_[dim] - 1;
    if (dim == tesseract::FD_BATCH)
        return max_index;
    // A negative batch index becomes a huge unsigned one and fails the size
    // check, as in the library.
    const auto batch = static_cast<std::size_t>(static_cast<long>(index.indices_[tesseract::FD_BATCH]));
    const std::vector<int>& sizes = dim == tesseract::FD_HEIGHT ? map.heights_ : map.widths_;
    if (batch >= sizes.size() || sizes[batch] > max_index)
        return max_index;
    return sizes[batch] - 1;
}

bool is_valid(const Index& index)
{
    for (const int value : index.indices_)
        if (value < 0)
            return false;
    for (int dim = 0; dim < tesseract::FD_DIMSIZE; ++dim)
        if (index.indices_[dim] > max_index_of_dim(index, FlexDimensions(dim)))
            return false;
    return true;
}

void set_t_from_indices(Index& index)
{
    const int* increments = index.stride_map_->t_increments_;
    index.t_ = increments[0] * index.indices_[0] + increments[1] * index.indices_[1] +
               increments[2] * index.indices_[2];
}

bool increment(Index& index)
{
    const int* increments = index.stride_map_->t_increments_;
    for (int dim = tesseract::FD_DIMSIZE - 1; dim >= 0; --dim) {
        if (index.indices_[dim] != max_index_of_dim(index, FlexDimensions(dim))) {
            index.t_ += increments[dim];
            ++index.indices_[dim];
            return true;
        }
        index.t_ -= increments[dim] * index.indices_[dim];
        index.indices_[dim] = 0;
    }
    return false;
}

} // namespace

} // namespace berkas::reading::tesseract_runtime

namespace tesseract {

using namespace berkas::reading::tesseract_runtime;

int StrideMap::Index::MaxIndexOfDim(FlexDimensions dim) const
{
    if (!use_ours())
        return forward<&LibraryIndex::max_index_of_dim>(this, dim);
    return max_index_of_dim(*this, dim);
}

bool StrideMap::Index::IsValid() const
{
    if (!use_ours())
        return forward<&LibraryIndex::is_valid>(this);
    return is_valid(*this);
}

bool StrideMap::Index::IsLast(FlexDimensions dimension) const
{
    if (!use_ours())
        return forward<&LibraryIndex::is_last>(this, dimension);
    return indices_[dimension] == max_index_of_dim(*this, dimension);
}

void StrideMap::Index::SetTFromIndices()
{
    if (!use_ours())
        return forward<&LibraryIndex::set_t_from_indices>(this);
    set_t_from_indices(*this);
}

bool StrideMap::Index::AddOffset(int offset, FlexDimensions dimension)
{
    if (!use_ours())
        return forward<&LibraryIndex::add_offset>(this, offset, dimension);
    indices_[dimension] += offset;
    set_t_from_indices(*this);
    return is_valid(*this);
}

bool StrideMap::Index::Increment()
{
    if (!use_ours())
        return forward<&LibraryIndex::increment>(this);
    ++t_increments;
    return increment(*this);
}

} // namespace tesseract

namespace berkas::reading::tesseract_runtime {

namespace {

// A map of two batch items of different sizes inside a larger shape, and
// cursors at and around its edges, including outside it.
tesseract::StrideMap sample_map()
{
    tesseract::StrideMap map {};
    map.shape_[tesseract::FD_BATCH] = 2;
    map.shape_[tesseract::FD_HEIGHT] = 5;
    map.shape_[tesseract::FD_WIDTH] = 7;
    map.t_increments_[tesseract::FD_BATCH] = 35;
    map.t_increments_[tesseract::FD_HEIGHT] = 7;
    map.t_increments_[tesseract::FD_WIDTH] = 1;
    map.heights_ = {5, 3};
    map.widths_ = {4, 7};
    return map;
}

struct Outcome {
    int value = 0;
    int t = 0;
    int indices[tesseract::FD_DIMSIZE] = {};
    bool operator==(const Outcome&) const = default;
};

Outcome outcome_of(const Index& index, int value)
{
    Outcome outcome;
    outcome.value = value;
    outcome.t = index.t_;
    for (int dim = 0; dim < tesseract::FD_DIMSIZE; ++dim)
        outcome.indices[dim] = index.indices_[dim];
    return outcome;
}

// Runs one operation on a copy of `start`, once through the library's
// definitions and once through ours.
template<typename Operation>
bool agree(const Index& start, Operation operation)
{
    Padded<Index> by_library(start), by_us(start);
    g_replacement.force(false);
    const Outcome expected = outcome_of(*by_library.object, operation(*by_library.object));
    g_replacement.force(true);
    const Outcome got = outcome_of(*by_us.object, operation(*by_us.object));
    g_replacement.force(false);
    return expected == got;
}

bool agrees_on(const Index& start)
{
    bool same = agree(start, [](Index& i) { return int(i.IsValid()); }) &&
                agree(start, [](Index& i) { return int(i.Increment()); }) &&
                agree(start, [](Index& i) { return i.SetTFromIndices(), 0; });
    for (int dim = 0; dim < tesseract::FD_DIMSIZE; ++dim) {
        const auto flex = FlexDimensions(dim);
        same = same && agree(start, [flex](Index& i) { return i.MaxIndexOfDim(flex); }) &&
               agree(start, [flex](Index& i) { return int(i.IsLast(flex)); });
        for (const int offset : {-3, -1, 1, 2, 6})
            same = same && agree(start, [flex, offset](Index& i) { return int(i.AddOffset(offset, flex)); });
    }
    return same;
}

bool layout_agrees_with_library()
{
    if (!library().complete() || !library_is_version_5_3())
        return false;
    const Padded<tesseract::StrideMap> map(sample_map());
    for (int batch = -1; batch <= 2; ++batch)
        for (int y = -1; y <= 5; ++y)
            for (int x = -1; x <= 7; x += 2) {
                Padded<Index> padded;
                Index& start = *padded.object;
                start.stride_map_ = map.object;
                start.indices_[tesseract::FD_BATCH] = batch;
                start.indices_[tesseract::FD_HEIGHT] = y;
                start.indices_[tesseract::FD_WIDTH] = x;
                start.t_ = 35 * batch + 7 * y + x;
                if (!agrees_on(start))
                    return false;
            }
    return true;
}

// Decided once, before main and before any thread reads Tesseract's
// networks; libtesseract is loaded and initialised by then.
[[maybe_unused]] const bool g_layout_checked = (g_replacement.set_layout_agrees(layout_agrees_with_library()), true);

} // namespace

bool stride_index_in_effect()
{
    return g_replacement.in_effect("_ZN9tesseract9StrideMap5Index9AddOffsetEiNS_14FlexDimensionsE");
}

void set_stride_index_enabled(bool enabled) { g_replacement.set_switched_on(enabled); }

unsigned long stride_increments_on_this_thread() { return t_increments; }

} // namespace berkas::reading::tesseract_runtime
