import Engine
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A run-folder write that failed, in words: what was being written, why (the system's reason,
/// e.g. "no space left on device") and how far it got.
struct RunFileWriteError: Error, CustomStringConvertible {
  /// The file, relative to the run folder (`fields/step_000000040.vti`).
  var file: String
  var reason: String
  var written: Int
  var total: Int

  var description: String { "\(reason) while writing \(file) (wrote \(written) of \(total) bytes)" }

  init(file: String, errno code: Int32, written: Int, total: Int) {
    self.file = file
    // strerror says "No space left on device"; the message continues a sentence.
    let text = String(cString: strerror(code))
    reason = text.prefix(1).lowercased() + text.dropFirst()
    self.written = written
    self.total = total
  }
}

extension SimRunFiles {
  /// The prefix of this process's temporary files in the run folder (hidden; `removeTemporaries`
  /// deletes what a killed process left).
  static let temporaryPrefix = ".partial-"

  /// Writes all of `data` to `descriptor`; the bytes written before a failure, and the errno.
  private func writeAll(_ descriptor: Int32, _ data: Data) -> (written: Int, error: Int32?) {
    data.withUnsafeBytes { buffer -> (Int, Int32?) in
      guard let base = buffer.baseAddress else { return (0, nil) }
      var done = 0
      while done < buffer.count {
        let n = write(descriptor, base + done, buffer.count - done)
        if n < 0 {
          if errno == EINTR { continue }
          return (done, errno)
        }
        done += n
      }
      return (done, nil)
    }
  }

  /// Replaces `name` (relative to the run folder) so that readers see the old or the new file,
  /// never part of one: the bytes go to a hidden temporary file beside it, which is renamed over
  /// it when complete. On failure the temporary file is removed (a full disk keeps no partial
  /// file) and the error says what, why and how far.
  func writeAtomically(_ name: String, _ data: Data) throws {
    let target = url(name)
    let temporary = target.deletingLastPathComponent()
      .appendingPathComponent(Self.temporaryPrefix + "\(getpid())-" + target.lastPathComponent)
    let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw RunFileWriteError(file: name, errno: errno, written: 0, total: data.count) }
    let (written, failure) = writeAll(descriptor, data)
    // close reports a delayed write error (NFS, some FUSE file systems) here.
    let closeFailure: Int32? = close(descriptor) == 0 ? nil : errno
    if let code = failure ?? closeFailure {
      unlink(temporary.path)
      throw RunFileWriteError(file: name, errno: code, written: written, total: data.count)
    }
    guard rename(temporary.path, target.path) == 0 else {
      let code = errno
      unlink(temporary.path)
      throw RunFileWriteError(file: name, errno: code, written: written, total: data.count)
    }
  }

  /// Appends `text` to `name` with O_APPEND, failing (not silently dropping the row) when the
  /// disk is full.
  func appendChecked(_ name: String, _ text: String) throws {
    let data = Data(text.utf8)
    let descriptor = open(url(name).path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw RunFileWriteError(file: name, errno: errno, written: 0, total: data.count) }
    defer { close(descriptor) }
    let (written, failure) = writeAll(descriptor, data)
    if let failure { throw RunFileWriteError(file: name, errno: failure, written: written, total: data.count) }
  }

  /// Records that the run failed: status.json says `failed` with its message, and the log says
  /// it too (the caller tells stderr). On a full disk the atomic replacement of status.json can itself fail (it needs
  /// a new block while the old file exists); the status is then rewritten in place, which frees
  /// its old blocks first and needs no more than it had.
  func recordFailure(_ status: RunStatus) {
    let reason = status.message ?? "run failed"
    if let data = try? status.encoded() {
      do {
        try writeAtomically(RunFolder.statusFile, data)
      } catch {
        let descriptor = open(url(RunFolder.statusFile).path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if descriptor >= 0 {
          _ = writeAll(descriptor, data)
          close(descriptor)
        }
      }
    }
    log("FAILED: \(reason)")
  }
}
