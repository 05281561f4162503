import Glibc

/// A Linux inotify instance: watches on folders and the events they report, read without
/// blocking after a bounded `poll`.
final class Inotify {
  struct Event {
    var watch: Int32
    var mask: UInt32
    /// The entry inside the watched folder; nil for an event about the folder itself.
    var name: String?

    func has(_ flag: Int32) -> Bool { mask & UInt32(bitPattern: flag) != 0 }
  }

  enum WatchResult: Equatable {
    case watching(Int32)
    /// The per-user watch limit (`fs.inotify.max_user_watches`) is reached.
    case limitReached
    /// The folder vanished or cannot be read; nothing to watch.
    case unavailable
  }

  /// What the index wants to hear about a folder's entries.
  static let folderEvents = UInt32(
    bitPattern: IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB | IN_ONLYDIR)

  let descriptor: Int32
  /// Test hook: watches beyond this many report `limitReached`, as the kernel would.
  var watchLimit = Int.max
  private var watchCount = 0

  /// Nil when the kernel refuses an instance (the per-user instance limit).
  init?() {
    let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
    guard descriptor >= 0 else { return nil }
    self.descriptor = descriptor
  }

  deinit { close(descriptor) }

  func watch(_ path: String) -> WatchResult {
    guard watchCount < watchLimit else { return .limitReached }
    let watch = inotify_add_watch(descriptor, path, Self.folderEvents)
    if watch >= 0 {
      watchCount += 1
      return .watching(watch)
    }
    return errno == ENOSPC ? .limitReached : .unavailable
  }

  func unwatch(_ watch: Int32) {
    if inotify_rm_watch(descriptor, watch) == 0 { watchCount = max(0, watchCount - 1) }
  }

  /// Waits up to `milliseconds` for events; true when some are ready.
  func wait(milliseconds: Int32) -> Bool {
    var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
    return poll(&request, 1, milliseconds) > 0 && request.revents & Int16(POLLIN) != 0
  }

  /// Every event queued now (none when nothing is).
  func read() -> [Event] {
    var events: [Event] = []
    var buffer = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
      let count = buffer.withUnsafeMutableBytes { raw -> Int in
        guard let base = raw.baseAddress else { return -1 }
        return Glibc.read(descriptor, base, raw.count)
      }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { return events }
      Self.decode(buffer[0..<count], into: &events)
    }
  }

  /// Splits a read of `struct inotify_event` records (wd, mask, cookie, len, then `len` bytes
  /// of a NUL-padded name), in the machine's byte order (little-endian on x86-64 and arm64).
  static func decode(_ bytes: ArraySlice<UInt8>, into events: inout [Event]) {
    let headerSize = 16
    var offset = bytes.startIndex
    func word(_ at: Int) -> UInt32 {
      UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
    }
    while offset + headerSize <= bytes.endIndex {
      let watch = Int32(bitPattern: word(offset))
      let mask = word(offset + 4)
      let length = Int(word(offset + 12))
      let nameStart = offset + headerSize
      guard length >= 0, nameStart + length <= bytes.endIndex else { return }
      var name: String?
      if length > 0 {
        let raw = bytes[nameStart..<(nameStart + length)]
        let end = raw.firstIndex(of: 0) ?? raw.endIndex
        name = String(decoding: raw[raw.startIndex..<end], as: UTF8.self)
      }
      events.append(Event(watch: watch, mask: mask, name: name))
      offset = nameStart + length
    }
  }
}
