# libharu (libhpdf) 2.3.0 on Debian 12 ships neither a .pc file nor a CMake config.
find_path(HARU_INCLUDE_DIR hpdf.h REQUIRED)
find_library(HARU_LIBRARY hpdf REQUIRED)
add_library(dep_hpdf INTERFACE)
target_include_directories(dep_hpdf SYSTEM INTERFACE ${HARU_INCLUDE_DIR})
target_link_libraries(dep_hpdf INTERFACE ${HARU_LIBRARY})
