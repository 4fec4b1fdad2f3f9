#include "generation/qr_code.hpp"

#include <qrencode.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <string>

namespace berkas::generation {

Expected<QrMatrix> encode_qr(std::string_view payload)
{
    std::string text(payload);
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
    if (!code)
        return make_error("qr", std::string("cannot encode the QR code: ") + std::strerror(errno));
    QrMatrix matrix;
    matrix.width = code->width;
    matrix.dark.resize(static_cast<size_t>(code->width) * static_cast<size_t>(code->width));
    for (size_t i = 0; i < matrix.dark.size(); ++i)
        matrix.dark[i] = (code->data[i] & 1) != 0;
    return matrix;
}

} // namespace berkas::generation
