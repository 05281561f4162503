// The C++ side of CXylib (see include/cxylib.h). xylib 1.6 (Debian's) crashes on some malformed
// files (two data ranges in a UXD file end in SIGBUS inside libxy), and it is not ours to fix,
// so it never runs in the caller's process: a forked child loads the file, copies every block,
// column and metadata entry into a flat byte stream on a pipe and exits; the parent rebuilds
// the data set from the stream. A child that dies by a signal, or runs past its time limit
// (SIGALRM), becomes an error message like any exception of xylib's.
#include "cxylib.h"

#include <xylib/xylib.h>

#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstring>
#include <exception>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

namespace {
using Meta = std::vector<std::pair<std::string, std::string>>;

struct ColumnCopy {
  std::string name;
  std::vector<double> values;
};

struct BlockCopy {
  std::string name;
  Meta meta;
  std::vector<ColumnCopy> columns;  // xylib's columns 1…count (column 0 is its point index)
};

struct DataSetCopy {
  std::string format;
  Meta meta;
  std::vector<BlockCopy> blocks;
};

// Columns with more points than this are refused (a count read from a corrupt header).
constexpr int kMaximumPoints = 100000000;

void copyMessage(const std::string &message, char *error, size_t size) {
  if (error == nullptr || size == 0) return;
  std::strncpy(error, message.c_str(), size - 1);
  error[size - 1] = '\0';
}

Meta copyMeta(const xylib::MetaData &m) {
  Meta out;
  for (size_t i = 0; i < m.size(); ++i) out.emplace_back(m.get_key(i), m.get(m.get_key(i)));
  return out;
}

// Runs in the child: everything the accessors of cxylib.h can answer, read out of xylib.
DataSetCopy copyDataSet(const xylib::DataSet &ds) {
  DataSetCopy out;
  out.format = ds.fi ? ds.fi->name : "";
  out.meta = copyMeta(ds.meta);
  for (int b = 0; b < ds.get_block_count(); ++b) {
    const xylib::Block *block = ds.get_block(b);
    BlockCopy copy;
    copy.name = block->get_name();
    copy.meta = copyMeta(block->meta);
    for (int c = 1; c <= block->get_column_count(); ++c) {
      const xylib::Column &column = block->get_column(c);
      int count = column.get_point_count();
      // Columns given by a step (no stored points) report -1; the block knows the count then.
      if (count < 0) count = block->get_point_count();
      if (count < 0 || count > kMaximumPoints) throw std::runtime_error("a column with an impossible point count");
      ColumnCopy values;
      values.name = column.get_name();
      values.values.resize(static_cast<size_t>(count));
      for (int i = 0; i < count; ++i) values.values[static_cast<size_t>(i)] = column.get_value(i);
      copy.columns.push_back(std::move(values));
    }
    out.blocks.push_back(std::move(copy));
  }
  return out;
}

// The stream: 'D' then the data set, or 'E' then a message. Integers are u64, strings a u64
// length and their bytes, doubles their 8 bytes (parent and child are one binary).
struct Writer {
  std::string bytes;
  void u64(uint64_t v) { bytes.append(reinterpret_cast<const char *>(&v), sizeof v); }
  void str(const std::string &s) { u64(s.size()); bytes += s; }
  void meta(const Meta &m) {
    u64(m.size());
    for (const auto &kv : m) { str(kv.first); str(kv.second); }
  }
};

struct Reader {
  const std::string &bytes;
  size_t at = 0;
  bool ok = true;
  uint64_t u64() {
    uint64_t v = 0;
    if (bytes.size() - at < sizeof v) { ok = false; return 0; }
    std::memcpy(&v, bytes.data() + at, sizeof v);
    at += sizeof v;
    return v;
  }
  // A count of items of at least `itemBytes` each that the rest of the stream can hold.
  uint64_t count(size_t itemBytes) {
    uint64_t n = u64();
    if (!ok || n > (bytes.size() - at) / itemBytes) { ok = false; return 0; }
    return n;
  }
  std::string str() {
    uint64_t n = count(1);
    std::string s = ok ? bytes.substr(at, n) : std::string();
    at += ok ? n : 0;
    return s;
  }
  Meta meta() {
    Meta m;
    for (uint64_t n = count(2 * sizeof(uint64_t)), i = 0; ok && i < n; ++i) {
      std::string key = str();
      m.emplace_back(key, str());
    }
    return m;
  }
};

void writeAll(int fd, const std::string &bytes) {
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    done += static_cast<size_t>(n);
  }
}

