import Foundation

/// What `bench-index` measured (JSON keys in snake case, as `bench-tui`'s).
struct BenchIndexReport: Encodable {
  var files_written: Int?
  var write_seconds: Double?
  var kept: String?
  var foundation_walk_ms = 0.0
  var first_walk_ms = 0.0
  var entries = 0
  var mode = ""
  var resident_growth_mb = 0.0
  var bytes_per_entry = 0.0
  var inotify_notice_ms: ChangeTiming?
  var polling_notice_ms: ChangeTiming?
  var workbench: WorkbenchTiming?

  func printLines(files: Int) {
    if let written = files_written, let seconds = write_seconds {
      print(String(format: "index: synthetic workspace of %d files written in %.1f s", written, seconds))
    }
    print(String(format: "index: first complete walk: %.0f ms for %d entries", first_walk_ms, entries) + " (then following by \(mode))")
    print(String(format: "index:   Foundation's enumerator over the same tree (the old scan): %.0f ms", foundation_walk_ms))
    print(String(format: "index: memory: resident +%.1f MB, %.0f bytes per entry (goal <= 100 MB for 100000 files)", resident_growth_mb, bytes_per_entry))
    if let t = inotify_notice_ms {
      print(String(format: "index: change noticed (inotify), median/max ms: create %.2f/%.2f, modify %.2f/%.2f, delete %.2f/%.2f",
                   t.create_median, t.create_max, t.modify_median, t.modify_max, t.delete_median, t.delete_max))
    }
    if let t = polling_notice_ms {
      print(String(format: "index: change noticed (polling fallback, 1 s interval), median ms: create %.0f, modify %.0f, delete %.0f",
                   t.create_median, t.modify_median, t.delete_median))
    }
    if let w = workbench {
      let during = w.index_complete_at_key ? "(index already complete)" : "while indexing"
      print(String(format: "workbench: first screen %.0f ms (goal <= 1000); key 2 answered in %.1f ms ", w.first_screen_ms, w.key_answered_ms)
        + during + String(format: " (goal <= 50); q in %.1f ms (goal <= 200)", w.quit_ms))
    }
    if let kept { print("index: workspace kept at \(kept)") }
  }
}
