# Every dependency comes from a Debian 12 package; nothing is downloaded.
find_package(PkgConfig REQUIRED)
find_package(yaml-cpp CONFIG REQUIRED)
find_package(tl-expected CONFIG REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(nlohmann_json CONFIG REQUIRED)
find_package(CLI11 CONFIG REQUIRED)
find_package(OpenSSL REQUIRED)
# zxing-cpp (libzxing-dev 1.4.0) ships a CMake config with the target ZXing::ZXing.
find_package(ZXing CONFIG REQUIRED)
pkg_check_modules(TESSERACT REQUIRED IMPORTED_TARGET tesseract)
pkg_check_modules(LEPTONICA REQUIRED IMPORTED_TARGET lept)
pkg_check_modules(POPPLER_CPP REQUIRED IMPORTED_TARGET poppler-cpp)
# qpdf checks a PDF's structure before poppler renders it (src/reading/pdf_structure.cpp).
pkg_check_modules(QPDF REQUIRED IMPORTED_TARGET libqpdf)
pkg_check_modules(QRENCODE REQUIRED IMPORTED_TARGET libqrencode)
# libpodofo.pc has an empty Version field, so no version constraint is possible (PDF-OCR.md).
pkg_check_modules(PODOFO REQUIRED IMPORTED_TARGET libpodofo)
include(FindHaru)
# kainjow-mustache is header-only and ships no CMake config.
find_path(MUSTACHE_INCLUDE_DIR kainjow/mustache.hpp REQUIRED)
add_library(dep_mustache INTERFACE)
target_include_directories(dep_mustache SYSTEM INTERFACE ${MUSTACHE_INCLUDE_DIR})
