import Engine
import Formats
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Appends records to a run notebook so that a crash never loses a completed step: the file is
/// opened with O_APPEND (each record goes to the end in one write, even with several writers),
/// every record is followed by fsync, and a new file's directory entry is synced too. If the
/// file ends in a torn line from an earlier crash, a newline is written first so the new record
/// stands on its own line.
public struct NotebookWriter: Sendable {
  public let path: String

  public init(path: String) {
    self.path = path
  }

  public func append(_ record: NotebookRecord) throws {
    let line = try RunNotebook.encode(record)
    let existed = FileManager.default.fileExists(atPath: path)
    let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw failure("cannot open for appending") }
    defer { close(fd) }
    var payload = Data()
    if existed, try endsWithoutNewline() { payload.append(0x0A) }
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
    if !existed { syncDirectory() }
  }

  private func endsWithoutNewline() throws -> Bool {
    guard let handle = FileHandle(forReadingAtPath: path) else { return false }
    defer { try? handle.close() }
    let size = try handle.seekToEnd()
    guard size > 0 else { return false }
    try handle.seek(toOffset: size - 1)
    return handle.readData(ofLength: 1).first != 0x0A
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
