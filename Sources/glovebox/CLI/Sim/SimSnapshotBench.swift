import ArgumentParser
import Engine
import Foundation
import Workbench

/// `sim bench-snapshot`: size of a run snapshot in both VTK encodings, the time to write one
/// (compress and encode), to read it back whole (the restart) and the Simulation pane's path
/// from the file on disk to a downsampled frame (viewable arrays only), at grid² (the study's
/// 50 nm spacing, model 1's physics (`--config`) with a nucleus, a few steps so φ and ∂ξ/∂t are not uniform).
struct SimSnapshotBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench-snapshot",
    abstract: "Size, write and read time of one run snapshot; the pane's snapshot-to-frame time.")

  @Option(help: "Configuration whose physics and nucleus are used.") var config = "Examples/sim/model1.toml"
  @Option(help: "Grid points per side.") var grid: Int = 1024
  @Option(help: "Steps before the snapshot is taken.") var steps: Int = 3
  @Option(help: "Timed repetitions of each read.") var repeats: Int = 3
  @Option(help: "Time this .vti file instead of a generated one.") var file: String?
  @Flag(help: "Print one JSON document.") var json = false

  struct Result: Encodable {
    var grid_columns: Int
    var grid_rows: Int
    var point_arrays: Int
    var bytes_zlib: Int?
    var bytes_raw: Int?
    var ms_write_zlib: Double?
    var ms_write_raw: Double?
    var ms_read_all: Double
    var ms_snapshot_to_frame: Double
    var frame_columns: Int
    var frame_rows: Int
    /// The snapshot's preview (fields/*.preview): bytes, time to make and encode it, and the
    /// pane's job when it reads the preview instead of the checkpoint.
    var bytes_preview: Int?
    var ms_write_preview: Double?
    var ms_preview_to_frame: Double?
  }

  func run() throws {
    guard (8...8192).contains(grid), steps >= 0, repeats >= 1 else {
      throw ValidationError("--grid must be 8…8192, --steps ≥ 0, --repeats ≥ 1")
    }
    let clock = ContinuousClock()
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("glovebox-snapshot-bench-\(getpid())")
    let fields = folder.appendingPathComponent(RunFolder.fieldsDirectory)
    try FileManager.default.createDirectory(at: fields, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let name = "step_000000001.vti"
    var previewBytes: [UInt8]?
    var result = Result(grid_columns: 0, grid_rows: 0, point_arrays: 0, ms_read_all: 0, ms_snapshot_to_frame: 0,
                        frame_columns: 0, frame_rows: 0)
    if let file {
      try FileManager.default.copyItem(atPath: file, toPath: fields.appendingPathComponent(name).path)
    } else {
      let image = try snapshot()
      var document: [UInt8] = []
      result.ms_write_raw = milliseconds(clock.measure { document = image.document(encoding: .raw) })
      result.bytes_raw = document.count
      result.ms_write_zlib = milliseconds(clock.measure { document = image.document(encoding: .zlib) })
      result.bytes_zlib = document.count
      try Data(document).write(to: fields.appendingPathComponent(name))
      var preview: [UInt8] = []
      result.ms_write_preview = milliseconds(clock.measure { preview = SnapshotPreview.make(from: image)?.encoded() ?? [] })
      if !preview.isEmpty {
        result.bytes_preview = preview.count
        previewBytes = preview
      }
    }
    let path = fields.appendingPathComponent(name).path
    var image = try VTKImageData.read(path: path)
    result.ms_read_all = try best {
      image = try VTKImageData.read(path: path)
    }
    result.grid_columns = image.nx
    result.grid_rows = image.ny
    result.point_arrays = image.pointFields.count
    // The pane's job as the pane asks for it (at most 256² points, enough to zoom twice at
    // 120×40): from the checkpoint, then from the preview written beside it.
    var frame: SnapshotFrame?
    func paneJob() throws {
      frame = try SimulationRunReading.frame(run: folder.lastPathComponent, snapshot: name,
                                             maxColumns: SimulationPane.snapshotColumns, maxRows: SimulationPane.snapshotRows,
                                             workspace: folder.deletingLastPathComponent().path, context: JobContext())
    }
    result.ms_snapshot_to_frame = try best(paneJob)
    result.frame_columns = frame?.columns ?? 0
    result.frame_rows = frame?.rows ?? 0
    if let previewBytes {
      try Data(previewBytes).write(to: fields.appendingPathComponent(SnapshotPreview.fileName(forSnapshot: name)))
      result.ms_preview_to_frame = try best(paneJob)
      guard frame?.fromPreview == true else { throw ValidationError("the pane's job did not use the preview") }
    }
    if json {
      try printJSON(result)
    } else {
      print("snapshot \(result.grid_columns)×\(result.grid_rows), \(result.point_arrays) arrays")
      if let z = result.bytes_zlib, let r = result.bytes_raw, let wz = result.ms_write_zlib, let wr = result.ms_write_raw {
        print(String(format: "  size: zlib %.1f MB, uncompressed %.1f MB (%.0f %%)", Double(z) / 1e6, Double(r) / 1e6,
                     100 * Double(z) / Double(r)))
        print(String(format: "  write (encode): zlib %.0f ms, uncompressed %.0f ms", wz, wr))
      }
      print(String(format: "  read all arrays (restart): %.0f ms", result.ms_read_all))
      print(String(format: "  snapshot on disk → %d×%d frame (pane job, checkpoint): %.0f ms", result.frame_columns,
                   result.frame_rows, result.ms_snapshot_to_frame))
      if let bytes = result.bytes_preview, let write = result.ms_write_preview, let read = result.ms_preview_to_frame {
        print(String(format: "  preview: %.2f MB, made in %.0f ms; preview on disk → frame (pane job): %.1f ms",
                     Double(bytes) / 1e6, write, read))
      }
    }
  }

  /// Model 1's state after `steps` steps at grid², as `sim run` would checkpoint it.
  private func snapshot() throws -> VTKImageData {
    let text: String
    do { text = try String(contentsOfFile: config, encoding: .utf8) } catch {
      throw ValidationError("\(config): cannot be read (\(error.localizedDescription))")
    }
    let settings = try SimulationConfig.parse(text, fileName: config)
    var numerics = settings.numerics
    numerics.nx = grid
    numerics.ny = grid
    numerics.lengthX = Double(grid) * 50e-9
    numerics.lengthY = numerics.lengthX
    let physics = settings.physics
    var nucleus = settings.nucleus
    nucleus.layerThickness = 0.1 * numerics.lengthY
    nucleus.radius = 0.2 * numerics.lengthY
    let model = try LiModel(physics: physics, numerics: numerics,
                            state: LiModel.initialState(physics: physics, numerics: numerics, nucleus: nucleus))
    for _ in 0..<steps { try model.step() }
    return model.checkpoint()
  }

  /// The fastest of `repeats` runs, in ms (the least disturbed by other work on the machine).
  private func best(_ body: () throws -> Void) throws -> Double {
    let clock = ContinuousClock()
    var fastest = Double.infinity
    for _ in 0..<repeats {
      var failure: Error?
      let d = clock.measure { do { try body() } catch { failure = error } }
      if let failure { throw failure }
      fastest = min(fastest, milliseconds(d))
    }
    return fastest
  }
}
