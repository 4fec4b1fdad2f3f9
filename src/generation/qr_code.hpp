#pragma once
// QR code modules from libqrencode, as a plain matrix the PDF writer draws as rectangles.
#include "util/expected.hpp"

#include <string_view>
#include <vector>

namespace berkas::generation {

// Scanners need a light margin of four modules around the symbol.
inline constexpr int qr_quiet_zone_modules = 4;

struct QrMatrix {
    int width = 0; // modules per side, without the quiet zone
    std::vector<bool> dark;

    bool is_dark(int row, int column) const { return dark[static_cast<size_t>(row * width + column)]; }
};

// Error correction level M, byte mode, version chosen by the payload length.
Expected<QrMatrix> encode_qr(std::string_view payload);

} // namespace berkas::generation
