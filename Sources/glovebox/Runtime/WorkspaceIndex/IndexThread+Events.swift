import Foundation
import Glibc

/// Turning inotify events into entry updates and reported changes. Every update re-reads what
/// is on disk now (stat, and the head for a kind), so an event that arrives late or twice
/// changes nothing wrong.
extension IndexThread {
  func apply(_ events: [Inotify.Event]) {
    var refreshed = Set<String>()
    var runFoldersTouched: [String] = []
    for event in events {
      if event.has(IN_Q_OVERFLOW) {
        rescan()
        return
      }
      guard let watched = watches[event.watch] else { continue }
      if event.has(IN_IGNORED) {
        watches[event.watch] = nil
        if watchOfPath[watched.path] == event.watch { watchOfPath[watched.path] = nil }
        continue
      }
      guard let name = event.name, !name.hasPrefix(".") else { continue }
      let path = Self.join(watched.path, name)
      if watched.isRunFolder {
        if name == "fields" { continue }
        if name == "status.json", DirectoryReader.status(index.absolutePath(path)) == .missing {
          demoteRunFolder(watched.path)
        } else if !runFoldersTouched.contains(watched.path) {
          runFoldersTouched.append(watched.path)
        }
        continue
      }
      if event.has(IN_ISDIR) {
        if event.has(IN_CREATE) || event.has(IN_MOVED_TO) {
          indexSubtree(path)
        } else if event.has(IN_DELETE) || event.has(IN_MOVED_FROM) {
          removeTree(path, keepTop: false)
        }
        continue
      }
      if name == "status.json", !watched.path.isEmpty, case .file = DirectoryReader.status(index.absolutePath(path)) {
        promoteRunFolder(watched.path, watch: event.watch)
        continue
      }
      if refreshed.insert(path).inserted { refreshFile(path) }
    }
    for folder in runFoldersTouched { refreshRunFolder(folder) }
  }

  /// Re-reads one file: added, changed (new stamp, kind read again) or removed.
  func refreshFile(_ path: String) {
    let old = index.withLock { index.entries[path] }
    switch DirectoryReader.status(index.absolutePath(path)) {
    case .file(let stamp):
      if old?.stamp == stamp && old?.kind != .runFolder { return }
      let entry = WorkspaceIndex.Entry(kind: kind(of: path, stamp: stamp, previous: nil), stamp: stamp)
      record(path, entry, event: old == nil ? .added : .changed)
    case .missing:
      guard let old else { return }
      index.withLock {
        index.entries[path] = nil
        index.pending.add(WorkspaceChange(path: path, kind: old.kind, event: .removed))
      }
    case .directory:
      return
    }
  }

  /// A file inside a run folder changed: the run folder entry is reported changed (stamped by
  /// its status.json).
  func refreshRunFolder(_ folder: String) {
    guard case .file(let stamp) = DirectoryReader.status(index.absolutePath(folder + "/status.json")) else { return }
    record(folder, WorkspaceIndex.Entry(kind: .runFolder, stamp: stamp), event: .changed)
  }

  /// A new folder (created or moved in): walked, watched, and its entries reported added.
  func indexSubtree(_ path: String) {
    _ = walk(path, previous: [:]) { batch in
      index.withLock {
        for (path, entry) in batch {
          let old = index.entries[path]
          guard old != entry else { continue }
          index.entries[path] = entry
          index.pending.add(WorkspaceChange(path: path, kind: entry.kind, event: old == nil ? .added : .changed))
        }
      }
    }
  }

  /// A folder gone (deleted or moved away): its entries reported removed, its watches dropped.
  /// `keepTop` keeps the folder's own entry and watch (a folder turning into a run folder).
  func removeTree(_ path: String, keepTop: Bool) {
    let prefix = path + "/"
    index.withLock {
      let gone = index.entries.keys.filter { (!keepTop && $0 == path) || $0.hasPrefix(prefix) }.sorted(by: WorkspaceIndex.pathOrder)
      for key in gone {
        if let old = index.entries.removeValue(forKey: key) {
          index.pending.add(WorkspaceChange(path: key, kind: old.kind, event: .removed))
        }
      }
    }
    for (folder, watch) in watchOfPath where (!keepTop && folder == path) || folder.hasPrefix(prefix) {
      inotify?.unwatch(watch)
      watches[watch] = nil
      watchOfPath[folder] = nil
    }
  }

  /// A status.json appeared: the folder's files leave the index and the folder becomes one
  /// run-folder entry.
  func promoteRunFolder(_ folder: String, watch: Int32) {
    removeTree(folder, keepTop: true)
    watches[watch]?.isRunFolder = true
    refreshRunFolder(folder)
  }

  /// The status.json went away: the folder is an ordinary folder again, walked afresh.
  func demoteRunFolder(_ folder: String) {
    index.withLock {
      if let old = index.entries.removeValue(forKey: folder) {
        index.pending.add(WorkspaceChange(path: folder, kind: old.kind, event: .removed))
      }
    }
    if let watch = watchOfPath[folder] { watches[watch]?.isRunFolder = false }
    indexSubtree(folder)
  }

  /// Walks everything again and reports the differences (the polling fallback, and after an
  /// inotify queue overflow).
  func rescan() {
    let started = ProcessInfo.processInfo.systemUptime
    let previous = index.withLock { index.entries }
    var fresh: [String: WorkspaceIndex.Entry] = [:]
    fresh.reserveCapacity(previous.count)
    guard walk("", previous: previous, sink: { batch in for (path, entry) in batch { fresh[path] = entry } }) else { return }
    index.withLock {
      for (path, entry) in fresh where previous[path] != entry {
        index.pending.add(WorkspaceChange(path: path, kind: entry.kind, event: previous[path] == nil ? .added : .changed))
      }
      for (path, entry) in previous where fresh[path] == nil {
        index.pending.add(WorkspaceChange(path: path, kind: entry.kind, event: .removed))
      }
      index.entries = fresh
    }
    lastRescanSeconds = ProcessInfo.processInfo.systemUptime - started
  }

  private func record(_ path: String, _ entry: WorkspaceIndex.Entry, event: WorkspaceChange.Event) {
    index.withLock {
      index.entries[path] = entry
      index.pending.add(WorkspaceChange(path: path, kind: entry.kind, event: event))
    }
  }
}
