// The C++ side of CXylib: every call into xylib inside try/catch (see include/cxylib.h).
#include "cxylib.h"

#include <xylib/xylib.h>

#include <cstring>
#include <exception>
#include <string>

namespace {
const xylib::DataSet *dataSet(const void *p) { return static_cast<const xylib::DataSet *>(p); }

const xylib::Block *block(const void *p, int n) {
  const xylib::DataSet *ds = dataSet(p);
  if (ds == nullptr || n < 0 || n >= ds->get_block_count()) return nullptr;
  return ds->get_block(n);
}

const xylib::MetaData *meta(const void *p, int b) {
  if (b < 0) return p ? &dataSet(p)->meta : nullptr;
  const xylib::Block *blk = block(p, b);
  return blk ? &blk->meta : nullptr;
}

void copyMessage(const std::string &message, char *error, size_t size) {
  if (error == nullptr || size == 0) return;
  std::strncpy(error, message.c_str(), size - 1);
  error[size - 1] = '\0';
}
}  // namespace

extern "C" {

void *cxylib_load(const char *path, const char *format, char *error, size_t error_size) {
  try {
    std::string f = format ? format : "";
    return xylib::load_file(path, f);
  } catch (const std::exception &e) {
    copyMessage(e.what(), error, error_size);
  } catch (...) {
    copyMessage("xylib failed with an unknown exception", error, error_size);
  }
  return nullptr;
}

void cxylib_free(void *dataset) { delete static_cast<xylib::DataSet *>(dataset); }

const char *cxylib_format_name(const void *dataset) {
  const xylib::DataSet *ds = dataSet(dataset);
  return ds && ds->fi ? ds->fi->name : "";
}

int cxylib_block_count(const void *dataset) { return dataset ? dataSet(dataset)->get_block_count() : 0; }

const char *cxylib_block_name(const void *dataset, int n) {
  const xylib::Block *b = block(dataset, n);
  return b ? b->get_name().c_str() : "";
}

int cxylib_column_count(const void *dataset, int n) {
  const xylib::Block *b = block(dataset, n);
  return b ? b->get_column_count() : 0;
}

const char *cxylib_column_name(const void *dataset, int n, int column) {
  try {
    const xylib::Block *b = block(dataset, n);
    if (b == nullptr || column < 0 || column > b->get_column_count()) return "";
    return b->get_column(column).get_name().c_str();
  } catch (...) {
    return "";
  }
}

int cxylib_point_count(const void *dataset, int n, int column) {
  try {
    const xylib::Block *b = block(dataset, n);
    if (b == nullptr || column < 1 || column > b->get_column_count()) return -1;
    int count = b->get_column(column).get_point_count();
    // Columns given by a step (no stored points) report -1; the block knows the count then.
    return count >= 0 ? count : b->get_point_count();
  } catch (...) {
    return -1;
  }
}

int cxylib_values(const void *dataset, int n, int column, double *out, int count) {
  try {
    const xylib::Block *b = block(dataset, n);
    if (b == nullptr || out == nullptr || column < 1 || column > b->get_column_count()) return -1;
    const xylib::Column &c = b->get_column(column);
    for (int i = 0; i < count; ++i) out[i] = c.get_value(i);
    return 0;
  } catch (...) {
    return -1;
  }
}

int cxylib_meta_count(const void *dataset, int b) {
  const xylib::MetaData *m = meta(dataset, b);
  return m ? static_cast<int>(m->size()) : 0;
}

const char *cxylib_meta_key(const void *dataset, int b, int index) {
  try {
    const xylib::MetaData *m = meta(dataset, b);
    if (m == nullptr || index < 0 || static_cast<size_t>(index) >= m->size()) return "";
    return m->get_key(static_cast<size_t>(index)).c_str();
  } catch (...) {
    return "";
  }
}

const char *cxylib_meta_value(const void *dataset, int b, int index) {
  try {
    const xylib::MetaData *m = meta(dataset, b);
    if (m == nullptr || index < 0 || static_cast<size_t>(index) >= m->size()) return "";
    return m->get(m->get_key(static_cast<size_t>(index))).c_str();
  } catch (...) {
    return "";
  }
}

const char *cxylib_version(void) { return xylib_get_version(); }

}  // extern "C"
