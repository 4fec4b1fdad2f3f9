#pragma once
// Union–find over 0..n-1: which items end up in one group after pairwise joins.
#include <cstddef>
#include <numeric>
#include <vector>

namespace berkas {

class DisjointSets {
public:
    explicit DisjointSets(size_t count)
        : m_parent(count)
    {
        std::iota(m_parent.begin(), m_parent.end(), size_t {0});
    }

    size_t root(size_t item) { return m_parent[item] == item ? item : m_parent[item] = root(m_parent[item]); }
    void join(size_t a, size_t b) { m_parent[root(a)] = root(b); }

private:
    std::vector<size_t> m_parent;
};

} // namespace berkas
