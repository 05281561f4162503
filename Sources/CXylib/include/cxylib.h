// CXylib: a C view of xylib (Debian libxy-dev), the reader of XRD/XPS/Raman instrument files that
// Fityk uses. The shim catches every C++ exception and hands back its message, so Swift sees
// either a data set or an error string, never an exception.
#ifndef CXYLIB_H
#define CXYLIB_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Loads `path` (format detected when `format` is NULL or empty) in a forked child process, so
/// that a crash inside xylib on a malformed file cannot take the caller down; a child that
/// crashes or runs longer than `time_limit_seconds` is reported as an error. On failure returns
/// NULL and writes a NUL-terminated message of at most `error_size` bytes into `error`. The
/// returned data set is a copy owned by the caller (cxylib_free).
void *cxylib_load(const char *path, const char *format, unsigned time_limit_seconds, char *error, size_t error_size);
void cxylib_free(void *dataset);
const char *cxylib_format_name(const void *dataset);
int cxylib_block_count(const void *dataset);
const char *cxylib_block_name(const void *dataset, int block);
/// Columns 1…count hold data (column 0 is xylib's point index).
int cxylib_column_count(const void *dataset, int block);
const char *cxylib_column_name(const void *dataset, int block, int column);
/// -1 when the block or column does not exist.
int cxylib_point_count(const void *dataset, int block, int column);
/// Writes `count` values of a column starting at 0 into `out`; returns 0, or -1 on error.
int cxylib_values(const void *dataset, int block, int column, double *out, int count);
/// Metadata of the data set (block = -1) or a block: number of keys, and key/value by index.
int cxylib_meta_count(const void *dataset, int block);
const char *cxylib_meta_key(const void *dataset, int block, int index);
const char *cxylib_meta_value(const void *dataset, int block, int index);
const char *cxylib_version(void);

#ifdef __cplusplus
}
#endif

#endif
