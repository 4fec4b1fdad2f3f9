#pragma once
// Small questions about PDF objects, asked through qpdf by the structure
// check and by the search for pages that are one JPEG scan.
#ifndef POINTERHOLDER_TRANSITION
#define POINTERHOLDER_TRANSITION 4 // qpdf 11: std::shared_ptr only, no PointerHolder
#endif
#include <qpdf/QPDFObjectHandle.hh>

#include <string>
#include <vector>

namespace berkas::reading {

// The inherited value of a page attribute (/MediaBox, /Resources, /Rotate),
// looked up through at most a few parents; null when there is none.
QPDFObjectHandle inherited(QPDFObjectHandle node, const char* key);

// The names in a stream's /Filter, whether a single name or an array.
std::vector<std::string> filter_names(QPDFObjectHandle dictionary);

bool is_image(QPDFObjectHandle dictionary);

} // namespace berkas::reading
