#pragma once
// The parts every petikan keputusan (SK) of the Wali Kota shares: the title,
// "Menimbang : a. …" clauses with hanging indents, and the signatures of the
// Wali Kota ("ttd.", no NIP) and of the Kepala BKPSDM who certifies the copy
// with a stamp and a NIP of his own.
#include "documents.hpp"

#include <initializer_list>
#include <string_view>
#include <utility>

namespace berkas::fixture {

constexpr Style sk_style {Face::serif, 11.5};
constexpr Style sk_bold {Face::serif_bold, 11.5};
constexpr double sk_leading = 14.5;
constexpr double clause_x = letter_left + 82; // where the text after "Menimbang :" starts

// Returns the baseline below "WALI KOTA PONTIANAK,".
double draw_decree_title(Canvas& canvas, std::string_view number, std::string_view subject);

// "Menimbang : a. bahwa …"; an empty marker continues without one.
double draw_clause(Canvas& canvas, double baseline, std::string_view heading,
                   std::initializer_list<std::pair<std::string_view, std::string_view>> items);

// "Ditetapkan di Pontianak pada tanggal …" with both signature blocks.
void draw_decree_signatures(Canvas& canvas, const Application& application, double baseline, const Date& signed_on,
                            std::uint32_t ink_stream);

// A numbered "Label : value" row of the employee table; returns the next baseline.
double draw_decree_row(Canvas& canvas, double baseline, std::string_view number, std::string_view label,
                       const std::string& value, Style value_style);

} // namespace berkas::fixture
