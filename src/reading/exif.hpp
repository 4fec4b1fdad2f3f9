#pragma once
// The one piece of EXIF that matters for reading scans: which way a phone held
// the camera. Leptonica ignores it (PDF-OCR.md §4.1), so a portrait page shot
// sideways would reach Tesseract on its side.
#include <string_view>

namespace berkas::reading {

// The EXIF Orientation tag (0x0112) of a JPEG: 1 (as stored) … 8. Returns 1 when
// the file has no EXIF block, no such tag, or a malformed one. Every offset is
// bounds-checked: the bytes are untrusted.
int jpeg_exif_orientation(std::string_view jpeg);

} // namespace berkas::reading
