import Engine
import Formats
import Foundation
import Glibc
import Lab

/// The one writer of append-only record files (the run notebook; `Effect.appendToFile`), so a
/// crash never loses a completed step and two workbenches on one workspace never interleave:
/// - the file is opened with O_APPEND and held under an exclusive `flock` while the record is
///   checked and written, so records from several processes go one after another;
/// - before every append the last byte is read: a line cut short by an earlier crash gets a
///   newline first, so the new record stands on its own line (`RunNotebook.decode` then reports
///   the torn line by number and keeps every record);
/// - the newline and the record go out in one `write` loop, then `fsync`; a file this call
///   created also gets its folder synced, so its directory entry survives a power cut.
struct NotebookWriter: Sendable {
  let path: String

  /// Encodes and appends one record (`RunNotebook.encode`: one JSON line).
  func append(_ record: NotebookRecord) throws {
    try append(line: RunNotebook.encode(record))
  }

  /// Appends `line` (which should end in a newline) as described above.
  func append(line: Data) throws {
    var created = false
    var fd = open(path, O_RDWR | O_APPEND | O_CLOEXEC)
    if fd < 0 && errno == ENOENT {
      fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
      created = fd >= 0
      // Another writer created it in between: append to theirs.
      if fd < 0 && errno == EEXIST { fd = open(path, O_RDWR | O_APPEND | O_CLOEXEC) }
    }
    guard fd >= 0 else { throw failure("cannot open for appending") }
    defer { close(fd) }
    while flock(fd, LOCK_EX) != 0 {
      guard errno == EINTR else { throw failure("cannot lock") }
    }
    var payload = Data()
    if try endsWithoutNewline(fd) { payload.append(0x0A) }
    payload.append(line)
    try payload.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count {
        let written = write(fd, raw.baseAddress?.advanced(by: offset), raw.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          throw failure("write failed")
        }
        offset += written
      }
    }
    guard fsync(fd) == 0 else { throw failure("fsync failed") }
    if created { syncDirectory() }
  }

  /// Whether the file's last byte is something other than a newline (an empty file is not).
  private func endsWithoutNewline(_ fd: Int32) throws -> Bool {
    var status = stat()
    guard fstat(fd, &status) == 0 else { throw failure("cannot stat") }
    guard status.st_size > 0 else { return false }
    var last: UInt8 = 0
    guard pread(fd, &last, 1, status.st_size - 1) == 1 else { throw failure("cannot read the last byte") }
    return last != 0x0A
  }

  private func syncDirectory() {
    let directory = (path as NSString).deletingLastPathComponent
    let fd = open(directory.isEmpty ? "." : directory, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return }
    _ = fsync(fd)
    close(fd)
  }

  private func failure(_ what: String) -> InputError {
    InputError("\(what): \(String(cString: strerror(errno)))", file: path)
  }
}