[[noreturn]] void childLoad(int fd, const char *path, const char *format, unsigned seconds) {
  // The parent's handlers (Swift's backtracer, libFuzzer's crash handlers) must not run here:
  // a crash in the child is the parent's to report.
  for (int sig : {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGALRM, SIGTRAP}) signal(sig, SIG_DFL);
  alarm(seconds);
  Writer w;
  try {
    std::unique_ptr<xylib::DataSet> ds(xylib::load_file(path, format ? format : ""));
    DataSetCopy copy = copyDataSet(*ds);
    w.bytes += 'D';
    w.str(copy.format);
    w.meta(copy.meta);
    w.u64(copy.blocks.size());
    for (const BlockCopy &b : copy.blocks) {
      w.str(b.name);
      w.meta(b.meta);
      w.u64(b.columns.size());
      for (const ColumnCopy &c : b.columns) {
        w.str(c.name);
        w.u64(c.values.size());
        w.bytes.append(reinterpret_cast<const char *>(c.values.data()), c.values.size() * sizeof(double));
      }
    }
  } catch (const std::exception &e) {
    w.bytes = "E";
    w.str(e.what());
  } catch (...) {
    w.bytes = "E";
    w.str("xylib failed with an unknown exception");
  }
  writeAll(fd, w.bytes);
  _exit(0);
}

bool parse(const std::string &bytes, DataSetCopy &out, std::string &message) {
  Reader r{bytes};
  if (bytes.empty()) { message = "xylib's reader ended without an answer"; return false; }
  r.at = 1;
  if (bytes[0] == 'E') {
    message = r.str();
    if (!r.ok) message = "xylib failed (its message was cut short)";
    return false;
  }
  out.format = r.str();
  out.meta = r.meta();
  for (uint64_t nb = r.count(3 * sizeof(uint64_t)), b = 0; r.ok && b < nb; ++b) {
    BlockCopy block;
    block.name = r.str();
    block.meta = r.meta();
    for (uint64_t nc = r.count(2 * sizeof(uint64_t)), c = 0; r.ok && c < nc; ++c) {
      ColumnCopy column;
      column.name = r.str();
      uint64_t n = r.count(sizeof(double));
      if (!r.ok) break;
      column.values.resize(n);
      std::memcpy(column.values.data(), bytes.data() + r.at, n * sizeof(double));
      r.at += n * sizeof(double);
      block.columns.push_back(std::move(column));
    }
    out.blocks.push_back(std::move(block));
  }
  if (!r.ok || r.at != bytes.size()) { message = "xylib's answer was cut short"; return false; }
  return true;
}

const DataSetCopy *dataSet(const void *p) { return static_cast<const DataSetCopy *>(p); }

const BlockCopy *block(const void *p, int n) {
  const DataSetCopy *ds = dataSet(p);
  if (ds == nullptr || n < 0 || static_cast<size_t>(n) >= ds->blocks.size()) return nullptr;
  return &ds->blocks[static_cast<size_t>(n)];
}

const ColumnCopy *column(const void *p, int n, int c) {
  const BlockCopy *b = block(p, n);
  if (b == nullptr || c < 1 || static_cast<size_t>(c) > b->columns.size()) return nullptr;
  return &b->columns[static_cast<size_t>(c - 1)];
}

const Meta *meta(const void *p, int b) {
  if (b < 0) return p ? &dataSet(p)->meta : nullptr;
  const BlockCopy *blk = block(p, b);
  return blk ? &blk->meta : nullptr;
}
}  // namespace

