import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one-owner rule of a run folder (DESIGN.md: "a run folder has one owner process at a
/// time"): the process that steps a run holds an exclusive `flock` on `DIR/.lock` for its whole
/// life, so a second `sim run`, `sim resume` or detached start on the same folder is refused
/// instead of writing duplicated rows beside the first. The kernel drops the lock when the
/// process ends, however it ends (`kill -9` included), so a stale run never blocks its resume.
/// The file holds the owner's pid for the refusal message; it is hidden, so listings skip it.
final class RunFolderLock {
  static let fileName = ".lock"
  private let descriptor: Int32

  private init(descriptor: Int32) { self.descriptor = descriptor }

  deinit { close(descriptor) }

  /// Takes the lock of `folder` (created if missing) for this process, or throws naming the
  /// folder and the pid that holds it.
  static func acquire(_ folder: URL) throws -> RunFolderLock {
    let path = folder.appendingPathComponent(fileName).path
    let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw ValidationErrorText("\(folder.path): cannot open \(fileName) (\(String(cString: strerror(errno))))")
    }
    guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
      let holder = owner(descriptor)
      close(descriptor)
      throw ValidationErrorText(
        "\(folder.path): in use by another glovebox process\(holder.map { " (pid \($0))" } ?? ""); a run folder has one owner at a time — watch it with `glovebox sim watch`, or stop it first")
    }
    let text = Array("\(getpid())\n".utf8)
    _ = ftruncate(descriptor, 0)
    _ = text.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    return RunFolderLock(descriptor: descriptor)
  }

  /// Throws as `acquire` would, without keeping the lock: a detaching parent checks before it
  /// starts a child that would only fail later in its log.
  static func checkFree(_ folder: URL) throws {
    _ = try acquire(folder)
  }

  /// The pid written in the lock file, if it reads as one.
  private static func owner(_ descriptor: Int32) -> Int32? {
    var buffer = [UInt8](repeating: 0, count: 32)
    let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
    guard count > 0 else { return nil }
    return Int32(String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
  }
}
