#pragma once
// Hand-made marks on a letter: a signature scribble and an office stamp. They
// overlap the signatory block the way real ones do, which is exactly the clutter
// OCR has to cope with near the signatory's (distractor) name and NIP.
#include "random.hpp"
#include "typeset.hpp"

#include <string_view>

namespace berkas::fixture {

// A seeded scribble inside the box [x, x+width] × [top, top+height].
void draw_signature(Canvas& canvas, SeededRandom& random, double x, double top, double width, double height);

// A round office stamp in mid-grey ink: text along the upper and lower rim and
// a short word in the middle.
void draw_stamp(Canvas& canvas, Point centre, double radius, std::string_view upper_rim, std::string_view lower_rim,
                std::string_view middle);

} // namespace berkas::fixture