extern "C" {

void *cxylib_load(const char *path, const char *format, unsigned time_limit_seconds, char *error, size_t error_size) {
  int fds[2];
  if (pipe(fds) != 0) {
    copyMessage(std::string("cannot start xylib's reader: ") + std::strerror(errno), error, error_size);
    return nullptr;
  }
  pid_t child = fork();
  if (child < 0) {
    copyMessage(std::string("cannot start xylib's reader: ") + std::strerror(errno), error, error_size);
    close(fds[0]);
    close(fds[1]);
    return nullptr;
  }
  if (child == 0) {
    close(fds[0]);
    childLoad(fds[1], path, format, time_limit_seconds == 0 ? 1 : time_limit_seconds);
  }
  close(fds[1]);
  std::string bytes;
  char buffer[65536];
  for (;;) {
    ssize_t n = read(fds[0], buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    bytes.append(buffer, static_cast<size_t>(n));
  }
  close(fds[0]);
  int status = 0;
  while (waitpid(child, &status, 0) < 0 && errno == EINTR) {}
  if (WIFSIGNALED(status)) {
    int sig = WTERMSIG(status);
    if (sig == SIGALRM) {
      copyMessage("xylib took more than " + std::to_string(time_limit_seconds) + " s to read the file and was stopped",
                  error, error_size);
    } else {
      copyMessage(std::string("xylib crashed reading the file (signal ") + std::to_string(sig) + ", " + strsignal(sig) +
                      "); the file is malformed or a variant xylib cannot read",
                  error, error_size);
    }
    return nullptr;
  }
  auto copy = std::make_unique<DataSetCopy>();
  std::string message;
  if (!parse(bytes, *copy, message)) {
    copyMessage(message, error, error_size);
    return nullptr;
  }
  return copy.release();
}

void cxylib_free(void *dataset) { delete static_cast<DataSetCopy *>(dataset); }

const char *cxylib_format_name(const void *dataset) { return dataset ? dataSet(dataset)->format.c_str() : ""; }

int cxylib_block_count(const void *dataset) { return dataset ? static_cast<int>(dataSet(dataset)->blocks.size()) : 0; }

const char *cxylib_block_name(const void *dataset, int n) {
  const BlockCopy *b = block(dataset, n);
  return b ? b->name.c_str() : "";
}

int cxylib_column_count(const void *dataset, int n) {
  const BlockCopy *b = block(dataset, n);
  return b ? static_cast<int>(b->columns.size()) : 0;
}

const char *cxylib_column_name(const void *dataset, int n, int c) {
  const ColumnCopy *col = column(dataset, n, c);
  return col ? col->name.c_str() : "";
}

int cxylib_point_count(const void *dataset, int n, int c) {
  const ColumnCopy *col = column(dataset, n, c);
  return col ? static_cast<int>(col->values.size()) : -1;
}

int cxylib_values(const void *dataset, int n, int c, double *out, int count) {
  const ColumnCopy *col = column(dataset, n, c);
  if (col == nullptr || out == nullptr || count < 0 || static_cast<size_t>(count) > col->values.size()) return -1;
  std::memcpy(out, col->values.data(), static_cast<size_t>(count) * sizeof(double));
  return 0;
}

int cxylib_meta_count(const void *dataset, int b) {
  const Meta *m = meta(dataset, b);
  return m ? static_cast<int>(m->size()) : 0;
}

const char *cxylib_meta_key(const void *dataset, int b, int index) {
  const Meta *m = meta(dataset, b);
  if (m == nullptr || index < 0 || static_cast<size_t>(index) >= m->size()) return "";
  return (*m)[static_cast<size_t>(index)].first.c_str();
}

const char *cxylib_meta_value(const void *dataset, int b, int index) {
  const Meta *m = meta(dataset, b);
  if (m == nullptr || index < 0 || static_cast<size_t>(index) >= m->size()) return "";
  return (*m)[static_cast<size_t>(index)].second.c_str();
}

const char *cxylib_version(void) { return xylib_get_version(); }

}  // extern "C"
