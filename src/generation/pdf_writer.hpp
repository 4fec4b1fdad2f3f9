#pragma once
// Draws a laid-out document with libharu. Everything libharu-specific stays in
// pdf_writer.cpp: the error-handler pattern, UTF-8 fonts, memory streams.
#include "generation/fonts.hpp"
#include "generation/indonesian.hpp"
#include "generation/layout.hpp"
#include "util/expected.hpp"

#include <memory>
#include <string>

namespace berkas::generation {

// One PDF being written. Not movable: libharu keeps a pointer to its error state.
class PdfWriter {
public:
    static Expected<std::unique_ptr<PdfWriter>> open(const FontFiles& fonts);
    ~PdfWriter();
    PdfWriter(const PdfWriter&) = delete;
    PdfWriter& operator=(const PdfWriter&) = delete;

    // Widths with the embedded fonts, for lay_out_document.
    const TextMeasure& measure() const;

    // The PDF bytes. `date` becomes CreationDate and ModDate, so the same input always
    // gives the same bytes.
    Expected<std::string> write(const LaidOutDocument& document, const CalendarDate& date);

private:
    struct State;
    explicit PdfWriter(std::unique_ptr<State> state);
    std::unique_ptr<State> m_state;
};

} // namespace berkas::generation
