#pragma once
// Reads a signed copy scanned back: the QR code's corners tie the page as
// printed (PDF points) to the scanned image (pixels), whatever its scale,
// shift or slant; each signature place is then looked up in the page's ink.
// Pure: numbers in, numbers out.
#include "model/issued_document.hpp"
#include "state/document_register.hpp"

#include <optional>
#include <vector>

namespace berkas::pipeline {

// x' = a·x + b·y + c, y' = d·x + e·y + f
struct AffineMap {
    double a = 0, b = 0, c = 0, d = 0, e = 0, f = 0;
    ImagePoint apply(double x, double y) const { return {a * x + b * y + c, d * x + e * y + f}; }
    std::optional<AffineMap> inverse() const;
};

// The least-squares map from the symbol's place on the printed page to the four
// corners zxing found on the scan; nullopt when the corners are degenerate.
std::optional<AffineMap> page_to_image(const PageRect& symbol, const PageCode& code);

struct InkReading {
    double ink = 0;      // share of the place covered by ink, printed rules left out
    int inked_cells = 0; // cells of about 1 mm² holding ink
};

// The ink inside `area` (less a margin, so that a box's own border does not count).
InkReading ink_in(const PageRect& area, const AffineMap& to_image, const InkGrid& grid);

// A place holds a signature when enough of it is covered by strokes that are not
// a printed rule: a signature or a paraf, not a speck of dust.
bool looks_signed(const InkReading& reading);

// Every signature place on the page of `code`, read from the scan.
std::vector<state::SignatureMark> read_signatures(const PageCode& scanned, const PlacedCode& printed,
                                                  const std::vector<SignatureArea>& areas);

} // namespace berkas::pipeline
