#pragma once
// What a page image shows besides its text: the QR code of a document berkas
// issued (a signed copy scanned back), with the page's ink so that the main
// process can tell which signature boxes are signed, and small grayscale
// previews for the lembar verifikasi (the page, and an ID card on it).
#include "model/case_result.hpp"
#include "reading/page_prep.hpp"
#include "reading/pix_ptr.hpp"

#include <optional>
#include <string>

namespace berkas::reading {

// The first QR code on the page whose content berkas wrote (parse_document_code),
// with the page's ink; nullopt when there is none. Other codes (a BSrE
// verification link on a signed SK, say) are ignored: they may carry personal data.
// The search runs on `overview` (the page at ≤ kOverviewDpi) when given, or
// on such a copy made here; corners and ink are in the pixels of `gray`.
std::optional<PageCode> find_document_code(Pix* gray, Pix* overview = nullptr);

// The share of dark pixels in cells of about one millimetre (from the image's
// resolution, or A4 width when it has none).
InkGrid measure_ink(Pix* gray);

// The whole page, `width` pixels wide, as a grayscale JPEG.
std::string page_thumbnail(Pix* gray, int width = 200);

// Where an ID card lies: the largest card-shaped region that stands out from
// the paper (a KTP photocopy), with a little paper around it, or the whole
// image when it is a landscape photo of a card. nullopt on any other page.
struct CardOnPage {
    PageRegion region;
    bool whole_image = false; // a photo of the card itself
};
std::optional<CardOnPage> find_card(Pix* gray);

// A card copied onto a page that holds nothing else (less ink around it than
// max_outside_ink): reading recognises the card alone. A photo of a card
// (whole_image) is read like a page.
bool is_card_alone(Pix* page, const std::optional<CardOnPage>& card, double max_outside_ink);

// The card as a grayscale JPEG `width` pixels wide; empty without a card.
std::string card_thumbnail(Pix* gray, const std::optional<CardOnPage>& card, int width = 420);

// Fills page.code, page.thumbnail_jpeg and page.card_jpeg from the page image
// and its overview (PageViews), and returns the card it found, if any, in the
// overview's pixels, for reading to recognise alone.
std::optional<CardOnPage> add_page_marks(Pix* gray, const PageViews& views, PageText& page);

} // namespace berkas::reading
