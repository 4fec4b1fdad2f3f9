#pragma once
// Four costs that Debian's Tesseract 5.3 pays on every text line it
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
//   a StrideMap::Index through five calls of a few instructions each
//   (tesseract_stride_index.cpp).
// - The network's int8 outputs. Each value an LSTM layer writes is rounded
//   one at a time behind a branch on its sign (tesseract_time_step.cpp).
//
// All work by symbol interposition: the executable defines the functions,
// the dynamic linker binds libtesseract's calls to them, and they forward to
// the library's own definition (RTLD_NEXT) whenever they do not apply. The
// last two replicate Tesseract 5.3's object layouts; with a 5.3 library each
// is run beside the library's own function before main, and it forwards to
// the library when they disagree or the version differs. in_effect() says
// what holds in this process. Recognised text is identical either way
// (tests; bench_page_steps --text-hashes).

namespace berkas::reading::tesseract_runtime {

struct Shortcuts {
    bool serial_openmp = false;   // libgomp's parallel regions run inline
    bool raw_line_images = false; // Tesseract's line images stay uncompressed
    bool stride_index = false;    // the network's cursor steps without calls in between
    bool time_step_writes = false; // the network's int8 outputs written without branches
};

// Which shortcuts libtesseract's calls reach in this process. All false
// when the executable does not export the definitions (or they are disabled).
Shortcuts in_effect();

// How often this thread went through each shortcut; for tests.
struct Uses {
    unsigned long inline_regions = 0;
    unsigned long raw_line_images = 0;
    unsigned long stride_increments = 0; // steps of the network's cursor (Increment)
    unsigned long time_step_writes = 0;  // outputs of the network's layers written
};
Uses uses_on_this_thread();

// On by default. Off, every replaced function forwards to the library's own:
// for tests and benchmarks that compare the two. Call between recognitions.
void set_enabled(bool enabled);

// tesseract_stride_index.cpp's part of the above.
bool stride_index_in_effect();
void set_stride_index_enabled(bool enabled);
unsigned long stride_increments_on_this_thread();
// tesseract_time_step.cpp's.
bool time_step_writes_in_effect();
void set_time_step_writes_enabled(bool enabled);
unsigned long time_step_writes_on_this_thread();

} // namespace berkas::reading::tesseract_runtime
