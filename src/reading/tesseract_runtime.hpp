#pragma once
// Three costs that Debian's Tesseract 5.3 pays on every text line it
// recognises, removed for the whole process without changing what it reads:
//
// - OpenMP. libtesseract opens a parallel region for every LSTM time step
//   (~100,000 per page). With one thread per process, as berkas runs it, each
//   region still builds a team of one and ends at a barrier that makes a
//   futex system call. berkas defines the four libgomp entry points that
//   libtesseract imports and runs each region inline on the calling thread.
// - PNG line images. Tesseract keeps every line image it cuts from the page
//   as an in-memory PNG (ImageData::SetPixInternal) and decodes it again a
//   moment later; zlib and libpng took 5–6 % of reading. berkas's pixWriteMem
//   turns PNG into uncompressed PNM for calls made from libtesseract only.
// - The network's cursor. Each step of a convolution or pooling window moves
//   a StrideMap::Index through five calls of a few instructions each, 13 %
//   of reading time; berkas defines those member functions without the calls
//   in between (tesseract_stride_index.cpp, where the object layout they rely
//   on is checked against the library when the process starts).
//
// All work by symbol interposition: the executable defines the functions,
// the dynamic linker binds libtesseract's calls to them, and they forward to
// the library's own definition (RTLD_NEXT) whenever they do not apply.
// in_effect() checks the binding of this process. Measured in bench_page_steps
// (--without-shortcuts); recognised text is identical either way (tests).

namespace berkas::reading::tesseract_runtime {

struct Shortcuts {
    bool serial_openmp = false;   // libgomp's parallel regions run inline
    bool raw_line_images = false; // Tesseract's line images stay uncompressed
    bool stride_index = false;    // the network's cursor steps without calls in between
};

// Which shortcuts libtesseract's calls reach in this process. Both false
// when the executable does not export the definitions (or they are disabled).
Shortcuts in_effect();

// How often this thread went through each shortcut; for tests.
struct Uses {
    unsigned long inline_regions = 0;
    unsigned long raw_line_images = 0;
    unsigned long stride_offsets = 0; // steps of the network's cursor (AddOffset)
};
Uses uses_on_this_thread();

// On by default. Off, every replaced function forwards to the library's own:
// for tests and benchmarks that compare the two. Call between recognitions.
void set_enabled(bool enabled);

// tesseract_stride_index.cpp's part of the above.
bool stride_index_in_effect();
void set_stride_index_enabled(bool enabled);
unsigned long stride_offsets_added_on_this_thread();

} // namespace berkas::reading::tesseract_runtime
