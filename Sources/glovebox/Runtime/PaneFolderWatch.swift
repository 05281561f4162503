import Foundation
import Glibc

/// The folders panes ask to hear about promptly (`Pane.watchedFolders`: an attached run's folder
/// and its `fields/`), watched with inotify, or — where inotify is refused — by comparing the
/// folder's entries (name, size, modification time) at most every `pollInterval` seconds.
/// `changes(now:)` returns the workspace-relative paths of the entries that changed; hidden
/// names (the writers' temporary files, renamed into place when complete) are never reported,
/// so a snapshot is reported once it is whole.
final class PaneFolderWatch {
  let workspace: String
  var pollInterval = 0.5
  private var inotify: Inotify?
  private var inotifyRefused = false
  /// Watched folder → inotify watch, or nil while it is polled.
  private var watches: [String: Int32?] = [:]
  private var folderOfWatch: [Int32: String] = [:]
  /// Polled folders' entries as last seen.
  private var polled: [String: [String: EntryStamp]] = [:]
  private var lastPoll = -Double.infinity

  struct EntryStamp: Equatable {
    var size: Int64
    var seconds: Int
    var nanoseconds: Int
  }

  init(workspace: String) {
    self.workspace = workspace
  }

  var isWatching: Bool { !watches.isEmpty }

  /// Watches exactly `folders` from now on.
  func update(_ folders: Set<String>) {
    guard folders != Set(watches.keys) else { return }
    for (folder, watch) in watches where !folders.contains(folder) {
      if let watch {
        inotify?.unwatch(watch)
        folderOfWatch[watch] = nil
      }
      watches[folder] = nil
      polled[folder] = nil
    }
    for folder in folders where watches[folder] == nil {
      if inotify == nil && !inotifyRefused {
        inotify = Inotify()
        inotifyRefused = inotify == nil
      }
      if let inotify, case .watching(let watch) = inotify.watch(absolute(folder)) {
        watches[folder] = .some(watch)
        folderOfWatch[watch] = folder
      } else {
        // Not there yet (a run's fields/ before its first snapshot) or no inotify: poll it.
        watches[folder] = .some(nil)
        polled[folder] = entries(of: folder)
      }
    }
  }

  /// The paths (workspace-relative) of entries created, replaced, written or removed in the
  /// watched folders since the last call, each once.
  func changes(now: Double) -> [String] {
    var changed: [String] = []
    if let inotify, !folderOfWatch.isEmpty, inotify.wait(milliseconds: 0) {
      for event in inotify.read() {
        guard let folder = folderOfWatch[event.watch] else { continue }
        if event.has(IN_IGNORED) || event.has(IN_DELETE_SELF) || event.has(IN_MOVE_SELF) {
          // The folder went away: poll for it (a resumed run may make it again).
          folderOfWatch[event.watch] = nil
          watches[folder] = .some(nil)
          polled[folder] = entries(of: folder)
          continue
        }
        guard let name = event.name, !name.hasPrefix(".") else { continue }
        changed.append(join(folder, name))
      }
    }
    if now - lastPoll >= pollInterval {
      lastPoll = now
      for (folder, watch) in watches where watch == nil {
        let seen = entries(of: folder)
        let before = polled[folder] ?? [:]
        for (name, stamp) in seen where before[name] != stamp { changed.append(join(folder, name)) }
        for name in before.keys where seen[name] == nil { changed.append(join(folder, name)) }
        polled[folder] = seen
        // A polled folder that now exists is watched from here on.
        if let inotify, case .watching(let added) = inotify.watch(absolute(folder)) {
          watches[folder] = .some(added)
          folderOfWatch[added] = folder
          polled[folder] = nil
        }
      }
    }
    var unique = Set<String>()
    return changed.filter { unique.insert($0).inserted }
  }

  private func absolute(_ folder: String) -> String {
    folder == "." || folder.isEmpty ? workspace : (workspace as NSString).appendingPathComponent(folder)
  }

  private func join(_ folder: String, _ name: String) -> String {
    folder == "." || folder.isEmpty ? name : folder + "/" + name
  }

  /// The folder's visible entries and their stamps (empty when it cannot be read).
  private func entries(of folder: String) -> [String: EntryStamp] {
    let path = absolute(folder)
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return [:] }
    var result: [String: EntryStamp] = [:]
    for name in names where !name.hasPrefix(".") {
      var info = stat()
      guard stat(path + "/" + name, &info) == 0 else { continue }
      result[name] = EntryStamp(size: Int64(info.st_size), seconds: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec)
    }
    return result
  }
}
