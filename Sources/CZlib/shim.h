#ifndef GLOVEBOX_CZLIB_SHIM_H
#define GLOVEBOX_CZLIB_SHIM_H
// zlib's inflate and crc32 for Formats' zip reader (and deflate for the benchmark writer of the
// glovebox executable). Only Formats and glovebox's CLI/Bench may import this module.
#include <zlib.h>

// inflateInit2 and deflateInit2 are macros (they pass the library's version and the stream's
// size, so a header/library mismatch is caught); Swift cannot call macros, hence these.
static inline int glovebox_inflate_init_raw(z_streamp stream) {
  return inflateInit2(stream, -MAX_WBITS);
}

static inline int glovebox_deflate_init_raw(z_streamp stream, int level) {
  return deflateInit2(stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
}
#endif
