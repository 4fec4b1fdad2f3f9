#pragma once
// Helpers for the definitions that replace libtesseract's own at run time
// (tesseract_runtime.hpp): finding the library's definition, checking the
// binding, and laying out test objects safely.

#include <dlfcn.h>

#include <atomic>
#include <cstddef>
#include <new>
#include <utility>

namespace berkas::reading::tesseract_runtime {

// The definition the dynamic linker would have bound without ours.
template<typename Function>
Function library_definition(const char* name)
{
    return reinterpret_cast<Function>(::dlsym(RTLD_NEXT, name));
}

// True when the global lookup, which libtesseract's calls go through, finds
// another definition of `name` than the library's own: the executable's.
inline bool bound_in_executable(const char* name)
{
    void* bound = ::dlsym(RTLD_DEFAULT, name);
    return bound != nullptr && bound != ::dlsym(RTLD_NEXT, name);
}

// The object layouts replicated here are Tesseract 5.3's (Debian 12 ships
// 5.3.0); with any other version the replacements stay off, because a layout
// that differs in where, not only in how much, could make the check itself
// read through a null pointer.
bool library_is_version_5_3();

// Whether replaced definitions run instead of the library's: read on every
// call (one relaxed load); on only when switched on (tests and benchmarks
// switch it off) and when the layout check before main has passed.
class Replacement {
public:
    bool active() const { return m_active.load(std::memory_order_relaxed); }
    bool in_effect(const char* symbol) const { return active() && bound_in_executable(symbol); }

    void set_layout_agrees(bool agrees)
    {
        m_layout_agrees = agrees;
        decide();
    }
    void set_switched_on(bool on)
    {
        m_switched_on.store(on, std::memory_order_relaxed);
        decide();
    }
    // For the layout check, which runs the library's definitions and ours in turn.
    void force(bool active) { m_active.store(active, std::memory_order_relaxed); }

private:
    void decide() { force(m_switched_on.load(std::memory_order_relaxed) && m_layout_agrees); }

    std::atomic<bool> m_active {false};
    std::atomic<bool> m_switched_on {true};
    bool m_layout_agrees = false;
};

// An object at the start of 256 zeroed bytes: should the library's object
// have members after ours, its functions read zeros (empty vectors) instead
// of whatever lies beyond. (Members at other places are the version check's
// business.)
template<typename Object>
struct Padded {
    alignas(std::max_align_t) unsigned char bytes[256] = {};
    Object* object;

    template<typename... Args>
    explicit Padded(Args&&... args) : object(new (bytes) Object(std::forward<Args>(args)...))
    {
        static_assert(sizeof(Object) <= sizeof(bytes));
    }
    ~Padded() { object->~Object(); }
    Padded(const Padded&) = delete;
    Padded& operator=(const Padded&) = delete;
};

} // namespace berkas::reading::tesseract_runtime
