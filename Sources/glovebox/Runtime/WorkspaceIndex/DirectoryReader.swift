import Glibc

/// A file's size and modification time (nanoseconds since 1970): what tells the index, the
/// polling fallback and the parse cache that a file changed.
struct FileStamp: Hashable, Sendable {
  var size: Int64
  var modified: Int64
}

/// The index's file-system calls, straight to libc: `opendir`/`readdir` with the entry types
/// the kernel reports and `fstatat` relative to the open folder (Foundation's enumerator
/// allocates a URL and a dictionary per file and walked 100 000 files several times slower).
enum DirectoryReader {
  struct Listing {
    var files: [(name: String, stamp: FileStamp, head: [UInt8]?)] = []
    var directories: [String] = []
  }

  /// The visible entries of a folder: regular files (symbolic links to files included) with
  /// their stamps, and sub-folders (symbolic links to folders are left out, so a link cannot
  /// make the walk loop). Hidden names (`.git`, `.build`, editors' swap files) are skipped.
  /// `wantsHead` picks the files whose first `headLength` bytes are read during the listing
  /// (opened relative to the folder, so the kernel does not resolve the whole path again).
  /// Nil when the folder cannot be opened.
  static func list(
    _ path: String, headLength: Int = 0, wantsHead: (String, FileStamp) -> Bool = { _, _ in false }
  ) -> Listing? {
    guard let stream = opendir(path) else { return nil }
    defer { closedir(stream) }
    let folder = dirfd(stream)
    var listing = Listing()
    while let entry = readdir(stream) {
      let name = withUnsafePointer(to: &entry.pointee.d_name) {
        String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
      }
      if name.hasPrefix(".") { continue }
      let type = entry.pointee.d_type
      if type == UInt8(DT_DIR) {
        listing.directories.append(name)
        continue
      }
      guard type == UInt8(DT_REG) || type == UInt8(DT_LNK) || type == UInt8(DT_UNKNOWN) else { continue }
      var info = stat()
      guard fstatat(folder, name, &info, 0) == 0 else { continue }
      switch info.st_mode & S_IFMT {
      case S_IFREG:
        let fileStamp = stamp(info)
        var head: [UInt8]?
        if headLength > 0 && wantsHead(name, fileStamp) {
          head = self.head(openat(folder, name, O_RDONLY | O_CLOEXEC | O_NONBLOCK), count: headLength)
        }
        listing.files.append((name, fileStamp, head))
      case S_IFDIR where type == UInt8(DT_UNKNOWN): listing.directories.append(name)
      default: break
      }
    }
    return listing
  }

  enum Status: Equatable {
    case file(FileStamp)
    case directory
    case missing
  }

  /// What is at `path` now (following a symbolic link to a file).
  static func status(_ path: String) -> Status {
    var info = stat()
    guard stat(path, &info) == 0 else { return .missing }
    switch info.st_mode & S_IFMT {
    case S_IFREG: return .file(stamp(info))
    case S_IFDIR: return .directory
    default: return .missing
    }
  }

  /// Up to `count` leading bytes of a file; empty when it cannot be read.
  static func head(_ path: String, count: Int) -> [UInt8] {
    head(open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK), count: count)
  }

  /// Up to `count` leading bytes of an opened file, which is closed; empty when unreadable.
  private static func head(_ descriptor: Int32, count: Int) -> [UInt8] {
    guard descriptor >= 0 else { return [] }
    defer { close(descriptor) }
    var bytes = [UInt8](repeating: 0, count: count)
    var filled = 0
    while filled < count {
      let got = bytes.withUnsafeMutableBytes { buffer -> Int in
        guard let base = buffer.baseAddress else { return -1 }
        return read(descriptor, base + filled, count - filled)
      }
      if got < 0 && errno == EINTR { continue }
      if got <= 0 { break }
      filled += got
    }
    return Array(bytes.prefix(filled))
  }

  private static func stamp(_ info: stat) -> FileStamp {
    FileStamp(size: Int64(info.st_size), modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
  }
}
