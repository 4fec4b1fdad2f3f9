#include "reading/pdf_objects.hpp"

namespace berkas::reading {

QPDFObjectHandle inherited(QPDFObjectHandle node, const char* key)
{
    for (int depth = 0; depth < 16 && node.isDictionary(); ++depth) {
        if (node.hasKey(key))
            return node.getKey(key);
        if (!node.hasKey("/Parent"))
            break;
        node = node.getKey("/Parent");
    }
    return QPDFObjectHandle::newNull();
}

std::vector<std::string> filter_names(QPDFObjectHandle dictionary)
{
    QPDFObjectHandle filter = dictionary.getKey("/Filter");
    std::vector<std::string> names;
    if (filter.isName())
        names.push_back(filter.getName());
    for (int i = 0; filter.isArray() && i < filter.getArrayNItems(); ++i) {
        if (QPDFObjectHandle item = filter.getArrayItem(i); item.isName())
            names.push_back(item.getName());
    }
    return names;
}

bool is_image(QPDFObjectHandle dictionary) { return dictionary.getKey("/Subtype").isNameAndEquals("/Image"); }

} // namespace berkas::reading
