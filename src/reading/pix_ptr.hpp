#pragma once
// Owning handle for Leptonica images, so that every early return frees them.
#include <leptonica/allheaders.h>

#include <memory>

namespace berkas::reading {

struct PixDeleter {
    void operator()(Pix* pix) const noexcept { pixDestroy(&pix); }
};

using PixPtr = std::unique_ptr<Pix, PixDeleter>;

} // namespace berkas::reading
